"""Articles before country names (N1xx): the article English does without.

Portuguese writes `a Rússia`, `o Japão`, `os Estados Unidos`, and contracts the prepositions with
the article: `da Rússia`, `no Japão`, `pelos EUA`, `apoio à Rússia`. English has no article before
a country (`visiting North Korea`, `support for Russia`), and machine translation leaves the name
bare: `visitando Coreia do Norte`, `fornece Rússia com munições`, `apoio a Rússia`. The names, the
prepositions and the verbs are data (``mtqa/checks/data/articles.yaml``).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import load
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan
from mtqa.core.text import CLOSING_PUNCTUATION
from mtqa.lang import GAP, trie_pattern  # noqa: F401 - trie_pattern is used from here by other checks

_GAP = GAP


@cache
def capitalised_function_words(language: str) -> str:
    """A regex alternation of the language's function words with a capital first letter (`Na`,
    `Em`, `Para`): U101's list (``capitalization.yaml``). A link anchor capitalises them in
    mid-sentence (`apoio a Rússia Na guerra`); they never continue a name."""
    words = (load("capitalization").get("function_words") or {}).get(language) or ()
    caps = sorted({w[0].upper() + w[1:] for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in caps) or "(?!)"


@cache
def _after_name(language: str) -> re.Pattern[str]:
    """What a country name must not run into: another word of a longer name (`China Daily`,
    `Rússia Unida`), a hyphenated pair (`Rússia-Ucrânia`), an English possessive."""
    fw = capitalised_function_words(language)
    return re.compile(rf"(?![\w'’‘-])(?![ \t\u00a0]+(?!(?:{fw})\b)[A-ZÀ-ÖØ-Þ])")

#: A list or a pair (`com China e Rússia`, `entre Rússia e Ucrânia`, `com Alemanha, Índia e
#: Japão`) is written without articles in news Portuguese.
_COORDINATED = re.compile(r"[ \t\u00a0]*(?:,|\be\b|\bou\b|/|&)[ \t\u00a0]*(?:(?:o|a|os|as)[ \t\u00a0]+)?[A-ZÀ-ÖØ-Þ]")
#: Endings of an adjective between a noun and `a` (`seu apoio militar a Rússia`).
_ADJECTIVE = re.compile(
    r"[a-zà-öø-ÿ]+(?:al|ar|ico|icos|icas|ivo|iva|ivos|ivas|ado|ada|ados|adas|ido|ida|idos|idas|nte|"
    r"ntes|eiro|eira|eiros|eiras|oso|osa|osos|osas|ável|ível|ista|ais|ares|uo|ua|uos|uas)"
)
#: Determiners and possessives before a noun that is also a verb form (`o apoio`, `sua ajuda`).
_DETERMINERS = frozenset(
    "o a os as um uma uns umas seu sua seus suas nosso nossa nossos nossas este esta estes estas "
    "esse essa esses essas do da dos das no na nos nas pelo pela pelos pelas ao à aos às novo nova "
    "novos novas forte firme total pleno plena amplo ampla todo toda".split()
)
_ARTICLE = {"fs": "a", "ms": "o", "fp": "as", "mp": "os"}
_BLANKS = " \t\u00a0"
#: A noun (after a determiner, perhaps), at most one adjective, and `a` (N102).
_BEFORE_CRASE = re.compile(
    rf"(?:(?P<det>[\wà-öø-ÿ]+){_GAP})?(?P<noun>[a-zà-öø-ÿ]+)(?:{_GAP}(?P<adj>{_ADJECTIVE.pattern}))?"
    rf"{_GAP}(?P<a>a){_GAP}$"
)


class _Data(NamedTuple):
    name_rx: re.Pattern[str]
    gender: dict[str, str]
    bare_in: dict[str, frozenset[str]]
    contractions: dict[str, dict[str, str]]
    #: Prepositions that need the article after them (`para a`, `com os`).
    prepositions: frozenset[str]
    trigger_rx: re.Pattern[str]
    verbs: frozenset[str]
    not_gerunds: frozenset[str]
    crase_nouns: frozenset[str]


def _conjugations(verb: str) -> list[str]:
    """Third-person forms, gerund and infinitive of a regular verb (`visitar` -> `visita`, …)."""
    stem, ending = verb[:-2], verb[-2:]
    if ending == "ar":
        suffixes = "a am ou aram ava avam ará arão aria ariam ando ar".split()
    elif ending == "er":
        suffixes = "e em eu eram ia iam erá erão eria eriam endo er".split()
    else:  # ir
        suffixes = "e em iu iram ia iam irá irão iria iriam indo ir".split()
    return [stem + s for s in suffixes]


@cache
def _data(language: str) -> _Data | None:
    data = load("articles")
    table = (data.get("countries") or {}).get(language)
    if not table:
        return None
    gender = {n: g for g, names in table.items() for n in names}
    name_rx = re.compile(rf"(?<![\w-])(?P<name>{trie_pattern(list(gender))})(?![\w-])")
    contractions = (data.get("contractions") or {}).get(language) or {}
    prepositions = frozenset((data.get("prepositions") or {}).get(language) or ())
    preps = [*contractions, *sorted(prepositions)]
    verbs = frozenset(f for v in (data.get("transitive_verbs") or {}).get(language) or ()
                      for f in _conjugations(v))
    # The word before the name: a preposition, or a lower-case word that may be a verb.
    trigger_rx = re.compile(
        rf"(?<![\w-])(?P<word>(?:{'|'.join(preps)})|[a-zà-öø-ÿ]{{3,}}){_GAP}$", re.IGNORECASE
    )
    return _Data(
        name_rx, gender,
        {v: frozenset(ns) for v, ns in (data.get("bare_in_variant") or {}).items()},
        contractions, prepositions, trigger_rx, verbs,
        frozenset((data.get("not_gerunds") or {}).get(language) or ()),
        frozenset((data.get("crase_nouns") or {}).get(language) or ()),
    )


def _contracted(d: _Data, preposition: str, gender: str) -> str | None:
    """The preposition contracted with the article of ``gender`` (`de` + `a` -> `da`), in the
    preposition's case; None when it does not contract before that gender."""
    out = d.contractions[preposition.lower()].get(gender)
    if out is not None and preposition[0].isupper():
        out = out[0].upper() + out[1:]
    return out


