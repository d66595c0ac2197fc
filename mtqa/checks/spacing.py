"""Spacing and punctuation artifacts (S1xx).

Machine translation and the HTML-to-text step around it leave spaces where the target language has
none: before the hyphen of a compound or a clitic (``norte -coreano``, ``comprometendo -se``),
before a comma or period (``sovereignty , security``), and stray punctuation after a closing quote.
"""

from __future__ import annotations

import re

from mtqa.checks.base import Hit, bad, check, good
from mtqa.core.model import Severity

# A word, one or more spaces, a hyphen glued to the next word: "norte -coreano", "ex -ministro".
# Not a dash used as a minus or a list bullet: the hyphen must be followed by a letter, and the
# preceding token must end in a letter.
_SPACED_HYPHEN = re.compile(r"(?<=\w)([ \t\u00a0]+)-(?=[^\W\d_])")


@check(
    "S101", "space-before-hyphen", Severity.WARNING,
    category="spacing_punctuation",
    message="Space before the hyphen of a compound or clitic: '{text}'",
    examples=[
        bad("o líder norte[[ -]]coreano disse", suggest="-"),
        bad("comprometendo[[ -]]se a uma cooperação", suggest="-"),
        bad("e ex[[ -]]ministro da Defesa", suggest="-"),
        good("o líder norte-coreano e o ex-ministro reuniram-se"),
        good("a temperatura caiu para -5 graus"),
        good("uma lista:\n- primeiro item\n- segundo item"),
        good("Lisboa - Porto, a viagem de comboio"),
    ],
)
def space_before_hyphen(doc, ctx):
    """A space between a word and the hyphen that joins it to the next word.

    ## Why it matters
    Machine translation often splits hyphenated compounds and enclitic pronouns
    (`norte -coreano`, `comprometendo -se`); readers see it at once as a defect.

    ## What fires
    A letter, one or more spaces, a hyphen, and a letter with no space after the hyphen. A dash
    with spaces on both sides (`Lisboa - Porto`) and a minus before a number stay silent.
    """
    for m in _SPACED_HYPHEN.finditer(doc.text):
        yield Hit(m.start(1), m.end(), suggestion="-")


# Space(s) before , ; : . ! ? — but not an ellipsis "…" starting a quote, and not numbers like " .5".
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w”\"’)\]])([ \t\u00a0]+)([,;:!?]|\.(?![\d.]))")


@check(
    "S102", "space-before-punctuation", Severity.WARNING,
    category="spacing_punctuation",
    message="Space before '{punct}'",
    examples=[
        bad("protect the sovereignty[[ ,]] security interests", suggest=","),
        bad("durante uma cúpula na quarta-feira com o Ocidente[[ .]]", suggest="."),
        good("Disse que sim, e saiu. Depois voltou: tudo bem? Sim!"),
        good("o índice subiu .5 ponto, segundo o jornal"),
    ],
)
def space_before_punctuation(doc, ctx):
    """A space between a word and the comma, period, colon, semicolon or mark that follows it.

    ## Why it matters
    Portuguese, English, Italian and Spanish typography put no space before these marks
    (unlike French). The artifact comes from text reassembled around links or from a round trip.
    """
    for m in _SPACE_BEFORE_PUNCT.finditer(doc.text):
        yield Hit(m.start(1), m.end(), suggestion=m.group(2), args={"punct": m.group(2)})


_DOUBLE_PERIOD = re.compile(r"(?<![.\s])\.\.(?!\.)")


@check(
    "S103", "doubled-period", Severity.WARNING,
    category="spacing_punctuation",
    message="Doubled period",
    examples=[
        bad("A reunião terminou[[..]] Depois disso", suggest="."),
        good("E então... silêncio. Foi só isso."),
    ],
)
def doubled_period(doc, ctx):
    """Two periods where one is meant (three are an ellipsis and stay silent)."""
    for m in _DOUBLE_PERIOD.finditer(doc.text):
        yield Hit(m.start(), m.end(), suggestion=".")


# A closing quote followed by punctuation, whitespace, an opening quote and a period:
# `territorial”. “.`  — or a quote-period pair standing alone at the end of a line.
_STRAY_QUOTE_PERIOD = re.compile(r"(?<=[.!?”\"])[ \t]+([“\"]\.)(?=\s*$)", re.M)
_SPACE_PERIOD_END = re.compile(r"(?<=[.!?”\"])([ \t]+\.)(?=\s*$)", re.M)


@check(
    "S104", "stray-quote-period", Severity.WARNING,
    category="spacing_punctuation",
    message="Stray punctuation after the end of the sentence: '{text}'",
    examples=[
        bad("proteger a soberania e a integridade territorial”.[[ “.]]", suggest=""),
        bad("a summit that came as both faced standoffs with the West.[[ .]]", suggest=""),
        good("“A situação está mudando”, disse Kim. “Vamos agir.”"),
        good("Ele disse “sim”."),
    ],
)
def stray_quote_period(doc, ctx):
    """Quote marks or periods left dangling after a sentence has already ended.

    ## Why it matters
    When quotation marks are moved around by machine translation the closing punctuation is
    often duplicated (`territorial”. “.`).
    """
    for rx in (_STRAY_QUOTE_PERIOD, _SPACE_PERIOD_END):
        for m in rx.finditer(doc.text):
            yield Hit(m.start(0), m.end(1), suggestion="")


_OPEN, _CLOSE = "“", "”"


@check(
    "S105", "unbalanced-quotes", Severity.WARNING,
    category="spacing_punctuation",
    message="Unbalanced quotation mark '{text}' in this paragraph",
    examples=[
        bad("Ele disse que “o acordo é histórico e saiu.\n\nOutro parágrafo.".replace("“", "[[“]]")),
        bad("“A reunião foi tensa”[[”]], disse o ministro."),
        good("Ele disse que “o acordo é histórico” e saiu."),
        good("“Primeira frase.\n“Segunda frase do mesmo discurso,” continuou."),
    ],
)
def unbalanced_quotes(doc, ctx):
    """A curly quotation mark with no partner in the same paragraph.

    ## Why it matters
    Machine translation drops or duplicates quote marks when it reorders a quotation, and the
    reader can no longer tell where the quoted words end.

    ## What fires
    Within a paragraph, an opening `“` never closed, or a closing `”` never opened. Paragraphs of
    a multi-paragraph quotation (each opening with `“` and leaving it open) stay silent when the
    next paragraph also opens with `“`.
    """
    paras = doc.paragraphs
    for i, p in enumerate(paras):
        stack: list[int] = []
        unmatched: list[int] = []
        for j, ch in enumerate(p.text):
            if ch == _OPEN:
                stack.append(j)
            elif ch == _CLOSE:
                if stack:
                    stack.pop()
                else:
                    unmatched.append(j)
        # A quotation continued in the next paragraph conventionally leaves its opening unclosed.
        if stack and i + 1 < len(paras) and paras[i + 1].text.lstrip().startswith(_OPEN):
            if len(stack) == 1 and p.text.lstrip().startswith(_OPEN):
                stack = []
        if stack and len(stack) == 1 and p.text.count("\n"):
            # A multi-line paragraph whose lines each open a quote (continued quotation).
            lines = p.text.split("\n")
            if all(line.lstrip().startswith(_OPEN) for line in lines):
                stack = []
        for j in sorted(unmatched + stack):
            yield Hit(p.start + j, p.start + j + 1)


CHECKS = (
    space_before_hyphen,
    space_before_punctuation,
    doubled_period,
    stray_quote_period,
    unbalanced_quotes,
)
