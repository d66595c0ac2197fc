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
from mtqa.core.rx import scan
from mtqa.lang import GAP

_GAP = GAP  # spaces, tabs, no-break spaces between two words (mtqa.lang)
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
    for m in scan(rx, doc.text):
        place = m.group("place")
        if re.sub(r"\s+", " ", place).casefold() in canon:
            continue  # the portfolio is first already ("secretária de Ciência e Tecnologia de ...")
        if any(w.casefold() in institutions for w in place.split()):
            continue  # an institution, not a place: "ministro do Superior Tribunal de Justiça"
        portfolio = re.sub(r"\s+", " ", m.group("portfolio"))
        article = canon[portfolio.casefold()]
        yield Hit(m.start(), m.end(), suggestion=f"{m.group('head')} {article} {portfolio} {m.group('pp')} {place}")


# Fixed width: a letter, a hyphen, a capital (the old "[A-Z]\w+-[A-Z]" was quadratic on a
# long run of letters, and every text it matched this matches too).
_CAPS_HYPHEN = re.compile(r"[^\W\d_]-[A-ZÀ-ÖØ-Þ]")


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
    for m in scan(rx, doc.text):
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
    for m in scan(rx, doc.text):
        pp, _, country = m.group("country").partition(" ")
        country = re.sub(r"\s+", " ", country)
        yield Hit(m.start(), m.end(),
                  suggestion=f"{m.group('noun')} de {m.group('name')}, {_IN[pp]} {country}")


def _words(key: str, language: str) -> list[str]:
    return list((load("word_order").get(key) or {}).get(language) or ())


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _looks_verbal(word: str, lexicon) -> bool:
    """True when ``word`` may be a finite verb form (`pesquisa` of `pesquisar`, `parte` of
    `partir`, `lançou`): the lexicon lists nouns, not the forms a verb's affixes generate."""
    w = word.casefold()
    if w.endswith(("ou", "eu", "iu", "ram", "rem")):
        return True
    verbs = lexicon._verbs  # noqa: SLF001 - the lexicon's infinitives
    if w.endswith(("a", "e")) and (w + "r" in verbs or w[:-1] + "ir" in verbs or w[:-1] + "ar" in verbs):
        return True
    if w.endswith(("am", "em")) and any(w[:-2] + e in verbs for e in ("ar", "er", "ir")):
        return True
    return False


def _noun_gender(word: str, lexicon) -> str | None:
    """The lexicon's gender of a noun, or of the singular of a regular plural (`tropas`)."""
    w = word.casefold()
    g = lexicon.gender(w)
    if g is None and len(w) > 3 and w.endswith("s"):
        g = lexicon.gender(w[:-1])
        if g is None and w.endswith("ões"):
            g = lexicon.gender(w[:-3] + "ão")
    return g


def _is_noun(word: str, lexicon, extra: frozenset[str], suffixes: tuple[str, ...]) -> bool:
    w = word.casefold()
    return w in extra or _noun_gender(w, lexicon) is not None or (len(w) > 6 and w.endswith(suffixes))


@cache
def _unit_pattern(language: str) -> tuple[re.Pattern[str], frozenset[str], tuple[str, ...]] | None:
    units = _words("spec_units", language)
    if not units:
        return None
    rx = re.compile(
        rf"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)*){_GAP}?(?P<unit>{_alt(units)})(?![\w-])"
        rf"{_GAP}(?P<noun>[a-zà-öø-ÿ][a-zà-öø-ÿ-]{{2,}})(?![\w-])"
    )
    return rx, frozenset(_words("spec_nouns", language)), tuple(_words("noun_suffixes", language))


@check(
    "W104", "measure-before-noun", Severity.WARNING,
    category="word_order",
    message="English noun-adjunct order: the measure comes after the noun with 'de' ('{suggestion}')",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("O aparelho traz [[65 W carregamento]] rápido e uma bateria de 4.500 mAh.",
            suggest="carregamento de 65 W"),
        bad("A tela tem [[120 Hz taxa]] de atualização.", suggest="taxa de 120 Hz"),
        bad("Atrás fica um [[50 MP sensor]] principal.", suggest="sensor de 50 MP"),
        good("O aparelho traz carregamento rápido de 65 W e uma bateria de 4.500 mAh."),
        good("O modelo tem 256 GB de armazenamento e 12 GB de memória."),
        good("A tela de 6,7 polegadas chega a 120 Hz e gasta 5 W em repouso."),
        good("O carregador de 30 W vem na caixa; com 65 W carrega em meia hora."),
    ],
)
def measure_before_noun(doc: Document, ctx) -> Iterator[Hit]:
    """A number with a unit right before the noun it measures (`65 W carregamento sem fio`).

    ## Why it matters
    English stacks a measure in front of the noun (`65W wireless charging`, `a 50MP sensor`);
    Portuguese puts it after, with `de`: `carregamento sem fio de 65 W`, `sensor de 50 MP`. Kept
    in the English order, the number reads as if it belonged to the word before it.

    ## What fires
    A number with a unit of a technical specification (`W`, `mAh`, `GB`, `Hz`, `MP`,
    `polegadas`…) directly followed by a noun: one the lexicon knows as a noun, one of the
    listed specification nouns (`carregamento`, `tela`, `sensor`…) or a word with a noun ending
    (`-mento`, `-ção`).

    ## What stays silent
    The Portuguese order (`carregamento de 65 W`), a measure followed by `de` (`256 GB de
    armazenamento`), by a verb, an adjective or a preposition (`120 Hz e gasta`, `65 W carrega`).
    """
    found = _unit_pattern(doc.language or "")
    if found is None:
        return
    rx, extra, suffixes = found
    lexicon = ctx.providers.get("lexicon")
    for m in scan(rx, doc.text):
        noun = m.group("noun")
        if not _is_noun(noun, lexicon, extra, suffixes) or (noun not in extra and _looks_verbal(noun, lexicon)):
            continue
        yield Hit(m.start(), m.end(), suggestion=f"{noun} de {m.group('num')} {m.group('unit')}")


