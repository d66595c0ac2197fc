"""Named sets of the packs of each language: written once, referred to as "@name" from the check data,
and read by the checks and the variant detector alike."""

from __future__ import annotations

import pytest

import mtqa.lang as lang
from mtqa.checks.data import load
from mtqa.core.model import Document
from mtqa.lang import expand, named_set
from mtqa.lang.pt import european_progressive, not_progressive
from mtqa.providers.dictionary import WordSetDictionary
from tests.providers.test_langid import FakeDetector, ident


def test_a_set_is_read_from_the_pack():
    assert named_set("pt", "months")[:3] == ("janeiro", "fevereiro", "março")
    assert len(named_set("pt", "months")) == 12
    assert "sábado" in named_set("pt", "weekdays")


def test_references_in_the_check_data_are_expanded():
    months = load("boilerplate")["months"]["pt"]
    assert months == [*named_set("pt", "months"), *named_set("pt", "month_abbreviations")]
    assert not any(x.startswith("@") for table in load("word_order").values() if isinstance(table, dict)
                   for items in table.values() if isinstance(items, list) for x in items
                   if isinstance(x, str))
    assert load("orthography")["estar_forms"]["pt"] == list(named_set("pt", "estar_forms"))


def test_an_unknown_set_is_an_error_naming_the_pack():
    with pytest.raises(ValueError, match=r"mtqa/lang/pt/sets.yaml has no set 'mesess'"):
        expand("pt", ["@mesess"])


def test_a_set_may_refer_to_another_but_not_to_itself(monkeypatch):
    raw = {"a": ["x", "@b"], "b": ["y", "x"], "loop": ["@loop2"], "loop2": ["@loop"]}
    monkeypatch.setattr(lang, "_raw_sets", lambda language: raw)
    assert expand("xx", ["@a", "z"]) == ["x", "y", "z"]
    with pytest.raises(ValueError, match="refers to itself"):
        expand("xx", ["@loop"])


def test_entries_that_are_no_reference_stay():
    assert expand("pt", ["@", "e-mail", "@weekday_ordinals"]) == ["@", "e-mail", "segunda", "terça",
                                                                  "quarta", "quinta", "sexta"]


# --- one rule, one definition: the European progressive -------------------------------------------


def test_the_progressive_pattern_finds_the_forms_of_estar():
    rx = european_progressive()
    found = [m.group(0) for m in rx.finditer("Ele está a preparar o plano e estaria a rever-se; "
                                              "Estavam a pensar.")]
    assert found == ["está a preparar", "estaria a rever-se", "Estavam a pensar"]
    assert "par" in not_progressive() and "preparar" not in not_progressive()


def test_the_variant_detector_does_not_count_fixed_phrases_as_european():
    """The bug that made one rule two: 'está a par' counted as pt-PT evidence in the variant
    detector while O103 and the glossary treat it as good Brazilian Portuguese."""
    words = {"o", "ministro", "está", "a", "par", "do", "caso", "e", "favor", "da", "proposta"}
    d = WordSetDictionary({"pt_BR": words, "pt_PT": words})
    li = ident(backend=FakeDetector(), dictionary=d)
    text = "O ministro está a par do caso e está a favor da proposta. O ministro está a par."
    assert li.detect_variant(Document("x", text)) is None  # no evidence either way
    text = "O ministro está a preparar o caso e está a rever a proposta."
    v = li.detect_variant(Document("x", text))
    assert v is not None and v[0] == "PT" and v[2]["PT"] == ["está a preparar", "está a rever"]
