"""Helpers shared by the rule-family tests: run the rule families on a document directly."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mtqa.checks import CheckContext, all_checks
from mtqa.core.config import Config
from mtqa.core.model import Document
from mtqa.core.text import load_document
from mtqa.providers import Providers

FAMILIES = ("boilerplate", "repetition", "capitalization", "truncation", "spacing", "word_order")


def family_checks(*, defaults_only: bool = True):
    return [
        c for c in all_checks() if c.family in FAMILIES and (c.default or not defaults_only)
    ]


@cache
def context(language: str = "pt", variant: str = "BR") -> CheckContext:
    cfg = Config(language=language, variant=variant)
    return CheckContext(cfg, Providers(cfg))


def run_checks(doc: Document, checks, ctx: CheckContext | None = None):
    """(code, line, text) of every hit, plus the reasons of checks that could not run."""
    ctx = ctx or context(doc.language or "pt", doc.variant or "BR")
    out, skipped = [], {}
    for c in checks:
        reason = next((r for r in map(ctx.providers.unavailable, c.needs) if r), None)
        if reason:
            skipped[c.code] = reason
            continue
        for h in c.run(doc, ctx):
            out.append((c.code, doc.position(h.start)[0], doc.text[h.start : h.end]))
    return sorted(out), skipped


def load(path: Path, language: str = "pt", variant: str = "BR") -> Document:
    return load_document(path, language=language, variant=variant)
