"""Loading text files without surprises, and splitting them into lines, paragraphs and sentences.

Every segment keeps exact offsets into the decoded text. Loading never guesses silently: a file
that is not UTF-8 (with or without BOM), UTF-16/32 with a BOM, or cleanly decodable as Windows-1252
is refused with a message that names it.
"""

from __future__ import annotations

import codecs
import gc
import re
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mtqa.core.errors import InputError
from mtqa.core.model import Document, Segment

DEFAULT_MAX_BYTES = 5_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, name: str, encoding: str = "auto") -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise InputError naming ``name``."""
    if encoding != "auto":
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(name, f"cannot decode as {encoding}: {exc}") from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc) if enc != "utf-8" else data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    name, f"starts with a {enc} byte-order mark but is not {enc}: {exc}"
                ) from None
            if enc != "utf-8" and text.startswith("\ufeff"):
                text = text[1:]
            return text, enc
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file (contains NUL bytes); not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                name,
                f"not UTF-8 (invalid byte at offset {exc.start}) and no other encoding fits; "
                "convert it to UTF-8 or set `encoding` in the configuration",
            ) from None
        if _CONTROL.search(text):
            raise InputError(name, "binary file (control characters); not a text article") from None
        return text, "cp1252"
    if _CONTROL.search(text[:8192]):
        raise InputError(name, "binary file (control characters); not a text article")
    return text, "utf-8"


def load_document(
    path: str | Path,
    *,
    display: str | None = None,
    data: bytes | None = None,
    encoding: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    language: str | None = None,
    variant: str | None = None,
) -> Document:
    """Read one file (or ``data`` already read, e.g. stdin) into a Document."""
    name = display or str(path)
    if data is None:
        p = Path(path)
        try:
            st = p.stat()
            if stat.S_ISDIR(st.st_mode):
                raise InputError(name, "is a directory")
            if not stat.S_ISREG(st.st_mode):
                # A FIFO would block forever, a device (/dev/zero) never ends.
                raise InputError(name, "not a regular file (a pipe, socket or device); not read")
            if st.st_size > max_bytes:
                raise InputError(
                    name, f"file is {st.st_size:,} bytes, over the limit of {max_bytes:,} (max_file_size)"
                )
            with p.open("rb") as fh:
                data = fh.read(max_bytes + 1)  # the file may grow after stat()
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except IsADirectoryError:
            raise InputError(name, "is a directory") from None
        except PermissionError:
            raise InputError(name, "permission denied") from None
        except OSError as exc:
            raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(name, f"input is {len(data):,} bytes, over the limit of {max_bytes:,}")
    text, enc = decode(data, name, encoding)
    if not text.strip("\ufeff \t\r\n\u00a0"):
        raise InputError(name, "empty file (nothing but whitespace)")
    return Document(name, text, encoding=enc, language=language, variant=variant)


# --- segmentation -------------------------------------------------------------------------------


_GC_LOCK = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a text is cut into segments. A Segment holds only
    numbers and a string, so it can never be part of a cycle, yet the collector goes over every
    new one again and again while a million of them are made (half the time of splitting a text
    of a million lines). Nested and concurrent pauses end when the last one does; a collector
    that was off stays off."""
    global _gc_pauses, _gc_was_enabled
    with _GC_LOCK:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


#: A line terminator: ``\r\n``, ``\n``, or a ``\r`` alone (old Mac files, some exports).
_NEWLINE = re.compile(r"\r\n?|\n")


def split_lines(text: str) -> tuple[Segment, ...]:
    """Every line, blank ones included, without its line terminator (``\\n``, ``\\r\\n`` or a
    ``\\r`` alone). Linear in the text."""
    if "\r" not in text:
        return _split_lf(text)
    out = []
    append = out.append
    pos = 0
    for m in _NEWLINE.finditer(text):
        start = pos + 1 if pos == 0 and text.startswith("\ufeff") else pos
        end = max(start, m.start())
        append(_segment("line", start, end, text[start:end]))
        pos = m.end()
    start = pos + 1 if pos == 0 and text.startswith("\ufeff") else pos
    append(_segment("line", start, max(start, len(text)), text[start:]))
    return tuple(out)


def _split_lf(text: str) -> tuple[Segment, ...]:
    # str.split gives the lines' texts in one C call; the offsets follow from their lengths.
    out = []
    append = out.append
    new, kind, start, end, txt = _SEGMENT_SLOTS
    pos = 0
    for piece in text.split("\n"):
        seg = new(Segment)
        kind(seg, "line")
        start(seg, pos)
        pos += len(piece)
        end(seg, pos)
        txt(seg, piece)
        append(seg)
        pos += 1
    if text.startswith("\ufeff"):  # the first line starts after the byte-order mark
        first = out[0]
        out[0] = _segment("line", 1, first.end, first.text[1:])
    return tuple(out)


