"""The data behind kg serve's browser pages, computed from a store.

Each function takes an open store, runs named queries (user values as
bindings) and returns plain Python data (dicts, lists, strings) that a worker
process can send back and a template can show.  Nothing here knows about
HTTP or HTML, except ``graph_view_html``, which asks ``kg.views`` for a page.
"""
from __future__ import annotations

import re
from collections import defaultdict

from rdflib import BNode, Literal, URIRef

from kg.answers import display_date, local_name
from kg.errors import QueryError, UsageError
from kg.queries import load, names, run_named
from kg.vocab import KG, SKOS

#: Most rows the query editor shows (the /sparql endpoint returns them all).
TABLE_ROWS = 1000
_CLASS_NAMES = {str(KG.Person): "person", str(KG.Country): "country", str(KG.Organization): "organization",
                str(KG.AnonymousSource): "anonymous source", str(SKOS.Concept): "topic",
                str(KG.PolicyMeasure): "policy measure"}
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*\Z")


class NotFound(Exception):
    """The page's subject is not in the store (HTTP 404)."""


def check_iri(iri: str | None) -> URIRef:
    """``iri`` as a URIRef; UsageError when it is missing or not an absolute IRI."""
    if not iri or not _IRI.match(iri):
        raise UsageError(f"not an absolute IRI: {iri!r}")
    return URIRef(iri)


def examples() -> list[dict]:
    """The named queries, for the query editor: name, first comment line, text."""
    out = []
    for name in names():
        text = load(name)
        summary = ""
        for line in text.splitlines():
            if line.startswith("#"):
                summary = line.lstrip("# ").strip()
                break
        out.append({"name": name, "summary": summary, "text": text})
    return out


def _cell(term) -> dict:
    if isinstance(term, URIRef):
        return {"text": str(term), "iri": str(term)}
    if isinstance(term, BNode):
        return {"text": f"_:{term}", "iri": None}
    if isinstance(term, Literal):
        return {"text": str(term), "iri": None}
    return {"text": "", "iri": None}


def result_table(store, sparql: str) -> dict:
    """A query's result for the HTML editor: columns and at most TABLE_ROWS rows of cells.

    Raises QueryError for an update or malformed SPARQL.
    """
    from kg.answers import run_sparql
    from kg.serve.protocol import TURTLE, serialize

    result = run_sparql(store, sparql)
    if result.kind == "ask":
        return {"kind": "ask", "boolean": bool(result.boolean)}
    if result.kind == "graph":
        return {"kind": "graph", "triples": len(result.graph),
                "turtle": serialize(result, TURTLE).decode("utf-8")}
    rows = [[_cell(row.get(v)) for v in result.variables] for row in result.rows[:TABLE_ROWS]]
    return {"kind": "select", "variables": result.variables, "rows": rows, "total": len(result.rows)}


def lookup(store, name: str) -> list[dict]:
    """Entities called ``name`` (label or alias, any case): ``{iri, type}``, people first."""
    if not name or not name.strip():
        raise UsageError("give a name")
    result = run_named(store, "serve_entity_lookup", name=Literal(" ".join(name.split())))
    found: dict[str, str] = {}
    order = list(_CLASS_NAMES)
    for row in result.rows:
        iri, cls = str(row["entity"]), str(row["class"])
        if iri not in found or order.index(cls) < order.index(found[iri]):
            found[iri] = cls
    return [{"iri": iri, "type": _CLASS_NAMES.get(cls, local_name(cls))}
            for iri, cls in sorted(found.items(), key=lambda kv: (order.index(kv[1]), kv[0]))]


def _label(labels: set[str], iri: str) -> str:
    return min(labels, key=lambda s: (s.casefold(), s)) if labels else local_name(iri)


def _evidence_list(sentences: dict[int, str]) -> list[str]:
    return [text for _, text in sorted(sentences.items())]


def _sentence(row) -> int:
    try:
        return int(str(row.get("sentence")))
    except (TypeError, ValueError):
        return 0


