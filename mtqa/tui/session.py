"""The review session: documents, their findings, the reviewer's decisions and the cursor.

This is the state behind ``mtqa review``, kept free of Textual so it can be tested and measured on
its own. Documents are loaded and checked lazily (the first one at once, the rest in the
background), so a large batch opens fast. Every decision is written to the decisions file at once
(atomically), so killing the app never loses a decision already made.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mtqa.core import fix
from mtqa.core.config import Config
from mtqa.core.errors import InputError, MtqaError
from mtqa.core.files import atomic_write
from mtqa.core.model import CATEGORIES, Document, Finding, Severity
from mtqa.core.review import Decision, load_decisions, update_decisions
from mtqa.core.text import load_document
from mtqa.engine import suppress
from mtqa.engine.files import Source, expand
from mtqa.engine.runner import Engine

#: Review states a finding can be in.
STATES = ("pending", "accepted", "dismissed")

@dataclass
class DocState:
    """One input file: loaded and checked on demand."""

    source: Source
    doc: Document | None = None
    #: What the reviewer sees: the findings after suppressions, one per span when merging.
    findings: list[Finding] = field(default_factory=list)
    #: The findings after suppressions, before merging (the round trip's are merged in again).
    unmerged: list[Finding] = field(default_factory=list)
    error: str | None = None
    checked: bool = False

    @property
    def display(self) -> str:
        return self.source.display


@dataclass
class Filter:
    """Which findings are shown. Empty sets mean "any"."""

    categories: set[str] = field(default_factory=set)
    severities: set[Severity] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)  # codes or code prefixes
    states: set[str] = field(default_factory=set)
    search: str = ""

    @property
    def active(self) -> bool:
        return bool(self.categories or self.severities or self.codes or self.states or self.search)

    def describe(self) -> str:
        """The filter for the status line: :meth:`expression` plus the search."""
        search = f"search:{self.search!r}" if self.search else ""
        return " ".join(p for p in (self.expression(), search) if p)

    def expression(self) -> str:
        """The filter as the expression :func:`parse_filter` reads (without the search)."""
        parts = []
        if self.severities:
            parts.append("sev:" + ",".join(sorted(str(s) for s in self.severities)))
        if self.categories:
            parts.append("cat:" + ",".join(sorted(self.categories)))
        if self.codes:
            parts.append("code:" + ",".join(sorted(self.codes)))
        if self.states:
            parts.append("state:" + ",".join(s for s in STATES if s in self.states))
        return " ".join(parts)


_FILTER_KEYS = {
    "sev": "severities", "severity": "severities",
    "cat": "categories", "category": "categories",
    "code": "codes", "check": "codes",
    "state": "states", "review": "states",
}


def parse_filter(expr: str, search: str = "") -> Filter:
    """Parse ``sev:error,warning cat:calque code:S1 state:pending`` (any order, any subset).

    Raises ValueError with a message a reviewer can act on.
    """
    flt = Filter(search=search)
    for token in expr.split():
        key, sep, values = token.partition(":")
        attr = _FILTER_KEYS.get(key.lower())
        if not sep or attr is None:
            raise ValueError(f"unknown filter {token!r}: use sev:, cat:, code: or state:")
        items = [v.strip() for v in values.split(",") if v.strip()]
        if not items:
            raise ValueError(f"filter {key}: needs at least one value")
        for item in items:
            if attr == "severities":
                flt.severities.add(Severity.parse(item))
            elif attr == "categories":
                if item not in CATEGORIES:
                    raise ValueError(f"unknown category {item!r}")
                flt.categories.add(item)
            elif attr == "states":
                if item not in STATES:
                    raise ValueError(f"unknown review state {item!r} (pending, accepted, dismissed)")
                flt.states.add(item)
            else:
                flt.codes.add(item.upper())
    return flt


@dataclass
class UndoEntry:
    """What ``undo`` restores: a file's text before an applied suggestion and the decision then."""

    doc_index: int
    text: str
    fingerprint: str
    previous: Decision | None
    backup: Path