_ORDINALS = r"primeir[oa]|segund[oa]|terceir[oa]|quart[oa]|[1-4][ºo°]"
_DETERMINERS = ("o", "a", "os", "as", "seu", "sua", "seus", "suas", "um", "uma", "nosso", "nossa",
                "este", "esta", "esse", "essa", "cujo", "cuja")


@cache
def _period_pattern(language: str) -> re.Pattern[str] | None:
    results = _words("period_results", language)
    if not results:
        return None
    return re.compile(
        rf"(?:(?<![\w-])(?P<det>{_either_case(list(_DETERMINERS))}){_GAP}|(?:^|(?<=[.!?:]\s))(?=[A-Z1-4]))"
        rf"(?P<ord>(?i:{_ORDINALS})){_GAP}(?P<period>(?i:trimestre|semestre))"
        rf"(?:{_GAP}fiscal)?{_GAP}(?P<noun>{_alt(results)})(?![\w-])",
        re.MULTILINE,
    )


@check(
    "W105", "period-before-noun", Severity.WARNING,
    category="word_order",
    message="English noun-adjunct order: '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("A rede de lojas publicou [[sua quarto trimestre receita]] na segunda.",
            suggest="sua receita do quarto trimestre"),
        bad("Os analistas esperam [[o segundo trimestre lucro]] na quinta-feira.",
            suggest="o lucro do segundo trimestre"),
        good("A empresa divulgou a receita do terceiro trimestre acima do previsto."),
        good("A empresa registrou no segundo trimestre lucro de R$ 2 bilhões."),
        good("O segundo trimestre fiscal começa em julho; o primeiro semestre foi fraco."),
        good("Terceiro trimestre: receita de R$ 4 bilhões."),
    ],
)
def period_before_noun(doc: Document, ctx) -> Iterator[Hit]:
    """A quarter or half-year placed before the result it dates (`sua terceiro trimestre receita`).

    ## Why it matters
    English writes `second-quarter revenue`; Portuguese writes `receita do segundo trimestre`.
    Translated word for word, the ordinal agrees with nothing (`sua segundo`) and the noun comes
    last, which a reader takes for a broken sentence.

    ## What fires
    A determiner (`o`, `a`, `sua`, `um`…) or the start of a sentence, an ordinal (`primeiro`…
    `quarto`, `2º`), `trimestre` or `semestre` (optionally `fiscal`), then a result noun
    (`receita`, `lucro`, `vendas`, `resultados`…).

    ## What stays silent
    The Portuguese order; the period as an adverbial after a preposition (`registrou no segundo
    trimestre lucro de…`), and a heading with a colon (`Terceiro trimestre: receita…`).
    """
    rx = _period_pattern(doc.language or "")
    if rx is None or "trimestre" not in doc.text and "semestre" not in doc.text:
        return
    for m in scan(rx, doc.text):
        det = m.group("det")
        lead = f"{det} " if det else ""
        yield Hit(m.start(), m.end(),
                  suggestion=f"{lead}{m.group('noun')} do {m.group('ord')} {m.group('period')}")


_NAME_NOUN = re.compile(
    rf"(?<![\w-])(?P<det>[Oo]s?|[Aa]s?|[Uu]ma?|[Ss]eus?|[Ss]uas?){_GAP}"
    rf"(?P<n1>[A-ZÀ-ÖØ-Þ][\w'’&.-]*)(?:{_GAP}(?P<n2>[A-ZÀ-ÖØ-Þ][\w'’&.-]*))?"
    rf"(?:{_GAP}(?P<w>[a-zà-öø-ÿ][a-zà-öø-ÿ-]{{2,}})(?![\w-]))?"
)
#: English words around a match (W106): an English line ("a Russian veto") is not Portuguese order.
_ENGLISH_NEAR = re.compile(r"(?<![\w-])(?:the|of|and|to|in|on|at|with|from|by|is|was|were|for|its|their|over)(?![\w-])")


