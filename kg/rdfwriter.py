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

from rdflib import Graph, URIRef

from kg.dates import DAY, MONTH, WEEK, YEAR, TimeSpan
from kg.extract.model import DocumentFacts, Evidence, Topic
from kg.sources import Article
from kg.vocab import DOC, ID, PREFIXES
from kg import vocab


class _Terms:
    """A namespace's terms as plain str, each looked up once in kg.vocab.

    rdflib's DefinedNamespace runs Python code on every attribute access
    (hundreds per document); the first access still goes through it, so an
    unknown term fails as loudly as in kg.vocab.
    """

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value


KG, OA, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD = (
    _Terms(ns) for ns in (vocab.KG, vocab.OA, vocab.FOAF, vocab.ORG, vocab.PROV, vocab.RDF,
                          vocab.RDFS, vocab.SKOS, vocab.TIME, vocab.XSD))

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


def topic_label(text: str) -> str:
    """The label of a topic minted from ``text``: lower case but for acronyms ("G20", "BRICS"), so that
    two articles writing "Group" and "group" give the one topic one label."""
    return " ".join(w if len(w) > 1 and w.isupper() else w.lower() for w in text.split())


def extractor_iri(name: str) -> URIRef:
    """IRI of a versioned extractor (``kg.extract.meetings.v1``)."""
    return ID[f"extractor/{name}"]


class _Writer:
    """Collects a document's triples as N-Triples lines.

    Lines are rendered as they are added, from plain strings: building an
    rdflib term per node and literal cost more than everything else in the
    writing (about 3 ms of a worker's CPU per document).  An rdflib Graph is
    parsed from the lines only on request (``facts_to_graph``).
    """

    def __init__(self, article: Article):
        self.article = article
        self.doc = document_iri(article.doc_id)
        self.lines: dict[str, None] = {}     # insertion-ordered and without duplicates
        self.activity = f"{self.doc}#extraction"
        self._extractors: set[str] = set()
        self._evidence: set[str] = set()

    def add(self, s: str, p: str, o: str) -> None:
        """Add a triple whose object is an IRI."""
        self.lines[f"<{s}> <{p}> <{o}> .\n"] = None

    def lit(self, s: str, p: str, value, datatype: str | None = None) -> None:
        """Add a triple whose object is a literal: a str (plain, or typed by ``datatype``),
        a bool, an int or a Decimal (typed as XSD boolean, integer, decimal)."""
        if isinstance(value, bool):
            text, datatype = ("true" if value else "false"), XSD.boolean
        elif isinstance(value, int):
            text, datatype = str(value), XSD.integer
        elif isinstance(value, Decimal):
            text, datatype = str(value), XSD.decimal
        else:
            text = value.translate(_NT_ESCAPES)
        suffix = f"^^<{datatype}>" if datatype else ""
        self.lines[f'<{s}> <{p}> "{text}"{suffix} .\n'] = None

    def graph(self) -> Graph:
        graph = Graph(identifier=self.doc)
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        graph.parse(data=self.ntriples(), format="nt")
        return graph

    def ntriples(self) -> str:
        return "".join(self.lines)

    def evidence(self, ev: Evidence) -> str:
        node = f"{self.doc}#ev-{ev.sentence}-{ev.start}-{ev.end}"
        if node in self._evidence:
            return node
        self._evidence.add(node)
        pos = f"{node}-pos"
        quote = f"{node}-quote"
        self.add(node, RDF.type, KG.Evidence)
        self.add(node, OA.hasSource, self.doc)
        self.lit(node, KG.sentenceIndex, ev.sentence)
        self.add(node, OA.hasSelector, pos)
        self.add(node, OA.hasSelector, quote)
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.lit(pos, OA.start, ev.start)
        self.lit(pos, OA.end, ev.end)
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.lit(quote, OA.exact, ev.text)
        return node

    def provenance(self, node: str, ev: Evidence, extractor: str, confidence: float,
                   more: list[Evidence] = ()) -> None:
        self.add(node, KG.evidence, self.evidence(ev))
        for extra in more:
            self.add(node, KG.evidence, self.evidence(extra))
        # A Decimal, not a float: SHACL checks the value's type as well as its datatype.
        self.lit(node, KG.confidence, Decimal(str(round(confidence, 3))))
        ext = extractor_iri(extractor)
        self.add(node, KG.extractor, ext)
        self.add(node, PROV.wasDerivedFrom, self.doc)
        self.add(node, PROV.wasGeneratedBy, self.activity)
        if extractor not in self._extractors:
            self._extractors.add(extractor)
            self.add(ext, RDF.type, KG.Extractor)
            self.lit(ext, RDFS.label, extractor)
            self.add(self.activity, PROV.wasAssociatedWith, ext)

    def time(self, node: str, span: TimeSpan | None) -> None:
        if span is None:
            return
        start, end = span.start.isoformat(), span.end.isoformat()
        self.lit(node, KG.startDate, start, XSD.date)
        self.lit(node, KG.endDate, end, XSD.date)
        self.lit(node, KG.granularity, span.granularity)
        if span.text:
            self.lit(node, KG.dateText, span.text)
        if span.inferred:
            self.lit(node, KG.dateInferred, True)
        interval = f"{node}-time"
        self.add(node, KG.time, interval)
        self.add(interval, RDF.type, TIME.Interval)
        begin, finish = f"{interval}-begin", f"{interval}-end"
        self.add(interval, TIME.hasBeginning, begin)
        self.add(interval, TIME.hasEnd, finish)
        self.add(begin, RDF.type, TIME.Instant)
        self.add(finish, RDF.type, TIME.Instant)
        self.lit(begin, TIME.inXSDDate, start, XSD.date)
        self.lit(finish, TIME.inXSDDate, end, XSD.date)
        if span.granularity in TIME_UNIT:
            self.add(interval, TIME.unitType, TIME_UNIT[span.granularity])

    def topic(self, node: str, topic: Topic) -> None:
        self.add(node, KG.topic, topic.iri)
        if topic.text and topic.text.casefold() != topic.label.casefold():
            # "grain" in the text, "food security" in the scheme: both answer "what about".
            self.lit(node, KG.topicText, topic.text)
        if not topic.in_scheme:
            self.add(topic.iri, RDF.type, SKOS.Concept)
            self.lit(topic.iri, SKOS.prefLabel, topic.label)


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def facts_to_graph(article: Article, facts: DocumentFacts, *, ingested_at: dt.datetime | None = None) -> Graph:
    """Build the named graph of one document from its extracted facts (an rdflib Graph)."""
    return _write(article, facts, ingested_at).graph()


