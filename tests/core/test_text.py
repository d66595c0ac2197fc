"""Loading that never surprises, and segmentation with exact offsets."""

from __future__ import annotations

import codecs

import pytest

from mtqa.core.errors import InputError
from mtqa.core.model import Document
from mtqa.core.text import load_document, split_sentences

PT = "O líder norte-coreano chegou. A visita durou dois dias.\n"


def test_utf8_plain(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(PT.encode("utf-8"))
    doc = load_document(p)
    assert doc.text == PT and doc.encoding == "utf-8"


def test_utf8_bom_keeps_offsets_of_the_decoded_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(codecs.BOM_UTF8 + PT.encode("utf-8"))
    doc = load_document(p)
    assert doc.text == p.read_bytes().decode("utf-8")
    assert doc.lines[0].text == PT.rstrip("\n")  # the BOM is not part of the first line
    assert doc.position(1) == (1, 1)


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(PT.encode("utf-16"))
    doc = load_document(p)
    assert doc.text == PT and doc.encoding == "utf-16"


def test_crlf_lines_exclude_the_carriage_return(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"Primeira linha.\r\nSegunda linha.\r\n")
    doc = load_document(p)
    assert [s.text for s in doc.lines[:2]] == ["Primeira linha.", "Segunda linha."]
    seg = doc.lines[1]
    assert doc.text[seg.start : seg.end] == "Segunda linha."
    assert doc.position(seg.start) == (2, 1)


def test_cp1252_is_detected(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("A reunião em Brasília “terminou”.\n".encode("cp1252"))
    doc = load_document(p)
    assert doc.encoding == "cp1252" and "reunião" in doc.text


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"", "empty"),
        (b"  \n\t\n\xc2\xa0\n", "empty"),
        (b"\x81\x8d\x8f\x90\x9d", "not UTF-8"),
    ],
)
def test_bad_inputs_name_the_file(tmp_path, data, needle):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        load_document(p)
    assert needle in str(exc.value) and "bad.txt" in str(exc.value)


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"palavra " * 1000)
    with pytest.raises(InputError, match="over the limit"):
        load_document(p, max_bytes=100)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "nope.txt")


def test_nbsp_lines_are_blank_for_paragraphs():
    doc = Document("x", "Um parágrafo.\n\u00a0\nOutro parágrafo.\n")
    assert [p.text for p in doc.paragraphs] == ["Um parágrafo.", "Outro parágrafo."]


def test_sentences_respect_abbreviations_and_numbers():
    doc = Document("x", "O Sr. Silva chegou às 10h. Disse que 10.000 pessoas foram. E saiu!\n")
    assert [s.text for s in doc.sentences] == [
        "O Sr. Silva chegou às 10h.",
        "Disse que 10.000 pessoas foram.",
        "E saiu!",
    ]
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_sentence_after_closing_quote():
    line = Document("x", "“Vamos vencer.” Ele saiu.").lines[0]
    assert [s.text for s in split_sentences(line)] == ["“Vamos vencer.”", "Ele saiu."]


def test_position_is_one_based():
    doc = Document("x", "ab\ncd\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (2, 2)


def test_line_bounds_and_line_closes():
    from mtqa.core.text import line_closes

    text = "Título sem ponto\r\nUma frase.  \n\núltima linha sem fim"
    doc = Document("t.txt", text)
    assert doc.line_bounds(0) == (0, 17)  # the \r stays in the line, before its newline
    assert doc.line_bounds(text.index("Uma")) == (18, 30)
    assert doc.line_bounds(text.index("última")) == (32, len(text))
    assert not line_closes(doc, 0)
    assert line_closes(doc, text.index("frase"))
    assert not line_closes(doc, text.index("última"))
    assert not line_closes(doc, 31)  # the blank line
