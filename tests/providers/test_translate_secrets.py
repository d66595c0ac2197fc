"""Credentials in ``roundtrip.url`` and in answers never reach output, signatures or the cache.

The translator here is a MyMemory-compatible server on 127.0.0.1 that echoes the request it got
(path with its query, and the Authorization header) inside every translation, as a careless or
hostile server might.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from mtqa.providers.cache import TranslationCache
from mtqa.providers.translate import (
    OnlineTranslator,
    TranslationFailed,
    TranslationService,
    redact_url,
)

PASSWORD = "pw-5e1f0c9a7b3d2e44"
QUERY_KEY = "qk-91d2c3b4a5f60718"
ENV_KEY = "env-key-3c4d5e6f7a8b9c0d"


class Echo:
    def __init__(self) -> None:
        self.status = 200
        self.requests: list[str] = []
        self.bodies: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                outer.requests.append(self.path)
                q = parse_qs(urlsplit(self.path).query)
                echo = f"{self.path} {self.headers.get('Authorization', '')}"
                text = f"{q.get('q', [''])[0]} [{echo}]"
                body = json.dumps({"responseData": {"translatedText": text}, "matches": []}).encode()
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):  # LibreTranslate: the form in the body
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                outer.requests.append(self.path)
                outer.bodies.append(raw)
                q = parse_qs(raw)
                text = f"{q.get('q', [''])[0]} [{self.path} {raw}]"
                body = json.dumps({"translatedText": text}).encode()
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        """An endpoint URL carrying a password in its userinfo and a key in its query."""
        return f"http://tester:{PASSWORD}@127.0.0.1:{self.port}/get?key={QUERY_KEY}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def echo():
    s = Echo()
    yield s
    s.close()


SECRETS = (PASSWORD, QUERY_KEY, quote(PASSWORD), "dGVzdGVyOnB3")  # the last: base64 of "tester:pw"


def leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


def test_redact_url_keeps_scheme_host_port_and_path_only():
    assert redact_url("https://u:k@h.example:8443/v2/t?auth_key=abc#x") == "https://h.example:8443/v2/t"
    assert redact_url("https://KEYKEYKEY@h.example/") == "https://h.example/"
    assert redact_url("u:k@h.example/p?key=1") == "h.example/p"
    assert redact_url("http://[::1]:5000/?k=abcdefgh") == "http://[::1]:5000/"
    assert redact_url("") == ""


def test_echoed_credentials_are_scrubbed_from_answers(echo):
    be = OnlineTranslator("mymemory", url=echo.url, timeout=2, retries=0, rate_limit=0, env={})
    out = be.translate("olá mundo", "pt", "en")
    assert "olá mundo" in out and "***" in out
    assert leaks(out) == []
    assert any(QUERY_KEY in r for r in echo.requests)  # it was sent: the server needs it
    assert leaks(be.model("pt", "en")) == [] and be.model("pt", "en").endswith(f":{echo.port}/get")


def test_environment_key_is_scrubbed_from_answers(echo):
    """LibreTranslate's key comes from the environment and goes in the form; echoed back, it is
    scrubbed like the URL's credentials."""
    be = OnlineTranslator("libre", url=echo.url, timeout=2, retries=0, rate_limit=0,
                          env={"LIBRE_API_KEY": ENV_KEY})
    out = be.translate("bom dia", "pt", "en")
    assert out.startswith("bom dia [") and ENV_KEY not in out and leaks(out) == []
    assert ENV_KEY in echo.bodies[-1]  # it was sent


def test_failure_messages_name_the_host_only(echo):
    echo.status = 500
    be = OnlineTranslator("mymemory", url=echo.url, timeout=2, retries=1, backoff=0.01,
                          rate_limit=0, env={})
    with pytest.raises(TranslationFailed) as info:
        be.translate("olá", "pt", "en")
    msg = str(info.value)
    assert f"127.0.0.1:{echo.port} answered HTTP 500" in msg
    assert leaks(msg) == [] and "tester" not in msg


