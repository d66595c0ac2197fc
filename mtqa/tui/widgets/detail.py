"""The detail pane: the current finding, its suggestion and decision, round-trip evidence with the
differences highlighted and the scores, and the check's explanation."""

from __future__ import annotations

import difflib
import re
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from mtqa.core.model import Finding
from mtqa.tui.widgets.styles import SEVERITY_STYLE, STATE_MARK, marker_style

_SENTENCE_KEYS = ("sentence", "source_sentence", "original", "text", "segment")
_ROUNDTRIP_KEYS = ("roundtrip", "round_trip", "back", "back_translation", "backtranslation")
_PIVOT_KEYS = ("pivot", "forward", "translation", "intermediate")
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def _first(ev: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        v = ev.get(k)
        if isinstance(v, str) and v:
            return v
    return None


def scores_of(ev: dict[str, Any]) -> dict[str, float]:
    """Numeric scores in the evidence: a ``scores`` mapping and/or top-level numbers."""
    out: dict[str, float] = {}
    nested = ev.get("scores")
    if isinstance(nested, dict):
        out.update({str(k): float(v) for k, v in nested.items() if isinstance(v, int | float)})
    for k, v in ev.items():
        if isinstance(v, int | float) and not isinstance(v, bool):
            out.setdefault(str(k), float(v))
    return out


def diff_texts(a: str, b: str) -> tuple[Text, Text]:
    """``a`` with the words the round trip changed or dropped marked, and ``b`` with the words it
    changed or added marked (underlined and bracketed, so it reads without colour too)."""
    ta = [(m.start(), m.end()) for m in _TOKEN.finditer(a)]
    tb = [(m.start(), m.end()) for m in _TOKEN.finditer(b)]
    wa = [a[s:e].casefold() for s, e in ta]
    wb = [b[s:e].casefold() for s, e in tb]
    ra, rb = Text(a), Text(b)
    sm = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            ra.stylize("bold red underline", ta[i1][0], ta[i2 - 1][1])
        if j2 > j1:
            rb.stylize("bold green underline", tb[j1][0], tb[j2 - 1][1])
    return ra, rb


def roundtrip_block(ev: dict[str, Any] | None, sentence: str | None = None) -> list:
    """Renderables for a round-trip finding's evidence (empty when there is none). The sentence
    comes from the evidence or, failing that, from the document (``sentence``)."""
    if not ev:
        return []
    sent = _first(ev, _SENTENCE_KEYS) or sentence
    back = _first(ev, _ROUNDTRIP_KEYS)
    parts: list = []
    if sent and back:
        da, db = diff_texts(sent, back)
        parts.append(Text("── Round trip ──", style="bold"))
        parts.append(Text.assemble(("sentence:   ", "dim"), da))
        pivot = _first(ev, _PIVOT_KEYS)
        if pivot:
            parts.append(Text.assemble(("pivot:      ", "dim"), pivot))
        parts.append(Text.assemble(("round trip: ", "dim"), db))
    scores = scores_of(ev)
    if scores:
        parts.append(Text("scores: " + "  ".join(f"{k} {v:.1f}" for k, v in scores.items())))
    return parts


class DetailPane(ScrollView, can_focus=True):
    """Everything about the current finding.

    The content is rendered to lines here and scrolled like a log, so a new finding repaints the
    pane without a new layout of the screen (moving between findings stays fast)."""

    plain = ""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.content: RenderableType = Text("")
        self._strips: list[Strip] = []
        self._width = -1

    def _render_content(self) -> None:
        width = max(1, self.scrollable_content_region.width)
        console = self.app.console
        lines = console.render_lines(self.content, console.options.update_width(width), pad=True)
        self._strips = [Strip(line, width) for line in lines]
        self._width = width
        new, old = Size(width, len(self._strips)), self.virtual_size
        height = self.scrollable_content_region.height
        if old.height and old.width == width and (old.height > height) == (new.height > height):
            # the scrollbar neither appears nor disappears: update it without a screen layout
            self.set_reactive(DetailPane.virtual_size, new)
            self._scroll_update(new)
        else:
            self.virtual_size = new

    def update(self, renderable: RenderableType) -> None:
        self.content = renderable
        self._render_content()
        self.scroll_to(0, 0, animate=False)
        self.refresh()

    def on_resize(self) -> None:
        self._render_content()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        if self._width != max(1, self.scrollable_content_region.width):
            self._render_content()
        i = y + self.scroll_offset.y
        if 0 <= i < len(self._strips):
            return self._strips[i].apply_style(self.rich_style)
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def show(self, f: Finding | None, state: str = "pending", note: str = "",
             docs: str | None = None, empty: str = "No finding selected.",
             sentence: str | None = None) -> None:
        if f is None:
            self.plain = empty
            self.update(Text(empty, style="dim"))
            return
        head = Text()
        head.append(f" {f.severity} ", style=SEVERITY_STYLE[f.severity])
        head.append(f" {f.code} ", style="bold")
        head.append(f"{f.name}  ")
        head.append(f.category, style=marker_style(f.category))
        head.append(f"  [{STATE_MARK[state]} {state}]", style="green" if state == "accepted" else "")
        parts: list = [head, Text(f"line {f.line}, column {f.column}", style="dim"), Text(f.message)]
        span = Text.assemble(("span: ", "dim"), (repr(f.text), "bold"))
        if f.suggestion is not None:
            span.append("   suggestion: ", style="dim")
            span.append(repr(f.suggestion), style="bold green")
        parts.append(span)
        if note:
            parts.append(Text.assemble(("note: ", "dim"), note))
        for a in (f.evidence or {}).get("also", []):
            # Other checks that reported the same span (merged into this finding).
            parts.append(Text.assemble(("also ", "dim"), (a["code"], "bold"), f" {a['message']}"))
        parts.extend(roundtrip_block(f.evidence, sentence))
        if docs:
            parts.append(Text(f"── About {f.code} ──", style="bold"))
            parts.append(Text(docs))
        #: The pane's text without styles (what a screen reader or a test reads).
        self.plain = "\n".join(p.plain for p in parts)
        self.update(Group(*parts))
