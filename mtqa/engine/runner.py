"""Run checks over documents.

``run()`` loads every input (a bad file becomes an error entry, never an exception that stops the
others), runs the selected checks, turns hits into findings with positions and fingerprints, and
applies suppressions. Providers start lazily and once; a check whose provider is unavailable is
skipped and the reason is reported once.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mtqa.checks import Check, CheckContext
from mtqa.core.config import Config
from mtqa.core.errors import DocumentSkipped, InputError, MtqaError, ProviderUnavailable
from mtqa.core.model import Document, Finding, Severity
from mtqa.core.project import Keys
from mtqa.core.review import load_decisions
from mtqa.core.text import load_document
from mtqa.engine import fingerprint, readers, suppress
from mtqa.engine.files import Source, expand, unread_folders
from mtqa.engine.select import select_checks, validate_selectors
from mtqa.providers import Providers

Progress = Callable[[int, int, str], None]

#: At most this many findings of one check in one document: past it the text is junk (a
#: megabyte of one-word lines, a run of ' , '), not an article, and more findings say nothing
#: new. The check stops there, the findings it made are kept, and a note names the document.
MAX_FINDINGS_PER_CHECK = 1000
CAPPED_NOTE = f"on the rest of the document, after {MAX_FINDINGS_PER_CHECK:,} findings (junk input?)"


@dataclass
class Result:
    documents: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # reported (not suppressed)
    suppressed: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    #: Checks skipped, with the reason (provider unavailable).
    skipped: dict[str, str] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    #: Provenance of the run: versions and options, sacrebleu-style.
    signature: dict[str, str] = field(default_factory=dict)
    #: Checks that could not run on one document: (path, code, reason); see DocumentSkipped.
    notes: list[tuple[str, str, str]] = field(default_factory=list)
    #: Codes that ran on at least one document.
    ran: set[str] = field(default_factory=set)
    #: Per document language ("" when none was settled): the selected checks that were not run
    #: on its documents because they check other languages only, and how many documents.
    not_applicable: dict[str, tuple[set[str], int]] = field(default_factory=dict)
    seconds: float = 0.0

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


class Engine:
    """Checks and providers chosen once, reused for every document."""

    def __init__(
        self,
        config: Config,
        *,
        checks: Sequence[Check] | None = None,
        providers: Providers | None = None,
    ) -> None:
        self.config = config
        if checks is None:
            validate_selectors([*config.select, *config.extend_select, *config.ignore], config.source)
            checks = select_checks(config.select, config.ignore, config.extend_select)
        self.checks = list(checks)
        #: M001 runs after the other checks, on their findings and on the file's own text
        #: (inline comments are markup a reader drops from the prose; mtqa.checks.meta).
        self._meta = next((c for c in self.checks if c.code == "M001"), None)
        self.providers = providers or Providers(config)
        if self.providers.built("aligner") is None:
            # The source-aware checks (A1xx) align a PO or XLIFF file with its own units' sources
            # when no source file is given; `mtqa lint --source` sets an aligner that pairs files.
            from mtqa.engine.align import Aligner

            self.providers.set("aligner", Aligner(config).bind(self.providers))
        self.ctx = CheckContext(config, self.providers)
        self.skipped: dict[str, str] = {}
        #: Checks that could not run on one document, (path, code, reason), and the codes that
        #: ran on at least one document.
        self.not_run: list[tuple[str, str, str]] = []
        self.ran: set[str] = set()
        #: Language -> (checks not run for it, documents of it); see Result.not_applicable.
        self.not_applicable: dict[str, tuple[set[str], int]] = {}
        #: Unexpected check failures, one per (document, check); reported as errors.
        self.failures: list[InputError] = []
        self._ready: list[Check] | None = None
        self._ready_lock = threading.Lock()
        self._severity = {k.upper(): Severity.parse(v) for k, v in config.severity.items()}
        self.keys = Keys(config)

    def ready_checks(self) -> list[Check]:
        """The checks whose providers can run; the others are recorded in ``skipped``.

        Providers still loading in the background are not waited for here: checks that need
        them come last, and one that turns out unavailable is skipped when it runs.
        """
        with self._ready_lock:
            if self._ready is None:
                self._ready = self._resolve_checks()
        return self._ready

    def warm(self) -> None:
        """Start loading the word lists the checks need, in the background: they load in native
        code without the GIL, while the rest loads (``mtqa review`` calls this as it starts)."""
        self.providers.prefetch(n for c in self.checks for n in c.needs if n == "dictionary")

    def _resolve_checks(self) -> list[Check]:
        self.warm()
        ready, later = [], []
        for c in self.checks:
            waiting = [n for n in c.needs if self.providers.loading(n)]
            reason = next(
                (r for r in (self.providers.unavailable(n) for n in c.needs if n not in waiting) if r),
                None,
            )
            if reason:
                self.skipped[c.code] = reason
            else:
                (later if waiting else ready).append(c)
        return ready + later

    def prepare(self, doc: Document) -> None:
        """Settle the document's target language: configured, or detected when not configured."""
        if self.config.language:
            doc.language = doc.language or self.config.language
            doc.variant = doc.variant or self.config.variant or None
        try:
            langid = self.providers.get("langid")
        except ProviderUnavailable:
            return
        annotate = getattr(langid, "annotate_document", None)
        if annotate is not None:
            annotate(doc, self.config)

    def check_document(self, doc: Document) -> list[Finding]:
        """All findings of one document (suppressions not yet applied).

        A check that fails unexpectedly loses only its own findings on this document: the
        failure is recorded in ``failures`` (reported as an error naming file and check) and the
        other checks and documents still run.
        """
        if doc.key is None:
            doc.key = self.keys.key(doc.path)
        # A file with markup is checked on its prose (mtqa.engine.readers); findings are mapped
        # back to the file in finding(). Plain text is its own prose.
        prose = readers.attach(doc)
        try:
            self.prepare(prose)
        except MtqaError:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the other files
            self.failures.append(InputError(doc.path, f"internal error while detecting the language: {exc!r}"))
        if prose is not doc:
            doc.language, doc.variant = prose.language, prose.variant
        out: list[Finding] = []
        skipped_here: set[str] | None = None
        ready = self.ready_checks()
        self._expect(prose, ready)
        for c in ready:
            if c is self._meta:
                continue
            if not c.applies_to(prose.language):
                if skipped_here is None:
                    lang = prose.language or ""
                    codes, n = self.not_applicable.get(lang, (set(), 0))
                    self.not_applicable[lang] = (codes, n + 1)
                    skipped_here = codes
                skipped_here.add(c.code)
                continue
            try:
                for n in c.needs:
                    self.providers.get(n)
                hits = c.run(prose, self.ctx, MAX_FINDINGS_PER_CHECK + 1)
                if len(hits) > MAX_FINDINGS_PER_CHECK:
                    del hits[MAX_FINDINGS_PER_CHECK:]
                    self.not_run.append((doc.path, c.code, CAPPED_NOTE))
                found = [self.finding(doc, c, h) for h in hits]
            except DocumentSkipped as exc:
                self.not_run.append((doc.path, c.code, str(exc)))
                continue
            except ProviderUnavailable as exc:
                self.skipped[c.code] = str(exc)
                continue
            except Exception as exc:  # noqa: BLE001 - a bug in one check must not stop the run
                self.failures.append(
                    InputError(doc.path, f"internal error in check {c.code} ({c.name}): {exc!r}")
                )
                continue
            self.ran.add(c.code)
            out.extend(found)
        if self._meta is not None and "mtqa:" in doc.text:
            # M001 reads the findings of the other checks: it runs last, on them.
            self.ctx.document_findings = out
            try:
                found = [self.finding(doc, self._meta, h, on_file=True)
                         for h in self._meta.run(doc, self.ctx, MAX_FINDINGS_PER_CHECK)]
                self.ran.add(self._meta.code)
                out.extend(found)
            finally:
                self.ctx.document_findings = None
        out.sort(key=Finding.sort_key)
        fingerprint.assign(doc, out)
        return out

    def _expect(self, prose: Document, ready: list[Check]) -> None:
        """Tell the dictionary which text comes next: it starts loading the document's word list
        in the background unless its answer memo holds the text's words already (a text checked
        before then never loads hunspell; mtqa.providers.dictionary)."""
        if not prose.language or not any("dictionary" in c.needs for c in ready):
            return
        try:
            expect = getattr(self.providers.get("dictionary"), "expect", None)
        except ProviderUnavailable:
            return
        if expect is not None:
            expect(prose.text, prose.language, prose.variant)

    def finding(self, doc: Document, c: Check, h, on_file: bool = False) -> Finding:
        """A finding of ``h``, made on ``doc``'s prose, at its span of the file ``doc``.

        For plain text the prose is the file. Otherwise the span is mapped back
        (:class:`~mtqa.core.model.OffsetMap`): a span that crosses dropped markup covers it in
        the file, and a suggestion is kept only where writing it over the file's span is the
        same edit as over the prose's (the span is a copy, and the suggestion holds nothing the
        format would read as markup); otherwise it moves to ``evidence["prose_suggestion"]``.
        """
        start, end, suggestion, evidence = h.start, h.end, h.suggestion, h.evidence
        prose = None if on_file else doc.prose
        seen = doc.text[start:end] if prose is None else prose.text[start:end]
        if prose is not None and prose.offsets is not None:
            start, end = prose.offsets.span(h.start, h.end)
            if suggestion is not None and (doc.text[start:end] != seen
                                           or any(ch in prose.unsafe for ch in suggestion)):
                evidence = {**(evidence or {}), "prose_suggestion": suggestion}
                suggestion = None
        text = doc.text[start:end]
        line, col = doc.position(start)
        end_line, end_col = doc.position(end)
        sev = self._severity.get(c.code) or h.severity or c.severity
        return Finding(
            path=doc.path,
            code=c.code,
            name=c.name,
            category=c.category,
            severity=sev,
            message=c.format_message(h, seen),
            start=start,
            end=end,
            text=text,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            suggestion=suggestion,
            evidence=evidence,
        )


