"""Applying suggestions to a text and writing it back: the edits ``mtqa lint --fix`` makes and the
review UI's apply makes, in one place.

Two halves:

- :func:`apply_edits` replaces spans of a text by their suggestions, from the end of the text to
  its start, so an edit never moves the offsets of the ones still to apply; an edit whose span no
  longer holds the text it was found on, or that overlaps one already applied, is skipped (the
  next lint finds it again if it still holds).
- :func:`write_back` replaces a file by the edited text only if the file still holds, byte for
  byte, the text that was checked, and that text encodes back to exactly those bytes (encoding,
  byte-order mark and line endings kept). It never writes through a symbolic link and never
  splits hard links; the write is atomic (a temporary file renamed over the old one).

:data:`SAFE_FIXES` lists the checks whose suggestion ``mtqa lint --fix`` applies without a
reviewer: the edit changes only spacing, a doubled word or mark, a spelling abolished by the
1990 orthographic agreement, or letter case, and the check's rule decides it (docs/cli.md says
why each one is there and why its neighbours are not).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mtqa.core.text import decode

#: Code -> what its suggestion changes. Chosen from each check's declaration (its message, its
#: "What fires" section and the suggestions of its examples, which tests/cli/test_fix.py holds
#: to the kind named here):
#:
#: - ``spacing``: only whitespace is added or removed; every other character stays.
#: - ``doubled``: two copies of a word or of a period become one.
#: - ``spelling``: a spelling abolished by the 1990 agreement becomes the reformed one (the
#:   dictionaries of both variants, or the glossary's pre-reform list, decide it).
#: - ``case``: only letter case changes (orthographic rules: months and weekdays, function words
#:   and verbs in mid-sentence, gentilics, sentence starts, a brand's own spelling).
SAFE_FIXES: dict[str, str] = {
    "S101": "spacing",  # space-before-hyphen: norte -coreano
    "S102": "spacing",  # space-before-punctuation: sovereignty ,
    "S110": "spacing",  # space-inside-brackets: ( Feira
    "S111": "spacing",  # space-inside-quotes: “ paz
    "S112": "spacing",  # missing-space-at-bracket: Apoio(PAE)
    "S116": "spacing",  # digit-glued-to-word: 30anos
    "S117": "spacing",  # missing-space-after-punctuation: Lisboa,Paris
    "S119": "spacing",  # space-before-plus: TV +
    "S124": "spacing",  # spaced-hyphen-in-compound: ex - presidente
    "S125": "spacing",  # glued-function-word: doGoverno
    "S127": "spacing",  # split-token: 1 º, R $
    "S103": "doubled",  # doubled-period: terminou..
    "D103": "doubled",  # doubled-word: de de
    "G103": "spelling",  # glossary-pre-reform-spelling: Coréia
    "O101": "spelling",  # pre-reform-silent-consonant: actualização
    "O102": "spelling",  # pre-reform-accent: jibóia, vôo
    "O108": "spelling",  # pre-reform-hyphen: semi-final
    "O110": "spelling",  # pre-reform-locution-hyphens: mão-de-obra
    "U101": "case",  # capitalised-function-word: apoio a Rússia Na guerra
    "U104": "case",  # capitalised-month-or-weekday: em Junho
    "U105": "case",  # lower-case-sentence-start: bem. não é
    "U106": "case",  # capital-after-comma: junho; No entanto
    "U107": "case",  # capitalised-verb-mid-sentence: o modelo Foi
    "U108": "case",  # capitalised-gentilic: em Inglês
    "U109": "case",  # brand-casing: Youtube
}


def is_safe(finding) -> bool:
    """True when ``mtqa lint --fix`` applies this finding's suggestion."""
    return finding.suggestion is not None and finding.code in SAFE_FIXES


#: Suppressions that are fingerprints (a reviewer's dismissal, a baseline entry): a fingerprint
#: holds the finding's sentence, so an edit anywhere in that sentence would undo the suppression.
_BY_FINGERPRINT = ("review", "baseline")


def safe_edits(doc, findings, suppressed=()) -> list[Edit]:
    """The edits ``mtqa lint --fix`` makes in ``doc``: the safe suggestions of ``findings``
    (the findings shown), except

    - an edit inside the span of a finding that says to delete that span (`B` boilerplate,
      `D101` repeated lines): the text may go, and what stays is the reviewer's to decide;
    - an edit in a sentence holding a finding that a reviewer dismissed or a baseline lists
      (``suppressed``): the edit would change that finding's fingerprint and bring it back.
    """
    deletions = [(f.start, f.end) for f in findings if f.suggestion == "" and not is_safe(f)]
    held: set[tuple[int, int]] = set()
    for f in suppressed:
        if (f.suppressed_by or "") in _BY_FINGERPRINT:
            held.add(_sentence(doc, f.start))
    out = []
    for f in findings:
        if not is_safe(f):
            continue
        if any(s < f.end and f.start < e or s <= f.start == f.end <= e for s, e in deletions):
            continue
        if held and _sentence(doc, f.start) in held:
            continue
        out.append(Edit.of(f))
    return out


