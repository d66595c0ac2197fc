"""Glossary entries made from a finding in review: build, validate and append to a YAML file.

The entry follows the glossary format of DESIGN.md (``schema: mtqa-glossary/1``; an id, a kind, the
terms, a message, a suggestion, and a failing example with the span marked ``[[...]]`` plus a
passing one). Validation catches what would make the entry useless or self-contradictory before
anything is written; the write is atomic and keeps every existing entry as it was.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa.core.errors import ConfigError
from mtqa.core.files import atomic_write

SCHEMA = "mtqa-glossary/1"
KINDS = ("false_friend", "forbidden", "term", "dnt", "orthography", "variant")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


def slug(text: str) -> str:
    """A kebab-case id from a span: ``"Senhor Putin"`` -> ``senhor-putin``."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:48] or "entry"


def mark_span(sentence: str, start: int, end: int) -> str:
    """The sentence with ``[start:end]`` marked as the failing span."""
    return sentence[:start] + "[[" + sentence[start:end] + "]]" + sentence[end:]


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
    pair: str = ""

    def to_entry(self) -> dict[str, Any]:
        bad: dict[str, Any] = {"tgt": self.bad}
        if self.suggest:
            bad["suggest"] = self.suggest[0]
        entry: dict[str, Any] = {"id": self.id, "kind": self.kind}
        if self.source:
            entry["source"] = list(self.source)
        if self.kind == "false_friend":
            entry["trap"] = list(self.terms)
            if self.suggest:
                entry["meaning"] = list(self.suggest)
        elif self.kind == "dnt":
            entry["forbid"] = list(self.terms)
            if self.suggest:
                entry["target"] = list(self.suggest)
        elif self.kind == "term":
            entry["target"] = list(self.suggest)
            entry["forbid"] = list(self.terms)
        else:
            entry["forbid"] = list(self.terms)
            if self.suggest:
                entry["suggest"] = list(self.suggest)
        if self.message:
            entry["message"] = self.message
        entry["examples"] = [bad, {"tgt": self.good}]
        return entry


def split_terms(raw: str) -> list[str]:
    """``"a; b"`` or ``"a, b"`` -> ``["a", "b"]`` (semicolons win when present)."""
    sep = ";" if ";" in raw else ","
    return [t.strip() for t in raw.split(sep) if t.strip()]


def _contains(text: str, term: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text, re.I) is not None


def _load(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ConfigError(str(path), f"not valid YAML: {exc}", line + 1 if line is not None else None) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read glossary: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list):
        raise ConfigError(str(path), "a glossary must be a mapping with an 'entries' list")
    return data


def validate(form: EntryForm) -> list[str]:
    """Problems that block writing the entry; empty when it can be written."""
    errors: list[str] = []
    if not form.path.strip():
        errors.append("glossary file: required")
    elif not form.path.endswith((".yaml", ".yml")):
        errors.append("glossary file: must be a .yaml file")
    if not _ID.match(form.id):
        errors.append("id: kebab-case letters and digits, e.g. 'senhor-putin'")
    if form.kind not in KINDS:
        errors.append(f"kind: one of {', '.join(KINDS)}")
    if not form.terms:
        errors.append("terms: at least one")
    if form.kind in ("term", "dnt", "false_friend") and not form.suggest:
        errors.append(f"suggestion: a {form.kind} entry needs the right rendering")
    marks = _MARK.findall(form.bad)
    if not marks:
        errors.append("failing example: mark the span with [[...]]")
    for m in marks:
        if not any(m.casefold() == t.casefold() for t in form.terms):
            errors.append(f"failing example: marked {m!r} is not one of the terms")
    plain_bad = _MARK.sub(lambda m: m.group(1), form.bad)
    for m in marks:
        if plain_bad.count(m) != form.bad.count("[[" + m + "]]"):
            errors.append(f"failing example: {m!r} occurs unmarked too; mark every occurrence")
    if not form.good.strip():
        errors.append("passing example: required (a sentence where the entry must stay silent)")
    elif "[[" in form.good:
        errors.append("passing example: must not contain [[marks]]")
    elif not form.source:
        hit = next((t for t in form.terms if _contains(form.good, t)), None)
        if hit:
            errors.append(f"passing example contains {hit!r}: the entry would fire on it "
                          "(give the source terms that tell the cases apart, or another sentence)")
    if form.path.strip() and not errors:
        try:
            data = _load(Path(form.path))
        except ConfigError as exc:
            errors.append(str(exc))
        else:
            ids = {e.get("id") for e in data.get("entries", []) if isinstance(e, dict)}
            if form.id in ids:
                errors.append(f"id: {form.id!r} already exists in {form.path}")
            schema = data.get("schema")
            if schema not in (None, SCHEMA):
                errors.append(f"{form.path}: schema {schema!r} is not {SCHEMA}")
    return errors


def write_entry(form: EntryForm) -> Path:
    """Validate and append the entry to the glossary file (created when missing)."""
    errors = validate(form)
    if errors:
        raise ValueError("; ".join(errors))
    import yaml

    path = Path(form.path)
    data = _load(path)
    out: dict[str, Any] = {"schema": data.get("schema", SCHEMA)}
    if data.get("pair") or form.pair:
        out["pair"] = data.get("pair") or form.pair
    out.update({k: v for k, v in data.items() if k not in ("schema", "pair", "entries")})
    out["entries"] = [*data.get("entries", []), form.to_entry()]
    text = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=100)
    atomic_write(path, text)
    return path
