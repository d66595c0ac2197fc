"""The benchmark's corpus builder: deterministic, the requested size, made of pool sentences."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


POOL = [f"Frase número {i} do conjunto." for i in range(40)]


def test_deterministic_and_seed_dependent(bench):
    a = bench.build_corpus(POOL, 30, seed=1)
    assert a == bench.build_corpus(POOL, 30, seed=1)
    assert a != bench.build_corpus(POOL, 30, seed=2)
    assert len(a) == 30 and len(bench.build_corpus(POOL, 0)) == 0


def test_articles_are_made_of_pool_sentences(bench):
    for text in bench.build_corpus(POOL, 50, seed=7):
        headline, blank, *_ = text.split("\n")
        assert headline in POOL and blank == ""
        sents = _sentences(text)
        assert 8 <= len(sents) <= 16
        assert len(set(sents)) == len(sents) and set(sents) <= set(POOL)
        assert text.endswith("\n") and "\n\n\n" not in text


def test_small_pool_and_empty_pool(bench):
    texts = bench.build_corpus(POOL[:3], 5)
    assert all(len(_sentences(t)) == 3 for t in texts)
    with pytest.raises(ValueError):
        bench.build_corpus([], 3)


def _sentences(text: str) -> list[str]:
    from mtqa.core.model import Document

    return [s.text for s in Document("x", text).sentences]


def test_pool_from_the_repository(bench):
    files = bench.source_files()
    assert any(p.parent.name == "seeds" for p in files) and any(p.parent.name == "pt_BR" for p in files)
    pool = bench.sentence_pool(files)
    assert len(pool) > 500 and all(s.strip() == s and s for s in pool)


def test_distinct_corpus_repeats_no_sentence(bench):
    pool = [f"Frase distinta número {i}." for i in range(30)] + ["Frase distinta número 3."]
    texts = bench.distinct_corpus(pool, per_article=7)
    sentences = [s for t in texts for line in t.split("\n") if line for s in line.split(". ") if s]
    assert len(texts) == 5
    flat = " ".join(texts)
    for i in range(30):
        assert flat.count(f"número {i}.") == 1
    assert len(sentences) >= 30
