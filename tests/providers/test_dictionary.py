"""The hunspell dictionary provider and its answer memo (answers kept across runs)."""

from __future__ import annotations

import json
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
    path = tmp_path / "memo.json"
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
    path = tmp_path / "memo.json"
    m = AnswerMemo(path, lists)
    m.put("pt_BR", "casa", True)
    m.save()
    dic = lists[0] / "pt_BR.dic"
    dic.write_text("3\ncasa\nmundo\nnovo\n", encoding="utf-8")
    os.utime(dic, ns=(1, 1))
    assert AnswerMemo(path, lists).get("pt_BR", "casa") is None


@pytest.mark.parametrize("content", [b"", b"not json", b"[1, 2]", b'{"version": 999, "tags": {}}',
                                     b'{"version": 2, "tags": {"pt_BR": {"stamp": "x", "known": 5}}}',
                                     b"\xff\xfe garbage", b"[" * 100_000])
def test_a_broken_or_foreign_memo_file_is_an_empty_memo(tmp_path, lists, content):
    path = tmp_path / "memo.json"
    path.write_bytes(content)
    m = AnswerMemo(path, lists)
    assert m.get("pt_BR", "casa") is None
    m.put("pt_BR", "casa", True)
    assert m.save() == 1 and AnswerMemo(path, lists).get("pt_BR", "casa") is True


