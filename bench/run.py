"""The mtqa benchmark: startup, throughput per engine family, memory and scaling, in one run.

    python bench/run.py [--quick] [--out bench/out] [--docs docs/benchmarks.md]
    python bench/run.py --startup [--runs 7]     # only the start-up stage (about a minute)

It builds a corpus of articles from the sentences of ``seeds/`` and the clean guard texts
(deterministic shuffle with a fixed seed) and measures:

- startup of ``mtqa lint`` on one small file (subprocess, median of several runs);
- sentences/s of ``mtqa lint`` without round trip on the 1,000-article corpus (subprocess, one
  worker and the default number of workers), with its peak RSS;
- sentences/s per engine family (rules B/D/S/U/T, language L, glossary G/C, default checks of
  any other letter, round trip R on a 20-article prefix) through the engine, cold (providers
  loading, empty translation cache) and warm, each stage in its own process for its own peak RSS;
- where the engine's CPU time goes, per check;
- the family benchmarks other modules expose (``bench/langid_bench.py``, ``glossary_bench.py``,
  ``roundtrip_bench.py``: ``run(sentences) -> dict``), skipped with a note when absent or failing;
- how engine time grows from 100 to 1,000 to 10,000 articles (ratios should be about 10).

Results go to ``OUT/results.json`` and ``OUT/results.md``; a full run also writes the Markdown
table to ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
SEED = 20240619
#: Family name -> code letters of its checks.
FAMILIES: dict[str, str] = {"rules": "BDSUT", "language": "L", "glossary": "GC", "roundtrip": "R"}
#: Family modules written beside this script: family name -> module file.
MODULES: dict[str, str] = {
    "language": "langid_bench.py",
    "glossary": "glossary_bench.py",
    "roundtrip": "roundtrip_bench.py",
}


# --- corpus -------------------------------------------------------------------------------------


def source_files(root: Path = ROOT) -> list[Path]:
    return sorted((root / "seeds").glob("*.txt")) + sorted((root / "tests/guard/pt_BR").glob("*.txt"))


def sentence_pool(files: Sequence[Path]) -> list[str]:
    """Every sentence of ``files`` as mtqa segments them, in file order."""
    sys.path.insert(0, str(ROOT))
    from mtqa.core.text import load_document

    return [s.text for p in files for s in load_document(p).sentences]


def build_corpus(pool: Sequence[str], n_articles: int, *, seed: int = SEED,
                 sentences: tuple[int, int] = (8, 16)) -> list[str]:
    """``n_articles`` article texts made of sentences drawn from ``pool``.

    Deterministic for a given ``seed``: a headline line, a blank line, then paragraphs of two to
    four sentences separated by blank lines; each article has between ``sentences[0]`` and
    ``sentences[1]`` sentences (uniformly, mean 12), none repeated within an article.
    """
    if not pool:
        raise ValueError("empty sentence pool")
    rng = random.Random(seed)
    lo, hi = sentences
    out = []
    for _ in range(n_articles):
        k = min(rng.randint(lo, hi), len(pool))
        chosen = rng.sample(pool, k)
        paras: list[str] = []
        rest = chosen[1:]
        while rest:
            n = rng.randint(2, 4)
            paras.append(" ".join(rest[:n]))
            rest = rest[n:]
        out.append("\n\n".join([chosen[0], *paras]) + "\n")
    return out


def distinct_corpus(pool: Sequence[str], per_article: int = 12) -> list[str]:
    """Articles in which no sentence appears twice in the whole corpus: every distinct sentence
    of ``pool`` once, in order, ``per_article`` to an article (a headline line, then paragraphs
    of three). Nothing a process remembers (the detector's answers, dictionary lookups) can be
    reused from one sentence to the next, as in a batch of distinct articles."""
    unique = list(dict.fromkeys(s.strip() for s in pool if s.strip()))
    out = []
    for i in range(0, len(unique), per_article):
        chunk = unique[i : i + per_article]
        paras = [" ".join(chunk[j : j + 3]) for j in range(1, len(chunk), 3)]
        out.append("\n\n".join([chunk[0], *paras]) + "\n")
    return out


def write_corpus(texts: Sequence[str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    width = len(str(len(texts)))
    for i, t in enumerate(texts):
        (folder / f"a{i:0{width}d}.txt").write_text(t, encoding="utf-8")
    return folder


# --- measuring in child processes ---------------------------------------------------------------


def run_child(cmd: Sequence[str], *, env: dict | None = None, timeout: float = 600) -> dict:
    """Run ``cmd``; return wall seconds, exit code, output and the child's peak RSS (MB)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env, cwd=ROOT)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                _, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "seconds": wall,
            "returncode": p.returncode,
            "timed_out": wall > timeout,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
            "max_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
        }


