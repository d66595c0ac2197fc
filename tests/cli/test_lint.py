"""The CI contract of `mtqa lint`: output lines, exit codes, selection, bad input."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.conftest import BAD

SEL = ("--select", "S", "--language", "pt", "--variant", "BR")


def test_text_output_and_exit_1(mtqa, files):
    r = mtqa("lint", "bad.txt", *SEL)
    assert r.code == 1
    assert r.out == ("bad.txt:1:9: S101 [*] Space inside the compound 'norte -coreano'; write"
                     " 'norte-coreano' [warning]\n")


def test_clean_exit_0(mtqa, files):
    r = mtqa("lint", "clean.txt", *SEL)
    assert (r.code, r.out) == (0, "")


def test_exit_zero(mtqa, files):
    assert mtqa("lint", "bad.txt", *SEL, "--exit-zero").code == 0


@pytest.mark.parametrize(("fail_on", "code"), [("warning", 1), ("error", 0), ("info", 1)])
def test_fail_on(mtqa, files, fail_on, code):
    assert mtqa("lint", "bad.txt", *SEL, "--fail-on", fail_on).code == code


def test_severity_override_from_config(mtqa, files):
    (files / "mtqa.toml").write_text('[severity]\nS101 = "error"\n', encoding="utf-8")
    assert mtqa("lint", "bad.txt", *SEL, "--fail-on", "error").code == 1


def test_ignore_by_code_and_category(mtqa, files):
    assert mtqa("lint", "bad.txt", *SEL, "--ignore", "S101").code == 0
    assert mtqa("lint", "bad.txt", *SEL, "--ignore", "spacing_punctuation").code == 0


def test_unknown_selector_is_a_usage_error(mtqa, files):
    r = mtqa("lint", "bad.txt", "--select", "Z999")
    assert r.code == 2 and "Z999" in r.err


def test_unknown_option_is_usage_error(mtqa, files):
    assert mtqa("lint", "bad.txt", "--no-such-flag").code == 2


def test_missing_path_exit_2_others_still_checked(mtqa, files):
    r = mtqa("lint", "nope.txt", "bad.txt", *SEL)
    assert r.code == 2
    assert "nope.txt" in r.err
    assert "bad.txt:1:" in r.out


def test_binary_and_empty_files_reported_others_checked(mtqa, files):
    (files / "img.txt").write_bytes(b"\x00\x01\x02binary")
    (files / "empty.txt").write_bytes(b"")
    r = mtqa("lint", ".", *SEL)
    assert r.code == 2
    assert "img.txt" in r.err and "binary" in r.err
    assert "empty.txt" in r.err and "empty" in r.err
    assert "bad.txt:1:" in r.out


def test_directory_walk_respects_include(mtqa, files):
    (files / "notes.csv").write_text("a -b\n", encoding="utf-8")
    r = mtqa("lint", ".", *SEL)
    assert "notes.csv" not in r.out and "bad.txt" in r.out


def test_config_error_exit_2_names_file_and_line(mtqa, files):
    (files / "mtqa.toml").write_text('language = "pt"\nbogus = 1\n', encoding="utf-8")
    r = mtqa("lint", "bad.txt")
    assert r.code == 2 and "mtqa.toml:2" in r.err and "bogus" in r.err


def test_stdin(mtqa_proc):
    r = mtqa_proc("lint", "-", *SEL, stdin=BAD.encode())
    assert r.code == 1 and re.match(r"<stdin>:1:\d+: S101 ", r.out)


def test_inline_suppression(mtqa, files):
    (files / "s.md").write_text("<!-- mtqa: ignore S101 -->\n" + BAD, encoding="utf-8")
    assert mtqa("lint", "s.md", *SEL).code == 0
    (files / "t.md").write_text(BAD.rstrip("\n") + " <!-- mtqa: ignore S102 -->\n", encoding="utf-8")
    assert mtqa("lint", "t.md", *SEL).code == 1


def test_per_file_ignores(mtqa, files):
    (files / "mtqa.toml").write_text('[per_file_ignores]\n"bad.txt" = ["S101"]\n', encoding="utf-8")
    assert mtqa("lint", "bad.txt", *SEL).code == 0


def test_baseline_survives_unrelated_edits(mtqa, files):
    r = mtqa("lint", "bad.txt", *SEL, "--write-baseline", "baseline.json")
    assert r.code == 0
    assert mtqa("lint", "bad.txt", *SEL, "--baseline", "baseline.json").code == 0
    # Insert lines above: line numbers change, the fingerprint does not.
    (files / "bad.txt").write_text("Um título novo.\n\n" + BAD, encoding="utf-8")
    assert mtqa("lint", "bad.txt", *SEL, "--baseline", "baseline.json").code == 0
    # A new occurrence is not covered by the baseline.
    (files / "bad.txt").write_text(BAD + "Outro ex -ministro falou.\n", encoding="utf-8")
    r = mtqa("lint", "bad.txt", *SEL, "--baseline", "baseline.json")
    assert r.code == 1 and r.out.count("S101") == 1


def test_malformed_baseline(mtqa, files):
    (files / "b.json").write_text("{not json", encoding="utf-8")
    r = mtqa("lint", "bad.txt", *SEL, "--baseline", "b.json")
    assert r.code == 2 and "b.json" in r.err


def test_rules_and_rule(mtqa):
    r = mtqa("rules")
    assert r.code == 0 and "S101" in r.out
    r = mtqa("rule", "S101")
    assert r.code == 0 and r.out.startswith("# S101 space-before-hyphen") and "Why it matters" in r.out
    assert mtqa("rule", "X000").code == 2


def test_config_show(mtqa, files):
    (files / "mtqa.toml").write_text('language = "it"\n', encoding="utf-8")
    r = mtqa("config", "show")
    assert r.code == 0 and '"language": "it"' in r.out


def test_config_show_never_prints_translator_credentials(mtqa, files):
    (files / "mtqa.toml").write_text(
        '[roundtrip]\nbackend = "libre"\nurl = "https://ana:s3cr3t-pass@tr.example.org:8443/translate?api_key=k3y-value-123"\n',
        encoding="utf-8")
    r = mtqa("config", "show")
    assert r.code == 0, r.err
    assert "tr.example.org:8443/translate" in r.out
    for secret in ("s3cr3t-pass", "k3y-value-123", "ana:", "api_key"):
        assert secret not in r.out and secret not in r.err


def test_progress_bar_only_on_terminal(mtqa, files):
    r = mtqa("lint", ".", *SEL)
    assert "\r[" not in r.err


def test_progress_bar_draws_on_a_terminal_stream():
    import io

    from mtqa.cli.lint import ProgressBar

    class Tty(io.StringIO):
        def isatty(self):
            return True

    s = Tty()
    bar = ProgressBar(s, min_interval=0)
    for i in range(1, 4):
        bar(i, 3, f"f{i}.txt")
    bar.close()
    assert "3/3 f3.txt" in s.getvalue() and "[" in s.getvalue()
    quiet = io.StringIO()
    bar = ProgressBar(quiet, min_interval=0)
    bar(1, 3, "a")
    assert quiet.getvalue() == ""


def test_a_crashing_check_does_not_stop_the_others(files):
    """A bug in one check: exit 2 with the check and file named, other findings still reported."""
    from mtqa.checks import all_checks, bad, check, good
    from mtqa.core.config import Config
    from mtqa.core.model import Severity
    from mtqa.engine.runner import Engine, run

    @check("X999", "always-crashes", Severity.WARNING, category="meta", message="never",
           examples=[bad("[[x]]"), good("y")])
    def crashing(doc, ctx):
        """Raises."""
        raise TypeError("boom")

    cfg = Config(language="pt", variant="BR")
    spacing = [c for c in all_checks() if c.code == "S101"]
    engine = Engine(cfg, checks=[crashing, *spacing])
    res = run([str(files / "bad.txt"), str(files / "clean.txt")], cfg, engine=engine, use_review=False)
    assert [f.code for f in res.findings] == ["S101"]
    assert len(res.errors) == 2
    assert all("X999" in e.message and "boom" in e.message for e in res.errors)
    assert {e.path.rsplit("/", 1)[-1] for e in res.errors} == {"bad.txt", "clean.txt"}


def test_exit_3_when_an_explicitly_requested_check_cannot_run(mtqa, files):
    (files / "mtqa.toml").write_text('[roundtrip]\nbackend = "no-such-backend"\n', encoding="utf-8")
    r = mtqa("lint", "bad.txt", "--language", "pt", "--variant", "BR", "--roundtrip")
    assert r.code == 3 and "R101" in r.err and "no-such-backend" in r.err
    # Not asked for: the same unavailable translator is no reason to fail.
    r = mtqa("lint", "bad.txt", *SEL)
    assert r.code == 1


MIXED = ("A Coréia do Sul e o Japão assinaram nesta terça-feira um acordo de cooperação comercial.\n\n"
         "Segundo o ministério, a Coreia do Sul espera ampliar as exportações de semicondutores.\n\n"
         "LEAVE A REPLY\n")
PT = ("--language", "pt", "--variant", "BR", "--select", "B101,C101,G103,L102")


def _codes(r):
    return sorted((f["line"], f["code"], tuple(a["code"] for a in f.get("evidence", {}).get("also", [])))
                  for f in r.json()["findings"])


def test_one_span_two_checks_reported_once(mtqa, files):
    (files / "m.txt").write_text(MIXED, encoding="utf-8")
    r = mtqa("lint", "m.txt", *PT, "--format", "json")
    assert _codes(r) == [(1, "G103", ("C101",)), (5, "B101", ("L102",))]
    assert r.json()["merged"] == 2 and r.json()["suppressed"] == 0
    text = mtqa("lint", "m.txt", *PT)
    assert "B101 Comment-form text scraped with the article: 'LEAVE A REPLY' [also L102]" in text.out
    for fmt in ("markdown", "html", "github"):
        assert "[also L102]" in mtqa("lint", "m.txt", *PT, "--format", fmt).out, fmt
    sarif = json.loads(mtqa("lint", "m.txt", *PT, "--format", "sarif").out)
    assert [r["properties"].get("also") for r in sarif["runs"][0]["results"]] == [["C101"], ["L102"]]
    unmerged = mtqa("lint", "m.txt", *PT, "--format", "json", "--no-merge")
    assert [c for _, c, _ in _codes(unmerged)] == ["C101", "G103", "B101", "L102"]
    (files / "mtqa.toml").write_text("merge_same_span = false\n", encoding="utf-8")
    assert len(mtqa("lint", "m.txt", *PT, "--format", "json").json()["findings"]) == 4


def test_merge_after_inline_ignores_before_dismissals(mtqa, files):
    """Ignoring the shown check inline reveals the other; dismissing it in review hides both;
    a baseline written from merged output covers every check."""
    (files / "m.txt").write_text(MIXED.replace("LEAVE A REPLY", "<!-- mtqa: ignore B101 -->\nLEAVE A REPLY"),
                                 encoding="utf-8")
    assert [c for _, c, _ in _codes(mtqa("lint", "m.txt", *PT, "--format", "json"))] == ["G103", "L102"]

    (files / "m.txt").write_text(MIXED, encoding="utf-8")
    shown = mtqa("lint", "m.txt", *PT, "--format", "json").json()["findings"]
    b101 = next(f for f in shown if f["code"] == "B101")
    from mtqa.core.review import Decision, save_decisions

    save_decisions(files / "mtqa-review.jsonl", {b101["fingerprint"]: Decision(
        b101["fingerprint"], "dismissed", "m.txt", "B101", b101["text"])})
    assert [c for _, c, _ in _codes(mtqa("lint", "m.txt", *PT, "--format", "json"))] == ["G103"]

    assert mtqa("lint", "m.txt", *PT, "--no-review", "--write-baseline", "b.json").code == 0
    assert len(json.loads((files / "b.json").read_text(encoding="utf-8"))["findings"]) == 4
    assert mtqa("lint", "m.txt", *PT, "--no-review", "--no-merge", "--baseline", "b.json").code == 0


def test_rewriting_a_baseline_keeps_what_the_old_one_covered(mtqa, files):
    assert mtqa("lint", "bad.txt", *SEL, "--write-baseline", "b.json").code == 0
    before = json.loads((files / "b.json").read_text(encoding="utf-8"))["findings"]
    assert before
    (files / "bad.txt").write_text(BAD + "Outro ex -ministro falou.\n", encoding="utf-8")
    assert mtqa("lint", "bad.txt", *SEL, "--baseline", "b.json", "--write-baseline", "b2.json").code == 0
    after = json.loads((files / "b2.json").read_text(encoding="utf-8"))["findings"]
    assert set(before) < set(after)


@pytest.mark.parametrize("tag", ["pt-BR", "pt_BR", "pt-br"])
def test_language_tag_runs_the_checks(mtqa, tmp_path, tag):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    r = mtqa("lint", "a.txt", "--language", tag, "--format", "json")
    assert r.code == 1 and "S101" in {f["code"] for f in r.json()["findings"]}, r.err


@pytest.mark.parametrize("args", [["--language", "xx"], ["--language", "pt", "--variant", "XX"],
                                  ["--language", "pt-BR", "--variant", "PT"]])
def test_bad_language_flags_exit_2(mtqa, tmp_path, args):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    r = mtqa("lint", "a.txt", *args)
    assert r.code == 2 and "--language/--variant" in r.err and r.out == ""


def test_no_files_to_check_is_exit_2(mtqa, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "only_pdf").mkdir()
    (tmp_path / "only_pdf" / "a.pdf").write_bytes(b"%PDF-1.4")
    for folder in ("empty", "only_pdf"):
        r = mtqa("lint", folder)
        assert r.code == 2 and ("no files to check" in r.err or "no file here that mtqa reads" in r.err)


def test_output_never_overwrites_an_input(mtqa, tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    r = mtqa("lint", "a.txt", "-o", str(tmp_path / "a.txt"))
    assert r.code == 2 and "overwrite" in r.err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == BAD


def test_pipes_and_devices_are_refused_not_read(mtqa, tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    r = mtqa("lint", ".", "/dev/zero", "--format", "json")
    assert r.code == 2
    assert "pipe.txt: not a regular file" in r.err and "/dev/zero: not a regular file" in r.err
    assert [d["path"] for d in r.json()["documents"]] == ["a.txt"]
