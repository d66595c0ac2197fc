"""Capitalization (U1xx): capitals inside a sentence where the language has none.

When an article is translated with its links, the first word of each link text keeps its capital:
`apoio a Rússia Na guerra`, `Lavrov No sábado`. The word lists (function words, letter labels,
nouns that introduce titles, conventionally capitalised institutions) are data
(``mtqa/checks/data/capitalization.yaml``), per language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import per_language
from mtqa.core.model import Document, Severity
from mtqa.core.text import words

_PROSE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_GAP = re.compile(r"[ \t\u00a0]+")
_CONJ = frozenset({"e", "ou", "and", "or", "y", "o", "i", "ed"})


@cache
def _lists(language: str) -> tuple[frozenset[str], ...]:
    def get(key: str) -> frozenset[str]:
        return frozenset(per_language("capitalization", key).get(language, ()))

    return get("function_words"), get("letter_labels"), get("title_nouns"), get("institutional")


def _title_case(w: str) -> bool:
    return w[:1].isupper() and (len(w) == 1 or w[1:].islower())


def _prose_words(doc: Document) -> Iterator[list[tuple[int, int, str]]]:
    """Words of each prose line (one that ends as a sentence and is not written in capitals)."""
    for line in doc.lines:
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
    spaces between) and before a lower-case word, in a line that ends as a sentence. Sentence
    starts, words after `:`, dashes, quotes or brackets, headings, lines in capitals, names and
    titles (`O Globo`, `Sem Terra`: the next word is capitalised), titles after a noun like
    `romance` or `filme`, and letters used as labels (`plano A`, `Série A`, `Pio X`) stay silent.
    """
    lang = doc.language or ""
    function, labels, title_nouns, _ = _lists(lang)
    if not function:
        return
    rx = _candidates(lang)
    for line in doc.lines:
        t = line.text
        if not _PROSE_END.search(t) or t.upper() == t:
            continue
        for m in rx.finditer(t):
            w, nxt = m.group("w"), m.group("next")
            if not nxt[:1].islower():
                continue
            pm = _PREV_WORD.search(t, max(0, m.start() - 60), m.start())
            prev = pm.group() if pm else ""
            if not prev or prev.lower() in title_nouns:
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
    for line in doc.lines:
        t = line.text
        if not _PROSE_END.search(t) or t.upper() == t:
            continue
        for m in rx.finditer(t):
            w = m.group("w")
            yield Hit(line.start + m.start("w"), line.start + m.end("w"), suggestion=w.lower())


CHECKS = (capitalised_function_word, capitalised_common_word, capitalised_title_before_name)
