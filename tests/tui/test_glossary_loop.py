"""The review UI's `g` writes where lint reads: an entry added in `mtqa review` is used by the next
`mtqa lint` of the same project (a real lint process, run after the UI has closed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mtqa.core import glossary as g
from mtqa.core.config import load_config
from mtqa.engine.runner import Engine
from mtqa.providers import Providers
from tests.tui.conftest import TEST_CHECKS, ready

#: Written for these tests: one 'Senhor' (X902, the test check, flags it) per sentence.
ARTICLE = (
    "A comitiva francesa foi recebida pelo Senhor Lula no Palácio do Planalto.\n"
    "\n"
    "A visita oficial durou dois dias e terminou com um jantar.\n"
)
GOOD = "O presidente discursou na abertura da cúpula em Belém."

HOUSE = """\
schema: mtqa-glossary/1
pair: en-pt
entries:
- id: house-comitiva
  kind: forbidden
  terms: [delegação oficial]
  message: house style says 'comitiva'
  suggest: comitiva
  examples:
  - bad: Chegou a [[delegação oficial]] do Chile.
  - good: Chegou a comitiva do Chile.
"""


def _project(root: Path, toml: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mtqa.toml").write_text('language = "pt"\nvariant = "BR"\n' + toml, encoding="utf-8")
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def _app(project: Path, glossary: str | None = None):
    from mtqa.tui.app import make_app

    cfg = load_config(project / "mtqa.toml", env={})
    providers = Providers(cfg, overrides={"langid": None})
    engine = Engine(cfg, checks=list(TEST_CHECKS), providers=providers)
    return make_app([str(project / "a.txt")], cfg, engine=engine, glossary=glossary)


async def _add_entry(app) -> tuple[str, str]:
    """Press g on the 'Senhor' finding, fill in what the form cannot guess, save. Returns the
    path the form proposed and the status line after saving."""
    from mtqa.tui.modals.glossary import GlossaryModal
    from tests.tui.test_review_app import status_text

    async with app.run_test(size=(110, 40)) as pilot:
        await ready(pilot)
        s = app.session
        while s.current().code != "X902":
            await pilot.press("n")
        await pilot.press("g")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, GlossaryModal)
        proposed = modal.query_one("#g-path").value
        assert modal.query_one("#g-bad").value == (
            "A comitiva francesa foi recebida pelo [[Senhor]] Lula no Palácio do Planalto.")
        modal.query_one("#g-good").value = GOOD
        modal.query_one("#g-suggest").value = "presidente"
        modal.query_one("#g-message").value = "'Senhor' before a name is a calque of 'Mr'"
        where = str(modal.query_one("#g-where").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, GlossaryModal), str(modal.query_one("#g-errors").render())
        return proposed, where + "\n" + status_text(app)


def _lint(project: Path, *args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MTQA_") or k == "MTQA_CACHE_DIR"}
    p = subprocess.run([sys.executable, "-m", "mtqa", "lint", "a.txt", "--select", "G108",
                        "--format", "json", "--no-progress", *args],
                       cwd=project, env=env, capture_output=True, text=True, timeout=180)
    assert p.returncode in (0, 1), p.stderr
    return json.loads(p.stdout)


def _senhor(report: dict) -> list[tuple[str, str, int, str | None]]:
    return [(f["code"], f["text"], f["line"], f["suggestion"]) for f in report["findings"]
            if f["text"] == "Senhor"]


async def test_g_writes_the_project_glossary_and_the_next_lint_uses_it(tmp_path, monkeypatch):
    project = _project(tmp_path / "proj")
    monkeypatch.chdir(project)
    assert _senhor(_lint(project)) == []  # before: no glossary entry knows 'Senhor'
    proposed, said = await _add_entry(_app(project))
    written = project / "mtqa-glossary.yaml"
    assert Path(proposed) == written
    assert "mtqa lint reads this file" in said
    assert f"written to {written}; checking again with it; the next mtqa lint uses it too" in said
    (entry,) = g.load_file(written).entries
    assert (entry.id, entry.kind, entry.terms) == ("senhor", "forbidden", ["Senhor"])
    assert _senhor(_lint(project)) == [("G108", "Senhor", 1, "Presidente")]
    # from a subfolder, with the configuration named, it is the same project glossary
    (project / "sub").mkdir()
    (project / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert _senhor(_lint(project / "sub", "--config", "../mtqa.toml")) == [("G108", "Senhor", 1, "Presidente")]


async def test_g_writes_the_first_writable_extend_paths_file(tmp_path, monkeypatch):
    project = _project(tmp_path / "proj", '[glossary]\nextend_paths = ["terms", "gl/house.yaml"]\n')
    (project / "terms").mkdir()
    (project / "gl").mkdir()
    (project / "gl" / "house.yaml").write_text(HOUSE, encoding="utf-8")
    # the review runs from elsewhere: paths resolve against the configuration's folder
    monkeypatch.chdir(tmp_path)
    proposed, said = await _add_entry(_app(project))
    house = project / "gl" / "house.yaml"
    assert Path(proposed) == house  # a folder is passed over; the file is the first writable one
    assert f"written to {house}; checking again with it; the next mtqa lint uses it too" in said
    assert [e.id for e in g.load_file(house).entries] == ["house-comitiva", "senhor"]
    assert not (project / "mtqa-glossary.yaml").exists()
    assert _senhor(_lint(project)) == [("G108", "Senhor", 1, "Presidente")]


async def test_an_extend_file_that_cannot_be_written_is_passed_over(tmp_path, monkeypatch):
    from mtqa.providers import glossaries as gp

    project = _project(tmp_path / "proj", '[glossary]\nextend_paths = ["house.yaml"]\n')
    house = project / "house.yaml"
    house.write_text(HOUSE, encoding="utf-8")
    house.chmod(0o444)
    writable = gp.writable
    # read-only for everyone (the tests may run as root, who can write a 0o444 file)
    monkeypatch.setattr(gp, "writable", lambda p: p.resolve() != house.resolve() and writable(p))
    monkeypatch.chdir(project)
    proposed, said = await _add_entry(_app(project))
    assert Path(proposed) == project / "mtqa-glossary.yaml"
    assert "the next mtqa lint uses it" in said
    assert [e.id for e in g.load_file(house).entries] == ["house-comitiva"]
    assert _senhor(_lint(project)) == [("G108", "Senhor", 1, "Presidente")]


async def test_g_with_a_glossary_lint_does_not_read_says_so(tmp_path, monkeypatch):
    project = _project(tmp_path / "proj")
    monkeypatch.chdir(project)
    proposed, said = await _add_entry(_app(project, glossary="elsewhere.yaml"))
    assert proposed == "elsewhere.yaml"
    assert "mtqa lint does not read this file: add it to [tool.mtqa.glossary] extend_paths" in said
    assert "written to elsewhere.yaml; mtqa lint does not read it" in said
    assert _senhor(_lint(project)) == []


async def test_an_id_lint_already_reads_is_refused(tmp_path, monkeypatch):
    from mtqa.tui.modals.glossary import GlossaryModal

    project = _project(tmp_path / "proj", '[glossary]\nextend_paths = ["house.yaml"]\n')
    (project / "house.yaml").write_text(HOUSE.replace("house-comitiva", "senhor"), encoding="utf-8")
    monkeypatch.chdir(project)
    app = _app(project, glossary=str(project / "other.yaml"))
    async with app.run_test(size=(110, 40)) as pilot:
        await ready(pilot)
        while app.session.current().code != "X902":
            await pilot.press("n")
        await pilot.press("g")
        await pilot.pause()
        modal = app.screen
        modal.query_one("#g-good").value = GOOD
        modal.query_one("#g-suggest").value = "presidente"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryModal)
        errors = str(modal.query_one("#g-errors").render())
        assert f"'senhor' is already used in {project / 'house.yaml'}:4" in errors
    assert not (project / "other.yaml").exists()


async def test_after_g_the_review_checks_again_with_the_new_entry(tmp_path, monkeypatch):
    """The entry is used at once, not only by the next lint: the documents are checked again and
    the new finding shows in the open review."""
    from mtqa.checks import get_check
    from mtqa.tui.app import make_app
    from mtqa.tui.modals.glossary import GlossaryModal

    project = _project(tmp_path / "proj")
    monkeypatch.chdir(project)
    cfg = load_config(project / "mtqa.toml", env={})
    providers = Providers(cfg, overrides={"langid": None})
    engine = Engine(cfg, checks=[*TEST_CHECKS, get_check("G108")], providers=providers)
    app = make_app([str(project / "a.txt")], cfg, engine=engine)
    async with app.run_test(size=(110, 40)) as pilot:
        await ready(pilot)
        s = app.session
        assert not [f for f in s.docs[0].unmerged if f.code == "G108"]
        while s.current().code != "X902":
            await pilot.press("n")
        await pilot.press("g")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, GlossaryModal)
        modal.query_one("#g-good").value = GOOD
        modal.query_one("#g-suggest").value = "presidente"
        modal.query_one("#g-message").value = "'Senhor' before a name is a calque of 'Mr'"
        await pilot.press("ctrl+s")
        for _ in range(400):
            await pilot.pause(0.01)
            # X902 flags the same span: G108 is merged into it, listed in its evidence
            new = [f for f in s.docs[0].unmerged if f.code == "G108"]
            if new and s.docs[0].checked:
                break
        assert [(f.text, f.suggestion) for f in new] == [("Senhor", "Presidente")]
        shown = next(f for f in s.docs[0].findings if f.text == "Senhor")
        assert "G108" in shown.also
        await pilot.press("n")  # the review goes on
        await pilot.press("q")
