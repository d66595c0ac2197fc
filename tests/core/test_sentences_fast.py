"""Document.sentences is made by split_all_sentences, which builds the one-sentence lines itself:
it must give exactly what split_sentences gives line by line."""

from __future__ import annotations

import random

from mtqa.core.inline import inline_comments
from mtqa.core.model import Document
from mtqa.core.text import MAX_SENTENCE, split_all_sentences, split_lines, split_sentences

PIECES = ["a", "Sr. Silva", " lead", "trail ", "O fim. E depois", "x!", "“", "\u00a0nbsp",
          "…", "Dois? Três.", "", "   ", "\t", "w" * (MAX_SENTENCE + 7),
          ("palavra " * 500).strip(), "é", "A. B. C."]


def _reference(text: str) -> list:
    return [s for line in split_lines(text) if line.text for s in split_sentences(line)]


def test_split_all_sentences_is_split_sentences_per_line():
    rng = random.Random(7)
    for _ in range(200):
        lines = [rng.choice(PIECES) for _ in range(rng.randint(1, 12))]
        sep = rng.choice(["\n", "\r\n", "\r"])
        text = ("\ufeff" if rng.random() < 0.2 else "") + sep.join(lines)
        assert list(split_all_sentences(split_lines(text))) == _reference(text), text


def test_document_sentences_of_many_tiny_lines():
    text = "a\n" * 1000 + "Fim. Outra frase\n"
    doc = Document("t.txt", text)
    assert list(doc.sentences) == _reference(text)
    assert len(doc.sentences) == 1002


def test_inline_comments_found_on_their_lines_only():
    text = ("x\r\n" * 50 + "a <!-- MTQA: ignore S101 -->\r\n\r\n" + "<!-- not ours --> y\n"
            + "<!-- mtqa: ignore -->\nz\r" + "b <!-- mtqa: ignore B1 --> <!-- mtqa: ignore C1 -->")
    doc = Document("c.txt", text)
    got = [(c.line, sorted(c.codes), c.lines, text[c.start:c.end]) for c in inline_comments(doc)]
    assert got == [
        (50, ["S101"], (50,), "<!-- MTQA: ignore S101 -->"),
        (53, [], (53, 54), "<!-- mtqa: ignore -->"),
        (55, ["B1"], (55,), "<!-- mtqa: ignore B1 -->"),
        (55, ["C1"], (55,), "<!-- mtqa: ignore C1 -->"),
    ]
