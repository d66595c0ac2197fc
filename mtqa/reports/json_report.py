"""JSON: ``{"version": 1, "signature": ..., "documents": [...], "findings": [...], "errors": [...]}``.

The schema is a contract: fields are only ever added (with a version bump when one changes).

A finding's ``suggestion`` is ``null`` when the check has no fix, ``""`` when the fix deletes
the span, and otherwise the replacement (``mtqa lint --fix`` applies it when the code is one of
:data:`mtqa.core.fix.SAFE_FIXES`).
"""

from __future__ import annotations

import json
from typing import TextIO

VERSION = 1


def to_data(result) -> dict:
    return {
        "version": VERSION,
        "signature": result.signature,
        "documents": [
            {
                "path": d.path,
                "encoding": d.encoding,
                "language": d.language,
                "variant": d.variant,
                "words": d.word_count,
                "meta": d.meta,
            }
            for d in result.documents
        ],
        "findings": [f.to_dict() for f in result.findings],
        "suppressed": sum(1 for f in result.suppressed if not f.suppressed_by.startswith("merged:")),
        "merged": sum(1 for f in result.suppressed if f.suppressed_by.startswith("merged:")),
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in result.errors],
        "skipped": [{"code": k, "reason": v} for k, v in sorted(result.skipped.items())],
    }


def render(result, stream: TextIO, **_) -> None:
    json.dump(to_data(result), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
