"""Consistency within one document (C1xx): a name written two ways, two variants mixed.

Machine translation translates sentence by sentence, so nothing keeps a name or a spelling the same
across an article: `Coréia` in one paragraph and `Coreia` in the next, `Kim Jong Un` and
`Kim Jong-un`, `económica` next to `cerimônia`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache

from mtqa.checks.base import Hit, bad, check, good
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document, Severity

_TOKEN = re.compile(r"\w+")


#: Longest name C101 compares, in words.
_MAX_NAME_WORDS = 6


@lru_cache(maxsize=8192)
def _fold(s: str) -> str:
    """Lower-cased, accents removed, spaces and hyphens dropped: the identity of a name."""
    return _stripped(s).lower()


@lru_cache(maxsize=8192)
def _stripped(s: str) -> str:
    """:func:`_fold` before lower-casing. Of a run of words joined by spaces or hyphens, it is the
    words' own stripped forms joined (a space or a hyphen decomposes to itself and no mark moves
    across it), so a name of several words is folded from its words' cached forms; lower() is
    applied to the whole (a Greek final sigma depends on what follows it)."""
    nfkd = unicodedata.normalize("NFKD", s)
    return "".join(c for c in nfkd if not unicodedata.combining(c) and c not in " -\u00a0")


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() and not tok[:1].isdigit() and not (len(tok) > 1 and tok.isupper())


#: Where a run can start: a word whose first character is not a digit, an underscore or a
#: lower-case Latin letter. A superset of the capitalised words, found without a Python loop over
#: the lower-case words in between, whole (the word is the ``\\w+`` that starts there).
_MAYBE_CAP = re.compile(r"(?<!\w)[^\W\da-z\u00df-\u00f6\u00f8-\u00ff_]\w*")


#: What may join two words of a name (``text[b:b + 1]`` is empty at the end of the text).
_JOINS = (" ", "-")


def _name_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words joined by one space or a hyphen (a hyphen may also join a
    lower-case syllable, as in ``Jong-un``)."""
    runs: list[list[tuple[int, int]]] = []
    search, match = _MAYBE_CAP.search, _TOKEN.match
    pos = 0
    while (m := search(text, pos)) is not None:
        a, b = m.span()
        pos = b
        if not (text[a].isupper() and _is_cap(m.group())):
            continue
        cur = [(a, b)]
        # Extend the run word by word; the word that ends it may start the next run. The word
        # must follow one space or one hyphen: anything else ends the run without a search.
        while (sep := text[b:b + 1]) in _JOINS and (m := match(text, b + 1)) is not None:
            if (sep == "-" and m.group().isalpha()) or (sep == " " and _is_cap(m.group())):
                cur.append(m.span())
                b = m.end()
            else:
                break
        runs.append(cur)
        pos = b
    return runs


def _known(ctx, doc: Document):
    try:
        d = ctx.providers.get("dictionary")
    except ProviderUnavailable:
        return None
    lang = doc.language or "pt"
    if not d.has(lang, doc.variant):
        return None
    return lambda w: all(d.known(t, lang, doc.variant) for t in _TOKEN.findall(w))


def _lower_known(ctx, doc: Document):
    """Whether a capitalised word is a common word (its lower-case form is in the dictionary).
    Without a dictionary, short words are taken as common."""
    try:
        d = ctx.providers.get("dictionary")
    except ProviderUnavailable:
        d = None
    lang = doc.language or "pt"
    if d is None or not d.has(lang, doc.variant):
        return lambda w: len(w) <= 3
    return lambda w: d.known(w.lower(), lang, doc.variant)


