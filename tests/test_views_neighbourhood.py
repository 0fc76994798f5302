"""The view around one node, read piece by piece (``kg.views.neighbourhood``).

Two claims are tested:

* it is the same view as the whole store's view cut down with ``focus_view``
  -- compared on everything a page or an export shows (nodes with their
  attributes, edges with their facts, the facts themselves, topic labels,
  the labels of actors the facts name, filters and the page's JSON) -- on
  the real pipeline's output for the seed and development articles, for
  every node at depth 1 and 2, and on the hand-made views corpus with every
  kind of filter;
* its cost does not grow with unrelated documents: the number of queries
  and of rows it reads is the same after many unrelated documents are added
  (while the whole view reads many more).

These tests read neighbourhoods with ``expansion_cost=None``: on stores this
small, the reader would otherwise find the whole view cheaper and build that
(the last test checks that it does, and that the view is the same).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

import views_corpus as vc
from kg.errors import UsageError
from kg.ingest import ingest_paths
from kg.serve.pages import NotFound, graph_view_html
from kg.store import LocalStore, graph_to_ntriples
from kg.views.build import build_view, focus_view, resolve_node
from kg.views.html import view_payload
from kg.views.neighbourhood import NeighbourhoodReader, NotInView, build_neighbourhood, resolve_focus
from tests.test_views import store  # noqa: F401 - the views corpus in an open store, shared

ROOT = Path(__file__).resolve().parent.parent
DOC_PREFIX = "https://w3id.org/kg-news/doc/"
ID_PREFIX = "https://w3id.org/kg-news/id/"


class CountingStore:
    """A real store that counts the queries it answers and the rows they return."""

    def __init__(self, store):
        self.store = store
        self.queries = 0
        self.rows = 0
        self.names: list[str] = []

    def query(self, sparql, bindings=None, **kwargs):
        """Run the query on the real store, and count."""
        result = self.store.query(sparql, bindings, **kwargs)
        self.queries += 1
        self.rows += len(result.rows)
        # Named queries start with "# NAME:".
        self.names.append(sparql.split(":", 1)[0].lstrip("# ") if sparql.startswith("# ") else "")
        return result


def shown(view) -> dict:
    """Everything of a view that a page, a timeline or an export shows, for comparison."""
    named = set(view.graph.nodes)
    for fact in view.facts.values():
        named.update(fact.actors())
        if fact.reported_by:
            named.add(fact.reported_by)
    return {
        "nodes": dict(view.graph.nodes(data=True)),
        "edges": {(u, v, k): d for u, v, k, d in view.graph.edges(keys=True, data=True)},
        "facts": view.facts,
        "topics": view.topics,
        "labels": {iri: view.label(iri) for iri in named},
        "filters": view.filters,
        "focus": view.focus,
        "payload": view_payload(view),
    }


def assert_same_neighbourhoods(store, nodes, depths, **options) -> int:
    """For each node and depth: the neighbourhood view equals the whole view cut down; returns the count."""
    whole = build_view(store, **options)
    checked = 0
    for node in nodes:
        for depth in depths:
            expected = shown(focus_view(whole, node, depth))
            got = shown(build_neighbourhood(store, node, depth, expansion_cost=None, **options))
            for key in expected:
                assert got[key] == expected[key], f"{key} differs around {node} at depth {depth} ({options})"
            checked += 1
    return checked


# -- the real pipeline's output ---------------------------------------------------------

@pytest.fixture(scope="module")
def extractor():
    from kg.extract.pipeline import Extractor
    return Extractor()


def articles(folder: Path) -> Path:
    """The seed and the development articles, copied into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "corpus" / "dev").glob("*.txt")]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, extractor):
    """A store holding the seed and development articles, ingested with the real pipeline."""
    folder = tmp_path_factory.mktemp("ingested")
    store = LocalStore(folder / "store")
    report = ingest_paths(store, [articles(folder / "articles")], extractor=extractor)
    assert report.ingested and not report.failed
    yield store
    store.close()


