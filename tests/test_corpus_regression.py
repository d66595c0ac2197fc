"""Regression guard on the development corpus of real machine-translated pages (``../shared/corpus``
beside the project, see docs/eval.md): recall overall, per category and on the files set aside
before any check was written from the corpus may not drop below ``eval/corpus_baseline.json``,
and false alarms on the corpus' clean human texts may not rise above it.

The corpus belongs to its publishers and is not part of the project, so the test skips (saying
why) on a machine without it. To accept better numbers, re-measure:
``python bench/corpus_eval.py --write-baseline eval/corpus_baseline.json``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from mtqa.engine.evaluate import compare

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval" / "corpus_baseline.json"


def _bench():
    spec = importlib.util.spec_from_file_location("corpus_eval", ROOT / "bench" / "corpus_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


bench = _bench()
CORPUS = bench.DEFAULT_CORPUS

pytestmark = pytest.mark.skipif(
    not (CORPUS / "gold.jsonl").is_file(),
    reason=f"the development corpus is not on this machine ({CORPUS} has no gold.jsonl)",
)


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured():
    report = bench.measure(CORPUS)
    return report, bench.splits(report)


def test_baseline_describes_this_corpus(baseline, measured):
    report, _ = measured
    assert baseline["gold_spans"] == len(report.spans)
    assert baseline["holdout_files"] == sorted(bench.HOLDOUT)
    assert 0 <= baseline["epsilon"] < 0.01, "the tolerance is for rounding, not for regressions"


def test_no_regression_overall_and_per_category(baseline, measured):
    report, _ = measured
    problems = compare(report, baseline)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("split", ["dev", "holdout"])
def test_no_regression_per_split(baseline, measured, split):
    _, table = measured
    eps = baseline["epsilon"]
    base = baseline["splits"][split]
    now = bench._recall(table[split]["overall"])
    assert now >= base["overall"] - eps, f"{split} recall {now} < baseline {base['overall']}"
    for cat, value in base["by_category"].items():
        got = bench._recall(table[split][cat])
        assert got >= value - eps, f"{split} recall of {cat} {got} < baseline {value}"


def test_the_guard_can_fail(baseline, measured):
    """The comparison rejects a run one span better than measured, and a stricter false-alarm
    limit than measured, so the guards above are able to fail."""
    report, _ = measured
    stricter = json.loads(json.dumps(baseline))
    stricter["recall"]["overall"] = report.overall.recall + 1 / len(report.spans)
    assert compare(report, stricter)
    if report.clean_words and report.false_alarm_rate:
        noisier = dict(baseline, false_alarms_per_1k_words=report.false_alarm_rate - 1000 / report.clean_words)
        assert compare(report, noisier)
