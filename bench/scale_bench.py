"""Archive-scale runs: one process, worker processes, and a Dask LocalCluster, on the same files.

    python bench/scale_bench.py [--articles 400] [--workers 2]

Builds ARTICLES files from the seeds' and guard texts' articles (copies, so that the files differ
by name only), checks them (default checks, pt-BR configured) and prints wall time, documents/s
and whether the findings are identical across the three ways. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(folder: Path, n: int) -> None:
    texts = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_bytes() for p in sorted((ROOT / "tests" / "guard").rglob("*.txt"))]
    for i in range(n):
        (folder / f"{i:05d}.txt").write_bytes(texts[i % len(texts)])


def key(findings) -> list[tuple]:
    return [(f.path, f.code, f.start, f.end, f.fingerprint) for f in findings]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    from mtqa.core.config import Config
    from mtqa.engine import runner
    from mtqa.engine.distributed import run_distributed

    folder = Path(tempfile.mkdtemp(prefix="mtqa-scale-"))
    build(folder, args.articles)
    rows = []

    t0 = time.perf_counter()
    serial = runner.run([str(folder)], Config(language="pt", variant="BR", jobs=1), use_review=False)
    rows.append(("one process", time.perf_counter() - t0, key(serial.findings)))

    t0 = time.perf_counter()
    par = runner.run([str(folder)], Config(language="pt", variant="BR", jobs=args.workers), use_review=False)
    rows.append((f"{args.workers} worker processes", time.perf_counter() - t0, key(par.findings)))

    import distributed

    for n in sorted({1, args.workers}):
        t0 = time.perf_counter()
        with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                      host="127.0.0.1", dashboard_address=None, silence_logs=40) as cluster, \
                distributed.Client(cluster) as client:
            started = time.perf_counter() - t0
            t1 = time.perf_counter()
            items = list(run_distributed([str(folder)], Config(language="pt", variant="BR"), client, keep_text=False))
            rows.append((f"Dask LocalCluster, {n} worker{'s' if n > 1 else ''} (cluster start {started:.1f} s "
                         "not counted; engine load counted)",
                         time.perf_counter() - t1, key([f for it in items for f in it.findings])))

    print(f"{args.articles} articles, {len(serial.findings)} findings")
    print("| run | wall s | documents/s | same findings as one process |")
    print("| --- | --- | --- | --- |")
    for name, secs, k in rows:
        print(f"| {name} | {secs:.1f} | {args.articles / secs:.0f} | {'yes' if k == rows[0][2] else 'NO'} |")


if __name__ == "__main__":
    main()
