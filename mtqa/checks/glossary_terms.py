"""Glossary checks (G1xx): one check per entry kind of the glossaries in ``glossaries/``.

The entries are data (see docs/glossary.md); these checks only report what the glossary provider
matched, with the entry's message and suggestion. Every entry carries its own examples, run by
``mtqa glossary test`` and tests/glossaries/test_glossary_examples.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan

#: Entry kind -> the check that reports it.
KIND_CODES: dict[str, str] = {
    "false_friend": "G101",
    "calque": "G102",
    "orthography": "G103",
    "variant": "G104",
    "dnt": "G105",
    "exonym": "G106",
    "official_name": "G107",
    "forbidden": "G108",
}


def glossary_hits(doc: Document, ctx, kind: str) -> Iterator[Hit]:
    """Hits of the glossary entries of ``kind`` in ``doc``."""
    prov = ctx.providers.get("glossary")
    for m in prov.matches(doc):
        e = m.entry
        if e.kind != kind:
            continue
        yield Hit(
            m.start, m.end,
            suggestion=m.suggestion,
            args={"detail": e.message, "entry": e.id},
            evidence={"glossary_entry": e.id, "glossary_file": e.file, "glossary_line": e.line},
            severity=Severity.parse(e.severity) if e.severity else None,
        )


_COMMON = dict(languages=("pt",), needs=("glossary",))
_MESSAGE = "'{text}': {detail} [{entry}]"


@check(
    "G101", "glossary-false-friend", Severity.WARNING, category="false_friend", message=_MESSAGE,
    examples=[
        bad("Kim Jong Un [[estressa]] a aliança entre os dois países.", suggest="enfatiza"),
        bad("informou a agência de notícias [[estadual]] da Coreia do Norte, KCNA.", suggest="estatal"),
        good("O governo estadual de Minas Gerais anunciou o reajuste."),
        good("A família recebeu um telegrama de condolências do prefeito."),
    ],
    **_COMMON,
)
def false_friend(doc, ctx):
    """A word that looks like the English source word but means something else in Portuguese.

    ## Why it matters
    Machine translation picks the look-alike (`estressa` for *stresses*, `estadual` for *state*
    as in state media, `realizar` for *realize*), and the sentence says something else.
    The glossary entry gives the context in which the word is a trap, so legitimate uses
    (`o governo estadual`, `realizar uma reunião`) stay silent.
    """
    return glossary_hits(doc, ctx, "false_friend")


@check(
    "G102", "glossary-calque", Severity.WARNING, category="calque", message=_MESSAGE,
    examples=[
        bad("A mídia estatal disse que [[Senhor Putin]] chegou.", suggest="Putin"),
        bad("segundo a [[mídia do estado]] russa", suggest="mídia estatal"),
        good("O senhor de 80 anos foi levado ao hospital."),
    ],
    **_COMMON,
)
def calque(doc, ctx):
    """An English construction copied word for word.

    ## Why it matters
    `Senhor Putin` (*Mr Putin*), `mídia do estado` (*state media*), `notícias de última hora`
    written as `notícias quebradas` (*breaking news*): readers recognise the English behind them.
    """
    return glossary_hits(doc, ctx, "calque")


@check(
    "G103", "glossary-pre-reform-spelling", Severity.WARNING, category="orthography", message=_MESSAGE,
    examples=[
        bad("O líder russo visita a [[Coréia]] do Norte.", suggest="Coreia"),
        bad("A empresa anunciou novos [[vôos]] semanais.", suggest="voos"),
        good("O líder russo visita a Coreia do Norte e anuncia voos semanais."),
    ],
    **_COMMON,
)
def pre_reform_spelling(doc, ctx):
    """A spelling abolished by the 1990 orthographic agreement (in force in Brazil since 2009).

    ## Why it matters
    Engines trained on older text still write `Coréia`, `idéia`, `vôos`, `freqüente` and
    `anti-semita`. The list is generated from the pt-BR dictionary and verified: every old form
    is rejected by hunspell pt_BR and its new form is accepted.
    """
    return glossary_hits(doc, ctx, "orthography")


@check(
    "G104", "glossary-variant-form", Severity.WARNING, category="orthography", message=_MESSAGE,
    examples=[
        bad("em troca de ajuda [[económica]] e tecnologia", suggest="econômica"),
        bad("“A situação no mundo [[está a agravar-se]]”, disse Kim.", suggest="está se agravando"),
        good("em troca de ajuda econômica, a situação está se agravando"),
        good("em troca de ajuda económica, a situação está a agravar-se", variant="PT"),
    ],
    **_COMMON,
)
def variant_form(doc, ctx):
    """A form of the other variant: pt-PT in a pt-BR document, or pt-BR in a pt-PT one.

    ## Why it matters
    A Brazilian reader stumbles on `económica`, `facto`, `equipa` or `está a fazer`; a
    Portuguese reader on `econômica` or `ônibus`. Set the variant (`--variant BR`) to enable
    this check; without one, C102 reports documents that mix the two.
    """
    return glossary_hits(doc, ctx, "variant")


@check(
    "G105", "glossary-do-not-translate", Severity.WARNING, category="mistranslation", message=_MESSAGE,
    examples=[
        bad("O ministério postou um vídeo sobre o [[telegrama]] dos dois homens.", suggest="Telegram"),
        bad("Em entrevista à [[CBS Notícias]], o senador negou tudo.", suggest="CBS News"),
        bad("Os jogadores esperam pelo [[Interruptor]] OLED novo.", suggest="Switch"),
        good("A família recebeu um telegrama de condolências."),
        good("O ministério postou um vídeo no Telegram."),
        good("O interruptor de luz quebrou; o SBT Notícias e o Google Notícias deram o caso."),
    ],
    **_COMMON,
)
def do_not_translate(doc, ctx):
    """A brand, product, game, show or agency name translated as if it were ordinary words.

    ## Why it matters
    `Telegram` became `telegrama`, `Apple` becomes `maçã`, the Nintendo `Switch` an
    `Interruptor`, `CBS News` `CBS Notícias` (or, spun, `NBC Information`), `Getty Images`
    `Getty Pictures`, `Call of Duty` `Chamado do Dever`: the reader loses the name and cannot
    search for it. Entries live in glossaries/en-pt/dnt.yaml and brands.yaml; a name made of
    common words fires only beside its context (`Nintendo`, `Xbox`, `aplicativo`, a model
    number), so the ordinary word stays silent.
    """
    return glossary_hits(doc, ctx, "dnt")


@check(
    "G106", "glossary-english-exonym", Severity.WARNING, category="untranslated_fragment", message=_MESSAGE,
    examples=[
        bad("Kim reforçou a aliança Pyongyang-[[Moscow]].", suggest="Moscou"),
        bad("O presidente chegou a [[Beijing]] na terça.", suggest="Pequim"),
        good("Kim reforçou a aliança Pyongyang-Moscou; depois foi a Washington."),
    ],
    **_COMMON,
)
def english_exonym(doc, ctx):
    """A place name left in its English form where Portuguese has its own.

    ## Why it matters
    Brazilian news writes Moscou, Pequim, Londres, Seul, Varsóvia; the English form is an
    untranslated fragment, also inside compounds like `Pyongyang-Moscow`. House style for
    the Ukrainian capital is `Kiev` (the form used by the main Brazilian newspapers).
    """
    return glossary_hits(doc, ctx, "exonym")


@check(
    "G107", "glossary-official-name", Severity.WARNING, category="mistranslation", message=_MESSAGE,
    examples=[
        bad("o nome oficial do país, a [[República Popular Democrata]] da Coréia.",
            suggest="República Popular Democrática"),
        good("o nome oficial do país, a República Popular Democrática da Coreia."),
    ],
    **_COMMON,
)
def official_name(doc, ctx):
    """An official name (of a country, an institution) rendered wrongly.

    ## Why it matters
    Official names have one accepted Portuguese form; `República Popular Democrata da Coreia`
    is not the name of any country.
    """
    return glossary_hits(doc, ctx, "official_name")


@check(
    "G108", "glossary-forbidden-term", Severity.WARNING, category="mistranslation", message=_MESSAGE,
    examples=[
        bad("Os rebeldes [[huthis]] atacaram um navio.", suggest="houthis"),
        bad("o atacante marcou de [[cabeçalho]] após cruzamento.", suggest="cabeçada"),
        good("Os rebeldes houthis atacaram um navio."),
        good("o preço ficou abaixo da média móvel; o cabeçalho da página mostra o logotipo."),
    ],
    **_COMMON,
)
def forbidden_term(doc, ctx):
    """A rendering the glossary (house style) forbids, or jargon rendered as the wrong common word.

    ## Why it matters
    Style guides fix one form of recurrent names and terms; the glossary records the rejected ones.
    It also records technical, market and sports jargon that machine translation (or a synonym
    spinner) renders with the wrong sense of a word: a `média mobiliária` for a moving average,
    `criações de Insiders` for Insider builds, `biscoitos` for a site's cookies, a `reboque` for
    a trailer, a football `cabeçalho` for a header. Each entry names the context (prices,
    software, football) in which the word is a trap.
    """
    return glossary_hits(doc, ctx, "forbidden")


# --- G120: a product line followed by a translated word ------------------------------------------

#: Brands and product lines whose products and events keep English names in Portuguese text
#: (no official Portuguese localisation): a Portuguese noun right after one of them is almost
#: always a translated part of the name ('Xbox Vitrine', 'Galaxy Relógio', 'Halo Infinito').
#: Companies whose own Portuguese apps carry Portuguese names (Google Fotos, Microsoft
#: Tradutor) are listed with those names in _OFFICIAL.
_BRAND_HEADS = (
    "Xbox", "PlayStation", "Nintendo", "Switch", "Steam", "Halo", "Forza", "Zelda", "Pokémon",
    "Minecraft", "Fortnite", "Roblox", "Oculus", "Galaxy", "Pixel", "iPhone", "iPad", "MacBook",
    "iMac", "AirPods", "Surface", "Redmi", "OnePlus", "Snapdragon", "GeForce", "Radeon", "Ryzen",
    "Windows", "Microsoft", "Google", "Apple", "Amazon", "YouTube", "Instagram", "Netflix",
    "Spotify", "HBO", "Fox", "CBS", "ABC", "NBC", "BBC", "CNN", "ESPN", "Sky", "Getty", "Bloomberg",
)
#: Words after a head that are part of official Portuguese names, or that Portuguese product
#: names use (editions, seasons, chapters, parts, country subsidiaries).
_OFFICIAL = frozenset({
    "fotos", "agenda", "tradutor", "notícias", "imagens", "acadêmico", "académico", "livros",
    "documentos", "planilhas", "apresentações", "formulários", "contatos", "contactos",
    "mensagens", "tarefas", "arquivos", "ficheiros", "câmera", "câmara", "telefone",
    "assistente", "pesquisa", "sala", "mapas", "calculadora", "família", "saúde", "mundo",
    "internacional", "capítulo", "temporada", "edição", "parte", "coleção", "colecção", "pacote",
    "aniversário", "controle", "comando", "remasterizado", "definitiva", "completa", "original",
    "digital", "oficial", "nacional", "latina", "news", "carteira",
})
_WORD = re.compile(r"[^\W\d_](?:[\w'’]*\w)?|\d[\w+]*")


@cache
def _heads_rx() -> re.Pattern:
    alt = "|".join(re.escape(h) for h in sorted(_BRAND_HEADS, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


def _is_code(tok: str) -> bool:
    """A model code or number inside a product name: '2', 'S24', 'Z', 'OLED', 'X'."""
    return any(c.isdigit() for c in tok) or (tok.isupper() and len(tok) <= 5)


@check(
    "G120", "product-name-word-translated", Severity.WARNING, category="mistranslation",
    message="'{text}': '{word}' looks like a translated part of a product or brand name; the name keeps "
            "its own words",
    languages=("pt",), needs=("dictionary", "lexicon"),
    examples=[
        bad("o jogo está à venda na [[PlayStation Loja]] por R$ 99.", suggest=None),
        bad("a Samsung lançou o [[Galaxy Nota]] 20 e o [[Galaxy Relógio]] 7.", suggest=None),
        bad("a campanha de [[Halo Infinito]] chega ao PC.", suggest=None),
        good("o jogo foi exibido no Xbox Games Showcase de junho."),
        good("as fotos ficaram no Google Fotos e a tradução no Google Tradutor."),
        good("a temporada nova de Fortnite Capítulo 5 começou; o Galaxy S24 Ultra chegou."),
        good("a CNN Brasil e a BBC Mundo noticiaram; a Xbox Series X custa caro."),
        good("Xbox Lança Novo Console Portátil"),
        good("o Xbox Ontem Hoje Sempre é o nome da campanha."),
    ],
)
def product_name_word_translated(doc: Document, ctx) -> Iterator[Hit]:
    """A brand or product line followed by a Portuguese common noun: part of the name translated.

    ## Why it matters
    Consoles, phones, games, events and channels keep their English names in Portuguese text:
    `Xbox Games Showcase`, `Galaxy Watch`, `Halo Infinite`, `Forza Horizon`. Machine
    translation turns the common-word part into Portuguese (`Xbox Vitrine`, `Galaxy Relógio`,
    `Halo Infinito`, `Forza Horizonte`), and the reader can no longer find the product.
    The glossary lists known cases (G105); this check catches the ones nobody listed.

    ## What fires
    One of a list of brands and product lines (Xbox, PlayStation, Nintendo, Galaxy, Pixel,
    iPhone, Surface, Windows, Google, Fox, CBS...), possibly followed by model codes (`Z`, `S24`,
    `2`) or English words, then a capitalised word whose lower-case form is a Portuguese noun or
    adjective (dictionary and pt-PT lexicon) and not an English word, followed by a lower-case
    word, a number or punctuation (not another capitalised word: a Title Case headline).
    Official Portuguese names (`Google Fotos`, `Microsoft Tradutor`), editions, seasons and
    chapters (`Capítulo 5`, `Edição Definitiva`) and subsidiaries (`CNN Brasil`) stay silent.
    """
    dictionary = ctx.providers.get("dictionary")
    lexicon = ctx.providers.get("lexicon")
    variant = doc.variant
    has_en = dictionary.has("en")
    heads = _heads_rx()
    for sent in doc.sentences:
        text = sent.text
        if not heads.search(text):
            continue
        toks = [(m.start(), m.end(), m.group()) for m in scan(_WORD, text)]
        starts = {a: i for i, (a, _, _) in enumerate(toks)}
        for m in scan(heads, text):
            i = starts.get(m.start())
            if i is None:
                continue
            j = i + 1
            while j < len(toks) and j <= i + 3:
                a, b, w = toks[j]
                gap = text[toks[j - 1][1]:a]
                if gap not in (" ", ". ", "\u00a0"):
                    break
                if _is_code(w):
                    j += 1
                    continue
                if not (w[:1].isupper() and w[1:].islower()):
                    break
                low = w.lower()
                if has_en and dictionary.known(low, "en"):
                    j += 1  # an English word of the name ('Games', 'Pro', 'Ultra')
                    continue
                if low in _OFFICIAL or not dictionary.known(low, "pt", variant):
                    break
                sing = low[:-1] if low.endswith("s") else low
                if not (lexicon.nominal_gender(low) or lexicon.nominal_gender(sing)
                        or lexicon.adjective_gender(low) or lexicon.adjective_gender(sing)):
                    break
                nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
                if nxt[:1].isupper() and not _is_code(nxt):
                    break  # a Title Case headline or a longer name
                lower_words = sum(1 for _, _, t in toks if t.islower())
                if lower_words < 3:
                    break
                yield Hit(sent.start + m.start(), sent.start + b, suggestion=None, args={"word": w})
                break


CHECKS = (false_friend, calque, pre_reform_spelling, variant_form, do_not_translate, english_exonym, official_name, forbidden_term, product_name_word_translated)
