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

from kg.errors import QueryError, StoreError, UnknownNameError, UsageError
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
    The store is opened read-only: it takes no database lock, so questions
    can be asked while an ingest is writing.
    """
    from kg.store import REMOTE_SCHEMES, open_store, resolve_location

    where = resolve_location(location)
    if not where.startswith(REMOTE_SCHEMES):
        path = Path(where)
        if not (path / "oxigraph").is_dir():
            raise StoreError(f"no store at {path}; run `kg ingest FILE...` first or pass --store")
    return open_store(where, create=False, read_only=True)


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
    """A date at its precision: YYYY-MM-DD for a day, YYYY-MM for a month, and for any other span
    (a year, a week, "late June") the ISO 8601 interval YYYY-MM-DD/YYYY-MM-DD, so that no vague
    time reads as one precise day."""
    if not start:
        return None
    if granularity == "month":
        return start[:7]
    if end and end != start:
        return f"{start}/{end}"
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


# -- shared parts of who_discussed and who_said ---------------------------------
#
# A question is answered by a few narrow named queries joined here by fact
# IRI, not by one query that multiplies participants, topics and evidence
# sentences (see kg/queries/who_discussed.rq for the measurements).  When
# --with/--speaker/--topic select few facts, they are found by index lookups
# (facts_linked.rq) and read fact by fact; otherwise every fact is read once
# and filtered here.

#: Up to this many facts are read fact by fact (about 0.2 ms per query);
#: above it, each query reads every fact of the store at once (about 0.1 ms
#: per fact in the store, measured on 2.5M triples).
PER_FACT_LIMIT = 1500
#: Up to this many actors or topics matching a name are looked up one by one
#: (facts_linked.rq); a vaguer name is filtered on the folded rows instead.
LINKED_LOOKUP_LIMIT = 200


def _matching(store, query: str, variable: str, text: str | None, key: str) -> set[str] | None:
    # --with / --speaker / --topic: the IRIs whose names contain ``text``
    # (None when there is no such filter).
    if text is None:
        return None
    return {str(row[key]) for row in run_named(store, query, **{variable: _text(text)}).rows}


def require_known(store, *, actor: tuple[str, str | None] | None = None,
                  topic: tuple[str, str | None] | None = None) -> None:
    """Raise UnknownNameError when a name given to a question matches nothing in the store.

    ``actor`` and ``topic`` are (option, text) pairs such as ("--with", "Kishida"); a
    text of None is no filter.  The questions themselves answer such a name with
    no rows (a page of the explorer shows an empty table); the command line says
    that the name is unknown instead, so that a typo is not read as "they never met".
    """
    if actor is not None and actor[1] is not None and not _matching(store, "actors_named", "name", actor[1], "actor"):
        raise UnknownNameError(f"{actor[0]}: no actor in the store is called {actor[1]!r} "
                               f"(`kg entities` lists them)")
    if topic is not None and topic[1] is not None and not _matching(store, "topics_named", "topic", topic[1], "concept"):
        raise UnknownNameError(f"{topic[0]}: no topic in the store matches {topic[1]!r} "
                               f"(`kg entities --type topic` lists them)")


def _linked_facts(store, cls: URIRef, link: URIRef, targets: set[str] | None) -> set[str] | None:
    # The facts that link to any of ``targets``; None when there is no filter
    # or too many targets to look up one by one.
    if targets is None or len(targets) > LINKED_LOOKUP_LIMIT:
        return None
    found: set[str] = set()
    for target in sorted(targets):
        rows = run_named(store, "facts_linked", **{"class": cls, "link": link, "target": URIRef(target)}).rows
        found.update(str(row["fact"]) for row in rows)
    return found


def _intersect(*sets: set[str] | None) -> set[str] | None:
    known = [s for s in sets if s is not None]
    if not known:
        return None
    result = set(known[0])
    for other in known[1:]:
        result &= other
    return result


def _fact_rows(store, query: str, variable: str, candidates: set[str] | None, **bindings) -> list[dict]:
    # The main query, fact by fact for a few candidates, else once for all.
    if candidates is not None and len(candidates) <= PER_FACT_LIMIT:
        return [row for fact in sorted(candidates)
                for row in run_named(store, query, **{variable: URIRef(fact)}, **bindings).rows]
    rows = run_named(store, query, **bindings).rows
    if candidates is None:
        return rows
    return [row for row in rows if str(row[variable]) in candidates]


def _reference_labels(store) -> dict[str, str]:
    labels: dict[str, set[str]] = {}
    for row in run_named(store, "reference_labels").rows:
        labels.setdefault(str(row["resource"]), set()).add(str(row["label"]))
    return {iri: _pick_label(names, local_name(iri)) for iri, names in labels.items()}


def _per_fact_rows(store, query: str, cls: URIRef, facts: list[str]) -> list[dict]:
    if len(facts) <= PER_FACT_LIMIT:
        return [row for fact in facts
                for row in run_named(store, query, **{"class": cls, "fact": URIRef(fact)}).rows]
    wanted = set(facts)
    return [row for row in run_named(store, query, **{"class": cls}).rows if str(row["fact"]) in wanted]


def _fact_topics(store, cls: URIRef, facts: list[str]) -> dict[str, dict[str, set[str]]]:
    """Topic IRIs of each fact, with the labels the documents gave them."""
    topics: dict[str, dict[str, set[str]]] = {}
    for row in _per_fact_rows(store, "fact_topics", cls, facts):
        if row.get("topicText") is not None:
            # The source's own word for a topic: listed as a topic of its own ("grain"
            # beside "food security"), keyed so that it never meets a concept IRI.
            word = str(row["topicText"])
            topics.setdefault(str(row["fact"]), {}).setdefault(f"text:{word.casefold()}", set()).add(word)
            continue
        labels = topics.setdefault(str(row["fact"]), {}).setdefault(str(row["topic"]), set())
        if row.get("topicLabel") is not None:
            labels.add(str(row["topicLabel"]))
    return topics


def _fact_evidence(store, cls: URIRef, facts: list[str]) -> dict[str, dict]:
    """Evidence sentences (by sentence number) and source file of each fact."""
    evidence: dict[str, dict] = {}
    for row in _per_fact_rows(store, "fact_evidence", cls, facts):
        e = evidence.setdefault(str(row["fact"]), {"sentences": {}, "sources": set()})
        e["sentences"][_sentence_key(row)] = str(row["evidence"])
        e["sources"].add(str(row["source"]))
    return evidence


def _label(iri: str, document_labels: set[str], reference: dict[str, str]) -> str:
    # The name as the document gave it first ("Volodymyr Zelensky" in an article that
    # spells it so, whatever the reference data's spelling), then the reference name.
    names = [s for s in document_labels if _is_full_name(s)]
    if names and iri in reference:
        return max(names, key=lambda s: (len(s.split()), len(s), s))
    return reference.get(iri) or _pick_label(document_labels, local_name(iri))


_TITLE_WORDS = {"president", "prime", "minister", "vice", "chancellor", "secretary", "king", "queen", "mr", "mrs",
                "ms", "dr", "premier", "ambassador", "senator", "the", "a", "an"}


def _is_full_name(label: str) -> bool:
    """A document's name for a person that can stand for them: two words or more, no title first."""
    words = label.split()
    return len(words) >= 2 and words[0].lower().strip(".") not in _TITLE_WORDS


