"""The CI glue the project ships: the GitHub Actions example's mtqa commands run as written."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import yaml

from mtqa.reports import FORMATS

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "examples" / "github" / "mtqa.yml"


def _workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _mtqa_commands(flow) -> list[list[str]]:
    articles = flow["env"]["ARTICLES"]
    out = []
    for step in flow["jobs"]["mtqa"]["steps"]:
        run = step.get("run", "")
        if run.startswith("mtqa lint"):
            out.append(shlex.split(run.replace('"$ARTICLES"', articles))[1:])
    return out


def test_workflow_annotates_and_uploads_sarif():
    flow = _workflow()
    steps = flow["jobs"]["mtqa"]["steps"]
    commands = _mtqa_commands(flow)
    assert [c[c.index("--format") + 1] for c in commands] == ["sarif", "github"]
    assert {"sarif", "github"} <= set(FORMATS)
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    sarif_cmd = commands[0]
    assert upload["with"]["sarif_file"] == sarif_cmd[sarif_cmd.index("--output") + 1]
    assert upload["if"] == "always()", "uploaded even when a step before it failed"
    assert flow["permissions"]["security-events"] == "write"


def test_workflow_commands_run_as_written(mtqa, tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "visita.txt").write_text(
        "O líder norte -coreano chegou a Moscou na quarta-feira.\n", encoding="utf-8")
    sarif_cmd, github_cmd = _mtqa_commands(_workflow())

    r = mtqa(*sarif_cmd)
    assert r.code == 0, r.err  # --exit-zero: the upload step runs, the next step fails the job
    sarif = json.loads((tmp_path / "mtqa.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert any(x["ruleId"] == "S101" for x in results)
    uris = {x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in results}
    assert uris == {"articles/visita.txt"}, "relative to the repository root, as code scanning needs"

    r = mtqa(*github_cmd)
    assert r.code == 1
    assert any(line.startswith("::warning file=articles/visita.txt,line=1,col=9,")
               for line in r.out.splitlines()), r.out
