"""Measuring the checks against gold annotations.

A gold file is JSON Lines, one artifact a line::

    {"file": "000_x.txt", "start": 123, "end": 135, "text": "Senhor Putin", "category": "calque"}

(``note`` and ``fix`` are optional). ``start``/``end`` are Python ``str`` offsets into the file
under ``root`` decoded as it is stored. :func:`evaluate` runs the configured checks through the
engine on the gold's files and reports:

- **recall** per category and overall: the share of gold spans that some finding overlaps (any
  check), and the stricter share overlapped by a check of the gold span's own category;
- **noise**: findings on the gold files that overlap no gold span, per check;
- **false alarms**: findings per 1,000 words on files known to be clean, overall and per check.

A gold file the evaluator has never seen is measured as far as it can be: a malformed line, a span
outside its file or a file that cannot be read is reported with the gold file's name and line and
left out; an unknown category is reported and still measured; a span whose ``text`` differs from
the file's slice is reported as a warning and measured at its offsets.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtqa.core.config import Config
from mtqa.core.errors import InputError
from mtqa.core.model import CATEGORIES, Document, Finding

#: Version of the JSON report and of the baseline file format.
VERSION = 1
#: Keys every gold record must have, with their types.
REQUIRED: dict[str, type] = {"file": str, "start": int, "end": int, "text": str, "category": str}
OPTIONAL: dict[str, type] = {"note": str, "fix": str}


class GoldError(InputError):
    """The gold file cannot be used at all (unreadable, or not one usable record)."""


@dataclass(frozen=True)
class GoldSpan:
    """One annotated artifact, with the line of the gold file it came from."""

    file: str
    start: int
    end: int
    text: str
    category: str
    line: int
    note: str | None = None
    fix: str | None = None


@dataclass(frozen=True)
class Issue:
    """A problem with the gold file: ``error`` lines are left out, ``warning`` lines are kept."""

    level: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.level}: {self.message}"


@dataclass
class Score:
    """Recall of one category (or overall)."""

    total: int = 0
    #: Gold spans that a finding of any check overlaps.
    found: int = 0
    #: Gold spans that a finding of a check of the span's own category overlaps.
    found_same_category: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def recall_same_category(self) -> float:
        return self.found_same_category / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "found": self.found,
            "recall": round(self.recall, 4),
            "found_same_category": self.found_same_category,
            "recall_same_category": round(self.recall_same_category, 4),
        }


@dataclass
class EvalReport:
    gold: str
    root: str
    spans: list[GoldSpan] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    by_category: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    #: Gold span -> codes of the findings that overlap it.
    matched: dict[GoldSpan, list[str]] = field(default_factory=dict)
    gold_findings: int = 0
    #: Findings on gold files that overlap no gold span, per check code.
    unmatched_by_check: Counter = field(default_factory=Counter)
    findings_by_check: Counter = field(default_factory=Counter)
    #: Findings on gold files that overlap no gold span: (file, line, code, text).
    unmatched: list[tuple[str, int, str, str]] = field(default_factory=list)
    #: Gold spans each check overlaps (a span found by two checks counts for both).
    spans_by_check: Counter = field(default_factory=Counter)
    clean_files: int = 0
    clean_words: int = 0
    clean_by_check: Counter = field(default_factory=Counter)
    #: (path, line, code, text) of each finding on clean files.
    clean_examples: list[tuple[str, int, str, str]] = field(default_factory=list)
    check_names: dict[str, str] = field(default_factory=dict)
    checks_run: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    signature: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def unknown_categories(self) -> list[str]:
        return sorted(c for c in self.by_category if c not in CATEGORIES)

    @property
    def missed(self) -> list[GoldSpan]:
        return [s for s in self.spans if not self.matched.get(s)]

    @property
    def clean_findings(self) -> int:
        return sum(self.clean_by_check.values())

    @property
    def false_alarm_rate(self) -> float:
        """Findings per 1,000 words of clean text (0 when there is no clean text)."""
        return 1000 * self.clean_findings / self.clean_words if self.clean_words else 0.0

    def per_1k(self, n: int) -> float:
        return 1000 * n / self.clean_words if self.clean_words else 0.0

    def to_dict(self) -> dict[str, Any]:
        matched_findings = self.gold_findings - sum(self.unmatched_by_check.values())
        return {
            "version": VERSION,
            "gold": self.gold,
            "root": self.root,
            "signature": self.signature,
            "checks": self.checks_run,
            "skipped": [{"code": k, "reason": v} for k, v in sorted(self.skipped.items())],
            "recall": {
                "overall": self.overall.to_dict(),
                "by_category": {k: v.to_dict() for k, v in sorted(self.by_category.items())},
                "unknown_categories": self.unknown_categories,
            },
            "gold_files": {
                "spans": len(self.spans),
                "files": len({s.file for s in self.spans}),
                "findings": self.gold_findings,
                "findings_overlapping_gold": matched_findings,
                "precision": round(matched_findings / self.gold_findings, 4)
                if self.gold_findings else None,
                "findings_by_check": dict(sorted(self.findings_by_check.items())),
                "spans_found_by_check": dict(sorted(self.spans_by_check.items())),
                "unmatched_by_check": dict(sorted(self.unmatched_by_check.items())),
                "unmatched": [{"file": p, "line": ln, "code": c, "text": t}
                              for p, ln, c, t in self.unmatched],
            },
            "clean": {
                "files": self.clean_files,
                "words": self.clean_words,
                "findings": self.clean_findings,
                "per_1k_words": round(self.false_alarm_rate, 4),
                "by_check": {
                    code: {"findings": n, "per_1k_words": round(self.per_1k(n), 4)}
                    for code, n in sorted(self.clean_by_check.items())
                },
                "examples": [
                    {"path": p, "line": ln, "code": c, "text": t} for p, ln, c, t in self.clean_examples
                ],
            },
            "missed": [
                {"file": s.file, "start": s.start, "end": s.end, "text": s.text,
                 "category": s.category, "gold_line": s.line}
                for s in self.missed
            ],
            "issues": [dataclasses.asdict(i) for i in self.issues],
            "seconds": round(self.seconds, 3),
        }


# --- reading the gold ---------------------------------------------------------------------------


def parse_gold(path: str | Path) -> tuple[list[GoldSpan], list[Issue]]:
    """Read a gold JSON Lines file. Malformed lines become ``error`` issues naming the line.

    Raises :class:`GoldError` only when the file itself cannot be read.
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise GoldError(name, f"cannot read gold file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GoldError(name, f"gold file is not UTF-8 (invalid byte at offset {exc.start})") from None
    spans: list[GoldSpan] = []
    issues: list[Issue] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            issues.append(Issue("error", where, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        problem = _record_problem(rec)
        if problem:
            issues.append(Issue("error", where, problem))
            continue
        if rec["category"] not in CATEGORIES:
            issues.append(Issue("warning", where, f"unknown category {rec['category']!r} "
                                "(measured, but not a category of the taxonomy)"))
        spans.append(GoldSpan(
            file=rec["file"], start=rec["start"], end=rec["end"], text=rec["text"],
            category=rec["category"], line=lineno, note=rec.get("note"), fix=rec.get("fix"),
        ))
    return spans, issues


def _record_problem(rec: Any) -> str | None:
    if not isinstance(rec, dict):
        return f"expected a JSON object, got {type(rec).__name__}"
    missing = [k for k in REQUIRED if k not in rec]
    if missing:
        return "missing key" + ("s " if len(missing) > 1 else " ") + ", ".join(missing)
    for key, tp in {**REQUIRED, **OPTIONAL}.items():
        if key not in rec or (key in OPTIONAL and rec[key] is None):
            continue
        v = rec[key]
        if not isinstance(v, tp) or isinstance(v, bool):
            return f"{key!r} must be {'an integer' if tp is int else 'a string'}, got {v!r}"
    if not rec["file"].strip():
        return "'file' is empty"
    if rec["start"] < 0 or rec["end"] < rec["start"]:
        return f"bad offsets start={rec['start']} end={rec['end']} (need 0 <= start <= end)"
    return None


def validate_spans(
    spans: Sequence[GoldSpan], texts: Mapping[str, str], gold: str
) -> tuple[list[GoldSpan], list[Issue]]:
    """Keep the spans that fit their file; a text that differs from the slice is only a warning."""
    kept: list[GoldSpan] = []
    issues: list[Issue] = []
    for s in spans:
        where = f"{gold}:{s.line}"
        text = texts.get(s.file)
        if text is None:
            continue  # the file's problem is reported once, by the caller
        if s.end > len(text):
            issues.append(Issue("error", where, f"span {s.start}-{s.end} is beyond the end of "
                                f"{s.file} ({len(text)} characters)"))
            continue
        actual = text[s.start : s.end]
        if actual != s.text:
            hint = ""
            at = _nearest(text, s.text, s.start) if s.text else -1
            if at >= 0:
                hint = f"; that text occurs at offset {at}"
            issues.append(Issue("warning", where, f"text {s.text!r} does not match {s.file}"
                                f"[{s.start}:{s.end}] = {_clip(actual)!r}{hint} "
                                "(measured at the given offsets)"))
        kept.append(s)
    return kept, issues


def _nearest(text: str, needle: str, offset: int) -> int:
    best = -1
    i = text.find(needle)
    while i != -1:
        if best < 0 or abs(i - offset) < abs(best - offset):
            best = i
        i = text.find(needle, i + 1)
    return best


def _clip(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


# --- matching -----------------------------------------------------------------------------------


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Do two spans share a character? An empty span (an insertion point) counts as a point that
    overlaps a span touching it."""
    if a_start == a_end or b_start == b_end:
        return a_start <= b_end and b_start <= a_end
    return a_start < b_end and b_start < a_end


def match(
    spans: Iterable[GoldSpan], findings: Iterable[Finding]
) -> tuple[dict[GoldSpan, list[Finding]], list[Finding]]:
    """Pair gold spans with the findings overlapping them (same file); findings left over."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.path].append(f)
    index = {}
    for path, fs in by_file.items():
        fs.sort(key=lambda f: f.start)
        index[path] = ([f.start for f in fs], max(f.end - f.start for f in fs))
    used: set[int] = set()
    out: dict[GoldSpan, list[Finding]] = {}
    for s in spans:
        fs = by_file.get(s.file, [])
        hits = []
        if fs:
            starts, longest = index[s.file]
            # Only findings starting in [s.start - longest, s.end] can overlap the span.
            lo = bisect.bisect_left(starts, s.start - longest)
            hi = bisect.bisect_right(starts, s.end)
            hits = [f for f in fs[lo:hi] if overlaps(s.start, s.end, f.start, f.end)]
        used.update(id(f) for f in hits)
        out[s] = hits
    leftover = [f for fs in by_file.values() for f in fs if id(f) not in used]
    return out, leftover


# --- running ------------------------------------------------------------------------------------


def eval_config(config: Config, *, roundtrip: bool = False) -> Config:
    """The configuration as ``mtqa lint`` would use it, minus what hides findings from a
    measurement: no baseline file, no reviewers' dismissals, and no merging of findings on one
    span (each check is measured on its own)."""
    cfg = dataclasses.replace(config, baseline="", merge_same_span=False)
    cfg.roundtrip = dataclasses.replace(config.roundtrip, enabled=roundtrip or config.roundtrip.enabled)
    if cfg.roundtrip.enabled:
        from mtqa.checks import all_checks

        if any(c.code.startswith("R") for c in all_checks()) and "R" not in cfg.extend_select:
            cfg.extend_select = [*cfg.extend_select, "R"]
    return cfg


def evaluate(
    gold_path: str | Path,
    root: str | Path,
    config: Config,
    *,
    clean: Sequence[str | Path] = (),
    roundtrip: bool = False,
    engine: Any = None,
) -> EvalReport:
    """Run the configured checks on the gold's files (and on ``clean`` files) and measure them.

    Raises :class:`GoldError` when the gold file cannot be read or has no usable span and there
    is no clean text to measure either.
    """
    from mtqa.engine.runner import Engine, run

    t0 = time.perf_counter()
    gold = str(gold_path)
    spans, issues = parse_gold(gold_path)
    cfg = eval_config(config, roundtrip=roundtrip)
    engine = engine or Engine(cfg)
    report = EvalReport(gold=gold, root=str(root))

    # One name per file: "a.txt" and "./a.txt" are the same file, reported under the first name.
    display: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for s in spans:
        key = Path(root, s.file).as_posix()
        display.setdefault(key, s.file)
        first_line.setdefault(display[key], s.line)
    spans = [dataclasses.replace(s, file=display[Path(root, s.file).as_posix()]) for s in spans]
    for key, name in list(display.items()):
        if Path(key).is_dir():
            issues.append(Issue("error", f"{gold}:{first_line[name]}",
                                f"{name} (under {root}) is a directory, not a file; its spans are left out"))
            del display[key]
    texts: dict[str, str] = {}
    gold_findings: list[Finding] = []
    if display:
        result = run(list(display), cfg, engine=engine, use_review=False)
        for doc in result.documents:
            texts[display.get(doc.path, doc.path)] = doc.text
        for err in result.errors:
            name = display.get(err.path, err.path)
            issues.append(Issue("error", f"{gold}:{first_line.get(name, 0)}",
                                f"cannot use {name} (under {root}): {err.message}; "
                                "its spans are left out"))
        for finding in result.findings:
            finding.path = display.get(finding.path, finding.path)
            gold_findings.append(finding)
        _note_run(report, result)
    kept, more = validate_spans(spans, texts, gold)
    issues.extend(more)
    issues.sort(key=lambda i: _line_of(i.where))
    report.spans = kept
    report.issues = issues

    if clean:
        result = run([str(p) for p in clean], cfg, engine=engine, use_review=False)
        for err in result.errors:
            report.issues.append(Issue("error", err.path, f"clean file not used: {err.message}"))
        report.clean_files = len(result.documents)
        report.clean_words = sum(_words(d) for d in result.documents)
        for f in result.findings:
            report.clean_by_check[f.code] += 1
            report.clean_examples.append((f.path, f.line, f.code, _clip(f.text, 80)))
        _note_run(report, result)

    if not kept and not report.clean_words:
        errors = "; ".join(str(i) for i in issues[:3]) or "no records"
        raise GoldError(gold, f"nothing usable to measure ({errors})")

    matched, leftover = match(kept, gold_findings)
    report.gold_findings = len(gold_findings)
    report.findings_by_check.update(f.code for f in gold_findings)
    report.unmatched_by_check.update(f.code for f in leftover)
    report.unmatched = [(f.path, f.line, f.code, _clip(f.text, 80)) for f in leftover]
    for s in kept:
        hits = matched[s]
        report.matched[s] = sorted({f.code for f in hits})
        report.spans_by_check.update(report.matched[s])
        score = report.by_category.setdefault(s.category, Score())
        for sc in (score, report.overall):
            sc.total += 1
            sc.found += bool(hits)
            sc.found_same_category += any(f.category == s.category for f in hits)
    for f in gold_findings:
        report.check_names.setdefault(f.code, f.name)
    report.seconds = time.perf_counter() - t0
    return report


def _note_run(report: EvalReport, result: Any) -> None:
    report.checks_run = sorted({*report.checks_run, *(c.code for c in result.checks)})
    report.skipped.update(result.skipped)
    report.signature = dict(result.signature)
    for c in result.checks:
        report.check_names.setdefault(c.code, c.name)


def _words(doc: Document) -> int:
    return doc.word_count


def _line_of(where: str) -> tuple[str, int]:
    path, _, line = where.rpartition(":")
    return (path, int(line)) if line.isdigit() else (where, 0)


# --- text output --------------------------------------------------------------------------------


def render_text(report: EvalReport, *, show_missed: bool = False) -> str:
    out: list[str] = []
    nfiles = len({s.file for s in report.spans})
    out.append(f"gold: {report.gold} ({len(report.spans)} spans in {nfiles} files under {report.root})")
    out.append(f"checks: {len(report.checks_run)} selected" + (
        f", {len(report.skipped)} skipped ({', '.join(sorted(report.skipped))})" if report.skipped else ""))
    out.append("")
    out.append(f"{'recall by category':<26} {'found':^9} {'recall':>7} {'own-category':>13}")
    for cat, sc in sorted(report.by_category.items(), key=lambda kv: (-kv[1].total, kv[0])):
        label = cat if cat in CATEGORIES else f"{cat} (unknown)"
        out.append(f"  {label:<24} {sc.found:>4}/{sc.total:<4} {sc.recall:>7.1%} {sc.recall_same_category:>13.1%}")
    ov = report.overall
    out.append(f"  {'overall':<24} {ov.found:>4}/{ov.total:<4} {ov.recall:>7.1%} {ov.recall_same_category:>13.1%}")
    out.append("")
    unmatched = sum(report.unmatched_by_check.values())
    out.append(f"findings on gold files: {report.gold_findings}, "
               f"{report.gold_findings - unmatched} overlap a gold span, {unmatched} overlap none")
    if report.findings_by_check:
        out.append(f"  {'check':<37} {'findings':>8} {'unmatched':>9} {'gold spans found':>16}")
    for code, n in sorted(report.findings_by_check.items(),
                          key=lambda kv: (-report.unmatched_by_check[kv[0]], kv[0])):
        out.append(f"  {code} {report.check_names.get(code, ''):<32} {n:>8} "
                   f"{report.unmatched_by_check[code]:>9} {report.spans_by_check[code]:>16}")
    if report.clean_files or report.clean_words:
        out.append("")
        out.append(f"clean files: {report.clean_files} files, {report.clean_words:,} words, "
                   f"{report.clean_findings} finding{'' if report.clean_findings == 1 else 's'} = "
                   f"{report.false_alarm_rate:.2f} per 1,000 words")
        for code, n in sorted(report.clean_by_check.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"  {code} {report.check_names.get(code, ''):<32} {n:>4} "
                       f"({report.per_1k(n):.2f} per 1,000 words)")
    if show_missed and report.unmatched:
        out.append("")
        out.append("findings that overlap no gold span:")
        for path, line, code, text in report.unmatched:
            out.append(f"  {path}:{line}: {code} {text!r}")
    if show_missed and report.missed:
        out.append("")
        out.append("missed gold spans:")
        for s in report.missed:
            out.append(f"  {report.gold}:{s.line}: {s.category}: {s.file}:{s.start}-{s.end} {_clip(s.text)!r}")
    if report.issues:
        out.append("")
        out.append(f"gold file issues ({len(report.issues)}):")
        out.extend(f"  {i}" for i in report.issues)
    return "\n".join(out) + "\n"


# --- regression baseline ------------------------------------------------------------------------


def baseline_data(report: EvalReport, *, command: str, epsilon: float) -> dict[str, Any]:
    """The numbers a later run must not fall below (recall) or rise above (false alarms)."""
    return {
        "version": VERSION,
        "command": command,
        "epsilon": epsilon,
        "gold_spans": len(report.spans),
        "clean_words": report.clean_words,
        "checks": report.checks_run,
        "recall": {
            "overall": round(report.overall.recall, 4),
            "by_category": {k: round(v.recall, 4) for k, v in sorted(report.by_category.items())},
        },
        "false_alarms_per_1k_words": round(report.false_alarm_rate, 4),
    }


def compare(report: EvalReport, baseline: Mapping[str, Any], epsilon: float | None = None) -> list[str]:
    """Regressions of ``report`` against ``baseline``: one message each; empty means none.

    Recall (overall and per category) may not drop by more than ``epsilon`` and the false-alarm
    rate may not rise by more than ``epsilon``; ``epsilon`` defaults to the baseline's own.
    """
    eps = float(baseline.get("epsilon", 0.0) if epsilon is None else epsilon)
    problems: list[str] = []
    rec = baseline.get("recall", {})
    if "overall" in rec and report.overall.recall < rec["overall"] - eps:
        problems.append(f"overall recall {report.overall.recall:.4f} < baseline {rec['overall']:.4f}")
    for cat, base in rec.get("by_category", {}).items():
        sc = report.by_category.get(cat)
        now = sc.recall if sc else 0.0
        if now < base - eps:
            problems.append(f"recall of {cat} {now:.4f} < baseline {base:.4f}"
                            + ("" if sc else " (no gold span of this category measured)"))
    fa = baseline.get("false_alarms_per_1k_words")
    if fa is not None and report.false_alarm_rate > fa + eps:
        worst = ", ".join(f"{c} {n}" for c, n in report.clean_by_check.most_common(5))
        problems.append(f"false alarms {report.false_alarm_rate:.4f} per 1,000 words > baseline "
                        f"{fa:.4f} ({worst})")
    return problems