def _bare_allowed(d: _Data, name: str, variant: str | None) -> bool:
    """True when the variant (or an unknown variant) may write ``name`` without the article."""
    if variant:
        return name in d.bare_in.get(variant.upper(), frozenset())
    return any(name in names for names in d.bare_in.values())


def _heading_ends(doc: Document) -> list[tuple[int, int]]:
    """Spans of lines that read as headings (no closing punctuation, at most 14 words): headline
    style drops articles on purpose (`Putin visita Coreia do Norte`)."""
    spans = []
    for line in doc.lines:
        t = line.text.strip()
        if t and t[-1] not in CLOSING_PUNCTUATION and len(t.split()) <= 14:
            spans.append((line.start, line.end))
    return spans


def _in_spans(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


#: Prepositions that open a sentence-initial adjunct (`Após a visita`, `Durante a reunião`).
_ADJUNCT_OPENERS = frozenset(
    "após depois antes durante com sem em no na desde até apesar diante perante ante".split()
)


def window_start(text: str, pos: int, width: int) -> int:
    """Where a look back of at most ``width`` characters from ``pos`` starts, not before the
    start of the line (found without scanning the rest of a long line)."""
    lo = max(0, pos - width)
    return max(text.rfind("\n", lo, pos) + 1, lo)


def _opening_adjunct(text: str, pos: int) -> bool:
    """True when ``pos`` lies in an adjunct that opens its sentence with no comma yet (`Após a
    visita a Rússia anunciou…`): the `a` after it may be the article of the sentence's subject."""
    lo = max(0, pos - 300)  # an opening adjunct is short
    start = max(lo - 1, text.rfind("\n", lo, pos), *(text.rfind(p, lo, pos) for p in (". ", "! ", "? ", "; ", ": ")))
    head = text[start + 1:pos].lstrip(" \t\u00a0.!?;:")
    if "," in head:
        return False
    first = head.split(None, 1)[0].lower() if head.split() else ""
    return first in _ADJUNCT_OPENERS


class CountryName(NamedTuple):
    start: int
    end: int
    #: As written (`Coreia do\u00a0Norte`), and with single spaces (the table's key).
    text: str
    name: str
    gender: str
    in_heading: bool


_COUNTRIES: weakref.WeakKeyDictionary[Document, tuple[str, list[CountryName]]] = weakref.WeakKeyDictionary()


def country_names(doc: Document) -> list[CountryName]:
    """Every listed country name in ``doc`` (computed once per document and language)."""
    language = doc.language or "pt"
    cached = _COUNTRIES.get(doc)
    if cached is not None and cached[0] == language:
        return cached[1]
    d = _data(language)
    found: list[CountryName] = []
    matches = list(scan(d.name_rx, doc.text)) if d is not None else []
    if matches:
        headings = _heading_ends(doc)
        starts = [s for s, _ in headings]
        for m in matches:
            name = re.sub(r"\s+", " ", m.group("name"))
            found.append(CountryName(m.start(), m.end(), m.group("name"), name, d.gender[name],
                                     _in_spans(headings, starts, m.start())))
    _COUNTRIES[doc] = (language, found)
    return found


def _bare_names(doc: Document, d: _Data) -> Iterator[CountryName]:
    """Country names outside headings, not part of a longer name, that the variant does not
    write bare."""
    text = doc.text
    after = _after_name(doc.language or "pt")
    for c in country_names(doc):
        if c.in_heading or not after.match(text, c.end) or _bare_allowed(d, c.name, doc.variant):
            continue
        yield c


@check(
    "N101", "country-without-article", Severity.WARNING,
    category="calque",
    message="'{text}': Portuguese puts the article before {name}; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("O líder russo está [[visitando Coreia do Norte]] pela primeira vez em 24 anos.",
            suggest="visitando a Coreia do Norte"),
        bad("Pyongyang [[fornece Rússia]] com munições em troca de ajuda.", suggest="fornece a Rússia"),
        bad("A delegação chegou [[em China]] na segunda-feira.", suggest="na China"),
        bad("O embaixador [[de Estados Unidos]] foi convocado.", suggest="dos Estados Unidos"),
        bad("Os soldados foram enviados [[para Ucrânia]] em março.", suggest="para a Ucrânia"),
        bad("O ministro viajou [[a Japão]] na semana passada.", suggest="ao Japão"),
        bad("As tropas que [[invadiram Ucrânia]] recuaram.", suggest="invadiram a Ucrânia"),
        good("O líder russo está visitando a Coreia do Norte pela primeira vez em 24 anos."),
        good("O governo tenta equilibrar a relação com China e Rússia."),
        good("O Brasil integra, com Alemanha, Índia e Japão, o chamado G4."),
        good("A guerra entre Rússia e Ucrânia entrou no terceiro ano."),
        good("Putin visita Coreia do Norte pela primeira vez em 24 anos"),
        good("O jornal China Daily publicou o editorial; o partido Rússia Unida venceu."),
        good("A empresa já tem clientes em Espanha e em França.", variant="PT"),
        good("Ele nasceu em Portugal e vive em Israel."),
        good("O acordo Rússia-Ucrânia de grãos expirou."),
        good("A reunião em Pequim, na China, terminou sem acordo."),
    ],
)
def country_without_article(doc: Document, ctx) -> Iterator[Hit]:
    """A country name left without the article Portuguese puts before it (`em China`).

    ## Why it matters
    English names countries without an article (`visiting North Korea`, `in China`, `for the
    US` aside); Portuguese writes `a Coreia do Norte`, `a China`, `os Estados Unidos`, and the
    prepositions `de`, `em`, `por` and `a` contract with the article (`na China`, `dos Estados
    Unidos`, `ao Japão`). A bare name after a preposition or a verb reads as a word-for-word
    translation.

    ## What fires
    A listed country name directly after a preposition (`de`, `em`, `por`, `para`, `com`,
    `contra`, `sobre`, …; `a` only before a masculine or plural name, whose article it cannot
    be), after a gerund (`visitando`), or after a verb that takes a country as object
    (`visitou`, `invadiram`, `fornece`). The suggestion adds or contracts the article.

    ## What stays silent
    Names that take no article (`Portugal`, `Israel`, `Cuba`); names European Portuguese writes
    bare (`em França`, `de Espanha`) in pt-PT texts and texts of unknown variant; lists and pairs
    (`com China e Rússia`, `entre Rússia e Ucrânia`); a name inside a longer name (`China
    Daily`, `Rússia Unida`) or a hyphenated pair (`Rússia-Ucrânia`); headline-style lines.
    """
    d = _data(doc.language or "pt")
    if d is None:
        return
    text = doc.text
    for c in _bare_names(doc, d):
        if c.start == 0 or text[c.start - 1] not in _BLANKS:
            continue  # at the start of a line, or after punctuation
        t = d.trigger_rx.search(text, window_start(text, c.start, 40), c.start)
        if t is None:
            continue
        if _COORDINATED.match(text, c.end):
            continue
        word = t.group("word")
        low = word.lower()
        bare = c.text
        art = _ARTICLE[c.gender]
        if low in d.contractions:
            contracted = _contracted(d, word, c.gender)
            if contracted is None:
                continue
            suggestion = f"{contracted} {bare}"
        elif low in d.prepositions:
            suggestion = f"{word} {art} {bare}"
        elif not word.islower():
            continue
        elif low in d.verbs or (low.endswith(("ando", "endo", "indo")) and len(low) >= 6
                                and low not in d.not_gerunds):
            suggestion = f"{word} {art} {bare}"
        else:
            continue
        yield Hit(t.start("word"), c.end, suggestion=suggestion, args={"name": c.name})


