"""Extraction on single sentences: one test per phenomenon, with the real pipeline and gazetteer."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.extract.document import extract_document
from kg.gazetteer import Gazetteer
from kg.sources import parse_article

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp import load_pipeline
    return load_pipeline()


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load()


class Result:
    """Facts of one text, with names instead of IRIs for readable assertions."""

    def __init__(self, facts):
        self.facts = facts

    def name(self, iri):
        entity = self.facts.entities.get(iri)
        return entity.name if entity else iri

    def meetings(self, status="held"):
        return [m for m in self.facts.meetings if m.status == status]

    def pairs(self, status="held"):
        return [sorted(self.name(p) for p in m.participants) for m in self.meetings(status)]

    def parties_of(self, kind, status="held"):
        """The sorted names of the first exchange of ``kind`` ("call", "letter", "visit", ...)."""
        return next(sorted(self.name(p) for p in m.participants) for m in self.meetings(status) if m.kind == kind)

    def said(self):
        return [(self.name(s.speaker), s.text, s.direct) for s in self.facts.statements]

    def speakers(self):
        """The name of each statement's speaker, in text order."""
        return [self.name(s.speaker) for s in self.facts.statements]

    def persons(self):
        return sorted(e.name for e in self.facts.entities.values() if e.kind == "person" and not e.unnamed)


@pytest.fixture
def extract(nlp, gaz, tmp_path):
    def run(text: str, date: str = "2023-01-19") -> Result:
        path = tmp_path / "article.txt"
        path.write_text(f" date {date} {text}", encoding="utf-8")
        article = parse_article(path)
        return Result(extract_document(nlp(article.body), article, gaz))
    return run


def test_title_before_name_gives_post_and_affiliation(extract):
    r = extract("Japanese Prime Minister Fumio Kishida arrived in Washington on Friday.")
    post = next(p for p in r.facts.posts if r.name(p.person) == "Fumio Kishida")
    assert post.role == "Prime Minister"
    assert r.name(post.organization) == "Japan"
    assert post.status == "consistent"


def test_apposition_gives_post(extract):
    r = extract("Kurt Campbell, the White House's Indo-Pacific coordinator, said on Tuesday that the talks went well.")
    post = next(p for p in r.facts.posts if r.name(p.person) == "Kurt Campbell")
    assert "coordinator" in post.role
    assert "White House" in r.name(post.organization)


def test_metonym_and_demonym_link_to_countries(extract):
    r = extract("Beijing criticised the new Dutch rules, which Japanese officials also studied.")
    countries = {e.name for e in r.facts.entities.values() if e.kind == "country"}
    assert {"China", "Netherlands", "Japan"} <= countries


def test_discussed_with_during_meeting_gives_date_and_place(extract):
    r = extract("Campbell said that Biden had discussed export controls with Kishida during their meeting "
                "on Friday in Washington.")
    assert r.pairs() == [["Fumio Kishida", "Joe Biden"]]
    meeting = r.meetings()[0]
    assert meeting.time.start == dt.date(2023, 1, 13)
    assert meeting.place[1] == "Washington"
    assert any("export control" in t.label for t in meeting.topics)


def test_talked_with_about_gives_topic(extract):
    r = extract("Dutch Prime Minister Mark Rutte talked with Joe Biden about secure supply chains on Tuesday.")
    assert r.pairs() == [["Joe Biden", "Mark Rutte"]]
    assert any("supply chain" in t.label for t in r.meetings()[0].topics)


def test_talks_with_a_country_said_by_an_official_imply_his_country(extract):
    r = extract("Dutch Prime Minister Mark Rutte met reporters. He said that talks with the US about the "
                "export restrictions were making progress.")
    assert ["Netherlands", "United States"] in r.pairs()


def test_indirect_speech_with_that_clause(extract):
    r = extract("Koji Tomita, Japan's ambassador to the United States, stated that the issue was complicated.")
    assert ("Koji Tomita", "the issue was complicated", False) in r.said()


