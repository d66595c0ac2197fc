"""Text cut off (T1xx): a paragraph that stops in the middle of a word, a dangling credit label.

Scrapers and length limits cut articles short: the last word is left half-written (`turísti`) or
a byline label is left with nothing after it (`Editado por:`). Labels and word endings are data
(``mtqa/checks/data/truncation.yaml``), per language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.checks.data import all_languages, per_language
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document, Severity

_LAST_WORD = re.compile(r"(?<![\w'’-])([^\W\d_]{3,})$")
_SENTENCE_END = re.compile(r"[.!?…]$|[.!?…][\"'”’»)\]]+$")


def _lines(doc: Document) -> list[tuple[int, int, str]]:
    out = []
    for line in doc.lines:
        t = line.text
        a = len(t) - len(t.lstrip())
        b = len(t.rstrip())
        if b > a:
            out.append((line.start + a, line.start + b, t[a:b]))
    return out


@cache
def _endings(language: str) -> tuple[str, ...]:
    table = per_language("truncation", "completion_endings")
    return tuple(dict.fromkeys(table.get(language, ())))


@check(
    "T101", "truncated-word", Severity.WARNING,
    category="truncation",
    message="Text ends in the middle of a word: '{text}' (did it continue as '{completion}'?)",
    languages=("pt", "en", "it", "es"),
    needs=("dictionary",),
    examples=[
        bad("O governo anunciou um novo plano para o setor [[turísti]]"),
        bad("A reunião terminou.\n\nOs dois países assinaram um acordo de cooperação [[econômi]]\n"),
        good("O governo anunciou um novo plano para o setor turístico"),
        good("Reação dos mercados\n\nO dólar caiu."),
        good("Por Ana Souza, de Belo Horizonte\n\nO texto começa aqui."),
        good("Jornais e emissoras lembraram o caso, segundo o think tank"),
        good("O presidente viajou a Kharkiv"),
    ],
)
def truncated_word(doc: Document, ctx) -> Iterator[Hit]:
    """A paragraph that ends in the middle of a word.

    ## Why it matters
    A cut-off text (`... o setor turísti`) lost its end; the reader notices at once, and the
    missing part may hold information.

    ## What fires
    A line with no final punctuation whose last word is lower-case, unknown to the target
    language's dictionary (and to the English one), and becomes a known word when a common
    ending is added (`turísti` + `ca`). Headings end on complete words and stay silent; so do
    names and foreign words at the end of a line.
    """
    lang = doc.language or ""
    endings = _endings(lang)
    if not endings:
        return
    dictionary = ctx.providers.get("dictionary")
    if not dictionary.has(lang, doc.variant):
        raise ProviderUnavailable(f"dictionary: no word list for {lang} installed")
    english = lang != "en" and dictionary.has("en", "US")
    for a, b, t in _lines(doc):
        if _SENTENCE_END.search(t):
            continue
        m = _LAST_WORD.search(t)
        if not m:
            continue
        word = m.group(1)
        if word != word.lower() or dictionary.known(word, lang, doc.variant):
            continue
        if english and dictionary.known(word, "en", "US"):
            continue
        completion = next(
            (word + e for e in endings if dictionary.known(word + e, lang, doc.variant)), None
        )
        if completion:
            yield Hit(a + m.start(1), b, args={"completion": completion},
                      evidence={"completion": completion})


# --- T102 dangling labels -------------------------------------------------------------------------


@cache
def _label_rx() -> re.Pattern[str]:
    labels = sorted(all_languages("truncation", "byline_label"), key=len, reverse=True)
    multi = "|".join(r"\s+".join(map(re.escape, x.split())) for x in labels if " " in x)
    single = "|".join(re.escape(x) for x in labels if " " not in x)
    return re.compile(rf"(?:(?:{multi})\s*:?|(?:{single})\s*:)", re.IGNORECASE)


@check(
    "T102", "dangling-label", Severity.WARNING,
    category="truncation",
    message="Credit label with nothing after it: '{text}'",
    examples=[
        bad("O acordo foi assinado no sábado.\n[[Editado por:]]"),
        bad("The deal was signed on Saturday.\n\n[[Edited by:]]\n"),
        bad("Texto do artigo.\n[[Reportagem:]]\n\nO governo anunciou hoje um novo plano de obras."),
        good("O acordo foi assinado no sábado.\n\nEdição: Carlos Lima"),
        good("Por:\nAna Souza"),
        good("Texto do artigo.\n\nEditado por: Maria Lima"),
    ],
)
def dangling_label(doc: Document, ctx) -> Iterator[Hit]:
    """A byline or credit label left with nothing after it (`Editado por:`).

    ## Why it matters
    The name after the label was cut off; the label alone is a visible defect.

    ## What fires
    A line that is only a credit label (`Editado por:`, `Por:`, `Edited by:`, `Reportagem:`)
    at the end of the text, or followed by a full sentence instead of a name.
    """
    rx = _label_rx()
    lines = _lines(doc)
    for i, (a, b, t) in enumerate(lines):
        if len(t) > 40 or not rx.fullmatch(t):
            continue
        nxt = lines[i + 1][2] if i + 1 < len(lines) else None
        if nxt is None or (len(nxt.split()) >= 8 and _SENTENCE_END.search(nxt)):
            yield Hit(a, b, suggestion="")


CHECKS = (truncated_word, dangling_label)
