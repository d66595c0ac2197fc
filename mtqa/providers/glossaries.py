"""The glossary provider: loads glossaries once and matches them against documents.

Glossaries come from ``config.glossary.paths`` (files or folders) or, when none are configured,
from the ones shipped with mtqa (``glossaries/`` at the root of the source tree, or the copy
installed inside the package). Entries listed in ``config.glossary.disable`` are dropped.
Matching results are cached per document, so every glossary check of one document shares one scan.
"""

from __future__ import annotations

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


def from_config(config: Config) -> GlossaryProvider:
    paths = [config.resolve(p) for p in config.glossary.paths] if config.glossary.paths else [g.shipped_dir()]
    try:
        glossaries = g.load_glossaries(paths)
    except ConfigError as exc:
        # A malformed glossary skips the glossary checks (named file and line); the other
        # checks still run. `mtqa glossary validate` fails on it with exit code 2.
        raise ProviderUnavailable(f"glossary: {exc}") from None
    if not glossaries:
        where = ", ".join(str(Path(p)) for p in paths)
        raise ProviderUnavailable(f"glossary: no glossary files found in {where}")
    if config.glossary.paths:
        # The shipped glossaries pass `mtqa glossary validate` in CI; a user's may hold a regex
        # that backtracks catastrophically ('(a+)+$') and would hang every lint. Refuse it here,
        # naming its file and line, before anything is compiled.
        problem = unsafe_regex(glossaries)
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
