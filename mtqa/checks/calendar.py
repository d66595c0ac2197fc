"""Calendar words (U104): months and weekdays capitalised the English way.

English capitalises `Wednesday` and `June`; Portuguese writes `quarta-feira` and `junho` (the 1990
agreement made months lower-case in Portugal too, though some Portuguese papers keep the old
capitals). Machine translation carries the capital over: `na Quarta-feira`, `em Junho`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtqa.checks.articles import window_start
from mtqa.checks.base import Hit, bad, check, good
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan
from mtqa.core.text import line_closes
from mtqa.lang import named_set

# The pt pack's months and weekdays (mtqa/lang/pt/sets.yaml), capitalised: "Junho", "Quarta-feira"
# (or "Quarta-Feira"), "Sábado".
_MONTHS = "|".join(m.capitalize() for m in named_set("pt", "months"))
_WEEKDAYS = (
    "(?:" + "|".join(w.capitalize() for w in named_set("pt", "weekday_ordinals")) + ")-[Ff]eira|"
    + "|".join(w.capitalize() for w in named_set("pt", "weekdays") if not w.endswith("-feira"))
)
_MONTH_SET = frozenset(_MONTHS.split("|"))
#: A month in lower case after a word or a number: the document writes months the 1990 way.
_LOWER_MONTH = re.compile(rf"(?<=[\w,][ \t\u00a0])(?:{_MONTHS.lower()})(?![\w-])")
_WORD = re.compile(rf"(?<![\w-])(?P<word>{_MONTHS}|{_WEEKDAYS})(?![\w-])")
#: Before the word: the end of a lower-case word or a comma, so the word is mid-sentence.
_BEFORE = re.compile(r"[a-zà-öø-ÿ0-9,][ \t\u00a0]+$")
#: A capitalised word before it, with `de/do/da` between, makes it part of a name (`Rio de
#: Janeiro`, `Praça Sete de Setembro`, `Revolução de Outubro`).
_NAME_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w-]*[ \t\u00a0]+(?:de|do|da)[ \t\u00a0]+$")
#: After it, a capitalised word or `de/da/do` and one: a name or a feast (`Sexta-feira Santa`,
#: `Quarta-feira de Cinzas`, `Domingo de Páscoa`).
_NAME_AFTER = re.compile(r"[ \t\u00a0]+(?:(?:de|da|do|dos|das)[ \t\u00a0]+)?[A-ZÀ-ÖØ-Þ]")


@check(
    "U104", "capitalised-month-or-weekday", Severity.WARNING,
    category="capitalization",
    message="'{text}': Portuguese writes months and weekdays in lower case; write '{suggestion}'",
    languages=("pt",),
    examples=[
        bad("Os líderes se reuniram na [[Quarta-feira]] em Pyongyang.", suggest="quarta-feira"),
        bad("O acordo foi assinado em 19 de [[Junho]], segundo a agência.", suggest="junho"),
        bad("A votação ficou para o próximo [[Sábado]].", suggest="sábado"),
        good("Os líderes se reuniram na quarta-feira, 19 de junho, em Pyongyang."),
        good("A festa do Rio de Janeiro ocupa a Praça Sete de Setembro e a Rua Primeiro de Março."),
        good("O feriado de Sexta-feira Santa e a Quarta-feira de Cinzas mudam o trânsito."),
        good("Domingo, o presidente viajou. Sábado é dia de jogo."),
        good("A exposição Janeiro Branco começa amanhã."),
        good("O acordo foi assinado em 19 de Junho, segundo o Público.", variant="PT"),
        bad("O acordo foi assinado em 19 de junho e revisto em 2 de [[Julho]].", suggest="julho",
            variant="PT"),
        good("Reunião fica para Sábado"),
    ],
)
def capitalised_month_or_weekday(doc: Document, ctx) -> Iterator[Hit]:
    """A month or weekday capitalised in mid-sentence (`na Quarta-feira`, `em Junho`).

    ## Why it matters
    Portuguese writes months and weekdays in lower case: `quarta-feira`, `19 de junho`. The
    capital is the English convention, carried over by the translation.

    ## What fires
    A weekday or a month after a lower-case word, a number or a comma. Months only in pt-BR
    texts and in pt-PT texts that also write a month in lower case: Portuguese papers that keep
    the pre-1990 rules still write `Junho`.

    ## What stays silent
    The start of a sentence or a line, names and feasts (`Rio de Janeiro`, `Praça Sete de
    Setembro`, `Sexta-feira Santa`, `Quarta-feira de Cinzas`), a capitalised word right after
    it (`Janeiro Branco`), and lines without closing punctuation (headings).
    """
    text = doc.text
    # pt-PT papers that keep the pre-1990 rules write `Junho`; a document that also writes
    # `junho` in mid-sentence follows the new ones, and its capitalised months are slips.
    months_too = (doc.variant or "").upper() == "BR" or _LOWER_MONTH.search(text) is not None
    for m in scan(_WORD, text):
        word = m.group("word")
        if word in _MONTH_SET and not months_too:
            continue
        start = window_start(text, m.start(), 60)
        if not _BEFORE.search(text, start, m.start()):
            continue
        if _NAME_BEFORE.search(text, start, m.start()) or _NAME_AFTER.match(text, m.end()):
            continue
        if not line_closes(doc, m.start()):
            continue  # a heading
        yield Hit(m.start(), m.end(), suggestion=word.lower())


CHECKS = (capitalised_month_or_weekday,)
