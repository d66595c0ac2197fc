"""A gender lexicon of nouns: is `combate` masculine, `guerra` feminine?

Debian's European Portuguese hunspell list (``hunspell-pt-pt``, ``pt_PT.dic``) annotates every
entry with its category, gender and number (``combate/p	[CAT=nc,G=m,N=s]``). The lexicon keeps
the common nouns whose every reading in that list is a noun of one gender; a word that is also
an adjective, a verb or a noun of the other gender has no gender here, so the checks that use it
stay silent on it. The Brazilian list carries no such annotation; the nouns the two variants
share (most of them) have the same gender, and a Brazilian spelling the European list lacks
(`contato`, `fato` as 'fact') is simply unknown.

Parsing the list takes about 0.1 s; the result is kept in the user cache folder, stamped with
the list's size and time.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.files import atomic_write, cache_dir

#: Where Debian puts the annotated list.
LEXICON_PATHS = {"pt": (Path("/usr/share/hunspell/pt_PT.dic"), Path("/usr/share/myspell/dicts/pt_PT.dic"))}
CACHE_VERSION = 1


def parse_genders(lines, source: str = "<lexicon>") -> dict[str, str]:
    """``{noun: "m" | "f"}`` from annotated hunspell lines (``word/flags<TAB>[CAT=nc,G=m,N=s]``).

    Lines without an annotation are ignored; an annotation that does not parse is an error
    naming ``source`` and the line.
    """
    readings: dict[str, set[tuple[str, str]]] = {}
    for number, line in enumerate(lines, 1):
        tab = line.find("\t[")
        if tab < 0:
            continue
        end = line.rfind("]")
        if end < tab:
            raise ProviderUnavailable(f"lexicon: {source}:{number}: unclosed annotation")
        word = line[:tab].split("/", 1)[0]
        attrs = {}
        for part in line[tab + 2:end].split(","):
            key, _, value = part.partition("=")
            attrs[key] = value
        readings.setdefault(word, set()).add((attrs.get("CAT", ""), attrs.get("G", "")))
    out = {}
    for word, rs in readings.items():
        if len(rs) == 1:
            cat, g = next(iter(rs))
            if cat == "nc" and g in ("m", "f"):
                out[word] = g
    return out


class GenderLexicon:
    """Gender of common nouns of one language."""

    def __init__(self, genders: dict[str, str]) -> None:
        self._genders = genders

    def __len__(self) -> int:
        return len(self._genders)

    def gender(self, noun: str) -> str | None:
        """``"m"`` or ``"f"`` for a noun of one gender only; None when unknown or ambiguous."""
        return self._genders.get(noun)

    @classmethod
    def load(cls, path: Path, cache: Path | None = None) -> GenderLexicon:
        """The lexicon of the list at ``path`` (from ``cache`` when it is of the same list)."""
        try:
            st = path.stat()
        except OSError as exc:
            raise ProviderUnavailable(f"lexicon: cannot read {path} ({exc.strerror})") from None
        stamp = (CACHE_VERSION, str(path), st.st_size, st.st_mtime_ns)
        if cache is not None:
            try:
                with cache.open("rb") as fh:
                    saved = pickle.load(fh)
                if saved.get("stamp") == stamp:
                    return cls(saved["genders"])
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError, ValueError):
                pass  # no cache yet, or a foreign or broken file: parse the list again
        try:
            with path.open(encoding="utf-8") as fh:
                genders = parse_genders(fh, str(path))
        except UnicodeDecodeError as exc:
            raise ProviderUnavailable(f"lexicon: {path} is not UTF-8 ({exc.reason})") from None
        if cache is not None:
            try:
                atomic_write(cache, pickle.dumps({"stamp": stamp, "genders": genders}))
            except OSError:
                pass  # a read-only cache folder costs time, not results
        return cls(genders)


def from_config(config: Config) -> GenderLexicon:
    """The Portuguese gender lexicon (the only language with an annotated list installed)."""
    for path in LEXICON_PATHS["pt"]:
        if path.is_file():
            return GenderLexicon.load(path, cache_dir() / "lexicon-pt.pickle")
    raise ProviderUnavailable(
        "lexicon: the annotated Portuguese word list is not installed (apt install hunspell-pt-pt)"
    )
