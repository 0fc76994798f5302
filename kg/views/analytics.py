"""Network analytics on a relationship view, with networkx.

* ``analyze``: each actor's degree (distinct partners), number of facts,
  betweenness centrality (how often it lies on the shortest path between two
  others: a broker), and its community (Louvain, seeded, so runs agree);
  plus, for the top brokers, which communities and which unconnected pairs
  they stand between;
* ``find_path``: the shortest chain of relationships between two actors, with
  the evidence for every hop;
* ``export_network``: the view as GraphML or GEXF for Gephi.

All work on the undirected simple graph of the view (``simple_graph``): two
nodes are linked if any relationship joins them, weighted by the number of
facts behind it.
"""
from __future__ import annotations

import io
from itertools import combinations

import networkx as nx

from kg.errors import KGError, UsageError
from kg.views.model import DISCUSSION, MEASURE, STATEMENT, Fact, ViewGraph, date_text

EXPORT_FORMATS = ("graphml", "gexf")
# Exact betweenness is O(nodes x edges); above this many nodes it is estimated
# from this many seeded sample sources (networkx's k parameter).
EXACT_BETWEENNESS_NODES, BETWEENNESS_SAMPLES = 1000, 300
_SEED = 7


def simple_graph(view: ViewGraph) -> nx.Graph:
    """The view as an undirected simple graph; ``weight`` is the number of facts joining two nodes."""
    graph = nx.Graph()
    for node, data in view.graph.nodes(data=True):
        graph.add_node(node, label=data["label"], type=data["type"])
    for u, v, data in view.graph.edges(data=True):
        if graph.has_edge(u, v):
            graph[u][v]["facts"].update(data["facts"])
        else:
            graph.add_edge(u, v, facts=set(data["facts"]))
    for _, _, data in graph.edges(data=True):
        data["weight"] = len(data.pop("facts"))
    return graph


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Normalised betweenness centrality (hops, unweighted); sampled and seeded on large graphs."""
    if graph.number_of_nodes() > EXACT_BETWEENNESS_NODES:
        return nx.betweenness_centrality(graph, k=BETWEENNESS_SAMPLES, seed=_SEED)
    return nx.betweenness_centrality(graph)


def communities(graph: nx.Graph) -> list[set[str]]:
    """Louvain communities (by fact weight, seeded), biggest first."""
    if graph.number_of_edges() == 0:
        return [{n} for n in sorted(graph.nodes)]
    found = nx.community.louvain_communities(graph, weight="weight", seed=_SEED)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def analyze(view: ViewGraph, top: int | None = 15) -> dict[str, list[dict]]:
    """Degree, betweenness and communities of the view's nodes.

    :param top: rows to keep in ``actors`` and ``brokers`` (None: all).
    :returns: ``{"actors": rows, "communities": rows, "brokers": rows}``;
        rows hold JSON values only (for kg.formats).
    """
    graph = simple_graph(view)
    if graph.number_of_nodes() == 0:
        return {"actors": [], "communities": [], "brokers": []}
    between = betweenness(graph)
    groups = communities(graph)
    community_of = {n: i + 1 for i, group in enumerate(groups) for n in group}
    degree = dict(graph.degree())
    weighted = dict(graph.degree(weight="weight"))

    def label(n: str) -> str:
        """A node's label."""
        return graph.nodes[n]["label"]

    order = sorted(graph.nodes, key=lambda n: (-between[n], -degree[n], label(n).casefold(), n))
    actors = [{"name": label(n), "type": graph.nodes[n]["type"], "degree": degree[n], "facts": weighted[n],
               "betweenness": round(between[n], 4), "community": community_of[n], "iri": n} for n in order]

    def members(group: set[str], limit: int = 8) -> list[str]:
        """The best-connected members' labels, and how many more there are."""
        best = sorted(group, key=lambda n: (-degree[n], label(n).casefold()))
        return [label(n) for n in best[:limit]] + ([f"+{len(group) - limit} more"] if len(group) > limit else [])

    community_rows = [{"community": i + 1, "size": len(group), "members": members(group)}
                      for i, group in enumerate(groups)]

    brokers = []
    for n in order:
        if between[n] <= 0:
            break
        neighbours = sorted(graph.neighbors(n), key=lambda m: (-degree[m], label(m).casefold()))
        # Pairs of its partners that are not linked themselves: the broker is their shortest bridge.
        unlinked = [(a, b) for a, b in combinations(neighbours, 2) if not graph.has_edge(a, b)]
        bridged = sorted({community_of[m] for m in neighbours})
        brokers.append({
            "broker": label(n), "betweenness": round(between[n], 4),
            "communities": [f"{c} ({members(groups[c - 1], 1)[0]})" for c in bridged],
            "between": [f"{label(a)} / {label(b)}" for a, b in unlinked[:3]],
            "unlinked_pairs": len(unlinked),
        })
    if top is not None:
        actors, brokers = actors[:top], brokers[:top]
    return {"actors": actors, "communities": community_rows, "brokers": brokers}


# -- paths ----------------------------------------------------------------------

