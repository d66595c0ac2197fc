"""A responsive review UI: keys pressed before the first document is ready are run once it is
(never skipping it), a burst of keys right after a prompt closes is run key for key, the footer
fits 80 columns with help and quit visible, and the command palette offers every action."""

from __future__ import annotations

import time
from pathlib import Path

from textual import events

from mtqa.checks.base import check
from mtqa.core.model import Severity
from mtqa.core.review import load_decisions
from mtqa.tui.actions import ACTIONS
from tests.tui.conftest import ready, wait_for

#: The gated check waits for this file (in the working folder) before it reports anything.
GATE = "release-the-checks"


@check("X909", "test-gated", Severity.INFO, category="boilerplate", message="gated")
def gated(doc, ctx):
    """Holds the check of every document until the test creates the gate file, as a slow first
    check holds a real review (bounded: 10 s at most)."""
    deadline = time.monotonic() + 10
    while not Path(GATE).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return iter(())


def send(app, *keys: tuple[str, str | None]) -> None:
    """Queue key events the way a terminal does when keys are typed fast: all at once, without
    waiting for the app to handle one before the next arrives."""
    for key, char in keys:
        ev = events.Key(key, char)
        ev.set_sender(app)
        app._driver.send_message(ev)


def screen_lines(app) -> list[str]:
    """The screen as plain text, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_keys_before_the_first_document_is_ready_are_run_on_it(make, workdir):
    app = make(extra_checks=(gated,))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        assert app.screen.shown_doc is None  # still checking a.txt
        await pilot.press("n", "a")  # next finding, then accept it, before anything is shown
        await pilot.pause(0.1)
        (workdir / GATE).touch()
        await ready(pilot)
        await wait_for(pilot, lambda: app.session.decisions)
        await pilot.pause(0.1)
        s = app.session
        # 'n' moved from a.txt's first finding to its second (it did not skip a.txt), and 'a'
        # accepted that one (it was not dropped) and moved on to the third
        assert [(d.path, d.code, d.decision) for d in s.decisions.values()] == [
            ("a.txt", "X902", "accepted")]
        codes = [f.code for f in s.docs[0].findings]
        assert codes == ["X901", "X902", "X902"]
        assert s.cursor.doc == 0
        assert s.current() is s.docs[0].findings[2]
        saved = load_decisions(workdir / "mtqa-review.jsonl")
        assert [d.code for d in saved.values()] == ["X902"]


async def test_burst_of_next_after_a_prompt_closes_moves_once_per_key(make, workdir):
    (workdir / "long.txt").write_text(
        "".join(f"O Senhor Silva número {i} falou.\n" for i in range(20)), encoding="utf-8")
    app = make(paths=("long.txt",))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        s = app.session
        fps = [f.fingerprint for f in s.docs[0].findings]
        assert len(fps) == 20
        await pilot.press("x")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "PromptModal")
        # Enter (an empty note) and eleven n's typed right after it
        send(app, ("enter", "\r"), *[("n", "n")] * 11)
        await wait_for(pilot, lambda: s.decisions and type(app.screen).__name__ == "ReviewScreen")
        await pilot.pause(0.5)
        # dismissing the 1st finding moves on to the 2nd; eleven moves reach the 13th
        assert fps.index(s.cursor.fingerprint) == 12
        assert list(s.decisions) == [fps[0]]
        assert s.decisions[fps[0]].decision == "dismissed" and s.decisions[fps[0]].note == ""


async def test_footer_fits_80_columns_with_help_and_quit(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        footer = screen_lines(app)[-1]
        assert len(footer) <= 80
        for shown in ("? Help", "q Quit", "n Next", "a Accept", "x Dismiss"):
            assert shown in footer, (shown, footer)


async def test_command_palette_offers_every_action(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        from textual.command import CommandPalette

        from mtqa.tui.commands import ReviewCommands

        provider = ReviewCommands(app.screen)
        names = [str(h.display) async for h in provider.discover()]
        assert sorted(names) == sorted(a.description for a in ACTIONS) or len(names) == len(ACTIONS)
        for a in ACTIONS:
            assert any(a.description in n for n in names), (a.id, names)
        # from the keyboard: ctrl+p opens the palette, typing finds the action, Enter runs it
        first = app.session.current()
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"accept")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.session.state(first) == "accepted")
