"""Building a relationship view from the store.

``build_view`` runs the ``view_*`` named queries (user values travel as
bindings), folds their rows into facts and actors, and assembles a
``ViewGraph``:

* every pair of actors that took part in the same held discussion gets one
  "discussed with" edge carrying all their discussions;
* a statement gives a "said about" edge from its speaker to each actor the
  statement's words name (matched against the names that actor goes by in the
  same document, so "Biden" in one article is the Biden of that article) and,
  when topics are shown, to each of its topics;
* a policy measure is a node, with "issued" from its issuer and "targets" to
  its target; topics, when shown, are nodes reached by "discussed" (from
  participants) and "concerns" (from measures).

An actor is in a view when some fact of the view involves it; actors that are
merely mentioned are left out, so that filtering by topic or time leaves only
what the filter is about.  This module never imports spaCy.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from typing import Iterable

import networkx as nx
from rdflib import Literal
from rdflib.namespace import XSD

from kg.errors import UsageError
from kg.queries import run_named
from kg.views.model import (ACTOR_TYPES, ANONYMOUS, CONCERNS, COUNTRY, DEFAULT_INCLUDE, DISCUSSED,
                            DISCUSSED_WITH, DISCUSSION, INCLUDE_TYPES, ISSUED, MEASURE, ORGANIZATION,
                            PERSON, POLICY, SAID_ABOUT, STATEMENT, TARGETS, TOPIC, Actor, Evidence, Fact,
                            Post, ViewGraph, topic_label_from_iri)

_KG = "https://w3id.org/kg-news/ns#"
_CLASS_TYPE = {_KG + "Person": PERSON, _KG + "Country": COUNTRY, _KG + "Organization": ORGANIZATION,
               _KG + "AnonymousSource": ANONYMOUS}


def actor_type(class_iri) -> str | None:
    """The node type of an actor class (``kg:Person`` -> "person"), or None for another class."""
    return _CLASS_TYPE.get(str(class_iri))


# When documents disagree on an actor's class, the more specific kind wins.
_TYPE_PRIORITY = {PERSON: 0, COUNTRY: 1, ORGANIZATION: 2, ANONYMOUS: 3}
# Names shorter than this are not looked for in statements ("I", "A" would match everywhere).
_MIN_NAME_LENGTH = 2


# -- options -------------------------------------------------------------------

def parse_include(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """``--include`` as a tuple of known names (people, countries, organizations, policies, topics).

    :raises UsageError: for an unknown name or an empty list.
    """
    if value is None:
        return DEFAULT_INCLUDE
    items = value.split(",") if isinstance(value, str) else list(value)
    names = [item.strip().lower() for item in items if item and item.strip()]
    unknown = [n for n in names if n not in INCLUDE_TYPES]
    if unknown:
        raise UsageError(f"--include: unknown {', '.join(repr(u) for u in unknown)}; "
                         f"choose from {', '.join(INCLUDE_TYPES)}")
    if not names:
        raise UsageError(f"--include: give at least one of {', '.join(INCLUDE_TYPES)}")
    return tuple(dict.fromkeys(names))


def node_types(include: Iterable[str]) -> set[str]:
    """The node types a list of ``--include`` names brings into a view."""
    return {t for name in include for t in INCLUDE_TYPES[name]}


def _parse_day(value, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what}: {value!r} is not a date; use YYYY-MM-DD (e.g. 2023-01-13)") from None


# -- reading the store ---------------------------------------------------------

def _day(term) -> dt.date | None:
    if term is None:
        return None
    try:
        return dt.date.fromisoformat(str(term)[:10])
    except ValueError:
        return None


def _float(term) -> float | None:
    try:
        return None if term is None else float(str(term))
    except ValueError:
        return None


def _int(term) -> int | None:
    try:
        return None if term is None else int(str(term))
    except ValueError:
        return None


def _words(iri, prefix: str = "") -> str | None:
    """``kg:MeetingKindTalks`` -> "talks", ``kg:InForce`` -> "in force", ``kg:ExportControl`` -> "export control"."""
    if iri is None:
        return None
    local = str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    if prefix and local.startswith(prefix):
        local = local[len(prefix):]
    if local == "OtherMeasure":
        return "measure"
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower()


def _evidence(row) -> Evidence | None:
    text = row.get("evidence")
    if text is None:
        return None
    return Evidence(text=str(text), source=str(row.get("source") or ""), sentence=_int(row.get("sentence")))


def filter_bindings(topic: str | None, since: dt.date | None, until: dt.date | None) -> dict:
    """The bindings of the ``view_*`` queries' filters (None: no filter).

    User values reach the queries as typed literals, never as query text.
    """
    return {
        "topic": Literal(str(topic)) if topic else None,
        "since": Literal(since.isoformat(), datatype=XSD.date) if since else None,
        "until": Literal(until.isoformat(), datatype=XSD.date) if until else None,
    }


class FactRows:
    """Folds rows of the ``view_*`` fact queries into facts and topic labels.

    Folding is idempotent: rows may come in any order, and the same row (or
    the rows of a fact already folded) may come again -- the whole-store
    queries and the queries bound to one node (``kg.views.neighbourhood``)
    feed the same folder and give the same facts.
    """

    def __init__(self) -> None:
        self.facts: dict[str, Fact] = {}
        self.topics: dict[str, str] = {}
        self._labelled: set[str] = set()    # topics whose label came from a row, not the IRI

    def _fact(self, row, id_var: str, kind: str) -> Fact:
        """The fact of this row (made on first sight), with the row's parts added."""
        iri = str(row[id_var])
        fact = self.facts.get(iri)
        if fact is None:
            fact = self.facts[iri] = Fact(id=iri, kind=kind, doc=str(row["doc"]), start=_day(row.get("start")),
                                          end=_day(row.get("end")), granularity=_str(row.get("granularity")),
                                          confidence=_float(row.get("confidence")))
            if fact.start and not fact.end:
                fact.end = fact.start
        self._add_parts(fact, row)
        return fact

    def _add_parts(self, fact: Fact, row) -> None:
        """Add the row's participant, topic (with its label) and evidence sentence to ``fact``."""
        if "participant" in row and str(row["participant"]) not in fact.participants:
            fact.participants.append(str(row["participant"]))
        if "topicIri" in row:
            iri = str(row["topicIri"])
            fact.add_topic(iri)
            label = row.get("topicLabel")
            if label is not None:
                # A topic minted from two spellings ("group", "Group") has two labels: the first in
                # sort order, whatever order the rows come in, so that every view names it alike.
                known = self.topics.get(iri)
                self.topics[iri] = str(label) if known is None or iri not in self._labelled \
                    else min(known, str(label))
                self._labelled.add(iri)
            elif iri not in self.topics:
                self.topics[iri] = topic_label_from_iri(iri)
        evidence = _evidence(row)
        if evidence is not None:
            fact.add_evidence(evidence)

    def parts(self, rows) -> set[str]:
        """Fold rows that carry only parts of facts (``?fact`` with a participant, a topic or an
        evidence sentence) into the facts already folded; rows of other facts are ignored.

        :returns: the ids of the facts that got a part.
        """
        touched = {}
        for row in rows:
            fact = self.facts.get(str(row["fact"]))
            if fact is not None:
                self._add_parts(fact, row)
                touched[fact.id] = fact
        self._sorted(touched)
        return set(touched)

    def discussions(self, rows) -> list[Fact]:
        """Fold rows of ``view_discussions`` (or ``view_entity_discussions``); return their facts."""
        found = {}
        for row in rows:
            fact = self._fact(row, "meeting", DISCUSSION)
            fact.meeting_kind = _words(row.get("kind"), "MeetingKind")
            fact.place = _str(row.get("placeLabel"))
            found[fact.id] = fact
        return self._sorted(found)

    def statements(self, rows) -> list[Fact]:
        """Fold rows of ``view_statements`` (or ``view_entity_statements``); return their facts."""
        found = {}
        for row in rows:
            fact = self._fact(row, "statement", STATEMENT)
            fact.speaker = str(row["speaker"])
            fact.text = str(row["text"])
            fact.direct = None if row.get("direct") is None else str(row["direct"]).lower() in ("true", "1")
            fact.reported_by = _str(row.get("reportedBy"))
            found[fact.id] = fact
        return self._sorted(found)

    def policies(self, rows) -> list[Fact]:
        """Fold rows of ``view_policies`` (or ``view_entity_policies``); return their facts."""
        found = {}
        for row in rows:
            fact = self._fact(row, "policy", MEASURE)
            fact.measure_type = _words(row.get("measureType"))
            fact.label = _str(row.get("label")) or fact.measure_type or "policy measure"
            fact.status = _words(row.get("status"))
            fact.issuer = _str(row.get("issuer"))
            fact.target = _str(row.get("target"))
            found[fact.id] = fact
        return self._sorted(found)

    @staticmethod
    def _sorted(found: dict[str, Fact]) -> list[Fact]:
        # Query rows come in no promised order: sort, so that pages and exports are stable.
        for fact in found.values():
            fact.participants.sort()
            fact.topics.sort()
        return [found[k] for k in sorted(found)]


