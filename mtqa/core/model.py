"""The data model: documents, segments and findings, all with exact character offsets.

Offsets are Python ``str`` indices into ``Document.text``, which is the file decoded exactly as it
is stored (no newline translation, a BOM kept as U+FEFF), so ``text[start:end]`` is always the
matched text. Lines and columns are 1-based and computed on demand for display.

A file whose format has markup (Markdown, HTML, PO, XLIFF) also carries ``prose``: a Document of
the text the checks read, with an :class:`OffsetMap` back to the file, so that a finding made on
the prose is reported at the span of the file it came from (mtqa.engine.readers).
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            names = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None

    def __str__(self) -> str:
        return self.name.lower()


#: The taxonomy of artifacts (DESIGN.md). Every check declares exactly one of these.
CATEGORIES: dict[str, str] = {
    "untranslated_fragment": "text left in the source or another language",
    "boilerplate": "scraped page furniture: comment forms, related links, navigation, widgets",
    "repetition": "repeated lines, titles, stuttered names and words",
    "agreement": "person, number or gender agreement broken",
    "false_friend": "a word that looks like the source word but means something else",
    "calque": "a source-language construction copied word for word",
    "orthography": "pre-reform or wrong-variant spelling",
    "spacing_punctuation": "misplaced spaces, stray or doubled punctuation, unbalanced quotes",
    "capitalization": "capitals where the target language has none (link-anchor artifacts)",
    "truncation": "text cut off mid-word or on a dangling label",
    "word_order": "source-language word order kept",
    "mistranslation": "a wrong rendering (a brand taken as a word, a wrong sense)",
    "inconsistency": "the same name or term written two ways in one document",
    "omission": "source content missing from the translation",
    "addition": "translation content with no counterpart in the source",
    "quality": "low overall translation quality (triage signal)",
    "meta": "about mtqa itself: stale baseline entries, unused suppressions",
}


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of a document: a line, a paragraph or a sentence."""

    kind: str  # "line" | "paragraph" | "sentence"
    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit of a bilingual file (a PO entry, an XLIFF unit or segment): its
    source text and the span of its translation in the prose the checks read."""

    id: str
    source: str
    start: int
    end: int


class OffsetMap:
    """Where each stretch of a prose text comes from in the file it was read from.

    ``pieces`` are ``(prose_start, prose_end, file_start, file_end)`` in increasing order. A piece
    whose two lengths are equal and whose text is the same on both sides is a copy; any other
    piece (an entity, an escape, collapsed whitespace) maps as a whole to its whole file span.
    Prose between pieces (the blank lines that keep blocks apart) has no file counterpart.
    """

    __slots__ = ("pieces", "copies", "_starts", "_ends")

    def __init__(self, pieces: list[tuple[int, int, int, int]], copies: list[bool]) -> None:
        self.pieces = pieces
        self.copies = copies
        self._starts = [p[0] for p in pieces]
        self._ends = [p[1] for p in pieces]

    def __getstate__(self) -> tuple:
        return self.pieces, self.copies

    def __setstate__(self, state: tuple) -> None:
        self.__init__(*state)

    def start(self, offset: int) -> int:
        """The file offset where a span starting at prose ``offset`` starts."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            ps, _pe, fs, _fe = self.pieces[i]
            return fs + (offset - ps) if self.copies[i] else fs
        # In a gap: the next piece's start (or, past the last piece, the last piece's end).
        if i + 1 < len(self.pieces):
            return self.pieces[i + 1][2]
        return self.pieces[-1][3] if self.pieces else 0

    def end(self, offset: int) -> int:
        """The file offset where a span ending at prose ``offset`` ends."""
        i = bisect.bisect_left(self._ends, offset)
        if i < len(self.pieces) and self._starts[i] < offset:
            ps, _pe, fs, fe = self.pieces[i]
            return fs + (offset - ps) if self.copies[i] else fe
        # In a gap: the previous piece's end (or, before the first piece, its start).
        if i > 0:
            return self.pieces[i - 1][3]
        return self.pieces[0][2] if self.pieces else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The file span of the prose span ``[start, end)``; an empty span stays empty."""
        fs = self.start(start)
        if end <= start:
            return fs, fs
        return fs, max(fs, self.end(end))


class Document:
    """One text to check: its path for display, its exact text and lazily computed segments."""

    # Defaults for states pickled before these attributes existed (set per instance below).
    format = "text"
    prose: Document | None = None
    offsets: OffsetMap | None = None
    unsafe = ""
    units: tuple[Unit, ...] = ()
    #: The path relative to the project root (mtqa.core.project.Keys) that fingerprints and
    #: per-file ignores use; None until the engine sets it (then ``path`` is used).
    key: str | None = None

    def __init__(
        self,
        path: str,
        text: str,
        *,
        encoding: str = "utf-8",
        language: str | None = None,
        variant: str | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.encoding = encoding
        #: Target language and variant the document is checked against (from config), e.g. "pt"/"BR".
        self.language = language
        self.variant = variant
        #: Facts found about the document that are not artifacts (e.g. the detected language).
        self.meta: dict[str, Any] = {}
        #: The reader that made the document ("text" for a plain file; see mtqa.engine.readers).
        self.format = "text"
        #: For a file with markup: the text the checks read, a Document whose ``offsets`` map it
        #: back to this one (None for plain text, which the checks read as it is).
        self.prose: Document | None = None
        #: On a prose Document: the map back to the file, and the characters a suggestion may not
        #: hold to be written back into the file as it is (markup or quoting of the format).
        self.offsets: OffsetMap | None = None
        self.unsafe = ""
        #: Translation units of a bilingual file (PO, XLIFF), with spans in this text.
        self.units: tuple[Unit, ...] = ()

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {len(self.text)} chars)"

    #: Derived values computed on demand and cached in ``__dict__``; not pickled (a worker process
    #: sends documents back, and the receiver recomputes what it needs).
    _CACHED = ("lines", "paragraphs", "sentences", "_line_starts", "_segment_starts", "lowered",
               "nonblank_lines", "nonblank_groups")

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in self._CACHED}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    @property
    def checked(self) -> Document:
        """The Document the checks read: the prose of a file with markup, else this one."""
        return self.prose if self.prose is not None else self

    @cached_property
    def lowered(self) -> str:
        """``text.lower()``, computed once for the checks that read it. Not always as long as
        ``text`` (``İ`` lower-cases to two characters): compare lengths before using its offsets."""
        return self.text.lower()

    @cached_property
    def _line_starts(self) -> list[int]:
        from mtqa.core.text import line_starts

        return line_starts(self.text)

    @cached_property
    def _segment_starts(self) -> dict[str, list[int]]:
        """Start offsets of each kind of segment, built once per kind (see segment_at)."""
        return {}

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Start and end (before its newline) of the line that holds ``offset``; O(log lines)."""
        starts = self._line_starts
        i = bisect.bisect_right(starts, offset) - 1
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
        return starts[i], end

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset. A leading BOM does not count as a column."""
        starts = self._line_starts
        line = bisect.bisect_right(starts, offset) - 1
        col = offset - starts[line] + 1
        if line == 0 and self.text.startswith("\ufeff") and offset > 0:
            col -= 1
        return line + 1, col

    # The segments are made with the garbage collector paused (mtqa.core.text.gc_paused).

    @cached_property
    def lines(self) -> tuple[Segment, ...]:
        from mtqa.core.text import gc_paused, split_lines

        with gc_paused():
            return split_lines(self.text)

    @cached_property
    def paragraphs(self) -> tuple[Segment, ...]:
        from mtqa.core.text import gc_paused, split_paragraphs

        lines = self.lines
        with gc_paused():
            return split_paragraphs(self.text, lines)

    @cached_property
    def sentences(self) -> tuple[Segment, ...]:
        from mtqa.core.text import gc_paused, split_all_sentences

        lines = self.lines
        with gc_paused():
            return split_all_sentences(lines)

    @cached_property
    def nonblank_lines(self) -> tuple[tuple[int, int, str, int], ...]:
        """The lines that hold more than blanks, trimmed (NBSP included), as ``(start, end,
        text, index in lines)``; computed once for the checks that read lines as page furniture."""
        found = []
        append = found.append
        for i, line in enumerate(self.lines):
            t = line.text
            if not t:
                continue
            if not t[0].isspace() and not t[-1].isspace():
                append((line.start, line.start + len(t), t, i))  # nothing to trim
                continue
            a = len(t) - len(t.lstrip())
            b = len(t.rstrip())
            if b > a:
                append((line.start + a, line.start + b, t[a:b], i))
        return tuple(found)

    @cached_property
    def nonblank_groups(self) -> dict[str, list[int]]:
        """Trimmed text of a non-blank line -> the indices in ``nonblank_lines`` of the lines
        that hold it, in order (see mtqa.core.text.per_text)."""
        out: dict[str, list[int]] = {}
        get = out.get
        for i, item in enumerate(self.nonblank_lines):
            t = item[2]
            g = get(t)
            if g is None:
                out[t] = [i]
            else:
                g.append(i)
        return out

    def segment_at(self, offset: int, kind: str = "sentence") -> Segment | None:
        """The segment of ``kind`` that contains ``offset`` (None in blank space); O(log segments)."""
        segs = getattr(self, kind + "s")
        starts = self._segment_starts.get(kind)
        if starts is None or len(starts) != len(segs):
            starts = self._segment_starts[kind] = [s.start for s in segs]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and segs[i].start <= offset < max(segs[i].end, segs[i].start + 1):
            return segs[i]
        return None

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class Finding:
    """A suspected artifact at an exact span of a document."""

    path: str
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    suggestion: str | None = None
    evidence: dict[str, Any] | None = None
    fingerprint: str = ""
    #: Set when a suppression applies; suppressed findings are not reported.
    suppressed_by: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.code)

    @property
    def also(self) -> list[str]:
        """Codes of the findings merged into this one (same span, other checks)."""
        return [a["code"] for a in (self.evidence or {}).get("also", [])]

    def headline(self, suggestion: bool = True) -> str:
        """The message, with the suggestion and the merged codes when there are any."""
        msg = self.message
        if suggestion and self.suggestion and self.suggestion not in msg:
            msg += f" (suggestion: {self.suggestion})"
        if self.also:
            msg += f" [also {', '.join(self.also)}]"
        return msg

    def to_dict(self) -> dict[str, Any]:
        d = {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestion": self.suggestion,
            "fingerprint": self.fingerprint,
        }
        if self.evidence:
            d["evidence"] = self.evidence
        return d