@cache
def _name_noun_data(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    return (frozenset(_words("name_noun_skip", language)),
            tuple(_words("capitalised_noun_suffixes", language)))


@check(
    "W106", "name-before-noun", Severity.WARNING,
    category="word_order",
    message="English possessive or modifier order: the name comes after the noun ('{suggestion}')",
    languages=("pt",),
    needs=("lexicon", "dictionary"),
    examples=[
        bad("Apesar da [[a Zentrix insistência]] em negar, o aparelho vazou.",
            suggest="a insistência de Zentrix"),
        bad("Segundo [[um Voxpop pesquisa]] recente, o uso caiu.", suggest="uma pesquisa de Voxpop"),
        bad("Ninguém esperava [[a Zentrix Insistência]] no tema.", suggest="a Insistência de Zentrix"),
        good("Segundo uma pesquisa recente da Voxpop, o uso caiu."),
        good("O Google Fotos ganhou uma função, e o Google Agenda também."),
        good("O Liverpool enfrenta o Arsenal domingo, e o Bayern joga sábado."),
        good("A Zentrix pesquisa novas baterias; a Voxpop lança hoje o aparelho."),
        good("O Flamengo campeão voltou ao Rio; o Palmeiras técnico é outro assunto."),
        good("Foi o que disse o FMI ontem, e o que repetiu a Zentrix Brasil."),
    ],
)
def name_before_noun(doc: Document, ctx) -> Iterator[Hit]:
    """A foreign name between a determiner and a noun (`a Zentrix insistência`, `um Voxpop pesquisa`).

    ## Why it matters
    English puts the owner or the maker in front (`Zentrix's insistence`, `a Voxpop survey`);
    Portuguese puts it after, with `de`: `a insistência da Zentrix`, `uma pesquisa da Voxpop`.
    Copied in the English order, the determiner agrees with the noun across a name, a sequence
    Portuguese never writes.

    ## What fires
    A determiner (`o`, `a`, `um`, `uma`, `seu`, `sua`), one or two capitalised words the
    dictionary does not know (a foreign brand or name), then a word the lexicon knows only as a
    noun. After `o`/`a`/`seu`, nouns that may also be verb forms (`pesquisa`, `lança`) are left
    out, since `a Apple pesquisa` can be a sentence; a capitalised noun counts only with an
    abstract ending (`Insistência`), since product names take Portuguese nouns (`Google Fotos`).

    ## What stays silent
    Names the dictionary knows (`o Flamengo campeão`), acronyms, days, months and other times
    (`o Liverpool domingo`), family words (`o Ronaldo pai`).
    """
    if not _CAP_LOWER_HINT.search(doc.text):
        return
    lexicon = ctx.providers.get("lexicon")
    dictionary = ctx.providers.get("dictionary")
    skip, cap_suffixes = _name_noun_data(doc.language or "pt")
    lang, variant = doc.language or "pt", doc.variant
    for m in scan(_NAME_NOUN, doc.text):
        det, n1, n2, w = m.group("det"), m.group("n1"), m.group("n2"), m.group("w")
        # "a Zentrix Insistência": the second capitalised word may be the noun itself
        tries = [(n1, n2, m.end("n2"))] if n2 else []
        if w:
            tries.append((f"{n1} {n2}" if n2 else n1, w, m.end("w")))
        for name, noun, end in tries:
            low = noun.casefold()
            if low in skip or lexicon.gender(low) is None:
                continue
            if noun[0].isupper() and not low.endswith(cap_suffixes):
                continue
            if det.casefold() not in ("um", "uma") and _looks_verbal(low, lexicon):
                continue
            parts = name.split()
            if any(p.isupper() or not p[1:] or any(c.isdigit() for c in p) for p in parts):
                continue  # acronyms (FMI), initials, model numbers
            if any(dictionary.known(p.strip(".'’"), lang, variant) for p in parts):
                continue  # a Portuguese word or a known name: "o Flamengo", "a Caixa"
            if _ENGLISH_NEAR.search(doc.text, max(0, m.start() - 40), min(len(doc.text), end + 40)):
                continue  # an English line: "a Russian veto at the UN"
            new_det = _AGREE[lexicon.gender(low)].get(det.casefold(), det.casefold())
            if det[0].isupper():
                new_det = new_det.capitalize()
            yield Hit(m.start(), end, suggestion=f"{new_det} {noun} de {name}")
            break


#: The determiner that agrees with the noun's gender (W106: "um Voxpop pesquisa" -> "uma").
_AGREE = {
    "m": {"a": "o", "as": "os", "uma": "um", "sua": "seu", "suas": "seus"},
    "f": {"o": "a", "os": "as", "um": "uma", "seu": "sua", "seus": "suas"},
}
_CAP_LOWER_HINT = re.compile(r"(?<![\w-])(?i:[oa]s?|uma?|seus?|suas?)[ \t\u00a0]+[A-ZÀ-ÖØ-Þ]")


@cache
def _adverb_pattern(language: str) -> tuple[re.Pattern[str], frozenset[str], tuple[str, ...]] | None:
    adverbs = _words("degree_adverbs", language)
    if not adverbs:
        return None
    rx = re.compile(
        rf"(?<![\w-])(?P<adv>{_either_case(adverbs)}){_GAP}(?P<noun>[a-zà-öø-ÿ][a-zà-öø-ÿ-]{{2,}})(?![\w-])"
        rf"(?:{_GAP}(?P<adj>[a-zà-öø-ÿ]{{3,}}))?"
    )
    return rx, frozenset(_words("spec_nouns", language)), tuple(_words("noun_suffixes", language))


@check(
    "W107", "degree-adverb-before-noun", Severity.WARNING,
    category="word_order",
    message="'{adv}' modifies an adjective, not the noun '{noun}': English order kept ('{suggestion}')",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("O modelo tem [[incrivelmente carregamento]] rápido.", suggest="carregamento incrivelmente rápido"),
        bad("Ela mostrou [[extremamente conectividade]] estável.", suggest="conectividade extremamente estável"),
        good("O modelo tem carregamento incrivelmente rápido."),
        good("A equipe é altamente qualificada e relativamente jovem."),
        good("O preço subiu ligeiramente ontem; a rede caiu extremamente cedo."),
        good("Foi incrivelmente bem recebido, e extremamente rápido."),
    ],
)
def degree_adverb_before_noun(doc: Document, ctx) -> Iterator[Hit]:
    """A degree adverb right before a noun (`incrivelmente carregamento rápido`).

    ## Why it matters
    English stacks adverb, adjective and noun in front (`incredibly fast charging`);
    translated word for word, the noun moves but the adverb stays, and it now modifies nothing:
    Portuguese writes `carregamento incrivelmente rápido`.

    ## What fires
    An adverb of degree that only modifies adjectives and adverbs (`incrivelmente`,
    `extremamente`, `absurdamente`, `altamente`…) directly followed by a noun: one the lexicon
    knows only as a noun, a listed specification noun, or a word with a noun ending (`-mento`,
    `-ção`, `-dade`).

    ## What stays silent
    The adverb before an adjective, a participle or an adverb (`altamente qualificada`,
    `extremamente cedo`), and words the lexicon does not know as nouns.
    """
    found = _adverb_pattern(doc.language or "")
    if found is None or "mente" not in doc.text:
        return
    rx, extra, suffixes = found
    lexicon = ctx.providers.get("lexicon")
    for m in scan(rx, doc.text):
        noun = m.group("noun")
        if not _is_noun(noun, lexicon, extra, suffixes) or (noun not in extra and _looks_verbal(noun, lexicon)):
            continue
        adj = m.group("adj")
        tail = f" {m.group('adv').casefold()} {adj}" if adj else f" {m.group('adv').casefold()}"
        yield Hit(m.start(), m.end("noun"), suggestion=f"{noun}{tail}",
                  args={"adv": m.group("adv"), "noun": noun})


