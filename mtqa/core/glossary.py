"""Glossaries as data: the entry model, YAML loading with line numbers, validation and matching.

A glossary file (``glossaries/en-pt/*.yaml``) holds entries of one language pair::

    schema: mtqa-glossary/1
    pair: en-pt
    entries:
    - id: stress-estressa
      kind: false_friend
      terms: ['estress{a,am,ou,aram}']
      source: [stresses, stressed]
      message: "'estressar' means to cause stress, not to emphasise"
      suggest: enfatiza
      examples:
      - bad: Kim Jong Un [[estressa]] a aliança
      - good: O trânsito estressa os motoristas.

An entry names what it matches with ``terms`` (word forms; ``{a,b}`` expands to alternatives),
``replace`` (form -> its correction), or ``patterns`` (regular expressions without capturing
groups). ``context`` (conditions, any of which must hold) and ``unless`` (conditions, none of
which may hold) restrict where it fires; a condition has ``near`` (words within ``window`` words),
``before`` (a regex the text right before the match must end with) and ``after`` (a regex the text
right after must start with; ``before`` starts matching at a word boundary). ``variants`` limits an entry to documents of those variants.

Matching is fast: literal forms are indexed by their first word, and the patterns of each kind are
compiled into one alternation, so a sentence is tokenised once and scanned once per kind.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from mtqa.core.errors import ConfigError
from mtqa.core.text import marked_spans, unmark

SCHEMA = "mtqa-glossary/1"

#: Entry kinds and what they mean.
KINDS: dict[str, str] = {
    "false_friend": "a target word that looks like the source word but means something else",
    "calque": "a source construction copied word for word",
    "forbidden": "a rendering the house style rejects",
    "orthography": "a spelling from before the 1990 orthographic agreement",
    "variant": "a form of the other variant of the language (pt-PT in pt-BR text, or vice versa)",
    "dnt": "a name that must not be translated (brands, agencies)",
    "exonym": "a place name left in the source language",
    "official_name": "an official name rendered wrongly",
    "term": "a source term that requires a given target term (source-aware)",
}
#: Kinds matched on the target text alone (``term`` needs the source).
TARGET_KINDS = tuple(k for k in KINDS if k != "term")

#: Canonical key order of an entry (``fmt`` writes entries this way).
ENTRY_KEYS = (
    "id", "kind", "terms", "replace", "patterns", "case", "source", "target", "context", "unless",
    "variants", "severity", "message", "suggest", "rewrite", "note", "examples",
)
CONDITION_KEYS = ("near", "window", "before", "after")
EXAMPLE_KEYS = ("bad", "good", "suggest", "variant", "src")
CASES = ("auto", "exact", "any")
SEVERITIES = ("info", "warning", "error")

_TOKEN = re.compile(r"\w+")
#: The second ``\w+`` token of a text that has two (group 1).
_SECOND_WORD = re.compile(r"\W*\w+\W+(\w+)")
_BRACES = re.compile(r"\{([^{}]*)\}")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


# --- model --------------------------------------------------------------------------------------


@dataclass
class Condition:
    """Where an entry fires: near some words, after or before some text (all given must hold)."""

    near: list[str] = field(default_factory=list)
    window: int = 6
    before: str = ""
    after: str = ""

    @cached_property
    def _near(self) -> re.Pattern | None:
        if not self.near:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(self.near) + r")(?!\w)", re.I)

    @cached_property
    def _before(self) -> re.Pattern | None:
        # Anchored at the end of the preceding text and at the start of a word.
        return re.compile(r"(?<!\w)(?:" + self.before + r")\Z", re.I) if self.before else None

    @cached_property
    def _after(self) -> re.Pattern | None:
        return re.compile(self.after, re.I) if self.after else None

    def holds(self, text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
        """True when the condition holds for the match ``text[start:end]`` (``spans``: tokens)."""
        if self._before is not None and not self._before.search(text, max(0, start - 120), start):
            return False
        if self._after is not None and not self._after.match(text[end : end + 120]):
            return False
        if self._near is not None:
            starts = [s for s, _ in spans]
            i = bisect.bisect_left(starts, start)
            j = bisect.bisect_left(starts, end)
            lo = spans[max(0, i - self.window)][0] if spans else 0
            hi = spans[min(len(spans), j + self.window) - 1][1] if spans else len(text)
            near = self._near
            if not (near.search(text[lo:start]) or near.search(text[end:max(hi, end)])):
                return False
        return True

    def to_data(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if self.near:
            d["near"] = list(self.near)
            if self.window != 6:
                d["window"] = self.window
        if self.before:
            d["before"] = self.before
        if self.after:
            d["after"] = self.after
        return d


@dataclass
class GlossaryExample:
    """A sentence an entry must fire on (span in ``[[...]]``) or must stay silent on."""

    text: str
    fires: bool
    suggest: str | None = None
    variant: str | None = None
    src: str | None = None
    line: int = 0

    @property
    def plain(self) -> str:
        return unmark(self.text)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return marked_spans(self.text)

    def to_data(self) -> dict[str, Any]:
        d: dict[str, Any] = {"bad" if self.fires else "good": self.text}
        if self.suggest is not None:
            d["suggest"] = self.suggest
        if self.variant:
            d["variant"] = self.variant
        if self.src:
            d["src"] = self.src
        return d


@dataclass
class Entry:
    """One glossary entry (see the module docstring for the format)."""

    id: str
    kind: str
    terms: list[str] = field(default_factory=list)
    replace: dict[str, str] = field(default_factory=dict)
    patterns: list[str] = field(default_factory=list)
    case: str = "auto"
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    context: list[Condition] = field(default_factory=list)
    unless: list[Condition] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    severity: str | None = None
    message: str = ""
    suggest: str | None = None
    rewrite: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""
    examples: list[GlossaryExample] = field(default_factory=list)
    #: Where the entry was read from (file, line of ``- id:``), and the line of each key.
    file: str = ""
    line: int = 0
    key_lines: dict[str, int] = field(default_factory=dict, repr=False)

    @cached_property
    def forms(self) -> list[str]:
        """Every literal form the entry matches: expanded ``terms`` plus ``replace`` keys."""
        out: list[str] = []
        for t in self.terms:
            out.extend(expand(t))
        out.extend(self.replace)
        return list(dict.fromkeys(out))

    @cached_property
    def _rewrite(self) -> list[tuple[re.Pattern, str]]:
        return [(re.compile(p), r) for p, r in self.rewrite]

    def applies(self, variant: str | None) -> bool:
        return not self.variants or (variant or "").upper() in self.variants

    def accepts(self, text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
        if self.context and not any(c.holds(text, start, end, spans) for c in self.context):
            return False
        return not any(c.holds(text, start, end, spans) for c in self.unless)

    def suggestion_for(self, found: str, form: str | None = None) -> str | None:
        """The correction of the text ``found`` (matched via literal ``form``, if any)."""
        if form is not None and form in self.replace:
            return match_case(self.replace[form], found)
        if self._rewrite:
            s = found
            for rx, rep in self._rewrite:
                s = rx.sub(rep, s)
            return s
        if self.suggest is None:
            return None
        first = self.suggest.split("|")[0]
        return match_case(first, found) if first[:1].islower() else first

    def to_data(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "kind": self.kind}
        if self.terms:
            d["terms"] = list(self.terms)
        if self.replace:
            d["replace"] = dict(sorted(self.replace.items(), key=lambda kv: (kv[0].lower(), kv[0])))
        if self.patterns:
            d["patterns"] = list(self.patterns)
        if self.case != "auto":
            d["case"] = self.case
        for key in ("source", "target"):
            if getattr(self, key):
                d[key] = list(getattr(self, key))
        for key in ("context", "unless"):
            conds = getattr(self, key)
            if conds:
                d[key] = [c.to_data() for c in conds]
        if self.variants:
            d["variants"] = list(self.variants)
        if self.severity:
            d["severity"] = self.severity
        d["message"] = self.message
        if self.suggest is not None:
            d["suggest"] = self.suggest
        if self.rewrite:
            d["rewrite"] = [(p, r) for p, r in self.rewrite]
        if self.note:
            d["note"] = self.note
        d["examples"] = [e.to_data() for e in self.examples]
        return d


@dataclass
class Glossary:
    """The entries of one file (or several merged), with the pair they translate."""

    pair: str = "en-pt"
    entries: list[Entry] = field(default_factory=list)
    description: str = ""
    path: str = ""
    #: sha256 of the files' bytes, for the signature.
    digest: str = ""

    @property
    def source_language(self) -> str:
        return self.pair.split("-", 1)[0]

    @property
    def target_language(self) -> str:
        return self.pair.split("-", 1)[-1].split("_")[0]

    def to_data(self) -> dict[str, Any]:
        d: dict[str, Any] = {"schema": SCHEMA, "pair": self.pair}
        if self.description:
            d["description"] = self.description
        d["entries"] = [e.to_data() for e in sorted(self.entries, key=lambda e: e.id)]
        return d

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


# --- helpers ------------------------------------------------------------------------------------


def expand(term: str) -> list[str]:
    """Brace expansion: ``estress{a,am}`` -> ``[estressa, estressam]`` (several braces multiply)."""
    parts = _BRACES.split(term)
    if len(parts) == 1:
        return [term]
    pieces = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(parts)]
    return ["".join(x) for x in itertools.product(*pieces)]


def match_case(word: str, like: str) -> str:
    """``word`` written in the case pattern of ``like`` (ALL CAPS, Capitalised, or as given)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _seps(s: str) -> tuple[str, ...]:
    """The normalised separators between the words of a literal form."""
    spans = [m.span() for m in _TOKEN.finditer(s)]
    return tuple(" " if not s[a:b].strip() else s[a:b].strip() for (_, a), (b, _) in zip(spans, spans[1:], strict=False))


