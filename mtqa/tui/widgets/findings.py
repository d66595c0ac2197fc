"""The findings of the current document (after the filter), in text order."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList

from mtqa.core.model import Finding
from mtqa.core.review import category_mark, severity_mark
from mtqa.tui.messages import FindingChosen
from mtqa.tui.widgets.styles import SEVERITY_STYLE, STATE_MARK, marker_style

#: Characters of a span shown in the list (the detail pane shows it whole).
SPAN_WIDTH = 18


def finding_prompt(n: int, f: Finding, state: str) -> Text:
    t = Text(no_wrap=True, overflow="ellipsis")
    t.append(f"{STATE_MARK[state]} ", style="green" if state == "accepted" else
             ("dim" if state == "dismissed" else ""))
    t.append(f"{n:>2} ")
    t.append(severity_mark(f.severity), style=SEVERITY_STYLE[f.severity])
    t.append("·" + category_mark(f.category), style=marker_style(f.category))
    t.append(f" {f.code} {f.line}:{f.column} ")
    span = f.text.replace("\n", "⏎") or "∅"
    if len(span) > SPAN_WIDTH:
        span = span[: SPAN_WIDTH - 1] + "…"
    t.append(span, style="dim strike" if state == "dismissed" else "bold")
    return t


class FindingList(OptionList):
    """Highlighting an entry makes it the current finding (the screen ignores the echo of its
    own moves: the fingerprint is then already current)."""

    #: The list's height is its grid cell's, never its content's: another document's findings
    #: change the virtual size without a layout of the screen (a scrollbar that appears or goes
    #: still asks for one, through ``show_vertical_scrollbar``).
    virtual_size = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fingerprints: list[str] = []

    def populate(self, session, findings: list[Finding], current: str | None) -> None:
        self.fingerprints = [f.fingerprint for f in findings]
        self.set_options(
            [finding_prompt(n, f, session.state(f)) for n, f in enumerate(findings, 1)]
        )
        self.highlight(current)

    def highlight(self, fingerprint: str | None) -> None:
        try:
            idx = self.fingerprints.index(fingerprint) if fingerprint else None
        except ValueError:
            idx = None
        if self.highlighted != idx:
            self.highlighted = idx

    def update_entry(self, session, f: Finding) -> None:
        try:
            i = self.fingerprints.index(f.fingerprint)
        except ValueError:
            return
        self.replace_option_prompt_at_index(i, finding_prompt(i + 1, f, session.state(f)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index < len(self.fingerprints):
            self.post_message(FindingChosen(self.fingerprints[event.option_index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