def test_same_view_as_the_whole_view_cut_down_on_ingested_articles(ingested):
    whole = build_view(ingested)
    assert whole.graph.number_of_nodes() > 50            # a real test: many nodes, of every kind
    assert {"person", "country", "policy"} <= {d["type"] for _, d in whole.graph.nodes(data=True)}
    # Depth 1 around every node; depth 2 around the best connected ones and a spread of the others.
    nodes = sorted(whole.graph.nodes, key=lambda n: (-whole.graph.degree(n), n))
    assert assert_same_neighbourhoods(ingested, nodes, [1]) == len(nodes)
    assert assert_same_neighbourhoods(ingested, nodes[:3] + nodes[3::9], [2])


def test_same_view_with_topics_and_filters_on_ingested_articles(ingested):
    options = {"include": "people,countries,organizations,policies,topics", "since": "2022-06-01"}
    whole = build_view(ingested, **options)
    nodes = sorted(whole.graph.nodes, key=lambda n: (-whole.graph.degree(n), n))
    assert assert_same_neighbourhoods(ingested, nodes[:2] + nodes[2::16], [1, 2], **options)


def _outcome(resolve, *args):
    """What a name resolution gives: the node, or its one-line error."""
    try:
        return resolve(*args)
    except UsageError as exc:
        return str(exc)


def test_names_designate_the_same_node_on_ingested_articles(ingested):
    whole = build_view(ingested)
    best = sorted(whole.graph.nodes, key=lambda n: (-whole.graph.degree(n), n))[:8]
    names = {whole.graph.nodes[n]["label"] for n in best} | {"biden", "Xi", "united", "minister", "zz"}
    for name in sorted(names):
        expected = _outcome(resolve_node, whole, name)
        got = _outcome(resolve_focus, NeighbourhoodReader(ingested, expansion_cost=None), name)
        assert got == expected, name


def test_cost_does_not_grow_with_unrelated_documents(tmp_path, extractor):
    store = LocalStore(tmp_path / "store")
    try:
        ingest_paths(store, [articles(tmp_path / "articles")], extractor=extractor)
        whole = build_view(store)
        hub = max(whole.graph.nodes, key=lambda n: (whole.graph.degree(n), n))
        quiet = min(whole.graph.nodes, key=lambda n: (whole.graph.degree(n), n))

        def cost(node, depth):
            counting = CountingStore(store)
            view = build_neighbourhood(counting, node, depth, expansion_cost=None)
            return counting.queries, counting.rows, shown(view)

        def whole_rows():
            counting = CountingStore(store)
            build_view(counting)
            return counting.rows

        before = {(n, d): cost(n, d) for n in (hub, quiet) for d in (1, 2)}
        rows_before = whole_rows()
        # Many unrelated documents: every document again, five times, about other actors and
        # topics (every IRI of kg's id and document namespaces renamed), with the same words.
        graphs = [g for g in store.named_graphs() if g.startswith(DOC_PREFIX)]
        for copy in range(5):
            for graph in graphs:
                triples = Graph()
                for r in store.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)}).rows:
                    triples.add((r["s"], r["p"], r["o"]))
                text = graph_to_ntriples(triples)
                text = text.replace(ID_PREFIX, f"{ID_PREFIX}copy{copy}/").replace(DOC_PREFIX, f"{DOC_PREFIX}copy{copy}-")
                store.replace_graph(URIRef(graph.replace(DOC_PREFIX, f"{DOC_PREFIX}copy{copy}-")), text)
        assert whole_rows() > 5 * rows_before               # the whole view reads them all
        for (node, depth), (queries, rows, view) in before.items():
            assert cost(node, depth) == (queries, rows, view), f"around {node} at depth {depth}"
        assert before[(hub, 2)][1] > before[(quiet, 1)][1]   # the count does see the work done
    finally:
        store.close()


# -- the hand-made corpus: every filter, names, errors ------------------------------------



@pytest.mark.parametrize("options", [
    {},
    {"include": "people,countries,organizations,policies,topics"},
    {"include": "people"},
    {"include": "countries,policies,topics"},
    {"topic": "export"},
    {"since": "2023-01-01"},
    {"until": "2022-12-31", "include": "people,countries,policies"},
])
def test_same_view_as_the_whole_view_cut_down_with_filters(store, options):
    nodes = sorted(build_view(store, **options).graph.nodes)
    assert assert_same_neighbourhoods(store, nodes, [0, 1, 2, 3], **options) == 4 * len(nodes)


