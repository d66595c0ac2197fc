"""V102: a determiner of one gender before a noun of the other, on clean text."""

from __future__ import annotations

import pytest

from mtqa.checks import CheckContext
from mtqa.checks.gender import determiner_gender_mismatch
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.providers import Providers

#: Determiners before nouns of both genders, nouns said with either gender, persons, fixed
#: expressions with "ao/à/no/na".
CLEAN = """\
No início da semana, o ministro da Economia apresentou um plano para a dívida do estado.
À medida que a crise avança, o governo adota uma postura dura e um discurso moderado.
A presidente da comissão ouviu a agente da polícia, a jornalista e a atleta, e o segurança do
prédio chamou um guarda. O caixa do banco pesou um grama de ouro; o cabeça da quadrilha fugiu.
Ao longo do dia, pelo menos um terço dos deputados votou; pela primeira vez, num gesto raro,
a oposição apoiou o texto. Neste caso, nesta fase e naquele momento, desta vez e deste modo.
Esse problema, essa questão, aquele sistema e aquela tema de fundo foram abordados na reunião.
Um mapa, um dia, um clima, um programa e um drama; uma mão, uma foto, uma tribo.
Daquele lugar, daquela cidade, desse tema e dessa área, àquela hora e àquele ponto.
"""


@pytest.fixture(scope="module")
def ctx():
    cfg = Config(language="pt", variant="BR")
    providers = Providers(cfg)
    reason = providers.unavailable("lexicon")
    if reason:
        pytest.skip(reason)
    return CheckContext(cfg, providers)


def test_clean_text_is_silent_but_for_the_one_planted_error(ctx):
    doc = Document("t.txt", CLEAN, language="pt", variant="BR")
    got = [(CLEAN[h.start:h.end], h.suggestion) for h in determiner_gender_mismatch.run(doc, ctx)]
    # "aquela tema" is the one mistake in the text: "tema" is masculine
    assert got == [("aquela tema", "aquele tema")]
