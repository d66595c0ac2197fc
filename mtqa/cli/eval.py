"""``mtqa eval``: measure the checks against gold annotations and clean text."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import click

from mtqa.cli import ExitCode
from mtqa.cli.common import apply_overrides, config_option, fail, get_config, isolated_option
from mtqa.core.errors import MtqaError

#: Default tolerance when comparing with a baseline (see docs/eval.md).
DEFAULT_EPSILON = 0.001


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--root", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder the gold's file names are relative to.")
@click.option("--clean", multiple=True, type=click.Path(),
              help="Clean file or folder (repeatable): findings there are false alarms.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to a file instead of standard output.")
@click.option("--roundtrip", is_flag=True, help="Run the round-trip checks too (slow).")
@click.option("--select", multiple=True, help="Only these codes, prefixes, names or categories.")
@click.option("--extend-select", multiple=True, help="Add these to the selection.")
@click.option("--ignore", multiple=True, help="Skip these codes, prefixes, names or categories.")
@click.option("--language", default=None, help="Target language: pt, or a tag with its variant: pt-BR, pt_PT.")
@click.option("--variant", default=None, help="Target variant, e.g. BR or PT.")
@click.option("--missed", "show_missed", is_flag=True, help="List the gold spans no finding overlaps, and the findings that overlap no gold span.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Exit 1 if recall is below, or the false-alarm rate above, this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Write the measured numbers to this baseline file.")
@click.option("--epsilon", type=float, default=None,
              help=f"Tolerance for --baseline/--write-baseline (default: the baseline's, "
                   f"or {DEFAULT_EPSILON}).")
@config_option
@isolated_option
def eval_command(gold, root, clean, fmt, output, roundtrip, select, extend_select, ignore,
                 language, variant, show_missed, baseline_path, write_baseline, epsilon,
                 config_path, isolated):
    """Measure recall on GOLD (JSON Lines spans) and false alarms on --clean texts."""
    from mtqa.core.files import atomic_write
    from mtqa.engine.evaluate import baseline_data, compare, evaluate, render_text

    cfg = apply_overrides(get_config(config_path, isolated), select=select,
                          extend_select=extend_select, ignore=ignore, language=language,
                          variant=variant)

    try:
        report = evaluate(gold, root, cfg, clean=list(clean), roundtrip=roundtrip)
    except MtqaError as exc:
        fail(str(exc))
        return

    for code, reason in sorted(report.skipped.items()):
        click.echo(f"mtqa: skipped {code}: {reason}", err=True)
    if fmt == "json":
        text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_text(report, show_missed=show_missed)
    if output:
        atomic_write(Path(output), text)
    else:
        click.echo(text, nl=False)

    rc = ExitCode.OK
    if baseline_path:
        try:
            base = json.loads(Path(baseline_path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            fail(f"{baseline_path}: cannot read baseline: {exc}")
            return
        problems = compare(report, base, epsilon)
        for p in problems:
            click.echo(f"mtqa: regression: {p}", err=True)
        if problems:
            rc = ExitCode.FINDINGS
        else:
            click.echo(f"mtqa: no regression against {baseline_path}", err=True)
    if write_baseline:
        command = "mtqa " + " ".join(shlex.quote(a) for a in sys.argv[1:] if a)
        data = baseline_data(report, command=command,
                             epsilon=DEFAULT_EPSILON if epsilon is None else epsilon)
        atomic_write(Path(write_baseline), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        click.echo(f"mtqa: wrote {write_baseline}", err=True)
    return int(rc)
