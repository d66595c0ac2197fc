"""Providers: dictionaries, language identification, translators, metrics, glossaries.

Each provider lives behind a small Protocol in its own module, with the real implementation and a
test double. :class:`Providers` starts them lazily, once, by name; a provider that cannot run here
raises :class:`~mtqa.core.errors.ProviderUnavailable` and the checks that need it are skipped.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable
from typing import Any

from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable

#: Provider name -> "module:factory"; the factory takes the Config and returns the provider.
FACTORIES: dict[str, str] = {
    "dictionary": "mtqa.providers.dictionary:from_config",
    "langid": "mtqa.providers.langid:from_config",
    "translator": "mtqa.providers.translate:from_config",
    "glossary": "mtqa.providers.glossaries:from_config",
    "lexicon": "mtqa.providers.lexicon:from_config",
}


class Providers:
    """Lazily built providers, shared by every check of one run."""

    def __init__(self, config: Config, overrides: dict[str, Any] | None = None) -> None:
        self.config = config
        self._cache: dict[str, Any] = dict(overrides or {})
        self._errors: dict[str, ProviderUnavailable] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._threads: dict[str, threading.Thread] = {}

    def _lock(self, name: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(name, threading.Lock())

    def prefetch(self, names: Iterable[str]) -> None:
        """Start building providers in background threads (their native loading, e.g. hunspell
        word lists, runs without the GIL); ``get`` waits for one that is still loading."""
        for name in names:
            if name in self._cache or name in self._errors or name not in FACTORIES or name in self._threads:
                continue
            t = threading.Thread(target=self.unavailable, args=(name,), daemon=True,
                                 name=f"mtqa-prefetch-{name}")
            self._threads[name] = t
            t.start()

    def loading(self, name: str) -> bool:
        """True while a prefetch of ``name`` is still running."""
        t = self._threads.get(name)
        return t is not None and t.is_alive()

    def built(self, name: str) -> Any:
        """The provider ``name`` if it has been built already, else None (never builds it)."""
        return self._cache.get(name)

    def forget(self, name: str) -> None:
        """Drop provider ``name`` (built or failed): the next :meth:`get` builds it again from
        its files (the review UI does this for ``glossary`` after adding an entry)."""
        with self._lock(name):
            self._cache.pop(name, None)
            self._errors.pop(name, None)

    def get(self, name: str) -> Any:
        if name in self._cache:
            return self._cache[name]
        if name in self._errors:
            raise self._errors[name]
        with self._lock(name):
            return self._build(name)

    def _build(self, name: str) -> Any:
        if name in self._cache:
            return self._cache[name]
        if name in self._errors:
            raise self._errors[name]
        spec = FACTORIES.get(name)
        if spec is None:
            err = ProviderUnavailable(f"no provider named {name!r}")
        else:
            mod, _, fn = spec.partition(":")
            try:
                value = getattr(importlib.import_module(mod), fn)(self.config)
            except ProviderUnavailable as exc:
                err = exc
            except ImportError as exc:
                err = ProviderUnavailable(f"{name}: {exc}")
            else:
                self._cache[name] = value
                return value
        self._errors[name] = err
        raise err

    def unavailable(self, name: str) -> str | None:
        """None when the provider can be started, else the reason it cannot."""
        try:
            self.get(name)
        except ProviderUnavailable as exc:
            return str(exc)
        return None

    def set(self, name: str, value: Any) -> None:
        self._cache[name] = value
        self._errors.pop(name, None)


def dist_version(dist: str) -> str:
    """``importlib.metadata.version(dist)``, read straight from the distribution's ``.dist-info``
    folder on ``sys.path`` when there is one: importing importlib.metadata (email, zipfile, csv)
    costs ~40 ms of a ``mtqa lint`` start, and the run signature names the detector's version.
    Anything else (an egg, a zip, no folder found) goes through importlib.metadata."""
    import os
    import re
    import sys

    norm = re.sub(r"[-_.]+", "_", dist).lower()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith(".dist-info") or name.partition("-")[0].lower() != norm:
                continue
            try:
                with open(os.path.join(entry or ".", name, "METADATA"), encoding="utf-8") as f:
                    for line in f:
                        if line.startswith("Version:"):
                            return line[len("Version:"):].strip()
                        if not line.strip():
                            break  # end of the headers
            except OSError:
                pass
            break  # the first folder of that name decides, as for importlib.metadata
        else:
            continue
        break
    from importlib.metadata import version

    return version(dist)
