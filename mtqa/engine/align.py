"""Source-aware mode: pair each translated document with its original and align their sentences.

The Bleualign idea: translate the source sentences with the same engine as the round trip, score
each candidate pairing of MT(source) against target sentences with chrF, and find the best
monotone alignment by dynamic programming over 1-1, 1-2, 2-1, 1-0 (a source sentence the
translation omits) and 0-1 (a target sentence with no source) steps. A pairing scores its chrF
minus :data:`SKIP_SCORE`, a skip scores 0, so two sentences are paired only when their similarity
beats leaving both unpaired.

The :class:`Aligner` is handed to the checks as the ``aligner`` provider (see ``mtqa lint
--source``); the A1xx checks in :mod:`mtqa.checks.alignment` read its :class:`Alignment`.

A bilingual file (PO, XLIFF) carries each unit's source beside its translation
(``doc.units``), so it needs no ``--source``: when no source file is paired with it, it is
aligned unit by unit (:meth:`Aligner.units_alignment`). The unit is the file's own pairing and is
never crossed: inside a unit the sentences are aligned as above, and a unit in which that pairs
no sentence at all (one sentence on each side that the machine translation of the source does
not resemble, say) is one pair, source and translation whole, because the file says they belong
together: a loose or wrong translation is then A103/A104/A105's business, not an omission plus
an addition. The engine gives every run an aligner with no source files (so PO and XLIFF files
are aligned with their own units); ``--source`` and ``--pairs`` replace it with one that pairs
files, and a file paired that way is aligned with that source instead of its units.
"""

from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa.core.config import Config
from mtqa.core.errors import DocumentSkipped, InputError, ProviderUnavailable
from mtqa.core.model import Document, Segment, Unit
from mtqa.core.text import load_document

#: chrF a pairing must exceed to be worth more than leaving both sides unpaired.
SKIP_SCORE = 25.0

#: (source sentences, target sentences) a step consumes.
STEPS = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))

#: Formats whose documents carry their source (``doc.units``).
BILINGUAL = frozenset({"po", "xliff"})

#: Why a source-aware check does not run on a monolingual document when no source was given.
NO_SOURCE = ("no source to compare with: give --source or --pairs"
             " (PO and XLIFF files carry their own)")


