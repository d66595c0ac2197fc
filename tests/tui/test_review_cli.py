"""`mtqa review` on the command line: errors before the UI starts, and no Textual for `lint`."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from mtqa.cli import cli


def test_review_without_documents_is_a_usage_error(workdir):
    r = CliRunner().invoke(cli, ["review", "--isolated", "nothing-here.txt"])
    assert r.exit_code == 2
    assert "nothing-here.txt: no such file or directory" in r.output
    assert "no documents to review" in r.output


def test_review_rejects_an_unknown_keymap_action(workdir):
    (workdir / "mtqa.toml").write_text('[tui.keymap]\nacept = "y"\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["review", "a.txt"])
    assert r.exit_code == 2 and "unknown action 'acept'" in r.output


def test_lint_and_the_review_command_module_do_not_load_textual():
    code = ("import sys; from mtqa.cli import cli; import mtqa.cli.review, mtqa.reports.html, "
            "mtqa.reports.markdown, mtqa.core.review; print('textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
