"""Configuration: ``[tool.mtqa]`` in pyproject.toml or top-level keys in ``mtqa.toml``.

Precedence: command-line flags > ``MTQA_*`` environment variables > file > defaults. Unknown keys
and wrong types are errors that name the file, the line and the key.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa.core.errors import ConfigError
from mtqa.core.model import Severity


@dataclass
class LangIdConfig:
    """Language identification."""

    #: Detector backend: "lingua" (default) or "langdetect".
    backend: str = "lingua"
    #: Languages the detector may answer with (restricting it makes it faster and more accurate).
    candidates: list[str] = field(default_factory=lambda: ["pt", "en", "it", "es"])


@dataclass
class GlossaryConfig:
    """Glossaries: term lists as data."""

    #: Glossary files or folders that replace the shipped ones; empty means the shipped glossaries.
    paths: list[str] = field(default_factory=list)
    #: Glossary files or folders added to the shipped glossaries (or to `paths`).
    extend_paths: list[str] = field(default_factory=list)
    #: The project glossary: read as well when it exists, and where `mtqa review` (`g`) adds
    #: entries when no file of `extend_paths` can take them; empty means none.
    file: str = "mtqa-glossary.yaml"
    #: Entry ids to switch off.
    disable: list[str] = field(default_factory=list)


@dataclass
class RoundTripConfig:
    """Round-trip translation (target -> pivot -> target)."""

    #: Run round-trip checks during `mtqa lint` (also `--roundtrip`).
    enabled: bool = False
    #: Translator backend: "bergamot" (offline, default) or a deep-translator provider name.
    backend: str = "bergamot"
    #: Pivot language of the round trip.
    pivot: str = "en"
    #: Seconds before an online translation request is abandoned.
    timeout: float = 20.0
    #: Retries of a failed online request (with exponential backoff).
    retries: int = 2
    #: Most online requests per second.
    rate_limit: float = 5.0
    #: Base URL for self-hosted providers (e.g. LibreTranslate).
    url: str = ""
    #: Translation cache file; empty means the user cache directory (MTQA_CACHE_DIR wins).
    cache: str = ""
    #: Seconds before the first retry of an online request; doubled for each further retry.
    backoff: float = 0.5
    #: Translation threads, each with its own offline engine instance; 0 means one per core.
    jobs: int = 0
    #: Sentences whose round-trip chrF is below this are reported (R102); 0 uses the measured default.
    min_chrf: float = 0.0


@dataclass
class TuiConfig:
    """The reviewers' terminal UI."""

    #: Remapped key bindings: action id -> keys (comma-separated), e.g. {accept = "a,enter"}.
    keymap: dict[str, str] = field(default_factory=dict)