def facts_to_ntriples(article: Article, facts: DocumentFacts, *,
                      ingested_at: dt.datetime | None = None) -> tuple[URIRef, str, int]:
    """The same graph as N-Triples text: (graph name, N-Triples, number of triples)."""
    w = _write(article, facts, ingested_at)
    return w.doc, w.ntriples(), len(w.lines)


def _write(article: Article, facts: DocumentFacts, ingested_at: dt.datetime | None) -> _Writer:
    w = _Writer(article)
    doc, add, lit = w.doc, w.add, w.lit
    add(doc, RDF.type, KG.Document)
    lit(doc, RDFS.label, article.path.name)
    lit(doc, KG.sourceFile, article.path.name)
    lit(doc, KG.contentHash, article.content_hash)
    if article.date:
        lit(doc, KG.articleDate, article.date.isoformat(), XSD.date)
    add(w.activity, RDF.type, PROV.Activity)
    add(w.activity, PROV.used, doc)
    when = ingested_at or dt.datetime.now(dt.timezone.utc)
    lit(w.activity, PROV.endedAtTime, when.replace(microsecond=0).isoformat(), XSD.dateTime)

    for entity in facts.entities.values():
        node = entity.iri
        add(node, RDF.type, CLASS_OF[entity.kind])
        lit(node, RDFS.label, entity.name)
        add(node, KG.mentionedIn, doc)
        for alias in sorted(entity.aliases):
            if alias != entity.name:
                lit(node, KG.surfaceForm, alias)
        if entity.unnamed:
            lit(node, KG.unnamed, True)
        if entity.gender and not entity.in_reference:
            lit(node, FOAF.gender, entity.gender)
        if entity.country and entity.kind == "organization" and not entity.in_reference:
            add(node, ORG.subOrganizationOf, entity.country)

    for i, post in enumerate(facts.posts, 1):
        node = f"{doc}#post-{i}"
        person = post.person
        add(node, RDF.type, KG.PostClaim)
        add(person, KG.holds, node)
        add(node, ORG.member, person)
        lit(node, KG.roleLabel, post.role)
        if post.organization:
            add(node, ORG.organization, post.organization)
        add(node, KG.claimStatus, CLAIM[post.status])
        if post.conflicts_with:
            add(node, KG.conflictsWith, post.conflicts_with)
        if article.date:
            day = article.date.isoformat()
            lit(node, KG.startDate, day, XSD.date)
            lit(node, KG.endDate, day, XSD.date)
        w.provenance(node, post.evidence, post.extractor, post.confidence)

    for i, meeting in enumerate(facts.meetings, 1):
        node = f"{doc}#meeting-{i}"
        add(node, RDF.type, KG.Meeting)
        add(node, KG.meetingKind, MEETING_KIND[meeting.kind])
        add(node, KG.status, STATUS[meeting.status])
        for participant in meeting.participants:
            add(node, KG.participant, participant)
        if meeting.place:
            place = meeting.place[0]
            add(node, KG.place, place)
            add(place, RDF.type, KG.Place)
            lit(place, RDFS.label, meeting.place[1])
        for topic in meeting.topics:
            w.topic(node, topic)
        w.time(node, meeting.time)
        w.provenance(node, meeting.evidence, meeting.extractor, meeting.confidence, meeting.extra_evidence)

    statement_nodes = [f"{doc}#statement-{i}" for i in range(1, len(facts.statements) + 1)]
    for node, st in zip(statement_nodes, facts.statements):
        add(node, RDF.type, KG.Statement)
        add(node, KG.speaker, st.speaker)
        lit(node, KG.text, st.text)
        lit(node, KG.direct, st.direct)
        lit(node, KG.verb, st.verb)
        if st.speaker_text:
            lit(node, KG.speakerText, st.speaker_text)
        if st.reported_by:
            add(node, KG.reportedBy, st.reported_by)
        if st.quoted_in is not None and 0 <= st.quoted_in < len(statement_nodes):
            add(node, KG.quotedIn, statement_nodes[st.quoted_in])
        for topic in st.topics:
            w.topic(node, topic)
        w.time(node, st.time)
        w.provenance(node, st.evidence, st.extractor, st.confidence)

    for i, policy in enumerate(facts.policies, 1):
        node = f"{doc}#policy-{i}"
        add(node, RDF.type, KG.PolicyMeasure)
        lit(node, RDFS.label, policy.label)
        add(node, KG.measureType, MEASURE[policy.measure_type])
        add(node, KG.status, STATUS[policy.status])
        if policy.issuer:
            add(node, KG.issuer, policy.issuer)
        if policy.target:
            add(node, KG.target, policy.target)
        for topic in policy.topics:
            w.topic(node, topic)
        w.time(node, policy.time)
        w.provenance(node, policy.evidence, policy.extractor, policy.confidence)
    return w
