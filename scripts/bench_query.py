#!/usr/bin/env python3
"""Benchmark ``kg.answers.who_discussed`` on Oxigraph against rdflib's in-memory store.

What is measured
    The wall time of ``kg.answers.who_discussed`` -- every named query it
    runs (who_discussed, actors_named, topics_named, fact_topics,
    fact_evidence, reference_labels) plus the folding in Python -- on
    generated stores of about 100k and 1M triples (``--sizes``), three ways:
    unfiltered, with a name filter (``--with``) and with a topic filter
    (``--topic``).  Each is run ``--runs`` times (default 3); the median is
    reported with every run, the number of answers, a digest of the answers
    and, per named query, the number of calls, rows and time.

    The same answers are computed on
    * Oxigraph: a pyoxigraph store on disk filled with ``bulk_load``, queried
      through ``kg.store.LocalStore`` (what ``kg ask`` uses);
    * rdflib: an ``rdflib.Dataset(default_union=True)`` in memory, in a
      separate process killed after ``--rdflib-timeout`` seconds (600 by
      default, load included), queried through ``RdflibStore`` below, which
      has LocalStore's ``query(sparql, bindings) -> QueryResult`` interface,
      so exactly the same named queries and the same Python run on both.

Target
    Oxigraph at least 20x faster than rdflib (ratio rdflib/Oxigraph of the
    medians) at every size rdflib finishes within the timeout, with the same
    answers.  The script prints the ratios; it asserts nothing.

The corpus
    Synthetic but news-shaped: one ``kg.sources.Article`` and one hand-built
    ``kg.extract.model.DocumentFacts`` per document -- actors drawn with a
    Zipf law from ~3,000 persons (the gazetteer's people, who are the most
    mentioned, plus invented names; IRIs from ``kg.rdfwriter.person_iri``),
    ~150 countries, topics of ``data/topics.ttl`` (and a few minted ones),
    meetings of 2-4 participants with dates, places and status, statements,
    policy measures and post claims, each with evidence sentences whose
    offsets point into the article text -- written by
    ``kg.rdfwriter.facts_to_graph`` exactly as ingest writes them, one named
    graph per document, as N-Quads.  The reference graph
    (``kg.reference.load_reference_graph``) is loaded too.  Generated files
    are cached in ``--cache-dir`` (a folder under the system temp folder by
    default), keyed by size, seed and the writer's source.

Example:
    nice -n 10 .venv/bin/python scripts/bench_query.py --sizes 100000
    nice -n 10 .venv/bin/python scripts/bench_query.py            # 100k and 1M
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GENERATOR_VERSION = "1"
DEFAULT_SIZES = "100000,1000000"
DEFAULT_TOPIC = None           # None: the label of the 5th most discussed topic of the corpus
INGESTED_AT = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
FIRST_DAY, LAST_DAY = dt.date(2020, 1, 1), dt.date(2025, 12, 31)

FIRST_NAMES = """Ana Ahmed Aiko Alexei Amara Andrea Anil Beatriz Carlos Chen Chidi Dmitri Elena Emeka Fatima
Francesca Gustavo Hana Hassan Ines Ivan Jamal Jin Julia Kamala Kenji Lars Layla Li Lucia Mahmoud Maria
Mateo Mei Mikhail Nadia Naveen Olga Omar Pablo Priya Rahul Rosa Sakura Samir Sara Sergei Sofia Tariq
Thabo Tomas Valentina Viktor Wei Yara Yusuf Zainab Zhang Elif Kwame""".split()
SURNAMES = """Abe Adeyemi Alvarez Andersson Bakr Banerjee Becker Bianchi Chowdhury Costa Dubois Eriksen
Fernandes Fischer Garcia Haddad Hoang Ivanova Jansen Kang Kaur Khan Kovacs Kowalski Kuznetsov Lee Lindqvist
Mendes Moreau Mwangi Nakamura Nguyen Novak Okafor Olsen Park Petrov Popescu Quispe Rahman Rossi Sato Schmidt
Silva Singh Sokolov Suzuki Tanaka Torres Usman Varga Wang Weber Wojcik Yamamoto Yilmaz Zhou Horvat Demir Osei""".split()
ROLES = ["Foreign Minister", "Prime Minister", "President", "Trade Minister", "Defence Minister",
         "Finance Minister", "Ambassador", "National Security Adviser", "Deputy Foreign Minister",
         "Commerce Secretary", "Economy Minister", "Spokesperson"]
CITIES = """Washington Beijing Tokyo Brussels Berlin Paris London Moscow Kyiv Warsaw Rome Madrid Lisbon
Ankara Cairo Nairobi Lagos Pretoria Delhi Islamabad Dhaka Jakarta Manila Hanoi Bangkok Seoul Canberra Ottawa
Mexico-City Brasilia Buenos-Aires Santiago Lima Bogota Riyadh Doha Tehran Baghdad Amman Jerusalem Geneva
Vienna Prague Budapest Bucharest Sofia Athens Oslo Stockholm Helsinki Copenhagen Dublin Reykjavik Tbilisi
Yerevan Baku Astana Tashkent Kabul Singapore Kuala-Lumpur Wellington Addis-Ababa Kinshasa Dakar Accra Abuja
Algiers Tunis Rabat Davos Munich Osaka Shanghai Hiroshima Bali Sochi Camp-David Sunnylands Brasov""".split()
EXTRA_COUNTRIES = """Aldoria Belmaris Corvania Drevland Estmark Faranda Galvoria Hestria Ilyria Jovania
Kaldera Lornesse Marovia Norwick Ostrava-Republic Pellucia Quenland Ravonia Sarkand Tessaly Umbria-Nova
Valdoria Wexmark Xandria Ystad-Union Zembla Arvenia Borduria Caledon Delmora Eskeland Fenwick Gallia-Minor
Hollis Istrana Juvena Kestoria Lumeria Mirovia Nordhavn Orsinia Pravia Qadira Rusmark Selvania Tavria
Uldara Vesmark Wendora Yslandia Zorvia Alcania Bremora Cyrenia Dalmara Elvania Frisland Grenada-Nova
Halvoria Irdania Jorvik""".split()
MEETING_KINDS = [("meeting", 40), ("talks", 20), ("call", 15), ("visit", 12), ("summit", 6),
                 ("signing", 4), ("letter", 3)]
MEETING_STATUS = [("held", 80), ("planned", 10), ("cancelled", 5), ("denied", 5)]
POLICY_STATUS = [("in-force", 60), ("proposed", 30), ("cancelled", 10)]
MEASURES = ["export-control", "sanction", "agreement", "subsidy", "tariff", "measure"]
VERBS = ["said", "told reporters", "stated", "warned", "added", "insisted", "argued", "noted"]
WORDS = """we will continue to work closely with our partners on the issue and the talks were constructive
but there is still much to do before any agreement can be reached on trade security and the economy our
position has not changed and we expect progress in the coming weeks the government is studying the proposal
carefully""".split()


# -- the synthetic world ---------------------------------------------------------

def _zipf_weights(n: int, exponent: float) -> list[float]:
    return [1.0 / (rank + 1) ** exponent for rank in range(n)]


class World:
    """Who and what the synthetic news is about: persons, countries, organisations, places, topics.

    Persons are ranked so that mentions follow a Zipf law: the gazetteer's
    people come first (the leaders the news is about), then ~2,500 invented
    names.  Deterministic for a given ``seed``.
    """

    def __init__(self, seed: int = 7, persons: int = 3000, countries: int = 150):
        from kg.gazetteer import Gazetteer
        from kg.rdfwriter import organization_iri, person_iri, place_iri, slug
        from kg.vocab import ID

        rng = random.Random(seed)
        gaz = Gazetteer.load()
        ref_people = sorted((a for a in gaz.actors.values() if a.kind == "person"), key=lambda a: a.iri)
        rng.shuffle(ref_people)
        ref_countries = sorted((a for a in gaz.actors.values() if a.kind == "country"), key=lambda a: a.iri)
        ref_orgs = sorted((a for a in gaz.actors.values() if a.kind == "organization"), key=lambda a: a.iri)
        self.reference_actors = gaz.actors

        # persons: (iri, name, surname, gender, in_reference, reference posts)
        self.persons: list[dict] = []
        seen: set[str] = set()
        for actor in ref_people[:persons]:
            iri = actor.iri
            seen.add(iri)
            self.persons.append({"iri": iri, "name": actor.name, "surname": actor.name.split()[-1],
                                 "gender": actor.gender, "ref": True, "posts": actor.posts})
        invented = [(f, s) for f in FIRST_NAMES for s in SURNAMES]
        rng.shuffle(invented)
        for first, last in invented:
            if len(self.persons) >= persons:
                break
            name = f"{first} {last}"
            iri = person_iri(name)
            if iri in seen:
                continue
            seen.add(iri)
            self.persons.append({"iri": iri, "name": name, "surname": last,
                                 "gender": rng.choice(["male", "female", None]), "ref": False, "posts": []})
        # the first 120 ranks are reference people, the rest shuffled together
        head, tail = self.persons[:120], self.persons[120:]
        rng.shuffle(tail)
        self.persons = head + tail
        self.person_weights = _zipf_weights(len(self.persons), 0.9)

        self.countries: list[dict] = [{"iri": a.iri, "name": a.name, "ref": True} for a in ref_countries]
        for name in EXTRA_COUNTRIES:
            if len(self.countries) >= countries:
                break
            self.countries.append({"iri": str(ID[f"country/x-{slug(name)}"]), "name": name.replace("-", " "),
                                   "ref": False})
        rng.shuffle(self.countries)
        self.country_weights = _zipf_weights(len(self.countries), 1.0)
        self.orgs = [{"iri": a.iri, "name": a.name, "ref": True} for a in ref_orgs]
        self.orgs += [{"iri": organization_iri(f"{c['name']} Ministry of Trade"),
                       "name": f"{c['name']} Ministry of Trade", "ref": False, "country": c["iri"]}
                      for c in self.countries[:30]]
        self.places = [(place_iri(c.replace("-", " ")), c.replace("-", " ")) for c in CITIES]
        self.place_weights = _zipf_weights(len(self.places), 0.8)
        topics = sorted(gaz.topics.values(), key=lambda t: t.iri)
        rng.shuffle(topics)
        self.topics = [(t.iri, t.label) for t in topics]
        self.topic_weights = _zipf_weights(len(self.topics), 0.8)

    def topic_filter(self) -> str:
        """A default --topic text: the label of the 5th most discussed topic."""
        return self.topics[4][1]

    def name_filter(self) -> str:
        """A default --with text: the surname of the 3rd most mentioned person."""
        return self.persons[2]["surname"]


class _DocumentBuilder:
    """Builds the text, the Article and the DocumentFacts of one synthetic document."""

    def __init__(self, world: World, rng: random.Random, number: int):
        from kg.extract.model import DocumentFacts

        self.world, self.rng, self.number = world, rng, number
        self.date = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        self.head = f" date {self.date.isoformat()} "
        self.sentences: list[str] = []
        self.offset = len(self.head)
        self.facts = DocumentFacts()
        self.doc_id = f"synthetic_{number:07d}"

    # -- text and evidence --
    def sentence(self, text: str):
        """Append a sentence to the article; return its Evidence."""
        from kg.extract.model import Evidence

        if self.sentences:
            self.offset += 1                      # the space between sentences
        ev = Evidence(sentence=len(self.sentences), start=self.offset, end=self.offset + len(text), text=text)
        self.sentences.append(text)
        self.offset += len(text)
        return ev

    def quote(self, low: int = 8, high: int = 24) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(low, high))
        return " ".join(words).capitalize()

    # -- actors --
    def person(self) -> dict:
        p = self.rng.choices(self.world.persons, weights=self.world.person_weights)[0]
        self._entity(p["iri"], "person", p["name"], {p["surname"]}, gender=p["gender"], ref=p["ref"])
        return p

    def country(self) -> dict:
        c = self.rng.choices(self.world.countries, weights=self.world.country_weights)[0]
        self._entity(c["iri"], "country", c["name"], set(), ref=c["ref"])
        return c

    def organization(self) -> dict:
        o = self.rng.choice(self.world.orgs)
        self._entity(o["iri"], "organization", o["name"], set(), ref=o["ref"], country=o.get("country"))
        return o

    def anonymous(self) -> str:
        from kg.extract.model import Entity
        from kg.rdfwriter import document_iri, slug

        description = self.rng.choice(["a senior official", "diplomats", "people familiar with the talks",
                                       "a government spokesperson"])
        iri = f"{document_iri(self.doc_id)}#source-{slug(description)}"
        self.facts.entities.setdefault(iri, Entity(iri=iri, kind="anonymous", name=description,
                                                   aliases={description}, unnamed=True))
        return iri

    def _entity(self, iri, kind, name, aliases, *, gender=None, ref=False, country=None) -> None:
        from kg.extract.model import Entity

        entity = self.facts.entities.get(iri)
        if entity is None:
            entity = self.facts.entities[iri] = Entity(iri=iri, kind=kind, name=name, gender=gender,
                                                       in_reference=ref, country=country)
        entity.aliases |= aliases | {name}

    def topics(self, low: int, high: int) -> list:
        from kg.extract.model import Topic
        from kg.rdfwriter import topic_iri

        chosen: dict[str, Topic] = {}
        for _ in range(self.rng.randint(low, high)):
            if self.rng.random() < 0.05:          # a topic minted from the text
                label = f"{self.rng.choice(['rare earth', 'grain corridor', 'fishing rights', 'port access'])}"
                chosen[topic_iri(label)] = Topic(iri=topic_iri(label), label=label, in_scheme=False)
            else:
                iri, label = self.rng.choices(self.world.topics, weights=self.world.topic_weights)[0]
                chosen[iri] = Topic(iri=iri, label=label)
        self.facts.topics.update(chosen)
        return list(chosen.values())

    def timespan(self, future: bool = False):
        from kg.dates import DAY, MONTH, PART_OF_MONTH, WEEK, WEEKEND, TimeSpan

        roll = self.rng.random()
        sign = 1 if future else -1
        anchor = self.date + dt.timedelta(days=sign * self.rng.randint(0, 10))
        if roll < 0.10:
            return None
        if roll < 0.65:
            return TimeSpan(anchor, anchor, DAY, anchor.strftime("%A"))
        if roll < 0.75:
            saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
            return TimeSpan(saturday, saturday + dt.timedelta(days=1), WEEKEND, "the weekend")
        if roll < 0.87:
            monday = anchor - dt.timedelta(days=anchor.weekday())
            return TimeSpan(monday, monday + dt.timedelta(days=6), WEEK, "last week")
        first = anchor.replace(day=1)
        if roll < 0.95:
            nxt = (first + dt.timedelta(days=32)).replace(day=1)
            return TimeSpan(first, nxt - dt.timedelta(days=1), MONTH, anchor.strftime("%B"))
        return TimeSpan(first, first.replace(day=10), PART_OF_MONTH, f"early {anchor.strftime('%B')}")

    # -- facts --
    def add_post(self) -> None:
        from kg.extract.model import PostClaim

        p = self.person()
        if p["ref"] and p["posts"]:
            post = self.rng.choice(p["posts"])
            role, org = post.role, post.organization
            status = "conflicting" if self.rng.random() < 0.08 else "consistent"
            conflicts = post.iri if status == "conflicting" else None
            reference = post.iri if status == "consistent" else None
        else:
            role, org = self.rng.choice(ROLES), self.country()["iri"]
            status, conflicts, reference = "unverified", None, None
        if org and org not in self.facts.entities and org in self.world.reference_actors:
            actor = self.world.reference_actors[org]
            self._entity(org, actor.kind, actor.name, set(), ref=True)
        ev = self.sentence(f"{p['name']}, the {role}, arrived on {self.date.strftime('%A')}.")
        self.facts.posts.append(PostClaim(person=p["iri"], role=role, organization=org, evidence=ev,
                                          status=status, conflicts_with=conflicts, reference_post=reference,
                                          confidence=round(self.rng.uniform(0.6, 0.95), 2)))

    def add_meeting(self) -> None:
        from kg.extract.model import Meeting

        participants: list[dict] = []
        wanted = self.rng.choices([2, 3, 4], weights=[70, 20, 10])[0]
        while len(participants) < wanted:
            p = self.country() if self.rng.random() < 0.08 else self.person()
            if p not in participants:
                participants.append(p)
        kind = self.rng.choices([k for k, _ in MEETING_KINDS], weights=[w for _, w in MEETING_KINDS])[0]
        status = self.rng.choices([s for s, _ in MEETING_STATUS], weights=[w for _, w in MEETING_STATUS])[0]
        topics = self.topics(0, 3)
        place = None
        if self.rng.random() < 0.6:
            place = self.rng.choices(self.world.places, weights=self.world.place_weights)[0]
        names = " and ".join(p["name"] for p in participants)
        about = ", ".join(t.label for t in topics) or "bilateral relations"
        where = f" in {place[1]}" if place else ""
        ev = self.sentence(f"{names} held {kind} {where} about {about}.".replace("  ", " "))
        extra = [self.sentence(self.quote()) for _ in range(self.rng.choices([0, 1, 2], weights=[60, 30, 10])[0])]
        self.facts.meetings.append(Meeting(
            kind=kind, participants=[p["iri"] for p in participants], evidence=ev,
            time=self.timespan(future=status == "planned"), place=place, topics=topics, status=status,
            confidence=round(self.rng.uniform(0.45, 0.95), 2), extra_evidence=extra))

    def add_statement(self) -> None:
        from kg.extract.model import Statement

        anonymous = self.rng.random() < 0.08
        speaker = self.anonymous() if anonymous else self.person()["iri"]
        speaker_name = self.facts.entities[speaker].name
        direct = self.rng.random() < 0.5
        text = self.quote()
        verb = self.rng.choice(VERBS)
        ev = self.sentence(f"“{text},” {speaker_name} {verb}." if direct else f"{speaker_name} {verb} that {text.lower()}.")
        reported_by = None
        if self.rng.random() < 0.1:
            reported_by = self.person()["iri"]
        quoted_in = None
        if self.facts.statements and self.rng.random() < 0.1:
            quoted_in = self.rng.randrange(len(self.facts.statements))
        self.facts.statements.append(Statement(
            speaker=speaker, text=text, direct=direct, evidence=ev, verb=verb,
            time=self.timespan() if self.rng.random() < 0.5 else None, topics=self.topics(0, 2),
            reported_by=reported_by, speaker_text=speaker_name.split()[-1], quoted_in=quoted_in,
            confidence=round(self.rng.uniform(0.5, 0.95), 2)))

    def add_policy(self) -> None:
        from kg.extract.model import Policy

        issuer = self.organization()["iri"] if self.rng.random() < 0.2 else self.country()["iri"]
        target = self.country()["iri"] if self.rng.random() < 0.8 else None
        measure = self.rng.choice(MEASURES)
        label = f"{measure.replace('-', ' ')} on {self.rng.choice(['chips', 'steel', 'grain', 'oil', 'drones'])}"
        status = self.rng.choices([s for s, _ in POLICY_STATUS], weights=[w for _, w in POLICY_STATUS])[0]
        ev = self.sentence(f"The government announced new {label}.")
        self.facts.policies.append(Policy(measure_type=measure, label=label, evidence=ev, issuer=issuer,
                                          target=target, topics=self.topics(1, 2), time=self.timespan(),
                                          status=status, confidence=round(self.rng.uniform(0.4, 0.9), 2)))

    def build(self):
        """Return (Article, DocumentFacts) for this document."""
        from kg.sources import Article

        rng = self.rng
        steps = (["post"] * rng.randint(1, 5) + ["meeting"] * rng.randint(1, 5)
                 + ["statement"] * rng.randint(2, 9) + ["policy"] * rng.choice([0, 0, 1, 1, 2]))
        rng.shuffle(steps)
        for step in steps:
            getattr(self, f"add_{step}")()
        for _ in range(rng.randint(0, 3)):       # sentences no fact was read from
            self.sentence(self.quote())
        text = self.head + " ".join(self.sentences) + "\n"
        article = Article(path=Path(f"{self.doc_id}.txt"), doc_id=self.doc_id, text=text,
                          body_start=len(self.head), date=self.date,
                          content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest())
        return article, self.facts


def _nquads(graph, graph_name: str) -> str:
    """N-Quads text of an rdflib graph placed in the named graph ``graph_name``."""
    from kg.store import graph_to_ntriples

    suffix = f" <{graph_name}> .\n"
    out = []
    for line in graph_to_ntriples(graph).splitlines():
        line = line.rstrip()
        if line:
            assert line.endswith(" ."), line
            out.append(line[:-2] + suffix)
    return "".join(out)


def corpus_key(target: int, seed: int) -> str:
    """Cache key of a generated corpus: size, seed, GENERATOR_VERSION and kg's writer source.

    Bump GENERATOR_VERSION when the generator changes (this file's other
    parts, the reporting, do not change the corpus).
    """
    digest = hashlib.sha256()
    for part in (str(target), str(seed), GENERATOR_VERSION):
        digest.update(part.encode())
    for path in (ROOT / "kg" / "rdfwriter.py", ROOT / "kg" / "extract" / "model.py"):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def generate_corpus(target: int, cache_dir: Path, seed: int = 7, reference_quads: int = 0) -> tuple[Path, dict]:
    """Write (or reuse) an N-Quads file of synthetic documents; return its path and statistics.

    Documents are generated until document quads + ``reference_quads``
    reach ``target``.
    """
    from kg.rdfwriter import document_iri, facts_to_graph

    cache_dir.mkdir(parents=True, exist_ok=True)
    key = corpus_key(target, seed)
    path = cache_dir / f"corpus-{target}-{key}.nq"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        meta["cached"] = True
        return path, meta
    started = time.perf_counter()
    world = World(seed)
    rng = random.Random(seed * 1000003 + 1)
    counts = {"documents": 0, "quads": 0, "meetings": 0, "held_meetings": 0, "statements": 0,
              "policies": 0, "posts": 0}
    partial = path.with_suffix(".partial")
    with open(partial, "w", encoding="utf-8") as out:
        while counts["quads"] + reference_quads < target:
            article, facts = _DocumentBuilder(world, rng, counts["documents"]).build()
            graph = facts_to_graph(article, facts, ingested_at=INGESTED_AT)
            text = _nquads(graph, str(document_iri(article.doc_id)))
            out.write(text)
            counts["documents"] += 1
            counts["quads"] += text.count("\n")
            counts["meetings"] += len(facts.meetings)
            counts["held_meetings"] += sum(m.status == "held" for m in facts.meetings)
            counts["statements"] += len(facts.statements)
            counts["policies"] += len(facts.policies)
            counts["posts"] += len(facts.posts)
    partial.rename(path)
    meta = dict(counts, seconds=round(time.perf_counter() - started, 1), name_filter=world.name_filter(),
                topic_filter=world.topic_filter(), target=target, seed=seed)
    meta_path.write_text(json.dumps(meta, indent=1))
    meta["cached"] = False
    return path, meta


def write_reference(cache_dir: Path) -> tuple[Path, int]:
    """The reference graph (ontology, gazetteer, topics) as N-Quads in its named graph, as ingest stores it."""
    from rdflib import Literal

    from kg.reference import load_reference_graph, reference_hash
    from kg.vocab import KG, REFERENCE_GRAPH

    wanted = reference_hash()
    path = cache_dir / f"reference-{wanted[:12]}.nq"
    if not path.exists():
        graph = load_reference_graph()
        graph.add((REFERENCE_GRAPH, KG.contentHash, Literal(wanted)))
        path.write_text(_nquads(graph, str(REFERENCE_GRAPH)), encoding="utf-8")
    with open(path, encoding="utf-8") as handle:
        return path, sum(1 for _ in handle)


# -- the two stores --------------------------------------------------------------

class RdflibStore:
    """rdflib's in-memory Dataset behind LocalStore's interface: ``query(sparql, bindings) -> QueryResult``.

    Bindings go to ``Dataset.query`` as ``initBindings``; the default graph is
    the union of all graphs (``default_union=True``), as in LocalStore.
    Parsed queries are cached by text (``prepareQuery``), so the repeated
    per-fact queries are not parsed again each time -- parsing is not what
    is compared.
    """

    kind = "rdflib"

    def __init__(self, dataset):
        self.dataset = dataset
        self._prepared: dict[str, object] = {}

    def query(self, sparql: str, bindings: dict | None = None, **_ignored):
        """Run ``sparql`` with ``bindings``; return a ``kg.store.QueryResult``."""
        from rdflib.plugins.sparql import prepareQuery

        from kg.store import QueryResult

        prepared = self._prepared.get(sparql)
        if prepared is None:
            prepared = self._prepared[sparql] = prepareQuery(sparql)
        init = {k: v for k, v in (bindings or {}).items() if v is not None}
        result = self.dataset.query(prepared, initBindings=init)
        if result.type == "ASK":
            return QueryResult("ask", boolean=bool(result.askAnswer))
        if result.type == "SELECT":
            variables = [str(v) for v in result.vars]
            rows = [{str(k): v for k, v in row.asdict().items() if v is not None} for row in result]
            return QueryResult("select", variables=variables, rows=rows)
        return QueryResult("graph", graph=result.graph)


class QueryLog:
    """Wraps a store and records, per call, the named query run, its time and its row count."""

    def __init__(self, store, progress=None):
        from kg import queries

        self.store = store
        self.names = {queries.load(name): name for name in queries.names()}
        self.calls: list[tuple[str, float, int]] = []
        self.progress = progress

    def query(self, sparql: str, bindings: dict | None = None, **kwargs):
        """Run the query on the wrapped store and record it."""
        name = self.names.get(sparql, "(ad hoc)")
        if self.progress:
            self.progress({"event": "query_start", "name": name, "t": time.time()})
        started = time.perf_counter()
        result = self.store.query(sparql, bindings, **kwargs)
        self.calls.append((name, time.perf_counter() - started, len(result.rows)))
        return result

    def summary(self) -> dict[str, list]:
        """Per named query: [calls, rows, seconds]."""
        out: dict[str, list] = {}
        for name, seconds, rows in self.calls:
            entry = out.setdefault(name, [0, 0, 0.0])
            entry[0] += 1
            entry[1] += rows
            entry[2] += seconds
        return out


def answers_digest(answers: list[dict]) -> str:
    """A short digest of the answers, to check that both stores gave the same ones."""
    return hashlib.sha256(json.dumps(answers, sort_keys=True, default=str).encode()).hexdigest()[:10]


def time_variants(store, variants: list[tuple[str, dict]], runs: int, emit, progress: bool = False) -> None:
    """Time ``who_discussed`` for every variant ``runs`` times; call ``emit(record)`` after each run.

    With ``progress``, also emit the start of every run and of every query
    (wall-clock time stamps), so that a parent that kills this process knows
    what was running.
    """
    from kg.answers import who_discussed

    for label, kwargs in variants:
        for run in range(runs):
            if progress:
                emit({"event": "run_start", "variant": label, "run": run, "t": time.time()})
            log = QueryLog(store, emit if progress else None)
            started = time.perf_counter()
            try:
                answers = who_discussed(log, **kwargs)
            except Exception as exc:  # report and go on: a broken query must not hide the others
                emit({"event": "run", "variant": label, "run": run, "error": f"{type(exc).__name__}: {exc}",
                      "seconds": time.perf_counter() - started, "queries": log.summary()})
                break
            seconds = time.perf_counter() - started
            emit({"event": "run", "variant": label, "run": run, "seconds": seconds, "answers": len(answers),
                  "digest": answers_digest(answers), "queries": log.summary()})


def load_oxigraph(files: list[Path], folder: Path) -> tuple[object, float, int]:
    """Bulk-load ``files`` into a new on-disk Oxigraph store in ``folder``; return (LocalStore, seconds, quads)."""
    import pyoxigraph as ox

    from kg.store import LocalStore

    started = time.perf_counter()
    raw = ox.Store(str(folder / "oxigraph"))
    for path in files:
        raw.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    quads = len(raw)
    del raw
    seconds = time.perf_counter() - started
    return LocalStore(folder), seconds, quads


def rdflib_worker(files: list[Path], variants: list[tuple[str, dict]], runs: int) -> None:
    """Child process: load ``files`` into an rdflib Dataset, time the variants, print JSON lines."""
    import resource

    from rdflib import Dataset

    def emit(record: dict) -> None:
        print(json.dumps(record), flush=True)

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    for path in files:
        dataset.parse(str(path), format="nquads")
    quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    emit({"event": "loaded", "seconds": time.perf_counter() - started, "quads": quads,
          "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
    # The filtered variants first: they are cheap, so a timeout in the
    # unfiltered one does not leave them unmeasured.
    ordered = sorted(variants, key=lambda v: not v[1])
    time_variants(RdflibStore(dataset), ordered, runs, emit, progress=True)
    emit({"event": "done", "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def run_rdflib(files: list[Path], variants: list[tuple[str, dict]], runs: int, timeout: float) -> tuple[list[dict], bool, float]:
    """Run ``rdflib_worker`` in a child process killed after ``timeout`` s; return (records, finished, seconds)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--runs", str(runs),
               "--worker-variants", json.dumps(variants)] + [arg for f in files for arg in ("--worker-file", str(f))]
    records: list[dict] = []
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    killed_at = None
    errors: list[str] = []

    def read_out():
        for line in child.stdout:
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                errors.append(line)

    def read_err():
        errors.extend(child.stderr)

    readers = [threading.Thread(target=read_out, daemon=True), threading.Thread(target=read_err, daemon=True)]
    for reader in readers:
        reader.start()
    try:
        child.wait(timeout=timeout)
        finished = child.returncode == 0
    except subprocess.TimeoutExpired:
        killed_at = time.time()
        child.kill()
        child.wait()
        finished = False
    for reader in readers:
        reader.join(timeout=5)
    if child.returncode not in (0, -9) and errors:
        print("  rdflib worker failed:\n    " + "    ".join(errors[-10:]), file=sys.stderr)
    if killed_at is not None:
        records.append({"event": "killed", "t": killed_at})
    return records, finished, time.perf_counter() - started