def load_sources(
    sources: Iterable[Source], config: Config, stdin: bytes | None = None
) -> Iterable[Document | InputError]:
    """One Document (or the error that kept it from being read) per source. A file whose format
    has a reader (Markdown, HTML, PO, XLIFF) is read into its prose here, so a file its reader
    refuses is an input error like an unreadable one."""
    for src in sources:
        try:
            if src.path is None:
                data = stdin if stdin is not None else sys.stdin.buffer.read()
                doc = load_document(
                    "<stdin>", display=src.display, data=data, encoding=config.encoding,
                    max_bytes=config.max_file_size,
                )
            else:
                doc = load_document(
                    src.path, display=src.display, encoding=config.encoding,
                    max_bytes=config.max_file_size,
                )
            readers.attach(doc)
            yield doc
        except InputError as exc:
            yield exc


def postprocess(doc: Document, findings: list[Finding], config: Config,
                baseline_fps: dict | None = None, dismissed: set[str] | None = None) -> None:
    """Mark the suppressed findings of one document, in the one order every front end uses:
    inline ignores, per-file ignores, the baseline, merging of findings on one span, and last
    the reviewers' dismissals (a reviewer who dismissed the finding shown for a span dismissed
    the findings merged into it too)."""
    suppress.apply_inline(doc, findings)
    suppress.apply_per_file(doc.path, findings, config.per_file_ignores, doc.key)
    if baseline_fps:
        suppress.apply_fingerprints(findings, baseline_fps, "baseline")
    if config.merge_same_span:
        suppress.merge_same_span(findings)
    if dismissed:
        suppress.apply_fingerprints(findings, dismissed, "review")


