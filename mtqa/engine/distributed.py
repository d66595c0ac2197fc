"""Checking an archive on a Dask cluster: the same findings, in the same order, as a local run.

The client walks the paths and reads the files a chunk at a time (so workers need no shared
file system, and at most ``in_flight`` chunks are in memory); each worker builds the engine once
per configuration and checks the chunks it is given, suppressions included; the client yields
the documents back in the order a local run checks them, as soon as each is ready.
``mtqa lint --scheduler ADDRESS`` and :func:`run_distributed` are the ways in; ``--format jsonl``
streams one document a line so that an archive never has to fit in memory.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtqa.core.config import Config
from mtqa.core.errors import InputError
from mtqa.core.model import Document, Finding
from mtqa.engine.files import Source, expand

#: Files per task: enough to amortise a task's overhead, small enough to balance the workers.
CHUNK = 16

#: Engines already built in this (worker) process, by configuration digest.
_ENGINES: dict[str, Any] = {}


@dataclass
class Checked:
    """One document's outcome, as a worker returns it."""

    path: str
    document: Document | None
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    notes: list[tuple[str, str, str]] = field(default_factory=list)


def _digest(config: Config) -> str:
    """A stable hash of the configuration: its values as JSON with sorted keys (the same
    configuration gives the same engine whatever order its tables were read in)."""
    text = json.dumps(config.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _engine(config: Config):
    """The worker's engine for this configuration, built once per process."""
    from mtqa.engine.runner import Engine

    key = _digest(config)
    eng = _ENGINES.get(key)
    if eng is None:
        eng = _ENGINES[key] = Engine(config)
    return eng


def check_chunk(items: list[tuple], config: Config, baseline: dict,
                dismissed: set[str], keep_text: bool) -> list[Checked]:
    """The pure task a worker runs: (display path, file bytes or read error[, key]) -> outcomes.

    The key (the path relative to the project root that fingerprints use) is worked out on the
    client, whose folders are the ones the paths were typed in; a worker has its own."""
    from mtqa.core.text import load_document
    from mtqa.engine.runner import postprocess

    eng = _engine(config)
    out: list[Checked] = []
    for display, data, *rest in items:
        if isinstance(data, InputError):
            out.append(Checked(display, None, errors=[data]))
            continue
        try:
            doc = load_document(display, display=display, data=data, encoding=config.encoding,
                                max_bytes=config.max_file_size)
        except InputError as exc:
            out.append(Checked(display, None, errors=[exc]))
            continue
        if rest:
            doc.key = rest[0]
        failed, noted = len(eng.failures), len(eng.not_run)
        try:
            findings = eng.check_document(doc)
        except InputError as exc:
            out.append(Checked(display, None, errors=[exc]))
            continue
        postprocess(doc, findings, config, baseline, dismissed)
        for cached in ("lines", "paragraphs", "sentences", "_line_starts"):
            doc.__dict__.pop(cached, None)
        if not keep_text:
            doc.text = ""
        out.append(Checked(
            display, doc,
            findings=[f for f in findings if not f.suppressed_by],
            suppressed=[f for f in findings if f.suppressed_by],
            errors=list(eng.failures[failed:]), skipped=dict(eng.skipped),
            notes=list(eng.not_run[noted:]),
        ))
    return out


def _read(src: Source, config: Config) -> tuple[str, bytes | InputError]:
    """A file's bytes, read on the client with the same refusals as a local run."""
    import stat

    try:
        st = src.path.stat()
        if not stat.S_ISREG(st.st_mode):
            return src.display, InputError(src.display, "not a regular file (a pipe, socket or device); not read")
        if st.st_size > config.max_file_size:
            return src.display, InputError(
                src.display, f"file is {st.st_size:,} bytes, over the limit of {config.max_file_size:,} (max_file_size)")
        with src.path.open("rb") as fh:
            return src.display, fh.read(config.max_file_size + 1)
    except OSError as exc:
        return src.display, InputError(src.display, f"cannot read: {exc.strerror or exc}")


def run_distributed(paths: Sequence[str], config: Config, scheduler: Any, *, chunk: int = CHUNK,
                    in_flight: int | None = None, keep_text: bool = True,
                    baseline: dict | None = None, dismissed: set[str] | None = None) -> Iterator[Checked]:
    """Check ``paths`` on the Dask cluster at ``scheduler`` (an address such as
    ``tcp://127.0.0.1:8786``, or a ``distributed.Client``) and yield each document's outcome in
    the order of a local run. Missing paths come first, as errors."""
    from distributed import Client

    from mtqa.core.project import Keys

    sources, missing = expand(paths, config.include, config.exclude,
                              gitignore=config.respect_gitignore)
    keys = Keys(config)
    for m in missing:
        yield Checked(m, None, errors=[InputError(m, "no such file or directory")])
    if any(s.path is None for s in sources):
        raise InputError("-", "standard input cannot be sent to a cluster; name files instead")
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    own = client is not scheduler
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        limit = in_flight or 2 * workers
        chunks = [sources[i : i + chunk] for i in range(0, len(sources), chunk)]
        cfg_future = client.scatter(config, broadcast=True)
        pending: deque = deque()
        next_chunk = 0

        def submit() -> None:
            nonlocal next_chunk
            items = [(*_read(s, config), keys.key(s.display)) for s in chunks[next_chunk]]
            pending.append(client.submit(check_chunk, items, cfg_future, baseline or {}, dismissed or set(),
                                         keep_text, pure=False))
            next_chunk += 1

        while next_chunk < len(chunks) and len(pending) < limit:
            submit()
        while pending:
            outcomes = pending.popleft().result()
            if next_chunk < len(chunks):
                submit()
            yield from outcomes
    finally:
        if own:
            client.close()
