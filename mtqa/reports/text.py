"""``path:line:col: CODE message`` — one finding a line, for people and editors."""

from __future__ import annotations

from typing import TextIO


def render(result, stream: TextIO, *, show_suggestion: bool = True, **_) -> None:
    for f in result.findings:
        stream.write(f"{f.path}:{f.line}:{f.column}: {f.code} {f.headline(show_suggestion)}\n")