#: Segment's constructor and the setters of its four slots: a Segment made with them is the one
#: ``Segment(kind, start, end, text)`` makes (the frozen dataclass's ``__init__`` sets the same
#: slots through ``object.__setattr__``), at half the cost, which counts on a text of a million
#: lines.
_SEGMENT_SLOTS = (object.__new__, *(Segment.__dict__[f].__set__ for f in ("kind", "start", "end", "text")))


def _segment(kind: str, start: int, end: int, text: str) -> Segment:
    """``Segment(kind, start, end, text)``, made faster (see _SEGMENT_SLOTS)."""
    new, set_kind, set_start, set_end, set_text = _SEGMENT_SLOTS
    seg = new(Segment)
    set_kind(seg, kind)
    set_start(seg, start)
    set_end(seg, end)
    set_text(seg, text)
    return seg


def per_text(items, groups: dict[str, list[int]], fn) -> list[tuple[int, Any, Any]]:
    """``(index, item, fn(text))`` for the ``items`` for which ``fn`` of their text is true, in
    the order of ``items``; ``groups`` maps each text to the indices of the items that hold it
    (Document.nonblank_groups), so ``fn`` runs once per distinct text. For the checks whose
    verdict on a line depends on its text alone: junk of one line repeated a million times costs
    one test, and the result is the one of testing every line."""
    found = []
    for t, idx in groups.items():
        r = fn(t)
        if r:
            found.append((idx, r))
    if not found:
        return []
    if len(found) == 1:
        idx, r = found[0]
        return [(i, items[i], r) for i in idx]
    order = sorted(((i, r) for idx, r in found for i in idx), key=lambda x: x[0])
    return [(i, items[i], r) for i, r in order]


def line_starts(text: str) -> list[int]:
    """The offset where each line starts (after ``\\n``, ``\\r\\n`` or a lone ``\\r``)."""
    if "\r" not in text:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


#: What a line of running text ends with; a line that ends otherwise reads as a heading, a label
#: or a list of keywords.
CLOSING_PUNCTUATION = ".!?:;…\"”»)"


def line_closes(doc: Document, pos: int) -> bool:
    """True when the line that holds offset ``pos`` ends, trailing blanks aside, with closing
    punctuation (running text), False for a heading, a label or a list of keywords."""
    start, end = doc.line_bounds(pos)
    text = doc.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] in CLOSING_PUNCTUATION


def is_blank(s: str) -> bool:
    return not s.strip()


def split_paragraphs(text: str, lines: tuple[Segment, ...] | None = None) -> tuple[Segment, ...]:
    """Runs of non-blank lines separated by blank lines (whitespace-only lines count as blank).
    ``lines``: the text's :func:`split_lines`, when already made."""
    out: list[Segment] = []
    cur: list[Segment] = []
    for line in split_lines(text) if lines is None else lines:
        if not line.text or line.text.isspace():
            if cur:
                out.append(_segment("paragraph", cur[0].start, cur[-1].end, text[cur[0].start : cur[-1].end]))
                cur = []
        else:
            cur.append(line)
    if cur:
        out.append(_segment("paragraph", cur[0].start, cur[-1].end, text[cur[0].start : cur[-1].end]))
    return tuple(out)


# Abbreviations after which a period does not end a sentence (pt, en, it, es news usage).
ABBREVIATIONS = frozenset(
    """
    sr sra srs sras dr dra drs dras prof profa eng gen cel ten cap sgt maj gov pres dep sen min
    av r pç nº n no núm pág p pp vol cap art inc ltda cia s.a etc ex fig tel obs
    mr mrs ms jr st vs co corp dept est gov sen rep lt col sgt u.s u.k u.n
    sig dott ing avv on
    """.split()
)

# Possessive, and never starting inside a run of end marks: a long run of ``!`` that no space
# follows fails once, not once per mark with a backtrack over the rest (quadratic).
_SENT_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)")
_NON_SPACE = re.compile(r"\S")
#: What every match of _SENT_END starts with.
_END_MARK = re.compile(r"[.!?…]")


def _word_before_period(text: str, start: int, period: int) -> str:
    """The run of word characters and periods right before ``text[period]`` (a '.'), not
    reaching back past ``start``: what ``([\\w.]+)\\.$`` finds in ``text[start:period + 1]``."""
    i = period
    while i > start and ((c := text[i - 1]) == "." or c.isalnum() or c == "_"):
        i -= 1
    return text[i:period]


