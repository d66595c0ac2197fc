"""`mtqa glossary import` of a two-column CSV `forbidden,preferred` (with or without that header):
house-style entries (kind forbidden, G108); a bad row is an error naming the file and line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mtqa.cli.glossary import glossary
from mtqa.core import glossary as g
from mtqa.core.model import Document


def _import(tmp_path, text: str, name: str = "style.csv"):
    src = tmp_path / name
    src.write_bytes(text.encode("utf-8"))
    out = tmp_path / "house.yaml"
    r = CliRunner().invoke(glossary, ["import", str(src), "-o", str(out)], catch_exceptions=False)
    return r, src, out


@pytest.mark.parametrize("header", ["forbidden,preferred\n", "Forbidden , Preferred\n", ""],
                         ids=["header", "header-spaced", "no-header"])
def test_two_columns_import_as_forbidden_entries(tmp_path, header):
    r, _, out = _import(tmp_path, header + "Kyiv,Kiev\nmídia do estado,mídia estatal|imprensa estatal\n")
    assert r.exit_code == 0, r.output
    assert "imported 2 entries" in r.output
    assert "2 imported entries need a failing and a passing example" in r.output
    kyiv, midia = sorted(g.load_file(out).entries, key=lambda e: e.id)
    assert (kyiv.id, kyiv.kind, kyiv.terms, kyiv.suggest) == ("house-kyiv", "forbidden", ["Kyiv"], "Kiev")
    assert kyiv.message == "house style: 'Kiev', not 'Kyiv'"
    assert (midia.id, midia.terms, midia.suggest) == (
        "house-midia-do-estado", ["mídia do estado"], "mídia estatal|imprensa estatal")
    # and the entries work: the matcher reports the forbidden form with the preferred one
    doc = Document("d.txt", "A mídia do estado noticiou a visita a Kyiv.", language="pt", variant="BR")
    found = g.Matcher([kyiv, midia], "BR").scan((s.start, s.text) for s in doc.sentences)
    assert sorted((m.text, m.suggestion) for m in found) == [("Kyiv", "Kiev"), ("mídia do estado", "mídia estatal")]


def test_semicolons_quotes_blank_rows_and_a_bom(tmp_path):
    text = "\ufeffforbidden;preferred\r\n\r\n\"Kim Jong Un\";\"Kim Jong-un\"\r\n;\r\nhuthis;houthis;\r\n"
    r, _, out = _import(tmp_path, text)
    assert r.exit_code == 0, r.output
    assert [(e.id, e.terms, e.suggest) for e in g.load_file(out).entries] == [
        ("house-huthis", ["huthis"], "houthis"), ("house-kim-jong-un", ["Kim Jong Un"], "Kim Jong-un")]


def test_the_same_forbidden_term_twice_gets_two_ids(tmp_path):
    r, _, out = _import(tmp_path, "Kyiv,Kiev\nKYIV,Kiev\n")
    assert r.exit_code == 0
    assert sorted(e.id for e in g.load_file(out).entries) == ["house-kyiv", "house-kyiv-2"]


@pytest.mark.parametrize(("rows", "line", "why"), [
    ("forbidden,preferred\nKyiv,Kiev\nsó uma coluna\n", 3, "expected 2 columns (forbidden,preferred), got 1"),
    ("Kyiv,Kiev\n\nhuthis,houthis,extra\n", 3, "expected 2 columns (forbidden,preferred), got 3"),
    ("Kyiv,Kiev\n,Kiev\n", 2, "no forbidden term in the first column"),
    ("Kyiv,\n", 1, "no preferred term for 'Kyiv' in the second column"),
    ("Kyiv,Kyiv\n", 1, "'Kyiv' is both forbidden and preferred"),
    ('Kyiv,Kiev\n"uma\ncélula em duas linhas",x\nhuthis\n', 4, "expected 2 columns"),
])
def test_a_bad_row_names_the_file_and_line(tmp_path, rows, line, why):
    r, src, out = _import(tmp_path, rows)
    assert r.exit_code == 2
    assert f"{src}:{line}: {why}" in r.output
    assert not out.exists()


def test_the_full_format_is_still_read(tmp_path):
    text = "id,kind,terms,suggest,message,source,target,variants,bad,good\n" \
           "x-kyiv,forbidden,Kyiv,Kiev,house style,,,,[[Kyiv]] recebeu ajuda.,Kiev recebeu ajuda.\n"
    r, _, out = _import(tmp_path, text)
    assert r.exit_code == 0, r.output
    (e,) = g.load_file(out).entries
    assert (e.id, e.terms, len(e.examples)) == ("x-kyiv", ["Kyiv"], 2)
