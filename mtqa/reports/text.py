"""``path:line:col: CODE [*] message [severity]``: one finding a line, for people and editors.

The line starts as Ruff's and flake8's do (``path:line:col: CODE ``), so editors' and CI's
problem matchers read it; ``[*]`` marks a finding ``mtqa lint --fix`` fixes (as Ruff marks
it), and the severity ends the line, so it reads without colour too. With ``color=True`` the
path is bold and the code takes its severity's colour (red, yellow, cyan).
"""

from __future__ import annotations

from typing import TextIO

from mtqa.core.fix import is_safe
from mtqa.core.model import Severity

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_COLOR = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


def _one_line(s: str) -> str:
    """A line break of the article (LF, CR) shown as ``\\n``/``\\r``: one finding, one line."""
    return s.replace("\r", "\\r").replace("\n", "\\n")


def _clean(s: str) -> str:
    """No terminal control characters from the article reach the terminal."""
    return "".join(ch if ch >= " " or ch == "\t" else f"\\x{ord(ch):02x}" for ch in s)


def line(f, *, show_suggestion: bool = True, color: bool = False) -> str:
    """One finding as a line (without its line break)."""
    message = _one_line(f.headline(show_suggestion))
    if show_suggestion and f.suggestion == "":
        message += " (suggestion: delete it)"
    fixable = " [*]" if is_safe(f) else ""
    severity = str(f.severity)
    message, path = _clean(message), _clean(f.path)
    if not color:
        return f"{path}:{f.line}:{f.column}: {f.code}{fixable} {message} [{severity}]"
    tint = _COLOR.get(f.severity, "")
    return (f"{_BOLD}{path}{_RESET}:{f.line}:{f.column}: {tint}{_BOLD}{f.code}{_RESET}"
            f"{fixable} {message} {_DIM}[{tint}{severity}{_RESET}{_DIM}]{_RESET}")


def render(result, stream: TextIO, *, show_suggestion: bool = True, color: bool = False, **_) -> None:
    for f in result.findings:
        stream.write(line(f, show_suggestion=show_suggestion, color=color) + "\n")


def statistics(findings) -> list[dict]:
    """Findings counted per code, most frequent first (``mtqa lint --statistics``)."""
    rows: dict[str, dict] = {}
    for f in findings:
        row = rows.setdefault(f.code, {"code": f.code, "name": f.name, "count": 0, "fixable": 0,
                                       "severity": str(f.severity)})
        row["count"] += 1
        row["fixable"] += is_safe(f)
    return sorted(rows.values(), key=lambda r: (-r["count"], r["code"]))


def render_statistics(rows: list[dict], stream: TextIO) -> None:
    """``  12  G103  [*] glossary-pre-reform-spelling`` a line, as ``ruff --statistics``."""
    width = max((len(str(r["count"])) for r in rows), default=1)
    for r in rows:
        mark = "[*]" if r["fixable"] == r["count"] else ("[-]" if r["fixable"] else "   ")
        stream.write(f"{r['count']:>{width}}\t{r['code']}\t{mark} {r['name']}\n")
