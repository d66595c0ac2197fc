"""``mtqa config show``: the configuration in force and where it came from."""

from __future__ import annotations

import json

import click

from mtqa.cli.common import config_option, get_config, isolated_option


@click.group()
def config():
    """Inspect configuration."""


@config.command("show")
@config_option
@isolated_option
def show(config_path, isolated):
    """Print the effective configuration as JSON."""
    cfg = get_config(config_path, isolated)
    click.echo(f"# source: {cfg.source}", err=True)
    click.echo(json.dumps(cfg.to_dict(), ensure_ascii=False, indent=2))
