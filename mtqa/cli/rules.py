"""``mtqa rules`` lists the checks; ``mtqa rule CODE`` prints one check's documentation."""

from __future__ import annotations

import json

import click

from mtqa.cli.common import fail


def rule_markdown(c) -> str:
    from mtqa.checks.base import Example  # noqa: F401

    lines = [f"# {c.code} {c.name}", "", c.docs, "",
             f"- Category: `{c.category}`", f"- Default severity: `{c.severity}`",
             f"- Languages: {', '.join(c.languages) or 'any'}"]
    if c.needs:
        lines.append(f"- Needs: {', '.join(c.needs)}")
    if not c.default:
        lines.append("- Off by default: enable with `--extend-select " + c.code + "`")
    if c.aliases:
        lines.append(f"- Aliases: {', '.join(c.aliases)}")
    lines.append(f"- Message: {c.message}")
    bad = [e for e in c.examples if e.fires]
    good = [e for e in c.examples if not e.fires]
    if bad:
        lines += ["", "## Fires on (span in [[ ]])", ""]
        lines += [f"    {e.text}" + (f"    → {e.suggest}" if e.suggest else "") for e in bad]
    if good:
        lines += ["", "## Stays silent on", ""]
        lines += [f"    {e.text}" for e in good]
    return "\n".join(lines) + "\n"


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text")
def rules(fmt):
    """List every check: code, name, category, default severity."""
    from mtqa.checks import all_checks

    checks = all_checks()
    if fmt == "json":
        click.echo(json.dumps([
            {"code": c.code, "name": c.name, "category": c.category, "severity": str(c.severity),
             "default": c.default, "languages": list(c.languages), "needs": list(c.needs),
             "summary": c.summary} for c in checks], ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo("\n".join(rule_markdown(c) for c in checks))
    else:
        for c in checks:
            flag = "" if c.default else " (off by default)"
            click.echo(f"{c.code}  {c.name:<32} {c.category:<22} {str(c.severity):<8} {c.summary}{flag}")


@click.command()
@click.argument("code")
def rule(code):
    """Print the documentation of one check (by code or name)."""
    from mtqa.checks import get_check

    c = get_check(code)
    if c is None:
        fail(f"no check {code!r}; `mtqa rules` lists them")
    click.echo(rule_markdown(c), nl=False)
