"""The ontology's terms, from one place.

``KG`` is a closed namespace: ``KG.Meeting`` works, ``KG.Meetng`` raises
``AttributeError``, so a typo fails loudly instead of minting a new IRI.
``tests/test_vocab.py`` checks that this list and ``ontology/kg.ttl`` agree.
The W3C vocabularies come from rdflib (PROV, FOAF, ORG, SKOS, TIME) or are
declared here when rdflib has none (OA, the Web Annotation vocabulary).
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

__all__ = ["KG", "OA", "ID", "DOC", "REFERENCE_GRAPH", "PREFIXES",
           "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SKOS", "TIME", "XSD"]

KG_NS = "https://w3id.org/kg-news/ns#"
ID = Namespace("https://w3id.org/kg-news/id/")
DOC = Namespace("https://w3id.org/kg-news/doc/")
REFERENCE_GRAPH = URIRef("https://w3id.org/kg-news/graph/reference")


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl``."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes and individuals
    Actor: URIRef
    Agreement: URIRef
    AnonymousSource: URIRef
    Cancelled: URIRef
    ClaimStatus: URIRef
    Conflicting: URIRef
    Consistent: URIRef
    Country: URIRef
    Denied: URIRef
    Document: URIRef
    Evidence: URIRef
    ExportControl: URIRef
    Extractor: URIRef
    Held: URIRef
    InForce: URIRef
    MeasureType: URIRef
    Meeting: URIRef
    MeetingKind: URIRef
    MeetingKindCall: URIRef
    MeetingKindLetter: URIRef
    MeetingKindMeeting: URIRef
    MeetingKindSigning: URIRef
    MeetingKindSummit: URIRef
    MeetingKindTalks: URIRef
    MeetingKindVisit: URIRef
    Organization: URIRef
    OtherMeasure: URIRef
    Person: URIRef
    Place: URIRef
    Planned: URIRef
    PolicyMeasure: URIRef
    Post: URIRef
    PostClaim: URIRef
    Proposed: URIRef
    Sanction: URIRef
    Statement: URIRef
    Status: URIRef
    Subsidy: URIRef
    Tariff: URIRef
    Unverified: URIRef
    # properties
    articleDate: URIRef
    claimStatus: URIRef
    confidence: URIRef
    conflictsWith: URIRef
    contentHash: URIRef
    dateInferred: URIRef
    dateText: URIRef
    demonym: URIRef
    direct: URIRef
    endDate: URIRef
    evidence: URIRef
    granularity: URIRef
    extractor: URIRef
    holds: URIRef
    issuer: URIRef
    measureType: URIRef
    meetingKind: URIRef
    memberOf: URIRef
    mentionedIn: URIRef
    metonym: URIRef
    participant: URIRef
    place: URIRef
    postLabel: URIRef
    quotedIn: URIRef
    reportedBy: URIRef
    roleLabel: URIRef
    sentenceIndex: URIRef
    sourceFile: URIRef
    speaker: URIRef
    speakerText: URIRef
    startDate: URIRef
    status: URIRef
    surfaceForm: URIRef
    target: URIRef
    text: URIRef
    time: URIRef
    topic: URIRef
    topicText: URIRef
    unnamed: URIRef
    verb: URIRef


class OA(DefinedNamespace):
    """The Web Annotation terms kg uses (https://www.w3.org/TR/annotation-vocab/)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef


PREFIXES = {
    "kg": KG_NS, "id": str(ID), "doc": str(DOC), "prov": str(PROV), "foaf": str(FOAF),
    "org": str(ORG), "skos": str(SKOS), "time": str(TIME), "oa": "http://www.w3.org/ns/oa#",
    "rdfs": str(RDFS), "rdf": str(RDF), "xsd": str(XSD), "dcterms": str(DCTERMS), "owl": str(OWL),
}
