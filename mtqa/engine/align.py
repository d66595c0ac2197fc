"""Source-aware mode: pair each translated document with its original and align their sentences.

The Bleualign idea: translate the source sentences with the same engine as the round trip, score
each candidate pairing of MT(source) against target sentences with chrF, and find the best
monotone alignment by dynamic programming over 1-1, 1-2, 2-1, 1-0 (a source sentence the
translation omits) and 0-1 (a target sentence with no source) steps. A pairing scores its chrF
minus :data:`SKIP_SCORE`, a skip scores 0, so two sentences are paired only when their similarity
beats leaving both unpaired.

The :class:`Aligner` is handed to the checks as the ``aligner`` provider (see ``mtqa lint
--source``); the A1xx checks in :mod:`mtqa.checks.alignment` read its :class:`Alignment`.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa.core.config import Config
from mtqa.core.errors import InputError, ProviderUnavailable
from mtqa.core.model import Document, Segment
from mtqa.core.text import load_document

#: chrF a pairing must exceed to be worth more than leaving both sides unpaired.
SKIP_SCORE = 25.0

#: (source sentences, target sentences) a step consumes.
STEPS = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))


@dataclass(slots=True)
class Bead:
    """One step of an alignment: source sentences paired with target sentences (either may be empty)."""

    source: list[Segment]
    target: list[Segment]
    #: MT of the source sentences into the target language, joined.
    mt: str = ""
    score: float = 0.0


@dataclass(slots=True)
class Alignment:
    source_path: str
    source: Document
    beads: list[Bead] = field(default_factory=list)

    @property
    def omissions(self) -> list[Bead]:
        return [b for b in self.beads if b.source and not b.target]

    @property
    def additions(self) -> list[Bead]:
        return [b for b in self.beads if b.target and not b.source]

    @property
    def pairs(self) -> list[Bead]:
        return [b for b in self.beads if b.source and b.target]


def align(
    source: list[str], mt: list[str], target: list[str], score: Any = None
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Monotone alignment of ``source`` (with its translations ``mt``) to ``target`` sentences.

    Returns ``(source indices, target indices, chrF)`` beads in order. ``score(hyp, ref)`` defaults
    to sacrebleu's sentence chrF.
    """
    if score is None:
        from mtqa.providers.metrics import chrf as score
    n, m = len(source), len(target)
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    memo: dict[tuple[int, int, int, int], float] = {}

    def pair_score(i0: int, i1: int, j0: int, j1: int) -> float:
        key = (i0, i1, j0, j1)
        if key not in memo:
            hyp = " ".join(mt[i0:i1])
            ref = " ".join(target[j0:j1])
            memo[key] = score(hyp, ref)
        return memo[key]

    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == neg:
                continue
            for di, dj in STEPS:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                if di and dj:
                    s = pair_score(i, ni, j, nj)
                    gain = s - SKIP_SCORE
                else:
                    s, gain = 0.0, 0.0
                if best[i][j] + gain > best[ni][nj]:
                    best[ni][nj] = best[i][j] + gain
                    back[ni][nj] = (i, j, s)
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        step = back[i][j]
        assert step is not None
        pi, pj, s = step
        beads.append((tuple(range(pi, i)), tuple(range(pj, j)), s))
        i, j = pi, pj
    beads.reverse()
    return beads


def _sentences(doc: Document) -> list[Segment]:
    return [s for s in doc.sentences if any(c.isalnum() for c in s.text)]


class Aligner:
    """Knows which source belongs to which target and aligns them on demand (once per document)."""

    def __init__(self, config: Config, *, pairs: dict[str, str] | None = None,
                 source_dir: str | None = None, source_file: str | None = None,
                 source_language: str = "en") -> None:
        self.config = config
        self.pairs = {str(Path(k).resolve()): v for k, v in (pairs or {}).items()}
        self.source_dir = source_dir
        self.source_file = source_file
        self.source_language = source_language
        self.providers: Any = None
        self._done: weakref.WeakKeyDictionary[Document, Alignment | None] = weakref.WeakKeyDictionary()

    @classmethod
    def from_paths(cls, targets: list[str], source: str | None, pairs_file: str | None,
                   config: Config) -> Aligner:
        """From ``--source PATH`` (a file for one target, or a folder) and/or ``--pairs FILE``."""
        pairs: dict[str, str] = {}
        if pairs_file:
            base = Path(pairs_file).parent
            for n, line in enumerate(Path(pairs_file).read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                parts = line.split("\t") if "\t" in line else line.split()
                if len(parts) != 2:
                    raise InputError(pairs_file, "expected 'TARGET SOURCE' (two paths)", n)
                tgt, src = (Path(p.strip()) for p in parts)
                tgt = tgt if tgt.is_absolute() else base / tgt
                src = src if src.is_absolute() else base / src
                if not src.is_file():
                    raise InputError(pairs_file, f"source {src} does not exist", n)
                pairs[str(tgt)] = str(src)
        source_dir = source_file = None
        if source:
            if Path(source).is_dir():
                source_dir = source
            else:
                files = [t for t in targets if t != "-" and Path(t).is_file()]
                if len(files) != 1 or len(targets) != 1:
                    raise InputError(
                        source, "a source file pairs with exactly one target file; "
                        "give a folder (pairs by file name) or --pairs for more"
                    )
                pairs[files[0]] = source
        return cls(config, pairs=pairs, source_dir=source_dir, source_file=source_file)

    def bind(self, providers: Any) -> Aligner:
        self.providers = providers
        return self

    def source_for(self, doc: Document) -> str | None:
        key = str(Path(doc.path).resolve())
        if key in self.pairs:
            return self.pairs[key]
        if self.source_dir:
            cand = Path(self.source_dir) / Path(doc.path).name
            if cand.is_file():
                return str(cand)
        return None

    def alignment(self, doc: Document) -> Alignment | None:
        """The alignment of ``doc`` with its source, or None when it has no source."""
        if doc in self._done:
            return self._done[doc]
        src_path = self.source_for(doc)
        if src_path is None:
            self._done[doc] = None
            return None
        src = load_document(src_path, language=self.source_language,
                            max_bytes=self.config.max_file_size, encoding=self.config.encoding)
        language = doc.language or self.config.language
        if not language:
            raise ProviderUnavailable("source-aware checks: the target language is unknown (--language)")
        service = self.providers.get("translator")
        if not service.supports(self.source_language, language, doc.variant or self.config.variant):
            raise ProviderUnavailable(
                f"translator {service.name}: no model for {self.source_language}->{language}"
            )
        s_segs, t_segs = _sentences(src), _sentences(doc)
        mt = service.translate([s.text for s in s_segs], self.source_language, language)
        al = Alignment(src_path, src)
        for si, ti, score in align([s.text for s in s_segs], mt, [t.text for t in t_segs]):
            al.beads.append(Bead([s_segs[i] for i in si], [t_segs[j] for j in ti],
                                 " ".join(mt[i] for i in si), score))
        doc.meta["source"] = {
            "path": src_path,
            "pairs": len(al.pairs),
            "omitted": len(al.omissions),
            "added": len(al.additions),
        }
        self._done[doc] = al
        return al
