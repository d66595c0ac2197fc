"""Output formats, one module each. ``render(name, result, stream)``."""

from __future__ import annotations

import importlib
from typing import TextIO

#: Format name -> module implementing ``render(result, stream, **options)``.
FORMATS: dict[str, str] = {
    "text": "mtqa.reports.text",
    "json": "mtqa.reports.json_report",
    "jsonl": "mtqa.reports.jsonl",
    "sarif": "mtqa.reports.sarif",
    "github": "mtqa.reports.github",
    "html": "mtqa.reports.html",
    "markdown": "mtqa.reports.markdown",
}


def render(name: str, result, stream: TextIO, **options) -> None:
    importlib.import_module(FORMATS[name]).render(result, stream, **options)
