"""PO (gettext): the translations (``msgstr``), each entry a block, with ``msgid`` as its source.

Parsed by polib. The header entry, obsolete entries (``#~``) and empty translations are not
read; fuzzy ones are (their text is still machine output to check). Plural forms are one block
each, with ``msgid_plural`` as the source of all but the first. polib gives the strings and the
line each entry starts on; the offsets come from walking that entry's ``msgstr`` literals,
where each escape (``\\n``, ``\\"``) stands for its two source characters. The strings walked are
compared with polib's: a file where they differ is refused rather than mapped wrongly.
"""

from __future__ import annotations

import polib

from mtqa.core.errors import InputError
from mtqa.core.model import Document
from mtqa.core.text import line_starts
from mtqa.engine.readers import ProseBuilder

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}


def _literals(text: str, starts: list[int], first_line: int, last_line: int, keyword: str):
    """The (file start, file end) of the quoted literals of ``keyword`` (``msgstr`` or
    ``msgstr[1]``) in lines ``first_line`` to ``last_line`` (0-based, end excluded)."""
    out: list[tuple[int, int]] = []
    ln = first_line
    inside = False
    while ln < last_line:
        ls = starts[ln]
        le = starts[ln + 1] if ln + 1 < len(starts) else len(text)
        line = text[ls:le].rstrip("\r\n")
        stripped = line.lstrip()
        lead = len(line) - len(stripped)
        if inside and stripped.startswith('"'):
            q = ls + lead
        elif stripped.startswith(keyword) and stripped[len(keyword):len(keyword) + 1] in (" ", "\t", '"'):
            rest = stripped[len(keyword):]
            q = ls + lead + len(keyword) + (len(rest) - len(rest.lstrip()))
            inside = True
        else:
            if inside:
                break
            ln += 1
            continue
        end = ls + len(line.rstrip())
        if text[q : q + 1] == '"' and end - q >= 2 and text[end - 1] == '"':
            out.append((q + 1, end - 1))
        ln += 1
    return out


def _write(b: ProseBuilder, text: str, literals: list[tuple[int, int]]) -> str:
    """Write the literals' decoded text; returns it."""
    decoded: list[str] = []
    for fs, fe in literals:
        i = fs
        run = fs
        while i < fe:
            if text[i] == "\\" and i + 1 < fe:
                b.copy(run, i)
                decoded.append(text[run:i])
                ch = _ESCAPES.get(text[i + 1], text[i + 1])
                b.put(ch, i, i + 2)
                decoded.append(ch)
                i += 2
                run = i
            else:
                i += 1
        b.copy(run, fe)
        decoded.append(text[run:fe])
    return "".join(decoded)


def read(doc: Document) -> Document:
    """The translations of a PO file, attached to it as ``doc.prose``."""
    text = doc.text
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as exc:
        raise InputError(doc.path, f"not a valid PO file: {exc}") from None
    starts = line_starts(text)
    entries = [e for e in po if not e.obsolete]
    lines = [e.linenum - 1 for e in entries] + [len(starts)]
    b = ProseBuilder(text)
    for k, e in enumerate(entries):
        if e.msgid == "" and not e.msgctxt:
            continue  # the header
        first, last = lines[k], max(lines[k], min(lines[k + 1], len(starts)))
        if e.msgstr_plural:
            forms = [(f"msgstr[{n}]", e.msgstr_plural[n], e.msgid if n == 0 else e.msgid_plural)
                     for n in sorted(e.msgstr_plural)]
        else:
            forms = [("msgstr", e.msgstr, e.msgid)]
        for keyword, value, source in forms:
            if not value:
                continue
            start = b.length
            b.block()
            lits = _literals(text, starts, first, last, keyword)
            got = _write(b, text, lits)
            if got != value:
                raise InputError(doc.path, f"cannot map the {keyword} of this entry to the file",
                                 e.linenum)
            uid = (e.msgctxt + "\x04" if e.msgctxt else "") + e.msgid
            b.unit(uid, source, _content_start(b, start))
    return b.document(doc, "po", unsafe='"\\\n\t')


def _content_start(b: ProseBuilder, before: int) -> int:
    """Where the unit just written starts: after the block separator written before it."""
    return before + (len("\n\n") if before else 0)
