"""Two reviewers on one folder and one decisions file: nobody loses anybody's work."""

from __future__ import annotations

import multiprocessing

import pytest

from mtqa.core.config import Config
from mtqa.core.review import Decision, load_decisions, update_decisions
from mtqa.engine.runner import Engine
from mtqa.providers import Providers
from mtqa.tui.session import ReviewSession
from tests.tui.conftest import TEST_CHECKS


def _session() -> ReviewSession:
    cfg = Config(language="pt", variant="BR")
    engine = Engine(cfg, checks=list(TEST_CHECKS), providers=Providers(cfg, overrides={"langid": None}))
    s = ReviewSession(["a.txt", "b.txt", "c.txt"], cfg, engine=engine)
    s.select_document(0)
    s.ensure(1)
    return s


def test_two_sessions_keep_all_decisions_and_both_fixes(workdir):
    a, b = _session(), _session()  # both loaded the same (empty) decisions and the same texts
    a_doc0 = a.docs[0].findings
    b.decide(b.docs[1].findings[0], "dismissed", "B: a label")
    b.decide(b.docs[0].findings[2], "dismissed", "B: a name")
    a.decide(a_doc0[1], "accepted")
    saved = load_decisions(workdir / "mtqa-review.jsonl")
    assert {d.note for d in saved.values()} == {"B: a label", "B: a name", ""}, "A's write dropped B's decisions"

    # A fixes a.txt; B, whose copy of a.txt is now stale, tries another fix in it.
    hyphen = next(f for f in a.docs[0].findings if f.code == "X901")
    a.apply_suggestion(hyphen)
    fixed_by_a = (workdir / "a.txt").read_text(encoding="utf-8")
    assert "norte-coreano" in fixed_by_a
    b_hyphen = next(f for f in b.docs[0].findings if f.code == "X901")
    with pytest.raises(ValueError, match="changed on disk"):
        b.apply_suggestion(b_hyphen)
    assert (workdir / "a.txt").read_text(encoding="utf-8") == fixed_by_a, "B's fix reverted A's"
    # B's session re-read the file, so B now sees A's text and can fix something else in it.
    assert b.docs[0].doc.text == fixed_by_a
    assert not any(f.code == "X901" for f in b.docs[0].findings)
    b.apply_suggestion(next(f for f in b.docs[1].findings if f.code == "X901"))
    saved = load_decisions(workdir / "mtqa-review.jsonl")
    assert hyphen.fingerprint in saved and saved[hyphen.fingerprint].note.startswith("fixed")
    assert len(saved) == 5 and "norte-coreano" in (workdir / "a.txt").read_text(encoding="utf-8")
    assert "comprometendo-se" in (workdir / "b.txt").read_text(encoding="utf-8")

    # A's undo would overwrite nothing of B's in a.txt, so it is allowed; B's changed b.txt is
    # not A's to undo.
    assert a.undo() is not None
    assert "norte -coreano" in (workdir / "a.txt").read_text(encoding="utf-8")


def test_undo_refuses_when_the_file_changed_on_disk(workdir):
    s = _session()
    s.apply_suggestion(next(f for f in s.docs[0].findings if f.code == "X901"))
    path = workdir / "a.txt"
    path.write_text(path.read_text(encoding="utf-8") + "Um parágrafo de outra pessoa.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="changed on disk"):
        s.undo()
    assert path.read_text(encoding="utf-8").endswith("Um parágrafo de outra pessoa.\n")
    assert s.undo_stack, "the undo entry is kept for later"


def _writer(path: str, who: int, n: int) -> None:
    for i in range(n):
        fp = f"{who:02d}{i:04d}"
        update_decisions(path, {fp: Decision(fingerprint=fp, decision="dismissed", path="a.txt", code="X901")})


def test_parallel_writers_lose_nothing(tmp_path):
    path = str(tmp_path / "mtqa-review.jsonl")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 40)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    assert len(load_decisions(tmp_path / "mtqa-review.jsonl")) == 120
