"""The clean guard articles joined into one document: document-level checks (names written two
ways, mixed variants, repeated lines) see many topics at once and must still stay silent."""

from __future__ import annotations

import pytest

from mtqa.core.config import Config
from mtqa.engine.runner import run
from tests.conftest import ROOT


@pytest.mark.parametrize(("folder", "variant"), [("pt_BR", "BR"), ("pt_PT", "PT")])
def test_guard_joined_into_one_document_draws_no_finding(folder, variant, tmp_path):
    files = sorted((ROOT / "tests" / "guard" / folder).glob("*.txt"))
    assert len(files) >= 6
    joined = tmp_path / f"{folder}.txt"
    joined.write_text("\n\n".join(f.read_text(encoding="utf-8") for f in files), encoding="utf-8")
    for cfg in (Config(language="pt", variant=variant, review_file=""), Config(review_file="")):
        result = run([str(joined)], cfg, use_review=False)
        assert not result.errors and not result.skipped, (result.errors, result.skipped)
        assert result.findings == [], [(f.code, f.line, f.text) for f in result.findings]
        assert result.documents[0].variant == variant
