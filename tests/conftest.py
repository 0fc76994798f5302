"""Shared fixtures: small stores built from hand-made facts, no spaCy.

The facts go through ``kg.rdfwriter.facts_to_graph`` and
``store.replace_graph`` exactly as ingest writes them, so the query tests
read the real RDF shape without depending on the extractor.

The corpus (three articles):

* ``seed.txt`` (2023-01-19): Joe Biden and Fumio Kishida held talks on
  2023-01-13 in Washington about export controls and semiconductors; Kurt
  Campbell said they were "very productive"; the article calls Biden "Vice
  President" (a conflicting post claim); a planned summit.
* ``dutch.txt`` (2022-10-20): Biden (named "President Biden" there) and Mark
  Rutte talked by phone in October 2022 (month granularity) about export
  controls, confidence 0.4.
* ``quotes.txt`` (2023-02-02): Conor O'Brien met Koji Tomita on 2023-02-01
  about the alliance; O'Brien said something; an undated meeting.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
# The namespaces through their module: pytest probes every module-level name of
# a conftest, and rdflib warns when a DefinedNamespace such as XSD is probed.
from rdflib import namespace as ns

from kg.dates import DAY, MONTH, TimeSpan
from kg.extract.model import (DocumentFacts, Entity, Evidence, Meeting, Policy, PostClaim, Statement,
                              Topic)
from kg.rdfwriter import facts_to_graph
from kg.sources import Article
from kg.store import LocalStore, graph_to_ntriples
from kg.vocab import ID, KG, REFERENCE_GRAPH

BIDEN = str(ID["person/joe-biden"])
KISHIDA = str(ID["person/fumio-kishida"])
CAMPBELL = str(ID["person/kurt-campbell"])
RUTTE = str(ID["person/mark-rutte"])
OBRIEN = str(ID["person/conor-o-brien"])
TOMITA = str(ID["person/koji-tomita"])
JAPAN = str(ID["country/japan"])
USA = str(ID["country/united-states"])
PRESIDENT_POST = str(ID["post/joe-biden-president"])

EXPORT = Topic(str(ID["topic/export-controls"]), "export controls", in_scheme=True)
CHIPS = Topic(str(ID["topic/semiconductors"]), "semiconductors", in_scheme=True)
ALLIANCE = Topic(str(ID["topic/alliance"]), "alliance", in_scheme=False)
SECRET = 'x") || true || ("'


def make_article(tmp_path: Path, name: str, text: str, date: dt.date | None) -> Article:
    """An Article as kg.sources would read it (the file is written too)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    data = text.encode("utf-8")
    return Article(path=path, doc_id=path.stem, text=text, body_start=0, date=date,
                   content_hash=hashlib.sha256(data).hexdigest())


def ev(text: str, sentence: int = 0, start: int = 0) -> Evidence:
    """Evidence for a sentence."""
    return Evidence(sentence=sentence, start=start, end=start + len(text), text=text)


def person(iri: str, name: str, *aliases: str, in_reference: bool = False) -> Entity:
    """A person entity as the extractor would report it."""
    return Entity(iri=iri, kind="person", name=name, aliases=set(aliases), in_reference=in_reference)


def reference_graph() -> Graph:
    """A tiny reference graph: labels, aliases, a post, and the topic scheme."""
    g = Graph(identifier=REFERENCE_GRAPH)
    for iri, label, alt in [(BIDEN, "Joe Biden", "Joseph R. Biden"), (KISHIDA, "Fumio Kishida", None),
                            (RUTTE, "Mark Rutte", None), (JAPAN, "Japan", "Nippon"),
                            (USA, "United States", "America")]:
        node = URIRef(iri)
        g.add((node, ns.RDF.type, KG.Country if "/country/" in iri else KG.Person))
        g.add((node, ns.RDFS.label, Literal(label)))
        if alt:
            g.add((node, ns.SKOS.altLabel, Literal(alt)))
    post = URIRef(PRESIDENT_POST)
    g.add((post, ns.RDF.type, KG.Post))
    g.add((URIRef(BIDEN), KG.holds, post))
    g.add((post, ns.ORG.member, URIRef(BIDEN)))
    g.add((post, KG.roleLabel, Literal("President")))
    g.add((post, KG.postLabel, Literal("President of the United States")))
    g.add((post, KG.startDate, Literal("2021-01-20", datatype=ns.XSD.date)))
    g.add((post, KG.endDate, Literal("2025-01-20", datatype=ns.XSD.date)))
    for topic, alt in [(EXPORT, "export restrictions"), (CHIPS, "chips")]:
        node = URIRef(topic.iri)
        g.add((node, ns.RDF.type, ns.SKOS.Concept))
        g.add((node, ns.SKOS.prefLabel, Literal(topic.label)))
        g.add((node, ns.SKOS.altLabel, Literal(alt)))
    return g


