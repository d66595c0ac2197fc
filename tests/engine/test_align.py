"""Source-aware mode: the monotone sentence alignment and the A1xx checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.checks import CheckContext, all_checks
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.core.text import load_document
from mtqa.engine.align import Aligner, align
from mtqa.providers import Providers

DATA = Path(__file__).resolve().parents[1] / "data" / "aligned"


def overlap(h: str, r: str) -> float:
    """A toy similarity: shared words, 0-100."""
    a, b = set(h.lower().split()), set(r.lower().split())
    return 100.0 * len(a & b) / max(1, len(a | b))


def test_align_handles_every_bead_kind():
    mt = ["a b c d", "e f g h", "i j k l m n o p", "q r s t"]
    target = ["a b c d", "zz yy xx ww", "i j k l", "m n o p", "q r s t"]
    beads = [(s, t) for s, t, _ in align(mt, mt, target, score=overlap)]
    assert beads[0] == ((0,), (0,)) and beads[3:] == [((2,), (2, 3)), ((3,), (4,))]
    # An omission next to an addition: either order is the same alignment.
    assert set(beads[1:3]) == {((1,), ()), ((), (1,))}


def test_align_2_to_1_and_empty_sides():
    mt = ["a b c", "d e f", "g h"]
    target = ["a b c d e f", "g h"]
    assert [(s, t) for s, t, _ in align(mt, mt, target, score=overlap)] == [((0, 1), (0,)), ((2,), (1,))]
    assert align([], [], ["x"], score=overlap) == [((), (0,), 0.0)]
    assert align(["x"], ["x"], [], score=overlap) == [((0,), (), 0.0)]


@pytest.fixture(scope="module")
def providers(request):
    cfg = Config(language="pt", variant="BR")
    cfg.roundtrip.cache = str(request.config.cache.mkdir("mtqa-roundtrip") / "t.sqlite3")
    prov = Providers(cfg)
    reason = prov.unavailable("translator")
    if reason:
        pytest.skip(reason)
    return prov


def _run(target_text: str, source_text: str, providers, tmp_path, code: str):
    src = tmp_path / "src.en.txt"
    src.write_text(source_text, encoding="utf-8")
    tgt = tmp_path / "tgt.pt.txt"
    tgt.write_text(target_text, encoding="utf-8")
    cfg = providers.config
    aligner = Aligner.from_paths([str(tgt)], str(src), None, cfg).bind(providers)
    providers.set("aligner", aligner)
    doc = load_document(tgt, language="pt", variant="BR")
    chk = next(c for c in all_checks() if c.code == code)
    return chk.run(doc, CheckContext(cfg, providers))


CASES = [
    pytest.param(c, ex, id=f"{c.code}-{'bad' if ex.fires else 'good'}{i}")
    for c in all_checks() if c.code.startswith("A")
    for i, ex in enumerate(c.examples)
]


@pytest.mark.parametrize(("chk", "ex"), CASES)
def test_alignment_check_examples(chk, ex, providers, tmp_path):
    hits = _run(ex.plain, ex.config["source_text"], providers, tmp_path, chk.code)
    assert sorted((h.start, h.end) for h in hits) == sorted(ex.spans), (chk.code, ex.text)
    if ex.suggest is not None:
        assert [h.suggestion for h in hits] == [ex.suggest] * len(hits)


def test_aligned_seed_pair(providers):
    cfg = providers.config
    tgt = DATA / "kim_putin.pt.txt"
    aligner = Aligner.from_paths([str(tgt)], str(DATA / "kim_putin.en.txt"), None, cfg).bind(providers)
    doc = load_document(tgt, language="pt", variant="BR")
    al = aligner.alignment(doc)
    shape = [(len(b.source), len(b.target)) for b in al.beads]
    assert shape == [(1, 1), (1, 0), (1, 1), (1, 1), (0, 1), (1, 2)], shape
    assert "Soviet army" in al.omissions[0].source[0].text
    assert "Nesta situação" in al.additions[0].target[0].text
    assert doc.meta["source"]["omitted"] == 1 and doc.meta["source"]["added"] == 1


def test_pairs_file_and_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Olá.", encoding="utf-8")
    (tmp_path / "a.en").write_text("Hello.", encoding="utf-8")
    pairs = tmp_path / "pairs.txt"
    pairs.write_text("# target source\na.txt a.en\n", encoding="utf-8")
    al = Aligner.from_paths([str(tmp_path / "a.txt")], None, str(pairs), Config())
    assert al.source_for(Document(str(tmp_path / "a.txt"), "Olá.")) == str(tmp_path / "a.en")
    pairs.write_text("a.txt\n", encoding="utf-8")
    from mtqa.core.errors import InputError

    with pytest.raises(InputError, match=r"pairs.txt:1"):
        Aligner.from_paths([str(tmp_path / "a.txt")], None, str(pairs), Config())


def test_lint_with_source(tmp_path, monkeypatch, request):
    from click.testing import CliRunner

    from mtqa.cli.lint import lint

    monkeypatch.setenv("MTQA_CACHE_DIR", str(request.config.cache.mkdir("mtqa-roundtrip")))
    r = CliRunner().invoke(lint, [str(DATA / "kim_putin.pt.txt"), "--source", str(DATA / "kim_putin.en.txt"),
                                  "--isolated", "--language", "pt", "--variant", "BR", "--select", "A",
                                  "--exit-zero"])
    assert r.exit_code == 0, r.output
    assert "A101" in r.output and "A102" in r.output


def _lint_pair(target: Path, source: Path, providers):
    import copy

    from mtqa.engine.runner import Engine, run

    cfg = copy.deepcopy(providers.config)
    cfg.select = ["A105"]
    engine = Engine(cfg, providers=providers)
    providers.set("aligner", Aligner.from_paths([str(target)], str(source), None, cfg).bind(providers))
    return run([str(target)], cfg, engine=engine)


def test_source_term_on_the_aligned_pair(providers, tmp_path):
    """The aligned pair renders `Security Council` correctly (inside a 1-2 bead); the `Korean
    Peninsula` sentence is omitted, which is A101's finding, not A105's. With the term garbled,
    A105 reports the whole 1-2 bead with the required term as suggestion."""
    res = _lint_pair(DATA / "kim_putin.pt.txt", DATA / "kim_putin.en.txt", providers)
    assert not res.errors and not res.skipped, (res.errors, res.skipped)
    assert res.findings == []

    text = (DATA / "kim_putin.pt.txt").read_text(encoding="utf-8")
    assert text.count("Conselho de Segurança") == 1
    garbled = tmp_path / "kim_putin.pt.txt"
    garbled.write_text(text.replace("Conselho de Segurança", "Conselho de Seguridade"), encoding="utf-8")
    res = _lint_pair(garbled, DATA / "kim_putin.en.txt", providers)
    assert len(res.findings) == 1, res.findings
    f = res.findings[0]
    doc = res.documents[0]
    start = doc.text.index("A Coreia do Norte está sob")
    end = doc.text.index("agressão na Ucrânia.") + len("agressão na Ucrânia.")
    assert (f.code, f.start, f.end) == ("A105", start, end)
    assert f.suggestion == "Conselho de Segurança"
    assert "“Security Council”" in f.message
    assert f.evidence["entry"] == "term-security-council"


def test_source_term_per_pair_not_per_document(providers, tmp_path):
    """A required term present in another sentence of the target does not excuse a pair that
    lacks it, and each entry is reported once per pair."""
    src = ("Russia vetoed the draft at the Security Council on Monday. "
           "Diplomats said the Security Council would vote again, and the Security Council chair agreed.")
    tgt = ("A Rússia vetou o projeto no Conselho de Segurança na segunda-feira. "
           "Diplomatas disseram que o Conselho de Seguridade votaria de novo, e o presidente do conselho concordou.")
    hits = _run(tgt, src, providers, tmp_path, "A105")
    second = tgt.index("Diplomatas")
    assert [(h.start, h.end, h.suggestion) for h in hits] == [(second, len(tgt), "Conselho de Segurança")]


def test_source_term_uses_the_configured_glossaries(providers, tmp_path):
    """Entries come from the glossary provider: a configured glossary with its own term entry is
    used, and the shipped entries are not."""
    gl = tmp_path / "mine.yaml"
    gl.write_text(
        "schema: mtqa-glossary/1\npair: en-pt\nentries:\n"
        "- id: term-kremlin\n  kind: term\n  source: [Kremlin]\n  target: [Kremlin]\n"
        "  message: the Kremlin\n  examples:\n"
        "  - bad: o palácio\n    src: the [[Kremlin]]\n  - good: o Kremlin\n    src: the Kremlin\n",
        encoding="utf-8",
    )
    cfg = Config(language="pt", variant="BR")
    cfg.roundtrip.cache = providers.config.roundtrip.cache
    cfg.glossary.paths = [str(gl)]
    prov = Providers(cfg)
    prov.set("translator", providers.get("translator"))
    src = "The Kremlin said the Security Council met."
    hits = _run("O palácio presidencial disse que o Conselho de Seguridade se reuniu.", src, prov, tmp_path, "A105")
    assert [h.suggestion for h in hits] == ["Kremlin"]
