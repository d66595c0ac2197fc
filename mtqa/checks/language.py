"""Language checks (L1xx): text in another language than the document's.

Machine translation leaves text in the wrong language: a whole article in the wrong language in a
batch (an Italian article among Portuguese ones), untranslated lines (an English comment form, a
site prompt), English words inside a translated sentence, and English possessives glued to
translated nouns (``Coréia do Norte‘s``).

Smaller English leftovers have one check per class (L105-L117): an everyday English word or
two-word term (``uma tela rounded``, ``a price list``), an English link word between names
(``AFP through Agência Estado``), a word split after its first letter (``o ffice``), a decade with
an English ``s`` (``1980 S``), an English acronym (``CAP`` for a defined ``PAC``, ``a WHO``),
English page labels (``Photo:``), camel-case glue (``VEJATambém``), English compounds
(``powerbank``), units (``120 mph``), day and month names, possessives on names
(``Samsung 's``), English sentence openers (``The governo``) and abbreviations (``Mr.``,
``e.g.``). Jargon a clean text keeps on purpose is rare English, so a
single word must be everyday English (``common_words.en.txt``) or sit in a text that also leaves
everyday English untranslated.

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
from functools import cache, lru_cache
from itertools import filterfalse
from typing import Any

from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document, Segment, Severity
from mtqa.core.rx import scan
from mtqa.providers.langid import (
    DATA_DIR,
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
    # Lower-case function words inside a name belong to it: "The Last of Us", "Bank of America",
    # "Indiana Jones and the Great Circle" (one or more of them between two capitalised words).
    text = doc.text
    en_fw = function_words("en")
    i = 1
    while i < len(out) - 1:
        if out[i].kind in ("en-fw", "both") and out[i - 1].kind == "name":
            j = i
            while (j < len(out) - 1 and out[j].kind in ("en-fw", "both")
                   and (j == i or out[j].text in en_fw)
                   and not text[out[j - 1].end : out[j].start].strip()):
                j += 1
            if out[j].kind == "name" and not text[out[j - 1].end : out[j].start].strip() and j - i <= 3:
                for k in range(i, j):
                    out[k].kind = "name"
                i = j
                continue
        i += 1
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
    en_fw = function_words("en")
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
            content = [w.text.lower() for w in run if w.kind == "en"]
            if phrase in phrases or (content and all(w in loan_words for w in content)):
                continue  # a loan phrase, or English content words that are all loanwords
            if not content:
                # Only function words: inside a loan phrase ("meet and greet", "rock and roll")
                # they pass; next to Portuguese or shared words ("é very popular") they fire.
                whole = text[full[0].start : full[-1].end].lower()
                shared = [w.text.lower() for w in full if w.kind == "both" and w.text.lower() not in en_fw]
                if whole in phrases or (shared and all(w in loan_words for w in shared)):
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
    for m in scan(_POSSESSIVE, text):
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


# --- shared by L105-L111 --------------------------------------------------------------------------


def _pt_target(doc: Document, ctx: CheckContext) -> tuple[str | None, Any]:
    """("pt", dictionary provider) when the document is Portuguese and both word lists load."""
    lang, _ = document_language(doc, ctx)
    d = _provider(ctx, "dictionary")
    if lang != "pt" or not _dict_tag(d, "pt") or not _dict_tag(d, "en"):
        return None, None
    return lang, d


#: Characters that end a word's "chunk" (the text between spaces) without belonging to it.
_EDGE = ".,;:!?()[]{}\"'“”‘’«»-–—…*"
#: Inside a chunk: a URL, an address, a handle, a file name, code or a number.
_CHUNK_JUNK = re.compile(r"[/@#=_\\.\d<>{}|~^+&]")
#: Portuguese prefixes that make a hyphenated word Portuguese (``pós-show``, ``anti-bullying``).
_PT_PREFIXES = frozenset(
    "anti pós pré pró ex vice super hiper mega mini micro multi neo semi sub co auto bio eco euro "
    "afro ciber não recém sem pan inter extra ultra pseudo tele macro contra semi pseudo tri bi "
    "minis".split()
)
#: A foreign term introduced as such ("o chamado", "em inglês"): cited on purpose.
_GLOSS = re.compile(
    r"(?:\b(?:em|do|no|ao|para o) inglês|\bchamad[oa]s?|\bconhecid[oa]s? como|\bapelidad[oa]s? de"
    r"|\bbatizad[oa]s? de|\bdenominad[oa]s? de|\b(?:o|um|do|no) termo|\b(?:a|uma|da|na) expressão"
    r"|\b(?:a|uma|da|na) palavra|\bsigla|\btradução)[^.!?]{0,40}$",
    re.IGNORECASE,
)


def _chunk(text: str, start: int, end: int) -> str:
    """The non-space text around ``text[start:end]`` (at most 80 characters each side), without
    the punctuation at its ends."""
    a = start
    lo = max(0, start - 80)
    while a > lo and not text[a - 1].isspace():
        a -= 1
    b = end
    hi = min(len(text), end + 80)
    while b < hi and not text[b].isspace():
        b += 1
    return text[a:b].strip(_EDGE)


def _in_short_quote(text: str, seg: Segment, start: int, end: int) -> bool:
    """Is ``text[start:end]`` inside a quotation or parenthesis of at most eight words?"""
    before = text[seg.start : start]
    after = text[end : seg.end]
    for o, c in (("“", "”"), ("«", "»"), ('"', '"'), ("(", ")"), ("‘", "’")):
        i = before.rfind(o)
        if i < 0 or (o != c and before.rfind(c) > i) or (o == c and before.count(o) % 2 == 0):
            continue
        j = after.find(c)
        if j >= 0 and len(_WORD_RX.findall(before[i:] + after[:j])) <= 8:
            return True
    return False


def _is_pt_marked(d: Any, word: str) -> bool:
    """Does the capitalised ``word`` look Portuguese (a diacritic, or a Portuguese word that is not
    English: ``Rússia``, ``Norte``, ``Espanha``)?"""
    if any(ord(ch) > 127 for ch in word):
        return True
    return _native(d, word, "pt") and not d.known(word, "en")


# --- L105 ---------------------------------------------------------------------------------------


@cache
def _loan_entries(lang: str) -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """(the single-word loans of the allow-list, word -> the phrases of the list that hold it).

    L103 lets each word of a phrase pass on its own; L105 lets a phrase's words pass only inside
    the phrase (``family office`` passes, ``family`` alone does not)."""
    entries = word_list(f"loanwords.{lang}")
    index: dict[str, list[str]] = {}
    for e in entries:
        if " " in e:
            for w in e.split():
                index.setdefault(w, []).append(e)
    return frozenset(e for e in entries if " " not in e), {k: tuple(v) for k, v in index.items()}


def _english_only(low: str, d: Any, km: _Kinds) -> bool:
    """Is ``low`` English, not Portuguese, and not a single-word loan (words of loan phrases
    count: their phrase is matched on the text)?"""
    kind = km.kind(low, d)
    if kind == "en?":
        return True
    if kind != "both" or low in _loan_entries("pt")[0] or low in function_words("en"):
        return False
    return not _native(d, low, "pt") and d.known(low, "en")


def _english_token(low: str, d: Any, km: _Kinds) -> bool:
    """Is lower-case ``low`` an English content word that Portuguese does not use?

    Portuguese words (pt-BR or pt-PT), function words and loanwords are not; a hyphenated word is
    when every part is (``high-end``) and none is a Portuguese prefix (``pós-show``).
    """
    if "-" not in low:
        return _english_only(low, d, km)
    if km.kind(low, d) in ("native", "native?", "both"):
        return False
    parts = low.split("-")
    if any(len(p) < 2 or p in _PT_PREFIXES for p in parts):
        return False
    return all(_english_only(p, d, km) for p in parts)


def _in_loan_phrase(seg: Segment, start: int, end: int, words: list[str]) -> bool:
    """Is ``seg``'s text at ``start:end`` (document offsets) part of a loan phrase of the list?"""
    index = _loan_entries("pt")[1]
    phrases = {p for w in words for part in w.lower().split("-") for p in index.get(part, ())}
    if not phrases:
        return False
    low = seg.text.lower()
    a, b = start - seg.start, end - seg.start
    for p in phrases:
        i = low.find(p, max(0, a - len(p)))
        while 0 <= i < b:
            if i + len(p) > a:
                return True
            i = low.find(p, i + 1)
    return False


