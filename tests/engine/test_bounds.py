"""The engine's bounds on junk input: a sentence is at most MAX_SENTENCE characters, a check
makes at most MAX_FINDINGS_PER_CHECK findings in one document (and a note says so), and the
spacing checks' windows are found by regex exactly as the character walks they replace did."""

from __future__ import annotations

import random
import re

from mtqa.checks import Hit, check
from mtqa.checks.spacing import _near, _token_bounds
from mtqa.core.config import Config
from mtqa.core.model import Document, Segment, Severity
from mtqa.core.text import MAX_SENTENCE, split_sentences
from mtqa.engine import runner


def _line(text: str) -> Segment:
    return Segment("line", 0, len(text), text)


def test_a_long_run_without_end_marks_is_cut_at_blanks():
    text = "a , " * 3000 + "Fim da frase. Outra frase."
    sents = split_sentences(_line(text))
    assert all(len(s) <= MAX_SENTENCE for s in sents)
    assert all(text[s.start : s.end] == s.text for s in sents)
    assert "".join(s.text for s in sents).replace(" ", "") == text.replace(" ", "")
    # cut at a blank, never inside a word
    assert all(s.text.endswith((",", "a", ".")) for s in sents)
    assert sents[-1].text == "Outra frase."


def test_a_long_word_is_cut_at_the_limit():
    sents = split_sentences(_line("x" * (2 * MAX_SENTENCE + 5)))
    assert [len(s) for s in sents] == [MAX_SENTENCE, MAX_SENTENCE, 5]
    assert [s.start for s in sents] == [0, MAX_SENTENCE, 2 * MAX_SENTENCE]


def test_sentences_under_the_limit_are_untouched():
    text = ("Uma frase de tamanho normal, com vírgulas e palavras. " * 50).strip()
    sents = split_sentences(_line(text))
    assert len(sents) == 50 and all(s.text.endswith("palavras.") for s in sents)
    one = "palavra " * (MAX_SENTENCE // 8 - 1) + "fim."
    assert [s.text for s in split_sentences(_line(one))] == [one]


@check("X901", "test-every-word", Severity.INFO, category="meta", message="word")
def _every_word(doc, ctx):
    """Test check: one hit per word, made lazily."""
    for m in re.finditer(r"\w+", doc.text):
        yield Hit(m.start(), m.end())


@check("X902", "test-few-words", Severity.INFO, category="meta", message="word")
def _few_words(doc, ctx):
    """Test check: one hit on each of the first three words."""
    return [Hit(m.start(), m.end()) for m in list(re.finditer(r"\w+", doc.text))[:3]]


def test_findings_of_one_check_are_capped_with_a_note():
    cap = runner.MAX_FINDINGS_PER_CHECK
    doc = Document("junk.txt", "ab " * (cap * 3))
    eng = runner.Engine(Config(), checks=[_every_word, _few_words])
    found = eng.check_document(doc)
    by_code = {c: [f for f in found if f.code == c] for c in ("X901", "X902")}
    assert len(by_code["X901"]) == cap
    assert [f.start for f in by_code["X901"]] == [3 * i for i in range(cap)]  # the first ones
    assert len(by_code["X902"]) == 3
    assert eng.not_run == [("junk.txt", "X901", runner.CAPPED_NOTE)]
    assert "X901" in eng.ran


def test_a_document_under_the_cap_has_no_note():
    doc = Document("ok.txt", "ab " * 10)
    eng = runner.Engine(Config(), checks=[_every_word])
    assert len(eng.check_document(doc)) == 10
    assert eng.not_run == []


# --- the spacing checks' windows, against the character walks they replace -----------------------


def _walk_token_bounds(text, start, end, limit=80):
    a = start
    while a > 0 and start - a < limit and not text[a - 1].isspace():
        a -= 1
    b, n = end, len(text)
    while b < n and b - end < limit and not text[b].isspace():
        b += 1
    return a, b


def _walk_near(text, anchor, rx, back=60, fwd=60):
    n = len(text)
    a0 = b0 = -1
    for m in anchor.finditer(text):
        a = max(0, m.start() - back)
        k = a
        while k > 0 and a - k < 40 and not text[k - 1].isspace():
            k -= 1
        a = k
        b = min(n, m.end() + fwd)
        for _ in range(2):
            while b < n and b - m.end() < fwd + 80 and not text[b].isspace():
                b += 1
            while b < n and b - m.end() < fwd + 80 and text[b].isspace() and text[b] != "\n":
                b += 1
        if a0 >= 0 and a <= b0:
            b0 = max(b0, b)
            continue
        if a0 >= 0:
            yield from rx.finditer(text, a0, b0)
        a0, b0 = a, b
    if a0 >= 0:
        yield from rx.finditer(text, a0, b0)


def test_windows_equal_the_character_walks():
    rng = random.Random(7)
    anchor = re.compile(r"[(.!]")
    rx = re.compile(r"\w+[.!]|\(\s*\w|(?<=\s)\w\w")
    for _ in range(3000):
        n = rng.choice([0, 1, 5, 50, 200, 400])
        text = "".join(rng.choice("ab ,.\n\t\u00a0\u2003(x)!") if rng.random() < 0.5 else rng.choice("aaab")
                       for _ in range(n))
        for _ in range(3):
            s = rng.randint(0, len(text))
            e = rng.randint(s, len(text))
            limit = rng.choice([1, 5, 80])
            assert _token_bounds(text, s, e, limit) == _walk_token_bounds(text, s, e, limit)
        back, fwd = rng.choice([(60, 60), (4, 4), (2, 2), (20, 4), (0, 0)])
        assert ([m.span() for m in _near(text, anchor, rx, back, fwd)]
                == [m.span() for m in _walk_near(text, anchor, rx, back, fwd)])
