"""``mtqa serve``: mtqa over HTTP, speaking LanguageTool's API so that its clients (editor
extensions, browser add-ons, ``language_tool_python``) reach mtqa unchanged.

Endpoints:

- ``POST /v2/check`` (LanguageTool): form fields ``text`` or ``data`` (JSON annotation: text and
  markup parts), ``language`` (``pt-BR``, ``pt``, ``auto``...), ``enabledRules``,
  ``disabledRules`` (mtqa codes, prefixes or check names), ``enabledOnly``. Matches carry
  ``offset``/``length`` in UTF-16 code units, as LanguageTool's Java server counts them.
- ``GET /v2/languages`` (LanguageTool).
- ``POST /mtqa/v1/check``: JSON ``{"text": ..., "language": ...}`` -> mtqa's own findings (the
  objects of ``mtqa lint --format json``).
- ``GET /health``.

The engine loads once per worker; requests run in worker threads, so the event loop keeps
answering while texts are checked. Body size, check time and the number of waiting requests are
limited, with a JSON error naming the limit. Nothing a request sends is a path: no request can
make the server read a file (the server's configuration never loads a baseline or review file).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import queue
import threading
import time
import urllib.parse
from typing import Any

from mtqa import __version__
from mtqa.api import Checker
from mtqa.core.config import LANGUAGES, Config, parse_language
from mtqa.core.errors import ConfigError
from mtqa.core.model import CATEGORIES, Finding

#: LanguageTool's issue types (ITS 2.0 localization quality issue types) for mtqa's categories.
ISSUE_TYPES: dict[str, str] = {
    "untranslated_fragment": "untranslated",
    "boilerplate": "non-conformance",
    "repetition": "duplication",
    "agreement": "grammar",
    "false_friend": "mistranslation",
    "calque": "style",
    "orthography": "misspelling",
    "spacing_punctuation": "typographical",
    "capitalization": "typographical",
    "truncation": "omission",
    "word_order": "grammar",
    "mistranslation": "mistranslation",
    "inconsistency": "inconsistency",
    "omission": "omission",
    "addition": "addition",
    "quality": "uncategorized",
    "meta": "uncategorized",
}
assert set(ISSUE_TYPES) == set(CATEGORIES), "every category needs an issue type"

_NAMES = {"pt": "Portuguese", "en": "English", "es": "Spanish", "it": "Italian"}
_VARIANT_NAMES = {"BR": "Brazil", "PT": "Portugal"}


@dataclasses.dataclass
class Limits:
    """What one request may cost."""

    #: Largest request body, in bytes.
    max_bytes: int = 1_000_000
    #: Seconds a check may take before the request is answered with 503.
    timeout: float = 30.0
    #: Requests checked at once (one engine each).
    workers: int = 2
    #: Requests waiting for a worker before new ones are refused with 503.
    max_waiting: int = 16


class HTTPError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def languages() -> list[dict[str, str]]:
    """LanguageTool's ``/v2/languages`` answer for the languages mtqa checks."""
    out = []
    for code, variants in LANGUAGES.items():
        name = _NAMES.get(code, code)
        out.append({"name": name, "code": code, "longCode": code})
        for v in variants:
            out.append({"name": f"{name} ({_VARIANT_NAMES.get(v, v)})", "code": code, "longCode": f"{code}-{v}"})
    return out


def utf16_offsets(text: str) -> list[int]:
    """``out[i]`` = UTF-16 code units before Python index ``i`` (``len(out) == len(text) + 1``)."""
    out = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        out[i] = n
        n += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = n
    return out