# --- YAML loading with line numbers ---------------------------------------------------------------


class _LineDict(dict):
    line: int = 0
    key_lines: dict[str, int]


def _loader_class():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node, deep=False):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    raise ConfigError(
                        self.name if hasattr(self, "name") else "",
                        f"duplicate key {key!r} (first on line {seen[key]})",
                        key_node.start_mark.line + 1,
                    )
                seen[key] = key_node.start_mark.line + 1
            d = _LineDict(super().construct_mapping(node, deep=True))
            d.line = node.start_mark.line + 1
            d.key_lines = {str(k): ln for k, ln in seen.items()}
            return d

    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    return Loader


def parse_yaml_cached(text: str, path: str) -> Any:
    """:func:`parse_yaml` through the data cache (mtqa.core.datacache), line numbers kept: the
    phrase-rule files are read on every start, and this spares importing and running PyYAML.
    A text that does not parse raises from a fresh parse, as :func:`parse_yaml` does."""
    from mtqa.core.datacache import cached

    return cached(text, path, lambda t: parse_yaml(t, path), _lines_to_json, _lines_from_json,
                  kind="yaml-lines")


class _Uncacheable(Exception):
    pass


def _lines_to_json(x: Any) -> Any:
    """The JSON form of a :func:`parse_yaml` value: mappings as ``{"m": [line, key_lines, pairs]}``,
    lists as ``{"l": [...]}``, scalars as ``{"s": value}``; ``datacache._NO`` when it holds
    anything else (a date, a key that is not text)."""
    from mtqa.core.datacache import _NO

    def enc(v: Any, depth: int) -> Any:
        if depth > 100:
            raise _Uncacheable
        t = type(v)
        if t is _LineDict:
            if not all(type(k) is str for k in v):
                raise _Uncacheable
            return {"m": [v.line, dict(getattr(v, "key_lines", {})),
                          [[k, enc(val, depth + 1)] for k, val in v.items()]]}
        if t is list:
            return {"l": [enc(val, depth + 1) for val in v]}
        if t in (str, bool, int) or v is None or (t is float and v == v and abs(v) != float("inf")):
            return {"s": v}
        raise _Uncacheable

    try:
        return enc(x, 0)
    except _Uncacheable:
        return _NO