def load_facts(store, *, topic: str | None = None, since: dt.date | None = None,
               until: dt.date | None = None) -> tuple[dict[str, Fact], dict[str, str]]:
    """Held discussions, statements and policy measures, filtered, with topic labels.

    :returns: (facts by IRI, topic labels by IRI).
    """
    bindings = filter_bindings(topic, since, until)
    rows = FactRows()
    rows.discussions(run_named(store, "view_discussions", **bindings).rows)
    rows.statements(run_named(store, "view_statements", **bindings).rows)
    rows.policies(run_named(store, "view_policies", **bindings).rows)
    return dict(sorted(rows.facts.items())), rows.topics


def _str(term) -> str | None:
    return None if term is None else str(term)


class ActorRows:
    """Folds rows of the actor queries (``view_actors`` and its kin) into actors and names.

    A row carries one piece of information about ``?actor``: a ``?class``
    with the ``?docLabel`` a document gives it (``?n``: in how many
    documents, 1 when absent), a surface form ``?alias``, or a reference
    ``?refLabel``, ``?refAlias`` or ``?refMetonym``.  With ``?doc``, the
    names are also recorded as the names that document uses.  Folding is
    idempotent for everything but the label counts, which count rows.
    """

    def __init__(self) -> None:
        self.types: dict[str, str] = {}
        self.doc_labels: dict[str, Counter] = defaultdict(Counter)
        self.ref_labels: dict[str, set[str]] = defaultdict(set)
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.ref_names: dict[str, set[str]] = defaultdict(set)
        self.metonyms: set[str] = set()
        self._names_by_doc: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(self, rows) -> None:
        """Fold query rows."""
        for row in rows:
            actor = str(row["actor"])
            doc = str(row["doc"]) if "doc" in row else None
            if "class" in row:
                kind = _CLASS_TYPE.get(str(row["class"]))
                if kind and (actor not in self.types or _TYPE_PRIORITY[kind] < _TYPE_PRIORITY[self.types[actor]]):
                    self.types[actor] = kind
                if "docLabel" in row:
                    self.doc_labels[actor][str(row["docLabel"])] += _int(row.get("n")) or 1
                    if doc is not None:
                        self._names_by_doc[doc][actor].add(str(row["docLabel"]))
            if "alias" in row:
                self.aliases[actor].add(str(row["alias"]))
                if doc is not None:
                    self._names_by_doc[doc][actor].add(str(row["alias"]))
            if "refLabel" in row:
                self.ref_labels[actor].add(str(row["refLabel"]))
                self.ref_names[actor].add(str(row["refLabel"]))
            if "refAlias" in row:
                self.aliases[actor].add(str(row["refAlias"]))
                self.ref_names[actor].add(str(row["refAlias"]))
            if "refMetonym" in row:
                self.aliases[actor].add(str(row["refMetonym"]))
                self.ref_names[actor].add(str(row["refMetonym"]))
                self.metonyms.add(str(row["refMetonym"]))

    def actors(self) -> dict[str, Actor]:
        """Every typed actor with its label and aliases (posts not yet added)."""
        actors: dict[str, Actor] = {}
        for iri, kind in self.types.items():
            if self.ref_labels.get(iri):
                label = min(self.ref_labels[iri], key=lambda s: (s.casefold(), s))
            elif self.doc_labels.get(iri):
                # The label most documents agree on; ties broken alphabetically for stable output.
                label = min(self.doc_labels[iri].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            else:
                label = topic_label_from_iri(iri)
            others = sorted((self.aliases.get(iri, set()) | set(self.doc_labels.get(iri, {}))) - {label},
                            key=lambda s: (s.casefold(), s))
            actors[iri] = Actor(iri=iri, type=kind, label=label, aliases=others)
        return actors

    def names_by_doc(self, reference: "ActorRows | None" = None) -> dict[str, dict[str, set[str]]]:
        """{document IRI: {actor IRI: the names it goes by there}}, reference names included
        (those folded here, or those of ``reference``)."""
        ref_names = (reference or self).ref_names
        out: dict[str, dict[str, set[str]]] = {}
        for doc, names in self._names_by_doc.items():
            # Reference names hold in every document that mentions the actor.
            out[doc] = {actor: found | ref_names.get(actor, set()) for actor, found in names.items()}
        return out


def add_posts(actors: dict[str, Actor], rows) -> None:
    """Fold rows of ``view_posts`` into the posts of ``actors`` (others are ignored); idempotent."""
    touched = set()
    for row in rows:
        actor = actors.get(str(row["person"]))
        if actor is None or row.get("postLabel") is None:
            continue
        post = Post(label=str(row["postLabel"]), start=_day(row.get("start")), end=_day(row.get("end")),
                    status=str(row.get("status") or "unverified"), source=_str(row.get("source")),
                    organization=_str(row.get("orgLabel")))
        if post not in actor.posts:
            actor.posts.append(post)
        touched.add(actor.iri)
    for iri in touched:
        # Every field in the key: rows come in no promised order, and ties would keep it.
        actors[iri].posts.sort(key=lambda p: (p.status != "reference", p.start or dt.date.min, p.label, p.status,
                                              p.end or dt.date.min, p.source or "", p.organization or ""))


def load_actors(store) -> tuple[dict[str, Actor], dict[str, dict[str, set[str]]], set[str]]:
    """Every actor a document mentions, and the names each document uses for it.

    :returns: (actors by IRI, {document IRI: {actor IRI: names}}, metonyms);
        the names and metonyms serve to find whom a statement names.
    """
    rows = ActorRows()
    rows.add(run_named(store, "view_actors").rows)
    actors = rows.actors()
    add_posts(actors, run_named(store, "view_posts").rows)
    return actors, rows.names_by_doc(), rows.metonyms


# -- whom a statement names ----------------------------------------------------

def _name_pattern(names: dict[str, set[str]]) -> tuple[re.Pattern | None, dict[str, str]]:
    owner: dict[str, str] = {}
    for actor, found in names.items():
        for name in found:
            if len(name) >= _MIN_NAME_LENGTH:
                # A name two actors share is ambiguous: the first one (stable order) keeps it.
                owner.setdefault(name, actor)
    if not owner:
        return None, owner
    # Longest names first, so "Joe Biden" wins over "Biden" at the same place.
    alternatives = "|".join(re.escape(n) for n in sorted(owner, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), owner


# A metonym after one of these is a place ("talks in Washington"), not the actor.
_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|outside|around)\s+(?:the\s+)?)$", re.IGNORECASE)


