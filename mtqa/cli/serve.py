"""``mtqa serve``: the HTTP server (LanguageTool's API and mtqa's own), on 127.0.0.1 by default."""

from __future__ import annotations

import click

from mtqa.cli.common import apply_overrides, config_option, get_config, isolated_option


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8081, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Texts checked at once, each by its own loaded engine.")
@click.option("--max-bytes", default=1_000_000, show_default=True, type=click.IntRange(1),
              help="Largest request body accepted.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds a check may take before the request gets a 503.")
@click.option("--max-waiting", default=16, show_default=True, type=click.IntRange(0),
              help="Requests waiting for a worker before new ones get a 503.")
@click.option("--language", default=None, help="Default target language (requests may say 'auto' or their own).")
@click.option("--select", multiple=True, help="Only these codes, prefixes, names or categories.")
@click.option("--ignore", multiple=True, help="Skip these codes, prefixes, names or categories.")
@config_option
@isolated_option
def serve(host, port, workers, max_bytes, timeout, max_waiting, language, select, ignore, config_path, isolated):
    """Serve mtqa over HTTP: POST /v2/check and GET /v2/languages as LanguageTool answers them,
    POST /mtqa/v1/check with mtqa's own findings, GET /health."""
    from mtqa.server import Limits
    from mtqa.server import serve as run_server

    cfg = apply_overrides(get_config(config_path, isolated), select=select, ignore=ignore, language=language)
    limits = Limits(max_bytes=max_bytes, timeout=timeout, workers=workers, max_waiting=max_waiting)
    click.echo(f"mtqa: serving on http://{host}:{port} (LanguageTool API at /v2/, health at /health)", err=True)
    run_server(cfg, host=host, port=port, limits=limits)
