"""Clean, professionally written European Portuguese (tests/guard/pt_PT) must draw no finding from
any default check, and must be detected as Portuguese, variant PT, when no language is configured.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.core.config import Config
from mtqa.core.model import Finding
from mtqa.engine.runner import Result, run
from mtqa.engine.select import select_checks
from tests.conftest import ROOT

GUARD_PT = ROOT / "tests" / "guard" / "pt_PT"
GUARD_FILES = sorted(GUARD_PT.glob("*.txt"))
MIN_WORDS = 2500


def _show(findings: list[Finding]) -> str:
    return "\n".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.text!r} {f.message}" for f in findings)


def _run(config: Config) -> Result:
    return run([str(p) for p in GUARD_FILES], config, use_review=False)


@pytest.fixture(scope="module")
def configured() -> Result:
    """All default checks over the guard, as a pt-PT user runs them (`--language pt --variant PT`)."""
    return _run(Config(language="pt", variant="PT", review_file=""))


@pytest.fixture(scope="module")
def detected() -> Result:
    """The same, with the language and variant left to detection."""
    return _run(Config(review_file=""))


def test_guard_corpus_is_there():
    assert len(GUARD_FILES) >= 6
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in GUARD_FILES)
    assert words >= MIN_WORDS, f"only {words} words in {GUARD_PT}"


@pytest.mark.parametrize("result_name", ["configured", "detected"])
def test_every_file_loads_and_every_check_runs(result_name, request):
    result: Result = request.getfixturevalue(result_name)
    assert not result.errors, result.errors
    assert not result.skipped, result.skipped
    assert len(result.documents) == len(GUARD_FILES)


def _default_codes() -> list[str]:
    return [c.code for c in select_checks()]


@pytest.mark.parametrize("code", _default_codes())
def test_default_check_is_silent_on_clean_pt_pt(code, configured):
    assert code in {c.code for c in configured.checks}
    found = [f for f in configured.findings if f.code == code]
    assert found == [], _show(found)


def test_no_finding_with_the_language_detected(detected):
    """Detected as pt-PT, the articles draw no finding either (pt-BR rules would fire on them)."""
    assert detected.findings == [], _show(detected.findings)


def _doc(result: Result, path: Path):
    return next(d for d in result.documents if Path(d.path).name == path.name)


@pytest.mark.parametrize("path", GUARD_FILES, ids=lambda p: p.name)
def test_detected_as_portuguese(path, detected):
    doc = _doc(detected, path)
    assert doc.meta.get("detected_language") == "pt", doc.meta
    assert doc.language == "pt"


@pytest.mark.parametrize("path", GUARD_FILES, ids=lambda p: p.name)
def test_never_detected_as_pt_br(path, detected):
    """No pt-PT article may be taken for pt-BR: the pt-BR variant rules would then fire on it."""
    doc = _doc(detected, path)
    assert doc.meta.get("detected_variant") != "BR", doc.meta
    assert doc.variant != "BR"


@pytest.mark.parametrize("path", GUARD_FILES, ids=lambda p: p.name)
def test_detected_variant_is_pt(path, detected):
    doc = _doc(detected, path)
    assert doc.meta.get("detected_variant") == "PT", doc.meta
    assert doc.variant == "PT"
