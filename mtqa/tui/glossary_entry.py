"""Glossary entries made from a finding in review: build, validate and add to a glossary file.

The entry is built in the format of :mod:`mtqa.core.glossary` and checked the way the glossary
tools check entries before anything is written: the entry must parse, pass the glossary validation
(unique id, a message, a failing and a passing example, no regex or rewrite problems), and both
examples must behave (the failing one fires exactly at its ``[[marked]]`` spans with a suggestion,
the passing one stays silent). The file is rewritten in canonical form with an atomic write.

The file is one ``mtqa lint`` reads (:func:`target_file`): the first writable ``.yaml`` file of
``glossary.extend_paths`` (then of ``glossary.paths``), else the project glossary
(``glossary.file``, ``mtqa-glossary.yaml`` beside the configuration file), which lint reads as soon
as it exists. So the next ``mtqa lint`` of the same project uses the new entry.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa.core import glossary as g
from mtqa.core.config import Config
from mtqa.core.errors import ConfigError
from mtqa.core.files import atomic_write
from mtqa.core.text import MARK
from mtqa.providers import glossaries as gp

#: Kinds a reviewer can pick (``term`` needs source-aware examples, so it is not offered here).
KINDS = tuple(k for k in g.KINDS if k != "term")


def target_file(config: Config, pair: str = "en-pt", explicit: str | None = None) -> str:
    """Where a new entry goes: ``explicit`` (``mtqa review --glossary``); else the first ``.yaml``
    file of ``glossary.extend_paths``, then of ``glossary.paths``, that can be written and holds
    (or, missing, will hold) entries of ``pair``'s target language; else the project glossary
    ``glossary.file``. Every one of these is read by ``mtqa lint`` with ``config``."""
    if explicit:
        return explicit
    lang = pair.split("-", 1)[-1].split("_")[0]
    found = gp.configured_paths(config)
    for p in (*found.extend, *(found.base if found.user_base else ())):
        if p.suffix in (".yaml", ".yml") and gp.writable(p) and _targets(p, lang):
            return str(p)
    return str(found.project if found.project is not None else config.resolve("mtqa-glossary.yaml"))


def _targets(path: Path, lang: str) -> bool:
    if not path.exists():
        return True
    try:
        return g.load_file(path).target_language == lang
    except ConfigError:
        return False  # a broken file is not where a reviewer's entry should go


def where_note(config: Config, path: str) -> str:
    """One line for the reviewer: whether ``mtqa lint`` reads the glossary file ``path``."""
    if not path.strip():
        return ""
    if gp.lint_reads(config, path):
        return "mtqa lint reads this file"
    return "mtqa lint does not read this file: add it to [tool.mtqa.glossary] extend_paths"


def lint_ids(config: Config) -> dict[str, str]:
    """``id -> FILE:LINE`` of every entry of the glossaries ``mtqa lint`` reads with ``config``
    (unreadable files are left out: lint reports them itself)."""
    out: dict[str, str] = {}
    try:
        files = gp.glossary_files(config)
    except ConfigError:
        return out
    for f in files:
        try:
            gl = g.load_file(f)
        except ConfigError:
            continue
        for e in gl.entries:
            out.setdefault(e.id, f"{e.file}:{e.line}")
    return out


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
    #: Ids already used by the glossaries lint reads (id -> ``FILE:LINE``); the new id must differ
    #: (an entry in the target file itself is found by the glossary validation).
    taken: dict[str, str] = field(default_factory=dict)

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
    here = Path(path).resolve()
    elsewhere = form.taken.get(entry.id)
    if elsewhere and Path(elsewhere.rsplit(":", 1)[0]).resolve() != here:
        errors.append(f"id: {entry.id!r} is already used in {elsewhere} (ids are unique across "
                      "the glossaries lint reads)")
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
