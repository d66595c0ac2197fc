"""A one-line prompt: the dismissal note, search, filter and export path all use it."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class PromptModal(ModalScreen[str | None]):
    """Enter confirms (an empty answer is an answer), Esc cancels (``None``)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, title: str, hint: str = "", value: str = "", *,
                 validate: Callable[[str], str | None] | None = None, name: str | None = None,
                 placeholder: str = "") -> None:
        super().__init__(name=name)
        self.title_text = title
        self.hint = hint
        self.value = value
        self.placeholder = placeholder
        self.check = validate

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box", classes="modal-box"):
            yield Label(self.title_text, classes="modal-title")
            if self.hint:
                yield Static(self.hint, classes="modal-hint")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", id="prompt-error", classes="modal-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value
        if self.check is not None:
            problem = self.check(value)
            if problem:
                self.query_one("#prompt-error", Static).update(problem)
                return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
