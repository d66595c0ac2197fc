"""``path:line:col: CODE message`` — one finding a line, for people and editors."""

from __future__ import annotations

from typing import TextIO


def render(result, stream: TextIO, *, show_suggestion: bool = True, **_) -> None:
    for f in result.findings:
        msg = f.message
        if show_suggestion and f.suggestion and f.suggestion not in msg:
            msg += f" (suggestion: {f.suggestion})"
        stream.write(f"{f.path}:{f.line}:{f.column}: {f.code} {msg}\n")