@check(
    "N102", "missing-crase-before-country", Severity.WARNING,
    category="orthography",
    message="'{text}': the preposition 'a' and the article of {name} make a crase; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("Kim reiterou seu apoio [[a Rússia]] na guerra contra a Ucrânia.", suggest="à Rússia"),
        bad("O país anunciou novas sanções [[a China]].", suggest="à China"),
        bad("A visita [[a Coreia do Norte]] durou dois dias.", suggest="à Coreia do Norte"),
        bad("O envio de armas e o apoio militar [[a Ucrânia]] continuam.", suggest="à Ucrânia"),
        bad("Kim reiterou o apoio [[a Rússia]] Na guerra.", suggest="à Rússia"),
        good("Kim reiterou seu apoio à Rússia na guerra contra a Ucrânia."),
        good("A OTAN ajuda a Ucrânia com armas."),
        good("O presidente visita a China na próxima semana."),
        good("O governo apoia a Rússia e o Brasil critica a Ucrânia."),
        good("Eu apoio a Ucrânia, disse o deputado."),
        good("Após a visita a Rússia anunciou novas sanções."),
        good("O apoio a Rússia Unida caiu nas pesquisas."),
    ],
)
def missing_crase_before_country(doc: Document, ctx) -> Iterator[Hit]:
    """`a` before a feminine country name after a noun that governs `a` (`apoio a Rússia`).

    ## Why it matters
    `apoio`, `ajuda`, `sanções`, `visita` take the preposition `a`, and before a feminine name
    it fuses with the article into `à`: `apoio à Rússia`, `visita à China`. English `support for
    Russia` has no article to fuse, and the translation keeps a bare `a`.

    ## What fires
    A noun that governs `a` (data: `crase_nouns`), at most one adjective after it (`apoio
    militar`), then `a` and a feminine country name. A noun that is also a verb form (`apoio`,
    `ajuda`, `visita`) needs a determiner before it (`o apoio`, `sua ajuda`), so that `a OTAN
    ajuda a Ucrânia` and `eu apoio a Ucrânia` stay silent. So does an adjunct that opens the
    sentence with no comma after it (`Após a visita a Rússia anunciou…`), where `a` may be the
    article of the subject.
    """
    d = _data(doc.language or "pt")
    if d is None:
        return
    text = doc.text
    before = _BEFORE_CRASE
    for c in _bare_names(doc, d):
        if c.gender != "fs":
            continue
        j = c.start
        while j > 0 and text[j - 1] in _BLANKS:
            j -= 1
        if j == c.start or j < 2 or text[j - 1] != "a" or text[j - 2] not in _BLANKS:
            continue  # not "… a <name>"
        b = before.search(text, window_start(text, c.start, 60), c.start)
        if b is None:
            continue
        noun = b.group("noun")
        if noun not in d.crase_nouns:
            continue
        unambiguous = noun.endswith(("s", "ção", "são", "dade", "ência", "ância", "gem"))
        if not unambiguous and (b.group("det") or "").lower() not in _DETERMINERS:
            continue
        if _opening_adjunct(text, b.start()):
            continue
        yield Hit(b.start("a"), c.end, suggestion=f"à {c.text}", args={"name": c.name})


