"""kg.answers on a hand-built store: every filter really filters, values stay values."""
from __future__ import annotations

import json

import pytest
from rdflib import Literal, URIRef

from kg import answers, formats
from kg.errors import QueryError, UsageError
from kg.queries import load, names, run_named

from conftest import SECRET

SEED, DUTCH, QUOTES1, QUOTES2 = ("https://w3id.org/kg-news/doc/seed#meeting-1",
                                 "https://w3id.org/kg-news/doc/dutch#meeting-1",
                                 "https://w3id.org/kg-news/doc/quotes#meeting-1",
                                 "https://w3id.org/kg-news/doc/quotes#meeting-2")
MY_QUERIES = ["who_discussed", "who_said", "entities", "role_conflicts", "stats", "fact_topics",
              "fact_evidence", "facts_linked", "reference_labels", "actors_named", "topics_named"]


def meetings(rows):
    return [r["meeting"] for r in rows]


# -- who discussed -------------------------------------------------------------

def test_who_discussed_lists_held_meetings_by_date(store):
    rows = answers.who_discussed(store)
    # The planned summit is not listed; the undated meeting comes last.
    assert meetings(rows) == [DUTCH, SEED, QUOTES1, QUOTES2]
    seed = rows[1]
    assert seed["participants"] == ["Fumio Kishida", "Joe Biden"]
    assert seed["topics"] == ["export controls", "semiconductors"]
    assert (seed["date"], seed["date_end"], seed["granularity"]) == ("2023-01-13", "2023-01-13", "day")
    assert seed["place"] == "Washington"
    assert seed["kind"] == "talks"
    assert seed["source"] == "seed.txt"
    assert "very productive" in seed["evidence"]
    assert seed["confidence"] == pytest.approx(0.8)


def test_dates_are_shown_at_their_precision(store):
    by_iri = {r["meeting"]: r for r in answers.who_discussed(store)}
    assert by_iri[DUTCH]["date"] == "2022-10"
    assert by_iri[DUTCH]["date_end"] == "2022-10-31"
    assert by_iri[QUOTES2]["date"] is None


def test_reference_names_win_over_document_names(store):
    dutch = {r["meeting"]: r for r in answers.who_discussed(store)}[DUTCH]
    assert dutch["participants"] == ["Joe Biden", "Mark Rutte"]


def test_all_evidence_sentences_are_kept_in_order(store):
    quotes = {r["meeting"]: r for r in answers.who_discussed(store)}[QUOTES1]
    assert quotes["evidence"].startswith("Conor O'Brien met Koji Tomita")
    assert quotes["evidence"].endswith('"has never been stronger".')


@pytest.mark.parametrize("name, expected", [
    ("kishida", [SEED, QUOTES2]),                 # case-insensitive, part of a label
    ("Joseph R.", [DUTCH, SEED]),                  # skos:altLabel of the reference data
    ("vice president joe", [DUTCH, SEED]),         # a kg:surfaceForm in one document names the actor
    ("Rutte", [DUTCH]),
    ("nobody", []),
])
def test_name_filter(store, name, expected):
    rows = answers.who_discussed(store, name=name)
    assert meetings(rows) == expected
    for row in rows:
        assert len(row["participants"]) == 2     # every participant, not only the one that matched


def test_name_with_a_quote_is_a_value(store):
    rows = answers.who_discussed(store, name="O'Brien")
    assert meetings(rows) == [QUOTES1]
    assert rows[0]["participants"] == ["Conor O'Brien", "Koji Tomita"]


@pytest.mark.parametrize("name", [SECRET, '"', "\\", "' || true || '", "}", "?name"])
def test_name_cannot_change_the_query(store, name):
    assert answers.who_discussed(store, name=name) == []
    assert answers.who_said(store, speaker=name) == []


@pytest.mark.parametrize("topic, expected", [
    ("export", [DUTCH, SEED]),
    ("CHIPS", [SEED]),                             # altLabel of a scheme topic
    ("alliance", [QUOTES1]),                       # topic minted in a document
    ("fisheries", []),
    (SECRET, []),
])
def test_topic_filter(store, topic, expected):
    assert meetings(answers.who_discussed(store, topic=topic)) == expected