@dataclass(slots=True)
class Bead:
    """One step of an alignment: source sentences paired with target sentences (either may be empty)."""

    source: list[Segment]
    target: list[Segment]
    #: MT of the source sentences into the target language, joined.
    mt: str = ""
    score: float = 0.0
    #: The translation unit of a bilingual file the bead lies in, when the file is aligned with
    #: its own units (None when it is aligned with a separate source file). No bead crosses one.
    unit: Unit | None = None


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

    @property
    def has_sources(self) -> bool:
        """True when source files were given (``--source``, ``--pairs``)."""
        return bool(self.pairs or self.source_dir or self.source_file)

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
        """The alignment of ``doc`` with its source, or None when it has no source.

        The source is the file paired with ``doc`` (``--source``, ``--pairs``), else, for a PO
        or XLIFF file, its units' own sources. A monolingual file (plain text, Markdown, HTML)
        when no source files were given at all raises DocumentSkipped (the checks asked for
        could not run on it: a note, and exit 3 when no document could run them); with source
        files given, one that none of them pairs with is left alone, as it always was.
        """
        if doc in self._done:
            return self._done[doc]
        src_path = self.source_for(doc)
        if src_path is None:
            if doc.units:
                al = self.units_alignment(doc)
            elif not self.has_sources and doc.format not in BILINGUAL:
                raise DocumentSkipped(NO_SOURCE)
            else:
                al = None  # a bilingual file with no translated unit, or no file to pair with
            self._done[doc] = al
            return al
        src = load_document(src_path, language=self.source_language,
                            max_bytes=self.config.max_file_size, encoding=self.config.encoding)
        service, language = self._translator(doc)
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

    def _translator(self, doc: Document, source_language: str | None = None) -> tuple[Any, str]:
        """The translator service and the target language for ``doc``; raises
        ProviderUnavailable when there is none for source language -> target language."""
        language = doc.language or self.config.language
        if not language:
            raise ProviderUnavailable("source-aware checks: the target language is unknown (--language)")
        service = self.providers.get("translator")
        src = source_language or self.source_language
        if not service.supports(src, language, doc.variant or self.config.variant):
            raise ProviderUnavailable(
                f"translator {service.name}: no model for {src}->{language}"
            )
        return service, language

    def units_alignment(self, doc: Document) -> Alignment:
        """The alignment of a bilingual document with its own units (``doc.units``).

        The sources of the units are one source Document (``Alignment.source``, each unit's
        source a block of it, so its sentences are split as a file's are); the target sentences
        are ``doc``'s sentences inside each unit's span. Every source sentence is translated in
        one batch; each unit is aligned on its own (see the module docstring), its beads marked
        with the unit. Spans stay in ``doc``'s text, which the engine maps back to the file.
        """
        # An XLIFF file declares its sources' language (mtqa.engine.readers.xliff); a PO file
        # does not, and its msgids are taken to be in the aligner's source language (English).
        source_language = doc.meta.get("source_language") or self.source_language
        service, language = self._translator(doc, source_language)
        units = sorted(doc.units, key=lambda u: u.start)
        pieces, spans, at = [], [], 0
        for u in units:
            if pieces:
                pieces.append("\n\n")
                at += 2
            pieces.append(u.source)
            spans.append((at, at + len(u.source)))
            at += len(u.source)
        src = Document(doc.path, "".join(pieces), language=source_language)
        s_by = _by_span(_sentences(src), spans)
        t_by = _by_span(_sentences(doc), [(u.start, u.end) for u in units])
        translated = service.translate([s.text for group in s_by for s in group],
                                       source_language, language)
        al = Alignment(doc.path, src)
        done = 0
        for u, s_segs, t_segs in zip(units, s_by, t_by, strict=True):
            mt = translated[done : done + len(s_segs)]
            done += len(s_segs)
            al.beads.extend(_align_unit(u, s_segs, mt, t_segs))
        doc.meta["source"] = {
            "path": doc.path,
            "units": len(units),
            "pairs": len(al.pairs),
            "omitted": len(al.omissions),
            "added": len(al.additions),
        }
        return al


def _by_span(segs: list[Segment], spans: list[tuple[int, int]]) -> list[list[Segment]]:
    """The segments inside each span (spans in order, not overlapping)."""
    starts = [a for a, _ in spans]
    out: list[list[Segment]] = [[] for _ in spans]
    for s in segs:
        k = bisect.bisect_right(starts, s.start) - 1
        if k >= 0 and s.end <= spans[k][1]:
            out[k].append(s)
    return out


def _align_unit(unit: Unit, s_segs: list[Segment], mt: list[str], t_segs: list[Segment],
                score: Any = None) -> list[Bead]:
    """The beads of one unit: its sentences aligned as a file's, or the unit as one pair when
    that pairs no sentence (both sides having some)."""
    if score is None:
        from mtqa.providers.metrics import chrf as score
    if not s_segs and not t_segs:
        return []
    steps = []
    if s_segs and t_segs and (len(s_segs), len(t_segs)) != (1, 1):
        steps = align([s.text for s in s_segs], mt, [t.text for t in t_segs], score=score)
    if s_segs and t_segs and not any(si and ti for si, ti, _ in steps):
        joined = " ".join(mt)
        return [Bead(list(s_segs), list(t_segs), joined,
                     score(joined, " ".join(t.text for t in t_segs)), unit)]
    if not steps:  # one side has no words: what the other has is omitted or added
        steps = align([s.text for s in s_segs], mt, [t.text for t in t_segs], score=score)
    return [Bead([s_segs[i] for i in si], [t_segs[j] for j in ti], " ".join(mt[i] for i in si),
                 sc, unit) for si, ti, sc in steps]