def _str(term) -> str | None:
    return None if term is None else str(term)


def entity(store, iri: str) -> dict:
    """Everything the entity page shows: names, kinds, posts, meetings, statements, with evidence.

    :raises UsageError: for a malformed IRI.
    :raises NotFound: when no graph says anything about ``iri``.
    """
    node = check_iri(iri)
    summary = run_named(store, "serve_entity_summary", entity=node).rows
    if not summary:
        raise NotFound(f"nothing in the store is about {iri}")
    kinds, ref, labels, aliases, documents = set(), set(), set(), set(), set()
    for row in summary:
        what, value = str(row["what"]), str(row["value"])
        {"class": kinds, "refLabel": ref, "label": labels, "alias": aliases, "document": documents}[what].add(value)
    if ref:
        name = _label(ref, iri)
    elif labels:
        name = max(labels, key=lambda s: (len(s), s))   # the fullest name a document gave
    else:
        name = local_name(iri)
    page = {
        "iri": iri, "name": name,
        "types": sorted({_CLASS_NAMES[k] for k in kinds if k in _CLASS_NAMES}),
        "aliases": sorted((aliases | labels | ref) - {name}, key=str.casefold),
        "documents": sorted(documents),
        "posts": _posts(store, node), "meetings": _meetings(store, node),
        "statements": _statements(store, node),
    }
    return page


def _posts(store, node: URIRef) -> list[dict]:
    posts: dict[str, dict] = {}
    for row in run_named(store, "serve_entity_posts", entity=node).rows:
        key = str(row["post"])
        p = posts.setdefault(key, {
            "label": _str(row.get("postLabel")) or local_name(key), "organization": _str(row.get("orgLabel")),
            "start": _str(row.get("start")), "end": _str(row.get("end")), "status": _str(row.get("status")),
            "source": _str(row.get("source")), "confidence": _str(row.get("confidence")),
            "conflicts_with": _str(row.get("conflictsWith")), "evidence": set()})
        if row.get("evidence") is not None:
            p["evidence"].add(str(row["evidence"]))
    out = []
    for p in posts.values():
        p["evidence"] = sorted(p["evidence"])
        out.append(p)
    # Reference posts first, then claims; each by date.
    out.sort(key=lambda p: (p["status"] != "reference", p["start"] or "", p["label"], p["source"] or ""))
    return out


def _meetings(store, node: URIRef) -> list[dict]:
    meetings: dict[str, dict] = {}
    for row in run_named(store, "serve_entity_meetings", entity=node).rows:
        key = str(row["meeting"])
        m = meetings.get(key)
        if m is None:
            m = meetings[key] = {
                "iri": key, "kind": _kind(_str(row.get("kind"))), "status": local_name(str(row["status"])).lower(),
                "start": _str(row.get("start")), "end": _str(row.get("end")),
                "granularity": _str(row.get("granularity")), "source": _str(row.get("source")),
                "confidence": _str(row.get("confidence")), "participants": defaultdict(set),
                "topics": set(), "places": set(), "evidence": {}}
        m["participants"][str(row["participant"])].update(
            [str(row["participantLabel"])] if row.get("participantLabel") is not None else [])
        if row.get("topicLabel") is not None:
            m["topics"].add(str(row["topicLabel"]))
        if row.get("placeLabel") is not None:
            m["places"].add(str(row["placeLabel"]))
        if row.get("evidence") is not None:
            m["evidence"][_sentence(row)] = str(row["evidence"])
    out = []
    for m in meetings.values():
        others = [{"iri": p, "label": _label(lbls, p)} for p, lbls in m["participants"].items() if p != str(node)]
        out.append({
            "iri": m["iri"], "kind": m["kind"], "status": m["status"],
            "date": display_date(m["start"], m["end"], m["granularity"]),
            "with": sorted(others, key=lambda o: o["label"].casefold()),
            "topics": sorted(m["topics"], key=str.casefold), "place": _label(m["places"], "") if m["places"] else None,
            "source": m["source"], "confidence": m["confidence"], "evidence": _evidence_list(m["evidence"]),
        })
    out.sort(key=lambda m: (m["date"] is None, m["date"] or "", m["source"] or "", m["iri"]))
    return out


