"""HTML: the text nodes, as a browser would lay them out in blocks.

Parsed by the standard library's HTML parser (``html.parser``, with character references left
to us so that each is mapped to its whole source, ``&amp;`` or ``&#233;``). Skipped: the contents
of ``script``, ``style``, ``template``, ``pre``, ``svg`` and ``math``, comments, doctype and
processing instructions; attributes are never read. Inline ``code``, ``kbd`` and ``samp`` read as
one placeholder character (U+FFFC), so the sentence around them keeps its shape. Block elements
(``p``, ``div``, headings, list items, table cells...) end a block; ``br`` breaks the line. A run of
whitespace reads as one space, as HTML renders it, and none is kept at the edges of a block.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from mtqa.core.model import Document
from mtqa.engine.readers import PLACEHOLDER, ProseBuilder

#: Inline code, read as one placeholder character (mtqa.engine.readers.PLACEHOLDER).
INLINE_CODE = frozenset({"code", "kbd", "samp"})
SKIP = frozenset({"script", "style", "template", "code", "pre", "kbd", "samp", "svg", "math"})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol",
    "option", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "title", "tr", "ul",
})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
_WS = " \t\n\r\f"


class _Events(HTMLParser):
    """Records every parser event with the file offset where it starts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        # getpos() counts lines by "\n" alone; offsets of those lines' starts.
        self._lf = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.events: list[tuple[int, str, str]] = []

    def _at(self) -> int:
        line, col = self.getpos()
        return self._lf[line - 1] + col

    def handle_starttag(self, tag, attrs):
        self.events.append((self._at(), "start", tag))

    def handle_startendtag(self, tag, attrs):
        self.events.append((self._at(), "startend", tag))

    def handle_endtag(self, tag):
        self.events.append((self._at(), "end", tag))

    def handle_data(self, data):
        self.events.append((self._at(), "data", data))

    def handle_entityref(self, name):
        self.events.append((self._at(), "ref", name))

    def handle_charref(self, name):
        self.events.append((self._at(), "ref", name))

    def handle_comment(self, data):
        self.events.append((self._at(), "other", ""))

    def handle_decl(self, decl):
        self.events.append((self._at(), "other", ""))

    def handle_pi(self, data):
        self.events.append((self._at(), "other", ""))

    def unknown_decl(self, data):
        self.events.append((self._at(), "other", ""))


def _text(b: ProseBuilder, text: str, fs: int, fe: int) -> None:
    """Write ``text[fs:fe]`` with each whitespace run read as one space."""
    i = fs
    while i < fe:
        j = i
        while j < fe and text[j] not in _WS:
            j += 1
        if j > i:
            b.copy(i, j)
        k = j
        while k < fe and text[k] in _WS:
            k += 1
        if k > j:
            b.pending_space(j, k)
        i = k


def read(doc: Document) -> Document:
    """The prose of an HTML document, attached to it as ``doc.prose``."""
    text = doc.text
    parser = _Events(text)
    parser.feed(text)
    parser.close()
    events = parser.events
    b = ProseBuilder(text)
    skip: list[str] = []
    code_at = 0  # where the outermost inline code element started
    for n, (at, kind, data) in enumerate(events):
        end = events[n + 1][0] if n + 1 < len(events) else len(text)
        if kind in ("start", "startend", "end"):
            tag = data
            if tag in SKIP and tag not in VOID:
                if kind == "start":
                    if not skip:
                        code_at = at
                    skip.append(tag)
                elif kind == "end" and tag in skip:
                    while skip and skip.pop() != tag:
                        pass
                    if not skip and tag in INLINE_CODE:
                        b.put(PLACEHOLDER, code_at, end)  # inline code keeps its place
                continue
            if tag == "br":
                b.line_break()
            elif tag in BLOCKS:
                b.block()
        elif skip:
            continue
        elif kind == "data":
            _text(b, text, at, end)
        elif kind == "ref":
            raw = text[at:end]
            decoded = html.unescape(raw)
            if decoded == raw:
                _text(b, text, at, end)
            elif decoded.strip(_WS) == "":
                b.pending_space(at, end)
            else:
                b.put(decoded, at, end)
    return b.document(doc, "html", unsafe="&<>")
