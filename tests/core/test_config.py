"""Configuration: files, precedence, and errors that name file, line and key."""

from __future__ import annotations

import pytest

from mtqa.core.config import find_config, load_config
from mtqa.core.errors import ConfigError


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_pyproject_table(tmp_path):
    p = write(tmp_path, "pyproject.toml", '[project]\nname="x"\n\n[tool.mtqa]\nlanguage = "pt"\nvariant = "BR"\nignore = ["D"]\n')
    cfg = load_config(p, env={})
    assert (cfg.language, cfg.variant, cfg.ignore) == ("pt", "BR", ["D"])
    assert cfg.source == str(p)


def test_mtqa_toml_sections(tmp_path):
    p = write(tmp_path, "mtqa.toml", 'fail_on = "error"\n[roundtrip]\nenabled = true\ntimeout = 3\n')
    cfg = load_config(p, env={})
    assert cfg.fail_on == "error" and cfg.roundtrip.enabled and cfg.roundtrip.timeout == 3.0


def test_unknown_key_names_key_and_line(tmp_path):
    p = write(tmp_path, "pyproject.toml", '[tool.mtqa]\nlanguage = "pt"\nlangauge = "pt"\n')
    with pytest.raises(ConfigError) as exc:
        load_config(p, env={})
    assert exc.value.line == 3 and "langauge" in str(exc.value) and "pyproject.toml:3" in str(exc.value)


def test_unknown_key_in_section(tmp_path):
    p = write(tmp_path, "mtqa.toml", "[roundtrip]\nenabld = true\n")
    with pytest.raises(ConfigError) as exc:
        load_config(p, env={})
    assert exc.value.line == 2 and "enabld" in str(exc.value)


def test_wrong_type(tmp_path):
    p = write(tmp_path, "mtqa.toml", 'select = "B101"\n')
    with pytest.raises(ConfigError, match="expected list"):
        load_config(p, env={})


def test_invalid_toml_has_line(tmp_path):
    p = write(tmp_path, "mtqa.toml", 'language = "pt"\nvariant = \n')
    with pytest.raises(ConfigError) as exc:
        load_config(p, env={})
    assert exc.value.line == 2


def test_bad_severity(tmp_path):
    p = write(tmp_path, "mtqa.toml", 'fail_on = "fatal"\n')
    with pytest.raises(ConfigError, match="unknown severity"):
        load_config(p, env={})


def test_environment_overrides_file(tmp_path):
    p = write(tmp_path, "mtqa.toml", 'language = "pt"\nselect = ["B"]\n')
    cfg = load_config(p, env={"MTQA_LANGUAGE": "it", "MTQA_SELECT": "S,D101"})
    assert cfg.language == "it" and cfg.select == ["S", "D101"]


def test_find_config_walks_up_and_skips_pyproject_without_table(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.mtqa]\nlanguage = "pt"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    write(tmp_path / "a", "pyproject.toml", '[project]\nname = "other"\n')
    assert find_config(sub) == tmp_path / "pyproject.toml"
