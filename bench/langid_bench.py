"""Language identification benchmark: both backends side by side, and the cost of the L checks.

    .venv/bin/python bench/langid_bench.py [--labelled tests/data/langid/labelled.jsonl] [--json]

``run(sentences)`` takes segments, either plain strings or labelled dicts
(``{"text": ..., "lang": ...}``), and returns a dict with, per backend (lingua, langdetect):

- ``accuracy`` and ``accuracy_short`` (segments of five words or fewer) on the labelled segments
  (the project's labelled set when ``sentences`` carries no labels), and the confusions;
- ``ms_per_segment``: detector time per segment, warm (models already loaded), on at most
  ``max_timed`` of the given segments;

and ``checks``: the language checks (L1xx) run through the engine on documents made of the given
segments (twelve to an article), with the default backend, in ms per sentence, plus how many
segments reached the statistical detector.

``load_cost(backend)`` measures, in a fresh process, the seconds and resident memory (RSS) the
backend's models take to load. The ``__main__`` prints everything as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "langid" / "labelled.jsonl"
BACKEND_NAMES = ("lingua", "langdetect")
#: A throwaway document that makes the L checks load every dictionary and the detector.
WARM_UP = (
    "O ministro chegou a Wonsan no sábado, segundo a agência estatal.\n\nLEAVE A REPLY\n\n"
    "Leggi anche: il vertice tra i due paesi\n\nLee también: la cumbre entre los dos países"
)


def load_labelled(path: Path = LABELLED) -> list[dict[str, Any]]:
    """The labelled segments, one JSON object a line."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{i}: invalid JSON: {exc}") from None
    return out


def _backend(name: str):
    from mtqa.core.config import Config
    from mtqa.providers.langid import LanguageIdentifier

    cfg = Config()
    cfg.langid.backend = name
    return LanguageIdentifier(cfg)


