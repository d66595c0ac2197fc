"""XLIFF 1.2 and 2.0: the targets, each unit a block, with the unit's source beside it.

Parsed by expat (the standard library's XML parser) with every entity declaration refused, no
external entity or DTD ever fetched, and parameter entities off: a file that declares entities
(an entity-expansion bomb, an external reference) is refused, not expanded. Only the five
predefined entities and character references are decoded, each mapped to its whole source
(``&amp;``, ``&#233;``).

Read: ``<target>`` of a 1.2 ``<trans-unit>`` and of a 2.0 ``<segment>`` (not ``<alt-trans>``
proposals), with the text of ``<g>``, ``<mrk>`` and ``<pc>`` inside and without the native code of
``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``; a placeholder (``<ph>``, ``<x/>``) reads as one placeholder
character (U+FFFC); a 2.0 ``<cp hex="..."/>`` is its character. Units marked
``translate="no"`` are not read. The segments of one 2.0 unit are one block, a space apart.
"""

from __future__ import annotations

from xml.parsers import expat

from mtqa.core.errors import InputError
from mtqa.core.model import Document
from mtqa.engine.readers import PLACEHOLDER, ProseBuilder

#: Inline elements whose content is native code, not text.
_CODE = frozenset({"ph", "bpt", "ept", "it", "sub"})
#: Standalone placeholders (1.2 ``<ph>``, ``<x/>``; 2.0 ``<ph/>``): one placeholder character each.
#: Paired codes (``<bpt>``/``<ept>``, ``<bx/>``/``<ex/>``, 2.0 ``<sc/>``/``<ec/>``) read as nothing.
_PLACEHOLDERS = frozenset({"ph", "x"})
_UNITS = frozenset({"trans-unit", "unit"})


class _Refused(Exception):
    pass


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _parse(doc: Document) -> tuple[list[tuple[int, str, object]], list[int]]:
    """Every parser event as (byte offset, kind, payload), in order."""
    data = doc.text.encode("utf-8")
    p = expat.ParserCreate(encoding="utf-8", namespace_separator=" ")
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    events: list[tuple[int, str, object]] = []

    def refuse(*_args):
        raise _Refused("declares entities (refused: no entity is expanded, none fetched)")

    def external(*_args):
        raise _Refused("refers to an external entity (refused: nothing is fetched)")

    p.EntityDeclHandler = refuse
    p.UnparsedEntityDeclHandler = refuse
    p.ExternalEntityRefHandler = external
    p.StartElementHandler = lambda name, attrs: events.append((p.CurrentByteIndex, "start", (_local(name), attrs)))
    p.EndElementHandler = lambda name: events.append((p.CurrentByteIndex, "end", _local(name)))
    p.CharacterDataHandler = lambda d: events.append((p.CurrentByteIndex, "data", d))
    for h in ("CommentHandler", "ProcessingInstructionHandler", "StartCdataSectionHandler",
              "EndCdataSectionHandler", "StartDoctypeDeclHandler", "XmlDeclHandler"):
        setattr(p, h, lambda *a: events.append((p.CurrentByteIndex, "other", None)))
    try:
        p.Parse(data, True)
    except _Refused as exc:
        raise InputError(doc.path, f"XLIFF file {exc}") from None
    except expat.ExpatError as exc:
        raise InputError(doc.path, f"not well-formed XML: {expat.errors.messages.get(exc.code, exc)}",
                         exc.lineno) from None
    return events, _byte_to_char(doc.text, [e[0] for e in events])


def _byte_to_char(text: str, byte_offsets: list[int]) -> list[int]:
    """Character offsets of increasing UTF-8 byte offsets into ``text``."""
    out = []
    b = c = 0
    for target in byte_offsets:
        while b < target:
            o = ord(text[c])
            b += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
            c += 1
        out.append(c)
    return out


def _data(b: ProseBuilder, text: str, d: str, fs: int, fe: int) -> None:
    """Write character data ``d`` that expat read from ``text[fs:fe]``."""
    raw = text[fs:fe]
    if raw == d:
        b.copy(fs, fe)
    elif raw.replace("\r\n", "\n").replace("\r", "\n") == d:
        i = fs
        while i < fe:  # line ends normalised by XML: each "\r\n" stands for its "\n"
            j = i
            while j < fe and text[j] != "\r":
                j += 1
            b.copy(i, j)
            if j < fe:
                k = j + 2 if text[j + 1 : j + 2] == "\n" else j + 1
                b.put("\n", j, k)
                j = k
            i = j
    else:
        b.put(d, fs, fe)  # a reference (&amp;, &#233;) or a CDATA section's edge


def read(doc: Document) -> Document:
    """The targets of an XLIFF file, attached to it as ``doc.prose``."""
    text = doc.text
    events, chars = _parse(doc)
    end_of = chars[1:] + [len(text)]
    b = ProseBuilder(text)
    unit_id = ""
    skip_unit = False
    in_alt = 0
    # Inside a source or target: which, the depth of native-code elements, the text so far.
    part: str | None = None
    code_depth = 0
    source: list[str] = []
    unit_start = 0
    segments = 0
    code_at = 0
    for n, (_byte, kind, payload) in enumerate(events):
        fs, fe = chars[n], end_of[n]
        if kind == "start":
            name, attrs = payload  # type: ignore[misc]
            # The declared language of the sources (1.2: <file source-language>, 2.0: <xliff
            # srcLang>): the source-aware checks translate from it.
            declared = attrs.get("source-language") if name == "file" else (
                attrs.get("srcLang") if name == "xliff" else None)
            if declared and declared.strip():
                doc.meta.setdefault("source_language", declared.strip().replace("_", "-").split("-")[0].lower())
            if name in _UNITS:
                unit_id = attrs.get("id", "")
                skip_unit = attrs.get("translate", "yes") == "no"
                source, segments = [], 0
                b.block()
                unit_start = b.length
            elif name == "alt-trans":
                in_alt += 1
            elif name in ("source", "target") and not in_alt and part is None and not skip_unit:
                part = name
                code_depth = 0
                if name == "target" and segments:
                    b.pending_space(fs, fs)
                if name == "target":
                    segments += 1
            elif part and name in _CODE:
                if not code_depth:
                    code_at = fs
                code_depth += 1
            elif part == "target" and name == "cp" and not code_depth:
                try:
                    b.put(chr(int(attrs.get("hex", ""), 16)), fs, fe)
                except (ValueError, OverflowError):
                    pass
            elif part == "source" and name == "cp" and not code_depth:
                try:
                    source.append(chr(int(attrs.get("hex", ""), 16)))
                except (ValueError, OverflowError):
                    pass
        elif kind == "end":
            name = payload
            if name == "alt-trans":
                in_alt -= 1
            elif part and name == part:
                if part == "source":
                    source.append(" ")
                part = None
            elif part and name in _CODE:
                code_depth -= 1
                if not code_depth and part == "target" and name in _PLACEHOLDERS:
                    b.put(PLACEHOLDER, code_at, fe)
            elif part == "target" and name == "x" and not code_depth:
                b.put(PLACEHOLDER, fs, fe)
            elif name in _UNITS:
                b.unit(unit_id, "".join(source).strip(),
                       unit_start + (2 if unit_start else 0))
                b.block()
        elif kind == "data" and part and not code_depth:
            if part == "target":
                _data(b, text, payload, fs, fe)  # type: ignore[arg-type]
            else:
                source.append(payload)  # type: ignore[arg-type]
    return b.document(doc, "xliff", unsafe="&<>")
