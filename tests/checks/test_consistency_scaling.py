"""C101 (name written two ways) on junk of capitalised words: the same hits as the direct
algorithm, with work and memory that grow linearly (operations counted, no clock)."""

from __future__ import annotations

import random
from collections import Counter, defaultdict

import pytest

from mtqa.checks import consistency as c
from mtqa.checks import get_check
from mtqa.core.model import Document
from tests.checks._rules import context

_WORDS = [
    "Coreia", "Coréia", "Kim", "Jong", "Un", "un", "Jong-un", "KimJong", "Franca", "França", "A",
    "Na", "São", "Sao", "Paulo", "SãoPaulo", "ΟΔΟΣ", "Οδος", "Σ", "Müller", "Mu\u0308ller", "ﬁat",
    "Fiat", "Straße", "o", "de", "presidente", "ONU",
]
_SEPS = [" ", " ", " ", "-", ". ", ", ", "\n", " - "]


def _doc(text: str) -> Document:
    return Document("t.txt", text, language="pt", variant="BR")


def _reference(doc, ctx):
    """C101 as written before the two passes: every occurrence kept, each name folded whole,
    each hit compared with every hit before it."""
    occurrences = defaultdict(list)
    lower_known = c._lower_known(ctx, doc)
    for sent in doc.sentences:
        text = sent.text
        first = c._TOKEN.search(text)
        first_span = first.span() if first else None
        for run in c._name_runs(text):
            toks = run
            if first_span is not None and toks[0] == first_span and lower_known(first.group()):
                toks = toks[1:]
            for a, b in toks:
                if (a, b) == first_span or text[b:b + 1] == "-" or text[a - 1:a] == "-":
                    continue
                occurrences["1:" + c._fold(text[a:b])].append((sent.start + a, sent.start + b, text[a:b]))
            for i in range(len(toks)):
                for j in range(i + 2, min(len(toks), i + c._MAX_NAME_WORDS) + 1):
                    a, b = toks[i][0], toks[j - 1][1]
                    occurrences["n:" + c._fold(text[a:b])].append((sent.start + a, sent.start + b, text[a:b]))
    known = c._known(ctx, doc) or (lambda w: False)
    reported, out = [], []
    groups = sorted(((k, o) for k, o in occurrences.items() if any(s != o[0][2] for _, _, s in o)),
                    key=lambda kv: -max(len(s) for _, _, s in kv[1]))
    for key, occ in groups:
        forms = Counter(s for _, _, s in occ)
        if key.startswith("1:") and all(known(s) for s in forms):
            continue
        order = {s: i for i, (_, _, s) in reversed(list(enumerate(occ)))}
        best = max(forms, key=lambda s: (forms[s], known(s), -order[s]))
        for a, b, s in occ:
            if s == best or any(a < rb and ra < b for ra, rb in reported):
                continue
            reported.append((a, b))
            out.append((a, b, best, forms[best]))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_same_hits_as_the_direct_algorithm(seed):
    rng = random.Random(seed)
    ctx = context()
    check = get_check("C101")
    fired = 0
    for _ in range(150):
        text = "".join(rng.choice(_WORDS) + rng.choice(_SEPS) for _ in range(rng.randint(3, 80)))
        doc = _doc(text)
        got = [(h.start, h.end, h.suggestion, h.args["count"]) for h in check.run(doc, ctx)]
        assert got == _reference(doc, ctx), text
        fired += bool(got)
    assert fired > 20  # the texts do have names written two ways


def test_a_name_is_folded_from_its_words():
    # What the keys of names of several words rely on: folding a name whose words are joined by
    # a space or a hyphen is folding its words (stripped, then lower-cased as a whole).
    for name, words in [("Kim Jong-un", ["Kim", "Jong", "un"]), ("São Paulo", ["São", "Paulo"]),
                        ("ΟΔΟΣ Αθηνας", ["ΟΔΟΣ", "Αθηνας"]), ("Mu\u0308ller ﬁat", ["Mu\u0308ller", "ﬁat"])]:
        assert c._fold(name) == "".join(map(c._stripped, words)).lower()
    # A final sigma is final only at the end of the whole (lower() looks at what follows).
    assert c._fold("ΟΔΟΣ Α") != c._fold("ΟΔΟΣ") + c._fold("Α")


def test_keys_grow_linearly_with_a_run_of_capitalised_words():
    for n in (200, 2000, 6000):
        text = " ".join(_WORDS[i % 4] for i in range(n))  # one run: Coreia Coréia Kim Jong ...
        keys = [k for _, _, ks in c._name_keys(_doc(text), lambda w: False) for k in ks]
        # Each word alone, and the names of two to six words starting at it: at most 6 per word
        # (every sub-run would be quadratic, and their folding cubic).
        assert n <= len(keys) <= 6 * n
        assert max(len(key) for key, _, _ in keys) <= 2 + 6 * max(map(len, _WORDS[:4]))


def test_names_written_one_way_keep_no_occurrences(monkeypatch):
    passes = []
    real = c._name_keys

    def counted(doc, lower_known, **kw):
        passes.append(doc)
        return real(doc, lower_known, **kw)

    monkeypatch.setattr(c, "_name_keys", counted)
    check = get_check("C101")
    assert check.run(_doc(" ".join(["Kim Jong Un"] * 2000)), context()) == []
    assert len(passes) == 1  # no second pass, so no list of occurrences
    passes.clear()
    hits = check.run(_doc("Kim Jong-un recebeu Putin. Depois, Kim Jong-un e Kim Jong Un assinaram."),
                     context())
    assert [h.suggestion for h in hits] == ["Kim Jong-un"]
    assert len(passes) == 2


def test_repeated_sentences_are_read_once_and_still_counted():
    # The first pass skips a sentence whose text came before; the forms are still counted on
    # every occurrence, and a form that only a repeated sentence holds is still found.
    check = get_check("C101")
    hits = check.run(_doc("A Kim Jong-un falou. " * 3 + "O Kim Jong Un saiu. " + "A Kim Jong-un falou. "),
                     context())
    assert [(h.suggestion, h.args["count"]) for h in hits] == [("Kim Jong-un", 4)]
    hits = check.run(_doc("O Kim Jong Un saiu. " * 3 + "A Kim Jong-un falou. "), context())
    assert [(h.suggestion, h.args["count"]) for h in hits] == [("Kim Jong Un", 3)]
    seen = []
    real = c._name_runs
    try:
        c._name_runs = lambda text: seen.append(text) or real(text)
        list(c._name_keys(_doc("O Kim Jong Un saiu. " * 5), lambda w: True, skip_repeats=True))
    finally:
        c._name_runs = real
    assert seen == ["O Kim Jong Un saiu."]


def test_overlap_with_the_hits_before_is_a_binary_search():
    rng = random.Random(7)
    spans = c._Spans()
    held: list[tuple[int, int]] = []
    for _ in range(3000):
        a = rng.randrange(20000)
        b = a + rng.randint(1, 30)
        want = any(a < rb and ra < b for ra, rb in held)
        assert spans.overlaps(a, b) == want
        if not want:
            spans.add(a, b)
            held.append((a, b))
    assert len(spans.starts) == len(held) and spans.starts == sorted(spans.starts)
