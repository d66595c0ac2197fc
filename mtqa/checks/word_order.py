"""Word order (W1xx): the source language's order kept where the target has another.

The English possessive before an office, `Russia's Minister of Foreign Affairs`
becomes `ministro da Rússia de Relações Exteriores` where Portuguese writes `ministro das Relações
Exteriores da Rússia`; before a place (`região de Kursk da Rússia` for `região de Kursk, na
Rússia`); and two parties as a noun modifier, `reunião de Kim-Lavrov` for `reunião entre Kim e
Lavrov`. The word lists are data (``mtqa/checks/data/word_order.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import load
from mtqa.core.model import Document, Severity

_GAP = r"[ \t\u00a0]+"
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"


def _either_case(words: list[str]) -> str:
    """A regex alternation of lower-case ``words``, each also with a capital first letter
    (longest first)."""
    return "|".join(f"[{w[0]}{w[0].upper()}]{re.escape(w[1:])}" for w in sorted(words, key=len, reverse=True))


@cache
def _office_pattern(
    language: str,
) -> tuple[re.Pattern[str], dict[str, str], frozenset[str], re.Pattern[str]] | None:
    data = load("word_order")
    institutions = frozenset((data.get("institution_words") or {}).get(language) or ())
    heads = (data.get("office_heads") or {}).get(language)
    portfolios = (data.get("portfolios") or {}).get(language)
    if not heads or not portfolios:
        return None
    h = _either_case(heads)
    p = "|".join(re.escape(k).replace(r"\ ", _GAP) for k in sorted(portfolios, key=len, reverse=True))
    # office, "da/do/de…", a place of one to three capitalised words (joined by "do/da/de" inside:
    # "Estados Unidos", "Coreia do Norte"), "de/da/das…", a portfolio.
    place = rf"{_CAP}(?:{_GAP}(?:(?:do|da|dos|das|de){_GAP})?{_CAP}){{0,2}}"
    rx = re.compile(
        rf"(?<![\w-])(?P<head>{h}){_GAP}(?P<pp>da|do|das|dos|de){_GAP}(?P<place>{place})"
        rf"{_GAP}(?P<fp>de|da|do|das|dos|para{_GAP}(?:a|o|as|os)){_GAP}(?P<portfolio>{p})(?![\w-])"
    )
    canon = {re.sub(r"\s+", " ", k).casefold(): v for k, v in portfolios.items()}
    return rx, canon, institutions, re.compile(rf"(?<![\w-])(?:{p})(?![\w-])")


@check(
    "W101", "possessive-before-office", Severity.WARNING,
    category="word_order",
    message="English possessive order: the place comes after the portfolio ('{suggestion}')",
    languages=("pt",),
    examples=[
        bad("Kim recebeu o [[ministro da Rússia de Relações Exteriores]], Sergey Lavrov.",
            suggest="ministro das Relações Exteriores da Rússia"),
        bad("O [[Ministério do Brasil da Saúde]] confirmou o caso.", suggest="Ministério da Saúde do Brasil"),
        bad("A [[ministra da Coreia do Sul para a Defesa]] viajou.", suggest="ministra da Defesa da Coreia do Sul"),
        good("Kim recebeu o ministro das Relações Exteriores da Rússia, Sergey Lavrov."),
        good("A secretária de Ciência e Tecnologia de São Paulo falou à imprensa."),
        good("O ministro da Defesa, Sergei Shoigu, disse que a guerra continua."),
        good("O Ministério da Saúde de Portugal publicou o boletim."),
        good("O ministro do Superior Tribunal de Justiça votou contra o recurso."),
        good("O ministro de Estado da Defesa assinou a portaria."),
        good("Falou o secretário de Estado dos Negócios Estrangeiros."),
    ],
)
def possessive_before_office(doc: Document, ctx) -> Iterator[Hit]:
    """A place between an office and its portfolio (`ministro da Rússia de Relações Exteriores`).

    ## Why it matters
    English puts the country first (`Russia's Foreign Minister`, `Brazil's Ministry of Health`);
    translated word for word, the place lands between the office and the portfolio, an order
    Portuguese never uses: `ministro das Relações Exteriores da Rússia`, `Ministério da Saúde do
    Brasil`.

    ## What fires
    An office (`ministro`, `ministério`, `secretário`, `chanceler`…) followed by `da/do/de` and one
    to three capitalised words, then `de/da/para a…` and a portfolio from the list (`Relações
    Exteriores`, `Defesa`, `Saúde`…). The suggestion puts the portfolio first, with the contraction
    it takes, and keeps the place's own. The right order (`ministro da Defesa da Rússia`) and a
    portfolio followed by a place (`secretária de Ciência e Tecnologia de São Paulo`) stay silent,
    since the first capitalised words there are the portfolio itself, and so do institutions
    between the two (`ministro do Superior Tribunal de Justiça`, `ministro de Estado da Defesa`).
    """
    found = _office_pattern(doc.language or "")
    if found is None:
        return
    rx, canon, institutions, any_portfolio = found
    if any_portfolio.search(doc.text) is None:  # cheap test first: no portfolio, no finding
        return
    for m in rx.finditer(doc.text):
        place = m.group("place")
        if re.sub(r"\s+", " ", place).casefold() in canon:
            continue  # the portfolio is first already ("secretária de Ciência e Tecnologia de ...")
        if any(w.casefold() in institutions for w in place.split()):
            continue  # an institution, not a place: "ministro do Superior Tribunal de Justiça"
        portfolio = re.sub(r"\s+", " ", m.group("portfolio"))
        article = canon[portfolio.casefold()]
        yield Hit(m.start(), m.end(), suggestion=f"{m.group('head')} {article} {portfolio} {m.group('pp')} {place}")


_CAPS_HYPHEN = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]+-[A-ZÀ-ÖØ-Þ]")


@cache
def _meeting_pattern(language: str) -> tuple[re.Pattern[str], frozenset[str]] | None:
    data = load("word_order")
    nouns = (data.get("meeting_nouns") or {}).get(language)
    if not nouns:
        return None
    names = frozenset(n.casefold() for n in (data.get("hyphenated_names") or {}).get(language) or ())
    n = _either_case(nouns)
    name = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+"
    rx = re.compile(
        rf"(?<![\w-])(?P<noun>{n}){_GAP}de{_GAP}(?P<a>{name})-(?P<b>{name})"
        rf"(?![\w-]|{_GAP}[A-ZÀ-ÖØ-Þ])"
    )
    return rx, names


@check(
    "W102", "hyphenated-parties", Severity.WARNING,
    category="calque",
    message="Two parties joined by a hyphen, in English noun-modifier order; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("A [[reunião de Kim-Lavrov]] ocorreu em Wonsan.", suggest="reunião entre Kim e Lavrov"),
        bad("Analistas esperam pouco do [[encontro de Trump-Xi]], em Pequim.",
            suggest="encontro entre Trump e Xi"),
        good("A reunião entre Kim e Lavrov ocorreu em Wonsan."),
        good("A cúpula Trump-Kim terminou sem acordo."),
        good("A reunião da Coca-Cola com os distribuidores foi adiada."),
        good("O encontro de Timor-Leste com os doadores foi em Díli."),
        good("A conversa de Jean-Luc Mélenchon com os jornalistas foi tensa."),
    ],
)
def hyphenated_parties(doc: Document, ctx) -> Iterator[Hit]:
    """Two parties joined by a hyphen after `reunião de` (`reunião de Kim-Lavrov`).

    ## Why it matters
    English makes the two parties of a meeting a modifier (`the Kim-Lavrov meeting`); rendered
    as `reunião de Kim-Lavrov`, it reads as a meeting of one person named Kim-Lavrov. Portuguese
    says `reunião entre Kim e Lavrov`.

    ## What fires
    A meeting noun (`reunião`, `encontro`, `cúpula`, `conversas`, `telefonema`…), `de`, and two
    capitalised names joined by a hyphen, not followed by another name. Headline style without
    `de` (`a cúpula Trump-Kim`), names that take an article (`da Coca-Cola`), hyphenated names
    on the list (`Timor-Leste`, `Jean-Luc`) and a compound first name followed by a surname stay
    silent.
    """
    found = _meeting_pattern(doc.language or "")
    if found is None:
        return
    rx, names = found
    if _CAPS_HYPHEN.search(doc.text) is None:  # cheap test first: most texts have no "Kim-Lavrov"
        return
    for m in rx.finditer(doc.text):
        if f"{m.group('a')}-{m.group('b')}".casefold() in names:
            continue
        yield Hit(m.start(), m.end(), suggestion=f"{m.group('noun')} entre {m.group('a')} e {m.group('b')}")


@cache
def _place_pattern(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The W103 pattern, and a cheap one for its country part alone (tried first)."""
    data = load("word_order")
    nouns = (data.get("place_nouns") or {}).get(language)
    countries = (data.get("countries") or {}).get(language)
    if not nouns or not countries:
        return None
    n = _either_case(nouns)
    alts = sorted((f"{a}{_GAP}{re.escape(c).replace(chr(92) + ' ', _GAP)}" for c, a in countries.items()),
                  key=len, reverse=True)
    return re.compile(
        rf"(?<![\w-])(?P<noun>{n}){_GAP}de{_GAP}(?P<name>{_CAP}(?:{_GAP}{_CAP})?)"
        rf"{_GAP}(?P<country>(?:{'|'.join(alts)}))(?![\w-])"
    ), re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])")


