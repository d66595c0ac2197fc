"""The key-binding table: one row per action, with a stable id users remap in config.

``[tool.mtqa.tui.keymap]`` maps an id to keys, e.g. ``accept = "a,enter"`` or
``next_finding = "n,down"``. Every binding, the footer and the help screen come from this table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    id: str  #: stable id for the keymap
    keys: str  #: default keys, comma-separated (Textual key names)
    action: str  #: the screen action it runs
    description: str  #: short label for the footer
    help: str  #: one line for the help screen
    #: shown in the footer: the daily keys, so it fits 80 columns with ? and q (every action is
    #: in the help screen and the command palette, ctrl+p)
    show: bool = True


ACTIONS: tuple[Action, ...] = (
    Action("next_finding", "n,j", "next_finding", "Next", "next finding (into the next document at the end)"),
    Action("previous_finding", "p,k", "previous_finding", "Prev", "previous finding (back across documents)"),
    Action("accept", "a", "accept", "Accept", "accept: the span is a real artifact"),
    Action("dismiss", "x", "dismiss", "Dismiss", "dismiss as a false positive, with an optional note (Enter = no note)"),
    Action("apply", "f", "apply_suggestion", "Fix", "apply the suggestion to the file (backup kept)"),
    Action("undo", "u", "undo", "Undo", "undo the last applied suggestion", False),
    Action("glossary", "g", "add_glossary", "Glossary", "add the span to a glossary (a form, validated)", False),
    Action("search", "slash", "search", "Search", "search findings (text, message, code, sentence)"),
    Action("filter", "v", "filter", "Filter", "filter by severity, category, check and review state", False),
    Action("roundtrip", "r", "roundtrip", "Round trip", "round-trip the current document in the background", False),
    Action("export", "e", "export", "Export", "export a report (.html, .md, .json)", False),
    Action("next_document", "right_square_bracket", "next_document", "Next doc", "next document", False),
    Action("previous_document", "left_square_bracket", "previous_document", "Prev doc", "previous document", False),
    Action("reset", "z", "reset_decision", "Reset", "reset the decision to pending", False),
    Action("help", "question_mark", "help", "Help", "this help"),
    Action("quit", "q", "quit", "Quit", "quit (every decision is already saved)"),
)


def bindings():
    """Textual ``Binding`` objects for the table (keymap overrides are applied by the app)."""
    from textual.binding import Binding

    return [
        Binding(a.keys, a.action, a.description, show=a.show, id=a.id, tooltip=a.help)
        for a in ACTIONS
    ]


def validate_keymap(keymap: dict[str, str]) -> list[str]:
    """Problems with a configured keymap (unknown ids, empty keys); empty when it is fine."""
    ids = {a.id for a in ACTIONS}
    problems = []
    for k, v in keymap.items():
        if k not in ids:
            problems.append(f"tui.keymap: unknown action {k!r} (known: {', '.join(sorted(ids))})")
        elif not str(v).strip():
            problems.append(f"tui.keymap.{k}: no keys")
    return problems


def action_for_key(key: str, keymap: dict[str, str] | None = None) -> str | None:
    """The screen action ``key`` runs (as remapped by ``keymap``), or None."""
    keymap = keymap or {}
    for a in ACTIONS:
        raw = keymap.get(a.id) or a.keys
        if key in (k.strip() for k in raw.split(",")):
            return a.action
    return None


def keys_for(action_id: str, keymap: dict[str, str] | None = None) -> str:
    """The keys an action is bound to, as shown to the user."""
    keymap = keymap or {}
    raw = keymap.get(action_id) or next(a.keys for a in ACTIONS if a.id == action_id)
    names = {"slash": "/", "question_mark": "?", "right_square_bracket": "]",
             "left_square_bracket": "[", "enter": "Enter", "escape": "Esc"}
    return "/".join(names.get(k.strip(), k.strip()) for k in raw.split(","))
