"""Compiled regular expressions kept across runs: ``mtqa lint`` starts without compiling them.

The checks, the rule data and the glossaries compile some 600 regular expressions; Python's
``re`` parses and compiles each one at every start (~0.3 s of a one-article ``mtqa lint``). What ``re`` builds is a list of integers handed to
``_sre.compile``; this module keeps those lists in ``re/<tag>.json`` of the user cache folder and,
once :func:`install` has been called, hands a known pattern's list straight to ``_sre.compile``.
The pattern object is the one ``re`` would build (same code, flags and groups), so every match
is the same; a pattern not in the cache is compiled as usual and added to it.

Only this process is affected, and only after :func:`install`: the command line calls it,
``import mtqa`` does not. ``MTQA_RE_CACHE=0`` turns it off. The file is plain data: it is read
with a size limit, must be JSON of the expected shape, and ``_sre.compile`` validates every code
list (an invalid one raises and the pattern is compiled from its text instead); nothing in it is
ever executed. As with the data and translation caches, a valid code list planted for a pattern
can change what that pattern matches: a CI that restores its cache folder from branches it does
not trust should key the cache by branch, or set ``MTQA_RE_CACHE=0``. The tag holds the Python version and the ``re`` engine's magic number, so another
interpreter never reads the lists of this one. The first-character guards of
:mod:`mtqa.core.rx` are kept in the same file.
"""

from __future__ import annotations

import _sre
import atexit
import base64
import hashlib
import json
import os
import sys
from array import array
from re import _compiler, _constants, _parser

FORMAT = "mtqa-re-cache/1"
#: A cache file larger than this is not read (the shipped checks and glossaries give ~1.5 MB).
MAX_BYTES = 32_000_000
#: At most this many patterns are kept (those of the last run first).
MAX_PATTERNS = 20_000

_ORIGINAL = _compiler.compile
_TAG = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{_constants.MAGIC}\0{sys.byteorder}".encode()).hexdigest()[:20]


class _State:
    installed = False
    path = None
    #: (pattern, flags) -> (final flags, code as array bytes (base64), groups - 1, groupindex, indexgroup)
    known: dict[tuple[str, int], list] = {}
    used: set[tuple[str, int]] = set()
    new: dict[tuple[str, int], list] = {}
    guards: dict[tuple[str, int], str] = {}
    new_guards: bool = False


def supported() -> bool:
    """The ``re`` internals this module relies on are those of CPython 3.11-3.13."""
    return (sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
            and hasattr(_compiler, "_code") and hasattr(_parser, "parse") and _ORIGINAL is not None)


def enabled(env=None) -> bool:
    env = os.environ if env is None else env
    return env.get("MTQA_RE_CACHE", "1").strip().lower() not in ("0", "no", "false", "off")


def _file():
    from mtqa.core.files import cache_dir

    return cache_dir() / "re" / f"{_TAG}.json"


def _encode_code(code: list[int]) -> str:
    return base64.b64encode(array("I", code).tobytes()).decode("ascii")


def _decode_code(text: str) -> list[int]:
    a = array("I")
    a.frombytes(base64.b64decode(text, validate=True))
    return a.tolist()


def _valid_entry(e) -> bool:
    return (isinstance(e, list) and len(e) == 7 and isinstance(e[0], str) and type(e[1]) is int
            and type(e[2]) is int and isinstance(e[3], str) and type(e[4]) is int
            and isinstance(e[5], dict) and all(isinstance(k, str) and type(v) is int for k, v in e[5].items())
            and isinstance(e[6], list) and all(x is None or isinstance(x, str) for x in e[6]))


def _load(path) -> None:
    from mtqa.core.files import read_regular_file

    raw = read_regular_file(path, MAX_BYTES)
    if raw is None:
        return
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("tag") != _TAG:
            return
        for e in data.get("patterns", ()):
            if _valid_entry(e):
                _State.known[(e[0], e[1])] = e[2:]
        for g in data.get("guards", ()):
            if (isinstance(g, list) and len(g) == 3 and isinstance(g[0], str) and type(g[1]) is int
                    and isinstance(g[2], str)):
                _State.guards[(g[0], g[1])] = g[2]
    except (ValueError, TypeError, AttributeError):
        _State.known.clear()
        _State.guards.clear()


