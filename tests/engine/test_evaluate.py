"""`mtqa eval` on gold files it has never seen: odd offsets, unknown categories, mismatched text,
malformed lines, missing files; the arithmetic of recall, noise and false alarms; the baseline."""

from __future__ import annotations

import json
import re

import pytest

from mtqa.checks.base import Hit, check
from mtqa.cli import main
from mtqa.core.config import Config
from mtqa.core.model import Severity
from mtqa.engine.evaluate import (
    GoldError,
    baseline_data,
    compare,
    evaluate,
    overlaps,
    parse_gold,
    render_text,
)
from mtqa.engine.runner import Engine


def _word_check(code: str, word: str, category: str):
    """A check that fires on every occurrence of ``word`` (so the expected numbers are known)."""

    @check(code, f"test-{word.lower()}", Severity.WARNING, category=category, message="found {text}")
    def fn(doc, ctx):
        """Test check."""
        for m in re.finditer(re.escape(word), doc.text):
            yield Hit(m.start(), m.end())

    return fn


CHECKS = [
    _word_check("X101", "ERRO", "orthography"),
    _word_check("X102", "LIXO", "boilerplate"),
]


def engine(cfg: Config | None = None) -> Engine:
    return Engine(cfg or Config(language="pt", variant="BR"), checks=CHECKS)


def rec(file, start, end, text, category, **kw):
    return json.dumps({"file": file, "start": start, "end": end, "text": text,
                       "category": category, **kw}, ensure_ascii=False)


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    # Astral characters and CRLF: offsets are str indices into the text as stored.
    a = "😀 Título com ERRO aqui.\r\nSegunda linha LIXO e ERRO.\r\n"
    (root / "a.txt").write_bytes(a.encode("utf-8"))
    (root / "sub").mkdir()
    b = "Um texto sem nada de errado, mas com um defeito invisível.\n"
    (root / "sub" / "b.txt").write_text(b, encoding="utf-8")
    return root, a, b


def write_gold(tmp_path, lines):
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_unseen_gold_with_odd_offsets_unknown_categories_and_bad_lines(tmp_path, corpus):
    root, a, b = corpus
    e1 = a.index("ERRO")
    lixo = a.index("LIXO")
    e2 = a.index("ERRO", e1 + 1)
    d = b.index("defeito")
    lines = [
        rec("a.txt", e1, e1 + 4, "ERRO", "orthography", note="n", fix="erro"),  # 1 found
        rec("a.txt", lixo - 6, lixo + 2, a[lixo - 6 : lixo + 2], "boilerplate"),  # 2 partial overlap
        "",  # 3 blank: skipped silently
        rec("a.txt", e2, e2 + 4, "ERRO", "made_up_category"),  # 4 unknown category, found
        rec("a.txt", 0, 1, "😀", "untranslated_fragment"),  # 5 astral char at 0, missed
        rec("sub/b.txt", d, d + 7, "defeitx", "mistranslation"),  # 6 text mismatch: warning, kept
        "{not json",  # 7 malformed
        json.dumps({"file": "a.txt", "start": 1, "end": 2, "category": "calque"}),  # 8 no text
        rec("a.txt", True, 2, "x", "calque"),  # 9 bool is not an offset
        rec("a.txt", 5, 3, "x", "calque"),  # 10 end before start
        rec("a.txt", len(a) - 2, len(a) + 5, "x", "calque"),  # 11 beyond the end
        rec("missing.txt", 0, 1, "x", "calque"),  # 12 no such file
        "[1, 2]",  # 13 not an object
        rec("a.txt", len(a) - 2, len(a), "\r\n", "spacing_punctuation"),  # 14 last chars, missed
    ]
    gold = write_gold(tmp_path, lines)
    report = evaluate(gold, root, Config(language="pt", variant="BR"), engine=engine())

    assert [s.line for s in report.spans] == [1, 2, 4, 5, 6, 14]
    errors = {int(i.where.rsplit(":", 1)[1]): i.message for i in report.issues if i.level == "error"}
    warnings = {int(i.where.rsplit(":", 1)[1]): i.message for i in report.issues if i.level == "warning"}
    assert set(errors) == {7, 8, 9, 10, 11, 12, 13}
    assert "not valid JSON" in errors[7] and "missing key text" in errors[8]
    assert "'start' must be an integer" in errors[9] and "bad offsets" in errors[10]
    assert "beyond the end" in errors[11] and "missing.txt" in errors[12]
    assert set(warnings) == {4, 6}
    assert "made_up_category" in warnings[4]
    assert "does not match" in warnings[6] and "occurs at offset" not in warnings[6]
    assert all(i.where.startswith(str(gold) + ":") for i in report.issues)

    assert report.overall.total == 6 and report.overall.found == 3
    assert report.by_category["orthography"].found == 1
    assert report.by_category["boilerplate"].found == 1
    assert report.by_category["made_up_category"].found == 1
    # Found by a check, but not by a check of its own (unknown) category.
    assert report.by_category["made_up_category"].found_same_category == 0
    assert report.overall.found_same_category == 2
    assert report.unknown_categories == ["made_up_category"]
    assert {s.line for s in report.missed} == {5, 6, 14}
    assert report.gold_findings == 3 and sum(report.unmatched_by_check.values()) == 0
    assert dict(report.spans_by_check) == {"X101": 2, "X102": 1}

    data = report.to_dict()
    json.dumps(data)
    assert data["recall"]["overall"] == {"total": 6, "found": 3, "recall": 0.5,
                                         "found_same_category": 2, "recall_same_category": 0.3333}
    text = render_text(report, show_missed=True)
    assert "made_up_category (unknown)" in text and f"{gold}:7: error: not valid JSON" in text


