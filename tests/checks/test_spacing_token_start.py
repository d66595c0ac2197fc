"""The start of the token before a span (spacing's windows and address tests): the same offset
as the search of ``\\S*\\Z`` it replaces, found in one pass over the window."""

from __future__ import annotations

import random
import re

from mtqa.checks import spacing as sp

_OLD = re.compile(r"\S*\Z")


def test_token_start_is_what_the_search_found():
    rng = random.Random(1)
    chars = ["a", "b", " ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "=", '"', "é"]
    for _ in range(20000):
        t = "".join(rng.choice(chars) for _ in range(rng.randint(0, 30)))
        lo = rng.randint(0, len(t))
        pos = rng.randint(lo, len(t))
        assert sp._token_start(t, lo, pos) == _OLD.search(t, lo, pos).start(), (t, lo, pos)


def test_token_bounds_in_tags_without_blanks():
    t = '<p class="x"><a href="/a">Leia</a></p>' * 50
    q = t.index('"', 500)
    a, b = sp._token_bounds(t, q, q + 1)
    assert (a, b) == (t.rindex(" ", 0, q) + 1, t.index(" ", q))
    assert sp._token_bounds(t, 0, 1)[0] == 0 and sp._token_bounds("x" * 200, 150, 151) == (70, 200)


def test_token_start_reads_the_window_once(monkeypatch):
    # One match of one pattern per call, however long the run of non-blanks: the search it
    # replaces started over at each of the window's positions.
    calls = []

    class Counted:
        def match(self, *args):
            calls.append(args[1:])
            return pattern.match(*args)

    pattern = sp._UP_TO_LAST_BLANK
    monkeypatch.setattr(sp, "_UP_TO_LAST_BLANK", Counted())
    t = "=" * 10_000 + " " + '"' * 10_000
    assert sp._token_start(t, 0, len(t)) == 10_001
    assert calls == [(0, len(t))]
