"""The glossary provider: configured paths, disabled entries, signature, malformed files."""

from __future__ import annotations

import re

from mtqa.core.config import Config, GlossaryConfig
from mtqa.core.model import Document
from mtqa.engine.runner import Engine, run
from mtqa.providers import Providers
from mtqa.providers.glossaries import GlossaryProvider, from_config

ENTRY = """\
schema: mtqa-glossary/1
pair: en-pt
entries:
- id: x-rodadas
  kind: false_friend
  terms: [rodadas]
  message: rounds
  suggest: projéteis
  examples:
  - bad: '[[rodadas]]'
  - good: rodada
"""


def test_shipped_signature():
    prov = from_config(Config(language="pt", variant="BR"))
    assert isinstance(prov, GlossaryProvider)
    assert re.fullmatch(r"en-pt_BR@[0-9a-f]{8}", prov.signature())


def test_configured_paths_and_disable(tmp_path):
    (tmp_path / "mine.yaml").write_text(ENTRY, encoding="utf-8")
    cfg = Config(language="pt", variant="BR", glossary=GlossaryConfig(paths=[str(tmp_path)]))
    prov = from_config(cfg)
    doc = Document("d", "10 milhões de rodadas", language="pt", variant="BR")
    assert [m.entry.id for m in prov.matches(doc)] == ["x-rodadas"]
    cfg.glossary.disable = ["x-rodadas"]
    assert from_config(cfg).matches(Document("d", "10 milhões de rodadas", language="pt", variant="BR")) == []


def test_malformed_glossary_skips_glossary_checks_and_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(ENTRY.replace("  kind: false_friend", "  kind: false_friend\n  colour: red"), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("O líder norte -coreano falou sobre as rodadas.\n", encoding="utf-8")
    cfg = Config(language="pt", variant="BR", glossary=GlossaryConfig(paths=[str(bad)]), review_file="")
    result = run([str(article)], cfg, use_review=False)
    assert f"{bad}:6: unknown key 'colour'" in result.skipped["G101"]
    assert any(f.code == "S101" for f in result.findings)  # other checks still ran
    assert not result.errors


def test_signature_in_run_result():
    cfg = Config(language="pt", variant="BR", select=["G101"], review_file="")
    eng = Engine(cfg, providers=Providers(cfg))
    eng.check_document(Document("d", "texto", language="pt", variant="BR"))
    from mtqa.engine.runner import signature

    assert re.fullmatch(r"en-pt_BR@[0-9a-f]{8}", signature(cfg, eng)["glossary"])
