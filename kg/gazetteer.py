"""Reference data as lookup tables: countries, organisations, people and their posts, topics.

Built from ``data/gazetteer.ttl`` and ``data/topics.ttl``.  It helps linking
what the text says ("Beijing" -> China, "Japanese" -> Japan, "Kishida" ->
Fumio Kishida, who held which post on a date); it never replaces reading the
text: a name that is not here still becomes an entity.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from kg.paths import data_dir


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lowercase, curly quotes straightened, possessive 's dropped, spaces folded."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"'s\b|'\B", "", text)
    text = re.sub(r"[.,]", "", text)
    return " ".join(text.split())


@dataclass
class RefPost:
    """A post held by a person in the reference data."""

    iri: str
    role: str
    label: str
    organization: str | None
    start: dt.date | None
    end: dt.date | None

    def active_on(self, day: dt.date) -> bool:
        """True if the post was held on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class RefActor:
    """A country, organisation or person of the reference data."""

    iri: str
    kind: str
    name: str
    alt: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    gender: str | None = None
    parent: str | None = None
    member_of: list[str] = field(default_factory=list)
    posts: list[RefPost] = field(default_factory=list)


@dataclass
class RefTopic:
    """A concept of the topic scheme."""

    iri: str
    label: str
    alt: list[str] = field(default_factory=list)
    broader: str | None = None


ROMAN_NUMERAL = re.compile(r"[ivxlc]+")


class Gazetteer:
    """Lookup over the curated reference data."""

    def __init__(self, actors: dict[str, RefActor], topics: dict[str, RefTopic]):
        self.actors = actors
        self.topics = topics
        self.by_surface: dict[str, list[str]] = {}
        self.demonym_of: dict[str, str] = {}
        self.by_surname: dict[str, list[str]] = {}
        # Countries and organisations that others are members of: blocs ("the EU", "the G7").
        self.blocs: set[str] = {bloc for actor in actors.values() for bloc in actor.member_of}
        for actor in actors.values():
            surfaces = [actor.name, *actor.alt, *actor.metonyms]
            for surface in surfaces:
                key = norm(surface)
                if actor.kind == "person" and len(key.split()) == 1:
                    # A bare surname is ambiguous across the corpus; kept apart.
                    self.by_surname.setdefault(key, []).append(actor.iri)
                    continue
                bucket = self.by_surface.setdefault(key, [])
                if actor.iri not in bucket:
                    bucket.append(actor.iri)
            for demonym in actor.demonyms:
                self.demonym_of[norm(demonym)] = actor.iri
            if actor.kind == "person":
                last = norm(actor.name).split()[-1]
                if ROMAN_NUMERAL.fullmatch(last):
                    continue    # "Frederik X", "Charles III": a regnal number, never a surname
                bucket = self.by_surname.setdefault(last, [])
                if actor.iri not in bucket:
                    bucket.append(actor.iri)

    # -- loading ---------------------------------------------------------------
    @classmethod
    def load(cls, folder: Path | None = None) -> "Gazetteer":
        """Load from ``data/`` (cached as a pickle beside nothing: in memory per process)."""
        folder = folder or data_dir()
        files = [folder / "gazetteer.ttl", folder / "topics.ttl"]
        key = tuple((str(f), f.stat().st_mtime_ns) for f in files if f.exists())
        cached = _CACHE.get(key)
        if cached is None:
            cached = _CACHE[key] = cls._parse([f for f in files if f.exists()])
        return cached

    @classmethod
    def _parse(cls, files: list[Path]) -> "Gazetteer":
        from rdflib import Graph
        from rdflib.namespace import FOAF, ORG, RDF, RDFS, SKOS
        from kg.vocab import KG

        graph = Graph()
        for path in files:
            graph.parse(path, format="turtle")
        actors: dict[str, RefActor] = {}
        kinds = {KG.Country: "country", KG.Organization: "organization", KG.Person: "person"}
        for cls_iri, kind in kinds.items():
            for node in graph.subjects(RDF.type, cls_iri):
                iri = str(node)
                actor = RefActor(iri=iri, kind=kind, name=str(graph.value(node, RDFS.label) or ""))
                actor.alt = sorted(str(x) for x in graph.objects(node, SKOS.altLabel))
                actor.demonyms = sorted(str(x) for x in graph.objects(node, KG.demonym))
                actor.metonyms = sorted(str(x) for x in graph.objects(node, KG.metonym))
                gender = graph.value(node, FOAF.gender)
                actor.gender = str(gender) if gender else None
                parent = graph.value(node, ORG.subOrganizationOf)
                actor.parent = str(parent) if parent else None
                actor.member_of = sorted(str(x) for x in graph.objects(node, KG.memberOf))
                for post in graph.objects(node, KG.holds):
                    org = graph.value(post, ORG.organization)
                    actor.posts.append(RefPost(
                        iri=str(post), role=str(graph.value(post, KG.roleLabel) or ""),
                        label=str(graph.value(post, KG.postLabel) or ""),
                        organization=str(org) if org else None,
                        start=_date(graph.value(post, KG.startDate)), end=_date(graph.value(post, KG.endDate))))
                if actor.name:
                    actors[iri] = actor
        topics: dict[str, RefTopic] = {}
        for node in graph.subjects(RDF.type, SKOS.Concept):
            label = graph.value(node, SKOS.prefLabel)
            if label is None:
                continue
            broader = graph.value(node, SKOS.broader)
            topics[str(node)] = RefTopic(iri=str(node), label=str(label),
                                         alt=sorted(str(x) for x in graph.objects(node, SKOS.altLabel)),
                                         broader=str(broader) if broader else None)
        return cls(actors, topics)

    # -- look-ups -------------------------------------------------------------
    def lookup(self, surface: str, kind: str | None = None) -> list[RefActor]:
        """Actors whose name, alternative name or metonym is ``surface``."""
        found = [self.actors[i] for i in self.by_surface.get(norm(surface), [])]
        return [a for a in found if kind is None or a.kind == kind]

    def country_of_demonym(self, word: str) -> RefActor | None:
        """The country whose demonym is ``word`` (Japanese -> Japan)."""
        iri = self.demonym_of.get(norm(word))
        return self.actors.get(iri) if iri else None

    def country(self, surface: str) -> RefActor | None:
        """A country by name, alternative name, metonym or demonym."""
        for actor in self.lookup(surface, "country"):
            return actor
        return self.country_of_demonym(surface)

    def people_with_surname(self, surname: str, day: dt.date | None = None) -> list[RefActor]:
        """People whose last name is ``surname``; those in office on ``day`` first."""
        people = [self.actors[i] for i in self.by_surname.get(norm(surname), [])]
        if day:
            people.sort(key=lambda p: not any(post.active_on(day) for post in p.posts))
        return people

    def posts_on(self, person_iri: str, day: dt.date | None) -> list[RefPost]:
        """The reference posts a person held on ``day`` (all posts when day is None)."""
        actor = self.actors.get(person_iri)
        if actor is None:
            return []
        return [p for p in actor.posts if day is None or p.active_on(day)]

    def holders(self, role_words: set[str], organization: str | None, day: dt.date | None) -> list[RefActor]:
        """People holding a post whose role contains ``role_words`` at ``organization`` on ``day``."""
        found = []
        for actor in self.actors.values():
            if actor.kind != "person":
                continue
            for post in actor.posts:
                if organization and post.organization != organization:
                    continue
                if day and not post.active_on(day):
                    continue
                if role_words <= set(norm(post.role).split()):
                    found.append(actor)
                    break
        return found


_CACHE: dict = {}


def _date(value) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
