"""Suppressions: inline comments, per-file ignores, a baseline file, reviewers' dismissals, and the
merging of findings that several checks report on one span.

Inline, in any text (an HTML comment, so it is invisible in Markdown and HTML)::

    <!-- mtqa: ignore B101, D102 -->    on the line it stands on, or, alone on a line, the next one
    <!-- mtqa: ignore -->               every check on that line
    <!-- mtqa: ignore-file U101 -->     the whole file
"""

from __future__ import annotations

import fnmatch
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from mtqa.core.errors import ConfigError
from mtqa.core.files import atomic_write
from mtqa.core.inline import inline_comments
from mtqa.core.inline import selected as _selected
from mtqa.core.model import Document, Finding

BASELINE_VERSION = 1


class _CodeSets:
    """Several code sets, asked whether any selects a code (:func:`_selected` of any) in time
    that does not grow with the number of sets: an empty set selects everything, otherwise a set
    selects the codes that start with one of its codes."""

    __slots__ = ("every", "prefixes")

    def __init__(self) -> None:
        self.every = False
        self.prefixes: set[str] = set()

    def add(self, codes: set[str] | frozenset[str]) -> None:
        if codes:
            self.prefixes |= codes
        else:
            self.every = True

    def selects(self, code: str) -> bool:
        return self.every or any(code[:k] in self.prefixes for k in range(1, len(code) + 1))


_PREFIXES: frozenset[str] | None = None


def _known_prefix(code: str) -> bool:
    """Whether ``code`` is a check's code or the start of one (``S``, ``S1``, ``S101``)."""
    global _PREFIXES
    if _PREFIXES is None:
        from mtqa.checks import all_checks

        _PREFIXES = frozenset(c.code[:k] for c in all_checks() for k in range(1, len(c.code) + 1))
    return code in _PREFIXES


def apply_inline(doc: Document, findings: Iterable[Finding]) -> None:
    """Suppress what the document's inline comments ignore (mtqa.core.inline). A code in a
    comment that is no check's code (nor the start of one) is recorded in
    ``doc.meta["inline_unknown"]`` as ``[line, code]``, for the front ends to warn about (a typo
    must not silently ignore nothing)."""
    if "mtqa:" not in doc.text:
        return
    file_codes = _CodeSets()
    by_line: dict[int, _CodeSets] = {}
    for c in inline_comments(doc):
        unknown = [x for x in sorted(c.codes) if not _known_prefix(x)]
        if unknown:
            doc.meta.setdefault("inline_unknown", []).extend([c.line + 1, x] for x in unknown)
        if c.file_wide:
            file_codes.add(c.codes)
            continue
        for i in c.lines:
            by_line.setdefault(i, _CodeSets()).add(c.codes)
    for f in findings:
        if f.suppressed_by:
            continue
        if file_codes.selects(f.code):
            f.suppressed_by = "inline"
            continue
        sets = by_line.get(f.line - 1)
        if sets is not None and sets.selects(f.code):
            f.suppressed_by = "inline"


def apply_per_file(path: str, findings: Iterable[Finding], per_file: dict[str, list[str]],
                   key: str | None = None) -> None:
    """Suppress the codes ``per_file`` names for a pattern that matches the file: its path as
    shown, its key (the path relative to the project root, mtqa.core.project) or its name."""
    names = [path, Path(path).name] + ([key] if key and key != path else [])
    for pattern, codes in per_file.items():
        if any(fnmatch.fnmatch(n, pattern) for n in names):
            cs = {c.upper() for c in codes}
            for f in findings:
                if not f.suppressed_by and (_selected(f.code, cs) or f.category in codes):
                    f.suppressed_by = "per-file-ignores"


# --- baseline -----------------------------------------------------------------------------------


def load_baseline(path: Path) -> dict[str, dict]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(str(path), "baseline file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read baseline: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigError(str(path), f"baseline is not valid JSON: {exc.msg}", exc.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), dict):
        raise ConfigError(str(path), 'baseline must be an object with a "findings" object')
    return data["findings"]


def _in_baseline(f: Finding) -> bool:
    """A baseline records what is reported, what an old baseline covers, and what was merged into
    a reported finding; not what inline comments, per-file ignores or dismissals hide."""
    return not f.suppressed_by or f.suppressed_by == "baseline" or f.suppressed_by.startswith("merged:")


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    entries = {
        f.fingerprint: {"code": f.code, "path": f.path, "text": f.text}
        for f in findings
        if _in_baseline(f)
    }
    data = {"version": BASELINE_VERSION, "findings": dict(sorted(entries.items()))}
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return len(entries)


def apply_fingerprints(findings: Iterable[Finding], fingerprints: set[str] | dict, reason: str) -> set[str]:
    """Suppress findings whose fingerprint is listed; return the fingerprints that were used."""
    used = set()
    for f in findings:
        if not f.suppressed_by and f.fingerprint in fingerprints:
            f.suppressed_by = reason
            used.add(f.fingerprint)
    return used


#: When several checks report the same span, the category a reviewer should see first: the most
#: specific reason (scraped furniture, a stutter, a cut-off) before the general one (a wrong-language
#: stretch, a spelling used two ways), so the fix shown is the one that applies.
MERGE_PRECEDENCE = (
    "boilerplate",
    "repetition",
    "truncation",
    "false_friend",
    "calque",
    "orthography",
    "agreement",
    "mistranslation",
    "word_order",
    "spacing_punctuation",
    "capitalization",
    "untranslated_fragment",
    "inconsistency",
    "omission",
    "addition",
    "quality",
    "meta",
)
_RANK = {c: i for i, c in enumerate(MERGE_PRECEDENCE)}


def merge_same_span(findings: Iterable[Finding]) -> int:
    """Report findings that share a span (same file, start and end) once.

    The finding kept is the most severe, then the one whose category comes first in
    :data:`MERGE_PRECEDENCE`; it gains ``evidence["also"]`` (code, name and message of each other
    finding) and, when it has no suggestion, the first other one's. The others are marked
    ``suppressed_by = "merged:<kept code>"``, so they still count in baselines and summaries.
    Only findings not already suppressed take part. Returns how many were merged away.
    """
    groups: dict[tuple[str, int, int], list[Finding]] = defaultdict(list)
    for f in findings:
        if not f.suppressed_by:
            groups[(f.path, f.start, f.end)].append(f)
    merged = 0
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda f: (-f.severity, _RANK.get(f.category, len(_RANK)), f.code))
        kept, rest = group[0], group[1:]
        also = list((kept.evidence or {}).get("also", []))
        for f in rest:
            also.append({"code": f.code, "name": f.name, "message": f.message})
            also.extend((f.evidence or {}).get("also", []))
        kept.evidence = {**(kept.evidence or {}), "also": also}
        if kept.suggestion is None:
            kept.suggestion = next((f.suggestion for f in rest if f.suggestion is not None), None)
        for f in rest:
            f.suppressed_by = f"merged:{kept.code}"
        merged += len(rest)
    return merged