@cache
def _month_pattern(language: str) -> re.Pattern[str] | None:
    months = _words("months", language)
    if not months:
        return None
    return re.compile(
        rf"(?<![\w-])(?P<month>{_either_case(months)}){_GAP}(?P<day>[12]\d|3[01]|0?[1-9])(?:º|st|nd|rd|th)?"
        rf"(?:(?:,{_GAP}(?:de{_GAP})?|{_GAP}de{_GAP})(?P<year>(?:1[89]|20)\d\d)(?![\w])"
        # no year: before punctuation ("em abril 24, o"); what comes before is tested in code
        rf"|(?=[ \t\u00a0]*[,.;:)](?!\d)))"
    )


@check(
    "W108", "month-day-year-date", Severity.WARNING,
    category="word_order",
    message="English date order (month, day, year); Portuguese writes '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("O prazo termina em [[abril 24, 2025]], segundo o edital.", suggest="24 de abril de 2025"),
        bad("Publicado em [[Março 3, 2024]]", suggest="3 de março de 2024"),
        good("O prazo termina em 24 de abril de 2025, segundo o edital."),
        good("Em abril, 24 estados aderiram; em maio de 2024, outros 3."),
        good("Os dados de abril, 2024 e 2025 foram revistos."),
        bad("A reunião ficou para depois. Em [[junho 12]], os ministros voltam.", suggest="12 de junho"),
        good("Foram 12 casos em março, 3 em abril 24 horas depois, e 5 de junho a julho."),
    ],
)
def month_day_year_date(doc: Document, ctx) -> Iterator[Hit]:
    """A date written month, day, year (`abril 24, 2025`).

    ## Why it matters
    English writes `April 24, 2025`; Portuguese writes `24 de abril de 2025`. Machine
    translation turns the month into Portuguese and keeps the English order and comma, often
    with a capital (`Abril 24, 2025`) that Portuguese does not give months either.

    ## What fires
    A month name, a day (1 to 31, optionally with `º` or an English ordinal ending), then a
    comma or `de` and a four-digit year; without a year, after `em`, `desde`, `até` or `dia`
    and before punctuation (`Em junho 12, os ministros`).

    ## What stays silent
    The Portuguese order (`24 de abril de 2025`), and a month followed by a comma and a count
    (`Em abril, 24 estados`).
    """
    rx = _month_pattern(doc.language or "")
    if rx is None:
        return
    text = doc.text
    for m in scan(rx, text):
        day = m.group("day").lstrip("0") or "0"
        month = m.group("month").casefold()
        if m.group("year"):
            yield Hit(m.start(), m.end(), suggestion=f"{day} de {month} de {m.group('year')}")
        elif _DATE_LEAD.search(text, max(0, m.start() - 12), m.start()):
            yield Hit(m.start(), m.end(), suggestion=f"{day} de {month}")


#: What comes before a month-day date without a year for it to be a date (W108: "em abril 24,").
_DATE_LEAD = re.compile(r"(?<![\w-])(?:[Ee]m|[Dd]esde|[Aa]té|[Pp]artir de|[Nn]o dia|[Dd]ia)[ \t\u00a0]+$")


@cache
def _product_year_pattern(language: str) -> re.Pattern[str] | None:
    products = _words("year_products", language)
    if not products:
        return None
    return re.compile(
        rf"(?<![\w-])(?P<product>{_alt(products)})"
        rf"(?:(?P<edition>{_GAP}(?:R[1-9]|SP[1-9]|Standard|Datacenter|Enterprise|Professional|Essentials|Express))?"
        rf"{_GAP}de{_GAP}(?P<year>(?:19|20)\d\d)|{_GAP}(?P<rel>R[1-9]){_GAP}(?P<year2>(?:19|20)\d\d))(?![\w])"
    )


#: Products that name other things too: only with an edition or release (W109).
_BARE_NAMES = frozenset({"Windows", "Exchange", "SharePoint", "Visio", "Project", "Office"})


