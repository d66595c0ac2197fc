"""The add-to-glossary form, prefilled from the finding; it validates before it writes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from mtqa.core.config import Config
from mtqa.tui.glossary_entry import (
    KINDS,
    EntryForm,
    split_terms,
    validate,
    where_note,
    write_entry,
)

FIELDS = (
    ("path", "glossary file"),
    ("id", "id"),
    ("terms", "terms (wrong)"),
    ("suggest", "suggestion"),
    ("source", "source terms"),
    ("message", "message"),
    ("bad", "fails on"),
    ("good", "passes on"),
)


class GlossaryModal(ModalScreen["str | None"]):
    """Returns the path written, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="glossary.cancel"),
        Binding("ctrl+s", "save", "Save", id="glossary.save"),
    ]

    def __init__(self, form: EntryForm, config: Config | None = None) -> None:
        super().__init__()
        self.form = form
        #: The configuration lint reads glossaries by: the form says whether it reads the file.
        self.config = config
        #: The entry written, once saved.
        self.saved: EntryForm | None = None

    def compose(self) -> ComposeResult:
        f = self.form
        values = {
            "path": f.path, "id": f.id, "terms": "; ".join(f.terms),
            "suggest": "; ".join(f.suggest), "source": "; ".join(f.source),
            "message": f.message, "bad": f.bad, "good": f.good,
        }
        with VerticalScroll(id="glossary-box", classes="modal-box"):
            yield Label("Add to glossary", classes="modal-title")
            with Horizontal(classes="form-row"):
                yield Label("kind", classes="form-label")
                yield Select([(k, k) for k in KINDS], value=f.kind, allow_blank=False,
                             id="g-kind")
            for key, label in FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label")
                    yield Input(values[key], id=f"g-{key}")
                if key == "path":
                    yield Static(self._where(f.path), id="g-where", classes="form-note")
            yield Static("", id="g-errors", classes="modal-error")
            with Horizontal(classes="form-buttons"):
                yield Button("Save", id="g-save", variant="primary")
                yield Button("Cancel", id="g-cancel")

    def _where(self, path: str) -> Text:
        return Text(where_note(self.config, path) if self.config is not None else "")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "g-path":
            self.query_one("#g-where", Static).update(self._where(event.value.strip()))

    def on_mount(self) -> None:
        self.query_one("#g-good", Input).focus()

    def read_form(self) -> EntryForm:
        def val(key: str) -> str:
            return self.query_one(f"#g-{key}", Input).value.strip()

        kind = self.query_one("#g-kind", Select).value
        return EntryForm(
            path=val("path"), id=val("id"), kind=str(kind), terms=split_terms(val("terms")),
            suggest=split_terms(val("suggest")), source=split_terms(val("source")),
            message=val("message"), bad=val("bad"), good=val("good"), pair=self.form.pair,
            variant=self.form.variant, taken=self.form.taken,
        )

    def action_save(self) -> None:
        form = self.read_form()
        errors = validate(form)
        if errors:
            self.query_one("#g-errors", Static).update(Text("\n".join("• " + e for e in errors)))
            return
        try:
            path = write_entry(form)
        except (ValueError, OSError) as exc:
            self.query_one("#g-errors", Static).update(Text(f"• {exc}"))
            return
        self.saved = form
        self.dismiss(str(path))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "g-save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
