"""Every example of every check, run by one generic test (LanguageTool's testrules idea).

A ``bad`` example must produce findings exactly at its ``[[marked]]`` spans (and the declared
suggestion, when given); a ``good`` example must produce none.
"""

from __future__ import annotations

import os

import pytest

from mtqa.checks import CheckContext, all_checks
from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document
from mtqa.providers import Providers

# Source-aware checks need a source document beside each example: tests/engine/test_align.py
# runs their examples with an aligner built from the example's source text. Bilingual checks
# need a unit's source: tests/readers/test_bilingual.py runs their examples as one unit each.
CASES = [
    pytest.param(c, i, ex, id=f"{c.code}-{'bad' if ex.fires else 'good'}{i}")
    for c in all_checks()
    if "aligner" not in c.needs and c.module != "mtqa.checks.bilingual"
    for i, ex in enumerate(c.examples)
]

_PROVIDERS: dict[tuple, Providers] = {}


def _ctx(ex) -> CheckContext:
    cfg = Config(language=ex.language, variant=ex.variant)
    for k, v in ex.config.items():
        setattr(cfg, k, v)
    key = (ex.language, ex.variant, tuple(sorted(map(str, ex.config.items()))))
    if key not in _PROVIDERS:
        _PROVIDERS[key] = Providers(cfg)
    return CheckContext(cfg, _PROVIDERS[key])


#: In CI (``MTQA_STRICT_PROVIDERS=1``, set by .ci/run once the word lists are installed) an
#: example whose provider is missing fails instead of skipping: a broken setup must not turn
#: the examples of every dictionary check into silent skips.
STRICT = os.environ.get("MTQA_STRICT_PROVIDERS") == "1"


def _unavailable(reason: str) -> None:
    if STRICT:
        pytest.fail(f"provider unavailable with MTQA_STRICT_PROVIDERS=1: {reason}")
    pytest.skip(reason)


@pytest.mark.parametrize(("chk", "i", "ex"), CASES)
def test_example(chk, i, ex):
    ctx = _ctx(ex)
    for need in chk.needs:
        reason = ctx.providers.unavailable(need)
        if reason:
            _unavailable(reason)
    doc = Document("<example>", ex.plain, language=ex.language, variant=ex.variant)
    try:
        hits = chk.run(doc, ctx)
    except ProviderUnavailable as exc:
        _unavailable(str(exc))
    spans = sorted((h.start, h.end) for h in hits)
    if ex.fires:
        assert spans == sorted(ex.spans), (
            f"{chk.code} on {ex.text!r}: expected {ex.spans}, got "
            f"{[(s, e, ex.plain[s:e]) for s, e in spans]}"
        )
        if ex.suggest is not None:
            assert [h.suggestion for h in hits] == [ex.suggest] * len(hits)
    else:
        assert spans == [], f"{chk.code} fired on clean text {ex.text!r}: " + str(
            [ex.plain[s:e] for s, e in spans]
        )


@pytest.mark.parametrize("chk", all_checks(), ids=lambda c: c.code)
def test_every_check_has_examples_both_ways(chk):
    assert any(e.fires for e in chk.examples), f"{chk.code} has no example that must fire"
    assert any(not e.fires for e in chk.examples), f"{chk.code} has no example that must stay silent"


@pytest.mark.parametrize("chk", all_checks(), ids=lambda c: c.code)
def test_every_check_is_documented(chk):
    assert chk.fn.__doc__ and chk.summary and len(chk.summary) < 120
    assert chk.summary.endswith("."), f"{chk.code}: summary line should be a sentence"