def _lemmas(w: str) -> list[str]:
    """``w`` and the base forms its English endings may come from (``rounded`` -> ``round``,
    ``tracks`` -> ``track``, ``stopped`` -> ``stop``, ``studies`` -> ``study``)."""
    out = [w]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("er", "e"), ("est", ""),
                         ("est", "e"), ("ers", ""), ("ers", "e")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            base = w[: len(w) - len(suffix)] + repl
            out.append(base)
            if suffix in ("ed", "ing", "er", "est") and len(base) > 2 and base[-1] == base[-2]:
                out.append(base[:-1])  # stopped -> stop
    return out


#: Endings of English adjectives and adverbs that Portuguese never borrows (``-ly``, ``-ous``,
#: ``-ful``, ``-ive``, ``-able``): a word with one is not jargon kept on purpose.
_UNBORROWED_ENDINGS = ("ly", "ous", "ful", "ive", "able", "ible", "ed")


def _common_english(w: str) -> bool:
    """Is ``w`` (or its base form) an everyday English word (``common_words.en.txt``), or an
    English adjective, adverb or past form by its ending (``-ly``, ``-ous``, ``-ful``, ``-ive``,
    ``-able``, ``-ed``: `capsized`, `reshuffled`)?"""
    if len(w) >= 6 and w.endswith(_UNBORROWED_ENDINGS):
        return True
    common = _common_words()
    return any(b in common for b in _lemmas(w))


@cache
def _common_words() -> frozenset[str]:
    return word_list("common_words.en") | function_words("en")


def english_words(doc: Document, ctx: CheckContext) -> list[tuple[int, int, list[str]]]:
    """Runs of one or two English content words in Portuguese sentences that L103 leaves alone
    (computed once per document)."""
    cache = _cache(doc, ctx)
    if "english_words" in cache:
        return cache["english_words"]
    out: list[tuple[int, int, list[str]]] = []
    cache["english_words"] = out
    lang, d = _pt_target(doc, ctx)
    if lang is None:
        return out
    text = doc.text
    km = _kinds(d, lang)
    lower_counts = Counter(t for t in text_tokens(text) if t.islower())
    taken = [(a, b) for a, b, _ in foreign_fragments(doc, ctx)]
    flagged = _flagged_starts(doc, ctx)
    rare: list[tuple[int, int, list[str]]] = []
    # Whether a word is English is asked once per spelling, and a sentence is tokenised into
    # match objects only when one of its words is (most sentences have none).
    memo: dict[str, bool] = {}

    def english(w: str) -> bool:
        v = memo.get(w)
        if v is None:
            v = memo[w] = w.islower() and _english_token(w, d, km)
        return v

    for seg in doc.sentences:
        if not any(map(english, sentence_tokens(seg.text))) or seg.start in flagged:
            continue
        toks = list(_WORD_RX.finditer(seg.text))
        eng = [english(m.group()) for m in toks]
        i, n = 0, len(toks)
        while i < n:
            if not eng[i]:
                i += 1
                continue
            j = i + 1
            while (j < n and eng[j] and j - i < 3
                   and seg.text[toks[j - 1].end() : toks[j].start()].strip(" \u00a0") == ""):
                j += 1
            run = toks[i:j]
            i = j
            start, end = seg.start + run[0].start(), seg.start + run[-1].end()
            words = [m.group() for m in run]
            if len(run) > 2:
                continue  # three English words are L103's
            if len(run) == 1 and (len(words[0]) < 4 or lower_counts[words[0]] >= 2):
                continue  # short words and a word the document keeps using: a term or a name
            common = all(_common_english(w) for w in words)
            if any(a < end and start < b for a, b in taken):
                continue
            if _in_loan_phrase(seg, start, end, words):
                continue  # "family office", "speed dating": a loan phrase of the list
            if any(_CHUNK_JUNK.search(_chunk(text, m.start() + seg.start, m.end() + seg.start))
                   for m in run):
                continue  # part of an address, a handle, a file name or code
            before = text[start - 1] if start > 0 else ""
            after = text[end] if end < len(text) else ""
            if before in _QUOTES_OPEN + "*_`" and after in _QUOTES_CLOSE + "*_`":
                continue  # a term in quotes, italics or brackets: cited on purpose
            if _in_short_quote(text, seg, start, end):
                continue  # inside a quoted title or a bracketed gloss
            if _GLOSS.search(text, max(seg.start, start - 60), start):
                continue  # introduced as a foreign term ("o chamado", "em inglês")
            (out if common else rare).append((start, end, words))
    if out or taken or flagged:
        # Rare English words are jargon a clean text keeps on purpose (churn, undercut); they
        # count only in a text that also leaves everyday English words, phrases (L103) or
        # sentences (L102) untranslated.
        out = sorted(out + rare)
        cache["english_words"] = out
    return out


@check(
    "L105", "english-word", Severity.WARNING,
    category="untranslated_fragment",
    message="English word in a Portuguese sentence: '{text}'",
    examples=[
        bad("O celular novo terá uma tela [[rounded]] e bateria maior."),
        bad("O relatório reúne a [[knowledge]] acumulada pela equipe em dez anos."),
        bad("Antes de viajar, consulte a [[price list]] do hotel."),
        bad("O erro aparece apenas nas versões [[unstable]] do programa."),
        bad("O barco [[capsized]] perto da praia, e dois pescadores foram resgatados."),
        good("O show de stand-up comedy terá streaming, e o app traz playlist e podcast."),
        good("O piloto largou na pole position; no grid, a equipe fez o pit stop no último stint."),
        good("A loja fez o recall do smartphone e prometeu um upgrade de software."),
        good("O filme “Inside Out” e a série “The Crown” lideram o ranking, segundo a Netflix."),
        good("O chamado greenwashing preocupa os investidores, disse a analista."),
        good("Veja em www.exemplo.com/news ou escreva para contato@exemplo.com.br."),
        good("O facto é que o Irão quer a equipa na secção de stresse, disse o treinador.",
             variant="PT"),
    ],
    languages=("pt",),
    needs=("dictionary",),
)
def english_word(doc: Document, ctx: CheckContext):
    """One or two English content words left inside a Portuguese sentence.

    ## Why it matters
    A translator that had no Portuguese word at hand keeps the English one (`uma tela rounded`,
    `consulte a price list`), or a synonym spinner swaps a Portuguese word for an English one
    (`a knowledge acumulada`). Readers meet an English noun or adjective where Portuguese has
    an ordinary word.

    ## What fires
    A lower-case word of four letters or more (or two such words together) that neither
    Portuguese word list (pt-BR, pt-PT) knows and the English one does, that is not a loanword
    of the allow-list (`smartphone`, `streaming`, `pole position`, `stand-up`), and that the
    document does not repeat (a single word used twice or more in lower case is a term the text
    chose). The words must be everyday English (`common_words.en.txt`, or an adjective or adverb
    ending: `-ly`, `-ous`, `-ful`, `-ive`, `-able`, or the past ending `-ed`); rarer English
    (`churn`, `undercut`) is jargon a clean text keeps on purpose and fires only in a text that
    also leaves everyday English words, phrases or sentences untranslated. Words of a loan phrase (`family office`) pass only
    inside it. Capitalised words are names. Words in quotes or in a short quoted or bracketed
    title, words introduced as terms (`o chamado`, `em inglês`), addresses, handles and code stay
    silent. Runs of three words or with an English function word are L103's; an English
    sentence is L102's.
    """
    for start, end, words in english_words(doc, ctx):
        yield Hit(
            start, end,
            message=(
                f"English word{'s' if len(words) > 1 else ''} in a Portuguese sentence: "
                f"'{doc.text[start:end]}' (dictionaries: English, not pt-BR or pt-PT, and not "
                "a loanword of the allow-list); translate it"
            ),
            evidence={"detected_language": "en", "confidence": 0.8, "detector": "dictionary",
                      "document_language": "pt", "english_only": words},
        )


