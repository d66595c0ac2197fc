"""Spacing and punctuation artifacts (S1xx).

Machine translation and the HTML-to-text step around it leave spaces where the target language has
none: before the hyphen of a compound or a clitic (``norte -coreano``, ``comprometendo -se``),
before a comma or period (``sovereignty , security``), and stray punctuation after a closing quote.
"""

from __future__ import annotations

import re
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.core.model import Severity

# A word, one or more spaces, a hyphen glued to the next word: "norte -coreano", "ex -ministro".
# Not a dash used as a minus or a list bullet: the hyphen must be followed by a letter, and the
# preceding token must end in a letter or digit.
_SPACED_HYPHEN = re.compile(r"(?<=\w)([ \t\u00a0]+)-([^\W\d_]\w*)")
# The patterns of this module open with a look-behind, which makes the regex engine try every
# position of the text. Each check first looks for characters every match must contain (a fast
# substring or character-class scan) and runs its pattern only on texts that have them.
_WORD_END = re.compile(r"\w+$")


@check(
    "S101", "space-before-hyphen", Severity.WARNING,
    category="spacing_punctuation",
    message="Space inside the compound '{text}'; write '{suggestion}'",
    examples=[
        bad("o líder [[norte -coreano]] disse", suggest="norte-coreano"),
        bad("[[comprometendo -se]] a uma cooperação", suggest="comprometendo-se"),
        bad("e [[ex -ministro]] da Defesa", suggest="ex-ministro"),
        bad("a cidade [[norte  -coreana]] de Wonsan", suggest="norte-coreana"),
        good("o líder norte-coreano e o ex-ministro reuniram-se"),
        good("a temperatura caiu para -5 graus"),
        good("uma lista:\n- primeiro item\n- segundo item"),
        good("Lisboa - Porto, a viagem de comboio"),
        good("O placar — 2 a 1 — surpreendeu."),
    ],
)
def space_before_hyphen(doc, ctx):
    """A space between a word and the hyphen that joins it to the next word.

    ## Why it matters
    Machine translation often splits hyphenated compounds and enclitic pronouns
    (`norte -coreano`, `comprometendo -se`); readers see it at once as a defect.

    ## What fires
    A word, one or more spaces, a hyphen, and a letter with no space after the hyphen; the
    finding covers the whole compound and suggests it without the space. A dash with spaces on
    both sides (`Lisboa - Porto`) and a minus before a number stay silent.
    """
    text = doc.text
    if " -" not in text and "\t-" not in text and "\u00a0-" not in text:
        return  # every match has a space, tab or NBSP right before its hyphen
    for m in _SPACED_HYPHEN.finditer(text):
        w = _WORD_END.search(text, max(0, m.start() - 60), m.start())
        start = w.start() if w else m.start()
        yield Hit(start, m.end(), suggestion=f"{text[start : m.start()]}-{m.group(2)}")


# Space(s) before , ; : . ! ? — but not an ellipsis "…" starting a quote, and not numbers like " .5".
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w”\"’)\]])([ \t\u00a0]+)([,;:!?]|\.(?![\d.]))")
_SPACE_THEN_PUNCT = re.compile(r"[ \t\u00a0][,;:!?.]")  # in every match of the pattern above


def _word_before(text: str, i: int, limit: int = 40) -> int:
    """Start of the token that ends at ``i`` (no whitespace inside), at most ``limit`` back."""
    j = i
    while j > 0 and i - j < limit and not text[j - 1].isspace():
        j -= 1
    return j


@check(
    "S102", "space-before-punctuation", Severity.WARNING,
    category="spacing_punctuation",
    message="Space before '{punct}' in '{text}'; write '{suggestion}'",
    examples=[
        bad("protect the [[sovereignty ,]] security interests", suggest="sovereignty,"),
        bad("durante uma cúpula na quarta-feira com o [[Ocidente .]]", suggest="Ocidente."),
        bad("the [[Strategy ,]] a think tank", suggest="Strategy,"),
        good("Disse que sim, e saiu. Depois voltou: tudo bem? Sim!"),
        good("o índice subiu .5 ponto, segundo o jornal"),
        good("Com termômetros acima de 32 °C, as equipes atenderam 300 pessoas."),
    ],
)
def space_before_punctuation(doc, ctx):
    """A space between a word and the comma, period, colon, semicolon or mark that follows it.

    ## Why it matters
    Portuguese, English, Italian and Spanish typography put no space before these marks
    (unlike French). The artifact comes from text reassembled around links or from a round trip.

    ## What fires
    A word (or a closing quote or bracket), spaces, then `,` `;` `:` `!` `?` or a period that
    does not start a number or an ellipsis. The finding covers the word and the mark.
    """
    text = doc.text
    if not _SPACE_THEN_PUNCT.search(text):
        return
    for m in _SPACE_BEFORE_PUNCT.finditer(text):
        start = _word_before(text, m.start(1))
        word = text[start : m.start(1)]
        yield Hit(start, m.end(), suggestion=word + m.group(2), args={"punct": m.group(2)})


_DOUBLE_PERIOD = re.compile(r"(?<![.\s])\.\.(?!\.)")


