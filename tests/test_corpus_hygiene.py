"""No text of the development corpus in the project: its pages belong to their publishers, and a
check that matches a corpus sentence by its words is memorised, not general (bench/corpus_hygiene.py
says which phrase is where). Skips, saying why, when ../shared/corpus is not on this machine."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("corpus_hygiene", ROOT / "bench" / "corpus_hygiene.py")
hygiene = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hygiene)


@pytest.mark.skipif(not (hygiene.DEFAULT_CORPUS / "gold.jsonl").is_file(),
                    reason=f"the development corpus is not on this machine ({hygiene.DEFAULT_CORPUS})")
def test_no_corpus_text_in_the_project():
    found = hygiene.findings()
    assert not found, "corpus phrases in project files:\n" + "\n".join(
        f"{f}: {', '.join(p)}" for f, p in sorted(found.items()))


def test_the_detector_finds_a_planted_phrase(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "mt").mkdir(parents=True)
    (corpus / "human").mkdir()
    (corpus / "mt" / "a.txt").write_text("Uma frase inventada para o teste do detector aqui.\n", encoding="utf-8")
    (corpus / "gold.jsonl").write_text('{"file": "mt/a.txt", "start": 0, "end": 19, "text": "Uma frase inventada", '
                                       '"category": "calque"}\n', encoding="utf-8")
    project = tmp_path / "project"
    (project / "mtqa").mkdir(parents=True)
    (project / "mtqa" / "x.py").write_text("# an example: 'uma frase inventada'\n", encoding="utf-8")
    (project / "mtqa" / "y.py").write_text("# five words: para o teste do detector\n", encoding="utf-8")
    (project / "mtqa" / "z.py").write_text("# nothing of it\n", encoding="utf-8")
    found = hygiene.findings(corpus, project)
    assert found == {"mtqa/x.py": ["uma frase inventada"], "mtqa/y.py": ["para o teste do detector"]}
