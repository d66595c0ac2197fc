"""``mtqa cache stats|clear``: the persistent translation cache."""

from __future__ import annotations

import json

import click

from mtqa.cli.common import config_option, get_config, isolated_option


@click.group()
def cache() -> None:
    """The translation cache (SQLite; MTQA_CACHE_DIR or roundtrip.cache choose where it lives)."""


@cache.command()
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@config_option
@isolated_option
def stats(as_json, config_path, isolated):
    """Entries per backend, model and direction, and the size on disk."""
    from mtqa.providers.cache import TranslationCache, default_path

    cfg = get_config(config_path, isolated)
    st = TranslationCache(default_path(cfg)).stats()
    if as_json:
        click.echo(json.dumps(st, indent=2))
        return
    click.echo(f"cache: {st['path']}")
    click.echo(f"entries: {st['entries']:,}  size: {st['bytes'] / 1e6:.1f} MB")
    for g in st["groups"]:
        click.echo(f"  {g['backend']:<10} {g['direction']:<6} {g['entries']:>8,}  {g['model']}")


@cache.command()
@click.option("--backend", default=None, help="Only the entries of this backend.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@config_option
@isolated_option
def clear(backend, yes, config_path, isolated):
    """Delete cached translations (all, or one backend's)."""
    from mtqa.providers.cache import TranslationCache, default_path

    cfg = get_config(config_path, isolated)
    c = TranslationCache(default_path(cfg))
    what = f"{backend} entries" if backend else "every entry"
    if not yes and not click.confirm(f"Delete {what} of {c.path}?", default=False):
        click.echo("mtqa: nothing deleted", err=True)
        return
    n = c.clear(backend)
    click.echo(f"mtqa: deleted {n:,} cached translation{'s' if n != 1 else ''}", err=True)
