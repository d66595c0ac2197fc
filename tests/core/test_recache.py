"""mtqa.core.recache: compiled regular expressions kept across runs give the same patterns, and a
planted or broken cache file is never trusted beyond what ``_sre`` validates."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mtqa.core import recache

ROOT = Path(__file__).resolve().parents[2]
GUARD = sorted((ROOT / "tests" / "guard" / "pt_BR").glob("*.txt"))[0]

pytestmark = pytest.mark.skipif(not recache.supported(), reason="re internals of another Python")

PATTERNS = [
    (r"(?<![\w-])(?P<word>[Oo]s?|[Aa]s?)\s+(\d{1,3}(?:\.\d{3})+)(?=\W|$)", 0),
    (r"(?i)\b(?:leia|veja) (?:mais|também)\b", 0),
    (r"^\s*[•·|]\s*$", re.MULTILINE),
    (r"(a|b)\1+", 0),
    ("[À-ÿ]+ção", re.IGNORECASE),
    (r"(?x) a  # comment\n  b", 0),
]
TEXT = "Os 1.500 leitores. Veja também: aa bb ação AÇÃO ab\n • \n"


def _run(code: str, cache: Path, **env) -> subprocess.CompletedProcess:
    e = {**os.environ, "MTQA_CACHE_DIR": str(cache), **env}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=e, capture_output=True,
                          text=True, timeout=120)


_PROBE = f"""
import json, re
from mtqa.core import recache
print(json.dumps(recache.install()))
out = []
for p, f in {PATTERNS!r}:
    rx = re.compile(p, f)
    out.append([rx.pattern, rx.flags, rx.groups, dict(rx.groupindex),
                [[m.span(), m.groups()] for m in rx.finditer({TEXT!r})]])
print(json.dumps(out))
print(json.dumps(len(recache._State.used)))
"""


def _expected():
    out = []
    for p, f in PATTERNS:
        rx = recache._ORIGINAL(p, f)
        out.append([rx.pattern, rx.flags, rx.groups, dict(rx.groupindex),
                    [[list(m.span()), list(m.groups())] for m in rx.finditer(TEXT)]])
    return out


def _lines(r: subprocess.CompletedProcess) -> list:
    assert r.returncode == 0, r.stderr
    return [json.loads(x) for x in r.stdout.splitlines()]


def test_same_patterns_cold_and_warm(tmp_path):
    installed, cold, used = _lines(_run(_PROBE, tmp_path))
    assert installed is True and used == 0
    files = list((tmp_path / "re").glob("*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert {p for p, *_ in data["patterns"]} >= {p for p, _ in PATTERNS}
    _, warm, used = _lines(_run(_PROBE, tmp_path))
    assert used >= len(PATTERNS)  # the warm run built them from the cache
    assert cold == warm == _expected()


def test_turned_off(tmp_path):
    installed, out, _ = _lines(_run(_PROBE, tmp_path, MTQA_RE_CACHE="0"))
    assert installed is False and out == _expected()
    assert not (tmp_path / "re").exists()


def _plant(tmp_path: Path, mutate) -> None:
    _lines(_run(_PROBE, tmp_path))
    f = next((tmp_path / "re").glob("*.json"))
    f.write_text(mutate(f.read_text(encoding="utf-8")), encoding="utf-8")


def _bad_code(text: str) -> str:
    """Every code list replaced by one ``_sre`` rejects, or by text that is not base64."""
    data = json.loads(text)
    for i, e in enumerate(data["patterns"]):
        e[3] = recache._encode_code([1, 2, 3, 99999]) if i % 2 else "!!not base64!!"
    return json.dumps(data)


@pytest.mark.parametrize("mutate", [
    _bad_code,
    lambda t: t[: len(t) // 2],                                   # cut short
    lambda t: "\x00\xff binary",                                  # not JSON
    lambda t: json.dumps({"format": "other", "patterns": []}),   # another format
    lambda t: t.replace('"tag":"', '"tag":"x'),                    # another interpreter's
    lambda t: json.dumps({**json.loads(t), "patterns": [[1, 2, 3]] * 5}),  # wrong shape
])
def test_a_planted_or_broken_file_is_not_trusted(tmp_path, mutate):
    _plant(tmp_path, mutate)
    _, out, _ = _lines(_run(_PROBE, tmp_path))
    assert out == _expected()


def test_lint_output_identical_cold_and_warm(tmp_path):
    cmd = ("import sys; from mtqa.cli import main; "
           f"sys.argv = ['mtqa']; main(['lint', '--format', 'json', '--exit-zero', {str(GUARD)!r}])")
    strip = lambda r: {k: v for k, v in json.loads(r.stdout).items() if k != "signature"}  # noqa: E731
    off = _run(cmd, tmp_path / "off", MTQA_RE_CACHE="0")
    cold = _run(cmd, tmp_path / "on")
    warm = _run(cmd, tmp_path / "on")
    assert off.returncode == cold.returncode == warm.returncode == 0, (off.stderr, cold.stderr, warm.stderr)
    assert strip(off) == strip(cold) == strip(warm)
    data = json.loads(next((tmp_path / "on" / "re").glob("*.json")).read_text(encoding="utf-8"))
    assert len(data["patterns"]) > 300 and data["guards"]  # the checks' and glossaries' patterns


def test_same_object_in_process():
    for p, f in PATTERNS:
        assert recache.compiled_like_re(p, f)
    assert recache._decode_code(recache._encode_code([0, 1, 4294967295])) == [0, 1, 4294967295]
