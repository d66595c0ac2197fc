"""Turning command-line paths into files: directories are walked, ``-`` is standard input."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    display: str  # the path as shown in reports
    path: Path | None  # None for standard input


def _excluded(rel: str, patterns: Iterable[str]) -> bool:
    parts = rel.split("/")
    for pat in patterns:
        pat = pat.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or any(fnmatch.fnmatch(p, pat) for p in parts):
            return True
    return False


def expand(paths: Iterable[str], include: Iterable[str], exclude: Iterable[str]) -> tuple[list[Source], list[str]]:
    """Files to check (sorted within each directory) and paths that do not exist."""
    include, exclude = list(include), list(exclude)
    out: list[Source] = []
    missing: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            out.append(Source("<stdin>", None))
            continue
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(d, exclude))
                for name in sorted(files):
                    fp = Path(root) / name
                    rel = fp.as_posix()
                    if name.startswith(".") or _excluded(rel, exclude):
                        continue
                    if not any(fnmatch.fnmatch(name, pat) for pat in include):
                        continue
                    if rel not in seen:
                        seen.add(rel)
                        out.append(Source(rel, fp))
        elif p.exists():
            rel = p.as_posix()
            if rel not in seen:
                seen.add(rel)
                out.append(Source(rel, p))
        else:
            missing.append(raw)
    return out, missing