@dataclass
class Config:
    """Everything mtqa can be told; see `mtqa config show`."""

    #: Target language of the documents (ISO 639-1); empty means detect it per document.
    language: str = ""
    #: Target variant, e.g. "BR" or "PT" for Portuguese; empty means no variant checks.
    variant: str = ""
    #: Check codes, code prefixes or categories to run; empty means all checks enabled by default.
    select: list[str] = field(default_factory=list)
    #: Added to `select` (or to the defaults).
    extend_select: list[str] = field(default_factory=list)
    #: Check codes, code prefixes or categories not to run.
    ignore: list[str] = field(default_factory=list)
    #: Severity overrides per check code, e.g. {B101 = "error"}.
    severity: dict[str, str] = field(default_factory=dict)
    #: Findings at or above this severity make `mtqa lint` exit 1.
    fail_on: str = "warning"
    #: File name patterns checked when walking directories.
    include: list[str] = field(default_factory=lambda: ["*.txt", "*.md", "*.markdown"])
    #: Path patterns never checked.
    exclude: list[str] = field(default_factory=list)
    #: Leave out what the work tree's `.gitignore` files ignore when walking folders.
    respect_gitignore: bool = True
    #: Codes ignored per path pattern, e.g. {"archive/*" = ["B"]}.
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    #: Largest file checked, in bytes.
    max_file_size: int = 5_000_000
    #: Input encoding; "auto" accepts UTF-8 (with or without BOM), UTF-16/32 with BOM, Windows-1252.
    encoding: str = "auto"
    #: Baseline file of accepted findings (fingerprints); empty means none.
    baseline: str = ""
    #: Reviewers' decisions file written by `mtqa review`; dismissed findings are suppressed.
    review_file: str = "mtqa-review.jsonl"
    #: Worker processes for runs of 200 files or more; 0 means one per core, 1 means none.
    jobs: int = 0
    #: Report findings of several checks on the same span once, under the most specific check,
    #: with the others listed in its evidence (``also``); false reports each.
    merge_same_span: bool = True
    langid: LangIdConfig = field(default_factory=LangIdConfig)
    glossary: GlossaryConfig = field(default_factory=GlossaryConfig)
    roundtrip: RoundTripConfig = field(default_factory=RoundTripConfig)
    tui: TuiConfig = field(default_factory=TuiConfig)

    #: Where the configuration came from (not a key).
    source: str = field(default="defaults", metadata={"internal": True})
    #: Folder relative paths in the file are resolved against (not a key).
    root: str = field(default=".", metadata={"internal": True})
    #: Where each top-level key that holds check codes was set: (file or environment variable,
    #: line or None), so that an unknown code is blamed on the place it came from (not a key).
    origin: dict[str, tuple[str, int | None]] = field(default_factory=dict, metadata={"internal": True})

    def resolve(self, p: str) -> Path:
        path = Path(p).expanduser()
        return path if path.is_absolute() else Path(self.root) / path

    def to_dict(self) -> dict[str, Any]:
        return {
            f.name: _public(getattr(self, f.name))
            for f in dataclasses.fields(self)
            if not f.metadata.get("internal")
        }

    def validate(self, where: str = "configuration") -> None:
        try:
            Severity.parse(self.fail_on)
            for sev in self.severity.values():
                Severity.parse(sev)
        except ValueError as exc:
            raise ConfigError(where, str(exc)) from None
        self.language, self.variant = parse_language(self.language, self.variant, where)


#: Target languages mtqa can check, with the variants each knows (the first letters of a tag
#: such as ``pt-BR``). A document of another language is still read and detected, but cannot be
#: named as the target.
LANGUAGES: dict[str, tuple[str, ...]] = {"pt": ("BR", "PT"), "en": (), "es": (), "it": ()}


def parse_language(language: str, variant: str = "", where: str = "configuration") -> tuple[str, str]:
    """``("pt-BR", "")`` -> ``("pt", "BR")``; also ``pt_BR``, ``pt-br``, ``PT``, ``("pt", "pt")``.

    An empty language means "detect it per document". A language mtqa cannot check, a variant
    its language does not have, or a tag's variant that contradicts ``variant`` is a
    :class:`ConfigError` naming ``where`` the value came from.
    """
    lang, var = (language or "").strip(), (variant or "").strip()
    m = re.fullmatch(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}))?", lang) if lang else None
    if lang and not m:
        raise ConfigError(where, f"language {language!r} is not a language tag like 'pt' or 'pt-BR'")
    tag_variant = ""
    if m:
        lang, tag_variant = m.group(1).lower(), (m.group(2) or "").upper()
        if lang not in LANGUAGES:
            known = ", ".join(sorted(LANGUAGES))
            raise ConfigError(where, f"language {language!r}: mtqa checks {known} (or leave it empty to detect it)")
    var = var.upper()
    if tag_variant and var and tag_variant != var:
        raise ConfigError(where, f"language {language!r} says variant {tag_variant}, but variant is {variant!r}")
    var = var or tag_variant
    if var:
        if not lang:
            # A variant without a language applies to documents detected as a language that has it.
            if not any(var in vs for vs in LANGUAGES.values()):
                raise ConfigError(where, f"variant {variant!r} is not a variant mtqa knows")
        elif var not in LANGUAGES[lang]:
            have = ", ".join(LANGUAGES[lang]) or "none"
            raise ConfigError(where, f"variant {var!r} is not a variant of {lang!r} (known: {have})")
    return lang, var


