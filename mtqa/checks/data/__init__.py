"""Word and phrase lists used by the rule checks, kept as data (one YAML file per family).

Each file maps a list name to either a flat list or a per-language table (``{pt: [...], en:
[...]}``). Adding a language means adding its entries to the YAML files, not writing code.
In a per-language table, an entry ``"@name"`` stands for the named set ``name`` of that
language's pack (mtqa/lang/<code>/sets.yaml): months, weekdays and the like are written once
there and read by every rule that needs them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def load(family: str) -> dict[str, Any]:
    """The parsed ``<family>.yaml`` of this package (read once per process; the parse is kept
    across runs in the cache folder, mtqa.core.datacache)."""
    from mtqa.core.datacache import load_yaml_data

    text = resources.files(__name__).joinpath(f"{family}.yaml").read_text(encoding="utf-8")
    data = load_yaml_data(text, f"mtqa/checks/data/{family}.yaml")
    if not isinstance(data, dict):
        raise ValueError(f"mtqa/checks/data/{family}.yaml must be a mapping")
    _no_booleans(data, f"mtqa/checks/data/{family}.yaml", [])
    return _with_sets(data, family)


def _no_booleans(x: Any, where: str, path: list[str]) -> None:
    """Raise on a boolean inside a list: YAML reads a bare ``no``, ``yes``, ``on`` or ``off`` as
    one, and a word list that holds ``False`` instead of the word ``no`` silently loses it."""
    if isinstance(x, dict):
        for k, v in x.items():
            _no_booleans(v, where, [*path, str(k)])
    elif isinstance(x, list):
        for i, v in enumerate(x):
            if isinstance(v, bool):
                raise ValueError(
                    f"{where}: item {i} of {'.'.join(path)} is the boolean {v}: a bare no/yes/on/off "
                    "in YAML; quote the word ('no')"
                )
            _no_booleans(v, where, [*path, str(i)])


def _with_sets(data: dict[str, Any], family: str) -> dict[str, Any]:
    """``data`` with the ``"@name"`` entries of its per-language lists replaced by the named
    sets of those languages (mtqa.lang)."""
    from mtqa.lang import REF, expand

    for key, table in data.items():
        if not isinstance(table, dict):
            continue
        for lang, items in table.items():
            if isinstance(items, list) and any(isinstance(x, str) and x.startswith(REF) for x in items):
                try:
                    table[lang] = expand(lang, items)
                except ValueError as exc:
                    raise ValueError(f"mtqa/checks/data/{family}.yaml: {key}.{lang}: {exc}") from None
    return data


def per_language(family: str, key: str) -> dict[str, list[str]]:
    """A per-language table ``{language: [entries]}`` from ``<family>.yaml``."""
    table = load(family).get(key) or {}
    out = {}
    for lang, items in table.items():
        bad = [x for x in items or () if not isinstance(x, str)]
        if bad:
            # YAML reads bare no/yes/on/off as booleans: such words must be quoted.
            raise ValueError(f"mtqa/checks/data/{family}.yaml: {key}.{lang} has non-text {bad!r}")
        out[lang] = list(items or ())
    return out


def all_languages(family: str, key: str) -> list[str]:
    """Every entry of a per-language table, all languages together (order kept, no repeats)."""
    seen: dict[str, None] = {}
    for items in per_language(family, key).values():
        for item in items:
            seen.setdefault(item, None)
    return list(seen)
