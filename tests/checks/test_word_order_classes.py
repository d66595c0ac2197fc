"""W104-W112: English noun-adjunct, possessive and adjective order, and absolute constructions.

Texts written for these tests: clean Portuguese with the traps each check must leave alone, and
one machine-translation-like paragraph with one artifact of each class.
"""

from __future__ import annotations

import pytest

from mtqa.checks import CheckContext
from mtqa.checks import word_order as wo
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.providers import Providers

NEW = (
    wo.measure_before_noun, wo.period_before_noun, wo.name_before_noun, wo.degree_adverb_before_noun,
    wo.month_day_year_date, wo.product_year_reordered, wo.acronym_before_class_noun,
    wo.nationality_before_noun, wo.absolute_with_gerund, wo.organisation_before_title,
)

#: Measures after nouns and before "de", quarters as adverbials, names the dictionary knows,
#: product names with Portuguese nouns, times after club names, adverbs before adjectives,
#: Portuguese dates, product years in place, acronyms followed by a verb, nationalities as
#: persons, "com" + article + gerund, periphrases.
CLEAN = """\
O celular tem bateria de 4.500 mAh, carregamento de 120 W e 256 GB de armazenamento.
A tela de 6,7 polegadas chega a 120 Hz e gasta 2 W em repouso; com 65 W carrega em meia hora.
A empresa registrou no segundo trimestre lucro de R$ 2 bilhões; o segundo trimestre fiscal começa
em julho. Terceiro trimestre: receita de R$ 4 bilhões.
O Flamengo campeão voltou ao Rio, o Palmeiras joga domingo e o Liverpool enfrenta o Arsenal sábado.
O Google Fotos ganhou uma função, e o Google Agenda também; a Zentrix pesquisa novas baterias.
Foi o que disse o FMI ontem. O Neymar pai falou com a imprensa.
A equipe é altamente qualificada, e o carregamento é incrivelmente rápido.
O prazo termina em 24 de abril de 2025. Em abril, 24 estados aderiram ao plano.
A correção vale para o Windows Server 2008 R2 e o SQL Server 2019; o Windows de 1995 mudou tudo.
O Sistema Único de Saúde (SUS) programa para março uma nova campanha.
A americana Simone Biles venceu; os brasileiros compraram mais, e a brasileira média gasta mais.
A plataforma digital do governo e a crise econômica dominaram o debate.
Segundo o CEO da Zentrix, Ana Lima, as vendas cresceram; à Folha, o porta-voz Rui Costa negou.
Com os juros subindo, o crédito encareceu. O time jogou com garra e saiu sorrindo.
Canais com centenas de milhares de inscritos continuam sendo um desafio.
A empresa paga dividendos com lucros de anos anteriores, segundo o balanço.
"""

#: One artifact of each class (names invented for the test).
DIRTY = (
    "O aparelho traz 65 W carregamento e absurdamente carregamento rápido. "
    "A Zentrix divulgou sua terceiro trimestre receita, e um Voxpop pesquisa mostrou a Zentrix insistência "
    "em negar. O prazo acabou em abril 24, 2025, e a correção saiu no Windows Server R2 de 2008. "
    "A empresa encerrou o Parceiros de Crescimento (PDC) programa no fim do ano. "
    "A americana empresa cortou vagas, com rumores apontando para novos cortes. "
    "Segundo o Zentrix CEO Ana Lima, é um americano ator."
)


@pytest.fixture(scope="module")
def ctx():
    cfg = Config(language="pt", variant="BR")
    providers = Providers(cfg)
    for name in ("lexicon", "dictionary"):
        reason = providers.unavailable(name)
        if reason:
            pytest.skip(reason)
    return CheckContext(cfg, providers)


def _hits(text: str, ctx, variant: str = "BR") -> list[tuple[str, str, str | None]]:
    doc = Document("t.txt", text, language="pt", variant=variant)
    return sorted((chk.code, text[h.start:h.end], h.suggestion) for chk in NEW for h in chk.run(doc, ctx))


@pytest.mark.parametrize("variant", ["BR", "PT"])
def test_clean_text_is_silent(ctx, variant):
    assert _hits(CLEAN, ctx, variant) == []


def test_each_class_fires_once_with_its_fix(ctx):
    assert _hits(DIRTY, ctx) == sorted([
        ("W104", "65 W carregamento", "carregamento de 65 W"),
        ("W107", "absurdamente carregamento", "carregamento absurdamente rápido"),
        ("W105", "sua terceiro trimestre receita", "sua receita do terceiro trimestre"),
        ("W106", "um Voxpop pesquisa", "uma pesquisa de Voxpop"),
        ("W106", "a Zentrix insistência", "a insistência de Zentrix"),
        ("W108", "abril 24, 2025", "24 de abril de 2025"),
        ("W109", "Windows Server R2 de 2008", "Windows Server 2008 R2"),
        ("W110", "(PDC) programa", "programa Parceiros de Crescimento (PDC)"),
        ("W111", "americana empresa", "empresa americana"),
        ("W112", "com rumores apontando", "e rumores apontam"),
        ("W113", "Zentrix CEO Ana Lima", "o CEO da Zentrix, Ana Lima"),
        ("W111", "americano ator", "ator americano"),
    ])


def test_an_english_line_is_not_portuguese_word_order(ctx):
    assert _hits("In March, a Russian veto at the United Nations ended the panel.", ctx) == []
