"""The glossary Matcher's compiled forms find what the plain definitions find: literal groups
built on first use, and each kind's alternation with its shared look-behind (and the
``(?=\\w)`` guard when every pattern starts with a word character)."""

from __future__ import annotations

import random
import re

import pytest

from mtqa.core import glossary as g
from mtqa.core.config import Config
from mtqa.providers.glossaries import from_config


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bele\s+disse", True),
    (r"(?:por\s+)?último", True),
    (r"[A-ZÁÉ]{2,20}", True),
    (r"\d{1,3}\s+fios", True),
    (r"(?!a)b", True),
    (r"[a-zà-ÿ]+", False),  # the range holds '÷' and '×'
    (r"\s+x", False),
    (r"(?:x)?", False),
    (r"x*y?", False),
    (r"(?:a|-)b", False),
    (r"[^a]x", False),
    (r".x", False),
    (r"(", False),  # does not parse: unsure
])
def test_starts_with_word(pattern, expected):
    assert g._starts_with_word(pattern) is expected


def _plain_alternation(m: g.Matcher) -> list[tuple[re.Pattern, list[g.Entry]]]:
    """The definition: each pattern as its own look-behind, body and look-ahead, one branch each."""
    by_kind: dict[str, list] = {}
    for e in m.entries:
        for p in e.patterns:
            by_kind.setdefault(e.kind, []).append((p, e))
    out = []
    for items in by_kind.values():
        parts = [f"(?P<p{i}>(?<!\\w)" + (f"(?:{p})" if e.case == "exact" else f"(?i:{p})") + "(?!\\w))"
                 for i, (p, e) in enumerate(items)]
        out.append((re.compile("|".join(parts)), [e for _, e in items]))
    return out


def test_shipped_patterns_match_as_their_plain_alternation():
    m = from_config(Config(language="pt", variant="BR")).matcher("pt", "BR")
    rng = random.Random(3)
    words = ("ele disse que ele foi dado uma olhada em Senhor Silva avançando cinco anos "
             "construção 2024 Obter Item 12 fios está a fazer último mas não menos importante "
             "ERRO CRÍTICO DO SISTEMA !!! ... — , ( ) \" 3 de 10 fora").split()
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    texts += ["!" * 500, "a , " * 200, "Senhor Putin disse que ele disse que ele"]
    texts += ["SENHOR Silva disse", "Avançando ſeis anos", "ele diſſe que ele", "İstanbul fora de 10",
              "ΣΣ ele disse que ele", "\u212a fios e 3 fios"]
    for ps, (plain, owners2) in zip(m.pattern_sets, _plain_alternation(m), strict=True):
        assert ps.owners == owners2
        for t in texts:
            want = [(x.span(), x.lastgroup) for x in plain.finditer(t)]
            assert [(x.span(), x.lastgroup) for x in ps.rx.finditer(t)] == want
            # only the branches whose strings are in the text, merged as the alternation would
            assert [(x.span(), x.lastgroup) for x in ps.finditer(t, g._folded(t))] == want


def test_merged_branches_match_as_their_alternation():
    """Overlapping branches, ties at one position, and branches that can match empty."""
    patterns = [r"ab\w*", r"abc", r"b\w+c", r"cab", r"x?", r"ca", r"bcab"]
    parts = [f"(?P<p{i}>(?i:{p})(?!\\w))" for i, p in enumerate(patterns)]
    ps = g._PatternSet(r"(?<!\w)", parts, patterns, [None] * len(patterns))
    whole = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")
    rng = random.Random(5)
    for _ in range(3000):
        t = "".join(rng.choice("abcx ") for _ in range(rng.randint(0, 30)))
        low = g._folded(t)
        assert ([(m.span(), m.lastgroup) for m in ps.finditer(t, low)]
                == [(m.span(), m.lastgroup) for m in whole.finditer(t)]), t
    without_empty = patterns[:4] + patterns[5:]
    parts = [f"(?P<p{i}>(?i:{p})(?!\\w))" for i, p in enumerate(without_empty)]
    ps = g._PatternSet(r"(?<!\w)", parts, without_empty, [None] * len(without_empty))
    whole = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")
    for _ in range(3000):
        t = "".join(rng.choice("abcx ") for _ in range(rng.randint(0, 30)))
        assert ([(m.span(), m.lastgroup) for m in ps.finditer(t, g._folded(t))]
                == [(m.span(), m.lastgroup) for m in whole.finditer(t)]), t


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bele\s+(?:disse|afirmou)\s+que", {"disse", "afirmou"}),
    (r"(?:por\s+)?último,?\s+mas", {"último"}),
    (r"Senhora?\s+[A-Z]\w+", {"senhor"}),
    (r"\d{1,3}\s+(?:fios|linhas)", {"fios", "linhas"}),
    (r"[A-Z]{2,20}(?: [A-Z]{2,20}){1,6}", None),  # no string of two characters in every match
    (r"a(?:b|)c", None),
    (r"x(?=tapete)", None),  # a look-ahead is not part of the match
    (r"diſſe", {"di"}),  # 'ſ' also matches 's' when case is ignored: not part of a string
    (r"(", None),
])
def test_required_literals(pattern, expected):
    got = g._required_literals(pattern)
    assert (set(got) if got is not None else None) == expected


