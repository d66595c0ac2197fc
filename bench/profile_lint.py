"""Profile the default checks of ``mtqa lint`` (no round trip) on a folder of articles.

    python bench/profile_lint.py CORPUS [--passes 3] [--top 12] [--profile [N]] [--pyinstrument]

Loads every ``*.txt`` of ``CORPUS``, warms the providers up on one pass (its CPU time is
reported too), then times ``--passes`` warm passes through the engine with
``time.process_time`` (CPU time of this process, so other work on a shared machine hardly moves
it) and prints the sentences per CPU-second of the fastest pass and the CPU seconds of its
``--top`` most expensive parts: each check, and the engine's loading, language annotation and
segmentation of the documents. ``--profile`` adds a cProfile of one more pass (top ``N``
functions by cumulative time); ``--pyinstrument`` prints a pyinstrument tree instead, if that
package is installed. Pin it to one core for comparable numbers: ``taskset -c 0 python ...``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--profile", type=int, nargs="?", const=40, default=0)
    ap.add_argument("--pyinstrument", action="store_true")
    ap.add_argument("--top", type=int, default=12, help="checks and engine parts listed (default 12)")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from mtqa.core.config import Config
    from mtqa.core.text import load_document
    from mtqa.engine.runner import Engine

    cfg = Config(language="pt", variant="BR", jobs=1)
    cfg.review_file = ""
    engine = Engine(cfg)
    paths = sorted(a.corpus.glob("*.txt"))

    def one_pass(per_check: Counter | None = None) -> int:
        sentences = 0
        clock = time.process_time
        for p in paths:
            t = clock()
            doc = load_document(p)
            t1 = clock()
            engine.prepare(doc)
            t2 = clock()
            sentences += len(doc.sentences)
            t3 = clock()
            if per_check is not None:
                per_check["engine: load"] += t1 - t
                per_check["engine: language annotation"] += t2 - t1
                per_check["engine: segmentation"] += t3 - t2
            for c in engine.ready_checks():
                if not c.applies_to(doc.language):
                    continue
                t = clock()
                c.run(doc, engine.ctx)
                if per_check is not None:
                    per_check[c.code] += clock() - t
        return sentences

    t0 = time.process_time()
    n = one_pass()  # first pass: providers load, caches fill
    first = time.process_time() - t0
    best, parts = None, Counter()
    def forget() -> None:
        # As bench/run.py does before a timed pass: the detector and the glossary forget the
        # answers of the pass before (repeats inside a pass are still answered from memory).
        for name in ("langid", "glossary"):
            prov = engine.providers.built(name)
            if prov is not None and hasattr(prov, "forget_answers"):
                prov.forget_answers()

    for _ in range(max(1, a.passes)):
        forget()
        per = Counter()
        t0 = time.process_time()
        n = one_pass(per)
        cpu = time.process_time() - t0
        if best is None or cpu < best[1]:
            best, parts = (n, cpu), per
    n, cpu = best
    print(f"{len(paths)} articles, {n} sentences: {cpu:.3f} CPU-s, {n / cpu:,.0f} sentences per "
          f"CPU-second (fastest of {max(1, a.passes)} warm passes)")
    print(f"first pass (providers loading): {first:.3f} CPU-s, {n / first:,.0f} sentences per "
          "CPU-second")
    for code, sec in parts.most_common(a.top):
        print(f"  {code:28} {sec:7.3f} s  {sec / cpu:5.1%}")
    if a.pyinstrument:
        from pyinstrument import Profiler

        prof = Profiler()
        prof.start()
        one_pass()
        prof.stop()
        print(prof.output_text(unicode=True, color=False))
    elif a.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        one_pass()
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(a.profile)
        pstats.Stats(prof).sort_stats("tottime").print_stats(a.profile)
        pstats.Stats(prof).sort_stats("tottime").print_callers(5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
