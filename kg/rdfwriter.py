"""Candidate facts -> RDF, with provenance on every assertion.

One rdflib ``Graph`` per document, named by the document's IRI.  Every
meeting, statement, post claim and policy measure links to a ``kg:Evidence``
(a Web Annotation specific resource: the document, a character span with a
text-position selector, the sentence with a text-quote selector), to the
versioned extractor that made it, and carries a confidence.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
import unicodedata

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD

from kg.dates import DAY, MONTH, WEEK, YEAR, TimeSpan
from kg.extract.model import DocumentFacts, Evidence, Topic
from kg.sources import Article
from kg.vocab import DOC, ID, KG, OA, PREFIXES

MEETING_KIND = {
    "meeting": KG.MeetingKindMeeting, "talks": KG.MeetingKindTalks, "call": KG.MeetingKindCall,
    "visit": KG.MeetingKindVisit, "summit": KG.MeetingKindSummit, "signing": KG.MeetingKindSigning,
    "letter": KG.MeetingKindLetter,
}
STATUS = {"held": KG.Held, "planned": KG.Planned, "cancelled": KG.Cancelled, "denied": KG.Denied,
          "proposed": KG.Proposed, "in-force": KG.InForce}
MEASURE = {"export-control": KG.ExportControl, "sanction": KG.Sanction, "agreement": KG.Agreement,
           "subsidy": KG.Subsidy, "tariff": KG.Tariff, "measure": KG.OtherMeasure}
CLAIM = {"consistent": KG.Consistent, "conflicting": KG.Conflicting, "unverified": KG.Unverified}
CLASS_OF = {"person": KG.Person, "country": KG.Country, "organization": KG.Organization,
            "anonymous": KG.AnonymousSource}
TIME_UNIT = {DAY: TIME.unitDay, WEEK: TIME.unitWeek, MONTH: TIME.unitMonth, YEAR: TIME.unitYear}


def slug(text: str) -> str:
    """A lowercase ASCII slug for minting IRIs ("Fumio Kishida" -> "fumio-kishida")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def document_iri(doc_id: str) -> URIRef:
    """IRI of a document; it also names the document's graph."""
    return DOC[doc_id]


def person_iri(name: str) -> str:
    """IRI minted for a person who is not in the reference data."""
    return str(ID[f"person/{slug(name)}"])


def organization_iri(name: str) -> str:
    """IRI minted for an organisation that is not in the reference data."""
    return str(ID[f"org/{slug(name)}"])


def place_iri(name: str) -> str:
    """IRI of a place, by name."""
    return str(ID[f"place/{slug(name)}"])


def topic_iri(label: str) -> str:
    """IRI of a topic minted from the text."""
    return str(ID[f"topic/{slug(label)}"])


def extractor_iri(name: str) -> URIRef:
    """IRI of a versioned extractor (``kg.extract.meetings.v1``)."""
    return ID[f"extractor/{name}"]


