"""Language identification: which language is this document, line or sentence in?

Two real backends sit behind one small Protocol, :class:`Backend`:

- :class:`LinguaDetector`: lingua-language-detector restricted to ``config.langid.candidates``
  (the default; its models load in about a second, once per process, on first use);
- :class:`LangdetectDetector`: langdetect with only the candidate profiles, always seeded
  (``seed = 0``) so that a run gives the same answer every time.

:class:`FakeDetector` is the test double. :class:`LanguageIdentifier` is the provider the engine
and the checks use. Deciding a whole document is cheap: it counts function words of each
candidate language (hundreds of them in an article) and asks the backend only for very short
texts. Segments are first scored the same way, with the target-language dictionary as a second
witness, and only segments that this fast pass cannot place reach the backend, so a clean
document never loads a model. Single words are never given to a detector: word-level decisions
are made with dictionaries (see ``mtqa.checks.language``).
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document
from mtqa.lang.pt import european_progressive, not_progressive

#: Word lists shipped as data (function words per language, loanword allow-lists).
DATA_DIR = Path(__file__).resolve().parent.parent / "checks" / "data" / "langid"

LANGUAGE_NAMES = {
    "pt": "Portuguese",
    "en": "English",
    "it": "Italian",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
}

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


#: Longest text handed to the detector backend at once.
MAX_DETECT_CHARS = 4000


def language_name(code: str | None) -> str:
    """English name of an ISO 639-1 code (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code or "", code or "unknown")


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list from ``mtqa/checks/data/langid/NAME.txt`` (whitespace/line separated, ``#`` comments).

    Lines with spaces are phrases only in allow-lists (``loanwords.*``); function-word and
    common-word lists are split on whitespace.
    """
    path = DATA_DIR / f"{name}.txt"
    if not path.is_file():
        return frozenset()
    out: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if name.startswith(("function_words", "common_words")):
            out.update(line.split())
        else:
            out.add(line)
    return frozenset(out)


def function_words(lang: str) -> frozenset[str]:
    return word_list(f"function_words.{lang}")


def tokens(text: str) -> list[str]:
    """Alphabetic words of ``text`` (hyphen/apostrophe compounds kept whole)."""
    return _WORD.findall(text)


@lru_cache(maxsize=256)
def _short_text_tokens(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def sentence_tokens(text: str) -> tuple[str, ...]:
    """:func:`tokens` of a sentence, remembered for the last few hundred sentences: the fast
    language pass and the word-level checks look at the same sentences of a document in turn."""
    return _short_text_tokens(text) if len(text) <= 2000 else tuple(_WORD.findall(text))


@lru_cache(maxsize=4)
def text_tokens(text: str) -> tuple[str, ...]:
    """:func:`tokens` of a whole text, remembered for the last few texts: the provider and the
    language checks each count the words of the same document."""
    return tuple(_WORD.findall(text))


@cache
def _function_word_owners(candidates: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Function word -> the candidates (in ``candidates`` order) whose list holds it."""
    lists = {c: function_words(c) for c in candidates}
    return {w: tuple(c for c in candidates if w in lists[c]) for w in frozenset().union(*lists.values())}


@cache
def _function_word_shares(candidates: tuple[str, ...]) -> dict[str, tuple[tuple[str, float], ...]]:
    """Function word -> (candidate, 1/k) for each of the k candidates whose list holds it."""
    return {w: tuple((c, 1.0 / len(hit)) for c in hit)
            for w, hit in _function_word_owners(candidates).items() if hit}


@cache
def _exclusive_owner(candidates: tuple[str, ...]) -> dict[str, str]:
    """Function word -> the one candidate whose list holds it (words of several lists left out)."""
    return {w: hit[0] for w, hit in _function_word_owners(candidates).items() if len(hit) == 1}


def function_word_scores(words: Sequence[str], candidates: tuple[str, ...]) -> dict[str, float]:
    """Function-word mass per candidate; a word shared by k languages gives 1/k to each."""
    return _scores_of_lower(map(str.lower, words), candidates)


def _scores_of_lower(words: Iterable[str], candidates: tuple[str, ...]) -> dict[str, float]:
    """:func:`function_word_scores` of words already lower-cased (lower() changes them no more)."""
    scores = dict.fromkeys(candidates, 0.0)
    shares = _function_word_shares(tuple(candidates))
    for w in filter(shares.__contains__, words):
        for c, share in shares[w]:  # added word by word, in order: the same float sums
            scores[c] += share
    return scores


def exclusive_counts(words: Sequence[str], candidates: tuple[str, ...]) -> dict[str, int]:
    """How many words are function words of exactly one candidate language, per language."""
    counts = dict.fromkeys(candidates, 0)
    owner = _exclusive_owner(tuple(candidates))
    # Each distinct spelling is lower-cased and looked up once (an article repeats its words).
    for w, n in Counter(words).items():
        c = owner.get(w.lower())
        if c is not None:
            counts[c] += n
    return counts


@cache
def _all_function_words() -> frozenset[str]:
    return function_words("pt") | function_words("en") | function_words("it") | function_words("es")


def evidence_words(text: str) -> list[str]:
    """Lower-cased words that say something about the language of ``text``.

    Lower-case words count, and so does a capitalised function word opening the text; other
    capitalised words are names, and so are function words inside a name (``The Dark Side of the
    Moon``). Every word counts when the whole text is in capitals (``LEAVE A REPLY``).
    """
    return list(_evidence_words(text))


@lru_cache(maxsize=64)
def _evidence_words(text: str) -> tuple[str, ...]:
    # A check and the provider ask about the same sentence in turn: remember the last few.
    toks = sentence_tokens(text)
    # Stops at the first letter that is not a capital (usually within the first word).
    shouting = all(ch.isupper() for ch in text if ch.isalpha()) and (
        sum(ch.isalpha() for ch in text) >= 4
    )
    if shouting:
        return tuple(t.lower() for t in toks)
    fws = _all_function_words()
    caps = [not t.islower() for t in toks]
    last = len(toks) - 1
    out = []
    if last >= 0 and caps[0]:
        # A capitalised word counts only as a function word opening the text ("The", "Os").
        low = toks[0].lower()
        if low in fws and not (last > 0 and caps[1]):
            out.append(low)
    # Lower-case words (t.lower() == t for them): function words, except one between two
    # capitalised words ("of" in "Bank of America"), and other words of two letters or more.
    out += [
        t for i, t in enumerate(toks)
        if not caps[i] and (
            (len(t) >= 2 and t not in fws)
            or (t in fws and not (0 < i < last and caps[i - 1] and caps[i + 1]))
        )
    ]
    return tuple(out)


@dataclass(frozen=True)

class Detection:
    """A language decision and how sure it is (0..1), with the method that made it."""

    language: str
    confidence: float
    method: str
    scores: dict[str, float] = field(default_factory=dict)

    def as_evidence(self) -> dict[str, Any]:
        return {
            "detected_language": self.language,
            "confidence": round(self.confidence, 3),
            "detector": self.method,
            "scores": {k: round(v, 3) for k, v in self.scores.items()},
        }


class Backend(Protocol):
    """A statistical language detector restricted to a few candidate languages."""

    name: str

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        """(ISO 639-1 code, probability) for the candidates, most likely first."""

    def signature(self) -> str:
        """Name and version, for the run's provenance."""


# --- lingua -------------------------------------------------------------------------------------

_LINGUA_CACHE: dict[tuple[str, ...], Any] = {}
_LINGUA_LOCK = threading.Lock()


class LinguaDetector:
    """lingua-language-detector restricted to the candidates; models loaded once per process."""

    name = "lingua"

    #: Answers kept per detector (the model is deterministic): a batch of articles from one site
    #: repeats its page furniture ("LEAVE A REPLY"), which then costs one call.
    MEMO_MAX = 4096

    def __init__(self, candidates: tuple[str, ...]) -> None:
        self.candidates = tuple(candidates)
        self.load_seconds = 0.0
        self._detector: Any = None
        self._answers: dict[str, list[tuple[str, float]]] = {}

    def _build(self) -> Any:
        if self._detector is not None:
            return self._detector
        key = tuple(sorted(self.candidates))
        with _LINGUA_LOCK:
            det = _LINGUA_CACHE.get(key)
            if det is None:
                t0 = time.perf_counter()
                try:
                    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
                except ImportError as exc:
                    raise ProviderUnavailable(f"langid: lingua cannot load ({exc})") from None
                langs = []
                for code in key:
                    iso = getattr(IsoCode639_1, code.upper(), None)
                    if iso is None:
                        raise ProviderUnavailable(f"langid: lingua knows no language {code!r}")
                    langs.append(Language.from_iso_code_639_1(iso))
                if len(langs) < 2:
                    raise ProviderUnavailable("langid: lingua needs at least two candidate languages")
                det = (
                    LanguageDetectorBuilder.from_languages(*langs)
                    .with_preloaded_language_models()
                    .build()
                )
                _LINGUA_CACHE[key] = det
                self.load_seconds = time.perf_counter() - t0
            self._detector = det
        return det

    def load(self) -> float:
        """Load the models now; seconds it took (0 when already loaded in this process)."""
        self._build()
        return self.load_seconds

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        known = self._answers.get(text)
        if known is not None:
            return list(known)
        det = self._build()
        probs = [
            (cv.language.iso_code_639_1.name.lower(), float(cv.value))
            for cv in det.compute_language_confidence_values(text)
        ]
        if len(self._answers) >= self.MEMO_MAX:
            self._answers.clear()
        self._answers[text] = probs
        return list(probs)

    def forget(self) -> None:
        """Drop the remembered answers (the model stays loaded)."""
        self._answers.clear()

    def signature(self) -> str:
        from mtqa.providers import dist_version as version

        return f"lingua-{version('lingua-language-detector')}[{','.join(sorted(self.candidates))}]"


# --- langdetect ---------------------------------------------------------------------------------


class LangdetectDetector:
    """langdetect with only the candidate language profiles, seeded so results are repeatable."""

    name = "langdetect"

    def __init__(self, candidates: tuple[str, ...], seed: int = 0) -> None:
        self.candidates = tuple(candidates)
        self.seed = seed
        self.load_seconds = 0.0
        self._factory: Any = None

    def _build(self) -> Any:
        if self._factory is not None:
            return self._factory
        t0 = time.perf_counter()
        try:
            from langdetect import DetectorFactory
            from langdetect.detector_factory import PROFILES_DIRECTORY
        except ImportError as exc:
            raise ProviderUnavailable(f"langdetect cannot load ({exc})") from None
        DetectorFactory.seed = self.seed  # the module-level default, for any other user
        profiles = []
        for code in self.candidates:
            p = Path(PROFILES_DIRECTORY) / code
            if not p.is_file():
                raise ProviderUnavailable(f"langid: langdetect has no profile for {code!r}")
            profiles.append(p.read_text(encoding="utf-8"))
        if len(profiles) < 2:
            raise ProviderUnavailable("langid: langdetect needs at least two candidate languages")
        factory = DetectorFactory()
        factory.load_json_profile(profiles)
        factory.set_seed(self.seed)
        self._factory = factory
        self.load_seconds = time.perf_counter() - t0
        return factory

    def load(self) -> float:
        self._build()
        return self.load_seconds

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        from langdetect.lang_detect_exception import LangDetectException

        factory = self._build()
        det = factory.create()
        det.append(text)
        try:
            probs = det.get_probabilities()
        except LangDetectException:  # no usable features (digits, punctuation only)
            return []
        return [(p.lang, float(p.prob)) for p in probs]

    def signature(self) -> str:
        from mtqa.providers import dist_version as version

        return f"langdetect-{version('langdetect')}[{','.join(sorted(self.candidates))}]seed{self.seed}"


# --- test double --------------------------------------------------------------------------------


class FakeDetector:
    """Test double: answers from a table (text -> language), else ``default``; counts its calls."""

    name = "fake"

    def __init__(self, answers: dict[str, str] | None = None, default: str = "pt",
                 confidence: float = 0.99) -> None:
        self.answers = dict(answers or {})
        self.default = default
        self.confidence = confidence
        self.calls: list[str] = []

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        self.calls.append(text)
        lang = self.answers.get(text.strip(), self.default)
        return [(lang, self.confidence)]

    def signature(self) -> str:
        return "fake"


BACKENDS = {"lingua": LinguaDetector, "langdetect": LangdetectDetector}


def make_backend(name: str, candidates: tuple[str, ...]) -> Backend:
    try:
        cls = BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(BACKENDS))
        raise ProviderUnavailable(f"langid: unknown backend {name!r} (known: {known})") from None
    return cls(candidates)


