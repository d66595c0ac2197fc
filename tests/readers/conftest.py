"""Shared texts and one engine for the reader tests: Portuguese news sentences of our own with
planted artifacts (a spaced compound, a doubled word, a missing accent)."""

from __future__ import annotations

import pytest

from mtqa.core.config import Config
from mtqa.engine.runner import Engine, run

#: Three paragraphs; the first two hold the artifacts, the third is clean.
P1 = "O líder norte -coreano chegou a Moscou na quarta-feira para uma visita de de dois dias."
P2 = "Segundo a agência estatal, a informacao foi confirmada pelo governo russo nesta manhã."
P3 = "O presidente disse que o acordo vai reforçar a cooperação entre os dois países vizinhos."
PARAGRAPHS = (P1, P2, P3)
#: What the .txt of the three paragraphs gives: (code, matched text).
EXPECTED = [("S101", "norte -coreano"), ("D103", "de de"), ("O105", "informacao")]


@pytest.fixture(scope="session")
def config() -> Config:
    return Config(language="pt", variant="BR", review_file="")


@pytest.fixture(scope="session")
def engine(config) -> Engine:
    return Engine(config)


@pytest.fixture
def lint(engine, config):
    """``lint(path)`` -> the run's result, and the file's text."""

    def go(*paths):
        return run([str(p) for p in paths], config, engine=engine)

    return go


def found(result, path=None):
    """(code, text) of the findings (of one path), in order."""
    return [(f.code, f.text) for f in result.findings if path is None or f.path == str(path)]


def said(result, path=None):
    """(code, message) of the findings: what the checks said of the prose, in order (a span
    that crosses markup has the markup in its ``text``, not in its message)."""
    return [(f.code, f.message) for f in result.findings if path is None or f.path == str(path)]


def assert_slices(result, path, raw: str) -> None:
    """Every finding of ``path`` slices the file's text at its offsets, line and column."""
    from mtqa.core.model import Document

    doc = Document(str(path), raw)
    for f in result.findings:
        if f.path != str(path):
            continue
        assert raw[f.start : f.end] == f.text, f
        assert doc.position(f.start) == (f.line, f.column), f
        assert doc.position(f.end) == (f.end_line, f.end_column), f
