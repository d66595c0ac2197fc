"""`mtqa glossary ...`: exit codes, messages naming file and line, and each subcommand's job."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli.glossary import glossary
from mtqa.core import glossary as g
from tests.glossaries.test_glossary_core import ENTRY

GOOD = "schema: mtqa-glossary/1\npair: en-pt\nentries:\n" + ENTRY


def _run(*args):
    return CliRunner().invoke(glossary, list(args), catch_exceptions=False)


@pytest.fixture
def gfile(tmp_path) -> Path:
    p = tmp_path / "g.yaml"
    p.write_text(g.dump(g.glossary_from_text(GOOD)), encoding="utf-8")
    return p


def test_shipped_glossaries_validate_test_and_are_formatted():
    assert _run("validate", "--isolated").exit_code == 0
    r = _run("test", "--isolated")
    assert r.exit_code == 0, r.output
    assert _run("fmt", "--check", "--isolated").exit_code == 0


def test_validate_reports_file_and_line_and_exits_2(tmp_path, gfile):
    broken = tmp_path / "broken.yaml"
    broken.write_text(GOOD.replace("kind: false_friend", "kind: false_friend\n  colour: red"), encoding="utf-8")
    regex = tmp_path / "regex.yaml"
    regex.write_text(GOOD.replace("id: stress", "id: other").replace("'\\s+a\\s+aliança'", "'(\\w+\\s?)*x'"), encoding="utf-8")
    r = _run("validate", str(tmp_path))
    assert r.exit_code == 2
    assert f"{broken}:6: unknown key 'colour'" in r.output
    assert f"{regex}:" in r.output and "backtrack" in r.output
    # the valid file in the same folder is still read
    assert "g.yaml" not in r.output


def test_test_reports_failing_entry(tmp_path):
    p = tmp_path / "g.yaml"
    p.write_text(GOOD.replace("- good: O trânsito estressa.", "- good: Kim estressa a aliança."), encoding="utf-8")
    r = _run("test", str(p))
    assert r.exit_code == 1
    assert "FAIL stress" in r.output and "fired on ['estressa']" in r.output


def test_fmt_check_then_fmt(tmp_path):
    p = tmp_path / "g.yaml"
    p.write_text(GOOD.replace("terms: ['estress{a,ou}']", "terms:\n    - estress{a,ou}"), encoding="utf-8")
    assert _run("fmt", "--check", str(p)).exit_code == 1
    assert _run("fmt", str(p)).exit_code == 0
    assert _run("fmt", "--check", str(p)).exit_code == 0
    assert g.load_file(p).entries[0].forms == ["estressa", "estressou"]


def test_add_refuses_without_examples_or_with_wrong_ones(gfile):
    base = ["add", str(gfile), "--id", "rodadas", "--kind", "false_friend", "--term", "rodadas",
            "--message", "rounds of ammunition", "--suggest", "projéteis"]
    r = _run(*base, "--bad", "10 milhões de [[rodadas]] de artilharia")
    assert r.exit_code == 2 and "at least one --bad" in r.output
    r = _run(*base, "--bad", "10 milhões de [[rodadas]] de artilharia", "--good", "a primeira rodadas do torneio e as rodadas")
    assert r.exit_code == 2 and "fired on" in r.output and "not added" in r.output
    r = _run(*base, "--bad", "10 milhões de [[rodadas]] de artilharia", "--good", "a primeira rodada do torneio")
    assert r.exit_code == 0, r.output
    ids = [e.id for e in g.load_file(gfile).entries]
    assert ids == ["rodadas", "stress"]
    r = _run(*base, "--bad", "10 milhões de [[rodadas]] de artilharia", "--good", "a primeira rodada")
    assert r.exit_code == 2 and "duplicate id" in r.output


def test_csv_export_import_round_trip(tmp_path, gfile):
    out = tmp_path / "x.csv"
    assert _run("export", str(gfile), "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["id"] == "stress" and rows[0]["terms"] == "estress{a,ou}"
    target = tmp_path / "new.yaml"
    assert _run("import", str(out), "-o", str(target)).exit_code == 0
    (e,) = g.load_file(target).entries
    assert e.id == "stress" and e.suggest == "enfatiza" and len(e.examples) == 2


def test_tbx_forbidden_maps_to_forbidden_term(tmp_path):
    tbx = tmp_path / "t.tbx"
    tbx.write_text("""<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry id="c1">
  <langSet xml:lang="en"><tig><term>state media</term></tig></langSet>
  <langSet xml:lang="pt">
   <tig><term>mídia estatal</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
   <tig><term>mídia do estado</term><termNote type="administrativeStatus">forbidden</termNote></tig>
  </langSet>
 </termEntry>
 <termEntry id="c2">
  <langSet xml:lang="en"><tig><term>Kremlin</term></tig></langSet>
  <langSet xml:lang="pt"><tig><term>Kremlin</term></tig></langSet>
 </termEntry>
</body></text></martif>""", encoding="utf-8")
    target = tmp_path / "imported.yaml"
    r = _run("import", str(tbx), "-o", str(target))
    assert r.exit_code == 0 and "need a failing and a passing example" in r.output
    e1, e2 = g.load_file(target).entries
    assert (e1.kind, e1.forms, e1.suggest, e1.source) == ("forbidden", ["mídia do estado"], "mídia estatal", ["state media"])
    assert (e2.kind, e2.source, e2.target) == ("term", ["Kremlin"], ["Kremlin"])
    # imported entries have no examples: validate says so, naming the file
    r = _run("validate", str(target))
    assert r.exit_code == 2 and str(target) in r.output and "'bad' example" in r.output
    # and export writes forbidden forms back with administrativeStatus forbidden
    out = tmp_path / "out.tbx"
    assert _run("export", str(target), "--format", "tbx", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "<term>mídia do estado</term>" in text and ">forbidden<" in text


def test_import_bad_tbx_names_file(tmp_path):
    tbx = tmp_path / "bad.tbx"
    tbx.write_text("<martif><text>", encoding="utf-8")
    r = _run("import", str(tbx), "-o", str(tmp_path / "o.yaml"))
    assert r.exit_code == 2 and "bad.tbx" in r.output and "invalid TBX" in r.output


def test_stats_over_corpus(tmp_path, gfile):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Kim estressa a aliança. O trânsito estressa.\n", encoding="utf-8")
    r = _run("stats", str(gfile), "--corpus", str(tmp_path / "c"))
    assert r.exit_code == 0
    assert "false_friend" in r.output and "1 hits" in r.output and "     1  stress" in r.output
    assert "0 entries never hit" in r.output


def test_suggest_mines_names_and_unknown_words(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "O líder Kim Jong Un chegou. Depois, Kim Jong-un falou. Kim Jong-un saiu.\n"
        "A desinformaçao cresce; a desinformaçao preocupa. A saída foi tranqüila.\n", encoding="utf-8")
    r = _run("suggest", str(corpus), "--isolated")
    assert r.exit_code == 0, r.output
    assert "- Kim Jong-un (2x): Kim Jong Un (1x)" in r.output
    if "unknown words skipped" not in r.output:
        assert "- desinformaçao (2x)" in r.output
        assert "tranqüila" not in r.output  # an entry covers it already