# --- L106 ---------------------------------------------------------------------------------------

#: English words that title case keeps in lower case inside names (``Bank of America``,
#: ``Rock in Rio``): between two names they fire only next to a Portuguese word.
_TITLE_SMALL = frozenset(
    "a an the and or nor but for of in on at to by as from with into onto upon over off out up so "
    "yet vs via than per".split()
)


@check(
    "L106", "english-word-between-names", Severity.WARNING,
    category="untranslated_fragment",
    message="English '{text}' between two names",
    examples=[
        bad("O ministro chegou a Brasília no sábado para a reunião com os governadores.\n"
            "(Foto: João Reis/AFP [[through]] Agência Estado)"),
        bad("A reunião entre Rússia [[and]] Coreia do Norte durou três horas."),
        bad("O acordo entre Espanha [[and]] Alemanha foi assinado em Paris."),
        good("O jornal The New York Times e o Bank of America publicaram análises."),
        good("O Rock in Rio anunciou as atrações; o Institute for National Security Strategy também."),
        good("A banda Queens of the Stone Age tocou depois de Simon and Garfunkel."),
        good("A Procter and Gamble e a Johnson and Johnson anunciaram resultados."),
    ],
    languages=("pt",),
    needs=("dictionary",),
)
def english_word_between_names(doc: Document, ctx: CheckContext):
    """An English function word between two capitalised words, where Portuguese has its own.

    ## Why it matters
    Photo credits and lists of names keep the English link word (`AFP through Agência Estado`,
    `Rússia and Coreia do Norte`): `via` and `e` are the Portuguese words.

    ## What fires
    A lower-case English function word that is not Portuguese, right between two capitalised
    words. The small words that English titles keep in lower case (`of`, `and`, `the`, `in`,
    `for`) fire only when a neighbour looks Portuguese (a diacritic or a Portuguese word that is
    not English: `Rússia and Coreia`, `Espanha and Alemanha`) and neither neighbour is an English word
    (`Bank of America`, `Rock in Rio`, `Simon and Garfunkel` stay silent). Sentences in English
    are L102's.
    """
    lang, d = _pt_target(doc, ctx)
    if lang is None:
        return
    km = _kinds(d, lang)
    flagged = _flagged_starts(doc, ctx)
    for seg in doc.sentences:
        # Three words take five characters at least.
        if len(seg.text) < 5 or seg.start in flagged:
            continue
        toks = list(_WORD_RX.finditer(seg.text))
        for i in range(1, len(toks) - 1):
            t = toks[i].group()
            if not t.islower() or km.kind(t, d) != "en-fw":
                continue
            prev, nxt = toks[i - 1], toks[i + 1]
            p, q = prev.group(), nxt.group()
            if p.islower() or q.islower():
                continue
            gap1 = seg.text[prev.end() : toks[i].start()]
            gap2 = seg.text[toks[i].end() : nxt.start()]
            if gap1.strip(" \u00a0") or gap2.strip(" \u00a0"):
                continue
            if t in _TITLE_SMALL:
                if d.known(p, "en") or d.known(q, "en"):
                    continue
                if not (_is_pt_marked(d, p) or _is_pt_marked(d, q)):
                    continue
            start, end = seg.start + toks[i].start(), seg.start + toks[i].end()
            yield Hit(
                start, end,
                message=(f"English '{t}' between the names '{p}' and '{q}' in a Portuguese "
                         "sentence (dictionaries: an English function word, not Portuguese)"),
                evidence={"detected_language": "en", "confidence": 0.9, "detector": "dictionary",
                          "document_language": "pt", "names": [p, q]},
            )


# --- L107 ---------------------------------------------------------------------------------------

_SPLIT = re.compile(r"(?<![^\W_])([^\W\d_]) ([^\W\d_]{3,})(?![^\W_])")


@check(
    "L107", "split-english-word", Severity.WARNING,
    category="untranslated_fragment",
    message="English word split by a space: '{text}'",
    examples=[
        bad("A família reformou a [[k itchen]] no verão.", suggest="kitchen"),
        bad("Ela trabalha no [[o ffice]] central da empresa.", suggest="office"),
        good("A letra a e a letra b abrem a lista; o item c trata de custos."),
        good("O plano B ficou para depois, e o time A venceu por 2 a 1."),
    ],
    languages=("pt",),
    needs=("dictionary",),
)
def split_english_word(doc: Document, ctx: CheckContext):
    """An English word broken in two by a space after its first letter (`o ffice`).

    ## Why it matters
    The extraction or the translator split an English word it then left untranslated: the
    reader meets a stray letter and a non-word.

    ## What fires
    A single letter and the word after it, when the letter and the word joined make an English
    word that Portuguese does not know, and the second part is a word of neither language.
    """
    lang, d = _pt_target(doc, ctx)
    if lang is None:
        return
    _, loans = _loanwords(lang)
    text = doc.text
    for m in scan(_SPLIT, text):
        rest = m.group(2)
        if not rest.islower() or rest in loans:
            continue
        joined = (m.group(1) + rest).lower()
        if _native(d, rest, lang) or d.known(rest, "en"):
            continue
        if not d.known(joined, "en") or _native(d, joined, lang):
            continue
        yield Hit(
            m.start(), m.end(), suggestion=m.group(1) + rest,
            message=(f"English word split by a space: '{m.group()}' ('{m.group(1) + rest}' is "
                     "English, not Portuguese; translate it)"),
            evidence={"detected_language": "en", "confidence": 0.9, "detector": "dictionary",
                      "document_language": "pt", "joined": m.group(1) + rest},
        )


# --- L108 ---------------------------------------------------------------------------------------

#: A decade with the English plural: glued (``1990s``, ``’80s``) or detached (``1980 S``).
_DECADE_S = re.compile(
    r"(?<![\w.,])(?:((?:1[6-9]|20)\d0) ?['’]?(s)|['’‘](\d0)(s)|((?:1[6-9]|20)\d0) (S))(?![^\W_]|\.[^\W\d_])"
)
_DECADE_WORDS = re.compile(r"(?:década|décadas|anos|decada)\s+(?:de\s+)?$", re.IGNORECASE)