def _kind(iri: str | None) -> str | None:
    if iri is None:
        return None
    name = local_name(iri)
    return name[len("MeetingKind"):].lower() if name.startswith("MeetingKind") else name


def _statements(store, node: URIRef) -> list[dict]:
    statements: dict[str, dict] = {}
    for row in run_named(store, "serve_entity_statements", entity=node).rows:
        key = str(row["statement"])
        s = statements.get(key)
        if s is None:
            s = statements[key] = {
                "iri": key, "role": str(row["role"]), "speakers": set(), "text": _str(row.get("text")),
                "direct": str(row.get("direct")).lower() in ("true", "1"),
                "date": display_date(_str(row.get("start")), _str(row.get("end")), _str(row.get("granularity"))),
                "source": _str(row.get("source")), "confidence": _str(row.get("confidence")),
                "topics": set(), "evidence": {}}
        if row.get("speakerLabel") is not None:
            s["speakers"].add(str(row["speakerLabel"]))
        if row.get("topicLabel") is not None:
            s["topics"].add(str(row["topicLabel"]))
        if row.get("evidence") is not None:
            s["evidence"][_sentence(row)] = str(row["evidence"])
    out = []
    for s in statements.values():
        out.append({"iri": s["iri"], "role": s["role"], "speaker": _label(s["speakers"], ""),
                    "text": s["text"], "direct": s["direct"], "date": s["date"],
                    "topics": sorted(s["topics"], key=str.casefold), "source": s["source"],
                    "confidence": s["confidence"], "evidence": _evidence_list(s["evidence"])})
    out.sort(key=lambda s: (s["date"] is None, s["date"] or "", s["source"] or "", s["iri"]))
    return out


def neighbours(store, iri: str) -> dict:
    """The simple graph view's data: the actor, the actors it met and the topics, with counts."""
    node = check_iri(iri)
    page = entity(store, iri)
    counts: dict[tuple[str, str], set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for row in run_named(store, "serve_entity_neighbours", entity=node).rows:
        other = str(row["other"])
        counts[(str(row["kind"]), other)].add(str(row["meeting"]))
        if row.get("otherLabel") is not None:
            labels[other] = min(labels.get(other, str(row["otherLabel"])), str(row["otherLabel"]))
    items = [{"kind": kind, "iri": other, "label": labels.get(other) or local_name(other),
              "meetings": len(meetings)} for (kind, other), meetings in counts.items()]
    items.sort(key=lambda i: (-i["meetings"], i["label"].casefold()))
    return {"iri": iri, "name": page["name"], "neighbours": items}


def graph_view_html(store, iri: str, depth: int = 1) -> str | None:
    """The interactive relationship view around ``iri`` from ``kg.views``, or None when
    kg.views is not installed (the server then draws its own simple view).

    :raises NotFound: when the entity takes part in no fact of the view.
    """
    node = check_iri(iri)
    try:
        from kg.views.html import render_view_html
        from kg.views.neighbourhood import NotInView, build_neighbourhood
    except ImportError:
        return None
    # Read around the entity only: the whole store's view would take minutes on a large store.
    try:
        focused = build_neighbourhood(store, str(node), depth)
    except NotInView:
        raise NotFound(f"{iri} takes part in no meeting, statement or policy measure") from None
    return render_view_html(focused, title=f"kg: around {focused.label(str(node))}")


def run_answer(store, name: str, params: dict) -> list[dict]:
    """Run one of kg.answers' questions by name (the who-discussed, who-said and entities pages)."""
    from kg import answers

    functions = {"who_discussed": answers.who_discussed, "who_said": answers.who_said,
                 "entities": answers.entities, "stats": answers.stats}
    if name not in functions:
        raise QueryError(f"no such question {name!r}")
    return functions[name](store, **params)