def test_one_file_under_two_names_and_a_directory(tmp_path, corpus):
    root, a, _ = corpus
    e1 = a.index("ERRO")
    lixo = a.index("LIXO")
    gold = write_gold(tmp_path, [rec("a.txt", e1, e1 + 4, "ERRO", "orthography"),
                                 rec("./a.txt", lixo, lixo + 4, "LIXO", "boilerplate"),
                                 rec("sub", 0, 2, "Um", "calque")])
    report = evaluate(gold, root, Config(language="pt"), engine=engine())
    assert {s.file for s in report.spans} == {"a.txt"} and report.overall.found == 2
    (issue,) = report.issues
    assert issue.where == f"{gold}:3" and "is a directory" in issue.message
    assert report.gold_findings == 3  # the file is checked once; sub/b.txt is not checked


def test_mismatch_hint_names_where_the_text_is(tmp_path, corpus):
    root, a, _ = corpus
    e1 = a.index("ERRO")
    gold = write_gold(tmp_path, [rec("a.txt", e1 + 1, e1 + 5, "ERRO", "orthography")])
    report = evaluate(gold, root, Config(language="pt"), engine=engine())
    (issue,) = report.issues
    assert issue.where == f"{gold}:1" and f"occurs at offset {e1}" in issue.message
    assert report.overall.found == 1  # measured at the given (shifted) offsets, still overlapping


def test_unmatched_findings_and_clean_false_alarms(tmp_path, corpus):
    root, a, _ = corpus
    lixo = a.index("LIXO")
    # A byte-order mark is one character of the decoded text: offsets count it.
    (root / "bom.txt").write_bytes("\ufeffLIXO no início.\n".encode())
    gold = write_gold(tmp_path, [rec("a.txt", lixo, lixo + 4, "LIXO", "boilerplate"),
                                 rec("bom.txt", 1, 5, "LIXO", "boilerplate")])
    clean = tmp_path / "clean"
    clean.mkdir()
    words = " ".join(["palavra"] * 497) + " ERRO ERRO LIXO\n"  # 500 words, 3 findings
    (clean / "c1.txt").write_text(words, encoding="utf-8")
    (clean / "c2.txt").write_text(" ".join(["limpo"] * 500) + "\n", encoding="utf-8")
    (clean / "skip.bin").write_bytes(b"\x00\x01")  # not *.txt: not walked
    report = evaluate(gold, root, Config(language="pt"), clean=[clean], engine=engine())
    assert report.issues == [] and report.overall.recall == 1.0
    assert dict(report.unmatched_by_check) == {"X101": 2}  # both ERRO in a.txt are noise here
    assert [(p, c, t) for p, _, c, t in report.unmatched] == [("a.txt", "X101", "ERRO")] * 2
    assert [u["line"] for u in report.to_dict()["gold_files"]["unmatched"]] == [1, 2]
    assert report.clean_files == 2 and report.clean_words == 1000
    assert report.clean_findings == 3 and report.false_alarm_rate == pytest.approx(3.0)
    assert dict(report.clean_by_check) == {"X101": 2, "X102": 1}
    assert report.to_dict()["clean"]["by_check"]["X101"] == {"findings": 2, "per_1k_words": 2.0}