@pytest.mark.parametrize("since, until, expected", [
    ("2023-01-01", None, [SEED, QUOTES1]),
    (None, "2022-12-31", [DUTCH]),
    ("2022-10-15", "2022-10-16", [DUTCH]),         # overlaps the month the call happened in
    ("2023-01-13", "2023-01-13", [SEED]),
    ("2023-01-14", "2023-01-31", []),
])
def test_date_filters(store, since, until, expected):
    assert meetings(answers.who_discussed(store, since=since, until=until)) == expected


@pytest.mark.parametrize("minimum, expected", [
    (0.5, [SEED, QUOTES1, QUOTES2]),
    ("0.75", [SEED]),
    (0, [DUTCH, SEED, QUOTES1, QUOTES2]),
    (1, []),
])
def test_min_confidence(store, minimum, expected):
    assert meetings(answers.who_discussed(store, min_confidence=minimum)) == expected


def test_filters_combine(store):
    rows = answers.who_discussed(store, name="biden", topic="export", since="2023-01-01")
    assert meetings(rows) == [SEED]


def test_fact_by_fact_and_whole_store_reads_agree(store, monkeypatch):
    for kwargs in ({}, {"name": "biden"}, {"topic": "export"}, {"since": "2023-01-01"}):
        fast = answers.who_discussed(store, **kwargs)
        said = answers.who_said(store, speaker=kwargs.get("name"), topic=kwargs.get("topic"))
        monkeypatch.setattr(answers, "PER_FACT_LIMIT", 0)
        monkeypatch.setattr(answers, "LINKED_LOOKUP_LIMIT", 0)
        assert answers.who_discussed(store, **kwargs) == fast
        assert answers.who_said(store, speaker=kwargs.get("name"), topic=kwargs.get("topic")) == said
        monkeypatch.undo()


@pytest.mark.parametrize("kwargs", [
    {"since": "2023-13-01"}, {"until": "yesterday"}, {"since": "2023-1-1"},
    {"since": "2023-02-01", "until": "2023-01-01"},
    {"min_confidence": "high"}, {"min_confidence": 1.5}, {"min_confidence": -0.1},
    {"min_confidence": "nan"},
])
def test_bad_values_are_usage_errors(store, kwargs):
    with pytest.raises(UsageError):
        answers.who_discussed(store, **kwargs)


def test_the_named_query_takes_its_bindings(store):
    # who_discussed.rq filters on ?minConfidence itself (not only through kg.answers).
    decimal = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    result = run_named(store, "who_discussed", minConfidence=Literal("0.75", datatype=decimal))
    assert {str(row["meeting"]) for row in result.rows} == {SEED}
    result = run_named(store, "who_discussed")
    assert {str(row["meeting"]) for row in result.rows} == {SEED, DUTCH, QUOTES1, QUOTES2}


# -- who said ------------------------------------------------------------------

def test_who_said(store):
    rows = answers.who_said(store)
    assert [r["speaker"] for r in rows] == ["Conor O'Brien", "Kurt Campbell"]
    campbell = rows[1]
    assert campbell["text"] == "very productive"
    assert campbell["direct"] is True
    assert campbell["topics"] == ["export controls"]
    assert campbell["source"] == "seed.txt"
    assert campbell["reported_by"] is None


@pytest.mark.parametrize("kwargs, speakers", [
    ({"speaker": "campbell"}, ["Kurt Campbell"]),
    ({"speaker": "O'Brien"}, ["Conor O'Brien"]),
    ({"topic": "alliance"}, ["Conor O'Brien"]),
    ({"min_confidence": 0.72}, ["Kurt Campbell"]),
    ({"speaker": "campbell", "topic": "alliance"}, []),
])
def test_who_said_filters(store, kwargs, speakers):
    assert [r["speaker"] for r in answers.who_said(store, **kwargs)] == speakers


# -- entities, conflicts, stats -----------------------------------------------

def test_entities_people(store):
    people = {r["name"]: r for r in answers.entities(store, type="person")}
    assert set(people) == {"Conor O'Brien", "Fumio Kishida", "Joe Biden", "Koji Tomita", "Kurt Campbell",
                           "Mark Rutte"}
    biden = people["Joe Biden"]
    assert biden["type"] == "person"
    assert {"Biden", "Joseph R. Biden", "President Biden", "Vice President Joe Biden"} <= set(biden["aliases"])
    assert {(p["label"], p["status"]) for p in biden["posts"]} == {
        ("President of the United States", "reference"), ("Vice President", "conflicting")}