@cache
def _companies(language: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    table = (load("articles").get("companies") or {}).get(language)
    if not table:
        return None
    gender = {n: g for g, names in table.items() for n in names}
    return re.compile(rf"(?<![\w-])(?P<name>{trie_pattern(list(gender))})(?![\w-])"), gender


#: Conjunctions after which a company is the subject of a clause (`que a Apple está`). `como`
#: is left out: `empresas como Apple e Google` lists examples without articles.
_CLAUSE_OPENERS = frozenset("que porque quando enquanto embora caso se".split())
_WORD_BEFORE = re.compile(r"(?<![\w-])(?P<word>[^\W\d_]+)[ \t\u00a0]+$")


@check(
    "N103", "company-without-article", Severity.WARNING,
    category="calque",
    message="'{text}': Portuguese puts the article before the company's name; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("Rumores indicam [[que Samsung]] prepara um celular dobrável mais barato.",
            suggest="que a Samsung"),
        bad("O aplicativo [[de Google]] ganhou uma versão para tablets.", suggest="do Google"),
        bad("A multa aplicada [[em Microsoft]] foi mantida pelo tribunal.", suggest="na Microsoft"),
        bad("Os analistas acreditam [[que Apple]] vai adiar o lançamento.", suggest="que a Apple"),
        good("Rumores indicam que a Samsung prepara um celular dobrável mais barato."),
        good("Advogados de Google e Meta acompanharam a sessão."),
        good("Empresas como Apple e Samsung disputam o mercado."),
        good("O relógio que Apple Watch substituiu era mais simples."),
        good("Samsung lança celular dobrável mais barato"),
        good("A maior concorrente da Apple respondeu no dia seguinte."),
    ],
)
def company_without_article(doc: Document, ctx) -> Iterator[Hit]:
    """A company's name left bare after a preposition or a conjunction (`que Samsung prepara`).

    ## Why it matters
    In running text Portuguese names a company with the article (`a Apple anunciou`, `o Google
    lançou`), and the prepositions contract with it (`da Samsung`, `no Facebook`). English has
    no article there (`that Apple is working on`), and a literal translation keeps the name
    bare: `que Apple está`, `de Samsung`.

    ## What fires
    A listed company (data: `companies`, with its gender) directly after a preposition that
    needs or contracts the article (`de`, `em`, `por`, `para`, `com`…), or after a conjunction
    that opens a clause (`que`, `porque`, `quando`, `se`…). The suggestion adds or contracts
    the article.

    ## What stays silent
    Lists and pairs (`de Google e Meta`, `como Apple e Samsung`), a name that runs into another
    capitalised word (a product: `Apple Watch`), headline-style lines, and a name after `a`
    (it may be the article).
    """
    language = doc.language or "pt"
    d = _data(language)
    comp = _companies(language)
    if d is None or comp is None:
        return
    name_rx, gender = comp
    text = doc.text
    after = _after_name(language)
    headings = None
    for m in scan(name_rx, text):
        s = m.start()
        if s == 0 or text[s - 1] not in _BLANKS or not after.match(text, m.end()):
            continue
        if _COORDINATED.match(text, m.end()):
            continue
        t = _WORD_BEFORE.search(text, window_start(text, s, 40), s)
        if t is None:
            continue
        word = t.group("word")
        low = word.lower()
        g = gender[m.group("name")]
        if low in d.contractions and low != "a":
            contracted = _contracted(d, word, g)
            if contracted is None:
                continue
            suggestion = f"{contracted} {m.group('name')}"
        elif low in d.prepositions or low in _CLAUSE_OPENERS:
            suggestion = f"{word} {_ARTICLE[g]} {m.group('name')}"
        else:
            continue
        if headings is None:
            headings = _heading_ends(doc)
            starts = [a for a, _ in headings]
        if _in_spans(headings, starts, s):
            continue
        yield Hit(t.start("word"), m.end(), suggestion=suggestion)


CHECKS = (country_without_article, missing_crase_before_country, company_without_article)
