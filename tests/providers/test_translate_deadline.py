"""Online translators: one deadline for the whole request, and no traffic outside a request.

Every server here is a local one on 127.0.0.1 started by the test; a guard makes any attempt to
reach another host fail the test instead of leaving the machine.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from mtqa.core.config import Config
from mtqa.providers.cache import MemoryCache
from mtqa.providers.translate import DeepTranslatorBackend, TranslationFailed, TranslationService

KEY = "ms-key-7f3a9c0d1e2b4a68"


class Trickle:
    """A raw TCP server that answers one byte per ``pause`` seconds, for at most ``limit`` s.

    ``phase`` is "body" (status line and headers at once, then the body byte by byte) or
    "headers" (the status line, then the headers byte by byte). It stops by itself.
    """

    def __init__(self, phase: str = "body", pause: float = 0.25, limit: float = 8.0) -> None:
        self.phase, self.pause, self.limit = phase, pause, limit
        self.connections = 0
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/"
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        body = json.dumps({"responseData": {"translatedText": "x" * 200}, "matches": []}).encode()
        head = b"HTTP/1.1 200 OK\r\n"
        rest = b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
        fast, slow = (head + rest, body) if self.phase == "body" else (head, rest + body)
        end = time.monotonic() + self.limit
        try:
            conn.settimeout(1.0)
            conn.recv(65536)
            conn.sendall(fast)
            for b in slow:
                if self._stop.is_set() or time.monotonic() > end:
                    break
                conn.sendall(bytes([b]))
                time.sleep(self.pause)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self.sock.close()


@pytest.fixture
def trickle(request):
    servers: list[Trickle] = []

    def make(**kw) -> Trickle:
        s = Trickle(**kw)
        servers.append(s)
        return s

    yield make
    for s in servers:
        s.close()


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail any connection to a host other than 127.0.0.1 (and record the attempt)."""
    attempts: list[object] = []
    real = socket.socket.connect

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            attempts.append(address)
            raise OSError(f"test guard: no traffic to {address!r}")
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    real_gai = socket.getaddrinfo

    def getaddrinfo(host, *a, **kw):
        if host not in ("127.0.0.1", "::1", "localhost"):
            attempts.append(host)
            raise socket.gaierror(f"test guard: no lookup of {host!r}")
        return real_gai(host, *a, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


def online(provider: str, url: str, **kw) -> DeepTranslatorBackend:
    opts = {"timeout": 1.0, "retries": 0, "backoff": 0.01, "rate_limit": 0, "url": url,
            "env": {"MICROSOFT_API_KEY": KEY, "LIBRE_API_KEY": KEY}}
    opts.update(kw)
    return DeepTranslatorBackend(provider, **opts)


@pytest.mark.parametrize("phase", ["body", "headers"])
def test_a_server_answering_one_byte_at_a_time_is_cut_at_the_deadline(trickle, phase):
    """timeout = 1 bounds connect and every read together: a trickling answer ends in about 1 s
    (before: each read got its own second, so the request lasted as long as the server went on)."""
    srv = trickle(phase=phase)
    be = online("mymemory", srv.url, timeout=1.0)
    t0 = time.monotonic()
    with pytest.raises(TranslationFailed, match="within 1 s"):
        be.translate("olá mundo", "pt", "en")
    assert time.monotonic() - t0 < 2.5
    assert srv.connections == 1


def test_retries_and_backoff_stay_within_the_overall_bound(trickle):
    srv = trickle(phase="body")
    be = online("mymemory", srv.url, timeout=1.0, retries=2, backoff=0.2)
    assert be.budget == pytest.approx(3 * 1.0 + 0.2 + 0.4)
    t0 = time.monotonic()
    with pytest.raises(TranslationFailed, match="3 attempts"):
        be.translate("olá mundo", "pt", "en")
    took = time.monotonic() - t0
    assert took <= be.budget + 1.0
    assert srv.connections == 3


def test_a_backoff_that_would_pass_the_budget_is_not_slept(trickle):
    """A retry is not started when its pause would end past the overall bound."""
    srv = trickle(phase="body")
    be = online("mymemory", srv.url, timeout=1.0, retries=1, backoff=30.0, budget=2.0)
    t0 = time.monotonic()
    with pytest.raises(TranslationFailed, match="1 attempt"):
        be.translate("olá mundo", "pt", "en")
    assert time.monotonic() - t0 < 3.0
    assert srv.connections == 1


class Microsoft:
    """A Microsoft Translator v3 compatible endpoint on 127.0.0.1."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                outer.requests.append(("GET", self.path, dict(self.headers)))
                self.send_response(404)
                self.end_headers()

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(n) or b"[]")
                outer.requests.append(("POST", self.path, dict(self.headers)))
                q = parse_qs(urlsplit(self.path).query)
                if self.headers.get("Ocp-Apim-Subscription-Key") != KEY:
                    out, status = {"error": {"code": 401000, "message": "bad key"}}, 401
                else:
                    to = q.get("to", ["?"])[0]
                    out = [{"translations": [{"text": f"[{to}] {b['text']}", "to": to}]} for b in body]
                    status = 200
                data = json.dumps(out).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/translate?api-version=3.0"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def microsoft():
    s = Microsoft()
    yield s
    s.close()


def test_microsoft_supports_without_contacting_anyone(loopback_only):
    """supports() decides from what the backend knows; it never calls the public host (before:
    building deep-translator's client fetched the language list from it, with no timeout)."""
    be = online("microsoft", "", timeout=1.0)
    assert be.supports("pt", "en") and be.supports("en", "pt")
    assert loopback_only == []


def test_microsoft_honours_the_configured_url_and_sends_one_request_per_text(microsoft, loopback_only):
    be = online("microsoft", microsoft.url)
    assert be.supports("pt", "en")
    assert be.translate_batch(["olá mundo", "bom dia"], "pt", "en") == ["[en] olá mundo", "[en] bom dia"]
    assert [(m, urlsplit(p).path) for m, p, _ in microsoft.requests] == [("POST", "/translate")] * 2
    assert all(h.get("Ocp-Apim-Subscription-Key") == KEY for _, _, h in microsoft.requests)
    q = parse_qs(urlsplit(microsoft.requests[0][1]).query)
    assert q["from"] == ["pt"] and q["to"] == ["en"] and q["api-version"] == ["3.0"]
    assert loopback_only == []


def test_microsoft_round_trip_of_a_run_contacts_the_server_only_for_translations(microsoft, loopback_only):
    cfg = Config(language="pt", variant="BR")
    cfg.roundtrip.backend = "microsoft"
    cfg.roundtrip.url = microsoft.url
    from mtqa.providers.translate import make_backend

    svc = TranslationService(make_backend(cfg, env={"MICROSOFT_API_KEY": KEY}), MemoryCache(), jobs=2)
    svc.signature()
    svc.require("pt", "en", "BR")
    texts = ["Uma frase.", "Outra frase.", "Uma frase."]
    forth, back = svc.round_trip(texts, "pt")
    assert back == ["[pt] [en] Uma frase.", "[pt] [en] Outra frase.", "[pt] [en] Uma frase."]
    svc.round_trip(texts, "pt")  # all from the cache now
    svc.signature()
    assert len(microsoft.requests) == 4  # 2 distinct texts, forth and back; nothing else
    assert loopback_only == []


def test_no_process_wide_patch_of_requests():
    import requests.sessions

    be = online("mymemory", "http://127.0.0.1:9/", timeout=0.2)
    with pytest.raises(TranslationFailed):
        be.translate("olá", "pt", "en")
    assert requests.sessions.Session.request.__module__ == "requests.sessions"


def test_the_rate_limit_wait_counts_in_the_budget(trickle):
    """A turn of the rate limit that would come after the budget is not waited for."""
    srv = trickle(phase="body")
    be = online("mymemory", srv.url, timeout=1.0, rate_limit=0.2, budget=1.5)  # a turn every 5 s
    be.limiter._next = time.monotonic() + 5.0  # another thread just took the current turn
    t0 = time.monotonic()
    with pytest.raises(TranslationFailed, match="no time left within 1.5 s"):
        be.translate("olá mundo", "pt", "en")
    assert time.monotonic() - t0 < 2.5 and srv.connections == 0  # not the 5 s turn
