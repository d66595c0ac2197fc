"""N101/N102: country names without their article, and the missing crase before them."""

from __future__ import annotations

import pytest

from mtqa.checks import CheckContext
from mtqa.checks.articles import (
    _conjugations,
    country_without_article,
    missing_crase_before_country,
)
from mtqa.checks.data import load
from mtqa.core.config import Config
from mtqa.core.model import Document

#: Correct Portuguese full of country names: articles, contractions, lists and pairs, names that
#: take no article, longer names, headlines, and verbs whose object is not the country.
CLEAN_BR = """\
Lula chega à China para reunião com Xi Jinping

O presidente Luiz Inácio Lula da Silva desembarcou na China nesta terça-feira, depois de passar
pelos Emirados Árabes Unidos. A comitiva, que saiu do Brasil no domingo, deve seguir para o Japão
e para a Coreia do Sul antes de voltar a Brasília. Segundo o Itamaraty, a visita à China inclui
acordos com a Rússia e com a Índia no âmbito do Brics.
O comércio entre Brasil e China bateu recorde em 2023, e a relação com Estados Unidos e Europa
segue estável. O Brasil integra, com Alemanha, Índia e Japão, o chamado G4, que defende a reforma
do Conselho de Segurança. A guerra entre Rússia e Ucrânia e a crise na Faixa de Gaza dominaram a
agenda.
Em Pequim, o jornal China Daily destacou o encontro. Na Rússia, o partido Rússia Unida elogiou a
cúpula; nos Estados Unidos, o Departamento de Estado não comentou. O acordo Rússia-Ucrânia sobre
grãos expirou em julho, e o corredor Brasil-China de soja foi discutido.
O embaixador de Portugal, que também representa Israel e Cuba em reuniões, lembrou que Angola e
Moçambique participam como observadores. A seleção enfrenta a Argentina na quinta-feira e o
Uruguai no domingo.
A OTAN ajuda a Ucrânia com armas, o governo alemão apoia a Polônia e a União Europeia critica a
Hungria. Eu apoio a Ucrânia, disse um deputado. A ajuda à Ucrânia foi aprovada pelo Congresso dos
EUA, e as sanções à Rússia foram ampliadas pelo Reino Unido e pelo Canadá.
Quando a Rússia invadiu a Ucrânia, em fevereiro de 2022, o Japão e a Coreia do Sul reagiram. A
exportação de carne para a China e para o México cresceu; as importações do Paquistão caíram.
Os técnicos visitaram a Argentina, o Chile e o Peru, e o ministro visitará o Canadá e os EUA.
"""

#: European Portuguese names some countries without the article.
CLEAN_PT = """\
A empresa já tem clientes em Espanha, na Noruega e no Vietname, e abriu um escritório em França.
O ministro esteve em Inglaterra e em Itália antes de regressar a Portugal.
"""


def _doc(text: str, variant: str | None = "BR") -> tuple[Document, CheckContext]:
    cfg = Config(language="pt", variant=variant)
    return Document("t.txt", text, language="pt", variant=variant), CheckContext(cfg)


@pytest.mark.parametrize("chk", [country_without_article, missing_crase_before_country])
def test_clean_text_with_many_country_names_is_silent(chk):
    doc, ctx = _doc(CLEAN_BR)
    assert list(chk.run(doc, ctx)) == []
    doc, ctx = _doc(CLEAN_PT, "PT")
    assert list(chk.run(doc, ctx)) == []


def test_pt_pt_names_fire_in_a_brazilian_text_and_not_when_the_variant_is_unknown():
    doc, ctx = _doc("A empresa abriu um escritório em França no ano passado.")
    assert [doc.text[h.start:h.end] for h in country_without_article.run(doc, ctx)] == ["em França"]
    doc, ctx = _doc("A empresa abriu um escritório em França no ano passado.", None)
    assert list(country_without_article.run(doc, ctx)) == []


def test_suggestions_contract_the_article():
    doc, ctx = _doc("Ele voltou de Japão e vive em Filipinas. Falou por EUA. Vamos a Estados Unidos.")
    got = [(doc.text[h.start:h.end], h.suggestion) for h in country_without_article.run(doc, ctx)]
    assert got == [("de Japão", "do Japão"), ("em Filipinas", "nas Filipinas"), ("por EUA", "pelos EUA"),
                   ("a Estados Unidos", "aos Estados Unidos")]


def test_capitalised_preposition_keeps_its_capital():
    doc, ctx = _doc("Em China, a notícia foi censurada.")
    assert [h.suggestion for h in country_without_article.run(doc, ctx)] == ["Na China"]


def test_country_table_is_consistent():
    data = load("articles")
    table = data["countries"]["pt"]
    names = [n for ns in table.values() for n in ns]
    assert len(names) == len(set(names)), "a name is listed twice"
    assert set(table) == {"fs", "ms", "fp", "mp"}
    for variant, bare in data["bare_in_variant"].items():
        assert set(bare) <= set(names), f"bare_in_variant.{variant} names an unlisted country"


def test_conjugations_of_regular_verbs():
    assert {"visita", "visitou", "visitaram", "visitando", "visitar"} <= set(_conjugations("visitar"))
    assert {"invade", "invadiu", "invadiram", "invadindo"} <= set(_conjugations("invadir"))
    assert {"fornece", "forneceu", "fornecendo"} <= set(_conjugations("fornecer"))
