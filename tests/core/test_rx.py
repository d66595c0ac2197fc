"""The first-character guard (mtqa.core.rx) leaves every match as it was: same spans, same
groups, on the patterns the checks scan whole documents with and on texts of every kind."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from mtqa.core import rx as R

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("pattern", "guard"), [
    (r"(?<![\w-])[Cc]om", "(?=[\\U00000043\\U00000063])"),
    (r"a*b", "(?=[\\U00000061\\U00000062])"),
    (r"\d+|[^\W\d]x", "(?=[\\d]|[^\\W\\d])"),
    (r"(?=a)b", "(?=[\\U00000062])"),
    (r"(?:x)?", ""),  # may match empty
    (r"(?i)abc", ""),  # case-insensitive
    (r"(?i:a)b", ""),
    (r".x", ""),  # any character
    (r"x|", ""),
])
def test_guards(pattern, guard):
    assert R.first_char_guard(pattern) == guard


def _texts() -> list[str]:
    rng = random.Random(11)
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/guard/pt_BR").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    soup = "aAoOéÉçÇ  \t\u00a0\n\r.,;:!?…-–—()[]{}\"'“”«»/|#*_@&%$€0123456789ΣİıſK"
    texts += ["".join(rng.choice(soup) for _ in range(3000)) for _ in range(5)]
    words = " ".join(texts[:5]).split()
    texts += [" ".join(rng.choice(words) for _ in range(800)) for _ in range(5)]
    return texts


def test_guarded_scans_find_the_same_matches():
    from mtqa.checks import all_checks
    from mtqa.core.config import Config
    from mtqa.engine.runner import Engine

    # The patterns the checks scan with: those reached by a run over the texts, and every
    # pattern of the check modules.
    engine = Engine(Config(language="pt", variant="BR"))
    texts = _texts()
    from mtqa.core.model import Document

    for t in texts[:12]:
        engine.check_document(Document("x.txt", t))
    patterns = set(R._GUARDED)
    import sys

    for mod in {c.module for c in all_checks()}:
        patterns |= {v for v in vars(sys.modules[mod]).values() if isinstance(v, re.Pattern)}
    guarded = [p for p in patterns if isinstance(p.pattern, str)
               and R.first_char_guard(p.pattern, p.flags & ~re.UNICODE)]
    assert len(guarded) >= 60
    for p in guarded:
        g = re.compile(R.first_char_guard(p.pattern, p.flags & ~re.UNICODE) + p.pattern, p.flags)
        for t in texts:
            assert [(m.span(), m.groups()) for m in p.finditer(t)] == \
                [(m.span(), m.groups()) for m in g.finditer(t)], p.pattern


def test_global_flags_at_the_start_take_no_guard():
    """A pattern that opens with global flags cannot have a lookahead put before it."""
    import re

    from mtqa.core import rx as R

    assert R.first_char_guard(r"(?s)ab.c") == ""
    rx = re.compile(r"(?m)^ab")
    assert [m.span() for m in R.scan(rx, "ab\nab")] == [(0, 2), (3, 5)]