def describe_fact(view: ViewGraph, fact: Fact) -> str:
    """One line saying what a fact is (without its evidence)."""
    topics = ", ".join(view.topic_label(t) for t in fact.topics)
    about = f" about {topics}" if topics else ""
    when = date_text(fact.start, fact.end, fact.granularity)
    if fact.kind == DISCUSSION:
        who = ", ".join(view.label(p) for p in fact.participants)
        place = f" in {fact.place}" if fact.place else ""
        return f"{when}: {fact.meeting_kind or 'discussion'} between {who}{place}{about}"
    if fact.kind == STATEMENT:
        speaker = view.label(fact.speaker) if fact.speaker else "someone"
        quote = f"“{fact.text}”" if fact.direct else f"that {fact.text}"
        return f"{when}: {speaker} said {quote}{about}"
    if fact.kind == MEASURE:
        parts = [fact.measure_type, fact.status]
        if fact.issuer:
            parts.append(f"issued by {view.label(fact.issuer)}")
        if fact.target:
            parts.append(f"targeting {view.label(fact.target)}")
        details = ", ".join(p for p in parts if p)
        return f"{when}: {fact.label}" + (f" ({details})" if details else "") + about
    return when


def find_path(view: ViewGraph, source: str, target: str) -> list[dict]:
    """The shortest chain of relationships from ``source`` to ``target`` (node IRIs), with evidence.

    Fewest hops first; among chains of equal length, the one whose hops rest
    on the most facts.  Each hop lists every fact joining its two ends.

    :raises KGError: when the two are not connected in the view.
    """
    if source == target:
        raise UsageError("give two different actors")
    graph = simple_graph(view)
    # 1 per hop plus a tie-breaker below 1/100 that favours better-attested
    # hops; it can never make a longer chain win (for chains under 100 hops).
    for _, _, data in graph.edges(data=True):
        data["cost"] = 1 + 1 / (100 * (1 + data["weight"]))
    try:
        nodes = nx.shortest_path(graph, source, target, weight="cost")
    except nx.NetworkXNoPath:
        raise KGError(f"{view.label(source)} and {view.label(target)} are not connected in this view "
                      "(try --include with more kinds, or fewer filters)") from None
    hops = []
    for u, v in zip(nodes, nodes[1:]):
        pairs = view.edge_facts(u, v)
        relations = sorted({kind for kind, _ in pairs})
        facts, seen = [], set()
        for kind, fact in pairs:
            if fact.id in seen:
                continue
            seen.add(fact.id)
            facts.append({
                "relation": kind, "kind": fact.kind, "fact": describe_fact(view, fact),
                "date": fact.start.isoformat() if fact.start else None,
                # Sentence numbers count from 1, as on the pages.
                "evidence": [{"text": e.text, "source": e.source,
                              "sentence": None if e.sentence is None else e.sentence + 1} for e in fact.evidence],
                "sources": sorted({e.source for e in fact.evidence if e.source}),
                "iri": fact.id,
            })
        facts.sort(key=lambda f: (f["date"] is None, f["date"] or "", f["iri"]))
        hops.append({"from": view.label(u), "to": view.label(v), "relations": relations, "facts": facts})
    return hops


def format_path(hops: list[dict]) -> str:
    """A path as readable text: one block per hop, each fact with its sentences and sources."""
    if not hops:
        return "(no path)"
    lines = [" → ".join([hops[0]["from"]] + [h["to"] for h in hops]), ""]
    for i, hop in enumerate(hops, 1):
        lines.append(f"{i}. {hop['from']} — {hop['to']} ({', '.join(hop['relations'])})")
        for fact in hop["facts"]:
            lines.append(f"   * {fact['fact']}")
            for evidence in fact["evidence"]:
                where = evidence["source"] or "unknown source"
                if evidence["sentence"] is not None:
                    where += f", sentence {evidence['sentence']}"
                lines.append(f"     “{' '.join(evidence['text'].split())}” — {where}")
    return "\n".join(lines)


# -- export ---------------------------------------------------------------------

def export_graph(view: ViewGraph) -> nx.MultiDiGraph:
    """The view with flat attributes (strings and numbers only), as Gephi reads them.

    Node attributes: label, type, iri, aliases, degree.  Edge attributes:
    kind, count (facts), first and last date, topics, sources, evidence
    (sentences joined with " | ").  "discussed with" edges have no real
    direction; they run from the first participant in IRI order.
    """
    graph = nx.MultiDiGraph()
    degree = dict(simple_graph(view).degree())
    for node, data in view.graph.nodes(data=True):
        graph.add_node(node, label=data["label"], type=data["type"], iri=node,
                       aliases="; ".join(data.get("aliases", [])), degree=degree.get(node, 0))
    for u, v, kind, data in view.graph.edges(keys=True, data=True):
        facts = [view.facts[f] for f in data["facts"]]
        days = sorted(d for f in facts for d in (f.start, f.end) if d)
        topics = sorted({view.topic_label(t) for f in facts for t in f.topics})
        sources = sorted({e.source for f in facts for e in f.evidence if e.source})
        sentences = list(dict.fromkeys(" ".join(e.text.split()) for f in facts for e in f.evidence))
        graph.add_edge(u, v, key=kind, kind=kind, label=kind, count=len(facts),
                       first=days[0].isoformat() if days else "", last=days[-1].isoformat() if days else "",
                       topics="; ".join(topics), sources="; ".join(sources), evidence=" | ".join(sentences))
    return graph


def export_network(view: ViewGraph, fmt: str) -> bytes:
    """The view as GraphML or GEXF bytes (UTF-8 XML)."""
    key = (fmt or "").strip().lower()
    if key not in EXPORT_FORMATS:
        raise UsageError(f"unknown network format {fmt!r}; choose {' or '.join(EXPORT_FORMATS)}")
    graph = export_graph(view)
    out = io.BytesIO()
    if key == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8")
    else:
        nx.write_gexf(graph, out, encoding="utf-8")
    return out.getvalue()
