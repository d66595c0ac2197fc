"""Clean, professionally written pt-BR (tests/guard/pt_BR): glossary and consistency checks raise at
most 1 finding per 1,000 words, with the variant configured and without it."""

from __future__ import annotations

import pytest

from mtqa.core.config import Config
from mtqa.engine.runner import run
from tests.conftest import GUARD

RATE = 1.0  # findings per 1,000 words


@pytest.mark.parametrize("variant", ["BR", ""])
def test_guard_false_alarm_rate(variant):
    files = sorted(GUARD.glob("*.txt"))
    assert files, "guard corpus missing"
    cfg = Config(language="pt", variant=variant, select=["G", "C"], review_file="")
    result = run([str(f) for f in files], cfg, use_review=False)
    assert not result.errors
    assert not {c for c in result.skipped if c.startswith(("G", "C"))}, result.skipped
    words = sum(d.word_count for d in result.documents)
    rate = 1000 * len(result.findings) / words
    assert rate <= RATE, "\n".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.text!r}" for f in result.findings)


def test_trap_words_used_correctly_file_is_silent():
    """Our own guard file uses every trap word in its legitimate sense: not one finding."""
    f = GUARD / "91_armadilhas_usadas_corretamente.txt"
    text = f.read_text(encoding="utf-8")
    for phrase in ("o governo estadual de Minas", "um telegrama de condolências", "eventualmente chove",
                   "realizar uma reunião", "assistir ao jogo"):
        assert phrase.lower() in text.lower()
    assert len(text.split()) >= 300
    cfg = Config(language="pt", variant="BR", select=["G", "C"], review_file="")
    result = run([str(f)], cfg, use_review=False)
    assert result.findings == []