def run(
    paths: Sequence[str],
    config: Config,
    *,
    engine: Engine | None = None,
    progress: Progress | None = None,
    stdin: bytes | None = None,
    baseline: Path | None = None,
    use_review: bool = True,
    stdin_name: str | None = None,
) -> Result:
    """Check ``paths`` (files, folders, ``-``) and return findings, errors and skipped checks.

    ``stdin_name`` is the path standard input is shown and remembered as (``--stdin-filename``):
    its findings, fingerprints and per-file ignores are those of that file."""
    t0 = time.perf_counter()
    engine_given = engine is not None
    engine = engine or Engine(config)
    result = Result(checks=engine.checks)
    sources, missing = expand(paths, config.include, config.exclude,
                              gitignore=config.respect_gitignore, stdin_name=stdin_name)
    result.errors.extend(InputError(m, "no such file or directory") for m in missing)
    result.errors.extend(
        InputError(d, f"no file here that mtqa reads ({', '.join(patterns)})")
        for d, patterns in unread_folders(paths, sources, config.include)
    )

    baseline_fps: dict = {}
    if baseline is None and config.baseline:
        baseline = config.resolve(config.baseline)
    if baseline is not None:
        baseline_fps = suppress.load_baseline(Path(baseline))
    dismissed: set[str] = set()
    if use_review and config.review_file:
        review_path = config.resolve(config.review_file)
        decisions = load_decisions(review_path)
        dismissed = {fp for fp, d in decisions.items() if d.decision == "dismissed"}

    notes_from = len(engine.not_run)
    total = len(sources)
    workers = _workers(config, total, engine_given, stdin is not None or any(s.path is None for s in sources))
    checked = (
        _check_parallel(sources, config, workers, result)
        if workers > 1
        else _check_serial(sources, config, engine, result, stdin)
    )
    for i, (doc, findings) in enumerate(checked):
        if doc is not None:
            postprocess(doc, findings, config, baseline_fps, dismissed)
            result.documents.append(doc)
            for f in findings:
                (result.suppressed if f.suppressed_by else result.findings).append(f)
        if progress:
            progress(i + 1, total, sources[i].display)
    if workers == 1:
        result.skipped = dict(engine.skipped)
        result.notes = engine.not_run[notes_from:]
        result.ran = set(engine.ran)
        result.not_applicable = {k: (set(v[0]), v[1]) for k, v in engine.not_applicable.items()}
        result.signature = signature(config, engine)
    for _path, code, reason in result.notes:
        if code not in result.ran:
            result.skipped.setdefault(code, f"{reason} (and no other document could run it)")
    result.seconds = time.perf_counter() - t0
    return result


