"""Every example of every shipped glossary entry, run by one generic test.

A ``bad`` example must produce matches exactly at its ``[[marked]]`` spans, each with a suggestion
(the declared one, when given); a ``good`` example must produce none. For ``term`` entries the
marked span is the source term whose required rendering is missing from the target.
"""

from __future__ import annotations

import pytest

from mtqa.checks.glossary_terms import KIND_CODES
from mtqa.core import glossary as g
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.engine.runner import Engine

GLOSSARIES = g.load_shipped()
ENTRIES = [e for gl in GLOSSARIES for e in gl.entries]
CASES = [
    pytest.param(e, ex, id=f"{e.id}-{'bad' if ex.fires else 'good'}{i}")
    for e in ENTRIES
    for i, ex in enumerate(e.examples)
]


def test_there_are_examples():
    assert len(CASES) > 300


@pytest.mark.parametrize(("entry", "ex"), CASES)
def test_example(entry, ex):
    ok, why = g.run_example(entry, ex)
    assert ok, f"{entry.file}:{ex.line}: {entry.id}: {ex.text!r}: {why}"


_ENGINES: dict[str, Engine] = {}


def _engine(variant: str) -> Engine:
    if variant not in _ENGINES:
        from mtqa.checks import get_check

        cfg = Config(language="pt", variant=variant)
        _ENGINES[variant] = Engine(cfg, checks=[get_check(c) for c in KIND_CODES.values()])
    return _ENGINES[variant]


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e.kind != "term"], ids=lambda e: e.id
)
def test_first_bad_example_is_reported_by_the_check_of_its_kind(entry):
    """Through the real engine and provider (all shipped entries loaded at once): the first bad
    example yields a finding of the entry's kind's check at the marked span, with a suggestion."""
    ex = next(x for x in entry.examples if x.fires)
    variant = ex.variant or (entry.variants[0] if entry.variants else "BR")
    doc = Document("<example>", ex.plain, language="pt", variant=variant)
    findings = [f for f in _engine(variant).check_document(doc)
                if f.evidence and f.evidence.get("glossary_entry") == entry.id]
    assert sorted((f.start, f.end) for f in findings) == sorted(ex.spans)
    assert {f.code for f in findings} == {KIND_CODES[entry.kind]}
    assert all(f.suggestion for f in findings)
