"""Round-trip translation checks (R1xx): translate each sentence to the pivot and back.

Where the round trip *repairs* a word (``estressa -> enfatiza``, ``Coréia -> Coreia``,
``falei -> falou``, ``Moscow -> Moscou``), that word is a suspect and the repair is the suggestion.
Most differences between a sentence and its round trip are harmless paraphrase (synonyms, word
order, articles), so a difference reaches the reviewer only when a filter keeps it; what each
filter keeps and loses on the annotated seeds is measured in ``docs/roundtrip.md``.

The round trip of a document is computed once (batched, on the translation service's thread pool,
through the persistent cache) and shared by every R check. The checks are off by default: they run
with ``mtqa lint --roundtrip`` or ``roundtrip.enabled = true``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.core.config import RoundTripConfig
from mtqa.core.errors import DocumentSkipped, ProviderUnavailable
from mtqa.core.model import Document, Segment, Severity

#: Lowest normalised round-trip chrF before R102 reports a sentence. Measured on the seeds' gold
#: sentences against the clean guard corpus (docs/roundtrip.md, bench/roundtrip_eval.py): the
#: highest threshold that keeps the guard corpus silent for sentences of MIN_WORDS_R102 words.
DEFAULT_MIN_CHRF = 39.0
#: Shorter sentences (headings, captions) have too few characters for a stable chrF.
MIN_WORDS_R102 = 8

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


# --- tokens and normalisation ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Runs of letters and digits (hyphens and apostrophes split words) with absolute offsets."""
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


