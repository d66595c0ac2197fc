"""The glossary provider: loads glossaries once and matches them against documents.

The glossaries read are, in order: ``config.glossary.paths`` (files or folders) or, when none are
configured, the ones shipped with mtqa (``glossaries/`` at the root of the source tree, or the copy
installed inside the package); then ``config.glossary.extend_paths``, added to them; then the
project glossary ``config.glossary.file`` (``mtqa-glossary.yaml`` beside the configuration file)
when it exists, which is where ``mtqa review`` adds entries. Relative paths are resolved against
the folder of the configuration file. Entries listed in ``config.glossary.disable`` are dropped.
Matching results are cached per document, so every glossary check of one document shares one scan.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mtqa.core import glossary as g
from mtqa.core.config import Config
from mtqa.core.errors import ConfigError, ProviderUnavailable
from mtqa.core.model import Document


class GlossaryProvider:
    """All loaded entries, with one compiled :class:`~mtqa.core.glossary.Matcher` per
    (language, variant)."""

    def __init__(self, glossaries: list[g.Glossary], *, disable: list[str] | None = None, language: str = "pt", variant: str | None = None) -> None:
        off = set(disable or ())
        self.glossaries = glossaries
        self.entries = [e for e in g.iter_entries(glossaries) if e.id not in off]
        self.language = language
        self.variant = variant
        self._matchers: dict[tuple[str, str | None], g.Matcher] = {}
        self._last: tuple[int, str, list[g.Match]] | None = None
        self.digest = g.merge(glossaries).digest

    def entries_for(self, language: str) -> list[g.Entry]:
        targets = {gl.path: gl.target_language for gl in self.glossaries}
        return [e for e in self.entries if targets.get(e.file, language) == language]

    def matcher(self, language: str | None, variant: str | None) -> g.Matcher:
        key = (language or "", (variant or "").upper() or None)
        m = self._matchers.get(key)
        if m is None:
            m = self._matchers[key] = g.Matcher(self.entries_for(key[0]), key[1])
        return m

    def matches(self, doc: Document) -> list[g.Match]:
        """Every glossary match in ``doc`` (sentence by sentence), cached for the last document."""
        if self._last is not None and self._last[0] == id(doc) and self._last[1] == doc.text:
            return self._last[2]
        detected = doc.meta.get("detected_language")
        confident = float(doc.meta.get("language_confidence") or 0) >= 0.9 and doc.word_count >= 30
        if detected and doc.language and detected != doc.language and confident:
            # A text confidently detected as another language is the language checks' business;
            # matching Portuguese entries against it (English 'Russia' in an English text) is
            # noise. Short texts are always matched: detection is unreliable on them.
            found: list[g.Match] = []
        else:
            found = self.matcher(doc.language, doc.variant).scan((s.start, s.text) for s in doc.sentences)
        self._last = (id(doc), doc.text, found)
        return found

    def variant_matches(self, doc: Document, variant: str) -> list[g.Match]:
        """Matches of the ``variant`` entries meant for documents of ``variant`` (so, with
        ``"BR"``, the pt-PT forms in ``doc``), whatever variant ``doc`` is configured with."""
        key = (doc.language or "", "kind:variant:" + variant.upper())
        m = self._matchers.get(key)
        if m is None:
            m = self._matchers[key] = g.Matcher(self.entries_for(key[0]), variant.upper(), kinds=("variant",))
        return m.scan((s.start, s.text) for s in doc.sentences)

    def forget_answers(self) -> None:
        """Forget the matches remembered per sentence (the compiled matchers stay)."""
        self._last = None
        for m in self._matchers.values():
            m._memo.clear()

    def signature(self) -> str:
        """``en-pt_BR@1a2b3c4d``: pair, configured variant and a hash of the glossary files."""
        variant = f"_{self.variant.upper()}" if self.variant else ""
        return f"en-{self.language or 'xx'}{variant}@{self.digest[:8]}"


@dataclass
class GlossaryPaths:
    """Where the glossaries of a configuration are read from (resolved paths)."""

    #: ``glossary.paths``, or the shipped glossaries when that is empty.
    base: list[Path]
    #: ``glossary.extend_paths``.
    extend: list[Path] = field(default_factory=list)
    #: ``glossary.file``, whether or not it exists (None when the key is empty).
    project: Path | None = None
    #: Whether ``base`` is the user's (``glossary.paths``) rather than the shipped glossaries.
    user_base: bool = False

    def existing(self) -> list[Path]:
        """Every path read: ``base``, ``extend``, and ``project`` when it is a file."""
        out = [*self.base, *self.extend]
        if self.project is not None and self.project.is_file():
            out.append(self.project)
        return out


def configured_paths(config: Config) -> GlossaryPaths:
    gc = config.glossary
    base = [config.resolve(p) for p in gc.paths] if gc.paths else [g.shipped_dir()]
    return GlossaryPaths(
        base=base,
        extend=[config.resolve(p) for p in gc.extend_paths],
        project=config.resolve(gc.file) if gc.file else None,
        user_base=bool(gc.paths),
    )


def _key_line(config: Config, key: str) -> int | None:
    """The line of ``glossary.<key>`` in the configuration file, when it can be found."""
    from mtqa.core.config import _key_line as line_of

    src = Path(config.source)
    try:
        raw = src.read_text(encoding="utf-8") if src.is_file() else ""
    except (OSError, UnicodeDecodeError):
        return None
    prefix = "tool.mtqa" if src.name == "pyproject.toml" else ""
    return line_of(raw, prefix, f"glossary.{key}") if raw else None


def check_paths(config: Config, found: GlossaryPaths | None = None) -> None:
    """A :class:`ConfigError` naming the configuration file, the key's line and the path when a
    configured glossary file or folder does not exist (the shipped ones are not checked here)."""
    found = found or configured_paths(config)
    keyed = [("extend_paths", config.glossary.extend_paths, found.extend)]
    if found.user_base:
        keyed.insert(0, ("paths", config.glossary.paths, found.base))
    for key, raw, resolved in keyed:
        for given, path in zip(raw, resolved, strict=True):
            if path.exists():
                continue
            shown = given if str(path) == given else f"{given} ({path})"
            if config.source == "defaults":
                raise ConfigError(str(path), "no such glossary file or folder")
            raise ConfigError(config.source, f"glossary.{key}: no such glossary file or folder: {shown}",
                              _key_line(config, key))


def glossary_files(config: Config) -> list[Path]:
    """Every glossary file a configuration reads, each once, in order."""
    found = configured_paths(config)
    check_paths(config, found)
    seen: set[Path] = set()
    out = []
    for f in g.glossary_files(found.existing()):
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def lint_reads(config: Config, path: str | Path) -> bool:
    """Whether ``mtqa lint`` with ``config`` reads the glossary file ``path`` (once it exists): a
    configured file, a ``.yaml`` file inside a configured folder, or the project glossary."""
    p = Path(path).expanduser().resolve()
    if p.suffix not in (".yaml", ".yml"):
        return False
    found = configured_paths(config)
    for d in (*found.base, *found.extend):
        d = d.resolve()
        if d == p or (d.is_dir() and p.is_relative_to(d)):
            return True
    return found.project is not None and found.project.resolve() == p


def writable(path: Path) -> bool:
    """Whether ``path`` can be written: an existing regular file we may write, or a missing file
    in a folder we may write."""
    if path.exists():
        return path.is_file() and not path.is_symlink() and os.access(path, os.W_OK)
    return path.parent.is_dir() and os.access(path.parent, os.W_OK)


def from_config(config: Config) -> GlossaryProvider:
    found = configured_paths(config)
    try:
        files = glossary_files(config)
        glossaries = [g.load_file(f) for f in files]
    except ConfigError as exc:
        # A malformed glossary skips the glossary checks (named file and line); the other
        # checks still run. `mtqa glossary validate` fails on it with exit code 2.
        raise ProviderUnavailable(f"glossary: {exc}") from None
    if not glossaries:
        where = ", ".join(str(Path(p)) for p in found.existing())
        raise ProviderUnavailable(f"glossary: no glossary files found in {where}")
    shipped = g.shipped_dir().resolve()
    users = [gl for gl in glossaries if found.user_base or not Path(gl.path).resolve().is_relative_to(shipped)]
    if users:
        # The shipped glossaries pass `mtqa glossary validate` in CI; a user's may hold a regex
        # that backtracks catastrophically ('(a+)+$') and would hang every lint. Refuse it here,
        # naming its file and line, before anything is compiled.
        problem = unsafe_regex(users)
        if problem:
            raise ProviderUnavailable(f"glossary: {problem}")
    return GlossaryProvider(
        glossaries, disable=config.glossary.disable, language=config.language or "pt",
        variant=config.variant or None,
    )


def unsafe_regex(glossaries: list[g.Glossary]) -> str | None:
    """``FILE:LINE: why`` of the first pattern or context regex that cannot be used safely."""
    for gl in glossaries:
        for e in gl.entries:
            found = [(p, "patterns") for p in e.patterns]
            for conds, key in ((e.context, "context"), (e.unless, "unless")):
                found += [(p, key) for c in conds for p in (*c.near, c.before, c.after) if p]
            for p, key in found:
                why = g.check_regex(p)
                if why:
                    return f"{e.file}:{e.key_lines.get(key, e.line)}: entry {e.id!r}: {why}"
    return None
