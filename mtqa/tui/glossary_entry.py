"""Glossary entries made from a finding in review: build, validate and add to a glossary file.

The entry is built in the format of :mod:`mtqa.core.glossary` and checked the way the glossary
tools check entries before anything is written: the entry must parse, pass the glossary validation
(unique id, a message, a failing and a passing example, no regex or rewrite problems), and both
examples must behave (the failing one fires exactly at its ``[[marked]]`` spans with a suggestion,
the passing one stays silent). The file is rewritten in canonical form with an atomic write.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa.core import glossary as g
from mtqa.core.errors import ConfigError
from mtqa.core.files import atomic_write
from mtqa.core.text import MARK

#: Kinds a reviewer can pick (``term`` needs source-aware examples, so it is not offered here).
KINDS = tuple(k for k in g.KINDS if k != "term")


def slug(text: str) -> str:
    """A glossary id from a span: ``"Senhor Putin"`` -> ``senhor-putin``."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:48] or "entry"


def mark_span(sentence: str, start: int, end: int) -> str:
    """The sentence with ``[start:end]`` marked as the failing span."""
    return sentence[:start] + "[[" + sentence[start:end] + "]]" + sentence[end:]


def split_terms(raw: str) -> list[str]:
    """``"a; b"`` or ``"a, b"`` -> ``["a", "b"]`` (semicolons win when present)."""
    sep = ";" if ";" in raw else ","
    return [t.strip() for t in raw.split(sep) if t.strip()]


@dataclass
class EntryForm:
    """What the reviewer fills in (prefilled from the finding)."""

    path: str
    id: str
    kind: str
    terms: list[str]
    suggest: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    message: str = ""
    bad: str = ""
    good: str = ""
    #: Language pair of a new glossary file, e.g. ``en-pt``.
    pair: str = "en-pt"
    #: Variant the examples are run in (``BR``, ``PT``).
    variant: str = "BR"

    def to_data(self) -> dict[str, Any]:
        """The entry in the glossary file format."""
        d: dict[str, Any] = {"id": self.id, "kind": self.kind, "terms": list(self.terms)}
        if self.source:
            d["source"] = list(self.source)
        d["message"] = self.message
        if self.suggest:
            d["suggest"] = "|".join(self.suggest)
        d["examples"] = [{"bad": self.bad}, {"good": self.good}]
        return d


def _existing(path: Path) -> g.Glossary | None:
    return g.load_file(path) if path.exists() else None


def validate(form: EntryForm) -> list[str]:
    """Problems that block writing the entry; empty when it can be written."""
    errors: list[str] = []
    if not form.path.strip():
        errors.append("glossary file: required")
    elif not form.path.endswith((".yaml", ".yml")):
        errors.append("glossary file: must be a .yaml file")
    if form.kind not in KINDS:
        errors.append(f"kind: one of {', '.join(KINDS)}")
    if not form.terms:
        errors.append("terms: at least one")
    if not form.message.strip():
        errors.append("message: required (what the reviewer of the next article reads)")
    if not MARK.search(form.bad):
        errors.append("failing example: mark the span with [[...]]")
    if not form.good.strip():
        errors.append("passing example: required (a sentence where the entry must stay silent)")
    elif "[[" in form.good:
        errors.append("passing example: must not contain [[marks]]")
    if errors:
        return errors
    path = form.path.strip()
    try:
        entry = g.entry_from_data(form.to_data(), path)
    except ConfigError as exc:
        return [exc.message]
    try:
        existing = _existing(Path(path))
    except ConfigError as exc:
        return [str(exc)]
    entries = [*(existing.entries if existing else []), entry]
    probe = g.Glossary(pair=existing.pair if existing else form.pair, entries=entries, path=path)
    errors.extend(i.message for i in g.validate([probe]) if i.entry == entry.id)
    for ex in entry.examples:
        ok, why = g.run_example(entry, ex, form.variant or "BR")
        if not ok:
            which = "failing example" if ex.fires else "passing example"
            errors.append(f"{which}: {why}")
    return errors


def write_entry(form: EntryForm) -> Path:
    """Validate, then add the entry to the glossary file (created when missing), atomically."""
    errors = validate(form)
    if errors:
        raise ValueError("; ".join(errors))
    path = Path(form.path.strip())
    entry = g.entry_from_data(form.to_data(), str(path))
    existing = _existing(path)
    glossary = existing or g.Glossary(pair=form.pair)
    glossary.entries.append(entry)
    atomic_write(path, g.dump(glossary))
    return path
