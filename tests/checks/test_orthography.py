"""O101-O108 on clean text of both variants (our own writing), and on planted errors."""

from __future__ import annotations

import pytest

from mtqa.checks import CheckContext
from mtqa.checks.orthography import CHECKS
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.providers import Providers

CLEAN_BR = """\
A seleção venceu a semifinal graças à defesa e, devido à chuva, o jogo atrasou.
O técnico está a par do problema, está a favor da mudança e estava a caminho do estádio.
A facção rebelde, a detecção de fraudes e a recepção ao ministro foram temas da semana.
O pacto, o impacto, a ficção, a opção, o helicóptero e o egípcio; o ótimo e o atual.
A partir de segunda-feira, a equipe volta a treinar; a reunião começa à uma hora.
O anti-inflamatório, o micro-ondas, o vice-presidente e o ex-ministro falaram à imprensa.
Em relação a isso, devido a problemas técnicos e graças a uma falha, o voo foi cancelado.
O álbum Greatest Hits, a pole position, o smartphone, a stand-up comedy e o streaming.
A cana-de-açúcar e o pé-de-meia; daqui a dois anos, de dois a três dias, à uma hora.
O piloto Antônio venceu em 1min07s508; o grupo Actual Records lançou o disco no IPCA.
Eles creem que o herói tem ideias; os anéis e os papéis ficaram no chapéu.
"""

CLEAN_PT = """\
A secção de desporto noticiou o facto, e o contacto com a direção foi feito ontem.
O governo está a preparar um pacote; a receção ao ministro foi no rés-do-chão.
A ajuda económica e o fenómeno raro; a equipa treinou no relvado em Lisboa.
Perante a dúvida, o melhor é ligar; o utilizador do telemóvel viu o ecrã.
O futsal, a videochamada e o apagão; o Benfica e Pequim, o Nuno e a Irão.
A autoestima, a infraestrutura e o autocarro; o stresse e as secções.
No fim-de-semana, a mão-de-obra e o dia-a-dia da equipa.
"""


@pytest.fixture(scope="module")
def providers():
    p = Providers(Config(language="pt"))
    for need in ("lexicon", "dictionary"):
        reason = p.unavailable(need)
        if reason:
            pytest.skip(reason)
    return p


def _run(providers, text, variant):
    ctx = CheckContext(Config(language="pt", variant=variant), providers)
    doc = Document("t.txt", text, language="pt", variant=variant or None)
    return [(c.code, text[h.start:h.end]) for c in CHECKS for h in c.run(doc, ctx)]


@pytest.mark.parametrize("variant", ["BR", ""])
def test_clean_brazilian_text_is_silent(providers, variant):
    assert _run(providers, CLEAN_BR, variant) == []


@pytest.mark.parametrize("variant", ["PT", ""])
def test_clean_european_text_is_silent(providers, variant):
    assert _run(providers, CLEAN_PT, variant) == []


def test_planted_errors(providers):
    text = ("Na actualização do site, a direcção saiu devido a greve dos técnicos. "
            "A loja pode estar a perder clientes à partir de hoje, disse o co-autor do vôo "
            "no fim-de-semana, a dois anos atrás.")
    got = _run(providers, text, "BR")
    assert sorted(got) == sorted([
        ("O101", "actualização"), ("O101", "direcção"), ("O104", "a greve"),
        ("O103", "estar a perder"), ("O107", "à partir"), ("O108", "co-autor"), ("O102", "vôo"),
        ("O110", "fim-de-semana"), ("O109", "a dois anos atrás"),
    ])
