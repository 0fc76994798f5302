"""``kg serve`` and the global ``--update-url`` option, added to the kg command group.

``kg.cli`` calls ``register(cli)`` when this module is installed.  The
command only reads options and calls ``kg.serve.create_app`` and uvicorn.
"""
from __future__ import annotations

import ipaddress
import os
import sys

import click

LOOPBACK_NAMES = ("localhost",)


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _remember_update_url(ctx, param, value):
    # kg.remote reads $KG_UPDATE_URL, so the option reaches every command's
    # store (and kg serve's worker processes) without each command passing it.
    if value:
        os.environ["KG_UPDATE_URL"] = value
    return value


UPDATE_URL_OPTION = click.Option(
    ["--update-url"], metavar="URL", envvar="KG_UPDATE_URL", show_envvar=True, expose_value=False,
    is_eager=True, callback=_remember_update_url,
    help="SPARQL Update endpoint of a sparql+http:// store (default: its URL with a final "
         "/query replaced by /update).")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default; anything else exposes the store).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update at /sparql (refused with 403 otherwise).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is stopped (answered with 503).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Query worker processes.")
@click.option("--log-level", default="warning", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="uvicorn's log level (info shows each request).")
def serve(host, port, allow_update, timeout, workers, log_level):
    """Serve the store: a SPARQL endpoint at /sparql and pages for a browser.

    Read-only unless --allow-update. An embedded store is opened read-only,
    so `kg ingest` can run meanwhile; the pages see its documents within a
    few seconds (each document whole, as it is committed).

    \b
    Example:
        kg serve
        kg serve --port 8080 --timeout 10
        curl -H 'Accept: text/csv' --data-urlencode 'query=ASK { ?s ?p ?o }' http://127.0.0.1:8000/sparql
    """
    import uvicorn

    from kg.serve import ServeSettings, create_app
    from kg.store import REMOTE_SCHEMES, open_store, resolve_location

    location = resolve_location(click.get_current_context().find_root().params.get("store_location"))
    update_url = os.environ.get("KG_UPDATE_URL")
    if not location.startswith(REMOTE_SCHEMES) and not allow_update:
        # Fail now, in one line, rather than in every worker: the store must exist.
        open_store(location, create=False, read_only=True).close()
    if not _is_loopback(host):
        click.echo(f"Warning: listening on {host}: anyone who can reach this address can read the store"
                   + (" and change it (--allow-update)" if allow_update else ""), err=True)
    app = create_app(ServeSettings(location=location, update_url=update_url, allow_update=allow_update,
                                   timeout=timeout, workers=workers))
    click.echo(f"kg serve: http://{host}:{port}/ (SPARQL endpoint http://{host}:{port}/sparql); "
               "Ctrl-C stops", err=True)
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, lifespan="on",
                            timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    server.run()
    if not server.started:
        # uvicorn has logged why (port in use, ...); exit non-zero without a traceback.
        sys.exit(1)


def register(cli: click.Group) -> None:
    """Add ``serve`` and the global ``--update-url`` option to the kg command group."""
    if not any("--update-url" in getattr(p, "opts", ()) for p in cli.params):
        cli.params.append(UPDATE_URL_OPTION)
    cli.add_command(serve)
