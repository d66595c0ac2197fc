"""The Portuguese pack: its named sets (``sets.yaml``) and the patterns built from them that
more than one part of mtqa reads."""

from __future__ import annotations

import re
from functools import cache

from mtqa.lang import named_set, trie_pattern

#: Lower-case letters of Portuguese words.
_L = "a-zà-öø-ÿ"


@cache
def european_progressive() -> re.Pattern[str]:
    """``estar a`` + infinitive, the European progressive (`está a preparar`), as O103 and the
    variant detector both read it: a form of ``estar`` (set ``estar_forms``, either case), ``a``,
    a lower-case word ending in ``r`` (group ``verb``) and an optional enclitic (``clitic``).
    The infinitive-looking words of fixed phrases (``está a par``, ``a favor``) are in
    :func:`not_progressive`; O103 also asks the lexicon whether the word is a verb."""
    forms = named_set("pt", "estar_forms")
    alts = trie_pattern(sorted({f for w in forms for f in (w, w[:1].upper() + w[1:])}))
    return re.compile(rf"(?<![\w-])(?:{alts})[ \t\u00a0]+a[ \t\u00a0]+(?P<verb>[{_L}]{{2,}}r)"
                      rf"(?P<clitic>-(?:se|me|te|nos|lhe|lhes|o|a|os|as|lo|la|los|las))?(?![\w-])")


@cache
def not_progressive() -> frozenset[str]:
    return frozenset(named_set("pt", "estar_a_not_progressive"))
