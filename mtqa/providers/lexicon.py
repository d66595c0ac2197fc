"""A lexicon from the annotated pt-PT word list: is `combate` masculine, `contínua` an adjective?

Debian's European Portuguese hunspell list (``hunspell-pt-pt``, ``pt_PT.dic``) annotates every
entry with its category, gender and number (``combate/p	[CAT=nc,G=m,N=s]``). The lexicon keeps
the common nouns whose every reading in that list is a noun of one gender; a word that is also
an adjective, a verb or a noun of the other gender has no gender here, so the checks that use it
stay silent on it. It also keeps the masculine lemmas that are only adjectives (`contínuo`) and
the verb infinitives (`limpar`), so that `contínua` can be told from `limpa`, which is also a
verb form. The Brazilian list carries no such annotation; the nouns the two variants
share (most of them) have the same gender, and a Brazilian spelling the European list lacks
(`contato`, `fato` as 'fact') is simply unknown.

Parsing the list takes about 0.1 s; the result is kept in the user cache folder
(``lexicon-pt.json``), stamped with the list's path, size and time. The cache is plain JSON read
with a size limit and checked field by field: a cache folder is restored across CI branches, so
a file planted there is data at most, and a foreign, broken or oversized one is ignored (the list
is parsed again), never executed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import NamedTuple

from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.files import atomic_write, cache_dir, read_regular_file

#: Where Debian puts the annotated list.
LEXICON_PATHS = {"pt": (Path("/usr/share/hunspell/pt_PT.dic"), Path("/usr/share/myspell/dicts/pt_PT.dic"))}
CACHE_VERSION = 5
#: The cache file in the user cache folder (older versions wrote ``lexicon-pt.pickle``: never read).
CACHE_FILENAME = "lexicon-pt.json"
#: A cache file larger than this is ignored (the installed list gives about 1.5 MB).
CACHE_MAX_BYTES = 32_000_000
#: Longest word kept in a cache file.
CACHE_MAX_WORD = 100


#: Suffixes of feminine abstract nouns (`reformulação`, `decisão`, `cidade`, `atitude`, `ciência`).
_FEMININE_SUFFIXES = ("ção", "são", "dade", "tude", "ência", "ância")
#: Words with those endings that are not feminine nouns.
_NOT_SUFFIX_FEMININE = frozenset({"coração"})
#: Endings of nouns derived from verbs or other words that are masculine (`pagamento` from
#: `pagar`, `socialismo`): the list derives them by a rule rather than listing them.
_MASCULINE_SUFFIXES = ("mento", "ismo")


_BR_ACCENT = re.compile(r"[êô](?=[mn])")
_TO_PT_ACCENT = {"ê": "é", "ô": "ó"}


def european_form(word: str) -> str:
    """The European spelling of a Brazilian accent before m/n (`econômica` → `económica`,
    `gênero` → `género`): the annotated list is European, most words are shared."""
    if "ê" not in word and "ô" not in word:
        return word
    return _BR_ACCENT.sub(lambda m: _TO_PT_ACCENT[m.group()], word)


class LexiconData(NamedTuple):
    #: Nouns of one gender only: ``{noun: "m" | "f"}``.
    genders: dict[str, str]
    #: Masculine singular lemmas (ending in -o) that are only adjectives: `contínuo`, `russo`.
    adjectives: frozenset[str]
    #: Verb infinitives: `limpar`, `continuar`.
    verbs: frozenset[str]
    #: Words whose every reading is a noun or a noun-adjective of one gender, the nouns of
    #: ``genders`` included: ``{"feito": "m", "guerra": "f"}`` (`feito` is also an adjective, but
    #: masculine in every reading).
    nominal_genders: dict[str, str] = {}
    #: Adjectives of one form for both genders and nothing else: `recente`, `principal`.
    invariable_adjectives: frozenset[str] = frozenset()
    #: Masculine singular ordinals: `primeiro`, `segundo`, `último`.
    ordinals: frozenset[str] = frozenset()
    #: Verb infinitives that are also words of another category: `colher` (a spoon), `jantar`.
    infinitive_nouns: frozenset[str] = frozenset()


def parse_lexicon(lines, source: str = "<lexicon>") -> LexiconData:
    """Noun genders, adjective lemmas and verb infinitives from annotated hunspell lines
    (``word/flags<TAB>[CAT=nc,G=m,N=s]``).

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
    genders = {}
    nominal = {}
    adjectives = set()
    invariable = set()
    ordinals = set()
    verbs = set()
    infinitive_nouns = set()
    for word, rs in readings.items():
        cats = {cat for cat, _ in rs}
        gs = {g for _, g in rs}
        if len(rs) == 1:
            cat, g = next(iter(rs))
            if cat == "nc" and g in ("m", "f"):
                genders[word] = g
        if cats <= {"nc", "a_nc"} and len(gs) == 1 and gs <= {"m", "f"}:
            nominal[word] = next(iter(gs))
        if word.endswith("o") and cats <= {"adj", "a_nc"} and any(g == "m" for _, g in rs):
            adjectives.add(word)
        if cats == {"adj"} and gs == {"_"}:
            invariable.add(word)
        if "nord" in cats and word.endswith("o"):
            ordinals.add(word)
        if "v" in cats:
            verbs.add(word)
            if cats != {"v"}:
                infinitive_nouns.add(word)
    return LexiconData(genders, frozenset(adjectives), frozenset(verbs), nominal,
                       frozenset(invariable), frozenset(ordinals), frozenset(infinitive_nouns))


