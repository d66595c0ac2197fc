"""Phrase rules as data (mtqa/checks/rules.py): a check is a YAML entry with examples, matched by
the glossary matcher; malformed rules are refused with file and line."""

from __future__ import annotations

import pytest

from mtqa.checks import get_check, rules
from mtqa.core.errors import ConfigError
from mtqa.core.model import Document

RULE = """\
rules:
- code: B199
  name: test-widget
  family: boilerplate
  kind: existence
  severity: warning
  category: boilerplate
  message: "Widget: '{text}'"
  summary: A test widget line.
  scope: line
  max_words: 4
  terms: ['{clique,toque} para ampliar']
  suggest: ''
  examples:
  - bad: "[[Clique para ampliar]]"
  - good: O leitor pode clicar na foto para ampliar a imagem.
"""


def test_shipped_rule_is_a_check_of_its_family():
    c = get_check("B104")
    assert c.module == "mtqa.checks.boilerplate" and c.family == "boilerplate"
    assert "Written as data: `mtqa/checks/data/rules.yaml`" in c.docs
    assert c.examples and any(ex.fires for ex in c.examples) and any(not ex.fires for ex in c.examples)


def test_line_scope_whole_line_and_sentences():
    c = get_check("B104")
    doc = Document("x.txt", "Texto.\n3 min de leitura\nO relatório levou 3 min de leitura, disse ele.\n",
                   language="pt", variant="BR")
    hits = list(c.fn(doc, None))
    assert [(doc.text[h.start:h.end], h.suggestion) for h in hits] == [("3 min de leitura", "")]


def test_parse_rule_and_its_terms():
    [(rule, item)] = rules.parse_rules(RULE, "r.yaml", ("pt",))
    assert (rule.code, rule.family, rule.scope, rule.max_words) == ("B199", "boilerplate", "line", 4)
    assert set(rule.entry.forms) == {"clique para ampliar", "toque para ampliar"}
    assert item["languages"] == ("pt",)


@pytest.mark.parametrize(("change", "message"), [
    (("kind: existence", "kind: maybe"), "kind must be one of"),
    (("scope: line", "scope: page"), "scope must be one of"),
    (("  summary: A test widget line.\n", ""), "has no 'summary'"),
    (("  terms: ['{clique,toque} para ampliar']\n", "  patterns: ['(a+)+$']\n"), "unsafe"),
    (("  terms: ['{clique,toque} para ampliar']\n", "  patterns: ['(a']\n"), "does not compile"),
    (("  max_words: 4\n", "  max_words: 4\n  colour: red\n"), "unknown key 'colour'"),
])
def test_malformed_rules_name_file_and_line(change, message):
    bad = RULE.replace(*change)
    with pytest.raises(ConfigError) as exc:
        rules.parse_rules(bad, "mtqa/lang/pt/rules.yaml")
    assert message in str(exc.value)
    assert "mtqa/lang/pt/rules.yaml" in str(exc.value) and ":2" in str(exc.value)


def test_a_language_pack_rules_file_is_found(tmp_path, monkeypatch):
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "rules.yaml").write_text(RULE, encoding="utf-8")
    (tmp_path / "pt").mkdir()  # a pack without rules
    monkeypatch.setattr(rules, "PACKS", tmp_path)
    files = rules._files()
    assert (tmp_path / "es" / "rules.yaml", ("es",)) in files
    assert all(f.parent.name != "pt" for f, _ in files)


def test_prefilters_hold_on_every_line_a_rule_fires_on():
    from mtqa.core.text import marked_spans, unmark

    for rule, item in rules._loaded():
        if rule.prefilter is None:
            continue
        for ex in item["examples"]:
            if "bad" not in ex:
                continue
            text = unmark(ex["bad"])
            for a, b in marked_spans(ex["bad"]):
                line = text[text.rfind("\n", 0, a) + 1: (text.find("\n", b) + 1 or len(text) + 1) - 1]
                assert rule.prefilter.search(line), (rule.code, line)


def test_prefilters_scan_the_lower_cased_text_as_the_case_insensitive_pattern_would():
    # The lines the prefilters keep are the same whether the scan runs on the lower-cased text
    # (the fast path) or with IGNORECASE on the text (kept for `ı`, `ſ`, `İ` and patterns with
    # escapes or inline flags).
    line_rules = [r for r in rules._family_rules("boilerplate") if r.scope == "line"]
    assert line_rules and all(rules._case_free(r.prefilter.pattern) for r in line_rules)
    assert rules._case_free(r"\d+ min") is None and rules._case_free("(?-i:Sim)") is None
    assert rules._case_free("Sim") is None
    body = "Texto corrido.\n3 MIN de leitura\nPÁGINA 2 DE 9\nEssas Informações Foram ÚTEIS?\nSIM\n"
    for text in (body, body + "ſim\n", body + "İ\n", "ıx\n" + body):
        doc = Document("x.txt", text, language="pt", variant="BR")
        slow = sorted({doc.line_bounds(doc.line_bounds(m.start())[0]) for r in line_rules
                       for m in r.prefilter.finditer(text)})
        assert rules._candidate_lines(doc, line_rules) == slow, text
    doc = Document("x.txt", body + "ſim\n", language="pt", variant="BR")
    assert rules._scan_lowered(doc) is None
    assert (len(body), len(body) + 3) in rules._candidate_lines(doc, line_rules)  # `ſim` kept


def test_a_rule_with_a_prefilter_skips_lines_without_it():
    c = get_check("B104")
    doc = Document("x.txt", "a\n" * 1000 + "3 min de leitura\n", language="pt", variant="BR")
    assert rules._candidate_lines(doc, [r for r in rules._family_rules("boilerplate") if r.code == "B104"]) \
        == [(2000, 2016)]
    assert [doc.text[h.start:h.end] for h in c.fn(doc, None)] == ["3 min de leitura"]