def link_statements(facts: dict[str, Fact], names_by_doc: dict[str, dict[str, set[str]]],
                    metonyms: set[str] | frozenset[str] = frozenset(),
                    patterns: dict[str, tuple[re.Pattern | None, dict[str, str]]] | None = None) -> None:
    """Fill ``Fact.about`` of each statement with the actors its words name (not its speaker).

    A metonym ("Washington" for the United States) counts unless it follows a
    locative preposition, where it names the place: "Beijing's threats" is
    about China, "a meeting in Beijing" is not.

    :param patterns: a cache of each document's name pattern, kept by a caller
        that links statements of the same documents in several calls (the
        names of a document must then be complete in every call).
    """
    patterns = {} if patterns is None else patterns
    for fact in facts.values():
        if fact.kind != STATEMENT or not fact.text:
            continue
        if fact.doc not in patterns:
            patterns[fact.doc] = _name_pattern(dict(sorted(names_by_doc.get(fact.doc, {}).items())))
        pattern, owner = patterns[fact.doc]
        if pattern is None:
            continue
        about = []
        for match in pattern.finditer(fact.text):
            if match.group(0) in metonyms and _LOCATIVE.search(fact.text[:match.start()]):
                continue
            actor = owner[match.group(0)]
            if actor != fact.speaker and actor not in about:
                about.append(actor)
        fact.about = about