def test_statement_edges_reach_the_actor_named(store):
    # Kurt Campbell is linked to Kishida only by what he said about him: the statement is found
    # from the document that mentions Kishida, and its words are read with that document's names.
    view = build_neighbourhood(store, vc.KISHIDA, 1, expansion_cost=None)
    assert vc.CAMPBELL in view.graph
    assert view.graph.has_edge(vc.CAMPBELL, vc.KISHIDA, key="said about")


def test_a_node_outside_the_view_is_refused(store):
    for cost in (None, 80):
        with pytest.raises(NotInView):
            build_neighbourhood(store, vc.EXPORT.iri, 1, expansion_cost=cost)   # topics are not shown by default
        assert build_neighbourhood(store, vc.EXPORT.iri, 1, include="people,topics",
                                   expansion_cost=cost).focus == vc.EXPORT.iri
        with pytest.raises(NotInView):
            build_neighbourhood(store, "https://w3id.org/kg-news/id/person/nobody", 1, expansion_cost=cost)
        with pytest.raises(UsageError, match="--depth"):
            build_neighbourhood(store, vc.BIDEN, -1, expansion_cost=cost)


@pytest.mark.parametrize("include", [None, "people,countries,organizations,policies,topics", "countries"])
def test_names_designate_the_same_node_as_in_the_whole_view(store, include):
    whole = build_view(store, include=include)
    names = {n for _, d in whole.graph.nodes(data=True) for n in [d["label"], *d["aliases"]]}
    names |= {"o", "bid", "KISHIDA", "export", "  mark   rutte ", "Napoleon", "united", "chip"}
    for name in sorted(names):
        expected = _outcome(resolve_node, whole, name)
        got = _outcome(resolve_focus, NeighbourhoodReader(store, include=include, expansion_cost=None), name)
        assert got == expected, name


WHOLE_STORE_QUERIES = {"view_discussions", "view_statements", "view_policies", "view_actors", "view_posts"}


def test_build_view_with_focus_is_the_whole_view_cut_down(store):
    view = build_view(store, focus="Rutte", depth=2)
    expected = focus_view(build_view(store), vc.RUTTE, 2)
    expected.filters.update(focus="Mark Rutte", depth="2")
    assert shown(view) == shown(expected)


def test_whole_view_when_the_neighbourhood_would_cost_more(store):
    # This store holds a dozen facts: reading around even one node costs more than reading them all.
    expected = shown(focus_view(build_view(store), vc.RUTTE, 2))
    cheap, piecewise = CountingStore(store), CountingStore(store)
    assert shown(build_neighbourhood(cheap, vc.RUTTE, 2)) == expected
    assert shown(build_neighbourhood(piecewise, vc.RUTTE, 2, expansion_cost=None)) == expected
    assert WHOLE_STORE_QUERIES <= set(cheap.names)
    # Piece by piece, only queries bound to nodes (and the reference names) run.
    assert not WHOLE_STORE_QUERIES & set(piecewise.names)
    assert piecewise.queries > cheap.queries


def test_serve_graph_page_around_an_entity(store):
    page = graph_view_html(store, vc.RUTTE, depth=1)
    assert "kg: around Mark Rutte" in page
    with pytest.raises(NotFound):
        graph_view_html(store, vc.EXPORT.iri)


def test_same_view_on_a_sparql_endpoint(tmp_path):
    # The bound queries through `oxigraph serve` (bindings as a VALUES block over HTTP).
    from kg.store import open_store
    from kg_servers import oxigraph_server

    local = LocalStore(tmp_path / "store")
    vc.fill(local, tmp_path / "articles")
    expected = {(node, depth): shown(focus_view(build_view(local), node, depth))
                for node in (vc.KISHIDA, vc.USA) for depth in (1, 2)}
    local.close()
    with oxigraph_server(tmp_path / "store" / "oxigraph") as url:
        remote = open_store("sparql+" + url + "/query")
        for (node, depth), view in expected.items():
            assert shown(build_neighbourhood(remote, node, depth, expansion_cost=None)) == view
        assert resolve_focus(NeighbourhoodReader(remote, expansion_cost=None), "kishida") == vc.KISHIDA