def test_bad_clean_file_is_reported_not_fatal(tmp_path, corpus):
    root, a, _ = corpus
    gold = write_gold(tmp_path, [rec("a.txt", 0, 1, a[0], "boilerplate")])
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    report = evaluate(gold, root, Config(language="pt"), clean=[tmp_path / "empty.txt"],
                      engine=engine())
    assert report.overall.total == 1
    assert any("empty.txt" in i.where and "clean file not used" in i.message for i in report.issues)


def test_nothing_usable_raises_naming_the_gold(tmp_path, corpus):
    root, _, _ = corpus
    gold = write_gold(tmp_path, ["{oops", rec("nope.txt", 0, 1, "x", "calque")])
    with pytest.raises(GoldError) as exc:
        evaluate(gold, root, Config(language="pt"), engine=engine())
    assert str(gold) in str(exc.value) and "nothing usable" in str(exc.value)
    with pytest.raises(GoldError, match="cannot read gold file"):
        parse_gold(tmp_path / "absent.jsonl")
    (tmp_path / "latin1.jsonl").write_bytes(b'{"file": "\xe9"}\n')
    with pytest.raises(GoldError, match="not UTF-8"):
        parse_gold(tmp_path / "latin1.jsonl")


@pytest.mark.parametrize(("a", "b", "expected"), [
    ((0, 5), (5, 9), False),  # adjacent spans share no character
    ((0, 5), (4, 9), True),
    ((3, 4), (0, 10), True),
    ((5, 5), (0, 5), True),  # an insertion point touching a span
    ((5, 5), (6, 9), False),
    ((5, 5), (5, 5), True),
])
def test_overlaps(a, b, expected):
    assert overlaps(*a, *b) is expected
    assert overlaps(*b, *a) is expected


def test_compare_flags_each_kind_of_regression(tmp_path, corpus):
    root, a, _ = corpus
    e1 = a.index("ERRO")
    lixo = a.index("LIXO")
    gold = write_gold(tmp_path, [rec("a.txt", e1, e1 + 4, "ERRO", "orthography"),
                                 rec("a.txt", lixo, lixo + 4, "LIXO", "boilerplate")])
    clean = tmp_path / "c.txt"
    clean.write_text(" ".join(["palavra"] * 999) + " ERRO\n", encoding="utf-8")
    full = evaluate(gold, root, Config(language="pt"), clean=[clean], engine=engine())
    base = baseline_data(full, command="test", epsilon=0.001)
    assert base["recall"] == {"overall": 1.0, "by_category": {"boilerplate": 1.0, "orthography": 1.0}}
    assert base["false_alarms_per_1k_words"] == 1.0
    assert compare(full, base) == []

    only_x101 = Engine(Config(language="pt"), checks=CHECKS[:1])
    worse = evaluate(gold, root, Config(language="pt"), clean=[clean], engine=only_x101)
    problems = compare(worse, base)
    assert any(p.startswith("overall recall 0.5000") for p in problems)
    assert any(p.startswith("recall of boilerplate 0.0000") for p in problems)
    assert not any("orthography" in p for p in problems)

    noisier = dict(base, false_alarms_per_1k_words=0.5)
    assert any(p.startswith("false alarms 1.0000") for p in compare(full, noisier))
    # The epsilon is the only tolerance.
    assert compare(full, noisier, epsilon=0.5) == []
    assert compare(full, dict(base, recall={"by_category": {"truncation": 0.2}}))[0].endswith(
        "(no gold span of this category measured)")


# --- the command line --------------------------------------------------------------------------


