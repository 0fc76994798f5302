"""SHACL validation: a well-formed store conforms, a broken one does not (exit codes 0/1/2)."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from kg.cli import cli
from kg.extract.model import DocumentFacts, Entity, Meeting
from kg.rdfwriter import facts_to_graph
from kg.store import LocalStore, graph_to_ntriples
from kg.validate import load_shapes, validate, validate_graph
from kg.vocab import KG

from conftest import BIDEN, ev, make_article, person


def as_stored(graph: Graph) -> Graph:
    """The graph as the store gives it back (through N-Triples).

    kg.rdfwriter makes confidences as Literal(float, datatype=xsd:decimal);
    pySHACL's sh:datatype rejects a float-valued decimal literal in memory,
    while the same triple read back from the store is a proper decimal.
    """
    return Graph().parse(data=graph_to_ntriples(graph), format="nt")


def broken_document(tmp_path) -> Graph:
    """A document whose meeting has one participant and confidence 1.5."""
    article = make_article(tmp_path, "broken.txt", "Biden met.", dt.date(2023, 1, 1))
    facts = DocumentFacts(entities={BIDEN: person(BIDEN, "Joe Biden")})
    facts.meetings.append(Meeting("meeting", [BIDEN], ev("Biden met."), confidence=1.5))
    return facts_to_graph(article, facts)


def test_well_formed_store_conforms(store):
    conforms, report = validate(store)
    assert conforms, report


def test_broken_store_does_not_conform(store, tmp_path):
    graph = broken_document(tmp_path)
    store.replace_graph(URIRef(graph.identifier), graph_to_ntriples(graph))
    conforms, report = validate(store)
    assert not conforms
    assert "kg:participant" in report or "participant" in report
    assert "kg:confidence" in report or "confidence" in report


@pytest.mark.parametrize("breakage, needle", [
    (lambda g, m: g.remove((m, KG.meetingKind, None)), "meetingKind"),
    (lambda g, m: g.add((m, KG.status, KG.Planned)), "status"),
    (lambda g, m: g.remove((m, KG.evidence, None)), "evidence"),
    (lambda g, m: g.remove((m, KG.extractor, None)), "Extractor"),
])
def test_each_meeting_rule(tmp_path, breakage, needle):
    article = make_article(tmp_path, "one.txt", "Biden met Kishida.", dt.date(2023, 1, 1))
    kishida = "https://w3id.org/kg-news/id/person/fumio-kishida"
    facts = DocumentFacts(entities={BIDEN: person(BIDEN, "Joe Biden"), kishida: person(kishida, "Fumio Kishida")})
    facts.meetings.append(Meeting("meeting", [BIDEN, kishida], ev("Biden met Kishida.")))
    graph = as_stored(facts_to_graph(article, facts))
    assert validate_graph(graph)[0]
    meeting = next(graph.subjects(ns.RDF.type, KG.Meeting))
    breakage(graph, meeting)
    conforms, report = validate_graph(graph)
    assert not conforms
    assert needle in report


def test_text_position_start_not_after_end(tmp_path):
    article = make_article(tmp_path, "one.txt", "Biden met Kishida.", dt.date(2023, 1, 1))
    kishida = "https://w3id.org/kg-news/id/person/fumio-kishida"
    facts = DocumentFacts(entities={BIDEN: person(BIDEN, "Joe Biden"), kishida: person(kishida, "Fumio Kishida")})
    facts.meetings.append(Meeting("meeting", [BIDEN, kishida], ev("Biden met Kishida.")))
    graph = as_stored(facts_to_graph(article, facts))
    selector = next(graph.subjects(ns.RDF.type, URIRef("http://www.w3.org/ns/oa#TextPositionSelector")))
    start = URIRef("http://www.w3.org/ns/oa#start")
    graph.set((selector, start, Literal(10_000)))
    conforms, report = validate_graph(graph)
    assert not conforms
    assert "lessThanOrEquals" in report or "LessThanOrEquals" in report


def test_every_shape_is_documented():
    shapes = load_shapes()
    node_shapes = set(shapes.subjects(ns.RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape")))
    assert len(node_shapes) >= 8
    for shape in node_shapes:
        assert shapes.value(shape, ns.RDFS.label) is not None, shape
        assert shapes.value(shape, ns.RDFS.comment) is not None, shape


def test_exit_codes(store_dir, tmp_path):
    ok = CliRunner().invoke(cli, ["--store", str(store_dir), "validate"])
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.stdout

    store = LocalStore(store_dir, create=False)
    graph = broken_document(tmp_path)
    store.replace_graph(URIRef(graph.identifier), graph_to_ntriples(graph))
    store.close()
    bad = CliRunner().invoke(cli, ["--store", str(store_dir), "validate"])
    assert bad.exit_code == 1
    assert "Conforms: False" in bad.stdout

    missing = CliRunner().invoke(cli, ["--store", str(tmp_path / "none"), "validate"])
    assert missing.exit_code == 2
    assert missing.stderr.startswith("Error: ")


def test_entity_class_lives_in_the_document_graph(tmp_path):
    # A participant typed only by its document still satisfies sh:class kg:Actor.
    article = make_article(tmp_path, "one.txt", "Acme met Biden.", dt.date(2023, 1, 1))
    acme = "https://w3id.org/kg-news/id/org/acme"
    facts = DocumentFacts(entities={BIDEN: person(BIDEN, "Joe Biden"),
                                    acme: Entity(iri=acme, kind="organization", name="Acme")})
    facts.meetings.append(Meeting("meeting", [acme, BIDEN], ev("Acme met Biden.")))
    assert validate_graph(as_stored(facts_to_graph(article, facts)))[0]
