"""The glossary's regex safety check (mtqa.core.glossary.backtracking_risk) applied to every
list of the check data and of the named sets, not only to glossaries: a pattern that can
backtrack catastrophically must not ship anywhere."""

from __future__ import annotations

from importlib import resources

import pytest

from mtqa.checks.data import load
from mtqa.core.glossary import backtracking_risk
from mtqa.lang import named_set, set_names

FAMILIES = sorted(p.name[:-5] for p in resources.files("mtqa.checks.data").iterdir()
                  if p.name.endswith(".yaml"))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("family", FAMILIES)
def test_no_data_pattern_can_backtrack_catastrophically(family):
    risky = {}
    for key, value in load(family).items():
        for s in _strings(value):
            try:
                why = backtracking_risk(s)
            except Exception:  # noqa: BLE001 - a plain word is not a regex; nothing to check
                why = None
            if why:
                risky[f"{key}: {s}"] = why
    assert not risky, risky


def test_the_check_knows_a_catastrophic_pattern():
    assert backtracking_risk(r"(?:a+)+!")
    assert backtracking_risk(r"(?:\s*\w+\s*)*x")
    assert not backtracking_risk(r"(?:foo|bar)\s+baz")


def test_no_named_set_entry_is_a_risky_pattern():
    assert not [w for w in (x for n in set_names("pt") for x in named_set("pt", n)) if backtracking_risk(w)]
