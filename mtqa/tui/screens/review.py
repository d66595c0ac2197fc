"""The review screen: document list, article, findings, detail, status line and footer.

The screen composes small widgets and runs the actions of the key-binding table; widgets post
messages up, the screen updates them. Only the pieces an action touches are re-rendered, so moving
between findings stays fast on long articles.
"""

from __future__ import annotations

import functools
import gc
from collections import deque
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar

from mtqa.core.errors import MtqaError
from mtqa.core.model import Finding
from mtqa.tui.actions import action_for_key, bindings
from mtqa.tui.messages import (
    DocumentChecked,
    DocumentChosen,
    FindingChosen,
    RecheckDone,
    RecheckProgress,
)
from mtqa.tui.session import ReviewSession, parse_filter
from mtqa.tui.widgets.article import ArticleView
from mtqa.tui.widgets.detail import DetailPane
from mtqa.tui.widgets.doclist import DocumentList
from mtqa.tui.widgets.findings import FindingList
from mtqa.tui.widgets.statusbar import StatusBar

#: Terminal width from which the wide (three-column) layout is used.
WIDE = 140


def queued(method):
    """An action that needs the current document: while it is being checked, or while a prompt
    is closing, the action waits in the screen's queue and runs, in the order pressed, when the
    screen is ready. Never dropped, never run on another document."""
    name = method.__name__.removeprefix("action_")

    @functools.wraps(method)
    def wrapper(self) -> None:
        if self.busy or self.pending:
            self.pending.append(name)
            return
        method(self)

    return wrapper


