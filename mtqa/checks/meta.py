"""About mtqa itself (M001): inline ignores that ignore nothing.

An ``<!-- mtqa: ignore S101 -->`` left behind after the text was fixed, or naming the wrong
code, hides nothing today and will hide a real finding tomorrow. As Ruff's RUF100 does for
``# noqa``, M001 reports it, off by default (``--extend-select M001``).
"""

from __future__ import annotations

from collections.abc import Iterable

from mtqa.checks.base import CheckContext, Hit, bad, check, good
from mtqa.core.inline import inline_comments
from mtqa.core.model import Document, Severity


def _findings_by_line(doc: Document, ctx: CheckContext, codes: set[str]) -> dict[int, set[str]]:
    """Codes found per 0-based line: the engine's findings of this document when it ran M001
    (``ctx.document_findings``), else the hits of the checks the comments name, run here."""
    found = getattr(ctx, "document_findings", None)
    out: dict[int, set[str]] = {}
    if found is not None:
        for f in found:
            out.setdefault(f.line - 1, set()).add(f.code)
        return out
    from mtqa.checks import all_checks

    for c in all_checks():
        if c.code == "M001" or not any(c.code.startswith(x) for x in codes) or not c.applies_to(doc.language):
            continue
        try:
            hits = c.run(doc, ctx, 1000)
        except Exception:  # noqa: BLE001 - a check that cannot run here found nothing
            continue
        for h in hits:
            out.setdefault(doc.position(h.start)[0] - 1, set()).add(c.code)
    return out


@check(
    "M001", "unused-inline-ignore", Severity.WARNING,
    category="meta",
    message="'{text}' ignores nothing here: no finding of {codes} on {where}",
    default=False,
    examples=[
        bad("O líder chegou a Moscou. [[<!-- mtqa: ignore S101 -->]]"),
        bad("[[<!-- mtqa: ignore D103 -->]]\nA visita terminou com um acordo de cooperação."),
        bad("[[<!-- mtqa: ignore-file S102 -->]]\nO texto não tem nenhum espaço antes da vírgula."),
        good("O líder norte -coreano chegou. <!-- mtqa: ignore S101 -->"),
        good("<!-- mtqa: ignore D103 -->\nA visita terminou com um acordo de de cooperação."),
        good("<!-- mtqa: ignore-file S102 -->\nO texto , com um espaço antes da vírgula."),
        good("O texto não tem comentário algum."),
    ],
)
def unused_inline_ignore(doc: Document, ctx: CheckContext) -> Iterable[Hit]:
    """An inline ignore that suppresses no finding.

    ## Why it matters
    An ignore comment outlives the finding it was written for: the sentence is fixed, the
    comment stays, and the next artifact on that line is hidden without anyone deciding so. A
    comment with a mistyped code never hid anything at all.

    ## What fires
    An `<!-- mtqa: ignore ... -->` none of whose codes has a finding on the lines it covers (its
    own line, and the next non-blank line when it stands alone), and an `ignore-file` none of
    whose codes has a finding in the document. In `mtqa lint` the findings are those of the
    checks that ran; a code of a check that did not run finds nothing. Off by default:
    `--extend-select M001`. The suggestion deletes the comment.
    """
    comments = inline_comments(doc)
    if not comments:
        return
    codes = {x for c in comments for x in c.codes} or {""}
    found = _findings_by_line(doc, ctx, codes)
    everywhere = set().union(*found.values()) if found else set()
    for c in comments:
        if c.file_wide:
            hit = any(c.selects(code) for code in everywhere)
            where = "the document"
        else:
            hit = any(c.selects(code) for i in c.lines for code in found.get(i, ()))
            where = "this line" if len(c.lines) == 1 else "this line or the next"
        if not hit:
            yield Hit(c.start, c.end, suggestion="",
                      args={"codes": ", ".join(sorted(c.codes)) or "any check", "where": where})


CHECKS = (unused_inline_ignore,)
