"""Helpers shared by subcommands: loading configuration with a clear error."""

from __future__ import annotations

from pathlib import Path

import click

from mtqa.core.config import Config, load_config
from mtqa.core.errors import MtqaError


def fail(message: str, code: int = 2) -> None:
    click.echo(f"mtqa: {message}", err=True)
    raise click.exceptions.Exit(code)


def get_config(path: str | None, isolated: bool = False) -> Config:
    try:
        if isolated:
            return load_config(None, search=False)
        return load_config(Path(path) if path else None)
    except MtqaError as exc:
        fail(str(exc))
        raise  # unreachable


config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), default=None,
    help="Configuration file (default: nearest mtqa.toml or pyproject.toml with [tool.mtqa]).",
)
isolated_option = click.option("--isolated", is_flag=True, help="Ignore configuration files.")