@check(
    "W109", "product-year-reordered", Severity.WARNING,
    category="word_order",
    message="A year that is part of a product's name moved behind 'de'; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("Instale a correção no [[Windows Server R2 de 2008]].", suggest="Windows Server 2008 R2"),
        bad("O recurso chegou ao [[SQL Server de 2019]].", suggest="SQL Server 2019"),
        bad("A atualização vale para o [[System Center R2 2012]].", suggest="System Center 2012 R2"),
        good("Instale a correção no Windows Server 2008 R2."),
        good("O Windows de 1995 mudou a informática, disse o autor."),
        good("A versão do Office 2019 e a do Visual Studio 2022 saíram."),
    ],
)
def product_year_reordered(doc: Document, ctx) -> Iterator[Hit]:
    """A software product with its year moved behind `de` (`Windows Server R2 de 2008`).

    ## Why it matters
    The year is part of the name (`Windows Server 2008 R2`, `SQL Server 2019`); machine
    translation reads it as a date and writes `Windows Server R2 de 2008`, a name that does not
    exist and that a reader cannot search for.

    ## What fires
    A product whose name carries a year (`Windows Server`, `SQL Server`, `Visual Studio`,
    `Office`), optionally an edition or release (`R2`, `SP1`, `Enterprise`), then `de` and a
    year, or a release before the year (`System Center R2 2012`). `Windows`, `Office`,
    `Project` and `Exchange` alone fire only with an edition or release.

    ## What stays silent
    The name as written (`Windows Server 2008 R2`), and `o Windows de 1995` (the Windows of that
    year).
    """
    rx = _product_year_pattern(doc.language or "")
    if rx is None or ("R" not in doc.text and " de " not in doc.text):
        return
    for m in scan(rx, doc.text):
        product = m.group("product")
        edition = (m.group("edition") or m.group("rel") or "").strip()
        if product in _BARE_NAMES and not edition:
            continue  # "o Windows de 1995", "o Project de 2019": the thing of that year
        year = m.group("year") or m.group("year2")
        yield Hit(m.start(), m.end(), suggestion=" ".join(x for x in (product, year, edition) if x))


@cache
def _acronym_pattern(language: str) -> re.Pattern[str] | None:
    nouns = _words("acronym_class_nouns", language)
    if not nouns:
        return None
    return re.compile(
        rf"\((?P<acr>[A-Z][A-Z0-9]{{1,6}})\){_GAP}(?P<noun>{_alt(nouns)})"
        rf"(?=[.,;:!?)]|{_GAP}(?:no|na|nos|nas|em|foi|é|será|era|que|e|ao|à|durante|até|desde)(?![\w-]))"
    )


@check(
    "W110", "acronym-before-class-noun", Severity.WARNING,
    category="word_order",
    message="English order: the class noun comes before the name ('{suggestion}')",
    languages=("pt",),
    examples=[
        bad("O banco lançou o Parceiros de Crescimento [[(PDC) programa]] em março.",
            suggest="programa Parceiros de Crescimento (PDC)"),
        good("O banco lançou o programa Parceiros de Crescimento (PDC) em março."),
        good("O Sistema Único de Saúde (SUS) programa para março uma nova campanha."),
        good("A Organização Mundial da Saúde (OMS) planeja uma reunião."),
    ],
)
def acronym_before_class_noun(doc: Document, ctx) -> Iterator[Hit]:
    """A name with its acronym, then the kind of thing it is (`Parceiros de Crescimento (PDC) programa`).

    ## Why it matters
    English names a program, project or platform as a modifier (`the Growth Partners (GPP)
    program`); Portuguese puts the class noun first: `o programa Parceiros de Crescimento
    (PDC)`. Left at the end, the noun dangles after the acronym.

    ## What fires
    A parenthesised acronym followed by a class noun (`programa`, `projeto`, `iniciativa`,
    `plataforma`…) that ends the phrase: punctuation, a preposition, a conjunction or a verb
    comes next.

    ## What stays silent
    The Portuguese order, and the verb `programa` after an acronym (`o Sistema Único de Saúde
    (SUS) programa para março uma campanha`): a word that can start the verb's object or
    complement (`para`, an article) after the noun keeps it silent.
    """
    if ")" not in doc.text:
        return
    rx = _acronym_pattern(doc.language or "")
    if rx is None:
        return
    text = doc.text
    for m in scan(rx, text):
        # the name before the acronym: capitalised words joined by short function words
        words = text[max(0, m.start() - 80):m.start()].split()
        name: list[str] = []
        while words and (words[-1][:1].isupper() or (name and words[-1] in _NAME_JOINERS)):
            name.insert(0, words.pop())
        while name and name[0] in _NAME_JOINERS:
            name.pop(0)
        lead = " ".join(name)
        yield Hit(m.start(), m.end(),
                  suggestion=f"{m.group('noun')} {lead} ({m.group('acr')})" if lead else m.group("noun"))


_NAME_JOINERS = frozenset({"de", "do", "da", "dos", "das", "e"})


@cache
def _nationality_pattern(language: str) -> tuple[re.Pattern[str], frozenset[str]] | None:
    adjectives = _words("nationality_adjectives", language) + _words("relational_adjectives", language)
    if not adjectives:
        return None
    masculine = _words("nationality_masculine", language)
    rx = re.compile(
        rf"(?<![\w-])(?:(?P<det>[Oo]s|[Aa]s?|[Uu]ma|[Ss]uas?|[Ss]eus|[Dd]as?|[Dd]os|[Nn]as?|[Nn]os|[Pp]el[ao]s?)"
        rf"{_GAP}(?P<adj>{_alt(adjectives)})"
        rf"|(?P<indef>[Uu]m|[Nn]um|[Dd]um){_GAP}(?P<adj_m>{_alt(masculine) if masculine else '(?!)'}))"
        rf"{_GAP}(?P<noun>[a-zà-öø-ÿ][a-zà-öø-ÿ-]{{2,}})(?![\w-])"
    )
    return rx, frozenset(_words("nationality_skip_nouns", language)) | frozenset(_words("name_noun_skip", language))


