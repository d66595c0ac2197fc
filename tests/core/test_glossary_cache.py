"""Parsed glossary files are cached by content as JSON; a stale, corrupt, forged or oversized
cache entry is ignored and rebuilt, and nothing in the cache folder is ever executed."""

from __future__ import annotations

import json
import os
import pickle

import pytest

from mtqa.core import glossary as g


@pytest.fixture
def exonyms(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    src = sorted(g.shipped_dir().rglob("exonyms.yaml"))[0]
    f = tmp_path / "exonyms.yaml"
    f.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return f


def _cached(tmp_path):
    return sorted((tmp_path / "cache" / "glossaries").iterdir())


def test_cache_hit_equals_fresh_parse_and_tracks_content(tmp_path, exonyms):
    f = exonyms
    fresh = g.load_file(f, cache=False)
    first = g.load_file(f)
    (cached,) = _cached(tmp_path)
    assert cached.suffix == ".json" and json.loads(cached.read_text(encoding="utf-8"))["format"]
    second = g.load_file(f)
    assert second == fresh == first  # every field of the glossary, its entries and examples
    assert [e.key_lines for e in second.entries] == [e.key_lines for e in fresh.entries]
    # Corrupt the cache entry: the file is parsed again.
    cached.write_bytes(b"not json")
    assert g.load_file(f) == fresh
    # Change the file: a new cache entry, new content.
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("pair: en-pt", "pair: en-pt_BR", 1), encoding="utf-8")
    assert g.load_file(f).pair == "en-pt_BR"


def test_every_shipped_glossary_round_trips_through_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    for f in g.glossary_files([g.shipped_dir()]):
        fresh = g.load_file(f, cache=False)
        g.load_file(f)
        assert g.load_file(f) == fresh, f


def _forge(cached, change):
    d = json.loads(cached.read_text(encoding="utf-8"))
    change(d)
    cached.write_text(json.dumps(d), encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["entries"][0].update(kind="nonsense"),
        lambda d: d["entries"][0].update(id="Not An Id"),
        lambda d: d["entries"][0].update(terms=["ok", 3]),
        lambda d: d["entries"][0].update(line="4"),
        lambda d: d["entries"][0].update(file="/elsewhere.yaml"),
        lambda d: d["entries"][0].update(severity="fatal"),
        lambda d: d["entries"][0].update(replace={"a": ["b"]}),
        lambda d: d["entries"][0].update(patterns=["(?:a{1,10}){1,10}!!"]),  # would hang lint
        lambda d: d["entries"][0].update(context=[{"near": ["(a+)+$"], "window": 6, "before": "", "after": ""}]),
        lambda d: d["entries"][0]["examples"][0].update(fires="yes"),
        lambda d: d["entries"][0].update(extra=1),
        lambda d: d.update(digest="0" * 64),  # of another text
        lambda d: d.update(key="0" * 64),
        lambda d: d.update(entries={}),
        lambda d: d.update(format="other"),
    ],
)
def test_a_forged_cache_entry_is_ignored(tmp_path, exonyms, change):
    fresh = g.load_file(exonyms, cache=False)
    g.load_file(exonyms)
    (cached,) = _cached(tmp_path)
    # a well-formed change is read (the cache is used) ...
    _forge(cached, lambda d: d["entries"][0].update(message="changed in the cache"))
    assert g.load_file(exonyms).entries[0].message == "changed in the cache"
    # ... one field of the wrong type or value and the file is parsed again
    _forge(cached, change)
    assert g.load_file(exonyms) == fresh


class _Payload:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.makedirs, (self.marker,))


def test_a_planted_pickle_fifo_symlink_or_oversized_file_is_not_read(tmp_path, exonyms, monkeypatch):
    fresh = g.load_file(exonyms, cache=False)
    g.load_file(exonyms)
    (cached,) = _cached(tmp_path)
    good = cached.read_bytes()
    marker = tmp_path / "ran"
    cached.write_bytes(pickle.dumps(_Payload(str(marker))))
    assert g.load_file(exonyms) == fresh and not marker.exists()
    # the rebuilt file is JSON again; over the size limit it is not read at all
    assert cached.read_bytes() == good
    monkeypatch.setattr(g, "CACHE_MAX_BYTES", len(good) - 1)
    assert g._read_bounded(cached, g.CACHE_MAX_BYTES) is None
    monkeypatch.undo()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(good)
    cached.unlink()
    cached.symlink_to(elsewhere)
    assert g._read_bounded(cached, g.CACHE_MAX_BYTES) is None
    cached.unlink()
    os.mkfifo(cached)  # opening it must not block
    assert g._read_bounded(cached, g.CACHE_MAX_BYTES) is None


def test_the_cache_folder_is_bounded_and_old_pickles_are_removed(tmp_path, exonyms, monkeypatch):
    monkeypatch.setattr(g, "CACHE_MAX_FILES", 3)
    folder = tmp_path / "cache" / "glossaries"
    folder.mkdir(parents=True)
    (folder / "0123.pickle").write_bytes(b"old")
    text = exonyms.read_text(encoding="utf-8")
    for i in range(5):
        exonyms.write_text(text + f"\n# edit {i}\n", encoding="utf-8")
        g.load_file(exonyms)
    files = _cached(tmp_path)
    assert [p.suffix for p in files] == [".json"] * 3
    digests = {json.loads(p.read_text(encoding="utf-8"))["digest"] for p in files}
    assert g.load_file(exonyms, cache=False).digest in digests  # the newest is kept
