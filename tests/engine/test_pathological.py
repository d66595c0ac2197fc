"""Junk input stays linear in the engine's own code: the sentence splitter, segment lookup,
fingerprints and inline comments (bench/pathological.py measures the whole run), and files with
CR-only line endings get real line numbers.

The time bounds are generous (the quadratic code took tens of seconds on these inputs; the
linear code takes milliseconds), so a slow shared machine does not make them flaky.
"""

from __future__ import annotations

import hashlib
import time

import pytest

from mtqa.core.config import Config
from mtqa.core.model import Document, Finding, Segment, Severity
from mtqa.core.text import split_lines, split_sentences
from mtqa.engine import fingerprint, runner, suppress

BOUND = 2.0  # seconds; each input below took > 10 s before the fix


def _timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def _line(text: str) -> Segment:
    return Segment("line", 0, len(text), text)


@pytest.mark.parametrize("unit", ["!", ".", "?", "…", "!?", '."', "!” "])
def test_sentence_splitter_is_linear_on_runs_of_end_marks(unit):
    text = "Fim" + unit * (200_000 // len(unit)) + "x"
    sents, sec = _timed(split_sentences, _line(text))
    assert sec < BOUND, f"split_sentences took {sec:.1f} s on a 200 KB run of {unit!r} (quadratic?)"
    assert "".join(s.text for s in sents).replace(" ", "") == text.replace(" ", "")


def test_sentence_splitter_still_splits_after_a_run():
    text = "Que jogo!!! O time venceu... E agora?! “Sim.” Fim"
    assert [s.text for s in split_sentences(_line(text))] == [
        "Que jogo!!!", "O time venceu...", "E agora?!", "“Sim.”", "Fim",
    ]


def test_segment_at_builds_its_index_once():
    doc = Document("x.txt", "Uma frase curta. " * 40_000)
    sents = doc.sentences
    assert len(sents) == 40_000
    t = time.perf_counter()
    for s in sents[::4]:
        assert doc.segment_at(s.start) is s
    sec = time.perf_counter() - t
    assert sec < BOUND, f"10,000 segment_at calls took {sec:.1f} s (the index rebuilt per call?)"
    assert doc.segment_at(len(doc.text) - 1) is None  # the trailing blank


def _finding(doc: Document, start: int, end: int, code: str = "X101") -> Finding:
    return Finding(doc.path, code, "x", "spacing_punctuation", Severity.WARNING, "m", start, end,
                   doc.text[start:end])


def _reference_fingerprints(doc: Document, findings: list[Finding]) -> list[str]:
    """The fingerprint as defined: sha256 of the whole key, sentence normalised per finding."""
    seen: dict = {}
    out = {}
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        seg = doc.segment_at(f.start, "sentence") or doc.segment_at(f.start, "line")
        context = " ".join(seg.text.split()) if seg else ""
        key = (f.code, f.path, context, " ".join(f.text.split()))
        n = seen.get(key, 0)
        seen[key] = n + 1
        out[id(f)] = hashlib.sha256("\x1f".join((*key, str(n))).encode("utf-8")).hexdigest()[:32]
    return [out[id(f)] for f in findings]


def test_fingerprints_unchanged_by_the_per_segment_cache():
    doc = Document("a.txt", "O  plano , disse ele , foi aprovado .\nOutra linha , outra vez ,\n\n x , y")
    findings = [_finding(doc, i, i + 1, code) for i, c in enumerate(doc.text) if c == ","
                for code in ("S102", "S103")]
    findings.append(_finding(doc, doc.text.index("\n\n") + 1, doc.text.index("\n\n") + 1))  # blank
    expected = _reference_fingerprints(doc, findings)
    fingerprint.assign(doc, findings)
    assert [f.fingerprint for f in findings] == expected
    assert len(set(expected)) == len(expected)


def test_fingerprints_are_linear_on_one_huge_line():
    doc = Document("a.txt", "a , " * 50_000)  # one 200 KB sentence, 50,000 commas
    findings = [_finding(doc, i, i + 1) for i in range(2, len(doc.text), 4)]
    _, sec = _timed(fingerprint.assign, doc, findings)
    assert sec < BOUND, f"fingerprints of 50,000 findings on one line took {sec:.1f} s"
    assert len({f.fingerprint for f in findings}) == len(findings)


def _line_findings(doc: Document, code: str = "S101") -> list[Finding]:
    out = []
    for n, line in enumerate(doc.lines, 1):
        if line.text.strip():
            f = _finding(doc, line.start, line.start + 1, code)
            f.line = n
            out.append(f)
    return out


@pytest.mark.parametrize("junk", [
    "<!-- mtqa: ignore " * 12_000,  # heads that never close
    "<!-- mtqa: ignore S1 " + "x" * 200_000,  # one head, no '>' at all
    "<!-- mtqa: ignore S1 >" * 10_000,  # closed by '>' without '--'
    "<!-- mtqa: ignore-file S1 -->" * 7_000,  # thousands of closed comments on one line
])
def test_inline_comments_are_linear(junk):
    doc = Document("a.txt", junk + "\nTexto -comum.\n")
    findings = _line_findings(doc)
    _, sec = _timed(suppress.apply_inline, doc, findings)
    assert sec < BOUND, f"inline comments on a {len(junk):,}-character line took {sec:.1f} s"


def test_inline_comments_keep_their_meaning():
    text = (
        "Linha um -a. <!-- mtqa: ignore S1 -->\n"       # 1: its own line, S only
        "<!-- MTQA: IGNORE B101, D102 -->\n"             # 2: alone: also line 4 (after a blank)
        "\n"
        "Linha quatro.\n"                                # 4
        "<!-- mtqa: ignore S101 --> <!-- mtqa: ignore -->\n"  # 5: two comments: not alone
        "Linha seis.\n"                                  # 6
        "<!-- mtqa: ignore U1 <!-- mtqa: ignore-file L1 -->\n"  # 7: one comment (U1 and L1), alone
        "Linha oito <!-- mtqa: ignore S101 \n"           # 8: unterminated: nothing
    )
    doc = Document("a.txt", text)
    codes = ("S101", "B101", "D102", "L102", "U101")
    findings = [f for code in codes for f in _line_findings(doc, code)]
    suppress.apply_inline(doc, findings)
    hidden = sorted((f.line, f.code) for f in findings if f.suppressed_by == "inline")
    assert hidden == [
        (1, "S101"),
        (2, "B101"), (2, "D102"),
        (4, "B101"), (4, "D102"),
        (5, "B101"), (5, "D102"), (5, "L102"), (5, "S101"), (5, "U101"),
        (7, "L102"), (7, "U101"),
        (8, "L102"), (8, "U101"),
    ]


def test_ignore_file_in_many_comments():
    doc = Document("a.txt", "<!-- mtqa: ignore-file S1 --><!-- mtqa: ignore-file D -->\nTexto.\n")
    findings = [f for code in ("S101", "D102", "B101") for f in _line_findings(doc, code)]
    suppress.apply_inline(doc, findings)
    assert sorted({f.code for f in findings if f.suppressed_by}) == ["D102", "S101"]


# --- CR-only line endings -------------------------------------------------------------------------


def test_cr_only_text_is_split_into_lines():
    text = "Primeira linha.\rSegunda linha.\r\rQuarta.\r\nQuinta.\nSexta"
    lines = split_lines(text)
    assert [s.text for s in lines] == ["Primeira linha.", "Segunda linha.", "", "Quarta.", "Quinta.", "Sexta"]
    assert all(text[s.start : s.end] == s.text for s in lines)
    doc = Document("a.txt", text)
    assert [doc.position(s.start) for s in lines] == [(n, 1) for n in range(1, 7)]
    seg = text.index("Segunda")
    assert doc.line_bounds(seg + 3) == (seg, text.index("\r", seg))  # a lone CR ends the line
    assert [p.text for p in doc.paragraphs] == ["Primeira linha.\rSegunda linha.", "Quarta.\r\nQuinta.\nSexta"]


def test_cr_only_file_findings_land_on_their_lines(tmp_path):
    body = "O líder norte-coreano chegou.\rA visita do líder norte -coreano durou dois dias.\r"
    p = tmp_path / "cr.txt"
    p.write_bytes(body.encode("utf-8"))
    cfg = Config(language="pt", variant="BR", select=["S101"], jobs=1)
    cfg.review_file = ""
    result = runner.run([str(p)], cfg, use_review=False)
    assert [(f.code, f.line) for f in result.findings] == [("S101", 2)]
    f = result.findings[0]
    assert body[f.start : f.end] == f.text
    assert f.column == body.index(f.text) - body.index("\r") and f.end_line == 2


def test_crlf_and_bom_unchanged():
    text = "\ufeffUm.\r\nDois.\r\n"
    assert [(s.start, s.end, s.text) for s in split_lines(text)] == [(1, 4, "Um."), (6, 11, "Dois."), (13, 13, "")]
