"""Word lists: is this word a word of language L (and variant V)?

The real implementation reads Debian's hunspell dictionaries through pyenchant (6-14 us a lookup).
Capitalised words are looked up as written and lower-cased, so a sentence-initial word is known.
:class:`WordSetDictionary` is the test double.

Loading a hunspell list takes about 0.35 s (pt_BR), most of `mtqa lint`'s start-up on one file.
So answers are also kept across runs in :class:`AnswerMemo` (``dictionary-answers.json`` in the
user cache folder), stamped with the size and time of the list's files: a run whose words were all
looked up before never loads hunspell. When a document holds a lower-case word the memo has not
seen, its list starts loading in the background as the document is checked (:meth:`EnchantDictionary.expect`);
a text checked before loads nothing (loading pt_BR is 0.3-0.5 s of CPU, most of a warm start). The memo is plain JSON, validated when read and bounded in size: a cache folder is
restored across CI branches, so nothing in it may run code (an old ``dictionary-answers.pickle`` is
never read) or grow without end.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.files import atomic_write, cache_dir, read_regular_file

#: (language, variant) -> enchant tag, most specific first.
TAGS = {
    ("pt", "BR"): "pt_BR",
    ("pt", "PT"): "pt_PT",
    ("en", "US"): "en_US",
    ("en", "GB"): "en_GB",
    ("it", "IT"): "it_IT",
    ("es", "ES"): "es_ES",
}
DEFAULT_VARIANT = {"pt": "BR", "en": "US", "it": "IT", "es": "ES"}


class Dictionary(Protocol):
    def known(self, word: str, language: str, variant: str | None = None) -> bool:
        """True when ``word`` is spelled right in ``language`` (``variant``)."""

    def has(self, language: str, variant: str | None = None) -> bool:
        """True when a word list for ``language`` (``variant``) is installed."""


def tag_for(language: str, variant: str | None) -> str:
    return TAGS.get((language, (variant or DEFAULT_VARIANT.get(language, "")).upper()), language)


_ENCHANT_LOCK = threading.RLock()

#: Folders where Debian's hunspell lists live (the files that stamp the answer memo).
HUNSPELL_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"), Path("/usr/share/myspell"))
MEMO_VERSION = 2
#: Most answers kept per word list (in the file and in memory).
MEMO_MAX = 200_000
#: A memo file larger than this is not read (200,000 answers take about 4 MB).
MEMO_MAX_BYTES = 16_000_000
#: Longest word kept in the memo.
MEMO_MAX_WORD = 64


def _stamp(tag: str, dirs: tuple[Path, ...] = HUNSPELL_DIRS) -> tuple | None:
    """Size and modification time of the ``.dic`` and ``.aff`` of ``tag`` (None when not found)."""
    for d in dirs:
        dic, aff = d / f"{tag}.dic", d / f"{tag}.aff"
        try:
            a, b = dic.stat(), aff.stat()
        except OSError:
            continue
        return (str(dic), a.st_size, a.st_mtime_ns, b.st_size, b.st_mtime_ns)
    return None


class AnswerMemo:
    """Dictionary answers (tag -> word -> known) kept in a file across runs.

    Each tag's answers carry the stamp of its word list; answers for a list that changed (or
    with no stamp) are not used. A missing, unreadable or foreign file is an empty memo. New
    answers are merged into the file when the process exits (atomic replace).
    """

    def __init__(self, path: Path, dirs: tuple[Path, ...] = HUNSPELL_DIRS) -> None:
        self.path = path
        self.dirs = dirs
        self._tags: dict[str, dict[str, bool]] = {}
        self._stamps: dict[str, tuple | None] = {}
        self._new: dict[str, dict[str, bool]] = {}
        self._current: dict[str, tuple | None] = {}
        self._loaded = False
        self._lock = threading.Lock()

    def _load(self) -> None:
        """Read the file: JSON only, every field checked, at most ``MEMO_MAX`` answers a list."""
        self._loaded = True
        raw = read_regular_file(self.path, MEMO_MAX_BYTES)
        if raw is None:
            return  # missing, too big, or not a regular file (a planted FIFO or symlink)
        try:
            data = json.loads(raw)
        except (OSError, ValueError, RecursionError):
            return
        if not isinstance(data, dict) or data.get("version") != MEMO_VERSION:
            return
        tags = data.get("tags")
        if not isinstance(tags, dict):
            return
        for tag, entry in list(tags.items())[:MEMO_MAX_TAGS]:
            if not _TAG.fullmatch(tag) or not isinstance(entry, dict):
                continue
            stamp = entry.get("stamp")
            if not (isinstance(stamp, list) and len(stamp) == 5 and isinstance(stamp[0], str)
                    and all(type(x) is int for x in stamp[1:])):
                continue
            self._tags[tag] = _answers(entry.get("known"), entry.get("unknown"))
            self._stamps[tag] = tuple(stamp)

    def _stamp(self, tag: str) -> tuple | None:
        """The stamp of ``tag``'s word list as installed now (read once per process)."""
        if tag not in self._current:
            self._current[tag] = _stamp(tag, self.dirs)
        return self._current[tag]

    def get(self, tag: str, word: str) -> bool | None:
        with self._lock:
            if not self._loaded:
                self._load()
            stamp = self._stamp(tag)
            if stamp is None or self._stamps.get(tag) != stamp:
                return None
            return self._tags.get(tag, {}).get(word)

    def covers(self, tag: str, words) -> bool:
        """True when the memo answers every one of ``words`` for ``tag``'s list as installed."""
        with self._lock:
            if not self._loaded:
                self._load()
            stamp = self._stamp(tag)
            if stamp is None or self._stamps.get(tag) != stamp:
                return False
            answers = self._tags.get(tag, {})
            return all(w in answers for w in words)

    def put(self, tag: str, word: str, known: bool) -> None:
        with self._lock:
            if self._stamp(tag) is None:
                return
            new = self._new.setdefault(tag, {})
            if len(new) < MEMO_MAX and 0 < len(word) <= MEMO_MAX_WORD:
                new[word] = known

    def save(self) -> int:
        """Merge the new answers into the file; how many were new (0: nothing written)."""
        with self._lock:
            if not any(self._new.values()):
                return 0
            fresh = AnswerMemo(self.path, self.dirs)
            fresh._load()
            tags = {}
            n = 0
            for tag in set(fresh._tags) | set(self._new):
                stamp = self._stamp(tag)
                if stamp is None:
                    continue
                words = dict(fresh._tags.get(tag, {})) if fresh._stamps.get(tag) == stamp else {}
                added = self._new.get(tag, {})
                n += len(added)
                if len(words) + len(added) > MEMO_MAX:
                    words = {}
                words.update(added)
                tags[tag] = {
                    "stamp": list(stamp),
                    "known": sorted(w for w, k in words.items() if k),
                    "unknown": sorted(w for w, k in words.items() if not k),
                }
            text = json.dumps({"version": MEMO_VERSION, "tags": tags}, ensure_ascii=False,
                              separators=(",", ":"))
            try:
                atomic_write(self.path, text)
            except OSError:
                return 0
            self._new.clear()
            return n


