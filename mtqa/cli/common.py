"""Helpers shared by subcommands: loading configuration with a clear error."""

from __future__ import annotations

import re
from pathlib import Path

import click

from mtqa.core.config import Config, load_config
from mtqa.core.errors import MtqaError


def split_list(values: tuple[str, ...]) -> list[str]:
    """``("B,S", "D101")`` -> ``["B", "S", "D101"]``: repeated and comma-separated options."""
    return [v.strip() for raw in values for v in raw.split(",") if v.strip()]


def apply_overrides(
    cfg: Config,
    *,
    select: tuple[str, ...] = (),
    extend_select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    language: str | None = None,
    variant: str | None = None,
) -> Config:
    """Command-line flags win over the configuration file and the environment."""
    if select:
        cfg.select = split_list(select)
    if extend_select:
        cfg.extend_select = split_list(extend_select)
    if ignore:
        cfg.ignore = cfg.ignore + split_list(ignore)
    if language or variant:
        from mtqa.core.config import LANGUAGES, parse_language
        from mtqa.core.errors import ConfigError

        if language and not variant:
            # A tag names its variant; a bare language keeps the configured variant if it has it.
            base = re.split(r"[-_]", language.strip(), maxsplit=1)[0].lower()
            tagged = bool(re.search(r"[-_]", language))
            variant = "" if tagged or cfg.variant.upper() not in LANGUAGES.get(base, ()) else None
        try:
            lang, var = parse_language(language if language else cfg.language,
                                       cfg.variant if variant is None else variant,
                                       "--language/--variant")
        except ConfigError as exc:
            fail(str(exc))
        cfg.language, cfg.variant = lang, var
    return cfg


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


def get_config_for(paths, path: str | None, isolated: bool = False) -> Config:
    """The configuration of a command that takes one configuration for all its ``paths`` (the
    review UI): ``--config``, or with ``--isolated`` the defaults, else the configuration file
    nearest the first path that exists, from its own folder upward (mtqa.core.project). Without a
    configuration file, the review file and baseline are kept at the git root of the paths."""
    from mtqa.core.project import config_file_for, has_config_file, project_root

    if path or isolated:
        cfg = get_config(path, isolated)
    else:
        first = next((p for p in paths if p != "-" and Path(p).exists()), None)
        try:
            cfg = load_config(config_file_for(first), search=False) if first is not None else load_config(None)
        except MtqaError as exc:
            fail(str(exc))
            raise  # unreachable
    if not has_config_file(cfg) and cfg.root == ".":
        root = project_root(cfg, list(paths))
        if root is not None:
            cfg.root = str(root)
    return cfg


config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False), default=None,
    help="Configuration file (default: nearest mtqa.toml or pyproject.toml with [tool.mtqa]).",
)
isolated_option = click.option("--isolated", is_flag=True, help="Ignore configuration files.")
