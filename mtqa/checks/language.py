"""Language checks (L1xx): text in another language than the document's.

Machine translation leaves text in the wrong language: a whole article in the wrong language in a
batch (an Italian article among Portuguese ones), untranslated lines (an English comment form, a
site prompt), English words inside a translated sentence, and English possessives glued to
translated nouns (``Coréia do Norte‘s``).

Whole documents and lines are decided by the ``langid`` provider (function words first, the
statistical detector only where they cannot decide). Words are never handed to a detector: a
word's language is decided with the hunspell dictionaries of both languages and the function-word
lists in ``mtqa/checks/data/langid/``. Names are not a language: capitalised words, acronyms,
words the document itself repeats and the loanwords of the allow-list never count as foreign.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import filterfalse
from typing import Any

from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document, Segment, Severity
from mtqa.providers.langid import (
    Detection,
    evidence_words,
    function_words,
    language_name,
    sentence_tokens,
    text_tokens,
    word_list,
)

#: A document whose detected language differs from the target with at least this confidence is
#: reported once (L101) and its segments are judged against the detected language.
DOC_MISMATCH_CONFIDENCE = 0.8
#: Lowest backend confidence for a segment in another language (with dictionary support).
SEGMENT_CONFIDENCE = 0.5
#: Share of a segment's words the foreign dictionary must know.
SEGMENT_DICT_SUPPORT = 0.5

_WORD_RX = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


# --- shared analysis ----------------------------------------------------------------------------


def _provider(ctx: CheckContext, name: str) -> Any:
    try:
        return ctx.providers.get(name)
    except ProviderUnavailable:
        return None


def _dict_tag(d: Any, lang: str, variant: str | None = None) -> bool:
    return d is not None and d.has(lang, variant)


def document_language(doc: Document, ctx: CheckContext) -> tuple[str | None, Detection | None]:
    """The language segments are judged against, and the document detection.

    That is the target language, unless the document is confidently in another language (which
    L101 reports once): then its own language, so that its lines are not all reported again.
    """
    langid = _provider(ctx, "langid")
    det = langid.document_detection(doc) if langid is not None else None
    lang = doc.language
    if det is not None and det.language and det.confidence >= DOC_MISMATCH_CONFIDENCE:
        if lang is None or det.language != lang:
            lang = det.language
    return lang, det


@dataclass
class _Word:
    start: int
    end: int
    text: str
    kind: str  # "en-fw", "en", "both", "native", "unknown", "name"


@dataclass
class _SegmentVerdict:
    segment: Segment
    language: str
    detection: Detection
    support: dict[str, str]


#: Per document and per set of providers: results shared by the checks of one run.
_CACHE: weakref.WeakKeyDictionary[Document, dict[int, dict[str, Any]]] = weakref.WeakKeyDictionary()


def _cache(doc: Document, ctx: CheckContext) -> dict[str, Any]:
    per_doc = _CACHE.get(doc)
    if per_doc is None:
        per_doc = _CACHE[doc] = {}
    return per_doc.setdefault(id(ctx.providers), {})


#: Per dictionary provider: memos of word facts (word kinds, known words) per language.
_MEMOS: weakref.WeakKeyDictionary[Any, dict[str, dict[str, Any]]] = weakref.WeakKeyDictionary()
_MEMO_MAX = 200_000


def _memo(d: Any, name: str) -> dict[str, Any]:
    """The memo ``name`` of dictionary provider ``d``, shared by documents (a fresh one when ``d``
    cannot be weakly referenced; emptied when it grows past ``_MEMO_MAX`` words)."""
    try:
        per_dict = _MEMOS.setdefault(d, {})
    except TypeError:
        return {}
    memo = per_dict.setdefault(name, {})
    if len(memo) > _MEMO_MAX:
        memo.clear()
    return memo


def _known_share(d: Any, words: list[str], lang: str) -> float | None:
    """Share of ``words`` that ``lang`` uses: its dictionary's words and its loanwords."""
    if not words or not _dict_tag(d, lang):
        return None
    _, loans = _loanwords(lang)
    memo = _memo(d, "known:" + lang)
    for w in filterfalse(memo.__contains__, words):  # words not looked up before
        memo[w] = w in loans or d.known(w, lang)
    return sum(map(memo.__getitem__, words)) / len(words)


