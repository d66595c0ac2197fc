"""SARIF 2.1.0, with rule metadata from the check declarations and partial fingerprints."""

from __future__ import annotations

import json
from typing import TextIO

from mtqa import __version__
from mtqa.core.model import Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def to_data(result) -> dict:
    rules = []
    index = {}
    for c in sorted(result.checks, key=lambda c: c.code):
        index[c.code] = len(rules)
        rules.append(
            {
                "id": c.code,
                "name": c.name,
                "shortDescription": {"text": c.summary},
                "fullDescription": {"text": c.docs},
                "help": {"text": c.docs, "markdown": c.docs},
                "defaultConfiguration": {"level": _LEVEL[c.severity]},
                "properties": {"category": c.category, "tags": [c.category]},
            }
        )
    results = []
    for f in result.findings:
        res = {
            "ruleId": f.code,
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "charOffset": f.start,
                            "charLength": f.end - f.start,
                            "snippet": {"text": f.text},
                        },
                    }
                }
            ],
            "partialFingerprints": {"mtqa/v1": f.fingerprint},
            "properties": {"category": f.category, **({"also": f.also} if f.also else {})},
        }
        if f.code in index:
            res["ruleIndex"] = index[f.code]
        if f.suggestion is not None:
            res["fixes"] = [
                {
                    "description": {"text": f"Replace with {f.suggestion!r}"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": f.path},
                            "replacements": [
                                {
                                    "deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                                    "insertedContent": {"text": f.suggestion},
                                }
                            ],
                        }
                    ],
                }
            ]
        results.append(res)
    notifications = [
        {"level": "error", "message": {"text": e.message},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": e.path}}}]}
        for e in result.errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": "mtqa",
                "version": __version__,
                "rules": rules,
            }
        },
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "signature": result.signature,
            "documents": [
                {"path": d.path, "language": d.language, "variant": d.variant, "meta": d.meta}
                for d in result.documents
            ],
        },
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    else:
        run["invocations"] = [{"executionSuccessful": True}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(result, stream: TextIO, **_) -> None:
    json.dump(to_data(result), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
