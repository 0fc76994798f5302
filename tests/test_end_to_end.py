"""End to end with the real pipeline: the seed article through ingest, the store and the answers."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.answers import entities, role_conflicts, who_discussed, who_said
from kg.ingest import ingest_paths
from kg.queries import run_named
from kg.store import LocalStore

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_14cfe8a582b153d6.txt"


@pytest.fixture(scope="module")
def extractor():
    from kg.extract.pipeline import Extractor
    return Extractor()


@pytest.fixture
def seed_store(tmp_path, extractor):
    store = LocalStore(tmp_path / "store")
    ingest_paths(store, [str(SEED)], extractor=extractor)
    yield store
    store.close()


def pairs(rows):
    return {frozenset(r["participants"]) for r in rows}


def test_seed_who_discussed_what_with_whom(seed_store):
    rows = who_discussed(seed_store)
    assert frozenset({"Joe Biden", "Fumio Kishida"}) in pairs(rows)
    assert frozenset({"Mark Rutte", "Joe Biden"}) in pairs(rows)
    assert frozenset({"Netherlands", "United States"}) in pairs(rows)
    biden_kishida = next(r for r in rows if set(r["participants"]) == {"Joe Biden", "Fumio Kishida"})
    assert biden_kishida["date"] == "2023-01-13"
    assert biden_kishida["place"] == "Washington"
    assert "export control" in biden_kishida["topics"]
    assert SEED.name in biden_kishida["source"]
    assert "Kishida" in biden_kishida["evidence"]
    rutte = next(r for r in rows if set(r["participants"]) == {"Mark Rutte", "Joe Biden"})
    assert rutte["date"] == "2023-01-17"
    # "consulting with European and Asian allies" names no country: no pair is invented from it.
    assert not any("Netherlands" in r["participants"] and len(r["participants"]) > 2 for r in rows)


def test_seed_statements_and_speakers(seed_store):
    rows = who_said(seed_store)
    by_speaker = {}
    for r in rows:
        by_speaker.setdefault(r["speaker"], []).append(r)
    kishida = by_speaker["Fumio Kishida"]
    assert any("studying it carefully" in r["text"] and r["reported_by"] == "Kurt Campbell" for r in kishida)
    assert any("step by step" in r["text"] and r["direct"] for r in by_speaker["Mark Rutte"])
    # The quote "the author adds" is Campbell's by context, with a low confidence.
    author = [r for r in rows if "consultations have been very productive" in r["text"]]
    assert author and author[0]["speaker"] == "Kurt Campbell" and author[0]["confidence"] < 0.5
    official = [r for r in rows if "would not immediately accept" in r["text"]]
    assert official and "trade official" in official[0]["speaker"]


def test_unnamed_official_gets_no_invented_name(seed_store):
    people = entities(seed_store, "person")
    names = {p["name"] for p in people}
    assert {"Kurt Campbell", "Joe Biden", "Fumio Kishida", "Koji Tomita", "Mark Rutte"} <= names
    unnamed = [p for p in people if "trade official" in p["name"]]
    assert len(unnamed) == 1
    assert unnamed[0]["name"].lower().startswith("the ")


def test_role_conflict_is_flagged_not_believed(seed_store):
    conflicts = role_conflicts(seed_store)
    biden = [c for c in conflicts if "Biden" in str(c)]
    assert biden and any("Vice President" in str(c) for c in biden)
    # The reference post is still President on the article date.
    people = {p["name"]: p for p in entities(seed_store, "person")}
    posts = " ".join(str(p) for p in people["Joe Biden"]["posts"])
    assert "President of the United States" in posts


def test_reingest_replaces_the_document(tmp_path, extractor):
    store = LocalStore(tmp_path / "store")
    copy = tmp_path / SEED.name
    shutil.copy(SEED, copy)
    ingest_paths(store, [str(copy)], extractor=extractor)
    first = sorted(store.dump("nquads").decode().splitlines())
    ingest_paths(store, [str(copy)], extractor=extractor, force=True)
    second = sorted(store.dump("nquads").decode().splitlines())
    # Same content (only the ingest time stamp may differ), no duplicates.
    strip = lambda lines: [l for l in lines if "endedAtTime" not in l]
    assert strip(first) == strip(second)
    # An unchanged file is skipped; a changed one replaces its graph.
    report = ingest_paths(store, [str(copy)], extractor=extractor)
    assert report.skipped_unchanged and not report.ingested
    copy.write_text(" date 2023-01-19 Joe Biden met Fumio Kishida on Friday in Washington.", encoding="utf-8")
    ingest_paths(store, [str(copy)], extractor=extractor)
    rows = who_discussed(store)
    assert len(rows) == 1 and rows[0]["evidence"].startswith("Joe Biden met Fumio Kishida")
    assert not who_said(store)
    store.close()


def test_every_fact_has_provenance(seed_store):
    result = seed_store.query("""
        PREFIX kg: <https://w3id.org/kg-news/ns#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?fact WHERE {
          { ?fact a kg:Meeting } UNION { ?fact a kg:Statement } UNION { ?fact a kg:PostClaim }
          UNION { ?fact a kg:PolicyMeasure }
          FILTER NOT EXISTS {
            ?fact kg:evidence ?ev ; kg:confidence ?c ; kg:extractor ?x .
            ?ev oa:hasSource ?doc ; kg:sentenceIndex ?s ; oa:hasSelector ?sel .
            ?sel oa:start ?start ; oa:end ?end .
          }
        }""")
    assert result.rows == []


def test_evidence_offsets_point_into_the_source_file(seed_store):
    text = SEED.read_text(encoding="utf-8")
    result = seed_store.query("""
        PREFIX kg: <https://w3id.org/kg-news/ns#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?start ?end ?exact WHERE {
          ?ev a kg:Evidence ; oa:hasSelector ?pos, ?quote .
          ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
        }""")
    assert result.rows
    for row in result.rows:
        assert text[int(row["start"]):int(row["end"])] == str(row["exact"])


def test_seed_conforms_to_shapes(seed_store):
    from kg.validate import validate
    conforms, report = validate(seed_store)[:2]
    assert conforms, report


def test_vague_dates_are_intervals_with_granularity(seed_store):
    result = seed_store.query("""
        PREFIX kg: <https://w3id.org/kg-news/ns#>
        SELECT ?start ?end ?g WHERE { ?p a kg:PolicyMeasure ; kg:startDate ?start ; kg:endDate ?end ; kg:granularity ?g }""")
    spans = {(str(r["start"]), str(r["end"]), str(r["g"])) for r in result.rows}
    assert ("2022-10-01", "2022-10-31", "month") in spans


def test_named_query_bindings_are_not_formatted_into_text(seed_store):
    # A value with quotes and braces is a value: it matches nothing and breaks nothing.
    assert who_discussed(seed_store, name='x") } UNION { ?s ?p ?o } #') == []
    assert run_named(seed_store, "document_hashes").rows
