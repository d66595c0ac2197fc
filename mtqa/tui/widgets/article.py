"""The article: every line of the document, each finding's span highlighted.

A span gets the colour of its severity and, after it, a marker such as ``⟧3W·SP`` (its number in
the findings list, severity letter, category) so it reads without colour too. The current finding
is shown reversed and opens with ``▶`` instead of ``⟦``.

The whole article is one widget drawn through Textual's line API: each line of the document is
rendered to a rich ``Text`` (never parsed as markup) and ``render_line`` hands out the rows in
view, one blank row after each line. A line is wrapped into strips (as Textual wraps a widget's
text) only when one of its rows is first in view; the other lines only have their number of rows
counted, from where the same wrapping algorithm breaks their text. Moving between findings
re-renders only the lines of the findings involved and repaints only their rows; a document
switch swaps the lines and repaints the view, without a screen layout.
"""

from __future__ import annotations

from bisect import bisect_right

from rich._wrap import divide_line  # the line breaking of textual.content (same import there)
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.visual import Visual

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


class ArticleView(ScrollView, can_focus=True):
    """The current document, scrolled to the current finding."""

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.doc: Document | None = None
        self._findings: list[tuple[int, Finding, str]] = []
        self._current: str | None = None
        self._spans: list[tuple[int, int]] = []  # document offsets of each line shown
        #: Each line shown, as rendered (what a test or a screen reader reads: ``.plain``).
        self.texts: list[Text] = []
        self._strips: list[list[Strip] | None] = []  # each line wrapped at self._width, or None
        self._rows: list[int] = []  # each line's number of rows at self._width
        self._top: list[int] = [0]  # first row of each line; the last item is the row count
        self._width = -1

    @property
    def plain(self) -> str:
        """The article's text as shown, markers included, one line of the document a line."""
        return "\n".join(t.plain for t in self.texts)

    def show(self, doc: Document | None, findings: list[tuple[int, Finding, str]],
             current: str | None, message: str = "") -> None:
        """Show a document (or ``message`` when there is none), scrolled to ``current``."""
        self.doc = doc
        self._findings = findings
        self._current = current
        if doc is None:
            self._spans = []
            self.texts = [Text(message)]
        else:
            self._spans = [(seg.start, seg.end) for seg in doc.lines if seg.text.strip()]
            by_line = _findings_by_line(self._spans, findings)
            self.texts = [render_line(doc.text[a:b], a, fs, current)
                          for (a, b), fs in zip(self._spans, by_line, strict=True)]
        self._wrap_all(self._content_width())
        self.scroll_to(0, 0, animate=False)
        self.scroll_to_finding(current)
        self.refresh()

    # --- layout of the rows -----------------------------------------------------------------

    def _content_width(self) -> int:
        return max(0, self.scrollable_content_region.width)

    def _wrap(self, k: int, width: int) -> list[Strip]:
        """Line ``k`` wrapped at ``width`` as Textual wraps a widget's text (the strips of a
        widget that renders it), with the mouse selection on it, if any."""
        if width <= 0:
            return []
        text = self.texts[k]
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(k)) is not None:
            start, end = span
            text = text.copy()
            text.stylize(self.screen.get_component_rich_style("screen--selection"),
                         start, len(text) if end == -1 else end)
        content = Content.from_rich_text(text, console=self.app.console)
        strips = Visual.to_strips(self, content, width, None, self.visual_style, pad=True,
                                  apply_selection=False)
        return [_on_line(strip, k) for strip in strips] if k else strips

    def _count_rows(self, k: int, width: int) -> int:
        """The rows of line ``k`` wrapped at ``width``, without wrapping it when possible."""
        plain = self.texts[k].plain
        if width <= 0:
            return 0
        if "\t" in plain or "\n" in plain:  # expanded or split before wrapping: wrap it
            strips = self._strips[k] = self._wrap(k, width)
            return len(strips)
        if cell_len(plain) <= width:
            return 1
        return len(divide_line(plain, width, fold=True)) + 1

    def _wrap_all(self, width: int) -> None:
        """Forget the strips (wrapped again when in view) and count the rows at ``width``."""
        self._width = width
        self._strips = [None] * len(self.texts)
        self._rows = [self._count_rows(k, width) for k in range(len(self.texts))]
        self._reflow()

    def _strips_of(self, k: int) -> list[Strip]:
        strips = self._strips[k]
        if strips is None:
            strips = self._strips[k] = self._wrap(k, self._width)
            if len(strips) != self._rows[k]:  # never expected: the count is the wrap's
                self._rows[k] = len(strips)
                self._reflow()
                self.refresh()
        return strips

    def _reflow(self) -> None:
        """Row offsets of the lines (each followed by a blank row) and the virtual size."""
        top = [0]
        for rows in self._rows:
            top.append(top[-1] + rows + 1)
        self._top = top
        new, old = Size(max(0, self._width), top[-1]), self.virtual_size
        if new == old:
            return
        height = self.scrollable_content_region.height
        if old.height and old.width == new.width and (old.height > height) == (new.height > height):
            # the scrollbar neither appears nor disappears: update it without a screen layout
            self.set_reactive(ArticleView.virtual_size, new)
            self._scroll_update(new)
        else:
            self.virtual_size = new

    def on_resize(self) -> None:
        self._wrap_all(self._content_width())
        self.scroll_to_finding(self._current)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self._content_width()
        if width != self._width:  # laid out for the first time, or a scrollbar appeared or went
            self._wrap_all(width)
            self.call_after_refresh(self.scroll_to_finding, self._current)
        row = y + self.scroll_offset.y
        k = bisect_right(self._top, row) - 1
        if 0 <= k < len(self._rows) and row - self._top[k] < self._rows[k]:
            strips = self._strips_of(k)
            if row - self._top[k] < len(strips):
                return strips[row - self._top[k]]
        return Strip.blank(width, self.visual_style.rich_style)

    # --- mouse selection (what Textual gives a widget of text: drag to select, then copy) ---

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract(self.plain), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips = [None] * len(self.texts)
        self.refresh()

    # --- moves ------------------------------------------------------------------------------

    def _line_of(self, offset: int) -> int | None:
        # the lines are in text order and disjoint: the last one starting at or before offset
        k = bisect_right(self._spans, (offset, float("inf"))) - 1
        if k >= 0 and self._spans[k][0] <= offset <= self._spans[k][1]:
            return k
        return None

    def _rerender(self, k: int, current: str | None) -> bool:
        """Render line ``k`` again; whether its number of rows changed."""
        a, b = self._spans[k]
        fs = [x for x in self._findings if touches(x[1], a, b)]
        assert self.doc is not None
        text = render_line(self.doc.text[a:b], a, fs, current)
        self.texts[k] = text
        self._strips[k] = None  # wrapped again when painted
        rows, self._rows[k] = self._rows[k], self._count_rows(k, self._width)
        return self._rows[k] != rows

    def update_findings(self, findings: list[tuple[int, Finding, str]], touched: list[Finding],
                        current: str | None) -> None:
        """Re-render only the lines of ``touched`` findings (current, previous, decided) and
        repaint only their rows."""
        self._findings = findings
        self._current = current
        if self.doc is None:
            return
        lines = set()
        for f in touched:
            for off in (f.start, f.end):
                k = self._line_of(off)
                if k is not None:
                    lines.add(k)
        reflow = False
        for k in sorted(lines):
            reflow = self._rerender(k, current) or reflow
        if reflow:
            self._reflow()
            self.refresh()
        else:
            for k in lines:
                self.refresh_lines(self._top[k], self._top[k + 1] - self._top[k])
        self.scroll_to_finding(current)

    def scroll_to_finding(self, fingerprint: str | None) -> None:
        for _, f, _ in self._findings:
            if f.fingerprint == fingerprint:
                k = self._line_of(f.start)
                if k is not None:
                    # scroll only when the line (and the blank row after it) is out of view:
                    # fewer repaints while moving
                    top, rows = self._top[k], self._top[k + 1] - self._top[k]
                    self.scroll_to_region(Region(0, top, max(1, self._width), rows),
                                          animate=False, top=False, immediate=True)
                return


def _on_line(strip: Strip, k: int) -> Strip:
    """``strip`` with its selection offsets on line ``k`` of the article: Textual numbers the
    only line of a text it renders 0 (the offsets say where the mouse is in the text)."""
    segments = []
    for text, style, control in strip:
        if style is not None and style._meta is not None and "offset" in style.meta:
            x, _ = style.meta["offset"]
            style = style + Style.from_meta({"offset": (x, k)})
        segments.append(Segment(text, style, control))
    return Strip(segments, strip.cell_length)


def _findings_by_line(spans: list[tuple[int, int]],
                      findings: list[tuple[int, Finding, str]]) -> list[list]:
    """The findings that show on each line (``touches``), in the order of ``findings``."""
    out: list[list] = [[] for _ in spans]
    starts = [a for a, _ in spans]
    for item in findings:
        f = item[1]
        # the first line that can show f: the last starting at or before f.start (or the first)
        k = max(0, bisect_right(starts, f.start) - 1)
        while k < len(spans) and spans[k][0] <= max(f.start, f.end):
            a, b = spans[k]
            if touches(f, a, b):
                out[k].append(item)
            k += 1
    return out
