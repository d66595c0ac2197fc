"""Junk input must not take minutes and gigabytes: run generated pathological texts through the
engine and report seconds per MB and peak memory.

    python bench/pathological.py [--quick] [--size BYTES] [--timeout S] [--only NAME,...]
                                 [--list] [--profile] [--json FILE]

Each pattern (runs of one punctuation mark, ``a , `` repeated, capitalised word runs, one huge
line, many tiny lines, an unterminated ``<!--``, quotes only, digits and separators, mixed
scripts, CR-only line endings, binary-like text, very long words, URL soup, emoji, combining
marks...) is generated deterministically at about ``--size`` bytes (1 MB; ``--quick``: 100 KB)
and checked in its own subprocess (all default checks, pt-BR configured, no configuration file,
no review file), so a pattern that hangs is killed at ``--timeout`` seconds and one that eats
memory cannot take the machine with it (the child's address space is capped at ``--max-mb``
times four).

For every pattern it prints the seconds spent on the document (after a warm-up document has
loaded the providers), that figure per MB, the peak resident memory of the child, the number of
findings, and the three most expensive parts of the run: each check by code, and the engine's
``langid`` (language annotation), ``segment`` (lines, paragraphs, sentences), ``findings``
(hits turned into findings), ``fingerprint`` and ``suppress`` steps. A pattern over the budget
(``--budget`` seconds per MB, default 5, or ``--max-mb`` MB, default 500) is flagged ``SLOW`` or
``BIG``; one killed at the timeout names the part that was running. ``--profile`` prints a
cProfile of the slowest pattern's child. The exit status is 1 when a pattern is over budget.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# --- the patterns ------------------------------------------------------------------------------

_WORDS = (
    "governo ministro cidade país acordo semana eleição presidente mercado empresa escola "
    "trabalho projeto reunião relatório economia saúde segurança região polícia tribunal "
    "investimento energia água população campanha proposta decisão conselho imprensa"
).split()
_CAPS = [w.capitalize() for w in _WORDS] + (
    "Silva Santos Oliveira Souza Pereira Costa Rodrigues Almeida Nascimento Lima Araújo "
    "Fernandes Carvalho Gomes Martins Rocha Ribeiro Alves Monteiro Mendes Barros Freitas"
).split()
_SMALL = "o a de da do em no na com por para que e um uma os as se mais foi".split()
_SCRIPTS = (
    "palavra", "слово", "λέξη", "単語", "词语", "كلمة", "מילה", "शब्द", "단어", "คำ", "sõna", "ŋʊd",
)
_EMOJI = "😀 😂 🤔 🎉 🔥 👍 🚀 ❤️ 🇧🇷 🇵🇹 👨‍👩‍👧 ✅ ⚽ 🌍".split()


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated until the UTF-8 text is about ``size`` bytes."""
    n = max(1, size // max(1, len(unit.encode("utf-8"))))
    return unit * n


def _fill(make: Callable[[random.Random], str], size: int, sep: str = "", seed: int = 1) -> str:
    """Pieces from ``make`` joined by ``sep`` until the text is about ``size`` bytes."""
    rng = random.Random(seed)
    out, total, step = [], 0, len(sep.encode("utf-8"))
    while total < size:
        piece = make(rng)
        out.append(piece)
        total += len(piece.encode("utf-8")) + step
    return sep.join(out)


def _sentence(rng: random.Random) -> str:
    """A plain sentence of made-up Portuguese (grammatical enough, written for this bench)."""
    n = rng.randint(6, 16)
    ws = [rng.choice(_SMALL) if rng.random() < 0.45 else rng.choice(_WORDS) for _ in range(n)]
    if rng.random() < 0.3:
        ws.insert(rng.randrange(len(ws)), rng.choice(_CAPS[-22:]))
    return ws[0].capitalize() + " " + " ".join(ws[1:]) + rng.choice("...!?")


def _paragraphs(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))


def _cap_words(rng: random.Random) -> str:
    return rng.choice(_CAPS)


