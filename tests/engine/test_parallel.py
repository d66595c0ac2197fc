"""Many files run in worker processes; the result is the same as one process."""

from __future__ import annotations

from mtqa.core.config import Config
from mtqa.engine import runner
from tests.conftest import GUARD, SEEDS


def _corpus(tmp_path, n=48):
    texts = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt")) + sorted(GUARD.glob("*.txt"))]
    for i in range(n):
        (tmp_path / f"{i:03d}.txt").write_bytes(texts[i % len(texts)])
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    return tmp_path


def _key(res):
    return (
        [(f.path, f.code, f.start, f.end, f.fingerprint, f.suggestion) for f in res.findings],
        sorted((e.path, e.message) for e in res.errors),
        [d.path for d in res.documents],
    )


def test_parallel_equals_serial(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "PARALLEL_MIN_FILES", 10)
    root = _corpus(tmp_path)
    assert runner._workers(Config(jobs=2), 49, False, False) == 2
    serial = runner.run([str(root)], Config(language="pt", variant="BR", jobs=1), use_review=False)
    parallel = runner.run([str(root)], Config(language="pt", variant="BR", jobs=2), use_review=False)
    assert _key(parallel) == _key(serial)
    assert len(serial.findings) > 50 and len(serial.errors) == 1
    assert parallel.signature == serial.signature


def test_few_files_stdin_or_round_trip_stay_in_process():
    cfg = Config(jobs=4)
    assert runner._workers(cfg, runner.PARALLEL_MIN_FILES - 1, False, False) == 1
    assert runner._workers(cfg, 400, True, False) == 1
    assert runner._workers(cfg, 400, False, True) == 1
    cfg.roundtrip.enabled = True
    assert runner._workers(cfg, 400, False, False) == 1


def test_the_signature_says_which_checks_and_options_ran():
    eng_a = runner.Engine(Config(language="pt", variant="BR", ignore=["D103"]))
    eng_b = runner.Engine(Config(language="pt", variant="BR", ignore=["S101"]))
    a, b = runner.signature(eng_a.config, eng_a), runner.signature(eng_b.config, eng_b)
    assert a["checks"] == b["checks"]  # as many checks
    assert a["codes"] != b["codes"] and a["config"] != b["config"]  # but not the same ones
    assert a["data"] == b["data"]
    eng_c = runner.Engine(Config(language="pt", variant="BR", ignore=["D103"], jobs=4))
    assert runner.signature(eng_c.config, eng_c) == a  # how many workers changes no finding
