"""Spacing and punctuation artifacts (S1xx).

Machine translation and the HTML-to-text step around it leave spaces where the target language has
none: before the hyphen of a compound or a clitic (``norte -coreano``, ``comprometendo -se``),
before a comma or period (``sovereignty , security``), and stray punctuation after a closing quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.core.model import Severity
from mtqa.core.rx import scan

# A word, one or more spaces, a hyphen glued to the next word: "norte -coreano", "ex -ministro".
# Not a dash used as a minus or a list bullet: the hyphen must be followed by a letter, and the
# preceding token must end in a letter or digit.
_SPACED_HYPHEN = re.compile(r"(?<=\w)([ \t\u00a0]+)-([^\W\d_]\w*)")
# A range of years with a space on one side of the hyphen only: "1990 -2000", "1990- 2000".
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_YEAR_RANGE_BEFORE = re.compile(rf"(?<![\w.,/-])({_YEAR})[ \t]+-({_YEAR})(?![\w.,/-])")
_YEAR_RANGE_AFTER = re.compile(rf"(?<![\w.,/-])({_YEAR})-[ \t]+({_YEAR})(?![\w.,/-])")
_SPACE_THEN_HYPHEN = re.compile(r"[ \t]-\d")
_HYPHEN_THEN_SPACE = re.compile(r"\d-[ \t]")
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
        bad("o período [[1990 -2000]] foi de crise", suggest="1990-2000"),
        bad("no governo [[2003- 2010]] a renda subiu", suggest="2003-2010"),
        good("entre 1990 - 2000 e 2003-2010; a temperatura variou de 2000 -5 graus"),
    ],
)
def space_before_hyphen(doc, ctx):
    """A space between a word and the hyphen that joins it to the next word.

    ## Why it matters
    Machine translation often splits hyphenated compounds and enclitic pronouns
    (`norte -coreano`, `comprometendo -se`); readers see it at once as a defect.

    ## What fires
    A word, one or more spaces, a hyphen, and a letter with no space after the hyphen; the
    finding covers the whole compound and suggests it without the space. A range of years
    with a space on one side of the hyphen only (`1990 -2000`, `2003- 2010`) fires too. A dash
    with spaces on both sides (`Lisboa - Porto`) and a minus before other numbers stay silent.
    """
    text = doc.text
    if "- " in text or "-\t" in text:
        for m in _near(text, _HYPHEN_THEN_SPACE, _YEAR_RANGE_AFTER):
            yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)}-{m.group(2)}")
    if " -" not in text and "\t-" not in text and "\u00a0-" not in text:
        return  # every match has a space, tab or NBSP right before its hyphen
    for m in scan(_SPACED_HYPHEN, text):
        w = _WORD_END.search(text, max(0, m.start() - 60), m.start())
        start = w.start() if w else m.start()
        yield Hit(start, m.end(), suggestion=f"{text[start : m.start()]}-{m.group(2)}")
    for m in _near(text, _SPACE_THEN_HYPHEN, _YEAR_RANGE_BEFORE):
        yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)}-{m.group(2)}")


# Space(s) before , ; : . ! ? — but not an ellipsis "…" starting a quote, and not numbers like " .5".
_SPACE_BEFORE_PUNCT = re.compile(
    r"(?<=[\w”\"’)\]»%°])([ \t\u00a0\u202f\u2009]+)([,!?]|[;:](?![-^']?[()DPp](?!\w))|\.(?![\d.]))"
)
_SPACE_THEN_PUNCT = re.compile(r"[ \t\u00a0\u202f\u2009][,;:!?.]")  # in every match of the pattern above


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
        bad("chamou-lhe «um orçamento [[estável» ,]] disse", suggest="estável»,"),
        good("chamou-lhe «um orçamento estável», disse; subiu 5%, e 3 °C."),
        good("Que bom :) até amanhã ;) e boa sorte :-( :D"),
    ],
)
def space_before_punctuation(doc, ctx):
    """A space between a word and the comma, period, colon, semicolon or mark that follows it.

    ## Why it matters
    Portuguese, English, Italian and Spanish typography put no space before these marks
    (unlike French). The artifact comes from text reassembled around links or from a round trip.

    ## What fires
    A word (or a closing quote, guillemet or bracket, `%` or `°`), spaces (also no-break and thin
    spaces), then `,` `;` `:` `!` `?` or a period that does not start a number or an ellipsis;
    emoticons (`:)`, `;-)`) stay silent. The finding covers the word and the mark.
    """
    text = doc.text
    if not _SPACE_THEN_PUNCT.search(text):
        return
    for m in scan(_SPACE_BEFORE_PUNCT, text):
        start = _word_before(text, m.start(1))
        word = text[start : m.start(1)]
        yield Hit(start, m.end(), suggestion=word + m.group(2), args={"punct": m.group(2)})


_DOUBLE_PERIOD = re.compile(r"(?<![.\s])\.\.(?!\.)")
# "terminou. . Depois": two periods with a space between them inside a line (at the end of a
# line, S104 reports the second one); a spaced ellipsis ". . ." stays silent.
_PERIOD_BLANK_PERIOD = re.compile(r"\.[ \t]+\.")
_SPACED_DOUBLE_PERIOD = re.compile(r"(?<=[\w”\")])\.[ \t]+\.(?![ \t]*\.)(?![ \t]*$)", re.M)


@check(
    "S103", "doubled-period", Severity.WARNING,
    category="spacing_punctuation",
    message="Doubled period",
    examples=[
        bad("A reunião terminou[[..]] Depois disso", suggest="."),
        good("E então... silêncio. Foi só isso."),
        good("Ele trabalha na empresa X Ltda. desde 2019, segundo a nota."),
        bad("A reunião terminou[[. .]] Depois disso", suggest="."),
        good("E então. . . silêncio. Foi só isso. ."),
    ],
)
def doubled_period(doc, ctx):
    """Two periods where one is meant (three are an ellipsis and stay silent).

    ## Why it matters
    A doubled period is left where an abbreviation's period met the sentence's, or where text
    was reassembled; it reads as a typing slip.

    ## What fires
    `..` not part of an ellipsis, and `. .` inside a line (at the end of a line S104 reports
    it). Ellipses, spaced ones included (`. . .`), stay silent.
    """
    text = doc.text
    if ".." in text:
        for m in scan(_DOUBLE_PERIOD, text):
            yield Hit(m.start(), m.end(), suggestion=".")
    if ". " in text or ".\t" in text:
        for m in _near(text, _PERIOD_BLANK_PERIOD, _SPACED_DOUBLE_PERIOD, back=4, fwd=4):
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
        for m in scan(rx, doc.text):
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
    stray = ({m.start(1) for m in scan(_STRAY_QUOTE_PERIOD, doc.text)}
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
#: A period before `E/ou`: "and/or" joins two parts of one sentence and never opens one.
_PERIOD_AND_OR = re.compile(r"(?<![\w.])([^\W\d_]{3,})\. +(E ?/ ?ou)\b")


@cache
def _titles() -> frozenset[str]:
    from mtqa.checks.data import load

    return frozenset(load("spacing").get("titles") or ())


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
        bad("o anúncio do [[Console.]] que destruiu as vendas", suggest="Console"),
        good("a Warner Bros. e a Disney; o Sr. e a Sra. Silva; a Ltda. e a Cia. de seguros"),
        good("Ele saiu de Paris. iPhone e eBay lideram as vendas."),
        bad("Os dados podem ser roubados por [[terceiros. E/ou]] usados para golpes.",
            suggest="terceiros e/ou"),
        good("Os dados podem ser roubados por terceiros e/ou usados para golpes. E ou eles agem, "
             "ou perdem."),
    ],
)
def stray_period(doc, ctx):
    """A period inside a sentence, between two lower-case words.

    ## Why it matters
    Round trips and reassembled text leave periods in the middle of a sentence (`for use. in
    Ukraine`); the reader takes it for a sentence break that is not there.

    ## What fires
    A lower-case or capitalised word of three or more letters, a period, a space and a
    lower-case word. Abbreviations and titles (`etc.`, `dept.`, `Bros.`, `Ltda.`, the project's
    lists), dotted names (`globo.com`) and names written in lower case (`iPhone`) stay silent.
    A period before `E/ou` fires too: "and/or" never opens a sentence (`roubados por terceiros.
    E/ou usados`).
    """
    abbr = _abbreviations()
    for m in scan(_PERIOD_AND_OR, doc.text):
        if m.group(1) not in abbr:
            yield Hit(m.start(1), m.end(2), suggestion=f"{m.group(1)} {m.group(2).lower()}")
    if not _PERIOD_THEN_LOWER.search(doc.text):
        return
    titles = _titles()
    text = doc.text
    for m in scan(_STRAY_PERIOD, text):
        w = m.group(1)
        if w in abbr:
            continue
        if not w.islower():
            # "o anúncio do Console. que": a capitalised word, not a title or a company suffix
            if not (w[0].isupper() and w[1:].islower()) or w.lower() in abbr or w.lower() in titles:
                continue
            nxt = text[m.end(2) : m.end(2) + 30].split(maxsplit=1)
            if not nxt or not nxt[0][:1].islower() or any(c.isupper() for c in nxt[0]):
                continue  # "iPhone", "eBay": a name written in lower case
        yield Hit(m.start(1), m.end(2), suggestion=w)



# --- classes seen on real machine-translated pages (S110-S119) ---------------------------------

_BLANKS = "[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]"


#: The run of non-blank characters that starts where a match's ``pos`` is, and the blanks
#: after it: what a walk over ``str.isspace`` finds, in C (``\s`` and ``str.isspace`` agree on
#: every character).
_LEADING_TOKEN = re.compile(r"\S*")
_LEADING_BLANKS = re.compile(r"[^\S\n]*")
#: Matched from a window's start: up to just after the window's last blank (greedy, then back
#: one character at a time until a blank: linear in the window).
_UP_TO_LAST_BLANK = re.compile(r".*\s", re.S)


def _token_start(text: str, lo: int, pos: int) -> int:
    """Where the run of non-blanks that ends at ``pos`` starts, not before ``lo``: what the
    search of ``\\S*\\Z`` in ``text[lo:pos]`` finds. That search tried each position of the
    window and ran to its end from each, quadratic in the window (a megabyte of HTML tags
    without a blank took a second in S128)."""
    m = _UP_TO_LAST_BLANK.match(text, lo, pos)
    return m.end() if m is not None else lo


def _token_bounds(text: str, start: int, end: int, limit: int = 80) -> tuple[int, int]:
    """The whitespace-delimited token around ``text[start:end]``, at most ``limit`` either side."""
    a = _token_start(text, max(0, start - limit), start) if start > 0 else start
    b = _LEADING_TOKEN.match(text, end, end + limit).end() if end < len(text) else end
    return a, b


_URLISH = re.compile(r"://|www\.|@|[=<>{}\\|]|\w/\w|\.\w+\.\w")


def _near(text: str, anchor: re.Pattern, rx: re.Pattern, back: int = 60, fwd: int = 60):
    """The matches of ``rx`` in windows around the matches of ``anchor``.

    Python's regex engine scans fast for a pattern that opens with a character or a class, and
    slowly (trying every position) for one that opens with a look-behind or a word. ``anchor``
    finds the rare character every match of ``rx`` contains; ``rx`` then runs only on a window
    around each, widened to whole tokens (look-behinds still see the text before a window).
    """
    n = len(text)

    def window_end(e: int) -> int:
        # to the end of the token, and of the next one (look-aheads), at most fwd + 80 on
        limit = e + fwd + 80
        b = min(n, e + fwd)
        if b < limit:
            b = _LEADING_TOKEN.match(text, b, limit).end()
            b = _LEADING_BLANKS.match(text, b, limit).end()
            b = _LEADING_TOKEN.match(text, b, limit).end()
            b = _LEADING_BLANKS.match(text, b, limit).end()
        return b

    # A window's start and end only grow with its anchor's position, so an anchor that falls
    # inside the current window (dense anchors: a run of '...') only moves the window's end,
    # which is computed once, for the last such anchor.
    a0 = b0 = -1
    pending = -1  # end of the last anchor merged into the window whose end is not counted yet
    for m in scan(anchor, text):
        s = m.start()
        if a0 >= 0 and s - back <= b0:
            pending = m.end()
            continue
        if pending >= 0:
            b0 = max(b0, window_end(pending))
            pending = -1
            if s - back <= b0:
                pending = m.end()
                continue
        a = max(0, s - back)
        if a > 0:  # back to the start of the token, at most 40 characters
            a = _token_start(text, max(0, a - 40), a)
        b = window_end(m.end())
        if a0 >= 0 and a <= b0:
            b0 = max(b0, b)
            continue
        if a0 >= 0:
            yield from rx.finditer(text, a0, b0)
        a0, b0 = a, b
    if pending >= 0:
        b0 = max(b0, window_end(pending))
    if a0 >= 0:
        yield from rx.finditer(text, a0, b0)


def _urlish(text: str, start: int, end: int) -> bool:
    """True when the token around the span looks like an address, an e-mail, a path or code."""
    a, b = _token_bounds(text, start, end)
    return bool(_URLISH.search(text, a, b))


def _load_list(key: str) -> frozenset[str]:
    from mtqa.checks.data import load

    return frozenset(load("spacing").get(key) or ())


# A space before a closing bracket ("(via Fonte )") or after an opening one ("( Fonte").
_SPACE_BEFORE_CLOSE = re.compile(r"(?<=[\w”\"’%.!?)\]])(" + _BLANKS + r"+)([)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])(" + _BLANKS + r"+)(?=[\w“\"‘«])")
_CLOSE_BRACKET = re.compile(r"[)\]]")
_OPEN_BRACKET = re.compile(r"[(\[]")
_PAIR = {")": "(", "]": "["}


@check(
    "S110", "space-inside-brackets", Severity.WARNING,
    category="spacing_punctuation",
    message="Space inside the brackets: '{text}'; write '{suggestion}'",
    examples=[
        bad("segundo a reportagem (via [[Agência )]], o aparelho sai em maio", suggest="Agência)"),
        bad("o mercado [[( Feira]] Livre) abre cedo", suggest="(Feira"),
        bad("os programas (ou [[aplicativos )]] ficam mais lentos", suggest="aplicativos)"),
        bad("o autor [[( 1950]] – [[2010 )]] escreveu"),
        good("o mercado (Feira Livre) abre cedo, segundo a prefeitura [1]."),
        good("Marque a opção [ ] sim ou [ ] não."),
        good("a) primeiro item\nb ) segundo item"),
        bad("o texto (que foi\nquebrado [[aqui )]] continua", suggest="aqui)"),
        good("(a) primeiro item\nb ) segundo item\n\nOutro parágrafo )"),
        good("Que dia bom : ) até amanhã"),
        good("A reunião (que durou três horas) terminou sem acordo."),
    ],
)
def space_inside_brackets(doc, ctx):
    """A space just inside a parenthesis or a square bracket.

    ## Why it matters
    Portuguese puts no space after `(` or before `)`. The artifact comes from a page whose link
    or formatted word inside the brackets was translated on its own and put back with spaces
    around it (`(via Fonte )`), and from automatically translated wiki mirrors.

    ## What fires
    A word, a closing quote or a final mark, spaces, then `)` or `]`, when the paragraph has an
    unclosed `(` or `[` before it; and `(` or `[`, spaces, then a word, when the paragraph
    closes the bracket after it. Empty boxes (`[ ]`), list markers (`b )`) and emoticons stay
    silent. The finding covers the word and the bracket.
    """
    text = doc.text
    for m in _near(text, _CLOSE_BRACKET, _SPACE_BEFORE_CLOSE):
        before = text[max(0, m.start() - 400) : m.start()]
        before = before[before.rfind("\n\n") + 1 :]  # this paragraph only
        opener = _PAIR[m.group(2)]
        if before.count(opener) <= before.count(m.group(2)):
            continue  # no open bracket before it: a list marker or an emoticon
        start = _word_before(text, m.start(1))
        if m.start(1) - start <= 3 and (start == 0 or text[start - 1] == "\n"):
            continue  # "b )" opening a line: a list marker
        word = text[start : m.start(1)]
        yield Hit(start, m.end(), suggestion=word + m.group(2))
    for m in _near(text, _OPEN_BRACKET, _SPACE_AFTER_OPEN):
        after = text[m.end() : m.end() + 400]
        cut = after.find("\n\n")
        after = after if cut < 0 else after[:cut]  # this paragraph only
        closer = ")" if m.group(1) == "(" else "]"
        if closer not in after:
            continue
        le = m.end() + len(after)
        end = m.end()
        while end < le and not text[end].isspace() and text[end] not in ")]" and end - m.end() < 40:
            end += 1
        yield Hit(m.start(), end, suggestion=m.group(1) + text[m.end() : end])


# A space just inside curly quotes or guillemets: "“ texto”", "o texto ”", "« texto".
_SPACE_INSIDE_QUOTES = re.compile(
    r"([“«‘])(" + _BLANKS + r"+)(?=\w)|(?<=[\w.!?])(" + _BLANKS + r"+)([”»]|’(?![\w’]))"
)
_CURLY_QUOTE = re.compile(r"[“«‘”»’]")


@check(
    "S111", "space-inside-quotes", Severity.WARNING,
    category="spacing_punctuation",
    message="Space inside the quotation marks: '{text}'; write '{suggestion}'",
    examples=[
        bad("o ministro falou em [[“ paz]] duradoura”", suggest="“paz"),
        bad("o ministro falou em “paz [[duradoura ”]] ontem", suggest="duradoura”"),
        bad("disse que o plano era [[« inaceitável]]»", suggest="«inaceitável"),
        good("o ministro falou em “paz duradoura” ontem"),
        good("o ministro falou em «paz duradoura» ontem, e o jornal citou «O Tempo»."),
        good("Ele gritou: “Já!” e saiu."),
        bad('o ministro falou em [[" paz]] duradoura" ontem', suggest='"paz'),
        bad('o ministro falou em "paz [[duradoura "]] ontem', suggest='duradoura"'),
        good('o ministro falou em "paz duradoura" e "crescimento"; a tela de 6" e o "x"'),
        good('o ministro disse " e saiu'),
        bad("chamou de [[‘ amizade]] eterna’ o acordo", suggest="‘amizade"),
        bad("chamou de ‘amizade [[eterna ’]] o acordo", suggest="eterna’"),
        good("chamou de ‘amizade eterna’ o acordo da caixa d’água"),
    ],
)
def space_inside_quotes(doc, ctx):
    """A space just inside curly quotation marks or guillemets.

    ## Why it matters
    Portuguese writes `“texto”` and `«texto»` with the marks against the quoted words. A space
    inside them is left when the quoted words were translated apart from their marks.

    ## What fires
    `“` or `«`, spaces, then a word; a word or a final mark, spaces, then `”` or `»`; the same
    inside straight quotes `"` on a line where they pair up. French, which spaces its
    guillemets, is not checked for `«` `»`.
    """
    text = doc.text
    if '"' in text:
        yield from _straight_quote_spaces(doc)
    french = (doc.language or "") == "fr"
    for m in _near(text, _CURLY_QUOTE, _SPACE_INSIDE_QUOTES):
        if m.group(1):  # opening mark
            if french and m.group(1) == "«":
                continue
            end = m.end()
            lim = min(len(text), end + 40)
            while end < lim and text[end].isalnum():
                end += 1
            yield Hit(m.start(), end, suggestion=m.group(1) + text[m.end() : end])
        else:
            if french and m.group(4) == "»":
                continue
            start = _word_before(text, m.start(3))
            yield Hit(start, m.end(), suggestion=text[start : m.start(3)] + m.group(4))


_BLANK_CHARS = " \t\u00a0\u202f\u2009"


def _straight_quote_spaces(doc):
    """Spaces inside pairs of straight quotes, on lines where the quotes pair up."""
    text = doc.text
    by_line: dict[int, list[int]] = {}
    for m in re.finditer('"', text):
        by_line.setdefault(doc.line_bounds(m.start())[0], []).append(m.start())
    for qs in by_line.values():
        if len(qs) % 2:
            continue  # unpaired: cannot tell opening from closing
        for k, q in enumerate(qs):
            if k % 2 == 0:  # opening: '" texto'
                e = q + 1
                while e < len(text) and text[e] in _BLANK_CHARS:
                    e += 1
                if e == q + 1 or e >= len(text) or not text[e].isalnum() or e >= qs[k + 1]:
                    continue
                end = e
                while end < qs[k + 1] and text[end].isalnum():
                    end += 1
                yield Hit(q, end, suggestion='"' + text[e:end])
            else:  # closing: 'texto "'
                b = q
                while b > qs[k - 1] + 1 and text[b - 1] in _BLANK_CHARS:
                    b -= 1
                if b == q or not (text[b - 1].isalnum() or text[b - 1] in ".!?"):
                    continue
                start = _word_before(text, b)
                start = max(start, qs[k - 1] + 1)
                yield Hit(start, q + 1, suggestion=text[start:b] + '"')


# A word glued to an opening parenthesis: "o programa Cliente(PCC)". Contents that mark a
# plural or a gender ("aluno(s)", "funcionário(a)") and trademarks ("(R)", "(TM)") stay silent.
_GLUED_PAREN = re.compile(r"(?<![\w.@/\\#&'’-])([^\W\d_]{2,})\(([^\W\d_][^()\n]{1,60})\)")
_OPEN_PAREN = re.compile(r"\(")
_CLOSE_PAREN = re.compile(r"\)")
_GLUED_AFTER_PAREN = re.compile(r"\(([^()\n]{1,60})\)([^\W\d_]{2,})")
_PAREN_SUFFIXES = frozenset(
    "s es as os a o e ns is ões ãs ães ais eis ei r tm sm c mr ões ã am em m".split()
)


def _codeish(inner: str) -> bool:
    return any(ch in inner for ch in "=_\"'`;{}<>[]") or ("," in inner and ", " not in inner)


@check(
    "S112", "missing-space-at-bracket", Severity.WARNING,
    category="spacing_punctuation",
    message="No space between the word and the bracket: '{text}'",
    examples=[
        bad("concluiu o programa de [[Apoio(PAE)]] no fim do ano", suggest="Apoio (PAE)"),
        bad("o programa de apoio [[(PAE)programa]] foi encerrado", suggest="(PAE) programa"),
        good("os aluno(s) e o(a) funcionário(a) devem assinar"),
        good("a marca Gadget(R) e o produto Coisa(TM) chegaram"),
        good("a (re)construção da ponte e a (des)informação nas redes"),
        good("o programa de Apoio (PAE) foi encerrado; chame print(x) no código"),
        good("o artigo 5(a) da lei e a fórmula f(x)"),
    ],
)
def missing_space_at_bracket(doc, ctx):
    """A word glued to the outside of a parenthesis: `Apoio(PAE)`, `(PAE)programa`.

    ## Why it matters
    Portuguese separates a parenthesis from the words around it. The artifact comes from a
    translation that dropped the space next to an acronym or a linked word.

    ## What fires
    A word of two or more letters right before `(` whose contents start with a letter; and a
    closing `)` glued to the next word. Plural and gender marks (`aluno(s)`, `o(a)`,
    `(re)construção`), trademarks, addresses and code (`print(x)`, `f(x)`) stay silent.
    """
    text = doc.text
    if "(" not in text:
        return
    seen: set[int] = set()
    for m in _near(text, _OPEN_PAREN, _GLUED_PAREN):
        inner = m.group(2)
        if inner.lower() in _PAREN_SUFFIXES or _codeish(inner) or len(inner) < 2:
            continue
        if inner.islower() and " " not in inner and m.group(1).islower():
            continue  # print(x), len(lista): code
        if _urlish(text, m.start(), m.end()):
            continue
        seen.add(m.end())
        yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)} ({inner})")
    if ")" not in text:
        return
    for m in _near(text, _CLOSE_PAREN, _GLUED_AFTER_PAREN):
        inner = m.group(1)
        open_at = m.start()
        if m.start() + 1 + len(inner) + 1 in seen:
            pass
        # "(re)construção": a short lower-case prefix in brackets at the start of the word
        if inner.islower() and len(inner) <= 5 and (open_at == 0 or text[open_at - 1].isspace()
                                                     or not text[open_at - 1].isalnum()):
            continue
        if inner.lower() in _PAREN_SUFFIXES or _codeish(inner) or _urlish(text, m.start(), m.end()):
            continue
        yield Hit(m.start(), m.end(), suggestion=f"({inner}) {m.group(2)}")


# A quotation mark glued to the words on both sides: `que"Roma`, `eram”muito`, `disse:“Vamos`.
_GLUED_QUOTE = re.compile(r"(?<=[^\W\d_]|[,.;:!?])(?:[\"“”«»]|‘(?!s\b))(?=[^\W\d_])")
_QUOTE_BEFORE_LETTER = re.compile(r"[\"“”«»‘](?=[^\W\d_])")


@check(
    "S113", "glued-quote", Severity.WARNING,
    category="spacing_punctuation",
    message="Quotation mark glued to the words around it: '{text}'",
    examples=[
        bad('a treinadora avisou [[que"o]] time vai reagir', suggest='que "o'),
        bad("acharam que [[era”muito]] cedo", suggest="era ”muito"),
        bad("eles [[disseram:“Vamos]] ganhar”", suggest="disseram: “Vamos"),
        good('a treinadora avisou que "o time vai reagir" e saiu'),
        good("a tela de 6,5\" e o cabo de 2\"x3\" vieram juntos"),
        good('o atributo class="titulo" do HTML'),
        good("“Vamos ganhar”, disse. “Tudo bem.”"),
        bad("o ministro falou de «falta de [[ambição»na]] redução", suggest="ambição» na"),
        good("o ministro falou de «falta de ambição» na redução, e «Já!», disse."),
        bad("chamou de [[amizade‘eterna]]’ o acordo", suggest="amizade ‘eterna"),
        good("a Coreia do Norte‘s e a caixa d’água"),
    ],
)
def glued_quote(doc, ctx):
    """A quotation mark with no space between it and the words on both sides.

    ## Why it matters
    Portuguese puts a space before an opening quote and after a closing one. Machine
    translation that moves the marks around (often turning `“` into `”`) leaves them glued to
    the neighbouring words: `disse"Vamos`, `era”muito cedo”para`.

    ## What fires
    A letter or a punctuation mark, then `"`, `“`, `”`, `«` or `»`, then a letter. Inch marks after
    digits, attribute values (`class="x"`), addresses and code stay silent.
    """
    text = doc.text
    for m in _near(text, _QUOTE_BEFORE_LETTER, _GLUED_QUOTE, back=2, fwd=2):
        q = m.start()
        if _urlish(text, q, q + 1):
            continue
        a = q
        while a > 0 and q - a < 40 and not text[a - 1].isspace() and text[a - 1] not in "\"“”«»(":
            a -= 1
        b = q + 1
        while b < len(text) and b - q < 40 and text[b].isalnum():
            b += 1
        if text[q] in "“«»‘":
            opening = text[q] != "»"
        else:  # `"` or `”` (which MT also uses to open): opening after an even number of marks
            ls, _ = doc.line_bounds(q)
            ls = max(ls, q - 2000)
            opening = sum(text.count(c, ls, q) for c in '"“”') % 2 == 0
        sug = f"{text[a:q]} {text[q:b]}" if opening else f"{text[a:q + 1]} {text[q + 1:b]}"
        yield Hit(a, b, suggestion=sug)


@cache
def _dash_words() -> frozenset[str]:
    from mtqa.checks.data import load

    return frozenset((load("spacing").get("dash_words") or {}).get("pt") or ())


# A number or a word, a hyphen and a lower-case word, with no spaces: "em 2019-bem",
# "do Gadget-acredito que".
_HYPHEN_DASH = re.compile(r"(?<![\w.,/\-–—])(\d+|[^\W\d_]{2,})([-–—])([^\W\d_]{1,})(?![\w\-–—])")
# An en or em dash with a space on one side only: "funciona— e", "funciona —e".
_ONE_SIDED_DASH = re.compile(r"(?<=[^\W\d_])[—–] (?=[^\W\d_])|(?<=[^\W\d_]) [—–](?=[^\W\d_])")
_DASH = re.compile(r"[-–—]")
_HYPHEN_DASH_NUM_OK = frozenset({"bis", "ésimo", "ésima", "feira"})


@check(
    "S114", "hyphen-as-dash", Severity.WARNING,
    category="spacing_punctuation",
    languages=("pt",),
    message="Hyphen used as a dash in '{text}'; write '{suggestion}'",
    examples=[
        bad("o clube subiu de divisão em [[2019-bem]] antes da reforma", suggest="2019 — bem"),
        bad("as novidades do [[Gadget-acredito]] que falam por si", suggest="Gadget — acredito"),
        good("a Linha 9-Esmeralda, o 14-bis, a Covid-19 e o placar de 3-1"),
        good("o período 2019-2020, o tudo-em-um e o dia-a-dia"),
        good("Disse-lhe que sim; vendeu-a ontem; Kim Jong-un e Moon Jae-in."),
        good("a seleção sub-20, os norte-americanos e a pós-graduação"),
        good("A chuva parou - e o jogo recomeçou."),
        bad("o motor ainda [[gira—e]] faz barulho", suggest="gira — e"),
        bad("reaberto em [[2018–logo]] depois da obra", suggest="2018 — logo"),
        good("o período 2019–2020, a relação Rússia–China e o eixo Lisboa—Madrid"),
        good("o leva-e-traz, Ji-eun, a Coreia do Sul-Japão e o tão-somente"),
        bad("o motor [[gira— e]] faz barulho", suggest="gira — e"),
        bad("o motor [[gira —e]] faz barulho", suggest="gira — e"),
        good("— Olá — disse ele. Kiev, Moscou e Irã —, o governo; 2019–2020"),
    ],
)
def hyphen_as_dash(doc, ctx):
    """A dash written as a hyphen with no spaces, gluing a number or a name to the next word.

    ## Why it matters
    English pages often write a dash as an unspaced hyphen or lose its spaces; machine
    translation keeps it, and the Portuguese reader sees a compound that does not exist
    (`2019-bem`, `Gadget-acredito`).

    ## What fires
    A number, a hyphen (or an unspaced en or em dash) and a lower-case word (`2019-bem`); or a
    word, a hyphen or dash and a word that never ends a compound (a conjunction, a pronoun, a
    common verb form: `que`, `quase`, `acredito`); an en or em dash between words with a space
    on one side only (`funciona— e`). Compounds, clitic pronouns (`disse-lhe`), ranges (`2019-2020`), names
    (`Jong-un`, `9-Esmeralda`) and dashes with spaces stay silent.
    """
    text = doc.text
    if "-" not in text and "–" not in text and "—" not in text:
        return
    words = _dash_words()
    for m in _near(text, _DASH, _HYPHEN_DASH):
        left, right = m.group(1), m.group(3)
        if not right.islower():
            continue
        if left.isdigit():
            if right in _HYPHEN_DASH_NUM_OK or len(right) < 2:
                continue
        elif right not in words:
            continue
        yield Hit(m.start(), m.end(), suggestion=f"{left} — {right}")
    if "—" in text or "–" in text:
        for m in _near(text, _DASH, _ONE_SIDED_DASH, back=2, fwd=2):
            a = _word_before(text, m.start())
            b = m.end()
            while b < len(text) and text[b].isalnum() and b - m.end() < 40:
                b += 1
            yield Hit(a, b, suggestion=f"{text[a:b].replace(m.group().strip(), ' — ').replace('  ', ' ')}")


# A label in capitals glued to the next word: "AOVIVOVeja você pode".
_GLUED_CAPS = re.compile(r"(?<!\w)([A-ZÀ-Ý]{4,})([A-ZÀ-Ý][a-zà-ÿ]{3,})(?![\wA-ZÀ-Ý])")
_FIVE_CAPS = re.compile(r"[A-ZÀ-Ý]{5}")
_VOWELS = set("AEIOUÁÉÍÓÚÂÊÔÃÕÀ")


@check(
    "S115", "glued-caps-label", Severity.WARNING,
    category="spacing_punctuation",
    languages=("pt",),
    message="A word in capitals glued to the next word: '{text}'",
    examples=[
        bad("[[AOVIVOVeja]] você pode ouvir as notícias", suggest="AOVIVO Veja"),
        bad("Assista: [[URGENTEGoverno]] anuncia medidas", suggest="URGENTE Governo"),
        good("JPMorgan, BNDESPar, PCdoB, ONGs e HTMLElement"),
        good("NOVO: Agora você pode ouvir as notícias"),
    ],
)
def glued_caps_label(doc, ctx):
    """A label in capitals glued to the next, capitalised word (`AOVIVOVeja`).

    ## Why it matters
    Page labels (`NOVO`, `URGENTE`, `AO VIVO`) lose the space or the mark that separated them
    from the text when the page is extracted and translated.

    ## What fires
    A word of four or more capitals with at least two vowels, glued to a capitalised word of
    four or more letters. Acronym-based names (`JPMorgan`, `BNDESPar`, `ONGs`) stay silent.
    """
    text = doc.text
    for m in _near(text, _FIVE_CAPS, _GLUED_CAPS):
        label = m.group(1)
        if sum(ch in _VOWELS for ch in label) < 2:
            continue
        if _urlish(text, m.start(), m.end()):
            continue
        yield Hit(m.start(), m.end(), suggestion=f"{label} {m.group(2)}")


# A number glued to the next word: "Console 3além de", "30anos". Units ("10km", "5kcal"),
# times and measures ("11h30min", "2m84cm") stay silent.
_DIGIT_GLUED = re.compile(r"(?<![\w.,/:#@$€£-])(\d{1,3}(?:\.\d{3})+|\d+)([a-zà-ÿ]{4,})(?!\w)")
_DIGIT_LETTERS = re.compile(r"\d[a-zà-ÿ]{4}")
# A year glued to the short Portuguese word after it: "em 1950em Lisboa", "de 2019e".
_YEAR_GLUED = re.compile(r"(?<![\w.,/:#@$€£-])((?:1[5-9]|20)\d\d)(em|e|de|do|da|no|na|com|que|ao|foi|para|por)(?=[ \t]+\w)")
_YEAR_LETTER = re.compile(r"\d{4}[a-z]")
_DIGIT_UNITS = frozenset("kcal mbps kbps gbps tbps kwh mwh gwh mph kmh ghz mhz khz min mins hrs bits bytes".split())


@check(
    "S116", "digit-glued-to-word", Severity.WARNING,
    category="spacing_punctuation",
    languages=("pt",),
    message="A number glued to the next word: '{text}'",
    examples=[
        bad("a estreia da Temporada [[3além]] de bater o recorde", suggest="3 além"),
        bad("completou [[30anos]] de carreira", suggest="30 anos"),
        good("correu 10km em 42min, saltou 2m84cm, volta de 1min07s508 às 11h30min"),
        good("a bateria de 5000mAh, os 80W, 5G, 4K, 3D, a 2ª fase e o 1º lugar"),
        good("a dieta de 2000kcal e a conexão de 300mbps"),
        good("o código #3dias e o perfil @2irmaos"),
        bad("reuniu cerca de [[3.000pessoas]] no estádio", suggest="3.000 pessoas"),
        bad("nasceu em março de [[1950em]] Lisboa", suggest="1950 em"),
        good("o modelo 2019e, o padrão 1.5em do CSS e o código 2020de; nasceu em 1950 em Lisboa"),
    ],
)
def digit_glued_to_word(doc, ctx):
    """A number glued to the lower-case word after it (`3além`, `30anos`).

    ## Why it matters
    When a link or a product name ends in a number, extraction and translation often drop the
    space (and the comma) after it; the reader stumbles on a token that is not a word.

    ## What fires
    Digits at the start of a token (a number with thousands points too: `3.000pessoas`) followed
    by four or more lower-case letters that end it; in Portuguese, a year glued to a short word
    after it (`1950em Lisboa`, `2019e o`).
    Units and measures (`10km`, `5000mAh`, `2m84cm`, `1min07s508`), ordinals, hashtags and
    handles stay silent.
    """
    text = doc.text
    for m in _near(text, _DIGIT_LETTERS, _DIGIT_GLUED):
        if m.group(2) in _DIGIT_UNITS:
            continue
        yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)} {m.group(2)}")
    if (doc.language or "pt") == "pt":
        for m in _near(text, _YEAR_LETTER, _YEAR_GLUED):
            yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)} {m.group(2)}")


@cache
def _dotted_suffixes() -> frozenset[str]:
    return _load_list("dotted_suffixes")


@cache
def _colon_prefixes() -> frozenset[str]:
    return _load_list("colon_prefixes")


# No space after a mark: "(incl.café)", "fim.Depois", "Rio,Paris", "sim;não", "mesmo?Sim".
_NO_SPACE_AFTER = re.compile(
    r"(?<![\w.&#@/$€£:])([^\W\d_]{2,}|\d+)([.,;:!?])([^\W\d_]+|\d+)(?![\w]*[./@:])"
)
# "(PCC).Depois", "”,disse", "»;e": a mark glued to the next word after a closing bracket or quote.
_NO_SPACE_AFTER_CLOSE = re.compile(r"(?<=[^\s(\[])([)\]”»][.,;!?])((?:[A-ZÀ-Ý][a-zà-ÿ]+|[a-zà-ÿ]{2,}))(?![\w.@/])")
# "isso...Depois": an ellipsis glued to the capitalised word that starts the next sentence.
_ELLIPSIS = re.compile(r"\.\.\.|…")
_GLUED_ELLIPSIS = re.compile(r"(?<![\w.])([^\W\d_]{2,})(\.\.\.|…)([A-ZÀ-Ý][a-zà-ÿ]+)(?![\w.@/])")
_MARK_THEN_WORD = re.compile(r"[.,;:!?](?=\w)")


_YEAR_RX = re.compile(r"1[5-9]\d\d|20\d\d")


@cache
def _sentence_glue_words() -> frozenset[str]:
    """Portuguese words a period is glued to when two sentences run together (`encerrado.depois`):
    the function words of U101's list and a few sentence adverbs. None of them ends a file name
    or an address."""
    from mtqa.checks.data import load

    words = (load("capitalization").get("function_words") or {}).get("pt") or ()
    extra = "depois então porém contudo assim ainda também não isso isto ele ela eles elas".split()
    return frozenset(w for w in (*words, *extra) if len(w) >= 2)


@check(
    "S117", "missing-space-after-punctuation", Severity.WARNING,
    category="spacing_punctuation",
    message="No space after '{punct}' in '{text}'; write '{suggestion}'",
    examples=[
        bad("a diária sai grátis até os 2 anos ([[incl.cama]]) e o café", suggest="incl. cama"),
        bad("o jogo [[terminou.Depois]] disso, todos saíram", suggest="terminou. Depois"),
        bad("visitou [[Lisboa,Paris]] e Roma", suggest="Lisboa, Paris"),
        bad("o acordo não saiu [[ontem;amanhã]] talvez saia", suggest="ontem; amanhã"),
        bad("o plano de [[2020,o]] governo recuou", suggest="2020, o"),
        bad("a foto abaixo [[(Fonte:Agência]] Brasil)".replace("[[(", "([["), suggest="Fonte: Agência"),
        bad("[[Nascimento:1950]] em Lisboa", suggest="Nascimento: 1950"),
        bad("o programa (PCC[[).Depois]] disso, “Vamos[[”,disse]] ele"),
        good("o programa (PCC). Depois disso, “Vamos”, disse ele; a função f(x).y e (a).b"),
        bad("e [[isso...Depois]] ele saiu", suggest="isso... Depois"),
        good("e isso... Depois ele saiu; e isso...depois; ...E o vento levou"),
        good("escreva para mailto:nome@x.pt, veja Categoria:História e o std::vector às 10:30"),
        good("o código v2:db8 e a proporção 1:1; o placar 3:0"),
        good("a taxa de 3,5% e os itens 1,a e 2,b; R$1,50 e US$2,5 bi; a Lei 8.666,"),
        good("o site globo.com, o e-mail nome@jornal.com.br e o arquivo nota.pdf"),
        good("Acesse www.exemplo.com.br/noticias?Id=3 ou https://site.org/a,b"),
        good("a biblioteca Node.js, o 3,5% e o placar 2,1 ponto; ASP.NET e Console.WriteLine"),
        bad("o jogo [[terminou.O]] time saiu", suggest="terminou. O"),
        bad("chegou ao [[Brasil.Depois]] disso, o [[Sr.Silva]] falou"),
        good("Os E.U.A. e a U.E. assinaram; o a.C. e o d.C."),
        good("a empresa Ltda. e o prof. Silva, cf. o capítulo, etc."),
        bad("o programa foi [[encerrado.depois]] disso, ninguém voltou", suggest="encerrado. depois"),
        bad("o relatório cita três [[causas;a]] principal é a seca", suggest="causas; a"),
        good("o módulo os.path e o arquivo dados.de, a chave config.com e o item 1,a e 2,b"),
        bad("foi publicado em [[1890.O]] autor morreu no ano seguinte", suggest="1890. O"),
        bad("a empresa abriu em [[2015.Desde]] então cresceu", suggest="2015. Desde"),
        good("a versão 2.0 e o item 1890.2; o arquivo relatorio2020.Pdf e 3.Beta; em 2015. Desde então"),
    ],
)
def missing_space_after_punctuation(doc, ctx):
    """A comma, period, semicolon or final mark glued to the next word.

    ## Why it matters
    Portuguese puts a space after these marks. A period glued to the next word (after an
    abbreviation, `incl.cama`, or between sentences, `terminou.Depois`) and a comma glued
    between two words are left when extraction joins pieces of a page.

    ## What fires
    A word of two or more letters, `.` `,` `;` `:` `!` or `?`, and a word of two or more letters;
    a comma between a number and a word (`2020,o`); a period between a year and a capitalised
    word (`1890.O autor`); a colon between a word and a number; a mark
    right after a closing bracket or quote and glued to the next word (`).Depois`, `”,disse`);
    an ellipsis glued to the capitalised word after it (`isso...Depois`).
    A period fires only after an abbreviation (`incl.`, `aprox.`) followed by a lower-case word,
    before a capitalised word, or, in Portuguese, between a lower-case word and a function word
    or sentence adverb (`encerrado.depois disso`); a one-letter word after the mark only in
    `terminou.O jogo` and, in Portuguese, `causas;a principal`. Addresses, e-mails, file names (`nota.pdf`), dotted initials
    (`E.U.A.`), numbers, times, address schemes and wiki namespaces (`mailto:`, `Categoria:`)
    and code stay silent.
    """
    text = doc.text
    abbr = _abbreviations()
    suffixes = _dotted_suffixes()
    colon_ok = _colon_prefixes()
    pt = (doc.language or "pt") == "pt"
    glue = _sentence_glue_words() - suffixes
    for m in _near(text, _MARK_THEN_WORD, _NO_SPACE_AFTER):
        left, mark, right = m.groups()
        if m.end() < len(text) and text[m.end()].isalnum():
            continue  # "db8", "v2x": a code, not two words
        ldig, rdig = left.isdigit(), right.isdigit()
        if mark == ":":
            # "Nota:isso", "Fonte:Agência", "Nascimento:1950"; not "mailto:", "Categoria:Nome"
            if ldig or len(left) < 3 or left.lower() in colon_ok or (not rdig and len(right) < 3):
                continue
        elif (mark == "." and ldig and _YEAR_RX.fullmatch(left) and right[0].isupper()
              and (right[1:].islower() or len(right) == 1) and (len(right) > 1 or text[m.end() : m.end() + 1] == " ")):
            pass  # "publicado em 1890.O autor morreu": two sentences glued after a year
        elif ldig or rdig:
            # "2020,o governo", "cidades,2020": a comma, with a letter on one side
            if mark != "," or (ldig and rdig) or (rdig and len(right) > 4) or (ldig and len(left) < 2):
                continue
        elif len(right) < 2 and not (
                text[m.end() : m.end() + 1] == " " and len(left) >= 3 and left.islower()
                and ((mark == "." and right.isupper()) or (mark in ",;" and right in "aeo" and pt))):
            continue  # one letter after the mark: only "terminou.O jogo", "causas;a principal"
        elif mark == ".":
            if right.lower() in suffixes:
                continue
            if right[0].isupper():
                # "terminou.Depois", "Brasil.Depois", "Sr.Silva"; not "ASP.NET", "Console.WriteLine"
                if not (right[1:].islower() or len(right) == 1):
                    continue
                if not (left.islower() or (left[0].isupper() and left[1:].islower())):
                    continue
            elif left.lower() not in abbr and not (
                    pt and left.islower() and len(left) >= 3 and right in glue
                    and text[m.end() : m.end() + 1] == " "):
                continue  # "encerrado.depois disso": a sentence glued to a function word
        elif mark in "!?" and not right[0].isupper():
            continue
        if _urlish(text, m.start(), m.end()):
            continue
        start, end = m.start(), m.end()
        yield Hit(start, end, suggestion=f"{left}{mark} {right}", args={"punct": mark})
    for m in _near(text, _ELLIPSIS, _GLUED_ELLIPSIS):
        yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)}{m.group(2)} {m.group(3)}",
                  args={"punct": m.group(2)})
    for m in _near(text, _MARK_THEN_WORD, _NO_SPACE_AFTER_CLOSE):
        if _urlish(text, m.start(), m.end()):
            continue
        yield Hit(m.start(), m.end(), suggestion=f"{m.group(1)} {m.group(2)}", args={"punct": m.group(1)[-1]})


# An opening quotation mark left alone at the end of a line after a finished sentence.
_OPEN_CURLY = re.compile("“")
_STRAY_OPEN_QUOTE = re.compile(r"(?<=[.!?”\"…])[ \t]*(“)[ \t]*$", re.M)


@check(
    "S118", "stray-opening-quote", Severity.WARNING,
    category="spacing_punctuation",
    message="Stray opening quotation mark at the end of the paragraph",
    examples=[
        bad("a versão para PC sai “no fim do ano”. [[“]]\nO estúdio confirmou.", suggest=""),
        bad("Ele saiu.[[“]]", suggest=""),
        good("Ele disse:\n“Vamos ganhar.”\n“E depois?”"),
        good("“Primeiro parágrafo da citação.\n\n“Segundo parágrafo.”"),
    ],
)
def stray_opening_quote(doc, ctx):
    """An opening quotation mark that ends a line, after a sentence that has already ended.

    ## Why it matters
    When machine translation moves quotation marks, the opening mark of a quotation can be
    left behind at the end of the previous paragraph, quoting nothing.

    ## What fires
    A `“` alone at the end of a line, right after `.`, `!`, `?`, `…` or a closing quote.
    """
    if "“" not in doc.text:
        return
    for m in _near(doc.text, _OPEN_CURLY, _STRAY_OPEN_QUOTE):
        yield Hit(m.start(1), m.end(1), suggestion="")


# A space inside a token that ends in "+": "Ultra-HD +", "TV +".
_PLUS = re.compile(r"\+")
_SPACED_PLUS = re.compile(r"(?<![\w-])([^\W\d_][\w-]*[A-Z0-9])(" + _BLANKS + r"+)\+(?=[ \t]+[a-zà-ÿ]|[,.;:)]|[ \t]*$)", re.M)


@check(
    "S119", "space-before-plus", Severity.WARNING,
    category="spacing_punctuation",
    message="Space inside '{text}'; write '{suggestion}'",
    examples=[
        bad("o monitor exibe imagens [[Ultra-HD +]] no modo noturno", suggest="Ultra-HD+"),
        bad("o serviço [[TV +]], lançado ontem", suggest="TV+"),
        good("a tela Ultra-HD+ e o serviço TV+; 2 + 2 = 4"),
        good("O combo Arroz + feijão e a soma A + B saíram."),
    ],
)
def space_before_plus(doc, ctx):
    """A space between a name in capitals and the `+` that is part of it (`Ultra-HD +`).

    ## Why it matters
    Names of formats and services ending in `+` (`Ultra-HD+`, `TV+`) lose their `+` to the next
    word when a page is tokenised and translated.

    ## What fires
    A token with two or more capitals that ends in a capital or a digit, spaces, then `+`
    followed by a lower-case word, a mark or the end of the line. Sums (`2 + 2`, `A + B`) stay
    silent.
    """
    text = doc.text
    if "+" not in text:
        return
    for m in _near(text, _PLUS, _SPACED_PLUS):
        tok = m.group(1)
        if sum(ch.isupper() for ch in tok) < 2:
            continue
        yield Hit(m.start(), m.end(), suggestion=tok + "+")



# Two marks where one is meant: ",,", ", ,", ";,", ", ." — not an ellipsis, not "etc.,".
_TWO_MARKS = re.compile(r"[,;:]" + _BLANKS + r"*[,;:.]|[?!]\.")
_FINAL_THEN_PERIOD = re.compile(r"(?<=[^\W\d_])([?!])(\.)(?![.\w])")
_DOUBLED_MARKS = re.compile(r"(?<![,;:.])([,;:])(" + _BLANKS + r"*)([,;]|\.(?![.\d])|:(?![:\w]))")


@check(
    "S120", "doubled-punctuation", Severity.WARNING,
    category="spacing_punctuation",
    message="Two punctuation marks where one is meant: '{text}'",
    examples=[
        bad("o governo[[, ,]] segundo a nota, recuou", suggest=","),
        bad("o governo[[,,]] segundo a nota, recuou", suggest=","),
        bad("a reunião terminou sem acordo[[, .]] Depois disso", suggest="."),
        bad("os ministros[[;,]] e os deputados", suggest=";"),
        bad("É verdade[[?.]] Ninguém sabe", suggest="?"),
        good("É verdade?! Ninguém sabe... O Yahoo!.com e o ?..."),
        good("Trouxe frutas, verduras etc., e voltou. E então... silêncio."),
        good("o placar foi 2:1; a lista: um, dois; o operador :: do C++ e a hora 10:30."),
    ],
)
def doubled_punctuation(doc, ctx):
    """A comma, semicolon or colon followed by another mark, with or without a space between.

    ## Why it matters
    Reassembled text and machine translation of a sentence around a link often leave the
    source's mark beside the translation's (`, ,`, `,.`); it reads as a typing slip.

    ## What fires
    `,` `;` or `:`, optional spaces, then `,` `;` a period or a colon that is not part of an
    ellipsis, a number or an operator (`::`); a question or exclamation mark followed by a
    period (`verdade?.`). A period after an abbreviation followed by a comma
    (`etc.,`) stays silent. The finding covers both marks; the suggestion keeps the last one
    when it is a period, the first otherwise.
    """
    text = doc.text
    for m in _near(text, _TWO_MARKS, _FINAL_THEN_PERIOD, back=4, fwd=4):
        yield Hit(m.start(), m.end(), suggestion=m.group(1))
    for m in _near(text, _TWO_MARKS, _DOUBLED_MARKS):
        first, second = m.group(1), m.group(3)
        if first == ":" and second == ":":
            continue
        if _urlish(text, m.start(), m.end()):
            continue
        yield Hit(m.start(), m.end(), suggestion="." if second == "." else first)


# Brackets that hold nothing, or only a mark, where words were removed: "( )", "(, 1950)".
_PAREN = re.compile(r"[()]")
_EMPTY_BRACKETS = re.compile(
    r"(?<![\w(])\(" + _BLANKS + r"*(?:[,;:]" + _BLANKS + r"*)?\)|\(" + _BLANKS + r"*[,;]|[,;]"
    + _BLANKS + r"*\)"
)


@check(
    "S121", "empty-brackets", Severity.WARNING,
    category="spacing_punctuation",
    message="Brackets with nothing, or only a mark, inside: '{text}'",
    examples=[
        bad("o escritor [[( )]] nasceu em Lisboa"),
        bad("o escritor [[(;]] 1950) nasceu em Lisboa"),
        bad("o escritor (nascido em 1950[[, )]] viveu em Lisboa"),
        good("a função main() e o método lista.ordenar() do código"),
        good("o escritor (1950–2010) viveu em Lisboa; a nota (veja abaixo) explica."),
        good("Que dia bom ;) até amanhã"),
    ],
)
def empty_brackets(doc, ctx):
    """Parentheses that are empty or open or close on a lone comma or semicolon.

    ## Why it matters
    Pages mirrored from encyclopaedias lose the pronunciation, the dates or the linked words
    inside brackets, and the translation keeps the husk: `( )`, `(; 1950)`, `(1950, )`.

    ## What fires
    `(` and `)` with only spaces (and at most one mark) between them, not glued to a word
    (`main()` is code); `(` followed by `,` or `;`; and `,` or `;` right before `)`. Winks
    (`;)`) with no open bracket before them on the line stay silent.
    """
    text = doc.text
    if "(" not in text:
        return
    for m in _near(text, _PAREN, _EMPTY_BRACKETS):
        s = m.group()
        if s[0] in ",;" and s.endswith(")"):
            ls, _ = doc.line_bounds(m.start())
            ls = max(ls, m.start() - 400)
            if text.count("(", ls, m.start()) <= text.count(")", ls, m.start()):
                continue  # a wink, not a bracket
            if s[0] == ";" and m.start() > 0 and not text[m.start() - 1].isalnum():
                continue
        yield Hit(m.start(), m.end(), suggestion="")


# A full-width (CJK) mark in Latin-script text: "，" "。" "：" "（" left by a translation from Chinese
# or Japanese.
_FULLWIDTH = re.compile(r"[，。：；（）、！？「」『』【】〔〕《》〈〉¿¡„‚]")
_FULLWIDTH_FIX = {"，": ",", "。": ".", "：": ":", "；": ";", "（": "(", "）": ")", "、": ",",
                  "！": "!", "？": "?", "「": "“", "」": "”", "『": "“", "』": "”", "【": "[",
                  "】": "]", "〔": "[", "〕": "]", "《": "«", "》": "»", "〈": "‹", "〉": "›",
                  "¿": "", "¡": "", "„": "“", "‚": "‘"}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@check(
    "S122", "foreign-punctuation", Severity.WARNING,
    category="spacing_punctuation",
    languages=("pt",),
    message="Punctuation of another script or language '{text}' in Portuguese text",
    examples=[
        bad("as máquinas de embalagem[[，]] segundo o relatório[[，]] cresceram", suggest=","),
        bad("a taxa de crescimento foi de 3%[[。]]", suggest="."),
        good("as máquinas de embalagem, segundo o relatório, cresceram 3%."),
        good("o nome chinês 北京（Pequim）aparece assim no original."),
        bad("ele perguntou [[¿]]por que não?", suggest=""),
        bad("o jornal chamou-lhe [[„]]histórico“", suggest="“"),
        good("ele perguntou: por que não? E o jornal chamou-lhe “histórico”."),
    ],
)
def foreign_punctuation(doc, ctx):
    """A full-width mark, an inverted Spanish mark or a low German quote in Portuguese text.

    ## Why it matters
    Translations keep marks of the source's typography that Portuguese does not use: the
    full-width `，` `。` `（` of Chinese and Japanese, the inverted `¿` `¡` of Spanish, the low
    `„` `‚` quotes of German and Central European languages.

    ## What fires
    One of these marks; a full-width or CJK mark with a Chinese, Japanese or Korean character
    within a dozen characters of it (a name quoted in its own script) stays silent.
    """
    text = doc.text
    if not _FULLWIDTH.search(text):
        return
    for m in scan(_FULLWIDTH, text):
        near = text[max(0, m.start() - 12) : m.end() + 12]
        if _CJK.search(near):
            continue
        yield Hit(m.start(), m.end(), suggestion=_FULLWIDTH_FIX[m.group()])


# A line that starts with the comma, period or colon that ends the previous line's sentence.
_NEWLINE_MARK = re.compile(r"\n[ \t]*[,;:.]")
_LINE_START_MARK = re.compile(r"(?<=[^\s])([ \t]*\n[ \t]*)([,;:]|\.(?![.\w]))", re.M)


@check(
    "S123", "mark-at-line-start", Severity.WARNING,
    category="spacing_punctuation",
    message="Line starts with '{text}', which belongs at the end of the previous line",
    examples=[
        bad("as armas ocidentais chegam à frente\n[[.]] Outra frase.", suggest=""),
        bad("segundo a agência\n[[,]] o acordo foi assinado", suggest=""),
        good("Primeira linha.\n.NET e .com são nomes.\n... e assim por diante"),
        good("Título\n\n. Um ponto depois de uma linha em branco não conta aqui"),
    ],
)
def mark_at_line_start(doc, ctx):
    """A line that begins with a comma, semicolon, colon or period.

    ## Why it matters
    When a page is extracted around a link or a footnote, the mark that closes the sentence
    can land on a line of its own, away from the word it follows.

    ## What fires
    A comma, semicolon, colon or lone period at the start of a line whose previous line is not
    blank. Ellipses and names such as `.NET` stay silent.
    """
    text = doc.text
    if "\n" not in text:
        return
    for m in _near(text, _NEWLINE_MARK, _LINE_START_MARK):
        yield Hit(m.start(2), m.end(2), suggestion="")



@cache
def _compound_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    from mtqa.checks.data import load

    data = load("spacing")

    def pt(key: str) -> frozenset[str]:
        return frozenset((data.get(key) or {}).get("pt") or ())

    return pt("compound_prefixes"), pt("gentilic_prefixes"), pt("weekday_ordinals"), pt("spaced_pairs")


# A hyphen with a space after it (and maybe before it) inside a compound: "ex - presidente",
# "norte- americano", "segunda - feira", "tornando - se". A space before only is S101.
_SPACED_COMPOUND = re.compile(r"(?<![\w-])([^\W\d_]+)(?:[ \t]+-[ \t]+|-[ \t]+)([^\W\d_]+)(?![\w-])")
_HYPHEN_SPACE = re.compile(r"-[ \t]")
_GENTILIC_END = re.compile(r"(?:an[oa]s?|[eê]s|esas?|eses|enses?|in[oa]s?|ic[oa]s?|eus?|eias?|ãs?|ões)$")
_CLITIC_AFTER_VERB = re.compile(r"(?:ndo|ou|aram|eram|iram|ava|avam|ia|iam)$")
_CLITIC_AFTER_ACCENT = re.compile(r"[áâéêíóô]$")


@check(
    "S124", "spaced-hyphen-in-compound", Severity.WARNING,
    category="spacing_punctuation",
    languages=("pt",),
    message="Space inside the compound '{text}'; write '{suggestion}'",
    examples=[
        bad("o [[ex - presidente]] falou", suggest="ex-presidente"),
        bad("o turista [[norte- americano]] chegou", suggest="norte-americano"),
        bad("na [[segunda - feira]] passada", suggest="segunda-feira"),
        bad("acabou [[tornando - se]] o favorito", suggest="tornando-se"),
        bad("decidiu [[dizer- lhe]] a verdade", suggest="dizer-lhe"),
        bad("mande um [[e - mail]] e faça o [[check- in]] on-line"),
        good("o e-mail, o check-in, o hip-hop; chegou - e mail nenhum veio"),
        good("o ex-presidente norte-americano chegou na segunda-feira"),
        good("seguiu para o norte - e a chuva veio junto; era segunda - a primeira foi ontem"),
        good("o pré- e o pós-operatório; micro- e pequenas empresas"),
        good("Ele virá - se puder - amanhã, disse ela - la fora chovia."),
    ],
)
def spaced_hyphen_in_compound(doc, ctx):
    """A space after the hyphen of a compound or an enclitic pronoun (`ex - presidente`).

    ## Why it matters
    Machine translation of pages tokenised around hyphens writes `ex - presidente`,
    `norte- americano`, `tornando - se`; a dash with spaces cannot be told from this in general,
    so only the halves that must belong to a compound are checked.

    ## What fires
    A hyphen with a space after it (and maybe one before it) between a prefix that never stands
    alone (`ex`, `vice`, `pós`, `recém`), a gentilic first half and an adjective (`norte`,
    `sul`, `afro` + `-ano`, `-ês`, ...), a weekday ordinal and `feira`, the halves of a loan
    compound (`e - mail`, `check- in`, the project's list), or a verb form and a clitic pronoun (`lhe`, `-lo` after an accented vowel, `se` after a gerund or a past form).
    A suspended hyphen (`pré- e pós-operatório`) and dashes between clauses stay silent.
    """
    text = doc.text
    if "- " not in text and "-\t" not in text:
        return
    prefixes, gentilic, weekdays, pairs = _compound_lists()
    for m in _near(text, _HYPHEN_SPACE, _SPACED_COMPOUND):
        left, right = m.group(1), m.group(2)
        lo, ro = left.lower(), right.lower()
        if (lo in ("ou", "nem") or ro in ("e", "ou", "nem", "a", "até")
                or (lo == "e" and f"{lo} {ro}" not in pairs)):
            continue
        ok = (
            (lo in prefixes and len(right) >= 3)
            or f"{lo} {ro}" in pairs
            or (lo in gentilic and right.islower() and _GENTILIC_END.search(right) is not None)
            or (lo in weekdays and ro in ("feira", "feiras"))
            or (left.islower() and ro in ("lhe", "lhes") and len(left) >= 3)
            or (left.islower() and ro in ("lo", "la", "los", "las") and _CLITIC_AFTER_ACCENT.search(left))
            or (left.islower() and ro in ("se", "me", "te") and _CLITIC_AFTER_VERB.search(left))
        )
        if ok:
            yield Hit(m.start(), m.end(), suggestion=f"{left}-{right}")



@cache
def _glue_words() -> frozenset[str]:
    from mtqa.checks.data import load

    return frozenset((load("spacing").get("glue_words") or {}).get("pt") or ())


# A short function word glued to a capitalised word or a number: "doGoverno", "em2020".
_LOWER_UPPER = re.compile(r"[a-zà-ÿ][A-ZÀ-Ý\d]")
_GLUED_WORD = re.compile(r"(?<![\w#@.$/\\-])([a-zà-ÿ]{1,6})([A-ZÀ-Ý][a-zà-ÿ]{2,}|\d{1,4})(?![\w(@-])")


@check(
    "S125", "glued-function-word", Severity.WARNING,
    category="spacing_punctuation",
    languages=("pt",),
    message="A short word glued to the next one: '{text}'; write '{suggestion}'",
    examples=[
        bad("a decisão [[doGoverno]] saiu ontem", suggest="do Governo"),
        bad("a feira acontece [[em2026]] na capital", suggest="em 2026"),
        bad("o presidente chegou [[aLisboa]] ontem", suggest="a Lisboa"),
        good("o iPhone, o eBay, o eSports, o WhatsApp, o LinkedIn e a hashtag #emCasa"),
        good("chame doSomething() no código e leia o perfil @noBrasil"),
        good("a emenda 45, o G20, a Covid-19 e o Airbus A320 em 2026"),
    ],
)
def glued_function_word(doc, ctx):
    """A short function word glued to the capitalised word or number after it.

    ## Why it matters
    When a link or a formatted word follows a preposition or an article, extraction and
    translation often drop the space between them (`doGoverno`, `em2020`).

    ## What fires
    A preposition, article, contraction or similar short word (the project's list) glued to a
    capitalised word or a number of up to four digits. Brands written in camel case from a
    single letter (`iPhone`, `eBay`), hashtags, handles and code (`doSomething()`) stay silent.
    """
    text = doc.text
    words = _glue_words()
    for m in _near(text, _LOWER_UPPER, _GLUED_WORD):
        w = m.group(1)
        if w not in words:
            continue
        if _urlish(text, m.start(), m.end()):
            continue
        yield Hit(m.start(), m.end(), suggestion=f"{w} {m.group(2)}")



# A list label or a wink that closes a bracket it never opened: "a)", "1)", "iv)", ":)", ";-)".
_LABEL_CLOSE = re.compile(r"(?:^|(?<=[\s(]))(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})\)|[:;=8][-o^']?\)|\([:;]|\):")
_BRACKETS = re.compile(r"[()]")


@check(
    "S126", "unbalanced-parentheses", Severity.WARNING,
    category="spacing_punctuation",
    message="Unbalanced parenthesis '{text}' in this paragraph",
    examples=[
        bad("O escritor [[(]]nascido em Lisboa viveu no Porto e morreu em 2010."),
        bad("O escritor nascido em Lisboa[[)]] viveu no Porto."),
        good("O escritor (nascido em Lisboa) viveu no Porto (e em Braga)."),
        good("Escolha: a) sim; b) não; iv) talvez. Que bom :) e ;-)"),
        good("1) Primeiro passo\n2) Segundo passo"),
        good("A nota (que tinha\nduas linhas) saiu; largou neste sábado (14) e o time (28 jogos, 21)."),
    ],
)
def unbalanced_parentheses(doc, ctx):
    """A parenthesis with no partner in the same paragraph.

    ## Why it matters
    Mirrored and translated pages drop one bracket of a pair when the words inside were a link
    or were removed, and the reader no longer knows where the aside ends.

    ## What fires
    Within a paragraph, a `(` never closed or a `)` never opened. List labels (`a)`, `1)`,
    `iv)`) and emoticons (`:)`) are not counted.
    """
    text = doc.text
    if "(" not in text and ")" not in text:
        return
    for p in doc.paragraphs:
        t = p.text
        if "(" not in t and ")" not in t:
            continue
        stack: list[int] = []
        unmatched: list[int] = []
        for b in _BRACKETS.finditer(t):
            j = b.start()
            if b.group() == "(":
                stack.append(j)
            elif stack:
                stack.pop()
            else:
                unmatched.append(j)
        if not unmatched and not stack:
            continue
        # a label or a wink is not half of a pair
        skip = {m.start() + k for m in _LABEL_CLOSE.finditer(t) for k, c in enumerate(m.group()) if c in "()"}
        for j in sorted(unmatched + stack):
            if j not in skip:
                yield Hit(p.start + j, p.start + j + 1)


# Pieces of one token split by a space: "1 º", "2 .ª", "R $", "US $", "d' água", "O' Neill".
_SPLIT_ORDINAL = re.compile(r"(?<=\d)[ \t\u00a0]+\.?[ºª]|(?<=\d\.)[ \t\u00a0]+[ºª]")
_SPLIT_CURRENCY = re.compile(r"(?<![\w$])(?:R|US|U|A|C|NZ|HK|S)[ \t\u00a0]+\$")
_SPLIT_ELISION = re.compile(r"(?<![\w'’])(?:[dD]['’][ \t\u00a0]+(?=[^\W\d_])|O['’][ \t\u00a0]+(?=[A-Z]))")
_SPLIT_TOKEN = ((_SPLIT_ORDINAL, re.compile("[ºª]")), (_SPLIT_CURRENCY, re.compile(r"\$")),
                (_SPLIT_ELISION, re.compile("['’]" + "[ \t\u00a0]")))


@check(
    "S127", "split-token", Severity.WARNING,
    category="spacing_punctuation",
    languages=("pt",),
    message="A space inside the token '{text}'; write '{suggestion}'",
    examples=[
        bad("ficou em [[1 º]] lugar e a [[2 .ª]] fase começa", ),
        bad("custa [[R $]] 10 e [[US $]] 5"),
        bad("a caixa [[d' ]]água e o ator [[O' ]]Neill"),
        good("ficou em 1º lugar, a 2.ª fase, 20 °C, R$ 10, US$ 5, a caixa d'água e O'Neill"),
        good("ele disse 'sim' e 'não'; o rock 'n' roll"),
    ],
)
def split_token(doc, ctx):
    """A space inside an ordinal, a currency sign or an elided word (`1 º`, `R $`, `d' água`).

    ## Why it matters
    Tokenisers of translation engines split `1º`, `R$` and `d'água` into pieces and the
    pieces come back with spaces between them.

    ## What fires
    A number, spaces and `º` or `ª` (also `.º`); `R`, `US` and similar before a spaced `$`;
    `d'` or `O'` followed by a space and a word. The degree sign (`20 °C`) is a different
    character and stays silent.
    """
    text = doc.text
    for rx, anchor in _SPLIT_TOKEN:
        yield from _split_token_hits(text, anchor, rx)


def _split_token_hits(text: str, anchor: re.Pattern, rx: re.Pattern) -> Iterable[Hit]:
    for m in _near(text, anchor, rx, back=20, fwd=4):
        g = m.group()
        if g[0].isspace():  # "1 º": the span starts at the number
            start = m.start()
            while start > 0 and text[start - 1].isdigit() and m.start() - start < 12:
                start -= 1
            yield Hit(start, m.end(), suggestion=text[start : m.start()] + g.strip())
        else:
            yield Hit(m.start(), m.end(), suggestion="".join(g.split()))



def _quote_role(t: str, j: int) -> str:
    """'open', 'close' or '?' for the straight quote at ``t[j]``, from its neighbours."""
    before = t[j - 1] if j > 0 else " "
    after = t[j + 1] if j + 1 < len(t) else " "
    open_before = before.isspace() or before in "([{—–-/"
    close_after = after.isspace() or after in ".,;:!?)]}—–-…"
    if open_before and not close_after:
        return "open"
    if close_after and not open_before:
        return "close"
    return "?"


@check(
    "S128", "unbalanced-straight-quotes", Severity.WARNING,
    category="spacing_punctuation",
    message="Unbalanced quotation mark '{text}' in this paragraph",
    examples=[
        bad('Ele disse que [["]]o acordo é histórico e saiu. Depois voltou.'),
        bad('Ele disse que "o acordo é histórico" e [["]]saiu.'),
        bad('Ele disse que o acordo é histórico[["]] e saiu.'),
        good('Ele disse que "o acordo é histórico" e saiu; a tela de 6,5" chegou.'),
        good('"Primeira frase.\n"Segunda frase do mesmo discurso," continuou.'),
        good('O atributo class="x" e o link href="https://a.b/c" ficam no código.'),
    ],
)
def unbalanced_straight_quotes(doc, ctx):
    """A straight quotation mark `"` with no partner in the same paragraph.

    ## Why it matters
    Machine translation drops or duplicates quote marks when it reorders a quotation; pages
    typed with straight quotes show it as an odd number of `"` in a paragraph.

    ## What fires
    In a paragraph with an odd number of `"` (inch marks after digits, code and addresses not
    counted), the mark that has no partner: an opening mark followed by another opening one, a
    closing mark with nothing open, or an opening mark never closed. A paragraph whose lines
    each open a quotation (a quotation continued across lines) stays silent.
    """
    text = doc.text
    if '"' not in text:
        return
    for p in doc.paragraphs:
        t = p.text
        if '"' not in t:
            continue
        # A window of the paragraph holds an address-like character only if the paragraph
        # does: without one, no mark is asked about its window (a megabyte of '"' took 5 s).
        urlish = _URLISH.search(t) is not None
        qs = [m.start() for m in re.finditer('"', t)
              if not (m.start() > 0 and t[m.start() - 1].isdigit())
              and not (urlish and _urlish(t, m.start(), m.start() + 1))]
        if len(qs) % 2 == 0:
            continue
        lines = t.split("\n")
        if len(lines) > 1 and all(line.lstrip().startswith('"') for line in lines):
            continue
        open_at = -1
        bad_at: list[int] = []
        for j in qs:
            role = _quote_role(t, j)
            if open_at < 0:
                if role == "close":
                    bad_at.append(j)
                else:
                    open_at = j
            elif role == "open":
                bad_at.append(open_at)
                open_at = j
            else:
                open_at = -1
        if open_at >= 0:
            bad_at.append(open_at)
        for j in bad_at:
            yield Hit(p.start + j, p.start + j + 1)


# --- S136 a word broken by a line-end hyphen -----------------------------------------------------

_BROKEN_WORD = re.compile(r"(?<![\w-])(?P<a>[^\W\d_]{2,})-[ \t\u00a0]+(?P<b>[a-zà-öø-ÿ]{2,})(?![\w-])")


@check(
    "S136", "word-broken-by-hyphen", Severity.WARNING,
    category="spacing_punctuation",
    message="'{text}': a word broken at a line end and joined with a space; write '{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("O plano de [[desenvol- vimento]] foi aprovado.", suggest="desenvolvimento"),
        bad("A [[popula- ção]] cresceu 3%.", suggest="população"),
        good("O apoio a micro- e pequenas empresas; o pré- e o pós-operatório."),
        good("O desenvolvimento foi aprovado; a população cresceu."),
    ],
)
def word_broken_by_hyphen(doc, ctx):
    """A word hyphenated at a line end in the source and joined with a space (`desenvol- vimento`).

    ## Why it matters
    Text copied from a PDF or a page laid out in columns keeps the hyphen that broke a word at
    the end of a line; once the lines are joined, the word reads as two fragments.

    ## What fires
    A fragment, a hyphen, a space and a lower-case fragment, when the two fragments joined are a
    word the dictionary knows and the two fragments are not both words on their own.

    ## What stays silent
    Suspended hyphens (`micro- e pequenas`, `pré- e pós-operatório`: the joined form is no word)
    and hyphens without a space after them.
    """
    text = doc.text
    if "- " not in text and "-\u00a0" not in text:
        return
    d = ctx.providers.get("dictionary")
    lang, variant = doc.language or "pt", doc.variant
    for m in scan(_BROKEN_WORD, text):
        a, b = m.group("a"), m.group("b")
        joined = a + b
        if d.known(joined.lower(), lang, variant) and not (d.known(a.lower(), lang, variant)
                                                            and d.known(b, lang, variant)):
            yield Hit(m.start(), m.end(), suggestion=joined)


# --- S137 two apostrophes as a quotation mark ------------------------------------------------------

_DOUBLE_APOSTROPHE = re.compile(r"(?<!['’])(?:''|’’)(?!['’])")


@check(
    "S137", "doubled-apostrophe-quote", Severity.WARNING,
    category="spacing_punctuation",
    message="'{text}': two apostrophes where a quotation mark belongs (wiki markup or typing); write '\"'",
    examples=[
        bad("Ele citou o livro [['']]Memórias[['']] na palestra."),
        good("Ele citou o livro “Memórias” na palestra; o d'Ávila e o rock 'n' roll."),
    ],
)
def doubled_apostrophe_quote(doc, ctx):
    """Two apostrophes used as a quotation mark (`''Memórias''`).

    ## Why it matters
    Wiki markup writes italics with two apostrophes, and some keyboards and converters turn a
    quotation mark into two; copied and translated, the page keeps them, which no style accepts.

    ## What fires
    Two straight or curly apostrophes together, not part of a longer run.
    """
    if "''" not in doc.text and "’’" not in doc.text:
        return
    for m in scan(_DOUBLE_APOSTROPHE, doc.text):
        yield Hit(m.start(), m.end(), suggestion='"')


CHECKS = (
    space_before_hyphen,
    space_before_punctuation,
    doubled_period,
    stray_quote_period,
    unbalanced_quotes,
    stray_period,
    space_inside_brackets,
    space_inside_quotes,
    missing_space_at_bracket,
    glued_quote,
    hyphen_as_dash,
    glued_caps_label,
    digit_glued_to_word,
    missing_space_after_punctuation,
    stray_opening_quote,
    space_before_plus,
    doubled_punctuation,
    empty_brackets,
    foreign_punctuation,
    mark_at_line_start,
    spaced_hyphen_in_compound,
    glued_function_word,
    unbalanced_parentheses,
    split_token,
    unbalanced_straight_quotes,
    word_broken_by_hyphen,
    doubled_apostrophe_quote,
)