@check(
    "C101", "name-written-two-ways", Severity.WARNING, category="inconsistency",
    message="'{text}' is written '{suggestion}' elsewhere in this document ({count}x)",
    examples=[
        bad("O líder visita a Coreia do Norte. A [[Coréia]] do Norte recebeu Putin. "
            "A Coreia do Norte está sob sanções.", suggest="Coreia"),
        bad("Kim Jong-un recebeu Putin. Depois, Kim Jong-un e [[Kim Jong Un]] assinaram.",
            suggest="Kim Jong-un"),
        good("Kim Jong-un recebeu Putin em Pyongyang. Kim Jong-il morreu em 2011."),
        good("PARA O GOVERNO, o plano é bom. Para a oposição, não. O Pará votou contra."),
        good("Os calçados de Franca, no interior paulista, são vendidos na França e na Itália."),
    ],
    languages=("pt", "it", "es", "en"),
)
def name_written_two_ways(doc, ctx):
    """The same name (or word) written in two ways in one document.

    ## Why it matters
    Each sentence is translated on its own, so one article ends up with `Coréia` and `Coreia`,
    `Kim Jong Un` and `Kim Jong-un`. The reader wonders whether they are two things.

    ## What fires
    Capitalised names that differ only in accents, spaces or hyphens. Single words whose every
    form the dictionary accepts are two words, not one misspelt (`Franca`, the city, and
    `França`), and stay silent. The form used most often
    (or, on a tie, the one the dictionary accepts, else the first) is taken as the document's own;
    the others are reported with it as the suggestion. A capitalised word starting a sentence on
    its own and words in capitals (headlines) are not compared.
    """
    lower_known = _lower_known(ctx, doc)
    # Two passes over the names: the first keeps each key's first form only (or that it has
    # several), the second the occurrences of the keys with several forms. A document of names
    # that are all written one way (junk of capitalised words, or a clean article) keeps no list
    # of occurrences, and most articles need no second pass.
    first: dict[str, object] = {}
    several = False
    # The keys of a sentence are those of its text: a sentence written again (junk of one
    # sentence repeated, page furniture) adds no key and no form, and is skipped here.
    for text, _off, keys in _name_keys(doc, lower_known, skip_repeats=True):
        for key, a, b in keys:
            f = first.get(key)
            if f is None:
                first[key] = text[a:b]
            elif f is not _SEVERAL and f != text[a:b]:
                first[key] = _SEVERAL
                several = True
    if not several:
        return
    occurrences: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for text, off, keys in _name_keys(doc, lower_known):
        for key, a, b in keys:
            if first[key] is _SEVERAL:
                occurrences[key].append((off + a, off + b, text[a:b]))
    del first
    known = None
    reported = _Spans()
    # Names written one way only say nothing; the others, longest first (a stable sort).
    groups = sorted(
        ((key, occ) for key, occ in occurrences.items() if any(s != occ[0][2] for _, _, s in occ)),
        key=lambda kv: -max(len(s) for _, _, s in kv[1]),
    )
    for key, occ in groups:
        forms = Counter(s for _, _, s in occ)
        if known is None:
            known = _known(ctx, doc) or (lambda w: False)
        if key.startswith("1:") and all(known(s) for s in forms):
            continue  # two words, each spelled right: "Franca" (the city) and "França"
        order = {s: i for i, (_, _, s) in reversed(list(enumerate(occ)))}
        best = max(forms, key=lambda s: (forms[s], known(s), -order[s]))
        for a, b, s in occ:
            if s == best or reported.overlaps(a, b):
                continue
            reported.add(a, b)
            yield Hit(a, b, suggestion=best, args={"count": forms[best]})


#: A key written in more than one way (see name_written_two_ways).
_SEVERAL = object()