Checked = Iterable[tuple[Document | None, list[Finding]]]


def _check_serial(sources, config: Config, engine: Engine, result: Result, stdin) -> Checked:
    """One (document or None, findings) per source, in order; errors go to ``result``."""
    for item in load_sources(sources, config, stdin):
        if isinstance(item, InputError):
            result.errors.append(item)
            yield None, []
            continue
        failed = len(engine.failures)
        try:
            findings = engine.check_document(item)
        except MtqaError as exc:
            result.errors.append(InputError(item.path, str(exc)))
            yield None, []
            continue
        finally:
            result.errors.extend(engine.failures[failed:])
        yield item, findings


# --- many files: one worker process per core ------------------------------------------------------

#: Below this many files a run stays in one process: each worker pays about 1.5 s of CPU to
#: start (imports, language model, word lists), more than it saves on a small run.
PARALLEL_MIN_FILES = 200
_CHUNK = 16
_worker_engine: Engine | None = None


def _workers(config: Config, n_files: int, engine_given: bool, stdin: bool) -> int:
    """Worker processes for this run: 1 unless there are many files and nothing ties the run to
    this process (an engine handed in, standard input, or round trips, which already use every
    core through the translator's threads)."""
    if engine_given or stdin or config.roundtrip.enabled or n_files < PARALLEL_MIN_FILES:
        return 1
    jobs = config.jobs if config.jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(jobs, n_files // _CHUNK or 1))


def _worker_init(config: Config, re_cache: bool = False) -> None:
    global _worker_engine
    if re_cache:  # as the parent process does (mtqa.core.recache)
        from mtqa.core import recache

        recache.install()
    _worker_engine = Engine(config)


def _worker_check(sources: list[Source]):
    eng = _worker_engine
    assert eng is not None
    out = []
    for item in load_sources(sources, eng.config):
        if isinstance(item, InputError):
            out.append((None, [], [item]))
            continue
        failed = len(eng.failures)
        try:
            findings = eng.check_document(item)
        except MtqaError as exc:
            out.append((None, [], [*eng.failures[failed:], InputError(item.path, str(exc))]))
            continue
        for cached in ("lines", "paragraphs", "sentences", "_line_starts"):
            item.__dict__.pop(cached, None)  # recomputed on demand; keeps the transfer small
            if item.prose is not None:
                item.prose.__dict__.pop(cached, None)
        out.append((item, findings, eng.failures[failed:]))
    na = {k: (set(v[0]), v[1]) for k, v in eng.not_applicable.items()}
    eng.not_applicable.clear()
    from mtqa.core import recache

    recache.save()  # a worker process ends without running atexit handlers
    return out, dict(eng.skipped), signature(eng.config, eng), list(eng.not_run), set(eng.ran), na


def _re_cache_installed() -> bool:
    from mtqa.core import recache

    return recache.installed()


def _check_parallel(sources: list[Source], config: Config, workers: int, result: Result) -> Checked:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [sources[i : i + _CHUNK] for i in range(0, len(sources), _CHUNK)]
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_init, initargs=(config, _re_cache_installed()),
    )
    try:
        futures = [pool.submit(_worker_check, chunk) for chunk in chunks]
        for fut in futures:
            items, skipped, sig, not_run, ran, na = fut.result()
            for lang, (codes, n) in na.items():
                have, m = result.not_applicable.get(lang, (set(), 0))
                result.not_applicable[lang] = (have | codes, m + n)
            result.skipped.update(skipped)
            result.notes.extend(n for n in not_run if n not in result.notes)
            result.ran |= ran
            result.signature = sig
            for doc, findings, errors in items:
                result.errors.extend(errors)
                yield doc, findings
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


