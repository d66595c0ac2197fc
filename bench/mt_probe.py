"""Recall on real machine translation of text nobody published: English news sentences written for
this project, translated into Portuguese by the offline Bergamot model that mtqa ships for its
round trip, with the artifacts of each translation annotated by hand.

    python bench/mt_probe.py [--show] [--json] [--roundtrip]

``bench/data/mt_probe.jsonl`` holds one sentence per line: ``batch`` (sentences were written in
batches of 60), ``split`` (``dev``: batches whose translations checks and glossary entries were
then written from; ``holdout``: the last batch, written, translated and annotated before any
entry was written from it), ``en`` (the English sentence) and ``artifacts`` (substrings of the
Portuguese translation that a reviewer should be shown: a wrong sense, a calque, an agreement
error, an English word left in...). A sentence with no artifact is one the annotator found
acceptable. Each batch was the holdout once: measured before it became dev (the numbers are in
docs/eval.md); a new batch is written before the current holdout is used.

Each translation is checked on its own, as a pt-BR document, with the default checks. An artifact
counts as found when a finding overlaps it; a finding on a sentence with no artifact is counted as
a false alarm (the annotator's judgement, not a clean professional text). The model is pinned by
the package version, so a translation that no longer contains its annotated artifact is reported
as stale instead of being counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data" / "mt_probe.jsonl"


def load(path: Path = DATA) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            row["line"] = n
            rows.append(row)
    return rows


def translate(rows: list[dict]) -> list[str]:
    from mtqa.providers.translate import BergamotTranslator

    return BergamotTranslator().translate_batch([r["en"] for r in rows], "en", "pt")


def measure(rows: list[dict], translations: list[str], roundtrip: bool = False) -> dict:
    import mtqa

    checker = mtqa.Checker(language="pt-BR")
    if roundtrip:  # the default checks and the round-trip checks that are warnings
        checker = mtqa.Checker(language="pt-BR", select=[*checker.codes, "R101", "R103"])
    out: dict = defaultdict(lambda: {"artifacts": 0, "found": 0, "stale": 0, "clean_sentences": 0,
                                     "clean_with_findings": 0, "sentences": 0})
    batches: dict = defaultdict(lambda: [0, 0])
    details = []
    for row, pt in zip(rows, translations, strict=True):
        split = out[row["split"]]
        split["sentences"] += 1
        findings = checker.check_text(pt)
        spans = []
        for art in row["artifacts"]:
            i = pt.find(art)
            if i < 0:
                split["stale"] += 1
                spans.append((art, None, []))
                continue
            hit = [f.code for f in findings if f.start < i + len(art) and f.end > i]
            split["artifacts"] += 1
            split["found"] += bool(hit)
            batches[row.get("batch", 0)][0] += bool(hit)
            batches[row.get("batch", 0)][1] += 1
            spans.append((art, i, hit))
        if not row["artifacts"]:
            split["clean_sentences"] += 1
            split["clean_with_findings"] += bool(findings)
        details.append({"split": row["split"], "pt": pt, "artifacts": spans,
                        "findings": [(f.code, f.text) for f in findings]})
    return {"splits": {k: dict(v) for k, v in out.items()}, "details": details,
            "batches": {k: {"found": f, "artifacts": n} for k, (f, n) in sorted(batches.items())}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print every translation with its findings")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument("--roundtrip", action="store_true", help="add the round-trip checks R101 and R103")
    args = ap.parse_args(argv)
    rows = load()
    result = measure(rows, translate(rows), roundtrip=args.roundtrip)
    if args.json:
        print(json.dumps({"splits": result["splits"], "batches": result["batches"]}, indent=2))
        return 0
    if args.show:
        for d in result["details"]:
            marks = "".join("+" if hit else ("?" if i is None else "-") for _, i, hit in d["artifacts"])
            print(f"[{d['split']:7}] {marks:4} {d['pt']}")
            for art, i, hit in d["artifacts"]:
                print(f"            {'found' if hit else 'stale' if i is None else 'MISSED'}: {art!r} {hit}")
            extra = [f for f in d["findings"] if not any(f[1] and f[1] in a or a in f[1] for a, _, _ in d["artifacts"])]
            if extra:
                print(f"            other findings: {extra}")
    print(f"{'split':8} {'artifacts found':>16} {'clean sentences with a finding':>32} {'stale':>6}")
    for name in ("dev", "holdout"):
        s = result["splits"].get(name)
        if not s:
            continue
        rate = s["found"] / s["artifacts"] if s["artifacts"] else 0.0
        print(f"{name:8} {s['found']:>5}/{s['artifacts']:<4} {rate:6.1%} "
              f"{s['clean_with_findings']:>21}/{s['clean_sentences']:<10} {s['stale']:>6}")
    print("per batch: " + ", ".join(f"{k}: {v['found']}/{v['artifacts']}" for k, v in result["batches"].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