class _Writer:
    """Collects a document's triples in a list (an rdflib Graph only on request: its
    indexes cost more than the rest of the writing, and ingest needs only N-Triples)."""

    def __init__(self, article: Article):
        self.article = article
        self.doc = document_iri(article.doc_id)
        self.triples: dict[tuple, None] = {}     # insertion-ordered and without duplicates
        self.activity = URIRef(f"{self.doc}#extraction")
        self._extractors: set[str] = set()
        self._evidence: set[URIRef] = set()

    def add(self, s, p, o) -> None:
        self.triples[(s, p, o)] = None

    def graph(self) -> Graph:
        graph = Graph(identifier=self.doc)
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        for triple in self.triples:
            graph.add(triple)
        return graph

    def ntriples(self) -> str:
        return "".join(f"<{s}> <{p}> {_nt_object(o)} .\n" for s, p, o in self.triples)


    def evidence(self, ev: Evidence) -> URIRef:
        node = URIRef(f"{self.doc}#ev-{ev.sentence}-{ev.start}-{ev.end}")
        if node in self._evidence:
            return node
        self._evidence.add(node)
        pos = URIRef(f"{node}-pos")
        quote = URIRef(f"{node}-quote")
        self.add(node, RDF.type, KG.Evidence)
        self.add(node, OA.hasSource, self.doc)
        self.add(node, KG.sentenceIndex, Literal(ev.sentence))
        self.add(node, OA.hasSelector, pos)
        self.add(node, OA.hasSelector, quote)
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.add(pos, OA.start, Literal(ev.start))
        self.add(pos, OA.end, Literal(ev.end))
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(ev.text))
        return node

    def provenance(self, node: URIRef, ev: Evidence, extractor: str, confidence: float,
                   more: list[Evidence] = ()) -> None:
        self.add(node, KG.evidence, self.evidence(ev))
        for extra in more:
            self.add(node, KG.evidence, self.evidence(extra))
        # A Decimal, not a float: SHACL checks the value's type as well as its datatype.
        self.add(node, KG.confidence, Literal(Decimal(str(round(confidence, 3)))))
        ext = extractor_iri(extractor)
        self.add(node, KG.extractor, ext)
        self.add(node, PROV.wasDerivedFrom, self.doc)
        self.add(node, PROV.wasGeneratedBy, self.activity)
        if extractor not in self._extractors:
            self._extractors.add(extractor)
            self.add(ext, RDF.type, KG.Extractor)
            self.add(ext, RDFS.label, Literal(extractor))
            self.add(self.activity, PROV.wasAssociatedWith, ext)

    def time(self, node: URIRef, span: TimeSpan | None) -> None:
        if span is None:
            return
        self.add(node, KG.startDate, Literal(span.start.isoformat(), datatype=XSD.date))
        self.add(node, KG.endDate, Literal(span.end.isoformat(), datatype=XSD.date))
        self.add(node, KG.granularity, Literal(span.granularity))
        if span.text:
            self.add(node, KG.dateText, Literal(span.text))
        interval = URIRef(f"{node}-time")
        self.add(node, KG.time, interval)
        self.add(interval, RDF.type, TIME.Interval)
        begin, end = URIRef(f"{interval}-begin"), URIRef(f"{interval}-end")
        self.add(interval, TIME.hasBeginning, begin)
        self.add(interval, TIME.hasEnd, end)
        self.add(begin, RDF.type, TIME.Instant)
        self.add(end, RDF.type, TIME.Instant)
        self.add(begin, TIME.inXSDDate, Literal(span.start.isoformat(), datatype=XSD.date))
        self.add(end, TIME.inXSDDate, Literal(span.end.isoformat(), datatype=XSD.date))
        if span.granularity in TIME_UNIT:
            self.add(interval, TIME.unitType, TIME_UNIT[span.granularity])

    def topic(self, node: URIRef, topic: Topic) -> None:
        iri = URIRef(topic.iri)
        self.add(node, KG.topic, iri)
        if topic.text and topic.text.casefold() != topic.label.casefold():
            # "grain" in the text, "food security" in the scheme: both answer "what about".
            self.add(node, KG.topicText, Literal(topic.text))
        if not topic.in_scheme:
            self.add(iri, RDF.type, SKOS.Concept)
            self.add(iri, SKOS.prefLabel, Literal(topic.label))



_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_object(term) -> str:
    """A term in N-Triples syntax (IRIs and literals; kg writes no blank nodes)."""
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_NT_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != str(XSD.string):
            return f"{text}^^<{term.datatype}>"
        return text
    return f"<{term}>"


def facts_to_graph(article: Article, facts: DocumentFacts, *, ingested_at: dt.datetime | None = None) -> Graph:
    """Build the named graph of one document from its extracted facts (an rdflib Graph)."""
    return _write(article, facts, ingested_at).graph()


def facts_to_ntriples(article: Article, facts: DocumentFacts, *,
                      ingested_at: dt.datetime | None = None) -> tuple[URIRef, str, int]:
    """The same graph as N-Triples text: (graph name, N-Triples, number of triples)."""
    w = _write(article, facts, ingested_at)
    return w.doc, w.ntriples(), len(w.triples)


