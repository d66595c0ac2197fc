"""Regression guard for the blind pages (bench/data/blind_pages, bench/data/blind_pages2): recall
per category and overall may not fall below eval/blind*_baseline.json (docs/eval.md, "Blind
pages"). Re-measure with ``mtqa eval bench/data/blind_pages2/gold.jsonl --root
bench/data/blind_pages2 --isolated --write-baseline eval/blind2_baseline.json`` (and the same for
the first set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtqa.core.config import Config
from mtqa.engine.evaluate import compare, evaluate

ROOT = Path(__file__).resolve().parent.parent
SETS = {"blind_pages": "blind_baseline.json", "blind_pages2": "blind2_baseline.json"}


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_regression_on_blind_pages(name):
    folder = ROOT / "bench" / "data" / name
    baseline = json.loads((ROOT / "eval" / SETS[name]).read_text(encoding="utf-8"))
    # --isolated: no project configuration; each page's language and variant are detected.
    report = evaluate(folder / "gold.jsonl", folder, Config())
    assert report.issues == [] or all("unknown category" in str(i) for i in report.issues)
    assert baseline["gold_spans"] == len(report.spans)
    problems = compare(report, baseline)
    assert not problems, "\n".join(problems)