def _topic_labels(topics: dict[str, set[str]], reference: dict[str, str]) -> list[str]:
    labels: dict[str, str] = {}
    for iri, names in topics.items():
        label = _label(iri, names, reference)
        labels.setdefault(label.casefold(), label)      # a word that is also a label: once
    return sorted(labels.values(), key=str.casefold)


def _in_window(start: str | None, end: str | None, since: dt.date | None, until: dt.date | None) -> bool:
    # A fact "can have happened" in [since, until] when its span overlaps it;
    # an undated fact cannot be placed, so any date filter drops it.
    if since is None and until is None:
        return True
    if not start or not end:
        return False
    return (since is None or end >= since.isoformat()) and (until is None or start <= until.isoformat())


# -- who discussed what with whom ----------------------------------------------

def who_discussed(store, name: str | None = None, topic: str | None = None,
                  since: str | dt.date | None = None, until: str | dt.date | None = None,
                  min_confidence: str | float | None = None) -> list[dict]:
    """Meetings the sources say were held, one row per meeting.

    :param store: an open kg store.
    :param name: keep meetings with a participant whose name, surface form or
        alias contains this text (case-insensitive); all participants are shown.
    :param topic: keep meetings with a topic whose label or alias contains this text.
    :param since: keep meetings that can have happened on or after this day (YYYY-MM-DD).
    :param until: keep meetings that can have happened on or before this day.
    :param min_confidence: keep meetings with at least this confidence (0 to 1).
    :returns: rows ``{participants, topics, date, date_end, granularity, place,
        kind, source, evidence, confidence, meeting}`` sorted by date then source.
    :raises UsageError: for a bad date or confidence.
    """
    since_day, until_day = parse_date(since, "since"), parse_date(until, "until")
    if since_day and until_day and since_day > until_day:
        raise UsageError(f"since ({since_day}) is after until ({until_day})")
    confidence = _confidence_literal(min_confidence)
    actors = _matching(store, "actors_named", "name", name, "actor")
    concepts = _matching(store, "topics_named", "topic", topic, "concept")
    if actors == set() or concepts == set():
        return []
    candidates = _intersect(_linked_facts(store, KG.Meeting, KG.participant, actors),
                            _linked_facts(store, KG.Meeting, KG.topic, concepts))
    meetings: dict[str, dict] = {}
    for row in _fact_rows(store, "who_discussed", "meeting", candidates, minConfidence=confidence):
        m = meetings.setdefault(str(row["meeting"]), {
            "participants": {}, "places": set(), "start": None, "end": None, "granularity": None,
            "kind": None, "confidence": None})
        if row.get("kind") is not None:
            m["kind"], m["confidence"] = str(row["kind"]), _number(row.get("confidence"))
        if row.get("participant") is not None:
            labels = m["participants"].setdefault(str(row["participant"]), set())
            if row.get("participantLabel") is not None:
                labels.add(str(row["participantLabel"]))
        if row.get("start") is not None:
            m["start"], m["end"] = str(row["start"]), _str(row.get("end"))
            m["granularity"] = _str(row.get("granularity"))
        if row.get("placeLabel") is not None:
            m["places"].add(str(row["placeLabel"]))
    meetings = {iri: m for iri, m in meetings.items()
                if _in_window(m["start"], m["end"], since_day, until_day)
                # Checked on all participant IRIs, so a matching meeting keeps
                # every participant in the answer, not only the one that matched.
                and (actors is None or actors & m["participants"].keys())}
    topics = _fact_topics(store, KG.Meeting, sorted(meetings))
    if concepts is not None:
        meetings = {iri: m for iri, m in meetings.items() if concepts & topics.get(iri, {}).keys()}
    evidence = _fact_evidence(store, KG.Meeting, sorted(meetings))
    reference = _reference_labels(store) if meetings else {}
    answers = []
    for iri, m in meetings.items():
        found = evidence.get(iri, {"sentences": {}, "sources": set()})
        answers.append({
            "participants": sorted((_label(p, labels, reference) for p, labels in m["participants"].items()),
                                   key=str.casefold),
            "topics": _topic_labels(topics.get(iri, {}), reference),
            "date": display_date(m["start"], m["end"], m["granularity"]),
            "date_end": m["end"],
            "granularity": m["granularity"],
            "place": _pick_label(m["places"], "") or None,
            "kind": _meeting_kind(m["kind"]),
            "source": _pick_label(found["sources"], "") or None,
            "evidence": _join_evidence(found["sentences"]),
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
    :param topic: keep statements with a topic whose label or alias contains this text.
    :param min_confidence: keep statements with at least this confidence (0 to 1).
    :returns: rows ``{speaker, text, direct, date, date_end, topics, reported_by,
        source, evidence, confidence, statement}`` sorted by date then source.
    :raises UsageError: for a bad confidence.
    """
    confidence = _confidence_literal(min_confidence)
    actors = _matching(store, "actors_named", "name", speaker, "actor")
    concepts = _matching(store, "topics_named", "topic", topic, "concept")
    if actors == set() or concepts == set():
        return []
    candidates = _intersect(_linked_facts(store, KG.Statement, KG.speaker, actors),
                            _linked_facts(store, KG.Statement, KG.topic, concepts))
    statements: dict[str, dict] = {}
    for row in _fact_rows(store, "who_said", "statement", candidates, minConfidence=confidence):
        s = statements.setdefault(str(row["statement"]), {
            "speaker": None, "speakers": set(), "said_as": None, "reporter": None, "reporters": set(), "text": None,
            "direct": None, "start": None, "end": None, "granularity": None, "confidence": None})
        s["speaker"], s["text"] = str(row["speaker"]), _str(row.get("text"))
        s["direct"], s["confidence"] = _bool(row.get("direct")), _number(row.get("confidence"))
        if row.get("speakerLabel") is not None:
            s["speakers"].add(str(row["speakerLabel"]))
        if row.get("speakerText") is not None:
            s["said_as"] = str(row["speakerText"])
        if row.get("start") is not None:
            s["start"], s["end"] = str(row["start"]), _str(row.get("end"))
            s["granularity"] = _str(row.get("granularity"))
        if row.get("reportedBy") is not None:
            s["reporter"] = str(row["reportedBy"])
            if row.get("reportedByLabel") is not None:
                s["reporters"].add(str(row["reportedByLabel"]))
    statements = {iri: s for iri, s in statements.items()
                  if s["speaker"] is not None and (actors is None or s["speaker"] in actors)}
    topics = _fact_topics(store, KG.Statement, sorted(statements))
    if concepts is not None:
        statements = {iri: s for iri, s in statements.items() if concepts & topics.get(iri, {}).keys()}
    evidence = _fact_evidence(store, KG.Statement, sorted(statements))
    reference = _reference_labels(store) if statements else {}
    answers = []
    for iri, s in statements.items():
        found = evidence.get(iri, {"sentences": {}, "sources": set()})
        answers.append({
            # An organisation or unnamed speaker is shown as the source names it
            # ("China's commerce ministry"); speaker_iri links it to the actor.
            "speaker": s["said_as"] or _label(s["speaker"], s["speakers"], reference),
            "speaker_iri": s["speaker"],
            "text": s["text"],
            "direct": s["direct"],
            "date": display_date(s["start"], s["end"], s["granularity"]),
            "date_end": s["end"],
            "topics": _topic_labels(topics.get(iri, {}), reference),
            "reported_by": _label(s["reporter"], s["reporters"], reference) if s["reporter"] else None,
            "source": _pick_label(found["sources"], "") or None,
            "evidence": _join_evidence(found["sentences"]),
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
        # The reference graph's own label comes back among the labels too: a spelling of the
        # documents ("Sergei Lavrov") goes before it ("Sergey Lavrov").
        full = [s for s in e["labels"] - e["ref"] if _is_full_name(s)] or \
            [s for s in e["labels"] if _is_full_name(s)]
        if kind == "person" and e["ref"] and full:
            # People as the documents spell them (Zelensky, Zelenskyy...), the fullest first.
            name = max(full, key=lambda s: (len(s.split()), len(s), s))
        elif e["ref"]:
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
