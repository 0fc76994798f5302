"""Checking the store against the SHACL shapes in ``ontology/shapes.ttl``.

SHACL: https://www.w3.org/TR/shacl/ ; validator: pySHACL.  The data graph is
the union of every graph in the store, because a document's actors carry
their class in the document graph while the class hierarchy lives in the
reference graph.  The ontology is added as well, so
``sh:class kg:Actor`` accepts a kg:Person even in a store whose reference
graph has not been loaded yet.

``kg validate`` exits 0 when the store conforms, 1 when it does not (the
report is printed) and 2 on an error, as pySHACL's own command line does.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.errors import KGError
from kg.paths import ontology_dir


class ValidationError(KGError):
    """Validation could not run (missing shapes, unreadable store)."""

    exit_code = 2


def shapes_path() -> Path:
    """Where the SHACL shapes are (``ontology/shapes.ttl``)."""
    return ontology_dir() / "shapes.ttl"


def load_shapes() -> Graph:
    """The SHACL shapes graph."""
    path = shapes_path()
    if not path.exists():
        raise ValidationError(f"no SHACL shapes at {path}; reinstall kg")
    return Graph().parse(path, format="turtle")


def store_union_graph(store) -> Graph:
    """Every triple of every graph in ``store``, as one rdflib graph."""
    # The store's default graph is already the union of its graphs, so one
    # CONSTRUCT returns it (and works on a remote store too).
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    return result.graph if result.graph is not None else Graph()


def validate_graph(data: Graph) -> tuple[bool, str]:
    """Validate an rdflib graph against the shapes: (conforms, report text). ``data`` is not changed."""
    merged = Graph()
    for triple in data:
        merged.add(triple)
    return _validate_with_ontology(merged)


def _validate_with_ontology(data: Graph) -> tuple[bool, str]:
    from pyshacl import validate as shacl_validate  # imported here: 0.5 s, only for `kg validate`

    # The ontology is added by hand: pySHACL's ont_graph copies class axioms
    # but not the typed individuals (kg:MeetingKindTalks a kg:MeetingKind)
    # that the sh:class checks need.
    data.parse(ontology_dir() / "kg.ttl", format="turtle")
    conforms, _results, text = shacl_validate(data, shacl_graph=load_shapes(), inference="none",
                                              abort_on_first=False, allow_warnings=True)
    return bool(conforms), str(text)


def validate(store) -> tuple[bool, str]:
    """Validate the whole store (union of its graphs): (conforms, report text).

    :param store: an open kg store.
    :raises ValidationError: when the shapes are missing.
    """
    return _validate_with_ontology(store_union_graph(store))