@check(
    "W111", "nationality-before-noun", Severity.WARNING,
    category="word_order",
    message="An adjective of nationality or relation before its noun, in English order; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("A [[americana empresa]] anunciou cortes.", suggest="empresa americana"),
        bad("Os analistas temem as [[russas empresas]] de energia.", suggest="empresas russas"),
        good("A empresa americana anunciou cortes; a americana Simone Biles venceu."),
        good("Os brasileiros compraram mais; as chinesas lideram o ranking."),
        good("A brasileira média gasta mais com saúde."),
        good("Os europeus votam domingo, e os americanos semana que vem."),
        bad("O governo lançou a [[digital plataforma]] de serviços.", suggest="plataforma digital"),
        bad("Ele é um [[americano ator]] e produtor.", suggest="ator americano"),
        good("O português padrão e o inglês britânico; um americano disse que sim."),
        good("A plataforma digital do governo e a crise econômica dominaram o debate."),
    ],
)
def nationality_before_noun(doc: Document, ctx) -> Iterator[Hit]:
    """A nationality or relational adjective between a determiner and its noun (`a americana empresa`).

    ## Why it matters
    English puts the adjective first (`the American company`, `the digital platform`);
    Portuguese puts adjectives of nationality and relational adjectives after the noun (`a
    empresa americana`, `a plataforma digital`). Before the noun a nationality reads as a person
    (`a americana`) followed by a stray word.

    ## What fires
    A determiner (`a`, `os`, `das`, `pelas`…), the feminine or plural of a nationality
    adjective (`americana`, `russas`, `chineses`) or a relational adjective (`digital`,
    `nuclear`, `econômica`), then a word the lexicon knows only as a noun
    and that cannot be a verb form.

    ## What stays silent
    The masculine singular after a definite article (also a language: `o português padrão`; after
    `um` it fires: `um americano ator`), a nationality followed by a
    name (`a americana Simone Biles`), by a verb (`os brasileiros compraram`), by `média` or
    `mesma`, and times (`os europeus votam domingo`).
    """
    found = _nationality_pattern(doc.language or "")
    if found is None:
        return
    rx, skip = found
    lexicon = ctx.providers.get("lexicon")
    for m in scan(rx, doc.text):
        noun = m.group("noun")
        if noun in skip or _noun_gender(noun, lexicon) is None or _looks_verbal(noun, lexicon):
            continue
        adj = m.group("adj") or m.group("adj_m")
        yield Hit(m.start("adj" if m.group("adj") else "adj_m"), m.end(), suggestion=f"{noun} {adj}")


@cache
def _absolute_pattern(language: str) -> tuple[re.Pattern[str], frozenset[str]]:
    quantifiers = _words("absolute_quantifiers", language)
    q = rf"(?:(?P<q>{_alt(quantifiers)}|\d[\d.,]*(?:{_GAP}mil)?){_GAP})?" if quantifiers else ""
    rx = re.compile(
        rf"(?<![\w-])[Cc]om{_GAP}{q}(?P<noun>[a-zà-öø-ÿ][\w-]*[^\W\d_]s)"
        rf"(?P<mid>(?:{_GAP}(?:[\w'’.-]+)){{0,5}}?){_GAP}(?P<ger>[a-zà-öø-ÿ]+(?:ando|endo|indo))(?![\w-])"
    )
    return rx, frozenset(_words("not_gerunds", language))


#: Words right after "com" that make the phrase an ordinary complement, not an absolute clause.
_NOT_ABSOLUTE = frozenset(
    "os as uns umas seus suas estes estas esses essas aqueles aquelas eles elas nós vocês todos "
    "todas tantos tantas mais menos ambos ambas meus minhas nossos nossas teus tuas cujos cujas "
    "mas".split()
)


@check(
    "W112", "absolute-with-gerund", Severity.INFO,
    category="calque",
    message="English absolute construction ('with reports pointing to'); Portuguese uses a clause: "
            "'e rumores apontam', 'enquanto analistas dizem'",
    languages=("pt",),
    examples=[
        bad("O clube negou a venda, [[com rumores apontando]] para um acordo.", suggest="e rumores apontam"),
        bad("A prefeitura recuou, [[com vereadores de dois partidos criticando]] o plano.",
            suggest="e vereadores de dois partidos criticam"),
        bad("O jogo lotou, [[com milhares de fãs esperando]] na porta.", suggest="e milhares de fãs esperam"),
        good("Com os juros subindo, o crédito encareceu."),
        good("O time jogou com garra, e o técnico saiu sorrindo."),
        good("Ela falou com jornalistas. Depois, saindo do prédio, acenou."),
        good("A empresa paga dividendos com lucros de anos anteriores, segundo o balanço."),
        good("Ele chegou com as malas e com filhos pequenos, quando chovia."),
        good("Canais com centenas de milhares de inscritos continuam sendo um desafio."),
    ],
)
def absolute_with_gerund(doc: Document, ctx) -> Iterator[Hit]:
    """`com` + a bare plural noun + a gerund (`com rumores apontando para`).

    ## Why it matters
    English builds a clause with `with` and a participle (`with reports pointing to a larger
    battery`, `with fans waiting outside`); copied word for word, the Portuguese sentence has
    no verb of its own there. Portuguese writes a clause: `e rumores apontam para`, `enquanto
    milhares de fãs esperavam`.

    ## What fires
    `com`, optionally a quantifier (`muitos`, `milhares de`, a number), a plural noun without an
    article, up to five words (`de dois sites`), then a gerund, all in one stretch of words
    with no punctuation.

    ## What stays silent
    `com` + an article or a possessive (`com os juros subindo`, a usual Portuguese
    construction), words in -ndo that are not gerunds (`quando`, `dividendos`, `segundo`), and
    anything across punctuation.
    """
    text = doc.text
    if "ndo" not in text:
        return
    rx, not_gerunds = _absolute_pattern(doc.language or "pt")
    for m in scan(rx, text):
        noun, ger = m.group("noun"), m.group("ger")
        if noun.casefold() in _NOT_ABSOLUTE or ger.casefold() in not_gerunds:
            continue
        mid = m.group("mid").split()
        if any(w.casefold() in not_gerunds or w.casefold() in _CLAUSE_WORDS
               or (len(w) > 3 and w.casefold().endswith(_FINITE_ENDINGS)) for w in mid):
            continue  # a finite verb before the gerund: "canais com X continuam sendo", a periphrasis
        verb = _finite(ger)
        middle = " ".join(mid)
        lead = f"{m.group('q')} " if m.groupdict().get("q") else ""
        yield Hit(m.start(), m.end(), suggestion=f"e {lead}{noun}{' ' + middle if middle else ''} {verb}")