def child_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MTQA_")}
    env.update(extra)
    return env


def mtqa_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("mtqa")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "mtqa"]


LINT_ARGS = ["--isolated", "--language", "pt", "--variant", "BR", "--exit-zero", "--no-progress"]


def stage(args: list[str], timeout: float = 600) -> dict:
    """Run one stage of this script in a fresh interpreter; its JSON result plus peak RSS."""
    r = run_child([sys.executable, str(Path(__file__).resolve()), "--stage", *args],
                  env=child_env(), timeout=timeout)
    if r["returncode"] != 0 or r["timed_out"]:
        tail = (r["stderr"].strip().splitlines() or ["(no output)"])[-1]
        why = "timed out" if r["timed_out"] else f"exit {r['returncode']}"
        return {"error": f"{why}: {tail}", "max_rss_mb": r["max_rss_mb"]}
    data = json.loads(r["stdout"].strip().splitlines()[-1])
    data["max_rss_mb"] = r["max_rss_mb"]
    return data


# --- stages (run inside a child process) --------------------------------------------------------


def _forget_answers(engine) -> None:
    """Before a timed pass: the language detector and the glossary forget the answers of the
    pass before, so a warm pass reuses the loaded models, not the results (repeats inside a
    pass still count)."""
    for name in ("langid", "glossary"):
        prov = engine.providers.built(name)
        if prov is not None and hasattr(prov, "forget_answers"):
            prov.forget_answers()


def stage_engine(corpus: str, letters: str, passes: int, cache: str = "") -> dict:
    """Run the engine over ``corpus`` with the default checks whose code starts with ``letters``
    (all default checks when ``letters`` is "*"); cold pass then warm passes (the fastest by
    CPU time is reported). ``passes <= 0``: warm up on the source texts instead of a cold pass,
    then time ``max(1, -passes)`` passes.

    With ``cache`` (a fresh file), the round trip is enabled and its R checks run too: the cold
    pass translates everything, the warm passes are answered from that cache.
    """
    sys.path.insert(0, str(ROOT))
    from mtqa.checks import all_checks
    from mtqa.core.config import Config
    from mtqa.engine.runner import Engine, run
    from mtqa.engine.select import select_checks

    cfg = Config(language="pt", variant="BR", jobs=1)
    cfg.review_file = ""
    pool = select_checks()
    if cache:
        cfg.roundtrip.enabled = True
        cfg.roundtrip.cache = cache
        pool = [c for c in all_checks() if c.code.startswith("R")]
    checks = [c for c in pool if letters == "*" or c.code[0] in letters]
    if not checks:
        return {"checks": [], "note": "no default check with a code starting with "
                + " or ".join(letters)}
    engine = Engine(cfg, checks=checks)
    times: list[tuple[float, float]] = []
    result = None
    if passes <= 0:
        # Warm every provider up on the source texts (all their languages); the timed passes
        # over the corpus are reported as warm.
        run([str(p) for p in source_files()], cfg, engine=engine, use_review=False)
        times.append((0.0, 0.0))
        passes = max(1, -passes)
    for _ in range(passes):
        result = None  # free the previous pass before the next one
        _forget_answers(engine)
        t0, c0 = time.perf_counter(), time.process_time()
        result = run([corpus], cfg, engine=engine, use_review=False)
        times.append((time.perf_counter() - t0, time.process_time() - c0))
    sentences = sum(len(d.sentences) for d in result.documents)
    out = {
        "checks": [c.code for c in engine.ready_checks()],
        "skipped": dict(result.skipped),
        "documents": len(result.documents),
        "sentences": sentences,
        "findings": len(result.findings),
    }
    warmest = min(times[1:], key=lambda t: t[1], default=None)
    for label, wc in (("cold", times[0]), ("warm", warmest)):
        if wc is None or wc[0] == 0.0:
            continue
        wall, cpu = wc
        out.update({f"{label}_seconds": round(wall, 4), f"{label}_cpu_seconds": round(cpu, 4),
                    f"{label}_sentences_per_s": round(sentences / wall, 1),
                    f"{label}_sentences_per_cpu_s": round(sentences / cpu, 1)})
    return out


