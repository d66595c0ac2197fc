"""Glossary checks (G1xx): one check per entry kind of the glossaries in ``glossaries/``.

The entries are data (see docs/glossary.md); these checks only report what the glossary provider
matched, with the entry's message and suggestion. Every entry carries its own examples, run by
``mtqa glossary test`` and tests/glossaries/test_glossary_examples.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtqa.checks.base import Hit, bad, check, good
from mtqa.core.model import Document, Severity

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
        good("A família recebeu um telegrama de condolências."),
        good("O ministério postou um vídeo no Telegram."),
    ],
    **_COMMON,
)
def do_not_translate(doc, ctx):
    """A brand or agency name translated as if it were an ordinary word.

    ## Why it matters
    `Telegram` became `telegrama`, `Apple` becomes `maçã`: the reader loses the name.
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
        good("Os rebeldes houthis atacaram um navio."),
    ],
    **_COMMON,
)
def forbidden_term(doc, ctx):
    """A rendering the glossary (house style) forbids.

    ## Why it matters
    Style guides fix one form of recurrent names and terms; the glossary records the rejected ones.
    """
    return glossary_hits(doc, ctx, "forbidden")


CHECKS = (false_friend, calque, pre_reform_spelling, variant_form, do_not_translate, english_exonym, official_name, forbidden_term)
