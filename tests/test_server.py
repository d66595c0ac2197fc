"""`mtqa serve` answers LanguageTool's API: a real client nobody here wrote (language_tool_python)
gets mtqa's findings at the right offsets; limits give clear errors; nothing reads a file.
Every request goes to 127.0.0.1."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")

from mtqa.core.config import Config  # noqa: E402
from mtqa.server import Limits, Service, create_app, utf16_offsets  # noqa: E402

TEXT = "O líder norte -coreano chegou ontem , cansado.\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    def __init__(self, limits: Limits, config: Config | None = None) -> None:
        self.port = _free_port()
        app = create_app(Service(config or Config(), limits))
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            assert time.time() < deadline, "server did not start"
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def post(self, path: str, fields: dict | None = None, body: bytes | None = None, ctype: str | None = None):
        data = body if body is not None else urllib.parse.urlencode(fields or {}).encode()
        req = urllib.request.Request(self.url + path, data=data, method="POST")
        req.add_header("Content-Type", ctype or "application/x-www-form-urlencoded")
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def get(self, path: str):
        with urllib.request.urlopen(self.url + path, timeout=30) as r:
            return r.status, json.loads(r.read())


@pytest.fixture(scope="module")
def server():
    s = _Server(Limits(max_bytes=20_000, timeout=20, workers=2))
    yield s
    s.close()


def test_language_tool_python_client(server):
    language_tool_python = pytest.importorskip("language_tool_python")
    tool = language_tool_python.LanguageTool("pt-BR", remote_server=server.url)
    matches = tool.check(TEXT)
    got = [(m.rule_id, TEXT[m.offset:m.offset + m.error_length], m.replacements) for m in matches]
    assert got == [("S101", "norte -coreano", ["norte-coreano"]), ("S102", "ontem ,", ["ontem,"])]
    assert all(m.message and m.category == "SPACING_PUNCTUATION" for m in matches)
    tool.close()


def test_offsets_are_utf16_units(server):
    text = "Um emoji 😀 antes: norte -coreano.\n"
    status, out = server.post("/v2/check", {"text": text, "language": "pt-BR"})
    assert status == 200
    (m,) = [m for m in out["matches"] if m["rule"]["id"] == "S101"]
    u16 = text.encode("utf-16-le")
    assert u16[2 * m["offset"]: 2 * (m["offset"] + m["length"])].decode("utf-16-le") == "norte -coreano"
    assert m["rule"]["issueType"] == "typographical" and m["rule"]["category"]["id"] == "SPACING_PUNCTUATION"
    assert utf16_offsets("a😀b") == [0, 1, 3, 4]


def test_data_annotation_offsets_point_into_the_original(server):
    data = {"annotation": [{"markup": "<p>"}, {"text": "O líder norte -coreano chegou."}, {"markup": "</p>"}]}
    status, out = server.post("/v2/check", {"data": json.dumps(data), "language": "pt-BR"})
    original = "<p>O líder norte -coreano chegou.</p>"
    (m,) = [m for m in out["matches"] if m["rule"]["id"] == "S101"]
    assert status == 200 and original[m["offset"]:m["offset"] + m["length"]] == "norte -coreano"


def test_rules_enabled_and_disabled(server):
    _, out = server.post("/v2/check", {"text": TEXT, "language": "pt-BR", "disabledRules": "S101"})
    assert "S101" not in {m["rule"]["id"] for m in out["matches"]}
    _, out = server.post("/v2/check", {"text": TEXT, "language": "pt-BR", "enabledRules": "S102", "enabledOnly": "true"})
    assert {m["rule"]["id"] for m in out["matches"]} == {"S102"}


def test_languages_auto_and_bad_language(server):
    status, langs = server.get("/v2/languages")
    assert status == 200 and {"pt-BR", "pt-PT", "pt", "en"} <= {x["longCode"] for x in langs}
    status, out = server.post("/v2/check", {"text": TEXT, "language": "auto"})
    assert status == 200 and out["language"]["code"].startswith("pt")
    status, out = server.post("/v2/check", {"text": TEXT, "language": "xx-YY"})
    assert status == 400 and "language" in out["error"]


def test_own_endpoint_and_health(server):
    status, out = server.post("/mtqa/v1/check", body=json.dumps({"text": TEXT, "language": "pt-BR"}).encode(),
                              ctype="application/json")
    assert status == 200 and {"S101", "S102"} <= {f["code"] for f in out["findings"]}
    f = out["findings"][0]
    assert TEXT[f["start"]:f["end"]] == f["text"] and f["path"] == "<request>"
    assert server.get("/health")[1]["status"] == "ok"


def test_limits_and_bad_requests(server):
    status, out = server.post("/v2/check", {"text": "a" * 30_000, "language": "pt"})
    assert status == 413 and "limit" in out["error"]
    status, out = server.post("/v2/check", {"language": "pt"})
    assert status == 400 and "text" in out["error"]
    status, out = server.post("/v2/check", body=b"--x\r\n", ctype="multipart/form-data; boundary=x")
    assert status == 415
    status, out = server.post("/mtqa/v1/check", body=b"not json", ctype="application/json")
    assert status == 400


def test_no_request_reads_a_file(server, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("norte -coreano\n", encoding="utf-8")
    _, out = server.post("/mtqa/v1/check", body=json.dumps({"text": str(secret), "language": "pt"}).encode(),
                         ctype="application/json")
    assert out["findings"] == [] or all(f["text"] in str(secret) for f in out["findings"])


def test_timeout_is_a_503_and_the_server_stays_up():
    slow = _Server(Limits(timeout=0.001, workers=1))
    try:
        status, out = slow.post("/v2/check", {"text": TEXT * 200, "language": "pt-BR"})
        assert status == 503 and "timeout" in out["error"]
        assert slow.get("/health")[0] == 200
    finally:
        slow.close()


def test_health_answers_while_texts_are_checked(server):
    results = []
    threads = [threading.Thread(target=lambda: results.append(server.post(
        "/v2/check", {"text": TEXT * 100, "language": "pt-BR"})[0])) for _ in range(4)]
    for t in threads:
        t.start()
    t0 = time.perf_counter()
    assert server.get("/health")[0] == 200
    health_s = time.perf_counter() - t0
    for t in threads:
        t.join(60)
    assert results == [200] * 4
    assert health_s < 5, f"health took {health_s:.2f} s behind the checks"