@check(
    "S103", "doubled-period", Severity.WARNING,
    category="spacing_punctuation",
    message="Doubled period",
    examples=[
        bad("A reunião terminou[[..]] Depois disso", suggest="."),
        good("E então... silêncio. Foi só isso."),
        good("Ele trabalha na empresa X Ltda. desde 2019, segundo a nota."),
    ],
)
def doubled_period(doc, ctx):
    """Two periods where one is meant (three are an ellipsis and stay silent).

    ## Why it matters
    A doubled period is left where an abbreviation's period met the sentence's, or where text
    was reassembled; it reads as a typing slip.
    """
    if ".." not in doc.text:
        return
    for m in _DOUBLE_PERIOD.finditer(doc.text):
        yield Hit(m.start(), m.end(), suggestion=".")


# A closing quote followed by punctuation, whitespace, an opening quote and a period:
# `territorial”. “.`  — or a quote-period pair standing alone at the end of a line.
_STRAY_QUOTE_PERIOD = re.compile(r"(?<=[.!?”\"])[ \t]+([“\"]\.)(?=\s*$)", re.M)
_SPACE_PERIOD_END = re.compile(r"(?<=[.!?”\"])([ \t]+\.)(?=\s*$)", re.M)


def _may_have_quote_period(text: str) -> bool:
    """False when ``text`` has no quote-period pair, so no match of ``_STRAY_QUOTE_PERIOD``."""
    return "“." in text or '".' in text


def _may_have_space_period(text: str) -> bool:
    """False when ``text`` has no period right after a space or tab (``_SPACE_PERIOD_END``)."""
    return " ." in text or "\t." in text


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
    for rx, may in ((_STRAY_QUOTE_PERIOD, _may_have_quote_period),
                    (_SPACE_PERIOD_END, _may_have_space_period)):
        if not may(doc.text):
            continue
        for m in rx.finditer(doc.text):
            yield Hit(m.start(0), m.end(1), suggestion="")


_OPEN, _CLOSE = "“", "”"
_QUOTES = re.compile("[“”]")


@check(
    "S105", "unbalanced-quotes", Severity.WARNING,
    category="spacing_punctuation",
    message="Unbalanced quotation mark '{text}' in this paragraph",
    examples=[
        bad("Ele disse que “o acordo é histórico e saiu.\n\nOutro parágrafo.".replace("“", "[[“]]")),
        bad("“A reunião foi tensa”[[”]], disse o ministro."),
        good("Ele disse que “o acordo é histórico” e saiu."),
        good("“Primeira frase.\n“Segunda frase do mesmo discurso,” continuou."),
        good("ele prometeu “total apoio”. “.\nOutra linha."),
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
    # A stray `“.` after a finished sentence is reported once, by S104.
    stray = ({m.start(1) for m in _STRAY_QUOTE_PERIOD.finditer(doc.text)}
             if _may_have_quote_period(doc.text) else set())
    paras = doc.paragraphs
    for i, p in enumerate(paras):
        stack: list[int] = []
        unmatched: list[int] = []
        for q in _QUOTES.finditer(p.text):
            j, ch = q.start(), q.group()
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
            if p.start + j not in stray:
                yield Hit(p.start + j, p.start + j + 1)


# A period glued to a lower-case word and followed by a lower-case word: "for use. in Ukraine".
_STRAY_PERIOD = re.compile(r"(?<![\w.])([^\W\d_]{3,})(\.)(?= +[^\W\d_A-ZÀ-Ý])")
_PERIOD_THEN_LOWER = re.compile(r"\. +[^\W\d_A-ZÀ-Ý]")  # in every match of the pattern above


@cache
def _abbreviations() -> frozenset[str]:
    from mtqa.checks.data import load
    from mtqa.core.text import ABBREVIATIONS

    return ABBREVIATIONS | frozenset(load("spacing").get("abbreviations") or ())


@check(
    "S106", "stray-period", Severity.WARNING,
    category="spacing_punctuation",
    message="Stray period inside the sentence: '{text}'",
    examples=[
        bad("buying weapons from Pyongyang for [[use.]] in Ukraine.", suggest="use"),
        bad("em troca de [[ajuda.]] econômica e tecnologia.", suggest="ajuda"),
        good("Trouxe frutas, verduras etc. e voltou para casa."),
        good("O jogo terminou. Depois, os jogadores saíram."),
        good("O site globo.com e o e-mail contato@jornal.com.br saíram do ar."),
        good("The meeting started at 10 a.m. and ended at noon."),
        good("Ele citou Silva et al. em seu artigo, cf. o capítulo dois."),
    ],
)
def stray_period(doc, ctx):
    """A period inside a sentence, between two lower-case words.

    ## Why it matters
    Round trips and reassembled text leave periods in the middle of a sentence (`for use. in
    Ukraine`); the reader takes it for a sentence break that is not there.

    ## What fires
    A lower-case word of three or more letters, a period, a space and a lower-case word.
    Abbreviations (`etc.`, `dept.`, the project's list) and dotted names (`globo.com`) stay silent.
    """
    if not _PERIOD_THEN_LOWER.search(doc.text):
        return
    abbr = _abbreviations()
    for m in _STRAY_PERIOD.finditer(doc.text):
        w = m.group(1)
        if not w.islower() or w in abbr:
            continue
        yield Hit(m.start(1), m.end(2), suggestion=w)


CHECKS = (
    space_before_hyphen,
    space_before_punctuation,
    doubled_period,
    stray_quote_period,
    unbalanced_quotes,
    stray_period,
)
