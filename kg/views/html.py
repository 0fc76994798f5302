"""Writing views as self-contained HTML pages that work offline and never run article text.

The page is kg's own template (``kg/web/view.html``), not pyvis's: pyvis
0.3.2 links Bootstrap from a CDN even in ``in_line`` mode, and its template
pastes ``json.dumps`` output into a script, where a ``</script>`` inside an
article would end the script.  What kg takes from pyvis is the file it
ships, ``vis-network.min.js`` (9.1.2), inlined into the page.

Safety, in layers:

* the data travels as one ``<script type="application/json">`` block with
  every ``<``, ``>`` and ``&`` escaped as ``\\u003c``-style JSON escapes, so no
  text can close the block or open a tag; the page reads it with JSON.parse;
* the page's scripts put text into the DOM with ``textContent`` only;
* a Content-Security-Policy forbids every fetch (``default-src 'none'``) and
  allows only the page's own inline scripts, by hash: even a tag that got in
  could neither load nor run anything.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from kg import __version__
from kg.errors import KGError, UsageError
from kg.views.model import (ANONYMOUS, CONCERNS, COUNTRY, DISCUSSED, DISCUSSED_WITH, DISCUSSION, ISSUED, MEASURE,
                            ORGANIZATION, PERSON, POLICY, SAID_ABOUT, STATEMENT, TARGETS, TOPIC, Fact, ViewGraph,
                            date_text)

#: Colour, border and vis-network shape of each node type, in legend order.
NODE_STYLE = [
    {"id": PERSON, "label": "Person", "color": "#6b9bd1", "border": "#2f5f94", "shape": "dot"},
    {"id": ANONYMOUS, "label": "Anonymous source", "color": "#bdbdbd", "border": "#7a7a7a", "shape": "dot"},
    {"id": COUNTRY, "label": "Country", "color": "#7cc06f", "border": "#3d7d33", "shape": "square"},
    {"id": ORGANIZATION, "label": "Organisation", "color": "#f5a65b", "border": "#b76a1c", "shape": "diamond"},
    {"id": POLICY, "label": "Policy measure", "color": "#ea7a7c", "border": "#a8383a", "shape": "triangle"},
    {"id": TOPIC, "label": "Topic", "color": "#c9a0c0", "border": "#81527a", "shape": "star"},
]
#: Colour, dashes and arrow of each edge kind, in legend order.
EDGE_STYLE = [
    {"id": DISCUSSED_WITH, "color": "#555555", "dashes": False, "arrow": False},
    {"id": SAID_ABOUT, "color": "#4e79a7", "dashes": True, "arrow": True},
    {"id": ISSUED, "color": "#c0392b", "dashes": False, "arrow": True},
    {"id": TARGETS, "color": "#c0392b", "dashes": True, "arrow": True},
    {"id": DISCUSSED, "color": "#a66e9c", "dashes": True, "arrow": False},
    {"id": CONCERNS, "color": "#a66e9c", "dashes": True, "arrow": True},
]
SIZE_BY = ("degree", "betweenness")

# Above this many nodes or edges a view counts as large: no hover, no
# improved (Kamada-Kawai) initial layout, edges hidden while dragging, and a
# short stabilisation (see scripts/bench_render.py for the measurement).
LARGE_NODES, LARGE_EDGES = 500, 2000
SMALL_ITERATIONS, LARGE_ITERATIONS = 400, 200
# The stabilisation also stops when it has run this long (ms), whichever
# bound comes first: on a slow or busy machine the layout is rougher, but the
# page is never frozen for long.  2,000 nodes / 8,000 edges cost 15-25 ms an
# iteration on the 2-core reference machine.
SMALL_BUDGET_MS, LARGE_BUDGET_MS = 2500, 1000

_EPOCH = dt.date(1970, 1, 1)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_MARKER = re.compile(r"\{\{(KG_[A-Z]+)\}\}")


# -- assets ----------------------------------------------------------------------

@lru_cache(maxsize=None)
def web_asset(name: str) -> str:
    """A file of ``kg/web`` (template, script or style), as text."""
    try:
        return resources.files("kg.web").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KGError(f"kg is installed without its web asset {name!r}; reinstall kg") from None


@lru_cache(maxsize=None)
def vis_network() -> tuple[str, str]:
    """(vis-network.min.js, vis-network.css) as shipped inside the pyvis package."""
    try:
        lib = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
        return (lib.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
                lib.joinpath("vis-network.css").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        raise KGError("pyvis 0.3.2 (which ships vis-network 9.1.2) is not installed; "
                      "install kg's dependencies") from None


def embed_json(value) -> str:
    """JSON text that is safe inside a ``<script type="application/json">`` element.

    Escaping ``<`` means that neither ``</script>`` nor ``<!--`` can occur in
    the block, whatever the data holds; JSON.parse reads the escapes back.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _script_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def render_page(template: str, *, title: str, subtitle: str, data, scripts: list[str], styles: list[str]) -> str:
    """Fill a ``kg/web`` template: title, escaped data block, inline styles and hashed inline scripts."""
    for code in scripts:
        # Either would change how the HTML parser finds the end of the script element.
        if re.search(r"</script|<!--", code, re.IGNORECASE):
            raise KGError("a bundled script contains '</script' or '<!--' and cannot be inlined")
    csp = ("default-src 'none'; script-src " + " ".join(_script_hash(c) for c in scripts) +
           "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    values = {
        # Only double quotes would end the attribute; single quotes stay readable.
        "KG_CSP": html.escape(csp, quote=False).replace('"', "&quot;"),
        "KG_VERSION": html.escape(__version__),
        "KG_TITLE": html.escape(title),
        "KG_SUBTITLE": html.escape(subtitle),
        "KG_STYLE": "\n".join(s.replace("</", "<\\/") for s in styles),
        "KG_DATA": embed_json(data),
        "KG_SCRIPTS": "\n".join(f"<script>{code}</script>" for code in scripts),
    }
    # One pass over the template: inserted text is never scanned for markers again.
    return _MARKER.sub(lambda m: values[m.group(1)], web_asset(template))