def _annotation(data: str) -> tuple[str, str, list[int]]:
    """LanguageTool's ``data`` field -> (original with markup, text to check, index map).

    Markup parts are checked as their ``interpretAs`` (or nothing); ``index[i]`` is the position
    in the original of character ``i`` of the checked text, so offsets go back to the original.
    """
    try:
        parts = json.loads(data)["annotation"]
        if not isinstance(parts, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise HTTPError(400, "data must be JSON like {\"annotation\": [{\"text\": ...}, {\"markup\": ...}]}") from None
    original: list[str] = []
    checked: list[str] = []
    index: list[int] = []
    pos = 0
    for part in parts:
        if not isinstance(part, dict) or not ({"text", "markup"} & set(part)):
            raise HTTPError(400, "each annotation part needs 'text' or 'markup'")
        if "text" in part:
            t = str(part["text"])
            checked.append(t)
            index.extend(range(pos, pos + len(t)))
        else:
            t = str(part["markup"])
            shown = str(part.get("interpretAs", ""))
            checked.append(shown)
            index.extend([pos] * len(shown))
        original.append(t)
        pos += len(t)
    index.append(pos)
    return "".join(original), "".join(checked), index


class Service:
    """The checkers (one per worker) and the request limits: the part that is not HTTP."""

    def __init__(self, config: Config | None = None, limits: Limits | None = None) -> None:
        base = dataclasses.replace(config) if config is not None else Config()
        # A request must never make the server read a file.
        base.baseline = ""
        base.review_file = ""
        self.config = base
        self.limits = limits or Limits()
        self._pool: queue.Queue[Checker] = queue.Queue()
        for _ in range(max(1, self.limits.workers)):
            self._pool.put(Checker(config=dataclasses.replace(base)))
        self._waiting = 0
        self._waiting_lock = threading.Lock()
        self.started = time.time()

    def _codes(self, checker: Checker, enabled: list[str], disabled: list[str], only: bool) -> set[str] | None:
        """Codes allowed for this request (None = all the checker runs)."""
        if not enabled and not disabled:
            return None
        from mtqa.engine.select import matches

        checks = checker.engine.checks
        chosen = {c.code for c in checks if any(matches(c, x) for x in enabled)} if only else {c.code for c in checks}
        chosen -= {c.code for c in checks if any(matches(c, x) for x in disabled)}
        return chosen

    def check(self, text: str, language: str, enabled: list[str] = (), disabled: list[str] = (),
              only: bool = False) -> tuple[list[Finding], dict[str, Any]]:
        """Findings of ``text`` (blocking; called in a worker thread)."""
        lang = "" if language.strip().lower() in ("", "auto") else language
        try:
            lang, variant = parse_language(lang, "", "language")
        except ConfigError as exc:
            raise HTTPError(400, exc.message) from None
        checker = self._pool.get()
        try:
            doc = checker.document(text, path="<request>", language=lang or None, variant=variant or None)
            findings = checker.check_document(doc)
            allowed = self._codes(checker, list(enabled), list(disabled), only)
            if allowed is not None:
                findings = [f for f in findings if f.code in allowed]
            sentences = {}
            for f in findings:
                seg = next((s for s in doc.sentences if s.start <= f.start < max(s.end, s.start + 1)), None)
                sentences[id(f)] = seg.text if seg is not None else text[f.start:f.end]
        finally:
            self._pool.put(checker)
        return findings, {"language": doc.language or "", "variant": doc.variant or "", "sentences": sentences}

    async def run(self, fn, *args):
        """Run ``fn`` in a thread within the time limit, refusing when too many wait."""
        with self._waiting_lock:
            if self._waiting >= self.limits.max_waiting + self.limits.workers:
                raise HTTPError(503, f"busy: {self._waiting} requests in progress (limit "
                                     f"{self.limits.max_waiting + self.limits.workers}); try again")
            self._waiting += 1
        try:
            return await asyncio.wait_for(asyncio.to_thread(fn, *args), self.limits.timeout)
        except TimeoutError:
            raise HTTPError(503, f"the check took longer than {self.limits.timeout:g} s (server timeout)") from None
        finally:
            with self._waiting_lock:
                self._waiting -= 1


def lt_match(f: Finding, original: str, index: list[int] | None, u16: list[int], sentence: str) -> dict[str, Any]:
    """One LanguageTool match for a finding (offsets in UTF-16 units of the original text)."""
    start = index[f.start] if index else f.start
    end = index[f.end] if index else f.end
    if index and f.end > f.start:
        end = index[f.end - 1] + 1
    ctx_from, ctx_to = max(0, start - 40), min(len(original), end + 40)
    context = original[ctx_from:ctx_to]
    return {
        "message": f.message,
        "shortMessage": f.name.replace("-", " "),
        "replacements": [] if f.suggestion is None else [{"value": f.suggestion}],
        "offset": u16[start],
        "length": u16[end] - u16[start],
        "context": {"text": context, "offset": u16[start] - u16[ctx_from], "length": u16[end] - u16[start]},
        "sentence": sentence,
        "type": {"typeName": "Other"},
        "rule": {
            "id": f.code,
            "subId": f.name,
            "description": f.name.replace("-", " "),
            "issueType": ISSUE_TYPES.get(f.category, "uncategorized"),
            "category": {"id": f.category.upper(), "name": CATEGORIES.get(f.category, f.category)},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def create_app(service: Service):
    """The Starlette application around ``service``."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def body_of(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > service.limits.max_bytes:
            raise HTTPError(413, f"request body of {int(declared):,} bytes is over the limit of "
                                 f"{service.limits.max_bytes:,} (--max-bytes)")
        chunks, n = [], 0
        async for chunk in request.stream():
            n += len(chunk)
            if n > service.limits.max_bytes:
                raise HTTPError(413, f"request body is over the limit of {service.limits.max_bytes:,} bytes (--max-bytes)")
            chunks.append(chunk)
        return b"".join(chunks)

    async def form_of(request: Request) -> dict[str, str]:
        body = await body_of(request)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if request.method == "GET":
            return dict(request.query_params)
        if ctype not in ("", "application/x-www-form-urlencoded"):
            raise HTTPError(415, f"send the fields as application/x-www-form-urlencoded, not {ctype}")
        try:
            pairs = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError:
            raise HTTPError(400, "the request body is not UTF-8") from None
        return dict(pairs)

    def error(exc: HTTPError) -> JSONResponse:
        return JSONResponse({"error": exc.message, "status": exc.status}, status_code=exc.status)

    async def v2_check(request: Request):
        try:
            form = await form_of(request)
            if "text" in form:
                original, text, index = form["text"], form["text"], None
            elif "data" in form:
                original, text, index = _annotation(form["data"])
            else:
                raise HTTPError(400, "missing 'text' or 'data'")
            language = form.get("language", "auto")
            only = form.get("enabledOnly", "false").lower() == "true"
            if not text.strip():
                findings, info = [], {"language": "", "variant": ""}
            else:
                findings, info = await service.run(service.check, text, language, _split(form.get("enabledRules")),
                                                   _split(form.get("disabledRules")), only)
        except HTTPError as exc:
            return error(exc)
        u16 = utf16_offsets(original)
        sentences = info.get("sentences", {})
        matches = [lt_match(f, original, index, u16, sentences.get(id(f), "")) for f in findings]
        code = info["language"] or (language if language != "auto" else "")
        long = code + (f"-{info['variant']}" if info.get("variant") else "")
        lang = {"name": _NAMES.get(code, code or "auto"), "code": long or "auto"}
        return JSONResponse({
            "software": {"name": "mtqa", "version": __version__, "buildDate": None, "apiVersion": 1,
                         "premium": False, "status": ""},
            "language": {**lang, "detectedLanguage": {**lang, "confidence": 1.0}},
            "matches": matches,
        })

    async def v2_languages(request: Request):
        return JSONResponse(languages())

    async def mtqa_check(request: Request):
        try:
            body = await body_of(request)
            try:
                payload = json.loads(body.decode("utf-8") or "{}")
            except (ValueError, UnicodeDecodeError):
                raise HTTPError(400, "the body must be JSON: {\"text\": ..., \"language\": ...}") from None
            if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
                raise HTTPError(400, "the body must be a JSON object with a string 'text'")
            language = str(payload.get("language") or "auto")
            select = [str(x) for x in payload.get("select", [])] if isinstance(payload.get("select"), list) else []
            ignore = [str(x) for x in payload.get("ignore", [])] if isinstance(payload.get("ignore"), list) else []
            if payload["text"].strip():
                findings, info = await service.run(service.check, payload["text"], language, select, ignore, bool(select))
            else:
                findings, info = [], {"language": "", "variant": ""}
        except HTTPError as exc:
            return error(exc)
        return JSONResponse({"version": 1, "mtqa": __version__, "language": info["language"],
                             "variant": info["variant"], "findings": [f.to_dict() for f in findings]})

    async def health(request: Request):
        return JSONResponse({"status": "ok", "mtqa": __version__, "workers": service.limits.workers,
                             "uptime_s": round(time.time() - service.started, 1)})

    return Starlette(routes=[
        Route("/v2/check", v2_check, methods=["POST", "GET"]),
        Route("/v2/languages", v2_languages, methods=["GET"]),
        Route("/mtqa/v1/check", mtqa_check, methods=["POST"]),
        Route("/health", health, methods=["GET"]),
    ])


def serve(config: Config, host: str = "127.0.0.1", port: int = 8081, limits: Limits | None = None,
          log_level: str = "warning") -> None:
    """Run the server until interrupted."""
    import uvicorn

    app = create_app(Service(config, limits))
    uvicorn.run(app, host=host, port=port, log_level=log_level,
                limit_concurrency=(limits or Limits()).max_waiting * 4 + 8)
