"""Candidate facts: what extractors find, before anything becomes RDF.

Extractors return these plain objects; ``kg.rdfwriter`` alone turns them into
triples with provenance, so finding and writing are tested separately.
Offsets are character offsets in the source file's decoded text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.dates import TimeSpan

PERSON, COUNTRY, ORGANIZATION, ANONYMOUS = "person", "country", "organization", "anonymous"

HELD, PLANNED, CANCELLED, DENIED = "held", "planned", "cancelled", "denied"
PROPOSED, IN_FORCE = "proposed", "in-force"

MEETING_KINDS = ("meeting", "talks", "call", "visit", "summit", "signing", "letter")
MEASURE_TYPES = ("export-control", "sanction", "agreement", "subsidy", "tariff", "measure")


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a sentence (or a quote) of the document."""

    sentence: int
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """An actor of the document, linked to reference data when possible."""

    iri: str
    kind: str                                  # person, country, organization, anonymous
    name: str
    aliases: set[str] = field(default_factory=set)
    unnamed: bool = False
    gender: str | None = None                  # "male", "female" or None
    in_reference: bool = False
    country: str | None = None                 # IRI of the country the actor belongs to
    mentions: list[Evidence] = field(default_factory=list)


@dataclass
class Topic:
    """A topic concept: from the scheme (in_scheme) or minted from the text."""

    iri: str
    label: str
    in_scheme: bool = True
    text: str | None = None                    # the words of the source that named it


@dataclass
class PostClaim:
    """A post the article attributes to a person, checked against reference data."""

    person: str                                # entity IRI
    role: str                                  # as written: "Prime Minister"
    organization: str | None                   # IRI of the country or organisation
    evidence: Evidence
    status: str = "unverified"                 # consistent, conflicting, unverified
    conflicts_with: str | None = None          # IRI of the reference post
    reference_post: str | None = None          # the reference post it agrees with
    confidence: float = 0.8
    extractor: str = "kg.extract.actors.v1"


@dataclass
class Meeting:
    """An exchange between actors: meeting, talks, call, visit, summit, signing or letter."""

    kind: str
    participants: list[str]                    # entity IRIs
    evidence: Evidence
    time: TimeSpan | None = None
    place: tuple[str, str] | None = None       # (IRI, label)
    topics: list[Topic] = field(default_factory=list)
    status: str = HELD
    confidence: float = 0.7
    extractor: str = "kg.extract.meetings.v1"
    extra_evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Statement:
    """Something an actor said, directly quoted or reported."""

    speaker: str                               # entity IRI
    text: str
    direct: bool
    evidence: Evidence
    verb: str = "said"
    time: TimeSpan | None = None
    topics: list[Topic] = field(default_factory=list)
    reported_by: str | None = None             # entity IRI
    speaker_text: str | None = None            # the speaker as the source names them
    quoted_in: int | None = None               # index of the carrying statement in DocumentFacts.statements
    confidence: float = 0.7
    extractor: str = "kg.extract.statements.v1"


@dataclass
class Policy:
    """A policy measure: export control, sanction, agreement, subsidy, tariff."""

    measure_type: str
    label: str
    evidence: Evidence
    issuer: str | None = None                  # entity IRI
    target: str | None = None                  # entity IRI
    topics: list[Topic] = field(default_factory=list)
    time: TimeSpan | None = None
    status: str = IN_FORCE
    confidence: float = 0.6
    extractor: str = "kg.extract.policies.v1"


@dataclass
class DocumentFacts:
    """Everything extracted from one article."""

    entities: dict[str, Entity] = field(default_factory=dict)
    posts: list[PostClaim] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    topics: dict[str, Topic] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
