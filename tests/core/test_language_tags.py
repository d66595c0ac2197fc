"""Language tags are accepted in every spelling a user types, everywhere, and nothing else is."""

from __future__ import annotations

import pytest

from mtqa.core.config import load_config, parse_language
from mtqa.core.errors import ConfigError


@pytest.mark.parametrize(("language", "variant", "expected"), [
    ("pt", "", ("pt", "")),
    ("pt-BR", "", ("pt", "BR")),
    ("pt_BR", "", ("pt", "BR")),
    ("pt-br", "", ("pt", "BR")),
    ("PT-PT", "", ("pt", "PT")),
    ("pt", "pt", ("pt", "PT")),
    ("pt-BR", "BR", ("pt", "BR")),
    ("", "BR", ("", "BR")),
    ("en", "", ("en", "")),
    ("", "", ("", "")),
])
def test_accepted(language, variant, expected):
    assert parse_language(language, variant) == expected


@pytest.mark.parametrize(("language", "variant", "words"), [
    ("xx", "", "mtqa checks"),
    ("pt-XX", "", "not a variant of 'pt'"),
    ("pt", "XX", "not a variant of 'pt'"),
    ("pt-BR", "PT", "says variant BR"),
    ("en", "BR", "not a variant of 'en'"),
    ("portuguese", "", "not a language tag"),
    ("", "ZZ", "not a variant mtqa knows"),
])
def test_refused_with_the_place(language, variant, words):
    with pytest.raises(ConfigError) as exc:
        parse_language(language, variant, "somewhere")
    assert words in str(exc.value) and "somewhere" in str(exc.value)


def test_file_and_environment(tmp_path):
    p = tmp_path / "mtqa.toml"
    p.write_text('language = "pt-BR"\n', encoding="utf-8")
    assert (load_config(p, env={}).language, load_config(p, env={}).variant) == ("pt", "BR")
    assert load_config(p, env={"MTQA_LANGUAGE": "pt_PT"}).variant == "PT"
    with pytest.raises(ConfigError) as exc:
        load_config(p, env={"MTQA_LANGUAGE": "pt-XX"})
    assert "MTQA_LANGUAGE" in str(exc.value) and "mtqa.toml" not in str(exc.value)
    p.write_text('language = "klingon"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(p, env={})
    assert "mtqa.toml" in str(exc.value)