def parse_genders(lines, source: str = "<lexicon>") -> dict[str, str]:
    """``{noun: "m" | "f"}``: the nouns of one gender only (see :func:`parse_lexicon`)."""
    return parse_lexicon(lines, source).genders


class GenderLexicon:
    """Gender of common nouns of one language, and which words are adjectives or verbs."""

    def __init__(self, genders: dict[str, str], adjectives: frozenset[str] = frozenset(),
                 verbs: frozenset[str] = frozenset(), nominal_genders: dict[str, str] | None = None,
                 invariable_adjectives: frozenset[str] = frozenset(),
                 ordinals: frozenset[str] = frozenset(),
                 infinitive_nouns: frozenset[str] = frozenset()) -> None:
        self._genders = genders
        self._adjectives = adjectives
        self._verbs = verbs
        self._nominal = genders if nominal_genders is None else nominal_genders
        self._invariable = invariable_adjectives
        self._ordinals = ordinals
        self._infinitive_nouns = infinitive_nouns

    def __len__(self) -> int:
        return len(self._genders)

    def gender(self, noun: str) -> str | None:
        """``"m"`` or ``"f"`` for a noun of one gender only; None when unknown or ambiguous.
        Brazilian accents before m/n are looked up in their European form (`fenômeno`)."""
        g = self._genders.get(noun)
        if g is None and ("ê" in noun or "ô" in noun):
            g = self._genders.get(european_form(noun))
        return g

    def likely_gender(self, noun: str) -> str | None:
        """:meth:`gender`, or for a word the list derives by a suffix rule rather than listing
        it (`reformulação` from `reformular`), the gender of its suffix: -ção, -são, -dade, -tude,
        -ência and -ância make feminine nouns, -mento and -ismo masculine ones (`pagamento`).
        The caller must know the word is a word."""
        g = self._genders.get(noun)
        if g is not None or noun in self._nominal or noun in _NOT_SUFFIX_FEMININE:
            return g
        if noun.endswith(_FEMININE_SUFFIXES) and len(noun) > 5:
            return "f"
        if noun.endswith(_MASCULINE_SUFFIXES) and len(noun) > 6:
            return "m"
        return None

    def nominal_gender(self, word: str) -> str | None:
        """``"m"`` or ``"f"`` for a word whose every reading is a noun or noun-adjective of that
        gender (`feito`, `guerra`); None otherwise."""
        g = self._nominal.get(word)
        if g is None and ("ê" in word or "ô" in word):
            g = self._nominal.get(european_form(word))
        return g

    def is_verb(self, infinitive: str) -> bool:
        """True for a verb infinitive of the list (`limpar`)."""
        return infinitive in self._verbs

    def is_only_verb(self, infinitive: str) -> bool:
        """True for a verb infinitive that is no word of another category (`treinar`, not
        `colher` or `jantar`)."""
        return infinitive in self._verbs and infinitive not in self._infinitive_nouns

    def is_invariable_adjective(self, word: str) -> bool:
        """True for an adjective of one form for both genders that is nothing else (`recente`)."""
        return word in self._invariable

    def adjective_gender(self, word: str) -> str | None:
        """``"m"`` for a masculine singular adjective lemma (`famoso`), ``"f"`` for its
        feminine (`famosa`, see :meth:`feminine_singular_adjective`), None otherwise."""
        word = european_form(word)
        if word in self._adjectives and word not in self._genders:
            return "m"
        if self.feminine_singular_adjective(word):
            return "f"
        return None

    def ordinal_gender(self, word: str) -> str | None:
        """``"m"`` for a masculine singular ordinal (`segundo`), ``"f"`` for its feminine."""
        if word in self._ordinals:
            return "m"
        if word.endswith("a") and word[:-1] + "o" in self._ordinals:
            return "f"
        return None

    def feminine_singular_adjective(self, word: str) -> bool:
        """True for the feminine singular of an adjective (`contínua` of `contínuo`) that is not
        also a form of a verb in -ar (`limpa` of `limpar`, `junta` of `juntar`) nor a word of its
        own (`política`)."""
        if not word.endswith("a") or word in self._genders or word in self._adjectives:
            return False
        stem = word[:-1]
        return stem + "o" in self._adjectives and stem + "ar" not in self._verbs

    @classmethod
    def load(cls, path: Path, cache: Path | None = None) -> GenderLexicon:
        """The lexicon of the list at ``path`` (from ``cache`` when it is of the same list)."""
        try:
            st = path.stat()
        except OSError as exc:
            raise ProviderUnavailable(f"lexicon: cannot read {path} ({exc.strerror})") from None
        stamp = [CACHE_VERSION, str(path), st.st_size, st.st_mtime_ns]
        if cache is not None:
            saved = _read_cache(cache, stamp)
            if saved is not None:
                return cls(*saved)
        try:
            with path.open(encoding="utf-8") as fh:
                data = parse_lexicon(fh, str(path))
        except UnicodeDecodeError as exc:
            raise ProviderUnavailable(f"lexicon: {path} is not UTF-8 ({exc.reason})") from None
        if cache is not None:
            text = _cache_text(stamp, data)
            try:
                if text is not None:
                    atomic_write(cache, text)
            except OSError:
                pass  # a read-only cache folder costs time, not results
        return cls(*data)


