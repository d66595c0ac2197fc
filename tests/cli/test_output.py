"""What `mtqa lint` prints: severity, colour, the summary on stderr, -q, --statistics, JSON fixes,
and --jobs."""

from __future__ import annotations

import json

import pytest

from mtqa.cli import lint as lint_module

LANG = ("--isolated", "--language", "pt-BR")
#: S101 (safe fix), a lone-period line B106 (a deletion: suggestion ""), S105 (no suggestion).
TEXT = "O ex -ministro chegou cedo ao encontro.\n.\nEle disse que “o acordo é histórico e saiu.\n"


@pytest.fixture
def article(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path / "a.txt"


def test_text_lines_carry_severity_and_the_fixable_mark(mtqa, article):
    r = mtqa("lint", "a.txt", *LANG, "--select", "S101,S105,B106")
    lines = r.out.splitlines()
    assert lines[0] == ("a.txt:1:3: S101 [*] Space inside the compound 'ex -ministro'; write"
                        " 'ex-ministro' [warning]")
    assert lines[1].startswith("a.txt:2:1: B106 ") and lines[1].endswith("(suggestion: delete it) [warning]")
    assert lines[2].startswith("a.txt:3:15: S105 Unbalanced") and lines[2].endswith(" [warning]")


def test_severity_follows_the_configuration(mtqa, article):
    (article.parent / "mtqa.toml").write_text('[severity]\nS101 = "error"\n', encoding="utf-8")
    r = mtqa("lint", "a.txt", "--language", "pt-BR", "--select", "S101")
    assert r.out.rstrip().endswith("[error]")


def test_json_tells_a_deletion_from_no_fix(mtqa, article):
    found = {f["code"]: f for f in mtqa("lint", "a.txt", *LANG, "-f", "json").json()["findings"]}
    assert found["B106"]["suggestion"] == ""
    assert found["S105"]["suggestion"] is None
    assert found["S101"]["suggestion"] == "ex-ministro"
    raw = mtqa("lint", "a.txt", *LANG, "-f", "json").out
    assert '"suggestion": ""' in raw and '"suggestion": null' in raw


def test_summary_is_always_on_stderr_and_quiet_drops_it(mtqa, article):
    for fmt in ("text", "json", "sarif"):
        r = mtqa("lint", "a.txt", *LANG, "-f", fmt)
        assert r.err.splitlines()[-1].startswith("mtqa: 3 findings in 1 file"), (fmt, r.err)
        assert "mtqa:" not in r.out
    assert "1 [*] fixable with --fix" in r.err
    q = mtqa("lint", "a.txt", *LANG, "-q")
    assert q.err == "" and q.code == 1 and len(q.out.splitlines()) == 3


def test_quiet_keeps_errors(mtqa, article):
    r = mtqa("lint", "a.txt", "missing.txt", *LANG, "-q")
    assert r.code == 2 and "missing.txt" in r.err and "findings in" not in r.err


def test_statistics_count_per_code(mtqa, tmp_path):
    (tmp_path / "a.txt").write_text("O ex -ministro e o vice -prefeito chegaram.\n.\n", encoding="utf-8")
    r = mtqa("lint", "a.txt", *LANG, "--statistics")
    assert r.code == 1
    assert r.out.splitlines() == ["2\tS101\t[*] space-before-hyphen", "1\tB106\t    lone-punctuation-line"]
    rows = mtqa("lint", "a.txt", *LANG, "--statistics", "-f", "json").json()
    assert rows[0] == {"code": "S101", "name": "space-before-hyphen", "count": 2, "fixable": 2,
                       "severity": "warning"}
    assert mtqa("lint", "a.txt", *LANG, "--statistics", "-f", "sarif").code == 2


ESC = "\x1b["


def test_color_always_never_and_no_color(mtqa, article, monkeypatch):
    assert ESC in mtqa("lint", "a.txt", *LANG, "--color", "always").out
    assert ESC not in mtqa("lint", "a.txt", *LANG, "--color", "never").out
    assert ESC not in mtqa("lint", "a.txt", *LANG).out, "auto: not a terminal here"
    monkeypatch.setenv("NO_COLOR", "1")
    assert ESC in mtqa("lint", "a.txt", *LANG, "--color", "always").out, "the flag wins over NO_COLOR"
    assert ESC not in mtqa("lint", "a.txt", *LANG, "-f", "json", "--color", "always").out


class _Tty:
    def isatty(self):
        return True


def test_color_auto_on_a_terminal_unless_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert lint_module._use_color("auto", _Tty()) is True
    assert lint_module._use_color("auto", None) is False, "a report written to a file"
    monkeypatch.setenv("NO_COLOR", "")
    assert lint_module._use_color("auto", _Tty()) is True, "NO_COLOR set but empty does not count"
    monkeypatch.setenv("NO_COLOR", "yes")
    assert lint_module._use_color("auto", _Tty()) is False


def test_coloured_line_is_the_plain_line_with_escapes(mtqa, article):
    import re

    plain = mtqa("lint", "a.txt", *LANG, "--color", "never").out
    coloured = mtqa("lint", "a.txt", *LANG, "--color", "always").out
    assert ESC in coloured and plain.count("\n") == 3
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_jobs_reaches_the_engine(mtqa, article, monkeypatch):
    import mtqa.engine.runner as runner

    seen = []
    real = runner.run

    def spy(paths, config, **kw):
        seen.append(config.jobs)
        return real(paths, config, **kw)

    monkeypatch.setattr(runner, "run", spy)
    mtqa("lint", "a.txt", *LANG, "--jobs", "3")
    monkeypatch.setattr(lint_module, "auto_jobs", lambda n: 1 if n == 1 else 99)
    mtqa("lint", "a.txt", *LANG)
    mtqa("lint", "a.txt", *LANG, "-j", "0")
    assert seen == [3, 1, 1]
    assert mtqa("lint", "a.txt", *LANG, "--jobs", "-1").code == 2


def test_automatic_jobs_uses_only_idle_cores():
    auto = lint_module.auto_jobs
    assert auto(300, cores=2, idle=1.9) == 2
    assert auto(300, cores=2, idle=1.0) == 1, "one core busy elsewhere: one process"
    assert auto(300, cores=2, idle=0.1) == 1
    assert auto(300, cores=8, idle=5.6) == 6
    assert auto(300, cores=1, idle=1.0) == 1
    assert auto(199, cores=8, idle=8.0) == 1, "below PARALLEL_MIN_FILES the run stays in one process"


def test_idle_cores_is_a_fraction_of_the_cores():
    assert 0.0 <= lint_module._idle_cores(2, interval=0.02) <= 2.0


def test_output_file_gets_no_colour_and_the_summary_stays_on_stderr(mtqa, article):
    r = mtqa("lint", "a.txt", *LANG, "-o", "report.json", "-f", "json")
    data = json.loads((article.parent / "report.json").read_text(encoding="utf-8"))
    assert len(data["findings"]) == 3 and r.out == "" and "3 findings" in r.err