@check(
    "L108", "english-decade-plural", Severity.WARNING,
    category="untranslated_fragment",
    message="English plural of a decade: '{text}'",
    examples=[
        bad("O setor cresceu na década de [[1980 S]]. Depois estagnou.", suggest="1980"),
        bad("O estilo voltou à moda nos [[1990s]], segundo a revista.", suggest="anos 1990"),
        bad("A banda fez sucesso nos anos [[’80s]].", suggest="80"),
        good("Nos anos 1990, o país abriu a economia; a década de 1970 foi de crise."),
        good("Ele fez a volta em 1min07s508; a prova durou 1800 s no total."),
        good("A Empresa 1990 S.A. anunciou lucro; o modelo Classe S chegou em 2020."),
    ],
    languages=("pt",),
)
def english_decade_plural(doc: Document, ctx: CheckContext):
    """A decade written with the English plural `s` (`1990s`, `’80s`, `década de 1980 S`).

    ## Why it matters
    English writes decades as `the 1990s`; Portuguese says `os anos 1990` or `a década de 1990`.
    A translation that keeps the `s`, or splits it off, leaves an English form in the text.

    ## What fires
    A year ending in 0 (1600-2090) or an apostrophe and two digits ending in 0, with `s` glued to
    it, or a year followed by a detached capital `S` (not `S.A.`). A detached lower-case `s` is a
    unit of seconds unless `anos` or `década de` comes right before it.
    """
    lang, _ = document_language(doc, ctx)
    if lang != "pt":
        return
    text = doc.text
    if "0s" not in text and "0 S" not in text and "0 s" not in text and "0's" not in text \
            and "0’s" not in text:
        return
    for m in scan(_DECADE_S, text):
        if m.group(1) is not None:
            year = m.group(1)
            detached = " " in m.group()
            if detached and not _DECADE_WORDS.search(text, max(0, m.start() - 20), m.start()):
                continue  # "1800 s": seconds
            fix = year if _DECADE_WORDS.search(text, max(0, m.start() - 20), m.start()) else f"anos {year}"
        elif m.group(3) is not None:
            fix = m.group(3)
        else:
            fix = m.group(5)
        yield Hit(
            m.start(), m.end(), suggestion=fix,
            message=(f"English plural of a decade: '{m.group()}'; Portuguese writes "
                     "'os anos 1990' or 'a década de 1990'"),
            evidence={"detected_language": "en", "confidence": 0.9, "detector": "pattern",
                      "document_language": lang},
        )


# --- L109 ---------------------------------------------------------------------------------------

_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
#: Words an expansion skips when its initials are read (``Programa de Apoio ao Leitor``).
_EXPANSION_SKIP = frozenset(
    "de do da dos das e o a os as em no na nos nas ao aos à às pelo pela pelos pelas para por com "
    "sobre entre of the and for on in to".split()
)
_PT_DETERMINER = re.compile(
    r"(?:^|[\s(“\"])(?:o|a|os|as|do|da|dos|das|no|na|nos|nas|ao|à|aos|às|pelo|pela|pelos|pelas"
    r"|num|numa|dum|duma)\s+$",
    re.IGNORECASE,
)


@cache
def _english_acronyms() -> dict[str, str]:
    """English acronym -> its Portuguese form (``english_acronyms.en-pt.txt``)."""
    path = DATA_DIR / "english_acronyms.en-pt.txt"
    out: dict[str, str] = {}
    if path.is_file():
        for raw in path.read_text(encoding="utf-8").splitlines():
            parts = raw.split("#", 1)[0].split()
            if len(parts) == 2:
                out[parts[0]] = parts[1]
    return out


def _defined(text: str, m: re.Match[str]) -> bool:
    """Is the acronym at ``m`` given in brackets right after the words it abbreviates?"""
    if m.start() == 0 or text[m.start() - 1] != "(" or m.end() >= len(text) or text[m.end()] != ")":
        return False
    words = [w for w in _WORD_RX.findall(text[max(0, m.start() - 120) : m.start() - 1])
             if w.lower() not in _EXPANSION_SKIP]
    letters = m.group()
    return len(words) >= len(letters) and "".join(w[0] for w in words[-len(letters):]).upper() == letters


def _caps_line(doc: Document, pos: int) -> bool:
    a, b = doc.line_bounds(pos)
    line = doc.text[a:b]
    return not any(ch.islower() for ch in line)


@check(
    "L109", "english-acronym", Severity.WARNING,
    category="untranslated_fragment",
    message="English acronym '{text}' in a Portuguese text",
    examples=[
        bad("O plano de Ações de Proteção Social (APS) começou em março. A empresa disse que "
            "o [[SPA]] custou caro.", suggest="APS"),
        bad("A decisão da [[WHO]] foi elogiada por médicos de vários países.", suggest="OMS"),
        bad("O [[GDP]] do país cresceu 2% no trimestre.", suggest="PIB"),
        good("A OMS e a ONU pediram calma; o PIB cresceu e o FMI revisou a previsão."),
        good("WHO WE ARE\n\nA empresa atua no Recife desde 2010."),
        good("O CCP, o Código dos Contratos Públicos, foi revisto; a NATO reuniu-se em Bruxelas.",
             variant="PT"),
        good("O PSD e o PS votaram contra; o SPD alemão e o PDS também."),
    ],
    languages=("pt",),
)
def english_acronym(doc: Document, ctx: CheckContext):
    """An English acronym where the text (or Portuguese usage) has a Portuguese one.

    ## Why it matters
    English orders the letters of an acronym its own way (`CAP` for the `PAC` a text just
    defined, `GDP` for `PIB`, `WHO` for `OMS`). The English form confuses readers, and an acronym
    the text defined one way and then uses the other way looks like two different things.

    ## What fires
    An acronym with the same letters as one the document defines in brackets after its
    Portuguese words (`Programa de Apoio ao Cliente (PAC)`) but in another order; and an
    English acronym of the list `english_acronyms.en-pt.txt` (international bodies and terms
    Portuguese always renders: `UN`, `WHO`, `IMF`, `GDP`) after a Portuguese article or
    contraction (`a WHO`, `do GDP`). Lines in capitals are left alone; the list leaves out
    acronyms that pt-PT keeps (`NATO`) or that are Portuguese too (`CCP`).
    """
    lang, _ = document_language(doc, ctx)
    if lang != "pt":
        return
    text = doc.text
    matches = list(scan(_ACRONYM, text))
    if not matches:
        return
    groups: dict[str, dict[str, list[re.Match[str]]]] = {}
    for m in matches:
        if len(m.group()) >= 3:
            groups.setdefault("".join(sorted(m.group())), {}).setdefault(m.group(), []).append(m)
    reported: set[int] = set()
    for forms in groups.values():
        if len(forms) < 2:
            continue
        defined = [f for f, ms in forms.items() if any(_defined(text, m) for m in ms)]
        if len(defined) != 1:
            continue
        good_form = defined[0]
        for form, ms in forms.items():
            if form == good_form:
                continue
            for m in ms:
                if _caps_line(doc, m.start()):
                    continue
                reported.add(m.start())
                yield Hit(
                    m.start(), m.end(), suggestion=good_form,
                    message=(f"English acronym '{form}': the text defines '{good_form}' with the "
                             "same letters in Portuguese order"),
                    evidence={"detected_language": "en", "confidence": 0.9, "detector": "pattern",
                              "document_language": lang, "defined": good_form},
                )
    known = _english_acronyms()
    for m in matches:
        pt = known.get(m.group())
        if pt is None or m.start() in reported or _caps_line(doc, m.start()):
            continue
        if not _PT_DETERMINER.search(text, max(0, m.start() - 12), m.start()):
            continue
        yield Hit(
            m.start(), m.end(), suggestion=pt,
            message=f"English acronym '{m.group()}' in a Portuguese sentence; Portuguese writes '{pt}'",
            evidence={"detected_language": "en", "confidence": 0.9, "detector": "list",
                      "document_language": lang, "portuguese": pt},
        )


# --- L110 ---------------------------------------------------------------------------------------

