"""The glossary model: loading with line numbers, validation, matching, required terms."""

from __future__ import annotations

import re
import textwrap

import pytest

from mtqa.core import glossary as g
from mtqa.core.errors import ConfigError


def _gl(body: str, path: str = "t.yaml") -> g.Glossary:
    return g.glossary_from_text("schema: mtqa-glossary/1\npair: en-pt\nentries:\n" + textwrap.dedent(body), path)


ENTRY = """\
- id: stress
  kind: false_friend
  terms: ['estress{a,ou}']
  context:
  - after: '\\s+a\\s+aliança'
  message: m
  suggest: enfatiza
  examples:
  - bad: Kim [[estressa]] a aliança.
  - good: O trânsito estressa.
"""


def test_load_and_expand():
    gl = _gl(ENTRY)
    (e,) = gl.entries
    assert e.forms == ["estressa", "estressou"]
    assert e.line == 4 and e.key_lines["terms"] == 6
    assert g.run_example(e, e.examples[0]) == (True, "fires as expected")


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        ("- id: x\n  kind: nonsense\n  message: m\n  examples: []\n", 5, "unknown kind"),
        ("- id: x\n  kind: calque\n  colour: red\n  message: m\n  examples: []\n", 6, "unknown key 'colour'"),
        ("- id: x\n  kind: calque\n  kind: calque\n", 6, "duplicate key"),
        ("- id: x\n  kind: calque\n  message: [unclosed\n", None, "invalid YAML"),
        ("- id: Bad Id\n  kind: calque\n  message: m\n  examples: []\n", 4, "must be lower-case"),
        ("- id: x\n  kind: calque\n  message: m\n  examples:\n  - bad: no marker here\n", 8, "[[...]]"),
    ],
)
def test_errors_name_file_and_line(body, line, needle):
    with pytest.raises(ConfigError) as exc:
        _gl(body, "glossaries/broken.yaml")
    assert exc.value.path == "glossaries/broken.yaml"
    assert needle in exc.value.message
    if line is not None:
        assert exc.value.line == line
    else:
        assert exc.value.line


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+b", r"(\w+\s?)*$", r"(?:\s*\w+)*$", r"((ab)*)+", r"(?:\d+)*"],
)
def test_catastrophic_regexes_are_refused(pattern):
    why = g.check_regex(pattern)
    assert why and "backtrack" in why


@pytest.mark.parametrize(
    "pattern",
    [r"Senhora?\s+[A-Z]\w+", r"est(?:á|ão)\s+a\s+\w+(?:ar|er|ir)", r"(?:\w+\s+){0,3}?na", r"a+b+c*", r"(?:ab|cd)+"],
)
def test_safe_regexes_pass(pattern):
    assert g.check_regex(pattern) is None


def test_bad_regexes_reported_with_line():
    gl = _gl("- id: x\n  kind: calque\n  patterns: ['(unclosed', '(a)b', '(a+)+']\n  message: m\n"
             "  examples:\n  - bad: '[[a]]'\n  - good: b\n")
    issues = g.validate([gl])
    msgs = " | ".join(i.message for i in issues)
    assert "does not compile" in msgs and "capturing groups" in msgs and "backtrack" in msgs
    assert all(i.line == 6 and i.path == "t.yaml" for i in issues)


def test_validate_duplicates_missing_examples_and_conflicts():
    a = _gl(ENTRY, "a.yaml")
    b = _gl(ENTRY.replace("- good: O trânsito estressa.\n", ""), "b.yaml")
    term = _gl("- id: t\n  kind: term\n  source: [stresses]\n  target: [estressa]\n  message: m\n"
               "  examples:\n  - bad: x\n    src: '[[stresses]]'\n  - good: estressa\n    src: stresses\n", "c.yaml")
    msgs = [str(i) for i in g.validate([a, b, term])]
    assert any("b.yaml:4: stress: duplicate id (also a.yaml:4)" in m for m in msgs)
    assert any("b.yaml" in m and "'good' example" in m for m in msgs)
    assert any("forbids 'estressa', which entry 't'" in m for m in msgs)


def _matcher(body, variant="BR"):
    return g.Matcher(_gl(body).entries, variant)


def test_case_handling_and_compounds():
    m = _matcher("- id: moscow\n  kind: exonym\n  replace: {Moscow: Moscou}\n  message: m\n  examples: []\n")
    found = [(x.text, x.suggestion) for x in m.find("Pyongyang-Moscow, MOSCOW e moscow")]
    assert found == [("Moscow", "Moscou"), ("MOSCOW", "MOSCOU")]  # lower-case 'moscow' is not the name
    m2 = _matcher("- id: x\n  kind: calque\n  terms: [mídia do estado]\n  suggest: mídia estatal\n  message: m\n  examples: []\n")
    assert [(x.text, x.suggestion) for x in m2.find("A Mídia do  estado disse")] == [("Mídia do  estado", "Mídia estatal")]


def test_context_near_and_unless():
    m = _matcher(
        "- id: x\n  kind: dnt\n  terms: [telegrama]\n  context: {near: [postou], window: 4}\n"
        "  unless: {after: '\\s+de\\s+condolências'}\n  suggest: Telegram\n  message: m\n  examples: []\n"
    )
    assert [x.text for x in m.find("Ele postou um vídeo no telegrama")] == ["telegrama"]
    assert m.find("Ele postou, bem depois de muito tempo, o telegrama") == []  # outside the window
    assert m.find("Ele postou um telegrama de condolências") == []


def test_variants_restrict_entries():
    body = "- id: x\n  kind: variant\n  variants: [BR]\n  replace: {facto: fato}\n  message: m\n  examples: []\n"
    assert _matcher(body, "BR").find("o facto")
    assert not _matcher(body, "PT").find("o facto")
    assert not _matcher(body, None).find("o facto")


def test_rewrite_suggestion():
    m = _matcher("- id: x\n  kind: calque\n  patterns: ['Senhor\\s+[A-Z]\\w+']\n  case: exact\n"
                 "  rewrite: [['^Senhor\\s+', '']]\n  message: m\n  examples: []\n")
    assert [(x.text, x.suggestion) for x in m.find("disse Senhor Putin e senhor Kim")] == [("Senhor Putin", "Putin")]


def test_required_terms():
    (e,) = _gl("- id: t\n  kind: term\n  source: [state media, state TV]\n  target: [mídia estatal, TV estatal]\n"
               "  message: m\n  examples: []\n").entries
    res = g.required_terms("North Korean state media said; state TV showed it.", "A mídia do estado disse.", [e])
    assert [(r.source_term, r.missing) for r in res] == [("state media", True), ("state TV", True)]
    assert res[0].source_start == 13 and res[0].source_end == 24
    ok = g.required_terms("State  media said", "A mídia estatal disse", [e])
    assert len(ok) == 1 and not ok[0].missing and ok[0].found_at == (2, 15)
    assert g.required_terms("nothing here", "nada", [e]) == []


def test_required_terms_defaults_to_shipped_glossaries():
    res = g.required_terms("reported the state news agency KCNA", "informou a agência de notícias estadual KCNA")
    assert any(r.entry.id == "term-state-news-agency" and r.missing for r in res)
    res = g.required_terms("reported the state news agency KCNA", "informou a agência estatal de notícias KCNA")
    assert not any(r.missing for r in res if r.entry.id == "term-state-news-agency")


def test_dump_is_stable_and_loadable():
    gl = _gl(ENTRY)
    text = g.dump(gl)
    again = g.glossary_from_text(text)
    assert g.dump(again) == text
    assert re.search(r"^- id: stress$", text, re.M)