_IN = {"da": "na", "do": "no", "dos": "nos", "das": "nas"}


@check(
    "W103", "place-before-country", Severity.WARNING,
    category="word_order",
    message="The country trails the place in English possessive order; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("Soldados entraram na [[região de Kursk da Rússia]] em agosto.", suggest="região de Kursk, na Rússia"),
        bad("A [[cidade de Mariupol da Ucrânia]] foi cercada.", suggest="cidade de Mariupol, na Ucrânia"),
        bad("O navio chegou ao [[porto de Busan da Coreia do Sul]].", suggest="porto de Busan, na Coreia do Sul"),
        good("Soldados entraram na região russa de Kursk em agosto."),
        good("Soldados entraram na região de Kursk, na Rússia, em agosto."),
        good("A cidade de Foz do Iguaçu recebe turistas do Brasil e da Argentina."),
        good("Ele nasceu na cidade de Braga e mudou-se para o interior do Brasil."),
        good("A capital da Rússia, Moscou, recebeu a cúpula."),
    ],
)
def place_before_country(doc: Document, ctx) -> Iterator[Hit]:
    """A place named with `de` and then its country with `da/do` (`região de Kursk da Rússia`).

    ## Why it matters
    English puts the country first (`Russia's Kursk region`, `Ukraine's city of Mariupol`);
    translated word for word, the country trails the place as if it were part of its name.
    Portuguese writes `região de Kursk, na Rússia` or `região russa de Kursk`.

    ## What fires
    A place noun (`região`, `cidade`, `província`, `porto`…), `de`, one or two capitalised words,
    then a country from the list with its contraction (`da Rússia`, `do Japão`, `dos Estados
    Unidos`). Names whose own words join with `do/da` (`Foz do Iguaçu`) are not countries on the
    list, so they stay silent, as do the adjective (`região russa de Kursk`) and the comma
    (`região de Kursk, na Rússia`).
    """
    found = _place_pattern(doc.language or "")
    if found is None:
        return
    rx, any_country = found
    if any_country.search(doc.text) is None:
        return
    for m in rx.finditer(doc.text):
        pp, _, country = m.group("country").partition(" ")
        country = re.sub(r"\s+", " ", country)
        yield Hit(m.start(), m.end(),
                  suggestion=f"{m.group('noun')} de {m.group('name')}, {_IN[pp]} {country}")


CHECKS = (possessive_before_office, hyphenated_parties, place_before_country)
