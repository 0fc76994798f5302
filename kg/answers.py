"""Answers to the questions kg is built for, as plain rows (lists of dicts).

Each function runs one named query from ``kg/queries/`` with the user's values
passed as bindings (never formatted into the query text), then folds the
query's rows -- one per participant, topic or evidence sentence -- into one
answer per meeting, statement, entity or claim.  The rows hold only JSON
types (str, float, bool, None, lists, dicts), so ``kg.formats`` can print them
as a table, CSV, TSV or JSON.

This module is on the query path: it must not import spaCy (nor anything that
does), so that ``kg ask`` stays fast.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kg.errors import QueryError, StoreError, UsageError
from kg.queries import run_named
from kg.vocab import KG

#: ``kg entities --type`` values and the class each one lists.
ENTITY_TYPES = {
    "person": KG.Person,
    "country": KG.Country,
    "organization": KG.Organization,
    "topic": SKOS.Concept,
    "policy": KG.PolicyMeasure,
}
# Anonymous sources are listed (without --type) but cannot be asked for by type.
_TYPE_OF_CLASS = {str(cls): name for name, cls in ENTITY_TYPES.items()}
_TYPE_OF_CLASS[str(KG.AnonymousSource)] = "anonymous"
# When documents disagree on an entity's class, the more specific kind wins.
_TYPE_PRIORITY = ["person", "country", "organization", "anonymous", "topic", "policy"]

#: Column order of each answer, used for table/CSV headers (also when there are no rows).
COLUMNS = {
    "who_discussed": ["participants", "topics", "date", "date_end", "granularity", "place", "kind",
                      "source", "evidence", "confidence", "meeting"],
    "who_said": ["speaker", "text", "direct", "date", "date_end", "topics", "reported_by", "source",
                 "evidence", "confidence", "statement"],
    "entities": ["name", "type", "iri", "aliases", "posts", "unnamed"],
    "role_conflicts": ["person", "claimed_role", "article_date", "conflicts_with", "reference_start",
                       "reference_end", "source", "evidence", "confidence", "claim"],
    "stats": ["measure", "count"],
}

_EVIDENCE_SEPARATOR = " … "
_UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
# The prologue of a SPARQL request: comments, PREFIX and BASE declarations.
_PROLOGUE_ITEM = re.compile(r"\s+|#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>", re.IGNORECASE)


# -- opening and checking input ----------------------------------------------

def open_for_query(location: str | None = None):
    """Open an existing store for reading; never create one.

    Raises StoreError when a local store folder (or its database) does not
    exist, so a mistyped ``--store`` does not leave an empty store behind.
    """
    from kg.store import REMOTE_SCHEMES, open_store, resolve_location

    where = resolve_location(location)
    if not where.startswith(REMOTE_SCHEMES):
        path = Path(where)
        if not (path / "oxigraph").is_dir():
            raise StoreError(f"no store at {path}; run `kg ingest FILE...` first or pass --store")
    return open_store(where, create=False)


def parse_date(value: str | dt.date | None, what: str = "date") -> dt.date | None:
    """``value`` as a date (YYYY-MM-DD); UsageError when it is not one."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{what}: {value!r} is not a date; use YYYY-MM-DD (e.g. 2023-01-13)") from None


def parse_confidence(value: str | float | None) -> Decimal | None:
    """``value`` as a confidence between 0 and 1; UsageError otherwise."""
    if value is None:
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise UsageError(f"min-confidence: {value!r} is not a number; use a value from 0 to 1") from None
    if not number.is_finite() or not 0 <= number <= 1:
        raise UsageError(f"min-confidence: {value} is out of range; use a value from 0 to 1")
    return number


def entity_class(type_name: str | None) -> URIRef | None:
    """The class listed by ``kg entities --type type_name``; UsageError for an unknown type."""
    if type_name is None:
        return None
    key = type_name.strip().lower()
    if key not in ENTITY_TYPES:
        raise UsageError(f"unknown entity type {type_name!r}; valid types: {', '.join(ENTITY_TYPES)}")
    return ENTITY_TYPES[key]


def _text(value: str | None) -> Literal | None:
    # A plain string literal: whatever it contains, it reaches the query as a
    # value (serialised and escaped by rdflib), never as query text.
    if value is None:
        return None
    return Literal(str(value))


def _confidence_literal(value) -> Literal | None:
    number = parse_confidence(value)
    return None if number is None else Literal(str(number), datatype=XSD.decimal)


def _date_literal(value, what: str) -> Literal | None:
    day = parse_date(value, what)
    return None if day is None else Literal(day.isoformat(), datatype=XSD.date)


