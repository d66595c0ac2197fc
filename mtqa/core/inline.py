"""Inline ignores: ``<!-- mtqa: ignore S101 -->`` and ``<!-- mtqa: ignore-file U101 -->``.

An HTML comment is invisible in Markdown and HTML and plain to read in a text file. ``ignore``
on a line covers that line; alone on its line it also covers the next non-blank line;
``ignore-file`` covers the document. With no codes it ignores every check. The engine applies
them (mtqa.engine.suppress.apply_inline) and M001 reports the ones that ignore nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from mtqa.core.model import Document

#: The head of an inline comment; its codes run to the first ``>``, which must close ``-->``
#: (what ``<!--\s*mtqa:\s*(ignore-file|ignore)\b([^>]*?)-->`` matches, found without a lazy
#: scan to the end of the line from every head: that was quadratic on an unterminated comment).
_INLINE = re.compile(r"<!--\s*mtqa:\s*(ignore-file|ignore)\b", re.I)


_SEPARATORS = re.compile(r"[,\s]+")


def codes_of(raw: str) -> set[str]:
    return {c.strip().upper() for c in _SEPARATORS.split(raw) if c.strip()}


@lru_cache(maxsize=1024)
def _frozen_codes(raw: str) -> frozenset[str]:
    """:func:`codes_of` as a frozenset, remembered: a file repeats the same few comments."""
    return frozenset(codes_of(raw))


def selected(code: str, codes: set[str] | frozenset[str]) -> bool:
    """Whether a comment naming ``codes`` covers ``code`` (no codes: every check; a code
    covers the codes it starts: ``S`` covers ``S101``)."""
    return not codes or any(code.startswith(c) for c in codes)


def comments_on_line(text: str):
    """``(kind, codes_text, comment)`` of each inline comment on one line, left to right."""
    pos = 0
    gt = -1  # the first ">" at or after the last head's end (monotone: found once per stretch)
    while True:
        m = _INLINE.search(text, pos)
        if m is None:
            return
        end = m.end()
        if gt < end:
            gt = text.find(">", end)
            if gt == -1:
                return  # no ">" left on the line: no later head can close either
        if gt - 2 >= end and text[gt - 2 : gt] == "--":
            yield m.group(1), text[end : gt - 2], text[m.start() : gt + 1]
            pos = gt + 1
        else:
            pos = m.start() + 1


def alone(text: str, comment: str) -> bool:
    """True when ``text`` is only ``comment`` (once or more) and blanks; what
    ``not text.replace(comment, "").strip()`` says, without the replace on most lines."""
    s = text.strip()
    return s.startswith(comment) and s.endswith(comment) and not s.replace(comment, "").strip()


@dataclass
class InlineComment:
    """One inline comment of a document: its span, what it names, the lines it covers."""

    start: int
    end: int
    line: int  # 0-based index of its own line
    file_wide: bool
    codes: frozenset[str]
    #: 0-based indexes of the lines it covers (its own, and the next non-blank one when it is
    #: alone on its line); empty for ``ignore-file``.
    lines: tuple[int, ...] = ()

    def selects(self, code: str) -> bool:
        return selected(code, self.codes)


def inline_comments(doc: Document) -> list[InlineComment]:
    """Every inline comment of ``doc``, in order."""
    if "mtqa:" not in doc.text:
        return []
    out: list[InlineComment] = []
    lines = doc.lines
    for i in _lines_with(doc, "<!--"):  # where every comment head starts
        line = lines[i]
        pos = 0
        for kind, raw, comment in comments_on_line(line.text):
            at = line.text.find(comment, pos)
            pos = at + len(comment)
            file_wide = kind.lower() == "ignore-file"
            covered: tuple[int, ...] = ()
            if not file_wide:
                covered = (i,)
                if alone(line.text, comment):
                    j = i + 1
                    while j < len(lines) and not lines[j].text.strip():
                        j += 1
                    covered = (i, j)
            out.append(InlineComment(line.start + at, line.start + pos, i, file_wide,
                                     _frozen_codes(raw), covered))
    return out


def _lines_with(doc: Document, needle: str) -> list[int]:
    """Indexes of the lines of ``doc`` whose text holds ``needle`` (no line break in it), in
    order: found with ``str.find`` on the whole text, not line by line."""
    text, starts = doc.text, doc._line_starts
    out: list[int] = []
    i = text.find(needle)
    while i != -1:
        n = bisect.bisect_right(starts, i) - 1
        out.append(n)
        # The next line: the needle holds no line break, so it is not found twice on a line.
        nxt = starts[n + 1] if n + 1 < len(starts) else len(text)
        i = text.find(needle, max(i + 1, nxt))
    return out