@dataclass
class Cursor:
    doc: int = 0
    fingerprint: str | None = None


class ReviewSession:
    """All state of one review; thread-safe where a background worker touches it."""

    def __init__(
        self,
        paths: Iterable[str],
        config: Config,
        *,
        engine: Engine | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        sources, missing = expand(list(paths), config.include, config.exclude,
                                  gitignore=config.respect_gitignore)
        self.docs: list[DocState] = [DocState(s) for s in sources]
        self.missing = missing
        self._engine = engine
        self.lock = threading.RLock()
        self.review_path = config.resolve(config.review_file) if config.review_file else None
        self.decisions: dict[str, Decision] = (
            load_decisions(self.review_path) if self.review_path else {}
        )
        self._baseline: dict = {}
        if config.baseline:
            self._baseline = suppress.load_baseline(config.resolve(config.baseline))
        self.filter = Filter()
        self.cursor = Cursor()
        self.undo_stack: list[UndoEntry] = []
        self.clock = clock
        #: True when another process checks the documents (the review app's checker): moving
        #: and selecting then never check a document here, they stop at one not checked yet.
        self.checked_elsewhere = False
        #: The unchecked document the last :meth:`step` or :meth:`select_document` stopped at.
        self.blocked: int | None = None

    # --- checking -------------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        with self.lock:
            if self._engine is None:
                self._engine = Engine(self.config)
            return self._engine

    def ensure(self, i: int) -> DocState:
        """The document at ``i``, loaded and checked (once)."""
        st = self.docs[i]
        if st.checked:
            return st
        with self.lock:
            if not st.checked:
                self._check(st)
        return st

    def peek(self, i: int) -> Document | None:
        """Document ``i`` loaded but not necessarily checked (None when it cannot be read)."""
        st = self.docs[i]
        if st.doc is not None:
            return st.doc
        try:
            return load_document(
                st.source.path, display=st.source.display, encoding=self.config.encoding,
                max_bytes=self.config.max_file_size,
            )
        except InputError as exc:
            st.error = str(exc)
            return None

    def reload_glossary(self) -> None:
        """Read the glossaries again (an entry was added) and mark every document to be checked
        again; the findings shown stay until the new ones come."""
        with self.lock:
            if self._engine is not None:
                self._engine.providers.forget("glossary")
            for st in self.docs:
                st.checked = False

    def store(self, i: int, doc: Document | None, unmerged: list[Finding], findings: list[Finding],
              error: str | None) -> bool:
        """Take in document ``i`` as checked elsewhere (the same steps as :meth:`_check`, run by
        the checking process). False when it was checked here meanwhile (an edit, an export)."""
        with self.lock:
            st = self.docs[i]
            if st.checked:
                return False
            st.doc, st.unmerged, st.findings, st.error = doc, unmerged, findings, error
            st.checked = True
            return True

    def _check(self, st: DocState, text: str | None = None) -> None:
        try:
            if text is None:
                st.doc = load_document(
                    st.source.path, display=st.source.display, encoding=self.config.encoding,
                    max_bytes=self.config.max_file_size,
                )
            else:
                assert st.doc is not None
                st.doc = Document(st.doc.path, text, encoding=st.doc.encoding)
            findings = self.engine.check_document(st.doc)
        except (InputError, MtqaError) as exc:
            st.error = str(exc)
            st.findings = st.unmerged = []
            st.checked = True
            return
        st.error = None
        st.unmerged = self._unsuppressed(st.doc, findings)
        st.findings = self._merged(st.unmerged)
        st.checked = True

    def _unsuppressed(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Findings after inline, per-file and baseline suppressions (dismissals stay visible)."""
        suppress.apply_inline(doc, findings)
        suppress.apply_per_file(doc.path, findings, self.config.per_file_ignores, doc.key)
        if self._baseline:
            suppress.apply_fingerprints(findings, self._baseline, "baseline")
        return [f for f in findings if not f.suppressed_by]

    def _merged(self, findings: list[Finding]) -> list[Finding]:
        """One finding per span (``merge_same_span``), on copies: ``findings`` stay unmerged, so
        the round trip's findings can be merged in again when it runs again."""
        if not self.config.merge_same_span:
            return sorted(findings, key=Finding.sort_key)
        view = [dataclasses.replace(f, evidence=dict(f.evidence) if f.evidence else f.evidence)
                for f in findings]
        suppress.merge_same_span(view)
        return sorted((f for f in view if not f.suppressed_by), key=Finding.sort_key)

    def recheck(self, i: int) -> None:
        """Check document ``i`` again from its file."""
        with self.lock:
            st = self.docs[i]
            st.checked = False
            self._check(st)

    def merge(self, i: int, findings: list[Finding], replace: Callable[[Finding], bool]) -> int:
        """Replace the findings of document ``i`` that ``replace`` selects by ``findings``."""
        with self.lock:
            st = self.docs[i]
            assert st.doc is not None
            kept = [f for f in st.unmerged if not replace(f)]
            new = self._unsuppressed(st.doc, list(findings))
            st.unmerged = kept + new
            st.findings = self._merged(st.unmerged)
            return len(new)

    # --- decisions ------------------------------------------------------------------------------

    def state(self, f: Finding) -> str:
        d = self.decisions.get(f.fingerprint)
        return d.decision if d else "pending"

    def note(self, f: Finding) -> str:
        d = self.decisions.get(f.fingerprint)
        return d.note if d else ""

    def decide(self, f: Finding, decision: str, note: str = "") -> Decision:
        """Record a decision and write the decisions file at once."""
        if decision not in STATES[1:]:
            raise ValueError(f"unknown decision {decision!r}")
        d = Decision(
            fingerprint=f.fingerprint, decision=decision, path=f.path, code=f.code, text=f.text,
            note=note, time=time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(self.clock())),
        )
        with self.lock:
            self.decisions[f.fingerprint] = d
            self._save({f.fingerprint: d})
        return d

    def undecide(self, f: Finding) -> None:
        with self.lock:
            if self.decisions.pop(f.fingerprint, None) is not None:
                self._save({f.fingerprint: None})

    def _save(self, changes: dict[str, Decision | None]) -> None:
        """Write these changes to the decisions file as it is on disk (under its lock), and take
        in what other reviewers wrote there meanwhile."""
        if self.review_path is not None:
            self.decisions = update_decisions(self.review_path, changes)

    def _on_disk(self, st: DocState) -> str | None:
        """The file's text as it is on disk now (None when it cannot be read)."""
        try:
            return load_document(
                st.source.path, display=st.source.display, encoding=self.config.encoding,
                max_bytes=self.config.max_file_size,
            ).text
        except InputError:
            return None

    # --- counts and filtering -------------------------------------------------------------------

    def matches(self, st: DocState, f: Finding) -> bool:
        flt = self.filter
        if flt.severities and f.severity not in flt.severities:
            return False
        if flt.categories and f.category not in flt.categories:
            return False
        if flt.codes and not any(f.code.startswith(c) for c in flt.codes):
            return False
        if flt.states and self.state(f) not in flt.states:
            return False
        if flt.search:
            q = flt.search.casefold()
            hay = [f.text, f.message, f.code, f.name, f.suggestion or ""]
            if st.doc is not None:
                seg = st.doc.segment_at(f.start, "sentence")
                if seg is not None:
                    hay.append(seg.text)
            if not any(q in h.casefold() for h in hay):
                return False
        return True

    def visible(self, i: int) -> list[Finding]:
        st = self.docs[i]
        if not st.checked:
            return []
        return [f for f in st.findings if self.matches(st, f)]

    def counts(self, i: int) -> tuple[Counter, int, int]:
        """(findings per severity, reviewed, total) of document ``i``."""
        st = self.docs[i]
        sev = Counter(f.severity for f in st.findings)
        reviewed = sum(1 for f in st.findings if f.fingerprint in self.decisions)
        return sev, reviewed, len(st.findings)

    def totals(self) -> tuple[int, int, int]:
        """(reviewed, total, documents checked) over every checked document."""
        reviewed = total = checked = 0
        for i, st in enumerate(self.docs):
            if st.checked:
                checked += 1
                _, r, t = self.counts(i)
                reviewed += r
                total += t
        return reviewed, total, checked

    # --- navigation -----------------------------------------------------------------------------

    def current(self) -> Finding | None:
        if not self.docs:
            return None
        st = self.docs[self.cursor.doc]
        if self.cursor.fingerprint is None or not st.checked:
            return None
        for f in st.findings:
            if f.fingerprint == self.cursor.fingerprint:
                return f
        return None

    def select_document(self, i: int) -> None:
        """Make document ``i`` current, on its first visible finding (on none yet, with
        :attr:`blocked` set, when it is being checked elsewhere)."""
        self.blocked = None
        if self.checked_elsewhere and not self.docs[i].checked:
            self.cursor = Cursor(i, None)
            self.blocked = i
            return
        self.ensure(i)
        vis = self.visible(i)
        self.cursor = Cursor(i, vis[0].fingerprint if vis else None)

    def select_finding(self, f: Finding | None) -> None:
        self.cursor = Cursor(self.cursor.doc, f.fingerprint if f else None)

    def step(self, delta: int) -> bool:
        """Move to the next (``delta=1``) or previous (``-1``) visible finding, crossing into the
        next or previous document that has one. Returns False when there is none, or when it
        would have to look into a document still being checked elsewhere (:attr:`blocked` then
        names it, and the cursor has not moved)."""
        self.blocked = None
        if not self.docs:
            return False
        d = self.cursor.doc
        if self.checked_elsewhere and not self.docs[d].checked:
            self.blocked = d
            return False
        vis = self.visible(d) if self.docs[d].checked else []
        fps = [f.fingerprint for f in vis]
        if self.cursor.fingerprint in fps:
            j = fps.index(self.cursor.fingerprint) + delta
            if 0 <= j < len(vis):
                self.cursor = Cursor(d, vis[j].fingerprint)
                return True
        elif vis and self.cursor.fingerprint is None:
            # nothing selected yet in this document: enter it at its first (or last) finding
            self.cursor = Cursor(d, (vis[0] if delta > 0 else vis[-1]).fingerprint)
            return True
        k = d + delta
        while 0 <= k < len(self.docs):
            if self.checked_elsewhere and not self.docs[k].checked:
                self.blocked = k
                return False
            self.ensure(k)
            vis = self.visible(k)
            if vis:
                self.cursor = Cursor(k, (vis[0] if delta > 0 else vis[-1]).fingerprint)
                return True
            k += delta
        return False

    def keep_cursor_visible(self) -> None:
        """After a filter change: stay if still shown, else the next shown finding."""
        st = self.docs[self.cursor.doc] if self.docs else None
        if st is None:
            return
        cur = self.current()
        if cur is not None and self.matches(st, cur):
            return
        vis = self.visible(self.cursor.doc)
        if vis:
            after = [f for f in vis if cur is None or f.start >= cur.start]
            self.cursor = Cursor(self.cursor.doc, (after or vis)[0].fingerprint)
            return
        self.cursor = Cursor(self.cursor.doc, None)
        self.step(1)

    # --- editing --------------------------------------------------------------------------------

    def apply_suggestion(self, f: Finding) -> Path:
        """Replace the finding's span by its suggestion in the file (atomic write) after saving a
        backup; record the finding as accepted; recheck the document. Returns the backup path."""
        if f.suggestion is None:
            raise ValueError(f"{f.code} has no suggestion to apply")
        i = self.index_of(f.path)
        with self.lock:
            st = self.docs[i]
            if st.doc is None or st.source.path is None:
                raise ValueError("only files can be edited")
            path = Path(st.source.path)
            old = st.doc.text
            new, applied, _ = fix.apply_edits(old, [fix.Edit.of(f)])
            if not applied:
                raise ValueError("the file changed since it was checked; reopen it")
            if self._on_disk(st) != old:
                # Another reviewer (or an editor) changed the file: writing our copy would undo
                # their change. Re-check it from disk so the reviewer sees the current text.
                self._check(st)
                raise ValueError("the file changed on disk since it was checked; it was "
                                 "re-checked, apply the suggestion again if it still holds")
            enc = st.doc.encoding or "utf-8"
            original = fix.read_plain(path)
            fix.encode_exact(original, old, new, enc)  # raises before the backup is written
            backup = path.with_name(path.name + ".mtqa-bak")
            atomic_write(backup, original)
            # The same guarded write as `mtqa lint --fix`: refused if the file changed meanwhile.
            fix.write_back(path, old, new, enc)
            previous = self.decisions.get(f.fingerprint)
            accepted = Decision(
                fingerprint=f.fingerprint, decision="accepted", path=f.path, code=f.code,
                text=f.text, note=f"fixed: {f.suggestion!r}",
                time=time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(self.clock())),
            )
            self.decisions[f.fingerprint] = accepted
            self._save({f.fingerprint: accepted})
            self.undo_stack.append(UndoEntry(i, old, f.fingerprint, previous, backup))
            self._check(st, new)
        return backup

    def undo(self) -> UndoEntry | None:
        """Restore the text before the last applied suggestion (and the decision before it)."""
        with self.lock:
            if not self.undo_stack:
                return None
            u = self.undo_stack.pop()
            st = self.docs[u.doc_index]
            assert st.doc is not None and st.source.path is not None
            if self._on_disk(st) != st.doc.text:
                self.undo_stack.append(u)
                raise ValueError("the file changed on disk since the fix; undo would overwrite "
                                 "that change, so it was not undone")
            try:
                fix.write_back(Path(st.source.path), st.doc.text, u.text, st.doc.encoding or "utf-8")
            except fix.NotWritten:
                self.undo_stack.append(u)
                raise
            if u.previous is None:
                self.decisions.pop(u.fingerprint, None)
            else:
                self.decisions[u.fingerprint] = u.previous
            self._save({u.fingerprint: u.previous})
            self._check(st, u.text)
            self.cursor = Cursor(u.doc_index, u.fingerprint)
        return u

    def index_of(self, display: str) -> int:
        for i, st in enumerate(self.docs):
            if st.display == display:
                return i
        raise KeyError(display)

    # --- export ---------------------------------------------------------------------------------

    def export_result(self):
        """A :class:`~mtqa.engine.runner.Result` of every checked document, dismissed findings
        included (reports mark them with the decisions)."""
        from mtqa.engine.runner import Result, signature

        res = Result(checks=self.engine.checks)
        for i in range(len(self.docs)):
            st = self.ensure(i)
            if st.doc is not None and st.error is None:
                res.documents.append(st.doc)
                res.findings.extend(st.findings)
            elif st.error:
                res.errors.append(InputError(st.display, st.error))
        res.signature = signature(self.config, self.engine)
        return res

    def export(self, path: str | Path) -> str:
        """Write a report; the format follows the extension (.html, .md, .json). Returns it."""
        path = Path(path)
        fmt = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
               ".json": "json"}.get(path.suffix.lower())
        if fmt is None:
            raise ValueError(f"{path}: unknown report format (use .html, .md or .json)")
        import io

        from mtqa.reports import html, json_report, markdown

        result = self.export_result()
        buf = io.StringIO()
        if fmt == "html":
            html.render(result, buf, decisions=self.decisions)
        elif fmt == "markdown":
            markdown.render(result, buf, decisions=self.decisions)
        else:
            import json

            data = json_report.to_data(result)
            for item in data["findings"]:
                d = self.decisions.get(item["fingerprint"])
                item["review"] = {"decision": d.decision, "note": d.note} if d else None
            buf.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        atomic_write(path, buf.getvalue())
        return fmt
