"""S107: a name after a title and its country, without commas."""

from __future__ import annotations

from mtqa.checks import CheckContext
from mtqa.checks.apposition import apposition_without_commas
from mtqa.core.config import Config
from mtqa.core.model import Document

CLEAN = """\
O presidente da Rússia, Vladimir Putin, recebeu o líder da Coreia do Norte, Kim Jong Un, no Kremlin.
O ministro das Relações Exteriores da China, Wang Yi, disse que o presidente russo Vladimir Putin
visitará Pequim. A primeira-ministra da Itália, Giorgia Meloni, e o chanceler da Alemanha, Olaf
Scholz, falaram com o presidente dos Estados Unidos, Joe Biden.
O embaixador do Brasil na ONU pediu a palavra; o porta-voz da Casa Branca John Kirby não comentou.
O presidente da Rússia Unida, Dmitry Medvedev, falou ao partido.
Presidente da França Emmanuel Macron visita o Brasil
"""


def test_clean_appositions_are_silent():
    doc = Document("t.txt", CLEAN, language="pt", variant="BR")
    assert list(apposition_without_commas.run(doc, CheckContext(Config(language="pt", variant="BR")))) == []


def test_suggestion_closes_the_apposition_only_where_the_sentence_goes_on():
    text = "Kim recebeu o chanceler da Rússia Sergey Lavrov. Depois, o presidente da China Xi Jinping chegou."
    doc = Document("t.txt", text, language="pt", variant="BR")
    got = [(text[h.start:h.end], h.suggestion)
           for h in apposition_without_commas.run(doc, CheckContext(Config(language="pt", variant="BR")))]
    assert got == [("Rússia Sergey Lavrov", "Rússia, Sergey Lavrov"), ("China Xi Jinping", "China, Xi Jinping,")]
