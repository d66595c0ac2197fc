"""A configured glossary with a regex that backtracks catastrophically is refused before it is
compiled: the glossary checks are skipped with the file and line, the others still run."""

from __future__ import annotations

import re
import time

import pytest

from mtqa.core import glossary as g
from mtqa.core.config import Config
from mtqa.engine.runner import run

BAD = """schema: mtqa-glossary/1
pair: en-pt
entries:
- id: evil
  kind: forbidden
  patterns: ['(a+)+$']
  message: evil
  examples:
  - bad: '[[aaaa]]'
  - good: 'b'
"""


def test_unsafe_pattern_in_a_configured_glossary_skips_glossary_checks(tmp_path):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "bad.yaml").write_text(BAD, encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("O líder norte -coreano " + "a" * 40 + "b chegou.\n", encoding="utf-8")
    cfg = Config(language="pt", variant="BR", review_file="")
    cfg.glossary.paths = [str(tmp_path / "g")]
    t0 = time.perf_counter()
    result = run([str(art)], cfg, use_review=False)
    assert time.perf_counter() - t0 < 30, "the unsafe regex was compiled and run"
    assert "bad.yaml:6" in result.skipped["G108"] and "backtrack" in result.skipped["G108"]
    assert "S101" in {f.code for f in result.findings}


# --- nested bounded repeats ---------------------------------------------------------------------

#: 75 s on 40 a's (47 s in the issue), accepted before the checker counted the ways to split a match.
SLOW = "(?:a{1,10}){1,10}!!"


@pytest.mark.parametrize(
    "pattern",
    [
        SLOW,
        r"(?:a{1,5}){1,10}",  # 1.95 million ways: 2 s on 40 a's
        r"(?:a{1,3}){1,30}",  # over 10 s on 40 a's
        r"(?:a{1,10})+",  # bounded body, unbounded count
        r"(?:\w+\s?){1,5}",  # an iteration can end with what the next starts with
        r"(?:a[ab]{0,5}b){1,10}",  # the stretch inside swallows an end and a start
        r"(?:a|a){1,20}",  # two alternatives matching the same text, 20 times
        r"(?:(?:a{1,3}){1,3}){1,4}",  # nested ways multiply
        r"(?x) (?:a{1,10}) {1,10} !!",  # verbose: spaces between the group and its quantifier
    ],
)
def test_nested_bounded_repeats_with_many_splits_are_refused(pattern):
    why = g.check_regex(pattern)
    assert why and "backtrack" in why


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\w+\s+){0,3}?na",  # each iteration ends with a space and starts with a letter
        r"(?:a{1,10}){1,4}",  # 1,000 ways: 4 ms on 40 a's
        r"(?:[A-Z]\w+ ){1,3}",
        r"(?:d[aeo]s?\s+){0,2}",
        r"\d{1,3}(?:\.\d{3})+",  # a body of one length splits one way
        r"(?:\w+-){1,3}\w+",
        r"(?:de|do)+",
        r"(?:a|aa){1,2}",
    ],
)
def test_safe_bounded_repeats_stay_accepted(pattern):
    assert g.check_regex(pattern) is None
    rx = re.compile(pattern)
    t0 = time.perf_counter()
    for text in ("a" * 40 + "!", "aaaa " * 40 + "!", "Ab " * 40, "1.000" * 20 + "x"):
        rx.search(text)
    assert time.perf_counter() - t0 < 3.0  # a catastrophic one takes seconds to minutes


def test_no_shipped_glossary_pattern_is_refused_and_checking_is_cheap():
    pats = []
    for gl in g.load_shipped():
        for e in gl.entries:
            pats += e.patterns + [p for c in e.context + e.unless for p in (*c.near, c.before, c.after) if p]
    t0 = time.perf_counter()
    refused = [p for p in pats if g.backtracking_risk(p)]
    assert refused == []
    # About 0.01 s measured: a string search for most patterns; it runs on every cache load.
    assert time.perf_counter() - t0 < 3.0


def _slow_glossary(folder):
    folder.mkdir()
    (folder / "slow.yaml").write_text(BAD.replace("'(a+)+$'", repr(SLOW)), encoding="utf-8")
    return folder / "slow.yaml"


def test_validate_refuses_the_slow_pattern_naming_file_and_line(tmp_path):
    from click.testing import CliRunner

    from mtqa.cli.glossary import glossary

    path = _slow_glossary(tmp_path / "g")
    r = CliRunner().invoke(glossary, ["validate", str(path)], catch_exceptions=False)
    assert r.exit_code == 2
    assert f"{path}:6: evil: regular expression {SLOW!r} can backtrack catastrophically" in r.output


def test_a_configured_glossary_with_the_slow_pattern_is_skipped_and_lint_returns_promptly(tmp_path):
    path = _slow_glossary(tmp_path / "g")
    art = tmp_path / "a.txt"
    # 40 a's and the '!!' the pattern needs in one sentence: matching it would take minutes
    art.write_text("O líder norte -coreano " + "a" * 40 + " chegou !!\n", encoding="utf-8")
    cfg = Config(language="pt", variant="BR", review_file="")
    cfg.glossary.paths = [str(tmp_path / "g")]
    t0 = time.perf_counter()
    result = run([str(art)], cfg, use_review=False)
    assert time.perf_counter() - t0 < 15, "the slow regex was compiled and run (about 20 s)"
    why = result.skipped["G108"]
    assert f"{path}:6" in why and "entry 'evil'" in why and "backtrack" in why
    assert "S101" in {f.code for f in result.findings}  # the other checks ran