_LABEL = re.compile(
    r"\b(?=[FPICSUWERABNTDKHVO])((?:File )?Photos?(?: credit| by)?|Images?|Pictures?|Credits?|Sources?"
    r"|Note|Notes|NOTE|Editor's note|Editor’s note|Pro tip|Tip|Tips|Edit|EDIT|Update|UPDATE|Warning"
    r"|Disclaimer|Show notes|Fun fact|Heads up|Key takeaways|Takeaways|TL;DR|Verdict|Our verdict|Pros|Cons"
    r"|Owner response|Response from the owner|Our take|Bottom line|Key specs|Specs|Highlights"
    r"|Updated(?: on| at)?|Published(?: on| at)?|Posted(?: on| at| by)?|Written by|Edited by"
    r"|Reported by|Reporting by|Courtesy(?: of)?|Caption|Read more|Read also|See also|Watch"
    r"|Related|Advertisement|Sponsored by|Sponsored|By)\b(?=[ \t]*(:|[ \t]+[A-ZÀ-Ý]|[ \t]*$|[ \t]*[)\]]))",
    re.MULTILINE,
)


def _opens_line_or_bracket(text: str, pos: int) -> bool:
    """Is ``pos`` the first non-blank of its line, or right after an opening bracket?"""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in "\n(["


_LABEL_NEEDS_NAME = frozenset({"by", "posted by", "written by", "edited by", "reported by",
                               "reporting by", "courtesy of", "photo by", "photos by"})


@check(
    "L110", "english-label", Severity.WARNING,
    category="untranslated_fragment",
    message="English label '{text}' in a Portuguese page",
    examples=[
        bad("[[Photo]]: Ana Lima/Reuters\nO presidente chegou a Brasília no sábado."),
        bad("[[Updated]]: 3 de maio de 2024\nO governo anunciou o plano."),
        bad("[[By]] Ana Lima\nO governo anunciou o plano nesta segunda-feira."),
        bad("O ministro falou à imprensa. ([[Photo]]: Reuters)"),
        bad("[[Pro tip]]: chegue cedo ao museu.\n\n[[Note]]: a entrada é gratuita às terças."),
        bad("O roteador reiniciou sozinho.\n\n[[Edit]]: resolvido com a atualização."),
        good("Note que o prazo termina na sexta-feira; a nota: dez."),
        bad("[[Verdict]]\n\nO celular é rápido.\n\n[[Pros]]: bateria.\n[[Cons]]: preço."),
        good("Foto: Ana Lima/Reuters\nBy Kamila é o nome da loja, disse a dona."),
        good("Por Ana Lima\nAtualizado em 3 de maio\nO filme Watch Dogs estreou."),
    ],
    languages=("pt",),
)
def english_label(doc: Document, ctx: CheckContext):
    """Page furniture left in English: `Photo:`, `Updated:`, `By` before a byline.

    ## Why it matters
    Captions, bylines and dates are translated with the article (`Foto:`, `Atualizado em`,
    `Por`); an English label left in front of them shows the page was machine translated.

    ## What fires
    At the start of a line or right after an opening bracket, an English label (`Photo`,
    `Image`, `Credit`, `Source`, `Updated`, `Published`, `Courtesy of`, `Read more`, `Related`,
    `Note`, `Pro tip`, `Edit`, `Update`, `Disclaimer`, `Show notes`)
    followed by a colon, by the end of the line or bracket, or by a capitalised name; `By` and
    the other `... by` labels need a name after them and a short line (a byline). Lines the
    whole-line check (L102) reports are left to it.
    """
    lang, _ = document_language(doc, ctx)
    if lang != "pt":
        return
    text = doc.text
    flagged = _flagged_starts(doc, ctx) if _LABEL.search(text) else set()
    for m in scan(_LABEL, text):
        if not _opens_line_or_bracket(text, m.start(1)):
            continue
        label = m.group(1)
        low = label.lower()
        a, b = doc.line_bounds(m.start(1))
        line = text[a:b]
        if any(a <= s < b for s in flagged):
            continue
        if low in _LABEL_NEEDS_NAME or m.group(2) != ":":
            rest = text[m.end(1) : b].strip()
            if low in _LABEL_NEEDS_NAME:
                if not rest[:1].isupper() or len(line.split()) > 8:
                    continue
                # "By Kamila é o nome": a byline has no lower-case Portuguese words after the name.
                if any(w.islower() and w not in ("de", "da", "do", "dos", "das", "e")
                       for w in _WORD_RX.findall(rest)):
                    continue
            elif rest and not rest.startswith((")", "]")) and m.group(2) not in (":",):
                # "Watch Dogs", "Related Press": a label followed by a name is a label only
                # when nothing but the name (a short line, no lower-case words) follows.
                if len(line.split()) > 6 or any(w.islower() for w in _WORD_RX.findall(rest)):
                    continue
                if low not in ("photo", "photos", "image", "images", "credit", "credits",
                               "source", "sources", "courtesy"):
                    continue
        yield Hit(
            m.start(1), m.end(1),
            message=f"English label '{label}' in a Portuguese page; translate it (Foto, Fonte, Por, Atualizado)",
            evidence={"detected_language": "en", "confidence": 0.9, "detector": "pattern",
                      "document_language": lang},
        )


# --- L111 ---------------------------------------------------------------------------------------

_GLUED = re.compile(r"(?<![\w@#/.])([a-zà-ÿ]{3,}|[A-ZÀ-Ý]{3,})([A-ZÀ-Ý][a-zà-ÿ]{2,})(?![\w@/]|\.[a-z])")
#: A lower-case token that may be two words glued: one of them a short function word.
_LOWER_TOKEN = re.compile(r"(?<![\w@#/.'’-])[a-zà-ÿ]{4,24}(?![\w@/'’-]|\.[a-z])")
#: Short words that extraction glues to the word before or after them (`aprimeira`, `queo`).
#: (_GLUE_STARTS and _GLUE_ENDS, below, are the cheap test before the dictionary.)
_GLUE_PARTS = frozenset(
    "a o à as os um uma de do da dos das em no na nos nas ao aos com por para pelo pela pelos "
    "pelas que e se foi mais dois duas três".split()
)


_GLUE_STARTS = frozenset(w[0] for w in _GLUE_PARTS)
_GLUE_ENDS = tuple(_GLUE_PARTS)


@lru_cache(maxsize=1 << 14)
def _glued_split(word: str, d: Any, lang: str) -> tuple[str, str] | None:
    """``(left, right)`` when the unknown lower-case ``word`` is a function word glued to a
    dictionary word of three letters or more (``a`` + ``primeira``, ``que`` + ``o``), the longer
    known part first; None otherwise."""
    best = None
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if len(left) <= 6 and left in _GLUE_PARTS and len(right) >= 3:
            content = right
        elif right in _GLUE_PARTS and len(left) >= 3 and len(right) <= 4:
            content = left
        else:
            continue
        if not (_native(d, content, lang) and (left in _GLUE_PARTS or _native(d, left, lang))):
            continue
        if d.known(content, "en"):
            continue  # an English loan (`nobreak`, `debug`) is one word, not `no` + `break`
        if best is None or len(content) > len(best[2]):
            best = (left, right, content)
    if best is None or _native(d, word, lang) or d.known(word, "en"):
        return None
    return best[0], best[1]


