"""JSON Lines: one object per document (and per file that could not be read), in run order, so
that an archive's report can be written, and read, one document at a time.

Each line: ``{"path", "encoding", "language", "variant", "words", "meta", "findings": [...],
"suppressed", "errors": [...]}``; findings are the objects of the JSON format.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TextIO


def document_line(path: str, doc, findings, suppressed: int = 0, errors=()) -> str:
    obj = {
        "path": path,
        "encoding": getattr(doc, "encoding", None),
        "language": getattr(doc, "language", None),
        "variant": getattr(doc, "variant", None),
        "words": doc.word_count if doc is not None and doc.text else None,
        "meta": getattr(doc, "meta", {}) if doc is not None else {},
        "findings": [f.to_dict() for f in findings],
        "suppressed": suppressed,
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in errors],
    }
    return json.dumps(obj, ensure_ascii=False) + "\n"


def render(result, stream: TextIO, **_) -> None:
    by_path = defaultdict(list)
    for f in result.findings:
        by_path[f.path].append(f)
    hidden = defaultdict(int)
    for f in result.suppressed:
        hidden[f.path] += 1
    errors = defaultdict(list)
    for e in result.errors:
        errors[e.path].append(e)
    for d in result.documents:
        stream.write(document_line(d.path, d, by_path.get(d.path, []), hidden.get(d.path, 0), errors.pop(d.path, [])))
    for path, errs in errors.items():
        stream.write(document_line(path, None, [], 0, errs))
