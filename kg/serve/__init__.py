"""kg serve: the store over HTTP -- a SPARQL 1.1 endpoint and pages for a browser.

``create_app(ServeSettings(location=...))`` gives the Starlette application;
``kg.cli_serve`` runs it with uvicorn.  Queries run in worker processes
(``kg.serve.executor``) that open the store read-only, so an ingest can write
while the server reads, and a query over the time limit can be stopped.

This package must not import spaCy (nor anything that does).
"""
from __future__ import annotations

from kg.serve.app import ServeSettings, create_app

__all__ = ["ServeSettings", "create_app"]
