"""Phrase rules as data: checks written as YAML entries, matched by the glossary matcher.

A rule is one entry of ``mtqa/checks/data/rules.yaml`` (rules for every language) or of a
pack's ``mtqa/lang/<code>/rules.yaml`` (rules for that language only). It names its
code, family, severity, category and message, says what it matches in the syntax of glossary
entries (``terms`` with ``{a,b}`` alternatives, ``patterns``, ``replace``, ``rewrite``,
``suggest``, ``context``/``unless`` conditions, ``variants``; docs/glossary.md) and carries its
own examples, which run as tests like every check's. The matcher is the glossary's
(:class:`mtqa.core.glossary.Matcher`): one phrase compiler for glossaries and rules.

Kinds:

- ``existence``: the phrase should not be there; the message says why, ``suggest`` what to do
  (an empty ``suggest`` means: delete it).
- ``substitution``: the phrase has a correction (``replace``, ``rewrite`` or ``suggest``).

Scopes:

- ``sentence`` (default): matched sentence by sentence, as glossary entries are.
- ``line``: matched on each non-blank line, trimmed; ``max_words`` skips longer lines, and a
  line that ends as a sentence (``.``, ``!``, ``?``) is skipped unless the match is the whole
  line. Page furniture is a line of its own. A ``prefilter`` (a cheap regex, case ignored, that
  every matching line holds: a digit for a reading time) lets the engine skip the other lines
  with one scan of the text; the examples test that it holds on every line a rule fires on.

A family module adds its rules to its checks with ``CHECKS = (...) + rule_checks(__name__)``;
the rule's ``family`` is that module's name (the code letter of the family, as for every check).
A new phrase check is a YAML entry with examples and no Python.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mtqa.checks.base import Check, Example, Hit
from mtqa.core.errors import ConfigError
from mtqa.core.model import Document, Severity

DATA = Path(__file__).parent / "data" / "rules.yaml"
PACKS = Path(__file__).resolve().parents[1] / "lang"

#: Keys of a rule besides the glossary entry keys.
RULE_KEYS = ("code", "name", "family", "kind", "severity", "category", "message", "summary", "why",
             "fires", "silent", "scope", "max_words", "prefilter", "languages")
#: Glossary entry keys a rule may use.
PHRASE_KEYS = ("terms", "replace", "patterns", "case", "context", "unless", "variants", "suggest",
               "rewrite", "examples")
KINDS = ("existence", "substitution")
SCOPES = ("sentence", "line")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    family: str
    kind: str
    scope: str
    max_words: int | None
    #: A cheap regex (case ignored) that every line the rule matches holds, or None.
    prefilter: re.Pattern[str] | None
    entry: Any  # mtqa.core.glossary.Entry
    path: str
    line: int


def _files() -> list[tuple[Path, tuple[str, ...]]]:
    """Rule files, with the languages their rules are for (empty: every language)."""
    out = [(DATA, ())] if DATA.is_file() else []
    for pack in sorted(PACKS.iterdir()) if PACKS.is_dir() else ():
        f = pack / "rules.yaml"
        if f.is_file():
            out.append((f, (pack.name,)))
    return out


def _err(path: str, line: int, message: str) -> ConfigError:
    return ConfigError(path, message, line)


def parse_rules(text: str, path: str, languages: tuple[str, ...] = ()) -> list[tuple[Rule, dict]]:
    """The rules of one file, each with the mapping it was read from; ConfigError names file and
    line of the first problem."""
    from mtqa.core import glossary as g

    data = g.parse_yaml_cached(text, path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise _err(path, 1, "a rules file is a mapping with a 'rules' list")
    out = []
    for item in data["rules"]:
        line = getattr(item, "line", 1)
        if not isinstance(item, dict):
            raise _err(path, line, "a rule must be a mapping")
        unknown = [k for k in item if k not in RULE_KEYS + PHRASE_KEYS]
        if unknown:
            raise _err(path, line, f"unknown key {unknown[0]!r} in rule (known keys: "
                       f"{', '.join(RULE_KEYS + PHRASE_KEYS)})")
        for req in ("code", "name", "family", "kind", "severity", "category", "message", "summary",
                    "examples"):
            if req not in item:
                raise _err(path, line, f"rule {item.get('code', '?')!r} has no {req!r}")
        if item["kind"] not in KINDS:
            raise _err(path, line, f"{item['code']}: kind must be one of {', '.join(KINDS)}")
        scope = item.get("scope", "sentence")
        if scope not in SCOPES:
            raise _err(path, line, f"{item['code']}: scope must be one of {', '.join(SCOPES)}")
        max_words = item.get("max_words")
        if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
            raise _err(path, line, f"{item['code']}: max_words must be a positive integer")
        phrase = {k: item[k] for k in PHRASE_KEYS if k in item}
        # Examples are the check's (run by tests/checks/test_examples.py), not the entry's.
        phrase["examples"] = []
        entry = g.entry_from_data(
            {"id": str(item["code"]).lower(), "kind": "forbidden", "message": item["message"], **phrase},
            path, line)
        if not (entry.forms or entry.patterns):
            raise _err(path, line, f"{item['code']}: a rule needs terms, replace or patterns")
        for p in entry.patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise _err(path, line, f"{item['code']}: pattern {p!r} does not compile: {exc}") from None
            why = g.backtracking_risk(p)
            if why:
                raise _err(path, line, f"{item['code']}: pattern {p!r} is unsafe: {why}")
        prefilter = item.get("prefilter")
        if prefilter is not None:
            try:
                prefilter = re.compile(str(prefilter), re.IGNORECASE)
            except re.error as exc:
                raise _err(path, line, f"{item['code']}: prefilter does not compile: {exc}") from None
            if g.backtracking_risk(prefilter.pattern):
                raise _err(path, line, f"{item['code']}: prefilter is unsafe")
        rule = Rule(str(item["code"]), str(item["name"]), str(item["family"]), item["kind"], scope,
                    max_words, prefilter, entry, path, line)
        out.append((rule, {**item, "languages": tuple(item.get("languages") or languages)}))
    return out


def _docstring(item: dict) -> str:
    parts = [str(item["summary"]).strip()]
    for key, title in (("why", "Why it matters"), ("fires", "What fires"), ("silent", "What stays silent")):
        if item.get(key):
            parts.append(f"## {title}\n{str(item[key]).strip()}")
    parts.append("Written as data: `" + item["_file"] + "`.")
    return "\n\n".join(parts)


def _examples(item: dict, languages: tuple[str, ...]) -> tuple[Example, ...]:
    lang = languages[0] if languages else "pt"
    out = []
    for ex in item["examples"]:
        if "bad" in ex:
            out.append(Example(ex["bad"], True, ex.get("suggest"), language=ex.get("language", lang),
                               variant=ex.get("variant", "BR")))
        else:
            out.append(Example(ex["good"], False, None, language=ex.get("language", lang),
                               variant=ex.get("variant", "BR")))
    return tuple(out)


#: Per document and family: the matches of its rules (rule code -> hits).
_MEMO: weakref.WeakKeyDictionary[Document, dict[str, dict[str, list[Hit]]]] = weakref.WeakKeyDictionary()


@cache
def _matcher(family: str, variant: str | None):
    from mtqa.core.glossary import Matcher

    return Matcher([r.entry for r in _family_rules(family)], variant, kinds=("forbidden",))


@cache
def _family_rules(family: str) -> tuple[Rule, ...]:
    return tuple(r for r, _ in _loaded() if r.family == family)


def _family_hits(doc: Document, family: str) -> dict[str, list[Hit]]:
    memo = _MEMO.setdefault(doc, {})
    hits = memo.get(family)
    if hits is not None:
        return hits
    rules = {r.entry.id: r for r in _family_rules(family)}
    matcher = _matcher(family, (doc.variant or "").upper() or None)
    hits = {r.code: [] for r in rules.values()}
    sentence_rules = any(r.scope == "sentence" for r in rules.values())
    if sentence_rules:
        for m in matcher.scan((s.start, s.text) for s in doc.sentences):
            r = rules[m.entry.id]
            if r.scope == "sentence":
                hits[r.code].append(Hit(m.start, m.end, suggestion=m.suggestion))
    line_rules = [r for r in rules.values() if r.scope == "line"]
    if line_rules:
        text = doc.text
        longest = None if any(r.max_words is None for r in line_rules) else max(r.max_words for r in line_rules)
        for a0, b0 in _candidate_lines(doc, line_rules):
            raw = text[a0:b0]
            t = raw.strip()
            if not t:
                continue
            n = len(t.split())
            if longest is not None and n > longest:
                continue
            a = a0 + (len(raw) - len(raw.lstrip()))
            for m in matcher.find(t, a):
                r = rules[m.entry.id]
                if r.scope != "line" or (r.max_words is not None and n > r.max_words):
                    continue
                if t[-1] in ".!?" and not (m.start == a and m.end == a + len(t)):
                    continue  # a sentence that mentions the phrase, not a widget line
                hits[r.code].append(Hit(m.start, m.end, suggestion=m.suggestion))
    memo[family] = hits
    return hits


@cache
def _short_lines(n: int) -> re.Pattern[str]:
    """Lines of at most ``n`` words (found by one scan of the text)."""
    return re.compile(rf"^[^\S\n]*(?:[^\s]+[^\S\n]+){{0,{n - 1}}}[^\s]+[^\S\n]*$", re.M)


#: Lower-case letters for which a case-insensitive regex and a search of the lower-cased text
#: agree, but for the characters of _CASE_ODD (checked over every code point: `İ` lower-cases
#: to two characters, and a case-insensitive `i` or `s` also matches `ı` or `ſ`).
_PLAIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz" + "".join(
    chr(c) for c in range(0xDF, 0x100) if chr(c).isalpha() and chr(c).islower()))
_CASE_ODD = ("\u0130", "\u0131", "\u017f")


@cache
def _case_free(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` compiled without IGNORECASE, for a search of the lower-cased text that finds
    what the case-insensitive pattern finds in the text at the same offsets (see
    _scan_lowered); None unless the pattern is written in lower-case letters of _PLAIN_LETTERS
    without escapes or inline flags (IGNORECASE is much slower in Python's re: 0.2 s on a megabyte for B123's)."""
    if ("\\" in pattern or re.search(r"\(\?(?![:=!]|<[=!])", pattern)
            or any(c.isalpha() and c not in _PLAIN_LETTERS for c in pattern)):
        return None
    return re.compile(pattern)


