"""``path:line:col: CODE message`` — one finding a line, for people and editors."""

from __future__ import annotations

from typing import TextIO


def _one_line(s: str) -> str:
    """A line break of the article (LF, CR) shown as ``\\n``/``\\r``: one finding, one line."""
    return s.replace("\r", "\\r").replace("\n", "\\n")


def render(result, stream: TextIO, *, show_suggestion: bool = True, **_) -> None:
    for f in result.findings:
        stream.write(f"{f.path}:{f.line}:{f.column}: {f.code} {_one_line(f.headline(show_suggestion))}\n")
