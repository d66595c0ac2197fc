"""Word lists: is this word a word of language L (and variant V)?

The real implementation reads Debian's hunspell dictionaries through pyenchant (6-14 us a lookup).
Capitalised words are looked up as written and lower-cased, so a sentence-initial word is known.
:class:`WordSetDictionary` is the test double.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Protocol

from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable

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


class EnchantDictionary:
    """Hunspell dictionaries through pyenchant."""

    def __init__(self) -> None:
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
        with self._lock:
            d = self._dict(tag)
            if d.check(word):
                return True
            low = word.lower()
            return low != word and d.check(low)

    def known(self, word: str, language: str, variant: str | None = None) -> bool:
        return self._known(word, tag_for(language, variant))


class WordSetDictionary:
    """Test double: explicit word sets per tag (``{"pt_BR": {...}, "en_US": {...}}``)."""

    def __init__(self, words: dict[str, set[str]]) -> None:
        self.words = {k: {w.lower() for w in v} for k, v in words.items()}

    def has(self, language: str, variant: str | None = None) -> bool:
        return tag_for(language, variant) in self.words

    def known(self, word: str, language: str, variant: str | None = None) -> bool:
        return word.lower() in self.words.get(tag_for(language, variant), set())


def from_config(config: Config) -> Dictionary:
    d = EnchantDictionary()
    if config.language:
        # Load the target language's word list now (this usually runs in a prefetch thread).
        tag = tag_for(config.language, config.variant or None)
        if tag in d.tags:
            d._dict(tag)
    return d
