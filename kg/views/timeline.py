"""The timeline view: discussions, statements and policy measures on a time axis, one row per actor.

Each actor of the view gets a row holding every fact it takes part in: the
discussions it joined, what it said, the measures it issued or is targeted
by.  A fact with a span (a month, a week) is drawn as a bar over its span.
The page filters by actor and topic and shows, on click, the same evidence
panel as the relationship page; undated facts are listed under the axis.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from kg.views.html import _Tables, render_page, subtitle_of, web_asset, write_html
from kg.views.model import ACTOR_TYPES, ViewGraph


def timeline_rows(view: ViewGraph) -> list[tuple[str, list[str]]]:
    """(actor IRI, fact ids in date order) for each actor with facts, busiest actor first."""
    rows = []
    for node, data in view.graph.nodes(data=True):
        if data["type"] not in ACTOR_TYPES:
            continue
        facts = list(dict.fromkeys(list(data.get("facts", [])) + list(data.get("statements", []))))
        if facts:
            facts.sort(key=lambda f: (view.facts[f].start is None, view.facts[f].start or dt.date.min, f))
            rows.append((node, facts))
    rows.sort(key=lambda r: (-len(r[1]), view.label(r[0]).casefold(), r[0]))
    return rows


def timeline_payload(view: ViewGraph) -> dict:
    """Everything the timeline page needs, as JSON-ready data."""
    tables = _Tables(view)
    rows = []
    for node, facts in timeline_rows(view):
        data = view.graph.nodes[node]
        rows.append({"iri": node, "label": data["label"], "type": data["type"], "aliases": data.get("aliases", []),
                     "facts": [tables.fact(f) for f in facts]})
    lists = tables.lists()
    days = [d for f in lists["facts"] for d in (f["start"], f["end"]) if d is not None]
    return {"rows": rows, **lists, "range": {"min": min(days), "max": max(days)} if days else None}


def render_timeline_html(view: ViewGraph, *, title: str | None = None) -> str:
    """The timeline page of ``view`` as one HTML document (no network, article text escaped)."""
    # Drawn as plain SVG by timeline.js: no vis library is needed here.
    payload = timeline_payload(view)
    counts = f"{len(payload['rows'])} actors, {len(payload['facts'])} facts"
    return render_page(
        "timeline.html", title=title or "kg timeline", subtitle=subtitle_of(view, counts),
        data=payload,
        scripts=[web_asset("common.js"), web_asset("timeline.js")],
        styles=[web_asset("view.css")])


def write_timeline_html(view: ViewGraph, out: str | Path, *, title: str | None = None) -> Path:
    """Render the timeline of ``view`` and write it to ``out``; return the path."""
    return write_html(render_timeline_html(view, title=title), out)