def _public(v: Any) -> Any:
    if dataclasses.is_dataclass(v):
        return {f.name: _public(getattr(v, f.name)) for f in dataclasses.fields(v)}
    return v


# --- loading ------------------------------------------------------------------------------------


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``mtqa.toml``, or ``pyproject.toml`` with a ``[tool.mtqa]`` table, upwards."""
    d = (start or Path.cwd()).resolve()
    for folder in (d, *d.parents):
        cand = folder / "mtqa.toml"
        if cand.is_file():
            return cand
        cand = folder / "pyproject.toml"
        if cand.is_file() and _has_mtqa_table(cand):
            return cand
    return None


def _toml_line(exc: Exception, text: str) -> int | None:
    m = re.search(r"line (\d+)", str(exc))
    if m:
        return int(m.group(1))
    return max(1, text.count("\n") + (not text.endswith("\n"))) if "end of document" in str(exc) else None


def _has_mtqa_table(path: Path) -> bool:
    """Whether a ``pyproject.toml`` configures mtqa. One that mentions ``[tool.mtqa`` but cannot be
    read (not UTF-8, invalid TOML) is a :class:`ConfigError` naming the file and line: a broken
    configuration must not silently turn into the defaults or a parent folder's configuration.
    A broken pyproject that does not mention mtqa is someone else's problem and is passed over."""
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    mentions = re.search(rb"^\s*\[\s*tool\s*\.\s*[\"']?mtqa\b", raw, re.MULTILINE) is not None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not mentions:
            return False
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(str(path), f"cannot read configuration: not UTF-8 (byte {exc.start})", line) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if not mentions:
            return False
        raise ConfigError(str(path), f"invalid TOML: {exc}", _toml_line(exc, text)) from None
    return "mtqa" in data.get("tool", {})


def load_config(path: Path | None = None, *, search: bool = True, env: dict | None = None) -> Config:
    """Load configuration from ``path`` (or the nearest config file), then apply ``MTQA_*``."""
    if path is None and search:
        path = find_config()
    cfg = Config()
    if path is not None:
        path = Path(path)
        try:
            raw_bytes = path.read_bytes()
        except OSError as exc:
            raise ConfigError(str(path), f"cannot read configuration: {exc.strerror or exc}") from None
        try:
            raw_text = raw_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw_bytes[: exc.start].count(b"\n") + 1
            raise ConfigError(str(path), f"cannot read configuration: not UTF-8 (byte {exc.start})", line) from None
        try:
            data = tomllib.loads(raw_text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(str(path), f"invalid TOML: {exc}", _toml_line(exc, raw_text)) from None
        if path.name == "pyproject.toml":
            table = data.get("tool", {}).get("mtqa", {})
            prefix = "tool.mtqa"
        else:
            table = data
            prefix = ""
        cfg = _build(Config, table, prefix, str(path), raw_text)
        cfg.source = str(path)
        cfg.root = str(path.parent)
        for key in CODE_KEYS:
            if isinstance(table, dict) and key in table:
                line = _key_line(raw_text, prefix, key)
                sub = ".".join(x for x in (prefix, key) if x)
                if line is None:  # written as a table of its own: [severity]
                    line = next((i for i, t in enumerate(raw_text.splitlines(), 1)
                                 if re.fullmatch(rf"\s*\[\s*{re.escape(sub)}\s*\]\s*(?:#.*)?", t)), None)
                cfg.origin[key] = (str(path), line)
                if isinstance(table[key], dict):
                    for k in table[key]:
                        cfg.origin[f"{key}.{k}"] = (str(path), _key_line(raw_text, sub, k) or line)
    apply_env(cfg, os.environ if env is None else env)
    cfg.validate(cfg.source)
    return cfg


#: Top-level keys that hold check codes or selectors (checked against the registry by the
#: front ends, mtqa.cli.common.check_codes, which may import the checks).
CODE_KEYS = ("select", "extend_select", "ignore", "severity", "per_file_ignores")


def apply_env(cfg: Config, env: typing.Mapping[str, str]) -> None:
    """``MTQA_LANGUAGE=pt``, ``MTQA_FAIL_ON=error``, ``MTQA_SELECT=B,D101`` ... (top-level keys)."""
    hints = typing.get_type_hints(Config)
    for f in dataclasses.fields(Config):
        if f.metadata.get("internal"):
            continue
        val = env.get("MTQA_" + f.name.upper())
        if val is None:
            continue
        tp = hints[f.name]
        where = f"environment variable MTQA_{f.name.upper()}"
        if tp is str:
            setattr(cfg, f.name, val)
        elif tp is int:
            try:
                setattr(cfg, f.name, int(val))
            except ValueError:
                raise ConfigError(where, f"expected an integer, got {val!r}") from None
        elif typing.get_origin(tp) is list:
            setattr(cfg, f.name, [v.strip() for v in val.split(",") if v.strip()])
        if f.name in CODE_KEYS:
            cfg.origin[f.name] = (where, None)
        if f.name == "fail_on":
            try:
                Severity.parse(val)
            except ValueError as exc:
                raise ConfigError(where, str(exc)) from None
    names = [n for n in ("MTQA_LANGUAGE", "MTQA_VARIANT") if env.get(n) is not None]
    if names:
        where = "environment variable " + " / ".join(names)
        cfg.language, cfg.variant = parse_language(cfg.language, cfg.variant, where)


def _key_line(raw: str, prefix: str, key: str) -> int | None:
    """Best-effort line number of ``key`` inside table ``prefix`` of a TOML text."""
    section = None
    for i, line in enumerate(raw.splitlines(), 1):
        s = line.strip()
        m = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?", s)
        if m:
            section = m.group(1).replace('"', "")
            continue
        dotted_prefix, _, last = key.rpartition(".")
        want_section = ".".join(x for x in (prefix, dotted_prefix) if x)
        km = re.match(r'^"([^"]+)"\s*=|^([\w.\-]+)\s*=', s)
        name = km and (km.group(1) or km.group(2))
        if km and (section or "") == want_section and name == last:
            return i
        if km and (section or "") == prefix and name == key:
            return i
    return None


def _build(cls, table: Any, prefix: str, path: str, raw: str):
    where = prefix or "top level"
    if not isinstance(table, dict):
        raise ConfigError(path, f"[{where}] must be a table", _key_line(raw, "", prefix))
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    kwargs = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in fields:
            known = ", ".join(sorted(fields))
            raise ConfigError(
                path,
                f"unknown key {key!r} in [{where}] (known keys: {known})",
                _key_line(raw, prefix, key),
            )
        tp = hints[name]
        sub = f"{prefix}.{key}" if prefix else key
        if dataclasses.is_dataclass(tp):
            kwargs[name] = _build(tp, value, sub, path, raw)
        else:
            kwargs[name] = _coerce(tp, value, sub, path, raw, prefix, key)
    return cls(**kwargs)


def _coerce(tp, value, sub, path, raw, prefix, key):
    origin = typing.get_origin(tp)
    ok = True
    if tp is bool:
        ok = isinstance(value, bool)
    elif tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif tp is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif tp is str:
        ok = isinstance(value, str)
    elif origin is list:
        (item,) = typing.get_args(tp)
        ok = isinstance(value, list) and all(isinstance(v, item) for v in value)
    elif origin is dict:
        _, vt = typing.get_args(tp)
        vt_origin = typing.get_origin(vt)
        if vt_origin is list:
            ok = isinstance(value, dict) and all(
                isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()
            )
        else:
            ok = isinstance(value, dict) and all(isinstance(v, vt) for v in value.values())
    elif isinstance(tp, types.UnionType):
        ok = isinstance(value, typing.get_args(tp))
    if not ok:
        tname = getattr(tp, "__name__", str(tp))
        raise ConfigError(
            path,
            f"{sub}: expected {tname}, got {type(value).__name__} {value!r}",
            _key_line(raw, prefix, key),
        )
    return value