def _lines_from_json(x: Any, depth: int = 0) -> Any:
    """The value :func:`_lines_to_json` wrote; ValueError on anything else."""
    if depth > 100 or type(x) is not dict or len(x) != 1:
        raise ValueError("not a cached YAML value")
    (tag, v), = x.items()
    if tag == "s":
        if v is None or type(v) in (str, bool, int, float):
            return v
    elif tag == "l":
        if type(v) is list:
            return [_lines_from_json(val, depth + 1) for val in v]
    elif tag == "m" and type(v) is list and len(v) == 3:
        line, key_lines, pairs = v
        if (type(line) is int and type(key_lines) is dict and type(pairs) is list
                and all(type(k) is str and type(n) is int for k, n in key_lines.items())):
            d = _LineDict()
            for pair in pairs:
                if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
                    raise ValueError("not a cached YAML mapping")
                d[pair[0]] = _lines_from_json(pair[1], depth + 1)
            d.line = line
            d.key_lines = key_lines
            return d
    raise ValueError("not a cached YAML value")


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML text; a syntax error or duplicate key becomes a ConfigError naming file and line."""
    import yaml

    try:
        return yaml.load(text, Loader=_loader_class())  # noqa: S506 - a safe loader subclass
    except ConfigError as exc:
        raise ConfigError(path, exc.message, exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(path, f"invalid YAML: {exc.problem or exc}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise ConfigError(path, f"invalid YAML: {exc}") from None


def _err(path: str, line: int | None, message: str) -> ConfigError:
    return ConfigError(path, message, line)


def _str_list(value: Any, path: str, line: int, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(path, line, f"{key}: expected a string or a list of strings")
    return list(value)


def _conditions(value: Any, path: str, line: int, key: str) -> list[Condition]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        ln = getattr(item, "line", line)
        if not isinstance(item, dict):
            raise _err(path, ln, f"{key}: a condition is a mapping of {', '.join(CONDITION_KEYS)}")
        unknown = set(item) - set(CONDITION_KEYS)
        if unknown:
            raise _err(path, ln, f"{key}: unknown condition key(s) {sorted(unknown)} (known: {', '.join(CONDITION_KEYS)})")
        window = item.get("window", 6)
        if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 50:
            raise _err(path, ln, f"{key}: window must be an integer from 1 to 50")
        for k in ("before", "after"):
            if k in item and not isinstance(item[k], str):
                raise _err(path, ln, f"{key}.{k}: expected a regular expression string")
        out.append(Condition(
            near=_str_list(item.get("near", []), path, ln, f"{key}.near"),
            window=window, before=item.get("before", ""), after=item.get("after", ""),
        ))
    return out


def _example(item: Any, path: str, line: int, kind: str = "") -> GlossaryExample:
    ln = getattr(item, "line", line)
    if not isinstance(item, dict) or ("bad" in item) == ("good" in item):
        raise _err(path, ln, "an example is a mapping with exactly one of 'bad' or 'good'")
    unknown = set(item) - set(EXAMPLE_KEYS)
    if unknown:
        raise _err(path, ln, f"example: unknown key(s) {sorted(unknown)} (known: {', '.join(EXAMPLE_KEYS)})")
    fires = "bad" in item
    text = item["bad" if fires else "good"]
    if not isinstance(text, str) or not text.strip():
        raise _err(path, ln, "example text must be a non-empty string")
    marked = item.get("src", "") if kind == "term" else text
    where = "its 'src' (the source term)" if kind == "term" else "the expected span"
    if fires and "[[" not in str(marked):
        raise _err(path, ln, f"a 'bad' example must mark {where} with [[...]]")
    if not fires and "[[" in text:
        raise _err(path, ln, "a 'good' example must not mark a span")
    if kind == "term" and not isinstance(item.get("src"), str):
        raise _err(path, ln, "an example of a 'term' entry needs 'src', the English source sentence")
    for k in ("suggest", "variant", "src"):
        if k in item and not isinstance(item[k], str):
            raise _err(path, ln, f"example {k}: expected a string")
    return GlossaryExample(text, fires, item.get("suggest"), item.get("variant"), item.get("src"), ln)


def entry_from_data(data: Any, path: str = "<entry>", line: int = 0) -> Entry:
    """Build one entry from its YAML mapping; raise ConfigError naming file and line."""
    line = getattr(data, "line", line)
    if not isinstance(data, dict):
        raise _err(path, line, "an entry must be a mapping")
    kl = dict(getattr(data, "key_lines", {}))
    unknown = [k for k in data if k not in ENTRY_KEYS]
    if unknown:
        raise _err(path, kl.get(str(unknown[0]), line),
                   f"unknown key {unknown[0]!r} in entry (known keys: {', '.join(ENTRY_KEYS)})")
    for req in ("id", "kind", "message", "examples"):
        if req not in data:
            raise _err(path, line, f"entry {data.get('id', '?')!r} has no {req!r}")
    eid = data["id"]
    if not isinstance(eid, str) or not _ID.match(eid):
        raise _err(path, kl.get("id", line), f"id {eid!r} must be lower-case letters, digits, '-', '_' or '.'")
    kind = data["kind"]
    if kind not in KINDS:
        raise _err(path, kl.get("kind", line), f"{eid}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
    replace = data.get("replace", {})
    if not isinstance(replace, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in replace.items()):
        raise _err(path, kl.get("replace", line), f"{eid}: replace must map forms to their corrections")
    case = data.get("case", "auto")
    if case not in CASES:
        raise _err(path, kl.get("case", line), f"{eid}: case must be one of {', '.join(CASES)}")
    severity = data.get("severity")
    if severity is not None and severity not in SEVERITIES:
        raise _err(path, kl.get("severity", line), f"{eid}: severity must be one of {', '.join(SEVERITIES)}")
    rewrite = data.get("rewrite", [])
    if not isinstance(rewrite, list) or not all(
        isinstance(r, list) and len(r) == 2 and all(isinstance(x, str) for x in r) for r in rewrite
    ):
        raise _err(path, kl.get("rewrite", line), f"{eid}: rewrite is a list of [regex, replacement] pairs")
    for k in ("message", "note"):
        if k in data and not isinstance(data[k], str):
            raise _err(path, kl.get(k, line), f"{eid}: {k} must be a string")
    if "suggest" in data and not isinstance(data["suggest"], str):
        raise _err(path, kl.get("suggest", line), f"{eid}: suggest must be a string")
    examples = data["examples"]
    if not isinstance(examples, list):
        raise _err(path, kl.get("examples", line), f"{eid}: examples must be a list")
    return Entry(
        id=eid,
        kind=kind,
        terms=_str_list(data.get("terms", []), path, kl.get("terms", line), "terms"),
        replace=dict(replace),
        patterns=_str_list(data.get("patterns", []), path, kl.get("patterns", line), "patterns"),
        case=case,
        source=_str_list(data.get("source", []), path, kl.get("source", line), "source"),
        target=_str_list(data.get("target", []), path, kl.get("target", line), "target"),
        context=_conditions(data["context"], path, kl.get("context", line), "context") if "context" in data else [],
        unless=_conditions(data["unless"], path, kl.get("unless", line), "unless") if "unless" in data else [],
        variants=[v.upper() for v in _str_list(data.get("variants", []), path, kl.get("variants", line), "variants")],
        severity=severity,
        message=data["message"],
        suggest=data.get("suggest"),
        rewrite=[(p, r) for p, r in rewrite],
        note=data.get("note", ""),
        examples=[_example(x, path, kl.get("examples", line), kind) for x in examples],
        file=path,
        line=line,
        key_lines=kl,
    )


def glossary_from_text(text: str, path: str = "<glossary>") -> Glossary:
    """Parse one glossary file's text."""
    data = parse_yaml(text, path)
    if not isinstance(data, dict):
        raise _err(path, 1, "a glossary file is a mapping with 'schema', 'pair' and 'entries'")
    kl = getattr(data, "key_lines", {})
    unknown = set(data) - {"schema", "pair", "description", "entries"}
    if unknown:
        k = sorted(unknown)[0]
        raise _err(path, kl.get(k, 1), f"unknown top-level key {k!r} (known: schema, pair, description, entries)")
    if data.get("schema") != SCHEMA:
        raise _err(path, kl.get("schema", 1), f"schema must be {SCHEMA!r}, got {data.get('schema')!r}")
    pair = data.get("pair")
    if not isinstance(pair, str) or not re.fullmatch(r"[a-z]{2,3}-[a-z]{2,3}(_[A-Z]{2})?", pair):
        raise _err(path, kl.get("pair", 1), f"pair must look like 'en-pt' or 'en-pt_BR', got {pair!r}")
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise _err(path, kl.get("entries", 1), "entries must be a list")
    return Glossary(
        pair=pair,
        entries=[entry_from_data(e, path) for e in entries],
        description=str(data.get("description", "")),
        path=path,
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def glossary_files(paths: Iterable[str | Path]) -> list[Path]:
    """The ``*.yaml``/``*.yml`` files named, or found (sorted) inside the folders named."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(x for x in p.rglob("*") if x.suffix in (".yaml", ".yml") and x.is_file()))
        elif p.exists():
            out.append(p)
        else:
            raise ConfigError(str(p), "no such glossary file or folder")
    return out


def load_file(path: str | Path, *, cache: bool = True) -> Glossary:
    """Load one glossary file. Parsed files are cached (keyed by the file's path and content and
    by this module's code), so a run does not re-parse the large generated files."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(p), f"cannot read glossary: {exc}") from None
    if not cache:
        return glossary_from_text(text, str(p))
    return _parse_cached(text, str(p))


#: Parsed glossaries are cached in ``glossaries/*.json`` of the user cache folder: at most this
#: many files (the oldest are removed), each of at most ``CACHE_MAX_BYTES`` (the largest shipped
#: file gives about 0.5 MB).
CACHE_MAX_FILES = 64
CACHE_MAX_BYTES = 16_000_000
CACHE_FORMAT = "mtqa-glossary-cache/1"


def _parse_cached(text: str, path: str) -> Glossary:
    """:func:`glossary_from_text`, through the cache. A cache file is JSON keyed by a hash of this
    module's code, the path and the text; it is read with a size limit and every field checked
    (:func:`glossary_from_cache`), so a file planted in the cache folder is at most data, and a
    foreign or broken one is ignored and rebuilt, never executed."""
    from mtqa.core.files import atomic_write, cache_dir

    key = hashlib.sha256()
    key.update(Path(__file__).read_bytes())
    key.update(path.encode("utf-8") + b"\0" + text.encode("utf-8"))
    folder = cache_dir() / "glossaries"
    cached = folder / f"{key.hexdigest()[:32]}.json"
    raw = _read_bounded(cached, CACHE_MAX_BYTES)
    if raw is not None:
        gl = glossary_from_cache(raw, key.hexdigest(), text, path)
        if gl is not None:
            return gl
    gl = glossary_from_text(text, path)
    try:
        atomic_write(cached, glossary_to_cache(gl, key.hexdigest()))
        _prune(folder, keep=cached)
    except OSError:
        pass  # a read-only cache folder costs time, not results
    return gl


def _read_bounded(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes, else None."""
    from mtqa.core.files import read_regular_file

    return read_regular_file(path, limit)


def _prune(folder: Path, keep: Path) -> None:
    """Keep at most CACHE_MAX_FILES files in the glossary cache folder (the newest, ``keep``
    among them), and none of the ``*.pickle`` files older versions wrote."""
    cached, old = [], []
    for p in folder.iterdir():
        if p.suffix == ".pickle":
            old.append(p)
        elif p.suffix == ".json" and p != keep:
            try:
                cached.append((p.lstat().st_mtime_ns, p))
            except OSError:
                pass
    cached.sort(reverse=True)
    for p in old + [p for _, p in cached[CACHE_MAX_FILES - 1:]]:
        try:
            p.unlink()
        except OSError:
            pass


def glossary_to_cache(gl: Glossary, key: str) -> str:
    """The cache file's JSON for ``gl``: every field of the glossary, its entries, their
    conditions and examples, as plain lists and mappings."""
    import json

    def entry(e: Entry) -> dict[str, Any]:
        d = {f: getattr(e, f) for f in _ENTRY_FIELDS}
        d["context"] = [_cond_data(c) for c in e.context]
        d["unless"] = [_cond_data(c) for c in e.unless]
        d["examples"] = [{f: getattr(x, f) for f in _EXAMPLE_FIELDS} for x in e.examples]
        d["rewrite"] = [list(r) for r in e.rewrite]
        return d

    data = {"format": CACHE_FORMAT, "key": key, "pair": gl.pair, "description": gl.description,
            "path": gl.path, "digest": gl.digest, "entries": [entry(e) for e in gl.entries]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _cond_data(c: Condition) -> dict[str, Any]:
    return {"near": c.near, "window": c.window, "before": c.before, "after": c.after}


_ENTRY_FIELDS = ("id", "kind", "terms", "replace", "patterns", "case", "source", "target",
                 "context", "unless", "variants", "severity", "message", "suggest", "rewrite",
                 "note", "examples", "file", "line", "key_lines")
_EXAMPLE_FIELDS = ("text", "fires", "suggest", "variant", "src", "line")
_COND_FIELDS = ("near", "window", "before", "after")
_KEYSETS = {names: frozenset(names) for names in (
    _ENTRY_FIELDS, _EXAMPLE_FIELDS, _COND_FIELDS,
    ("format", "key", "pair", "description", "path", "digest", "entries"))}
#: Bounds on what a cache file may hold (far above the shipped glossaries).
_MAX_ITEMS = 100_000
_MAX_STR = 20_000


class _Invalid(Exception):
    pass


def _s(v: Any) -> str:
    if type(v) is not str or len(v) > _MAX_STR:
        raise _Invalid
    return v


def _opt_s(v: Any) -> str | None:
    return None if v is None else _s(v)


def _n(v: Any) -> int:
    if type(v) is not int or not 0 <= v < 10**9:
        raise _Invalid
    return v


def _strs(v: Any) -> list[str]:
    """``v`` if it is a list of strings within the bounds (checked in C: join and len)."""
    if type(v) is not list or len(v) > _MAX_ITEMS:
        raise _Invalid
    if v:
        try:
            "".join(v)
        except TypeError:
            raise _Invalid from None
        if max(map(len, v)) > _MAX_STR:
            raise _Invalid
    return v


def _fields(v: Any, names: tuple[str, ...]) -> dict[str, Any]:
    if type(v) is not dict or v.keys() != _KEYSETS[names]:
        raise _Invalid
    return v


def _regex(p: str) -> str:
    """A regex read from a cache file must pass the same safety check as a configured one (the
    check is a string search for most patterns: no repeated group)."""
    if p and backtracking_risk(p):
        raise _Invalid
    return p


def _cond(v: Any) -> Condition:
    d = _fields(v, _COND_FIELDS)
    return Condition(near=[_regex(p) for p in _strs(d["near"])], window=_n(d["window"]),
                     before=_regex(_s(d["before"])), after=_regex(_s(d["after"])))


def _example_from_cache(v: Any) -> GlossaryExample:
    d = _fields(v, _EXAMPLE_FIELDS)
    if type(d["fires"]) is not bool:
        raise _Invalid
    return GlossaryExample(_s(d["text"]), d["fires"], _opt_s(d["suggest"]), _opt_s(d["variant"]),
                           _opt_s(d["src"]), _n(d["line"]))


def _entry_from_cache(v: Any, path: str) -> Entry:
    d = _fields(v, _ENTRY_FIELDS)
    replace, key_lines, rewrite = d["replace"], d["key_lines"], d["rewrite"]
    if type(replace) is not dict or type(key_lines) is not dict or type(rewrite) is not list:
        raise _Invalid
    _strs(list(replace)), _strs(list(replace.values())), _strs(list(key_lines))
    lines = set(map(type, key_lines.values()))
    if lines - {int} or (lines and not 0 <= min(key_lines.values()) <= max(key_lines.values()) < 10**9):
        raise _Invalid
    for r in rewrite:
        if type(r) is not list or len(r) != 2:
            raise _Invalid
        _regex(_s(r[0])), _s(r[1])
    for name in ("context", "unless", "examples"):
        if type(d[name]) is not list or len(d[name]) > _MAX_ITEMS:
            raise _Invalid
    if (not _ID.match(_s(d["id"])) or d["kind"] not in KINDS or d["case"] not in CASES
            or (d["severity"] is not None and d["severity"] not in SEVERITIES)
            or d["file"] != path):
        raise _Invalid
    return Entry(
        id=d["id"], kind=d["kind"], terms=_strs(d["terms"]), replace=replace,
        patterns=[_regex(p) for p in _strs(d["patterns"])], case=d["case"],
        source=_strs(d["source"]), target=_strs(d["target"]),
        context=[_cond(c) for c in d["context"]], unless=[_cond(c) for c in d["unless"]],
        variants=_strs(d["variants"]), severity=d["severity"], message=_s(d["message"]),
        suggest=_opt_s(d["suggest"]), rewrite=[(p, r) for p, r in rewrite], note=_s(d["note"]),
        examples=[_example_from_cache(x) for x in d["examples"]], file=path, line=_n(d["line"]),
        key_lines=key_lines,
    )


def glossary_from_cache(raw: bytes, key: str, text: str, path: str) -> Glossary | None:
    """The glossary a cache file holds for ``text`` read from ``path``, or None when the file is
    not exactly what :func:`glossary_to_cache` writes for them: JSON of the expected shape, the
    same key, path and text digest, every field of the expected type, kinds, cases and
    severities among the known ones, and no regex that fails the backtracking check."""
    import json

    try:
        d = json.loads(raw)
        _fields(d, ("format", "key", "pair", "description", "path", "digest", "entries"))
        if (d["format"] != CACHE_FORMAT or d["key"] != key or d["path"] != path
                or d["digest"] != hashlib.sha256(text.encode("utf-8")).hexdigest()
                or type(d["entries"]) is not list or len(d["entries"]) > _MAX_ITEMS):
            return None
        return Glossary(pair=_s(d["pair"]), entries=[_entry_from_cache(e, path) for e in d["entries"]],
                        description=_s(d["description"]), path=path, digest=d["digest"])
    except (ValueError, RecursionError, _Invalid):
        return None


def load_glossaries(paths: Iterable[str | Path]) -> list[Glossary]:
    return [load_file(f) for f in glossary_files(paths)]


def merge(glossaries: Sequence[Glossary], target: str | None = None) -> Glossary:
    """One glossary of every entry whose pair targets ``target`` (all when None)."""
    chosen = [g for g in glossaries if target is None or g.target_language == target]
    digest = hashlib.sha256("".join(g.digest for g in chosen).encode()).hexdigest()
    pair = chosen[0].pair if chosen else f"en-{target or 'xx'}"
    return Glossary(pair=pair, entries=[e for g in chosen for e in g.entries], path="+".join(g.path for g in chosen), digest=digest)


def shipped_dir() -> Path:
    """The glossaries shipped with mtqa: the repository's ``glossaries/`` (editable installs and
    checkouts) or the copy installed inside the package."""
    import mtqa

    pkg = Path(mtqa.__file__).resolve().parent
    for cand in (pkg.parent / "glossaries", pkg / "data" / "glossaries"):
        if (cand / "schema.json").is_file():
            return cand
    return pkg.parent / "glossaries"


def load_shipped() -> list[Glossary]:
    return load_glossaries([shipped_dir()])


# --- canonical formatting -------------------------------------------------------------------------


def dump(glossary: Glossary) -> str:
    """The canonical text of a glossary: keys in a fixed order, entries sorted by id."""
    import yaml

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        pass

    def str_rep(dumper, value):
        # Regexes single-quoted (backslashes stay literal), messages with apostrophes
        # double-quoted, everything else plain where YAML allows it.
        style = None
        if "\n" not in value:
            if "\\" in value:
                style = "'"
            elif "'" in value and '"' not in value:
                style = '"'
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def list_rep(dumper, value):
        flow = all(isinstance(v, str) for v in value) and sum(len(v) + 4 for v in value) < 80
        if all(isinstance(v, list) for v in value):
            flow = False
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow or None)

    def pair_rep(dumper, value):
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)

    Dumper.add_representer(str, str_rep)
    Dumper.add_representer(list, list_rep)
    Dumper.add_representer(tuple, pair_rep)
    return yaml.dump(glossary.to_data(), Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)


# --- validation -----------------------------------------------------------------------------------


@dataclass
class Issue:
    path: str
    line: int | None
    message: str
    entry: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.entry + ': ' if self.entry else ''}{self.message}"


#: Only a repeated group can backtrack catastrophically: ``)`` followed by a quantifier. A pattern
#: without one (most glossary patterns) is not parsed; verbose ones (``(?x)``, where spaces and
#: comments may come between) always are.
_REPEATED_GROUP = re.compile(r"\)[*+{]|\(\?[a-zA-Z]*x")
#: Largest number of ways a bounded repeat may split one match among its iterations (see
#: :func:`backtracking_risk`). ``(?:a{1,10}){1,10}!!`` has 10**9 and takes 75 s on 40 a's;
#: ``(?:a{1,10}){1,4}`` has 1,000 and takes 4 ms on 40 a's.
MAX_SPLITS = 1_000
#: Characters the first/last-character sets are computed over: ASCII, Portuguese letters and the
#: punctuation of news text (a class that matches none of them is taken as disjoint from others).
_PROBE = ("".join(map(chr, range(32, 127))) + "\t\n\r\u00a0áàâãäéèêëíìîïóòôõöúùûüçñÁÀÂÃÄÉÈÊËÍÌÎÏ"
          "ÓÒÔÕÖÚÙÛÜÇÑºª–—‘’“”«»…€°")
_ALL = (1 << len(_PROBE)) - 1


def _fold_masks() -> dict[int, int]:
    """Code point -> the probe characters it matches ignoring case."""
    out: dict[int, int] = {}
    for i, ch in enumerate(_PROBE):
        for v in {ch, ch.lower(), ch.upper()}:
            if len(v) == 1:
                out[ord(v)] = out.get(ord(v), 0) | 1 << i
    return out


_FOLD = _fold_masks()


def _mask_of(test) -> int:
    return sum(1 << i for i, ch in enumerate(_PROBE) if test(ch))


_CATEGORY_MASKS = {
    "CATEGORY_WORD": _mask_of(lambda ch: ch.isalnum() or ch == "_"),
    "CATEGORY_DIGIT": _mask_of(str.isdecimal),
    "CATEGORY_SPACE": _mask_of(str.isspace),
    "CATEGORY_LINEBREAK": _mask_of(lambda ch: ch == "\n"),
}


def _char_mask(op, av, C) -> int:
    """The probe characters one character item matches (case folded: a superset)."""
    if op is C.LITERAL:
        return _FOLD.get(av, 0)
    if op is C.NOT_LITERAL:
        return _ALL  # every probe character but one, case folded: overlaps anything
    if op is C.ANY:
        return _ALL & ~(1 << _PROBE.index("\n"))
    if op is not C.IN:
        return _ALL
    negate, m = False, 0
    for iop, iav in av:
        if iop is C.NEGATE:
            negate = True
        elif iop is C.LITERAL:
            m |= _FOLD.get(iav, 0)
        elif iop is C.RANGE:
            lo, hi = iav
            for cp, bits in _FOLD.items():
                if lo <= cp <= hi:
                    m |= bits
        elif iop is C.CATEGORY and str(iav) in _CATEGORY_MASKS:
            m |= _CATEGORY_MASKS[str(iav)]
        elif iop is C.CATEGORY and str(iav).replace("_NOT_", "_") in _CATEGORY_MASKS:
            m |= _ALL & ~_CATEGORY_MASKS[str(iav).replace("_NOT_", "_")]
        else:
            return _ALL
    return _ALL & ~m if negate else m


class _Shape:
    """What :func:`backtracking_risk` reads from a parsed sequence: the characters its matches
    can start and end with, whether it can match the empty string, and every character it can
    contain."""

    def __init__(self, items, C) -> None:
        self.C = C
        self.items = list(items)
        self.repeats = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None))

    def _children(self, op, av):
        """The sequences inside one item (several for a branch), or None for a character."""
        C = self.C
        if op in self.repeats:
            return [av[2]]
        if op is C.SUBPATTERN:
            return [av[-1]]
        if op is C.BRANCH:
            return list(av[1])
        if op is getattr(C, "ATOMIC_GROUP", None):
            return [av]
        if op in (C.ASSERT, C.ASSERT_NOT):
            return []  # zero width, and not part of the match
        return None

    def _end(self, items, last: bool) -> tuple[int, bool]:
        mask = 0
        for op, av in (reversed(items) if last else items):
            C = self.C
            if op is C.AT:
                continue
            kids = self._children(op, av)
            if kids is None:
                if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
                    return mask | _char_mask(op, av, C), False
                return _ALL, True  # a back reference or an unknown item: anything
            if not kids:
                continue
            nullable = False
            for k in kids:
                m, n = self._end(k, last)
                mask |= m
                nullable |= n
            if op in self.repeats and av[0] == 0:
                nullable = True
            if not nullable:
                return mask, False
        return mask, True

    def first(self, items=None) -> tuple[int, bool]:
        return self._end(self.items if items is None else items, False)

    def last(self) -> int:
        return self._end(self.items, True)[0]

    def chars(self, items=None) -> int:
        mask = 0
        for op, av in (self.items if items is None else items):
            kids = self._children(op, av)
            if kids is None:
                mask |= _char_mask(op, av, self.C) if op is not self.C.AT else 0
            else:
                for k in kids:
                    mask |= self.chars(k)
        return mask

    def stretches(self, items=None):
        """The character masks of the variable repeats inside (at any depth)."""
        for op, av in (self.items if items is None else items):
            kids = self._children(op, av) or []
            if op in self.repeats and av[1] != av[0]:
                yield self.chars(av[2])
            for k in kids:
                yield from self.stretches(k)

    def branches(self) -> int:
        """The largest number of alternatives, at the top of this sequence, that can start with
        the same character (an alternative that can match the empty string overlaps all)."""
        C, best = self.C, 1
        for op, av in self.items:
            while op is C.SUBPATTERN and len(av[-1]) == 1:
                op, av = list(av[-1])[0]
            if op is not C.BRANCH:
                continue
            masks, empty = [], 0
            for b in av[1]:
                m, n = self.first(b)
                if n:
                    empty += 1
                masks.append(m)
            for i in range(len(_PROBE)):
                bit = 1 << i
                best = max(best, empty + sum(1 for m in masks if m & bit))
        return best


def _splits(op, av, C) -> tuple[float, int, int]:
    """How many ways a repeat can split one match among its iterations, at most: (choices per
    iteration) ** (iterations - 1), where the choices are the lengths its body can match
    (when an iteration's end is not fixed by the text) times the overlapping alternatives at
    the top of its body. Also returns those two numbers."""
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    lo, hi, sub = av
    if hi is not C.MAXREPEAT and hi < 2 or hi == lo:
        return 1, 1, 1
    shape = _Shape(sub, C)
    blo, bhi = sre_parse.SubPattern(sub.state, list(sub)).getwidth()
    lengths = 1
    if bhi != blo:
        first, last = shape.first()[0], shape.last()
        # Iterations split ambiguously when one can end with a character the next can start
        # with, or when a stretch inside the body can swallow an end and a start (a[ab]{0,5}b).
        if first & last or any(m & first and m & last for m in shape.stretches()):
            lengths = float("inf") if bhi >= C.MAXREPEAT else bhi - blo + 1
    branches = shape.branches()
    choices = lengths * branches
    if choices == 1:
        return 1, lengths, branches
    if hi is C.MAXREPEAT or hi >= C.MAXREPEAT:
        return float("inf"), lengths, branches
    return choices ** (hi - 1), lengths, branches


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` can backtrack catastrophically, or None. Refused:

    - an unbounded repeat (more than 10 iterations) inside another (``(a+)+``, ``(?:\\d+)*``);
    - a repeated alternation whose branches can start alike (``(a|aa)*``);
    - a repeat that can split one match among its iterations in more than MAX_SPLITS ways, at
      most (choices per iteration) ** (iterations - 1): ``(?:a{1,10}){1,10}`` (10 lengths per
      iteration, 10 iterations: 10**9 ways, 75 s on 40 a's). A body whose matches end with
      characters it cannot start with (``(?:\\w+\\s+){0,3}``) has one way only. Nested repeats
      multiply.
    """
    if not _REPEATED_GROUP.search(pattern):
        return None
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore[no-redef]
    from re import _constants as C  # type: ignore[attr-defined]

    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    repeats = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None))

    def unbounded(av) -> bool:
        return av[1] is C.MAXREPEAT or av[1] > 10

    def walk(items, inside: bool, ways: float) -> str | None:
        for op, av in items:
            if op in repeats and op is not None:
                _lo, _hi, sub = av
                big = unbounded(av)
                if inside and big:
                    return "an unbounded repeat inside another repeat (e.g. (a+)+)"
                if big and not inside:
                    r = walk(sub, True, 1)
                    if r:
                        return r
                splits, lengths, branches = _splits(op, av, C)
                if big and branches > 1:
                    return "a repeated alternation has branches that can match the same text (e.g. (a|aa)*)"
                total = ways * splits
                if total > MAX_SPLITS:
                    if total == float("inf"):
                        return ("a repeat whose iterations can split a match in unboundedly many ways "
                                "(an iteration can end with what the next starts with, e.g. (?:\\w+-?)+)")
                    why = f"{lengths} lengths" if branches == 1 else f"{lengths} lengths x {branches} alternatives"
                    return (f"a repeat of up to {_hi} iterations ({why} each) can split a match in up to "
                            f"{total:,.0f} ways (limit {MAX_SPLITS:,}; e.g. (?:a{{1,10}}){{1,10}})")
                r = walk(sub, inside or big, total)
                if r:
                    return r
            elif op is C.SUBPATTERN:
                r = walk(av[-1], inside, ways)
                if r:
                    return r
            elif op is C.BRANCH:
                for b in av[1]:
                    r = walk(b, inside, ways)
                    if r:
                        return r
            elif op in (C.ASSERT, C.ASSERT_NOT):
                r = walk(av[1], inside, ways)
                if r:
                    return r
            elif op is getattr(C, "ATOMIC_GROUP", None):
                r = walk(av, inside, ways)
                if r:
                    return r
        return None

    return walk(parsed, False, 1)


def check_regex(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used (does not compile, has capturing groups or backreferences,
    can backtrack catastrophically), or None."""
    try:
        rx = re.compile(pattern)
    except re.error as exc:
        return f"regular expression {pattern!r} does not compile: {exc}"
    risk = backtracking_risk(pattern)
    if risk:
        return f"regular expression {pattern!r} can backtrack catastrophically: {risk}"
    if rx.groups:
        return f"regular expression {pattern!r} has capturing groups; use (?:...)"
    return None


def validate(glossaries: Sequence[Glossary]) -> list[Issue]:
    """Every problem of these glossaries: duplicate ids, bad regexes, missing examples, an entry
    that forbids what another requires, a literal form claimed twice with different corrections."""
    issues: list[Issue] = []
    seen: dict[str, Entry] = {}
    required: dict[str, Entry] = {}
    for g in glossaries:
        for e in g.entries:
            if e.kind == "term":
                for t in e.target:
                    required[t.lower()] = e
    for g in glossaries:
        for e in g.entries:
            def add(msg: str, key: str | None = None, _e: Entry = e) -> None:
                issues.append(Issue(_e.file, _e.key_lines.get(key, _e.line) if key else _e.line, msg, _e.id))

            if e.id in seen:
                prev = seen[e.id]
                add(f"duplicate id (also {prev.file}:{prev.line})", "id")
            seen[e.id] = e
            if e.kind == "term":
                if not e.source or not e.target:
                    add("a 'term' entry needs 'source' (source terms) and 'target' (required target terms)")
            elif not (e.forms or e.patterns):
                add("entry matches nothing: give 'terms', 'replace' or 'patterns'")
            if not e.message.strip():
                add("empty message", "message")
            if not any(x.fires for x in e.examples):
                add("needs at least one 'bad' example (a sentence it must fire on)", "examples")
            if not any(not x.fires for x in e.examples):
                add("needs at least one 'good' example (a sentence it must stay silent on)", "examples")
            for p in e.patterns:
                why = check_regex(p)
                if why:
                    add(why, "patterns")
            for conds, key in ((e.context, "context"), (e.unless, "unless")):
                for c in conds:
                    for p in [*c.near, c.before, c.after]:
                        if p:
                            why = check_regex(p)
                            if why:
                                add(why, key)
            for p, _ in e.rewrite:
                try:
                    re.compile(p)
                except re.error as exc:
                    add(f"rewrite regex {p!r} does not compile: {exc}", "rewrite")
            for v in e.variants:
                if not re.fullmatch(r"[A-Z]{2}", v):
                    add(f"variant {v!r} must be two capital letters like BR or PT", "variants")
            if e.kind != "term":
                for form in e.forms:
                    if form.lower() in required:
                        other = required[form.lower()]
                        add(f"forbids {form!r}, which entry {other.id!r} ({other.file}:{other.line}) requires", "terms")
                    if not _tokens(form):
                        add(f"form {form!r} has no word characters", "terms")
                if e.suggest is not None:
                    for s in e.suggest.split("|"):
                        if s and s in e.forms:
                            add(f"suggests {s!r}, which it also forbids", "suggest")
                for old, new in e.replace.items():
                    if old == new:
                        add(f"replace maps {old!r} to itself", "replace")
    return issues


# --- matching -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Match:
    """Where an entry matched: offsets into the text given to :meth:`Matcher.find`."""

    entry: Entry
    start: int
    end: int
    text: str
    suggestion: str | None


@dataclass(slots=True)
class _Lit:
    words: tuple[str, ...]  # lower-cased
    seps: tuple[str, ...]
    form: str
    entry: Entry
    tail: list[str] = field(default_factory=list)  # words[2:], compared with a slice of tokens

    def __post_init__(self) -> None:
        self.tail = list(self.words[2:])


def _lower_tokens(text: str) -> list[str]:
    """The ``\\w+`` tokens of ``text``, each lower-cased on its own.

    Lower-casing the whole text first gives the same tokens (no character changes between word
    and non-word when lower-cased) unless a character grows (``İ``) or depends on its neighbours
    (``Σ``, final sigma): those texts are done token by token.
    """
    lowered = text.lower()
    if len(lowered) == len(text) and "\u03a3" not in text:
        return _TOKEN.findall(lowered)
    return [text[a:b].lower() for a, b in (m.span() for m in _TOKEN.finditer(text))]


def _case_ok(mode: str, form: str, found: str) -> bool:
    if mode == "any":
        return True
    if mode == "exact":
        return found == form
    if form == form.lower():
        return True
    return found == form or found == form.upper()


_WORD_CHAR = re.compile(r"\w")

#: Characters on which ``str.lower`` and the regex engine's case-insensitive matching disagree
#: (``İ`` lowers to two characters, ``Σ`` by context; ``ſ``, ``K``, ``µ``, ``ϐ``... match letters
#: they do not lower to): a text holding one is matched against every pattern, unfiltered.
_CASE_TRAPS = "\u0130\u03a3\u212a" + "".join(
    chr(c) for k, v in __import__("re._casefix", fromlist=["_EXTRA_CASES"])._EXTRA_CASES.items()
    for c in (k, *v) if c > 127)
_CASE_TRAP = re.compile("[" + re.escape(_CASE_TRAPS) + "]")


def _folded(text: str) -> str | None:
    """``text.lower()`` when a literal found in it is found by a case-insensitive regex in
    ``text`` and the other way round; None when ``text`` holds a character where they differ."""
    if text.isascii():
        return text.lower()
    if _CASE_TRAP.search(text):
        return None
    return text.lower()


def _required_literals(pattern: str) -> frozenset[str] | None:
    """Strings (lower-cased, two characters or more) of which every match of ``pattern`` holds
    at least one, read from its parse tree: a run of literal characters, or the runs of every
    branch of an alternation; None when there is no such set or the pattern is not understood.
    Of the candidate sets, the one whose shortest string is longest."""
    from re import _constants as c

    def best(cands: list[frozenset[str]]) -> frozenset[str] | None:
        cands = [x for x in cands if x and min(map(len, x)) >= 2]
        return max(cands, key=lambda x: (min(map(len, x)), -len(x)), default=None)

    def req(items) -> frozenset[str] | None:
        cands: list[frozenset[str]] = []
        run: list[str] = []
        for op, av in items:
            if op is c.LITERAL:
                ch = chr(av)
                if ch not in _CASE_TRAPS and len(ch.lower()) == 1:
                    run.append(ch.lower())
                    continue
            if run:
                cands.append(frozenset(["".join(run)]))
                run = []
            if op is c.SUBPATTERN:
                sub = req(av[3].data)
            elif op is c.ATOMIC_GROUP:
                sub = req(av.data)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                sub = req(av[2].data) if av[0] >= 1 else None
            elif op is c.BRANCH:
                alts = [req(b.data) for b in av[1]]
                sub = frozenset().union(*alts) if all(alts) else None
            else:
                sub = None  # a class, a look-around, an anchor: no literal of the match
            if sub:
                cands.append(sub)
        if run:
            cands.append(frozenset(["".join(run)]))
        return best(cands)

    tree = _parse_tree(pattern)
    if tree is None:
        return None
    try:
        return req(tree.data)
    except Exception:  # noqa: BLE001 - not understood: no filter
        return None


@lru_cache(maxsize=4096)
def _parse_tree(pattern: str):
    """The parse tree of ``pattern`` (``re._parser``), or None when it does not parse. Shared by
    :func:`_required_literals`, :func:`_min_width` and :func:`_starts_with_word`, which read it
    and never change it: one parse per pattern instead of three (parsing is most of the cost of
    building a matcher's pattern sets at start-up)."""
    from re import _parser

    try:
        return _parser.parse(pattern)
    except Exception:  # noqa: BLE001 - not understood
        return None


class _PatternSet:
    """The patterns of one entry kind compiled into one alternation (``rx``), with the entry of
    each branch (``owners``, by the branch's group name ``p<i>``).

    Most sentences hold none of the strings some pattern needs (``tapete`` for 'red carpet'),
    so :meth:`finditer` runs only the branches whose strings are in the text, in their order:
    a branch that cannot match anywhere in a text never changes which branch matches first, so
    the matches are those of the whole alternation."""

    def __init__(self, lead: str, parts: list[str], patterns: list[str], owners: list[Entry]) -> None:
        self.lead = lead
        self.parts = parts
        self.owners = owners
        reqs = [_required_literals(p) for p in patterns]
        self.always = tuple(i for i, r in enumerate(reqs) if r is None)
        by_lit: dict[str, list[int]] = {}
        for i, r in enumerate(reqs):
            for lit in sorted(r or ()):
                by_lit.setdefault(lit, []).append(i)
        self.literals = tuple((lit, tuple(ix)) for lit, ix in by_lit.items())
        #: Filter only when it can leave branches out.
        self.needs = len(self.always) < len(parts)
        self.nonempty = [_min_width(p) > 0 for p in patterns]
        self._singles: dict[int, re.Pattern] = {}
        self._subsets: dict[tuple[int, ...], re.Pattern] = {}

    @cached_property
    def rx(self) -> re.Pattern:
        """The whole alternation, compiled when first needed: a text whose literals leave
        branches out runs only those branches (:meth:`finditer`), so a run of ordinary articles
        may never need it."""
        return re.compile(self.lead + "(?:" + "|".join(self.parts) + ")")

    def __iter__(self):  # (rx, owners), as the pattern sets were once plain pairs
        return iter((self.rx, self.owners))

    def _active(self, low: str | None, literals: tuple | None = None) -> list[int] | None:
        """The branches that can match in the text whose :func:`_folded` form is ``low``, in
        order; None when every branch must be tried. ``literals``: the (literal, branches) of
        ``self.literals`` to test, when the others are known to be absent from the text (see
        present_literals); all of them by default."""
        if low is None or not self.needs:
            return None
        active = set(self.always)
        for lit, ix in self.literals if literals is None else literals:
            if lit in low:
                active.update(ix)
        return None if len(active) == len(self.parts) else sorted(active)

    def _single(self, i: int) -> re.Pattern:
        rx = self._singles.get(i)
        if rx is None:
            rx = self._singles[i] = re.compile(self.lead + "(?:" + self.parts[i] + ")")
        return rx

    def present_literals(self, low: str | None) -> tuple | None:
        """The (literal, branches) of ``self.literals`` whose literal is in ``low``, the
        :func:`_folded` form of a text that holds every text searched next (a document whose
        sentences are searched one by one): a literal absent from it is absent from each of
        them. None (test them all) when ``low`` is None."""
        if low is None:
            return None
        return tuple(item for item in self.literals if item[0] in low)

    def finditer(self, text: str, low: str | None, literals: tuple | None = None) -> Iterator[re.Match]:
        """The matches of the whole alternation in ``text`` (``low``: its :func:`_folded`
        form; ``literals``: see _active). With some branches left out, each one left runs on
        its own (compiled once) and their matches are merged as the alternation would: the
        leftmost, the first branch among those starting there, then on from its end."""
        active = self._active(low, literals)
        if active is None:
            yield from self.rx.finditer(text)
            return
        if not active:
            return
        if len(active) == 1:
            yield from self._single(active[0]).finditer(text)
            return
        if not all(self.nonempty[i] for i in active):
            # an empty match moves on differently: the alternation of those branches
            key = tuple(active)
            rx = self._subsets.get(key)
            if rx is None:
                if len(self._subsets) >= 256:
                    self._subsets.clear()
                rx = self._subsets[key] = re.compile(
                    self.lead + "(?:" + "|".join(self.parts[i] for i in key) + ")")
            yield from rx.finditer(text)
            return
        rxs = [self._single(i) for i in active]
        nxt = [rx.search(text) for rx in rxs]
        while True:
            best = -1
            for k, m in enumerate(nxt):
                if m is not None and (best < 0 or m.start() < nxt[best].start()):
                    best = k
            if best < 0:
                return
            m = nxt[best]
            yield m
            pos = m.end()
            for k, x in enumerate(nxt):
                if x is not None and x.start() < pos:
                    nxt[k] = rxs[k].search(text, pos)


def _min_width(pattern: str) -> int:
    """The fewest characters a match of ``pattern`` can have (0 when not understood)."""
    tree = _parse_tree(pattern)
    if tree is None:
        return 0
    try:
        return tree.getwidth()[0]
    except Exception:  # noqa: BLE001
        return 0


def _starts_with_word(pattern: str) -> bool:
    """True when every match of ``pattern`` starts with a word character (``\\w``), as far as
    its parse tree shows; False when unsure (a class with a range that holds a non-word
    character, an optional start, anything not understood)."""
    from re import _constants as c

    def first(items) -> bool:
        items = list(items)
        for i, (op, av) in enumerate(items):
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # zero width: the next item starts the match
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] == 0:
                # optional: the match starts in it or after it
                return first(av[2].data) and first(items[i + 1 :])
            if op is c.LITERAL:
                return bool(_WORD_CHAR.match(chr(av)))
            if op is c.IN:
                return all(member(o, a) for o, a in av)
            if op is c.SUBPATTERN:
                return first(av[3].data)
            if op is c.ATOMIC_GROUP:
                return first(av.data)
            if op is c.BRANCH:
                return all(first(b.data) for b in av[1])
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                return first(av[2].data)
            return False
        return False

    def member(op, av) -> bool:
        if op is c.LITERAL:
            return bool(_WORD_CHAR.match(chr(av)))
        if op is c.CATEGORY:
            return av in (c.CATEGORY_WORD, c.CATEGORY_DIGIT)
        if op is c.RANGE:
            lo, hi = av
            return hi - lo < 4096 and all(_WORD_CHAR.match(chr(x)) for x in range(lo, hi + 1))
        return False

    tree = _parse_tree(pattern)
    if tree is None:
        return False
    try:
        return first(tree.data)
    except Exception:  # noqa: BLE001 - not understood: unsure
        return False


class Matcher:
    """All entries of some kinds for one target variant, compiled for fast matching.

    Building one is cheap: literal forms are only grouped by their first word here, and a
    group is compiled (words, separators, longest first, keyed by the next word) the first
    time a text holds that word; the patterns are compiled on the first :meth:`find`.
    """

    #: Sentences whose matches :meth:`scan` remembers (as the language detector remembers its
    #: answers).
    MEMO_MAX = 8192

    def __init__(self, entries: Iterable[Entry], variant: str | None = None, kinds: Iterable[str] = TARGET_KINDS) -> None:
        kinds = tuple(kinds)
        self.entries = [e for e in entries if e.kind in kinds and e.applies(variant)]
        self.variant = variant
        # First word (lower-cased) -> the (form, entry) pairs starting with it, in entry order.
        self._raw: dict[str, list[tuple[str, Entry]]] = {}
        search = _TOKEN.search
        raw = self._raw
        for e in self.entries:
            for form in e.forms:
                m = search(form)
                if m is not None:
                    first = m.group().lower()
                    group = raw.get(first)
                    if group is None:
                        raw[first] = [(form, e)]
                    else:
                        group.append((form, e))
        # The same forms, compiled per first word on demand: keyed by the second word (forms of
        # several words, longest first) plus the one-word forms, so a token tries only the
        # forms its next word can continue.
        self._by_next: dict[str, tuple[dict[str, list[_Lit]], list[_Lit]]] = {}
        #: First word -> second word (lower-cased) -> the forms of several words, not yet made
        #: into literals (see _group).
        self._seconds: dict[str, dict[str, list[tuple[str, Entry]]]] = {}
        self._lits: dict[str, list[_Lit]] = {}
        self._memo: dict[str, list[Match]] = {}
        self._pattern_sets: list[_PatternSet] | None = None

    @staticmethod
    def _lit(form: str, e: Entry) -> _Lit:
        # The words (lower-cased) and the separators between them (split's inner pieces), as
        # ``_tokens`` and ``_seps`` give them: two scans in C instead of a match object per word.
        words = tuple([w.lower() for w in _TOKEN.findall(form)])
        seps = tuple([" " if not (x := sep.strip()) else x for sep in _TOKEN.split(form)[1:-1]])
        return _Lit(words, seps, form, e)

    def _group(self, first: str) -> tuple[dict[str, list[_Lit]], list[_Lit]]:
        """The one-word forms starting with ``first``, as literals, and an empty table of the
        longer ones by second word, filled by :meth:`_longer` for the second words texts hold:
        a first word such as 'contra' starts over a thousand forms, of which a text continues a
        few. Each list is in the order of the forms, longest first, as if all were made at once."""
        single: list[_Lit] = []
        seconds: dict[str, list[tuple[str, Entry]]] = {}
        second = _SECOND_WORD.match
        for form, e in self._raw[first]:
            m = second(form)
            if m is None:
                single.append(self._lit(form, e))
            else:
                w = m.group(1).lower()
                group = seconds.get(w)
                if group is None:
                    seconds[w] = [(form, e)]
                else:
                    group.append((form, e))
        self._seconds[first] = seconds
        group = self._by_next[first] = ({}, single)
        return group

    def _longer(self, first: str, second: str) -> list[_Lit]:
        """The literals of the forms starting with ``first`` and ``second``, longest first."""
        longer = self._by_next[first][0]
        lits = longer.get(second)
        if lits is None:
            forms = self._seconds[first].get(second)
            if forms is None:
                return []  # nothing kept: the next words of a common word are many
            lits = [self._lit(form, e) for form, e in forms]
            lits.sort(key=lambda lit: -len(lit.words))
            longer[second] = lits
        return lits

    @property
    def index(self) -> dict[str, list[_Lit]]:
        """Every literal form keyed by its first word (lower-cased), longest forms first."""
        for first in self._raw:
            if first not in self._lits:
                lits = [self._lit(form, e) for form, e in self._raw[first]]
                lits.sort(key=lambda lit: -len(lit.words))
                self._lits[first] = lits
        return {first: self._lits[first] for first in self._raw}

    @property
    def pattern_sets(self) -> list[_PatternSet]:
        """One compiled alternation per entry kind with patterns, and the entry of each branch.

        Every branch is preceded by the same ``(?<!\\w)``: it is written once, before the
        alternation, so a position inside a word fails once instead of once per branch (the
        same matches, found two to three times faster)."""
        if self._pattern_sets is None:
            by_kind: dict[str, list[tuple[str, Entry]]] = {}
            for e in self.entries:
                for p in e.patterns:
                    by_kind.setdefault(e.kind, []).append((p, e))
            sets = []
            for items in by_kind.values():
                parts, owners = [], []
                for i, (p, e) in enumerate(items):
                    body = f"(?:{p})" if e.case == "exact" else f"(?i:{p})"
                    parts.append(f"(?P<p{i}>{body}(?!\\w))")
                    owners.append(e)
                # When every branch starts with a word character, a position where none does
                # (a run of punctuation) fails at once instead of trying each branch.
                lead = r"(?<!\w)(?=\w)" if all(_starts_with_word(p) for p, _ in items) else r"(?<!\w)"
                sets.append(_PatternSet(lead, parts, [p for p, _ in items], owners))
            self._pattern_sets = sets
        return self._pattern_sets

    def find(self, text: str, offset: int = 0, literals: list | None = None) -> list[Match]:
        """Every match in ``text`` (one sentence, or any stretch where context may be sought).
        ``literals``: per pattern set, the literals worth testing (see scan); all by default."""
        out: list[Match] = []
        spans: list[tuple[int, int]] | None = None  # token spans, made when first needed
        if self._raw:
            by_next = self._by_next
            raw = self._raw
            seen: set[tuple[int, int, int]] = set()
            low = _lower_tokens(text)
            n = len(low)
            gaps: dict[int, str] = {}  # normalised separator before token j, computed on demand

            def gap(j: int) -> str:
                sep = gaps.get(j)
                if sep is None:
                    sep = text[spans[j - 1][1]:spans[j][0]]
                    sep = gaps[j] = " " if not sep.strip() and sep else sep.strip()
                return sep

            for i, w in enumerate(low):
                keyed = by_next.get(w)
                if keyed is None:
                    if w not in raw:
                        continue
                    keyed = self._group(w)
                longer, single = keyed
                if i + 1 < n:
                    cands = longer.get(low[i + 1])
                    if cands is None:
                        cands = self._longer(w, low[i + 1])
                else:
                    cands = ()
                for lit in (*cands, *single):
                    k = len(lit.words)
                    if k > 1:
                        # The words first (no offsets needed), then the separators between them.
                        if i + k > n or low[i + 2 : i + k] != lit.tail:
                            continue
                        if spans is None:
                            spans = [m.span() for m in _TOKEN.finditer(text)]
                        if any(gap(i + j) != lit.seps[j - 1] for j in range(1, k)):
                            continue
                    elif spans is None:
                        spans = [m.span() for m in _TOKEN.finditer(text)]
                    a = spans[i][0]
                    end = spans[i + k - 1][1]
                    found = text[a:end]
                    key = (id(lit.entry), a, end)
                    if key in seen or not _case_ok(lit.entry.case, lit.form, found):
                        continue
                    if not lit.entry.accepts(text, a, end, spans):
                        continue
                    seen.add(key)
                    out.append(Match(lit.entry, a + offset, end + offset, found, lit.entry.suggestion_for(found, lit.form)))
        low: str | None = None
        folded = False
        for k, ps in enumerate(self.pattern_sets):
            owners = ps.owners
            if ps.needs and not folded:
                low, folded = _folded(text), True
            for m in ps.finditer(text, low, literals[k] if literals is not None else None):
                e = owners[int(m.lastgroup[1:])]
                a, b = m.span()
                if spans is None:
                    spans = [t.span() for t in _TOKEN.finditer(text)]
                if not e.accepts(text, a, b, spans):
                    continue
                out.append(Match(e, a + offset, b + offset, m.group(), e.suggestion_for(m.group())))
        return out

    def scan(self, segments: Iterable[tuple[int, str]]) -> list[Match]:
        """Matches over ``(offset, text)`` segments (a document's sentences), sorted by offset."""
        out: list[Match] = []
        # A text met before (page furniture repeated across a batch, junk repeating one line)
        # gets the matches found the first time, moved to its offset: find() depends on the
        # text alone. The memo forgets everything when it holds MEMO_MAX texts.
        seen = self._memo
        segments = segments if isinstance(segments, (list, tuple)) else list(segments)
        # A literal some pattern needs that no segment holds is tested once for all of them:
        # the segments are folded together (joined by newlines, which fold to themselves, so
        # each segment's folded form is a part of the whole). Made when a segment is not in the
        # memo.
        literals: list | None = None
        for off, text in segments:
            known = seen.get(text)
            if known is None:
                if literals is None:
                    whole = _folded("\n".join(t for _, t in segments))
                    literals = [ps.present_literals(whole) for ps in self.pattern_sets]
                if len(seen) >= self.MEMO_MAX:
                    seen.clear()
                known = seen[text] = self.find(text, literals=literals)
            out.extend(Match(m.entry, m.start + off, m.end + off, m.text, m.suggestion) for m in known)
        out.sort(key=lambda m: (m.start, m.end, m.entry.id))
        return out


def run_example(entry: Entry, ex: GlossaryExample, default_variant: str = "BR") -> tuple[bool, str]:
    """Run one example of one entry in isolation: ``(passed, explanation)``."""
    variant = ex.variant or (entry.variants[0] if entry.variants else default_variant)
    matcher = Matcher([entry], variant, kinds=KINDS)
    plain = ex.plain
    if entry.kind == "term":
        # For a term entry, the marked span is the source term whose rendering is missing.
        src = GlossaryExample(ex.src or "", True)
        res = [r for r in required_terms(src.plain, plain, [entry]) if r.missing]
        got = [(r.source_start, r.source_end) for r in res]
        if ex.fires:
            return (bool(res) and got == src.spans, f"expected a missing term at {src.spans}, got {got}")
        return (not res, f"expected no missing term, got {got}")
    ms = matcher.find(plain)
    got = sorted((m.start, m.end) for m in ms)
    if ex.fires:
        want = sorted(ex.spans)
        if got != want:
            return False, f"expected {[plain[a:b] for a, b in want]}, got {[plain[a:b] for a, b in got]}"
        sugg = ex.suggest if ex.suggest is not None else None
        if sugg is not None and any(m.suggestion != sugg for m in ms):
            return False, f"expected suggestion {sugg!r}, got {[m.suggestion for m in ms]}"
        if any(m.suggestion is None for m in ms):
            return False, "fires without a suggestion"
        return True, "fires as expected"
    if got:
        return False, f"fired on {[plain[a:b] for a, b in got]}"
    return True, "silent as expected"


# --- source-aware: required terms -------------------------------------------------------------------


@dataclass
class TermCheck:
    """A source term found in the source text, and where its required rendering is in the target."""

    entry: Entry
    source_term: str
    source_start: int
    source_end: int
    required: list[str]
    #: (start, end) of the required rendering in the target, or None when it is missing.
    found_at: tuple[int, int] | None

    @property
    def missing(self) -> bool:
        return self.found_at is None


def _phrase_rx(terms: Iterable[str], ignore_case: bool = True) -> re.Pattern | None:
    forms = sorted({f for t in terms for f in expand(t)}, key=len, reverse=True)
    if not forms:
        return None
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.I if ignore_case else 0)


def required_terms(source_text: str, target_text: str, entries: Iterable[Entry] | None = None) -> list[TermCheck]:
    """For each ``term`` entry whose source term occurs in ``source_text``, where its required
    target term occurs in ``target_text`` (``found_at``), or that it is missing.

    Call it per aligned sentence pair (or per document). ``entries`` defaults to the shipped
    glossaries' ``term`` entries.
    """
    if entries is None:
        entries = [e for g in load_shipped() for e in g.entries]
    out: list[TermCheck] = []
    for e in entries:
        if e.kind != "term":
            continue
        srx = _phrase_rx(e.source)
        trx = _phrase_rx(e.target, ignore_case=e.case != "exact")
        if srx is None or trx is None:
            continue
        tm = trx.search(target_text)
        for m in srx.finditer(source_text):
            out.append(TermCheck(e, m.group(), m.start(), m.end(), list(e.target), tm.span() if tm else None))
    return out


def iter_entries(glossaries: Iterable[Glossary]) -> Iterator[Entry]:
    for g in glossaries:
        yield from g.entries
