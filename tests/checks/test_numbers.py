"""S108: numbers in the English format inside Portuguese text."""

from __future__ import annotations

from mtqa.checks import CheckContext
from mtqa.checks.numbers import english_date_time_format, english_number_format
from mtqa.core.config import Config
from mtqa.core.model import Document

#: Numbers as Portuguese news writes them: money, percentages, measures, laws, scores, dates,
#: times, exchange rates with three decimals, verse references, lists of years.
CLEAN = """\
O PIB cresceu 2,9% em 2023, e a inflação fechou em 4,62%. O dólar fechou a R$ 4,913, alta de 0,35%.
A Petrobras prevê US$ 111 bilhões em investimentos e R$ 1,6 bilhão em dividendos até 2029.
O Ibovespa subiu 1,2% e fechou aos 128.450 pontos; a taxa Selic ficou em 10,50% ao ano.
A carga de 1,250 kg percorreu 2,125 metros; a temperatura chegou a 38,5 °C às 14h30.
A Lei 8.666/93 e o artigo 5.º da Constituição foram citados; o placar foi 3 a 1 no dia 19.6.
Os anos de 2019, 2020 e 2021 somaram 10.000 vagas; a meta é de 1 milhão de casas até 2026.
João 3,16 é o versículo mais citado, e o capítulo 1.2 do relatório trata do tema.
A votação teve 308 votos a favor; o reajuste é de 4,5 pontos percentuais, ou 4,5 p.p.
A sessão começa às 15h e termina às 18h30 de 03/07/2024; a Lei 12/15 e o decreto 3/2020 caíram.
Dois PM foram presos, e a rádio AM/FM noticiou; a previsão é de chuva às 9h.
"""


def test_clean_numbers_dates_and_times_are_silent():
    for variant in ("BR", "PT"):
        doc = Document("t.txt", CLEAN, language="pt", variant=variant)
        ctx = CheckContext(Config(language="pt", variant=variant))
        assert list(english_number_format.run(doc, ctx)) == []
        assert list(english_date_time_format.run(doc, ctx)) == []


def test_the_three_formats_and_their_fixes():
    text = "A inflação foi de 3.5 por cento; 10,000 soldados e 1,500,000 civis; custo de $10 milhões."
    doc = Document("t.txt", text, language="pt", variant="BR")
    got = sorted((text[h.start:h.end], h.suggestion)
                 for h in english_number_format.run(doc, CheckContext(Config(language="pt", variant="BR"))))
    assert got == [("$", "US$ "), ("1,500,000", "1.500.000"), ("10,000", "10.000"), ("3.5", "3,5")]


def test_lap_gaps_name_the_unit_once():
    """A comma number with three decimals near a timed gap of the same shape is a Portuguese
    decimal, even when the unit is left out the second time (S108)."""
    text = "Ela terminou a 12,402 segundos da líder, e a terceira colocada, a 20,118."
    for variant in ("BR", "PT"):
        doc = Document("t.txt", text, language="pt", variant=variant)
        assert list(english_number_format.run(doc, CheckContext(Config(language="pt", variant=variant)))) == []
    # without a timed number nearby, the English thousands separator is still reported
    doc = Document("t.txt", "A prova reuniu 20,118 corredores.", language="pt", variant="BR")
    got = [h.suggestion for h in english_number_format.run(doc, CheckContext(Config(language="pt", variant="BR")))]
    assert got == ["20.118"]


def test_spanish_style_billions_only_in_pt_br():
    from mtqa.checks.numbers import spanish_style_billions

    text = "A receita foi de US$ 12.350 milhões, entre 40.000 e 42.500 milhões, ou 3 mil milhões de euros."
    got = {}
    for variant in ("BR", "PT"):
        doc = Document("t.txt", text, language="pt", variant=variant)
        ctx = CheckContext(Config(language="pt", variant=variant))
        got[variant] = [(text[h.start:h.end], h.suggestion) for h in spanish_style_billions.run(doc, ctx)]
    assert got["BR"] == [("12.350 milhões", "12,35 bilhões"), ("40.000 e 42.500 milhões", "40 e 42,5 bilhões"),
                         ("3 mil milhões", "3 bilhões")]
    assert got["PT"] == []
    clean = "O lucro foi de R$ 350 milhões e a obra custou R$ 1,2 bilhão; 45.000 torcedores foram ao jogo."
    doc = Document("t.txt", clean, language="pt", variant="BR")
    assert list(spanish_style_billions.run(doc, CheckContext(Config(language="pt", variant="BR")))) == []


def test_english_magnitude_letters_and_ordinals():
    from mtqa.checks.numbers import english_magnitude_abbreviation

    text = "Assinou por US$ 50M, tem 80k seguidores e chegou em 2nd lugar; o vídeo em 4K e a vitamina B12."
    doc = Document("t.txt", text, language="pt", variant="BR")
    got = [(text[h.start:h.end], h.suggestion)
           for h in english_magnitude_abbreviation.run(doc, CheckContext(Config(language="pt", variant="BR")))]
    assert got == [("50M", "50 milhões"), ("80k", "80 mil"), ("2nd", "2º")]
    doc = Document("t.txt", CLEAN, language="pt", variant="BR")
    assert list(english_magnitude_abbreviation.run(doc, CheckContext(Config(language="pt", variant="BR")))) == []