# --- the provider -------------------------------------------------------------------------------

#: Below this many function words a document is too short for the fast pass; ask the backend.
MIN_DOC_FUNCTION_WORDS = 8
def variant_markers(variant: str) -> re.Pattern[str]:
    """The variant's marker words as a whole-word matcher of lower-cased text (``variant_markers.pt_*.txt``)."""
    return _variant_markers(variant)


@cache
def _variant_markers(variant: str) -> re.Pattern[str]:
    """Whole-word matcher of the variant's marker words and phrases (text lower-cased)."""
    words = sorted(word_list(f"variant_markers.pt_{variant}"), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


_BR_PROGRESSIVE = re.compile(
    r"\b(?:estou|está|estamos|estão|estava|estavam|esteve|estiveram)\s+([^\W\d_]+ndo)\b", re.I
)
#: A clitic before the verb right after a subject pronoun that opens the sentence (`Ele se
#: tornou`, `Ela me disse`): Brazilian placement; European Portuguese writes `Ele tornou-se`.
_BR_PROCLISIS = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Ele|Ela|Eles|Elas|Você|Vocês|Eu|Nós)\s+(?:se|me|te|nos|lhe|lhes)\s+"
    r"[a-zà-ÿ]{3,}(?:ou|aram|eram|iram|ava|avam|ia|iam|a|am|e|em|ei|i|u)\b",
    re.M,
)