# -- assembling the graph ------------------------------------------------------

def _guess_type(iri: str) -> str:
    # An actor some fact names but no document types (should not happen with
    # kg's writer); its IRI path is the best remaining hint.
    if "/country/" in iri:
        return COUNTRY
    if "/org/" in iri:
        return ORGANIZATION
    return PERSON


def assemble(facts: dict[str, Fact], actors: dict[str, Actor], topics: dict[str, str],
             include: Iterable[str] = DEFAULT_INCLUDE) -> ViewGraph:
    """The view graph of ``facts`` with the node types ``include`` names.

    Pure (no store): the benchmark and tests feed it hand-made facts.
    """
    wanted = node_types(include)
    graph = nx.MultiDiGraph()

    def actor_node(iri: str | None) -> str | None:
        """The actor's node (added on first use), or None when its type is not shown."""
        if iri is None:
            return None
        actor = actors.get(iri)
        if actor is None:
            actor = actors[iri] = Actor(iri=iri, type=_guess_type(iri), label=topic_label_from_iri(iri))
        if actor.type not in wanted:
            return None
        if iri not in graph:
            graph.add_node(iri, label=actor.label, type=actor.type, aliases=list(actor.aliases),
                           posts=list(actor.posts), statements=[], facts=[])
        return iri

    def topic_node(iri: str) -> str | None:
        """The topic's node (added on first use), or None when topics are not shown."""
        if TOPIC not in wanted:
            return None
        if iri not in graph:
            graph.add_node(iri, label=topics.get(iri) or topic_label_from_iri(iri), type=TOPIC, aliases=[],
                           posts=[], statements=[], facts=[])
        return iri

    def link(u: str | None, v: str | None, kind: str, fact: Fact) -> None:
        """Add ``fact`` to the edge of ``kind`` from u to v (made on first use)."""
        if u is None or v is None or u == v:
            return
        if kind == DISCUSSED_WITH and v < u:
            u, v = v, u      # one edge per pair, whichever participant came first
        data = graph.get_edge_data(u, v, key=kind)
        if data is None:
            graph.add_edge(u, v, key=kind, kind=kind, facts=[fact.id])
        elif fact.id not in data["facts"]:
            data["facts"].append(fact.id)

    for fact in facts.values():
        if fact.kind == DISCUSSION:
            nodes = [n for n in (actor_node(p) for p in fact.participants) if n]
            for i, u in enumerate(nodes):
                for v in nodes[i + 1:]:
                    link(u, v, DISCUSSED_WITH, fact)
                for t in fact.topics:
                    link(u, topic_node(t), DISCUSSED, fact)
            for n in nodes:
                graph.nodes[n]["facts"].append(fact.id)
        elif fact.kind == STATEMENT:
            speaker = actor_node(fact.speaker)
            if speaker is None:
                continue
            graph.nodes[speaker]["statements"].append(fact.id)
            for target in fact.about:
                link(speaker, actor_node(target), SAID_ABOUT, fact)
            for t in fact.topics:
                link(speaker, topic_node(t), SAID_ABOUT, fact)
        elif fact.kind == MEASURE:
            issuer, target = actor_node(fact.issuer), actor_node(fact.target)
            if POLICY in wanted:
                graph.add_node(fact.id, label=fact.label or "policy measure", type=POLICY, aliases=[], posts=[],
                               statements=[], facts=[fact.id])
                link(issuer, fact.id, ISSUED, fact)
                link(fact.id, target, TARGETS, fact)
                for t in fact.topics:
                    link(fact.id, topic_node(t), CONCERNS, fact)
            for n in (issuer, target):
                if n is not None:
                    graph.nodes[n]["facts"].append(fact.id)

    # Facts in date order (undated last) everywhere the page lists them.
    order = {fid: (f.start is None, f.start or dt.date.min, fid) for fid, f in facts.items()}
    for _, _, data in graph.edges(data=True):
        data["facts"].sort(key=order.__getitem__)
    for _, data in graph.nodes(data=True):
        data["statements"].sort(key=order.__getitem__)
        data["facts"] = sorted(dict.fromkeys(data["facts"]), key=order.__getitem__)
    used_topics = {t: topics.get(t) or topic_label_from_iri(t) for f in facts.values() for t in f.topics}
    names = {iri: actor.label for iri, actor in actors.items()}
    return ViewGraph(graph=graph, facts=dict(facts), topics=used_topics, names=names)


