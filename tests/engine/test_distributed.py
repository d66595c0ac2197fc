"""Dask: a LocalCluster on 127.0.0.1 finds what a local run finds, in the same order, and
`mtqa lint --scheduler` streams JSON Lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from mtqa.core.config import Config  # noqa: E402
from mtqa.engine.distributed import run_distributed  # noqa: E402
from mtqa.engine.runner import run  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=40) as c:
        yield c


def _folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for p in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "guard" / "pt_BR").glob("*.txt"))[:12]]:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "zz_empty.txt").write_text("   \n", encoding="utf-8")
    return folder


def test_same_findings_same_order_as_a_local_run(cluster, tmp_path_factory):
    folder = _folder(tmp_path_factory)
    cfg = Config()
    local = run([str(folder)], cfg)
    with distributed.Client(cluster) as client:
        items = list(run_distributed([str(folder)], cfg, client, chunk=3))
    remote = [f.to_dict() for it in items for f in it.findings]
    assert remote == [f.to_dict() for f in local.findings]
    assert [it.path for it in items if it.document is not None] == [d.path for d in local.documents]
    assert [(e.path, e.message) for it in items for e in it.errors] == [(e.path, e.message) for e in local.errors]
    assert {it.document.language for it in items if it.document is not None} >= {"pt", "en", "it"}


def test_cli_scheduler_streams_jsonl(cluster, tmp_path):
    (tmp_path / "a.txt").write_text("O líder norte -coreano chegou.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Um texto limpo e sem problemas, escrito com cuidado.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "mtqa", "lint", "--isolated", "--language", "pt-BR", str(tmp_path),
                          "--scheduler", cluster.scheduler_address, "--format", "jsonl"],
                         capture_output=True, text=True, timeout=300)
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert out.returncode == 1, out.stderr
    assert [Path(x["path"]).name for x in lines] == ["a.txt", "b.txt"]
    assert [f["code"] for f in lines[0]["findings"]] == ["S101"] and lines[1]["findings"] == []


def test_the_engine_key_is_a_stable_hash_of_the_configuration():
    """Workers reuse an engine per configuration hash: equal configurations get one key whatever
    order their tables were read in, a changed value another; the hash is of sorted JSON, so no
    pickle is involved."""
    import inspect

    from mtqa.engine import distributed as dist

    a, b = Config(), Config()
    a.severity = {"G101": "error", "L101": "info"}
    b.severity = {"L101": "info", "G101": "error"}
    assert dist._digest(a) == dist._digest(b) == dist._digest(Config(severity=dict(a.severity)))
    b.severity["L101"] = "warning"
    assert dist._digest(a) != dist._digest(b)
    assert dist._digest(Config()) != dist._digest(Config(language="it"))
    assert "pickle" not in inspect.getsource(dist)
