"""Capitalization (U1xx): capitals inside a sentence where the language has none, and none where
it has one.

When an article is translated with its links, the first word of each link text keeps its capital:
`apoio a Rússia Na guerra` (U101), `o modelo de 2019 Foi um sucesso` (U107), `sua Insistência
repetida` (U112). Engines that translate a page in pieces also leave capitals after a semicolon
(`junho; No entanto`, U106), at a line break inside a sentence (U111) and sentences that start in
lower case (U105). English conventions carried over: titles before names (U103), languages and
nationalities (`em Inglês`, U108), headings in title case (U110); and brands lose their own
casing (`Playstation`, U109). Months and weekdays are in ``calendar.py`` (U104).

The word lists (function words, letter labels, nouns that introduce titles, institutions,
abbreviations, verb forms, gentilics, brands, names that are common words) are data
(``mtqa/checks/data/capitalization.yaml``), per language.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Iterator
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import per_language
from mtqa.core.model import Document, Segment, Severity
from mtqa.core.text import CLOSING_PUNCTUATION, per_text, words

_PROSE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_GAP = re.compile(r"[ \t\u00a0]+")
_CONJ = frozenset({"e", "ou", "and", "or", "y", "o", "i", "ed"})
#: Conjunctions that join two names in lower case (`São Tomé e Príncipe`): capitalised between
#: two capitalised words they are title case (U101).
_JOINS = {"pt": frozenset({"E", "Ou"})}
#: A line that ends with a colon after at least one full sentence is running text too.
#: (Tested as "ends with ':'" plus this search before it: the one regex ".*:\s*$" after every
#: sentence end was quadratic on long lines.)
_SENTENCE_THEN_TEXT = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")


def _text_then_colon(line: str) -> bool:
    s = line.rstrip()
    return s.endswith(":") and _SENTENCE_THEN_TEXT.search(s, 0, len(s) - 1) is not None


_TEXT_LINES: weakref.WeakKeyDictionary[Document, tuple] = weakref.WeakKeyDictionary()


def _text_lines(doc: Document) -> tuple:
    """The lines of ``doc`` that hold more than blanks, in order (computed once per document):
    the lines the checks below read, since a blank line neither ends as running text nor is a
    heading (a text of a million blank lines)."""
    out = _TEXT_LINES.get(doc)
    if out is None:
        out = _TEXT_LINES[doc] = tuple(ln for ln in doc.lines if ln.text and not ln.text.isspace())
    return out


_RUNNING: weakref.WeakKeyDictionary[Document, tuple] = weakref.WeakKeyDictionary()
_GROUPS: weakref.WeakKeyDictionary[Document, dict[str, list[int]]] = weakref.WeakKeyDictionary()


def _text_groups(doc: Document) -> dict[str, list[int]]:
    """Text of a line -> the indices in _text_lines(doc) of the lines that hold it, in order
    (computed once per document)."""
    out = _GROUPS.get(doc)
    if out is None:
        out = {}
        get = out.get
        for i, line in enumerate(_text_lines(doc)):
            g = get(line.text)
            if g is None:
                out[line.text] = [i]
            else:
                g.append(i)
        _GROUPS[doc] = out
    return out


def _lines_per_text(doc: Document, fn) -> list[tuple[int, Segment, object]]:
    """``(index, line, fn(line.text))`` for the lines of _text_lines(doc) for which ``fn`` of
    their text is true, in order; ``fn`` runs once per distinct text (junk of one line repeated
    a million times costs one test)."""
    return per_text(_text_lines(doc), _text_groups(doc), fn)


def _running_lines(doc: Document) -> tuple:
    """The lines of _text_lines(doc) that run as text (:func:`_runs_as_text`), in order
    (computed once per document, each distinct text tested once)."""
    out = _RUNNING.get(doc)
    if out is None:
        out = _RUNNING[doc] = tuple(line for _, line, _ in _lines_per_text(doc, _runs_as_text))
    return out


def _runs_as_text(line: str) -> bool:
    """The line ends as running text (a sentence, or sentences and a colon that introduces
    something) and is not written in capitals."""
    return (_PROSE_END.search(line) is not None or _text_then_colon(line)) and line.upper() != line


@cache
def _lists(language: str) -> tuple[frozenset[str], ...]:
    def get(key: str) -> frozenset[str]:
        return frozenset(per_language("capitalization", key).get(language, ()))

    return get("function_words"), get("letter_labels"), get("title_nouns"), get("institutional")


def _title_case(w: str) -> bool:
    return w[:1].isupper() and (len(w) == 1 or w[1:].islower())


def _prose_words(doc: Document) -> Iterator[list[tuple[int, int, str]]]:
    """Words of each prose line (one that ends as a sentence and is not written in capitals)."""
    for line in _text_lines(doc):
        t = line.text
        if not _PROSE_END.search(t) or t.upper() == t:
            continue
        yield list(words(t, line.start))


def _mid_sentence(text: str, ws: list[tuple[int, int, str]], j: int) -> bool:
    """Word ``j`` follows the previous word with nothing but spaces between them."""
    return j > 0 and _GAP.fullmatch(text, ws[j - 1][1], ws[j][0]) is not None


def _followed_by_lower(text: str, ws: list[tuple[int, int, str]], j: int) -> bool:
    return (
        j + 1 < len(ws)
        and ws[j + 1][2][:1].islower()
        and _GAP.fullmatch(text, ws[j][1], ws[j + 1][0]) is not None
    )


@check(
    "U101", "capitalised-function-word", Severity.WARNING,
    category="capitalization",
    message="'{text}' capitalised in mid-sentence (a link-anchor artifact?); write '{suggestion}'",
    languages=("pt", "en", "it", "es"),
    examples=[
        bad("Kim reiterou seu apoio a Rússia [[Na]] guerra contra a Ucrânia.", suggest="na"),
        bad("Kim se encontrou com Sergey Lavrov [[No]] sábado, em Wonsan.", suggest="no"),
        bad("The minister spoke [[In]] the capital on Monday.", suggest="in", language="en"),
        bad("A empresa vende dois jogos, Corrida Estelar [[E]] Remake de Aventura, neste ano.",
            suggest="e"),
        bad("O evento acabou cedo. Depois ele publicou o vídeo [[Em]] uma rede social e mais:",
            suggest="em"),
        good("Visitou São Tomé e Príncipe, a vitamina E e a Série E Nacional."),
        bad("O vídeo original saiu ontem, e aqui [[Um]] Faça o download de novo.", suggest="um"),
        good("O programa A Praça É Nossa volta; assistimos a O Que É Isso, Companheiro?"),
        good("Lista de compras Em casa:"),
        good("Na segunda-feira, líderes se reuniram. No sábado, votaram."),
        good("Segundo o jornal O Globo, a Coreia do Norte e os Estados Unidos negociam."),
        good("O plano A e o plano B foram apresentados ao conselho."),
        good("Ele disse: “A situação está mudando”, e saiu."),
        good("O romance A hora da estrela foi adaptado para o cinema."),
        good("O Movimento dos Trabalhadores Rurais Sem Terra ocupou a área."),
        good("A equipe joga a Série A e o time B disputa a Copa."),
        good("Dom Pedro I e Pio X são citados no livro."),
        good("Agenda cheia Na cidade"),
        good("VEJA TAMBÉM NA EDIÇÃO DE HOJE."),
        good("O ex-presidente (Em 2020, ele saiu do partido.) voltou."),
    ],
)
def capitalised_function_word(doc: Document, ctx) -> Iterator[Hit]:
    """An article, preposition or conjunction capitalised in the middle of a sentence.

    ## Why it matters
    Link anchors keep their capital when the text around them is translated (`apoio a Rússia
    Na guerra`, `Lavrov No sábado`); the reader sees a broken sentence.

    ## What fires
    A function word of the target language written with a capital after another word (only
    spaces between) and before a lower-case word, in a line that ends as a sentence (or holds
    a sentence and ends with a colon). Also a Portuguese `E`/`Ou` between two capitalised words
    (`Festival E Mostra`: names write `São Tomé e Príncipe`), and a function word after a
    lower-case word before a capitalised common verb (`aqui Um Faça o download`). Sentence
    starts, words after `:`, dashes, quotes or brackets, headings, lines in capitals, names and
    titles (`O Globo`, `Sem Terra`: the next word is capitalised), titles after a noun like
    `romance` or `filme`, and letters used as labels (`plano A`, `Série A`, `vitamina E`, `Pio
    X`) stay silent.
    """
    lang = doc.language or ""
    function, labels, title_nouns, _ = _lists(lang)
    if not function:
        return
    rx = _candidates(lang)
    joins = _JOINS.get(lang, frozenset())
    for line in _running_lines(doc):
        t = line.text
        for m in rx.finditer(t):
            w, nxt = m.group("w"), m.group("next")
            pm = _PREV_WORD.search(t, max(0, m.start() - 60), m.start())
            prev = pm.group() if pm else ""
            if not prev or prev.lower() in title_nouns:
                continue
            if not nxt[:1].islower():
                # "Festival E Mostra": a conjunction capitalised between two capitalised words
                # is English title case; names write it in lower case ("São Tomé e Príncipe").
                if (w in joins and len(prev) > 1 and _title_case(prev) and len(nxt) > 1
                        and _title_case(nxt) and prev.lower() not in labels):
                    yield Hit(line.start + m.start("w"), line.start + m.end("w"), suggestion=w.lower())
                elif (len(w) > 1 and prev.islower() and _title_case(nxt)
                        and nxt.lower() in _table("verb_forms", lang)):
                    # "aqui Um Faça upload": the function word opens a link anchor whose next
                    # word is a verb, so no name
                    yield Hit(line.start + m.start("w"), line.start + m.end("w"), suggestion=w.lower())
                continue
            if len(w) == 1 and (not prev[:1].islower() or prev.lower() in labels or nxt in _CONJ):
                continue
            yield Hit(line.start + m.start("w"), line.start + m.end("w"), suggestion=w.lower())


@cache
def _candidates(language: str) -> re.Pattern[str]:
    """A word, spaces, a capitalised function word, spaces, a word (all on one line)."""
    function = _lists(language)[0]
    alt = "|".join(re.escape(f[:1].upper() + f[1:]) for f in sorted(function, key=len, reverse=True))
    firsts = "".join(sorted({re.escape(f[:1].upper()) for f in function})) or "^\\W\\w"  # none: no match
    # "(?<=\w)[ \t\u00a0]+" written to start with the space itself, so that the regex engine jumps
    # from space to space instead of trying every position; the look-ahead on the first letters
    # spares most words the alternation. Same matches.
    return re.compile(
        rf"[ \t\u00a0](?<=\w[ \t\u00a0])[ \t\u00a0]*(?=[{firsts}])(?P<w>{alt})[ \t\u00a0]+(?P<next>\w+)"
    )


_PREV_WORD = re.compile(r"\w+(?:[-'’]\w+)*$")


@check(
    "U102", "capitalised-common-word", Severity.INFO,
    category="capitalization",
    message="Common word '{text}' capitalised in mid-sentence; write '{suggestion}'",
    languages=("pt", "en", "it", "es"),
    needs=("dictionary",),
    default=False,
    examples=[
        bad("os dois países aprofundam os laços no meio de [[Ofensivo]] da Rússia contra a Ucrânia.",
            suggest="ofensivo"),
        good("Ele falou com chefes de Estado e de governo na sessão."),
        good("A Casa vai votar o projeto, e o Supremo deve julgar a ação."),
        good("Contratamos gente em Recife, em Goiânia e em Porto Alegre."),
        good("O economista Paulo Costa falou. Segundo Costa, o plano é bom."),
        good("A romancista publicou o livro Silêncio na semana passada."),
        good("O Conselho de Segurança das Nações Unidas votou a resolução."),
    ],
)
def capitalised_common_word(doc: Document, ctx) -> Iterator[Hit]:
    """A common word capitalised in mid-sentence where no name or title is in sight.

    ## Why it matters
    Like capitalised function words, a capitalised common word inside a sentence (`no meio de
    Ofensivo da Rússia`) is usually the first word of a translated link anchor.

    ## What fires
    A capitalised word whose lower-case form the dictionary knows, written once in the document,
    standing alone between a lower-case function word and a lower-case word in a line that ends
    as a sentence. Conventionally capitalised institutions (`Estado`, `Congresso`, `Supremo`)
    stay silent. Off by default: towns and people named with common words (`Rosa`, `Natal`)
    written once can still trip it; select it with `--select U102`.
    """
    lang = doc.language or ""
    function, _, title_nouns, institutional = _lists(lang)
    if not function:
        return
    dictionary = ctx.providers.get("dictionary")
    text = doc.text
    for ws in _prose_words(doc):
        for j in range(1, len(ws)):
            a, b, w = ws[j]
            low = w.lower()
            if len(w) < 4 or not w.isalpha() or not _title_case(w):
                continue
            if low in function or low in institutional:
                continue
            prev = ws[j - 1][2]
            if not prev.islower() or prev not in function or prev in title_nouns:
                continue
            if j >= 2 and ws[j - 2][2][:1].isupper():
                continue  # inside a name with a particle: "Conselho de Segurança das Nações"
            if not _mid_sentence(text, ws, j) or not _followed_by_lower(text, ws, j):
                continue
            if len(re.findall(rf"\b{re.escape(w)}\b", text)) > 1:
                continue  # written the same way elsewhere: a name
            if not dictionary.known(low, lang, doc.variant):
                continue
            yield Hit(a, b, suggestion=low)


@cache
def _titles(language: str) -> str | None:
    """A regex alternation of the language's titles, capitalised (longest first)."""
    titles = per_language("capitalization", "titles_before_names").get(language)
    if not titles:
        return None

    def cap(w: str) -> str:
        # "primeiro-ministro" -> "Primeiro-[Mm]inistro": the part after a hyphen may keep its case
        head, *rest = w.split("-")
        return re.escape(head[:1].upper() + head[1:]) + "".join(
            rf"-[{r[:1]}{r[:1].upper()}]{re.escape(r[1:])}" for r in rest)

    return "|".join(cap(w) for w in sorted(titles, key=len, reverse=True))


