"""Markdown: the prose of paragraphs, headings, list items, quotes and table cells.

Parsed by markdown-it-py (CommonMark, with tables and front matter). Skipped: YAML/TOML front
matter, fenced and indented code, HTML blocks and inline HTML (comments included), link
destinations and titles, autolinks. Inline code reads as one placeholder character (U+FFFC), so
the sentence around it keeps its shape. Kept: link text and image alt text. Escapes
(``\\*``) and entities (``&amp;``) are read as the character they stand for, mapped to their
whole source. A soft line break reads as a space, so a wrapped paragraph is one line of prose.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from mtqa.core.model import Document
from mtqa.core.text import line_starts
from mtqa.engine.readers import CLOSING, PLACEHOLDER, ProseBuilder

_MD: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _MD
    if _MD is None:
        md = MarkdownIt("commonmark").use(front_matter_plugin).enable("table")
        # Keep escapes and entities as their own tokens (text_special), with their source markup.
        md.disable("text_join")
        _MD = md
    return _MD


def _skip_destination(content: str, i: int) -> int:
    """Past ``](destination "title")`` or ``][label]`` after a link's or image's text."""
    n = len(content)
    if i < n and content[i] == "]":
        i += 1
    if i < n and content[i] == "(":
        depth, quote = 0, ""
        while i < n:
            ch = content[i]
            if ch == "\\":
                i += 2
                continue
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return n
    if i < n and content[i] == "[":
        j = content.find("]", i)
        return n if j == -1 else j + 1
    return i


class _Inline:
    """One inline token's content and where each of its characters is in the file."""

    def __init__(self, b: ProseBuilder, text: str, starts: list[int], token,
                 cursor: dict[int, int]) -> None:
        self.b = b
        self.content = token.content
        self.ok = True
        # File offset of the start of each content line, found on the token's source lines.
        self.line_offsets: list[int] = []
        self.line_starts_in_content: list[int] = []
        first = token.map[0] if token.map else 0
        pos = 0
        for k, cl in enumerate(self.content.split("\n")):
            ln = first + k
            if ln >= len(starts):
                self.ok = False
                return
            ls = starts[ln]
            le = starts[ln + 1] if ln + 1 < len(starts) else len(text)
            lo = max(ls, cursor.get(ln, ls))
            at = text.find(cl, lo, le) if cl else lo
            if at == -1:
                self.ok = False
                return
            cursor[ln] = at + len(cl)
            self.line_offsets.append(at)
            self.line_starts_in_content.append(pos)
            pos += len(cl) + 1

    def file_at(self, c: int) -> int:
        """File offset of content offset ``c`` (on a content line)."""
        import bisect

        k = bisect.bisect_right(self.line_starts_in_content, c) - 1
        return self.line_offsets[k] + (c - self.line_starts_in_content[k])

    def emit(self, cs: int, ce: int) -> None:
        """Write content ``[cs, ce)`` as copies of the file (a newline in it reads as a space)."""
        while cs < ce:
            nl = self.content.find("\n", cs, ce)
            stop = ce if nl == -1 else nl
            if stop > cs:
                self.b.copy(self.file_at(cs), self.file_at(stop))
            if nl == -1:
                break
            self.b.pending_space(self.file_at(nl) if nl > cs else self.file_at(cs), self.file_at(nl + 1))
            cs = nl + 1


def read(doc: Document) -> Document:
    """The prose of a Markdown document, attached to it as ``doc.prose``."""
    text = doc.text
    b = ProseBuilder(text)
    starts = line_starts(text)
    # Where the last content found on each source line ends: table cells share a line, and each
    # is looked for after the one before it.
    cursor: dict[int, int] = {}
    for tok in _parser().parse(text):
        if tok.type != "inline":
            continue
        inl = _Inline(b, text, starts, tok, cursor)
        if inl.ok:
            _walk(inl, tok.children or [], 0)
        b.block()
    return b.document(doc, "markdown")


def _walk(inl: _Inline, children, cur: int) -> int:
    """Write the prose of inline ``children`` found from content offset ``cur``; returns the new
    cursor."""
    b, content = inl.b, inl.content
    dropped = False  # inline code or HTML was just left out: do not double the space around it
    autolink = 0
    for ch in children:
        t = ch.type
        if t == "text":
            if autolink or not ch.content:
                continue
            at = content.find(ch.content, cur)
            if at == -1:
                continue
            s, e = at, at + len(ch.content)
            cur = e
            if dropped:
                # An inline comment was left out: "o comando <!-- x --> instala" reads "o comando
                # instala", and "o comando <!-- x -->." reads "o comando.", not with a space too many.
                if b.at_block_start():
                    while s < e and content[s] == " ":
                        s += 1
                elif b.ends_with_space():
                    if content[s] == " ":
                        s += 1
                    elif content[s] in CLOSING:
                        b.trim_space()
                dropped = False
            if s < e:
                inl.emit(s, e)
        elif t == "text_special":
            at = content.find(ch.markup, cur)
            if at == -1:
                continue
            cur = at + len(ch.markup)
            dropped = False
            b.put(ch.content, inl.file_at(at), inl.file_at(cur))
        elif t == "softbreak":
            at = content.find("\n", cur)
            if at != -1:
                b.pending_space(inl.file_at(at) if at > cur else inl.file_at(cur), inl.file_at(at + 1))
                cur = at + 1
        elif t == "hardbreak":
            at = content.find("\n", cur)
            if at != -1:
                cur = at + 1
            b.line_break()
        elif t == "html_inline":
            at = content.find(ch.content, cur)
            if at != -1:
                cur = at + len(ch.content)
            dropped = ch.content.startswith("<!--")
        elif t == "code_inline":
            # Read as one placeholder, mapped to the span up to the closing backtick run.
            at = content.find(ch.markup, cur)
            if at != -1:
                end = content.find(ch.markup, at + len(ch.markup))
                if end != -1:
                    cur = end + len(ch.markup)
                    b.put(PLACEHOLDER, inl.file_at(at), inl.file_at(cur))
            dropped = False
        elif t == "link_open":
            if ch.markup == "autolink":
                autolink += 1
        elif t == "link_close":
            if ch.markup == "autolink":
                autolink -= 1
                at = content.find(">", cur)
                cur = at + 1 if at != -1 else cur
            else:
                cur = _skip_destination(content, cur)
        elif t == "image":
            cur = _walk(inl, ch.children or [], cur)
            cur = _skip_destination(content, cur)
    return cur
