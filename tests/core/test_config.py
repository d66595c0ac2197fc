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


def test_broken_pyproject_with_mtqa_table_is_an_error_not_the_defaults(tmp_path):
    """A [tool.mtqa] that does not parse must not fall back to the defaults or a parent's config."""
    (tmp_path / "mtqa.toml").write_text('ignore = ["D"]\n', encoding="utf-8")  # a parent config
    sub = tmp_path / "proj"
    sub.mkdir()
    write(sub, "pyproject.toml", '[project]\nname = "x"\n\n[tool.mtqa]\nignore = ["S"\n')
    with pytest.raises(ConfigError) as exc:
        find_config(sub)
    assert "pyproject.toml:5" in str(exc.value) and "invalid TOML" in str(exc.value)


def test_non_utf8_pyproject_names_file_and_line(tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_bytes(b'[tool.mtqa]\nignore = ["S"]\n# caf\xe9\n')
    with pytest.raises(ConfigError) as exc:
        find_config(tmp_path)
    assert "pyproject.toml:3" in str(exc.value) and "not UTF-8" in str(exc.value)
    with pytest.raises(ConfigError) as exc:
        load_config(p, env={})
    assert "pyproject.toml:3" in str(exc.value)


def test_broken_pyproject_of_another_tool_is_passed_over(tmp_path):
    (tmp_path / "mtqa.toml").write_text('ignore = ["D"]\n', encoding="utf-8")
    sub = tmp_path / "proj"
    sub.mkdir()
    write(sub, "pyproject.toml", '[project]\nname = "x\n')
    assert find_config(sub) == tmp_path / "mtqa.toml"
