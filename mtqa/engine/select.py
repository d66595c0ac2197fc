"""Choosing checks from configuration: by code, code prefix, name or category."""

from __future__ import annotations

from collections.abc import Iterable

from mtqa.checks import Check, all_checks
from mtqa.core.errors import ConfigError
from mtqa.core.model import CATEGORIES


def matches(check: Check, selector: str) -> bool:
    s = selector.strip()
    if not s:
        return False
    if s.upper() == "ALL":
        return True
    if s in CATEGORIES:
        return check.category == s
    if s == check.name or s == check.family:
        return True
    up = s.upper()
    return check.code.startswith(up) or up in check.aliases


def validate_selectors(selectors: Iterable[str], where: str) -> None:
    checks = all_checks()
    for s in selectors:
        if not any(matches(c, s) for c in checks):
            raise ConfigError(where, f"{s!r} selects no check (not a code, prefix, name or category)")


def select_checks(
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    checks: Iterable[Check] | None = None,
) -> list[Check]:
    """Explicit ``select`` replaces the defaults; ``extend_select`` adds; ``ignore`` removes.

    A check that is off by default runs only when a selector names it (code, name or category).
    """
    pool = list(checks if checks is not None else all_checks())
    select, ignore, extend = list(select), list(ignore), list(extend_select)
    out = []
    for c in pool:
        if select:
            chosen = any(matches(c, s) and (c.default or s.upper() != "ALL") for s in select)
        else:
            chosen = c.default
        if extend and any(matches(c, s) for s in extend):
            chosen = True
        if any(matches(c, s) for s in ignore):
            chosen = False
        if chosen:
            out.append(c)
    return out