# -- small helpers -------------------------------------------------------------

def _str(term) -> str | None:
    return None if term is None else str(term)


def _number(term) -> float | None:
    if term is None:
        return None
    try:
        return float(str(term))
    except ValueError:
        return None


def _bool(term) -> bool | None:
    if term is None:
        return None
    return str(term).strip().lower() in ("true", "1")


def local_name(iri: str) -> str:
    """The last part of an IRI, as a label of last resort."""
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


def display_date(start: str | None, end: str | None, granularity: str | None) -> str | None:
    """A date at its precision: YYYY-MM-DD (day), YYYY-MM (month), YYYY (year), else the first day."""
    if not start:
        return None
    if granularity == "month":
        return start[:7]
    if granularity == "year":
        return start[:4]
    return start


def _pick_label(labels: set[str], fallback: str) -> str:
    # Deterministic choice among the labels the graphs give one IRI.
    return min(labels, key=lambda s: (s.casefold(), s)) if labels else fallback


def _join_evidence(sentences: dict[int, str]) -> str:
    return _EVIDENCE_SEPARATOR.join(text for _, text in sorted(sentences.items()))


def _sentence_key(row) -> int:
    try:
        return int(str(row.get("sentence")))
    except (TypeError, ValueError):
        return 0


def _by_date_then_source(row: dict) -> tuple:
    # Undated answers go last; ties are broken by source, then IRI, for stable output.
    date = row.get("date")
    return (date is None, date or "", row.get("source") or "", row.get("meeting") or row.get("statement") or "")


# -- who discussed what with whom ----------------------------------------------

def who_discussed(store, name: str | None = None, topic: str | None = None,
                  since: str | dt.date | None = None, until: str | dt.date | None = None,
                  min_confidence: str | float | None = None) -> list[dict]:
    """Meetings the sources say were held, one row per meeting.

    :param store: an open kg store.
    :param name: keep meetings with a participant whose name, surface form or
        alias contains this text (case-insensitive); all participants are shown.
    :param topic: keep meetings with a topic whose label contains this text.
    :param since: keep meetings that can have happened on or after this day (YYYY-MM-DD).
    :param until: keep meetings that can have happened on or before this day.
    :param min_confidence: keep meetings with at least this confidence (0 to 1).
    :returns: rows ``{participants, topics, date, date_end, granularity, place,
        kind, source, evidence, confidence, meeting}`` sorted by date then source.
    :raises UsageError: for a bad date or confidence.
    """
    since_lit = _date_literal(since, "since")
    until_lit = _date_literal(until, "until")
    if since_lit is not None and until_lit is not None and parse_date(since) > parse_date(until):
        raise UsageError(f"since ({since}) is after until ({until})")
    result = run_named(store, "who_discussed", name=_text(name), topic=_text(topic),
                       since=since_lit, until=until_lit,
                       minConfidence=_confidence_literal(min_confidence))
    meetings: dict[str, dict] = {}
    for row in result.rows:
        iri = str(row["meeting"])
        m = meetings.get(iri)
        if m is None:
            m = meetings[iri] = {
                "participants": {}, "topics": set(), "evidence": {}, "places": set(),
                "start": _str(row.get("start")), "end": _str(row.get("end")),
                "granularity": _str(row.get("granularity")), "kind": _str(row.get("kind")),
                "source": _str(row.get("source")), "confidence": _number(row.get("confidence")),
            }
        participant = str(row["participant"])
        labels = m["participants"].setdefault(participant, set())
        if row.get("participantLabel") is not None:
            labels.add(str(row["participantLabel"]))
        if row.get("topicLabel") is not None:
            m["topics"].add(str(row["topicLabel"]))
        if row.get("placeLabel") is not None:
            m["places"].add(str(row["placeLabel"]))
        if row.get("evidence") is not None:
            m["evidence"][_sentence_key(row)] = str(row["evidence"])
    answers = []
    for iri, m in meetings.items():
        participants = sorted((_pick_label(labels, local_name(p)) for p, labels in m["participants"].items()),
                              key=str.casefold)
        answers.append({
            "participants": participants,
            "topics": sorted(m["topics"], key=str.casefold),
            "date": display_date(m["start"], m["end"], m["granularity"]),
            "date_end": m["end"],
            "granularity": m["granularity"],
            "place": _pick_label(m["places"], "") or None,
            "kind": _meeting_kind(m["kind"]),
            "source": m["source"],
            "evidence": _join_evidence(m["evidence"]),
            "confidence": m["confidence"],
            "meeting": iri,
        })
    answers.sort(key=_by_date_then_source)
    return answers


