"""Paths that don't matter: configuration from each file's folder upward, fingerprints and
decisions keyed by the path relative to the project root, ``--stdin-filename``, ``.gitignore``."""

from __future__ import annotations

import shutil

import pytest

from mtqa.core.config import Config, load_config
from mtqa.core.project import GitIgnore, Keys
from mtqa.core.review import Decision, update_decisions

PT = ("--language", "pt-BR")
ARTICLE = ("O líder norte -coreano chegou a Moscou na quarta-feira.\n\n"
           "A visita durou dois dias e terminou com um acordo de de cooperação.\n")


@pytest.fixture
def project(tmp_path):
    """A project with its configuration at the root and the article in a subfolder."""
    root = tmp_path / "newsroom"
    (root / "artigos").mkdir(parents=True)
    (root / "mtqa.toml").write_text('language = "pt"\nvariant = "BR"\nselect = ["S101", "D103"]\n',
                                    encoding="utf-8")
    (root / "artigos" / "visita.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def _findings(r):
    return [(f["code"], f["fingerprint"]) for f in r.json()["findings"]]


def test_every_spelling_of_a_path_gives_the_same_fingerprints(mtqa, project, monkeypatch, tmp_path):
    monkeypatch.chdir(project)
    typed = _findings(mtqa("lint", "artigos/visita.txt", "-f", "json"))
    assert [c for c, _ in typed] == ["S101", "D103"]
    assert _findings(mtqa("lint", str(project / "artigos" / "visita.txt"), "-f", "json")) == typed
    assert _findings(mtqa("lint", "./artigos/../artigos/", "-f", "json")) == typed
    monkeypatch.chdir(project / "artigos")
    assert _findings(mtqa("lint", ".", "-f", "json")) == typed
    assert _findings(mtqa("lint", "visita.txt", "-f", "json")) == typed
    monkeypatch.chdir(tmp_path)  # outside the project: its configuration is still found
    assert _findings(mtqa("lint", "newsroom/artigos", "-f", "json")) == typed


def test_a_dismissal_is_honoured_from_everywhere_and_in_another_clone(mtqa, project, monkeypatch,
                                                                       tmp_path):
    monkeypatch.chdir(project)
    first = mtqa("lint", "artigos", "-f", "json").json()["findings"]
    doubled = next(f for f in first if f["code"] == "D103")
    update_decisions(project / "mtqa-review.jsonl", {doubled["fingerprint"]: Decision(
        fingerprint=doubled["fingerprint"], decision="dismissed", code="D103",
        path=doubled["path"], text=doubled["text"])})

    def codes():
        return [f["code"] for f in mtqa("lint", *where, "-f", "json").json()["findings"]]

    for folder, where in [(project, ["artigos"]), (project, [str(project / "artigos")]),
                          (project / "artigos", ["."]), (tmp_path, ["newsroom/artigos/visita.txt"])]:
        monkeypatch.chdir(folder)
        assert codes() == ["S101"], (folder, where)
    clone = tmp_path / "clone"
    shutil.copytree(project, clone)
    monkeypatch.chdir(clone / "artigos")
    where = ["visita.txt"]
    assert codes() == ["S101"]
    # Without the decisions file the finding is back: the test above can fail.
    (clone / "mtqa-review.jsonl").unlink()
    assert codes() == ["S101", "D103"]


def test_a_baseline_written_at_the_root_applies_from_a_subfolder(mtqa, project, monkeypatch):
    monkeypatch.chdir(project)
    assert mtqa("lint", "artigos", "--write-baseline", "base.json").code == 0
    monkeypatch.chdir(project / "artigos")
    r = mtqa("lint", ".", "--baseline", str(project / "base.json"), "-f", "json")
    assert (r.code, r.json()["findings"]) == (0, [])


def test_the_configuration_of_each_file_governs_it(mtqa, project, monkeypatch, tmp_path):
    other = tmp_path / "agencia"
    other.mkdir()
    (other / "mtqa.toml").write_text('language = "pt"\nvariant = "BR"\nselect = ["D103"]\n',
                                     encoding="utf-8")
    shutil.copy(project / "artigos" / "visita.txt", other / "nota.txt")
    nested = project / "artigos" / "arquivo"
    nested.mkdir()
    (nested / "mtqa.toml").write_text('language = "pt"\nvariant = "BR"\nselect = ["S101"]\n',
                                      encoding="utf-8")
    shutil.copy(project / "artigos" / "visita.txt", nested / "antiga.txt")
    monkeypatch.chdir(tmp_path)
    r = mtqa("lint", "newsroom", "agencia", "-f", "json")
    got = sorted((f["path"], f["code"]) for f in r.json()["findings"])
    assert got == [
        ("agencia/nota.txt", "D103"),
        ("newsroom/artigos/arquivo/antiga.txt", "S101"),
        ("newsroom/artigos/visita.txt", "D103"),
        ("newsroom/artigos/visita.txt", "S101"),
    ]
    # --config names one configuration for all
    r = mtqa("lint", "newsroom", "agencia", "-f", "json", "--config", str(other / "mtqa.toml"))
    assert {f["code"] for f in r.json()["findings"]} == {"D103"}


def test_a_bad_configuration_of_a_file_is_an_error_naming_it(mtqa, project, monkeypatch, tmp_path):
    (project / "mtqa.toml").write_text('select = ["S101"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = mtqa("lint", "newsroom/artigos")
    assert r.code == 2
    assert "newsroom/mtqa.toml:1:" in r.err and "TOML" in r.err


def test_stdin_filename_is_that_file(mtqa, project, monkeypatch):
    monkeypatch.chdir(project)
    from_file = _findings(mtqa("lint", "artigos/visita.txt", "-f", "json"))
    stdin = mtqa_stdin(mtqa, monkeypatch, ARTICLE)
    r = stdin("lint", "-", "--stdin-filename", "artigos/visita.txt", "-f", "json")
    assert [f["path"] for f in r.json()["findings"]] == ["artigos/visita.txt"] * 2
    assert _findings(r) == from_file
    # its per-file ignores
    (project / "mtqa.toml").write_text(
        'language = "pt"\nvariant = "BR"\nselect = ["S101", "D103"]\n'
        '[per_file_ignores]\n"artigos/*" = ["D103"]\n', encoding="utf-8")
    r = stdin("lint", "-", "--stdin-filename", "artigos/visita.txt", "-f", "json")
    assert [c for c, _ in _findings(r)] == ["S101"]


def test_stdin_filename_chooses_the_reader(mtqa, tmp_path, monkeypatch):
    md = "# Título\n\n```\nO codigo norte -coreano fica aqui.\n```\n\nO líder norte -coreano falou.\n"
    stdin = mtqa_stdin(mtqa, monkeypatch, md)
    r = stdin("lint", "-", "--stdin-filename", "nota.md", "--select", "S101", *PT, "-f", "json")
    found = r.json()["findings"]
    assert [(f["line"], f["text"]) for f in found] == [(7, "norte -coreano")]
    r = stdin("lint", "-", "--select", "S101", *PT, "-f", "json")
    assert len(r.json()["findings"]) == 2  # read as plain text, the code block counts too


def test_stdin_filename_needs_stdin(mtqa, files):
    r = mtqa("lint", "bad.txt", "--stdin-filename", "x.txt")
    assert r.code == 2 and "--stdin-filename" in r.err


def mtqa_stdin(mtqa, monkeypatch, text: str):
    """The in-process CLI with ``text`` on standard input."""
    import io
    import sys

    def run(*args):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
        return mtqa(*args)

    return run


# --- .gitignore ----------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path):
    """A git work tree (a .git folder is what marks one) with ignored build output."""
    root = tmp_path / "repo"
    (root / ".git" / "info").mkdir(parents=True)
    (root / ".git" / "info" / "exclude").write_text("rascunho.txt\n", encoding="utf-8")
    (root / ".gitignore").write_text("*.egg-info/\n/build/\n*.log.txt\n!manter.log.txt\n",
                                     encoding="utf-8")
    (root / "textos").mkdir()
    (root / "textos" / "nota.txt").write_text("O líder norte-coreano chegou.\n", encoding="utf-8")
    (root / "textos" / "rascunho.txt").write_text("\x00\x01binário", encoding="latin-1")
    (root / "textos" / "erro.log.txt").write_bytes(b"\xff\xfe\x00\x00junk\x00")
    (root / "textos" / "manter.log.txt").write_text("Texto correto.\n", encoding="utf-8")
    (root / "textos" / ".gitignore").write_text("privado/\n", encoding="utf-8")
    (root / "textos" / "privado").mkdir()
    (root / "textos" / "privado" / "x.txt").write_bytes(b"\x00\x00\x00")
    for d in ("mtqa.egg-info", "build"):
        (root / d).mkdir()
        (root / d / "dependency_links.txt").write_bytes(b"\x00binary\x00")
    return root


def _paths(r):
    return sorted(d["path"] for d in r.json()["documents"])


def test_gitignore_is_honoured_when_walking(mtqa, repo, monkeypatch):
    monkeypatch.chdir(repo)
    r = mtqa("lint", ".", *PT, "-f", "json")
    assert r.code == 0, r.err
    assert _paths(r) == ["textos/manter.log.txt", "textos/nota.txt"]
    r = mtqa("lint", ".", *PT, "-f", "json", "--no-respect-gitignore")
    assert r.code == 2  # the binary files are read and refused
    assert "build/dependency_links.txt" in r.err and "textos/privado/x.txt" in r.err


def test_gitignore_off_in_config(mtqa, repo, monkeypatch):
    (repo / "mtqa.toml").write_text("respect_gitignore = false\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert mtqa("lint", "textos", *PT).code == 2


def test_a_file_named_on_the_command_line_is_checked_even_if_ignored(mtqa, repo, monkeypatch):
    monkeypatch.chdir(repo)
    (repo / "build" / "saida.txt").write_text("O líder norte -coreano chegou.\n", encoding="utf-8")
    r = mtqa("lint", "build/saida.txt", "--select", "S101", *PT, "-f", "json")
    assert [f["code"] for f in r.json()["findings"]] == ["S101"]
    r = mtqa("lint", "build", "--select", "S101", *PT, "-f", "json")  # a named folder too
    assert "build/saida.txt" in _paths(r)


def test_gitignore_unit(repo):
    ig = GitIgnore()
    assert not ig.ignored(repo.parent / "fora.txt")  # outside a work tree nothing is ignored
    assert ig.ignored(repo / "mtqa.egg-info", is_dir=True)
    assert ig.ignored(repo / "build", is_dir=True)
    assert not ig.ignored(repo / "textos" / "build", is_dir=True)  # /build/ is anchored
    assert ig.ignored(repo / "textos" / "erro.log.txt")
    assert not ig.ignored(repo / "textos" / "manter.log.txt")  # re-included by !
    assert ig.ignored(repo / "textos" / "rascunho.txt")  # .git/info/exclude
    assert ig.ignored(repo / "textos" / "privado", is_dir=True)  # the nested .gitignore
    assert not ig.ignored(repo / "privado", is_dir=True)  # ... speaks only of its own folder
    assert not ig.ignored(repo / "textos" / "nota.txt")


# --- keys ----------------------------------------------------------------------------------------


def test_keys_without_configuration_use_the_git_root(repo, monkeypatch):
    keys = Keys(Config())
    monkeypatch.chdir(repo / "textos")
    assert keys.key("nota.txt") == "textos/nota.txt"
    monkeypatch.chdir(repo)
    assert Keys(Config()).key("textos/nota.txt") == "textos/nota.txt"
    assert Keys(Config()).key("<stdin>") == "<stdin>"


def test_keys_with_configuration_use_its_folder(project, tmp_path, monkeypatch):
    cfg = load_config(project / "mtqa.toml", search=False)
    monkeypatch.chdir(tmp_path)
    keys = Keys(cfg)
    assert keys.key("newsroom/artigos/visita.txt") == "artigos/visita.txt"
    assert keys.key(str(project / "artigos" / "visita.txt")) == "artigos/visita.txt"
    outside = tmp_path / "fora.txt"
    outside.write_text("x", encoding="utf-8")
    assert keys.key("fora.txt") == "fora.txt"  # outside the root (and no git): as typed


def test_a_dismissal_made_in_review_from_a_subfolder_is_honoured_by_lint(mtqa, project, monkeypatch,
                                                                         tmp_path):
    from mtqa.cli.common import get_config_for
    from mtqa.tui.session import ReviewSession

    monkeypatch.chdir(project / "artigos")
    cfg = get_config_for(["."], None)
    assert cfg.source == str(project / "mtqa.toml")
    session = ReviewSession(["."], cfg)
    st = session.ensure(0)
    doubled = next(f for f in st.findings if f.code == "D103")
    session.decide(doubled, "dismissed")
    assert (project / "mtqa-review.jsonl").is_file()  # kept at the project root
    monkeypatch.chdir(tmp_path)
    r = mtqa("lint", str(project), "-f", "json")
    assert [f["code"] for f in r.json()["findings"]] == ["S101"]


def test_review_without_configuration_keeps_decisions_at_the_git_root(repo, monkeypatch):
    from mtqa.cli.common import get_config_for

    monkeypatch.chdir(repo / "textos")
    cfg = get_config_for(["nota.txt"], None)
    assert cfg.resolve(cfg.review_file) == repo / "mtqa-review.jsonl"


def test_config_show_names_the_configuration_of_a_path(mtqa, project, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    r = mtqa("config", "show", "newsroom/artigos/visita.txt")
    assert r.code in (0, None)
    assert f"# source: {project / 'mtqa.toml'}" in r.err and f"# project root: {project}" in r.err
    assert '"select": [\n    "S101",\n    "D103"\n  ]' in r.out
    assert "# source: defaults" in mtqa("config", "show").err  # the current folder has none
