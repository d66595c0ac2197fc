"""Declaring a check: once, with its code, name, category, severity, message, docs and examples.

A check is a function ``(doc, ctx) -> Iterable[Hit]`` wrapped by :func:`check`. Everything else
(`mtqa rules`, `mtqa rule CODE`, SARIF rule metadata, the generic example test) reads the
declaration, so there is one place to change a rule.

Examples mark the expected spans with ``[[...]]`` (LanguageTool's ``<marker>``)::

    examples=[bad("seu colega norte [[-coreano]]"), good("o ex-ministro norte-coreano")]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from mtqa.core.config import Config
from mtqa.core.model import CATEGORIES, Document, Severity
from mtqa.core.text import marked_spans, unmark

_CODE = re.compile(r"^[A-Z][0-9]{3}$")


@dataclass(frozen=True)
class Example:
    """A text the check must fire on (spans marked with ``[[...]]``) or must stay silent on."""

    text: str
    fires: bool
    suggest: str | None = None
    language: str = "pt"
    variant: str = "BR"
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def plain(self) -> str:
        return unmark(self.text)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return marked_spans(self.text)


def bad(text: str, suggest: str | None = None, **kw: Any) -> Example:
    """An example on which the check must fire exactly at the ``[[marked]]`` spans."""
    if "[[" not in text:
        raise ValueError(f"bad example has no [[marked]] span: {text!r}")
    return Example(text, True, suggest, **kw)


def good(text: str, **kw: Any) -> Example:
    """An example on which the check must stay silent."""
    return Example(text, False, None, **kw)


@dataclass(slots=True)
class Hit:
    """What a check function yields: a span and what to say about it."""

    start: int
    end: int
    suggestion: str | None = None
    #: Values for the check's message template.
    args: dict[str, Any] = field(default_factory=dict)
    #: Replaces the message template entirely.
    message: str | None = None
    evidence: dict[str, Any] | None = None
    severity: Severity | None = None


class CheckContext:
    """What a check may consult: the configuration and the (lazily started) providers."""

    def __init__(self, config: Config, providers: Any = None) -> None:
        self.config = config
        #: Optional ``progress(path, done, total)`` for long per-document work (round trips);
        #: front ends set it to draw progress within a document.
        self.progress: Callable[[str, int, int], None] | None = None
        if providers is None:
            from mtqa.providers import Providers

            providers = Providers(config)
        self.providers = providers


CheckFn = Callable[[Document, CheckContext], Iterable[Hit]]


@dataclass
class Check:
    code: str
    name: str
    severity: Severity
    category: str
    message: str
    fn: CheckFn
    examples: tuple[Example, ...] = ()
    #: Target languages the check applies to; empty means any language.
    languages: tuple[str, ...] = ()
    #: Provider names the check needs (see mtqa.providers); missing ones skip the check.
    needs: tuple[str, ...] = ()
    #: Off unless selected explicitly (e.g. slow or source-aware checks).
    default: bool = True
    aliases: tuple[str, ...] = ()
    module: str = ""

    @property
    def summary(self) -> str:
        doc = (self.fn.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else self.name

    @property
    def docs(self) -> str:
        """The docstring, dedented: summary line, then ``## Why it matters`` style sections."""
        import inspect

        return inspect.cleandoc(self.fn.__doc__ or self.name)

    @property
    def family(self) -> str:
        return self.module.rsplit(".", 1)[-1]

    def applies_to(self, language: str | None) -> bool:
        return not self.languages or (language or "") in self.languages

    def format_message(self, hit: Hit, text: str) -> str:
        if hit.message:
            return hit.message
        args = {"text": text, "suggestion": hit.suggestion or "", **hit.args}
        try:
            return self.message.format(**args)
        except (KeyError, IndexError):
            return self.message

    def run(self, doc: Document, ctx: CheckContext, limit: int | None = None) -> list[Hit]:
        """The check's hits on ``doc``; with ``limit``, at most that many (a generator check
        stops there, so junk input cannot make it produce hits without end)."""
        hits = self.fn(doc, ctx)
        return list(hits) if limit is None else list(islice(hits, limit))


def check(
    code: str,
    name: str,
    severity: Severity,
    *,
    category: str,
    message: str,
    examples: Iterable[Example] = (),
    languages: Iterable[str] = (),
    needs: Iterable[str] = (),
    default: bool = True,
    aliases: Iterable[str] = (),
) -> Callable[[CheckFn], Check]:
    """Declare a check; the decorated function becomes a :class:`Check`."""
    if not _CODE.match(code):
        raise ValueError(f"check code {code!r} must be a capital letter and three digits")
    if category not in CATEGORIES:
        raise ValueError(f"{code}: unknown category {category!r}")
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", name):
        raise ValueError(f"{code}: name {name!r} must be kebab-case")

    def wrap(fn: CheckFn) -> Check:
        return Check(
            code=code,
            name=name,
            severity=severity,
            category=category,
            message=message,
            fn=fn,
            examples=tuple(examples),
            languages=tuple(languages),
            needs=tuple(needs),
            default=default,
            aliases=tuple(aliases),
            module=fn.__module__,
        )

    return wrap