class LanguageIdentifier:
    """The ``langid`` provider: document, segment and variant decisions."""

    def __init__(self, config: Config, backend: Backend | None = None,
                 dictionary: Any = None) -> None:
        self.config = config
        cands = tuple(dict.fromkeys(c.lower() for c in config.langid.candidates))
        if config.language and config.language not in cands:
            cands = (*cands, config.language)
        self.candidates = cands
        self.backend_name = config.langid.backend
        if backend is None and self.backend_name not in BACKENDS:
            known = ", ".join(sorted(BACKENDS))
            raise ProviderUnavailable(
                f"langid: unknown backend {self.backend_name!r} in [langid] backend (known: {known})"
            )
        self._backend = backend
        self._dictionary = dictionary
        self._dictionary_failed = False
        #: Texts sent to the backend in this process (a cost measure for the benchmarks).
        self.backend_calls = 0

    # -- pieces ------------------------------------------------------------------------------

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            self._backend = make_backend(self.backend_name, self.candidates)
        return self._backend

    @property
    def dictionary(self) -> Any:
        """The word-list provider (hunspell), or None when it cannot run here."""
        if self._dictionary is None and not self._dictionary_failed:
            try:
                from mtqa.providers.dictionary import from_config

                self._dictionary = from_config(self.config)
            except ProviderUnavailable:
                self._dictionary_failed = True
        return self._dictionary

    def forget_answers(self) -> None:
        """Drop the detector's remembered answers, keeping its model loaded (benchmarks time a
        warm pass this way, so that it reuses the model, not the answers of the pass before)."""
        forget = getattr(self._backend, "forget", None)
        if forget is not None:
            forget()

    def signature(self) -> str:
        """Backend name, version and candidates (building the backend object loads no model)."""
        try:
            return self.backend.signature()
        except Exception:  # a version lookup must never fail a run
            return self.backend_name

    # -- decisions ---------------------------------------------------------------------------

    def detect(self, text: str) -> Detection:
        """Ask the backend (never used for single words by the checks). A very long text is cut
        at a space after its first ``MAX_DETECT_CHARS`` characters: the detector's time grows
        with the text, and its answer does not change past a few sentences."""
        self.backend_calls += 1
        if len(text) > MAX_DETECT_CHARS:
            cut = text.rfind(" ", 0, MAX_DETECT_CHARS)
            text = text[: cut if cut > 0 else MAX_DETECT_CHARS]
        probs = [(lang, p) for lang, p in self.backend.probabilities(text) if lang in self.candidates]
        if not probs:
            return Detection("", 0.0, self.backend.name, {})
        total = sum(p for _, p in probs) or 1.0
        probs = sorted(((lang, p / total) for lang, p in probs), key=lambda x: -x[1])
        return Detection(probs[0][0], probs[0][1], self.backend.name, dict(probs[:3]))

    def quick(self, text: str) -> Detection | None:
        """Function-word vote over :func:`evidence_words` (names left out); None without any."""
        scores = _scores_of_lower(_evidence_words(text), self.candidates)  # lower-cased words
        total = sum(scores.values())
        if total <= 0:
            return None
        best = max(scores, key=lambda k: scores[k])
        return Detection(best, scores[best] / total, "function-words",
                         {k: v for k, v in scores.items() if v > 0})

    def detect_document(self, doc: Document) -> Detection:
        """The document's language from its function words; the backend for very short texts.

        The decision and the confidence come from words that are function words of exactly one
        candidate (``the``, ``não``, ``della``): confidence is the winner's share of them. When a
        candidate has no function-word list (say ``fr``), the backend decides line by line.
        """
        if not all(function_words(c) for c in self.candidates):
            return self._vote_lines(doc)  # a candidate without a word list: the backend decides
        excl = exclusive_counts(text_tokens(doc.text), self.candidates)
        total = sum(excl.values())
        if total >= MIN_DOC_FUNCTION_WORDS:
            best = max(excl, key=lambda k: excl[k])
            return Detection(best, excl[best] / total, "function-words",
                             {k: round(v / total, 3) for k, v in excl.items() if v > 0})
        return self._vote_lines(doc)

    def _vote_lines(self, doc: Document) -> Detection:
        """Short documents: the backend decides each line; lines vote with their word counts.

        A detector given a whole mixed text answers with the language of part of it and high
        confidence; per-line votes keep the share of each language honest.
        """
        weights: dict[str, float] = {}
        total = 0
        try:
            for line in doc.lines[:200]:
                n = len(tokens(line.text))
                if n == 0:
                    continue
                det = self.detect(line.text)
                total += n
                if det.language:
                    weights[det.language] = weights.get(det.language, 0.0) + n * det.confidence
        except ProviderUnavailable:
            return Detection("", 0.0, "none")
        if not weights or not total:
            return Detection("", 0.0, self.backend_name)
        best = max(weights, key=lambda k: weights[k])
        return Detection(best, weights[best] / total, self.backend.name,
                         {k: round(v / total, 3) for k, v in weights.items()})

    def detect_variant(self, doc: Document) -> tuple[str, float, dict[str, list[str]]] | None:
        """pt-BR or pt-PT from spelling (words only one variant's dictionary knows), words only one
        variant's news uses (``variant_markers.pt_*.txt``: pt_BR hunspell accepts "equipa",
        "facto", "comboio") and syntax (the progressive, `está a fazer` or `está fazendo`, and a
        clitic before the verb after a sentence-initial subject pronoun, `Ele se tornou`).

        Returns (variant, confidence, evidence words per variant), or None without evidence or
        without both dictionaries.
        """
        d = self.dictionary
        if d is None or not (d.has("pt", "BR") and d.has("pt", "PT")):
            return None
        has_en = d.has("en")
        votes: dict[str, list[str]] = {"BR": [], "PT": []}
        seen: set[str] = set()
        voted: set[str] = set()
        for w in tokens(doc.text):
            if not w.islower() or len(w) < 3 or "-" in w or w in seen:
                continue
            seen.add(w)
            br, pt = d.known(w, "pt", "BR"), d.known(w, "pt", "PT")
            if br == pt or (has_en and d.known(w, "en")):  # English loans say nothing
                continue
            votes["BR" if br else "PT"].append(w)
            voted.add(w)
        low = doc.lowered
        for variant in ("PT", "BR"):
            for m in _variant_markers(variant).finditer(low):
                if m.group(0) not in voted:  # a word the dictionaries voted on counts once
                    voted.add(m.group(0))
                    votes[variant].append(m.group(0))
        # The European progressive as O103 reads it (one definition, mtqa.lang.pt): "está a
        # par" and "a favor" are fixed phrases of both variants, not evidence of pt-PT.
        skip = not_progressive()
        for m in european_progressive().finditer(doc.text):
            if m.group("verb") not in skip:
                votes["PT"].append(m.group(0))
        for m in _BR_PROGRESSIVE.finditer(doc.text):
            votes["BR"].append(m.group(0))
        for m in _BR_PROCLISIS.finditer(doc.text):
            votes["BR"].append(m.group(0))
        nb, np_ = len(votes["BR"]), len(votes["PT"])
        if nb + np_ < 2 or nb == np_:
            return None
        variant = "BR" if nb >= np_ else "PT"
        return variant, max(nb, np_) / (nb + np_), {k: v[:8] for k, v in votes.items() if v}

    def annotate_document(self, doc: Document, config: Config | None = None) -> None:
        """Record the detected language (and variant) in ``doc.meta``; set them when not configured."""
        config = config or self.config
        det = self.detect_document(doc)
        doc.meta["detected_language"] = det.language
        doc.meta["language_confidence"] = round(det.confidence, 3)
        doc.meta["language_detector"] = det.method
        if det.language == "pt" and not (config.language and config.variant):
            var = self.detect_variant(doc)
            if var is not None:
                doc.meta["detected_variant"] = var[0]
                doc.meta["variant_confidence"] = round(var[1], 3)
                doc.meta["variant_evidence"] = var[2]
        if not config.language and det.language:
            doc.language = doc.language or det.language
            if det.language == "pt":
                doc.variant = doc.variant or doc.meta.get("detected_variant")

    def document_detection(self, doc: Document) -> Detection:
        """The detection recorded in ``doc.meta`` (computed and recorded when missing)."""
        if "detected_language" not in doc.meta:
            det = self.detect_document(doc)
            doc.meta["detected_language"] = det.language
            doc.meta["language_confidence"] = round(det.confidence, 3)
            doc.meta["language_detector"] = det.method
        return Detection(doc.meta["detected_language"], float(doc.meta["language_confidence"]),
                         str(doc.meta.get("language_detector", "")))


def from_config(config: Config) -> LanguageIdentifier:
    """The ``langid`` provider named in FACTORIES; the backend itself loads on first use."""
    return LanguageIdentifier(config)