@check(
    "L111", "glued-words", Severity.WARNING,
    category="spacing_punctuation",
    message="Two words glued together: '{text}'",
    examples=[
        bad("O ministro [[chegouSegunda]] a Brasília para a reunião.", suggest="chegou Segunda"),
        bad("[[VEJATambém]] as fotos da festa no nosso site.", suggest="VEJA Também"),
        good("O iPhone, o WhatsApp, o YouTube e o PlayStation dominam; o JPMorgan e a BlackRock também."),
        good("Use o macOS ou o iOS; veja @joaoSilva e exemplo.com/paginaNova."),
        bad("O time venceu [[aprimeira]] partida da temporada.", suggest="a primeira"),
        bad("Ele disse [[queo]] projeto será votado amanhã.", suggest="que o"),
        bad("O estudo foi publicado [[narevista]] científica.", suggest="na revista"),
        good("O time venceu a primeira partida; o aplicativo, a obra e o desenvolvimento seguem."),
        good("O debug do sistema, o nobreak da sala e o ebook do autor; veja #aprimeira e @queo."),
    ],
    languages=("pt",),
    needs=("dictionary",),
)
def glued_words(doc: Document, ctx: CheckContext):
    """Two words glued with no space, the second capitalised (`chegouSegunda`, `VEJATambém`).

    ## Why it matters
    Scraping drops the space (or the line break) between a label or a link and the next word;
    a reader sees one unreadable token.

    ## What fires
    A lower-case word of three letters or more, or a word in capitals, glued to a capitalised
    word, when both halves are dictionary words (Portuguese or English) and the whole is not.
    In lower case, a token the dictionaries do not know that is a short function word (`a`,
    `que`, `na`, `dos`, ...) glued to a Portuguese word of three letters or more that is not
    also English (`aprimeira`, `queo`, `narevista`; not `nobreak`, `debug`).
    Brands in camel case (`WhatsApp`, `YouTube`, `PlayStation`) start with a capital and a
    lower-case letter, so they never match; handles, addresses and code stay silent.
    """
    lang, d = _pt_target(doc, ctx)
    if lang is None:
        return
    text = doc.text
    for m in scan(_GLUED, text):
        left, right = m.group(1), m.group(2)
        if left.isupper() and m.start() > 0 and text[m.start() - 1].isupper():
            continue
        if _CHUNK_JUNK.search(_chunk(text, m.start(), m.end())):
            continue
        lw = left.lower()
        if not (_native(d, lw, lang) or d.known(lw, "en")) or len(lw) < 3:
            continue
        if not (_native(d, right, lang) or d.known(right, "en")):
            continue
        whole = m.group()
        if _native(d, whole, lang) or d.known(whole, "en"):
            continue
        yield Hit(
            m.start(), m.end(), suggestion=f"{left} {right}",
            message=f"Two words glued together: '{whole}' ('{left}' + '{right}'); put a space between them",
            evidence={"detected_language": lang, "confidence": 0.8, "detector": "dictionary",
                      "document_language": lang, "parts": [left, right]},
        )
    for m in _LOWER_TOKEN.finditer(text):
        w = m.group()
        if not (w[:1] in _GLUE_STARTS or w[-4:].endswith(_GLUE_ENDS)):
            continue  # no function word at either end: nothing to split
        parts = _glued_split(w, d, lang)
        if parts is None or _CHUNK_JUNK.search(_chunk(text, m.start(), m.end())):
            continue
        left, right = parts
        yield Hit(
            m.start(), m.end(), suggestion=f"{left} {right}",
            message=f"Two words glued together: '{w}' ('{left}' + '{right}'); put a space between them",
            evidence={"detected_language": lang, "confidence": 0.7, "detector": "dictionary",
                      "document_language": lang, "parts": [left, right]},
        )


# --- L112 ---------------------------------------------------------------------------------------


def _english_half(w: str, d: Any, km: _Kinds) -> bool:
    """Is ``w`` an English word of three letters or more that Portuguese does not know?"""
    if len(w) < 3:
        return False
    if not _common_english(w):
        return False
    return _english_only(w, d, km)


@check(
    "L112", "english-compound", Severity.WARNING,
    category="untranslated_fragment",
    message="English compound in a Portuguese sentence: '{text}'",
    examples=[
        bad("Para destravar o celular, toque na [[lockscreen]] duas vezes."),
        bad("O aparelho tem uma [[powerbank]] embutida e carrega em uma hora."),
        good("A fintech lançou um smartwatch e um app de cashback com blockchain."),
        good("O speedtest saiu ontem. Rode o speedtest antes de reiniciar o roteador."),
        good("O guarda-chuva e o girassol ficaram no passatempo da revista."),
    ],
    languages=("pt",),
    needs=("dictionary",),
)
def english_compound(doc: Document, ctx: CheckContext):
    """A word that no dictionary knows, made of two English words (`lockscreen`, `powerbank`).

    ## Why it matters
    English writes many technical terms as one word glued from two (`power` + `bank`); a
    translation that keeps one leaves the reader an English term where Portuguese has its own
    (`carregador portátil`).

    ## What fires
    A lower-case word that neither Portuguese word list nor the English one knows, that splits
    into two English words of three letters or more that Portuguese does not know, that is not
    a loanword of the allow-list (`smartwatch`, `cashback`, `blockchain`), and that the document
    uses only once in lower case (a term it repeats is its vocabulary).
    """
    lang, d = _pt_target(doc, ctx)
    if lang is None:
        return
    km = _kinds(d, lang)
    text = doc.text
    lower_counts = Counter(t for t in text_tokens(text) if t.islower())
    taken = {a for a, _, _ in english_words(doc, ctx)}
    for seg in doc.sentences:
        if len(seg.text) < 6:
            continue  # no word of six letters
        for m in _WORD_RX.finditer(seg.text):
            w = m.group()
            if not w.islower() or not 6 <= len(w) <= 40 or "-" in w or "'" in w or "’" in w:
                continue
            if lower_counts[w] >= 2 or km.kind(w, d) != "unknown":
                continue
            split = next((i for i in range(3, len(w) - 2)
                          if _english_half(w[:i], d, km) and _english_half(w[i:], d, km)), None)
            if split is None:
                continue
            start, end = seg.start + m.start(), seg.start + m.end()
            if start in taken or _CHUNK_JUNK.search(_chunk(text, start, end)):
                continue
            if _in_short_quote(text, seg, start, end) or _GLOSS.search(text, max(seg.start, start - 60), start):
                continue
            yield Hit(
                start, end,
                message=(f"English compound in a Portuguese sentence: '{w}' ('{w[:split]}' + "
                         f"'{w[split:]}', English words; no dictionary knows the whole); translate it"),
                evidence={"detected_language": "en", "confidence": 0.7, "detector": "dictionary",
                          "document_language": lang, "parts": [w[:split], w[split:]]},
            )


# --- L113 ---------------------------------------------------------------------------------------

_EN_UNIT = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)?(?:\s|-)?(mph|miles|mile|feet|foot|ft|inches|inch|lbs|lb|pounds"
    r"|ounces|oz|yards|yard|gallons|gallon)(?![^\W_])"
)


@check(
    "L113", "english-unit", Severity.WARNING,
    category="untranslated_fragment",
    message="English unit '{text}' in a Portuguese text",
    examples=[
        bad("O furacão chegou com ventos de 120 [[mph]] à costa da Flórida."),
        bad("A ponte tem 300 [[feet]] de altura e 2 [[miles]] de extensão."),
        bad("O atleta pesa 200 [[lbs]], segundo a liga."),
        good("O carro chega a 200 km/h; a prova tem 10 km e o peso é de 90 kg."),
        good("A Mile Sete lançou o disco; o Inch Cape fica na Escócia."),
    ],
    languages=("pt",),
)
def english_unit(doc: Document, ctx: CheckContext):
    """A number with an English unit of measure left untranslated (`120 mph`, `300 feet`).

    ## Why it matters
    Portuguese news converts imperial units or at least names them in Portuguese (`milhas por
    hora`, `pés`, `libras`); an English unit word after a number was left by the translator.

    ## What fires
    A number followed by an English unit word or symbol (`mph`, `miles`, `feet`, `ft`,
    `inches`, `lbs`, `pounds`, `ounces`, `oz`, `yards`, `gallons`).
    """
    lang, _ = document_language(doc, ctx)
    if lang != "pt":
        return
    for m in scan(_EN_UNIT, doc.text):
        yield Hit(
            m.start(1), m.end(1),
            message=f"English unit '{m.group(1)}' after a number in a Portuguese text; translate or convert it",
            evidence={"detected_language": "en", "confidence": 0.9, "detector": "pattern",
                      "document_language": lang},
        )