def _answers(known, unknown) -> dict[str, bool]:
    """Word -> answer from a memo file's two lists: the words of 1 to MEMO_MAX_WORD characters, at
    most MEMO_MAX of them (an unknown word wins over the same word known). When every item is
    such a word, as in every file mtqa writes, the check runs in C (join, len): 68,000 answers
    take ~10 ms instead of ~35 ms word by word."""
    lists = [x if isinstance(x, list) else [] for x in (known, unknown)]
    if len(lists[0]) + len(lists[1]) <= MEMO_MAX and all(map(_all_words, lists)):
        words = dict.fromkeys(lists[0], True)
        words.update(dict.fromkeys(lists[1], False))
        return words
    words = {}
    for answer, listed in zip((True, False), lists, strict=True):
        for w in listed:
            if len(words) >= MEMO_MAX:
                break
            if isinstance(w, str) and 0 < len(w) <= MEMO_MAX_WORD:
                words[w] = answer
    return words


def _all_words(listed: list) -> bool:
    try:
        "".join(listed)
    except TypeError:
        return False
    return not listed or (min(map(len, listed)) > 0 and max(map(len, listed)) <= MEMO_MAX_WORD)


#: The memo's file in the cache folder.
MEMO_FILENAME = "dictionary-answers.json"
#: What a word list's tag looks like (pt_BR, en_US, de), and how many lists a memo keeps.
_TAG = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")
MEMO_MAX_TAGS = 16
_MEMO: AnswerMemo | None = None
_MEMO_GUARD = threading.Lock()


def answer_memo() -> AnswerMemo | None:
    """The process's answer memo (saved at exit); None when ``MTQA_NO_DICT_MEMO`` is set."""
    global _MEMO
    if os.environ.get("MTQA_NO_DICT_MEMO"):
        return None
    with _MEMO_GUARD:
        if _MEMO is None:
            _MEMO = AnswerMemo(cache_dir() / MEMO_FILENAME)
            atexit.register(_MEMO.save)
        return _MEMO


