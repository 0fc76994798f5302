"""SPARQL 1.1 Protocol details: content negotiation and result serialisation.

* SELECT and ASK results: SPARQL JSON (https://www.w3.org/TR/sparql11-results-json/),
  XML (https://www.w3.org/TR/rdf-sparql-XMLres/), CSV and TSV
  (https://www.w3.org/TR/sparql11-results-csv-tsv/).
* CONSTRUCT and DESCRIBE results: Turtle, N-Triples or JSON-LD (and RDF/XML,
  which SPARQLWrapper asks for by default).

The media type is chosen from the ``Accept`` header (with q-values and
wildcards), or forced with a ``format``/``output`` parameter as Fuseki and
Virtuoso allow (SPARQLWrapper sends ``format=json`` by default).  Everything
here is a pure function of a ``kg.store.QueryResult``.
"""
from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.vocab import PREFIXES

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"

#: Media types offered for each result kind, the first being the default.
OFFERS = {
    "select": [JSON, XML, CSV, TSV],
    "ask": [JSON, XML, CSV, TSV],
    "graph": [TURTLE, NTRIPLES, JSONLD, RDFXML],
}
# Other names clients use for the same things.
_ALIASES = {
    "application/json": {"select": JSON, "ask": JSON, "graph": JSONLD},
    "application/xml": {"select": XML, "ask": XML, "graph": RDFXML},
    "text/xml": {"select": XML, "ask": XML, "graph": RDFXML},
    "application/x-turtle": {"graph": TURTLE},
    "text/rdf+n3": {"graph": TURTLE}, "text/n3": {"graph": TURTLE},
    "text/plain": {"graph": NTRIPLES},
    "application/turtle": {"graph": TURTLE},
}
# Short names accepted in ?format= / ?output=.
_SHORT_NAMES = {
    "json": {"select": JSON, "ask": JSON, "graph": JSONLD},
    "xml": {"select": XML, "ask": XML, "graph": RDFXML},
    "rdf": {"graph": RDFXML}, "rdfxml": {"graph": RDFXML}, "n3": {"graph": TURTLE},
    "csv": {"select": CSV, "ask": CSV},
    "tsv": {"select": TSV, "ask": TSV},
    "turtle": {"graph": TURTLE}, "ttl": {"graph": TURTLE},
    "nt": {"graph": NTRIPLES}, "ntriples": {"graph": NTRIPLES}, "n-triples": {"graph": NTRIPLES},
    "jsonld": {"graph": JSONLD}, "json-ld": {"graph": JSONLD},
}
_CHARSET = "; charset=utf-8"


class NotAcceptable(Exception):
    """No offered media type matches the request (HTTP 406)."""


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header, most preferred first (stable for ties)."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for position, item in enumerate(header.split(",")):
        parts = [p.strip() for p in item.split(";")]
        media = parts[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in parts[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        # More specific ranges win ties: type/subtype > type/* > */*.
        specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        ranges.append((media, quality, specificity, position))
    ranges.sort(key=lambda r: (-r[1], -r[2], r[3]))
    return [(media, quality) for media, quality, _, _ in ranges if quality > 0]


def choose_media_type(kind: str, accept: str | None, format_param: str | None = None) -> str:
    """The media type to answer a ``kind`` result with; NotAcceptable if none fits.

    :param kind: "select", "ask" or "graph" (CONSTRUCT/DESCRIBE).
    :param accept: the request's Accept header.
    :param format_param: a ``format``/``output`` parameter (short name or media type), which wins.
    """
    offers = OFFERS[kind]
    if format_param:
        key = format_param.strip().lower()
        chosen = _SHORT_NAMES.get(key, {}).get(kind) or _ALIASES.get(key, {}).get(kind)
        if chosen is None and key in offers:
            chosen = key
        if chosen is not None:
            return chosen
        # An unknown or unsuitable format parameter falls back to Accept, as
        # clients send format=json for CONSTRUCT queries too.
    for media, _quality in parse_accept(accept):
        if media in offers:
            return media
        if media in _ALIASES and kind in _ALIASES[media]:
            return _ALIASES[media][kind]
        if media == "*/*":
            return offers[0]
        if media.endswith("/*"):
            major = media[:-1]
            for offer in offers:
                if offer.startswith(major):
                    return offer
    raise NotAcceptable(f"none of the requested types ({accept}) is available for this {kind} "
                        f"result; available: {', '.join(offers)}")


def content_type(media: str) -> str:
    """The Content-Type header for ``media`` (text formats say they are UTF-8)."""
    return media + _CHARSET


def serialize(result, media: str) -> bytes:
    """``result`` (a kg.store.QueryResult) in the media type ``media``."""
    if result.kind == "graph":
        return _graph(result.graph, media)
    if media == JSON:
        return _json(result)
    if media == XML:
        return _xml(result)
    if media == CSV:
        return _csv(result)
    if media == TSV:
        return _tsv(result)
    raise NotAcceptable(f"cannot write a {result.kind} result as {media}")


# -- JSON ------------------------------------------------------------------------

def json_term(term) -> dict:
    """One RDF term as a SPARQL JSON results value."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    value = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        value["datatype"] = str(term.datatype)
    return value


def _json(result) -> bytes:
    if result.kind == "ask":
        doc = {"head": {}, "boolean": bool(result.boolean)}
    else:
        doc = {"head": {"vars": list(result.variables)},
               "results": {"bindings": [{k: json_term(v) for k, v in row.items()} for row in result.rows]}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


# -- XML -------------------------------------------------------------------------

def _xml_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attrs = ""
    if term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype is not None and term.datatype != XSD.string:
        attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{escape(str(term))}</literal>"


def _xml(result) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if result.kind == "ask":
        out += ["</head>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out).encode("utf-8")
    out += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    out += ["</head>", "<results>"]
    for row in result.rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(k)}>{_xml_term(v)}</binding>" for k, v in row.items()]
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out).encode("utf-8")


# -- CSV and TSV -----------------------------------------------------------------

def _csv(result) -> bytes:
    buffer = io.StringIO()
    # The CSV results format asks for CRLF line ends (RFC 4180).
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.kind == "ask":
        # Not defined by the spec; this is what Jena answers.
        writer.writerow(["_askResult"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_csv_value(row.get(v)) for v in result.variables])
    return buffer.getvalue().encode("utf-8")


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def tsv_term(term) -> str:
    """One term in the TSV results format (Turtle/N-Triples syntax, tabs and newlines escaped)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = (str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype is not None and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def _tsv(result) -> bytes:
    if result.kind == "ask":
        lines = ["?_askResult", "true" if result.boolean else "false"]
    else:
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join(tsv_term(row.get(v)) for v in result.variables) for row in result.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


# -- graphs ----------------------------------------------------------------------

_RDFLIB_FORMAT = {TURTLE: "turtle", NTRIPLES: "nt", JSONLD: "json-ld", RDFXML: "xml"}


def _graph(graph, media: str) -> bytes:
    if media not in _RDFLIB_FORMAT:
        raise NotAcceptable(f"cannot write a graph as {media}")
    if media == TURTLE:
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
    data = graph.serialize(format=_RDFLIB_FORMAT[media])
    return data.encode("utf-8") if isinstance(data, str) else data


def is_literal(term) -> bool:
    """True for an rdflib Literal (used by the HTML templates)."""
    return isinstance(term, Literal)
