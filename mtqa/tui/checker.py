"""The review's checking process: every document is checked, and every round trip runs, in a
child process, so the UI's process never spends its interpreter lock on checking.

Checking is pure Python that holds the GIL: in a thread beside the UI, the first document's cold
check (word lists, glossary patterns, ~0.9 s of CPU) shared one interpreter with Textual's start,
and a round trip's scoring and model loading stalled the event loop for up to a second. The child
is forked when the app is built, before Textual starts and before any thread exists, so it starts
on the first document at once on another core, inherits the session (and any engines a test
injected), and talks to the UI over a pipe: requests go down (check this document next, round-trip
this text, stop), results come up and a reader thread in the UI's process, blocked in ``recv``
without the GIL, hands each one to a callback.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mtqa.core.errors import MtqaError, ProviderUnavailable
from mtqa.core.model import Document, Finding


@dataclass
class Checked:
    """Document ``index`` as the child checked it (``error`` when it could not be read)."""

    index: int
    doc: Document | None
    unmerged: list[Finding] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    #: The explanation of each check that reported here (the detail pane shows it; importing
    #: every check in the UI's process to read them cost it a quarter of a second).
    docs: dict[str, str] = field(default_factory=dict)


def check_docs(findings: list[Finding]) -> dict[str, str]:
    from mtqa.checks import get_check

    out = {}
    for f in findings:
        for code in (f.code, *(getattr(f, "also", None) or ())):
            if code not in out:
                c = get_check(code)
                out[code] = c.docs if c is not None else None
    return out


@dataclass
class RoundTripped:
    """The round trip ``request`` of document ``index``: its findings and the round-trip codes
    (so the UI replaces exactly those), or why it could not run."""

    request: int
    index: int
    findings: list[Finding] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    error: str | None = None
    docs: dict[str, str] = field(default_factory=dict)


@dataclass
class Progress:
    request: int
    done: int
    total: int


class Checker:
    """The child process and the UI-side end of its pipe."""

    def __init__(self, session, roundtrip: Callable[[Document, Callable[[int, int], None]],
                                                    tuple[list[Finding], list[str]]]) -> None:
        self.session = session
        self._roundtrip = roundtrip
        self._conn = None
        self._proc = None
        self._reader: threading.Thread | None = None
        self._send_lock = threading.Lock()
        self._requests = 0
        self.on_result: Callable[[Any], None] = lambda result: None

    # --- the UI's side --------------------------------------------------------------------------

    def start(self, first: int = 0) -> None:
        """Fork the child; it checks document ``first`` first, then the others in order."""
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=self._serve, args=(child, first), daemon=True,
                                 name="mtqa-review-checker")
        self._proc.start()
        child.close()
        self._conn = parent

    def listen(self, on_result: Callable[[Any], None]) -> None:
        """Hand every result to ``on_result`` (called from a reader thread)."""
        self.on_result = on_result
        self._reader = threading.Thread(target=self._read, daemon=True, name="mtqa-review-reader")
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                result = self._conn.recv()
            except (EOFError, OSError):
                return
            self.on_result(result)

    def _send(self, msg: tuple) -> None:
        if self._conn is None:
            return
        with self._send_lock:
            try:
                self._conn.send(msg)
            except (BrokenPipeError, OSError):
                pass

    def prioritize(self, index: int) -> None:
        """Check document ``index`` next (when it is not checked yet)."""
        self._send(("first", index))

    def roundtrip(self, index: int, doc: Document) -> int:
        """Round-trip ``doc`` (document ``index`` as the UI has it now); returns the request id
        its :class:`Progress` and :class:`RoundTripped` carry."""
        self._requests += 1
        self._send(("roundtrip", self._requests, index,
                    Document(doc.path, doc.text, encoding=doc.encoding)))
        return self._requests

    def reload_glossary(self, first: int = 0) -> None:
        """Have the checking process read the glossaries again and check every document again,
        ``first`` first (each comes back as a new :class:`Checked`)."""
        self._send(("reload", first))

    def stop(self) -> None:
        self._send(("stop",))
        if self._proc is not None:
            self._proc.join(timeout=2)
            if self._proc.is_alive():
                self._proc.terminate()
                self._proc.join(timeout=2)
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # --- the child's side -----------------------------------------------------------------------

    def _serve(self, conn, first: int) -> None:
        # the terminal belongs to the UI: nothing the checks print may land on it
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        session = self.session
        send_lock = threading.Lock()

        def send(msg) -> None:
            with send_lock:
                conn.send(msg)

        order = deque(range(len(session.docs)))
        if 0 <= first < len(order):
            order.remove(first)
            order.appendleft(first)
        cond = threading.Condition()
        stopping = threading.Event()
        jobs: queue.Queue = queue.Queue()

        def loader() -> None:
            from mtqa.core import recache

            session.engine.warm()  # word lists load in native code while the rest builds
            saved = False
            while not stopping.is_set():
                with cond:
                    if not order:
                        return
                    i = order.popleft()
                st = session.ensure(i)
                send(Checked(i, st.doc, st.unmerged, st.findings, st.error,
                             check_docs(st.findings)))
                if not saved:  # this process ends without atexit: keep the compiled patterns now
                    recache.save()
                    saved = True

        def roundtrips() -> None:
            while True:
                job = jobs.get()
                if job is None:
                    return
                request, index, doc = job

                def progress(done: int, total: int, request=request) -> None:
                    send(Progress(request, done, total))

                try:
                    findings, codes = self._roundtrip(doc, progress)
                except ProviderUnavailable as exc:
                    send(RoundTripped(request, index, error=f"translator unavailable: {exc}"))
                except MtqaError as exc:
                    send(RoundTripped(request, index, error=str(exc)))
                except Exception as exc:  # noqa: BLE001 - report it, keep the child serving
                    send(RoundTripped(request, index, error=f"internal error: {exc!r}"))
                else:
                    send(RoundTripped(request, index, findings, codes, docs=check_docs(findings)))

        threads = [threading.Thread(target=loader, daemon=True),
                   threading.Thread(target=roundtrips, daemon=True)]
        for t in threads:
            t.start()
        loading = threads[0]
        try:
            while True:
                try:
                    msg = conn.recv()
                except (EOFError, OSError):
                    break
                if msg[0] == "stop":
                    break
                if msg[0] == "first":
                    with cond:
                        if msg[1] in order:
                            order.remove(msg[1])
                            order.appendleft(msg[1])
                elif msg[0] == "roundtrip":
                    jobs.put(msg[1:])
                elif msg[0] == "reload":
                    # an entry was added to a glossary: read them again, check everything again
                    with cond:
                        session.reload_glossary()
                        order.clear()
                        order.extend(range(len(session.docs)))
                        if msg[1] in order:
                            order.remove(msg[1])
                            order.appendleft(msg[1])
                    if not loading.is_alive():
                        loading = threading.Thread(target=loader, daemon=True)
                        loading.start()
        finally:
            stopping.set()
            jobs.put(None)
            try:  # the word-list answers learnt here serve the next start
                from mtqa.providers.dictionary import answer_memo

                memo = answer_memo()
                if memo is not None:
                    memo.save()
            except Exception:  # noqa: BLE001, S110 - leaving anyway
                pass
            os._exit(0)
