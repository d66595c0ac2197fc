"""The article: every line of the document, each finding's span highlighted.

A span gets the colour of its severity and, after it, a marker such as ``⟧3W·SP`` (its number in
the findings list, severity letter, category) so it reads without colour too. The current finding
is shown reversed and opens with ``▶`` instead of ``⟦``. One widget per line, so moving between
findings only repaints the lines involved, without a new layout (the text keeps its length).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from mtqa.core.model import Document, Finding
from mtqa.core.review import category_mark, severity_mark
from mtqa.tui.widgets.styles import ACCEPTED, CURRENT, DISMISSED, SEVERITY_STYLE, marker_style


def render_line(
    text: str,
    start: int,
    findings: list[tuple[int, Finding, str]],
    current: str | None,
) -> Text:
    """Line ``text`` (at document offset ``start``) with ``(number, finding, state)`` highlighted."""
    end = start + len(text)
    opens: dict[int, list] = {}
    closes: dict[int, list] = {}
    for item in findings:
        _, f, _ = item
        a, b = max(f.start, start) - start, min(f.end, end) - start
        opens.setdefault(a, []).append(item)
        if f.end <= end:
            closes.setdefault(max(b, a), []).append(item)
    out = Text(no_wrap=False)
    open_at: dict[str, int] = {}
    ranges: list[tuple[int, int, Finding, str]] = []
    pos = 0
    for c in sorted(set(opens) | set(closes) | {0, len(text)}):
        if c > pos:
            out.append(text[pos:c])
            pos = c
        for n, f, state in closes.get(c, ()):
            if f.fingerprint in open_at:
                ranges.append((open_at.pop(f.fingerprint), len(out), f, state))
            style = marker_style(f.category) + (CURRENT if f.fingerprint == current else Style())
            out.append(f"⟧{n}{severity_mark(f.severity)}·{category_mark(f.category)}", style=style)
        for _n, f, _state in opens.get(c, ()):
            # the current finding opens with ▶ instead of ⟦: same width, so moving the cursor
            # never changes the line's layout
            is_current = f.fingerprint == current
            out.append("▶" if is_current else "⟦",
                       style=marker_style(f.category) + (CURRENT if is_current else Style()))
            open_at[f.fingerprint] = len(out)
    for _n, f, state in findings:  # spans that continue on the next line
        if f.fingerprint in open_at:
            ranges.append((open_at.pop(f.fingerprint), len(out), f, state))
    for begin, stop, f, state in ranges:
        style = SEVERITY_STYLE[f.severity]
        if state == "dismissed":
            style = style + DISMISSED
        elif state == "accepted":
            style = style + ACCEPTED
        if f.fingerprint == current:
            style = style + CURRENT
        out.stylize(style, begin, stop)
    return out


def touches(f: Finding, a: int, b: int) -> bool:
    """Whether finding ``f`` shows on the line spanning document offsets ``[a, b]``."""
    if f.start == f.end:
        return a <= f.start <= b
    return f.start < b and f.end > a


class Line(Widget):
    """One line of the article. Repaints without a new layout when only styles change."""

    def __init__(self, text: Text, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text

    def render(self) -> Text:
        return self.text

    def set_text(self, text: Text) -> None:
        same_shape = text.plain.replace("▶", "⟦") == self.text.plain.replace("▶", "⟦")
        self.text = text
        self.refresh(layout=not same_shape)


class ArticleView(VerticalScroll, can_focus=True):
    """The current document, scrolled to the current finding."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.doc: Document | None = None
        self._lines: list[tuple[int, int, Line]] = []  # (start, end, widget)
        self._findings: list[tuple[int, Finding, str]] = []

    def show(self, doc: Document | None, findings: list[tuple[int, Finding, str]],
             current: str | None, message: str = "") -> None:
        """Show a document (or ``message`` when there is none). Line widgets are reused from the
        previous document, so switching documents mounts only the lines it lacks."""
        self.doc = doc
        self._findings = findings
        reusable = [c for c in self.children if isinstance(c, Line)]
        others = [c for c in self.children if not isinstance(c, Line)]
        if others:
            self.remove_children(others)
        self._lines = []
        if doc is None:
            if reusable:
                self.remove_children(reusable)
            self.mount(Static(message, classes="line empty"))
            return
        new: list[Line] = []
        segs = [seg for seg in doc.lines if seg.text.strip()]
        for k, seg in enumerate(segs):
            fs = [x for x in findings if touches(x[1], seg.start, seg.end)]
            text = render_line(seg.text, seg.start, fs, current)
            if k < len(reusable):
                w = reusable[k]
                w.set_text(text)
            else:
                w = Line(text, classes="line")
                new.append(w)
            self._lines.append((seg.start, seg.end, w))
        if len(reusable) > len(segs):
            self.remove_children(reusable[len(segs):])
        if new:
            self.mount_all(new)
        self.scroll_home(animate=False)
        self.call_after_refresh(self.scroll_to_finding, current)

    def _line_of(self, offset: int) -> int | None:
        for k, (a, b, _) in enumerate(self._lines):
            if a <= offset <= b:
                return k
        return None

    def _rerender(self, k: int, current: str | None) -> None:
        a, b, w = self._lines[k]
        fs = [x for x in self._findings if touches(x[1], a, b)]
        assert self.doc is not None
        w.set_text(render_line(self.doc.text[a:b], a, fs, current))

    def update_findings(self, findings: list[tuple[int, Finding, str]], touched: list[Finding],
                        current: str | None) -> None:
        """Re-render only the lines of ``touched`` findings (current, previous, decided)."""
        self._findings = findings
        lines = set()
        for f in touched:
            for off in (f.start, f.end):
                k = self._line_of(off)
                if k is not None:
                    lines.add(k)
        for k in sorted(lines):
            self._rerender(k, current)
        self.scroll_to_finding(current)

    def scroll_to_finding(self, fingerprint: str | None) -> None:
        for _, f, _ in self._findings:
            if f.fingerprint == fingerprint:
                k = self._line_of(f.start)
                if k is not None:
                    # scroll only when the line is out of view: fewer repaints while moving
                    self.scroll_to_widget(self._lines[k][2], animate=False, top=False)
                return
