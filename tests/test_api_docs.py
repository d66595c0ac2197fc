"""Every Python block of docs/api.md runs and its assertions hold; the API's own contracts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples():
    assert len(BLOCKS) >= 4


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_docs_example_runs(code):
    exec(compile(code, "docs/api.md", "exec"), {})


def test_offsets_and_json_shape_match_the_cli():
    import json
    import subprocess
    import sys

    import mtqa

    text = "Ele chegou ontem , cansado.\nO líder norte -coreano chegou.\n"
    api = [f.to_dict() for f in mtqa.Checker(language="pt-BR").check_text(text, path="<stdin>")]
    cli = subprocess.run([sys.executable, "-m", "mtqa", "lint", "--isolated", "--language", "pt-BR", "-",
                          "--format", "json"], input=text.encode(), capture_output=True, check=False)
    assert json.loads(cli.stdout)["findings"] == api
    assert all(text[f["start"]:f["end"]] == f["text"] for f in api)


def test_bad_language_is_refused():
    import mtqa
    from mtqa.core.errors import ConfigError

    with pytest.raises(ConfigError):
        mtqa.Checker(language="xx")
    with pytest.raises(ConfigError):
        mtqa.Checker(language="pt").check_text("Olá.", variant="ZZ")


def test_import_mtqa_stays_cheap():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "import sys, mtqa; print('mtqa.engine.runner' in sys.modules)"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
