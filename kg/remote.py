"""A remote store: any SPARQL 1.1 endpoint that accepts SPARQL Update.

``RemoteStore`` offers the interface of ``kg.store.LocalStore`` over HTTP
(https://www.w3.org/TR/sparql11-protocol/), so every kg command works
against Oxigraph, Apache Jena Fuseki, GraphDB, Virtuoso or QLever.

* The store is named ``sparql+http://HOST:PORT/PATH`` (or ``sparql+https``);
  the query endpoint is that URL without ``sparql+``.
* The update endpoint is the query URL with a final ``/query`` replaced by
  ``/update`` (the layout of Oxigraph and Fuseki), the same URL when it does
  not end in ``/query`` (Virtuoso, QLever), or ``update_url`` /
  ``$KG_UPDATE_URL`` (GraphDB's ``.../statements``).
* Credentials in the URL (``sparql+http://user:pass@host/...``) are sent as
  HTTP Basic authentication (Digest when ``$KG_STORE_AUTH=digest``, as
  Virtuoso's ``/sparql-auth`` wants); ``$KG_STORE_TOKEN`` is sent as a
  Bearer token (QLever's access token).
* ``replace_graph`` is ONE update request, ``DROP SILENT GRAPH`` then
  ``INSERT DATA``: endpoints run a request as one transaction, so a reader
  or a crash sees the document's old graph or its new one, never half.
* kg's queries read facts from all document graphs through the default
  graph, so the endpoint must show the union of its named graphs as its
  default graph.  The first query checks this (``serve_union_probe.rq`` finds
  a triple of a named graph, ``serve_union_check.rq`` asks for it in the
  default graph) and raises StoreError with the setting to change if not.
"""
from __future__ import annotations

import io
import json
import os
from typing import Iterable
from urllib.parse import urlsplit, urlunsplit

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.store import REMOTE_SCHEMES, SERIALISATIONS, QueryResult, bindings_as_values
from kg.vocab import PREFIXES

ENV_UPDATE_URL = "KG_UPDATE_URL"
ENV_TOKEN = "KG_STORE_TOKEN"
ENV_AUTH = "KG_STORE_AUTH"
ENV_TIMEOUT = "KG_STORE_TIMEOUT"
DEFAULT_TIMEOUT = 300.0
#: Largest update request ``replace_graphs`` sends (bytes of SPARQL); larger
#: batches are split between documents, never inside one.
MAX_UPDATE_BYTES = 8 * 1024 * 1024

# Ask for JSON results for SELECT/ASK and N-Triples for CONSTRUCT/DESCRIBE in
# one header: the endpoint knows the query form and picks the matching type.
_QUERY_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, "
                 "text/turtle;q=0.8, application/sparql-results+xml;q=0.5, application/rdf+xml;q=0.4")
_GRAPH_FORMATS = {
    "application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
    "application/x-turtle": "turtle", "application/ld+json": "json-ld",
    "application/rdf+xml": "xml", "application/n-quads": "nquads", "application/trig": "trig",
}
_RESULT_FORMATS = {
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def endpoint_urls(location: str, update_url: str | None = None) -> tuple[str, str]:
    """The (query URL, update URL) of a ``sparql+http(s)://...`` store location.

    The update URL is ``update_url``, else ``$KG_UPDATE_URL``, else the query
    URL with a final ``/query`` replaced by ``/update``, else the query URL.
    """
    if not location.startswith(REMOTE_SCHEMES):
        raise StoreError(f"not a remote store location: {location!r} (use sparql+http://HOST:PORT/PATH)")
    query_url = location[len("sparql+"):]
    parts = urlsplit(query_url)
    if not parts.hostname:
        raise StoreError(f"no host in the store URL {location!r}")
    update = update_url or os.environ.get(ENV_UPDATE_URL)
    if not update:
        path = parts.path
        if path.rstrip("/").endswith("/query"):
            path = path.rstrip("/")[: -len("query")] + "update"
        update = urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    return query_url, update


def _strip_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    # httpx would send userinfo as Basic auth by itself, but not Digest, and
    # the URL would show up in error messages with its password.
    parts = urlsplit(url)
    if parts.username is None:
        return url, None
    netloc = parts.hostname or ""
    if ":" in netloc:                      # an IPv6 literal
        netloc = f"[{netloc}]"
    if parts.port:
        netloc += f":{parts.port}"
    clean = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, (parts.username, parts.password or "")


def _term(value: dict) -> Node:
    """An rdflib term from a SPARQL JSON results binding."""
    kind = value.get("type")
    text = value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):      # typed-literal: Virtuoso's old spelling
        lang = value.get("xml:lang")
        datatype = value.get("datatype")
        if lang:
            return Literal(text, lang=lang)
        if datatype and datatype not in (_XSD_STRING, _RDF_LANG_STRING):
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    # RDF-star quoted triples are not part of kg's data; keep them readable.
    return Literal(json.dumps(value))


