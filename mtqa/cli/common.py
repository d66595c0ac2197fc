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
    """Command-line flags win over the configuration file and the environment. A selector that
    selects no check is an error naming the flag."""
    for flag, values in (("--select", select), ("--extend-select", extend_select), ("--ignore", ignore)):
        _check_selectors(split_list(values), flag, None)
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


def _check_selectors(values, where: str, line: int | None, what: str = "") -> None:
    from mtqa.core.errors import ConfigError
    from mtqa.engine.select import all_checks, matches

    checks = all_checks()
    for s in values:
        if not any(matches(c, s) for c in checks):
            fail(str(ConfigError(where, f"{what}{s!r} selects no check (not a code, prefix, name or"
                                        " category)", line)))


def check_codes(cfg: Config) -> None:
    """Every code in ``select``, ``extend_select``, ``ignore``, ``per_file_ignores`` selects a
    check, and every key of ``severity`` is a check's code; else an error naming the file and line
    (or the environment variable) the value came from."""
    from mtqa.core.errors import ConfigError
    from mtqa.engine.select import all_checks

    def origin(key):
        return cfg.origin.get(key, (cfg.source, None))

    for key in ("select", "extend_select", "ignore"):
        _check_selectors(getattr(cfg, key), *origin(key), what=f"{key}: ")
    for pattern, codes in cfg.per_file_ignores.items():
        where = cfg.origin.get(f"per_file_ignores.{pattern}") or origin("per_file_ignores")
        _check_selectors(codes, *where, what=f"per_file_ignores {pattern!r}: ")
    known = {c.code for c in all_checks()}
    for code in cfg.severity:
        if code.upper() not in known:
            where, line = cfg.origin.get(f"severity.{code}") or origin("severity")
            fail(str(ConfigError(where, f"severity: {code!r} is not the code of a check", line)))


def fail(message: str, code: int = 2) -> None:
    click.echo(f"mtqa: {message}", err=True)
    raise click.exceptions.Exit(code)


def get_config(path: str | None, isolated: bool = False) -> Config:
    try:
        if isolated:
            cfg = load_config(None, search=False)
        else:
            cfg = load_config(Path(path) if path else None)
    except MtqaError as exc:
        fail(str(exc))
        raise  # unreachable
    check_codes(cfg)
    return cfg


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
        check_codes(cfg)
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
