"""Reviewers' decisions, keyed by finding fingerprints, stored as sorted JSON Lines.

The file is plain text a team can commit and diff (one decision a line, sorted). `mtqa review`
writes it after every decision (atomically); `mtqa lint` treats ``dismissed`` decisions as
suppressions, so a finding dismissed once in review stays dismissed in CI.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from mtqa.core.errors import ConfigError
from mtqa.core.files import atomic_write

DECISIONS = ("accepted", "dismissed")


@dataclass
class Decision:
    fingerprint: str
    decision: str  # "accepted" | "dismissed"
    path: str = ""
    code: str = ""
    text: str = ""
    note: str = ""
    time: str = ""


def load_decisions(path: Path) -> dict[str, Decision]:
    """Decisions by fingerprint; a missing file is no decisions. Bad lines name file and line."""
    path = Path(path)
    if not path.exists():
        return {}
    out: dict[str, Decision] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read review decisions: {exc}") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            d = Decision(**obj)
        except (json.JSONDecodeError, TypeError) as exc:
            raise ConfigError(str(path), f"malformed decision: {exc}", n) from None
        if d.decision not in DECISIONS:
            raise ConfigError(str(path), f"unknown decision {d.decision!r}", n)
        out[d.fingerprint] = d
    return out


def save_decisions(path: Path, decisions: dict[str, Decision]) -> None:
    """Write ``decisions`` as the whole file (atomically). Several reviewers on one file should
    use :func:`update_decisions`, which keeps what the others wrote."""
    rows = sorted(decisions.values(), key=lambda d: (d.path, d.code, d.fingerprint))
    text = "".join(json.dumps(asdict(d), ensure_ascii=False, sort_keys=True) + "\n" for d in rows)
    atomic_write(path, text)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``path`` (a ``.lock`` file beside it) across processes.

    Where the platform has no ``fcntl`` the lock is a no-op (the write itself stays atomic)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    lock_path = Path(path).with_name(Path(path).name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def update_decisions(path: Path, changes: Mapping[str, Decision | None]) -> dict[str, Decision]:
    """Apply ``changes`` (a decision, or None to take one back) to the file as it is on disk now,
    under the lock, and return every decision the file then holds.

    Each reviewer writes only what they changed: two ``mtqa review`` windows on one folder keep
    each other's decisions instead of each writing back the list it loaded."""
    path = Path(path)
    with locked(path):
        current = load_decisions(path)
        for fp, d in changes.items():
            if d is None:
                current.pop(fp, None)
            else:
                current[fp] = d
        save_decisions(path, current)
    return current


#: Two-letter markers per category, shown next to each highlighted span in the review UI and the
#: HTML report, so severity and category read without colour too.
CATEGORY_MARKS: dict[str, str] = {
    "untranslated_fragment": "UT",
    "boilerplate": "BP",
    "repetition": "RP",
    "agreement": "AG",
    "false_friend": "FF",
    "calque": "CQ",
    "orthography": "OR",
    "spacing_punctuation": "SP",
    "capitalization": "CP",
    "truncation": "TR",
    "word_order": "WO",
    "mistranslation": "MT",
    "inconsistency": "IC",
    "omission": "OM",
    "addition": "AD",
    "quality": "QL",
    "meta": "MM",
}


def category_mark(category: str) -> str:
    """The two-letter marker of a category."""
    return CATEGORY_MARKS.get(category, category[:2].upper())


def severity_mark(severity) -> str:
    """``E``, ``W`` or ``I``."""
    return severity.name[0]
