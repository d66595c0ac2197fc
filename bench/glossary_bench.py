"""Glossary matching cost: every shipped entry against every sentence.

``run(sentences)`` builds the matcher once (all shipped entries for pt-BR), then matches each
sentence ``repeat`` times and reports the median time per sentence. ``python bench/glossary_bench.py``
runs it on the sentences of seeds/ and tests/guard/pt_BR/.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run(sentences: list[str], *, variant: str = "BR", repeat: int = 5) -> dict:
    from mtqa.core import glossary as g

    t0 = time.perf_counter()
    glossaries = g.load_shipped()
    t1 = time.perf_counter()
    entries = [e for gl in glossaries for e in gl.entries]
    matcher = g.Matcher(entries, variant)
    t2 = time.perf_counter()
    per_pass = []
    hits = 0
    for _ in range(repeat):
        start = time.perf_counter()
        hits = 0
        for s in sentences:
            hits += len(matcher.find(s))
        per_pass.append(time.perf_counter() - start)
    med = statistics.median(per_pass)
    return {
        "entries": len(entries),
        "literal_forms": sum(len(v) for v in matcher.index.values()),
        "pattern_sets": len(matcher.pattern_sets),
        "sentences": len(sentences),
        "hits": hits,
        "load_s": round(t1 - t0, 3),
        "compile_s": round(t2 - t1, 3),
        "ms_per_sentence": round(1000 * med / max(len(sentences), 1), 4),
        "sentences_per_s": round(len(sentences) / med) if med else None,
    }


def corpus_sentences() -> list[str]:
    from mtqa.core.text import load_document

    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "guard" / "pt_BR").glob("*.txt"))
    return [s.text for f in files for s in load_document(f).sentences]


if __name__ == "__main__":
    import json

    print(json.dumps(run(corpus_sentences()), indent=2))
