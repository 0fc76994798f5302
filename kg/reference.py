"""The reference graph: ontology, gazetteer and topic scheme, loaded into the store.

It lives in its own named graph so that documents can be replaced without
touching it; it is reloaded only when the files' combined hash changes.
"""
from __future__ import annotations

import hashlib

from rdflib import Graph, URIRef

from kg.paths import reference_files
from kg.vocab import KG, REFERENCE_GRAPH


def reference_hash() -> str:
    """SHA-256 over the reference files' bytes."""
    digest = hashlib.sha256()
    for path in reference_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_reference_graph() -> Graph:
    """The ontology and curated data as one rdflib graph."""
    graph = Graph(identifier=REFERENCE_GRAPH)
    for path in reference_files():
        graph.parse(path, format="turtle")
    return graph


def ensure_reference_graph(store) -> bool:
    """Load the reference graph into ``store`` if missing or stale; True if it was (re)loaded."""
    wanted = reference_hash()
    result = store.query(
        "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT ?h WHERE { GRAPH ?g { ?g kg:contentHash ?h } }",
        {"g": REFERENCE_GRAPH})
    if any(str(row.get("h")) == wanted for row in result.rows):
        return False
    store.replace_graph(URIRef(REFERENCE_GRAPH), reference_ntriples(wanted))
    return True


def reference_ntriples(content_hash: str) -> str:
    """The reference files as N-Triples, with their content hash (Oxigraph's parser: ~50x rdflib's)."""
    import pyoxigraph as ox

    triples = []
    for path in reference_files():
        triples.extend(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    triples.append(ox.Triple(ox.NamedNode(str(REFERENCE_GRAPH)), ox.NamedNode(str(KG.contentHash)),
                             ox.Literal(content_hash)))
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