def _name_keys(doc: Document, lower_known, skip_repeats: bool = False
               ) -> Iterator[tuple[str, int, list[tuple[str, int, int]]]]:
    """For each sentence with capitalised words: its text, its offset and the names C101 compares
    in it, as ``(key, start, end)`` in the sentence, in order (each run's words on their own,
    then its names of two to six words). The key is the name folded (:func:`_fold`), ``1:`` or
    ``n:`` for one word or more. With ``skip_repeats``, a sentence whose text came before is
    left out (its keys depend on its text alone)."""
    fold, strip = _fold, _stripped
    seen: set[str] = set()
    for sent in doc.sentences:
        text = sent.text
        if skip_repeats:
            if text in seen:
                continue
            seen.add(text)
        runs = _name_runs(text)
        if not runs:
            continue
        first = _TOKEN.search(text)  # the sentence's first word
        first_span = first.span() if first else None
        keys: list[tuple[str, int, int]] = []
        for run in runs:
            toks = run
            if first_span is not None and toks[0] == first_span and lower_known(first.group()):
                # A sentence-initial common word ("A", "Na", "Para") is not part of the name.
                toks = toks[1:]
            for a, b in toks:
                if (a, b) == first_span or text[b:b + 1] == "-" or text[a - 1:a] == "-":
                    continue
                keys.append(("1:" + fold(text[a:b]), a, b))
            n = len(toks)
            if n < 2:
                continue
            # The words of a run are joined by one space or hyphen, which folding drops: a name's
            # key is its words' stripped forms joined, then lower-cased (as _fold of the span).
            # lower() is context-free but for a capital sigma, so without one the words are
            # lower-cased on their own.
            parts = [strip(text[a:b]) for a, b in toks]
            sigma = any("\u03a3" in p for p in parts)
            if not sigma:
                parts = [p.lower() for p in parts]
            ends = [b for _, b in toks]
            for i in range(n):
                # Names of up to six words: all sub-runs of a long run of capitals grow with the
                # cube of its length (a 10 KB line of capitalised words took minutes).
                a = toks[i][0]
                key = "n:" + parts[i]
                for j in range(i + 1, min(n, i + _MAX_NAME_WORDS)):
                    key += parts[j]
                    keys.append((key.lower() if sigma else key, a, ends[j]))
        yield text, sent.start, keys


class _Spans:
    """Disjoint spans, kept sorted: whether a new span overlaps one of them is a binary search
    (a list scanned for each hit made C101 quadratic in its hits)."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` overlaps a span held (``a < end and start < b``)."""
        # Disjoint spans sorted by start are sorted by end too: of those starting before b, the
        # last ends last.
        i = bisect.bisect_left(self.starts, b) - 1
        return i >= 0 and a < self.ends[i]

    def add(self, a: int, b: int) -> None:
        """Add ``[a, b)``, which overlaps no span held."""
        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


@check(
    "C102", "mixed-variants", Severity.WARNING, category="orthography",
    message="'{text}' is {minority}, but this document also uses {majority} forms ({counts})",
    examples=[
        bad("A ajuda [[económica]] chegou. A cerimônia foi longa e o fenômeno, raro. O ônibus atrasou.",
            suggest="econômica", variant=""),
        good("A ajuda econômica chegou. A cerimônia foi longa e o fenômeno, raro.", variant=""),
        good("A ajuda económica chegou. A cerimónia foi longa.", variant=""),
    ],
    languages=("pt",),
    needs=("glossary",),
)
def mixed_variants(doc, ctx):
    """A Portuguese document without a configured variant that mixes pt-PT and pt-BR forms.

    ## Why it matters
    A text is written in one variant. Machine translation trained on both produces `económica`
    next to `cerimônia` and `está a agravar-se` next to `está visitando`. With a configured
    variant, G104 reports every form of the other variant instead.

    ## What fires
    When the glossary's variant entries find forms of both variants, the forms of the less
    frequent variant (on a tie, pt-PT) are reported with their pt-BR or pt-PT equivalent.
    """
    if doc.variant:
        return
    prov = ctx.providers.get("glossary")
    pt_forms = prov.variant_matches(doc, "BR")  # pt-PT forms, flagged for BR documents
    br_forms = prov.variant_matches(doc, "PT")  # pt-BR forms, flagged for PT documents
    if not pt_forms or not br_forms:
        return
    if len(pt_forms) <= len(br_forms):
        minority, minority_name, majority_name = pt_forms, "pt-PT", "pt-BR"
    else:
        minority, minority_name, majority_name = br_forms, "pt-BR", "pt-PT"
    counts = f"{len(br_forms)} pt-BR, {len(pt_forms)} pt-PT forms"
    for m in minority:
        yield Hit(m.start, m.end, suggestion=m.suggestion,
                  args={"minority": minority_name, "majority": majority_name, "counts": counts})