def _could_be_foreign(d: Any, words: list[str], lang: str, native: float | None,
                      quick: Detection | None, candidates: tuple[str, ...]) -> bool:
    """Could any candidate language other than ``lang`` pass the tests a detection must pass
    (dictionary support, or agreement with the fast pass where there is no dictionary)? When
    none can, asking the detector cannot change the verdict."""
    for c in candidates:
        if c == lang:
            continue
        share = _known_share(d, words, c)
        if share is not None:
            if share >= SEGMENT_DICT_SUPPORT and (native is None or share > native):
                return True
        elif quick is not None and quick.language == c:
            return True
    return False


def wrong_language_segments(doc: Document, ctx: CheckContext) -> list[_SegmentVerdict]:
    """Sentences in another language than the document's (computed once per document)."""
    cache = _cache(doc, ctx)
    if "segments" in cache:
        return cache["segments"]
    out: list[_SegmentVerdict] = []
    cache["segments"] = out
    lang, _ = document_language(doc, ctx)
    langid = _provider(ctx, "langid")
    if not lang or langid is None:
        return out
    d = _provider(ctx, "dictionary")
    # The detector answers with one of these languages (LanguageIdentifier.detect).
    candidates = getattr(langid, "candidates", None)
    for seg in doc.sentences:
        words = evidence_words(seg.text)
        if len(words) < 2:
            continue  # names, numbers, a single word: not a language
        quick = langid.quick(seg.text)
        if (quick is not None and quick.language == lang and quick.confidence >= 0.75
                and quick.scores.get(lang, 0) >= 3):
            continue  # three or more of the document language's function words, few others'
        native = _known_share(d, words, lang)
        quick_native = quick is None or quick.scores.get(lang, 0) >= max(quick.scores.values())
        if quick_native and native is not None and native >= 0.75:
            continue  # the fast pass places it in the document's language
        if quick is not None and quick.language == lang and quick.confidence >= 0.75 and (
            native is None or native >= 0.5
        ):
            continue
        if candidates is not None and not _could_be_foreign(d, words, lang, native, quick, candidates):
            continue
        det = langid.detect(seg.text)
        if not det.language or det.language == lang or det.confidence < SEGMENT_CONFIDENCE:
            continue
        foreign = _known_share(d, words, det.language)
        if foreign is not None:
            if foreign < SEGMENT_DICT_SUPPORT or (native is not None and foreign <= native):
                continue
        elif det.confidence < 0.9 or quick is None or quick.language != det.language:
            continue  # no dictionary for that language: the detector alone must be sure
        support = {}
        for code, share in ((det.language, foreign), (lang, native)):
            if share is not None:
                n = len(words)
                support[code] = f"{round(share * n)}/{n}"
        out.append(_SegmentVerdict(seg, det.language, det, support))
    return out


# --- L101 ---------------------------------------------------------------------------------------


