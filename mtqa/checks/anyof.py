"""Does one of many alternatives match? Answered without compiling those that cannot.

Several page-furniture checks ask whether a short line is one of dozens of phrases or patterns
(`_widget_rx`: 63 alternatives, 9,000 characters of regex). Compiling such an alternation costs
5-20 ms, and on most articles no line comes near it. :class:`AnyOf` keeps, for each alternative,
the strings every match of it holds (``_required_literals``, as the glossary's pattern sets do),
and compiles only the alternatives whose strings are in the text, once per such subset: a line
holding none of them is answered ``False`` with no regex at all. For a yes/no answer this is the
alternation's own: a text (full)matches ``head(?:a|b|c)tail`` exactly when it (full)matches
``head(?:a)tail`` or ``head(?:b)tail`` or ``head(?:c)tail``.

The strings are read from the alternatives' parse trees, which costs about as much as compiling
them, so they are kept across runs in the data cache (mtqa.core.datacache): plain lists of
strings, checked when read.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: Most subsets of alternatives kept compiled per AnyOf (then they are compiled again).
MAX_SUBSETS = 256


class AnyOf:
    """``head(?:alt1|alt2|...)tail`` (``flags`` 0 or re.IGNORECASE), asked yes or no."""

    def __init__(self, name: str, alts: list[str], *, head: str = "", tail: str = "", flags: int = 0) -> None:
        if flags & ~re.IGNORECASE:
            raise ValueError("AnyOf takes no flag but re.IGNORECASE")
        self.name = name
        self.alts = list(alts)
        self.head = head
        self.tail = tail
        self.flags = flags
        #: Numbered back-references would change meaning in a subset: never split then.
        self._split = not any(re.search(r"\\[1-9]|\(\?P=", a) for a in self.alts)
        self._reqs: list[tuple[str, ...] | None] | None = None
        self._all: re.Pattern[str] | None = None
        self._subsets: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    @property
    def pattern(self) -> str:
        return self._source(range(len(self.alts)))

    def _source(self, ix) -> str:
        return self.head + "(?:" + "|".join(f"(?:{self.alts[i]})" for i in ix) + ")" + self.tail

    def _whole(self) -> re.Pattern[str]:
        if self._all is None:
            self._all = re.compile(self.pattern, self.flags)
        return self._all

    def _literals(self) -> list[tuple[str, ...] | None]:
        if self._reqs is None:
            from mtqa.core.datacache import cached

            key = json.dumps([self.head, self.tail, self.flags, self.alts], ensure_ascii=False)
            n = len(self.alts)
            self._reqs = cached(key, f"anyof:{self.name}", _compute_literals,
                                lambda reqs: reqs, lambda data: _checked(data, n), kind="literals")
        return self._reqs

    def _rx(self, text: str) -> re.Pattern[str] | None:
        """The regex of the alternatives that can match in ``text`` (None: none can)."""
        if not self._split:
            return self._whole()
        from mtqa.core.glossary import _folded

        low = _folded(text)
        if low is None:
            return self._whole()
        reqs = self._literals()
        ix = tuple(i for i, r in enumerate(reqs) if r is None or any(s in low for s in r))
        if len(ix) == len(reqs):
            return self._whole()
        if ix in self._subsets:
            return self._subsets[ix]
        if len(self._subsets) >= MAX_SUBSETS:
            self._subsets.clear()
        rx = self._subsets[ix] = re.compile(self._source(ix), self.flags) if ix else None
        return rx

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """The match of the whole of ``text`` by one of the alternatives, or None (as
        ``re.Pattern.fullmatch``, so ``is not None`` and truth tests both work)."""
        rx = self._rx(text)
        return None if rx is None else rx.fullmatch(text)

    def search(self, text: str) -> re.Match[str] | None:
        """The first match of one of the alternatives in ``text``, or None."""
        rx = self._rx(text)
        return None if rx is None else rx.search(text)


def _compute_literals(key: str) -> list[list[str] | None]:
    from mtqa.core.glossary import _required_literals

    _head, _tail, _flags, alts = json.loads(key)
    out = []
    for a in alts:
        r = _required_literals(a)
        out.append(sorted(r) if r else None)
    return out


def _checked(data: Any, n: int) -> list[tuple[str, ...] | None]:
    """The literal sets of a cache file: ``n`` entries, each None or a list of strings of two
    characters or more; ValueError otherwise."""
    if type(data) is not list or len(data) != n:
        raise ValueError("not literal sets")
    out: list[tuple[str, ...] | None] = []
    for r in data:
        if r is None:
            out.append(None)
        elif type(r) is list and r and all(type(s) is str and len(s) >= 2 for s in r):
            out.append(tuple(r))
        else:
            raise ValueError("not literal sets")
    return out