@pytest.mark.parametrize("kind, expected", [
    ("country", {"United States"}),
    ("topic", {"alliance", "export controls", "semiconductors"}),
    ("policy", {"export controls on chipmaking tools"}),
    ("organization", set()),
    ("Person", {"Conor O'Brien", "Fumio Kishida", "Joe Biden", "Koji Tomita", "Kurt Campbell", "Mark Rutte"}),
])
def test_entities_by_type(store, kind, expected):
    assert {r["name"] for r in answers.entities(store, type=kind)} == expected


def test_entities_unknown_type_lists_the_valid_ones(store):
    with pytest.raises(UsageError, match="person, country, organization, topic, policy"):
        answers.entities(store, type="people")


def test_role_conflicts(store):
    rows = answers.role_conflicts(store)
    assert len(rows) == 1
    row = rows[0]
    assert (row["person"], row["claimed_role"]) == ("Joe Biden", "Vice President")
    assert row["conflicts_with"] == "President of the United States"
    assert (row["reference_start"], row["reference_end"]) == ("2021-01-20", "2025-01-20")
    assert row["source"] == "seed.txt"
    assert row["article_date"] == "2023-01-19"


def test_stats(store):
    counts = {r["measure"]: r["count"] for r in answers.stats(store)}
    assert counts["documents"] == 3
    assert counts["meetings"] == 5
    assert counts["statements"] == 2
    assert counts["conflicting post claims"] == 1
    assert counts["named graphs"] == 4
    assert counts["triples"] > 100


# -- raw SPARQL and output formats ----------------------------------------------

@pytest.mark.parametrize("text", [
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "PREFIX kg: <https://w3id.org/kg-news/ns#>\n# a comment { }\nDELETE WHERE { ?s kg:text ?o }",
    "  drop all",
    "BASE <http://x/> CLEAR DEFAULT",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused(store, text):
    with pytest.raises(QueryError, match="read-only"):
        answers.run_sparql(store, text)


def test_queries_that_mention_update_words_are_fine(store):
    result = answers.run_sparql(store, "PREFIX ex: <http://x/insert#> SELECT ?s WHERE { ?s ex:delete ?o }")
    assert result.kind == "select" and result.rows == []


def test_formats_of_rows(store):
    rows = answers.who_discussed(store, name="O'Brien")
    table = formats.format_rows(rows, "table", answers.COLUMNS["who_discussed"])
    assert "Conor O'Brien, Koji Tomita" in table
    assert json.loads(formats.format_rows(rows, "json"))[0]["participants"] == ["Conor O'Brien", "Koji Tomita"]
    csv_text = formats.format_rows(rows, "csv", answers.COLUMNS["who_discussed"])
    assert csv_text.splitlines()[0].startswith("participants,topics,date")
    assert formats.format_rows([], "table") == "(no results)"
    assert formats.format_rows([], "json") == "[]"
    with pytest.raises(UsageError):
        formats.format_rows(rows, "xml")


def test_every_named_query_is_documented_and_runs(store):
    assert set(MY_QUERIES) <= set(names())
    for name in MY_QUERIES:
        text = load(name)
        assert text.startswith("# "), f"{name}.rq needs a header comment"
        assert "WHERE {" not in text.split("SELECT")[0], f"{name}.rq: bindings go before the first WHERE {{"
    for name in ("who_discussed", "who_said", "entities", "role_conflicts", "stats", "reference_labels"):
        assert run_named(store, name).kind == "select"


def test_a_vague_date_is_shown_as_an_interval_not_a_day():
    from kg.answers import display_date
    assert display_date("2023-01-13", "2023-01-13", "day") == "2023-01-13"
    assert display_date("2022-10-01", "2022-10-31", "month") == "2022-10"
    assert display_date("2019-01-01", "2019-12-31", "year") == "2019-01-01/2019-12-31"
    assert display_date("2025-06-21", "2025-06-30", "part-of-month") == "2025-06-21/2025-06-30"