def fold(word: str) -> str:
    """Lower case without diacritics: ``Coréia`` -> ``coreia``."""
    nfd = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in nfd if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Typography the round trip changes for no reason of content: quotes, apostrophes, dashes."""
    text = re.sub(r"[“”\"«»„]", "", text)
    text = re.sub(r"[’‘`´]", "'", text)
    text = re.sub(r"[–—]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


# --- verb person/number and nominal agreement -------------------------------------------------------

_P1S, _P2S, _P3S, _P1P, _P2P, _P3P = "1s", "2s", "3s", "1p", "2p", "3p"
_PERSONS = (_P1S, _P2S, _P3S, _P1P, _P2P, _P3P)


def _paradigm(tense: str, endings: str) -> list[tuple[str, str, frozenset[str]]]:
    out: dict[str, set[str]] = {}
    for person, ending in zip(_PERSONS, endings.split(), strict=True):
        out.setdefault(ending, set()).add(person)
    return [(ending, tense, frozenset(p)) for ending, p in out.items()]


#: Regular endings: (ending, tense, persons it can express).
VERB_ENDINGS: list[tuple[str, str, frozenset[str]]] = [
    *_paradigm("pres-ar", "o as a amos ais am"),
    *_paradigm("pres-er", "o es e emos eis em"),
    *_paradigm("pres-ir", "o es e imos is em"),
    *_paradigm("pret-ar", "ei aste ou amos astes aram"),
    *_paradigm("pret-er", "i este eu emos estes eram"),
    *_paradigm("pret-ir", "i iste iu imos istes iram"),
    *_paradigm("impf-ar", "ava avas ava ávamos áveis avam"),
    *_paradigm("impf-er", "ia ias ia íamos íeis iam"),
    *_paradigm("fut-ar", "arei arás ará aremos areis arão"),
    *_paradigm("fut-er", "erei erás erá eremos ereis erão"),
    *_paradigm("fut-ir", "irei irás irá iremos ireis irão"),
    *_paradigm("cond-ar", "aria arias aria aríamos aríeis ariam"),
    *_paradigm("cond-er", "eria erias eria eríamos eríeis eriam"),
    *_paradigm("cond-ir", "iria irias iria iríamos iríeis iriam"),
]

#: Frequent irregular forms: word -> (lemma, tense, persons).
IRREGULAR: dict[str, tuple[str, str, frozenset[str]]] = {}
for _lemma, _tense, _forms in (
    ("ser", "pres", "sou és é somos sois são"),
    ("ser", "pret", "fui foste foi fomos fostes foram"),
    ("estar", "pres", "estou estás está estamos estais estão"),
    ("estar", "pret", "estive estiveste esteve estivemos estivestes estiveram"),
    ("ter", "pres", "tenho tens tem temos tendes têm"),
    ("ter", "pret", "tive tiveste teve tivemos tivestes tiveram"),
    ("ir", "pres", "vou vais vai vamos ides vão"),
    ("fazer", "pret", "fiz fizeste fez fizemos fizestes fizeram"),
    ("poder", "pret", "pude pudeste pôde pudemos pudestes puderam"),
    ("haver", "pres", "hei hás há havemos haveis hão"),
    ("dizer", "pret", "disse disseste disse dissemos dissestes disseram"),
):
    for _p, _f in zip(_PERSONS, _forms.split(), strict=True):
        old = IRREGULAR.get(_f)
        persons = frozenset({_p} | (set(old[2]) if old else set()))
        IRREGULAR[_f] = (_lemma, _tense, persons)


def _analyses(word: str) -> list[tuple[str, str, frozenset[str]]]:
    """Possible (stem, tense, persons) readings of a verb form."""
    w = word.lower()
    if w in IRREGULAR:
        lemma, tense, persons = IRREGULAR[w]
        return [(lemma, tense, persons)]
    out = []
    for ending, tense, persons in VERB_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            out.append((w[: -len(ending)], tense, persons))
    return out


def person_change(a: str, b: str) -> bool:
    """True when ``a`` is a first-person verb form and ``b`` the same verb, same tense, in the third.

    (``falei -> falou``, ``falamos -> falaram``.) In news prose outside quotations the first person
    is rare, and a round trip that turns it into the third person usually repairs a subject
    mismatch. Changes of number within the third person (``pode -> podem``) are left out: round
    trips make them constantly when the English subject is ambiguous. Present-tense ``-o`` forms
    are not taken as first person (they are mostly nouns and adjectives: ``coreano``), nor are
    unaccented ``-ai``/``-ui`` forms (``inclui``, ``sai``: the present of ``incluir``, ``sair``,
    whose first-person preterite is accented, ``incluí``).
    """
    if a.lower() == b.lower():
        return False
    first, third = {_P1S, _P1P}, {_P3S, _P3P}
    for sa, ta, pa in _analyses(a):
        if ta.startswith("pres-") and a.lower().endswith("o"):
            continue
        if ta.startswith("pret-") and pa == {_P1S} and a.lower()[-2:] in ("ai", "ui", "oi"):
            continue  # "inclui", "sai": the present of -uir/-air verbs; the preterite is "incluí"
        for sb, tb, pb in _analyses(b):
            if sa == sb and ta == tb and pa <= first and pb & third and not (pa & pb):
                return True
    return False


_NOMINAL = (("o", "m", "s"), ("a", "f", "s"), ("os", "m", "p"), ("as", "f", "p"))


def agreement_change(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are one adjective/noun in another gender or number (-o/-a/-os/-as)."""
    la, lb = a.lower(), b.lower()
    if la == lb:
        return False
    for ea, ga, na in _NOMINAL:
        for eb, gb, nb in _NOMINAL:
            if la.endswith(ea) and lb.endswith(eb) and (ga, na) != (gb, nb):
                sa, sb = la[: -len(ea)], lb[: -len(eb)]
                if sa == sb and len(sa) >= 3:
                    return True
    return False


# --- differences between a sentence and its round trip --------------------------------------------


@dataclass(slots=True)
class Change:
    """One original word the round trip replaced, with the reasons a filter would keep it."""

    start: int
    end: int
    word: str
    suggestion: str
    #: Filter names that keep this change (empty: harmless paraphrase).
    reasons: list[str] = field(default_factory=list)


#: Every filter, in the order they are reported.
FILTERS = ("unknown", "accent", "spelling", "person", "agreement", "false_friend", "glossary", "case")
#: Filters on by default; chosen by their measured keep/loss on the gold (docs/roundtrip.md).
DEFAULT_FILTERS = ("unknown", "accent", "person", "false_friend", "glossary")


def _pair(word: Token, options: list[Token]) -> tuple[Token | None, float]:
    best, score = None, 0.0
    for b in options:
        s = similarity(word.text, b.text)
        if s > score:
            best, score = b, s
    return best, score


