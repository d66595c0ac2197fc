"""The parse of mtqa's YAML data files is kept as JSON across runs: a cache hit gives what PyYAML
gives, a changed file is parsed again, and a foreign, corrupt, oversized or planted cache file is
ignored and rebuilt."""

from __future__ import annotations

import json
import os
from importlib import resources

import pytest
import yaml

from mtqa.core import datacache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "data"


def _files(folder):
    return sorted(folder.iterdir()) if folder.exists() else []


def _parse(text):
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@pytest.mark.parametrize("family", ["boilerplate", "capitalization", "rules", "word_order"])
def test_a_cache_hit_is_the_parse_of_the_shipped_file(cache, family):
    text = resources.files("mtqa.checks.data").joinpath(f"{family}.yaml").read_text(encoding="utf-8")
    name = f"mtqa/checks/data/{family}.yaml"
    first = datacache.load_yaml_data(text, name)
    (f,) = _files(cache)
    assert json.loads(f.read_text(encoding="utf-8"))["format"] == datacache.FORMAT
    assert datacache.load_yaml_data(text, name) == first == _parse(text)


def test_the_cache_answers_instead_of_yaml_and_follows_the_text(cache, monkeypatch):
    text = "months:\n  pt: [janeiro, fevereiro]\n"
    assert datacache.load_yaml_data(text, "x.yaml") == {"months": {"pt": ["janeiro", "fevereiro"]}}

    def no_yaml(*a, **k):
        raise AssertionError("parsed again")

    with monkeypatch.context() as m:
        m.setattr(yaml, "load", no_yaml)
        assert datacache.load_yaml_data(text, "x.yaml") == {"months": {"pt": ["janeiro", "fevereiro"]}}
    # Another text, or the same text under another name, is another entry.
    assert datacache.load_yaml_data(text.replace("fevereiro", "março"), "x.yaml")["months"]["pt"][1] == "março"
    datacache.load_yaml_data(text, "y.yaml")
    assert len(_files(cache)) == 3


@pytest.mark.parametrize("content", [b"", b"not json", b"[1, 2]", b"\xff\xfe", b"[" * 100_000,
                                     b'{"format": "mtqa-data-cache/1", "name": "x.yaml"}'])
def test_a_corrupt_or_foreign_cache_file_is_ignored_and_rebuilt(cache, content):
    text = "a: [b, c]\n"
    datacache.load_yaml_data(text, "x.yaml")
    (f,) = _files(cache)
    f.write_bytes(content)
    assert datacache.load_yaml_data(text, "x.yaml") == {"a": ["b", "c"]}
    assert json.loads(f.read_text(encoding="utf-8"))["data"] == {"a": ["b", "c"]}


def test_a_file_for_another_text_planted_under_the_key_is_ignored(cache):
    text = "a: [b, c]\n"
    datacache.load_yaml_data(text, "x.yaml")
    (f,) = _files(cache)
    d = json.loads(f.read_text(encoding="utf-8"))
    d["digest"] = "0" * 64
    d["data"] = {"a": ["planted"]}
    f.write_text(json.dumps(d), encoding="utf-8")
    assert datacache.load_yaml_data(text, "x.yaml") == {"a": ["b", "c"]}


def test_an_oversized_or_non_regular_cache_file_is_not_read(cache, monkeypatch):
    text = "a: [b]\n"
    datacache.load_yaml_data(text, "x.yaml")
    (f,) = _files(cache)
    monkeypatch.setattr(datacache, "MAX_BYTES", 10)
    monkeypatch.setattr(yaml, "load", lambda *a, **k: {"a": ["parsed"]})
    assert datacache.load_yaml_data(text, "x.yaml") == {"a": ["parsed"]}
    f.unlink()
    os.mkfifo(f)  # a FIFO planted as the entry must not hang the reader
    monkeypatch.setattr(datacache, "MAX_BYTES", 4_000_000)
    assert datacache.load_yaml_data(text, "x.yaml") == {"a": ["parsed"]}


@pytest.mark.parametrize("text", ["1: a\n", "d: 2024-01-02\n", "s: !!set {a: null}\n", "x: .inf\n",
                                  "[a, {2: b}]\n"])
def test_a_parse_json_cannot_hold_exactly_is_never_cached(cache, text):
    first = datacache.load_yaml_data(text, "x.yaml")
    assert first == _parse(text)
    assert _files(cache) == []
    assert datacache.load_yaml_data(text, "x.yaml") == first


def test_the_folder_keeps_at_most_max_files(cache, monkeypatch):
    monkeypatch.setattr(datacache, "MAX_FILES", 3)
    for i in range(6):
        datacache.load_yaml_data(f"a: [{i}]\n", "x.yaml")
    assert len(_files(cache)) == 3


def _same(a, b):
    """Equal values, with the same types and, for mappings, the same line numbers."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return (a.line == b.line and a.key_lines == b.key_lines and list(a) == list(b)
                and all(_same(a[k], b[k]) for k in a))
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return a == b


def test_the_phrase_rules_parse_is_cached_with_its_line_numbers(cache, monkeypatch):
    from mtqa.core import glossary as g

    text = resources.files("mtqa.checks.data").joinpath("rules.yaml").read_text(encoding="utf-8")
    fresh = g.parse_yaml(text, "mtqa/checks/data/rules.yaml")
    first = g.parse_yaml_cached(text, "mtqa/checks/data/rules.yaml")
    with monkeypatch.context() as m:
        m.setattr(g, "parse_yaml", lambda *a: pytest.fail("parsed again"))
        second = g.parse_yaml_cached(text, "mtqa/checks/data/rules.yaml")
    assert _same(fresh, first) and _same(fresh, second)
    assert second["rules"][0].line == fresh["rules"][0].line > 1
    # A planted or broken entry is ignored and the text parsed again.
    (f,) = _files(cache)
    for junk in ({"m": [1, {}, [["rules", {"x": 1}]]]}, {"s": {"a": 1}}, {"l": 5}, [1]):
        d = json.loads(f.read_text(encoding="utf-8"))
        d["data"] = junk
        f.write_text(json.dumps(d), encoding="utf-8")
        assert _same(g.parse_yaml_cached(text, "mtqa/checks/data/rules.yaml"), fresh)


def test_a_yaml_error_is_raised_from_a_fresh_parse_and_nothing_is_cached(cache):
    from mtqa.core import glossary as g
    from mtqa.core.errors import ConfigError

    with pytest.raises(ConfigError) as exc:
        g.parse_yaml_cached("a: 1\na: 2\n", "r.yaml")
    assert exc.value.line == 2
    assert _files(cache) == []
    assert g.parse_yaml_cached("d: 2024-01-02\n", "r.yaml")["d"].year == 2024  # not cacheable
    assert _files(cache) == []
