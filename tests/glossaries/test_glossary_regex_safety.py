"""A configured glossary with a regex that backtracks catastrophically is refused before it is
compiled: the glossary checks are skipped with the file and line, the others still run."""

from __future__ import annotations

import time

from mtqa.core.config import Config
from mtqa.engine.runner import run

BAD = """schema: mtqa-glossary/1
pair: en-pt
entries:
- id: evil
  kind: forbidden
  patterns: ['(a+)+$']
  message: evil
  examples:
  - bad: '[[aaaa]]'
  - good: 'b'
"""


def test_unsafe_pattern_in_a_configured_glossary_skips_glossary_checks(tmp_path):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "bad.yaml").write_text(BAD, encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("O líder norte -coreano " + "a" * 40 + "b chegou.\n", encoding="utf-8")
    cfg = Config(language="pt", variant="BR", review_file="")
    cfg.glossary.paths = [str(tmp_path / "g")]
    t0 = time.perf_counter()
    result = run([str(art)], cfg, use_review=False)
    assert time.perf_counter() - t0 < 30, "the unsafe regex was compiled and run"
    assert "bad.yaml:6" in result.skipped["G108"] and "backtrack" in result.skipped["G108"]
    assert "S101" in {f.code for f in result.findings}
