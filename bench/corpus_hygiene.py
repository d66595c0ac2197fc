"""Does any text of the development corpus appear in the project? (It must not: the corpus belongs
to its publishers; check examples, data and tests are the project's own writing.)

    python bench/corpus_hygiene.py [--corpus ../shared/corpus] [--all]

Reads the corpus at run time (nothing of it is stored here) and reports, per project file:
- every annotated artifact (gold span) of three or more words, or of two words and twelve or
  more characters, that the file contains, unless the phrase is ordinary Portuguese that the
  project's own guard texts or the corpus' human texts also use;
- every run of five words of the corpus' machine-translated pages that the file contains, unless
  the guard or human texts also have it.
``tests/test_corpus_hygiene.py`` fails when either list is not empty.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
#: Project files searched: everything a user or a reader of the repository gets.
SEARCHED = ("mtqa", "glossaries", "tests", "docs", "bench", "eval", "scripts", "README.md")
SUFFIXES = {".py", ".yaml", ".yml", ".txt", ".md", ".json", ".jsonl", ".toml", ".tsv", ".csv"}
RUN = 5

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def grams(ws: list[str], n: int) -> set[str]:
    return {" ".join(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def _files(root: Path):
    for name in SEARCHED:
        p = root / name
        items = [p] if p.is_file() else sorted(p.rglob("*")) if p.is_dir() else []
        for f in items:
            if f.is_file() and f.suffix in SUFFIXES and "__pycache__" not in f.parts:
                yield f


def findings(corpus: Path = DEFAULT_CORPUS, root: Path = ROOT) -> dict[str, list[str]]:
    """Project file -> the corpus phrases it contains (sorted)."""
    ordinary: set[str] = set()
    for f in [*(root / "tests" / "guard").rglob("*.txt"), *(corpus / "human").glob("*.txt")]:
        ws = words(f.read_text(encoding="utf-8"))
        for n in range(2, RUN + 1):
            ordinary |= grams(ws, n)
    spans: set[str] = set()
    for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            ws = words(json.loads(line)["text"])
            phrase = " ".join(ws)
            # Two short words ('sua segundo', 'full hd') are a pattern anyone writes, not a quote.
            if (len(ws) >= 3 or (len(ws) == 2 and len(phrase) >= 12)) and phrase not in ordinary:
                spans.add(phrase)
    runs: set[str] = set()
    for f in (corpus / "mt").glob("*.txt"):
        runs |= grams(words(f.read_text(encoding="utf-8")), RUN) - ordinary
    # Spans longer than a run are caught by their runs; shorter ones by their own length.
    lengths = {len(x.split()) for x in spans if len(x.split()) < RUN} | {RUN}
    spans = {x for x in spans if len(x.split()) < RUN}
    out: dict[str, list[str]] = defaultdict(list)
    guard = root / "tests" / "guard"
    for f in _files(root):
        if guard in f.parents:
            continue  # the guard texts are the yardstick of ordinary language here
        ws = words(f.read_text(encoding="utf-8", errors="replace"))
        found = set()
        for n in sorted(lengths):
            for g in grams(ws, n):
                if g in spans or (n == RUN and g in runs):
                    found.add(g)
        if found:
            out[f.relative_to(root).as_posix()] = sorted(found)
    return dict(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    if not (args.corpus / "gold.jsonl").is_file():
        raise SystemExit(f"no corpus at {args.corpus}")
    found = findings(args.corpus)
    for f, phrases in sorted(found.items()):
        print(f"{f}: {len(phrases)}")
        for p in phrases:
            print(f"    {p}")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
