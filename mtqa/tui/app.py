"""The review app and its factory, shared by ``mtqa review`` and the tests."""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Sequence

from textual.app import App

from mtqa.core.config import Config
from mtqa.core.errors import ConfigError, ProviderUnavailable
from mtqa.core.model import Document, Finding
from mtqa.engine.runner import Engine
from mtqa.tui.actions import validate_keymap
from mtqa.tui.checker import Checker
from mtqa.tui.commands import ReviewCommands
from mtqa.tui.session import ReviewSession

#: Selector of the round-trip checks.
ROUNDTRIP_SELECT = "R"

RoundTrip = Callable[[Document, Callable[[int, int], None]], list[Finding]]


class ReviewApp(App):
    """``mtqa review``: triage every flagged span, with decisions saved as they are made."""

    TITLE = "mtqa review"
    CSS_PATH = ["tcss/app.tcss"]
    #: ctrl+p opens the palette: every action of the key table, by name, plus Textual's own.
    COMMANDS = App.COMMANDS | {ReviewCommands}

    def __init__(
        self,
        session: ReviewSession,
        *,
        roundtrip_engine: Engine | None = None,
        glossary: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.keymap: dict[str, str] = dict(session.config.tui.keymap)
        self._roundtrip_engine = roundtrip_engine
        self._rt_lock = threading.Lock()
        self._glossary = glossary
        #: The child process that checks the documents and runs the round trips.
        self.checker: Checker | None = None
        if self.keymap:
            self.set_keymap(self.keymap)

    def start_checking(self) -> None:
        """Fork the checking process (before Textual starts any thread): it begins with the
        current document at once."""
        if self.checker is None and self.session.docs:
            self.checker = Checker(self.session, self.roundtrip)
            self.checker.start(self.session.cursor.doc)
            self.session.checked_elsewhere = True

    def on_unmount(self) -> None:
        if self.checker is not None:
            self.checker.stop()

    def on_mount(self) -> None:
        from mtqa.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(self.session))

    # --- services the screen uses ---------------------------------------------------------------

    def glossary_path(self, pair: str) -> str:
        """Where a new glossary entry goes (see :func:`mtqa.tui.glossary_entry.target_file`)."""
        from mtqa.tui.glossary_entry import target_file

        return target_file(self.session.config, pair, self._glossary)

    def roundtrip_engine(self) -> Engine:
        """An engine with only the round-trip checks, sharing the session's providers."""
        with self._rt_lock:
            if self._roundtrip_engine is None:
                cfg = copy.deepcopy(self.session.config)
                cfg.select, cfg.extend_select = [ROUNDTRIP_SELECT], []
                cfg.roundtrip.enabled = True
                try:
                    engine = Engine(cfg, providers=self.session.engine.providers)
                except ConfigError:
                    raise ProviderUnavailable("no round-trip checks are installed") from None
                if not engine.checks:
                    raise ProviderUnavailable("no round-trip checks are installed")
                self._roundtrip_engine = engine
            return self._roundtrip_engine

    def roundtrip(self, doc: Document,
                  progress: Callable[[int, int], None]) -> tuple[list[Finding], list[str]]:
        """Round-trip findings for ``doc`` and the round-trip codes (run in the checking
        process)."""
        engine = self.roundtrip_engine()
        ready = engine.ready_checks()
        if not ready:
            reasons = sorted(set(engine.skipped.values()))
            raise ProviderUnavailable("; ".join(reasons) or "no round-trip check can run")
        copy_doc = Document(doc.path, doc.text, encoding=doc.encoding)
        progress(0, 1)
        findings = engine.check_document(copy_doc)
        codes = {c.code for c in ready}
        if codes <= set(engine.skipped):  # every round-trip check found its provider missing
            raise ProviderUnavailable(engine.skipped[min(codes)])
        progress(1, 1)
        return findings, sorted({f.code for f in findings} | {c.code for c in engine.checks})


def make_app(
    paths: Sequence[str],
    config: Config,
    *,
    engine: Engine | None = None,
    roundtrip_engine: Engine | None = None,
    glossary: str | None = None,
) -> ReviewApp:
    """Build the review app for ``paths``; tests inject engines with explicit checks."""
    problems = validate_keymap(config.tui.keymap)
    if problems:
        raise ConfigError(config.source, "; ".join(problems))
    session = ReviewSession(paths, config, engine=engine)
    app = ReviewApp(session, roundtrip_engine=roundtrip_engine, glossary=glossary)
    # The first document's check starts now, in another process, while Textual starts here.
    app.start_checking()
    return app
