"""HTML: one self-contained page with every article, each finding's span highlighted, and the
reviewers' decisions.

Highlights carry their severity and category as colour *and* as a text marker (``W·SP``) so the
page reads the same printed in black and white. Everything from the articles is escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TextIO

from mtqa.core.model import Finding
from mtqa.core.review import category_mark, severity_mark

_CSS = """
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#23395b;color:#fff;padding:.8em 1.4em}
header h1{margin:0;font-size:1.3em}
main{padding:0 1.4em 2em}
section.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1.2em 0;padding:.6em 1.2em}
h2{font-size:1.05em;font-family:monospace}
.article{white-space:pre-wrap;border-left:3px solid #ccc;padding-left:1em}
mark{border-radius:2px;padding:0 1px}
mark.sev-error{background:#ffb3b3;outline:1px solid #c00}
mark.sev-warning{background:#ffe08a;outline:1px solid #b88a00}
mark.sev-info{background:#c9e3ff;outline:1px solid #3b7dd8}
mark.state-dismissed{background:#e4e4e4;outline:1px dashed #888;text-decoration:line-through}
mark.state-accepted{font-weight:600}
sup.m{font:600 10px monospace;color:#333;background:#eee;border:1px solid #bbb;border-radius:2px;margin-left:1px;padding:0 2px}
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:.92em}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.code{font-family:monospace}
.legend span{margin-right:1em}
"""

_STATE_LABEL = {"pending": "pending", "accepted": "accepted", "dismissed": "dismissed"}


def _mark(f: Finding) -> str:
    return f"{severity_mark(f.severity)}·{category_mark(f.category)}"


def _state(f: Finding, decisions: dict) -> tuple[str, str]:
    d = decisions.get(f.fingerprint)
    return (d.decision, d.note) if d else ("pending", "")


def highlight(text: str, findings: list[Finding], decisions: dict, numbers: dict[str, int]) -> str:
    """The article as HTML with ``<mark>`` around every span (nested spans are split cleanly)."""
    points = sorted({0, len(text), *(f.start for f in findings), *(f.end for f in findings)})
    out: list[str] = []

    def marker(f: Finding) -> str:
        return f'<sup class="m">{numbers[f.fingerprint]}&nbsp;{_mark(f)}</sup>'

    for a, b in zip(points, points[1:], strict=False):
        out.extend(marker(f) for f in findings if f.start == f.end == a)
        covering = [f for f in findings if f.start <= a and b <= f.end and f.start < f.end]
        chunk = html.escape(text[a:b])
        for f in sorted(covering, key=lambda f: (f.severity, f.start)):
            state, _ = _state(f, decisions)
            title = html.escape(f"#{numbers[f.fingerprint]} {f.code} {f.headline(suggestion=False)}", quote=True)
            chunk = (f'<mark class="sev-{f.severity} cat-{f.category} state-{state}" '
                     f'title="{title}">{chunk}</mark>')
        out.append(chunk)
        out.extend(marker(f) for f in findings if f.end == b and f.start < f.end)
    out.extend(marker(f) for f in findings if f.start == f.end == len(text))
    return "".join(out)


def render(result, stream: TextIO, *, decisions: dict | None = None, title: str = "mtqa report",
           **_) -> None:
    decisions = decisions or {}
    by_path: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_path.setdefault(f.path, []).append(f)
    states = Counter(_state(f, decisions)[0] for f in result.findings)
    w = stream.write
    w("<!DOCTYPE html>\n<html lang=\"pt\"><head><meta charset=\"utf-8\">")
    w(f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>\n")
    w(f"<header><h1>{html.escape(title)}</h1>"
      f"<div>{len(result.documents)} documents · {len(result.findings)} findings · "
      + " · ".join(f"{states.get(s, 0)} {_STATE_LABEL[s]}" for s in _STATE_LABEL)
      + "</div></header>\n<main>\n")
    w('<p class="legend"><b>Legend:</b> <span><mark class="sev-error">E</mark> error</span>'
      '<span><mark class="sev-warning">W</mark> warning</span>'
      '<span><mark class="sev-info">I</mark> info</span>'
      '<span><mark class="sev-info state-dismissed">dismissed</mark></span>'
      ' markers: number, severity letter · category</p>\n')
    for doc in result.documents:
        fs = sorted(by_path.get(doc.path, []), key=Finding.sort_key)
        numbers = {f.fingerprint: n for n, f in enumerate(fs, 1)}
        w(f'<section class="doc"><h2>{html.escape(doc.path)}</h2>\n')
        w(f"<p>{len(fs)} findings</p>\n")
        w(f'<div class="article">{highlight(doc.text, fs, decisions, numbers)}</div>\n')
        if fs:
            w("<table><tr><th>#</th><th>line:col</th><th>code</th><th>severity</th>"
              "<th>category</th><th>text</th><th>message</th><th>suggestion</th>"
              "<th>decision</th><th>note</th></tr>\n")
            for f in fs:
                state, note = _state(f, decisions)
                sugg = ("" if f.suggestion is None else "(delete)" if f.suggestion == ""
                        else html.escape(repr(f.suggestion)))
                w(f"<tr><td>{numbers[f.fingerprint]}</td><td>{f.line}:{f.column}</td>"
                  f'<td class="code">{html.escape(f.code)}</td><td>{f.severity}</td>'
                  f"<td>{html.escape(f.category)}</td><td><code>{html.escape(f.text)}</code></td>"
                  f"<td>{html.escape(f.headline(suggestion=False))}</td><td>{sugg}</td><td>{state}</td>"
                  f"<td>{html.escape(note)}</td></tr>\n")
            w("</table>\n")
        w("</section>\n")
    for e in result.errors:
        w(f'<p class="error">{html.escape(str(e))}</p>\n')
    w("</main></body></html>\n")