def cli(capsys, *args):
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    cap = capsys.readouterr()
    return exc.value.code, cap.out, cap.err


@pytest.fixture
def spaced(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    text = "O líder norte -coreano chegou.\nOutra frase com defeito.\n"
    (tmp_path / "docs" / "x.txt").write_text(text, encoding="utf-8")
    i = text.index("norte -coreano")
    j = text.index("defeito")
    gold = write_gold(tmp_path, [
        rec("x.txt", i, i + 14, "norte -coreano", "spacing_punctuation"),
        rec("x.txt", j, j + 7, "defeito", "mistranslation"),
        "garbage",
    ])
    return gold


ARGS = ("--root", "docs", "--select", "S101", "--language", "pt", "--variant", "BR", "--isolated")


def test_cli_text_and_json(capsys, spaced):
    code, out, err = cli(capsys, "eval", str(spaced), *ARGS)
    assert code == 0
    assert re.search(r"spacing_punctuation\s+1/1\s+100\.0%", out)
    assert re.search(r"overall\s+1/2\s+50\.0%", out)
    assert f"{spaced}:3: error: not valid JSON" in out
    code, out, _ = cli(capsys, "eval", str(spaced), *ARGS, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["version"] == 1
    assert data["recall"]["overall"]["recall"] == 0.5
    assert data["missed"][0]["gold_line"] == 2
    assert data["checks"] == ["S101"]


def test_cli_baseline_round_trip_and_regression(capsys, spaced, tmp_path):
    base = tmp_path / "base.json"
    code, _, err = cli(capsys, "eval", str(spaced), *ARGS, "--write-baseline", str(base))
    assert code == 0 and base.exists()
    data = json.loads(base.read_text(encoding="utf-8"))
    assert data["recall"]["overall"] == 0.5 and data["epsilon"] == 0.001
    code, _, err = cli(capsys, "eval", str(spaced), *ARGS, "--baseline", str(base))
    assert code == 0 and "no regression" in err
    # Dropping the only check that finds anything is a regression: exit 1.
    args = [a if a != "S101" else "S102" for a in ARGS]
    code, _, err = cli(capsys, "eval", str(spaced), *args, "--baseline", str(base))
    assert code == 1 and "regression: overall recall 0.0000 < baseline 0.5000" in err


def test_cli_exit_2_when_nothing_usable(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    gold = write_gold(tmp_path, ["nonsense", rec("gone.txt", 0, 1, "x", "calque")])
    code, _, err = cli(capsys, "eval", str(gold), "--root", ".", "--isolated", "--language", "pt")
    assert code == 2 and str(gold) in err and "nothing usable" in err


def test_match_agrees_with_brute_force():
    """The indexed matcher finds exactly the pairs a comparison of every pair finds."""
    import random

    from mtqa.core.model import Finding
    from mtqa.engine.evaluate import GoldSpan, match

    rng = random.Random(5)
    spans = []
    for i in range(300):
        a = rng.randrange(0, 2000)
        spans.append(GoldSpan("f.txt", a, a + rng.choice([0, 1, 3, 40]), "x", "calque", i + 1))
    findings = []
    for _ in range(200):
        a = rng.randrange(0, 2000)
        findings.append(Finding(rng.choice(["f.txt", "g.txt"]), "X101", "x", "calque",
                                Severity.INFO, "m", a, a + rng.choice([0, 2, 5, 120]), "t"))
    got, leftover = match(spans, findings)
    for s in spans:
        want = {id(f) for f in findings
                if f.path == s.file and overlaps(s.start, s.end, f.start, f.end)}
        assert {id(f) for f in got[s]} == want
    used = {id(f) for fs in got.values() for f in fs}
    assert {id(f) for f in leftover} == {id(f) for f in findings} - used


def test_eval_measures_each_check_unmerged():
    """Merging findings on one span would hide the merged check from the measurement."""
    from mtqa.core.config import Config
    from mtqa.engine.evaluate import eval_config

    cfg = Config(baseline="b.json")
    assert cfg.merge_same_span
    out = eval_config(cfg)
    assert not out.merge_same_span and out.baseline == "" and cfg.merge_same_span