def split_sentences(line: Segment) -> list[Segment]:
    """Split one line into sentences; conservative (a missed split is cheaper than a false one)."""
    text = line.text
    if not text.strip():
        return []
    if _END_MARK.search(text) is None:
        # No end mark, so no sentence end: the line is one sentence (or pieces of one).
        s = _trimmed(line, 0, len(text))
        return [s] if len(s) <= MAX_SENTENCE else _pieces(line, s)
    out = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        # Next non-space character must look like a sentence start.
        nxt_m = _NON_SPACE.search(text, end)
        if nxt_m is None:
            continue
        nxt = nxt_m.group()
        if not (nxt.isupper() or nxt.isdigit() or nxt in "“\"'‘«(—–-¿¡"):
            continue
        if text[m.start()] == ".":
            w = _word_before_period(text, start, m.start()).lower()
            if w and (w in ABBREVIATIONS or (len(w) == 1 and w.isalpha())):
                continue
        out.append(_trimmed(line, start, end))
        start = end
    if text[start:].strip():
        out.append(_trimmed(line, start, len(text)))
    out = [s for s in out if s is not None]
    if any(len(s) > MAX_SENTENCE for s in out):
        out = [p for s in out for p in _pieces(line, s)]
    return out


def split_all_sentences(lines: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The sentences of every line, in order: what :func:`split_sentences` gives line by line.

    A line with no end mark and no blank at either end, as most lines of a list, a menu or a
    junk file of one-word lines are, is one sentence with the line's own offsets and text; it is
    made here without the calls and the list of :func:`split_sentences` (a text of a million
    lines)."""
    out: list[Segment] = []
    append, extend = out.append, out.extend
    mark = _END_MARK.search
    new, set_kind, set_start, set_end, set_text = _SEGMENT_SLOTS
    for line in lines:
        t = line.text
        if not t:
            continue
        if (len(t) <= MAX_SENTENCE and not t[0].isspace() and not t[-1].isspace()
                and mark(t) is None and line.end - line.start == len(t)):
            seg = new(Segment)
            set_kind(seg, "sentence")
            set_start(seg, line.start)
            set_end(seg, line.end)
            set_text(seg, t)
            append(seg)
        else:
            extend(split_sentences(line))
    return tuple(out)


#: A sentence longer than this is not a sentence (the longest in the seeds, the guard texts and
#: the development corpus has under 600 characters): a run of ``a , a , ...`` or a line of
#: words without one end mark. It is cut at the last blank before each multiple of the limit
#: (or at the limit when there is no blank), so that what a check does per sentence is bounded.
MAX_SENTENCE = 3000


def _pieces(line: Segment, s: Segment) -> list[Segment]:
    if len(s) <= MAX_SENTENCE:
        return [s]
    out = []
    a, end = s.start - line.start, s.end - line.start
    t = line.text
    while a < end:
        b = min(end, a + MAX_SENTENCE)
        if b < end:
            cut = max(t.rfind(" ", a + 1, b + 1), t.rfind("\t", a + 1, b + 1))
            if cut > a:
                b = cut
        piece = _trimmed(line, a, b)
        if piece is not None:
            out.append(piece)
        a = b
    return out


def _trimmed(line: Segment, a: int, b: int) -> Segment | None:
    t = line.text
    while a < b and t[a].isspace():
        a += 1
    while b > a and t[b - 1].isspace():
        b -= 1
    if a >= b:
        return None
    # A sentence that is its whole line shares the line's offsets (two numbers fewer to hold).
    start = line.start + a if a else line.start
    end = line.end if b == len(t) and line.end - line.start == b else line.start + b
    return _segment("sentence", start, end, t[a:b])


_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def words(text: str, offset: int = 0):
    """Yield ``(start, end, word)`` for each word, with offsets shifted by ``offset``."""
    for m in _WORD.finditer(text):
        yield m.start() + offset, m.end() + offset, m.group()


# --- examples with marked spans ----------------------------------------------------------------

#: ``[[...]]`` marks an expected span in a check's or glossary entry's example.
MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


def unmark(text: str) -> str:
    """The example text without its ``[[ ]]`` markers."""
    return MARK.sub(lambda m: m.group(1), text)


def marked_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the marked spans in :func:`unmark` ``(text)``."""
    out, shift = [], 0
    for m in MARK.finditer(text):
        start = m.start() - shift
        out.append((start, start + len(m.group(1))))
        shift += 4
    return out
