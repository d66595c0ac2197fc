"""One pack per language: what mtqa knows of a target language, defined once.

Each language has a folder ``mtqa/lang/<code>/`` whose ``sets.yaml`` holds its *named sets*:
months, weekdays, the forms of a verb that one rule and the variant detector both read... A list
in the check data (``mtqa/checks/data/*.yaml``) refers to a set of its language by name, as
LanguageTool's grammar files refer to entities::

    months:
      pt: ["@months", "@month_abbreviations"]

so a word list is written in one place and every rule, condition and detector that needs it
reads that one. A set may refer to other sets of its pack the same way. A reference to a set that
does not exist is an error naming the file and the set.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

#: A list item that names a set instead of being an entry.
REF = "@"

#: The space between two words of a phrase inside a line: spaces, tabs, no-break spaces.
GAP = r"[ \t\u00a0]+"


def trie_pattern(words: list[str]) -> str:
    """One regex for ``words`` shaped as a trie (a space matches any run of blanks, :data:`GAP`):
    a few character tests per position instead of one attempt per word, and the longest word
    wins."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        alts = [(GAP if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            body = f"(?:{body})?" if len(alts) == 1 else body + "?"
        return body

    return build(trie)


def _pack_file(language: str):
    return resources.files(__name__).joinpath(language, "sets.yaml")


@cache
def _raw_sets(language: str) -> dict[str, list[str]]:
    f = _pack_file(language)
    if not f.is_file():
        return {}
    from mtqa.core.datacache import load_yaml_data

    where = f"mtqa/lang/{language}/sets.yaml"
    data = load_yaml_data(f.read_text(encoding="utf-8"), where) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{where} must map set names to lists")
    for name, items in data.items():
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            # YAML reads bare no/yes/on/off as booleans: such words must be quoted.
            raise ValueError(f"{where}: set {name!r} must be a list of texts")
    return data


@cache
def named_set(language: str, name: str) -> tuple[str, ...]:
    """The entries of set ``name`` of ``language``'s pack, references expanded, order kept."""
    return tuple(_resolve(language, name, ()))


def _resolve(language: str, name: str, path: tuple[str, ...]) -> list[str]:
    raw = _raw_sets(language)
    if name not in raw:
        raise ValueError(f"mtqa/lang/{language}/sets.yaml has no set {name!r}"
                         + (f" (referred to from {path[-1]!r})" if path else ""))
    if name in path:
        raise ValueError(f"mtqa/lang/{language}/sets.yaml: set {name!r} refers to itself"
                         f" ({' -> '.join((*path, name))})")
    return expand(language, raw[name], (*path, name))


def expand(language: str, items, path: tuple[str, ...] = ()) -> list[str]:
    """``items`` with each ``"@name"`` replaced by the entries of that set of ``language``,
    without repeats (the first occurrence keeps its place)."""
    out: dict[str, None] = {}
    for item in items:
        if isinstance(item, str) and item.startswith(REF) and len(item) > 1:
            for x in _resolve(language, item[1:], path):
                out.setdefault(x, None)
        else:
            out.setdefault(item, None)
    return list(out)


def set_names(language: str) -> tuple[str, ...]:
    return tuple(_raw_sets(language))
