"""Timing of `mtqa review` through Textual's Pilot (headless, 80x24).

    .venv/bin/python bench/tui_bench.py [--docs 200] [--moves 100] [--real-roundtrip]
                                        [--profile moves.prof]

Measures, on copies of the seeds (cycled to --docs articles):
1. time from starting the app until the first article's text is on screen, and until its
   findings are highlighted (real checks and providers, as `mtqa review` runs them);
2. the response time of `n`/`p` (key press until the app is idle again, wall clock and the CPU
   time the process spent) over --moves moves, next to the same for a key bound to nothing;
3. the same while a round trip runs (in the review's checking process, as every check does: a
   stand-in that sleeps 3 s, or with --real-roundtrip the real R checks with the offline
   translator and a cold cache).

The CPU time is the UI process's (time.process_time: every thread of it); the checking process
is not counted, it runs on its own interpreter and core. Targets: the first article's findings
highlighted in under 1 s, moves under 50 ms CPU at the 95th percentile.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_corpus(n: int, where: Path) -> list[str]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    out = where / "articles"
    out.mkdir()
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], out / f"{i:03d}_{seeds[i % len(seeds)].name}")
    return [str(out.relative_to(where))]


def stats(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
    return (f"n={len(ms)} median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, "
            f"max {ms[-1]:.1f} ms")


async def bench(args) -> None:
    from mtqa.checks.base import Hit, check
    from mtqa.core.config import Config
    from mtqa.core.model import Severity
    from mtqa.engine.runner import Engine
    from mtqa.tui.app import make_app

    cfg = Config(language="pt", variant="BR", review_file="bench-review.jsonl")
    paths = make_corpus(args.docs, Path.cwd())

    rt_engine = None
    if args.real_roundtrip:
        cfg.roundtrip.cache = str(Path.cwd() / "roundtrip-cache.sqlite")  # cold cache
    else:
        @check("R990", "bench-roundtrip", Severity.INFO, category="quality", message="bench")
        def slow(doc, ctx):
            """A stand-in round trip: 3 s of waiting that releases the GIL."""
            time.sleep(3.0)
            yield Hit(0, 1)

        rt_engine = Engine(cfg, checks=[slow])

    t0 = time.perf_counter()
    app = make_app(paths, cfg, roundtrip_engine=rt_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        article = screen.query_one("#article")
        while not article.plain.strip():
            await pilot.pause(0.005)
        t_text = time.perf_counter() - t0
        while screen.shown_doc is None:
            await pilot.pause(0.005)
        t_findings = time.perf_counter() - t0
        print(f"{args.docs} articles: first article text shown after {t_text * 1000:.0f} ms, "
              f"its findings highlighted after {t_findings * 1000:.0f} ms")
        while not all(d.checked for d in app.session.docs):
            await pilot.pause(0.05)
        print(f"all {args.docs} articles checked in the background after "
              f"{time.perf_counter() - t0:.1f} s")

        cpu: list[float] = []

        async def moves(n: int, key_cycle=("n", "n", "n", "p")) -> list[float]:
            out = []
            for i in range(n):
                k = key_cycle[i % len(key_cycle)]
                t, c = time.perf_counter(), time.process_time()
                await pilot.press(k)
                out.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            return out

        noop = await moves(20, ("f12",))
        print("baseline, a key bound to nothing (Pilot's own round trip):", stats(noop),
              f"| CPU median {statistics.median(cpu):.1f} ms")
        cpu.clear()
        prof = None
        if args.profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        print("moving between findings (n/p), wall:", stats(await moves(args.moves)),
              f"| CPU {stats(cpu)}")
        if prof is not None:
            prof.disable()
            prof.dump_stats(args.profile)
            print(f"profile of the moves written to {args.profile}")
        cpu.clear()

        # event-loop heartbeat: the longest the UI could not react while the round trip ran
        beats: list[float] = []
        timer = app.set_interval(0.005, lambda: beats.append(time.perf_counter()))
        t = time.perf_counter()
        await pilot.press("r")
        during = []
        while screen.recheck_running:
            during.extend(await moves(5))
        elapsed = time.perf_counter() - t
        timer.stop()
        gaps = sorted((b - a) * 1000 for a, b in zip(beats, beats[1:], strict=False))
        print(f"round trip took {elapsed:.1f} s; event loop stalls meanwhile: "
              f"max {gaps[-1]:.0f} ms, p99 {gaps[int(len(gaps) * 0.99) - 1]:.0f} ms "
              f"({len(gaps)} heartbeats of 5 ms)")
        print("moves while the round trip ran, wall:", stats(during) if during else "none",
              f"| CPU {stats(cpu)}" if cpu else "")
        print("round trip outcome:", screen.message)
        await pilot.press("q")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--moves", type=int, default=100)
    ap.add_argument("--real-roundtrip", action="store_true")
    ap.add_argument("--profile", metavar="FILE",
                    help="write a cProfile of the n/p moves (not the round trip) to FILE")
    args = ap.parse_args()
    if args.profile:
        args.profile = str(Path(args.profile).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        asyncio.run(bench(args))


if __name__ == "__main__":
    main()