def _sentence(doc, offset: int) -> tuple[int, int]:
    """The span of the sentence (else the line) a fingerprint takes for ``offset``."""
    seg = doc.segment_at(offset, "sentence") or doc.segment_at(offset, "line")
    return (seg.start, seg.end) if seg else (-1, -1)


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (which must equal ``old``) by ``new``."""

    start: int
    end: int
    old: str
    new: str
    code: str = ""

    @classmethod
    def of(cls, finding) -> Edit:
        """The edit that applies a finding's suggestion."""
        if finding.suggestion is None:
            raise ValueError(f"{finding.code} has no suggestion to apply")
        return cls(finding.start, finding.end, finding.text, finding.suggestion, finding.code)


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit], list[Edit]]:
    """``(new text, edits applied, edits skipped)``.

    Edits are applied from the end of the text. One is skipped when its span does not hold
    ``old`` (the text changed since it was checked), when it overlaps an edit already applied,
    or when it inserts at the point where another edit starts or ends (which comes first would
    be a guess). Identical edits count once.
    """
    unique = {(e.start, e.end, e.old, e.new): e for e in edits}
    todo = sorted(unique.values(), key=lambda e: (e.start, e.end, e.new), reverse=True)
    applied: list[Edit] = []
    skipped: list[Edit] = []
    parts: list[str] = []
    limit = len(text)  # text[limit:] is final
    last: Edit | None = None
    for e in todo:
        stale = not (0 <= e.start <= e.end <= len(text)) or text[e.start : e.end] != e.old
        touching = last is not None and e.end == last.start and (e.start == e.end or last.start == last.end)
        if stale or e.end > limit or touching:
            skipped.append(e)
            continue
        parts.append(text[e.end : limit])
        parts.append(e.new)
        limit = e.start
        last = e
        applied.append(e)
    parts.append(text[:limit])
    applied.reverse()
    return "".join(reversed(parts)), applied, skipped


class NotWritten(ValueError):
    """A file was left as it was; the message says why."""


def encode_exact(original: bytes, text: str, new: str, encoding: str) -> bytes:
    """``new`` as bytes of the file that held ``original``, decoded as ``text``.

    Raises NotWritten unless ``text`` encodes back to exactly ``original`` (so the file keeps its
    encoding, byte-order mark and line endings) and ``new`` can be written in that encoding."""
    try:
        again = text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        again = None
    if again != original:
        raise NotWritten(f"its bytes do not read back exactly as {encoding} (they would change "
                         "where nothing was fixed)")
    try:
        return new.encode(encoding)
    except UnicodeEncodeError as exc:
        raise NotWritten(f"the suggestion cannot be written as {encoding}: {exc.reason}") from None


def _plain_file(path: Path) -> os.stat_result:
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        raise NotWritten("it no longer exists") from None
    if stat.S_ISLNK(st.st_mode):
        raise NotWritten("it is a symbolic link; fix the file it points to")
    if not stat.S_ISREG(st.st_mode):
        raise NotWritten("it is not a regular file")
    if st.st_nlink > 1:
        raise NotWritten(f"it has {st.st_nlink} hard links; replacing it would split them")
    return st


def read_plain(path: str | Path) -> bytes:
    """The bytes of ``path``, which must be a regular file (not a link) with one name."""
    path = Path(path)
    _plain_file(path)
    with open(path, "rb", opener=_nofollow) as fh:
        return fh.read()


def _nofollow(path, flags):
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


def write_back(path: str | Path, text: str, new: str, encoding: str) -> None:
    """Replace ``path``, whose content was read and decoded as ``text``, by ``new`` encoded as
    it was. Raises NotWritten, leaving the file alone, when the file changed on disk since it
    was read, when its bytes do not round-trip (see :func:`encode_exact`), or when it is a link.

    The file is compared again after the new text is on disk in a temporary file, right before
    the rename, so a change made meanwhile is not overwritten."""
    path = Path(path)
    current = read_plain(path)
    try:
        expected = text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        expected = None
    if current != expected:
        try:
            same_text = decode(current, str(path), encoding)[0] == text
        except Exception:  # noqa: BLE001 - unreadable now: it changed
            same_text = False
        if not same_text:
            raise NotWritten("the file changed on disk since it was checked")
    data = encode_exact(current, text, new, encoding)
    st = _plain_file(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        if read_plain(path) != current:
            raise NotWritten("the file changed on disk since it was checked")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
