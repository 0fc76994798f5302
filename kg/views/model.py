"""What the relationship views are made of: facts, actors, and the view graph.

A *fact* is one thing a source reports -- a discussion (a held meeting), a
statement or a policy measure -- with its dates, topics and evidence
sentences.  The *view graph* is a ``networkx.MultiDiGraph`` whose nodes are
actors, policy measures and (optionally) topics, and whose edges, keyed by
their kind, each carry the ids of the facts behind them.  Renderers, the
timeline and the analytics read only these objects, never the store.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import networkx as nx

# Node types, as they appear in node attributes, the page legend and exports.
PERSON, ANONYMOUS, COUNTRY, ORGANIZATION, POLICY, TOPIC = (
    "person", "anonymous", "country", "organization", "policy", "topic")
ACTOR_TYPES = (PERSON, ANONYMOUS, COUNTRY, ORGANIZATION)

# Edge kinds (the key of each edge in the MultiDiGraph).
DISCUSSED_WITH = "discussed with"   # actor -- actor, one edge per pair, all their discussions
SAID_ABOUT = "said about"           # speaker -> actor named in the statement, or -> topic
ISSUED = "issued"                   # actor -> policy measure
TARGETS = "targets"                 # policy measure -> actor
DISCUSSED = "discussed"             # participant -> topic of a discussion
CONCERNS = "concerns"               # policy measure -> topic
EDGE_KINDS = (DISCUSSED_WITH, SAID_ABOUT, ISSUED, TARGETS, DISCUSSED, CONCERNS)

# Fact kinds.
DISCUSSION, STATEMENT, MEASURE = "discussion", "statement", "policy"

#: ``--include`` values and the node types each one brings into a view.
INCLUDE_TYPES = {
    "people": (PERSON, ANONYMOUS),
    "countries": (COUNTRY,),
    "organizations": (ORGANIZATION,),
    "policies": (POLICY,),
    "topics": (TOPIC,),
}
DEFAULT_INCLUDE = ("people", "countries", "organizations", "policies")


@dataclass(frozen=True)
class Evidence:
    """A sentence a fact was read from, and the file it is in."""

    text: str
    source: str
    sentence: int | None = None


@dataclass
class Fact:
    """One reported discussion, statement or policy measure."""

    id: str                                   # the fact's IRI
    kind: str                                 # DISCUSSION, STATEMENT or MEASURE
    doc: str                                  # IRI of the document graph it comes from
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str | None = None
    confidence: float | None = None
    topics: list[str] = field(default_factory=list)         # topic IRIs
    evidence: list[Evidence] = field(default_factory=list)
    # discussions
    meeting_kind: str | None = None           # meeting, talks, call, visit, summit, signing, letter
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    # statements
    speaker: str | None = None
    text: str | None = None
    direct: bool | None = None
    reported_by: str | None = None
    about: list[str] = field(default_factory=list)          # actors named in the statement
    # policy measures
    label: str | None = None
    measure_type: str | None = None
    status: str | None = None
    issuer: str | None = None
    target: str | None = None

    def add_topic(self, iri: str) -> None:
        """Record a topic once."""
        if iri not in self.topics:
            self.topics.append(iri)

    def add_evidence(self, evidence: Evidence) -> None:
        """Record an evidence sentence once, keeping sentence order."""
        if evidence not in self.evidence:
            self.evidence.append(evidence)
            self.evidence.sort(key=lambda e: (e.source, e.sentence if e.sentence is not None else -1))

    def overlaps(self, since: dt.date | None, until: dt.date | None) -> bool:
        """True when the fact can have happened within [since, until] (undated facts never do)."""
        if since is None and until is None:
            return True
        if self.start is None or self.end is None:
            return False
        return (since is None or self.end >= since) and (until is None or self.start <= until)

    def actors(self) -> list[str]:
        """Every actor the fact involves, in a stable order."""
        found = list(self.participants)
        found += [a for a in (self.speaker, self.issuer, self.target) if a]
        found += self.about
        return list(dict.fromkeys(found))


@dataclass
class Post:
    """A post a person held (reference data) or that a source says they hold (a claim)."""

    label: str
    start: dt.date | None
    end: dt.date | None
    status: str                               # "reference", or a claim status
    source: str | None = None
    organization: str | None = None


@dataclass
class Actor:
    """A person, country, organisation or anonymous source, with its names and posts."""

    iri: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)


@dataclass
class ViewGraph:
    """A relationship view: the graph, the facts its edges cite, and the labels of its topics.

    ``graph`` nodes are IRIs with attributes ``label``, ``type``, ``aliases``,
    ``posts`` (list of Post), ``statements`` (fact ids of what the node said)
    and ``facts`` (fact ids of a policy node); edges are keyed by edge kind
    with attributes ``kind`` and ``facts`` (fact ids, in date order).
    """

    graph: nx.MultiDiGraph
    facts: dict[str, Fact]
    topics: dict[str, str]
    filters: dict[str, str] = field(default_factory=dict)   # what the view was built with, for titles
    focus: str | None = None                                 # IRI of the focused node, if any
    names: dict[str, str] = field(default_factory=dict)     # labels of actors, also those not shown

    def label(self, node: str) -> str:
        """The display label of a node, or of an actor the view does not show."""
        if node in self.graph:
            return self.graph.nodes[node].get("label", node)
        return self.names.get(node) or topic_label_from_iri(node)

    def topic_label(self, iri: str) -> str:
        """The label of a topic IRI."""
        return self.topics.get(iri) or topic_label_from_iri(iri)

    def edge_facts(self, u: str, v: str) -> list[tuple[str, Fact]]:
        """Every (edge kind, fact) between two nodes, in either direction."""
        found = []
        for a, b in ((u, v), (v, u)):
            for kind, attrs in self.graph.get_edge_data(a, b, default={}).items():
                found += [(kind, self.facts[f]) for f in attrs["facts"]]
        return found


def topic_label_from_iri(iri: str) -> str:
    """A label of last resort for a topic IRI: its local name with dashes as spaces."""
    local = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return local.replace("-", " ").replace("_", " ") or iri


def date_text(start: dt.date | None, end: dt.date | None, granularity: str | None) -> str:
    """A fact's date at its precision: 2023-01-13, 2022-10, 2022, or a range."""
    if start is None:
        return "undated"
    if granularity == "month":
        return start.strftime("%Y-%m")
    if granularity == "year":
        return str(start.year)
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()}..{end.isoformat()}"
