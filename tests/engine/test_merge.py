"""Findings of several checks on one span are reported once, under the most specific check."""

from __future__ import annotations

from mtqa.core.model import Finding, Severity
from mtqa.engine.suppress import merge_same_span


def mk(code: str, category: str, start: int = 0, end: int = 5, severity=Severity.WARNING,
       suggestion: str | None = None, path: str = "a.txt") -> Finding:
    return Finding(path=path, code=code, name=code.lower(), category=category, severity=severity,
                   message=f"{code} says so", start=start, end=end, text="xxxxx"[: end - start],
                   suggestion=suggestion)


def test_specific_category_kept_the_other_listed_with_its_suggestion():
    general = mk("C101", "inconsistency", suggestion="Coreia")
    specific = mk("G103", "orthography")
    assert merge_same_span([general, specific]) == 1
    assert specific.suppressed_by is None and general.suppressed_by == "merged:G103"
    assert specific.also == ["C101"]
    assert specific.evidence["also"] == [{"code": "C101", "name": "c101", "message": "C101 says so"}]
    # The kept finding had no suggestion: it takes the merged one's.
    assert specific.suggestion == "Coreia"
    assert "[also C101]" in specific.headline()


def test_severity_wins_over_category():
    boiler = mk("B101", "boilerplate", severity=Severity.INFO)
    lang = mk("L102", "untranslated_fragment", severity=Severity.ERROR)
    merge_same_span([boiler, lang])
    assert lang.suppressed_by is None and boiler.suppressed_by == "merged:L102"


def test_only_identical_spans_of_one_file_and_unsuppressed_findings_merge():
    a = mk("B101", "boilerplate", 0, 5)
    overlapping = mk("L102", "untranslated_fragment", 0, 4)
    other_file = mk("L102", "untranslated_fragment", path="b.txt")
    ignored = mk("L101", "untranslated_fragment")
    ignored.suppressed_by = "inline"
    assert merge_same_span([a, overlapping, other_file, ignored]) == 0
    assert [f.suppressed_by for f in (a, overlapping, other_file)] == [None, None, None]
    assert ignored.suppressed_by == "inline" and a.evidence is None


def test_merging_again_keeps_every_code():
    first = [mk("C101", "inconsistency"), mk("L102", "untranslated_fragment")]
    merge_same_span(first)
    kept = next(f for f in first if not f.suppressed_by)
    assert kept.code == "L102"
    boiler = mk("B101", "boilerplate")
    merge_same_span([*first, boiler])
    assert boiler.suppressed_by is None and boiler.also == ["L102", "C101"]
