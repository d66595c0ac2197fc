"""Recall on the development corpus, split into the files checks were written from and the files
set aside before any check was written from the corpus (every third file: the honest number).

    python bench/corpus_eval.py [--corpus ../shared/corpus] [--roundtrip] [--per-file] [--json]

Runs ``mtqa eval`` once (``--isolated``, each document's language and variant detected) and
splits its result by file. The corpus itself stays outside the project: only its file names and
the figures measured on it are used here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

#: Set aside on 2026-12-01, before any check was written from the corpus: every third mt file.
HOLDOUT = frozenset(f"mt/mt_{n:02d}.txt" for n in range(3, 26, 3))


def split_of(file: str) -> str:
    return "holdout" if file in HOLDOUT else "dev"


def measure(corpus: Path, roundtrip: bool = False, extra: list[str] | None = None) -> dict:
    cmd = [
        sys.executable, "-m", "mtqa", "eval", str(corpus / "gold.jsonl"), "--root", str(corpus),
        "--clean", str(corpus / "human"), "--isolated", "-f", "json", *(extra or []),
    ]
    if roundtrip:
        cmd.append("--roundtrip")
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if not out.stdout.strip():
        raise SystemExit(f"mtqa eval printed nothing: {out.stderr.strip()[-2000:]}")
    report = json.loads(out.stdout)
    gold = [json.loads(line) for line in (corpus / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    missed = Counter((m["file"], m["start"], m["end"]) for m in report["missed"])
    table: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    per_file: dict[str, Counter] = defaultdict(Counter)
    for g in gold:
        key = (g["file"], g["start"], g["end"])
        hit = missed[key] == 0
        if not hit:
            missed[key] -= 1
        for split in (split_of(g["file"]), "all"):
            table[split][g["category"]]["total"] += 1
            table[split][g["category"]]["found"] += hit
            table[split]["overall"]["total"] += 1
            table[split]["overall"]["found"] += hit
        per_file[g["file"]]["total"] += 1
        per_file[g["file"]]["found"] += hit
    return {"report": report, "table": table, "per_file": per_file}


def _pct(c: Counter) -> str:
    return f"{c['found']:>3}/{c['total']:<3} {100 * c['found'] / c['total']:5.1f}%" if c["total"] else "   -"


def render(result: dict, per_file: bool) -> str:
    table, report = result["table"], result["report"]
    cats = sorted({c for t in table.values() for c in t if c != "overall"},
                  key=lambda c: -table["all"][c]["total"])
    lines = [f"{'category':<24} {'all':>14} {'dev (17 files)':>16} {'holdout (8 files)':>18}"]
    for c in [*cats, "overall"]:
        lines.append(f"{c:<24} {_pct(table['all'][c]):>14} {_pct(table['dev'][c]):>16} {_pct(table['holdout'][c]):>18}")
    clean = report["clean"]
    lines.append(f"clean: {clean['files']} files, {clean['words']:,} words, {clean['findings']} findings "
                 f"= {clean['per_1k_words']:.2f} per 1,000 words {dict((k, v['findings']) for k, v in clean['by_check'].items())}")
    if per_file:
        lines.append("")
        for f in sorted(result["per_file"]):
            lines.append(f"{f:<16} {split_of(f):<8} {_pct(result['per_file'][f])}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus")
    ap.add_argument("--roundtrip", action="store_true")
    ap.add_argument("--per-file", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not (args.corpus / "gold.jsonl").is_file():
        raise SystemExit(f"no corpus at {args.corpus}")
    result = measure(args.corpus, args.roundtrip)
    if args.json:
        print(json.dumps({s: {c: dict(v) for c, v in t.items()} for s, t in result["table"].items()}, indent=1))
    else:
        print(render(result, args.per_file))


if __name__ == "__main__":
    main()