def _url(rng: random.Random) -> str:
    path = "/".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 4)))
    q = f"?id={rng.randint(1, 99999)}&ref={rng.choice(_WORDS)}" if rng.random() < 0.5 else ""
    return f"https://www.{rng.choice(_WORDS)}.com.br/{path}{q}"


def _number(rng: random.Random) -> str:
    form = rng.randrange(6)
    a, b, c = rng.randint(0, 999), rng.randint(0, 999), rng.randint(0, 99)
    return (f"{a}.{b:03d},{c:02d}", f"{a},{b}", f"{c}/{c % 12 + 1}/20{c:02d}", f"{c % 24}h{c:02d}",
            f"{a}-{b}", f"{a}:{b}:{c}")[form]


def _binaryish(rng: random.Random) -> str:
    # Printable ASCII and Latin-1 only: control characters make mtqa refuse the file (correctly).
    return "".join(chr(rng.choice((rng.randint(0x20, 0x7E), rng.randint(0xA0, 0xFF))))
                   for _ in range(rng.randint(20, 200)))


def _markdown(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return "#" * rng.randint(1, 6) + " " + " ".join(rng.choice(_CAPS) for _ in range(3))
    if kind == 1:
        return "* " + _sentence(rng)
    if kind == 2:
        return "| " + " | ".join(rng.choice(_WORDS) for _ in range(4)) + " |"
    return "> **" + rng.choice(_WORDS) + "** _" + _sentence(rng) + "_"


def _initials(rng: random.Random) -> str:
    return " ".join(f"{chr(rng.randint(65, 90))}." for _ in range(rng.randint(1, 6))) + " " + rng.choice(_CAPS)


def _combining(rng: random.Random) -> str:
    marks = "\u0301\u0300\u0303\u0302\u0327\u0308"
    return "".join(rng.choice("aeiouc") + rng.choice(marks) * rng.randint(1, 3) for _ in range(rng.randint(3, 9)))


def _mixed_scripts(rng: random.Random) -> str:
    return rng.choice(_SCRIPTS)


def _prose_lines(size: int) -> str:
    return _fill(_paragraphs, size, "\n\n")


#: name -> generator of about ``size`` bytes of text.
PATTERNS: dict[str, Callable[[int], str]] = {
    # runs of one punctuation mark, on one line
    "bang_run": lambda n: _repeat("!", n),
    "period_run": lambda n: _repeat(".", n),
    "question_run": lambda n: _repeat("?", n),
    "ellipsis_run": lambda n: _repeat("…", n),
    "dash_run": lambda n: _repeat("-", n),
    "comma_run": lambda n: _repeat(",", n),
    "paren_run": lambda n: _repeat("(", n // 2) + _repeat(")", n // 2),
    "bang_space_run": lambda n: _repeat("! ", n),
    "period_caps_run": lambda n: _repeat(". A", n),
    # repeated small units
    "a_comma_space": lambda n: _repeat("a , ", n),
    "space_hyphen": lambda n: _repeat("norte -coreano ", n),
    "repeated_word": lambda n: _repeat("de ", n),
    "abbreviation_run": lambda n: _repeat("Sr. ", n),
    "apostrophe_s": lambda n: _repeat("Brasil's ", n),
    "stutter_names": lambda n: _repeat("Kim Jong Un ", n),
    "repeated_sentence_lines": lambda n: _repeat("O governo anunciou um novo plano ontem.\n", n),
    # capitalised words
    "cap_words_one_line": lambda n: _fill(_cap_words, n, " "),
    "cap_words_lines": lambda n: "\n".join(
        " ".join(ln) for ln in _chunks(_fill(_cap_words, n, " ").split(" "), 12)),
    "all_caps_words": lambda n: _fill(lambda r: r.choice(_CAPS).upper(), n, " "),
    "initials_run": lambda n: _fill(_initials, n, " "),
    # line structure
    "prose_one_line": lambda n: _fill(_sentence, n, " "),
    "prose_lines": _prose_lines,
    "cr_only_prose": lambda n: _prose_lines(n).replace("\n", "\r"),
    "crlf_prose": lambda n: _prose_lines(n).replace("\n", "\r\n"),
    "tiny_lines": lambda n: _repeat("a\n", n),
    "blank_lines": lambda n: "x" + _repeat("\n", n),
    "cr_only_tiny": lambda n: _repeat("a\r", n),
    "markdown_soup": lambda n: _fill(_markdown, n, "\n"),
    # comments and markup
    "unterminated_comment": lambda n: "<!-- mtqa: ignore " + _fill(_sentence, n, " "),
    "comment_opens": lambda n: _repeat("<!-- mtqa: ignore ", n),
    "comment_many": lambda n: _repeat("<!-- mtqa: ignore S101 --> a\n", n),
    "html_soup": lambda n: _repeat('<p class="x"><a href="/a">Leia</a></p>', n),
    # quotes
    "quotes_only": lambda n: _repeat('"', n),
    "curly_quotes": lambda n: _repeat("“”", n),
    "quote_lines": lambda n: _repeat("“\n", n),
    "guillemets_words": lambda n: _repeat("«palavra» ", n),
    # digits, separators
    "digits_run": lambda n: _repeat("1234567890", n),
    "digits_separators": lambda n: _fill(_number, n, " "),
    "digit_dot_run": lambda n: _repeat("1.", n),
    # scripts and characters
    "mixed_scripts": lambda n: _fill(_mixed_scripts, n, " "),
    "binary_like": lambda n: _fill(_binaryish, n, ""),
    "long_word": lambda n: _repeat("a", n),
    "long_cap_word": lambda n: _repeat("A", n),
    "url_soup": lambda n: _fill(_url, n, " "),
    "emoji": lambda n: _fill(lambda r: r.choice(_EMOJI), n, " "),
    "combining_marks": lambda n: _fill(_combining, n, " "),
    "nbsp_tabs": lambda n: _repeat("a\u00a0\t \u00a0b ", n),
}


def _chunks(xs: list, k: int):
    for i in range(0, len(xs), k):
        yield xs[i : i + k]


# --- the child: one pattern through the engine --------------------------------------------------


def _child(name: str, size: int, profile: bool) -> int:
    sys.path.insert(0, str(ROOT))
    from mtqa.checks.base import Check
    from mtqa.core.config import Config
    from mtqa.engine import fingerprint, runner, suppress

    parts: dict[str, float] = {}
    clock = time.perf_counter

    def timed(label: Callable[..., str], fn):
        def wrapper(*args, **kwargs):
            key = label(*args)
            print(f"@start {key}", file=sys.stderr, flush=True)
            t = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                parts[key] = parts.get(key, 0.0) + clock() - t

        return wrapper

    Check.run = timed(lambda self, *a: self.code, Check.run)
    engine_prepare = timed(lambda *a: "langid", runner.Engine.prepare)

    def prepare(self, doc):
        engine_prepare(self, doc)
        print("@start segment", file=sys.stderr, flush=True)
        t = clock()
        doc.lines, doc.paragraphs, doc.sentences  # noqa: B018 - computed and cached here
        parts["segment"] = parts.get("segment", 0.0) + clock() - t

    runner.Engine.prepare = prepare
    runner.Engine.finding = timed(lambda *a: "findings", runner.Engine.finding)
    fingerprint.assign = timed(lambda *a: "fingerprint", fingerprint.assign)
    for fn in ("apply_inline", "apply_per_file", "merge_same_span"):
        setattr(suppress, fn, timed(lambda *a: "suppress", getattr(suppress, fn)))

    cfg = Config(language="pt", variant="BR", jobs=1)
    cfg.review_file = ""
    cfg.max_file_size = max(cfg.max_file_size, 4 * size + 1024)
    engine = runner.Engine(cfg)
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"mtqa-pathological-{os.getpid()}"
    tmp.mkdir(parents=True, exist_ok=True)
    warm = tmp / "warm.txt"
    # Warm-up: prose, an English line, other scripts and marks, so the providers' lazy parts
    # (word lists, language models) load here and not in the figures of the pattern.
    warm.write_text("\n\n".join((
        _prose_lines(4000), "The minister said on Monday that the plan was approved by the board.",
        " ".join(_SCRIPTS), _fill(_combining, 200, " "), _fill(_mixed_scripts, 300, " "),
        _fill(_cap_words, 300, " "), _fill(_number, 200, " "), "\r".join(_WORDS[:5]),
    )) + "\n", encoding="utf-8")
    runner.run([str(warm)], cfg, engine=engine, use_review=False)
    parts.clear()
    text = PATTERNS[name](size)
    path = tmp / f"{name}.txt"
    path.write_bytes(text.encode("utf-8"))
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    t0 = clock()
    result = runner.run([str(path)], cfg, engine=engine, use_review=False)
    seconds = clock() - t0
    if prof is not None:
        import pstats

        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    for p in (path, warm):
        p.unlink()
    tmp.rmdir()
    print(json.dumps({
        "seconds": seconds,
        "bytes": len(text.encode("utf-8")),
        "findings": len(result.findings) + len(result.suppressed),
        "errors": [str(e) for e in result.errors],
        "parts": parts,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))
    return 0


# --- the parent ---------------------------------------------------------------------------------


def run_pattern(name: str, size: int, timeout: float, max_mb: int, profile: bool = False) -> dict:
    """Run one pattern in a child; return its figures (``status``: ok, timeout, crashed)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--size", str(size)]
    if profile:
        cmd.append("--profile")
    limit = max_mb * 4 * 1024 * 1024

    def cap():  # runs in the child before exec
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=cap, cwd=ROOT)
    out: dict[str, str] = {}

    def drain(stream, key):
        out[key] = stream.read()

    readers = [threading.Thread(target=drain, args=(proc.stdout, "out")),
               threading.Thread(target=drain, args=(proc.stderr, "err"))]
    for r in readers:
        r.start()
    killed = threading.Event()

    def kill():
        killed.set()
        proc.kill()

    timer = threading.Timer(timeout, kill)
    timer.start()
    _pid, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join()
    wall = time.perf_counter() - t0
    rss = usage.ru_maxrss / 1024
    err = out.get("err", "")
    if killed.is_set():
        running = [ln[7:] for ln in err.splitlines() if ln.startswith("@start ")]
        return {"name": name, "status": "timeout", "wall": wall, "rss_mb": rss,
                "running": running[-1] if running else "startup"}
    try:
        data = json.loads(out.get("out", "").strip().splitlines()[-1])
    except (IndexError, ValueError):
        tail = [ln for ln in err.splitlines() if not ln.startswith("@start ")][-3:]
        return {"name": name, "status": "crashed", "wall": wall, "rss_mb": rss, "stderr": tail}
    data.update(name=name, status="ok", wall=wall, rss_mb=max(rss, data["rss_mb"]))
    if profile:
        data["profile"] = "\n".join(ln for ln in err.splitlines() if not ln.startswith("@start "))
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="~100 KB inputs instead of ~1 MB")
    ap.add_argument("--size", type=int, default=0, help="bytes per pattern (default 1 MB)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per pattern (default 60)")
    ap.add_argument("--budget", type=float, default=5.0, help="seconds per MB allowed (default 5)")
    ap.add_argument("--max-mb", type=int, default=500, help="peak RSS allowed in MB (default 500)")
    ap.add_argument("--only", default="", help="comma-separated pattern names")
    ap.add_argument("--list", action="store_true", help="list the patterns and exit")
    ap.add_argument("--profile", action="store_true", help="cProfile the slowest pattern again")
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    ap.add_argument("--markdown", type=Path,
                    help="write the table as Markdown to this file (bench/run.py puts "
                         "bench/out/pathological.md into docs/benchmarks.md)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    size = a.size or (100_000 if a.quick else 1_000_000)
    if a.child:
        return _child(a.child, size, a.profile)
    names = [n for n in a.only.split(",") if n] or list(PATTERNS)
    unknown = [n for n in names if n not in PATTERNS]
    if unknown:
        ap.error(f"unknown pattern(s): {', '.join(unknown)} (see --list)")
    if a.list:
        print("\n".join(names))
        return 0
    print(f"{len(names)} patterns of ~{size:,} bytes, timeout {a.timeout:g} s, budget "
          f"{a.budget:g} s/MB and {a.max_mb} MB")
    rows, bad = [], 0
    for name in names:
        r = run_pattern(name, size, a.timeout, a.max_mb)
        rows.append(r)
        if r["status"] == "ok":
            mb = r["bytes"] / 1e6
            per_mb = r["seconds"] / mb if mb else 0.0
            r["s_per_mb"] = per_mb
            flags = [f for f, over in (("SLOW", per_mb > a.budget), ("BIG", r["rss_mb"] > a.max_mb)) if over]
            top = sorted(r["parts"].items(), key=lambda kv: -kv[1])[:3]
            tops = ", ".join(f"{k} {v:.2f}s" for k, v in top)
            errs = f"  error: {r['errors'][0][:60]}" if r["errors"] else ""
            print(f"{name:26} {r['seconds']:7.2f} s {per_mb:7.2f} s/MB {r['rss_mb']:6.0f} MB "
                  f"{r['findings']:6d} findings  {' '.join(flags):8} {tops}{errs}", flush=True)
        elif r["status"] == "timeout":
            flags = ["TIMEOUT"]
            print(f"{name:26} >{a.timeout:.0f} s (killed)  {r['rss_mb']:6.0f} MB  while running "
                  f"{r['running']}", flush=True)
        else:
            flags = ["CRASHED"]
            print(f"{name:26} crashed ({r['rss_mb']:.0f} MB): {' | '.join(r['stderr'])}", flush=True)
        bad += bool(flags)
    ok = [r for r in rows if r["status"] == "ok"]
    print(f"{len(rows) - bad} of {len(rows)} within budget")
    if a.profile and ok:
        worst = max(ok, key=lambda r: r["seconds"])
        print(f"\ncProfile of {worst['name']}:")
        print(run_pattern(worst["name"], size, a.timeout * 3, a.max_mb, profile=True).get("profile", ""))
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    if a.markdown:
        a.markdown.parent.mkdir(parents=True, exist_ok=True)
        a.markdown.write_text(markdown(rows, size, a, len(rows) - bad, argv), encoding="utf-8")
    return 1 if bad else 0


def markdown(rows: list[dict], size: int, a, within: int, argv: list[str] | None) -> str:
    """The table of one run, for docs/benchmarks.md."""
    import datetime as dt
    import platform

    args = " ".join(argv if argv is not None else sys.argv[1:])
    lines = [
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. Command: `python bench/pathological.py {args}`.",
        "",
        f"{within} of {len(rows)} patterns of ~{size:,} bytes within the budget of {a.budget:g} s per "
        f"MB and {a.max_mb} MB peak RSS (seconds on the document after a warm-up document; the "
        "three most expensive parts).",
        "",
        "| pattern | seconds | s/MB | peak RSS | findings | over | most expensive |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        if r["status"] == "ok":
            flags = [f for f, over in (("SLOW", r["s_per_mb"] > a.budget), ("BIG", r["rss_mb"] > a.max_mb))
                     if over]
            top = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(r["parts"].items(), key=lambda kv: -kv[1])[:3])
            lines.append(f"| {r['name']} | {r['seconds']:.2f} | {r['s_per_mb']:.2f} | {r['rss_mb']:.0f} MB "
                         f"| {r['findings']:,} | {' '.join(flags)} | {top} |")
        elif r["status"] == "timeout":
            lines.append(f"| {r['name']} | >{a.timeout:.0f} (killed) | | {r['rss_mb']:.0f} MB | | TIMEOUT "
                         f"| while running {r['running']} |")
        else:
            lines.append(f"| {r['name']} | crashed | | {r['rss_mb']:.0f} MB | | CRASHED | |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
