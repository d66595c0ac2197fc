"""Reviewers' decisions, keyed by finding fingerprints, stored as sorted JSON Lines.

The file is plain text a team can commit and diff (one decision a line, sorted). `mtqa review`
writes it after every decision (atomically); `mtqa lint` treats ``dismissed`` decisions as
suppressions, so a finding dismissed once in review stays dismissed in CI.
"""

from __future__ import annotations

import json
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
    rows = sorted(decisions.values(), key=lambda d: (d.path, d.code, d.fingerprint))
    text = "".join(json.dumps(asdict(d), ensure_ascii=False, sort_keys=True) + "\n" for d in rows)
    atomic_write(path, text)


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