@cache
def _title_pattern(language: str) -> re.Pattern[str] | None:
    """Determiner, spaces, a capitalised title, spaces, a capitalised word (all on one line)."""
    t = _titles(language)
    dets = per_language("capitalization", "title_determiners").get(language)
    if not t or not dets:
        return None
    d = "|".join(re.escape(w) for w in sorted(dets, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?:{d})['’]?[ \t\u00a0]+(?P<w>{t})[ \t\u00a0]+(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*)"
    )


@cache
def _title_after_space(language: str) -> re.Pattern[str] | None:
    """A space and a capitalised title: in every match of :func:`_title_pattern`, and found by a
    fast scan from space to space (that pattern, opening with a look-behind, tries every
    position)."""
    t = _titles(language)
    if not t:
        return None
    titles = per_language("capitalization", "titles_before_names").get(language)
    firsts = "".join(sorted({re.escape(w[:1].upper()) for w in titles}))
    return re.compile(rf"[ \t\u00a0](?=[{firsts}])(?:{t})")


@check(
    "U103", "capitalised-title-before-name", Severity.INFO,
    category="capitalization",
    message="Title '{text}' capitalised before a name; news style writes '{suggestion}'",
    languages=("pt", "it", "es"),
    examples=[
        bad("Foram mostrados um punhal de almirante e o [[Presidente]] Putin recebendo obras.",
            suggest="presidente"),
        bad("A reunião com a [[Primeira-Ministra]] Meloni durou duas horas.", suggest="primeira-ministra"),
        bad("Kim recebeu o [[Ministro]] Lavrov em Wonsan.", suggest="ministro"),
        bad("Falou o [[Secretário-Geral]] Guterres na abertura.", suggest="secretário-geral"),
        bad("Ha parlato con il [[Presidente]] Mattarella ieri.", suggest="presidente", language="it"),
        good("O presidente Putin chegou a Pyongyang na terça-feira."),
        good("Presidente Putin chega a Pyongyang"),
        good("O Presidente da República sancionou a lei."),
        good("A General Motors anunciou demissões em São José dos Campos."),
        good("Ele mora em Senador Canedo e trabalha em Presidente Prudente."),
        good("O jogo será no estádio Presidente Vargas, em Fortaleza."),
        good("O PRESIDENTE LULA VISITA A CHINA."),
    ],
)
def capitalised_title_before_name(doc: Document, ctx) -> Iterator[Hit]:
    """A title capitalised before a person's name after an article (`o Presidente Putin`).

    ## Why it matters
    English capitalises a title before a name (`President Putin`); Portuguese, Italian and Spanish
    news prose writes it in lower case (`o presidente Putin`). Machine translation carries the
    capital over. The 1990 orthographic agreement allows either case for such titles, so this is
    house style, reported as information.

    ## What fires
    A title from the language's list (`presidente`, `ministro`, `primeiro-ministro`, `chanceler`…)
    written with a capital between an article or contraction (`o`, `do`, `pela`…) and a capitalised
    word. Headlines and lines in capitals, titles after a noun or preposition (`estádio Presidente
    Vargas`, `em Presidente Prudente`), institutions (`o Presidente da República`) and titles that
    start company or town names (`General`, `Senador`, `Rei`: not on the list) stay silent.
    """
    rx = _title_pattern(doc.language or "")
    if rx is None:
        return
    present = _title_after_space(doc.language or "")
    if present is not None and not present.search(doc.text):
        return
    for line in _text_lines(doc):
        t = line.text
        if not _PROSE_END.search(t) or t.upper() == t:
            continue
        for m in rx.finditer(t):
            w = m.group("w")
            yield Hit(line.start + m.start("w"), line.start + m.end("w"), suggestion=w.lower())


# --- U105-U109 ---------------------------------------------------------------------------------

_LOWER = "a-zà-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
_SP = "[ \t\u00a0]"


@cache
def _table(key: str, language: str) -> frozenset[str]:
    return frozenset(per_language("capitalization", key).get(language, ()))


class _WordCounts:
    """How often each word is written in a document, counted on first use (one pass, instead of
    a search of the whole text per candidate)."""

    _RX = re.compile(r"\w+")

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: Counter[str] | None = None

    def __getitem__(self, word: str) -> int:
        if self._counts is None:
            self._counts = Counter(self._RX.findall(self.text))
        return self._counts[word]


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, not before ``lo`` (a line start)."""
    return max(lo, *(text.rfind(p, lo, pos) + 1 for p in (". ", "! ", "? ")))


def _closes(line: str) -> bool:
    """The line ends as running text (not a heading) and is not written in capitals."""
    return _runs_as_text(line)


#: A word, a period, spaces and a lower-case word: a sentence that starts in lower case.
_LOWER_START = re.compile(rf"(?P<stop>[.?!]){_SP}+(?P<w>[{_LOWER}]+)(?P<after>[^\w]|$)", re.M)
#: The word right before the period, unless a period, `@` or `/` precedes it (an address).
_WORD_BEFORE = re.compile(r"(?<![\w.@/])(?P<prev>\w+)$")


@check(
    "U105", "lower-case-sentence-start", Severity.WARNING,
    category="capitalization",
    message="Sentence starts in lower case after a period: '{text}'; write '{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("O aparelho funciona bem. [[não]] é o único modelo da linha.", suggest="Não"),
        bad("A empresa confirmou o atraso em 2024. [[depois]], cancelou o evento.", suggest="Depois"),
        bad("Quem ganha com o atraso? [[ninguém]] sabe responder.", suggest="Ninguém"),
        good("O Yahoo! e o Google disputam o mercado."),
        good("O evento reuniu artistas, escritores etc. e terminou tarde."),
        good("A tabela (cf. p. 12) mostra o resultado, e o art. 5 garante o direito."),
        good("Ela mandou um e-mail. Depois, um eBay. O iPhone chegou."),
        good("O site é exemplo.com. Mais informações no local."),
        good("Ele disse que ia sair... e saiu."),
        good("Jogou Super Mario Bros. e depois falou com Martin Luther King Jr. e a família."),
        good("O percurso tem 12 km. Depois, a prova segue pela orla."),
        good("1. introdução"),
        bad("O aparelho saiu em maio.\n\n[[mas]] a empresa não divulgou o preço. Nada mudou.",
            suggest="Mas"),
        good("Os itens são estes:\n\ncrédito para empresas; redução de tarifas.\n"),
        good("O texto segue na linha de baixo, que começa\nem minúscula e termina aqui."),
        good("Fim do primeiro parágrafo.\n\niPhone e eBay abrem o segundo. Ele segue."),
    ],
)
def lower_case_sentence_start(doc: Document, ctx) -> Iterator[Hit]:
    """A sentence that starts in lower case after a period, a question mark or an exclamation mark.

    ## Why it matters
    Machine translation of a page whose sentences were split by markup, or post-edited in
    pieces, leaves sentences that start in lower case after a full stop (`as coisas. não sou`).
    Portuguese, like English, opens every sentence with a capital.

    ## What fires
    A word, a period (or a question or exclamation mark after a lower-case word), a space and a
    word in lower case that the dictionary knows, in a line that
    also has capitals (text written all in lower case is a style, not an artifact); and a
    paragraph of running text that opens with such a word after a paragraph that ended with a
    full stop.

    ## What stays silent
    Lower-case abbreviations (`etc.`, `p.`, `cf.`, `art.`, `km.`) and initials, ellipses,
    addresses (`exemplo.com`), words glued to a hyphen, `@` or a slash (`e-mail`), brands that
    start in lower case and carry a capital inside (`eBay`, `iPhone`), and a numbered list item
    at the start of a line, a line that continues the line above (no blank line between) and
    a paragraph after one that ends with a colon (a list).
    """
    lang = doc.language or ""
    abbreviations = _table("lower_abbreviations", lang)
    if not abbreviations:
        return
    text = doc.text
    dictionary = ctx.providers.get("dictionary")
    spaced = any(c in text for c in (". ", "? ", "! ", ".\u00a0", ".\t"))
    for m in _LOWER_START.finditer(text) if spaced else ():
        w, after = m.group("w"), m.group("after")
        if after and after in "-@/.'’_":
            continue
        pm = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if pm is None:
            continue
        prev = pm.group("prev")
        if m.group("stop") != "." and not prev.islower():
            continue  # "Yahoo! e": a name that ends with the mark
        pl = prev.lower()
        if pl in abbreviations or (len(prev) == 1 and prev.isalpha()):
            continue
        a, b = doc.line_bounds(m.start())
        if prev.isdigit() and not text[a:pm.start("prev")].strip():
            continue  # "1. introdução": a numbered item
        line = text[a:b]
        if line.lower() == line:
            continue
        if len(w) == 1 and w not in "aoeé":
            continue
        if not dictionary.known(w, lang, doc.variant):
            continue
        yield Hit(m.start("w"), m.end("w"), suggestion=w[:1].upper() + w[1:])
    yield from _lower_paragraph_starts(doc, dictionary)


_PARAGRAPH_START = re.compile(rf"(?P<w>[{_LOWER}]+)(?P<after>[^\w]|$)")


def _lower_paragraph_starts(doc: Document, dictionary) -> Iterator[Hit]:
    """A paragraph of running text that opens in lower case after a paragraph that closed."""
    lang = doc.language or ""
    prev_closed = False
    blank = False
    for line in doc.lines:
        t = line.text
        if not t.strip():
            blank = True
            continue
        if blank and prev_closed and _runs_as_text(t) and t.lower() != t:
            m = _PARAGRAPH_START.match(t)
            if m is not None and not (m.group("after") and m.group("after") in "-@/.'’_:"):
                w = m.group("w")
                if (len(w) > 1 or w in "aoeé") and dictionary.known(w, lang, doc.variant):
                    yield Hit(line.start, line.start + len(w), suggestion=w[:1].upper() + w[1:])
        end = t.rstrip()
        prev_closed = bool(end) and end[-1] in ".!?…"
        blank = False


@cache
def _after_comma_pattern(language: str) -> re.Pattern[str] | None:
    """`,` or `;`, spaces, a capitalised connector or function word (groups ``p`` and ``w``)."""
    connectors = _table("connectors", language)
    if not connectors:
        return None
    function = _lists(language)[0]
    extra = _table("verb_forms", language) | _table("adverbs", language)
    items = sorted(connectors | function | extra, key=len, reverse=True)
    alt = "|".join(re.escape(c[:1].upper() + c[1:]).replace("\\ ", f"{_SP}+") for c in items)
    return re.compile(rf"(?P<p>[,;]){_SP}+(?P<w>(?:{alt}))(?=(?P<next>{_SP}+[{_LOWER}]|,))")


#: After a comma only these open a clause often enough to be told from a title or a name.
_COMMA_STRONG = frozenset(
    "no entanto|porém|contudo|todavia|entretanto|portanto|além disso|por isso|por outro lado|"
    "ou seja|isto é|mas|pois|embora|enquanto|então|aliás|inclusive|afinal|ademais".split("|"))


@check(
    "U106", "capital-after-comma", Severity.WARNING,
    category="capitalization",
    message="'{text}' capitalised after a comma or semicolon; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("O lançamento estava marcado para junho[[; No entanto]], a empresa adiou.",
            suggest="; no entanto"),
        bad("A equipe venceu o jogo[[, Mas]] perdeu o líder da defesa.", suggest=", mas"),
        bad("Os preços subiram[[; A]] inflação, porém, recuou.", suggest="; a"),
        bad("O plano foi aprovado[[; Isso]] muda o calendário.", suggest="; isso"),
        bad("O jogo acabou tarde[[; Foi]] uma noite difícil.", suggest="; foi"),
        good("O lançamento estava marcado para junho; no entanto, a empresa adiou."),
        good("Estiveram presentes os jornais O Globo, A Tarde e O Dia."),
        good("Ele citou os filmes Central do Brasil, Ainda estou aqui e Bacurau."),
        good("Segundo o jornal, A Tarde vendeu mais; O Povo, menos."),
        good("Lista de convidados, Mas Nada"),
        good("Os filmes premiados: Central do Brasil; A hora da estrela; O quatrilho."),
    ],
)
def capital_after_comma(doc: Document, ctx) -> Iterator[Hit]:
    """A connector or function word capitalised after a comma or a semicolon.

    ## Why it matters
    English style guides capitalise nothing after a semicolon either, but translation engines
    that split at `;` translate each half as a sentence and give the second a capital:
    `junho; No entanto, …`. The capital reads as a typo.

    ## What fires
    After a semicolon: a capitalised connector (`No entanto`, `Porém`, `Além disso`), pronoun
    (`Isso`, `Ele`), common verb form or adverb (`Foi`, `Não`) or function word (`A`, `O`, `Em`)
    followed by a lower-case word or a comma. After a comma:
    only connectors that open a clause (`Mas`, `Porém`, `No entanto`, `Portanto`).

    ## What stays silent
    Names and titles that open with a function word (`O Globo`, `A Tarde`: the next word is
    capitalised), titles of works after a comma (`Ainda estou aqui`: `ainda` is no clause
    opener), items of a list introduced by a colon (`premiados: Central do Brasil; A hora da
    estrela`), and headings (lines without closing punctuation).
    """
    rx = _after_comma_pattern(doc.language or "")
    if rx is None:
        return
    text = doc.text
    if "," not in text and ";" not in text:
        return
    for m in rx.finditer(text):
        w = m.group("w")
        low = _GAP.sub(" ", w.lower())
        if m.group("p") == "," and low not in _COMMA_STRONG:
            continue
        a, b = doc.line_bounds(m.start())
        if not _closes(text[a:b]):
            continue
        if m.group("p") == ";" and ":" in text[_sentence_start(text, a, m.start()):m.start()]:
            continue  # items of a list after a colon may open with a capital
        yield Hit(m.start(), m.end("w"), suggestion=m.group("p") + " " + w[:1].lower() + w[1:])


_CAP_WORD = re.compile(rf"{_SP}(?<=[\w,]{_SP})(?P<w>[{_UPPER}][{_LOWER}]+|É)(?![\w'’-])")
_NEXT_LOWER = re.compile(rf"{_SP}+(?P<next>[{_LOWER}][\w-]*)")
_PASSIVE_AGENT = frozenset({"por", "pelo", "pela", "pelos", "pelas"})
#: Where a sentence starts before a word: the name before a verb must not open the sentence.
_PROSE_START = re.compile(rf"(?:^|[.!?…:;—–\"“«(]{_SP}*)$")


def _is_verb(lexicon, infinitive: str) -> bool:
    is_verb = getattr(lexicon, "is_verb", None)
    if is_verb is not None:
        return bool(is_verb(infinitive))
    return infinitive in getattr(lexicon, "_verbs", ())


@cache
def _endings(key: str, language: str) -> tuple[tuple[str, str], ...]:
    pairs = [e.split("=", 1) for e in per_language("capitalization", key).get(language, ())]
    return tuple(sorted(((a, b) for a, b in pairs), key=lambda p: -len(p[0])))


@cache
def _all_endings(language: str) -> tuple[str, ...]:
    return tuple({e for key in ("verb_endings", "participle_endings") for e, _ in _endings(key, language)})


def _regular_verb_form(word: str, language: str, lexicon, participle: bool) -> bool:
    if not word.endswith(_all_endings(language)):
        return False
    for key in ("verb_endings", "participle_endings") if participle else ("verb_endings",):
        for ending, inf in _endings(key, language):
            if word.endswith(ending):
                stem = word[: -len(ending)]
                if len(stem) >= 3 and _is_verb(lexicon, stem + inf):
                    return True
    return False


@check(
    "U107", "capitalised-verb-mid-sentence", Severity.WARNING,
    category="capitalization",
    message="Verb or adverb '{text}' capitalised in mid-sentence (a link-anchor artifact?); write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("O modelo lançado em 2019 [[Foi]] um sucesso de vendas.", suggest="foi"),
        bad("A empresa garante que [[Não]] haverá aumento neste ano.", suggest="não"),
        bad("O problema [[É]] que o prazo acabou.", suggest="é"),
        bad("O defeito foi [[Notado]] pela primeira vez num fórum.", suggest="notado"),
        bad("Se o comando funcionar, isso [[Acionará]] uma tela de erro.", suggest="acionará"),
        bad("A empresa [[Anunciou]] nesta semana um novo modelo.", suggest="anunciou"),
        bad("Segundo o site, a Nintendo [[Vai]] lançar um console.", suggest="vai"),
        good("O espetáculo Tudo Que Move É Sagrado estreia; o movimento Vem Pra Rua protestou."),
        good("Nintendo Vai lançar console, diz site."),
        good("A Vale anunciou lucro; a Era Vargas terminou em 1945."),
        good("O romance Ainda estou aqui foi adaptado para o cinema."),
        good("Ouvimos dona Luzia, que mora no bairro desde 1970."),
        good("Segundo Salgado, o plano está pronto. Salgado falou à tarde."),
        good("Jorge Amado escreveu muito; o tema Foi Assim é de um disco antigo."),
        good("Estiveram lá Rio e São Paulo, e Porto Alegre também."),
        good("Resultado do jogo Foi bom demais"),
    ],
)
def capitalised_verb_mid_sentence(doc: Document, ctx) -> Iterator[Hit]:
    """A verb or an adverb capitalised in the middle of a sentence.

    ## Why it matters
    When a page is translated with its links, each link text is translated on its own and keeps
    the capital of a sentence start: `o modelo de 2019 Foi um sucesso`, `isso Acionará uma tela`.
    A name is seldom a verb form, so the capital is an artifact.

    ## What fires
    A capitalised word after a lower-case word or a number (only spaces between) and before a
    lower-case word, in a line that ends as a sentence, when it is one of the commonest verb
    forms or adverbs (`Foi`, `Não`, `Também`) or a regular verb form of a verb the lexicon knows
    (`Acionará`, `Notou`; a participle only before `por`/`pelo`/`pela`: `Notado pela`). After a
    name inside a sentence, only the commonest finite verbs (`a Nintendo Vai lançar`).

    ## What stays silent
    Capitals after an article or a preposition (`a Vale`, `na Era Vargas`: a name), after a
    noun that introduces a person, a place or a title (`dona Luzia`, `o romance Ainda estou
    aqui`), before a capitalised word (`Foi Assim`), regular forms written with a capital more
    than once in the document (a surname like Salgado), headings and lines in capitals.
    """
    lang = doc.language or ""
    function, _, title_nouns, _ = _lists(lang)
    irregular = _table("verb_forms", lang) | _table("adverbs", lang)
    if not irregular:
        return
    stop = (function - _CONJ - {"mas", "que"}) | title_nouns | _table("name_openers", lang)
    lexicon = ctx.providers.get("lexicon")
    finite = _table("finite_verb_forms", lang)
    counts = _WordCounts(doc.text)
    for line in _running_lines(doc):
        t = line.text
        for m in _CAP_WORD.finditer(t):
            w = m.group("w")
            low = w.lower()
            nm = _NEXT_LOWER.match(t, m.end())
            if nm is None:
                continue
            if low not in irregular:
                if not _regular_verb_form(low, lang, lexicon, nm.group("next") in _PASSIVE_AGENT):
                    continue
                if counts[w] > 1:
                    continue  # written with a capital elsewhere: a name
            pm = _PREV_WORD.search(t, max(0, m.start() - 60), m.start())
            if pm is None:
                continue
            prev = pm.group()
            if _title_case(prev) and len(prev) > 1 and low in finite and pm.start() > 0 \
                    and _GAP.fullmatch(t, pm.end(), m.start("w")) and not _PROSE_START.search(t, 0, pm.start()):
                # "a Nintendo Anunciou um": a finite verb after a name, inside a sentence
                yield Hit(line.start + m.start("w"), line.start + m.end("w"), suggestion=low)
                continue
            if not (prev.islower() or prev.isdigit()) or prev.lower() in stop:
                continue
            yield Hit(line.start + m.start("w"), line.start + m.end("w"), suggestion=low)


def _inflections(word: str) -> list[str]:
    """Masculine singular gentilic -> its four forms (`inglês` -> inglesa, ingleses, inglesas)."""
    if word.endswith("ês"):
        s = word[:-2] + "es"
        return [word, s + "a", s + "es", s + "as"]
    if word.endswith("ão"):
        stem = word[:-2]
        return [word, stem + "ã", stem + "ães", stem + "ãs", stem + "ões", stem + "ãos"]
    if word.endswith("eu"):
        return [word, word[:-1] + "ia", word + "s", word[:-1] + "ias"]
    if word.endswith("ol"):
        return [word, word + "a", word[:-2] + "óis", word + "as"]
    if word.endswith("o"):
        return [word, word[:-1] + "a", word + "s", word[:-1] + "as"]
    if word.endswith(("e", "a", "i")):
        return [word, word + "s"]
    return [word]


@cache
def _gentilic_pattern(language: str) -> re.Pattern[str] | None:
    base = per_language("capitalization", "gentilics").get(language)
    if not base:
        return None
    forms = {f for w in base for f in _inflections(w)}

    def cap(w: str) -> str:
        return "-".join(p[:1].upper() + p[1:] for p in w.split("-"))

    caps = sorted({cap(f) for f in forms} | {f[:1].upper() + f[1:] for f in forms})
    firsts = "".join(sorted({re.escape(c[:1]) for c in caps}))
    return re.compile(rf"{_SP}(?=[{firsts}])(?<=\w{_SP})(?P<w>{_trie(caps)})(?![\w'’-])")


@check(
    "U108", "capitalised-gentilic", Severity.WARNING,
    category="capitalization",
    message="Language or nationality '{text}' capitalised in mid-sentence; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("O aplicativo ainda não está disponível em [[Inglês]].", suggest="inglês"),
        bad("O governo [[Francês]] anunciou novas medidas.", suggest="francês"),
        bad("Duas empresas [[Norte-Americanas]] compraram a fábrica.", suggest="norte-americanas"),
        bad("Uma empresa [[Norte-americana]] comprou a fábrica.", suggest="norte-americana"),
        bad("Os líderes [[Cristãos]] e muçulmanos assinaram a carta.", suggest="cristãos"),
        good("A Igreja Católica e o Estado Islâmico; a Páscoa Judaica começa."),
        good("O aplicativo ainda não está disponível em inglês nem em francês."),
        good("A Guiana Francesa e a Polinésia Francesa votaram; a Liga Árabe reuniu-se."),
        good("Ela dá aulas de Português e fez licenciatura em Inglês."),
        good("Segundo a agência Belga, o Instituto Francês abriu as inscrições."),
        good("O ministro citou o Banco Central Europeu e a Comissão Europeia."),
        good("Cinema Francês Contemporâneo"),
        good("A Portuguesa venceu e segue em quarto; o Flamengo lidera o Brasileiro com folga."),
        good("Portugal venceu o Europeu de 2016 e o Sporting joga a Sul-Americana? Não."),
    ],
)
def capitalised_gentilic(doc: Document, ctx) -> Iterator[Hit]:
    """A language, nationality or religion capitalised in mid-sentence (`em Inglês`, `o governo Francês`).

    ## Why it matters
    English capitalises languages, nationalities and religions (`in English`, `the French
    government`, `Christian leaders`); Portuguese writes them in lower case (`em inglês`, `o
    governo francês`, `líderes cristãos`). Machine
    translation carries the capital over.

    ## What fires
    A language or nationality, in any of its forms, written with a capital after a lower-case
    word (only spaces between) and not before a capitalised word, in a line that ends as a
    sentence.

    ## What stays silent
    Names (`Guiana Francesa`, `Banco Central Europeu`: a capitalised word before or after it),
    school subjects and courses (`aulas de Português`, `licenciatura em Inglês`), agencies and
    institutes (`a agência Belga`), clubs and championships after an article (`a Portuguesa`,
    `o Brasileiro`, `o Europeu`), headings and lines in capitals.
    """
    lang = doc.language or ""
    rx = _gentilic_pattern(lang)
    if rx is None:
        return
    subjects = _table("subject_nouns", lang) | _table("name_openers", lang)
    club_names = _table("gentilic_names", lang)
    determiners = _table("title_determiners", lang)
    for line in _running_lines(doc):
        t = line.text
        for m in rx.finditer(t):
            w = m.group("w")
            pm = _PREV_WORD.search(t, max(0, m.start() - 60), m.start())
            if pm is None or not pm.group().islower():
                continue
            if re.match(rf"{_SP}+[{_UPPER}]", t[m.end():m.end() + 3]):
                continue
            if pm.group() in determiners and w.lower() in club_names:
                continue  # "a Portuguesa venceu", "o Europeu de 2016"
            before = t[max(0, pm.start() - 40):m.start()].lower().split()
            if any(b.strip(",.;:") in subjects for b in before[-2:]):
                continue
            yield Hit(line.start + m.start("w"), line.start + m.end("w"), suggestion=w.lower())


@cache
def _brand_pattern(language: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    brands = per_language("capitalization", "brands").get(language)
    if not brands:
        return None
    plain = per_language("capitalization", "capitalised_brands").get(language) or []
    # Brands of one initial capital: only their all-lower-case spelling is wrong ("Nubank" and
    # "NUBANK" are fine; "nubank" is not).
    brands = brands + [b.lower() for b in plain]
    canon = {b.lower().replace("’", "'"): b for b in brands}
    canon.update({b.lower(): b for b in plain})
    # One trie-shaped pattern over the lower-cased text: at each position the engine follows one
    # branch per letter instead of trying every brand.
    words = sorted({b.lower().replace("’", "'") for b in brands})
    # Opening with the character before the brand (a space, a bracket, a quote) lets the engine
    # jump to candidates instead of trying every position; the text is searched with a space
    # before it, so that a brand can open it.
    return re.compile(rf"[\s(\[\"“«‘—–](?P<b>{_trie(words)})(?![\w@/'’-]|\.\w)"), canon


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (`ip(?:ad|hone)`)."""
    tree: dict = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [("['’]" if c == "'" else re.escape(c)) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(tree)


@check(
    "U109", "brand-casing", Severity.WARNING,
    category="capitalization",
    message="Brand written '{text}'; its own spelling is '{suggestion}'",
    languages=("pt", "en", "it", "es"),
    examples=[
        bad("O vídeo foi publicado no [[Youtube]] e no LinkedIn.", suggest="YouTube"),
        bad("A vaga foi anunciada no [[Linkedin]].", suggest="LinkedIn"),
        bad("A nova [[Playstation]] chega em novembro.", suggest="PlayStation"),
        bad("Ele vendeu o [[iphone]] antigo.", suggest="iPhone"),
        bad("Ele comprou o aparelho no [[Ebay]].", suggest="eBay"),
        good("O vídeo foi publicado no YouTube, no LinkedIn e no TikTok."),
        good("Veja em youtube.com/canal ou em www.linkedin.com; siga @whatsapp e #iphone."),
        good("O youtuber comprou um PlayStation e um iPhone no eBay."),
        good("O MCDONALD'S ABRE LOJA NOVA; o McDonald’s confirmou."),
        bad("Ela publicou a foto no [[instagram]] ontem.", suggest="Instagram"),
        bad("A série estreia na [[netflix]] em maio.", suggest="Netflix"),
        good("A série estreia na Netflix; veja em netflix.com ou siga @netflix e #netflixbrasil."),
        good("A economia de mercado livre cresceu; o Nubank e a NETFLIX também."),
    ],
)
def brand_casing(doc: Document, ctx) -> Iterator[Hit]:
    """A brand written in another casing than its own (`Playstation`, `Youtube`, `iphone`).

    ## Why it matters
    Brands with inner capitals (`PlayStation`, `YouTube`, `iPhone`, `eBay`, `McDonald's`) are
    written the brand's way in any language. Translation engines and spinners normalise them to
    ordinary capitalisation or lower case.

    ## What fires
    A brand of the list (`mtqa/checks/data/capitalization.yaml`) written with the same letters
    in another casing, and brands with one initial capital (`Netflix`, `Instagram`) written
    all in lower case.

    ## What stays silent
    The brand's own spelling, text in capitals, and the letters inside addresses, handles and
    hashtags (`youtube.com`, `@whatsapp`, `#iphone`) or longer words (`youtuber`).
    """
    found = _brand_pattern(doc.language or "")
    if found is None:
        return
    rx, canon = found
    text = doc.text
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): keep offsets
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in rx.finditer(" " + lowered):
        a, b = m.start("b") - 1, m.end("b") - 1
        w = text[a:b]
        right = canon.get(w.lower().replace("’", "'"))
        if right is None or w.replace("’", "'") == right or w.isupper():
            continue
        if right[1:] == right[1:].lower() and right[:1].isupper() and not w.islower():
            continue  # a plain capitalised brand: only its lower-case spelling is an artifact
        yield Hit(a, b, suggestion=right)


_HEADING_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_PRESENT_ENDINGS = (("a", "ar"), ("am", "ar"), ("e", "er"), ("e", "ir"), ("em", "er"), ("em", "ir"),
                    ("ar", "ar"), ("er", "er"), ("ir", "ir"))


def _heading_verb(word: str, language: str, lexicon, irregular: frozenset[str]) -> bool:
    """A verb form as headlines use them: present tense (`Anuncia`, `Lançam`), infinitive
    (`Como Instalar`) or another regular or irregular form."""
    if word in irregular or _regular_verb_form(word, language, lexicon, False):
        return True
    for ending, inf in _PRESENT_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3 and _is_verb(lexicon, stem + inf):
            return True
    return False


@check(
    "U110", "title-case-heading", Severity.INFO,
    category="capitalization",
    message="Heading in English title case; Portuguese capitalises only the first word and names",
    languages=("pt",),
    needs=("dictionary", "lexicon"),
    examples=[
        bad("Empresa [[Anuncia Novo Aparelho Para Jogos Portáteis]]\n\nO texto segue aqui."),
        bad("Como [[Escolher o Melhor Plano de Internet Para Sua Casa]]\n\nO texto segue."),
        good("Empresa anuncia novo aparelho para jogos portáteis\n\nO texto segue aqui."),
        bad("Prefeitura [[Lança Programa De Reformas Em Escolas Com Verba Do Estado Para Bairros Da Zona Norte]]\n\nO texto segue."),
        good("Alertas da Defesa Civil\n\nO texto segue aqui."),
        bad("Filme [[Volta aos Cinemas em Versão Restaurada]]\n\nO texto segue aqui."),
        good("Filme volta aos cinemas em versão restaurada\n\nO texto segue aqui."),
        good("Por Maria da Graça Pereira Leite, de Belo Horizonte\n\nO texto segue."),
        good("Ministério da Ciência, Tecnologia e Ensino Superior\n\nO texto segue."),
        good("Sporting vence FC Porto em Alvalade e isola-se na liderança da I Liga"),
        good("O Diabo Veste Prada\n\nO filme volta aos cinemas."),
        good("GOVERNO ANUNCIA NOVO PLANO PARA A SAÚDE"),
        good("Cidade Nova Recebe Feira Cultural Amanhã."),
    ],
)
def title_case_heading(doc: Document, ctx) -> Iterator[Hit]:
    """A heading in English title case (`Empresa Anuncia Novo Aparelho Para Jogos`).

    ## Why it matters
    English headlines capitalise every main word; Portuguese headlines capitalise the first
    word and names only (`Empresa anuncia novo aparelho para jogos`). A translated headline
    that keeps the capitals reads as a translation.

    ## What fires
    A line without closing punctuation (a heading) of four to fourteen words (twenty when two
    function words are capitalised), not in capitals,
    in which every word after the first is capitalised except function words (three at least),
    at least three of them (two in a heading of six words or more) are common words the dictionary knows (not institutions like `Defesa` or
    `Estado`), and at least one is a verb form (`Anuncia`, `Escolher`) or a capitalised
    function word (`Para`). The span runs from the second word to the end of the line.

    ## What stays silent
    Headings in sentence case, names of institutions and people (no verb among them), bylines,
    titles of works of three words or fewer, lines in capitals and lines of running text.
    """
    lang = doc.language or ""
    function, _, _, institutional = _lists(lang)
    if not function:
        return
    irregular = _table("verb_forms", lang)
    dictionary = ctx.providers.get("dictionary")
    lexicon = None

    def heading(text: str) -> tuple[int, int] | None:
        """The span of a title-case heading in the line ``text`` (from its second word)."""
        nonlocal lexicon
        t = text.rstrip()
        if not t or len(t) > 400 or t[-1] in CLOSING_PUNCTUATION or t.upper() == t:
            return None  # a heading of twenty words is far shorter than 400 characters
        ws = list(_HEADING_WORD.finditer(t))
        if not 4 <= len(ws) <= 20:
            return None
        rest = [m.group() for m in ws[1:]]
        # Two capitalised function words (`De`, `Em`) mark English title case in a longer heading too.
        if len(ws) > 14 and sum(w.lower() in function and _title_case(w) and len(w) > 1 for w in rest) < 2:
            return None
        content = [w for w in rest if w.lower() not in function and w.isalpha() and not w.isupper()]
        if len(content) < 3 or not all(w[:1].isupper() for w in content):
            return None
        common = [w for w in content if _title_case(w) and w.lower() not in institutional
                  and dictionary.known(w.lower(), lang, doc.variant)]
        if len(common) < 3 and (len(common) < 2 or len(ws) < 6):
            return None  # two common words suffice in a longer heading
        if ws[0].group().lower() in {"por", "foto", "fotos", "edição", "texto", "reportagem"}:
            return None  # a byline
        capital_function = any(w.lower() in function and _title_case(w) and len(w) > 1 for w in rest)
        if not capital_function:
            if lexicon is None:
                lexicon = ctx.providers.get("lexicon")
            if not any(_heading_verb(w.lower(), lang, lexicon, irregular) for w in common):
                return None
        return ws[1].start(), ws[-1].end()

    # The verdict on a line depends on its text alone: each distinct text is read once.
    for _, line, (a, b) in _lines_per_text(doc, heading):
        yield Hit(line.start + a, line.start + b)


_INNER_SENTENCE_END = re.compile(rf"[.!?…][\"'”’»)]*{_SP}+[{_UPPER}\"“«]")
_LAST_WORD = re.compile(rf"(?<![\w-])(?P<w>[{_LOWER}][\w-]*){_SP}*$")
_FIRST_WORDS = re.compile(rf"(?P<w>[{_UPPER}][{_LOWER}]+){_SP}+(?P<next>[{_LOWER}][\w-]*)")


@check(
    "U111", "capital-after-line-break", Severity.WARNING,
    category="capitalization",
    message="'{text}' capitalised where a sentence was broken across lines; write '{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("O instituto anunciou o resultado. A equipe concluiu a montagem da primeira\n"
            "[[Turbina]] de teste do país, após dez anos de trabalho. A turbina gira.",
            suggest="turbina"),
        good("Governo reajusta salários na educação\nProposta prevê aumento em duas etapas."),
        good("O instituto anunciou o resultado. A equipe concluiu a montagem da primeira turbina\n"
             "Lula comemorou o resultado na capital."),
        good("O instituto anunciou o resultado.\nTurbina de teste fica pronta em maio."),
    ],
)
def capital_after_line_break(doc: Document, ctx) -> Iterator[Hit]:
    """A sentence broken across two lines, its second half starting with a capital.

    ## Why it matters
    Pages whose markup split a sentence (a link, a line break inside a paragraph) are
    translated in pieces; the second piece gets a sentence capital and starts a new line:
    `a inauguração da nova` / `Ponte sobre o rio`. The reader sees a broken sentence.

    ## What fires
    A line of running text (it holds a full sentence or is long) that ends in a lower-case word
    with no punctuation, followed by a line (a blank line between at most) that opens with a
    capitalised common word the dictionary knows and the document writes in lower case
    elsewhere, then a lower-case word.

    ## What stays silent
    Headings (short lines with no sentence in them) and the line after them, a next line that
    opens with a name or a word capitalised elsewhere in the document, institutions.
    """
    lang = doc.language or ""
    function, _, _, institutional = _lists(lang)
    if not function:
        return
    names = _table("disciplines", lang) | _table("name_words", lang)
    dictionary = ctx.providers.get("dictionary")
    text = doc.text
    lines = _text_lines(doc)
    counts = _WordCounts(text)

    def broken(line: str) -> bool:
        """The line is running text that ends in a lower-case word without punctuation."""
        t = line.rstrip()
        if not t or t[-1] in CLOSING_PUNCTUATION or not _LAST_WORD.search(t):
            return False
        return len(t) >= 150 or _INNER_SENTENCE_END.search(t) is not None  # else a heading

    # Whether a line can be the first of the pair depends on its text alone: each distinct
    # text is tested once.
    for i, cur, _ in _lines_per_text(doc, broken):
        if i + 1 >= len(lines):
            break
        nxt = lines[i + 1]
        if text.count("\n", cur.end, nxt.start) > 2:
            continue
        m = _FIRST_WORDS.match(nxt.text)
        if m is None or not _runs_as_text(nxt.text):
            continue
        w = m.group("w")
        low = w.lower()
        if len(w) < 3 or low in function or low in institutional or low in names:
            continue
        if counts[w] > 1:
            continue
        if not counts[low]:
            continue  # never written in lower case here: likely a name (`Lula`, `Rosa`)
        if not dictionary.known(low, lang, doc.variant):
            continue
        yield Hit(nxt.start + m.start("w"), nxt.start + m.end("w"), suggestion=low)


