"""Readers: the prose of a file with markup, and the map from that prose back to the file.

A reader turns a file's text into the text the checks read (Markdown prose without code, front
matter, comments and link targets; the text nodes of HTML; the translations of a PO or XLIFF
file) plus an :class:`~mtqa.core.model.OffsetMap`. The engine runs the checks on the prose and
maps each finding back (:meth:`mtqa.engine.runner.Engine.finding`), so that ``start``, ``end``,
line, column and ``text`` refer to the file: ``text == file_text[start:end]`` holds for every
format. Blocks (paragraphs, HTML block elements, PO entries, XLIFF units) are kept apart by a
blank line, so sentence and paragraph checks never join two of them.

Plain text (``.txt`` and any suffix without a reader) is read as it is: no prose, no map.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath

from mtqa.core.model import Document, OffsetMap, Unit

#: Block separator in the prose.
BLOCK = "\n\n"
#: Characters no space is written before when the space stands for dropped code.
CLOSING = ".,;:!?)]}»”"
#: What inline code (and an XLIFF placeholder) reads as: one character that is no letter, digit,
#: space or punctuation, so "o comando `npm` instala" and "(`x`)" keep their shape and no check
#: reads the code. The finding that covers it covers the code's whole span in the file.
PLACEHOLDER = "\ufffc"


class ProseBuilder:
    """Collects the prose text piece by piece, with where each piece comes from in the file."""

    def __init__(self, file_text: str) -> None:
        self.file = file_text
        self.parts: list[str] = []
        self.pieces: list[tuple[int, int, int, int]] = []
        self.copies: list[bool] = []
        self.n = 0
        self.units: list[Unit] = []
        self._sep = ""
        #: Whitespace waiting to be written as one space before the next text: (start, end);
        #: a soft one (standing for a dropped code span) is not written before punctuation.
        self.space: tuple[int, int] | None = None
        self.soft = False

    # --- writing ---------------------------------------------------------------------------------

    def _flush(self, first: str = "") -> None:
        if self._sep:
            if self.n:
                self.parts.append(self._sep)
                self.n += len(self._sep)
            self._sep = ""
            self.space = None
        if self.space is not None:
            fs, fe = self.space
            self.space = None
            if not (self.soft and first and first in CLOSING):
                self._piece(" ", fs, fe)
        self.soft = False

    def _piece(self, text: str, fs: int, fe: int) -> None:
        if not text:
            return
        copy = self.file[fs:fe] == text
        ps = self.n
        last = self.pieces[-1] if self.pieces else None
        if copy and last and self.copies[-1] and last[1] == ps and last[3] == fs:
            self.pieces[-1] = (last[0], ps + len(text), last[2], fe)
        else:
            self.pieces.append((ps, ps + len(text), fs, fe))
            self.copies.append(copy)
        self.parts.append(text)
        self.n += len(text)

    def copy(self, fs: int, fe: int) -> None:
        """Write ``file[fs:fe]`` as it is."""
        if fe > fs:
            self._flush(self.file[fs])
            self._piece(self.file[fs:fe], fs, fe)

    def put(self, text: str, fs: int, fe: int) -> None:
        """Write ``text`` standing for ``file[fs:fe]`` (an entity, an escape): one piece."""
        if text:
            self._flush(text[0])
            self._piece(text, fs, fe)

    def pending_space(self, fs: int, fe: int, soft: bool = False) -> None:
        """Whitespace at ``file[fs:fe]``: one space before the next text of the same block.
        ``soft``: it stands for something dropped (inline code), and punctuation takes it back."""
        if self.n and not self._sep and not self.ends_with_space():
            self.space = (fs, fe) if self.space is None else (self.space[0], fe)
            self.soft = self.soft or soft

    def ends_with_space(self) -> bool:
        return self.space is None and bool(self.parts) and self.parts[-1][-1:] in (" ", "\n")

    def at_block_start(self) -> bool:
        """True when the next text starts the prose or a new block."""
        return self.n == 0 or self._sep == BLOCK

    def trim_space(self) -> None:
        """Take back the space the prose ends with (a dropped code span's)."""
        if self.space is not None:
            self.space = None
            self.soft = False
            return
        if not self.parts or self.parts[-1][-1:] != " ":
            return
        ps, pe, fs, fe = self.pieces[-1]
        if pe - ps == 1:
            self.pieces.pop()
            self.copies.pop()
        elif self.copies[-1]:
            self.pieces[-1] = (ps, pe - 1, fs, fe - 1)
        else:
            return  # a replacement piece is taken whole or not at all
        self.parts[-1] = self.parts[-1][:-1]
        self.n -= 1

    def line_break(self) -> None:
        """A line break inside a block (HTML ``<br>``, a Markdown hard break)."""
        self.space = None
        if self.n and not self._sep:
            self._sep = "\n"

    def block(self) -> None:
        """End the current block: the next text starts a new one, after a blank line."""
        self.space = None
        self._sep = BLOCK

    @property
    def length(self) -> int:
        """The prose length, counting what is waiting to be written before the next text."""
        return self.n

    def unit(self, uid: str, source: str, start: int) -> None:
        """Record a translation unit whose target is the prose from ``start`` to here."""
        if self.n > start:
            self.units.append(Unit(uid, source, start, self.n))

    def document(self, doc: Document, fmt: str, unsafe: str = "") -> Document:
        """The prose Document of ``doc``, attached to it."""
        prose = Document(doc.path, "".join(self.parts), encoding=doc.encoding,
                         language=doc.language, variant=doc.variant)
        prose.meta = doc.meta  # one record of facts for both (the detected language...)
        prose.format = doc.format = fmt
        prose.offsets = OffsetMap(self.pieces, self.copies)
        prose.unsafe = unsafe
        prose.units = tuple(self.units)
        doc.prose = prose
        return prose


#: Suffix -> format; each format is read by the module of its name (its ``read`` function).
FORMATS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".po": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
}

#: File name patterns of the formats with a reader (folders are walked for these too).
PATTERNS: tuple[str, ...] = tuple(f"*{suffix}" for suffix in FORMATS)


def _reader(fmt: str) -> Callable[[Document], Document]:
    return importlib.import_module(f"mtqa.engine.readers.{fmt}").read


def format_of(path: str | None) -> str:
    """The format a path is read as: "markdown", "html", "po", "xliff", or "text"."""
    return FORMATS.get(PurePath(path).suffix.lower(), "text") if path else "text"


def attach(doc: Document) -> Document:
    """The Document the checks read for ``doc``: its prose, read now if its format has a reader
    and it was not read yet (or its text changed since), else ``doc`` itself.

    Raises InputError for a file its reader cannot parse.
    """
    fmt = format_of(doc.path)
    if fmt == "text":
        return doc
    if doc.prose is not None:
        return doc.prose
    return _reader(fmt)(doc)