def _inside_quotes(text: str, i: int) -> bool:
    """True when position ``i`` is inside a quotation (an odd number of quote marks before it)."""
    before = text[:i]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def word_changes(
    original: str,
    back: str,
    offset: int = 0,
    *,
    pivot: str = "",
    known: Any = None,
    suspect: Any = None,
    pivot_known: Any = None,
) -> list[Change]:
    """Words of ``original`` that its round trip ``back`` replaced, each with its keep reasons.

    Insertions and deletions (articles, ``que``) and words that only moved are ignored. ``known``
    is ``word -> bool`` (the target dictionary), ``suspect`` is ``(start, end) -> bool`` (the
    glossary); either may be None.
    """
    o, b = tokens(original, offset), tokens(back)
    ol, bl = [t.low for t in o], [t.low for t in b]
    pivot_words = [t.low for t in tokens(pivot)]
    out: list[Change] = []
    sm = SequenceMatcher(None, ol, bl, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "replace":
            continue
        block_b = [t for t in b[j1:j2] if t.low not in ol]  # words merely moved do not count
        for k in range(i1, i2):
            w = o[k]
            if w.low in bl or not block_b:
                continue  # the word is still there, elsewhere: reordering
            partner, score = _pair(w, block_b)
            if partner is not None and score >= 0.5:
                sugg = partner.text
            elif i2 - i1 == 1 and len(block_b) <= 3:
                sugg = " ".join(t.text for t in block_b)
                partner = block_b[0] if len(block_b) == 1 else None
            else:
                continue
            ch = Change(w.start, w.end, w.text, sugg)
            quoted = _inside_quotes(original, w.start - offset)
            ch.reasons = _reasons(w, partner, sugg, k == 0, pivot_words, known, suspect, quoted)
            if (pivot_known is not None and "unknown" in ch.reasons and pivot_known(w.low)
                    and (w.text[0].isupper() or w.low in pivot_words)):
                # An English common word inside a name (Amazon Web Services) is kept on purpose,
                # and so is a loanword the pivot keeps as it is (the pit of a pit stop): telling
                # a loanword from English left in is the language checks' job (L103).
                ch.reasons = [r for r in ch.reasons if r not in ("unknown", "accent")]
            out.append(ch)
    return out


def _reasons(w: Token, partner: Token | None, sugg: str, initial: bool, pivot_words: list[str],
             known: Any, suspect: Any, quoted: bool = False) -> list[str]:
    reasons: list[str] = []
    if any(c.isdigit() for c in w.text):
        return reasons  # numbers, times (10h30) and ordinals (1º) come back reformatted
    p = partner.text if partner is not None else sugg
    sugg_known = known is None or all(known(x) for x in sugg.split())
    w_known = known is None or known(w.text)
    # A repair of the form (Coréia -> Coreia, Moscow -> Moscou), not a translation of a loan
    # word (marketplaces -> mercados).
    if not w_known and sugg_known and similarity(w.text, sugg) >= 0.75:
        reasons.append("unknown")
    if partner is not None:
        if fold(w.text) == fold(p) and w.low != p.lower():
            if not w_known:
                reasons.append("accent")
        elif len(w.text) >= 4 and _edits(fold(w.text), fold(p)) <= 2 and sugg_known:
            reasons.append("spelling")
        if not quoted and person_change(w.text, p):
            reasons.append("person")
        if agreement_change(w.text, p):
            reasons.append("agreement")
        if w.text != p and w.low == p.lower() and not initial and w.text[0].isupper():
            reasons.append("case")
    if (pivot_words and len(w.text) >= 5 and w.text[0].islower()
            and (partner is None or similarity(w.text, p) < 0.5) and _is_verb(w.text, known)):
        cognate = max((similarity(w.text, e) for e in pivot_words), default=0.0)
        if cognate >= 0.75 and w.low not in pivot_words:
            reasons.append("false_friend")
    if suspect is not None and suspect(w.start, w.end):
        reasons.append("glossary")
    return reasons


def _is_verb(word: str, known: Any) -> bool:
    """True when ``word`` reads as a form of a verb whose infinitive the dictionary knows."""
    if known is None:
        return False
    for stem, tense, _ in _analyses(word):
        inf = stem + "ar" if tense.endswith("-ar") else stem + tense[-2:] if "-" in tense else None
        if inf and known(inf):
            return True
    return False


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (small words only)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# --- the round trip of a document -----------------------------------------------------------------


@dataclass(slots=True)
class SentenceTrip:
    segment: Segment
    pivot: str
    back: str
    #: chrF of the round trip against the sentence, after typographic normalisation.
    score: float
    scores: dict[str, float]


@dataclass(slots=True)
class DocumentTrip:
    language: str
    pivot: str
    sentences: list[SentenceTrip]
    #: Sentences left out: not in the document's language, or no words.
    skipped: int = 0


_TRIPS: weakref.WeakKeyDictionary[Document, DocumentTrip] = weakref.WeakKeyDictionary()


def _dictionary(ctx: CheckContext):
    try:
        return ctx.providers.get("dictionary")
    except ProviderUnavailable:
        return None


def in_language(seg_text: str, language: str, variant: str | None, dictionary: Any) -> bool:
    """True when a sentence reads as ``language``: most of its lower-case words are known words.

    Capitalised words (names) do not count. Without a dictionary every sentence with a word passes.
    """
    words = [t.text for t in tokens(seg_text) if t.text[0].islower() and not t.text.isdigit()]
    if not any(c.isalpha() for c in seg_text):
        return False
    if dictionary is None or not words:
        return bool(re.search(r"[^\W\d_]", seg_text))
    try:
        hits = sum(1 for w in words if dictionary.known(w, language, variant))
    except ProviderUnavailable:
        return True
    return hits / len(words) >= 0.75


#: With a progress callback, a document is round-tripped this many sentences per translator
#: thread at a time, and progress is reported after each step. Measured on 80 guard sentences
#: with 2 threads (docs/roundtrip.md): within the run-to-run noise of one call for all of them.
PROGRESS_STEP = 2


def _round_trip(service: Any, texts: list[str], language: str, pivot: str,
                progress: Any, path: str) -> tuple[list[str], list[str]]:
    """``service.round_trip(texts)``; with ``progress(path, done, total)`` set (``ctx.progress``,
    the CLI's progress bar), in steps of a few sentences, reporting the sentences done."""
    if progress is None or not texts:
        return service.round_trip(texts, language, pivot)
    step = max(1, int(getattr(service, "jobs", 1) or 1)) * PROGRESS_STEP
    forth: list[str] = []
    back: list[str] = []
    total = len(texts)
    progress(path, 0, total)
    for i in range(0, total, step):
        f, b = service.round_trip(texts[i : i + step], language, pivot)
        forth.extend(f)
        back.extend(b)
        progress(path, min(i + step, total), total)
    return forth, back


#: Pivots tried, after the configured one, for a document written in the configured pivot
#: language (an English page goes through Portuguese: the same two offline models).
_PIVOTS = ("en", "pt")


def route(service: Any, language: str, variant: str | None, pivot: str) -> str:
    """The pivot a document of ``language`` goes through: the configured one, or for a document
    in that very language the first other pivot the backend has both directions for.

    Raises :class:`DocumentSkipped` (naming the language) when there is none, so that the other
    documents of a mixed folder still get their round trip."""
    for p in dict.fromkeys((pivot, *_PIVOTS)):
        if p != language and service.supports(language, p, variant) and service.supports(p, language, variant):
            return p
    lang = language + (f"-{variant}" if variant else "")
    raise DocumentSkipped(
        f"translator {service.name}: no round-trip route for a {lang} document "
        f"(tried {', '.join(p for p in dict.fromkeys((pivot, *_PIVOTS)) if p != language)}); "
        "choose a roundtrip.backend that has this language"
    )


def document_trip(doc: Document, ctx: CheckContext) -> DocumentTrip:
    """Round-trip every sentence of ``doc`` in its language (once per document, then shared)."""
    trip = _TRIPS.get(doc)
    if trip is not None:
        return trip
    from mtqa.providers import metrics

    language = doc.language or ctx.config.language
    if not language:
        raise DocumentSkipped(
            "round trip: the document language is unknown; pass --language or set `language`"
        )
    variant = doc.variant or ctx.config.variant or None
    service = ctx.providers.get("translator")
    pivot = route(service, language, variant, ctx.config.roundtrip.pivot or "en")
    dictionary = _dictionary(ctx)
    segs = [s for s in doc.sentences if in_language(s.text, language, variant, dictionary)]
    skipped = len(doc.sentences) - len(segs)
    forth, back = _round_trip(service, [s.text for s in segs], language, pivot,
                              ctx.progress, doc.path)
    sentences = []
    for seg, fw, bk in zip(segs, forth, back, strict=True):
        sc = metrics.sentence_scores(normalise(bk), normalise(seg.text))
        sentences.append(SentenceTrip(seg, fw, bk, sc.chrf, sc.to_dict()))
    trip = DocumentTrip(language, pivot, sentences, skipped)
    if sentences:
        corpus = metrics.corpus_scores(
            [normalise(s.back) for s in sentences], [normalise(s.segment.text) for s in sentences]
        )
        doc.meta["roundtrip"] = {
            "backend": service.signature(),
            "pivot": pivot,
            "sentences": len(sentences),
            "skipped_sentences": skipped,
            "corpus": corpus.to_dict(),
            "signatures": metrics.signatures(),
        }
    _TRIPS[doc] = trip
    return trip


def _suspect_fn(ctx: CheckContext, doc: Document):
    """``(start, end) -> bool`` from the glossary provider, when there is one that can tell."""
    try:
        glossary = ctx.providers.get("glossary")
    except ProviderUnavailable:
        return None
    spans_fn = getattr(glossary, "suspect_spans", None)
    if spans_fn is None:
        return None
    try:
        spans = [(int(a), int(b)) for a, b in spans_fn(doc.text, doc.language, doc.variant)]
    except Exception:  # a glossary problem must not stop the round trip
        return None
    return lambda s, e: any(a < e and s < b for a, b in spans)


def document_changes(doc: Document, ctx: CheckContext) -> Iterator[tuple[SentenceTrip, Change]]:
    """Every word-level change of every sentence's round trip, with its keep reasons."""
    trip = document_trip(doc, ctx)
    dictionary = _dictionary(ctx)
    known = None
    if dictionary is not None and dictionary.has(trip.language, doc.variant or ctx.config.variant):
        variant = doc.variant or ctx.config.variant or None

        def known(w: str) -> bool:
            return dictionary.known(w, trip.language, variant)

    pivot_known = None
    if dictionary is not None and dictionary.has(trip.pivot):

        def pivot_known(w: str) -> bool:
            return dictionary.known(w, trip.pivot)

    suspect = _suspect_fn(ctx, doc)
    try:
        lexicon = ctx.providers.get("lexicon")
    except ProviderUnavailable:
        lexicon = None
    for st in trip.sentences:
        for ch in word_changes(st.segment.text, st.back, st.segment.start, pivot=st.pivot,
                               known=known, suspect=suspect, pivot_known=pivot_known):
            if "false_friend" in ch.reasons and lexicon is not None and lexicon.nominal_gender(ch.word.lower()):
                # A noun that is also a verb form ("na tabela", pivot "table"): the cognate is
                # its right translation, not an English verb copied.
                ch.reasons = [r for r in ch.reasons if r != "false_friend"]
            yield st, ch


# --- checks ---------------------------------------------------------------------------------------

@check(
    "R101", "roundtrip-repair", Severity.WARNING,
    category="mistranslation",
    message="Round trip repairs '{text}' to '{suggestion}' ({why})",
    examples=[
        bad("Kim Jong Un [[estressa]] a aliança com Moscou.", suggest="enfatiza"),
        bad("O líder russo está visitando a [[Coréia]] do Norte pela primeira vez.", suggest="Coreia"),
        good("O presidente visitou a Coreia do Norte pela primeira vez em 24 anos."),
        good("Ele também elogiou o papel da Rússia na preservação do equilíbrio no mundo."),
    ],
    needs=("translator",),
    default=False,
)
def roundtrip_repair(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A word the round trip replaces with a likelier one: a misspelling, a false friend, a wrong person.

    ## Why it matters
    Translating a sentence to English and back repairs many machine-translation errors: the
    pre-reform `Coréia` comes back as `Coreia`, the false friend `estressa` (stresses) as
    `enfatiza`, the first person `falei` after a third-person subject as `falou`, and the English
    `Moscow` as `Moscou`. The repaired word is the suspect and the repair is the suggestion.

    ## What fires
    A word the round trip replaced (insertions, deletions and reordering are ignored) that is
    unknown to the dictionary, differs from its repair only in accents, is the same verb in
    another person or number, looks like the English word it was translated from while the round
    trip chose another word (a false friend), or is a glossary suspect. Synonyms and other
    paraphrase are not reported.
    """
    for st, ch in document_changes(doc, ctx):
        kept = [r for r in ch.reasons if r in DEFAULT_FILTERS]
        if kept:
            yield Hit(
                ch.start, ch.end, suggestion=ch.suggestion,
                args={"why": ", ".join(_WHY[r] for r in kept)},
                evidence={"round_trip": st.back, "pivot": st.pivot, "filters": kept,
                          "chrf": round(st.score, 2)},
            )


_WHY = {
    "unknown": "not in the dictionary",
    "accent": "accents differ",
    "spelling": "spelling differs",
    "person": "verb person or number differs",
    "agreement": "gender or number differs",
    "false_friend": "looks like the English word, a possible false friend",
    "glossary": "glossary suspect",
    "case": "capital letter mid-sentence",
}


def min_chrf(ctx: CheckContext) -> float:
    return ctx.config.roundtrip.min_chrf or DEFAULT_MIN_CHRF


@check(
    "R102", "roundtrip-low-similarity", Severity.INFO,
    category="quality",
    message="The round trip of this sentence differs a lot (chrF {chrf:.0f} < {threshold:.0f}): "
    "a translator reads it as '{pivot}'; read it first",
    examples=[
        # Slang the engine cannot carry over comes back far from the original (chrF 42): below a
        # stricter threshold than the default, which sits under every clean guard sentence.
        bad("[[A gente tá ligado que o rolê de ontem foi massa demais da conta, véi.]]",
            config={"roundtrip": RoundTripConfig(min_chrf=45.0)}),
        good("O presidente visitou a Coreia do Norte pela primeira vez em 24 anos, disse a agência."),
    ],
    needs=("translator",),
    default=False,
)
def roundtrip_low_similarity(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A sentence whose round trip comes back very different: triage for the reviewer.

    ## Why it matters
    A garbled sentence rarely survives a round trip, so a low score points the reviewer at
    sentences worth reading first. On its own it is a weak signal (clean idiomatic sentences are
    paraphrased too), so it is information only and its threshold is measured, not guessed.

    ## What fires
    A sentence of at least eight words whose round trip scores below `roundtrip.min_chrf`
    (default measured on the seeds and the clean guard corpus: see docs/roundtrip.md). Quotes and
    dashes are normalised before scoring. The message shows the English pivot (what a translator
    understood the sentence to say, cut at 160 characters), so the reviewer can tell at a
    glance whether the sentence says what it should.
    """
    threshold = min_chrf(ctx)
    speech = [(p.start, p.end) for p in doc.paragraphs if p.text.lstrip()[:1] in ("—", "–")]
    for st in document_trip(doc, ctx).sentences:
        if any(a <= st.segment.start < b for a, b in speech):
            continue  # speech opened by a dash: spoken Portuguese round-trips loosely
        if len(tokens(st.segment.text)) >= MIN_WORDS_R102 and st.score < threshold:
            pivot = " ".join(st.pivot.split())
            yield Hit(
                st.segment.start, st.segment.end, suggestion=None,
                args={"chrf": st.score, "threshold": threshold,
                      "pivot": pivot if len(pivot) <= 160 else pivot[:157].rstrip() + "…"},
                evidence={"round_trip": st.back, "pivot": st.pivot, **st.scores},
            )


# --- R103 literal renderings of English idioms, read from the pivot ------------------------------


@dataclass(frozen=True, slots=True)
class Idiom:
    idiom: str
    pattern: re.Pattern[str]
    literal: tuple[re.Pattern[str], ...]
    fix: str


@functools.cache
def idioms() -> tuple[Idiom, ...]:
    """The English idioms of ``data/idioms_en.yaml`` (entries marked ``skip`` left out)."""
    from mtqa.checks.data import load

    out = []
    for e in load("idioms_en").get("idioms") or []:
        if e.get("skip"):
            continue
        out.append(Idiom(
            e["idiom"], re.compile(e["pattern"], re.IGNORECASE),
            tuple(re.compile(rf"(?<![\w-])(?:{x})(?![\w-])", re.IGNORECASE) for x in e["literal"]),
            e.get("fix", ""),
        ))
    return tuple(out)


@check(
    "R103", "roundtrip-literal-idiom", Severity.WARNING,
    category="calque",
    message="Literal translation of the English idiom '{idiom}': '{text}'; Portuguese says '{fix}'",
    examples=[
        bad("A seca teve um pesado [[pedágio]] sobre os agricultores."),
        bad("Os alto-falantes embalam um [[soco]] para o tamanho."),
        good("A seca afetou duramente os agricultores da região."),
        good("A concessionária cobra pedágio de R$ 10 na rodovia."),
    ],
    languages=("pt",),
    needs=("translator",),
    default=False,
)
def roundtrip_literal_idiom(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A Portuguese sentence whose pivot is an English idiom and whose words translate it literally.

    ## Why it matters
    An engine that does not know an idiom renders its words one by one: *took a heavy toll*
    becomes `teve um pesado pedágio`, *pack a punch* `embalam um soco`, *on the heels of* `aos
    calcanhares de`. The Portuguese phrasing varies from page to page, so a list of Portuguese
    phrases misses most of them; the round trip's English pivot turns them back into the idiom,
    and the idiom is one entry however it was rendered.

    ## What fires
    A sentence whose English pivot contains an idiom of `data/idioms_en.yaml` (English idioms and
    phrasal verbs whose meaning is not the sum of their words, each with a pattern that allows its
    inflections) while the sentence itself holds the word-for-word rendering of the idiom's key
    word (`pedágio` for *toll*, `soco` for *punch*). The finding is on that word, with the
    idiom and what Portuguese says instead.

    ## What stays silent
    A sentence whose pivot has the idiom but whose Portuguese renders it idiomatically (`afetou
    duramente`), and the same Portuguese word where the pivot has no idiom (`cobra pedágio na
    rodovia`: the pivot is a toll). Idioms whose literal rendering is also Portuguese (`em
    espera`, `queda livre`, `luz verde`) are not listed.
    """
    table = idioms()
    for st in document_trip(doc, ctx).sentences:
        pivot = st.pivot
        seen: set[tuple[int, int]] = set()
        for idiom in table:
            if not idiom.pattern.search(pivot):
                continue
            for rx in idiom.literal:
                m = rx.search(st.segment.text)
                if m is None:
                    continue
                span = (st.segment.start + m.start(), st.segment.start + m.end())
                if span in seen:
                    continue
                seen.add(span)
                yield Hit(span[0], span[1], suggestion=None,
                          args={"idiom": idiom.idiom, "fix": idiom.fix},
                          evidence={"pivot": pivot, "idiom": idiom.idiom, "round_trip": st.back})
                break


# --- R104 names translated as common words, read from the pivot ----------------------------------


#: Short words a name may hold between its capitalised words (Bank of America, Call of Duty).
_NAME_GLUE = frozenset("of the and de do da dos das e".split())


def translated_names(original: str, back: str, pivot: str, offset: int = 0, *,
                     known: Any = None, pivot_known: Any = None) -> list[tuple[int, int, str]]:
    """Capitalised Portuguese words that the round trip gives back as an English name.

    A name translated word by word (the game Modern Warfare as `Guerra Moderna`, Office 365 as
    `Escritório 365`) is read by the engine as the name it came from: the pivot has the English name,
    capitalised, and the way back keeps it as it is. Returns ``(start, end, name)`` for each run
    of capitalised original words that the round trip replaced by a run of capitalised words
    found verbatim in the pivot, none of them a Portuguese word and each an English one, while
    the original words are all Portuguese words and none of them is in the pivot.
    """
    if known is None or pivot_known is None:
        return []
    o, b = tokens(original, offset), tokens(back)
    pivot_toks = tokens(pivot)
    pivot_low = {t.low for t in pivot_toks}
    pivot_words = {t.text for t in pivot_toks}
    out: list[tuple[int, int, str]] = []
    sm = SequenceMatcher(None, [t.low for t in o], [t.low for t in b], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "replace" or i2 - i1 > 4 or j2 - j1 > 4:
            continue
        oo, bb = o[i1:i2], b[j1:j2]
        words_b = [t for t in bb if not t.text.isdigit()]
        words_o = [t for t in oo if not t.text.isdigit()]
        if not words_b or not words_o:
            continue
        if not all(t.text[0].isupper() or t.low in _NAME_GLUE for t in words_b):
            continue
        if not words_b[0].text[0].isupper() or not words_o[0].text[0].isupper():
            continue
        name = back[bb[0].start : bb[-1].end]
        if name not in pivot:
            continue  # the pivot must hold the same run, as a name
        content_b = [t for t in words_b if t.low not in _NAME_GLUE]
        if not content_b or all(known(t.text) or known(t.low) for t in content_b):
            continue  # Portuguese words on the way back: a paraphrase, not a name kept
        if not all(pivot_known(t.low) for t in content_b):
            continue  # a code or a made-up name, not English words
        if not all(t.text[0].isupper() or t.low in _NAME_GLUE for t in words_o):
            continue
        # Words of the name left as they were may lead the run: report the rest.
        while words_o and not known(words_o[0].text) and not known(words_o[0].low):
            words_o = words_o[1:]
        if not words_o or any(not known(t.text) and not known(t.low) for t in words_o):
            continue  # the original is not Portuguese there (a name left as it is)
        if any(t.low in pivot_low for t in words_o if t.low not in _NAME_GLUE):
            continue
        if len(words_o) == 1 and len(words_o[0].text) < 5:
            continue  # short words (Sul Motorsport, Rio Open) belong to many local mixed names
        if not _in_foreign_name(original, o, o.index(words_o[0]), o.index(words_o[-1]), offset, known,
                                pivot_words, pivot_known):
            continue  # Portuguese names (Jovem Guarda, Sistema de Seleção Unificada) come back in English too
        out.append((words_o[0].start, words_o[-1].end, name))
    return out


def _in_foreign_name(original: str, o: list[Token], i: int, j: int, offset: int, known: Any,
                     pivot_words: set[str], pivot_known: Any = None) -> bool:
    """True when the words ``o[i..j]`` are part of a name that is partly left in its own
    language (`Xbox Estúdios`, `Call of Duty Guerra Moderna`): the run of capitalised
    words around them, joined by single spaces, holds a word that the pivot keeps as it is and
    that is English or not Portuguese (`Super`, `Duty`); or a number follows them, as in a product's name (`Escritório 365`)."""
    if re.match(r" ?\d", original[o[j].end - offset :]):
        return True

    def joined(a: int, b: int) -> bool:
        return original[o[a].end - offset : o[b].start - offset] == " "

    def name_word(k: int) -> bool:
        w = o[k].text
        return w[0].isupper() or w.lower() in _NAME_GLUE

    a, b = i, j
    while a > 0 and joined(a - 1, a) and name_word(a - 1):
        a -= 1
    while b + 1 < len(o) and joined(b, b + 1) and name_word(b + 1):
        b += 1
    for k in (*range(a, i), *range(j + 1, b + 1)):
        w = o[k].text
        if not w[0].isupper() or w.isdigit() or w not in pivot_words:
            continue  # the foreign part of the name is kept as it is in the pivot
        if (pivot_known is not None and pivot_known(w.lower())) or (not known(w) and not known(w.lower())):
            return True
    return False


@check(
    "R104", "roundtrip-translated-name", Severity.WARNING,
    category="mistranslation",
    message="'{text}' may be a name translated word by word: the round trip reads it as '{name}'",
    examples=[
        bad("A empresa usa o [[Escritório]] 365 desde março."),
        bad("A Microsoft lançou o Xbox [[Estúdios]] no mesmo dia."),
        bad("O estúdio lançou Call of Duty [[Guerra Moderna]] em 2019."),
        good("A empresa usa o Office 365 desde março."),
        good("A Casa Branca negou os rumores sobre a viagem do presidente."),
    ],
    languages=("pt",),
    needs=("translator",),
    default=False,
)
def roundtrip_translated_name(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """A name (a studio, a game, a product, a source) translated as common words.

    ## Why it matters
    Machine translation renders names made of English words word by word: the game Modern Warfare
    becomes `Guerra Moderna`, Office 365 `Escritório 365`, Xbox Studios `Xbox Estúdios`. A word
    list cannot know every name; the translation engine often does, and the round trip shows it:
    the pivot turns the Portuguese words back into the capitalised English name, and the way back
    keeps that name as it is.

    ## What fires
    A run of one to four capitalised Portuguese words (dictionary words, none of them in the
    pivot) that the round trip replaces by a run of capitalised English words found verbatim in
    the pivot, not all of them Portuguese words, when the run is part of a name whose other
    words were left in English (`Call of Duty Guerra Moderna`) or is followed by a number
    (`Escritório 365`). The English name is the suggestion.

    ## What stays silent
    Names whose Portuguese form is established (`Casa Branca`, `Nações Unidas`): the round trip
    brings them back in Portuguese. Portuguese names the engine keeps in English on the way back
    (`Jovem Guarda` as *Young Guard*) when no word of the name is foreign: the round trip cannot
    tell them from a translated name; a single word of fewer than five letters (`Sul Motorsport`).
    Names left in English.
    """
    trip = document_trip(doc, ctx)
    dictionary = _dictionary(ctx)
    variant = doc.variant or ctx.config.variant or None
    if dictionary is None or not dictionary.has(trip.language, variant) or not dictionary.has(trip.pivot):
        return

    def known(w: str) -> bool:
        return dictionary.known(w, trip.language, variant)

    def pivot_known(w: str) -> bool:
        return dictionary.known(w, trip.pivot)

    for st in trip.sentences:
        for a, b, name in translated_names(st.segment.text, st.back, st.pivot, st.segment.start,
                                           known=known, pivot_known=pivot_known):
            yield Hit(a, b, suggestion=name, args={"name": name},
                      evidence={"pivot": st.pivot, "round_trip": st.back})


CHECKS = (roundtrip_repair, roundtrip_low_similarity, roundtrip_literal_idiom, roundtrip_translated_name)