def _meeting_kind(iri: str | None) -> str | None:
    # kg:MeetingKindTalks -> "talks" (the ontology's skos:notation, without
    # needing the reference graph to be loaded).
    if iri is None:
        return None
    name = local_name(iri)
    return name[len("MeetingKind"):].lower() if name.startswith("MeetingKind") else name


# -- who said what -------------------------------------------------------------

def who_said(store, speaker: str | None = None, topic: str | None = None,
             min_confidence: str | float | None = None) -> list[dict]:
    """Statements (direct quotes and reported speech), one row per statement.

    :param store: an open kg store.
    :param speaker: keep statements whose speaker's name, surface form or alias
        contains this text (case-insensitive).
    :param topic: keep statements with a topic whose label contains this text.
    :param min_confidence: keep statements with at least this confidence (0 to 1).
    :returns: rows ``{speaker, text, direct, date, date_end, topics, reported_by,
        source, evidence, confidence, statement}`` sorted by date then source.
    :raises UsageError: for a bad confidence.
    """
    result = run_named(store, "who_said", speaker=_text(speaker), topic=_text(topic),
                       minConfidence=_confidence_literal(min_confidence))
    statements: dict[str, dict] = {}
    for row in result.rows:
        iri = str(row["statement"])
        s = statements.get(iri)
        if s is None:
            s = statements[iri] = {
                "speakers": set(), "speaker_iri": str(row["speakerIri"]), "topics": set(),
                "reporters": set(), "evidence": {}, "text": _str(row.get("text")),
                "direct": _bool(row.get("direct")), "start": _str(row.get("start")),
                "end": _str(row.get("end")), "granularity": _str(row.get("granularity")),
                "source": _str(row.get("source")), "confidence": _number(row.get("confidence")),
            }
        if row.get("speakerLabel") is not None:
            s["speakers"].add(str(row["speakerLabel"]))
        if row.get("topicLabel") is not None:
            s["topics"].add(str(row["topicLabel"]))
        if row.get("reportedByLabel") is not None:
            s["reporters"].add(str(row["reportedByLabel"]))
        if row.get("evidence") is not None:
            s["evidence"][_sentence_key(row)] = str(row["evidence"])
    answers = []
    for iri, s in statements.items():
        answers.append({
            "speaker": _pick_label(s["speakers"], local_name(s["speaker_iri"])),
            "text": s["text"],
            "direct": s["direct"],
            "date": display_date(s["start"], s["end"], s["granularity"]),
            "date_end": s["end"],
            "topics": sorted(s["topics"], key=str.casefold),
            "reported_by": _pick_label(s["reporters"], "") or None,
            "source": s["source"],
            "evidence": _join_evidence(s["evidence"]),
            "confidence": s["confidence"],
            "statement": iri,
        })
    answers.sort(key=_by_date_then_source)
    return answers


# -- entities ------------------------------------------------------------------

def entities(store, type: str | None = None) -> list[dict]:  # noqa: A002 - mirrors --type
    """Actors mentioned in the documents, topics discussed and policy measures.

    :param store: an open kg store.
    :param type: one of person, country, organization, topic, policy; None lists all.
    :returns: rows ``{name, type, iri, aliases, posts, unnamed}`` sorted by type
        then name; ``posts`` is a list of ``{label, start, end, status}`` where
        status is "reference" for a post from the reference data, else the
        status of a post the sources claim (consistent, conflicting, unverified).
    :raises UsageError: for an unknown type (the message lists the valid ones).
    """
    cls = entity_class(type)
    result = run_named(store, "entities", **{"class": cls})
    found: dict[str, dict] = {}
    for row in result.rows:
        iri = str(row["entity"])
        e = found.setdefault(iri, {"types": set(), "ref": set(), "labels": set(), "aliases": set(),
                                   "posts": set(), "unnamed": False})
        kind = _TYPE_OF_CLASS.get(str(row.get("class")))
        if kind:
            e["types"].add(kind)
        if row.get("refLabel") is not None:
            e["ref"].add(str(row["refLabel"]))
        if row.get("label") is not None:
            e["labels"].add(str(row["label"]))
        if row.get("alias") is not None:
            e["aliases"].add(str(row["alias"]))
        if row.get("postStatus") is not None:
            e["posts"].add((_str(row.get("postLabel")) or "", _str(row.get("postStart")),
                            _str(row.get("postEnd")), str(row["postStatus"])))
        if _bool(row.get("unnamed")):
            e["unnamed"] = True
    answers = []
    for iri, e in found.items():
        if not e["types"]:
            continue
        kind = min(e["types"], key=_TYPE_PRIORITY.index)
        if e["ref"]:
            name = _pick_label(e["ref"], local_name(iri))
        elif e["labels"]:
            # The fullest name a document gave ("Kurt Campbell" over "Campbell").
            name = max(e["labels"], key=lambda s: (len(s), s))
        else:
            name = local_name(iri)
        aliases = (e["aliases"] | e["labels"] | e["ref"]) - {name}
        posts = [{"label": label, "start": start, "end": end, "status": status}
                 for label, start, end, status in sorted(e["posts"], key=lambda p: (p[1] or "", p[0], p[3]))]
        answers.append({"name": name, "type": kind, "iri": iri,
                        "aliases": sorted(aliases, key=str.casefold), "posts": posts,
                        "unnamed": e["unnamed"]})
    answers.sort(key=lambda r: (_TYPE_PRIORITY.index(r["type"]), r["name"].casefold(), r["iri"]))
    return answers


