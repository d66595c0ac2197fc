"""GitHub Actions workflow commands: ``::warning file=...,line=...,col=...,title=CODE::message``."""

from __future__ import annotations

from typing import TextIO

from mtqa.core.model import Severity

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(result, stream: TextIO, **_) -> None:
    for f in result.findings:
        props = (
            f"file={_escape_prop(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_escape_prop(f.code + ' ' + f.name)}"
        )
        stream.write(f"::{_LEVEL[f.severity]} {props}::{_escape_data(f.headline())}\n")
    for e in result.errors:
        stream.write(f"::error file={_escape_prop(e.path)}{',line=' + str(e.line) if e.line else ''}"
                     f"::{_escape_data(e.message)}\n")
