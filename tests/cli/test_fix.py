"""`mtqa lint --fix` / `--diff`: the safe suggestions, applied from the end, written back only
over the bytes that were checked; and the edit primitives the review UI shares."""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import unicodedata

import pytest

from mtqa.checks import CheckContext, all_checks, get_check
from mtqa.core import fix
from mtqa.core.config import Config
from mtqa.core.errors import ProviderUnavailable
from mtqa.core.model import Document
from mtqa.providers import Providers

LANG = ("--isolated", "--language", "pt-BR")

#: Five safe fixes (S101, U104 and S102 on one word, G103, D103) and two without one (S106 has a
#: suggestion that is not safe, S105 none); CRLF line endings.
ARTICLE = ("O ex -ministro chegou na Quarta-feira , segundo a nota oficial.\r\n"
           "A Coréia do Norte assinou o acordo de de cooperação em troca de ajuda. econômica.\r\n"
           "Ele disse que “o acordo é histórico e saiu.\r\n")
FIXED = ("O ex-ministro chegou na quarta-feira, segundo a nota oficial.\r\n"
         "A Coreia do Norte assinou o acordo de cooperação em troca de ajuda. econômica.\r\n"
         "Ele disse que “o acordo é histórico e saiu.\r\n")


def codes(ran) -> list[str]:
    return [f["code"] for f in ran.json()["findings"]]


# --- the edits ----------------------------------------------------------------------------------


def test_edits_apply_from_the_end_and_skip_overlaps_and_stale_spans():
    text = "abcdefghij"
    edits = [fix.Edit(0, 2, "ab", "AB"), fix.Edit(1, 3, "bc", "X"),  # overlaps the first
             fix.Edit(5, 5, "", "+"), fix.Edit(5, 6, "f", "F"),  # an insertion where one starts
             fix.Edit(7, 9, "zz", "Q"),  # stale: the span holds "hi"
             fix.Edit(9, 10, "j", "")]  # a deletion
    new, applied, skipped = fix.apply_edits(text, edits)
    assert new == "aXdeFghi", "the later edit of two overlapping ones wins; the earlier is skipped"
    assert {(e.start, e.end) for e in skipped} == {(0, 2), (5, 5), (7, 9)}
    assert [(e.start, e.end) for e in applied] == [(1, 3), (5, 6), (9, 10)]


def test_disjoint_edits_give_what_one_at_a_time_gives():
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("ab c\r\n") for _ in range(rng.randint(0, 30)))
        cuts = sorted(rng.sample(range(len(text) + 1), k=min(len(text) + 1, 2 * rng.randint(0, 4))))
        edits = [fix.Edit(s, e, text[s:e], rng.choice(["", "X", "yy"]))
                 for s, e in zip(cuts[::2], cuts[1::2], strict=False) if s < e]
        expected = text
        for e in sorted(edits, key=lambda e: -e.start):
            expected = expected[: e.start] + e.new + expected[e.end :]
        new, applied, skipped = fix.apply_edits(text, rng.sample(edits, len(edits)))
        assert (new, len(applied), skipped) == (expected, len(edits), [])


# --- which codes are safe, from their declarations ---------------------------------------------


