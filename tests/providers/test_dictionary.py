"""The hunspell dictionary provider and its answer memo (answers kept across runs)."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from mtqa.providers import dictionary as dmod
from mtqa.providers.dictionary import AnswerMemo, EnchantDictionary


@pytest.fixture
def lists(tmp_path) -> tuple[Path, ...]:
    """A folder with a stand-in pt_BR word list (only its files' size and time matter)."""
    d = tmp_path / "hunspell"
    d.mkdir()
    (d / "pt_BR.dic").write_text("2\ncasa\nmundo\n", encoding="utf-8")
    (d / "pt_BR.aff").write_text("SET UTF-8\n", encoding="utf-8")
    return (d,)


def test_memo_keeps_answers_across_processes(tmp_path, lists):
    path = tmp_path / "memo.pickle"
    m = AnswerMemo(path, lists)
    assert m.get("pt_BR", "casa") is None
    m.put("pt_BR", "casa", True)
    m.put("pt_BR", "xyzq", False)
    m.put("en_US", "house", True)  # no word list in these folders: not kept
    assert m.save() == 2 and m.save() == 0
    again = AnswerMemo(path, lists)
    assert again.get("pt_BR", "casa") is True and again.get("pt_BR", "xyzq") is False
    assert again.get("pt_BR", "mundo") is None and again.get("en_US", "house") is None
    # A second run's new answers are merged with the first's.
    again.put("pt_BR", "mundo", True)
    again.save()
    third = AnswerMemo(path, lists)
    assert [third.get("pt_BR", w) for w in ("casa", "xyzq", "mundo")] == [True, False, True]


def test_memo_is_dropped_when_the_word_list_changes(tmp_path, lists):
    path = tmp_path / "memo.pickle"
    m = AnswerMemo(path, lists)
    m.put("pt_BR", "casa", True)
    m.save()
    dic = lists[0] / "pt_BR.dic"
    dic.write_text("3\ncasa\nmundo\nnovo\n", encoding="utf-8")
    os.utime(dic, ns=(1, 1))
    assert AnswerMemo(path, lists).get("pt_BR", "casa") is None


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["a", "list"]),
                                     pickle.dumps({"version": 999, "tags": {}})])
def test_a_broken_or_foreign_memo_file_is_an_empty_memo(tmp_path, lists, content):
    path = tmp_path / "memo.pickle"
    path.write_bytes(content)
    m = AnswerMemo(path, lists)
    assert m.get("pt_BR", "casa") is None
    m.put("pt_BR", "casa", True)
    assert m.save() == 1 and AnswerMemo(path, lists).get("pt_BR", "casa") is True


def test_enchant_answers_from_the_memo_without_loading_hunspell(tmp_path):
    """With every word answered by the memo, the hunspell list is never loaded; the answers are
    the ones hunspell gave."""
    try:
        first = EnchantDictionary(memo=AnswerMemo(tmp_path / "memo.pickle"))
    except Exception as exc:  # noqa: BLE001 - no libenchant here
        pytest.skip(str(exc))
    if not first.has("pt", "BR") or dmod._stamp("pt_BR") is None:
        pytest.skip("hunspell pt_BR not installed in the Debian folders")
    words = ["casa", "Coreia", "Coréia", "xyzqw", "Brasil"]
    answers = [first.known(w, "pt", "BR") for w in words]
    assert answers == [True, True, False, False, True]
    first.memo.save()

    second = EnchantDictionary(memo=AnswerMemo(tmp_path / "memo.pickle"))

    def no_load(tag):
        raise AssertionError(f"hunspell {tag} loaded")

    second._dict = no_load
    assert [second.known(w, "pt", "BR") for w in words] == answers
