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

from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import load
from mtqa.core.model import Document, Severity

_GAP = r"[ \t\u00a0]+"
_FUNCTION_WORDS = "Na|No|Nas|Nos|Em|De|Da|Do|Das|Dos|A|O|As|Os|E|Para|Com|Por|Pela|Pelo|Ao|À|Em"
_CAP = r"[A-ZÀ-ÖØ-Þ][\w-]*"
#: One word of a person's name: capitalised, not a function word capitalised by a link anchor.
_NAME_WORD = rf"(?!(?:{_FUNCTION_WORDS})\b)[A-ZÀ-ÖØ-Þ][\w'’-]+"


@cache
def _pattern(language: str) -> re.Pattern[str] | None:
    titles = (load("apposition").get("office_titles") or {}).get(language)
    countries = (load("articles").get("countries") or {}).get(language)
    if not titles or not countries:
        return None
    t = "|".join(f"[{w[0]}{w[0].upper()}]{re.escape(w[1:])}" for w in sorted(titles, key=len, reverse=True))
    names = [n for group in countries.values() for n in group]
    c = "|".join(re.escape(n).replace(r"\ ", _GAP) for n in sorted(names, key=len, reverse=True))
    # a title, up to six words of portfolio ("das Relações Exteriores", "interino"), "da/do" and a country
    # (atomic: "Emirados Árabes Unidos" is never cut to "Emirados Árabes"), then a name of two
    # to four words
    return re.compile(
        rf"(?<![\w-])(?:{t})(?:{_GAP}(?:das|dos|da|do|de|e|interino|interina|{_CAP}))"
        rf"{{0,6}}?{_GAP}(?:da|do|das|dos){_GAP}"
        rf"(?P<country>(?>{c})){_GAP}(?P<name>{_NAME_WORD}(?:{_GAP}{_NAME_WORD}){{1,3}})(?![\w-])"
    )


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
    rx = _pattern(doc.language or "pt")
    if rx is None:
        return
    text = doc.text
    for m in rx.finditer(text):
        line_end = text.find("\n", m.end())
        line = text[text.rfind("\n", 0, m.start()) + 1:line_end if line_end >= 0 else len(text)].rstrip()
        if line and line[-1] not in ".!?:;…\"”»)":
            continue  # a heading: headlines drop punctuation on purpose
        country, name = m.group("country"), m.group("name")
        after = text[m.end():m.end() + 1]
        closing = "" if not after or after in ",.;:!?)”»\n" else ","
        yield Hit(m.start("country"), m.end("name"), suggestion=f"{country}, {name}{closing}")


CHECKS = (apposition_without_commas,)