_SETS = ("adjectives", "verbs", "invariable_adjectives", "ordinals", "infinitive_nouns")
_CACHE_KEYS = {"format", "stamp", "genders", "nominal_extra", *_SETS}


def _cache_text(stamp: list, data: LexiconData) -> str | None:
    """The cache file's JSON. The nominal genders include every noun gender (see
    :func:`parse_lexicon`), so only the others are written (``nominal_extra``)."""
    genders, nominal = data.genders, data.nominal_genders
    if any(nominal.get(k) != v for k, v in genders.items()):
        return None  # not what parse_lexicon gives: not cached
    d: dict = {"format": "mtqa-lexicon", "stamp": stamp, "genders": genders,
               "nominal_extra": {k: v for k, v in nominal.items() if k not in genders}}
    for name in _SETS:
        d[name] = sorted(getattr(data, name))
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def read_bounded(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not a symlink, FIFO or device) of at most
    ``limit`` bytes, else None (:func:`mtqa.core.files.read_regular_file`)."""
    return read_regular_file(path, limit)


def _words(value) -> bool:
    """True for a list of words (or a dict keyed by words): strings of 1 to CACHE_MAX_WORD
    characters. Checked in C (join, len) rather than word by word: 0.5 ms for the whole list."""
    try:
        "".join(value)
    except TypeError:
        return False
    return not value or (min(map(len, value)) > 0 and max(map(len, value)) <= CACHE_MAX_WORD)


def _genders(value) -> bool:
    try:
        return isinstance(value, dict) and _words(value) and set(value.values()) <= {"m", "f"}
    except TypeError:  # an unhashable value
        return False


def _read_cache(cache: Path, stamp: list) -> LexiconData | None:
    """The data of a cache file written for ``stamp``; None when it is missing, of another list,
    or not exactly what :func:`_cache_text` writes (every field is checked)."""
    raw = read_bounded(cache, CACHE_MAX_BYTES)
    if raw is None:
        return None
    try:
        d = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if (not isinstance(d, dict) or d.get("format") != "mtqa-lexicon" or d.get("stamp") != stamp
            or set(d) != _CACHE_KEYS):
        return None
    genders, extra = d["genders"], d["nominal_extra"]
    if not _genders(genders) or not _genders(extra):
        return None
    sets = {}
    for name in _SETS:
        if not isinstance(d[name], list) or not _words(d[name]):
            return None
        sets[name] = frozenset(d[name])
    return LexiconData(genders=genders, nominal_genders={**genders, **extra}, **sets)


def from_config(config: Config) -> GenderLexicon:
    """The Portuguese gender lexicon (the only language with an annotated list installed)."""
    for path in LEXICON_PATHS["pt"]:
        if path.is_file():
            return GenderLexicon.load(path, cache_dir() / CACHE_FILENAME)
    raise ProviderUnavailable(
        "lexicon: the annotated Portuguese word list is not installed (apt install hunspell-pt-pt)"
    )