@check(
    "L101", "document-language-mismatch", Severity.ERROR,
    category="untranslated_fragment",
    message="Document is in {detected_name}, not {target_name}",
    examples=[
        bad(
            "[[Putin e Kim firmano un accordo di difesa]]\n\n"
            "La Corea del Nord e la Russia hanno firmato questo mercoledì un accordo che include "
            "una clausola di difesa reciproca, secondo il presidente russo. Il documento firmato "
            "tra i due leader prevede l’assistenza nel caso in cui uno dei due paesi venga "
            "attaccato, ha detto Putin nelle dichiarazioni raccolte dall’agenzia russa."
        ),
        bad(
            "[[Russia and North Korea sign a defence pact]]\n"
            "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a new "
            "partnership that includes a vow to help each other if either country is attacked, "
            "during a summit that came as both faced escalating standoffs with the West."
        ),
        good(
            "Putin e Kim assinam acordo de defesa\n\n"
            "A Coreia do Norte e a Rússia assinaram nesta quarta-feira um acordo que inclui uma "
            "cláusula de defesa mútua, segundo o presidente russo. O documento prevê assistência "
            "caso um dos dois países seja atacado, disse Putin à agência estatal russa."
        ),
        good("Kim Jong-un recebe Putin em Pyongyang"),
    ],
    needs=("langid",),
)
def document_language_mismatch(doc: Document, ctx: CheckContext):
    """The document is written in another language than the target language.

    ## Why it matters
    A batch of translations sometimes contains an article that was never translated, or was
    translated into the wrong language. Every other check then reports noise on it; the one
    useful message is that the whole document is in the wrong language.

    ## What fires
    Once per document, on its first line, when a target language is configured and the
    document's function words (hundreds of them in an article) place it in another candidate
    language with a confidence of at least 0.8. Very short documents are decided by the
    statistical detector instead. With no target language configured the detected language is
    recorded in the document's metadata and nothing fires.
    """
    target = ctx.config.language or doc.language
    if not target:
        return
    langid = _provider(ctx, "langid")
    if langid is None:
        return
    det = langid.document_detection(doc)
    if not det.language or det.language == target or det.confidence < DOC_MISMATCH_CONFIDENCE:
        return
    line = next((ln for ln in doc.lines if ln.text.strip()), None)
    if line is None:
        return
    start = line.start + (len(line.text) - len(line.text.lstrip()))
    end = line.start + len(line.text.rstrip())
    yield Hit(
        start, end,
        message=(
            f"Document is in {language_name(det.language)} ({det.method}, confidence "
            f"{det.confidence:.2f}), not {language_name(target)}"
        ),
        args={"detected_name": language_name(det.language), "target_name": language_name(target)},
        evidence={**det.as_evidence(), "target_language": target},
    )


# --- L102 ---------------------------------------------------------------------------------------


@check(
    "L102", "wrong-language-segment", Severity.WARNING,
    category="untranslated_fragment",
    message="{language_name} text in a document in {document_name}",
    examples=[
        bad(
            "Lavrov elogiou Wonsan como uma boa atração turística, acrescentando que espera "
            "visitantes de toda a Rússia.\n\n[[LEAVE A REPLY]]\n\n[[Please enter your comment!]]"
        ),
        bad(
            "O ministro chegou a Pyongyang no sábado. [[For Latest Updates Follow us on Google "
            "News]]\nA visita durou três dias."
        ),
        good(
            "O ministro Sergey Lavrov chegou a Wonsan no sábado.\n\nKim Jong Un\n\n"
            "A agência KCNA informou que os dois discutiram o think tank e o streaming."
        ),
        good("Análise: Putin visita Pyongyang pela primeira vez em 24 anos"),
    ],
    needs=("langid",),
)
def wrong_language_segment(doc: Document, ctx: CheckContext):
    """A line or sentence is in another language than the rest of the document.

    ## Why it matters
    Untranslated page furniture (comment forms, social prompts, keyword lines) and sentences the
    translator skipped reach readers in the wrong language.

    ## What fires
    A sentence with at least two words that carry language evidence (lower-case words, function
    words, or every word of an all-capitals line; capitalised words are names) that the fast pass
    cannot place in the document's language, that the detector assigns to another candidate
    language with a confidence of at least 0.5, and whose words that language's dictionary knows
    better than the document language's dictionary. A whole line flagged sentence by sentence is
    reported once.
    """
    verdicts = wrong_language_segments(doc, ctx)
    if not verdicts:
        return
    lang, _ = document_language(doc, ctx)
    by_line: dict[int, list[_SegmentVerdict]] = {}
    for v in verdicts:
        line_no = doc.position(v.segment.start)[0]
        by_line.setdefault(line_no, []).append(v)
    for line_no, vs in by_line.items():
        line = doc.lines[line_no - 1]
        in_line = [s for s in doc.sentences if line.start <= s.start < max(line.end, line.start + 1)]
        if len(vs) == len(in_line) and len({v.language for v in vs}) == 1 and len(vs) > 1:
            spans = [(vs[0].segment.start, vs[-1].segment.end, vs)]
        else:
            spans = [(v.segment.start, v.segment.end, [v]) for v in vs]
        for start, end, group in spans:
            v = group[0]
            det = v.detection
            support = ", ".join(f"{k} dictionary knows {s} words" for k, s in v.support.items())
            msg = (
                f"{language_name(v.language)} text in a document in {language_name(lang)} "
                f"({det.method}, confidence {det.confidence:.2f}"
                + (f"; {support}" if support else "")
                + ")"
            )
            yield Hit(
                start, end, message=msg,
                args={"language_name": language_name(v.language), "document_name": language_name(lang)},
                evidence={**det.as_evidence(), "document_language": lang,
                          "dictionary_support": v.support},
            )


