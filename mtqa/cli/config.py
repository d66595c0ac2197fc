"""``mtqa config show``: the configuration in force and where it came from."""

from __future__ import annotations

import json

import click

from mtqa.cli.common import config_option, get_config_for, isolated_option


@click.group()
def config():
    """Inspect configuration."""


@config.command("show")
@click.argument("path", required=False)
@config_option
@isolated_option
def show(path, config_path, isolated):
    """Print the effective configuration as JSON: the one that governs PATH (a file or folder:
    the nearest configuration file from its folder upward, as `mtqa lint` finds it), or the
    current folder's.

    Credentials in a translator URL (`https://user:key@host/?auth_key=...`) are not printed: the
    URL is shown without its userinfo and query, as in messages and signatures."""
    cfg = get_config_for([path or "."], config_path, isolated)
    click.echo(f"# source: {cfg.source}", err=True)
    click.echo(f"# project root: {cfg.root}", err=True)
    click.echo(json.dumps(_redacted(cfg.to_dict()), ensure_ascii=False, indent=2))


def _redacted(value):
    """``value`` with every string that looks like a URL passed through ``redact_url``."""
    from mtqa.providers.translate import redact_url

    if isinstance(value, dict):
        return {k: _redacted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redacted(v) for v in value]
    if isinstance(value, str) and "://" in value:
        return redact_url(value)
    return value
