"""Printing answers and query results: table, CSV, TSV, JSON, Turtle.

Two kinds of input: rows from ``kg.answers`` (lists of dicts of JSON values)
and raw ``kg.store.QueryResult`` objects from ``kg query``.  Every function
returns text; the CLI decides where it goes.

* table -- aligned columns for people; long cells are shortened, lists are
  joined with ", ", IRIs are shown as prefixed names.
* csv / tsv -- one header line, then one line per row, full values.
* json -- a JSON array (rows, or ``{variable: value}`` objects for a SELECT),
  ``true``/``false`` for ASK, JSON-LD for CONSTRUCT/DESCRIBE.
* ttl -- Turtle, for CONSTRUCT/DESCRIBE results only.
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import UsageError
from kg.vocab import PREFIXES

ROW_FORMATS = ("table", "csv", "tsv", "json")
QUERY_FORMATS = ("table", "csv", "tsv", "json", "ttl")
TABLE_CELL_WIDTH = 60
_NO_ROWS = "(no results)"


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    """``fmt`` lower-cased if it is one of ``allowed``; UsageError listing them otherwise."""
    key = (fmt or "").strip().lower()
    if key not in allowed:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(allowed)}")
    return key


# -- cells ---------------------------------------------------------------------

def cell_text(value) -> str:
    """One value as text: lists joined with ", ", a post-like dict as "label (details)"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple, set)):
        return ", ".join(t for t in (cell_text(v) for v in value) if t)
    if isinstance(value, dict):
        label = cell_text(value.get("label"))
        details = []
        if value.get("start") or value.get("end"):
            # A time range reads better as one "start..end" item.
            details.append(f"{value.get('start') or '?'}..{value.get('end') or '?'}")
        details += [cell_text(v) for k, v in value.items()
                    if k not in ("label", "start", "end") and v not in (None, "", [])]
        return f"{label} ({', '.join(details)})" if details else label
    return str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _columns(rows: list[dict], columns: list[str] | None) -> list[str]:
    if columns:
        extra = [k for row in rows for k in row if k not in columns]
        return list(columns) + list(dict.fromkeys(extra))
    return list(dict.fromkeys(k for row in rows for k in row))


def _table(header: list[str], body: list[list[str]]) -> str:
    if not body:
        return _NO_ROWS
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    return "\n".join(lines)


def _delimited(header: list[str], body: list[list[str]], fmt: str) -> str:
    out = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)
        return out.getvalue().rstrip("\n")
    # TSV has no quoting: tabs and line breaks inside a value become spaces.
    clean = lambda s: s.replace("\t", " ").replace("\r", " ").replace("\n", " ")  # noqa: E731
    lines = ["\t".join(header)] + ["\t".join(clean(c) for c in r) for r in body]
    return "\n".join(lines)


# -- answer rows ---------------------------------------------------------------

def format_rows(rows: list[dict], fmt: str = "table", columns: list[str] | None = None) -> str:
    """Rows of JSON values (from ``kg.answers``) as table, csv, tsv or json text."""
    fmt = check_format(fmt, ROW_FORMATS)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=_json_default)
    header = _columns(rows, columns)
    if fmt == "table":
        body = [[_shorten(_one_line(cell_text(row.get(c))), TABLE_CELL_WIDTH) for c in header] for row in rows]
        return _table(header, body)
    body = [[cell_text(row.get(c)) for c in header] for row in rows]
    return _delimited(header, body, fmt)


def _json_default(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, set):
        return sorted(value)
    return str(value)


# -- raw query results ---------------------------------------------------------

_NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES.items()), key=lambda p: -len(p[0]))


def compact_iri(iri: str) -> str:
    """``prefix:local`` when a known namespace matches, else ``<iri>``."""
    for ns, prefix in _NAMESPACES:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def term_text(term, compact: bool = False) -> str:
    """An RDF term as text: the IRI (prefixed when ``compact``), a literal's lexical form, ``_:id``."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact_iri(str(term)) if compact else str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def term_json(term):
    """An RDF term as a JSON value: numbers and booleans as such, everything else as a string."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype is not None:
        value = term.toPython()
        if isinstance(value, bool) or isinstance(value, (int, float)):
            return value
        if isinstance(value, Decimal):
            return float(value)
    return term_text(term)


def _graph_rows(graph: Graph) -> tuple[list[str], list[dict]]:
    header = ["subject", "predicate", "object"]
    triples = sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    return header, [dict(zip(header, t)) for t in triples]


def format_result(result, fmt: str | None = None) -> str:
    """A ``QueryResult`` as text; ``fmt`` None means table for SELECT/ASK and ttl for graphs.

    :raises UsageError: for ``ttl`` on a SELECT or ASK result, or an unknown format.
    """
    if fmt is None:
        fmt = "ttl" if result.kind == "graph" else "table"
    fmt = check_format(fmt, QUERY_FORMATS)
    if result.kind == "ask":
        if fmt == "ttl":
            raise UsageError("--format ttl is for CONSTRUCT or DESCRIBE queries; use table, csv, tsv or json")
        return json.dumps(bool(result.boolean))
    if result.kind == "graph":
        graph = result.graph if result.graph is not None else Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        if fmt == "ttl":
            return graph.serialize(format="turtle").rstrip("\n")
        if fmt == "json":
            return graph.serialize(format="json-ld", indent=2).rstrip("\n")
        header, rows = _graph_rows(graph)
    else:
        if fmt == "ttl":
            raise UsageError("--format ttl is for CONSTRUCT or DESCRIBE queries; "
                             "use table, csv, tsv or json for SELECT")
        header, rows = list(result.variables), result.rows
        if fmt == "json":
            return json.dumps([{v: term_json(row.get(v)) for v in header} for row in rows],
                              ensure_ascii=False, indent=2)
    if fmt == "table":
        body = [[_shorten(_one_line(term_text(row.get(c), compact=True)), TABLE_CELL_WIDTH) for c in header]
                for row in rows]
        return _table(header, body)
    body = [[term_text(row.get(c)) for c in header] for row in rows]
    return _delimited(header, body, fmt)
