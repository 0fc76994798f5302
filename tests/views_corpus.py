"""A small hand-made corpus for the view tests, written as ingest writes documents (no spaCy).

Three articles:

* ``talks.txt`` (2023-01-19): Joe Biden and Fumio Kishida held talks on
  2023-01-13 in Washington about export controls and semiconductors (two
  evidence sentences); a planned summit of the two (not held: no edge);
  Kurt Campbell said "Biden raised the issue with Kishida" (said about both);
  the United States issued export controls on chipmaking tools targeting
  China in October 2022.
* ``call.txt`` (2022-10-20): Biden and Mark Rutte talked by phone in October
  2022 (month granularity) about export controls.
* ``alliance.txt`` (2023-02-02): Conor O'Brien met Koji Tomita on 2023-02-01
  about the alliance (a topic minted from the text); Biden called Kishida
  the same day about the alliance; Tomita met Kishida at an unknown date.

So the Biden--Kishida edge aggregates two discussions from two documents.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS, XSD

from kg.dates import DAY, MONTH, TimeSpan
from kg.extract.model import DocumentFacts, Entity, Evidence, Meeting, Policy, Statement, Topic
from kg.rdfwriter import facts_to_graph
from kg.sources import Article, doc_id_for
from kg.store import graph_to_ntriples
from kg.vocab import ID, KG, REFERENCE_GRAPH

BIDEN = str(ID["person/joe-biden"])
KISHIDA = str(ID["person/fumio-kishida"])
CAMPBELL = str(ID["person/kurt-campbell"])
RUTTE = str(ID["person/mark-rutte"])
OBRIEN = str(ID["person/conor-o-brien"])
TOMITA = str(ID["person/koji-tomita"])
USA = str(ID["country/us"])
CHINA = str(ID["country/cn"])
EXPORT = Topic(str(ID["topic/export-control"]), "export controls", in_scheme=True)
CHIPS = Topic(str(ID["topic/semiconductor"]), "semiconductors", in_scheme=True)
ALLIANCE = Topic(str(ID["topic/alliance-from-text"]), "alliance", in_scheme=False)

TALKS_1 = ("Campbell said that US President Joe Biden and Japanese Prime Minister Fumio Kishida had "
           "very productive talks about export controls for semiconductors.")
TALKS_2 = "Biden had discussed the topic with Kishida during their meeting on Friday in Washington."
CAMPBELL_SAID = "Kurt Campbell said Biden raised the issue with Kishida."
CONTROLS = "In October the United States published export controls on chipmaking tools aimed at China."
CALL = "Biden spoke with Dutch Prime Minister Mark Rutte by phone in October about export controls."
OBRIEN_MET = "Conor O'Brien met Koji Tomita on Wednesday to discuss the alliance."
BIDEN_CALLED = "Biden called Kishida on Wednesday about the alliance."
TOMITA_MET = "Tomita also met Kishida at some point."


def evidence(text: str, sentence: int, start: int) -> Evidence:
    """Evidence for one sentence at a character offset."""
    return Evidence(sentence=sentence, start=start, end=start + len(text), text=text)


def article(folder: Path, name: str, sentences: list[str], date: dt.date) -> tuple[Article, list[Evidence]]:
    """Write an article file and return it with one Evidence per sentence."""
    text = " ".join(sentences)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    evs, offset = [], 0
    for i, sentence in enumerate(sentences):
        evs.append(evidence(sentence, i, offset))
        offset += len(sentence) + 1
    return Article(path=path, doc_id=doc_id_for(path), text=text, body_start=0, date=date,
                   content_hash=hashlib.sha256(text.encode()).hexdigest()), evs


def person(iri: str, name: str, *aliases: str, in_reference: bool = False) -> Entity:
    """A person entity as the extractor reports it."""
    return Entity(iri=iri, kind="person", name=name, aliases=set(aliases), in_reference=in_reference)


def day(text: str) -> TimeSpan:
    """A one-day time span."""
    d = dt.date.fromisoformat(text)
    return TimeSpan(d, d, DAY, text)


def reference_graph() -> Graph:
    """Labels and aliases of the reference actors, a post, and the labelled scheme topics."""
    g = Graph(identifier=REFERENCE_GRAPH)
    for iri, kind, label, alt in [(BIDEN, KG.Person, "Joe Biden", "Joseph R. Biden"),
                                  (KISHIDA, KG.Person, "Fumio Kishida", None),
                                  (RUTTE, KG.Person, "Mark Rutte", None),
                                  (USA, KG.Country, "United States", "US"),
                                  (CHINA, KG.Country, "China", None)]:
        g.add((URIRef(iri), RDF.type, kind))
        g.add((URIRef(iri), RDFS.label, Literal(label)))
        if alt:
            g.add((URIRef(iri), SKOS.altLabel, Literal(alt)))
    post = URIRef(str(ID["post/joe-biden-1"]))
    g.add((URIRef(BIDEN), KG.holds, post))
    g.add((post, RDF.type, KG.Post))
    g.add((post, ORG.member, URIRef(BIDEN)))
    g.add((post, KG.postLabel, Literal("President of the United States")))
    g.add((post, KG.startDate, Literal("2021-01-20", datatype=XSD.date)))
    g.add((post, KG.endDate, Literal("2025-01-20", datatype=XSD.date)))
    for topic, alt in [(EXPORT, "export restrictions"), (CHIPS, "chips")]:
        g.add((URIRef(topic.iri), RDF.type, SKOS.Concept))
        g.add((URIRef(topic.iri), SKOS.prefLabel, Literal(topic.label)))
        g.add((URIRef(topic.iri), SKOS.altLabel, Literal(alt)))
    return g


def documents(folder: Path) -> list[tuple[Article, DocumentFacts]]:
    """The three articles and their facts."""
    docs = []
    art, (t1, t2, said, controls) = article(folder, "talks.txt", [TALKS_1, TALKS_2, CAMPBELL_SAID, CONTROLS],
                                            dt.date(2023, 1, 19))
    f = DocumentFacts()
    f.entities = {
        BIDEN: person(BIDEN, "Joe Biden", "Biden", in_reference=True),
        KISHIDA: person(KISHIDA, "Fumio Kishida", "Kishida", in_reference=True),
        CAMPBELL: person(CAMPBELL, "Kurt Campbell", "Campbell"),
        USA: Entity(iri=USA, kind="country", name="United States", aliases={"US"}, in_reference=True),
        CHINA: Entity(iri=CHINA, kind="country", name="China", in_reference=True),
    }
    f.meetings.append(Meeting("talks", [BIDEN, KISHIDA], t1, time=day("2023-01-13"),
                              place=(str(ID["place/washington"]), "Washington"), topics=[EXPORT, CHIPS],
                              confidence=0.9, extra_evidence=[t2]))
    f.meetings.append(Meeting("summit", [BIDEN, KISHIDA], t1, status="planned"))
    f.statements.append(Statement(CAMPBELL, "Biden raised the issue with Kishida", False, said,
                                  time=day("2023-01-17"), topics=[EXPORT]))
    f.policies.append(Policy("export-control", "export controls on chipmaking tools", controls, issuer=USA,
                             target=CHINA, topics=[EXPORT, CHIPS],
                             time=TimeSpan(dt.date(2022, 10, 1), dt.date(2022, 10, 31), MONTH, "October")))
    docs.append((art, f))

    art, (call,) = article(folder, "call.txt", [CALL], dt.date(2022, 10, 20))
    f = DocumentFacts()
    f.entities = {BIDEN: person(BIDEN, "Joe Biden", "Biden", in_reference=True),
                  RUTTE: person(RUTTE, "Mark Rutte", "Rutte", in_reference=True)}
    f.meetings.append(Meeting("call", [BIDEN, RUTTE], call, topics=[EXPORT],
                              time=TimeSpan(dt.date(2022, 10, 1), dt.date(2022, 10, 31), MONTH, "in October")))
    docs.append((art, f))

    art, (met, called, tomita) = article(folder, "alliance.txt", [OBRIEN_MET, BIDEN_CALLED, TOMITA_MET],
                                         dt.date(2023, 2, 2))
    f = DocumentFacts()
    f.entities = {OBRIEN: person(OBRIEN, "Conor O'Brien", "O'Brien"),
                  TOMITA: person(TOMITA, "Koji Tomita", "Tomita"),
                  BIDEN: person(BIDEN, "Joe Biden", "Biden", in_reference=True),
                  KISHIDA: person(KISHIDA, "Fumio Kishida", "Kishida", in_reference=True)}
    f.meetings.append(Meeting("meeting", [OBRIEN, TOMITA], met, time=day("2023-02-01"), topics=[ALLIANCE]))
    f.meetings.append(Meeting("call", [BIDEN, KISHIDA], called, time=day("2023-02-01"), topics=[ALLIANCE]))
    f.meetings.append(Meeting("meeting", [TOMITA, KISHIDA], tomita))
    docs.append((art, f))
    return docs


def write_documents(store, docs: list[tuple[Article, DocumentFacts]], reference: Graph | None = None) -> None:
    """Write a reference graph and documents into ``store`` exactly as ingest does."""
    ref = reference if reference is not None else reference_graph()
    store.replace_graph(URIRef(REFERENCE_GRAPH), graph_to_ntriples(ref))
    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    for art, facts in docs:
        graph = facts_to_graph(art, facts, ingested_at=when)
        store.replace_graph(URIRef(graph.identifier), graph_to_ntriples(graph))


def fill(store, folder: Path) -> None:
    """The reference graph and the three documents, in ``store``."""
    folder.mkdir(parents=True, exist_ok=True)
    write_documents(store, documents(folder))
