"""Regression guard: recall on the annotated seeds and false alarms on the clean guard corpus may
not get worse than the numbers committed in eval/baseline.json (tolerance: its ``epsilon``,
documented in docs/eval.md).

To accept better numbers, re-measure with the command stored in the baseline:
``mtqa eval eval/gold/seeds.jsonl --root seeds --clean tests/guard/pt_BR --language pt --variant BR
--isolated --write-baseline eval/baseline.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtqa.core.config import Config
from mtqa.engine.evaluate import compare, evaluate

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval" / "baseline.json"
GOLD = ROOT / "eval" / "gold" / "seeds.jsonl"


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    # The configuration of the baseline's command: pt-BR, no configuration file, default checks.
    return evaluate(GOLD, ROOT / "seeds", Config(language="pt", variant="BR"),
                    clean=[ROOT / "tests" / "guard" / "pt_BR"])


def test_gold_is_consistent_with_the_seeds(report):
    assert report.issues == []
    assert len(report.spans) == sum(1 for line in GOLD.open(encoding="utf-8") if line.strip())


def test_baseline_describes_this_gold(baseline, report):
    assert baseline["gold_spans"] == len(report.spans)
    assert set(baseline["recall"]["by_category"]) == set(report.by_category)
    assert 0 <= baseline["epsilon"] < 0.01, "the tolerance is for rounding, not for regressions"


def test_no_regression(baseline, report):
    problems = compare(report, baseline)
    assert not problems, "\n".join(problems)


def test_guard_fails_on_a_worse_run(baseline, report):
    """The same comparison rejects a run one gold span worse than the baseline, or one false
    alarm noisier, so the guard above is able to fail."""
    one_span = 1 / len(report.spans)
    stricter = json.loads(json.dumps(baseline))
    stricter["recall"]["overall"] = report.overall.recall + one_span
    assert compare(report, stricter)
    noisier_limit = dict(baseline, false_alarms_per_1k_words=report.false_alarm_rate
                         - 1000 / max(report.clean_words, 1))
    assert compare(report, noisier_limit)
