"""The status line: progress of the whole review, the filter, and the last action's outcome."""

from __future__ import annotations

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
        self.update(" │ ".join(parts))
