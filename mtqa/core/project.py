"""Where a file belongs: its project root, the configuration that governs it, the key it is
remembered by, and what git ignores.

A finding's fingerprint, a reviewer's decision and a baseline entry must not depend on how the
path was typed: ``seeds/a.txt`` from the project root, ``/abs/path/seeds/a.txt``, ``a.txt``
from inside ``seeds/`` and the same file in another clone are one file. So each document gets a
*key*: its path relative to the project root, with ``/`` separators. The project root is the
folder of the configuration file that governs the file (``mtqa.toml``, or ``pyproject.toml``
with ``[tool.mtqa]``), else the root of the git work tree the file is in; a file under neither
keeps the path as typed (``../other/file.txt``), which is what every earlier mtqa used.

The configuration of a file is found from the file's own folder upward, as Ruff does, not from
the folder mtqa was started in: ``mtqa lint /abs/path/project/seeds`` from anywhere uses the
project's configuration.
"""

from __future__ import annotations

import os
from pathlib import Path

from mtqa.core.config import Config, find_config

#: Shown for standard input when no ``--stdin-filename`` names it.
STDIN = "<stdin>"


def git_root(folder: Path, cache: dict | None = None) -> Path | None:
    """The root of the git work tree ``folder`` (absolute) is in: the nearest folder upward
    holding ``.git`` (a folder, or a file as in worktrees and submodules). ``cache`` keeps the
    answers of one run (nothing is kept across runs: a long-lived server sees new folders)."""
    if cache is not None and folder in cache:
        return cache[folder]
    root = next((d for d in (folder, *folder.parents) if (d / ".git").exists()), None)
    if cache is not None:
        cache[folder] = root
    return root


def config_file_for(path: str | Path, cache: dict | None = None) -> Path | None:
    """The configuration file that governs ``path`` (a file or a folder): the nearest one from
    its folder upward, or None. ``cache`` keeps the answers of one run, by folder."""
    p = Path(path).absolute()
    folder = Path(os.path.normpath(p if p.is_dir() else p.parent))
    if cache is not None and folder in cache:
        return cache[folder]
    found = find_config(folder)
    if cache is not None:
        cache[folder] = found
    return found


def has_config_file(config: Config) -> bool:
    """Whether ``config`` was read from a file (not only defaults and the environment)."""
    return config.source not in ("", "defaults")


class Keys:
    """The key of each document of a run governed by ``config``.

    With a configuration file, the root is its folder; without one, the git root of each file's
    folder. A path outside the root (or with no root) is its own key, as typed.
    """

    def __init__(self, config: Config) -> None:
        self.root = Path(config.root).resolve() if has_config_file(config) else None
        self._cache: dict[str, str] = {}
        self._roots: dict = {}

    def key(self, display: str) -> str:
        k = self._cache.get(display)
        if k is None:
            k = self._cache[display] = self._key(display)
        return k

    def _key(self, display: str) -> str:
        if not display or display.startswith("<"):
            return display  # standard input without a name, or a caller's label
        try:
            path = Path(display).resolve()
        except (OSError, RuntimeError, ValueError):
            return display
        root = self.root or git_root(path.parent, self._roots)
        if root is not None:
            try:
                return path.relative_to(root).as_posix()
            except ValueError:
                pass
        return Path(display).as_posix()


def project_root(config: Config, paths: list[str]) -> Path | None:
    """The folder the review file and the baseline of ``config`` are resolved against when
    no configuration file says: the git root of the first path, if it is in a work tree."""
    for raw in paths:
        if raw == "-":
            continue
        p = Path(raw).absolute()
        root = git_root(Path(os.path.normpath(p if p.is_dir() else p.parent)))
        if root is not None:
            return root
    return None


# --- .gitignore ----------------------------------------------------------------------------------


class GitIgnore:
    """What the ``.gitignore`` files (and ``.git/info/exclude``) of a work tree leave out.

    Patterns are git's (pathspec's ``GitIgnoreSpec``): each ``.gitignore`` speaks of the paths
    under its own folder, a deeper file overrides a shallower one, and nothing under an ignored
    folder comes back. Files outside a work tree are never ignored. The user's global excludes
    file (``core.excludesFile``) is not read.
    """

    def __init__(self) -> None:
        self._specs: dict[Path, object | None] = {}
        self._roots: dict = {}

    def _spec(self, folder: Path, root: Path):
        if folder not in self._specs:
            lines: list[str] = []
            files = [folder / ".gitignore"]
            if folder == root:
                files.insert(0, root / ".git" / "info" / "exclude")
            for f in files:
                try:
                    if f.is_file():
                        lines.extend(f.read_text(encoding="utf-8", errors="replace").splitlines())
                except OSError:
                    continue
            spec = None
            if lines:
                import pathspec

                try:
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except Exception:  # noqa: BLE001 - a pattern git would skip must not stop a run
                    spec = None
            self._specs[folder] = spec
        return self._specs[folder]

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        """Whether git ignores ``path`` (absolute, normalised) by the patterns that speak of it.

        Its folders are not tested: a walk prunes an ignored folder before it reaches the files
        in it, and a folder named on the command line is checked even if git ignores it.
        """
        root = git_root(path.parent, self._roots)
        if root is None or path == root:
            return False
        parts = path.relative_to(root).parts
        if parts and parts[0] == ".git":
            return True
        return self._decide(root, parts, is_dir)

    def _decide(self, root: Path, parts: tuple[str, ...], is_dir: bool) -> bool:
        # Deepest .gitignore first: the first that has a say decides.
        for depth in range(len(parts) - 1, -1, -1):
            folder = root.joinpath(*parts[:depth])
            spec = self._spec(folder, root)
            if spec is None:
                continue
            rel = "/".join(parts[depth:]) + ("/" if is_dir else "")
            res = spec.check_file(rel)
            if res.include is not None:
                return bool(res.include)
        return False