@check(
    "U112", "capitalised-noun-mid-sentence", Severity.INFO,
    category="capitalization",
    message="Common word '{text}' capitalised in mid-sentence (a link-anchor artifact?); write '{suggestion}'",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("A fábrica concluiu [[Máquina]] de embalagem nova. A máquina embala arroz.",
            suggest="máquina"),
        bad("A empresa reforçou sua [[Insistência]] repetida; a insistência irrita os fãs.",
            suggest="insistência"),
        good("Na estreia, o time escalou Pereira no lugar de Ramos; a pereira do quintal secou."),
        good("A romancista lançou Silêncio de pedra; o silêncio da plateia foi total."),
        good("O projeto tem curadoria da agência Arruada e apoio da prefeitura."),
        good("Na final, Rafael ameaçou Trubin e Pote materializou o ascendente."),
        good("O ministro Rui Costa falou cedo. Depois, afirmou Costa ao jornal que o plano segue."),
        good("A Secretaria de Estado de Fazenda e a Festa de Iemanjá ocupam o centro."),
        good("Para abrir, toque em Sistema e depois em Atualização de software."),
        good("O atual Presidente e candidato derrotado falou à noite."),
        good("Ela estuda Medicina e trabalha na área da Saúde desde cedo."),
    ],
)
def capitalised_noun_mid_sentence(doc: Document, ctx) -> Iterator[Hit]:
    """A common word capitalised after a word that is no article, preposition or title.

    ## Why it matters
    The first word of a translated link keeps its capital in the middle of the sentence:
    `o conhecido analista Estação de notícias`, `sua Insistência repetida`. U102 looks at the
    same artifact after an article; this check looks at it after verbs, nouns and adjectives,
    where a name is less often written alone.

    ## What fires
    A capitalised word of four letters or more, written that way once in the document and
    elsewhere in lower case, whose lower-case form the dictionary knows, right after a lower-case word that is not a function
    word and before a lower-case word (a function word then a lower-case word: `Estação de
    notícias`), in a line that ends as a sentence.

    ## What stays silent
    Words after articles and prepositions (`toque em Sistema`, `da Saúde`), after nouns that
    introduce a name (`a agência Arruada`, `o técnico Pote`) and verbs of saying (`afirmou
    Costa`), after a conjunction (`e Pote materializou`), names of several words (`Secretaria
    de Estado`), institutions (`o atual Presidente`), words capitalised more than once and
    headings, fields of study (`estuda Medicina`), surnames and brands that are common words
    (`Pereira`, `Natura`), words after verbs that introduce a title or a person (`lançou
    Silêncio de pedra`, `escalou Pereira`), and words the document never writes in lower case.
    """
    lang = doc.language or ""
    function, _, title_nouns, institutional = _lists(lang)
    if not function:
        return
    stop = function | title_nouns | _table("person_words", lang) | _table("name_openers", lang) \
        | _table("subject_nouns", lang)
    institutional = institutional | _table("disciplines", lang) | _table("name_words", lang)
    dictionary = ctx.providers.get("dictionary")
    counts = _WordCounts(doc.text)
    for line in _running_lines(doc):
        t = line.text
        for m in _CAP_WORD.finditer(t):
            w = m.group("w")
            low = w.lower()
            if len(w) < 4 or low in function or low in institutional:
                continue
            nm = _NEXT_LOWER.match(t, m.end())
            if nm is None:
                continue
            if nm.group("next") in function:
                after = _NEXT_LOWER.match(t, nm.end())
                if after is None or after.group("next") in function:
                    continue
            if counts[w] > 1:
                continue
            if not counts[low]:
                continue  # never written in lower case here: likely a name or a title
            pm = _PREV_WORD.search(t, max(0, m.start() - 60), m.start())
            if pm is None or not pm.group().islower() or pm.group() in stop:
                continue
            if not dictionary.known(low, lang, doc.variant):
                continue
            yield Hit(line.start + m.start("w"), line.start + m.end("w"), suggestion=low)


CHECKS = (
    capitalised_function_word, capitalised_common_word, capitalised_title_before_name,
    lower_case_sentence_start, capital_after_comma, capitalised_verb_mid_sentence,
    capitalised_gentilic, brand_casing, title_case_heading,
    capital_after_line_break, capitalised_noun_mid_sentence,
)