class EnchantDictionary:
    """Hunspell dictionaries through pyenchant."""

    def __init__(self, memo: AnswerMemo | None = None, *, preload_expected: bool = False) -> None:
        self.memo = memo
        #: Whether :meth:`expect` may start loading a word list in the background.
        self.preload_expected = preload_expected
        self._preloading: set[str] = set()
        try:
            import enchant
        except ImportError as exc:  # libenchant missing
            raise ProviderUnavailable(
                f"dictionary: pyenchant cannot load ({exc}); install libenchant-2-2 and the "
                "hunspell-pt-br, hunspell-pt-pt, hunspell-en-us packages"
            ) from None
        self._enchant = enchant
        self._dicts: dict[str, object] = {}
        with _ENCHANT_LOCK:
            self.tags = set(enchant.list_languages())
        if not self.tags:
            raise ProviderUnavailable("dictionary: no hunspell dictionaries installed")
        # Hunspell objects and enchant's one broker are not safe to use from two threads at once
        # (word lists load in prefetch threads; the review UI checks documents in one worker
        # thread while a round trip runs in another), so every call into enchant, from any
        # instance, holds one lock; answers are cached above it.
        self._lock = _ENCHANT_LOCK
        self._known = lru_cache(maxsize=200_000)(self._lookup)

    def has(self, language: str, variant: str | None = None) -> bool:
        return tag_for(language, variant) in self.tags

    def _dict(self, tag: str):
        with self._lock:
            d = self._dicts.get(tag)
            if d is None:
                if tag not in self.tags:
                    raise ProviderUnavailable(f"dictionary: no word list for {tag} installed")
                d = self._dicts[tag] = self._enchant.Dict(tag)
            return d

    def _lookup(self, word: str, tag: str) -> bool:
        memo = self.memo
        if memo is not None:
            known = memo.get(tag, word)
            if known is not None:
                return known
        with self._lock:
            d = self._dict(tag)
            low = word.lower()
            known = bool(d.check(word) or (low != word and d.check(low)))
        if memo is not None:
            memo.put(tag, word, known)
        return known

    def preload(self, tag: str, words: Iterable[str] = ()) -> threading.Thread | None:
        """Load ``tag``'s word list in a background thread (lookups wait for it), then look up
        ``words`` (so the memo holds them next time)."""
        if tag not in self.tags or tag in self._dicts or tag in self._preloading:
            return None
        self._preloading.add(tag)
        t = threading.Thread(target=self._load_and_answer, args=(tag, tuple(words)), daemon=True,
                             name=f"mtqa-hunspell-{tag}")
        t.start()
        return t

    def _load_and_answer(self, tag: str, words: tuple[str, ...]) -> None:
        self._dict(tag)
        for w in words:
            self._known(w, tag)

    def known(self, word: str, language: str, variant: str | None = None) -> bool:
        return self._known(word, tag_for(language, variant))

    def expect(self, text: str, language: str | None, variant: str | None = None) -> threading.Thread | None:
        """A document in ``language`` is about to be checked: start loading its word list in the
        background (:meth:`preload`) unless the answer memo already holds every lower-case word
        of ``text``, as for a text checked before, whose lookups never reach hunspell.
        Capitalised words (names, mostly) are not counted: one the memo lacks, like any other
        word a check asks for, loads the list when it is looked up."""
        if not self.preload_expected or not language:
            return None
        tag = tag_for(language, variant)
        if tag not in self.tags or tag in self._dicts or tag in self._preloading:
            return None
        memo = self.memo
        words = {w for w in _WORD.findall(text) if w.islower() and len(w) <= MEMO_MAX_WORD}
        if memo is None:
            return self.preload(tag)
        if memo.covers(tag, words):
            return None
        # Once loaded, the list also answers the text's lower-case words no check asked for, so
        # that the memo covers this text next time (a few ms for an article).
        return self.preload(tag, sorted(words))


#: The words :meth:`EnchantDictionary.expect` counts.
_WORD = re.compile(r"\w+")


class WordSetDictionary:
    """Test double: explicit word sets per tag (``{"pt_BR": {...}, "en_US": {...}}``)."""

    def __init__(self, words: dict[str, set[str]]) -> None:
        self.words = {k: {w.lower() for w in v} for k, v in words.items()}

    def has(self, language: str, variant: str | None = None) -> bool:
        return tag_for(language, variant) in self.words

    def known(self, word: str, language: str, variant: str | None = None) -> bool:
        return word.lower() in self.words.get(tag_for(language, variant), set())


def from_config(config: Config) -> Dictionary:
    # With a target language configured, each document checked may start loading its word list
    # in the background (expect(), called by the engine); lookups the memo answers never wait.
    return EnchantDictionary(memo=answer_memo(), preload_expected=bool(config.language))