def _scan_lowered(doc: Document) -> str | None:
    """The document's lower-cased text if its offsets are the text's and no character in it
    matches a lower-case letter case-insensitively other than by lower-casing; else None."""
    low = doc.lowered
    if len(low) != len(doc.text) or any(c in low for c in _CASE_ODD):
        return None
    return low


def _candidate_lines(doc: Document, rules: list[Rule]) -> list[tuple[int, int]]:
    """(start, end) of the lines the line ``rules`` could match, in order: when every rule has
    a ``prefilter``, only the lines one of them touches (a million tiny lines with nothing in
    common with the rules cost one scan of the text each); else, when every rule has
    ``max_words``, the lines that short (one more scan); else every line."""
    text = doc.text
    if all(r.prefilter is not None for r in rules):
        starts: set[int] = set()
        words: dict[int, int] = {}  # line start -> its word count, counted once
        low = _scan_lowered(doc)
        for r in rules:
            plain = _case_free(r.prefilter.pattern) if low is not None else None
            found = plain.finditer(low) if plain is not None else r.prefilter.finditer(text)
            for m in found:
                a, b = doc.line_bounds(m.start())
                if a in starts:
                    continue
                if r.max_words is not None:
                    n = words.get(a)
                    if n is None:
                        n = words[a] = len(text[a:b].split())
                    if n > r.max_words:
                        continue  # too long for the rule whose prefilter it holds
                starts.add(a)
        return sorted(doc.line_bounds(a) for a in starts)
    if all(r.max_words is not None for r in rules):
        rx = _short_lines(max(r.max_words for r in rules))
        return [(m.start(), m.end()) for m in rx.finditer(text)]
    return [(ln.start, ln.start + len(ln.text)) for ln in doc.lines]


@cache
def _loaded() -> tuple[tuple[Rule, dict], ...]:
    out = []
    for path, languages in _files():
        rel = path.relative_to(PACKS.parent.parent).as_posix()
        for rule, item in parse_rules(path.read_text(encoding="utf-8"), rel, languages):
            out.append((rule, {**item, "_file": rel}))
    return tuple(out)


def rule_checks(module: str) -> tuple[Check, ...]:
    """The checks of the rules whose family is ``module`` (``mtqa.checks.boilerplate`` holds the
    rules of family ``boilerplate``)."""
    family = module.rsplit(".", 1)[-1]
    out = []
    for rule, item in _loaded():
        if rule.family != family:
            continue

        def fn(doc: Document, ctx, _code=rule.code, _family=family) -> Iterator[Hit]:
            yield from _family_hits(doc, _family)[_code]

        fn.__doc__ = _docstring(item)
        fn.__module__ = module
        fn.__name__ = fn.__qualname__ = rule.name.replace("-", "_")
        out.append(Check(
            code=rule.code, name=rule.name, severity=Severity.parse(item["severity"]),
            category=item["category"], message=item["message"], fn=fn,
            examples=_examples(item, item["languages"]), languages=item["languages"],
            module=module,
        ))
    return tuple(out)
