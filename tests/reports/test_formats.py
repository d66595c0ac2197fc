"""Each output format on the seeds: JSON spans slice exactly, SARIF is valid, GitHub lines parse."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from mtqa.core.config import Config
from mtqa.engine.runner import run
from mtqa.reports import FORMATS, render
from tests.conftest import SEEDS

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def result():
    cfg = Config(language="pt", variant="BR")
    import os

    cwd = os.getcwd()
    os.chdir(SEEDS.parent)
    try:
        return run(["seeds"], cfg, use_review=False)
    finally:
        os.chdir(cwd)


def rendered(name, result):
    import io

    buf = io.StringIO()
    render(name, result, buf)
    return buf.getvalue()


def test_there_is_something_to_report(result):
    assert len(result.findings) >= 10 and not result.errors


def test_json_spans_slice_exactly(result):
    data = json.loads(rendered("json", result))
    assert data["version"] == 1 and data["findings"]
    keys = {"path", "code", "name", "category", "severity", "message", "start", "end", "line",
            "column", "end_line", "end_column", "text", "suggestion"}
    for f in data["findings"]:
        assert keys <= f.keys()
        text = (SEEDS.parent / f["path"]).read_bytes().decode("utf-8")
        assert text[f["start"] : f["end"]] == f["text"]
        line = text.split("\n")[f["line"] - 1]
        assert line[f["column"] - 1 :].startswith(f["text"].split("\n")[0])


def test_sarif_is_valid(result):
    data = json.loads(rendered("sarif", result))
    schema = json.loads((HERE / "sarif_2.1.0_subset.schema.json").read_text())
    jsonschema.validate(data, schema)
    run_ = data["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    for res in run_["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        assert res["partialFingerprints"]["mtqa/v1"]
    assert len(run_["results"]) == len(result.findings)


def test_sarif_schema_rejects_broken_output(result):
    data = json.loads(rendered("sarif", result))
    data["runs"][0]["results"][0]["level"] = "fatal"
    schema = json.loads((HERE / "sarif_2.1.0_subset.schema.json").read_text())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_github_annotations(result):
    lines = rendered("github", result).splitlines()
    assert len(lines) == len(result.findings)
    rx = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$")
    for line in lines:
        assert rx.match(line), line


def test_text_format(result):
    lines = rendered("text", result).splitlines()
    assert len(lines) == len(result.findings)
    for line in lines:
        assert re.match(r"^seeds/\d{3}_\w+\.txt:\d+:\d+: [A-Z]\d{3} .+", line), line


def test_every_format_registered_renders(result):
    for name in FORMATS:
        assert isinstance(rendered(name, result), str)