def test_speech_inside_speech_is_reported_by_the_outer_speaker(extract):
    r = extract("Campbell said that, when Biden raised it with Kishida, Kishida indicated that he was studying "
                "it carefully.")
    inner = [s for s in r.facts.statements if r.name(s.speaker) == "Fumio Kishida"]
    assert inner and "studying it carefully" in inner[0].text
    assert r.name(inner[0].reported_by).endswith("Campbell")


def test_pronoun_resolves_to_previous_subject(extract):
    r = extract("Mark Rutte met Joe Biden at the White House on Tuesday. He said that progress had been made.")
    assert ("Mark Rutte", "progress had been made", False) in r.said()


def test_two_leaders_refers_to_last_pair(extract):
    r = extract("Joe Biden met Fumio Kishida on Friday. The two leaders discussed the alliance with reporters "
                "present, and the two leaders said that the alliance was strong.")
    speakers = {r.name(s.speaker) for s in r.facts.statements}
    assert speakers & {"Joe Biden", "Fumio Kishida"}


def test_quote_with_unclear_speaker_falls_back_with_low_confidence(extract):
    r = extract("Antony Blinken said, “We have made real progress on these questions this week.” "
                "“And I believe we are satisfied with where the consultations stand today,” the author adds.")
    second = [s for s in r.facts.statements if "satisfied" in s.text]
    assert second and r.name(second[0].speaker) == "Antony Blinken"
    assert second[0].confidence < 0.5


def test_direct_quote_with_speaker_after(extract):
    r = extract("“I absolutely believe there need not be a new Cold War,” Biden said.", date="2022-11-15")
    assert r.said()[0][0] == "Joe Biden" and r.said()[0][2] is True


def test_policy_measure_with_issuer_target_and_date(extract):
    r = extract("The United States imposed sweeping sanctions on Russia in March.", date="2022-05-02")
    policy = r.facts.policies[0]
    assert policy.measure_type == "sanction"
    assert r.name(policy.issuer) == "United States" and r.name(policy.target) == "Russia"
    assert policy.time.display() == "2022-03"


def test_role_contradicting_reference_data_is_flagged(extract):
    r = extract("Mark Rutte talked with Vice President Joe Biden about supply chains.")
    claim = next(p for p in r.facts.posts if r.name(p.person) == "Joe Biden")
    assert claim.role == "Vice President"
    assert claim.status == "conflicting"


def test_official_named_only_by_title_stays_unnamed(extract):
    r = extract("Over the weekend, the Netherlands' top trade official stated that the country would not "
                "immediately accept the new restrictions.")
    speaker = r.facts.entities[r.facts.statements[0].speaker]
    assert speaker.unnamed and speaker.kind == "person"
    assert r.persons() == []


def test_negated_discussion_is_not_held(extract):
    r = extract("Biden did not discuss Taiwan with Xi Jinping.", date="2022-11-15")
    assert r.pairs() == []
    assert r.pairs("denied") == [["Joe Biden", "Xi Jinping"]]


def test_planned_meeting_is_not_held(extract):
    r = extract("Antony Blinken will meet Wang Yi in Beijing next month.", date="2023-01-19")
    assert r.pairs() == []
    assert r.pairs("planned")


def test_phone_call(extract):
    r = extract("Joe Biden spoke by phone with Olaf Scholz on Monday about energy supplies.", date="2022-09-28")
    assert r.pairs() == [["Joe Biden", "Olaf Scholz"]]
    assert r.meetings()[0].kind == "call"
    assert r.meetings()[0].time.start == dt.date(2022, 9, 26)


def test_officials_from_countries_are_country_participants(extract):
    r = extract("Officials from Japan and the Netherlands met US negotiators in Washington last week.")
    assert any({"Japan", "Netherlands"} <= set(p) for p in r.pairs())


def test_anonymous_source_is_not_a_person(extract):
    r = extract("People familiar with the matter said that the deal was close.")
    speaker = r.facts.entities[r.facts.statements[0].speaker]
    assert speaker.kind == "anonymous"
    assert r.persons() == []