class ReviewScreen(Screen):
    BINDINGS = bindings()

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.shown_doc: int | None = None
        self.message = ""
        self.recheck_running = False
        self.recheck_request = 0
        #: The document the screen waits for (being checked); actions queue meanwhile.
        self.waiting: int | None = None
        #: True from a prompt's opening until its answer has been acted on.
        self.prompting = False
        #: Actions pressed while busy, run in order once ready.
        self.pending: deque[str] = deque()
        #: Each check's explanation, as the checking process sent it.
        self.check_docs: dict[str, str | None] = {}

    @property
    def busy(self) -> bool:
        return self.waiting is not None or self.prompting

    # --- composition ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Container(id="body"):
            yield DocumentList(id="docs")
            yield ArticleView(id="article")
            yield FindingList(id="findings")
            yield DetailPane(id="detail")
        yield ProgressBar(id="recheck", show_eta=False, classes="hidden")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#docs", DocumentList).border_title = "Documents"
        self.query_one("#article", ArticleView).border_title = "Article"
        self.query_one("#findings", FindingList).border_title = "Findings"
        self.query_one("#detail", DetailPane).border_title = "Detail"
        self.query_one("#docs", DocumentList).populate(self.session)
        self._layout(self.app.size.width)
        self.status()
        article = self.query_one("#article", ArticleView)
        if not self.session.docs:
            article.show(None, [], None, "No documents to review.")
        else:
            # show the first article's text at once; its highlights follow when it is checked
            st = self.session.docs[self.session.cursor.doc]
            doc = self.session.peek(self.session.cursor.doc)
            article.border_title = st.display
            article.show(doc, [], None, st.error or "")
            self.query_one("#detail", DetailPane).show(None, empty="Checking…")
            self.wait_for(self.session.cursor.doc)
        self.query_one("#findings", FindingList).focus()
        checker = getattr(self.app, "checker", None)
        if checker is not None:
            checker.listen(self.on_checker_result)
        else:
            self.session.checked_elsewhere = False  # no checking process: check here, on demand
            for i in range(len(self.session.docs)):
                self.session.ensure(i)
                self.post_message(DocumentChecked(i))

    def on_resize(self, event) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")

    # --- checking (in the checking process) ----------------------------------------------------

    def on_checker_result(self, result) -> None:
        """Called in the reader thread for each result of the checking process."""
        from mtqa.tui.checker import Checked, Progress, RoundTripped

        if isinstance(result, Checked):
            self.post_message(DocumentChecked(result.index, result))
        elif isinstance(result, Progress):
            self.post_message(RecheckProgress(result.done, result.total, result.request))
        elif isinstance(result, RoundTripped):
            self.post_message(RecheckDone(result.index, 0, result.error, result.request,
                                          result.findings, result.codes, result.docs))

    def reload_glossary(self) -> None:
        """Check every document again with the glossaries as they are on disk now (an entry was
        just added): the current one first, its findings shown again when they come."""
        s = self.session
        s.reload_glossary()
        self.shown_doc = None  # the current document's new findings are shown when they come
        self.waiting = s.cursor.doc  # keys wait for them, as they do at start
        checker = getattr(self.app, "checker", None)
        if checker is not None:
            checker.reload_glossary(s.cursor.doc)
        else:
            order = [s.cursor.doc, *(i for i in range(len(s.docs)) if i != s.cursor.doc)]
            for i in order:
                s.ensure(i)
                self.post_message(DocumentChecked(i))

    def wait_for(self, index: int) -> None:
        """Hold the queued actions until document ``index`` is checked (and check it next)."""
        self.waiting = index
        checker = getattr(self.app, "checker", None)
        if checker is not None:
            checker.prioritize(index)

    def on_document_checked(self, event: DocumentChecked) -> None:
        s = self.session
        r = event.result
        if r is not None:
            s.store(event.index, r.doc, r.unmerged, r.findings, r.error)
            self.check_docs.update(r.docs)
            # The document, its segments and findings live as long as the review: out of the
            # cyclic garbage collector's sight, whose full collections otherwise went over every
            # object of every document checked (60-85 ms in the middle of a key press, with 200
            # articles). Objects still free as usual when nothing refers to them.
            gc.freeze()
        self.query_one("#docs", DocumentList).update_entry(s, event.index)
        if event.index == s.cursor.doc and (self.shown_doc != event.index
                                            or s.cursor.fingerprint is None):
            if s.cursor.fingerprint is None:
                s.select_document(event.index)
            self.show_document()
        else:
            self.status()
        if self.waiting is not None and s.docs[self.waiting].checked:
            self.waiting = None
            self.drain()

    def drain(self) -> None:
        """Run the queued actions in order, until one has to wait again."""
        while self.pending and not self.busy:
            name = self.pending.popleft()
            method = getattr(type(self), f"action_{name}")
            getattr(method, "__wrapped__", method)(self)

    def enqueue_key(self, key: str) -> None:
        """A key typed for this screen that reached a closing prompt: queued in order."""
        action = action_for_key(key, getattr(self.app, "keymap", None))
        if action is not None:
            self.pending.append(action)
            if not self.busy:
                self.drain()

    def prompt(self, modal, done) -> None:
        """Open ``modal``; actions wait until ``done`` has acted on its answer."""
        self.prompting = True

        def answered(result) -> None:
            try:
                done(result)
            finally:
                self.prompting = False
                self.drain()

        self.app.push_screen(modal, answered)

    # --- rendering ------------------------------------------------------------------------------

    def numbered(self) -> list[tuple[int, Finding, str]]:
        s = self.session
        return [(n, f, s.state(f)) for n, f in enumerate(s.visible(s.cursor.doc), 1)]

    def show_document(self) -> None:
        """Full refresh of the article, findings and detail for the current document."""
        s = self.session
        i = s.cursor.doc
        st = s.docs[i]
        self.shown_doc = i
        article = self.query_one("#article", ArticleView)
        numbered = self.numbered()
        article.border_title = st.display
        if st.error:
            article.show(None, [], None, st.error)
        else:
            article.show(st.doc, numbered, s.cursor.fingerprint)
        self.query_one("#findings", FindingList).populate(
            s, [f for _, f, _ in numbered], s.cursor.fingerprint)
        docs = self.query_one("#docs", DocumentList)
        docs.update_entry(s, i)
        docs.highlighted = i
        self.show_detail()
        self.status()

    def show_detail(self) -> None:
        s = self.session
        f = s.current()
        detail = self.query_one("#detail", DetailPane)
        if f is None:
            st = s.docs[s.cursor.doc] if s.docs else None
            empty = ("No findings match the filter." if s.filter.active and st and st.findings
                     else "No findings in this document.")
            detail.show(None, empty=empty)
            return
        if f.code in self.check_docs:
            docs = self.check_docs[f.code]
        else:  # a check first seen after an edit here
            from mtqa.checks import get_check

            check = get_check(f.code)
            docs = self.check_docs[f.code] = check.docs if check else None
        doc = s.docs[s.cursor.doc].doc
        seg = doc.segment_at(f.start, "sentence") if doc is not None else None
        detail.show(f, s.state(f), s.note(f), docs,
                    sentence=seg.text if seg is not None else None)

    def status(self, message: str | None = None) -> None:
        if message is not None:
            self.message = message
        self.query_one("#status", StatusBar).show(self.session, self.message)

    def moved(self, before: Finding | None, doc_before: int) -> None:
        """Update after the cursor moved: cheap within a document, full across documents."""
        s = self.session
        if s.cursor.doc != doc_before or self.shown_doc != s.cursor.doc:
            self.show_document()
            return
        after = s.current()
        touched = [f for f in (before, after) if f is not None]
        self.query_one("#article", ArticleView).update_findings(
            self.numbered(), touched, s.cursor.fingerprint)
        self.query_one("#findings", FindingList).highlight(s.cursor.fingerprint)
        self.show_detail()

    def decided(self, f: Finding, advance: bool = True) -> None:
        """Update after a decision on ``f`` (and move on to the next finding)."""
        s = self.session
        self.query_one("#docs", DocumentList).update_entry(s, s.cursor.doc)
        if s.filter.states:  # the decided finding may leave the filtered view
            if advance:
                self._advance()
            s.keep_cursor_visible()
            self.show_document()
            self.status()
            return
        self.query_one("#findings", FindingList).update_entry(s, f)
        before, doc_before = s.current(), s.cursor.doc
        if advance:
            self._advance()
        self.query_one("#article", ArticleView).update_findings(self.numbered(), [f], None)
        self.moved(before, doc_before)
        self.status()

    def _advance(self) -> None:
        """Move on after a decision; into a document still being checked once it is."""
        s = self.session
        if not s.step(1) and s.blocked is not None:
            self.pending.appendleft("next_finding")
            self.wait_for(s.blocked)

    # --- widget messages ------------------------------------------------------------------------

    def on_document_chosen(self, event: DocumentChosen) -> None:
        if self.busy:
            return  # the list moved under a pending action: the queued keys decide
        if event.index != self.session.cursor.doc or self.shown_doc != event.index:
            self.open_document(event.index)

    def on_finding_chosen(self, event: FindingChosen) -> None:
        s = self.session
        if self.busy or event.fingerprint == s.cursor.fingerprint:
            return
        before = s.current()
        s.cursor.fingerprint = event.fingerprint
        self.moved(before, s.cursor.doc)

    # --- actions --------------------------------------------------------------------------------

    @queued
    def action_next_finding(self) -> None:
        self._step(1)

    @queued
    def action_previous_finding(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        s = self.session
        before, doc_before = s.current(), s.cursor.doc
        if s.step(delta):
            self.moved(before, doc_before)
        elif s.blocked is not None:
            # the move needs a document still being checked: run it again once it is
            self.pending.appendleft("next_finding" if delta > 0 else "previous_finding")
            self.wait_for(s.blocked)
            self.status(f"checking {Path(s.docs[s.blocked].display).name}…")
        else:
            self.status("no more findings" if delta > 0 else "no earlier findings")

    def open_document(self, i: int) -> None:
        """Make document ``i`` current; one still being checked shows its text at once and its
        findings when they arrive (actions wait for them)."""
        s = self.session
        s.select_document(i)
        if s.blocked is None:
            self.show_document()
            return
        st = s.docs[i]
        article = self.query_one("#article", ArticleView)
        article.border_title = st.display
        article.show(s.peek(i), [], None, st.error or "")
        self.query_one("#findings", FindingList).populate(s, [], None)
        self.query_one("#detail", DetailPane).show(None, empty="Checking…")
        self.shown_doc = None
        self.wait_for(i)
        self.status()

    @queued
    def action_next_document(self) -> None:
        if self.session.cursor.doc + 1 < len(self.session.docs):
            self.open_document(self.session.cursor.doc + 1)

    @queued
    def action_previous_document(self) -> None:
        if self.session.cursor.doc > 0:
            self.open_document(self.session.cursor.doc - 1)

    @queued
    def action_accept(self) -> None:
        f = self.session.current()
        if f is None:
            return
        self.session.decide(f, "accepted")
        self.status(f"accepted {f.code} {f.text!r}")
        self.decided(f)

    @queued
    def action_reset_decision(self) -> None:
        f = self.session.current()
        if f is None:
            return
        self.session.undecide(f)
        self.status(f"{f.code} back to pending")
        self.decided(f, advance=False)

    @queued
    def action_dismiss(self) -> None:
        f = self.session.current()
        if f is None:
            return
        from mtqa.tui.modals.prompt import PromptModal

        def done(note: str | None) -> None:
            if note is None:
                self.status("dismissal cancelled")
                return
            self.session.decide(f, "dismissed", note.strip())
            self.status(f"dismissed {f.code} {f.text!r}" + (f" ({note.strip()})" if note.strip() else ""))
            self.decided(f)

        self.prompt(
            PromptModal(f"Dismiss {f.code} {f.text!r} as a false positive",
                        "Why? (optional) — Enter confirms, Esc cancels", placeholder="note",
                        forward=self.enqueue_key),
            done,
        )

    @queued
    def action_apply_suggestion(self) -> None:
        s = self.session
        f = s.current()
        if f is None:
            return
        if f.suggestion is None:
            self.status(f"{f.code} has no suggestion to apply")
            return
        try:
            backup = s.apply_suggestion(f)
        except (ValueError, OSError) as exc:
            self.show_document()  # the file may have been re-checked from disk
            self.status(f"cannot apply: {exc}")
            return
        # stay where the fix was: the next finding at or after it
        vis = s.visible(s.cursor.doc)
        nxt = next((g for g in vis if g.start >= f.start), vis[-1] if vis else None)
        s.select_finding(nxt)
        self.show_document()
        self.query_one("#docs", DocumentList).update_entry(s, s.cursor.doc)
        self.status(f"applied {f.suggestion!r} (backup {backup.name}; u undoes)")

    @queued
    def action_undo(self) -> None:
        try:
            u = self.session.undo()
        except (ValueError, OSError) as exc:
            self.status(f"cannot undo: {exc}")
            return
        if u is None:
            self.status("nothing to undo")
            return
        self.show_document()
        self.status(f"undone; {Path(self.session.docs[u.doc_index].display).name} restored")

    @queued
    def action_add_glossary(self) -> None:
        s = self.session
        f = s.current()
        if f is None:
            return
        from mtqa.tui.glossary_entry import EntryForm, lint_ids, mark_span, slug, where_note
        from mtqa.tui.modals.glossary import GlossaryModal

        st = s.docs[s.cursor.doc]
        assert st.doc is not None
        seg = st.doc.segment_at(f.start, "sentence") or st.doc.segment_at(f.start, "line")
        if seg is not None and seg.start <= f.start and f.end <= seg.end:
            bad = mark_span(seg.text, f.start - seg.start, f.end - seg.start)
        else:
            bad = "[[" + f.text + "]]"
        lang = st.doc.language or s.config.language or "pt"
        variant = (st.doc.variant or s.config.variant or "").upper()
        pair = f"en-{lang}"
        form = EntryForm(
            path=self.app.glossary_path(pair), id=slug(f.text), kind="forbidden",
            terms=[f.text.strip()], suggest=[f.suggestion] if f.suggestion else [],
            message=f.message, bad=bad, good="", pair=pair, variant=variant or "BR",
            taken=lint_ids(s.config),
        )

        modal = GlossaryModal(form, s.config)

        def done(path: str | None) -> None:
            if not path:
                self.status("glossary entry cancelled")
                return
            written = modal.saved.id if modal.saved else form.id
            note = where_note(s.config, path)
            read = note.startswith("mtqa lint reads")
            if read:
                self.reload_glossary()
            self.status(f"glossary entry {written!r} written to {path}; "
                        + ("checking again with it; the next mtqa lint uses it too" if read
                           else note.replace("this file", "it")))

        self.prompt(modal, done)

    @queued
    def action_search(self) -> None:
        from mtqa.tui.modals.prompt import PromptModal

        def done(query: str | None) -> None:
            if query is None:
                return
            self.session.filter.search = query.strip()
            self.refilter()

        self.prompt(
            PromptModal("Search findings", "text, message, code or sentence; empty clears",
                        self.session.filter.search, forward=self.enqueue_key), done)

    @queued
    def action_filter(self) -> None:
        from mtqa.tui.modals.prompt import PromptModal

        def check(expr: str) -> str | None:
            try:
                parse_filter(expr)
            except ValueError as exc:
                return str(exc)
            return None

        def done(expr: str | None) -> None:
            if expr is None:
                return
            self.session.filter = parse_filter(expr, self.session.filter.search)
            self.refilter()

        cats = sorted({f.category for st in self.session.docs for f in st.findings})
        self.prompt(
            PromptModal("Filter findings",
                        "sev:error,warning,info  cat:<category>  code:<code or prefix>  "
                        "state:pending,accepted,dismissed — empty shows all\n"
                        "categories here: " + (", ".join(cats) or "none"),
                        self.session.filter.expression(), validate=check,
                        forward=self.enqueue_key), done)

    def refilter(self) -> None:
        s = self.session
        s.keep_cursor_visible()
        self.show_document()
        n = len(s.visible(s.cursor.doc))
        self.status(f"{n} shown here" if s.filter.active else "filter cleared")

    @queued
    def action_export(self) -> None:
        from mtqa.tui.modals.prompt import PromptModal

        def check(path: str) -> str | None:
            if Path(path.strip()).suffix.lower() not in (".html", ".htm", ".md", ".markdown", ".json"):
                return "the file name must end in .html, .md or .json"
            return None

        def done(path: str | None) -> None:
            if not path:
                return
            try:
                fmt = self.session.export(path.strip())
            except (MtqaError, OSError, ValueError) as exc:
                self.status(f"export failed: {exc}")
                return
            self.status(f"exported {fmt} to {path.strip()}")

        self.prompt(
            PromptModal("Export a report", "format from the extension: .html, .md or .json",
                        "mtqa-review.html", validate=check, forward=self.enqueue_key), done)

    def action_help(self) -> None:
        from mtqa.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.keymap))

    def action_quit(self) -> None:
        self.app.exit()

    # --- round trip -----------------------------------------------------------------------------

    @queued
    def action_roundtrip(self) -> None:
        s = self.session
        st = s.docs[s.cursor.doc] if s.docs else None
        if st is None or st.doc is None:
            return
        checker = getattr(self.app, "checker", None)
        if checker is None:
            self.status("round trip not run: no checking process")
            return
        bar = self.query_one("#recheck", ProgressBar)
        bar.remove_class("hidden")
        bar.update(total=None, progress=0)
        self.recheck_running = True
        self.status(f"round trip of {Path(st.display).name}…")
        # in the checking process: neither this process's GIL nor its event loop waits for it
        self.recheck_request = checker.roundtrip(s.cursor.doc, st.doc)

    def on_recheck_progress(self, event: RecheckProgress) -> None:
        if event.request != self.recheck_request:
            return
        bar = self.query_one("#recheck", ProgressBar)
        if event.total:
            bar.update(total=event.total, progress=event.done)

    def on_recheck_done(self, event: RecheckDone) -> None:
        if event.request != self.recheck_request:
            return  # superseded by a newer round trip
        self.recheck_running = False
        bar = self.query_one("#recheck", ProgressBar)
        bar.add_class("hidden")
        if event.error:
            self.status(f"round trip not run: {event.error}")
            return
        s = self.session
        self.check_docs.update(event.docs)
        codes = set(event.codes)
        added = s.merge(event.index, event.findings, lambda f: f.code in codes)
        self.query_one("#docs", DocumentList).update_entry(s, event.index)
        if event.index == s.cursor.doc:
            s.keep_cursor_visible()
            self.show_document()
        self.status(f"round trip: {added} finding{'s' if added != 1 else ''}")
