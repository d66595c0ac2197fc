"""A finding whose text or message holds a line break keeps one record per finding in the
line-based formats (text, Markdown table rows), whatever the break: LF, CR or CRLF."""

from __future__ import annotations

import io
import re

import pytest

from mtqa.core.model import Document, Finding, Severity
from mtqa.engine.runner import Result
from mtqa.reports import render

TEXT = "Linha um\rlinha dois\r\nlinha três\n"


def result_with_breaks() -> Result:
    doc = Document("a.txt", TEXT)
    findings = []
    for start, end in ((0, 19), (14, 32)):  # across the CR, across the CRLF
        line, col = doc.position(start)
        end_line, end_col = doc.position(end)
        findings.append(Finding(
            path="a.txt", code="D101", name="repeated-line", category="repetition",
            severity=Severity.WARNING, message=f"repeated: {TEXT[start:end]}", start=start, end=end,
            text=TEXT[start:end], line=line, column=col, end_line=end_line, end_column=end_col,
            suggestion=TEXT[start:end],
        ))
    return Result(documents=[doc], findings=findings)


def rendered(name: str) -> str:
    buf = io.StringIO()
    render(name, result_with_breaks(), buf)
    return buf.getvalue()


def test_text_format_one_line_a_finding():
    out = rendered("text")
    assert "\r" not in out
    lines = out.split("\n")
    assert len(lines) == 3 and lines[-1] == ""
    assert lines[0].startswith("a.txt:1:1: D101 repeated: Linha um\\rlinha dois")
    assert lines[1].startswith("a.txt:2:6: D101 ")


@pytest.mark.parametrize("fmt", ["markdown"])
def test_markdown_rows_stay_rows(fmt):
    out = rendered(fmt)
    assert "\r" not in out
    rows = [line for line in out.split("\n") if re.match(r"\| \d+ \| ", line)]
    assert len(rows) == 2
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 10 for row in rows)