def test_cache_keys_and_rows_hold_no_credentials(echo, tmp_path):
    cache = TranslationCache(tmp_path / "t.sqlite3")
    be = OnlineTranslator("mymemory", url=echo.url, timeout=2, retries=0, rate_limit=0, env={})
    svc = TranslationService(be, cache, jobs=1)
    forth, back = svc.round_trip(["Uma frase curta."], "pt")
    assert leaks(svc.signature()) == []
    cache.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert raw and [s for s in SECRETS if s.encode() in raw] == []


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github", "html", "markdown"])
def test_lint_output_signature_stderr_and_cache_hold_no_credentials(echo, tmp_path, fmt):
    """End to end: ``mtqa lint --roundtrip`` with R102 firing on every sentence, so the findings
    carry the echoed pivot translation in ``evidence.pivot``; with the text format a second run
    fails (HTTP 500) so stderr carries the translator's message."""
    (tmp_path / "mtqa.toml").write_text(
        'language = "pt"\nvariant = "BR"\n'
        "[roundtrip]\n"
        f'backend = "mymemory"\nurl = "{echo.url}"\ntimeout = 2\nretries = 0\nmin_chrf = 99\n',
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text(
        "O presidente visitou a cidade ontem e falou com os moradores da região.\n", encoding="utf-8"
    )
    cache = tmp_path / "cache"
    env = {**os.environ, "MTQA_CACHE_DIR": str(cache), "MTQA_NO_DICT_MEMO": "1"}
    cmd = [sys.executable, "-m", "mtqa", "lint", "--roundtrip", "--select", "R102", "--exit-zero",
           "--no-progress", "--config", str(tmp_path / "mtqa.toml"), "--format", fmt, str(article)]
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "R102" in run.stdout or "roundtrip-low-similarity" in run.stdout
    if fmt == "json":
        report = json.loads(run.stdout)
        (finding,) = report["findings"]
        assert "***" in finding["evidence"]["pivot"]  # the echo was there, its secrets were not
        assert report["signature"]["translator"].startswith("mymemory@http://127.0.0.1:")
    assert leaks(run.stdout) == [] and leaks(run.stderr) == []
    raw = b"".join(p.read_bytes() for p in cache.rglob("*") if p.is_file())
    assert raw and [s for s in SECRETS if s.encode() in raw] == []

    if fmt != "text":
        return  # the failing run's stderr does not depend on the format
    echo.status = 500
    article.write_text("Outra frase, que ainda não está no cache de traduções.\n", encoding="utf-8")
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert "HTTP 500" in run.stderr and f"127.0.0.1:{echo.port}" in run.stderr
    assert leaks(run.stdout) == [] and leaks(run.stderr) == [] and "tester" not in run.stderr


def test_rows_an_older_version_stored_are_scrubbed_when_read_and_shown(echo, tmp_path, monkeypatch):
    """A cache filled before answers were scrubbed (and model names redacted) leaks nothing:
    cached answers are scrubbed when read, and ``mtqa cache stats`` redacts the model column."""
    from click.testing import CliRunner

    from mtqa.cli.cache import cache as cache_cmd

    cache = TranslationCache(tmp_path / "translations.sqlite3")
    be = OnlineTranslator("mymemory", url=echo.url, timeout=2, retries=0, rate_limit=0, env={})
    cache.put_many(be.name, be.model("pt", "en"), "pt", "en", [("Olá.", f"Hello. [key={QUERY_KEY}]")])
    cache.put_many(be.name, echo.url, "pt", "en", [("Olá.", "Hello.")])  # the old model name
    svc = TranslationService(be, cache, jobs=1)
    (out,) = svc.translate(["Olá."], "pt", "en")
    assert out == "Hello. [key=***]" and echo.requests == []
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path))
    res = CliRunner().invoke(cache_cmd, ["stats", "--json", "--isolated"])
    assert res.exit_code == 0 and f"127.0.0.1:{echo.port}/get" in res.output
    assert leaks(res.output) == []
