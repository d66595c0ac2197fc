"""Dependencies point one way, and `mtqa lint` never loads Textual."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

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


#: Never imported by `mtqa lint` without round trip (front ends, the cluster, the translators
#: and their metrics, the package metadata machinery).
HEAVY = ("textual", "rich", "starlette", "uvicorn", "dask", "distributed", "sacrebleu",
         "deep_translator", "requests", "importlib.metadata")


def test_a_warm_lint_loads_nothing_it_does_not_need(tmp_path):
    """Linting a clean article imports none of HEAVY; once the cache folder is warm it reads no
    YAML (the data files come from the data cache) and loads no hunspell list (every word is in
    the answer memo): what a second start of `mtqa lint` on the same file may skip."""
    article = ROOT / "tests" / "guard" / "pt_BR" / "01_putin_kim_pyongyang.txt"
    code = (
        "import sys\n"
        "import mtqa.providers.dictionary as d\n"
        "loaded, load = [], d.EnchantDictionary._dict\n"
        "d.EnchantDictionary._dict = lambda self, tag: loaded.append(tag) or load(self, tag)\n"
        "from mtqa.cli import main\n"
        "try:\n"
        f"    main(['lint', '--isolated', '--language', 'pt', '--variant', 'BR', {str(article)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"heavy = {HEAVY!r}\n"
        "print('HEAVY', sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy[:-1]))\n"
        "print('YAML', 'yaml' in sys.modules)\n"
        "print('LOADED', sorted(set(loaded)))\n"
    )
    env = {**os.environ, "MTQA_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("MTQA_NO_DICT_MEMO", None)
    runs = [subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                           timeout=180, env=env).stdout for _ in range(2)]
    assert "HEAVY []" in runs[0] and "HEAVY []" in runs[1], runs
    assert "YAML False" in runs[1], runs[1]
    if "'pt_BR'" not in runs[0].partition("LOADED")[2]:
        pytest.skip("hunspell pt_BR is not installed: nothing to load either time")
    assert "LOADED []" in runs[1], runs[1]


def test_import_linter_contracts():
    exe = shutil.which("lint-imports", path=str(ROOT / ".venv" / "bin")) or shutil.which("lint-imports")
    assert exe, "import-linter is a test dependency"
    out = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_category_tables_agree():
    """Four tables name the categories: the model's, the review marks, the merge precedence and
    the review UI's colours. A category added to one and not the others would show unmarked,
    merge last or draw grey."""
    from mtqa.core.model import CATEGORIES
    from mtqa.core.review import CATEGORY_MARKS
    from mtqa.engine.suppress import MERGE_PRECEDENCE
    from mtqa.tui.widgets.styles import CATEGORY_COLOR

    cats = set(CATEGORIES)
    assert set(CATEGORY_MARKS) == cats, set(CATEGORY_MARKS) ^ cats
    assert set(MERGE_PRECEDENCE) == cats and len(MERGE_PRECEDENCE) == len(cats), set(MERGE_PRECEDENCE) ^ cats
    assert set(CATEGORY_COLOR) == cats, set(CATEGORY_COLOR) ^ cats
    assert len(set(CATEGORY_MARKS.values())) == len(CATEGORY_MARKS)  # each mark tells one category


def test_every_check_code_letter_is_one_family():
    """A code letter names one family (README's table): the checks of a letter live in the
    modules of that family and no module mixes families; every check's category is known."""
    from collections import defaultdict

    from mtqa.checks import all_checks
    from mtqa.core.model import CATEGORIES

    modules = defaultdict(set)
    for c in all_checks():
        assert c.category in CATEGORIES, c.code
        modules[c.code[0]].add(c.module.rsplit(".", 1)[-1])
    # Each letter's modules: a new module must say which family it belongs to here.
    assert dict(modules) == {
        "A": {"alignment"}, "B": {"boilerplate"}, "C": {"consistency"}, "D": {"repetition"},
        "G": {"glossary_terms"}, "L": {"bilingual", "language"}, "M": {"meta"}, "N": {"articles"},
        "O": {"orthography"}, "P": {"prepositions"}, "Q": {"clauses"}, "R": {"roundtrip"},
        "S": {"apposition", "debris", "numbers", "spacing"}, "T": {"truncation"},
        "U": {"calendar", "capitalization"}, "V": {"agreement", "gender"}, "W": {"word_order"},
    }
    for letter, mods in modules.items():  # and no module holds two families
        for other, mods2 in modules.items():
            assert letter == other or not (mods & mods2), (letter, other, mods & mods2)


def test_no_module_binds_a_top_level_name_twice():
    """A second top-level ``_COPULA = ...`` in a check module silently replaces the first, and
    the check that read the first one breaks on every document: one binding per name."""
    import ast
    import collections
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "mtqa"
    twice = {}
    for path in sorted(root.rglob("*.py")):
        names = collections.Counter()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names[node.name] += 1
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names[node.target.id] += 1
        dup = sorted(n for n, k in names.items() if k > 1)
        if dup:
            twice[str(path.relative_to(root.parent))] = dup
    assert twice == {}, twice