#: Configuration keys that change how a run goes, not what it finds: left out of the signature.
_NOT_SIGNED = ("jobs", "tui")


def _finding_options(config: Config) -> dict:
    return {k: v for k, v in config.to_dict().items() if k not in _NOT_SIGNED}


def _short_hash(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


_DATA_HASH: str | None = None


def _rule_data_hash() -> str:
    """A hash of the rule data mtqa ships: the check data and the named sets of the packs."""
    global _DATA_HASH
    if _DATA_HASH is None:
        import hashlib
        from importlib import resources

        h = hashlib.sha256()
        for pkg in ("mtqa.checks.data", "mtqa.lang"):
            root = resources.files(pkg)
            files = sorted((p for p in _walk(root) if p.name.endswith((".yaml", ".txt"))),
                           key=lambda p: str(p))
            for f in files:
                h.update(str(f).rsplit("mtqa", 1)[-1].encode("utf-8"))
                h.update(f.read_bytes())
        _DATA_HASH = h.hexdigest()[:8]
    return _DATA_HASH


def _walk(root):
    for p in root.iterdir():
        if p.is_dir():
            if p.name != "__pycache__":
                yield from _walk(p)
        else:
            yield p


def signature(config: Config, engine: Engine) -> dict[str, str]:
    from mtqa import __version__

    ready = engine.ready_checks()
    sig = {"mtqa": __version__, "checks": str(len(ready)),
           # Which checks ran, with what configuration and rule data, not only how many:
           # `--ignore D103` and `--ignore S101` sign differently.
           "codes": _short_hash(",".join(sorted(c.code for c in ready))),
           "config": _short_hash(json.dumps(_finding_options(config), sort_keys=True, default=str)),
           "data": _rule_data_hash()}
    if config.language:
        sig["lang"] = config.language + (f"-{config.variant}" if config.variant else "")
    for name in ("glossary", "translator", "langid"):
        prov = engine.providers._cache.get(name)
        s = getattr(prov, "signature", None)
        if s:
            sig[name] = s() if callable(s) else str(s)
    return sig
