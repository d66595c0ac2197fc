"""Parsed YAML data files of mtqa (check word lists, the data of each mtqa/lang folder) kept as JSON across runs.

Parsing the shipped data with PyYAML's C loader takes ~40 ms of every ``mtqa lint`` start;
reading the same data back from JSON takes ~2 ms. :func:`load_yaml_data` keeps each file's
parse in ``data/<hash>.json`` of the user cache folder, keyed by a hash of the file's text, so an
edited file is parsed again.

The cache is plain data, like mtqa's other caches: a file is read with a size limit and must be
JSON of the expected shape whose digest is the text's, or it is ignored and rebuilt (a cache
folder restored across CI branches can hold a planted file; nothing in it is ever executed).
Only a parse that JSON holds exactly is cached (mapping keys that are text, no dates): anything
else is parsed every time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMAT = "mtqa-data-cache/1"
#: A cache file larger than this is not read (the largest shipped data file gives ~40 KB).
MAX_BYTES = 4_000_000
#: At most this many files in the folder (the oldest are removed).
MAX_FILES = 64


def load_yaml_data(text: str, name: str) -> Any:
    """``yaml.safe_load(text)`` (PyYAML's C loader when there is one), through the cache.
    ``name`` (the file's path inside mtqa) is part of the key and of what a cache file must
    say."""

    def parse(text: str) -> Any:
        import yaml

        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader

    return cached(text, name, parse, lambda data: data if _json_exact(data) else _NO, lambda data: data)


#: What an encoder returns for a value the cache cannot hold.
_NO = object()


def cached(text: str, name: str, compute: Callable[[str], Any], encode: Callable[[Any], Any],
           decode: Callable[[Any], Any], kind: str = "yaml") -> Any:
    """``compute(text)`` through the cache: the JSON ``encode`` makes of it (or ``_NO``: not
    cached) is kept keyed by ``kind``, ``name`` and ``text``, and read back through ``decode``,
    which raises ValueError (or TypeError, KeyError) on anything it does not expect; such a file is
    ignored and rebuilt."""
    from mtqa.core.files import atomic_write, cache_dir, read_regular_file

    digest = hashlib.sha256(f"{FORMAT}\0{kind}\0{name}\0".encode() + text.encode("utf-8")).hexdigest()
    folder = cache_dir() / "data"
    path = folder / f"{digest[:32]}.json"
    raw = read_regular_file(path, MAX_BYTES)
    if raw is not None:
        try:
            d = json.loads(raw)
            if (type(d) is dict and d.keys() == {"format", "name", "digest", "data"}
                    and d["format"] == FORMAT and d["name"] == name and d["digest"] == digest):
                return decode(d["data"])
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            pass
    value = compute(text)
    data = encode(value)
    if data is not _NO:
        try:
            atomic_write(path, json.dumps({"format": FORMAT, "name": name, "digest": digest, "data": data},
                                          ensure_ascii=False, separators=(",", ":")))
            _prune(folder, keep=path)
        except OSError:
            pass  # a read-only cache folder costs time, not results
    return value


def _json_exact(x: Any, depth: int = 0) -> bool:
    """True when JSON gives back exactly ``x``: the same types all the way down (text keys, no
    dates, tuples, sets or non-finite floats)."""
    if depth > 100:
        return False
    t = type(x)
    if t is str or t is bool or t is int or x is None:
        return True
    if t is float:
        return x == x and x not in (float("inf"), float("-inf"))
    if t is list:
        return all(_json_exact(v, depth + 1) for v in x)
    if t is dict:
        return all(type(k) is str and _json_exact(v, depth + 1) for k, v in x.items())
    return False


def _prune(folder: Path, keep: Path) -> None:
    files = []
    for p in folder.iterdir():
        if p.suffix == ".json" and p != keep:
            try:
                files.append((p.lstat().st_mtime_ns, p))
            except OSError:
                pass
    files.sort(reverse=True)
    for _, p in files[MAX_FILES - 1:]:
        try:
            p.unlink()
        except OSError:
            pass
