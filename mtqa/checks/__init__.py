"""The check registry. Modules are listed explicitly; each ends with ``CHECKS = (...)``."""

from __future__ import annotations

import importlib
from functools import cache

from mtqa.checks.base import Check, CheckContext, Example, Hit, bad, check, good

__all__ = ["Check", "CheckContext", "Example", "Hit", "bad", "check", "good", "all_checks", "get_check"]

#: Check modules, one per family. Code letters: B boilerplate, D repetition (duplication),
#: S spacing/punctuation, U capitalization (uppercase), T truncation, L language,
#: G glossary, C consistency, R round trip, A source alignment, V verb agreement, W word order,
#: P prepositions, N articles before names, Q clauses, O orthography, M mtqa itself (meta).
MODULES: tuple[str, ...] = (
    "mtqa.checks.spacing",
    "mtqa.checks.debris",
    "mtqa.checks.boilerplate",
    "mtqa.checks.repetition",
    "mtqa.checks.capitalization",
    "mtqa.checks.truncation",
    "mtqa.checks.roundtrip",
    "mtqa.checks.alignment",
    "mtqa.checks.language",
    "mtqa.checks.bilingual",
    "mtqa.checks.glossary_terms",
    "mtqa.checks.consistency",
    "mtqa.checks.agreement",
    "mtqa.checks.word_order",
    "mtqa.checks.prepositions",
    "mtqa.checks.articles",
    "mtqa.checks.clauses",
    "mtqa.checks.apposition",
    "mtqa.checks.gender",
    "mtqa.checks.numbers",
    "mtqa.checks.calendar",
    "mtqa.checks.orthography",
    "mtqa.checks.meta",
)


@cache
def all_checks() -> tuple[Check, ...]:
    """Every declared check, ordered by code. Codes and names are unique."""
    checks: list[Check] = []
    for mod in MODULES:
        checks.extend(importlib.import_module(mod).CHECKS)
    seen: dict[str, Check] = {}
    for c in checks:
        for key in (c.code, c.name, *c.aliases):
            if key in seen:
                raise RuntimeError(f"duplicate check code or name {key!r} ({c.module}, {seen[key].module})")
            seen[key] = c
    return tuple(sorted(checks, key=lambda c: c.code))


def get_check(code_or_name: str) -> Check | None:
    key = code_or_name.strip()
    for c in all_checks():
        if key.upper() == c.code or key == c.name or key.upper() in c.aliases:
            return c
    return None
