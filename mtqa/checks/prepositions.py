"""Prepositions (P1xx): a preposition carried over from the source language.

The first rule is for English targets: Portuguese says `na quarta-feira` and `em 19 de junho`,
and machine translation writes `in Wednesday` and `in June 19` where English says `on`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtqa.checks.base import Hit, bad, check, good
from mtqa.core.model import Document, Severity
from mtqa.core.rx import scan

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: Nouns that make a weekday a modifier: "in Sunday school", "in Friday prayers".
_DAY_NOUNS = ("school|prayers?|services?|mass|market|papers?|editions?|league|games?|matches|"
              "newspapers?|supplements?|magazines?|shows?|sermons?|trading|session's")
_WEEKDAY = re.compile(
    rf"(?<![\w-])(?P<in>[Ii]n)[ \t\u00a0]+(?:(?P<det>this|last|next|the)[ \t\u00a0]+)?"
    rf"(?P<day>(?:{_DAYS})s?)(?![\w'’-])(?![ \t\u00a0]+(?:{_DAY_NOUNS})\b)"
)
_DATE = re.compile(
    rf"(?<![\w-])(?P<in>[Ii]n)[ \t\u00a0]+(?P<day>(?:{_MONTHS})[ \t\u00a0]+\d{{1,2}}(?:st|nd|rd|th)?)"
    rf"(?![\w:/.-]|[ \t\u00a0]*[-–])"
)


@check(
    "P101", "in-before-day", Severity.WARNING,
    category="calque",
    message="'{text}': English uses 'on' before a day or a date; write '{suggestion}'",
    languages=("en",),
    examples=[
        bad("The leaders met during a summit [[in Wednesday]] in Pyongyang.", suggest="on Wednesday",
            language="en"),
        bad("The deal was signed [[in June 19]], officials said.", suggest="on June 19", language="en"),
        bad("[[In Monday]], the minister resigned.", suggest="On Monday", language="en"),
        bad("He arrived [[in last Friday]].", suggest="last Friday", language="en"),
        good("The leaders met on Wednesday in Pyongyang.", language="en"),
        good("The vote is due in June, and results in 2024 were poor.", language="en"),
        good("He taught in Sunday school and spoke in Friday prayers.", language="en"),
        good("As reported in Monday's edition, the talks failed.", language="en"),
        good("Prices rose in June 2024 and again in May.", language="en"),
    ],
)
def in_before_day(doc: Document, ctx) -> Iterator[Hit]:
    """`in` before a weekday or a month and day, where English says `on` (`in Wednesday`).

    ## Why it matters
    Portuguese, Spanish and Italian use the same preposition for days, months and years (`na
    quarta-feira`, `em junho`, `em 19 de junho`); English says `on Wednesday`, `on June 19` but
    `in June`. Translated word for word, the text reads `a summit in Wednesday`.

    ## What fires
    `in` before a weekday (`in Wednesday`, `in Mondays`; with `this`, `last` or `next` the
    preposition goes), or before a month and a day number (`in June 19`). A month alone or with
    a year (`in June`, `in June 2024`), a possessive (`in Monday's edition`) and a weekday that
    modifies a noun (`in Sunday school`, `in Friday prayers`) stay silent.
    """
    text = doc.text
    for m in scan(_WEEKDAY, text):
        on = "On" if m.group("in")[0] == "I" else "on"
        det = m.group("det")
        if det in ("this", "last", "next"):
            suggestion = f"{det[0].upper() + det[1:] if on == 'On' else det} {m.group('day')}"
        elif det == "the":
            continue  # "in the Monday" is rare and not this calque
        else:
            suggestion = f"{on} {m.group('day')}"
        yield Hit(m.start(), m.end(), suggestion=suggestion)
    for m in scan(_DATE, text):
        on = "On" if m.group("in")[0] == "I" else "on"
        yield Hit(m.start(), m.end(), suggestion=f"{on} {m.group('day')}")


CHECKS = (in_before_day,)