# -- the data block ----------------------------------------------------------------

def _day_number(day: dt.date | None) -> int | None:
    return None if day is None else (day - _EPOCH).days


class _Tables:
    """Index tables that keep the page small: each sentence, source and topic is written once."""

    def __init__(self, view: ViewGraph):
        self.view = view
        self.sentences: dict[str, int] = {}
        self.sources: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.facts: dict[str, int] = {}
        self.fact_rows: list[dict] = []

    def _index(self, table: dict, key: str) -> int:
        if key not in table:
            table[key] = len(table)
        return table[key]

    def topic(self, iri: str) -> int:
        """Index of a topic."""
        return self._index(self.topics, iri)

    def fact(self, fact_id: str) -> int:
        """Index of a fact, adding its row the first time."""
        if fact_id in self.facts:
            return self.facts[fact_id]
        self.facts[fact_id] = len(self.fact_rows)
        self.fact_rows.append(self._fact_row(self.view.facts[fact_id]))
        return self.facts[fact_id]

    def _fact_row(self, fact: Fact) -> dict:
        view = self.view
        row = {
            "kind": fact.kind,
            "date": date_text(fact.start, fact.end, fact.granularity),
            "start": _day_number(fact.start),
            "end": _day_number(fact.end or fact.start),
            "topics": [self.topic(t) for t in fact.topics],
            "conf": fact.confidence,
            "ev": [[self._index(self.sentences, e.text), self._index(self.sources, e.source), e.sentence]
                   for e in fact.evidence],
        }
        if fact.kind == DISCUSSION:
            row.update(mkind=fact.meeting_kind, place=fact.place,
                       participants=[view.label(p) for p in fact.participants])
        elif fact.kind == STATEMENT:
            row.update(speaker=view.label(fact.speaker) if fact.speaker else None, text=fact.text,
                       direct=fact.direct, reportedBy=view.label(fact.reported_by) if fact.reported_by else None,
                       about=[view.label(a) for a in fact.about])
        elif fact.kind == MEASURE:
            row.update(label=fact.label, mtype=fact.measure_type, status=fact.status,
                       issuer=view.label(fact.issuer) if fact.issuer else None,
                       target=view.label(fact.target) if fact.target else None)
        return row

    def lists(self) -> dict:
        """The tables as lists, in index order."""
        return {
            "facts": self.fact_rows,
            "topics": [self.view.topic_label(t) for t in self.topics],
            "sentences": list(self.sentences),
            "sources": list(self.sources),
        }