# --- L103 ---------------------------------------------------------------------------------------

_QUOTES_OPEN = "“\"‘'«("
_QUOTES_CLOSE = "”\"’'»)"


@cache
def _loanwords(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(phrases, single words) of the loanword allow-list for ``lang``."""
    entries = word_list(f"loanwords.{lang}")
    words = {w for e in entries for w in e.split()}
    return entries, frozenset(words)


def _native(d: Any, word: str, lang: str, strict: bool = False) -> bool:
    """Is ``word`` a word of ``lang``? For Portuguese, pt-BR or pt-PT; ``strict`` asks pt-PT only,
    since the pt-BR word list accepts a few English words (``here``, ``enter``, ``us``)."""
    if lang == "pt":
        has_pt = _dict_tag(d, "pt", "PT")
        if strict and has_pt:
            return d.known(word, "pt", "PT")
        return d.known(word, "pt", "BR") or (has_pt and d.known(word, "pt", "PT"))
    return d.known(word, lang)


def _word_kind(low: str, lang: str, d: Any) -> str:
    """The kind of a lower-case word on its own: "en?" is English unless the document repeats it."""
    if low in function_words("en") and low not in function_words(lang) and not _native(d, low, lang, strict=True):
        return "en-fw"
    if low in function_words(lang):
        return "native"
    if low in _loanwords(lang)[1]:
        return "both"
    if _native(d, low, lang):
        return "native?"  # shared or native: asked of the English list only when it matters
    if d.known(low, "en"):
        return "en?"
    return "unknown"


class _Kinds:
    """The kinds of the lower-case words met so far (:func:`_word_kind`), with the words among them
    that can be English ("en-fw", "en?") and the other tokens (names): kept together, so that set
    operations answer for a whole sentence at once."""

    __slots__ = ("lang", "kinds", "english", "names")

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.kinds: dict[str, str] = {}
        self.english: set[str] = set()
        self.names: set[str] = set()

    def kind(self, low: str, d: Any) -> str:
        """The kind of lower-case ``low`` (``d``: the dictionary provider this memo belongs to)."""
        kind = self.kinds.get(low)
        if kind is None:
            kind = self.kinds[low] = _word_kind(low, self.lang, d)
            if kind in ("en-fw", "en?"):
                self.english.add(low)
        return kind


def _kinds(d: Any, lang: str) -> _Kinds:
    """The word kinds of ``lang`` for dictionary provider ``d``, shared by documents (started
    afresh past ``_MEMO_MAX`` words)."""
    memo = _memo(d, "kinds:" + lang)
    km = memo.get("")
    if km is None or len(km.kinds) + len(km.names) > _MEMO_MAX:
        km = memo[""] = _Kinds(lang)
    return km


def _has_english(text: str, d: Any, counts: dict[str, int], km: _Kinds) -> bool:
    """Does :func:`_classify` find an English word ("en-fw" or "en") in ``text``? (Only those
    kinds start a fragment, and no later step of it creates one.)"""
    toks = set(sentence_tokens(text))  # _WORD_RX's words
    # (One set at a time: difference() with several sets would walk each of them whole.)
    for t in toks.difference(km.kinds).difference(km.names):  # words not met before
        if t.islower():  # then t.lower() == t
            km.kind(t, d)
        else:
            km.names.add(t)
    for t in filter(km.english.__contains__, toks):  # walks this sentence's words only
        if km.kinds[t] == "en-fw" or counts.get(t, 0) < 2:
            return True
    return False


def _classify(doc: Document, seg: Segment, lang: str, d: Any, counts: dict[str, int],
              km: _Kinds | None = None) -> list[_Word]:
    """Each word of ``seg`` with its kind; ``km`` remembers word kinds across sentences."""
    if km is None:
        km = _Kinds(lang)
    out: list[_Word] = []
    for m in _WORD_RX.finditer(seg.text):
        t = m.group()
        start, end = seg.start + m.start(), seg.start + m.end()
        if not t.islower():
            kind = "name"  # capitalised words and acronyms are names
        else:
            low = t.lower()
            kind = km.kind(low, d)
            if kind == "en?":
                # A word the document keeps using is part of its vocabulary (a term or a name).
                kind = "both" if counts.get(low, 0) >= 2 else "en"
        out.append(_Word(start, end, t, kind))
    # A native word is shared with English ("media", "show") when the English list knows it; that
    # only matters next to English words, where it can join their run.
    changed = True
    while changed:
        changed = False
        for i, w in enumerate(out):
            if w.kind != "native?":
                continue
            near = [out[k].kind for k in (i - 1, i + 1) if 0 <= k < len(out)]
            if any(k in _RUN_KINDS for k in near):
                w.kind = "both" if d.known(w.text.lower(), "en") else "native"
                changed = True
    for w in out:
        if w.kind == "native?":
            w.kind = "native"
    # Lower-case function words inside a name belong to it: "The Last of Us", "Bank of America".
    for i in range(1, len(out) - 1):
        if out[i].kind in ("en-fw", "both") and out[i - 1].kind == "name" and out[i + 1].kind == "name":
            text = doc.text
            if not text[out[i - 1].end : out[i].start].strip() and not text[out[i].end : out[i + 1].start].strip():
                out[i].kind = "name"
    return out


_RUN_KINDS = ("en-fw", "en", "both")


def _runs(words: list[_Word], text: str) -> list[tuple[list[_Word], list[_Word]]]:
    """Maximal runs of English and shared words separated only by spaces.

    Each run comes with its core: the run without shared words at its ends, followed by the
    English function words right after it (``in exchange for``).
    """

    def adjacent(a: _Word, b: _Word) -> bool:
        return text[a.end : b.start].strip(" \u00a0") == ""

    en_fw = function_words("en")
    out = []
    i, n = 0, len(words)
    while i < n:
        if words[i].kind not in _RUN_KINDS:
            i += 1
            continue
        j = i + 1
        while j < n and words[j].kind in _RUN_KINDS and adjacent(words[j - 1], words[j]):
            j += 1
        a, b = i, j
        while a < b and words[a].kind == "both":
            a += 1
        while b > a and words[b - 1].kind == "both":
            b -= 1
        if a < b:
            e = b
            while (e < n and words[e].kind == "both" and words[e].text.lower() in en_fw
                   and adjacent(words[e - 1], words[e])):
                e += 1
            out.append((words[i:j], words[a:e]))
        i = j
    return out


def _flagged_starts(doc: Document, ctx: CheckContext) -> set[int]:
    """Start offsets of the sentences L102 reports (an empty set without a langid provider)."""
    if _provider(ctx, "langid") is None:
        return set()
    return {v.segment.start for v in wrong_language_segments(doc, ctx)}


def foreign_fragments(doc: Document, ctx: CheckContext) -> list[tuple[int, int, list[_Word]]]:
    """English runs inside sentences of the document's language (computed once per document)."""
    cache = _cache(doc, ctx)
    if "fragments" in cache:
        return cache["fragments"]
    out: list[tuple[int, int, list[_Word]]] = []
    cache["fragments"] = out
    lang, _ = document_language(doc, ctx)
    d = _provider(ctx, "dictionary")
    if not lang or lang == "en" or not _dict_tag(d, lang) or not _dict_tag(d, "en"):
        return out
    counts = Counter(map(str.lower, text_tokens(doc.text)))  # _WORD_RX's words
    phrases, loan_words = _loanwords(lang)
    text = doc.text
    km = _kinds(d, lang)
    for seg in doc.sentences:
        if not _has_english(seg.text, d, counts, km):
            continue  # no English word: nothing below could report anything
        words = _classify(doc, seg, lang, d, counts, km)
        lettered = [w for w in words if w.kind != "name"]
        english = [w for w in lettered if w.kind in ("en-fw", "en")]
        if not english:
            continue
        if len(english) * 2 >= len(lettered) and seg.start in _flagged_starts(doc, ctx):
            continue  # a sentence in English as a whole is L102's business
        for full, core in _runs(words, text):
            n_fw = sum(w.kind == "en-fw" for w in core)
            n_en = sum(w.kind == "en" for w in core)
            if n_fw or n_en >= 3:
                # Shared words right after the English core belong to it ("the state media").
                end = full.index(core[-1]) + 1
                while end < len(full) and full[end].kind == "both":
                    end += 1
                run = core + [w for w in full[full.index(core[-1]) + 1 : end] if w not in core]
            else:
                # One or two English content words are a loan or a term ("private equity",
                # "happy hour"); a fragment needs an English function word or three words.
                continue
            phrase = text[run[0].start : run[-1].end].lower()
            if phrase in phrases or all(w.text.lower() in loan_words for w in run if w.kind == "en"):
                continue
            before = text[run[0].start - 1] if run[0].start > 0 else ""
            after = text[run[-1].end] if run[-1].end < len(text) else ""
            if before and after and before in _QUOTES_OPEN and after in _QUOTES_CLOSE:
                continue  # a quoted English term or title, cited on purpose
            out.append((run[0].start, run[-1].end, run))
    return out


@check(
    "L103", "foreign-fragment", Severity.WARNING,
    category="untranslated_fragment",
    message="English words in a {document_name} sentence: '{text}'",
    examples=[
        bad("A reunião foi descrita pela [[the state media]] como um sucesso."),
        bad("O país está [[under heavy sanctions]] desde 2017."),
        bad("O presidente disse que o acordo é [[the strongest]] desde a Guerra Fria."),
        bad("Os dois países assinaram o acordo [[in exchange for]] munições e tecnologia."),
        good("Segundo o think tank, o streaming e as fake news mudaram o show business online."),
        good("A KCNA informou que o F-16 chegou ao Kremlin, disse Lavrov em Wonsan."),
        good("A empresa mantém o home office e investe em startups de software."),
        good("O fundo de private equity comprou a rede; o evento terá happy hour e open bar."),
        good("O filme “The Last of Us” estreou no streaming."),
    ],
    languages=("pt", "it", "es"),
    needs=("dictionary",),
)
def foreign_fragment(doc: Document, ctx: CheckContext):
    """English words or phrases left inside a sentence of the document's language.

    ## Why it matters
    A translator that could not place a phrase leaves it in English; readers stumble on it
    mid-sentence.

    ## What fires
    A run of lower-case words that the Portuguese dictionaries (pt-BR and pt-PT) reject and the
    English one accepts, or English function words (`the`, `of`, `your`, `here`) that are not
    Portuguese words, when the run has an English function word or three English words. Capitalised
    words and acronyms are names; loanwords of the allow-list (`think tank`, `streaming`,
    `home office`), words the document uses twice or more, and quoted titles stay silent. A
    sentence mostly in English is left to L102.
    """
    lang, _ = document_language(doc, ctx)
    for start, end, run in foreign_fragments(doc, ctx):
        n = len(run)
        n_en = sum(w.kind in ("en", "en-fw") for w in run)
        confidence = round(n_en / n, 3)
        yield Hit(
            start, end,
            message=(
                f"English words in a {language_name(lang)} sentence: "
                f"'{doc.text[start:end]}' (dictionaries: {n_en}/{n} words English only)"
            ),
            evidence={
                "detected_language": "en",
                "confidence": confidence,
                "detector": "dictionary",
                "document_language": lang,
                "english_only": [w.text for w in run if w.kind in ("en", "en-fw")],
                "shared": [w.text for w in run if w.kind == "both"],
            },
        )


# --- L104 ---------------------------------------------------------------------------------------

_POSSESSIVE = re.compile(r"(?<=[^\W\d_])(['’‘]s)(?![^\W\d_])")
_STEM = re.compile(r"([^\W\d_]+)$")


@check(
    "L104", "english-possessive", Severity.WARNING,
    category="untranslated_fragment",
    message="English possessive '{text}' on the {document_name} word '{stem}'",
    examples=[
        bad("Coréia do Norte[[‘s]] Kim Jong Un reiterou seu apoio à Rússia.", suggest=""),
        bad("O governo[['s]] plano foi aprovado pelo Congresso.", suggest=""),
        bad("A Rússia[[’s]] guerra contra a Ucrânia continua.", suggest=""),
        good("Ele almoçou no McDonald's da avenida Paulista."),
        good("O vencedor da Domino's Cup recebeu o troféu."),
        good("A palavra 's' é uma letra."),
    ],
    needs=("dictionary",),
)
def english_possessive(doc: Document, ctx: CheckContext):
    """An English possessive ('s) glued to a word of the document's language.

    ## Why it matters
    `Coréia do Norte‘s Kim Jong Un` is English syntax with Portuguese words: the translator
    kept the possessive of `North Korea's`. The phrase must be rewritten (`o líder da Coreia do
    Norte, Kim Jong Un`).

    ## What fires
    `'s`, `’s` or `‘s` right after a word that the document language's dictionary knows (or that
    carries a diacritic) and the English dictionary does not. Brands and names (`McDonald's`)
    are unknown to both dictionaries and stay silent. English documents are not checked.
    """
    lang, _ = document_language(doc, ctx)
    d = _provider(ctx, "dictionary")
    if not lang or lang == "en" or d is None or not d.has(lang):
        return
    text = doc.text
    if "'s" not in text and "’s" not in text and "‘s" not in text:
        return  # every match is one of these (the pattern's look-behind makes a full scan slow)
    for m in _POSSESSIVE.finditer(text):
        stem_m = _STEM.search(text, max(0, m.start() - 60), m.start())
        if stem_m is None:
            continue
        stem = stem_m.group(1)
        english = _dict_tag(d, "en") and d.known(stem, "en")
        diacritic = any(ord(ch) > 127 for ch in stem)
        native = d.known(stem.lower(), lang) or d.known(stem, lang)
        if english or not (native or diacritic):
            continue
        yield Hit(
            m.start(1), m.end(1), suggestion="",
            args={"stem": stem, "document_name": language_name(lang)},
            message=(
                f"English possessive '{m.group(1)}' on the {language_name(lang)} word '{stem}' "
                f"(dictionaries: {lang} knows it, en does not); rewrite with 'de'"
            ),
            evidence={"detected_language": "en", "confidence": 1.0, "detector": "pattern+dictionary",
                      "document_language": lang, "stem": stem},
        )


CHECKS = (
    document_language_mismatch,
    wrong_language_segment,
    foreign_fragment,
    english_possessive,
)
