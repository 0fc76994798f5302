"""kg.vocab.KG and the ontology files agree (parsed with rdflib, not matched by regex)."""
from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib import namespace as ns

from kg.paths import ontology_dir
from kg.vocab import KG, KG_NS

ONTOLOGY_FILES = sorted(ontology_dir().glob("*.ttl"))


def kg_terms() -> set[URIRef]:
    """Every term kg.vocab.KG declares."""
    return {URIRef(KG_NS + name) for name in KG.__annotations__}


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


@pytest.fixture(scope="session")
def all_files() -> dict[str, Graph]:
    return {path.name: Graph().parse(path, format="turtle") for path in ONTOLOGY_FILES}


def in_kg_namespace(term) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(KG_NS)


def test_the_ontology_files_are_there():
    assert {"kg.ttl", "shapes.ttl"} <= {p.name for p in ONTOLOGY_FILES}


def test_every_vocab_term_is_in_the_ontology_with_label_and_comment(ontology):
    assert kg_terms(), "KG declares no terms"
    for term in sorted(kg_terms()):
        assert (term, ns.RDF.type, None) in ontology, f"{term} is not declared in kg.ttl"
        assert ontology.value(term, ns.RDFS.label) is not None, f"{term} has no rdfs:label"
        assert ontology.value(term, ns.RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_every_declared_kg_term_is_in_vocab(all_files):
    known = kg_terms()
    for name, graph in all_files.items():
        declared = {s for s in graph.subjects(ns.RDF.type, None) if in_kg_namespace(s)}
        missing = declared - known
        assert not missing, f"{name} declares kg: terms missing from kg.vocab.KG: {sorted(missing)}"


def test_every_kg_term_used_in_the_ontology_files_exists(all_files):
    # Catches a typo such as kg:meetingkind in the SHACL shapes, which would
    # otherwise silently check nothing.
    known = kg_terms()
    for name, graph in all_files.items():
        used = {t for triple in graph for t in triple if in_kg_namespace(t)}
        unknown = used - known
        assert not unknown, f"{name} uses kg: terms that do not exist: {sorted(unknown)}"


def test_vocab_is_closed():
    with pytest.raises(AttributeError):
        KG.Meetng  # noqa: B018 - the typo must fail


def test_the_writers_cached_terms_are_closed_too():
    # kg.rdfwriter reads terms through a cache of plain strings; a typo there
    # must fail as loudly as in kg.vocab, and a known term is the same IRI.
    from kg import rdfwriter

    with pytest.raises(AttributeError):
        rdfwriter.KG.Meetng  # noqa: B018 - the typo must fail
    with pytest.raises(AttributeError):
        rdfwriter.OA.exactt  # noqa: B018
    assert rdfwriter.KG.Meeting == str(KG.Meeting)
    assert rdfwriter.OA.exact == "http://www.w3.org/ns/oa#exact"
