"""The relationship view around one node, read from the store piece by piece.

``build_view`` reads every fact of the store, and ``focus_view`` then keeps
what lies within ``depth`` hops of a node: on a store of 10,000 articles that
reads millions of triples to draw a few dozen nodes.  ``build_neighbourhood``
gives the same view by queries bound to one node at a time, breadth first:

1. for each node to expand, the facts that touch it
   (``view_entity_discussions``, ``view_entity_statements``,
   ``view_entity_policies``): the exchanges it takes part in, the statements
   it makes or that name it, the measures it issues or is targeted by (for a
   topic: the facts about it; a measure node is its own one fact).  Whom a
   statement names is decided as ``build_view`` decides it, from all the
   names its document uses (``view_document_names``);
2. for every actor those facts involve, what the view shows of it
   (``view_actor``: kind, label, aliases), so that the nodes one hop further
   are known;
3. again for the nodes one hop further, up to ``depth``; then the posts of
   the actors shown (``view_posts`` bound to each).

Why the view is the same: every fact read is read whole (all its
participants, topics and sentences), so the graph of the facts read is a
part of the whole view's graph; and every fact touching a node within
``depth`` hops is read, so those nodes have all their edges, statements and
facts, and the same nodes lie within ``depth`` hops.  ``focus_view`` then
cuts the same view out of either graph.  The cost grows with the facts around
the node (and the documents they come from), not with the store.

``resolve_focus`` finds the node a name designates (``kg render --focus``)
the same way: candidates by name first (``view_focus_candidates``,
``view_focus_topics``), then the facts of the best candidates only.

Nothing here imports spaCy or click.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

import networkx as nx
from rdflib import Literal, URIRef

from kg.errors import UsageError
from kg.queries import run_named
from kg.views.build import (ActorRows, actor_type, FactRows, add_posts, assemble, check_depth, choose_node, filter_bindings,
                            focus_view, link_statements, match_name, node_types, view_filters, view_options)
from kg.views.model import (ACTOR_TYPES, DISCUSSION, MEASURE, POLICY, STATEMENT, TOPIC, Actor, Fact, ViewGraph,
                            topic_label_from_iri)


class NotInView(UsageError):
    """The node takes part in no fact of the view (with its filters and node kinds)."""


def _touches(fact: Fact, node: str) -> bool:
    """True when ``fact`` gives ``node`` an edge, a statement or a fact in a view."""
    if node in fact.topics:
        return True
    if fact.kind == DISCUSSION:
        return node in fact.participants
    if fact.kind == STATEMENT:
        return node == fact.speaker or node in fact.about
    return node in (fact.id, fact.issuer, fact.target)


def _involved(fact: Fact) -> list[str]:
    """The actors a fact names, also those only shown as text (who reported a statement)."""
    found = fact.actors()
    if fact.reported_by and fact.reported_by not in found:
        found.append(fact.reported_by)
    return found


class NeighbourhoodReader:
    """Reads the facts around nodes of one view (node kinds and filters fixed), caching what it read.

    :param store: an open store (local or remote).
    :param include, topic, since, until: as for ``build_view``.
    """

    def __init__(self, store, *, include: str | Iterable[str] | None = None, topic: str | None = None,
                 since: str | dt.date | None = None, until: str | dt.date | None = None):
        self.store = store
        self.kinds, self.topic, self.since, self.until = view_options(include, topic, since, until)
        self.wanted = node_types(self.kinds)
        self._filters = {k: v for k, v in filter_bindings(self.topic, self.since, self.until).items() if v is not None}
        self._rows = FactRows()
        self._whole: set[str] = set()               # ids of the facts with all their parts read
        self._accepted: set[str] = set()            # ids of those that touch an expanded node
        self._expanded: set[str] = set()            # nodes whose own facts were read
        self._named: set[str] = set()               # ... and the statements that name them
        self.actors: dict[str, Actor] = {}
        self._known: set[str] = set()               # actors whose view_actor rows were read
        self._labelled: set[str] = set()            # actors beyond the neighbourhood: label only
        self._posts_read: set[str] = set()
        self._reference: ActorRows | None = None
        self._linked: set[str] = set()              # statements whose "about" is known
        self._patterns: dict = {}                   # each document's name pattern

    # -- reading -----------------------------------------------------------------
    def _run(self, name: str, **bindings) -> list[dict]:
        return run_named(self.store, name, **bindings).rows

    def reference(self) -> ActorRows:
        """The reference names (labels, aliases, metonyms) of mentioned actors, read once."""
        if self._reference is None:
            self._reference = ActorRows()
            self._reference.add(self._run("view_reference_names"))
        return self._reference

    def expand(self, node: str, *, named: bool = True) -> None:
        """Read every fact of the view that touches ``node`` (an actor, topic or measure IRI).

        :param named: also read the statements whose words name the node (every
            statement of the documents that mention it).  They give the node only
            "said about" edges from their speakers; the nodes at the edge of a
            neighbourhood can do without them: an edge to a node inside is read
            from its speaker's side, and an edge to a node outside is cut anyway.
        """
        if node in self._named or (not named and node in self._expanded):
            return
        known = self._rows.facts.get(node)
        if known is not None and known.kind == MEASURE:
            self._expanded.add(node)
            self._named.add(node)
            return          # a measure's node has one fact, the measure, read with it
        # The actors of the facts read at the edge are beyond it, or already known: their labels do.
        learn = self.learn if named else self.learn_label
        if node not in self._expanded:
            self._read(node, "view_entity_statements", "view_entity_topics", "view_entity_evidence",
                       "view_document_names", own=True, learn=learn)
            self._expanded.add(node)
        if named:
            self._read(node, "view_mentioned_statements", "view_mentioned_topics", "view_mentioned_evidence",
                       "view_mentioned_document_names", own=False, learn=learn)
            self._named.add(node)

    def _read(self, node: str, statements_query: str, topics_query: str, evidence_query: str, names_query: str,
              *, own: bool, learn) -> None:
        """Read facts around ``node``: its own discussions, statements and measures (``own``), or the
        statements of the documents that mention it; keep those that touch it."""
        entity, filters, rows = URIRef(node), self._filters, self._rows
        found = rows.discussions(self._run("view_entity_discussions", entity=entity, **filters)) if own else []
        statements = rows.statements(self._run(statements_query, entity=entity, **filters))
        if own:
            found += rows.policies(self._run("view_entity_policies", entity=entity, **filters))
        if not found and not statements:
            return
        # A fact is one only with a participant, a topic or a sentence (as in the view_* queries' rows).
        parts = ["view_entity_participants"] if found and own else []
        for name in parts + [topics_query, evidence_query]:
            self._whole.update(rows.parts(self._run(name, entity=entity)))
        statements = [f for f in statements if f.id in self._whole]
        unlinked = {f.id: f for f in statements if f.id not in self._linked}
        if unlinked:
            # Whom each statement names, from all the names its document uses (complete for
            # each document the query returns, so the pattern of a document is made once).
            names = ActorRows()
            names.add(self._run(names_query, entity=entity))
            reference = self.reference()
            link_statements(unlinked, names.names_by_doc(reference), reference.metonyms, self._patterns)
            self._linked.update(unlinked)
        for fact in found + statements:
            if fact.id in self._whole and _touches(fact, node):
                self._accepted.add(fact.id)
                for iri in _involved(fact):
                    learn(iri)

    def learn(self, iri: str) -> Actor | None:
        """The actor ``iri`` as the whole view shows it (posts aside), or None when no document types it."""
        if iri not in self._known:
            self._known.add(iri)
            self._labelled.discard(iri)
            self.actors.pop(iri, None)
            rows = ActorRows()
            rows.add(self._run("view_actor", actor=URIRef(iri)))
            self.actors.update(rows.actors())
        return self.actors.get(iri)

    def learn_label(self, iri: str) -> None:
        """What the view needs of an actor beyond the nodes it keeps: its label (for the facts that
        name it).  With a reference label, a check that some document types it is enough."""
        if iri in self._known or iri in self._labelled:
            return
        labels = self.reference().ref_labels.get(iri)
        if not labels:
            self.learn(iri)
            return
        self._labelled.add(iri)
        rows = self._run("view_actor_kind", actor=URIRef(iri))
        kind = actor_type(rows[0]["class"]) if rows else None
        if kind is not None:
            # The kind may not be the one the view would choose; an actor beyond the
            # neighbourhood is cut from it whatever its kind.
            self.actors[iri] = Actor(iri=iri, type=kind, label=min(labels, key=lambda s: (s.casefold(), s)))

    def read_posts(self, iris: Iterable[str]) -> None:
        """Read the posts of these actors (once per actor)."""
        for iri in sorted(set(iris) - self._posts_read):
            self._posts_read.add(iri)
            if iri in self.actors:
                for name in ("view_actor_posts", "view_actor_claims"):
                    add_posts({iri: self.actors[iri]}, self._run(name, person=URIRef(iri)))

    # -- the view ----------------------------------------------------------------
    def facts(self) -> dict[str, Fact]:
        """The facts read so far that touch an expanded node, by IRI."""
        return {fid: self._rows.facts[fid] for fid in sorted(self._accepted)}

    def graph_view(self) -> ViewGraph:
        """The view of the facts read so far (a part of the whole view's graph)."""
        view = assemble(self.facts(), dict(self.actors), self._rows.topics, self.kinds)
        view.filters = view_filters(self.kinds, self.topic, self.since, self.until)
        return view

    def in_view(self, node: str) -> bool:
        """True when ``node`` is a node of the whole view (reads its facts)."""
        self.expand(node)
        return node in self.graph_view().graph

    def view(self, node: str, depth: int = 1) -> ViewGraph:
        """The view around ``node`` up to ``depth`` hops: the same as ``focus_view`` of the whole view.

        :raises NotInView: when ``node`` takes part in no fact of the view.
        """
        check_depth(depth)
        if not self.in_view(node):
            raise NotInView(f"{node} takes part in no meeting, statement or policy measure of this view")
        for level in range(1, depth + 1):
            # Every node within level - 1 hops has all its edges: the distances up to level are exact.
            graph = self.graph_view().graph
            near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), node, cutoff=level)
            for other in sorted(n for n, d in near.items() if d == level):
                if level < depth:
                    self.expand(other)
                elif graph.nodes[other]["type"] != TOPIC:
                    # At the edge: its own facts (for its panel and the edges between nodes at the
                    # edge); a topic has neither, its edges come from the nodes that discuss it.
                    self.expand(other, named=False)
        view = self.graph_view()
        kept = nx.single_source_shortest_path_length(view.graph.to_undirected(as_view=True), node, cutoff=depth)
        actors = sorted(n for n in kept if view.graph.nodes[n]["type"] in ACTOR_TYPES)
        for iri in actors:
            self.learn(iri)         # known already (nodes within depth are met before the edge)
        self.read_posts(actors)
        return focus_view(self.graph_view(), node, depth)


