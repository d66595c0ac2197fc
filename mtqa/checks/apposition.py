"""Appositions (S107): a name after a title and a country, without the commas around it.

English writes `Russia's Foreign Minister Sergey Lavrov` with no commas; Portuguese turns the
possessive into `o ministro das Relações Exteriores da Rússia`, and the name that follows is an
apposition, set off by commas: `da Rússia, Sergey Lavrov,`. Machine translation keeps the English
punctuation. The titles are data (``mtqa/checks/data/apposition.yaml``); the country names are
those of ``articles.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.articles import (
    capitalised_function_words,
    country_names,
    trie_pattern,
    window_start,
)
from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import load
from mtqa.core.model import Document, Severity
from mtqa.lang import GAP

_GAP = GAP  # spaces, tabs, no-break spaces between two words (mtqa.lang)
_CAP = r"[A-ZÀ-ÖØ-Þ][\w-]*"


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    titles = (load("apposition").get("office_titles") or {}).get(language)
    if not titles:
        return None
    t = trie_pattern(sorted({w for t in titles for w in (t, t[0].upper() + t[1:])}))
    # before the country: a title, up to six words of portfolio ("das Relações Exteriores",
    # "interino"), then "da/do"
    before = re.compile(
        rf"(?<![\w-])(?:{t})(?:{_GAP}(?:das|dos|da|do|de|e|interino|interina|{_CAP}))"
        rf"{{0,6}}?{_GAP}(?:da|do|das|dos){_GAP}$"
    )
    # after it: a name of two to four words
    # (one word of it: capitalised, not a function word capitalised by a link anchor)
    word = rf"(?!(?:{capitalised_function_words(language)})\b)[A-ZÀ-ÖØ-Þ][\w'’-]+"
    after = re.compile(rf"{_GAP}(?P<name>{word}(?:{_GAP}{word}){{1,3}})(?![\w-])")
    return before, after


@check(
    "S107", "apposition-without-commas", Severity.WARNING,
    category="spacing_punctuation",
    message="'{text}': the name after the title and its country is an apposition; set it off with commas",
    languages=("pt",),
    examples=[
        bad("Kim se encontrou com o ministro das Relações Exteriores da [[Rússia Sergey Lavrov]] no sábado.",
            suggest="Rússia, Sergey Lavrov,"),
        bad("O presidente da [[Rússia Vladimir Putin]] chegou a Pyongyang.", suggest="Rússia, Vladimir Putin,"),
        bad("Ele falou com o líder da [[Coreia do Norte Kim Jong Un]].", suggest="Coreia do Norte, Kim Jong Un"),
        good("Kim se encontrou com o ministro das Relações Exteriores da Rússia, Sergey Lavrov, no sábado."),
        good("O presidente russo Vladimir Putin chegou a Pyongyang."),
        good("O embaixador da Rússia na ONU pediu a palavra."),
        good("A líder da oposição da Venezuela María Corina"),
        good("O presidente dos Emirados Árabes Unidos visitou o Brasil."),
        good("O presidente da Rússia Unida, Dmitry Medvedev, falou ao partido."),
        good("O presidente elogiou o papel da China Xinhua News na cobertura."),
    ],
)
def apposition_without_commas(doc: Document, ctx) -> Iterator[Hit]:
    """A person's name after a title and a country, without commas (`da Rússia Sergey Lavrov`).

    ## Why it matters
    `Russia's Foreign Minister Sergey Lavrov` needs no commas in English; in Portuguese the
    country moves after the title (`o ministro das Relações Exteriores da Rússia`) and the name
    becomes an apposition: `da Rússia, Sergey Lavrov,`. Without the commas the name reads as part
    of the country's name.

    ## What fires
    A title of a person (data: `office_titles`), `da/do` and a country name, then a name of two
    to four capitalised words with no comma before it. The suggestion adds the commas (the one
    after the name only where the sentence goes on).

    ## What stays silent
    A title directly before a name (`o presidente russo Vladimir Putin`), a country followed by
    anything but a name, a name of one word (`Rússia Unida`), and lines without closing
    punctuation that look like headings.
    """
    pats = _patterns(doc.language or "pt")
    if pats is None:
        return
    before, after = pats
    text = doc.text
    for c in country_names(doc):
        if c.in_heading:
            continue  # headlines drop punctuation on purpose
        a = after.match(text, c.end)
        if a is None:
            continue
        if before.search(text, window_start(text, c.start, 120), c.start) is None:
            continue
        name = a.group("name")
        nxt = text[a.end():a.end() + 1]
        closing = "" if not nxt or nxt in ",.;:!?)”»\n" else ","
        yield Hit(c.start, a.end(), suggestion=f"{c.text}, {name}{closing}")


CHECKS = (apposition_without_commas,)
