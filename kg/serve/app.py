"""The kg web application (Starlette): a SPARQL endpoint and pages for a browser.

Routes:

* ``/sparql`` -- the SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/):
  queries by GET, by POST form-encoded and by POST direct
  (``application/sparql-query``); updates by POST (``update=`` or
  ``application/sparql-update``), refused with 403 unless the server runs
  with ``allow_update``.  Results are negotiated by ``kg.serve.protocol``.
* ``/query`` -- a query editor with the named queries as examples;
* ``/who-discussed`` and ``/who-said`` -- the answer tables with their filters;
* ``/entities``, ``/entity?iri=...`` (or ``?name=...``) -- actors, topics and
  measures; an entity's posts, meetings and statements with their evidence;
* ``/graph?iri=...`` -- the interactive relationship view around an entity;
* ``/healthz`` -- "ok" when the query workers are up.

Every query runs in a worker process of ``kg.serve.executor.QueryPool`` with
the time limit; a query past it is stopped and answered with 503.
"""
from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from kg.errors import KGError
from kg.serve.executor import QueryPool, QueryTimeout, WorkerCrashed

#: Largest request body accepted (a big INSERT DATA with --allow-update).
MAX_BODY = 64 * 1024 * 1024


@dataclass
class ServeSettings:
    """How ``kg serve`` runs.

    :param location: the store (folder or ``sparql+http://...``).
    :param update_url: the remote store's update endpoint, when not derived.
    :param allow_update: accept SPARQL Update at /sparql (off: 403).
    :param timeout: seconds a query (or page) may run before it is stopped.
    :param workers: query worker processes.
    :param refresh: seconds between checks for a changed embedded store.
    """

    location: str
    update_url: str | None = None
    allow_update: bool = False
    timeout: float = 30.0
    workers: int = 2
    refresh: float = 2.0