def stage_checks(corpus: str) -> dict:
    """CPU seconds of each part of the engine on ``corpus`` (warm: providers loaded first)."""
    sys.path.insert(0, str(ROOT))
    from collections import Counter

    from mtqa.core.config import Config
    from mtqa.core.text import load_document
    from mtqa.engine import fingerprint
    from mtqa.engine.runner import Engine

    cfg = Config(language="pt", variant="BR", jobs=1)
    engine = Engine(cfg)
    paths = sorted(Path(corpus).glob("*.txt"))
    engine.check_document(load_document(paths[0]))  # start the providers
    cpu: Counter = Counter()
    clock = time.process_time
    t0 = clock()
    sentences = 0
    for p in paths:
        a = clock()
        doc = load_document(p)
        cpu["engine: load"] += clock() - a
        a = clock()
        engine.prepare(doc)
        cpu["engine: language annotation"] += clock() - a
        a = clock()
        sentences += len(doc.sentences)
        cpu["engine: segmentation"] += clock() - a
        found = []
        for c in engine.ready_checks():
            if not c.applies_to(doc.language):
                continue
            a = clock()
            hits = c.run(doc, engine.ctx)
            cpu[c.code] += clock() - a
            a = clock()
            found.extend(engine.finding(doc, c, h) for h in hits)
            cpu["engine: findings"] += clock() - a
        a = clock()
        fingerprint.assign(doc, found)
        cpu["engine: fingerprints"] += clock() - a
    total = clock() - t0
    return {"sentences": sentences, "cpu_seconds": round(total, 3),
            "parts": {k: round(v, 4) for k, v in cpu.most_common()}}


