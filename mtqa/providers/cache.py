"""A persistent translation cache: SQLite in WAL mode, shared safely by threads and processes.

Entries are keyed by backend, model version, direction (source and target language) and the exact
text, so a new model or another backend never serves a stale translation. API keys are never part
of a key or a row. Each thread opens its own connection; WAL lets many readers work beside one
writer, and a busy timeout makes concurrent writers from parallel processes wait instead of fail.

Location, first that is set: ``MTQA_CACHE_DIR`` (a folder; the file inside it is
``translations.sqlite3``), ``roundtrip.cache`` in the configuration (a file), then the user cache
folder (``$XDG_CACHE_HOME/mtqa`` or ``~/.cache/mtqa``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mtqa.core.files import cache_dir

FILENAME = "translations.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    model TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    translation TEXT NOT NULL,
    created REAL NOT NULL
)
"""


def default_path(config: Any = None, env: Mapping[str, str] | None = None) -> Path:
    """Where the cache lives for this configuration and environment."""
    env = os.environ if env is None else env
    if env.get("MTQA_CACHE_DIR"):
        return cache_dir(env) / FILENAME
    rt = getattr(config, "roundtrip", None)
    if rt is not None and getattr(rt, "cache", ""):
        return Path(config.resolve(rt.cache))
    return cache_dir(env) / FILENAME


def cache_key(backend: str, model: str, source: str, target: str, text: str) -> str:
    """A stable key for one translation (no secrets ever enter it)."""
    h = hashlib.sha256()
    for part in (backend, model, source, target, text):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def _when_free(step: Callable[[], Any], patience: float = 30.0) -> Any:
    """Run ``step``, retrying while another process holds the database ("database is locked").

    The busy timeout covers most waits, but SQLite answers SQLITE_BUSY at once, without waiting,
    in a few cases: switching a new file to WAL while another process does the same, or opening
    while another connection recovers the WAL index. Those are retried here, with growing
    pauses, for up to ``patience`` seconds.
    """
    deadline = time.monotonic() + patience
    pause = 0.01
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            msg = str(exc).lower()
            if ("locked" not in msg and "busy" not in msg) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


class TranslationCache:
    """Translations stored in one SQLite file; every method is safe to call from any thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._ready = False
        #: Lookups answered from the file and lookups that missed, since this object was made.
        self.hits = 0
        self.misses = 0

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=30.0, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 30000")
            with self._lock:
                if not self._ready:
                    _when_free(lambda: conn.execute("PRAGMA journal_mode = WAL"))
                    _when_free(lambda: conn.execute(_SCHEMA))
                    self._ready = True
            _when_free(lambda: conn.execute("PRAGMA synchronous = NORMAL"))
            self._local.conn = conn
        return conn

    def get_many(
        self, backend: str, model: str, source: str, target: str, texts: Iterable[str]
    ) -> dict[str, str]:
        """The cached translations among ``texts``, as ``{text: translation}``."""
        wanted = {cache_key(backend, model, source, target, t): t for t in set(texts)}
        out: dict[str, str] = {}
        keys = list(wanted)
        conn = self._conn()
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            marks = ",".join("?" * len(part))
            for key, tr in conn.execute(
                f"SELECT key, translation FROM translations WHERE key IN ({marks})", part
            ):
                out[wanted[key]] = tr
        self.hits += len(out)
        self.misses += len(wanted) - len(out)
        return out

    def put_many(
        self, backend: str, model: str, source: str, target: str, pairs: Sequence[tuple[str, str]]
    ) -> None:
        """Store ``(text, translation)`` pairs in one transaction."""
        if not pairs:
            return
        now = time.time()
        rows = [
            (cache_key(backend, model, source, target, t), backend, model, source, target, t, tr, now)
            for t, tr in pairs
        ]
        conn = self._conn()
        _when_free(lambda: conn.execute("BEGIN IMMEDIATE"))
        try:
            conn.executemany("INSERT OR REPLACE INTO translations VALUES (?,?,?,?,?,?,?,?)", rows)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def stats(self) -> dict[str, Any]:
        """Entries per backend, model and direction, and the file size."""
        if not self.path.exists():
            return {"path": str(self.path), "entries": 0, "bytes": 0, "groups": []}
        conn = self._conn()
        from mtqa.providers.translate import redact_url

        # Rows written before model names were redacted may carry a URL's credentials.
        groups = [
            {"backend": b, "model": redact_url(m), "direction": f"{s}-{t}", "entries": n}
            for b, m, s, t, n in conn.execute(
                "SELECT backend, model, source, target, COUNT(*) FROM translations "
                "GROUP BY backend, model, source, target ORDER BY backend, model, source, target"
            )
        ]
        size = sum(
            p.stat().st_size
            for p in (self.path, Path(str(self.path) + "-wal"))
            if p.exists()
        )
        return {
            "path": str(self.path),
            "entries": sum(g["entries"] for g in groups),
            "bytes": size,
            "groups": groups,
        }

    def clear(self, backend: str | None = None) -> int:
        """Delete every entry (or those of one backend); return how many were deleted."""
        if not self.path.exists():
            return 0
        conn = self._conn()
        if backend:
            cur = conn.execute("DELETE FROM translations WHERE backend = ?", (backend,))
        else:
            cur = conn.execute("DELETE FROM translations")
        n = cur.rowcount
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        return n

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


class MemoryCache:
    """The same interface in memory: used when the cache file cannot be opened."""

    def __init__(self) -> None:
        self.path = Path(":memory:")
        self._data: dict[str, str] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_many(self, backend, model, source, target, texts):
        out = {}
        with self._lock:
            for t in set(texts):
                v = self._data.get(cache_key(backend, model, source, target, t))
                if v is not None:
                    out[t] = v
        self.hits += len(out)
        self.misses += len(set(texts)) - len(out)
        return out

    def put_many(self, backend, model, source, target, pairs):
        with self._lock:
            for t, tr in pairs:
                self._data[cache_key(backend, model, source, target, t)] = tr

    def stats(self) -> dict[str, Any]:
        return {"path": ":memory:", "entries": len(self._data), "bytes": 0, "groups": []}

    def clear(self, backend: str | None = None) -> int:
        n = len(self._data)
        self._data.clear()
        return n

    def close(self) -> None:
        pass


def open_cache(config: Any = None, env: Mapping[str, str] | None = None):
    """The cache for ``config``; a memory cache (with the reason) when the file cannot be used."""
    path = default_path(config, env)
    cache = TranslationCache(path)
    try:
        cache._conn()
    except (OSError, sqlite3.Error) as exc:
        mem = MemoryCache()
        mem.problem = f"translation cache {path} cannot be opened ({exc}); using memory only"  # type: ignore[attr-defined]
        return mem
    return cache