# --- L114 ---------------------------------------------------------------------------------------

_EN_WEEKDAY = re.compile(r"(?<![\w-])(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?(?![\w-])")
_EN_MONTH = re.compile(
    r"(?<![\w-])(January|February|March|April|June|July|August|September|October|November|December)"
    r"(?![\w-])"
)
_DIGIT_NEAR = re.compile(r"\d")


@check(
    "L114", "english-date-name", Severity.WARNING,
    category="untranslated_fragment",
    message="English day or month name '{text}' in a Portuguese sentence",
    examples=[
        bad("O presidente chegou a Pyongyang na [[Wednesday]] para a reunião."),
        bad("A lei entra em vigor em 10 de [[October]], disse o governo."),
        good("As lojas preparam a Black Friday e a Cyber Monday; o Sunday Times noticiou."),
        good("O Domingo Sangrento (Bloody Sunday) e a canção “Sunday Morning” foram lembrados."),
        good("A banda Green Day lançou “September” em março; April Ryan e June Carter também."),
    ],
    languages=("pt",),
)
def english_date_name(doc: Document, ctx: CheckContext):
    """An English weekday or month name left in a Portuguese sentence (`na Wednesday`).

    ## Why it matters
    Dates are translated (`quarta-feira`, `outubro`); an English name left in a date reads as
    an untranslated fragment and can be misread.

    ## What fires
    An English weekday between lower-case words (not in names such as `Black Friday`,
    `Cyber Monday` or `Sunday Times`, and not in quotes or brackets), or an English month name
    with a number right before or after it (`10 de October`, `October 10`).
    """
    lang, _ = document_language(doc, ctx)
    if lang != "pt":
        return
    text = doc.text
    for m in scan(_EN_WEEKDAY, text):
        before = text[max(0, m.start() - 30) : m.start()]
        after = text[m.end() : m.end() + 30]
        prev = _WORD_RX.findall(before)[-1:] or [""]
        nxt = _WORD_RX.findall(after)[:1] or [""]
        if not prev[0].islower() or (nxt[0] and not nxt[0].islower()):
            continue
        if before.rstrip()[-1:] in _QUOTES_OPEN or after.lstrip()[:1] in _QUOTES_CLOSE:
            continue
        if _WORD_RX.findall(after[:1]) or after[:1] in ("-",):
            continue
        yield Hit(m.start(), m.end(), message=(
            f"English weekday '{m.group()}' in a Portuguese sentence; write the Portuguese name"),
            evidence={"detected_language": "en", "confidence": 0.9, "detector": "pattern",
                      "document_language": lang})
    for m in scan(_EN_MONTH, text):
        before = text[max(0, m.start() - 6) : m.start()]
        after = text[m.end() : m.end() + 4]
        if not (re.search(r"\d(?:\s+de)?\s+$", before) or re.match(r"\s+\d", after)):
            continue
        yield Hit(m.start(), m.end(), message=(
            f"English month '{m.group()}' in a Portuguese date; write the Portuguese name"),
            evidence={"detected_language": "en", "confidence": 0.9, "detector": "pattern",
                      "document_language": lang})


# --- L115 ---------------------------------------------------------------------------------------

_SPACED_POSSESSIVE = re.compile(r"(?<=[^\W\d_])\s+(['’]s)(?=[\s,.;:!?)]|$)")
_NAME_POSSESSIVE = re.compile(r"(['’]s)[ \u00a0]+([a-zà-ÿ][^\W\d_]*)")
_NAME_BEFORE = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][^\W\d_]+)$")
#: Names whose possessive is part of a brand: ``o McDonald's fechou`` is right.
_BRAND_POSSESSIVES = frozenset(
    "mcdonald domino macy kellogg levi wendy sotheby christie moody lloyd hardee applebee denny "
    "carl claire tiffany sainsbury harrod arby chili dunkin ripley bloomingdale lowe nathan "
    "marshall kohl walgreen dillard friday hershey heinz ben jerry outback reese bailey gordon "
    "ocean schindler grey alzheimer parkinson hodgkin crohn asperger tourette down".split()
)


@check(
    "L115", "english-possessive-name", Severity.WARNING,
    category="untranslated_fragment",
    message="English possessive '{text}' in a Portuguese sentence",
    examples=[
        bad("A Samsung[[ 's]] nova linha chega em maio, segundo a empresa.", suggest=""),
        bad("O Putin[[’s]] governo respondeu às sanções na semana passada.", suggest=""),
        good("O McDonald's fechou lojas; a Moody's rebaixou a nota e a Sotheby's leiloou o quadro."),
        good("O filme Schindler's List e a série Grey's Anatomy voltaram ao streaming."),
        good("A banda tocou “A Hard Day's Night” e o público cantou junto."),
        good("A doença de Alzheimer's afeta milhões; a letra 's' indica o plural."),
    ],
    languages=("pt",),
    needs=("dictionary",),
)
def english_possessive_name(doc: Document, ctx: CheckContext):
    """An English possessive after a space (`Samsung 's`) or on a name before a Portuguese word.

    ## Why it matters
    `o Putin’s governo` keeps the English genitive of `Putin's government`; Portuguese says
    `o governo de Putin`. A possessive split off by a space (`Samsung 's`) is the same artifact
    after a tokenizer.

    ## What fires
    `'s` or `’s` standing alone after a word and a space; and `'s` on a capitalised name followed
    by a lower-case Portuguese word that English does not know (`Putin’s governo`). Brand names
    with a possessive (`McDonald's`, `Moody's`, `Sotheby's`) and eponyms (`Alzheimer's`) stay
    silent. L104 reports the possessive on a Portuguese common noun.
    """
    lang, d = _pt_target(doc, ctx)
    if lang is None:
        return
    text = doc.text
    if "'s" not in text and "’s" not in text:
        return
    for m in scan(_SPACED_POSSESSIVE, text):
        yield Hit(
            m.start(), m.end(), suggestion="",
            message=f"English possessive '{m.group(1)}' split off by a space; rewrite with 'de'",
            evidence={"detected_language": "en", "confidence": 0.9, "detector": "pattern",
                      "document_language": lang},
        )
    for m in scan(_NAME_POSSESSIVE, text):
        nm = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if nm is None:
            continue
        name, nxt = nm.group(1), m.group(2)
        if name.lower() in _BRAND_POSSESSIVES:
            continue
        if nxt in function_words("pt") or not _native(d, nxt, lang) or d.known(nxt, "en"):
            continue
        if _native(d, name.lower(), lang) and not d.known(name, "en"):
            continue  # a Portuguese word: L104's
        yield Hit(
            m.start(1), m.end(1), suggestion="",
            message=(f"English possessive '{m.group(1)}' on the name '{name}' before the Portuguese "
                     f"word '{nxt}'; rewrite with 'de' ('{nxt} de {name}')"),
            evidence={"detected_language": "en", "confidence": 0.8, "detector": "pattern+dictionary",
                      "document_language": lang, "stem": name},
        )


# --- L116 ---------------------------------------------------------------------------------------