def stage_module(module_file: str, sentences_file: str) -> dict:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(Path(module_file).stem, module_file)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    sentences = json.loads(Path(sentences_file).read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    data = mod.run(sentences)
    return {"result": data, "seconds": round(time.perf_counter() - t0, 3), "sentences": len(sentences)}


# --- the orchestrator ---------------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu or platform.processor(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def measure_startup(pool: Sequence[str], work: Path, runs: int) -> dict:
    """Start-up of ``mtqa lint`` on one clean pt-BR article and on one corpus article: the first
    run with an empty cache folder, then the median of ``runs`` runs that find what it kept.
    Alone: ``python bench/run.py --startup [--runs N]`` (prints the JSON, writes nothing)."""
    # A clean pt-BR article, and a corpus article (which mixes in the English and Italian
    # sentences of the seeds, so more providers start).
    mixed = work / "small.txt"
    mixed.write_text(build_corpus(pool, 1, seed=SEED + 1)[0], encoding="utf-8")
    clean = min((ROOT / "tests/guard/pt_BR").glob("*.txt"))
    py = [run_child([sys.executable, "-c", "pass"])["seconds"] for _ in range(runs)]
    startup = {"runs": runs, "python_only_median_s": round(statistics.median(py), 4)}
    for label, path in (("clean pt-BR article", clean), ("corpus article", mixed)):
        # A cache folder of its own: the first run starts empty (glossary parse cache and
        # dictionary answers cold), the others find what the first one kept.
        cache = work / f"cache-{len(startup)}"
        walls, cpus, rss = [], [], []
        for _ in range(runs + 1):
            r = run_child([*mtqa_cmd(), "lint", str(path), *LINT_ARGS],
                          env=child_env(MTQA_CACHE_DIR=str(cache)))
            if r["returncode"] != 0:
                raise RuntimeError(f"mtqa lint failed: {r['stderr'][-500:]}")
            walls.append(r["seconds"])
            cpus.append(r["cpu_seconds"])
            rss.append(r["max_rss_mb"])
        first, walls, cpus = walls[0], walls[1:], cpus[1:]
        startup[label] = {
            "file": path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else "generated",
            "words": len(path.read_text(encoding="utf-8").split()),
            "first_run_s": round(first, 4),
            "median_s": round(statistics.median(walls), 4), "min_s": round(min(walls), 4),
            "median_cpu_s": round(statistics.median(cpus), 4), "max_rss_mb": max(rss)}
        log(f"startup {label}: {startup[label]['median_s']} s")

    return startup


def count_sentences(folder: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from mtqa.core.text import load_document

    return sum(len(load_document(p).sentences) for p in folder.glob("*.txt"))


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def bench(quick: bool, out_dir: Path, docs: Path | None, articles: int) -> dict:
    t_start = time.perf_counter()
    sizes = (10, 50, 100) if quick else (100, articles, 10 * articles)
    n_main = 50 if quick else articles
    startup_runs = 3 if quick else 7
    rt_sentences = 10 if quick else 200
    rt_articles = 2 if quick else 20
    module_sentences = 500 if quick else 10_000
    work = Path(tempfile.mkdtemp(prefix="mtqa-bench-"))
    results: dict = {"machine": machine(), "quick": quick, "seed": SEED,
                     "command": "python bench/run.py" + (" --quick" if quick else ""), "notes": []}
    try:
        pool = sentence_pool(source_files())
        results["corpus"] = {"source_files": len(source_files()), "pool_sentences": len(pool)}
        corpora: dict[int, Path] = {}
        for n in sorted(set(sizes) | {n_main}):
            corpora[n] = write_corpus(build_corpus(pool, n), work / f"c{n}")
        main = corpora[n_main]
        main_sentences = count_sentences(main)
        results["corpus"].update(articles=n_main, sentences=main_sentences,
                                 words=sum(len(p.read_text(encoding="utf-8").split())
                                           for p in main.glob("*.txt")))
        log(f"corpus: {n_main} articles, {main_sentences} sentences")

        # 1. startup on one small file
        results["startup"] = measure_startup(pool, work, startup_runs)

        # 2. mtqa lint end to end on the main corpus, one worker and default workers
        lint = {}
        for label, jobs in (("jobs=1", "1"), ("jobs=default", None)):
            env = child_env(**({"MTQA_JOBS": jobs} if jobs else {}))
            r = run_child([*mtqa_cmd(), "lint", str(main), "--format", "json", "-o",
                           str(work / "lint.json"), *LINT_ARGS], env=env)
            if r["returncode"] != 0:
                raise RuntimeError(f"mtqa lint failed: {r['stderr'][-500:]}")
            findings = len(json.loads((work / "lint.json").read_text(encoding="utf-8"))["findings"])
            lint[label] = {"seconds": round(r["seconds"], 3), "max_rss_mb": r["max_rss_mb"],
                           "cpu_seconds": round(r["cpu_seconds"], 3),
                           "sentences_per_s": round(main_sentences / r["seconds"], 1),
                           "sentences_per_cpu_s": round(main_sentences / r["cpu_seconds"], 1),
                           "findings": findings}
            log(f"lint {label}: {lint[label]['sentences_per_s']} sentences/s")
        results["lint"] = {"articles": n_main, "sentences": main_sentences, **lint}

        # 2b. the same on a corpus of distinct sentences (no sentence repeated anywhere)
        distinct = write_corpus(distinct_corpus(pool), work / "distinct")
        d_sentences = count_sentences(distinct)
        r = run_child([*mtqa_cmd(), "lint", str(distinct), "--format", "json", "-o",
                       str(work / "lint-distinct.json"), *LINT_ARGS], env=child_env(MTQA_JOBS="1"))
        if r["returncode"] != 0:
            raise RuntimeError(f"mtqa lint failed: {r['stderr'][-500:]}")
        results["lint_distinct"] = {
            "articles": len(list(distinct.glob("*.txt"))), "sentences": d_sentences,
            "seconds": round(r["seconds"], 3), "cpu_seconds": round(r["cpu_seconds"], 3),
            "sentences_per_s": round(d_sentences / r["seconds"], 1),
            "sentences_per_cpu_s": round(d_sentences / r["cpu_seconds"], 1), "max_rss_mb": r["max_rss_mb"]}
        log(f"lint distinct: {results['lint_distinct']['sentences_per_s']} sentences/s")

        # 3. engine families, each in its own process
        fams = {}
        from mtqa.engine.select import select_checks

        covered = "".join(FAMILIES.values())
        other = "".join(sorted({c.code[0] for c in select_checks()} - set(covered)))
        families = [("all default checks", "*"), *list(FAMILIES.items())[:3]]
        if other:
            families.append((f"other ({other} codes)", other))
        for name, letters in families:
            fams[name] = stage(["engine", str(main), letters, "3"])
            log(f"family {name}: {fams[name].get('warm_sentences_per_s', fams[name])}")
        # the round trip on a prefix of the corpus (same articles), cold then warm cache
        rt = corpora[rt_articles] if rt_articles in corpora else write_corpus(
            build_corpus(pool, rt_articles), work / f"c{rt_articles}")
        fams["roundtrip"] = stage(["engine", str(rt), "R", "2", str(work / "rt-cache.sqlite")],
                                  timeout=300)
        log(f"family roundtrip: {fams['roundtrip']}")
        results["families"] = fams

        # where the engine's CPU time goes, per check
        results["profile"] = stage(["checks", str(main)])
        log(f"profile: {str(results['profile'])[:200]}")

        # 4. family benchmark modules
        corpus_sents = [s for p in sorted(main.glob("*.txt")) for s in _sentences_of(p)]
        mods = {}
        for name, fname in MODULES.items():
            path = BENCH / fname
            if not path.exists():
                mods[name] = {"skipped": f"bench/{fname} not present"}
                continue
            n = rt_sentences if name == "roundtrip" else module_sentences
            sfile = work / f"{name}.json"
            sfile.write_text(json.dumps(corpus_sents[:n], ensure_ascii=False), encoding="utf-8")
            mods[name] = stage(["module", str(path), str(sfile)], timeout=240 if not quick else 120)
            if "error" in mods[name]:
                mods[name]["skipped"] = f"bench/{fname} failed: {mods[name]['error']}"
            log(f"module {name}: {str(mods[name])[:200]}")
        results["modules"] = mods

        # 5. scaling of the engine: in process, one worker, warm pass (providers already loaded)
        scale = []
        for n in sizes:
            # The fastest of three passes where a pass is short (CPU time of short runs is noisy
            # on a shared machine); one pass of the largest corpus.
            r = stage(["engine", str(corpora[n]), "*", "-1" if n == max(sizes) else "-3"])
            scale.append({"articles": n, "sentences": r.get("sentences"),
                          "seconds": r.get("warm_seconds"), "cpu_seconds": r.get("warm_cpu_seconds"),
                          "max_rss_mb": r.get("max_rss_mb"),
                          "sentences_per_cpu_s": r.get("warm_sentences_per_cpu_s"),
                          "error": r.get("error")})
            log(f"scale {n}: {scale[-1]}")
        ratios = []
        for a, b in zip(scale, scale[1:], strict=False):
            if a["cpu_seconds"] and b["cpu_seconds"]:
                ratios.append({"from": a["articles"], "to": b["articles"],
                               "size_ratio": round(b["sentences"] / a["sentences"], 2),
                               "cpu_time_ratio": round(b["cpu_seconds"] / a["cpu_seconds"], 2),
                               "wall_time_ratio": round(b["seconds"] / a["seconds"], 2)})
        results["scaling"] = {"runs": scale, "ratios": ratios}
    except Exception:
        results["error"] = traceback.format_exc()
        log(results["error"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["total_seconds"] = round(time.perf_counter() - t_start, 1)
    if results["total_seconds"] > 600:
        results["notes"].append(f"the run took {results['total_seconds']} s, over the 10-minute budget")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    md = markdown(results)
    (out_dir / "results.md").write_text(md, encoding="utf-8")
    if docs is not None:
        docs.write_text(DOCS_HEAD + md + junk_section(out_dir), encoding="utf-8")
    log(f"done in {results['total_seconds']} s: {out_dir / 'results.md'}")
    return results


def _sentences_of(p: Path) -> list[str]:
    from mtqa.core.text import load_document

    return [s.text for s in load_document(p).sentences]


DOCS_HEAD = """# Benchmarks

Generated by `python bench/run.py`. Do not edit this file by hand: re-run the script instead. The
script's docstring describes each stage. Every throughput counts sentences the way mtqa segments
them.

How to read the table:

- *Wall* time is what a user waits. *CPU-seconds* are the time the process itself ran. The
  machine is shared, so when other work is running, wall time inflates while CPU time hardly
  moves. "Sentences per CPU-second" is therefore the figure for throughput on one core, and the
  scaling ratios are computed from CPU time.
- *Cold* includes starting the providers: the lingua language model, the hunspell dictionaries,
  and the Bergamot translation models with an empty translation cache. *Warm* is a second pass in
  the same process, with the round trip answered from its cache.
- Before every timed pass the language detector and the glossary forget their remembered
  answers: a warm pass reuses the loaded models, not the answers of the pass before. Inside one
  pass a repeated sentence is answered from memory, as in a real batch that repeats page
  furniture; this corpus repeats each of its source sentences about 17 times, more than a batch
  of distinct articles (the row of distinct sentences shows a batch without repeats).
- The scaling rows warm the providers up on the source texts first. They then report the
  fastest of three passes (one pass for the largest corpus). Their peak RSS grows with the corpus
  because a run keeps every document and finding until it ends.
- Each stage runs in a fresh process, so its peak RSS (`ru_maxrss` of that process) belongs to
  that stage alone.
- `jobs=default` leaves `jobs` at its configured default. The row differs from `jobs=1` only if
  the engine runs files in parallel.

"""


def junk_section(out_dir: Path) -> str:
    """The junk-input table ``bench/pathological.py --markdown OUT/pathological.md`` wrote (it
    runs for minutes on its own, so this script does not run it)."""
    f = out_dir / "pathological.md"
    head = ("\n## Junk input\n\nGenerated by `python bench/pathological.py --markdown "
            "bench/out/pathological.md` before `python bench/run.py`, which copies the table here. "
            "Each pattern is about 1 MB of one kind of junk (runs of one mark, many tiny lines, one "
            "huge line, unterminated comments, quotes only...), checked in its own process with "
            "all default checks; the engine bounds a sentence to 3,000 characters and one check to "
            "1,000 findings per document (with a note).\n\n")
    if not f.exists():
        return head + "Not measured in this run (bench/out/pathological.md is missing).\n"
    return head + f.read_text(encoding="utf-8")


def _fmt(v, unit: str = "") -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        v = f"{v:,.1f}" if v >= 100 else f"{v:.3g}"
    elif isinstance(v, int):
        v = f"{v:,}"
    return f"{v}{unit}"


def markdown(r: dict) -> str:
    m = r["machine"]
    lines = [
        f"Measured {m['date']} on {m['nproc']} × {m['cpu']}, Python {m['python']}"
        + (" (quick mode: small corpus, not for quoting)" if r.get("quick") else "") + ".",
        f"Command: `{r['command']}`; total {r['total_seconds']} s.",
        "",
    ]
    if "error" in r:
        lines += ["**The run failed:**", "", "```", r["error"].strip(), "```", ""]
    c = r.get("corpus", {})
    if c:
        lines += [f"Corpus: {c.get('articles', 0):,} articles, {c.get('sentences', 0):,} sentences, "
                  f"{c.get('words', 0):,} words, drawn from {c['pool_sentences']} sentences of "
                  f"{c['source_files']} files (seeds and clean guard texts), seed {r['seed']}.", ""]
    lines += ["| measurement | value | peak RSS |", "| --- | --- | --- |"]
    s = r.get("startup")
    for label in ("clean pt-BR article", "corpus article"):
        if s and label in s:
            x = s[label]
            first = (f"; first run, empty cache: {x['first_run_s'] * 1000:.0f} ms"
                     if "first_run_s" in x else "")
            lines.append(f"| startup: `mtqa lint` on one {label} ({x['words']} words; median of "
                         f"{s['runs']} runs after the first) | {x['median_s'] * 1000:.0f} ms wall, "
                         f"{x['median_cpu_s'] * 1000:.0f} ms CPU{first} (bare `python -c pass`: "
                         f"{s['python_only_median_s'] * 1000:.0f} ms) | {_fmt(x['max_rss_mb'], ' MB')} |")
    lint = r.get("lint", {})
    for label in ("jobs=1", "jobs=default"):
        if label in lint:
            x = lint[label]
            lines.append(f"| `mtqa lint` end to end, {lint['articles']:,} articles "
                         f"({lint['sentences']:,} sentences), {label} "
                         f"| {_fmt(x['sentences_per_s'])} sentences/s ({x['seconds']:.2f} s wall); "
                         f"{_fmt(x['sentences_per_cpu_s'])} per CPU-second "
                         f"| {_fmt(x['max_rss_mb'], ' MB')} |")
    d = r.get("lint_distinct")
    if d:
        lines.append(f"| `mtqa lint` end to end, {d['articles']:,} articles of distinct sentences "
                     f"({d['sentences']:,} sentences, none repeated), jobs=1 "
                     f"| {_fmt(d['sentences_per_s'])} sentences/s ({d['seconds']:.2f} s wall, process start "
                     f"included); {_fmt(d['sentences_per_cpu_s'])} per CPU-second | {_fmt(d['max_rss_mb'], ' MB')} |")
    for name, f in r.get("families", {}).items():
        label = f"engine, {name}" + (f" ({FAMILIES[name]} codes)" if name in FAMILIES else "")
        if "error" in f:
            lines.append(f"| {label} | failed: {f['error']} | |")
        elif not f.get("checks"):
            lines.append(f"| {label} | {f.get('note', 'no checks')} | |")
        else:
            skipped = f" — skipped: {', '.join(sorted(f['skipped']))}" if f.get("skipped") else ""
            lines.append(f"| {label}: {len(f['checks'])} checks{skipped} | warm "
                         f"{_fmt(f.get('warm_sentences_per_cpu_s'))} sentences per CPU-second, cold "
                         f"{_fmt(f['cold_sentences_per_cpu_s'])} ({f['sentences']:,} sentences; "
                         f"cold {f['cold_seconds']:.2f} s wall) | {_fmt(f['max_rss_mb'], ' MB')} |")
    for name, mres in r.get("modules", {}).items():
        if "skipped" in mres:
            lines.append(f"| bench module: {name} | skipped: {mres['skipped']} | |")
            continue
        data = mres.get("result", {})
        items = [(k, v) for k, v in _flat(data) if "confusion" not in k]
        summary = ", ".join(f"{k}: {_fmt(v)}" for k, v in items[:16])
        if len(items) > 16:
            summary += f", … ({len(items) - 16} more in results.json)"
        lines.append(f"| bench module: {name} ({mres['sentences']:,} sentences, "
                     f"{mres['seconds']} s) | {summary} | {_fmt(mres['max_rss_mb'], ' MB')} |")
    sc = r.get("scaling")
    if sc:
        for run in sc["runs"]:
            lines.append(f"| scaling: engine (warm), {run['articles']:,} articles "
                         f"({_fmt(run['sentences'])} sentences) | {_fmt(run['cpu_seconds'], ' s')} "
                         f"CPU ({_fmt(run['seconds'], ' s')} wall), "
                         f"{_fmt(run['sentences_per_cpu_s'])} sentences per CPU-second "
                         f"| {_fmt(run['max_rss_mb'], ' MB')} |")
        for q in sc["ratios"]:
            lines.append(f"| scaling ratio {q['from']:,} → {q['to']:,} articles | CPU time × "
                         f"{q['cpu_time_ratio']} (wall × {q['wall_time_ratio']}) for size × "
                         f"{q['size_ratio']} | |")
    prof = r.get("profile")
    if prof and "parts" in prof:
        total = prof["cpu_seconds"] or 1
        lines += ["", f"Where the CPU time of the engine goes ({prof['sentences']:,} sentences, "
                  f"{prof['cpu_seconds']} CPU-seconds, warm):", "",
                  "| part | CPU seconds | share |", "| --- | --- | --- |"]
        for part, sec in list(prof["parts"].items())[:12]:
            lines.append(f"| {part} | {sec:.3f} | {sec / total:.0%} |")
    if r.get("notes"):
        lines += [""] + [f"- {n}" for n in r["notes"]]
    return "\n".join(lines) + "\n"


def _flat(d, prefix: str = ""):
    if not isinstance(d, dict):
        yield prefix or "value", d
        return
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else str(k)
        if isinstance(v, dict):
            yield from _flat(v, key)
        elif isinstance(v, int | float | str | bool) or v is None:
            yield key, v


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small corpus, for smoke tests")
    ap.add_argument("--out", type=Path, default=BENCH / "out")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--docs", type=Path, default=None,
                    help="also write the table here (default: docs/benchmarks.md on full runs)")
    ap.add_argument("--stage", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--startup", action="store_true",
                    help="measure only the start-up of mtqa lint (stage 1); print its JSON, write nothing")
    ap.add_argument("--runs", type=int, default=7, help="with --startup: runs after the first")
    a = ap.parse_args(argv)
    if a.startup:
        work = Path(tempfile.mkdtemp(prefix="mtqa-bench-"))
        try:
            r = {"machine": machine(), "load_before": os.getloadavg(),
                 **measure_startup(sentence_pool(source_files()), work, a.runs),
                 "load_after": os.getloadavg()}
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(json.dumps(r, ensure_ascii=False, indent=1))
        return 0
    if a.stage:
        kind, *rest = a.stage
        if kind == "engine":
            data = stage_engine(rest[0], rest[1], int(rest[2]), *rest[3:])
        elif kind == "checks":
            data = stage_checks(rest[0])
        else:
            data = stage_module(*rest)
        print(json.dumps(data, ensure_ascii=False, default=str))
        return 0
    docs = a.docs if a.docs is not None else (None if a.quick else ROOT / "docs" / "benchmarks.md")
    r = bench(a.quick, a.out, docs, a.articles)
    print(shlex.quote(str(a.out / "results.md")))
    return 1 if "error" in r else 0


if __name__ == "__main__":
    sys.exit(main())