# -- focus ---------------------------------------------------------------------

def match_name(name: str, names: Iterable[str]) -> str | None:
    """How ``name`` designates a node with these names: "exact" (a whole name, any case),
    "partial" (part of a name), or None."""
    needle = " ".join(str(name).split()).casefold()
    folded = [n.casefold() for n in names]
    if needle in folded:
        return "exact"
    if any(needle in n for n in folded):
        return "partial"
    return None


def choose_node(found: list[str], labels: dict[str, str], types: dict[str, str], name: str, *,
                what: str = "--focus") -> str:
    """The one node of ``found`` (nodes that match ``name`` equally well) that ``name`` designates.

    :raises UsageError: when several remain (the message lists eight labels).
    """
    if len(found) == 1:
        return found[0]
    # Several candidates: actors before policies and topics, then the best connected one, if it is unique.
    actors_only = [n for n in found if types[n] in ACTOR_TYPES]
    if len(actors_only) == 1:
        return actors_only[0]
    names = sorted(labels[n] for n in found)
    raise UsageError(f"{what}: {name!r} is ambiguous; it matches {', '.join(names[:8])}"
                     f"{' and more' if len(names) > 8 else ''}; give a longer name")


def resolve_node(view: ViewGraph, name: str, *, what: str = "--focus") -> str:
    """The node of ``view`` that ``name`` designates (label or alias; exact first, then substring).

    :raises UsageError: when nothing matches, or several nodes match equally well.
    """
    if not " ".join(str(name).split()):
        raise UsageError(f"{what}: give a name")
    exact, partial = [], []
    for node, data in view.graph.nodes(data=True):
        match = match_name(name, [data.get("label", "")] + list(data.get("aliases", [])))
        if match == "exact":
            exact.append(node)
        elif match == "partial":
            partial.append(node)
    found = exact or partial
    if not found:
        raise UsageError(f"{what}: no actor in this view is called {name!r} "
                         "(names are matched against labels and aliases; check --include and the filters)")
    return choose_node(found, {n: view.label(n) for n in found},
                       {n: view.graph.nodes[n]["type"] for n in found}, name, what=what)


