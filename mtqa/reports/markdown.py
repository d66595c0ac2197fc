"""Markdown: per document, a table of findings with their decisions, and each finding's sentence
with the span in bold, for a ticket, a pull request or an e-mail."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from mtqa.core.model import Finding


def _cell(s: str) -> str:
    return (s.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace("\r", " ")
            .replace("\n", " ").replace("`", "'"))


def _context(doc, f: Finding) -> str:
    seg = doc.segment_at(f.start, "sentence") or doc.segment_at(f.start, "line")
    if seg is None:
        return f"**{_cell(f.text)}**"
    a, b = f.start - seg.start, f.end - seg.start
    s = seg.text
    return _cell(s[:a]) + "**" + _cell(s[a:b]) + "**" + _cell(s[b:])


def render(result, stream: TextIO, *, decisions: dict | None = None, title: str = "mtqa report",
           **_) -> None:
    decisions = decisions or {}
    by_path: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_path.setdefault(f.path, []).append(f)
    states = Counter((decisions[f.fingerprint].decision if f.fingerprint in decisions else "pending")
                     for f in result.findings)
    w = stream.write
    w(f"# {title}\n\n")
    w(f"{len(result.documents)} documents, {len(result.findings)} findings: "
      f"{states.get('pending', 0)} pending, {states.get('accepted', 0)} accepted, "
      f"{states.get('dismissed', 0)} dismissed.\n")
    for doc in result.documents:
        fs = sorted(by_path.get(doc.path, []), key=Finding.sort_key)
        w(f"\n## {doc.path}\n\n")
        if not fs:
            w("No findings.\n")
            continue
        w("| # | line:col | code | severity | category | text | suggestion | decision | note |\n")
        w("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
        for n, f in enumerate(fs, 1):
            d = decisions.get(f.fingerprint)
            sugg = ("" if f.suggestion is None else "(delete)" if f.suggestion == ""
                    else f"`{_cell(f.suggestion)}`")
            w(f"| {n} | {f.line}:{f.column} | {f.code} | {f.severity} | {f.category} | "
              f"`{_cell(f.text)}` | {sugg} | {d.decision if d else 'pending'} | "
              f"{_cell(d.note) if d else ''} |\n")
        w("\n")
        for n, f in enumerate(fs, 1):
            w(f"{n}. {f.code} {_cell(f.headline(suggestion=False))}: {_context(doc, f)}\n")
    for e in result.errors:
        w(f"\n> error: {_cell(str(e))}\n")
