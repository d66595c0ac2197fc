"""The offset map, the parsers' refusals, L118, folders, and a document checked without lint's
loader (as the review UI does)."""

from __future__ import annotations

import pytest

from mtqa.checks import CheckContext, get_check
from mtqa.core.config import Config
from mtqa.core.errors import InputError
from mtqa.core.model import Document, OffsetMap, Unit
from mtqa.engine.readers import attach, format_of
from tests.readers.conftest import EXPECTED, P1, P2, assert_slices, found


def test_offset_map_copies_replacements_and_gaps():
    # prose "ab&cd" + gap "\n\n" + "ef": file "ab&amp;cd<p>ef"
    m = OffsetMap([(0, 2, 0, 2), (2, 3, 2, 7), (3, 5, 7, 9), (7, 9, 12, 14)],
                  [True, False, True, True])
    assert m.span(0, 2) == (0, 2)
    assert m.span(2, 3) == (2, 7)  # the entity as a whole
    assert m.span(1, 4) == (1, 8)  # a span through the entity covers it
    assert m.span(4, 8) == (8, 13)  # across the gap: the markup between is covered
    assert m.span(5, 7) == (12, 12)  # a span of the gap alone: empty, where the next text starts
    assert m.span(3, 3) == (7, 7)


@pytest.mark.parametrize("name", ["bomb.xlf", "external.xliff"])
def test_xliff_refuses_entities(tmp_path, name):
    if name == "bomb.xlf":
        raw = ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "de de de de">'
               '<!ENTITY b "&a;&a;&a;&a;&a;">]>\n'
               '<xliff version="1.2"><file><body><trans-unit id="1"><source>x</source>'
               '<target>&b;</target></trans-unit></body></file></xliff>')
    else:
        raw = ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]>\n'
               '<xliff version="1.2"><file><body><trans-unit id="1"><source>x</source>'
               '<target>&e;</target></trans-unit></body></file></xliff>')
    with pytest.raises(InputError, match="refused"):
        attach(Document(name, raw))


def test_malformed_files_are_input_errors(tmp_path, lint):
    (tmp_path / "bad.xlf").write_text("<xliff><file></xliff>", encoding="utf-8")
    (tmp_path / "bad.po").write_text('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', encoding="utf-8")
    res = lint(tmp_path / "bad.xlf", tmp_path / "bad.po")
    assert sorted(e.path.rsplit("/", 1)[-1] for e in res.errors) == ["bad.po", "bad.xlf"]
    assert not res.documents


def test_l118_examples_as_units():
    chk = get_check("L118")
    ctx = CheckContext(Config(language="pt", variant="BR"))
    for ex in chk.examples:
        doc = Document("<example>", ex.plain, language="pt", variant="BR")
        doc.units = (Unit("1", ex.config["unit_source"], 0, len(ex.plain)),)
        spans = sorted((h.start, h.end) for h in chk.run(doc, ctx))
        assert spans == (sorted(ex.spans) if ex.fires else []), ex
    # Plain text has no units: silent even on a text that is its own "source".
    assert list(chk.run(Document("<example>", "Cancel"), ctx)) == []


def test_l118_on_po_and_xliff(tmp_path, lint):
    po = tmp_path / "u.po"
    po.write_text('msgid "Cancel"\nmsgstr "Cancel"\n\nmsgid "Save"\nmsgstr "Salvar"\n\n'
                  'msgid "2025"\nmsgstr "2025"\n', encoding="utf-8")
    xlf = tmp_path / "u.xlf"
    xlf.write_text('<xliff version="1.2"><file source-language="en" target-language="pt"><body>'
                   '<trans-unit id="1"><source>Share this article</source>'
                   '<target>Share this article</target></trans-unit>'
                   '<trans-unit id="2" translate="no"><source>Globo</source><target>Globo</target>'
                   '</trans-unit></body></file></xliff>', encoding="utf-8")
    res = lint(po, xlf)
    l118 = [(f.path.rsplit("/", 1)[-1], f.text) for f in res.findings + res.suppressed
            if f.code == "L118"]
    assert l118 == [("u.po", "Cancel"), ("u.xlf", "Share this article")]
    for p in (po, xlf):
        assert_slices(res, p, p.read_text(encoding="utf-8"))


def test_folders_are_walked_for_every_format(tmp_path, lint):
    (tmp_path / "a.po").write_text(f'msgid "x"\nmsgstr "{P1}"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(f"<p>{P2}</p>", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    res = lint(tmp_path)
    assert sorted(d.format for d in res.documents) == ["html", "po"]
    assert [c for c, _ in found(res)] == ["S101", "D103", "O105"]


def test_a_folder_with_nothing_to_read_says_so(tmp_path, lint):
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    res = lint(tmp_path)
    assert not res.documents
    assert len(res.errors) == 1 and "no file here that mtqa reads" in str(res.errors[0])
    assert "*.po" in str(res.errors[0]) and "*.txt" in str(res.errors[0])


def test_check_document_reads_a_document_loaded_elsewhere(engine, tmp_path):
    """The review UI loads a file with load_document and checks it: the reader applies there too,
    and an edited text (a new Document) is read again."""
    raw = f"---\ntitle: de de\n---\n\n{P1}\n"
    doc = Document(str(tmp_path / "x.md"), raw)
    got = engine.check_document(doc)
    assert [(f.code, f.text) for f in got] == EXPECTED[:2]
    assert all(raw[f.start : f.end] == f.text for f in got)
    edited = Document(doc.path, raw.replace("de de dois", "de dois"))
    assert [f.code for f in engine.check_document(edited)] == ["S101"]


def test_plain_text_is_its_own_prose():
    doc = Document("a.txt", "texto")
    assert attach(doc) is doc and doc.prose is None and doc.checked is doc
    assert format_of("x.TXT") == "text" and format_of("x.XLIFF") == "xliff" and format_of(None) == "text"


def test_inline_ignore_in_a_comment_the_prose_leaves_out(tmp_path, lint):
    raw = f"<!-- mtqa: ignore D103 -->\n{P1}\n"
    p = tmp_path / "i.md"
    p.write_text(raw, encoding="utf-8")
    res = lint(p)
    assert found(res) == EXPECTED[:1]
    assert [f.code for f in res.suppressed] == ["D103"]