def corpus(tmp_path: Path) -> list[tuple[Article, DocumentFacts]]:
    """The three hand-made documents and their facts."""
    docs = []

    text = ('Kurt Campbell said that US Vice President Joe Biden and Fumio Kishida had "very productive" talks '
            "on Friday in Washington about export controls for semiconductors.")
    seed = make_article(tmp_path, "seed.txt", text, dt.date(2023, 1, 19))
    f = DocumentFacts()
    f.entities = {
        BIDEN: person(BIDEN, "Joe Biden", "Biden", "Vice President Joe Biden", in_reference=True),
        KISHIDA: person(KISHIDA, "Fumio Kishida", "Kishida", in_reference=True),
        CAMPBELL: person(CAMPBELL, "Kurt Campbell", "Campbell"),
        USA: Entity(iri=USA, kind="country", name="United States", aliases={"US"}, in_reference=True),
    }
    sentence = ev(text)
    f.meetings.append(Meeting("talks", [BIDEN, KISHIDA], sentence,
                              time=TimeSpan(dt.date(2023, 1, 13), dt.date(2023, 1, 13), DAY, "on Friday"),
                              place=(str(ID["place/washington"]), "Washington"), topics=[EXPORT, CHIPS],
                              confidence=0.8))
    f.meetings.append(Meeting("summit", [BIDEN, KISHIDA], sentence, status="planned", confidence=0.9))
    f.statements.append(Statement(CAMPBELL, "very productive", True, sentence, topics=[EXPORT],
                                  confidence=0.75))
    f.posts.append(PostClaim(BIDEN, "Vice President", USA, sentence, status="conflicting",
                             conflicts_with=PRESIDENT_POST, confidence=0.9))
    f.policies.append(Policy("export-control", "export controls on chipmaking tools", sentence, issuer=USA,
                             topics=[EXPORT, CHIPS]))
    docs.append((seed, f))

    text = "Biden spoke with Dutch Prime Minister Mark Rutte by phone in October about export controls."
    dutch = make_article(tmp_path, "dutch.txt", text, dt.date(2022, 10, 20))
    f = DocumentFacts()
    # The document names Biden differently; answers must use the reference name.
    f.entities = {BIDEN: person(BIDEN, "President Biden", "Biden", in_reference=True),
                  RUTTE: person(RUTTE, "Mark Rutte", "Rutte", in_reference=True)}
    f.meetings.append(Meeting("call", [BIDEN, RUTTE], ev(text),
                              time=TimeSpan(dt.date(2022, 10, 1), dt.date(2022, 10, 31), MONTH, "in October"),
                              topics=[EXPORT], confidence=0.4))
    f.posts.append(PostClaim(RUTTE, "Prime Minister", None, ev(text), status="unverified"))
    docs.append((dutch, f))

    first = "Conor O'Brien met Koji Tomita on Wednesday to discuss the alliance."
    second = "O'Brien said the alliance \"has never been stronger\"."
    third = "Tomita also met Kishida at some point."
    text = " ".join([first, second, third])
    quotes = make_article(tmp_path, "quotes.txt", text, dt.date(2023, 2, 2))
    f = DocumentFacts()
    f.entities = {OBRIEN: person(OBRIEN, "Conor O'Brien", "O'Brien"),
                  TOMITA: person(TOMITA, "Koji Tomita", "Tomita"),
                  KISHIDA: person(KISHIDA, "Fumio Kishida", "Kishida", in_reference=True)}
    f.meetings.append(Meeting("meeting", [OBRIEN, TOMITA], ev(first, 0, 0),
                              time=TimeSpan(dt.date(2023, 2, 1), dt.date(2023, 2, 1), DAY, "on Wednesday"),
                              topics=[ALLIANCE], confidence=0.7,
                              extra_evidence=[ev(second, 1, len(first) + 1)]))
    f.meetings.append(Meeting("meeting", [TOMITA, KISHIDA], ev(third, 2, len(first) + len(second) + 2),
                              confidence=0.6))
    f.statements.append(Statement(OBRIEN, "has never been stronger", True, ev(second, 1, len(first) + 1),
                                  topics=[ALLIANCE], confidence=0.7))
    docs.append((quotes, f))
    return docs


def fill_store(store, tmp_path: Path) -> None:
    """Write the reference graph and the corpus into ``store``, as ingest would."""
    ref = reference_graph()
    store.replace_graph(URIRef(REFERENCE_GRAPH), graph_to_ntriples(ref))
    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    for article, facts in corpus(tmp_path):
        graph = facts_to_graph(article, facts, ingested_at=when)
        store.replace_graph(URIRef(graph.identifier), graph_to_ntriples(graph))


@pytest.fixture
def store(tmp_path):
    """An open LocalStore in tmp_path holding the reference graph and the three documents."""
    articles = tmp_path / "articles"
    articles.mkdir()
    s = LocalStore(tmp_path / "store")
    fill_store(s, articles)
    yield s
    s.close()


@pytest.fixture
def store_dir(tmp_path):
    """A closed store folder (for the CLI, which opens the store itself)."""
    articles = tmp_path / "articles"
    articles.mkdir()
    s = LocalStore(tmp_path / "store")
    fill_store(s, articles)
    s.close()
    return tmp_path / "store"