_templates = Environment(loader=PackageLoader("kg.serve", "templates"),
                         autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def _page(template: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(_templates.get_template(template).render(**context), status_code=status)


def _text(message: str, status: int) -> PlainTextResponse:
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status)


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def create_app(settings: ServeSettings) -> Starlette:
    """The Starlette application serving ``settings.location``."""
    pool = QueryPool(settings.location, update_url=settings.update_url, size=settings.workers,
                     timeout=settings.timeout, refresh=settings.refresh)
    state: dict = {"writer": None}
    write_lock = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        if settings.allow_update:
            from kg.store import open_store
            # One writable handle in the server process (opened first: it
            # creates a missing store); for an embedded store it holds the
            # database lock, so kg ingest is refused meanwhile.
            state["writer"] = open_store(settings.location, update_url=settings.update_url)
        await pool.start()
        try:
            yield
        finally:
            await pool.stop()
            if state["writer"] is not None:
                state["writer"].close()

    async def run(kind: str, *args):
        """("ok", value) or ("error", status, message), with the time limit."""
        try:
            return await pool.run(kind, *args)
        except QueryTimeout:
            return ("error", 503, f"the query ran longer than the time limit of {settings.timeout:g} s "
                                  "and was stopped")
        except WorkerCrashed:
            return ("error", 500, "the query worker died while answering (out of memory?)")

    # -- the SPARQL endpoint -----------------------------------------------------
    async def sparql(request: Request) -> Response:
        params: dict[str, list[str]] = {}
        for key, value in request.query_params.multi_items():
            params.setdefault(key, []).append(value)
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = await request.body()
            if len(body) > MAX_BODY:
                return _text("request body too large", 413)
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return _text("the request body is not UTF-8", 400)
            if ctype == "application/x-www-form-urlencoded":
                for key, values in parse_qs(text, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            elif ctype == "application/sparql-query":
                params.setdefault("query", []).append(text)
            elif ctype == "application/sparql-update":
                params.setdefault("update", []).append(text)
            else:
                return _text(f"unsupported content type {ctype or '(none)'!r}; send "
                             "application/x-www-form-urlencoded, application/sparql-query or "
                             "application/sparql-update", 415)
        queries, updates = params.get("query", []), params.get("update", [])
        if len(queries) + len(updates) > 1:
            return _text("send exactly one query or one update per request", 400)
        if updates:
            return await _update(request, updates[0], params)
        if not queries:
            if _wants_html(request):
                return RedirectResponse("/query", status_code=303)
            return _text("no query: pass query=... (GET or POST), or POST application/sparql-query", 400)
        from kg.answers import is_update

        if is_update(queries[0]):
            return _text("this is a SPARQL Update; send it as update=... or application/sparql-update "
                         "(by POST)", 400)
        fmt = (params.get("format") or params.get("output") or [None])[0]
        answer = await run("sparql", queries[0], request.headers.get("accept"), fmt,
                           params.get("default-graph-uri", []), params.get("named-graph-uri", []))
        if answer[0] != "ok":
            return _text(answer[2], answer[1])
        media, data = answer[1]
        return Response(data, media_type=media.split(";")[0],
                        headers={"content-type": media, "vary": "Accept"})

    async def _update(request: Request, text: str, params: dict) -> Response:
        if request.method != "POST":
            return _text("SPARQL Update must be sent by POST", 405)
        if not settings.allow_update:
            return _text("this endpoint is read-only: SPARQL Update is refused "
                         "(start kg serve with --allow-update to accept it)", 403)
        if params.get("using-graph-uri") or params.get("using-named-graph-uri"):
            return _text("using-graph-uri and using-named-graph-uri are not supported; "
                         "put USING or WITH in the update", 400)
        async with write_lock:
            try:
                await asyncio.to_thread(state["writer"].update, text)
            except KGError as exc:
                return _text(str(exc), 400)
            finally:
                # Workers reopen their read-only snapshot before the next query.
                pool.generation += 1
        return Response(status_code=204)

    # -- pages ---------------------------------------------------------------------
    def _error_page(answer, title: str) -> HTMLResponse:
        return _page("error.html", status=answer[1], title=title, message=answer[2])

    async def index(request: Request) -> Response:
        answer = await run("answer", "stats", {})
        if answer[0] != "ok":
            return _error_page(answer, "kg")
        return _page("index.html", title="kg", stats=answer[1], allow_update=settings.allow_update,
                     location=_public_location(settings.location))

    async def query_page(request: Request) -> Response:
        from kg.serve.pages import examples

        all_examples = examples()
        text = request.query_params.get("query")
        chosen = request.query_params.get("example")
        if text is None and chosen:
            text = next((e["text"] for e in all_examples if e["name"] == chosen), None)
        table, error, status = None, None, 200
        if text and text.strip() and request.query_params.get("run", "1") != "0":
            answer = await run("table", text)
            if answer[0] == "ok":
                table = answer[1]
            else:
                error, status = answer[2], answer[1]
        downloads = {}
        if text and text.strip():
            for name in ("json", "xml", "csv", "tsv", "turtle", "nt", "jsonld"):
                downloads[name] = "/sparql?" + urlencode({"query": text, "format": name})
        return _page("query.html", status=status, title="kg: SPARQL query", query=text or "",
                     examples=all_examples, chosen=chosen, table=table, error=error, downloads=downloads)

    async def who_discussed(request: Request) -> Response:
        q = request.query_params
        filters = {"name": q.get("with") or None, "topic": q.get("topic") or None,
                   "since": q.get("since") or None, "until": q.get("until") or None,
                   "min_confidence": q.get("min_confidence") or None}
        answer = await run("answer", "who_discussed", filters)
        rows, error, status = (answer[1], None, 200) if answer[0] == "ok" else ([], answer[2], answer[1])
        return _page("who_discussed.html", status=status, title="kg: who discussed what",
                     filters={**filters, "with": filters["name"]}, rows=rows, error=error)

    async def who_said(request: Request) -> Response:
        q = request.query_params
        filters = {"speaker": q.get("speaker") or None, "topic": q.get("topic") or None,
                   "min_confidence": q.get("min_confidence") or None}
        answer = await run("answer", "who_said", filters)
        rows, error, status = (answer[1], None, 200) if answer[0] == "ok" else ([], answer[2], answer[1])
        return _page("who_said.html", status=status, title="kg: who said what", filters=filters,
                     rows=rows, error=error)

    async def entities(request: Request) -> Response:
        type_ = request.query_params.get("type") or None
        answer = await run("answer", "entities", {"type": type_})
        rows, error, status = (answer[1], None, 200) if answer[0] == "ok" else ([], answer[2], answer[1])
        from kg.answers import ENTITY_TYPES

        return _page("entities.html", status=status, title="kg: entities", rows=rows, error=error,
                     type=type_, types=list(ENTITY_TYPES))

    async def _resolve(request: Request, target: str) -> Response | str:
        # ?iri= is used as is; ?name= is looked up (one match: redirect to its iri).
        iri = request.query_params.get("iri")
        if iri:
            return iri
        name = request.query_params.get("name")
        if not name:
            return _page("error.html", status=400, title="kg", message="pass ?iri=... or ?name=...")
        answer = await run("lookup", name)
        if answer[0] != "ok":
            return _error_page(answer, "kg")
        found = answer[1]
        if len(found) == 1:
            return RedirectResponse(f"{target}?" + urlencode({"iri": found[0]["iri"]}), status_code=303)
        status = 404 if not found else 300
        return _page("choose.html", status=status, title=f"kg: {name}", name=name, found=found,
                     target=target)

    async def entity(request: Request) -> Response:
        iri = await _resolve(request, "/entity")
        if not isinstance(iri, str):
            return iri
        answer = await run("entity", iri)
        if answer[0] != "ok":
            return _error_page(answer, "kg: entity")
        page = answer[1]
        return _page("entity.html", title=f"kg: {page['name']}", e=page,
                     graph_link="/graph?" + urlencode({"iri": iri}))

    async def graph(request: Request) -> Response:
        iri = await _resolve(request, "/graph")
        if not isinstance(iri, str):
            return iri
        try:
            depth = max(0, min(3, int(request.query_params.get("depth", "1"))))
        except ValueError:
            depth = 1
        answer = await run("graph_view", iri, depth)
        if answer[0] != "ok":
            return _error_page(answer, "kg: graph")
        if answer[1] is not None:
            return HTMLResponse(answer[1])
        # kg.views is not installed: draw the actor's own neighbourhood.
        answer = await run("neighbours", iri)
        if answer[0] != "ok":
            return _error_page(answer, "kg: graph")
        data = answer[1]
        return _page("graph_simple.html", title=f"kg: around {data['name']}", g=data,
                     layout=_radial_layout(data["neighbours"]))

    async def healthz(request: Request) -> Response:
        alive = pool.workers_alive()
        return _text(f"ok {alive} workers" if alive else "no query workers", 200 if alive else 503)

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", query_page, methods=["GET"]),
        Route("/who-discussed", who_discussed, methods=["GET"]),
        Route("/who-said", who_said, methods=["GET"]),
        Route("/entities", entities, methods=["GET"]),
        Route("/entity", entity, methods=["GET"]),
        Route("/graph", graph, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan, max_body_size=MAX_BODY)
    app.state.settings = settings
    app.state.pool = pool
    return app


def _public_location(location: str) -> str:
    # Never show a password from a sparql+http://user:pass@host/ location.
    from urllib.parse import urlsplit

    if "@" in location and location.startswith("sparql+"):
        parts = urlsplit(location)
        host = parts.hostname or ""
        return f"{parts.scheme}://…@{host}{':' + str(parts.port) if parts.port else ''}{parts.path}"
    return location


def _radial_layout(items: list[dict], size: int = 640) -> dict:
    """Positions for the simple graph view: the entity in the centre, neighbours on a circle."""
    import math

    shown = items[:40]
    centre = size / 2
    radius = size / 2 - 90
    nodes = []
    for i, item in enumerate(shown):
        angle = 2 * math.pi * i / max(1, len(shown))
        nodes.append({**item, "x": round(centre + radius * math.cos(angle), 1),
                      "y": round(centre + radius * math.sin(angle), 1)})
    return {"size": size, "centre": centre, "nodes": nodes, "hidden": len(items) - len(shown)}
