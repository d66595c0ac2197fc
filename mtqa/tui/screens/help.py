"""The help screen: every key binding (as remapped) and how to read the highlights."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from mtqa.core.review import CATEGORY_MARKS
from mtqa.tui.actions import ACTIONS, keys_for


def help_table(keymap: dict[str, str]) -> Table:
    t = Table(show_header=True, header_style="bold", box=None, expand=True)
    t.add_column("keys", no_wrap=True)
    t.add_column("action")
    t.add_column("id", style="dim", no_wrap=True)
    for a in ACTIONS:
        t.add_row(keys_for(a.id, keymap), a.help, a.id)
    return t


LEGEND = (
    "Highlights: background = severity (red error, yellow warning, blue info);\n"
    "after each span a marker ⟧<number><E|W|I>·<category>; ▶…⟧ (reversed) is the current finding.\n"
    "States: · pending  ✓ accepted  ✗ dismissed (struck through).\n"
    "Categories: " + ", ".join(f"{v} {k}" for k, v in CATEGORY_MARKS.items()) + ".\n"
    "Filter syntax: sev:error,warning cat:calque code:S1 state:pending\n"
    "Remap keys in [tool.mtqa.tui.keymap], e.g. accept = \"a,enter\"."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box", classes="modal-box"):
            yield Static(Text("mtqa review — keys", style="bold"), classes="modal-title")
            yield Static(help_table(self.keymap))
            yield Static(LEGEND, classes="modal-hint")

    def action_close(self) -> None:
        self.dismiss(None)