def _letters(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", s.casefold()) if ch.isalnum())


def _skeleton(s: str) -> str:
    return re.sub(r"([rs])\1", r"\1", re.sub("[cp]", "", _letters(s)))


KINDS = {
    # only whitespace added or removed
    "spacing": lambda old, new: re.sub(r"\s", "", old) == re.sub(r"\s", "", new),
    # two copies become one
    "doubled": lambda old, new: re.fullmatch(rf"({re.escape(new)})\s*\1", old, re.I) is not None,
    # the same word without an abolished accent, silent consonant or hyphen (a prefix joined to
    # a word that starts with r or s doubles it: mini-série, minissérie)
    "spelling": lambda old, new: old != new and _skeleton(old) == _skeleton(new),
    # letter case only
    "case": lambda old, new: old != new and old.lower() == new.lower(),
}


def test_every_safe_code_is_a_declared_check_with_a_known_kind():
    declared = {c.code for c in all_checks()}
    assert set(fix.SAFE_FIXES) <= declared
    assert set(fix.SAFE_FIXES.values()) <= set(KINDS)


SAFE_EXAMPLES = [
    (c, i, ex) for c in all_checks() if c.code in fix.SAFE_FIXES
    for i, ex in enumerate(c.examples) if ex.fires
]


@pytest.mark.parametrize(("chk", "i", "ex"), SAFE_EXAMPLES, ids=[f"{c.code}-bad{i}" for c, i, _ in SAFE_EXAMPLES])
def test_safe_fix_is_of_its_kind_and_relint_is_silent(chk, i, ex):
    """Each marked example of a safe code: every suggestion is the edit its kind allows, and
    the check is silent on the text with the suggestions applied."""
    cfg = Config(language=ex.language, variant=ex.variant)
    for k, v in ex.config.items():
        setattr(cfg, k, v)
    ctx = CheckContext(cfg, Providers(cfg))
    doc = Document("<example>", ex.plain, language=ex.language, variant=ex.variant)
    try:
        hits = chk.run(doc, ctx)
    except ProviderUnavailable as exc:
        pytest.skip(str(exc))
    assert hits
    kind = fix.SAFE_FIXES[chk.code]
    edits = []
    for h in hits:
        old = ex.plain[h.start : h.end]
        assert h.suggestion is not None, f"{chk.code} is listed as safe but {old!r} has no suggestion"
        assert KINDS[kind](old, h.suggestion), f"{chk.code} ({kind}): {old!r} -> {h.suggestion!r}"
        edits.append(fix.Edit(h.start, h.end, old, h.suggestion, chk.code))
    new, _, skipped = fix.apply_edits(ex.plain, edits)
    assert not skipped
    again = chk.run(Document("<example>", new, language=ex.language, variant=ex.variant), ctx)
    assert again == [], f"{chk.code} still fires on {new!r}: {[new[h.start:h.end] for h in again]}"


@pytest.mark.parametrize("code", ["S107", "S113", "S114", "S120", "L111", "U103", "U111", "B101", "D102"])
def test_judgement_calls_are_not_safe(code):
    """Suggestions that add words or marks, choose a side, or are house style wait for a reviewer."""
    assert get_check(code) is not None and code not in fix.SAFE_FIXES


# --- mtqa lint --fix ----------------------------------------------------------------------------


def test_fix_then_lint_reports_only_what_has_no_safe_fix(mtqa, tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    before = mtqa("lint", "a.txt", *LANG, "-f", "json")
    assert sorted(codes(before)) == ["D103", "G103", "S101", "S102", "S105", "S106", "U104"]

    r = mtqa("lint", "a.txt", *LANG, "--fix")
    assert (tmp_path / "a.txt").read_bytes() == FIXED.encode("utf-8"), "CRLF kept, every fix made once"
    assert r.code == 1 and "fixed 5 in 1 file" in r.err
    assert [line.split()[1] for line in r.out.splitlines()] == ["S106", "S105"], r.out

    after = mtqa("lint", "a.txt", *LANG, "-f", "json")
    assert sorted(codes(after)) == ["S105", "S106"]
    assert not [f for f in after.json()["findings"] if f["code"] in fix.SAFE_FIXES and f["suggestion"] is not None]
    assert mtqa("lint", "a.txt", *LANG, "--fix").err.count("fixed 0 in 0 files") == 1


def test_fix_exits_0_when_everything_was_fixed(mtqa, tmp_path):
    (tmp_path / "a.txt").write_text("O ex -ministro chegou cedo ao encontro.\n", encoding="utf-8")
    r = mtqa("lint", "a.txt", *LANG, "--fix")
    assert (r.code, r.out) == (0, "")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "O ex-ministro chegou cedo ao encontro.\n"


def test_diff_shows_the_fixes_and_changes_nothing(mtqa, tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    r = mtqa("lint", "a.txt", *LANG, "--diff")
    assert r.code == 1
    assert (tmp_path / "a.txt").read_bytes() == ARTICLE.encode("utf-8")
    assert r.out.startswith("--- a/a.txt\n+++ b/a.txt\n")
    assert "-A Coréia do Norte assinou o acordo de de cooperação" in r.out
    assert "+A Coreia do Norte assinou o acordo de cooperação" in r.out
    (tmp_path / "b.txt").write_text("Ele disse que “o acordo é histórico e saiu.\n", encoding="utf-8")
    assert mtqa("lint", "b.txt", *LANG, "--diff").code == 0


@pytest.mark.parametrize(("name", "data"), [
    ("bom.txt", codecs.BOM_UTF8 + b"O ex -ministro chegou cedo.\n"),
    ("cp1252.txt", "Não é ex -ministro, é ação.\r\n".encode("cp1252")),
    ("utf16le.txt", "O ex -ministro chegou cedo.\n".encode("utf-16")),
])
def test_encoding_bom_and_line_endings_are_kept(mtqa, tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    mtqa("lint", name, *LANG, "--fix")
    enc = {"bom.txt": "utf-8", "cp1252.txt": "cp1252", "utf16le.txt": "utf-16"}[name]
    assert (tmp_path / name).read_bytes() == data.decode(enc).replace("ex -", "ex-").encode(enc)


def test_bytes_that_do_not_round_trip_are_not_written(mtqa, tmp_path):
    # UTF-16 big-endian: decoded fine, but Python writes "utf-16" little-endian.
    data = codecs.BOM_UTF16_BE + "O ex -ministro chegou cedo.\n".encode("utf-16-be")
    (tmp_path / "be.txt").write_bytes(data)
    r = mtqa("lint", "be.txt", *LANG, "--fix")
    assert (tmp_path / "be.txt").read_bytes() == data
    assert "not fixed: be.txt" in r.err and r.code == 1 and "S101" in r.out


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_fix_never_writes_through_a_symlink(mtqa, tmp_path):
    (tmp_path / "real.md").write_text("O ex -ministro chegou cedo.\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.md")
    r = mtqa("lint", "link.txt", *LANG, "--fix")
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.md").read_text(encoding="utf-8") == "O ex -ministro chegou cedo.\n"
    assert "not fixed: link.txt: it is a symbolic link" in r.err and r.code == 1


def test_a_file_changed_between_reading_and_writing_is_not_overwritten(mtqa, tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("O ex -ministro chegou cedo.\n", encoding="utf-8")
    real = fix.apply_edits

    def meanwhile(text, edits):  # an editor saves the file while mtqa computes the fixes
        path.write_text("O ex -ministro chegou cedo. Uma frase nova.\n", encoding="utf-8")
        return real(text, edits)

    monkeypatch.setattr(fix, "apply_edits", meanwhile)
    r = mtqa("lint", "a.txt", *LANG, "--fix")
    assert path.read_text(encoding="utf-8") == "O ex -ministro chegou cedo. Uma frase nova.\n"
    assert "not fixed: a.txt: the file changed on disk since it was checked" in r.err


def test_write_back_compares_again_right_before_the_rename(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("um dois\n", encoding="utf-8")
    real = os.fsync

    def and_then_someone_saves(fd):
        real(fd)
        path.write_text("um dois três\n", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", and_then_someone_saves)
    with pytest.raises(fix.NotWritten, match="changed on disk"):
        fix.write_back(path, "um dois\n", "um 2\n", "utf-8")
    assert path.read_text(encoding="utf-8") == "um dois três\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"], "the temporary file is removed"


def test_fix_leaves_a_dismissed_findings_sentence_alone(mtqa, tmp_path):
    """A fix in the sentence of a dismissed finding would change its fingerprint (which holds the
    sentence) and bring it back: that sentence waits for the reviewer."""
    text = "O ex -ministro viu a Coréia.\nO vice -prefeito chegou cedo ao encontro.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    g103 = next(f for f in mtqa("lint", "a.txt", *LANG, "-f", "json").json()["findings"] if f["code"] == "G103")
    (tmp_path / "mtqa-review.jsonl").write_text(json.dumps(
        {"fingerprint": g103["fingerprint"], "decision": "dismissed", "path": "a.txt", "code": "G103"}) + "\n",
        encoding="utf-8")
    r = mtqa("lint", "a.txt", *LANG, "--fix")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == (
        "O ex -ministro viu a Coréia.\nO vice-prefeito chegou cedo ao encontro.\n")
    assert "1 [*] left for review" in r.err
    assert "G103" not in mtqa("lint", "a.txt", *LANG).out, "the dismissal still holds"


def test_fix_refuses_stdin(mtqa, tmp_path):
    r = mtqa("lint", "-", "--fix")
    assert r.code == 2 and "standard input" in r.err