_VARIANT_WORD = re.compile(r"(?<![^\W\d_])[a-zà-öø-ÿ]{4,}(?![^\W\d_-])")


@check(
    "C103", "mixed-variant-spellings", Severity.WARNING, category="orthography",
    message="'{text}' is spelled the {minority} way, but this document spells other words the "
    "{majority} way ({counts})",
    examples=[
        bad("A ajuda [[económica]] chegou. O fenômeno foi raro, a cerimônia longa e o gênero novo.",
            suggest="econômica", variant=""),
        bad("A [[recepção]] foi cedo. O fenómeno e a cerimónia; o género e a receção.",
            suggest="receção", variant=""),
        good("A ajuda econômica chegou; o fenômeno foi raro e a recepção, cedo.", variant=""),
        good("A ajuda económica chegou; o fenómeno foi raro e a receção, cedo.", variant=""),
        good("A ajuda económica chegou. O fenômeno foi raro.", variant="BR"),
    ],
    languages=("pt",),
    needs=("dictionary",),
)
def mixed_variant_spellings(doc, ctx):
    """A few spellings of one variant among more of the other (`económica` among `fenômeno`).

    ## Why it matters
    A text is written in one variant. An engine trained on both writes `económica` next to
    `fenômeno`, `cerimônia` and `gênero`; without a configured or detected variant, the minority spellings are the odd
    ones out.

    ## What fires
    Only when the document's variant is unknown: the words one hunspell list rejects and the
    other accepts, whose counterpart in the other variant is a word of that list (the other
    accent before `m`/`n`, a `c`/`p` said in one variant and not the other; see O106). When both
    variants' spellings occur and one variant has more, the others are reported with their
    counterpart.

    ## What stays silent
    Documents whose variant is known (O106 reports the other variant's spellings there), words
    both lists accept (`facto`, `facção`), and ties.
    """
    if doc.variant:
        return
    try:
        d = ctx.providers.get("dictionary")
    except ProviderUnavailable:
        return
    if not (d.has("pt", "BR") and d.has("pt", "PT")):
        return
    from mtqa.checks.orthography import variant_counterpart

    found: dict[str, list[tuple[int, int, str]]] = {"BR": [], "PT": []}
    verdict: dict[str, tuple[str, str] | None] = {}
    for m in _VARIANT_WORD.finditer(doc.text):
        w = m.group()
        if w not in verdict:
            verdict[w] = None
            for var, other in (("BR", "PT"), ("PT", "BR")):
                fix = variant_counterpart(d, w, var)  # w spelled as `other` would, fixed for `var`
                if fix is not None:
                    verdict[w] = (other, fix)
                    break
        v = verdict[w]
        if v is not None:
            found[v[0]].append((m.start(), m.end(), v[1]))
    br, pt = found["BR"], found["PT"]
    if not br or not pt or len(br) == len(pt):
        return
    minority, name, major = (pt, "pt-PT", "pt-BR") if len(pt) < len(br) else (br, "pt-BR", "pt-PT")
    counts = f"{len(br)} pt-BR, {len(pt)} pt-PT spellings"
    for a, b, fix in minority:
        yield Hit(a, b, suggestion=fix, args={"minority": name, "majority": major, "counts": counts})


CHECKS = (name_written_two_ways, mixed_variants, mixed_variant_spellings)
