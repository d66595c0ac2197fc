"""The SQLite translation cache: keys, location, parallel processes, stats and clear."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from mtqa.core.config import Config
from mtqa.providers.cache import FILENAME, TranslationCache, default_path, open_cache


def test_round_trip_and_key_separation(tmp_path):
    c = TranslationCache(tmp_path / "t.sqlite3")
    c.put_many("bergamot", "m1", "pt", "en", [("olá", "hello"), ("mundo", "world")])
    assert c.get_many("bergamot", "m1", "pt", "en", ["olá", "mundo", "nada"]) == {
        "olá": "hello", "mundo": "world"}
    # Another backend, model or direction never sees these entries.
    assert c.get_many("google", "m1", "pt", "en", ["olá"]) == {}
    assert c.get_many("bergamot", "m2", "pt", "en", ["olá"]) == {}
    assert c.get_many("bergamot", "m1", "en", "pt", ["olá"]) == {}
    assert c.hits == 2 and c.misses == 4


def test_wal_mode(tmp_path):
    c = TranslationCache(tmp_path / "t.sqlite3")
    assert c._conn().execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _writer(path: str, worker: int) -> None:
    c = TranslationCache(path)
    for i in range(50):
        c.put_many("fake", "m", "pt", "en", [(f"w{worker}-{i}", f"t{i}"), ("shared", "same")])


def test_parallel_processes_write_safely(tmp_path):
    path = str(tmp_path / "t.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    st = TranslationCache(path).stats()
    assert st["entries"] == 3 * 50 + 1


def test_location_precedence(tmp_path):
    cfg = Config()
    cfg.roundtrip.cache = str(tmp_path / "cfg.sqlite3")
    assert default_path(cfg, {"MTQA_CACHE_DIR": str(tmp_path / "env")}) == tmp_path / "env" / FILENAME
    assert default_path(cfg, {}) == tmp_path / "cfg.sqlite3"
    assert default_path(Config(), {"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "mtqa" / FILENAME


def test_stats_and_clear(tmp_path):
    c = TranslationCache(tmp_path / "t.sqlite3")
    c.put_many("bergamot", "m", "pt", "en", [("a", "b")])
    c.put_many("google", "online", "pt", "en", [("a", "c"), ("d", "e")])
    st = c.stats()
    assert st["entries"] == 3 and {g["backend"] for g in st["groups"]} == {"bergamot", "google"}
    assert c.clear("google") == 2
    assert c.stats()["entries"] == 1
    assert c.clear() == 1


def test_unusable_location_falls_back_to_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = open_cache(Config(), {"MTQA_CACHE_DIR": str(blocker / "sub")})
    assert Path(str(cache.path)) == Path(":memory:")
    assert "cannot be opened" in cache.problem
    cache.put_many("x", "m", "pt", "en", [("a", "b")])
    assert cache.get_many("x", "m", "pt", "en", ["a"]) == {"a": "b"}


def test_cli_stats_and_clear(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from mtqa.cli.cache import cache as cache_cmd

    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path))
    TranslationCache(tmp_path / FILENAME).put_many("bergamot", "m", "pt", "en", [("a", "b")])
    r = CliRunner().invoke(cache_cmd, ["stats", "--isolated"])
    assert r.exit_code == 0 and "entries: 1" in r.output and "bergamot" in r.output
    r = CliRunner().invoke(cache_cmd, ["clear", "--yes", "--isolated"])
    assert r.exit_code == 0
    assert TranslationCache(tmp_path / FILENAME).stats()["entries"] == 0


def test_a_locked_database_is_waited_for_not_fatal(monkeypatch):
    """SQLite answers "database is locked" at once in a few cases the busy timeout does not
    cover (two processes switching a new file to WAL): those steps are retried."""
    import sqlite3

    from mtqa.providers import cache as cache_mod

    calls = []

    def step():
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert cache_mod._when_free(step, patience=5) == "done" and len(calls) == 3

    def broken():
        raise sqlite3.OperationalError("no such table: translations")

    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        cache_mod._when_free(broken, patience=5)

    def always_locked():
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError, match="locked"):
        cache_mod._when_free(always_locked, patience=0.05)


# --- the cache folder is data, never code -------------------------------------------------------

_PLANT = """
import os, pickle, sys
from pathlib import Path

class Payload:
    def __init__(self, marker):
        self.marker = marker
    def __reduce__(self):
        return (os.makedirs, (self.marker,))

cache, markers = Path(sys.argv[1]), Path(sys.argv[2])
names = {p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file()}
names |= {"dictionary-answers.pickle", "dictionary-answers.json", "lexicon-pt.pickle"}
for name in sorted(names):
    marker = markers / name.replace("/", "__")
    (cache / name).parent.mkdir(parents=True, exist_ok=True)
    (cache / name).write_bytes(pickle.dumps({"version": 1, "tags": {}, "x": Payload(str(marker))}))
print("\\n".join(sorted(names)))
"""


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """Lint once to fill a cache folder, replace every file in it (and the names older versions
    used) with a pickle whose loading creates a marker, lint again: the markers that exist name
    the cache files whose loader ran the payload."""
    import os
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("planted")
    cache, markers = root / "cache", root / "markers"
    markers.mkdir()
    article = root / "a.txt"
    article.write_text("O presidente disse ontem que a Coréia do Norte vai abrir a fronteira.\n",
                       encoding="utf-8")
    env = {**os.environ, "MTQA_CACHE_DIR": str(cache)}
    env.pop("MTQA_NO_DICT_MEMO", None)
    lint = [sys.executable, "-m", "mtqa", "lint", "--isolated", "--language", "pt-BR",
            "--exit-zero", "--no-progress", str(article)]
    first = subprocess.run(lint, capture_output=True, text=True, env=env, timeout=180, cwd=root)
    assert first.returncode == 0, first.stderr
    plant = subprocess.run([sys.executable, "-c", _PLANT, str(cache), str(markers)],
                           capture_output=True, text=True, timeout=60, check=True)
    names = plant.stdout.split()
    second = subprocess.run(lint, capture_output=True, text=True, env=env, timeout=180, cwd=root)
    ran = {p.name.replace("__", "/") for p in markers.iterdir()}
    return names, ran, first, second


def test_a_planted_dictionary_memo_pickle_runs_nothing(planted):
    names, ran, first, second = planted
    assert "dictionary-answers.json" in names  # the first run wrote the memo
    assert not {n for n in ran if n.startswith("dictionary-answers")}
    assert second.returncode == 0 and second.stdout == first.stdout  # same findings


def test_no_file_planted_in_the_cache_folder_runs_code(planted):
    from mtqa.providers.lexicon import LEXICON_PATHS

    names, ran, first, second = planted
    # the files the first run wrote were replaced too: the parsed glossaries, the lexicon
    assert any(n.startswith("glossaries/") and n.endswith(".json") for n in names)
    if any(p.is_file() for p in LEXICON_PATHS["pt"]):
        assert "lexicon-pt.json" in names
    assert ran == set(), f"loading ran a planted pickle: {sorted(ran)}"
    assert second.returncode == 0 and second.stdout == first.stdout  # rebuilt: same findings
