"""Clean, professionally written pt-BR news must draw no finding from the rule families."""

from __future__ import annotations

import pytest

from tests.checks._rules import family_checks, load, run_checks
from tests.conftest import GUARD

GUARD_FILES = sorted(GUARD.glob("*.txt"))


def test_guard_corpus_is_there():
    assert len(GUARD_FILES) >= 16


@pytest.mark.parametrize("path", GUARD_FILES, ids=lambda p: p.name)
def test_no_finding_on_clean_text(path):
    doc = load(path)
    found, skipped = run_checks(doc, family_checks())
    assert found == [], "\n".join(map(str, found))
    assert not skipped, skipped
