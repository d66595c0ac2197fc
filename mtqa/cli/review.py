"""``mtqa review``: the reviewers' terminal UI. Textual is imported only when it runs."""

from __future__ import annotations

import click

from mtqa.cli.common import apply_overrides, config_option, fail, get_config_for, isolated_option


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--language", default=None, help="Target language: pt, or a tag with its variant: pt-BR, pt_PT.")
@click.option("--variant", default=None, help="Target variant, e.g. BR or PT.")
@click.option("--select", multiple=True, help="Only these codes, prefixes, names or categories.")
@click.option("--ignore", multiple=True, help="Skip these codes, prefixes, names or categories.")
@click.option("--roundtrip", is_flag=True, help="Run the round-trip checks up front too.")
@click.option("--review-file", default=None,
              help="Decisions file (default from config: mtqa-review.jsonl).")
@click.option("--glossary", "glossary", type=click.Path(dir_okay=False), default=None,
              help="Glossary file new entries (g) are added to.")
@config_option
@isolated_option
def review(paths, language, variant, select, ignore, roundtrip, review_file, glossary,
           config_path, isolated):
    """Review the findings in PATHS interactively; decisions are saved as they are made."""
    from mtqa.core.errors import MtqaError

    if "-" in paths:
        fail("mtqa review shows and edits files; standard input (-) cannot be reviewed: save it to"
             " a file and review that (or check it with mtqa lint -)")
    cfg = apply_overrides(get_config_for(paths, config_path, isolated), select=select, ignore=ignore,
                          language=language, variant=variant)
    if roundtrip:
        cfg.roundtrip.enabled = True
        cfg.extend_select = [*cfg.extend_select, "R"]
    if review_file:
        cfg.review_file = review_file
    try:
        from mtqa.tui.app import make_app

        app = make_app(list(paths), cfg, glossary=glossary)
    except MtqaError as exc:
        fail(str(exc))
        return
    for missing in app.session.missing:
        click.echo(f"mtqa: error: {missing}: no such file or directory", err=True)
    if not app.session.docs:
        fail("no documents to review in " + ", ".join(paths))
    app.run()
    return 0
