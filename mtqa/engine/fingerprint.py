"""Fingerprints that identify a finding without line numbers, so they survive unrelated edits."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from mtqa.core.model import Document, Finding, Segment


def _norm(s: str) -> str:
    return " ".join(s.split())


def assign(doc: Document, findings: Iterable[Finding]) -> None:
    """Set ``fingerprint`` = sha256(code, path, sentence, matched text, occurrence).

    The path is the document's key (its path relative to the project root, see
    mtqa.core.project) when it has one, so that a fingerprint does not depend on how the path was
    typed or from which folder mtqa ran.

    Linear in the findings and the text: each sentence (or line) is normalised once, and the
    hash of the part of the key that ends with it (code, path, sentence) is computed once per
    code and then copied, so a huge one-line document with thousands of findings does not hash
    its line thousands of times. The digests are the same as hashing the whole key each time.
    """
    path = doc.key
    seen: Counter = Counter()
    contexts: dict[tuple[int, int], str] = {}
    prefixes: dict[tuple[str, str, int, int], hashlib._Hash] = {}
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        seg: Segment | None = doc.segment_at(f.start, "sentence") or doc.segment_at(f.start, "line")
        span = (seg.start, seg.end) if seg else (-1, -1)
        context = contexts.get(span)
        if context is None:
            context = contexts[span] = _norm(seg.text) if seg else ""
        text = _norm(f.text)
        fpath = path if path is not None else f.path
        key = (f.code, fpath, context, text)
        n = seen[key]
        seen[key] += 1
        pkey = (f.code, fpath, *span)
        prefix = prefixes.get(pkey)
        if prefix is None:
            prefix = prefixes[pkey] = hashlib.sha256("\x1f".join((f.code, fpath, context, "")).encode("utf-8"))
        h = prefix.copy()
        h.update("\x1f".join((text, str(n))).encode("utf-8"))
        f.fingerprint = h.hexdigest()[:32]
