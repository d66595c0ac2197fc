"""The pre-commit hook, run for real: ``pre-commit try-repo`` builds a virtualenv, pip-installs
this repository's committed HEAD into it (dependencies from PyPI, or pip's cache) and runs the
``mtqa`` hook of .pre-commit-hooks.yaml on a scratch git repository in /tmp.

About 20 s a run here once pip's cache holds the dependencies (two runs: ~45 s); the first run on
a fresh machine downloads them. `make test` runs it with the rest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def test_hooks_file_declares_mtqa():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["mtqa"]["entry"] == "mtqa lint" and hooks["mtqa"]["language"] == "python"
    assert set(hooks["mtqa"]["types_or"]) == {"plain-text", "markdown"}
    assert hooks["mtqa-fix"]["entry"] == "mtqa lint --fix"


def _git(cwd: Path, *args: str, env) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra: pip install -e '.[test]'")
    repo = tmp_path_factory.mktemp("precommit-scratch")
    env = {**os.environ, "GIT_AUTHOR_NAME": "mtqa test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "mtqa test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("precommit-home"))}
    for k in list(env):
        if k.startswith("MTQA_"):
            del env[k]
    (repo / "clean.txt").write_text(
        "O presidente chegou a Moscou na quarta-feira para uma visita de dois dias.\n", encoding="utf-8")
    (repo / "artifact.md").write_text(
        "# Visita\n\nO líder norte -coreano chegou a Moscou na quarta-feira.\n", encoding="utf-8")
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", ".", env=env)
    _git(repo, "commit", "-q", "-m", "articles", env=env)
    return repo, env


def _try_repo(scratch, *files: str) -> subprocess.CompletedProcess:
    # --ref HEAD: the committed tree, as a user's `rev:` gets it. Without it try-repo adds the
    # working tree's uncommitted changes to tracked files but not new files, so work in progress
    # in the checkout (a new module imported by a changed one) would break the install.
    repo, env = scratch
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "mtqa", "--ref", "HEAD",
         "--files", *files],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


def test_precommit_passes_on_clean_text(scratch):
    r = _try_repo(scratch, "clean.txt")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Passed" in r.stdout


def test_precommit_fails_on_an_artifact(scratch):
    r = _try_repo(scratch, "artifact.md")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Failed" in r.stdout
    assert "artifact.md:3:9: S101" in r.stdout