# -- reporting -------------------------------------------------------------------

def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s" if seconds < 100 else f"{seconds:.0f} s"


def _runs_by_variant(records: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for record in records:
        if record.get("event") == "run":
            out.setdefault(record["variant"], []).append(record)
    return out


def _in_progress_at_kill(records: list[dict]) -> dict | None:
    """What the rdflib worker was doing when it was killed: variant, run, query and their durations."""
    kill = next((r for r in records if r.get("event") == "killed"), None)
    if kill is None:
        return None
    run_start = None
    query_starts: list[dict] = []
    for record in records:
        if record.get("event") == "run_start":
            run_start, query_starts = record, []
        elif record.get("event") == "query_start":
            query_starts.append(record)
        elif record.get("event") == "run" and run_start and record.get("variant") == run_start["variant"]:
            run_start, query_starts = None, []
    if run_start is None:
        return None
    last = query_starts[-1] if query_starts else None
    return {"variant": run_start["variant"], "run": run_start["run"], "run_seconds": kill["t"] - run_start["t"],
            "query": last["name"] if last else "(none)", "query_seconds": kill["t"] - last["t"] if last else 0.0,
            "finished_queries": ", ".join(q["name"] for q in query_starts[:-1]) or "none"}


def _median(runs: list[dict]) -> float | None:
    good = [r["seconds"] for r in runs if "error" not in r]
    return statistics.median(good) if good else None


def report_size(target: int, meta: dict, ref_quads: int, ox_load: float, ox_quads: int, ox_records: list[dict],
                rd_records: list[dict], rd_finished: bool, rd_seconds: float, timeout: float,
                variants: list[tuple[str, dict]], runs: int) -> list[float]:
    """Print the figures of one size; return the rdflib/Oxigraph ratios of the variants rdflib finished."""
    print(f"\n=== size {target:,}: {meta['quads'] + ref_quads:,} quads = {meta['quads']:,} in {meta['documents']:,} "
          f"documents + {ref_quads:,} reference; {meta['meetings']:,} meetings ({meta['held_meetings']:,} held), "
          f"{meta['statements']:,} statements, {meta['policies']:,} policies, {meta['posts']:,} post claims")
    print(f"generation: {meta['seconds']} s{' (cached)' if meta.get('cached') else ''}; "
          f"Oxigraph bulk_load: {ox_load:.1f} s ({ox_quads:,} quads in the store)")
    loaded = next((r for r in rd_records if r.get("event") == "loaded"), None)
    if loaded:
        print(f"rdflib Dataset parse: {loaded['seconds']:.1f} s ({loaded['quads']:,} quads, "
              f"max RSS {loaded['max_rss_mb']:.0f} MB)")
    else:
        print(f"rdflib Dataset parse: did not finish in {timeout:.0f} s")
    ox_runs, rd_runs = _runs_by_variant(ox_records), _runs_by_variant(rd_records)
    ratios: list[float] = []
    header = f"{'variant':<28} {'Oxigraph median':>15} {'rdflib median':>15} {'rdflib/Ox':>10} {'answers Ox/rdflib':>18}  same answers"
    print(header)
    print("-" * len(header))
    killed = _in_progress_at_kill(rd_records)
    for label, _ in variants:
        ox, rd = ox_runs.get(label, []), rd_runs.get(label, [])
        ox_med, rd_med = _median(ox), _median(rd)
        ox_text = _fmt(ox_med) if ox_med is not None else "error"
        done = [r for r in rd if "error" not in r]
        ratio_text = "-"
        if any("error" in r for r in rd):
            rd_text = "error"
        elif len(done) == runs:
            rd_text = _fmt(rd_med)
        elif done:
            rd_text = f"{_fmt(rd_med)} ({len(done)}/{runs})"
        elif killed and killed["variant"] == label:
            # killed inside this variant's first run: its time is a lower bound
            rd_text = f"DNF >{_fmt(killed['run_seconds'])}"
            if ox_med:
                ratio_text = f">{killed['run_seconds'] / ox_med:.1f}x"
        else:
            rd_text = "not reached" if loaded else "DNF"
        ratio = rd_med / ox_med if (rd_med and ox_med) else None
        if ratio is not None:
            ratios.append(ratio)
            ratio_text = f"{ratio:.1f}x"
        ox_n = ox[0].get("answers") if ox else None
        rd_n = rd[0].get("answers") if rd else None
        same = "-" if not rd or rd_n is None else (
            "yes" if ox and ox[0].get("digest") == rd[0].get("digest") else "NO (digests differ)")
        print(f"{label:<28} {ox_text:>15} {rd_text:>15} {ratio_text:>10} "
              f"{(str(ox_n) if ox_n is not None else '-') + '/' + (str(rd_n) if rd_n is not None else '-'):>18}  {same}")
    if not rd_finished:
        print(f"rdflib: did not finish in {timeout:.0f} s (killed after {rd_seconds:.0f} s, load included)")
        if killed:
            print(f"  killed in run {killed['run'] + 1} of '{killed['variant']}', {killed['run_seconds']:.0f} s into "
                  f"that run, inside the named query {killed['query']} (running for {killed['query_seconds']:.0f} s; "
                  f"queries finished in that run: {killed['finished_queries']})")
    for label, _ in variants:
        for engine, runs_of in (("Oxigraph", ox_runs), ("rdflib", rd_runs)):
            for r in runs_of.get(label, []):
                if "error" in r:
                    print(f"  {engine} {label}: {r['error']}")
    print("\nruns (seconds) and time per named query (median run; calls, rows, seconds):")
    for label, _ in variants:
        for engine, runs_of in (("Oxigraph", ox_runs), ("rdflib", rd_runs)):
            got = [r for r in runs_of.get(label, []) if "error" not in r]
            if not got:
                continue
            times = " ".join(f"{r['seconds']:.3f}" for r in got)
            middle = sorted(got, key=lambda r: r["seconds"])[len(got) // 2]
            parts = ", ".join(f"{name} {c}x {rows} rows {s:.3f}"
                              for name, (c, rows, s) in sorted(middle["queries"].items(), key=lambda kv: -kv[1][2]))
            print(f"  {label:<26} {engine:<8} runs {times}; {parts}")
    return ratios


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, then generate, load and time every size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help=f"comma-separated store sizes in triples (default {DEFAULT_SIZES})")
    parser.add_argument("--runs", type=int, default=3, help="runs per variant; the median is reported (default 3)")
    parser.add_argument("--rdflib-timeout", type=float, default=600.0,
                        help="seconds before the rdflib process (load and queries) is killed (default 600)")
    parser.add_argument("--no-rdflib", action="store_true", help="time Oxigraph only")
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench-query",
                        help="where generated corpora are kept (default: TMPDIR/kg-bench-query)")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the generated corpus (default 7)")
    parser.add_argument("--with", dest="name", default=None,
                        help="the name filter (default: surname of the corpus's 3rd most mentioned person)")
    parser.add_argument("--topic", default=DEFAULT_TOPIC,
                        help="the topic filter (default: label of the corpus's 5th most discussed topic)")
    parser.add_argument("--keep-store", action="store_true", help="keep the Oxigraph store folders")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--worker-file", action="append", type=Path, default=[], help=argparse.SUPPRESS)
    parser.add_argument("--worker-variants", default="[]", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        rdflib_worker(args.worker_file, [tuple(v) for v in json.loads(args.worker_variants)], args.runs)
        return 0

    import pyoxigraph
    import rdflib

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    print(f"bench_query: kg.answers.who_discussed, Oxigraph (pyoxigraph {pyoxigraph.__version__}, on disk, "
          f"bulk_load) vs rdflib {rdflib.__version__} Dataset in memory; target: Oxigraph >= 20x faster")
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores; nice {os.nice(0)}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; runs per variant {args.runs}; "
          f"rdflib timeout {args.rdflib_timeout:.0f} s")
    all_started = time.perf_counter()
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    reference, ref_quads = write_reference(args.cache_dir)
    summary: list[tuple[int, list[float], bool]] = []
    for target in sizes:
        corpus, meta = generate_corpus(target, args.cache_dir, args.seed, ref_quads)
        name = args.name or meta["name_filter"]
        topic = args.topic or meta["topic_filter"]
        variants = [("unfiltered", {}), (f"--with {name}", {"name": name}), (f"--topic {topic}", {"topic": topic})]
        folder = Path(tempfile.mkdtemp(prefix=f"kg-bench-query-{target}-"))
        try:
            store, ox_load, ox_quads = load_oxigraph([reference, corpus], folder)
            ox_records: list[dict] = []
            time_variants(store, variants, args.runs, ox_records.append)
            store.close()
        finally:
            if not args.keep_store:
                shutil.rmtree(folder, ignore_errors=True)
        if args.no_rdflib:
            rd_records, rd_finished, rd_seconds = [], False, 0.0
        else:
            rd_records, rd_finished, rd_seconds = run_rdflib([reference, corpus], variants, args.runs,
                                                             args.rdflib_timeout)
        ratios = report_size(target, meta, ref_quads, ox_load, ox_quads, ox_records, rd_records, rd_finished,
                             rd_seconds, args.rdflib_timeout, variants, args.runs)
        summary.append((target, ratios, rd_finished))
    print("\nsummary (ratio = rdflib median / Oxigraph median, same run):")
    for target, ratios, finished in summary:
        if ratios:
            verdict = "met" if min(ratios) >= 20 else "NOT met"
            print(f"  {target:>9,} triples: ratios {', '.join(f'{r:.1f}x' for r in ratios)}; min {min(ratios):.1f}x "
                  f"-> target >= 20x {verdict}{'' if finished else ' (rdflib did not finish every variant)'}")
        else:
            print(f"  {target:>9,} triples: rdflib did not finish in {args.rdflib_timeout:.0f} s; no ratio")
    print(f"total wall time {time.perf_counter() - all_started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