def check_depth(depth: int) -> None:
    """UsageError unless ``depth`` (hops around a focus) is 0 or more."""
    if depth < 0:
        raise UsageError("--depth: must be 0 or more")


def focus_view(view: ViewGraph, node: str, depth: int = 1) -> ViewGraph:
    """The part of ``view`` within ``depth`` hops of ``node`` (edges followed in either direction)."""
    check_depth(depth)
    keep = nx.ego_graph(view.graph, node, radius=depth, undirected=True).nodes
    graph = view.graph.subgraph(keep).copy()
    cited = {f for _, _, d in graph.edges(data=True) for f in d["facts"]}
    for _, data in graph.nodes(data=True):
        cited.update(data["statements"])
        cited.update(data["facts"])
    facts = {fid: fact for fid, fact in view.facts.items() if fid in cited}
    topics = {t: label for t, label in view.topics.items() if any(t in f.topics for f in facts.values())}
    return ViewGraph(graph=graph, facts=facts, topics=topics, filters=dict(view.filters), focus=node,
                     names=view.names)


# -- the whole thing -----------------------------------------------------------

def view_options(include: str | Iterable[str] | None, topic: str | None, since: str | dt.date | None,
                 until: str | dt.date | None) -> tuple[tuple[str, ...], str | None, dt.date | None, dt.date | None]:
    """The view options checked and parsed: (node kinds, topic text, since day, until day).

    :raises UsageError: for an unknown node kind, a malformed date or since after until.
    """
    kinds = parse_include(include)
    since_day, until_day = _parse_day(since, "--since"), _parse_day(until, "--until")
    if since_day and until_day and since_day > until_day:
        raise UsageError(f"--since {since_day} is after --until {until_day}")
    return kinds, (topic.strip() or None) if topic else None, since_day, until_day


