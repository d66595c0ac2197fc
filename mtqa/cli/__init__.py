"""The ``mtqa`` command. Subcommands are imported lazily so ``mtqa lint`` starts fast and never
loads Textual."""

from __future__ import annotations

import enum
import importlib
import sys

import click

from mtqa import __version__


class ExitCode(enum.IntEnum):
    """Exit codes are a contract (documented in the README)."""

    OK = 0  #: no findings at or above --fail-on
    FINDINGS = 1  #: findings at or above --fail-on
    USAGE = 2  #: usage, configuration or input error
    PROVIDER = 3  #: a required provider is unavailable
    INTERRUPTED = 130


#: Subcommand name -> "module:attribute".
COMMANDS: dict[str, str] = {
    "lint": "mtqa.cli.lint:lint",
    "rules": "mtqa.cli.rules:rules",
    "rule": "mtqa.cli.rules:rule",
    "config": "mtqa.cli.config:config",
    "cache": "mtqa.cli.cache:cache",
    "review": "mtqa.cli.review:review",
    "eval": "mtqa.cli.eval:eval_command",
    "glossary": "mtqa.cli.glossary:glossary",
    "serve": "mtqa.cli.serve:serve",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str):
        spec = COMMANDS.get(name)
        if spec is None:
            return None
        mod, _, attr = spec.partition(":")
        return getattr(importlib.import_module(mod), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtqa")
def cli() -> None:
    """mtqa: find machine-translation artifacts in translated articles."""


def main(argv: list[str] | None = None) -> None:
    from mtqa.core import recache

    recache.install()  # compiled regular expressions kept across runs
    try:
        rc = cli.main(args=argv, prog_name="mtqa", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("mtqa: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except KeyboardInterrupt:
        click.echo("mtqa: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()
        sys.exit(ExitCode.USAGE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(ExitCode.USAGE)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    sys.exit(rc if isinstance(rc, int) else 0)