#: Words between the noun and the gerund that start a clause of their own (W112).
_CLAUSE_WORDS = frozenset({"que", "quando", "como", "onde", "se", "está", "vai", "vem", "fica", "segue",
                           "anda", "foi", "ia", "vinha", "é", "são"})
#: Endings of finite verbs (W112: `continuam`, `seguem`, `ficou`): the gerund after them is part of
#: a verbal periphrasis, not an absolute construction.
_FINITE_ENDINGS = ("am", "em", "ou", "iu", "ão")


def _finite(gerund: str) -> str:
    """The third person plural present of a gerund: `apontando` -> `apontam`."""
    for ger, fin in (("ando", "am"), ("endo", "em"), ("indo", "em")):
        if gerund.endswith(ger):
            return gerund[: -len(ger)] + fin
    return gerund


_ORG_TITLE = re.compile(
    rf"(?<![\w-])(?P<org>[A-ZÀ-ÖØ-Þ][\w&.'’-]+(?:{_GAP}[A-ZÀ-ÖØ-Þ][\w&.'’-]+)?){_GAP}"
    rf"(?P<title>CEO|CFO|CTO|COO|presidente-executiv[oa]|diretor-executiv[oa]|diretora-executiva|"
    rf"cofundador[a]?|co-fundador[a]?|fundador[a]?|porta-voz|executivo-chefe|executiva-chefe|"
    rf"presidente|técnic[oa]|treinador[a]?|diretor[a]?|ministr[oa]|governador[a]?|secretári[oa]|"
    rf"chefe|capitã[o]?|vocalista|analista|economista|estrategista|editor[a]?|atacante|goleir[oa]|"
    rf"zagueir[oa]|lateral|meia|piloto|jogador[a]?|pesquisador[a]?|professor[a]?)"
    rf"{_GAP}(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:{_GAP}(?:d[aeo]s?{_GAP})?[A-ZÀ-ÖØ-Þ][\w'’-]+){{0,2}})"
)


@check(
    "W113", "organisation-before-title", Severity.WARNING,
    category="word_order",
    message="English order: the title comes first, then the organisation ('{suggestion}')",
    languages=("pt",),
    needs=("dictionary",),
    examples=[
        bad("Segundo o [[Zentrix CEO Ana Lima]], as vendas cresceram.", suggest="o CEO da Zentrix, Ana Lima"),
        bad("[[Voxpop porta-voz Rui Costa]] negou o acordo.", suggest="o porta-voz da Voxpop, Rui Costa"),
        good("Segundo o CEO da Zentrix, Ana Lima, as vendas cresceram."),
        good("O presidente Lula e o CEO Ana Lima falaram na Petrobras."),
        good("Em entrevista à Folha, o porta-voz Rui Costa negou o acordo."),
        bad("Segundo [[o Fed presidente Jerome Powell]], os juros ficam.", suggest="o presidente do Fed, Jerome Powell"),
        bad("Ontem, [[o Liverpool técnico Arne Slot]] elogiou o time.", suggest="o técnico do Liverpool, Arne Slot"),
        good("O presidente do Fed, Jerome Powell, falou; o técnico Arne Slot elogiou o time."),
    ],
)
def organisation_before_title(doc: Document, ctx) -> Iterator[Hit]:
    """A company's name before a title and a person (`Zentrix CEO Ana Lima`).

    ## Why it matters
    English stacks organisation, title and name as modifiers (`Tesla CEO Elon Musk`); Portuguese
    writes the title first and the organisation with `de`, the name set off by commas: `o CEO da
    Tesla, Elon Musk`.

    ## What fires
    One or two capitalised words the dictionary does not know (a foreign company), a title
    (`CEO`, `CFO`, `porta-voz`, `cofundador`, `presidente-executivo`…), then a capitalised name.

    ## What stays silent
    The Portuguese order (`o CEO da Zentrix, Ana Lima`), a title after a Portuguese word or a
    known name (`à Folha, o porta-voz Rui Costa`: a comma comes between), and titles not followed
    by a name.
    """
    text = doc.text
    dictionary = ctx.providers.get("dictionary")
    lang, variant = doc.language or "pt", doc.variant
    for m in scan(_ORG_TITLE, text):
        start, of = m.start(), "da"
        if m.group("title") in _COMMON_TITLES:
            # A common title word after a name is Portuguese only after its determiner
            # ("o Liverpool técnico Arne Slot" is the English order; "Lula presidente" is not read).
            det = _DET_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if not det:
                continue
            start = det.start("det")
            of = "da" if det.group("det").lower() in ("a", "da", "na", "pela", "à") else "do"
        parts = m.group("org").split()
        if start != m.start():  # after a determiner: a place or club name is an organisation too
            if any(dictionary.known(p.strip(".'’").lower(), lang, variant) for p in parts):
                continue  # "o Banco presidente": a common word, not a name
        elif any(dictionary.known(p.strip(".'’"), lang, variant) for p in parts):
            continue  # "o presidente Lula", "Em entrevista à Folha"
        if any(p.casefold() in _TITLE_WORDS for p in parts):
            continue
        org, title = m.group("org"), m.group("title")
        art = "a" if title.endswith("a") and title not in ("porta-voz",) else "o"
        yield Hit(start, m.end(), suggestion=f"{art} {title} {of} {org}, {m.group('name')}")


