"""`mtqa lint` is built on the public API: each configuration group is checked by an
`mtqa.Checker`, and what the API returns is what the command prints."""

from __future__ import annotations

import json

import mtqa.api
from tests.cli.conftest import BAD


def _spy(monkeypatch):
    calls = []
    real = mtqa.api.Checker.check_files

    def check_files(self, paths, **kw):
        result = real(self, paths, **kw)
        calls.append((list(paths), kw, [f.code for f in result.findings]))
        return result

    monkeypatch.setattr(mtqa.api.Checker, "check_files", check_files)
    return calls


def test_lint_checks_through_the_checker(mtqa, files, monkeypatch):
    calls = _spy(monkeypatch)
    r = mtqa("lint", "bad.txt", "--select", "S101", "--language", "pt-BR", "--format", "json")
    assert r.code == 1
    assert len(calls) == 1
    paths, kw, codes = calls[0]
    assert paths == ["bad.txt"] and kw["processes"] is True
    printed = [f["code"] for f in json.loads(r.out)["findings"]]
    assert printed == codes == ["S101"]


def test_nested_configurations_get_one_checker_each(mtqa, tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b" / "y.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b" / "mtqa.toml").write_text('ignore = ["S101"]\n', encoding="utf-8")
    calls = _spy(monkeypatch)
    r = mtqa("lint", "a", "b", "--select", "S101", "--language", "pt-BR")
    assert r.code == 1
    by_path = {tuple(p): codes for p, _kw, codes in calls}
    assert len(calls) == 2
    assert sorted(by_path.values()) == [[], ["S101"]]


def test_checker_check_files_options(tmp_path):
    (tmp_path / "x.txt").write_text(BAD, encoding="utf-8")
    checker = mtqa.api.Checker(language="pt-BR", select=["S101"], lazy=True)
    assert checker._engine is None  # nothing loaded until it is needed
    result = checker.check_files([tmp_path / "x.txt"], processes=True)
    assert [f.code for f in result.findings] == ["S101"]
    assert checker._engine is None  # the run loaded its own engine
    result = checker.check_files([tmp_path / "x.txt"])
    assert [f.code for f in result.findings] == ["S101"] and checker._engine is not None


def test_lazy_checker_checks_a_text():
    """A lazy checker loads its engine inside a call that already holds its lock."""
    import threading

    checker = mtqa.api.Checker(language="pt-BR", select=["S101"], lazy=True)
    out = []
    t = threading.Thread(target=lambda: out.append(checker.check_text(BAD)), daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "check_text on a lazy checker never returned"
    assert [f.code for f in out[0]] == ["S101"]
