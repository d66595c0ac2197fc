"""Messages the review widgets and workers post upwards (never sideways)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.message import Message


@dataclass
class DocumentChecked(Message):
    """The checking process has checked document ``index`` (``result``: a
    :class:`~mtqa.tui.checker.Checked` the screen stores in the session)."""

    index: int
    result: Any = None


@dataclass
class DocumentChosen(Message):
    """The reviewer picked document ``index`` in the document list."""

    index: int


@dataclass
class FindingChosen(Message):
    """The reviewer picked the finding with ``fingerprint`` in the findings list."""

    fingerprint: str


@dataclass
class RecheckProgress(Message):
    """Round-trip progress of the current document (``total`` 0 = not known yet)."""

    done: int
    total: int
    request: int = 0


@dataclass
class RecheckDone(Message):
    """The round trip of document ``index`` finished; ``error`` says why when it could not run."""

    index: int
    added: int
    error: str | None = None
    request: int = 0
    findings: list = field(default_factory=list)
    codes: list = field(default_factory=list)
    docs: dict = field(default_factory=dict)
