"""Property tests: random and adversarial text through the engine and every report format.

Whatever the text (any Unicode category, control characters, CR/LF/CRLF mixes, a BOM, very long
tokens, markup-like text, right-to-left scripts, combining marks, and Portuguese that makes checks
fire), the engine does not crash and every finding is exact: ``text == document[start:end]``, and
its line and column agree with the document split at ``\\r\\n``, ``\\r`` and ``\\n``. Every report
format renders it and keeps those offsets, one record per finding. Lone surrogates cannot be
written to a UTF-8 file, so they are excluded from files; they go through ``check_text`` as str.

Bounded: ``max_examples`` per test, no deadline; the whole file runs in well under a minute.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mtqa.api import Checker  # noqa: E402
from mtqa.reports import FORMATS, render  # noqa: E402

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "reports" / "sarif_2.1.0_subset.schema.json").read_text(encoding="utf-8")
)

#: Pieces an adversary (or a CMS export) puts in an article.
FRAGMENTS = [
    "\r\n", "\r", "\n", "\n\n", "\r\r\n", "\t", " ", "  ", "\u00a0", "\u2028", "\u2029", "\x85",
    "\x0b", "\x0c", "\x00", "\x1b[31m", "\x7f", "\ufeff", "\u200b", "\u200d", "\u2060",
    "\u200e", "\u200f", "\u202e", "\u2066", "\u2069",
    "مرحبا بالعالم", "שלום עולם", "e\u0301", "\u0301\u0301\u0301", "a\u0308\u0323", "ﬁ", "Å",
    "👩‍👩‍👧", "🇧🇷", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "中文字", "한국어",
    "<!-- mtqa: ignore S101 -->", "<!--", "-->", "<b>", "</b>", "<script>alert(1)</script>",
    "[/link]", "[caption id=\"x\"]", "[bold red]", "&amp;", "&#0;", "**", "# ", "| a | b |", "```",
    "%0A", "::error::", "${{ x }}", "\\", "`",
    "norte -coreano", "Coréia do Norte", "Senhor Putin falei", "soberania , segurança", "vôos",
    "LEAVE A REPLY", "Consulte Mais informação:", "Editado por:", "4 mins read", "“.", "‘s",
    "Kim Jong Un Jong U", "O O O", "1.000,50", "12h30", "R$ 10", "e-mail", "http://x.y/z?a=1",
    "a" * 3000, "!" * 400, "a , " * 50, "Palavra" * 200,
]

WORDS = st.sampled_from(
    "o a de que em um uma para com não por mais os as dos das presidente governo disse "
    "ontem cidade Rússia Coreia Brasil notícias agência estatal mundo".split()
)
#: Any code point but surrogates (a file is UTF-8 bytes); every Unicode category is reachable.
CHARS = st.characters(blacklist_categories=("Cs",))

PIECE = st.one_of(st.sampled_from(FRAGMENTS), WORDS.map(lambda w: w + " "), st.text(CHARS, max_size=12))
ARTICLE = st.one_of(st.lists(PIECE, max_size=30), st.lists(PIECE, min_size=30, max_size=150)).map("".join)

#: What a file may hold and still be read as an article: no control characters but tab, CR, LF
#: (the reader refuses the others as binary; ARTICLE covers that refusal).
FILE_CHARS = st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("\t\r\n"))
FILE_PIECE = st.one_of(
    st.sampled_from([f for f in FRAGMENTS if not re.search(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]", f)]),
    WORDS.map(lambda w: w + " "),
    st.text(FILE_CHARS, max_size=12),
)
FILE_ARTICLE = st.one_of(
    st.lists(FILE_PIECE, min_size=1, max_size=30), st.lists(FILE_PIECE, min_size=30, max_size=150)
).map("".join)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(language="pt-BR")


@pytest.fixture(scope="module")
def detecting() -> Checker:
    """No language given: detected per document (the language identifier runs too)."""
    return Checker()


_NEWLINE = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


def expected_position(text: str, starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, counting lines as the file's reader does; a BOM at
    the very start is not a column."""
    line = max(i for i, s in enumerate(starts) if s <= offset)
    col = offset - starts[line] + 1
    if line == 0 and text.startswith("\ufeff") and offset > 0:
        col -= 1
    return line + 1, col


def assert_exact(text: str, findings) -> None:
    starts = line_starts(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), (f.code, f.start, f.end, len(text))
        assert text[f.start : f.end] == f.text, f.code
        assert (f.line, f.column) == expected_position(text, starts, f.start), f.code
        assert (f.end_line, f.end_column) == expected_position(text, starts, f.end), f.code