@check(
    "L116", "english-function-word-capitalised", Severity.WARNING,
    category="untranslated_fragment",
    message="English '{text}' before a Portuguese word",
    examples=[
        bad("O ministro falou à imprensa. [[The]] governo anunciou o plano na segunda-feira."),
        bad("[[However]], o acordo ainda depende do Congresso, disse o relator."),
        bad("[[With]] o apoio da China, o projeto avançou."),
        good("O jornal The Economist e a revista The New Yorker elogiaram o filme."),
        good("In vitro, as células cresceram; As pessoas e Os Mutantes também."),
        good("The Last of Us estreia hoje; The Killers tocam amanhã."),
    ],
    languages=("pt",),
    needs=("dictionary",),
)
def english_function_word_capitalised(doc: Document, ctx: CheckContext):
    """A capitalised English function word opening a Portuguese phrase (`The governo`).

    ## Why it matters
    A translator that left the first word of a sentence in English (`The governo`, `However,`)
    produces a sentence that starts in one language and goes on in another.

    ## What fires
    At the start of a sentence or clause (after a colon, semicolon, dash or bracket), a
    capitalised word whose lower case is an English function word or linking adverb and not a
    Portuguese word (`The`, `This`, `With`, `However`, `Meanwhile`), followed by a lower-case
    Portuguese word (after an optional comma). Titles and names (`The Economist`,
    `The Last of Us`) go on with a capital and stay silent; Latin (`In vitro`) and Portuguese
    articles (`As`, `Os`) are not English.
    """
    lang, d = _pt_target(doc, ctx)
    if lang is None:
        return
    km = _kinds(d, lang)
    text = doc.text
    for seg in doc.sentences:
        if len(seg.text) < 4 or seg.text.islower():
            continue  # not two words, or no capital at all (no character isupper())
        toks = list(_WORD_RX.finditer(seg.text))
        for i in range(len(toks) - 1):
            t = toks[i].group()
            if len(t) < 2 or not (t[:1].isupper() and t[1:].islower()):
                continue  # "I" is also a Roman numeral ("I congresso")
            if i > 0 and not any(ch in ":;—–(\n" for ch in seg.text[toks[i - 1].end() : toks[i].start()]):
                continue  # only a sentence or clause opener: inside a title ("The Last of Us")
            low = t.lower()
            if low in _LATIN_OPENERS:
                continue
            if low not in _LINKING and (low not in _OPENERS or km.kind(low, d) != "en-fw"):
                continue
            if low in _LINKING and (_native(d, low, lang) or low in function_words(lang)):
                continue
            gap = seg.text[toks[i].end() : toks[i + 1].start()]
            if gap.strip(" \u00a0,") or gap.count(",") > 1:
                continue
            nxt = toks[i + 1].group()
            if not nxt.islower() or nxt in function_words("en") or nxt in _loanwords(lang)[1]:
                continue
            if not _native(d, nxt, lang) or (d.known(nxt, "en") and nxt not in function_words(lang)):
                continue
            start = seg.start + toks[i].start()
            if _in_short_quote(text, seg, start, start + len(t)):
                continue
            yield Hit(
                start, start + len(t),
                message=(f"English '{t}' before the Portuguese word '{nxt}' (dictionaries: an "
                         "English function word, not Portuguese)"),
                evidence={"detected_language": "en", "confidence": 0.9, "detector": "dictionary",
                          "document_language": lang},
            )


#: English sentence openers that are not function words but link clauses.
_LINKING = frozenset(
    "however meanwhile moreover furthermore therefore nevertheless nonetheless instead "
    "otherwise besides thus hence indeed additionally finally overall".split()
)
#: English function words that open a sentence and are not also names (``Down``, ``Still``,
#: ``Even`` are left out).
_OPENERS = frozenset(
    "the this these those that with without but and or because although though while when "
    "where which who whose after before during since until unless if for from about against "
    "among between through into under its their his her our my your we they he she it there "
    "here some many most each every".split()
)
#: Latin openers with a lower-case word after them (``In vitro``, ``In loco``).
_LATIN_OPENERS = frozenset({"in", "ad", "per", "pro", "post", "ex", "sub", "et", "via"})


# --- L117 ---------------------------------------------------------------------------------------

_EN_ABBREVIATION = re.compile(
    r"(?=[MeiaNFASD])(?<![\w.])(?:(Mr|Mrs|Ms)\.(?=\s+[A-ZÀ-Ý])|(e\.g|i\.e)\.|(approx)\.|(Nos?)\.(?=\s?\d)"
    r"|(Feb|Apr|Aug|Sept|Dec)\.(?=\s?\d)|(?<=\d\s)(Feb|Apr|Aug|Sept|Dec)\.)"
)
_ABBREVIATION_FIX = {"mr": "Sr.", "mrs": "Sra.", "ms": "Sra.", "e.g": "por exemplo", "i.e": "ou seja",
                     "approx": "aprox.", "no": "n.º", "nos": "n.ºs", "feb": "fev.", "apr": "abr.",
                     "aug": "ago.", "sept": "set.", "dec": "dez."}


@check(
    "L117", "english-abbreviation", Severity.WARNING,
    category="untranslated_fragment",
    message="English abbreviation '{text}' in a Portuguese text",
    examples=[
        bad("O encontro reuniu [[Mr.]] Lima e a diretora da escola.", suggest="Sr."),
        bad("Alguns bairros, [[e.g.]] o centro, ficaram sem luz.", suggest="por exemplo"),
        bad("O tenista, [[No.]] 1 do mundo, venceu de novo.", suggest="n.º"),
        bad("O prazo termina em 10 [[Feb.]] de 2025.", suggest="fev."),
        good("O Sr. Lima, a Sra. Costa e o Dr. Souza chegaram; a MS-010 estava livre."),
        good("No dia 5, o n.º 1 do mundo jogou; a Apple Inc. e a Amazon.com Ltd. também."),
        good("Ele disse: No. E saiu da sala."),
    ],
    languages=("pt",),
)
def english_abbreviation(doc: Document, ctx: CheckContext):
    """An English abbreviation left in a Portuguese text (`Mr.`, `e.g.`, `No. 1`, `Feb. 10`).

    ## Why it matters
    Portuguese has its own abbreviations (`Sr.`, `por exemplo`, `n.º`, `fev.`); the English
    ones are leftovers of the source and can be misread (`No.` looks like the contraction
    `no`).

    ## What fires
    `Mr.`, `Mrs.`, `Ms.` before a name; `e.g.`, `i.e.`, `approx.`; `No.` or `Nos.` before a
    number; and English month abbreviations (`Feb.`, `Apr.`, `Aug.`, `Sept.`, `Dec.`) next to a
    number. Company suffixes (`Inc.`, `Ltd.`) are part of names and stay silent.
    """
    lang, _ = document_language(doc, ctx)
    if lang != "pt":
        return
    text = doc.text
    if "." not in text:
        return
    for m in scan(_EN_ABBREVIATION, text):
        word = next(g for g in m.groups() if g)
        end = m.start() + len(word) + 1 if not word.endswith(".") else m.start() + len(word)
        yield Hit(
            m.start(), end, suggestion=_ABBREVIATION_FIX.get(word.lower()),
            message=(f"English abbreviation '{text[m.start():end]}' in a Portuguese text; write "
                     f"'{_ABBREVIATION_FIX.get(word.lower(), '')}'"),
            evidence={"detected_language": "en", "confidence": 0.9, "detector": "pattern",
                      "document_language": lang},
        )


CHECKS = (
    document_language_mismatch,
    wrong_language_segment,
    foreign_fragment,
    english_possessive,
    english_word,
    english_word_between_names,
    split_english_word,
    english_decade_plural,
    english_acronym,
    english_label,
    glued_words,
    english_compound,
    english_unit,
    english_date_name,
    english_possessive_name,
    english_function_word_capitalised,
    english_abbreviation,
)