def build_neighbourhood(store, node: str, depth: int = 1, *, include: str | Iterable[str] | None = None,
                        topic: str | None = None, since: str | dt.date | None = None,
                        until: str | dt.date | None = None) -> ViewGraph:
    """The relationship view within ``depth`` hops of ``node`` (an IRI), read around the node only.

    The same view as ``focus_view(build_view(store, include=..., topic=..., since=..., until=...), node,
    depth)``, at a cost that grows with the neighbourhood, not with the store.

    :raises NotInView: when ``node`` takes part in no fact of the view.
    :raises UsageError: for bad options.
    """
    reader = NeighbourhoodReader(store, include=include, topic=topic, since=since, until=until)
    return reader.view(str(node), depth)


# -- finding the node a name designates ---------------------------------------------

def resolve_focus(reader: NeighbourhoodReader, name: str, *, what: str = "--focus") -> str:
    """The node that ``name`` designates in the reader's view, as ``resolve_node`` would find it
    in the whole view (label or alias; whole name first, then part of one; actors before
    measures and topics), reading only the facts of candidates whose names match.

    :raises UsageError: when nothing matches, or several nodes match equally well.
    """
    needle = " ".join(str(name).split())
    if not needle:
        raise UsageError(f"{what}: give a name")
    # The store narrows by lower case (LCASE); match_name then decides exactly (casefold).
    bound = Literal(needle.lower())
    candidates: dict[str, tuple[str, list[str], str]] = {}      # node -> (label, names, type)
    rows = reader._run("view_focus_candidates", needle=bound)
    if reader.wanted & set(ACTOR_TYPES):
        for iri in sorted({str(r["node"]) for r in rows if str(r["kind"]) == "actor"}):
            actor = reader.learn(iri)
            if actor is not None and actor.type in reader.wanted:
                candidates[iri] = (actor.label, [actor.label, *actor.aliases], actor.type)
    if POLICY in reader.wanted:
        for iri in sorted({str(r["node"]) for r in rows if str(r["kind"]) == "policy"}):
            reader.expand(iri)
            fact = reader.facts().get(iri)
            if fact is not None:
                candidates[iri] = (fact.label, [fact.label], POLICY)
    if TOPIC in reader.wanted:
        for row in reader._run("view_focus_topics", needle=bound):
            iri = str(row["node"])
            reader.expand(iri)
            label = reader._rows.topics.get(iri) or topic_label_from_iri(iri)
            candidates[iri] = (label, [label], TOPIC)
    exact = [n for n, (_, names, _) in candidates.items() if match_name(needle, names) == "exact"]
    partial = [n for n, (_, names, _) in candidates.items() if match_name(needle, names) == "partial"]
    for group in (exact, partial):
        found: list[str] = []
        for node in sorted(group, key=lambda n: (candidates[n][0], n)):
            if reader.in_view(node):
                found.append(node)
            # Nine or more, two of them actors: ambiguous whatever the rest is (the message lists eight).
            if len(found) > 8 and sum(candidates[n][2] in ACTOR_TYPES for n in found) >= 2:
                break
        if found:
            return choose_node(found, {n: candidates[n][0] for n in found},
                               {n: candidates[n][2] for n in found}, name, what=what)
    raise UsageError(f"{what}: no actor in this view is called {name!r} "
                     "(names are matched against labels and aliases; check --include and the filters)")

