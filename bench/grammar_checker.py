"""mtqa beside a general grammar checker: LanguageTool on the development corpus.

    python bench/grammar_checker.py --url http://127.0.0.1:8081 [--corpus ../shared/corpus]
                                    [--rules] [--json]

LanguageTool is not a dependency of mtqa. Start its HTTP server yourself on this machine, e.g.
from the jars Maven fetches for ``org.languagetool:language-pt`` and
``org.languagetool:languagetool-server``::

    java -cp "lib/*" org.languagetool.server.HTTPServer --port 8081

The script sends each corpus file to ``URL/v2/check`` (pt-BR or pt-PT as ``sources.tsv`` says;
only addresses on 127.0.0.0/8 are accepted), runs ``mtqa`` on the same files as
bench/corpus_eval.py does, and prints, for the files checks were written from (dev) and the
files set aside (holdout): the gold spans each tool overlaps, their union, and the matches each
puts on the clean human texts. ``--rules`` adds a line per LanguageTool rule (its hits on dev
spans, the dev spans it alone finds, its matches on the human texts).
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import sys
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_eval import DEFAULT_CORPUS, HOLDOUT  # noqa: E402


def _local(url: str) -> str:
    host = urllib.parse.urlparse(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        raise SystemExit(f"grammar_checker: {url} is not on this machine (127.0.0.0/8 only)")
    return url.rstrip("/")


def languagetool(url: str, text: str, language: str) -> list[dict]:
    data = urllib.parse.urlencode({"text": text, "language": language}).encode()
    with urllib.request.urlopen(f"{url}/v2/check", data, timeout=300) as r:  # noqa: S310 - local only
        return json.load(r)["matches"]


def variants(corpus: Path) -> dict[str, str]:
    out = {}
    for line in (corpus / "sources.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) > 2:
            out[parts[0]] = "pt-PT" if "PT" in parts[2] else "pt-BR"
    return out


def mtqa_spans(corpus: Path) -> dict[str, list[tuple[int, int]]]:
    """Findings of mtqa on the corpus, as bench/corpus_eval.py runs it (no configuration)."""
    from mtqa.core.config import load_config
    from mtqa.engine.runner import run

    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sub in ("mt", "human"):
        result = run([str(corpus / sub)], load_config(None, search=False))
        for f in result.findings:
            out[f"{sub}/{Path(f.path).name}"].append((f.start, f.end))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", required=True, help="LanguageTool server, e.g. http://127.0.0.1:8081")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rules", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    url = _local(args.url)
    corpus = args.corpus
    gold = [json.loads(x) for x in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    langs = variants(corpus)
    lt: dict[str, list[dict]] = {}
    for sub in ("mt", "human"):
        for f in sorted((corpus / sub).glob("*.txt")):
            rel = f"{sub}/{f.name}"
            lt[rel] = languagetool(url, f.read_text(encoding="utf-8"), langs.get(rel, "pt-BR"))
    ours = mtqa_spans(corpus)

    def hit(spans, g):
        return any(a < g["end"] and b > g["start"] for a, b in spans)

    lt_spans = {k: [(m["offset"], m["offset"] + m["length"]) for m in v] for k, v in lt.items()}
    rows = {}
    for split in ("dev", "holdout"):
        spans = [g for g in gold if (g["file"] in HOLDOUT) == (split == "holdout")]
        a = sum(hit(lt_spans.get(g["file"], []), g) for g in spans)
        b = sum(hit(ours.get(g["file"], []), g) for g in spans)
        u = sum(hit(lt_spans.get(g["file"], []), g) or hit(ours.get(g["file"], []), g) for g in spans)
        rows[split] = {"spans": len(spans), "languagetool": a, "mtqa": b, "union": u}
    human_lt = sum(len(v) for k, v in lt.items() if k.startswith("human/"))
    human_mtqa = sum(len(v) for k, v in ours.items() if k.startswith("human/"))
    report = {"recall": rows, "human_matches": {"languagetool": human_lt, "mtqa": human_mtqa}}
    if args.rules:
        per: dict[str, dict[str, int]] = defaultdict(lambda: {"dev": 0, "dev_alone": 0, "human": 0})
        for rel, ms in lt.items():
            for m in ms:
                r = per[m["rule"]["id"]]
                if rel.startswith("human/"):
                    r["human"] += 1
                    continue
                if rel in HOLDOUT:
                    continue
                a, b = m["offset"], m["offset"] + m["length"]
                for g in gold:
                    if g["file"] == rel and a < g["end"] and b > g["start"]:
                        r["dev"] += 1
                        r["dev_alone"] += not hit(ours.get(rel, []), g)
        report["rules"] = dict(sorted(per.items(), key=lambda kv: (-kv[1]["dev_alone"], -kv[1]["dev"])))
    if args.json:
        json.dump(report, sys.stdout, indent=1)
        print()
        return 0
    print(f"{'split':8s} {'spans':>5s} {'LanguageTool':>12s} {'mtqa':>5s} {'union':>5s}")
    for split, r in rows.items():
        print(f"{split:8s} {r['spans']:5d} {r['languagetool']:12d} {r['mtqa']:5d} {r['union']:5d}")
    print(f"matches on the clean human texts: LanguageTool {human_lt}, mtqa {human_mtqa}")
    for rid, r in report.get("rules", {}).items():
        print(f"  {rid:50s} dev {r['dev']:3d}  dev alone {r['dev_alone']:3d}  human {r['human']:3d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
