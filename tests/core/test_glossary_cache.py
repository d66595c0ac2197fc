"""Parsed glossary files are cached by content; a stale or corrupt cache entry is rebuilt."""

from __future__ import annotations

from mtqa.core import glossary as g


def test_cache_hit_equals_fresh_parse_and_tracks_content(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    src = sorted(g.shipped_dir().rglob("exonyms.yaml"))[0]
    f = tmp_path / "exonyms.yaml"
    f.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    fresh = g.load_file(f, cache=False)
    first = g.load_file(f)
    cached = list((tmp_path / "cache" / "glossaries").glob("*.pickle"))
    assert len(cached) == 1
    second = g.load_file(f)
    assert [e.id for e in second.entries] == [e.id for e in fresh.entries] == [e.id for e in first.entries]
    assert second.digest == fresh.digest
    # Corrupt the cache entry: the file is parsed again.
    cached[0].write_bytes(b"not a pickle")
    assert [e.id for e in g.load_file(f).entries] == [e.id for e in fresh.entries]
    # Change the file: a new cache entry, new content.
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("pair: en-pt", "pair: en-pt_BR", 1), encoding="utf-8")
    assert g.load_file(f).pair == "en-pt_BR"
