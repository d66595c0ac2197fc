"""The status line: progress of the whole review, the filter, and the last action's outcome."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusBar(Static):
    def show(self, session, message: str = "") -> None:
        reviewed, total, checked = session.totals()
        n = len(session.docs)
        parts = [f"{reviewed}/{total} reviewed"]
        parts.append(f"{checked}/{n} docs checked" if checked < n else f"{n} docs")
        if session.filter.active:
            parts.append("filter: " + session.filter.describe())
        if message:
            parts.append(message)
        # Text, never markup: a message quotes article text, which may hold "[/link]" or
        # "[caption]" (Textual would raise MarkupError, or render "[bold red]" as a style).
        # No layout: the bar is one row of the screen's width whatever it says (a layout of the
        # screen on each message made every document switch repaint the whole screen).
        self.update(Text(" │ ".join(parts)), layout=False)