def evaluate(name: str, labelled: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy of one backend on labelled segments (all, and five words or fewer)."""
    ident = _backend(name)
    ok = ok_short = n_short = 0
    confusions: Counter[str] = Counter()
    for item in labelled:
        got = ident.detect(item["text"]).language
        short = len(item["text"].split()) <= 5
        n_short += short
        if got == item["lang"]:
            ok += 1
            ok_short += short
        else:
            confusions[f"{item['lang']}->{got or 'none'}"] += 1
    return {
        "segments": len(labelled),
        "short_segments": n_short,
        "accuracy": round(ok / len(labelled), 3) if labelled else None,
        "accuracy_short": round(ok_short / n_short, 3) if n_short else None,
        "confusions": dict(confusions.most_common()),
    }


def timing(name: str, texts: list[str], max_timed: int) -> dict[str, Any]:
    """Warm detector time per segment (models loaded before the clock starts)."""
    ident = _backend(name)
    t0 = time.perf_counter()
    ident.detect("carregar os modelos antes de medir")
    load = time.perf_counter() - t0
    sample = texts[:max_timed]
    t0 = time.perf_counter()
    for t in sample:
        ident.detect(t)
    dt = time.perf_counter() - t0
    return {"timed_segments": len(sample), "ms_per_segment": round(1000 * dt / max(1, len(sample)), 3),
            "first_call_seconds": round(load, 3)}


def check_cost(texts: list[str], per_article: int = 12, backend: str | None = None) -> dict[str, Any]:
    """The L checks through the engine on articles of ``per_article`` segments (default backend)."""
    from mtqa.checks import all_checks
    from mtqa.core.config import Config
    from mtqa.core.model import Document
    from mtqa.engine.runner import Engine

    cfg = Config(language="pt", variant="BR")
    cfg.langid.backend = backend or cfg.langid.backend
    checks = [c for c in all_checks() if c.code.startswith("L")]
    engine = Engine(cfg, checks=checks)
    engine.ready_checks()
    docs = [
        Document(f"<bench {i}>", "\n\n".join(texts[i : i + per_article]))
        for i in range(0, len(texts), per_article)
    ]
    # Load the providers (dictionaries of every candidate, the detector) before the clock starts.
    engine.check_document(Document("<warm>", WARM_UP))
    langid = engine.providers.get("langid")
    calls0 = langid.backend_calls
    t0 = time.perf_counter()
    findings = 0
    for d in docs:
        findings += len(engine.check_document(d))
    dt = time.perf_counter() - t0
    n_sent = sum(len(d.sentences) for d in docs)
    return {
        "backend": cfg.langid.backend,
        "documents": len(docs),
        "sentences": n_sent,
        "ms_per_sentence": round(1000 * dt / max(1, n_sent), 4),
        "detector_calls": langid.backend_calls - calls0,
        "findings": findings,
    }


def check_cost_files(paths: list[Path], backend: str | None = None) -> dict[str, Any]:
    """The L checks on whole articles (files as they are), target pt-BR, default backend."""
    from mtqa.checks import all_checks
    from mtqa.core.config import Config
    from mtqa.core.model import Document
    from mtqa.core.text import load_document
    from mtqa.engine.runner import Engine

    cfg = Config(language="pt", variant="BR")
    cfg.langid.backend = backend or cfg.langid.backend
    engine = Engine(cfg, checks=[c for c in all_checks() if c.code.startswith("L")])
    engine.ready_checks()
    docs = [load_document(p) for p in paths]
    engine.check_document(Document("<warm>", WARM_UP))  # load the providers first
    langid = engine.providers.get("langid")
    calls0 = langid.backend_calls
    t0 = time.perf_counter()
    findings = sum(len(engine.check_document(d)) for d in docs)
    dt = time.perf_counter() - t0
    n_sent = sum(len(d.sentences) for d in docs)
    return {"backend": cfg.langid.backend, "documents": len(docs), "sentences": n_sent,
            "ms_per_sentence": round(1000 * dt / max(1, n_sent), 4),
            "detector_calls": langid.backend_calls - calls0, "findings": findings}


def run(sentences: list[Any], max_timed: int = 2000) -> dict[str, Any]:
    """Both backends side by side on ``sentences`` (strings or labelled dicts); see the module doc."""
    texts = [s["text"] if isinstance(s, dict) else str(s) for s in sentences]
    labelled = [s for s in sentences if isinstance(s, dict) and s.get("lang")]
    if not labelled:
        labelled = load_labelled()
    out: dict[str, Any] = {"backends": {}}
    for name in BACKEND_NAMES:
        res = evaluate(name, labelled)
        res.update(timing(name, texts, max_timed))
        out["backends"][name] = res
    out["checks"] = check_cost(texts)
    out["checks_by_backend"] = {name: check_cost(texts, backend=name) for name in BACKEND_NAMES}
    return out


def load_cost(name: str) -> dict[str, Any]:
    """Seconds and RSS (MB) to load one backend's models, measured in a fresh process."""
    code = (
        "import json, time\n"
        "from mtqa.core.config import Config\n"
        "from mtqa.providers.langid import make_backend\n"
        "def rss():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmRSS:'):\n"
        "            return int(line.split()[1]) / 1024\n"
        "cfg = Config()\n"
        "r0 = rss()\n"
        "t0 = time.perf_counter()\n"
        f"b = make_backend({name!r}, tuple(cfg.langid.candidates))\n"
        "b.probabilities('um texto curto para carregar')\n"
        "dt = time.perf_counter() - t0\n"
        "r1 = rss()\n"
        "print(json.dumps({'load_seconds': round(dt, 3), 'rss_mb': round(r1 - r0, 1),"
        " 'process_rss_mb': round(r1, 1)}))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if res.returncode != 0:
        return {"error": res.stderr.strip().splitlines()[-1] if res.stderr.strip() else "failed"}
    return json.loads(res.stdout)


def _markdown(res: dict[str, Any], loads: dict[str, Any]) -> str:
    rows = [
        "| backend | accuracy (all) | accuracy (≤5 words) | ms/segment | load s | load RSS MB |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, r in res["backends"].items():
        ld = loads.get(name, {})
        rows.append(
            f"| {name} | {r['accuracy']} ({r['segments']}) | {r['accuracy_short']} "
            f"({r['short_segments']}) | {r['ms_per_segment']} | "
            f"{ld.get('load_seconds', '?')} | {ld.get('rss_mb', '?')} |"
        )
    rows.append("")
    for name, c in res["checks_by_backend"].items():
        rows.append(
            f"L checks, backend {name}, labelled segments as {c['documents']} mixed documents: "
            f"{c['ms_per_sentence']} ms/sentence ({c['sentences']} sentences, "
            f"{c['detector_calls']} reached the detector, {c['findings']} findings)"
        )
    for name, a in res.get("checks_on_articles", {}).items():
        rows.append(
            f"L checks, backend {name}, {a['documents']} articles (seeds + guard): "
            f"{a['ms_per_sentence']} ms/sentence ({a['sentences']} sentences, "
            f"{a['detector_calls']} reached the detector, {a['findings']} findings)"
        )
    for name, r in res["backends"].items():
        rows.append(f"{name} confusions: {r['confusions']}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labelled", type=Path, default=LABELLED)
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = ap.parse_args(argv)
    items = load_labelled(args.labelled)
    res = run(items)
    articles = (sorted((ROOT / "seeds").glob("*.txt"))
                + sorted((ROOT / "tests" / "guard" / "pt_BR").glob("*.txt")))
    res["checks_on_articles"] = {name: check_cost_files(articles, name) for name in BACKEND_NAMES}
    loads = {name: load_cost(name) for name in BACKEND_NAMES}
    res["load"] = loads
    print(json.dumps(res, indent=2, ensure_ascii=False) if args.json else _markdown(res, loads))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
