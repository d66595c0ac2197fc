"""`glossary.extend_paths` and the project glossary: added to the shipped glossaries (while
`glossary.paths` replaces them), resolved against the configuration file's folder, and errors that
name the configuration file and line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from mtqa.cli.glossary import glossary
from mtqa.core.config import load_config
from mtqa.core.errors import ConfigError, ProviderUnavailable
from mtqa.core.model import Document
from mtqa.engine.runner import run
from mtqa.providers.glossaries import from_config, lint_reads

HOUSE = """\
schema: mtqa-glossary/1
pair: en-pt
entries:
- id: house-cupula
  kind: forbidden
  terms: [reunião de cúpula]
  message: house style says 'cúpula'
  suggest: cúpula
  examples:
  - bad: A [[reunião de cúpula]] começa amanhã em Belém.
  - good: A cúpula começa amanhã em Belém.
"""
#: Written for these tests: a shipped entry (pre-reform 'idéia') and the house entry both fire.
TEXT = "A reunião de cúpula teve uma idéia nova sobre o clima."


def _ids(cfg) -> set[str]:
    prov = from_config(cfg)
    doc = Document("d.txt", TEXT, language="pt", variant="BR")
    return {m.entry.id for m in prov.matches(doc)}


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with a house glossary; the tests run from another folder."""
    root = tmp_path / "proj"
    _write(root / "gl" / "house.yaml", HOUSE)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return root


def _shipped_id(cfg_ids: set[str]) -> bool:
    return any(i.startswith("reform-") or "ideia" in i for i in cfg_ids)


def test_extend_paths_adds_to_the_shipped_glossaries(project):
    cfg_file = _write(project / "pyproject.toml",
                      '[project]\nname = "x"\n\n[tool.mtqa.glossary]\nextend_paths = ["gl/house.yaml"]\n')
    cfg = load_config(cfg_file, env={})
    assert cfg.glossary.extend_paths == ["gl/house.yaml"]
    ids = _ids(cfg)
    assert "house-cupula" in ids and _shipped_id(ids), ids


def test_paths_still_replace_the_shipped_glossaries(project):
    cfg = load_config(_write(project / "mtqa.toml", '[glossary]\npaths = ["gl"]\n'), env={})
    assert _ids(cfg) == {"house-cupula"}


def test_extend_paths_folders_and_paths_together(project):
    _write(project / "more" / "sub" / "extra.yaml", HOUSE.replace("house-cupula", "extra-cupula")
           .replace("reunião de cúpula", "teve uma idéia"))
    cfg = load_config(_write(project / "mtqa.toml",
                             '[glossary]\npaths = ["gl"]\nextend_paths = ["more"]\n'), env={})
    assert _ids(cfg) == {"house-cupula", "extra-cupula"}


def test_without_extend_paths_only_the_shipped_glossaries(project):
    cfg = load_config(_write(project / "mtqa.toml", 'language = "pt"\n'), env={})
    ids = _ids(cfg)
    assert "house-cupula" not in ids and _shipped_id(ids)


def test_the_project_glossary_is_read_when_it_exists_and_file_empty_turns_it_off(project):
    cfg_file = _write(project / "mtqa.toml", 'language = "pt"\n')
    cfg = load_config(cfg_file, env={})
    assert "house-cupula" not in _ids(cfg)
    _write(project / "mtqa-glossary.yaml", HOUSE)
    ids = _ids(cfg)
    assert "house-cupula" in ids and _shipped_id(ids)
    assert lint_reads(cfg, project / "mtqa-glossary.yaml")
    cfg = load_config(_write(cfg_file, '[glossary]\nfile = ""\n'), env={})
    assert "house-cupula" not in _ids(cfg)
    assert not lint_reads(cfg, project / "mtqa-glossary.yaml")
    cfg = load_config(_write(cfg_file, '[glossary]\nfile = "gl/house.yaml"\n'), env={})
    assert "house-cupula" in _ids(cfg)


def test_a_file_named_twice_is_read_once(project):
    cfg = load_config(_write(project / "mtqa.toml",
                             '[glossary]\nextend_paths = ["gl", "gl/house.yaml"]\nfile = "gl/house.yaml"\n'),
                      env={})
    prov = from_config(cfg)
    assert [e.id for e in prov.entries].count("house-cupula") == 1


def test_wrong_type_names_the_file_and_line(project):
    cfg_file = _write(project / "pyproject.toml",
                      '[tool.mtqa]\nlanguage = "pt"\n\n[tool.mtqa.glossary]\nextend_paths = "gl/house.yaml"\n')
    with pytest.raises(ConfigError) as exc:
        load_config(cfg_file, env={})
    assert str(exc.value).startswith(f"{cfg_file}:5: tool.mtqa.glossary.extend_paths: expected list")