def run_files(checker: Checker, text: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "artigo.txt"
        path.write_bytes(text.encode("utf-8"))
        result = checker.check_files([path])
        return result, str(path)


def rendered(name: str, result) -> str:
    buf = io.StringIO()
    render(name, result, buf)
    return buf.getvalue()


def check_reports(text: str, result) -> None:
    findings = result.findings
    n = len(findings)
    for name in FORMATS:
        out = rendered(name, result)
        if name == "text":
            lines = out.split("\n")
            assert lines[-1] == "" and len(lines) == n + 1
            for f, line in zip(findings, lines, strict=False):
                assert line.startswith(f"{f.path}:{f.line}:{f.column}: {f.code} ")
                assert "\r" not in line
        elif name == "json":
            data = json.loads(out)
            assert len(data["findings"]) == n
            for f in data["findings"]:
                assert text[f["start"] : f["end"]] == f["text"]
        elif name == "jsonl":
            rows = [json.loads(line) for line in out.split("\n") if line]
            assert sum(len(r["findings"]) for r in rows) == n
            for r in rows:
                for f in r["findings"]:
                    assert text[f["start"] : f["end"]] == f["text"]
        elif name == "sarif":
            data = json.loads(out)
            jsonschema.validate(data, SARIF_SCHEMA)
            results = data["runs"][0]["results"]
            assert len(results) == n
            for res, f in zip(results, findings, strict=True):
                region = res["locations"][0]["physicalLocation"]["region"]
                a, length = region["charOffset"], region["charLength"]
                assert text[a : a + length] == region["snippet"]["text"] == f.text
                assert (region["startLine"], region["startColumn"]) == (f.line, f.column)
        elif name == "github":
            lines = out.split("\n")
            assert lines[-1] == "" and len(lines) == n + len(result.errors) + 1
            assert all(line.startswith("::") and "\r" not in line for line in lines[:-1])
        elif name == "html":
            parser = HTMLParser()
            parser.feed(out)
            parser.close()
            assert "<script" not in out  # the article's markup is shown, never parsed
        elif name == "markdown":
            rows = [line for line in out.split("\n") if re.match(r"\| \d+ \| ", line)]
            assert len(rows) == n
            # Nine cells a row: every '|' from the article is escaped.
            assert all(len(re.findall(r"(?<!\\)\|", row)) == 10 for row in rows)
            assert "\r" not in out
        else:  # a new format: at least it renders
            assert isinstance(out, str)


SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    database=None)


@SETTINGS
@given(ARTICLE)
@example("O líder norte -coreano chegou.\r\nA Coréia do Norte\rdisse que\nvôos , ontem.")
@example("\ufeffSenhor Putin falei\r\n\r\n<!-- mtqa: ignore S101 -->norte -coreano")
@example("\u202eشسي norte -coreano \u0301\u0301 LEAVE A REPLY\r")
def test_check_text_never_crashes_and_offsets_are_exact(checker, text):
    findings = checker.check_text(text)
    assert_exact(text, findings)


@settings(max_examples=100, deadline=None, database=None)
@given(st.text(st.characters(), max_size=200))
def test_any_str_even_with_lone_surrogates_goes_through_check_text(checker, text):
    """check_text takes any str, lone surrogates included (they never come from a file)."""
    assert_exact(text, checker.check_text(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.one_of(FILE_ARTICLE, FILE_ARTICLE, FILE_ARTICLE, ARTICLE))
@example("Consulte Mais informação:\r\n<script>alert(1)</script> norte -coreano | a | b |\r"
         "Coréia\u2028vôos `x` %0A ::error:: [/link]")
@example("Título | da `notícia` \\|\r\nTítulo | da `notícia` \\|\r\nLEAVE A REPLY | Please enter your comment!\r")
def test_files_through_the_engine_and_every_report_format(checker, text):
    result, path = run_files(checker, text)
    if result.errors:  # a file the reader refuses (binary-looking, say) is an error, not a crash
        assert not result.findings
        return
    (doc,) = result.documents
    assert doc.text == text  # the UTF-8 file read back exactly, BOM and line endings kept
    assert_exact(text, result.findings)
    check_reports(text, result)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(ARTICLE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_bytes_in_every_supported_encoding_decode_to_the_text(checker, text, encoding):
    """Bytes (plain UTF-8, or with a BOM) decode to the text, the BOM kept as U+FEFF, with the
    findings and offsets of that text; control characters are a refusal, never a crash."""
    from mtqa.core.errors import InputError

    data = text.encode(encoding)
    try:
        doc = checker.document(data)
    except InputError as exc:
        assert "binary" in str(exc) or "decode" in str(exc) or "encoding" in str(exc)
        return
    assert doc.text.removeprefix("\ufeff") == text.removeprefix("\ufeff")
    findings = checker.check_text(data)
    assert_exact(doc.text, findings)
    assert [(f.code, f.start, f.end) for f in findings] == [
        (f.code, f.start, f.end) for f in checker.check_text(doc.text)
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(ARTICLE)
@example("The president said on Sunday that the talks would go on.\r\nO presidente disse que vôos")
def test_with_the_language_detected_per_document(detecting, text):
    assert_exact(text, detecting.check_text(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(ARTICLE)
def test_the_module_level_check_text(text):
    import mtqa

    assert_exact(text, mtqa.check_text(text, language="pt-BR"))