def parse_json_results(data: bytes) -> QueryResult:
    """A QueryResult from SPARQL 1.1 Query Results JSON (SELECT or ASK)."""
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise StoreError(f"the SPARQL endpoint sent invalid JSON results: {exc}") from None
    if "boolean" in doc:
        return QueryResult("ask", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    rows = [{name: _term(value) for name, value in binding.items()}
            for binding in doc.get("results", {}).get("bindings", [])]
    return QueryResult("select", variables=variables, rows=rows)


class RemoteStore:
    """A SPARQL 1.1 endpoint used as kg's store (same interface as LocalStore)."""

    kind = "remote"

    def __init__(self, location: str, *, update_url: str | None = None, read_only: bool = False,
                 timeout: float | None = None):
        """Connect lazily to the endpoint named by ``location`` (``sparql+http://...``).

        :param location: ``sparql+http(s)://[user:pass@]HOST:PORT/PATH``.
        :param update_url: the update endpoint when it cannot be derived.
        :param read_only: refuse every write (``kg serve`` without --allow-update).
        :param timeout: seconds to wait for an answer (default ``$KG_STORE_TIMEOUT`` or 300).
        """
        import httpx  # imported here: only remote stores need it

        self._httpx = httpx
        query_url, update = endpoint_urls(location, update_url)
        self.query_url, auth = _strip_credentials(query_url)
        #: The location without its password (shown in messages).
        self.location = "sparql+" + self.query_url
        self.update_url, update_auth = _strip_credentials(update)
        auth = auth or update_auth
        self.read_only_reason = "it was opened read-only" if read_only else None
        if timeout is None:
            timeout = float(os.environ.get(ENV_TIMEOUT) or DEFAULT_TIMEOUT)
        self.timeout = timeout
        headers = {"User-Agent": "kg (https://w3id.org/kg-news)"}
        if os.environ.get(ENV_TOKEN):
            headers["Authorization"] = f"Bearer {os.environ[ENV_TOKEN]}"
        http_auth = None
        if auth:
            if os.environ.get(ENV_AUTH, "").lower() == "digest":
                http_auth = httpx.DigestAuth(*auth)
            else:
                http_auth = httpx.BasicAuth(*auth)
        self._client = httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
                                    headers=headers, auth=http_auth)
        self._union_checked = False

    # -- HTTP ------------------------------------------------------------------
    def _post(self, url: str, data: dict, accept: str | None, what: str):
        httpx = self._httpx
        headers = {"Accept": accept} if accept else {}
        try:
            response = self._client.post(url, data=data, headers=headers)
        except httpx.TimeoutException:
            raise StoreError(f"the SPARQL endpoint {url} did not answer within {self.timeout:g} s "
                             f"({what}); set {ENV_TIMEOUT} to wait longer") from None
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url} ({what}): {_one_line(exc)}; "
                             "is the server running?") from None
        if response.status_code >= 400:
            body = _one_line(response.text or response.reason_phrase)
            message = f"the SPARQL endpoint {url} refused the {what} (HTTP {response.status_code}): {body}"
            if response.status_code in (401, 403):
                raise StoreError(message + "; check the credentials or the endpoint's permissions")
            if response.status_code == 404:
                raise StoreError(message + "; check the URL (and --update-url for writes)")
            if 400 <= response.status_code < 500 and what == "query":
                raise QueryError(message)
            raise StoreError(message)
        return response

    def _raw_query(self, sparql: str, default_graphs: list[str] | None = None,
                   named_graphs: list[str] | None = None) -> QueryResult:
        data: dict = {"query": sparql}
        if default_graphs:
            data["default-graph-uri"] = list(default_graphs)
        if named_graphs:
            data["named-graph-uri"] = list(named_graphs)
        response = self._post(self.query_url, data, _QUERY_ACCEPT, "query")
        ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype in ("application/sparql-results+json", "application/json"):
            return parse_json_results(response.content)
        if ctype in _GRAPH_FORMATS:
            graph = Graph()
            try:
                graph.parse(data=response.content, format=_GRAPH_FORMATS[ctype])
            except Exception as exc:  # noqa: BLE001 - any parser error means a bad answer
                raise StoreError(f"cannot read the endpoint's {ctype} answer: {_one_line(exc)}") from None
            return QueryResult("graph", graph=graph)
        if ctype in _RESULT_FORMATS:
            from rdflib.query import Result

            parsed = Result.parse(io.BytesIO(response.content), format=_RESULT_FORMATS[ctype])
            if parsed.type == "ASK":
                return QueryResult("ask", boolean=bool(parsed.askAnswer))
            variables = [str(v) for v in parsed.vars or []]
            rows = [{str(k): v for k, v in row.asdict().items() if v is not None} for row in parsed]
            return QueryResult("select", variables=variables, rows=rows)
        raise StoreError(f"the SPARQL endpoint {self.query_url} answered with an unexpected "
                         f"content type {ctype or '(none)'!r}")

    def _check_union(self) -> None:
        """Raise StoreError if the endpoint's default graph is not the union of its graphs."""
        from kg.queries import load

        probe = self._raw_query(load("serve_union_probe")).rows
        if not probe or len(probe[0]) < 3:
            # No named graph yet: nothing to check; look again at the next query.
            return
        check = self._raw_query(bindings_as_values(load("serve_union_check"), probe[0]))
        if not check.boolean:
            raise StoreError(
                f"the SPARQL endpoint {self.query_url} does not show its named graphs in the default "
                "graph, and kg's queries need that: start Oxigraph with `oxigraph serve "
                "--union-default-graph`, set `tdb2:unionDefaultGraph true` in Fuseki "
                "(see the README for other stores)")
        self._union_checked = True

    # -- reading ---------------------------------------------------------------
    def query(self, sparql: str, bindings: dict[str, Node] | None = None, *,
              default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> QueryResult:
        """Run a SPARQL query; the endpoint's default graph must be the union of all graphs.

        ``bindings`` are sent as a VALUES block (values are serialised RDF
        terms, never query text); ``default_graphs``/``named_graphs`` become the
        protocol's ``default-graph-uri``/``named-graph-uri`` parameters.
        """
        if not self._union_checked and not default_graphs:
            self._check_union()
        return self._raw_query(bindings_as_values(sparql, bindings or {}), default_graphs, named_graphs)

    def named_graphs(self) -> list[str]:
        """IRIs of every named graph."""
        from kg.queries import load

        return [str(row["g"]) for row in self._raw_query(load("serve_named_graphs")).rows if "g" in row]

    def dump(self, fmt: str) -> bytes:
        """Serialise the whole dataset (named graphs kept in trig and nquads)."""
        import pyoxigraph as ox
        from kg.queries import load

        if fmt not in SERIALISATIONS:
            raise StoreError(f"unknown export format {fmt!r}")
        rows = self._raw_query(load("serve_dump_quads")).rows
        if fmt in ("trig", "nquads"):
            blanks: dict[str, object] = {}
            quads = [ox.Quad(*(_ox_term(ox, r[k], blanks) for k in ("s", "p", "o", "g"))) for r in rows]
            return ox.serialize(quads, format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS)
        union = Graph()
        for prefix, ns in PREFIXES.items():
            union.bind(prefix, ns)
        for r in rows:
            union.add((r["s"], r["p"], r["o"]))
        return union.serialize(format=SERIALISATIONS[fmt]).encode("utf-8")

    # -- writing ---------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only_reason is not None:
            raise StoreError(f"cannot write to the store {self.location}: {self.read_only_reason}")

    def update(self, sparql: str) -> None:
        """Send a SPARQL Update request to the update endpoint."""
        self._check_writable()
        self._post(self.update_url, {"update": sparql}, None, "update")

    def replace_graph(self, graph_name: URIRef, ntriples: str) -> None:
        """Replace the named graph's content by ``ntriples`` in ONE update request."""
        self.update(_replace_request(graph_name, ntriples))

    def replace_graphs(self, graphs: Iterable[tuple[URIRef, str]]) -> None:
        """Replace several named graphs; one request per ~8 MB, each document inside one request."""
        parts: list[str] = []
        size = 0
        for name, ntriples in graphs:
            part = _replace_request(name, ntriples)
            if parts and size + len(part) > MAX_UPDATE_BYTES:
                self.update(" ;\n".join(parts))
                parts, size = [], 0
            parts.append(part)
            size += len(part)
        if parts:
            self.update(" ;\n".join(parts))

    def drop_graph(self, graph_name: URIRef) -> None:
        """Remove a named graph and everything in it."""
        self.update(f"DROP SILENT GRAPH {graph_name.n3()}")

    def flush(self) -> None:
        """Nothing to do: the endpoint has committed each request when it answers."""

    def lock_for_writing(self) -> bool:
        """No lock for a remote store: each document is one atomic request.

        Two concurrent ingests into one endpoint are safe per document (the
        last write of a document wins, each graph stays whole); the endpoint
        orders the requests.  Returns False (nothing was taken).
        """
        self._check_writable()
        return False

    def unlock(self) -> None:
        """Nothing to release (see ``lock_for_writing``)."""

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def __repr__(self) -> str:
        return f"RemoteStore(query={self.query_url!r}, update={self.update_url!r})"


def _replace_request(graph_name: URIRef, ntriples: str) -> str:
    # N-Triples is valid inside INSERT DATA; the graph name is serialised by rdflib.
    name = graph_name.n3()
    return f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{ntriples}\n}} }}"


def _ox_term(ox, term: Node, blanks: dict):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        # The same endpoint label must stay the same node; labels need not be valid ids.
        if str(term) not in blanks:
            blanks[str(term)] = ox.BlankNode()
        return blanks[str(term)]
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))