def test_unknown_glossary_key_lists_extend_paths(project):
    cfg_file = _write(project / "mtqa.toml", '[glossary]\n\nextend_path = ["gl"]\n')
    with pytest.raises(ConfigError) as exc:
        load_config(cfg_file, env={})
    assert f"{cfg_file}:3: unknown key 'extend_path' in [glossary]" in str(exc.value)
    assert "extend_paths" in str(exc.value) and "file" in str(exc.value)


def test_a_missing_extend_path_names_the_configuration_file_and_line(project, tmp_path):
    cfg_file = _write(project / "pyproject.toml",
                      '[tool.mtqa]\nlanguage = "pt"\nvariant = "BR"\n\n[tool.mtqa.glossary]\n'
                      'disable = []\nextend_paths = ["gl/house.yaml", "gl/nope.yaml"]\n')
    cfg = load_config(cfg_file, env={})
    want = (f"{cfg_file}:7: glossary.extend_paths: no such glossary file or folder: gl/nope.yaml "
            f"({project / 'gl' / 'nope.yaml'})")
    with pytest.raises(ProviderUnavailable) as exc:
        from_config(cfg)
    assert str(exc.value) == "glossary: " + want
    # lint skips the glossary checks with that reason and runs the others
    article = _write(tmp_path / "a.txt", "O líder norte -coreano teve uma idéia.\n")
    cfg.review_file = ""
    result = run([str(article)], cfg, use_review=False)
    assert want in result.skipped["G103"]
    assert any(f.code == "S101" for f in result.findings)
    # and `mtqa glossary validate` (no PATHS: the configured glossaries) exits 2 with it
    r = CliRunner().invoke(glossary, ["validate", "--config", str(cfg_file)])
    assert r.exit_code == 2 and want in r.output


def test_a_missing_paths_entry_names_the_configuration_file_and_line(project):
    cfg_file = _write(project / "mtqa.toml", '[glossary]\npaths = ["gone"]\n')
    with pytest.raises(ProviderUnavailable) as exc:
        from_config(load_config(cfg_file, env={}))
    assert f"{cfg_file}:2: glossary.paths: no such glossary file or folder: gone" in str(exc.value)


def test_an_unsafe_regex_in_an_extension_is_refused(project):
    _write(project / "gl" / "bad.yaml", HOUSE.replace("house-cupula", "bad-regex").replace(
        "  terms: [reunião de cúpula]", "  patterns: ['(?:\\w+\\s?)*cúpula']"))
    cfg = load_config(_write(project / "mtqa.toml", '[glossary]\nextend_paths = ["gl"]\n'), env={})
    with pytest.raises(ProviderUnavailable) as exc:
        from_config(cfg)
    assert f"{project / 'gl' / 'bad.yaml'}:" in str(exc.value) and "bad-regex" in str(exc.value)


def test_glossary_commands_without_paths_read_the_extensions_too(project):
    cfg_file = _write(project / "mtqa.toml", '[glossary]\nextend_paths = ["gl/house.yaml"]\n')
    r = CliRunner().invoke(glossary, ["stats", "--config", str(cfg_file)])
    assert r.exit_code == 0
    n = int(r.output.split()[0])
    r = CliRunner().invoke(glossary, ["stats", "--isolated"])
    assert int(r.output.split()[0]) == n - 1
    r = CliRunner().invoke(glossary, ["export", "--config", str(cfg_file), "--format", "csv"])
    assert "house-cupula" in r.output


def test_config_show_lists_the_glossary_keys(project):
    from mtqa.cli.config import config

    cfg_file = _write(project / "mtqa.toml", '[glossary]\nextend_paths = ["gl/house.yaml"]\n')
    r = CliRunner().invoke(config, ["show", "--config", str(cfg_file)])
    shown = json.loads(r.stdout)["glossary"]
    assert shown == {"paths": [], "extend_paths": ["gl/house.yaml"], "file": "mtqa-glossary.yaml",
                     "disable": []}


def test_lint_uses_an_extension_end_to_end(project, tmp_path):
    from mtqa.cli import cli

    _write(project / "mtqa.toml", 'language = "pt"\nvariant = "BR"\n[glossary]\nextend_paths = ["gl/house.yaml"]\n')
    _write(project / "a.txt", TEXT + "\n")
    r = CliRunner().invoke(cli, ["lint", "--config", str(project / "mtqa.toml"), str(project / "a.txt"),
                                  "--select", "G108,G103", "--format", "json"])
    found = {(f["code"], f["text"]) for f in json.loads(r.stdout)["findings"]}
    assert found == {("G108", "reunião de cúpula"), ("G103", "idéia")}
