"""Recall on the development corpus, split into the files checks were written from and the files
set aside before any check was written from the corpus (every third file: the honest number).

    python bench/corpus_eval.py [--corpus ../shared/corpus] [--roundtrip] [--per-file] [--json]
                                [--write-baseline eval/corpus_baseline.json]

It measures as ``mtqa eval GOLD --root CORPUS --clean CORPUS/human --isolated`` does (no
configuration file; each document's language and variant detected) and splits the result by
file. ``tests/test_corpus_regression.py`` compares a run with the baseline this script writes.
The corpus itself stays outside the project: only its file names and the figures measured on it
are used here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

#: Set aside on 2026-12-01, before any check was written from the corpus: every third mt file.
HOLDOUT = frozenset(f"mt/mt_{n:02d}.txt" for n in range(3, 26, 3))

COMMAND = ("mtqa eval ../shared/corpus/gold.jsonl --root ../shared/corpus "
           "--clean ../shared/corpus/human --isolated")


def split_of(file: str) -> str:
    return "holdout" if Path(file).as_posix() in HOLDOUT else "dev"


def measure(corpus: Path = DEFAULT_CORPUS, roundtrip: bool = False):
    """The :class:`~mtqa.engine.evaluate.EvalReport` of the corpus, measured in this process."""
    from mtqa.core.config import load_config
    from mtqa.engine.evaluate import evaluate

    return evaluate(corpus / "gold.jsonl", corpus, load_config(None, search=False),
                    clean=[corpus / "human"], roundtrip=roundtrip)


def splits(report) -> dict[str, dict[str, Counter]]:
    """Found/total per category (and ``overall``) for ``all``, ``dev`` and ``holdout`` files,
    plus one table per file under ``files``."""
    table: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for span, codes in report.matched.items():
        hit = bool(codes)
        for key in ("all", split_of(span.file), f"file:{span.file}"):
            for cat in (span.category, "overall"):
                table[key][cat]["total"] += 1
                table[key][cat]["found"] += hit
    return table


def _recall(c: Counter) -> float:
    return round(c["found"] / c["total"], 4) if c["total"] else 0.0


def baseline(report, table) -> dict:
    from mtqa.engine.evaluate import baseline_data

    data = baseline_data(report, command=COMMAND + " --write-baseline eval/corpus_baseline.json",
                         epsilon=0.001)
    data["splits"] = {
        split: {"overall": _recall(table[split]["overall"]),
                "by_category": {c: _recall(v) for c, v in sorted(table[split].items()) if c != "overall"}}
        for split in ("dev", "holdout")
    }
    data["holdout_files"] = sorted(HOLDOUT)
    return data


def _pct(c: Counter) -> str:
    return f"{c['found']:>3}/{c['total']:<3} {100 * c['found'] / c['total']:5.1f}%" if c["total"] else "   -"


def render(report, table, per_file: bool) -> str:
    cats = sorted({c for c in table["all"] if c != "overall"}, key=lambda c: -table["all"][c]["total"])
    n_hold = sum(1 for k in table if k.startswith("file:") and split_of(k[5:]) == "holdout")
    n_dev = sum(1 for k in table if k.startswith("file:")) - n_hold
    lines = [f"{'category':<24} {'all':>14} {f'dev ({n_dev} files)':>16} {f'holdout ({n_hold} files)':>18}"]
    for c in [*cats, "overall"]:
        lines.append(f"{c:<24} {_pct(table['all'][c]):>14} {_pct(table['dev'][c]):>16} "
                     f"{_pct(table['holdout'][c]):>18}")
    by_check = ", ".join(f"{k} {v}" for k, v in sorted(report.clean_by_check.items()))
    lines.append(f"clean: {report.clean_files} files, {report.clean_words:,} words, "
                 f"{sum(report.clean_by_check.values())} findings = {report.false_alarm_rate:.2f} "
                 f"per 1,000 words ({by_check or 'none'})")
    if per_file:
        lines.append("")
        for key in sorted(k for k in table if k.startswith("file:")):
            lines.append(f"{key[5:]:<16} {split_of(key[5:]):<8} {_pct(table[key]['overall'])}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--roundtrip", action="store_true")
    ap.add_argument("--per-file", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--write-baseline", type=Path)
    args = ap.parse_args()
    if not (args.corpus / "gold.jsonl").is_file():
        raise SystemExit(f"no corpus at {args.corpus}")
    sys.path.insert(0, str(ROOT))
    report = measure(args.corpus, args.roundtrip)
    table = splits(report)
    if args.write_baseline:
        args.write_baseline.write_text(json.dumps(baseline(report, table), indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    if args.json:
        print(json.dumps({s: {c: dict(v) for c, v in t.items()} for s, t in table.items()}, indent=1))
    else:
        print(render(report, table, args.per_file))


if __name__ == "__main__":
    main()