# -- role conflicts ------------------------------------------------------------

def role_conflicts(store) -> list[dict]:
    """Posts the sources give a person that the reference data contradicts.

    :param store: an open kg store.
    :returns: rows ``{person, claimed_role, article_date, conflicts_with,
        reference_start, reference_end, source, evidence, confidence, claim}``
        sorted by source.
    """
    result = run_named(store, "role_conflicts")
    claims: dict[str, dict] = {}
    for row in result.rows:
        iri = str(row["claim"])
        c = claims.setdefault(iri, {"people": set(), "person": str(row["person"]), "evidence": set(),
                                    "refs": set(), "row": row})
        if row.get("personLabel") is not None:
            c["people"].add(str(row["personLabel"]))
        if row.get("evidence") is not None:
            c["evidence"].add(str(row["evidence"]))
        if row.get("referenceLabel") is not None:
            c["refs"].add(str(row["referenceLabel"]))
        elif row.get("referencePost") is not None:
            c["refs"].add(local_name(str(row["referencePost"])))
    answers = []
    for iri, c in claims.items():
        row = c["row"]
        answers.append({
            "person": _pick_label(c["people"], local_name(c["person"])),
            "claimed_role": _str(row.get("claimedRole")),
            "article_date": _str(row.get("articleDate")),
            "conflicts_with": _pick_label(c["refs"], "") or None,
            "reference_start": _str(row.get("referenceStart")),
            "reference_end": _str(row.get("referenceEnd")),
            "source": _str(row.get("source")),
            "evidence": _EVIDENCE_SEPARATOR.join(sorted(c["evidence"])),
            "confidence": _number(row.get("confidence")),
            "claim": iri,
        })
    answers.sort(key=lambda r: (r["source"] or "", r["claim"]))
    return answers


# -- statistics ----------------------------------------------------------------

_STAT_NAMES = [("documents", "documents"), ("meetings", "meetings"), ("statements", "statements"),
               ("policies", "policy measures"), ("postClaims", "post claims"),
               ("conflictingClaims", "conflicting post claims"), ("actors", "actors mentioned"),
               ("graphs", "named graphs"), ("triples", "triples")]


def stats(store) -> list[dict]:
    """How much the store holds: rows ``{measure, count}``.

    :param store: an open kg store.
    """
    result = run_named(store, "stats")
    row = result.rows[0] if result.rows else {}
    return [{"measure": label, "count": int(str(row[var])) if row.get(var) is not None else 0}
            for var, label in _STAT_NAMES]


# -- raw SPARQL ----------------------------------------------------------------

def is_update(sparql: str) -> bool:
    """True when ``sparql`` is a SPARQL Update request rather than a query."""
    position = 0
    while True:
        match = _PROLOGUE_ITEM.match(sparql, position)
        if not match or match.end() == position:
            break
        position = match.end()
    word = re.match(r"[A-Za-z]+", sparql[position:])
    return bool(word) and word.group(0).upper() in _UPDATE_KEYWORDS


def run_sparql(store, sparql: str):
    """Run a read-only SPARQL query; refuse updates. Returns a ``kg.store.QueryResult``.

    :raises QueryError: for an update request or malformed SPARQL.
    """
    if not sparql.strip():
        raise QueryError("empty query; pass SPARQL text, a .rq file or - for stdin")
    if is_update(sparql):
        raise QueryError("kg query is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR, DROP, ...) "
                         "are refused; change the store with `kg ingest`")
    return store.query(sparql)