def view_filters(kinds: Iterable[str], topic: str | None, since: dt.date | None, until: dt.date | None) -> dict:
    """What a view was built with, as its ``filters`` (for page titles)."""
    return {k: v for k, v in (("topic", topic), ("since", since and since.isoformat()),
                              ("until", until and until.isoformat()), ("include", ",".join(kinds))) if v}


def build_view(store, *, include: str | Iterable[str] | None = None, topic: str | None = None,
               since: str | dt.date | None = None, until: str | dt.date | None = None,
               focus: str | None = None, depth: int = 1) -> ViewGraph:
    """A relationship view of the store, filtered by topic and time, optionally around one actor.

    Without ``focus`` every fact of the store is read.  With ``focus`` only
    the facts around the node it names are (``kg.views.neighbourhood``): the
    view is the same as ``focus_view`` of the whole view, at a cost that does
    not grow with the rest of the store.

    :param include: node kinds to show (``"people,countries"`` or a list); default: all but topics.
    :param topic: keep facts with a topic whose label contains this text (case-insensitive).
    :param since, until: keep facts that can have happened in this range (YYYY-MM-DD).
    :param focus: name (or part of it) of the actor to centre on.
    :param depth: with ``focus``, how many hops around the actor to keep.
    :raises UsageError: for bad options or a focus that matches no actor or several.
    """
    kinds, topic, since_day, until_day = view_options(include, topic, since, until)
    if focus:
        from kg.views.neighbourhood import NeighbourhoodReader, resolve_focus

        check_depth(depth)
        reader = NeighbourhoodReader(store, include=kinds, topic=topic, since=since_day, until=until_day)
        node = resolve_focus(reader, focus)
        view = reader.view(node, depth)
        view.filters.update(focus=view.label(node), depth=str(depth))
        return view
    facts, topics = load_facts(store, topic=topic, since=since_day, until=until_day)
    actors, names_by_doc, metonyms = load_actors(store)
    link_statements(facts, names_by_doc, metonyms)
    view = assemble(facts, actors, topics, kinds)
    view.filters = view_filters(kinds, topic, since_day, until_day)
    return view
