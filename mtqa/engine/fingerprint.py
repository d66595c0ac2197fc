"""Fingerprints that identify a finding without line numbers, so they survive unrelated edits."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from mtqa.core.model import Document, Finding


def _norm(s: str) -> str:
    return " ".join(s.split())


def assign(doc: Document, findings: Iterable[Finding]) -> None:
    """Set ``fingerprint`` = sha256(code, path, sentence, matched text, occurrence)."""
    seen: Counter = Counter()
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        seg = doc.segment_at(f.start, "sentence") or doc.segment_at(f.start, "line")
        context = _norm(seg.text) if seg else ""
        key = (f.code, f.path, context, _norm(f.text))
        n = seen[key]
        seen[key] += 1
        h = hashlib.sha256("\x1f".join((*key, str(n))).encode("utf-8")).hexdigest()
        f.fingerprint = h[:32]
