"""Similarity scores with sacrebleu: sentence and corpus chrF, BLEU and TER, with signatures.

BLEU on one sentence uses ``effective_order=True`` (sacrebleu warns otherwise: short sentences have
no 4-gram matches). The signatures (sacrebleu's ``nrefs:1|case:mixed|...|version:2.6.0``) are
recorded with every score so a number can be reproduced.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

_lock = threading.Lock()


@cache
def _metrics() -> dict[str, Any]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    return {
        "chrf": CHRF(),
        "bleu": BLEU(effective_order=True),
        "ter": TER(),
        "bleu_corpus": BLEU(),
    }


@dataclass(frozen=True, slots=True)
class Scores:
    """chrF and BLEU (0-100, higher is closer) and TER (edits per reference word x 100)."""

    chrf: float
    bleu: float
    ter: float

    def to_dict(self) -> dict[str, float]:
        return {"chrf": round(self.chrf, 2), "bleu": round(self.bleu, 2), "ter": round(self.ter, 2)}


def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF of ``hypothesis`` against ``reference``."""
    with _lock:
        return _metrics()["chrf"].sentence_score(hypothesis, [reference]).score


def sentence_scores(hypothesis: str, reference: str) -> Scores:
    """chrF, BLEU (effective order) and TER of one sentence against one reference."""
    m = _metrics()
    with _lock:
        return Scores(
            m["chrf"].sentence_score(hypothesis, [reference]).score,
            m["bleu"].sentence_score(hypothesis, [reference]).score,
            m["ter"].sentence_score(hypothesis, [reference]).score,
        )


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> Scores:
    """Corpus-level chrF, BLEU and TER (one reference per hypothesis)."""
    m = _metrics()
    refs = [list(references)]
    with _lock:
        return Scores(
            m["chrf"].corpus_score(list(hypotheses), refs).score,
            m["bleu_corpus"].corpus_score(list(hypotheses), refs).score,
            m["ter"].corpus_score(list(hypotheses), refs).score,
        )


def signatures() -> dict[str, str]:
    """sacrebleu's signature of each metric, e.g. ``nrefs:1|case:mixed|eff:yes|...``."""
    m = _metrics()
    return {
        "chrf": str(m["chrf"].get_signature()),
        "bleu": str(m["bleu"].get_signature()),
        "ter": str(m["ter"].get_signature()),
    }
