"""Measure the round-trip checks on the annotated seeds and the clean guard corpus.

    .venv/bin/python bench/roundtrip_eval.py [--json]

For every word-level change between a sentence and its round trip, records which filters would
keep it, whether it overlaps a gold span (eval/gold/seeds.jsonl) and whether it comes from the
clean pt-BR guard corpus (tests/guard/pt_BR: every kept change there is a false alarm). Then it
reports, per filter, what it keeps and loses, and it measures the R102 threshold: sentence chrF of
Portuguese seed sentences that contain a gold span against guard sentences.
Translations come from the persistent cache (MTQA_CACHE_DIR) when they are there.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtqa.checks import CheckContext  # noqa: E402
from mtqa.checks import roundtrip as rt  # noqa: E402
from mtqa.core.config import Config  # noqa: E402
from mtqa.core.text import load_document  # noqa: E402
from mtqa.providers import Providers  # noqa: E402


def load_gold(path: Path) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold[rec["file"]].append(rec)
    return gold


def auc(pos: list[float], neg: list[float]) -> float:
    """P(a gold sentence scores lower than a guard sentence); 0.5 is no separation."""
    if not pos or not neg:
        return float("nan")
    wins = sum((p < n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def measure() -> dict:
    cfg = Config(language="pt", variant="BR")
    ctx = CheckContext(cfg, Providers(cfg))
    gold = load_gold(ROOT / "eval" / "gold" / "seeds.jsonl")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    guard = sorted((ROOT / "tests" / "guard" / "pt_BR").glob("*.txt"))
    changes = []  # (kind, reasons, gold_key or None)
    gold_spans_seen: set = set()
    pos_scores, neg_scores = [], []
    guard_words = 0
    for kind, files in (("seed", seeds), ("guard", guard)):
        for f in files:
            doc = load_document(f, language="pt", variant="BR")
            spans = gold.get(f.name, [])
            if kind == "guard":
                guard_words += doc.word_count
            for _st, ch in rt.document_changes(doc, ctx):
                hit = next((g for g in spans if g["start"] < ch.end and ch.start < g["end"]), None)
                key = (f.name, hit["start"]) if hit else None
                changes.append((kind, tuple(ch.reasons), key, hit["category"] if hit else None))
            for st in rt.document_trip(doc, ctx).sentences:
                if len(rt.tokens(st.segment.text)) < rt.MIN_WORDS_R102:
                    continue
                s = st.segment
                if kind == "guard":
                    neg_scores.append(st.score)
                elif any(g["start"] < s.end and s.start < g["end"] for g in spans):
                    pos_scores.append(st.score)
            gold_spans_seen.update((f.name, g["start"]) for g in spans if kind == "seed")
    n_gold = sum(len(v) for v in gold.values())
    per_filter = {}
    for flt in (*rt.FILTERS, "DEFAULT"):
        def keep(reasons, flt=flt):
            return any(r in rt.DEFAULT_FILTERS for r in reasons) if flt == "DEFAULT" else flt in reasons
        kept_seed = [c for c in changes if c[0] == "seed" and keep(c[1])]
        per_filter[flt] = {
            "seed_changes_kept": len(kept_seed),
            "kept_on_gold": sum(1 for c in kept_seed if c[2]),
            "gold_spans_found": len({c[2] for c in kept_seed if c[2]}),
            "seed_changes_kept_off_gold": sum(1 for c in kept_seed if not c[2]),
            "guard_false_alarms": sum(1 for c in changes if c[0] == "guard" and keep(c[1])),
        }
    all_seed = [c for c in changes if c[0] == "seed"]
    gold_changes = {c[2] for c in all_seed if c[2]}
    kept_default = {c[2] for c in all_seed if c[2] and any(r in rt.DEFAULT_FILTERS for r in c[1])}
    # R102: the highest threshold that keeps every guard sentence silent.
    threshold = min(neg_scores) if neg_scores else 0.0
    return {
        "gold_spans": n_gold,
        "guard_words": guard_words,
        "changes": {"seed": len(all_seed), "guard": sum(1 for c in changes if c[0] == "guard")},
        "gold_spans_touched_by_any_change": len(gold_changes),
        "gold_spans_lost_by_default_filters": len(gold_changes - kept_default),
        "per_filter": per_filter,
        "r102": {
            "min_words": rt.MIN_WORDS_R102,
            "gold_sentences": len(pos_scores),
            "guard_sentences": len(neg_scores),
            "auc": round(auc(pos_scores, neg_scores), 3),
            "guard_min_chrf": round(threshold, 2),
            "gold_sentences_below_guard_min": sum(1 for p in pos_scores if p < threshold),
            "default_min_chrf": rt.DEFAULT_MIN_CHRF,
            "gold_below_default": sum(1 for p in pos_scores if p < rt.DEFAULT_MIN_CHRF),
            "guard_below_default": sum(1 for n in neg_scores if n < rt.DEFAULT_MIN_CHRF),
        },
    }


def main() -> None:
    res = measure()
    if "--json" in sys.argv:
        json.dump(res, sys.stdout, indent=2)
        print()
        return
    print(f"gold spans: {res['gold_spans']}; guard words: {res['guard_words']}")
    print(f"word changes: seeds {res['changes']['seed']}, guard {res['changes']['guard']}")
    print(f"gold spans touched by some change: {res['gold_spans_touched_by_any_change']}; "
          f"lost by the default filters: {res['gold_spans_lost_by_default_filters']}")
    print(f"{'filter':<13} {'kept':>5} {'on gold':>8} {'gold spans':>11} {'off gold':>9} {'guard FA':>9}")
    for name, r in res["per_filter"].items():
        print(f"{name:<13} {r['seed_changes_kept']:>5} {r['kept_on_gold']:>8} "
              f"{r['gold_spans_found']:>11} {r['seed_changes_kept_off_gold']:>9} "
              f"{r['guard_false_alarms']:>9}")
    print("R102:", json.dumps(res["r102"]))


if __name__ == "__main__":
    main()
