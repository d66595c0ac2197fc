"""The rule families' word and phrase lists are well-formed data."""

from __future__ import annotations

import re

import pytest

from mtqa.checks import all_checks
from mtqa.checks.data import load, per_language

FAMILIES = ("boilerplate", "capitalization", "repetition", "truncation")


@pytest.mark.parametrize("family", FAMILIES)
def test_every_table_is_text_per_language(family):
    data = load(family)
    assert data
    for key, table in data.items():
        assert isinstance(table, dict), f"{family}.{key} must be a per-language table"
        for lang, items in per_language(family, key).items():
            assert re.fullmatch(r"[a-z]{2}", lang), (family, key, lang)
            assert items, (family, key, lang)
            assert all(isinstance(x, str) and x == x.strip() and x for x in items)


@pytest.mark.parametrize(
    ("family", "key"), [("boilerplate", "follow_share")]
)
def test_regular_expressions_compile(family, key):
    for items in per_language(family, key).values():
        for rx in items:
            re.compile(rx.replace("N", r"\d+"))


def test_bare_yaml_booleans_are_refused(monkeypatch):
    from mtqa.checks import data

    monkeypatch.setattr(data, "load", lambda family: {"k": {"en": ["yes", False]}})
    with pytest.raises(ValueError, match="non-text"):
        data.per_language("x", "k")


def test_language_specific_checks_have_data_for_their_languages():
    needs = {
        "U101": ("capitalization", "function_words"),
        "U102": ("capitalization", "function_words"),
        "T101": ("truncation", "completion_endings"),
    }
    for c in all_checks():
        if c.code in needs:
            table = per_language(*needs[c.code])
            assert set(c.languages) <= set(table), c.code


def test_every_data_file_loads_without_yaml_booleans():
    """Every family file loads; a bare ``no`` in a list (read by YAML as False) is refused at
    load time, naming the file and the key (it once dropped the word ``no`` from three lists
    read with ``load(...).get(key)``, which per_language's check never saw)."""
    from importlib import resources

    names = sorted(p.name[:-5] for p in resources.files("mtqa.checks.data").iterdir()
                   if p.name.endswith(".yaml"))
    assert "spacing" in names and "gender" in names
    for family in names:
        assert isinstance(load(family), dict)


def test_load_refuses_a_boolean_in_a_list():
    from mtqa.checks.data import _no_booleans

    _no_booleans({"glue_words": {"pt": ["do", "no"]}}, "x.yaml", [])
    with pytest.raises(ValueError, match=r"x\.yaml: item 1 of glue_words\.pt is the boolean False"):
        _no_booleans({"glue_words": {"pt": ["do", False]}}, "x.yaml", [])
