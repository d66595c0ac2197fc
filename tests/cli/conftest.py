from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mtqa.cli import main

BAD = "O líder norte -coreano chegou a Moscou.\n"
CLEAN = "O líder norte-coreano chegou a Moscou na quarta-feira.\n"


class Ran:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def mtqa(capsys, monkeypatch, tmp_path):
    """Run the CLI in-process from an empty folder (no configuration file is found)."""
    monkeypatch.chdir(tmp_path)
    for k in list(__import__("os").environ):
        if k.startswith("MTQA_"):
            monkeypatch.delenv(k)

    def run(*args):
        with pytest.raises(SystemExit) as exc:
            main(list(args))
        cap = capsys.readouterr()
        return Ran(exc.value.code, cap.out, cap.err)

    return run


@pytest.fixture
def mtqa_proc(tmp_path):
    def run(*args, stdin: bytes | None = None):
        p = subprocess.run([sys.executable, "-m", "mtqa", *args], input=stdin, capture_output=True,
                           cwd=tmp_path, timeout=120)
        return Ran(p.returncode, p.stdout.decode(), p.stderr.decode())

    return run


@pytest.fixture
def files(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path