def test_folded_refuses_texts_where_lower_and_ignorecase_differ():
    assert g._folded("Ação e Reação") == "ação e reação"
    for trap in ("\u0130", "\u03a3", "\u017f", "\u212a", "\u00b5"):
        assert g._folded(f"texto {trap} aqui") is None


def test_index_lists_every_literal_form():
    gl = from_config(Config(language="pt", variant="BR"))
    m = gl.matcher("pt", "BR")
    forms = sum(1 for e in m.entries for f in e.forms if re.search(r"\w", f))
    assert sum(len(v) for v in m.index.values()) == forms
    for first, lits in m.index.items():
        assert all(lit.words[0] == first for lit in lits)
        assert [len(lit.words) for lit in lits] == sorted((len(lit.words) for lit in lits), reverse=True)


def test_scan_remembers_sentences_and_moves_their_matches():
    gl = from_config(Config(language="pt", variant="BR"))
    m = gl.matcher("pt", "BR")
    s1 = "A agência de notícias estadual da Coréia informou que ele disse que ele viria."
    s2 = "Nada a relatar aqui."
    segments = [(0, s1), (100, s2), (200, s1), (400, s1)]

    def plain(segs):
        out = [x for off, t in segs for x in m.find(t, off)]
        return sorted((x.start, x.end, x.entry.id, x.text, x.suggestion) for x in out)

    first = m.scan(segments)
    assert first, "the sentence holds glossary matches"
    assert [(x.start, x.end, x.entry.id, x.text, x.suggestion) for x in first] == plain(segments)
    # the repeats at 200 and 400 have the matches of the first, moved
    starts = {x.start for x in first if x.entry.id == first[0].entry.id}
    assert {first[0].start + 200, first[0].start + 400} <= starts
    again = m.scan([(7, s1)])  # from the memo, at its own offset
    assert [(x.start - 7, x.end - 7) for x in again] == [(x.start, x.end) for x in m.find(s1)]
    assert s1 in m._memo
    gl.forget_answers()
    assert not m._memo


def test_scan_memo_is_bounded(monkeypatch):
    m = from_config(Config(language="pt", variant="BR")).matcher("pt", "BR")
    monkeypatch.setattr(m, "MEMO_MAX", 5)
    m.scan([(i * 10, f"frase {i}") for i in range(12)])
    assert len(m._memo) <= 5


def test_scan_finds_what_find_finds_in_each_segment():
    # scan() tests once, on all the segments together, which literals the patterns need: a
    # literal no segment holds is not tested per segment. The matches are find()'s on each.
    cfg = Config(language="pt", variant="BR")
    matcher = from_config(cfg).matcher("pt", "BR")
    texts = [x.plain for e in matcher.entries for x in e.examples if x.fires][:300]
    texts += ["ΣΟΦΙΑ disse isso.", "O İstanbul vence.", "Nada aqui."]
    rng = random.Random(3)
    for _ in range(20):
        segs = rng.sample(texts, 12)
        offsets = []
        pos = 0
        for t in segs:
            offsets.append(pos)
            pos += len(t) + 1
        matcher._memo.clear()
        got = [(m.start, m.end, m.entry.id) for m in matcher.scan(list(zip(offsets, segs, strict=True)))]
        want = sorted(((m.start + off, m.end + off, m.entry.id) for off, t in zip(offsets, segs, strict=True)
                       for m in matcher.find(t)), key=lambda x: x)
        assert got == sorted(got) and sorted(got) == want
