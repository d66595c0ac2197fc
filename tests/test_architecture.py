"""Dependencies point one way, and `mtqa lint` never loads Textual."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import ROOT


def test_lint_does_not_import_textual(tmp_path):
    (tmp_path / "a.txt").write_text("O líder norte-coreano chegou.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from mtqa.cli import main\n"
        "try:\n"
        "    main(['lint', '--isolated', '--language', 'pt', 'a.txt'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
        "print('LOADED', bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120)
    assert "LOADED []" in out.stdout, out.stdout + out.stderr


def test_import_linter_contracts():
    exe = shutil.which("lint-imports", path=str(ROOT / ".venv" / "bin")) or shutil.which("lint-imports")
    assert exe, "import-linter is a test dependency"
    out = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
