"""The review model, the glossary form's validation, the round-trip diff and the exports, without
a terminal."""

from __future__ import annotations

import io
import re

import pytest

from mtqa.core.config import Config
from mtqa.core.model import Severity
from mtqa.core.review import load_decisions
from mtqa.engine.runner import Engine
from mtqa.providers import Providers
from mtqa.tui.glossary_entry import EntryForm, mark_span, slug, split_terms, validate, write_entry
from mtqa.tui.session import ReviewSession, parse_filter
from mtqa.tui.widgets.article import render_line
from mtqa.tui.widgets.detail import diff_texts, scores_of
from tests.tui.conftest import TEST_CHECKS


@pytest.fixture
def session(workdir) -> ReviewSession:
    cfg = Config(language="pt", variant="BR")
    engine = Engine(cfg, checks=list(TEST_CHECKS), providers=Providers(cfg, overrides={"langid": None}))
    s = ReviewSession(["a.txt", "b.txt", "c.txt"], cfg, engine=engine)
    s.select_document(0)
    return s


def test_fingerprints_survive_edits_elsewhere(session, workdir):
    f = session.docs[0].findings[1]  # 'Senhor' on line 1
    session.decide(f, "dismissed", "name")
    path = workdir / "a.txt"
    path.write_text("Título novo acrescentado.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    session.recheck(0)
    moved = [g for g in session.docs[0].findings if g.fingerprint == f.fingerprint]
    assert len(moved) == 1 and moved[0].line == f.line + 2
    assert session.state(moved[0]) == "dismissed"


def test_decisions_file_is_sorted_json_lines(session, workdir):
    for f in reversed(session.docs[0].findings):
        session.decide(f, "accepted")
    lines = (workdir / "mtqa-review.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and lines == sorted(lines, key=lambda s: s)  # one per line, stable order
    assert set(load_decisions(workdir / "mtqa-review.jsonl")) == {f.fingerprint for f in session.docs[0].findings}


def test_step_skips_documents_without_visible_findings(session):
    session.filter = parse_filter("sev:info")
    session.keep_cursor_visible()
    assert (session.cursor.doc, session.current().code) == (1, "X903")
    assert not session.step(1) and not session.step(-1)


def test_parse_filter():
    flt = parse_filter("sev:error,warning cat:calque code:x9 state:pending")
    assert flt.severities == {Severity.ERROR, Severity.WARNING}
    assert flt.categories == {"calque"} and flt.codes == {"X9"} and flt.states == {"pending"}
    assert parse_filter(flt.expression()).expression() == flt.expression()
    for bad, msg in [("cat:nope", "unknown category"), ("state:done", "unknown review state"),
                     ("sev:", "at least one"), ("severe:error", "unknown filter"),
                     ("sev:fatal", "unknown severity")]:
        with pytest.raises(ValueError, match=msg):
            parse_filter(bad)


def test_apply_refuses_a_stale_finding(session):
    f = session.docs[0].findings[0]
    # the document's text no longer has the finding's span where it was
    session.docs[0].doc = type(session.docs[0].doc)("a.txt", "outro texto", encoding="utf-8")
    with pytest.raises(ValueError, match="changed since"):
        session.apply_suggestion(f)


def test_apply_writes_windows_1252_back_as_windows_1252(workdir):
    (workdir / "w.txt").write_bytes("Não é norte -coreano, é ação.\n".encode("cp1252"))
    cfg = Config(language="pt", variant="BR")
    engine = Engine(cfg, checks=list(TEST_CHECKS), providers=Providers(cfg, overrides={"langid": None}))
    s = ReviewSession(["w.txt"], cfg, engine=engine)
    s.select_document(0)
    assert s.docs[0].doc.encoding == "cp1252"
    s.apply_suggestion(s.current())
    assert (workdir / "w.txt").read_bytes() == "Não é norte-coreano, é ação.\n".encode("cp1252")
    s.undo()
    assert (workdir / "w.txt").read_bytes() == "Não é norte -coreano, é ação.\n".encode("cp1252")


def test_unreadable_file_is_an_entry_not_a_crash(workdir):
    (workdir / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    cfg = Config(language="pt", variant="BR")
    engine = Engine(cfg, checks=list(TEST_CHECKS), providers=Providers(cfg, overrides={"langid": None}))
    s = ReviewSession(["bin.txt", "a.txt"], cfg, engine=engine)
    assert "bin.txt" in (s.ensure(0).error or "") and s.ensure(0).findings == []
    assert s.step(1) and s.cursor.doc == 1


def test_render_line_markers_nested_and_current(session):
    doc = session.docs[0].doc
    seg = doc.lines[0]
    fs = [(n, f, "pending") for n, f in enumerate(session.docs[0].findings, 1) if f.start < seg.end]
    t = render_line(seg.text, seg.start, fs, fs[1][1].fingerprint)
    assert t.plain == "O líder norte⟦ -⟧1W·SPcoreano recebeu o ▶Senhor⟧2E·CQ Putin em Pyongyang."
    # overlapping spans both close with their own marker
    outer = type(fs[0][1])(**{**fs[0][1].to_dict(), "severity": Severity.INFO, "start": seg.start + 8,
                              "end": seg.start + 22, "evidence": None, "fingerprint": "o",
                              "category": "calque"} | {"line": 1})
    t = render_line(seg.text, seg.start, [(1, outer, "pending"), (2, fs[0][1], "pending")], None)
    assert t.plain.startswith("O líder ⟦norte⟦ -⟧2W·SPcoreano⟧1I·CQ recebeu")


def test_diff_marks_the_repaired_words():
    a, b = diff_texts("Senhor Putin falei com Kim.", "O senhor Putin falou com Kim.")
    changed_a = {a.plain[s.start:s.end] for s in a.spans}
    changed_b = {b.plain[s.start:s.end] for s in b.spans}
    assert changed_a == {"falei"} and changed_b == {"O", "falou"}
    assert scores_of({"chrF": 70.25, "scores": {"BLEU": 40}, "note": "x", "ok": True}) == {
        "BLEU": 40.0, "chrF": 70.25}


def test_glossary_form_validation_and_write(workdir):
    from mtqa.core.glossary import load_file

    sent = "A agência de notícias estadual KCNA informou."
    i = sent.index("estadual")
    form = EntryForm(path="g/review.yaml", id=slug("estadual KCNA"), kind="false_friend",
                     terms=split_terms("estadual"), suggest=["estatal"],
                     message="'estadual' is a state of a federation; use 'estatal'",
                     bad=mark_span(sent, i, i + len("estadual")),
                     good="O governo estadual de Minas Gerais.", pair="en-pt")
    assert form.id == "estadual-kcna"
    # without context the entry would also fire on the passing example
    assert validate(form) == ["passing example: fired on ['estadual']"]
    form.good = "A agência estatal KCNA informou."
    assert validate(form) == []
    write_entry(form)
    with pytest.raises(ValueError, match="duplicate id"):
        write_entry(form)
    (e,) = load_file(workdir / "g/review.yaml").entries
    assert (e.kind, e.terms, e.suggest) == ("false_friend", ["estadual"], "estatal")
    # a second entry keeps the first (canonical order: sorted by id)
    form2 = EntryForm(**{**form.__dict__, "id": "coreia-acento", "kind": "orthography",
                         "terms": ["Coréia"], "suggest": ["Coreia"], "message": "pre-1990",
                         "bad": "visitou a [[Coréia]] do Norte", "good": "visitou a Coreia do Norte"})
    write_entry(form2)
    assert [x.id for x in load_file(workdir / "g/review.yaml").entries] == ["coreia-acento", "estadual-kcna"]
    for change, msg in [({"kind": "nope"}, "kind: one of"), ({"bad": sent}, "mark the span"),
                        ({"bad": "o [[federal]] x"}, "failing example: expected"),
                        ({"good": "a [[b]]"}, "must not contain"), ({"path": "g.txt"}, ".yaml"),
                        ({"message": " "}, "message: required"), ({"id": "Bad Id"}, "id")]:
        f3 = EntryForm(**{**form.__dict__, "id": "other", **change})
        assert any(re.search(msg, e) for e in validate(f3)), (change, validate(f3))
    (workdir / "broken.yaml").write_text("entries: [\n", encoding="utf-8")
    f4 = EntryForm(**{**form.__dict__, "path": "broken.yaml"})
    assert any("broken.yaml" in e for e in validate(f4))


def test_html_and_markdown_reports(session):
    from mtqa.reports import html, markdown, render

    f = session.docs[0].findings[0]
    session.decide(f, "dismissed", "a <b> note")
    res = session.export_result()
    buf = io.StringIO()
    html.render(res, buf, decisions=session.decisions)
    out = buf.getvalue()
    assert out.count('title="#') == 5 and "state-dismissed" in out and "a &lt;b&gt; note" in out
    assert "1&nbsp;W·SP</sup>" in out and "<section" in out and "c.txt" in out
    buf = io.StringIO()
    markdown.render(res, buf, decisions=session.decisions)
    md = buf.getvalue()
    assert "| dismissed | a <b> note |" in md and "O líder norte** -**coreano" in md
    buf = io.StringIO()
    render("html", res, buf)  # through the FORMATS registry, no decisions
    assert "state-pending" in buf.getvalue()


def test_two_checks_on_one_span_show_as_one_finding(workdir):
    """A second check on X902's span ('Senhor') merges into X902 (more severe); the reviewer sees
    one finding that lists the other, unless merging is switched off."""
    from mtqa.checks.base import Hit, check

    @check("X904", "test-senhor-title", Severity.INFO, category="capitalization",
           message="'{text}' capitalised")
    def senhor_title(doc, ctx):
        """'Senhor' capitalised (test check on X902's span)."""
        for m in re.finditer(r"\bSenhor\b", doc.text):
            yield Hit(m.start(), m.end())

    cases = {
        True: [("X901", []), ("X902", ["X904"]), ("X902", ["X904"])],
        False: [("X901", []), ("X902", []), ("X904", []), ("X902", []), ("X904", [])],
    }
    for merge, expected in cases.items():
        cfg = Config(language="pt", variant="BR", merge_same_span=merge)
        engine = Engine(cfg, checks=[*TEST_CHECKS, senhor_title],
                        providers=Providers(cfg, overrides={"langid": None}))
        s = ReviewSession(["a.txt"], cfg, engine=engine)
        s.select_document(0)
        assert [(f.code, f.also) for f in s.docs[0].findings] == expected


def test_round_trip_findings_merge_with_the_rule_findings_each_time(workdir):
    """A round-trip finding on a span a rule already flags joins that finding; running the round
    trip again replaces it without piling up merged codes."""
    from mtqa.checks.base import Hit, check
    from tests.tui.conftest import fake_roundtrip

    @check("X905", "test-place", Severity.WARNING, category="orthography", message="'{text}'")
    def place(doc, ctx):
        """'Pyongyang' (test check on the fake round trip's span)."""
        for m in re.finditer(r"Pyongyang", doc.text):
            yield Hit(m.start(), m.end())

    cfg = Config(language="pt", variant="BR")
    providers = Providers(cfg, overrides={"langid": None})
    s = ReviewSession(["a.txt"], cfg, engine=Engine(cfg, checks=[*TEST_CHECKS, place], providers=providers))
    s.select_document(0)
    rt = Engine(cfg, checks=[fake_roundtrip], providers=providers)
    for _ in range(2):
        doc = s.docs[0].doc
        assert s.merge(0, rt.check_document(doc), lambda f: f.code.startswith("R")) == 1
        on_place = [f for f in s.docs[0].findings if f.text == "Pyongyang"]
        assert [(f.code, f.also, f.suggestion) for f in on_place] == [("X905", ["R901"], "Pionguiangue")]
    assert sorted(f.code for f in s.docs[0].unmerged) == ["R901", "X901", "X902", "X902", "X905"]
