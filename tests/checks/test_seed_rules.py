"""The rule families on the seed articles: the issue's acceptance criteria, with exact spans.

The expectations name seed spans; the rules themselves know nothing of these texts. The list is
the complete output of the default rule checks on the seeds, so a new false alarm fails too.
"""

from __future__ import annotations

import pytest

from tests.checks._rules import family_checks, load, run_checks
from tests.conftest import SEEDS

EXPECTED = {
    "000_26149f8cb7f5af0b.txt": [
        ("B106", 1, "."),
        ("S104", 9, " “."),
        ("B102", 13, "Consulte Mais informação:"),
        ("B102", 14, "Análise: Putin visita diplomata a dois dedos do Ocidente"),
        ("B102", 15, "Tiros de alerta após soldados norte-coreanos cruzarem a fronteira"),
        ("U103", 17, "Presidente"),
        ("B106", 20, "."),
        ("S123", 20, "."),  # the same lone '.' line: a mark at the start of a line
    ],
    "001_fd6f2ad54af50c51.txt": [
        ("S101", 7, "norte -coreano"),
        ("S101", 7, "comprometendo -se"),
        ("W101", 5, "ministro da Rússia de Relações Exteriores"),
        ("S101", 15, "norte -coreano"),
        ("B101", 29, "LEAVE A REPLY"),
        ("B101", 31, "Please enter your comment!"),
        ("B101", 32, "Please enter your name here"),
        # B130 reads the same comment-form lines under the article (one finding per span after merging)
        ("B130", 29, "LEAVE A REPLY"),
        ("B130", 32, "Please enter your name here"),
    ],
    "002_e57ce89f42530d5f.txt": [
        ("D101", 3, "Putin e Kim Jong-un firmano un accordo per aiutarsi a vicenda in caso di “aggressione”"),
        ("D101", 4, "Putin e Kim Jong-un firmano un accordo per aiutarsi a vicenda in caso di “aggressione”"),
        ("B105", 27, "For Latest Updates Follow us on Google\u00a0News"),
        ("B106", 30, "-"),
        ("B103", 32, "PREV Cherquis Bialo ha denunciato le minacce del Conmebol al giornalismo sportivo"),
        ("B103", 33, "NEXT La parola di Tronco dopo lo scandalo di Neura: “Fantino non può licenziarmi…”"),
    ],
    "003_6d09a7d39efd0df2.txt": [
        ("B108", 3, "June 19, 2024"),
        ("B104", 4, "4 mins read"),
        ("D101", 5, "Russia and North Korea sign partnership deal that appears to be the strongest "
                    "since Cold War – NewsNation"),
        ("S104", 9, " ."),
        ("S106", 13, "assistance."),
        ("S102", 35, "sovereignty ,"),
        ("S105", 35, "”"),
        ("S106", 45, "use."),
        ("U105", 45, "in"),  # 'for use. in Ukraine': the stray period leaves a lower-case start
        ("S102", 53, "Strategy ,"),
        ("B107", 61, "globo com ao vivo"),
        ("B107", 63, "o globo jornal"),
        ("B107", 65, "jornal da globo"),
        ("B107", 67, "co mm o"),
        ("B107", 69, "uol conteúdo"),
        ("B107", 71, "resultado certo rs"),
        ("B130", 61, "globo com ao vivo"),
        ("B130", 63, "o globo jornal"),
        ("B130", 65, "jornal da globo"),
        ("B130", 67, "co mm o"),
        ("B130", 69, "uol conteúdo"),
        ("B130", 71, "resultado certo rs"),
    ],
    "004_b801d8a6ae706049.txt": [
        ("D102", 1, "Jong U"),
        ("W102", 3, "reunião de Kim-Lavrov"),
        ("U101", 1, "Na"),
        ("U101", 2, "No"),
        ("S101", 2, "norte -coreana"),
        ("S101", 9, "ex -ministro"),
        ("S101", 11, "norte -coreana"),
        ("W103", 8, "região de Kursk da Rússia"),
        ("T102", 12, "Editado por:"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_findings(name):
    doc = load(SEEDS / name)
    found, skipped = run_checks(doc, family_checks())
    assert found == sorted(EXPECTED[name]), "\n".join(map(str, found))
    # Every check ran (T101 needs the hunspell dictionary, which the setup installs).
    assert not skipped, skipped


def test_seed_repeated_title_spans_are_whole_lines():
    doc = load(SEEDS / "003_6d09a7d39efd0df2.txt")
    (d101,) = [c for c in family_checks() if c.code == "D101"]
    (hit,) = list(d101.run(doc, None))
    line = doc.lines[4]
    assert (hit.start, hit.end) == (line.start, line.end)
    assert hit.args["first"] == 1


def test_seed_spaced_hyphen_suggestions():
    doc = load(SEEDS / "004_b801d8a6ae706049.txt")
    (s101,) = [c for c in family_checks() if c.code == "S101"]
    assert [h.suggestion for h in s101.run(doc, None)] == [
        "norte-coreana", "ex-ministro", "norte-coreana"
    ]
