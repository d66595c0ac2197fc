"""AnyOf answers as its whole alternation does, compiling only the alternatives a text can match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mtqa.checks import anyof, boilerplate
from mtqa.checks.anyof import AnyOf

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "data"


def _lines() -> list[str]:
    """Every line of the seeds and guards, trimmed, and the examples' lines of the checks that
    use AnyOf, plus some case traps."""
    out = []
    for f in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests/guard").rglob("*.txt"))]:
        out.extend(x.strip() for x in f.read_text(encoding="utf-8").splitlines() if x.strip())
    for c in boilerplate.CHECKS:
        for ex in c.examples:
            out.extend(x.strip().replace("[[", "").replace("]]", "") for x in ex.text.splitlines() if x.strip())
    out += ["LEIA MAIS", "Leia  mais:", "İndice", "ÍNDICE", "Publicidade", "© 2024 Folha", "ſign in",
            "Kelvin \u212a", "ΣΟΦΊΑ", "19/06/2024", "Fechar ✕", "Atualizado em 3 de março de 2025, 10:15"]
    return out


def _whole(a: AnyOf) -> re.Pattern[str]:
    return re.compile(a.pattern, a.flags)


@pytest.mark.parametrize("make", [
    lambda: boilerplate._widget_rx(), lambda: boilerplate._date_line_rx(),
    lambda: boilerplate._whole_line("comment_form"), lambda: boilerplate._whole_line("related_label", r":?"),
    lambda: boilerplate._whole_line("related_label", r"[:.…»›→]?"),
])
def test_fullmatch_is_the_whole_alternations(make):
    a = make()  # cached by the module: a fresh AnyOf of the same alternatives below
    fresh = AnyOf(a.name, a.alts, head=a.head, tail=a.tail, flags=a.flags)
    whole = _whole(a)
    lines = _lines()
    assert [fresh.fullmatch(t) is not None for t in lines] == [whole.fullmatch(t) is not None for t in lines]
    assert any(whole.fullmatch(t) for t in lines)  # the lines hold matches, not only misses


@pytest.mark.parametrize("make", [lambda: boilerplate._prompt_rx(), lambda: boilerplate._cookie_rx()])
def test_search_is_the_whole_alternations(make):
    a = make()
    fresh = AnyOf(a.name, a.alts, head=a.head, tail=a.tail, flags=a.flags)
    whole = _whole(a)
    lines = _lines()
    assert [fresh.search(t) is not None for t in lines] == [whole.search(t) is not None for t in lines]
    assert any(whole.search(t) for t in lines)


def test_a_text_without_the_strings_compiles_nothing(monkeypatch):
    a = AnyOf("t", [r"leia\s+mais", r"veja\s+tamb[ée]m", r"\d+\s+coment[áa]rios?"], tail=r"\s*:?",
              flags=re.IGNORECASE)
    assert a.fullmatch("Leia mais:") and a.fullmatch("12 comentários")
    compiled = []
    real = re.compile
    monkeypatch.setattr(anyof.re, "compile", lambda *x: compiled.append(x) or real(*x))
    b = AnyOf("t", a.alts, tail=a.tail, flags=a.flags)
    assert not b.fullmatch("O governo anunciou o plano.")
    assert compiled == []
    assert b.fullmatch("VEJA TAMBÉM") and len(compiled) == 1 and "leia" not in compiled[0][0]
    assert not b.fullmatch("Veja também o vídeo")


def test_back_references_are_never_split():
    a = AnyOf("t", [r"(\w+) \1", r"abc"])
    assert a.search("bis bis") and not a._subsets


def test_the_strings_are_kept_across_runs_and_a_bad_cache_file_is_rebuilt(cache, monkeypatch):
    alts = [r"leia\s+mais", r"veja\s+tamb[ée]m", r"[©®]"]
    AnyOf("t", alts, flags=re.IGNORECASE).search("veja também")
    (f,) = sorted(cache.iterdir())
    data = json.loads(f.read_text(encoding="utf-8"))["data"]
    assert len(data) == 3 and {"leia", "mais"} & set(data[0]) and data[1] == ["veja"] and data[2] is None
    from mtqa.core import glossary

    with monkeypatch.context() as m:
        m.setattr(glossary, "_required_literals", lambda p: pytest.fail("computed again"))
        assert AnyOf("t", alts, flags=re.IGNORECASE).search("Veja também")
    for junk in ([["x"]], [["leia"], ["veja"]], [5, None, None], "x", [["leia"], [], None]):
        d = json.loads(f.read_text(encoding="utf-8"))
        d["data"] = junk
        f.write_text(json.dumps(d), encoding="utf-8")
        assert AnyOf("t", alts, flags=re.IGNORECASE).search("veja também")
        assert not AnyOf("t", alts, flags=re.IGNORECASE).search("o texto")


def test_only_ignorecase_is_taken():
    with pytest.raises(ValueError):
        AnyOf("t", ["a b"], flags=re.VERBOSE)


def test_a_miss_is_none_like_a_pattern():
    """``is not None`` is how the checks ask: a miss must be None, not False (a merge that
    mixed the two made B101 fire on every line)."""
    a = AnyOf("t.miss", ["Leia mais", "Veja também"])
    assert a.fullmatch("O governo anunciou o plano.") is None
    assert a.search("O governo anunciou o plano.") is None
    assert a.fullmatch("Leia mais") is not None and a.search("x Veja também y").group(0) == "Veja também"
