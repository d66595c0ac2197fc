"""Checks that read a line by its text alone test each distinct text once
(mtqa.core.text.per_text): the hits are those of testing every line, in the same order, on
repeated lines too."""

from __future__ import annotations

import random

from mtqa.checks import get_check
from mtqa.core.model import Document
from mtqa.core.text import per_text
from tests.checks._rules import context


def _doc(text: str) -> Document:
    return Document("t.txt", text, language="pt", variant="BR")


def test_per_text_is_testing_every_line_in_order():
    rng = random.Random(5)
    pool = ["Leia também:", "a", "  Fim do texto.  ", "\u00a0b\u00a0", "Deixe um comentário", "x y z"]
    calls: list[str] = []

    def fn(t: str):
        calls.append(t)
        return len(t) if "e" in t or t == "a" else None

    for _ in range(50):
        doc = _doc("\n".join(rng.choice(pool + [""]) for _ in range(rng.randint(0, 40))))
        calls.clear()

        lines = doc.nonblank_lines
        want = [(i, ln, fn(ln[2])) for i, ln in enumerate(lines) if fn(ln[2])]
        calls.clear()
        assert per_text(lines, doc.nonblank_groups, fn) == want
        assert sorted(calls) == sorted({ln[2] for ln in lines})  # once per distinct text


def test_nonblank_lines_are_the_trimmed_lines():
    doc = _doc("  a \n\n\u00a0\nb\r\n\t c d\t\nx")
    assert [t for _, _, t, _ in doc.nonblank_lines] == ["a", "b", "c d", "x"]
    for a, b, t, i in doc.nonblank_lines:
        assert doc.text[a:b] == t and t in doc.lines[i].text


def test_a_repeated_line_fires_on_every_occurrence_in_order():
    text = "Fim do texto.\n" + "Deixe um comentário\nOutra linha qualquer.\n" * 1500
    hits = get_check("B101").run(_doc(text), context(), 1001)
    assert len(hits) == 1001
    starts = [h.start for h in hits]
    assert starts == sorted(starts) and text[starts[0]:hits[0].end] == "Deixe um comentário"
    assert starts[1] - starts[0] == len("Deixe um comentário\nOutra linha qualquer.\n")


def test_repeated_headings_labels_and_cut_words_fire_each_time():
    heading = "Empresa Anuncia Novo Aparelho Para Jogos"
    text = f"{heading}\n\nO texto segue aqui.\n\n{heading}\n"
    hits = get_check("U110").run(_doc(text), context())
    assert [text[h.start:h.end] for h in hits] == ["Anuncia Novo Aparelho Para Jogos"] * 2
    assert hits[0].start < hits[1].start
    block = "Leia também:\nGoverno anuncia novo pacote de medidas\n\nO ministro falou depois.\n\n"
    hits = get_check("B102").run(_doc("Texto.\n\n" + block * 3), context())
    assert len(hits) == 6 and [h.start for h in hits] == sorted(h.start for h in hits)
