"""Bilingual checks (L118): what a file that holds source and translation side by side shows.

A PO or XLIFF file carries each unit's source beside its translation (mtqa.engine.readers gives
them as ``doc.units``); a plain text has no units and these checks stay silent on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.core.model import Document, Severity

#: Placeholders of printf and of brace formats (``%d``, ``%(name)s``, ``{count}``): not words.
_PLACEHOLDERS = re.compile(r"%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]|\{[^{}]*\}")


def _unit(source: str) -> dict[str, str]:
    """Examples are one unit each: the example's text is its translation, this its source
    (tests/readers/test_bilingual.py runs them with that unit)."""
    return {"unit_source": source}


@check(
    "L118", "unit-unchanged", Severity.WARNING,
    category="untranslated_fragment",
    message="The translation is the source unchanged: untranslated",
    examples=[
        bad("[[The North Korean leader arrived on Wednesday.]]",
            config=_unit("The North Korean leader arrived on Wednesday.")),
        bad("[[Cancel]]", config=_unit("Cancel")),
        good("O líder norte-coreano chegou na quarta-feira.",
             config=_unit("The North Korean leader arrived on Wednesday.")),
        good("2025", config=_unit("2025")),
        good("%d / %s", config=_unit("%d / %s")),
        good("{count} · %(name)s", config=_unit("{count} · %(name)s")),
    ],
)
def unit_unchanged(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A translation unit whose translation is its source, unchanged.

    ## Why it matters
    A PO `msgstr` equal to its `msgid`, or an XLIFF `<target>` equal to its `<source>`, is
    almost always a unit nobody translated: a tool copied the source over to fill the file, or
    the machine translation failed and returned its input. It ships as English in a Portuguese
    page and no other check is sure to see it (a short label such as `Cancel` is too short for
    the language checks).

    ## What fires
    A unit of a PO or XLIFF file whose translation, without the spaces at its edges, is its
    source, and holds at least one letter outside its placeholders: numbers, placeholders and
    punctuation (`2025`, `%d / %s`, `{count}`) are the same in every language and stay silent. Units marked `translate="no"`
    in XLIFF are not read at all. The finding covers the whole translation.
    """
    text = doc.text
    for u in doc.units:
        target = text[u.start : u.end].strip()
        if (target and target == u.source.strip()
                and any(ch.isalpha() for ch in _PLACEHOLDERS.sub("", target))):
            yield Hit(u.start, u.end, evidence={"unit": u.id, "source": u.source})


CHECKS = (unit_unchanged,)
