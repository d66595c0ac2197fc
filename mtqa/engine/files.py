"""Turning command-line paths into files: directories are walked, ``-`` is standard input.

A folder is walked for the files that match ``include`` and for the formats mtqa has a reader
for (Markdown, HTML, PO, XLIFF: mtqa.engine.readers.PATTERNS); ``exclude`` leaves any of them out,
and so does git: what the ``.gitignore`` files of the work tree ignore is not walked into
(mtqa.core.project.GitIgnore; ``respect_gitignore = false`` turns that off). A file named on the
command line is checked whatever the patterns say.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mtqa.core.project import GitIgnore
from mtqa.engine.readers import PATTERNS


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


def expand(paths: Iterable[str], include: Iterable[str], exclude: Iterable[str], *,
           gitignore: bool = True, stdin_name: str | None = None) -> tuple[list[Source], list[str]]:
    """Files to check (sorted within each directory) and paths that do not exist.

    ``stdin_name`` is what standard input (``-``) is shown and remembered as
    (``--stdin-filename``)."""
    include, exclude = list(dict.fromkeys([*include, *PATTERNS])), list(exclude)
    ignores = GitIgnore() if gitignore else None
    out: list[Source] = []
    missing: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            out.append(Source(stdin_name or "<stdin>", None))
            continue
        p = Path(raw)
        if p.is_dir():
            base = Path(os.path.normpath(p.absolute()))
            # A folder named on the command line is walked even if git ignores it.
            walk_ignores = ignores if ignores is not None and not ignores.ignored(base, True) else None
            for root, dirs, files in os.walk(p):
                here = base / os.path.relpath(root, p) if root != str(p) else base
                here = Path(os.path.normpath(here))
                dirs[:] = sorted(
                    d for d in dirs
                    if not d.startswith(".") and not _excluded(d, exclude)
                    and not (walk_ignores and walk_ignores.ignored(here / d, True))
                )
                for name in sorted(files):
                    fp = Path(root) / name
                    rel = fp.as_posix()
                    if name.startswith(".") or _excluded(rel, exclude):
                        continue
                    if walk_ignores is not None and walk_ignores.ignored(here / name):
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


def unread_folders(paths: Iterable[str], sources: Iterable[Source],
                   include: Iterable[str]) -> list[tuple[str, list[str]]]:
    """The folders among ``paths`` in which no file was found to check, each with the patterns
    that were looked for (a folder of files mtqa does not read must say so, not pass)."""
    folders = [raw for raw in paths if raw != "-" and Path(raw).is_dir()]
    if not folders:
        return []
    files = [s.path.resolve() for s in sources if s.path is not None]
    patterns = list(dict.fromkeys([*include, *PATTERNS]))
    out = []
    for raw in folders:
        root = Path(raw).resolve()
        if not any(root in f.parents for f in files):
            out.append((raw, patterns))
    return out