def node_sizes(view: ViewGraph, size_by: str = "degree") -> dict[str, float]:
    """Size of each node: its number of distinct neighbours, or its betweenness centrality."""
    if size_by not in SIZE_BY:
        raise UsageError(f"--size: unknown {size_by!r}; choose {' or '.join(SIZE_BY)}")
    simple = nx.Graph(view.graph.to_undirected(as_view=True))
    if size_by == "degree":
        return {n: float(d) for n, d in simple.degree()}
    from kg.views.analytics import betweenness
    return betweenness(simple)


def subtitle_of(view: ViewGraph, counts: str | None = None) -> str:
    """A one-line description of a view: its size (or ``counts``) and the filters it was built with."""
    parts = [counts or f"{view.graph.number_of_nodes()} nodes, {view.graph.number_of_edges()} edges"]
    names = {"focus": "around", "depth": "depth", "topic": "topic", "since": "since", "until": "until",
             "include": "showing"}
    parts += [f"{names[k]} {v}" for k, v in view.filters.items() if k in names]
    return " · ".join(parts)


def view_payload(view: ViewGraph, size_by: str = "degree") -> dict:
    """Everything the relationship page needs, as JSON-ready data."""
    tables = _Tables(view)
    ids = {node: i for i, node in enumerate(sorted(view.graph.nodes, key=lambda n: (view.label(n).casefold(), n)))}
    sizes = node_sizes(view, size_by)
    nodes = []
    for node, i in sorted(ids.items(), key=lambda kv: kv[1]):
        data = view.graph.nodes[node]
        nodes.append({
            "id": i, "iri": node, "label": data["label"], "type": data["type"],
            "size": round(sizes.get(node, 0.0), 6), "aliases": data.get("aliases", []),
            "posts": [{"label": p.label, "org": p.organization, "status": p.status, "source": p.source,
                       "start": p.start.isoformat() if p.start else None,
                       "end": p.end.isoformat() if p.end else None} for p in data.get("posts", [])],
            "statements": [tables.fact(f) for f in data.get("statements", [])],
            "facts": [tables.fact(f) for f in data.get("facts", [])],
        })
    edges = []
    for u, v, kind, data in sorted(view.graph.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2])):
        edges.append({"id": len(edges), "from": ids[u], "to": ids[v], "kind": kind,
                      "facts": [tables.fact(f) for f in data["facts"]]})
    lists = tables.lists()
    days = [d for f in lists["facts"] for d in (f["start"], f["end"]) if d is not None]
    large = len(nodes) > LARGE_NODES or len(edges) > LARGE_EDGES
    types_present = {n["type"] for n in nodes}
    return {
        "nodes": nodes, "edges": edges, **lists,
        "types": [t for t in NODE_STYLE if t["id"] in types_present] or NODE_STYLE[:1],
        "edgeKinds": EDGE_STYLE,
        "range": {"min": min(days), "max": max(days)} if days else None,
        "sizeBy": size_by,
        "focus": ids.get(view.focus) if view.focus else None,
        "layout": {"large": large, "iterations": LARGE_ITERATIONS if large else SMALL_ITERATIONS,
                   "budgetMs": LARGE_BUDGET_MS if large else SMALL_BUDGET_MS},
    }


def render_view_html(view: ViewGraph, *, title: str | None = None, size_by: str = "degree") -> str:
    """The relationship page of ``view`` as one HTML document."""
    js, css = vis_network()
    return render_page(
        "view.html", title=title or "kg relationships", subtitle=subtitle_of(view),
        data=view_payload(view, size_by),
        scripts=[js, web_asset("common.js"), web_asset("view.js")],
        styles=[css, web_asset("view.css")])


def write_html(text: str, out: str | Path) -> Path:
    """Write a page to ``out`` (folders are created); KGError if it cannot be written."""
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise KGError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def write_view_html(view: ViewGraph, out: str | Path, *, title: str | None = None, size_by: str = "degree") -> Path:
    """Render ``view`` and write it to ``out``; return the path."""
    return write_html(render_view_html(view, title=title, size_by=size_by), out)