def _compile(p, flags=0):
    """``re._compiler.compile`` through the cache (text patterns only; everything else, and
    ``re.DEBUG``, goes to the original)."""
    if type(p) is not str or flags & _constants.SRE_FLAG_DEBUG:
        return _ORIGINAL(p, flags)
    key = (p, flags)
    e = _State.known.get(key) or _State.new.get(key)
    if e is not None:
        try:
            code = _decode_code(e[1])
            pattern = _sre.compile(p, e[0], code, e[2], e[3], tuple(e[4]))
            _State.used.add(key)
            return pattern
        except (RuntimeError, ValueError, TypeError, OverflowError, IndexError):
            _State.known.pop(key, None)  # not a valid code list: compile from the text
    tree = _parser.parse(p, flags)
    code = _compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    final = flags | tree.state.flags
    pattern = _sre.compile(p, final, code, tree.state.groups - 1, groupindex, tuple(indexgroup))
    if all(0 <= c < 1 << 32 for c in code):
        _State.new[key] = [final, _encode_code(code), tree.state.groups - 1, groupindex, indexgroup]
    return pattern


def install() -> bool:
    """Route ``re``'s compiler through the cache for the rest of this process; the patterns
    compiled for the first time are written to the cache when the process exits. Returns whether
    the cache is in use (False when turned off or on an interpreter it does not know)."""
    if _State.installed:
        return True
    if not enabled() or not supported():
        return False
    try:
        _State.path = _file()
        _load(_State.path)
    except OSError:
        pass
    _compiler.compile = _compile
    _State.installed = True
    atexit.register(save)
    return True


def installed() -> bool:
    return _State.installed


def uninstall() -> None:
    """Give ``re`` back its own compiler (tests)."""
    _compiler.compile = _ORIGINAL
    _State.installed = False
    _State.known, _State.used, _State.new, _State.guards = {}, set(), {}, {}
    _State.new_guards = False


def guard(pattern: str, flags: int, compute) -> str:
    """``compute(pattern, flags)`` (a first-character guard, :mod:`mtqa.core.rx`) through the
    cache when it is installed."""
    if not _State.installed:
        return compute(pattern, flags)
    key = (pattern, flags)
    g = _State.guards.get(key)
    if g is None:
        g = _State.guards[key] = compute(pattern, flags)
        _State.new_guards = True
    return g


def save() -> None:
    """Write the cache when this run compiled patterns it did not hold (never raises)."""
    if not _State.installed or _State.path is None or not (_State.new or _State.new_guards):
        return
    try:
        from mtqa.core.files import atomic_write

        entries = dict(_State.new)
        for key in _State.used:
            if key in _State.known:
                entries.setdefault(key, _State.known[key])
        for key, e in _State.known.items():  # the others, while there is room
            if len(entries) >= MAX_PATTERNS:
                break
            entries.setdefault(key, e)
        patterns = [[p, f, *e] for (p, f), e in list(entries.items())[:MAX_PATTERNS]]
        guards = [[p, f, g] for (p, f), g in list(_State.guards.items())[:MAX_PATTERNS]]
        text = json.dumps({"format": FORMAT, "tag": _TAG, "patterns": patterns, "guards": guards},
                          ensure_ascii=False, separators=(",", ":"))
        if len(text.encode("utf-8")) <= MAX_BYTES:
            atomic_write(_State.path, text)
        _State.known.update(_State.new)
        _State.new = {}
        _State.new_guards = False
    except (OSError, ValueError, TypeError):
        pass  # a cache that cannot be written only costs the next start its compile time


def compiled_like_re(pattern: str, flags: int = 0) -> bool:
    """Whether the cache's path builds the same pattern object as ``re``'s own (a self-test)."""
    a = _ORIGINAL(pattern, flags)
    b = _compile(pattern, flags)
    return (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)


__all__ = ["FORMAT", "guard", "install", "installed", "save", "supported", "uninstall"]