class _Payload:
    """Unpickling this creates a folder: the proof that a pickle ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.makedirs, (str(self.marker),))


def test_a_planted_pickle_in_the_cache_folder_is_never_loaded(tmp_path, lists, monkeypatch):
    """The cache folder is restored across CI branches: a pickle planted under the memo's name,
    or the name older versions used, runs nothing and is an empty memo (before: the memo was a
    pickle read with pickle.loads, and the payload ran)."""
    marker = tmp_path / "pwned"
    evil = pickle.dumps({"version": 1, "tags": {}, "x": _Payload(marker)})
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path))
    for name in (getattr(dmod, "MEMO_FILENAME", "dictionary-answers.pickle"), "dictionary-answers.pickle"):
        (tmp_path / name).write_bytes(evil)
    monkeypatch.setattr(dmod, "_MEMO", None)
    memo = dmod.answer_memo()
    assert memo is not None and memo.path.parent == tmp_path
    memo.dirs = lists
    assert memo.get("pt_BR", "casa") is None
    memo.put("pt_BR", "casa", True)
    assert memo.save() == 1
    assert not marker.exists()
    assert json.loads(memo.path.read_text(encoding="utf-8"))["tags"]["pt_BR"]["known"] == ["casa"]


def test_the_memo_is_bounded_in_the_file_and_in_memory(tmp_path, lists, monkeypatch):
    monkeypatch.setattr(dmod, "MEMO_MAX", 50)
    path = tmp_path / "memo.json"
    m = AnswerMemo(path, lists)
    for i in range(200):
        m.put("pt_BR", f"palavra{i}", i % 2 == 0)
    m.put("pt_BR", "x" * 500, True)  # not a word worth keeping
    assert m.save() == 50
    # A hand-made (or planted) file far over the bound is read up to the bound only.
    stamp = list(dmod._stamp("pt_BR", lists))
    big = {"version": dmod.MEMO_VERSION,
           "tags": {"pt_BR": {"stamp": stamp, "known": [f"w{i}" for i in range(10_000)], "unknown": []}}}
    path.write_text(json.dumps(big), encoding="utf-8")
    again = AnswerMemo(path, lists)
    assert again.get("pt_BR", "w0") is True and again.get("pt_BR", "w9999") is None
    assert len(again._tags["pt_BR"]) == 50
    monkeypatch.setattr(dmod, "MEMO_MAX_BYTES", 1000)
    assert AnswerMemo(path, lists).get("pt_BR", "w0") is None  # over the size bound: not read


@pytest.mark.parametrize("junk", [5, None, "", "x" * 500, ["nested"]])
def test_junk_among_a_memo_files_words_is_skipped_and_the_words_kept(tmp_path, lists, junk):
    stamp = list(dmod._stamp("pt_BR", lists))
    path = tmp_path / "memo.json"
    data = {"version": dmod.MEMO_VERSION,
            "tags": {"pt_BR": {"stamp": stamp, "known": ["casa", junk, "mundo"], "unknown": ["xyzq", "casa"]}}}
    path.write_text(json.dumps(data), encoding="utf-8")
    m = AnswerMemo(path, lists)
    # The same answers whichever way the lists are read (word by word, or checked at once).
    assert [m.get("pt_BR", w) for w in ("casa", "mundo", "xyzq")] == [False, True, False]
    assert set(m._tags["pt_BR"]) == {"casa", "mundo", "xyzq"}
    data["tags"]["pt_BR"]["known"] = ["casa", "mundo"]
    path.write_text(json.dumps(data), encoding="utf-8")
    again = AnswerMemo(path, lists)
    again._load()
    assert again._tags["pt_BR"] == {"casa": False, "mundo": True, "xyzq": False}


def test_enchant_answers_from_the_memo_without_loading_hunspell(tmp_path):
    """With every word answered by the memo, the hunspell list is never loaded; the answers are
    the ones hunspell gave."""
    try:
        first = EnchantDictionary(memo=AnswerMemo(tmp_path / "memo.json"))
    except Exception as exc:  # noqa: BLE001 - no libenchant here
        pytest.skip(str(exc))
    if not first.has("pt", "BR") or dmod._stamp("pt_BR") is None:
        pytest.skip("hunspell pt_BR not installed in the Debian folders")
    words = ["casa", "Coreia", "Coréia", "xyzqw", "Brasil"]
    answers = [first.known(w, "pt", "BR") for w in words]
    assert answers == [True, True, False, False, True]
    first.memo.save()

    second = EnchantDictionary(memo=AnswerMemo(tmp_path / "memo.json"))

    def no_load(tag):
        raise AssertionError(f"hunspell {tag} loaded")

    second._dict = no_load
    assert [second.known(w, "pt", "BR") for w in words] == answers


def test_expect_loads_the_list_only_for_a_text_the_memo_does_not_cover(tmp_path):
    """A document whose lower-case words the memo has not all seen starts loading its word list
    in the background, and the list then answers those words too; the same text again (a second
    run) loads nothing, and its words are answered as hunspell answered them."""
    try:
        first = EnchantDictionary(memo=AnswerMemo(tmp_path / "memo.json"), preload_expected=True)
    except Exception as exc:  # noqa: BLE001 - no libenchant here
        pytest.skip(str(exc))
    if not first.has("pt", "BR") or dmod._stamp("pt_BR") is None:
        pytest.skip("hunspell pt_BR not installed in the Debian folders")
    text = "A casa do Brasil tem xyzqw janelas."
    t = first.expect(text, "pt", "BR")
    assert t is not None
    t.join(timeout=60)
    assert first.expect(text, "pt", "BR") is None  # loaded already
    first.memo.save()

    second = EnchantDictionary(memo=AnswerMemo(tmp_path / "memo.json"), preload_expected=True)

    def no_load(tag):
        raise AssertionError(f"hunspell {tag} loaded")

    second._dict = no_load
    assert second.expect(text, "pt", "BR") is None
    assert [second.known(w, "pt", "BR") for w in ("casa", "tem", "xyzqw", "janelas")] == [True, True, False, True]
    # A new lower-case word starts the load (with the text's words to answer); without a
    # configured language nothing is loaded.
    started = []
    second.preload = lambda tag, words=(): started.append((tag, list(words))) or "thread"
    assert second.expect(text + " Uma palavra nova.", "pt", "BR") == "thread"
    assert started[0][0] == "pt_BR" and {"palavra", "nova", "casa"} <= set(started[0][1])
    third = EnchantDictionary(memo=AnswerMemo(tmp_path / "memo.json"))
    assert third.expect("Uma palavra nova.", "pt", "BR") is None and not third._preloading


def test_a_fifo_or_symlink_planted_as_the_memo_does_not_hang_or_get_read(tmp_path, lists):
    """A FIFO planted under the memo's name used to block the first lookup forever (nobody
    writes to it); a symlink pointed the read at any file."""
    import os
    import threading

    fifo = tmp_path / "memo.json"
    os.mkfifo(fifo)
    result = {}

    def lookup():
        result["answer"] = AnswerMemo(fifo, lists).get("pt_BR", "casa")

    t = threading.Thread(target=lookup, daemon=True)
    t.start()
    t.join(5)
    assert not t.is_alive(), "reading a FIFO memo blocked"
    assert result["answer"] is None

    target = tmp_path / "elsewhere.json"
    stamp = list(dmod._stamp("pt_BR", lists))
    target.write_text(json.dumps({"version": dmod.MEMO_VERSION,
                                  "tags": {"pt_BR": {"stamp": stamp, "known": ["casa"], "unknown": []}}}),
                      encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert AnswerMemo(link, lists).get("pt_BR", "casa") is None
    assert AnswerMemo(target, lists).get("pt_BR", "casa") is True
