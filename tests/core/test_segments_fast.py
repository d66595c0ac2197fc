"""Segments of a text of many tiny lines: made faster (slot setters, str.split, the collector
paused), the same segments as the direct code."""

from __future__ import annotations

import gc
import random
import re

import pytest

from mtqa.core import text as t
from mtqa.core.model import Document, Segment


def _reference_lines(text: str) -> tuple[Segment, ...]:
    """split_lines as written before: a Segment per line terminator, found one by one."""
    out, pos = [], 0
    bom = text.startswith("\ufeff")
    for m in re.finditer(r"\r\n?|\n", text):
        start = pos + 1 if pos == 0 and bom else pos
        end = max(start, m.start())
        out.append(Segment("line", start, end, text[start:end]))
        pos = m.end()
    start = pos + 1 if pos == 0 and bom else pos
    out.append(Segment("line", start, max(start, len(text)), text[start:]))
    return tuple(out)


def _texts():
    rng = random.Random(11)
    pieces = ["a", "A", " ", "\n", "\r", "\r\n", ".", "!", "?", "…", "\t", "\u00a0", "\ufeff", "Sr.",
              '"', "”", "É", "1", "Ele disse. Ela", "x" * 40]
    yield from ("", "\ufeff", "\n", "\ufeff\n", "\r", "\ufeff\r\n", "a\n" * 50, "x" + "\n" * 50,
                "“\n" * 30, "a\r" * 30, ("palavra " * 900) + "\n", "a" * 7000)
    for _ in range(3000):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))


def test_lines_are_those_of_the_direct_code():
    for text in _texts():
        assert t.split_lines(text) == _reference_lines(text), repr(text)


def test_a_segment_made_fast_is_a_segment():
    fast = t._segment("line", 3, 5, "ab")
    assert type(fast) is Segment and fast == Segment("line", 3, 5, "ab")
    assert hash(fast) == hash(Segment("line", 3, 5, "ab")) and repr(fast) == repr(Segment("line", 3, 5, "ab"))
    assert len(fast) == 2
    with pytest.raises(AttributeError):  # still frozen
        fast.start = 4  # type: ignore[misc]


def test_sentences_skip_blank_lines_and_lines_without_an_end_mark_are_one_sentence():
    for text in _texts():
        doc = Document("t.txt", text)
        want = tuple(s for line in _reference_lines(text) for s in t.split_sentences(line))
        assert doc.sentences == want, repr(text)
        assert doc.paragraphs == t.split_paragraphs(text)
    line = Segment("line", 10, 16, " Olá  ")
    assert t.split_sentences(line) == [Segment("sentence", 11, 14, "Olá")]
    long = Segment("line", 0, 7000, "palavra " * 875)
    assert [len(s) for s in t.split_sentences(long)] == [2999, 2999, 999]


def test_a_sentence_that_is_its_whole_line_shares_its_offsets():
    doc = Document("t.txt", "a\n" * 1000)
    for line, sent in zip(doc.lines[:-1], doc.sentences, strict=True):
        assert sent.start is line.start and sent.end is line.end and sent.text is line.text


def test_the_collector_is_paused_while_segments_are_made(monkeypatch):
    seen = []
    real = t.split_lines
    monkeypatch.setattr(t, "split_lines", lambda text: (seen.append(gc.isenabled()), real(text))[1])
    assert gc.isenabled()
    doc = Document("t.txt", "a\n" * 100)
    assert len(doc.lines) == 101 and seen == [False]
    assert gc.isenabled()


def test_pauses_nest_and_a_collector_that_was_off_stays_off():
    assert gc.isenabled()
    with t.gc_paused():
        with t.gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with t.gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ValueError), t.gc_paused():
        raise ValueError
    assert gc.isenabled()
