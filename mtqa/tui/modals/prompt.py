"""A one-line prompt: the dismissal note, search, filter and export path all use it."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class PromptInput(Input):
    """The prompt's input. From the Enter that answers (or the Esc that cancels) on, the keys it
    receives were typed for the screen below (a burst of ``n`` right after the prompt): they are
    handed to ``forward`` in order, never typed into a prompt that is closing. The decision is
    taken here, as the Enter is read, because the submit binding runs later, after the keys
    typed behind it have reached this input."""

    def __init__(self, *args, forward: Callable[[str], None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.forward = forward
        self.closing = False

    async def _on_key(self, event: events.Key) -> None:
        if self.closing:
            event.stop()
            event.prevent_default()
            if self.forward is not None:
                self.forward(event.key)
            return
        modal = self.screen
        if event.key == "escape" or (
            event.key == "enter" and isinstance(modal, PromptModal)
            and modal.problem(self.value) is None
        ):
            self.closing = True  # the answer (or Esc) goes on to its binding
        # (Input's own handler runs next: Textual calls each class's handler in turn)


class PromptModal(ModalScreen[str | None]):
    """Enter confirms (an empty answer is an answer), Esc cancels (``None``).

    ``forward`` receives the keys typed after the answer, before the prompt has gone.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, title: str, hint: str = "", value: str = "", *,
                 validate: Callable[[str], str | None] | None = None, name: str | None = None,
                 placeholder: str = "", forward: Callable[[str], None] | None = None) -> None:
        super().__init__(name=name)
        self.title_text = title
        self.hint = hint
        self.value = value
        self.placeholder = placeholder
        self.check = validate
        self.forward = forward
        self._answered = False

    def problem(self, value: str) -> str | None:
        return self.check(value) if self.check is not None else None

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box", classes="modal-box"):
            yield Label(self.title_text, classes="modal-title")
            if self.hint:
                yield Static(self.hint, classes="modal-hint")
            yield PromptInput(self.value, placeholder=self.placeholder, id="prompt-input",
                              forward=self.forward)
            yield Static("", id="prompt-error", classes="modal-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value
        problem = self.problem(value)
        if problem:
            self.query_one("#prompt-error", Static).update(Text(problem))
            return
        if not self._answered:
            self._answered = True
            self.dismiss(value)

    def action_cancel(self) -> None:
        if not self._answered:
            self._answered = True
            self.query_one(PromptInput).closing = True
            self.dismiss(None)
