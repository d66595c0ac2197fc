"""A bad value is blamed on where it came from: the flag, the environment variable, or the file
and line; an unknown check code never passes silently."""

from __future__ import annotations

import pytest

from tests.cli.conftest import BAD


@pytest.fixture
def art(tmp_path):
    (tmp_path / "g.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_bad_environment_value_names_the_variable(mtqa, art, monkeypatch):
    (art / "mtqa.toml").write_text('language = "pt"\n', encoding="utf-8")
    monkeypatch.setenv("MTQA_FAIL_ON", "bogus")
    r = mtqa("lint", "g.txt")
    assert r.code == 2
    assert "environment variable MTQA_FAIL_ON" in r.err and "mtqa.toml" not in r.err


def test_unknown_selector_in_the_environment_names_the_variable(mtqa, art, monkeypatch):
    monkeypatch.setenv("MTQA_IGNORE", "X77")
    r = mtqa("lint", "g.txt")
    assert r.code == 2 and "environment variable MTQA_IGNORE" in r.err and "'X77'" in r.err


def test_unknown_selector_on_the_command_line_names_the_flag(mtqa, art):
    (art / "mtqa.toml").write_text('language = "pt"\n', encoding="utf-8")
    r = mtqa("lint", "g.txt", "--select", "Z999")
    assert r.code == 2 and r.err.startswith("mtqa: --select: 'Z999'")


@pytest.mark.parametrize(("toml", "line", "words"), [
    ('language = "pt"\n[severity]\nS101 = "error"\nZ999 = "error"\n', 4, "severity: 'Z999'"),
    ('severity = { Z1 = "error" }\n', 1, "severity: 'Z1'"),
    ('[per_file_ignores]\n"*.txt" = ["Q999"]\n', 2, "per_file_ignores '*.txt': 'Q999'"),
    ('language = "pt"\nselect = ["S", "Zed"]\n', 2, "select: 'Zed'"),
    ('ignore = ["S101", "spacing_punctuation", "nonsense"]\n', 1, "ignore: 'nonsense'"),
])
def test_unknown_code_in_the_file_names_file_and_line(mtqa, art, toml, line, words):
    (art / "mtqa.toml").write_text(toml, encoding="utf-8")
    r = mtqa("lint", "g.txt")
    assert r.code == 2
    assert f"mtqa.toml:{line}: {words}" in r.err


def test_known_codes_prefixes_and_categories_pass(mtqa, art):
    (art / "mtqa.toml").write_text(
        'language = "pt"\nvariant = "BR"\nignore = ["D", "spacing_punctuation"]\n'
        '[severity]\nS101 = "error"\n[per_file_ignores]\n"*.txt" = ["U1", "boilerplate"]\n',
        encoding="utf-8")
    assert mtqa("lint", "g.txt").code == 0


def test_unknown_code_in_pyproject_names_its_line(mtqa, art):
    (art / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.mtqa.severity]\nZ1 = "error"\n',
                                        encoding="utf-8")
    r = mtqa("lint", "g.txt")
    assert r.code == 2 and "pyproject.toml:5: severity: 'Z1'" in r.err


def test_unknown_code_in_an_inline_ignore_is_a_warning(mtqa, art):
    (art / "h.txt").write_text("Texto aqui.\n\nO norte -coreano <!-- mtqa: ignore Z123, S101 --> chegou.\n",
                               encoding="utf-8")
    r = mtqa("lint", "h.txt", "--language", "pt-BR", "--select", "S101")
    assert r.code == 0  # S101 is ignored; the warning does not fail the run
    assert "h.txt:3: the inline ignore names 'Z123'" in r.err
    assert "'S101'" not in r.err  # a known code draws no warning


def test_review_of_standard_input_is_a_clear_usage_error(mtqa, art):
    r = mtqa("review", "-")
    assert r.code == 2
    assert "standard input" in r.err and "Traceback" not in r.err


def test_a_run_that_cannot_apply_most_checks_says_so(mtqa, art):
    (art / "e.txt").write_text("The North Korean leader arrived in Moscow on Wednesday for talks.\n",
                               encoding="utf-8")
    r = mtqa("lint", "e.txt", "--language", "en")
    assert r.code == 0
    assert "check other languages only and did not run on the en document" in r.err
    r = mtqa("lint", "g.txt", "--language", "pt-BR")
    assert "other languages only" not in r.err  # a pt run: the odd English-only check is no news
    r = mtqa("lint", "e.txt", "g.txt")  # detected per document
    assert "did not run on the en document" in r.err


def test_m001_reports_inline_ignores_that_ignore_nothing(mtqa, art):
    text = ("O líder norte -coreano chegou. <!-- mtqa: ignore S101 -->\n\n"
            "A visita terminou bem. <!-- mtqa: ignore D103 -->\n")
    (art / "i.txt").write_text(text, encoding="utf-8")
    (art / "i.md").write_text(text, encoding="utf-8")
    r = mtqa("lint", "i.txt", "i.md", "--language", "pt-BR", "--extend-select", "M001", "-f", "json")
    found = [(f["path"], f["code"], f["line"], f["text"], f["suggestion"]) for f in r.json()["findings"]]
    comment = "<!-- mtqa: ignore D103 -->"
    assert found == [("i.txt", "M001", 3, comment, ""), ("i.md", "M001", 3, comment, "")]
    # off by default; and once the comment is gone nothing is left to report
    assert mtqa("lint", "i.txt", "--language", "pt-BR", "-f", "json").json()["findings"] == []
    (art / "i.txt").write_text(text.replace(" " + comment, ""), encoding="utf-8")
    r = mtqa("lint", "i.txt", "--language", "pt-BR", "--extend-select", "M001", "-f", "json")
    assert r.json()["findings"] == []