#: Title words of everyday Portuguese (W113 reads them only after a determiner).
_COMMON_TITLES = frozenset("""presidente técnico técnica treinador treinadora diretor diretora ministro
ministra governador governadora secretário secretária chefe capitão capitã vocalista analista
economista estrategista editor editora atacante goleiro goleira zagueiro zagueira lateral meia
piloto jogador jogadora pesquisador pesquisadora professor professora""".split())
_DET_BEFORE = re.compile(r"(?:^|(?<=[^\w]))(?P<det>[Oo]|[Aa]|[Dd][oa]|[Nn][oa]|[Pp]el[oa]|[Aa]o|[Àà])[ \t\u00a0]+$")

#: Capitalised words that are titles themselves, not organisations (W113).
_TITLE_WORDS = frozenset({"ceo", "cfo", "cto", "coo", "ex-ceo"})


# --- W114 a magnitude without `de` ---------------------------------------------------------------

_MAGNITUDE_NOUN = re.compile(
    r"(?<![\w-])(?:(?P<num>\d[\d.,]*|um|uma|dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|cem|"
    r"vários|várias|muitos|muitas|alguns|algumas)[ \t\u00a0]+)?"
    r"(?P<mag>milhões|milhão|bilhões|bilhão|trilhões|trilhão|milhares|mil\s+milhões|biliões|bilião)"
    r"[ \t\u00a0]+(?P<noun>[a-zà-öø-ÿ]{3,})(?![\w-])")


@check(
    "W114", "magnitude-without-de", Severity.WARNING,
    category="calque",
    message="English order: '{mag}' joined straight to its noun; write '{suggestion}'",
    languages=("pt",),
    needs=("lexicon",),
    examples=[
        bad("A plataforma tem [[10 milhões usuários]] no país.", suggest="10 milhões de usuários"),
        bad("O governo liberou [[2 bilhões reais]] para as obras.", suggest="2 bilhões de reais"),
        bad("O vídeo teve [[milhares visualizações]] em uma hora.", suggest="milhares de visualizações"),
        good("A plataforma tem 10 milhões de usuários; o governo liberou R$ 2 bilhões para as obras."),
        good("Foram R$ 3 milhões investidos em 2024 e 5 milhões anuais depois; 2 milhões e meio."),
        good("Os 40 milhões restantes e os 10 milhões previstos virão depois, disse o ministro."),
    ],
)
def magnitude_without_de(doc: Document, ctx) -> Iterator[Hit]:
    """A count of millions or thousands joined straight to its noun (`10 milhões usuários`).

    ## Why it matters
    English puts the noun right after `million` (*10 million users*); Portuguese joins them with
    `de`: `10 milhões de usuários`, `milhares de pessoas`. A translation that keeps the English
    construction drops the `de`.

    ## What fires
    A number (or `vários`, `alguns`...) with `milhão/milhões`, `bilhão/bilhões`, `trilhões`,
    `milhares` or `mil milhões`, then the plural of a noun the lexicon knows, with no `de`.

    ## What stays silent
    Adjectives and participles after the magnitude (`milhões investidos`, `milhões anuais`,
    `milhões restantes`), `e` and numbers (`2 milhões e meio`), and words the lexicon does not
    know as nouns.
    """
    text = doc.text
    if "milh" not in text and "bilh" not in text and "trilh" not in text and "bili" not in text:
        return
    lexicon = ctx.providers.get("lexicon")
    for m in scan(_MAGNITUDE_NOUN, text):
        noun = m.group("noun")
        if not noun.endswith("s") or not _plural_of_noun(noun, lexicon):
            continue
        mag = " ".join(m.group("mag").split())
        num = f"{m.group('num')} " if m.group("num") else ""
        yield Hit(m.start(), m.end(), suggestion=f"{num}{mag} de {noun}",
                  args={"mag": mag})


def _plural_of_noun(word: str, lexicon) -> bool:
    """Is ``word`` the plural of a noun the lexicon knows or a currency (`usuários`, `reais`,
    `pessoas`), and not of a participle or an adjective of one form (`investidos`, `anuais`)?"""
    from mtqa.checks.agreement import _plural_noun
    from mtqa.checks.gender import _singular_nouns

    if word in _CURRENCIES:
        return True
    if word.endswith(("ados", "idos", "adas", "idas")):
        return False  # "milhões investidos"
    if any(lexicon.is_invariable_adjective(s) for s in _singular_nouns(word)):
        return False  # "milhões anuais"
    return _plural_noun(word, lexicon)


_CURRENCIES = frozenset("reais dólares euros libras ienes pesos yuans francos rublos rupias".split())


CHECKS = (possessive_before_office, hyphenated_parties, place_before_country, measure_before_noun,
          period_before_noun, name_before_noun, degree_adverb_before_noun, month_day_year_date,
          product_year_reordered, acronym_before_class_noun, nationality_before_noun,
          absolute_with_gerund, organisation_before_title, magnitude_without_de)
