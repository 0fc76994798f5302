"""The relationship view around one node, read from the store piece by piece.

``build_view`` reads every fact of the store, and ``focus_view`` then keeps
what lies within ``depth`` hops of a node: on a store of 10,000 articles
(5 million triples) that takes minutes to draw a few dozen nodes.
``build_neighbourhood`` gives the same view by queries bound to one node at
a time, breadth first (kg serve's ``/graph`` page and ``kg render --focus``
use it):

1. for the node, the facts that touch it: the exchanges it takes part in
   (``view_entity_discussions``), the statements it makes
   (``view_entity_statements``), the measures it issues, is targeted by or is
   (``view_entity_policies``) -- for a topic, the facts about it -- each with
   its participants, topics and sentences (``view_entity_participants``,
   ``view_entity_topics``, ``view_entity_evidence``); and the statements
   whose words name it (``view_mentioned_*``: every statement of the
   documents that mention it).  Whom a statement names is decided as
   ``build_view`` decides it, from all the names its document uses
   (``view_document_names``, ``view_mentioned_document_names``,
   ``view_reference_names``);
2. for every actor those facts involve, what the view shows of it
   (``view_actor``: kind, label, aliases), so that the nodes one hop further
   are known;
3. the same for the nodes one hop further, up to ``depth`` hops.  The nodes
   at the edge need less: their own facts (for their panel, and the edges
   between nodes at the edge), not the statements naming them, and of the
   actors one hop beyond, the labels only (``view_actor_kind``).  Then the
   posts of the actors shown (``view_actor_posts``, ``view_actor_claims``).

Why the view is the same: every fact read is read whole, so the graph of the
facts read is a part of the whole view's graph; and every fact that touches a
node within ``depth`` hops and gives it an edge to another such node, a
statement or a fact is read.  So the same nodes lie within ``depth`` hops,
with the same edges, statements and facts, and ``focus_view`` cuts the same
view out of either graph.  The cost grows with the facts around the node and
the documents they come from, not with the store -- unless the neighbourhood
is so large that reading the whole store is cheaper (``EXPANSION_COST``):
then the whole view is built and cut down.

The queries are shaped for Oxigraph's planner, which looks values up from a
bound node only through top-level patterns: each OPTIONAL holds one pattern
in its own GRAPH block, and the UNION branches hold no OPTIONAL (otherwise it
reads every such triple of the store, as the ``view_*`` queries rightly do).

``resolve_focus`` finds the node a name designates (``kg render --focus``)
without the whole view either: candidates by name (``view_focus_candidates``,
``view_focus_topics``), then the facts of the candidates that match.

Nothing here imports spaCy or click.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

import networkx as nx
from rdflib import Literal, URIRef

from kg.errors import UsageError
from kg.queries import run_named
from kg.views.build import (ActorRows, FactRows, actor_type, add_posts, assemble, build_view, check_depth,
                            choose_node, filter_bindings, focus_view, link_statements, match_name, node_types,
                            view_filters, view_options)
from kg.views.model import (ACTOR_TYPES, DISCUSSION, MEASURE, POLICY, STATEMENT, TOPIC, Actor, Fact, ViewGraph,
                            topic_label_from_iri)


class NotInView(UsageError):
    """The node takes part in no fact of the view (with its filters and node kinds)."""


#: What expanding one node costs, counted in facts the whole-store view reads
#: in the same time.  Measured on the 2-core reference machine: an expansion
#: (about ten queries bound to the node, and its facts) takes 20-80 ms, the
#: whole view 0.5-0.7 ms per fact of the store (9.6 s for 19,675 facts, 88 s
#: for 132,387).  A neighbourhood needing more expansions than the store's
#: facts / EXPANSION_COST is built from the whole view: the result is the same.
EXPANSION_COST = 80


class _WholeIsCheaper(Exception):
    """Reading the whole store costs less than reading this neighbourhood."""


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
    :param expansion_cost: see ``EXPANSION_COST``; None: never read the whole store.
    """

    def __init__(self, store, *, include: str | Iterable[str] | None = None, topic: str | None = None,
                 since: str | dt.date | None = None, until: str | dt.date | None = None,
                 expansion_cost: int | None = EXPANSION_COST):
        self.store = store
        self.expansion_cost = expansion_cost
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
        self._facts_in_store: int | None = None
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

        When the neighbourhood is so large that reading the whole store costs
        less (see ``EXPANSION_COST``), the whole view is built and cut down.

        :raises NotInView: when ``node`` takes part in no fact of the view.
        """
        check_depth(depth)
        try:
            return self._view(node, depth)
        except _WholeIsCheaper:
            whole = build_view(self.store, include=self.kinds, topic=self.topic, since=self.since, until=self.until)
            if node not in whole.graph:
                raise NotInView(f"{node} takes part in no meeting, statement or policy measure of this view") from None
            return focus_view(whole, node, depth)

    def _afford(self, nodes: Iterable[str]) -> None:
        """Raise _WholeIsCheaper when expanding ``nodes`` too would cost more than the whole view."""
        if self.expansion_cost is None:
            return
        planned = len(self._expanded.union(nodes))
        if self._facts_in_store is None:
            self._facts_in_store = int(self._run("view_fact_count")[0]["facts"])
        if planned * self.expansion_cost > self._facts_in_store:
            raise _WholeIsCheaper()

    def _view(self, node: str, depth: int) -> ViewGraph:
        """``view`` read piece by piece; _WholeIsCheaper when a level would cost too much."""
        self._afford([node])
        if not self.in_view(node):
            raise NotInView(f"{node} takes part in no meeting, statement or policy measure of this view")
        for level in range(1, depth + 1):
            # Every node within level - 1 hops has all its edges: the distances up to level are exact.
            graph = self.graph_view().graph
            near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), node, cutoff=level)
            # At the edge a topic needs nothing read: its edges come from the nodes that discuss it.
            frontier = sorted(n for n, d in near.items()
                              if d == level and (level < depth or graph.nodes[n]["type"] != TOPIC))
            self._afford(frontier)
            for other in frontier:
                # At the edge, its own facts only (for its panel and the edges between nodes at the edge).
                self.expand(other, named=level < depth)
        view = self.graph_view()
        kept = nx.single_source_shortest_path_length(view.graph.to_undirected(as_view=True), node, cutoff=depth)
        actors = sorted(n for n in kept if view.graph.nodes[n]["type"] in ACTOR_TYPES)
        for iri in actors:
            self.learn(iri)         # known already (nodes within depth are met before the edge)
        self.read_posts(actors)
        return focus_view(self.graph_view(), node, depth)


def build_neighbourhood(store, node: str, depth: int = 1, *, include: str | Iterable[str] | None = None,
                        topic: str | None = None, since: str | dt.date | None = None,
                        until: str | dt.date | None = None,
                        expansion_cost: int | None = EXPANSION_COST) -> ViewGraph:
    """The relationship view within ``depth`` hops of ``node`` (an IRI), read around the node only.

    The same view as ``focus_view(build_view(store, include=..., topic=..., since=..., until=...), node,
    depth)``, at a cost that grows with the neighbourhood, not with the store (unless the
    neighbourhood is so large that the whole view is cheaper: see ``EXPANSION_COST``).

    :raises NotInView: when ``node`` takes part in no fact of the view.
    :raises UsageError: for bad options.
    """
    reader = NeighbourhoodReader(store, include=include, topic=topic, since=since, until=until,
                                 expansion_cost=expansion_cost)
    return reader.view(str(node), depth)


# -- finding the node a name designates ---------------------------------------------

def resolve_focus(reader: NeighbourhoodReader, name: str, *, what: str = "--focus") -> str:
    """The node that ``name`` designates in the reader's view, as ``resolve_node`` would find it
    in the whole view (label or alias; whole name first, then part of one; actors before
    measures and topics), reading only about the candidates whose names match.

    :raises UsageError: when nothing matches, or several nodes match equally well.
    """
    needle = " ".join(str(name).split())
    if not needle:
        raise UsageError(f"{what}: give a name")
    # The store narrows by lower case (LCASE); match_name then decides exactly (casefold).
    bound = Literal(needle.lower())
    found_names: dict[tuple[str, str], set[str]] = {}           # (node, kind) -> names the store matched
    for row in reader._run("view_focus_candidates", needle=bound):
        found_names.setdefault((str(row["node"]), str(row["kind"])), set()).add(str(row.get("name") or ""))
    if TOPIC in reader.wanted:
        for row in reader._run("view_focus_topics", needle=bound):
            found_names.setdefault((str(row["node"]), "topic"), set())
    candidates: dict[str, tuple[str, list[str], str]] = {}      # node -> (label, names, type)

    def describe(node: str, kind: str) -> None:
        """Add the node's label, names and type as the view shows them, if it can be a node."""
        if kind == "actor" and reader.wanted & set(ACTOR_TYPES):
            actor = reader.learn(node)
            if actor is not None and actor.type in reader.wanted:
                candidates[node] = (actor.label, [actor.label, *actor.aliases], actor.type)
        elif kind == "policy" and POLICY in reader.wanted:
            reader.expand(node)
            fact = reader.facts().get(node)
            if fact is not None:
                candidates[node] = (fact.label, [fact.label], POLICY)
        elif kind == "topic" and TOPIC in reader.wanted:
            reader.expand(node)
            label = reader._rows.topics.get(node) or topic_label_from_iri(node)
            candidates[node] = (label, [label], TOPIC)

    def in_view(group: list[str]) -> list[str]:
        """The nodes of ``group`` the view has, by label (enough of them to decide)."""
        found: list[str] = []
        for node in sorted(group, key=lambda n: (candidates[n][0], n)):
            if reader.in_view(node):
                found.append(node)
            # Nine or more, two of them actors: ambiguous whatever the rest is (the message lists eight).
            if len(found) > 8 and sum(candidates[n][2] in ACTOR_TYPES for n in found) >= 2:
                break
        return found

    # A whole name first: only the candidates the store found by it can have it.
    folded = needle.casefold()
    for node, kind in sorted(found_names):
        if kind == "topic" or any(n.casefold() == folded for n in found_names[(node, kind)]) or kind == "policy":
            describe(node, kind)
    found = in_view([n for n, (_, names, _) in candidates.items() if match_name(needle, names) == "exact"])
    if not found:
        for node, kind in sorted(found_names):
            if node not in candidates:
                describe(node, kind)
        found = in_view([n for n, (_, names, _) in candidates.items() if match_name(needle, names) == "partial"])
    if found:
        return choose_node(found, {n: candidates[n][0] for n in found}, {n: candidates[n][2] for n in found},
                           name, what=what)
    raise UsageError(f"{what}: no actor in this view is called {name!r} "
                     "(names are matched against labels and aliases; check --include and the filters)")