def _write(article: Article, facts: DocumentFacts, ingested_at: dt.datetime | None) -> _Writer:
    w = _Writer(article)
    doc, add = w.doc, w.add
    add(doc, RDF.type, KG.Document)
    add(doc, RDFS.label, Literal(article.path.name))
    add(doc, KG.sourceFile, Literal(article.path.name))
    add(doc, KG.contentHash, Literal(article.content_hash))
    if article.date:
        add(doc, KG.articleDate, Literal(article.date.isoformat(), datatype=XSD.date))
    add(w.activity, RDF.type, PROV.Activity)
    add(w.activity, PROV.used, doc)
    when = ingested_at or dt.datetime.now(dt.timezone.utc)
    add(w.activity, PROV.endedAtTime, Literal(when.replace(microsecond=0).isoformat(), datatype=XSD.dateTime))

    for entity in facts.entities.values():
        node = URIRef(entity.iri)
        add(node, RDF.type, CLASS_OF[entity.kind])
        add(node, RDFS.label, Literal(entity.name))
        add(node, KG.mentionedIn, doc)
        for alias in sorted(entity.aliases):
            if alias != entity.name:
                add(node, KG.surfaceForm, Literal(alias))
        if entity.unnamed:
            add(node, KG.unnamed, Literal(True))
        if entity.gender and not entity.in_reference:
            add(node, FOAF.gender, Literal(entity.gender))
        if entity.country and entity.kind == "organization" and not entity.in_reference:
            add(node, ORG.subOrganizationOf, URIRef(entity.country))

    for i, post in enumerate(facts.posts, 1):
        node = URIRef(f"{doc}#post-{i}")
        person = URIRef(post.person)
        add(node, RDF.type, KG.PostClaim)
        add(person, KG.holds, node)
        add(node, ORG.member, person)
        add(node, KG.roleLabel, Literal(post.role))
        if post.organization:
            add(node, ORG.organization, URIRef(post.organization))
        add(node, KG.claimStatus, CLAIM[post.status])
        if post.conflicts_with:
            add(node, KG.conflictsWith, URIRef(post.conflicts_with))
        if article.date:
            day = Literal(article.date.isoformat(), datatype=XSD.date)
            add(node, KG.startDate, day)
            add(node, KG.endDate, day)
        w.provenance(node, post.evidence, post.extractor, post.confidence)

    for i, meeting in enumerate(facts.meetings, 1):
        node = URIRef(f"{doc}#meeting-{i}")
        add(node, RDF.type, KG.Meeting)
        add(node, KG.meetingKind, MEETING_KIND[meeting.kind])
        add(node, KG.status, STATUS[meeting.status])
        for participant in meeting.participants:
            add(node, KG.participant, URIRef(participant))
        if meeting.place:
            place = URIRef(meeting.place[0])
            add(node, KG.place, place)
            add(place, RDF.type, KG.Place)
            add(place, RDFS.label, Literal(meeting.place[1]))
        for topic in meeting.topics:
            w.topic(node, topic)
        w.time(node, meeting.time)
        w.provenance(node, meeting.evidence, meeting.extractor, meeting.confidence, meeting.extra_evidence)

    statement_nodes = [URIRef(f"{doc}#statement-{i}") for i in range(1, len(facts.statements) + 1)]
    for node, st in zip(statement_nodes, facts.statements):
        add(node, RDF.type, KG.Statement)
        add(node, KG.speaker, URIRef(st.speaker))
        add(node, KG.text, Literal(st.text))
        add(node, KG.direct, Literal(st.direct))
        add(node, KG.verb, Literal(st.verb))
        if st.speaker_text:
            add(node, KG.speakerText, Literal(st.speaker_text))
        if st.reported_by:
            add(node, KG.reportedBy, URIRef(st.reported_by))
        if st.quoted_in is not None and 0 <= st.quoted_in < len(statement_nodes):
            add(node, KG.quotedIn, statement_nodes[st.quoted_in])
        for topic in st.topics:
            w.topic(node, topic)
        w.time(node, st.time)
        w.provenance(node, st.evidence, st.extractor, st.confidence)

    for i, policy in enumerate(facts.policies, 1):
        node = URIRef(f"{doc}#policy-{i}")
        add(node, RDF.type, KG.PolicyMeasure)
        add(node, RDFS.label, Literal(policy.label))
        add(node, KG.measureType, MEASURE[policy.measure_type])
        add(node, KG.status, STATUS[policy.status])
        if policy.issuer:
            add(node, KG.issuer, URIRef(policy.issuer))
        if policy.target:
            add(node, KG.target, URIRef(policy.target))
        for topic in policy.topics:
            w.topic(node, topic)
        w.time(node, policy.time)
        w.provenance(node, policy.evidence, policy.extractor, policy.confidence)
    return w
