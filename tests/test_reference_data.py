"""Tests for the curated reference data (data/src/*.tsv -> data/gazetteer.ttl, data/topics.ttl).

They check that the generated files are current and well formed, that they use
only terms of the kg ontology, and spot-check facts whose mistakes would mislead
the extraction pipeline (who held which post on a given date, which names,
demonyms and metonyms stand for which country).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, ORG, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_reference.py"
SRC = ROOT / "data" / "src"
GAZETTEER = ROOT / "data" / "gazetteer.ttl"
TOPICS = ROOT / "data" / "topics.ttl"
ONTOLOGY = ROOT / "ontology" / "kg.ttl"

KG = Namespace("https://w3id.org/kg-news/ns#")
ID = "https://w3id.org/kg-news/id/"
COUNTRY = Namespace(ID + "country/")
ORGANIZATION = Namespace(ID + "org/")
PERSON = Namespace(ID + "person/")
TOPIC = Namespace(ID + "topic/")
# Plain IRIs rather than rdflib's closed XSD namespace, which warns when pytest inspects it.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def _load_script():
    spec = importlib.util.spec_from_file_location("build_reference", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build_reference = _load_script()


@pytest.fixture(scope="module")
def gaz() -> Graph:
    return Graph().parse(GAZETTEER, format="turtle")


@pytest.fixture(scope="module")
def topics() -> Graph:
    return Graph().parse(TOPICS, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


# --- helpers -----------------------------------------------------------------------------


def person_by_label(g: Graph, name: str) -> URIRef:
    found = [s for s in g.subjects(RDFS.label, Literal(name)) if (s, RDF.type, KG.Person) in g]
    assert len(found) == 1, f"expected one person labelled {name!r}, found {found}"
    return found[0]


def country_by_label(g: Graph, name: str) -> URIRef:
    found = [s for s in g.subjects(RDFS.label, Literal(name)) if (s, RDF.type, KG.Country) in g]
    assert len(found) == 1, f"expected one country labelled {name!r}, found {found}"
    return found[0]


def actor_country(g: Graph, actor: URIRef) -> URIRef | None:
    """The country an organisation belongs to, following org:subOrganizationOf upwards."""
    seen = set()
    while actor not in seen:
        seen.add(actor)
        if (actor, RDF.type, KG.Country) in g:
            return actor
        parents = list(g.objects(actor, ORG.subOrganizationOf))
        if not parents:
            return None
        actor = parents[0]
    return None


def post_interval(g: Graph, post: URIRef) -> tuple[dt.date, dt.date | None]:
    start = g.value(post, KG.startDate).toPython()
    end = g.value(post, KG.endDate)
    return start, (end.toPython() if end is not None else None)


def posts_at(g: Graph, person: URIRef, day: str) -> set[str]:
    """Post labels a person held on a day (start and end inclusive)."""
    when = dt.date.fromisoformat(day)
    held = set()
    for post in g.objects(person, KG.holds):
        start, end = post_interval(g, post)
        if start <= when and (end is None or when <= end):
            held.add(str(g.value(post, KG.postLabel)))
    return held


def holders_at(g: Graph, post_label: str, day: str) -> set[str]:
    """Names of the people holding a post (by full label) on a day."""
    when = dt.date.fromisoformat(day)
    names = set()
    for post in g.subjects(KG.postLabel, Literal(post_label)):
        start, end = post_interval(g, post)
        if start <= when and (end is None or when <= end):
            names.add(str(g.value(g.value(post, ORG.member), RDFS.label)))
    return names


# --- the generated files ------------------------------------------------------------------


def test_generated_files_are_up_to_date():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr


def test_generation_is_deterministic():
    first, errors = build_reference.render(SRC)
    assert not errors
    second, _ = build_reference.render(SRC)
    assert first == second
    assert first["gazetteer.ttl"] == GAZETTEER.read_bytes()
    assert first["topics.ttl"] == TOPICS.read_bytes()


def test_files_parse_and_have_expected_sizes(gaz, topics):
    def count(g, cls):
        return len(set(g.subjects(RDF.type, cls)))

    assert count(gaz, KG.Country) >= 60
    assert count(gaz, KG.Organization) >= 80
    assert count(gaz, KG.Post) >= 250
    assert count(gaz, KG.Person) >= 150
    assert count(topics, SKOS.Concept) >= 80


def test_every_person_has_label_gender_and_dated_post(gaz):
    for person in set(gaz.subjects(RDF.type, KG.Person)):
        assert gaz.value(person, RDFS.label) is not None, person
        assert str(gaz.value(person, FOAF.gender)) in {"male", "female"}, person
        posts = list(gaz.objects(person, KG.holds))
        assert posts, f"{person} holds no post"
        for post in posts:
            assert (post, RDF.type, KG.Post) in gaz
            assert gaz.value(post, ORG.member) == person
            assert gaz.value(post, KG.roleLabel) is not None, post
            assert gaz.value(post, KG.postLabel) is not None, post
            start = gaz.value(post, KG.startDate)
            assert start is not None and start.datatype == XSD_DATE, post
            end = gaz.value(post, KG.endDate)
            if end is not None:
                assert end.datatype == XSD_DATE
                assert start.toPython() <= end.toPython(), post


def test_kg_terms_exist_in_ontology(gaz, topics, ontology):
    defined = {s for s in ontology.subjects() if isinstance(s, URIRef)}
    used = set()
    for g in (gaz, topics):
        for triple in g:
            used.update(t for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KG)))
    assert used, "no kg: term used at all"
    assert not sorted(used - defined), f"kg: terms missing from ontology/kg.ttl: {sorted(used - defined)}"


def test_literals_are_plain_strings_or_dates(gaz, topics):
    for g in (gaz, topics):
        for s, p, o in g:
            if not isinstance(o, Literal):
                continue
            assert o.language is None, (s, p, o)
            if p in (KG.startDate, KG.endDate):
                assert o.datatype == XSD_DATE, (s, p, o)
            else:
                assert o.datatype in (None, XSD_STRING), (s, p, o)


def test_every_reference_resolves(gaz, topics):
    typed = set(gaz.subjects(RDF.type, None))
    for prop in (ORG.organization, KG.memberOf, ORG.subOrganizationOf, KG.holds, ORG.member):
        for s, o in gaz.subject_objects(prop):
            assert o in typed, f"{s} {prop} {o}: target not defined in the gazetteer"
    for s, o in gaz.subject_objects(ORG.organization):
        assert (o, RDF.type, KG.Country) in gaz or (o, RDF.type, KG.Organization) in gaz
    concepts = set(topics.subjects(RDF.type, SKOS.Concept))
    for s, o in topics.subject_objects(SKOS.broader):
        assert o in concepts, (s, o)
    scheme = URIRef(ID + "topic/scheme")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in topics
    assert topics.value(scheme, RDFS.label) == Literal("kg policy topics")
    for concept in concepts:
        assert (concept, SKOS.inScheme, scheme) in topics


def test_every_country_code_in_sources_exists():
    sources = build_reference.load_sources(SRC)
    codes = {c.code for c in sources.countries}
    org_ids = {o.id for o in sources.organizations}
    for o in sources.organizations:
        assert not o.country or o.country in codes, o.id
    for c in sources.countries:
        for m in c.member_of:
            assert m in codes or m in org_ids, (c.code, m)
    for p in sources.people:
        for post in p.posts:
            assert post.org in codes or post.org in org_ids, (p.id, post.org)
    assert sum(len(p.posts) for p in sources.people) >= 250


# --- posts: facts that would mislead the pipeline if wrong -------------------------------------


# Posts that several people can legitimately hold at once.
SHARED_POSTS = {
    "Vice Premier of the State Council of the People's Republic of China",
}


def test_single_holder_posts_do_not_overlap(gaz):
    """Two people never hold the same post at once, except on the handover day."""
    by_label = defaultdict(list)
    for post in gaz.subjects(RDF.type, KG.Post):
        label = str(gaz.value(post, KG.postLabel))
        if label not in SHARED_POSTS:
            by_label[label].append(post)
    problems = []
    for label, posts in by_label.items():
        spans = sorted(
            (post_interval(gaz, p) + (str(gaz.value(gaz.value(p, ORG.member), RDFS.label)),))
            for p in posts
        )
        for (s1, e1, n1), (s2, e2, n2) in zip(spans, spans[1:]):
            if e1 is None or s2 < e1:
                problems.append(f"{label}: {n1} ({s1}..{e1}) overlaps {n2} ({s2}..{e2})")
    assert not problems, "\n".join(problems)


def test_biden_was_president_not_vice_president_on_2023_01_19(gaz):
    biden = person_by_label(gaz, "Joe Biden")
    held = posts_at(gaz, biden, "2023-01-19")
    assert "President of the United States" in held
    assert "Vice President of the United States" not in held
    assert "Vice President of the United States" in posts_at(gaz, biden, "2015-06-01")
    assert holders_at(gaz, "Vice President of the United States", "2023-01-19") == {"Kamala Harris"}


def test_presidential_handover_day(gaz):
    assert holders_at(gaz, "President of the United States", "2021-01-20") == {
        "Donald Trump",
        "Joe Biden",
    }
    assert holders_at(gaz, "President of the United States", "2021-01-21") == {"Joe Biden"}
    assert holders_at(gaz, "President of the United States", "2025-06-01") == {"Donald Trump"}


def test_seed_article_people_on_2023_01_19(gaz):
    day = "2023-01-19"
    kishida = person_by_label(gaz, "Fumio Kishida")
    assert "Prime Minister of Japan" in posts_at(gaz, kishida, day)
    assert "Minister for Foreign Affairs of Japan" not in posts_at(gaz, kishida, day)
    assert holders_at(gaz, "Prime Minister of Japan", day) == {"Fumio Kishida"}

    campbell = person_by_label(gaz, "Kurt Campbell")
    assert posts_at(gaz, campbell, day) == {
        "National Security Council Coordinator for Indo-Pacific Affairs"
    }
    assert "United States Deputy Secretary of State" in posts_at(gaz, campbell, "2024-06-01")

    assert holders_at(gaz, "Ambassador of Japan to the United States", day) == {"Koji Tomita"}

    rutte = person_by_label(gaz, "Mark Rutte")
    assert posts_at(gaz, rutte, day) == {"Prime Minister of the Netherlands"}
    assert posts_at(gaz, rutte, "2025-01-15") == {"Secretary General of NATO"}
    assert holders_at(gaz, "Prime Minister of the Netherlands", "2024-08-01") == {"Dick Schoof"}

    # "the Netherlands' top trade official"
    assert holders_at(
        gaz, "Minister for Foreign Trade and Development Cooperation of the Netherlands", day
    ) == {"Liesje Schreinemacher"}


def test_posts_sit_in_the_right_country(gaz):
    """Posts held at a ministry or agency still resolve to the right country."""
    checks = {
        ("Kurt Campbell", "National Security Council Coordinator for Indo-Pacific Affairs"): "United States",
        ("Koji Tomita", "Ambassador of Japan to the United States"): "Japan",
        ("Fumio Kishida", "Prime Minister of Japan"): "Japan",
        ("Wang Yi", "Minister of Foreign Affairs of the People's Republic of China"): "China",
        ("Alan Estevez", "Under Secretary of Commerce for Industry and Security"): "United States",
        ("Liesje Schreinemacher", "Minister for Foreign Trade and Development Cooperation of the Netherlands"): "Netherlands",
    }
    for (name, label), country in checks.items():
        person = person_by_label(gaz, name)
        orgs = {
            gaz.value(post, ORG.organization)
            for post in gaz.objects(person, KG.holds)
            if str(gaz.value(post, KG.postLabel)) == label
        }
        assert orgs, (name, label)
        for org in orgs:
            assert actor_country(gaz, org) == country_by_label(gaz, country), (name, label, org)


def test_earlier_posts_of_famous_people(gaz):
    putin = person_by_label(gaz, "Vladimir Putin")
    assert posts_at(gaz, putin, "2010-01-01") == {"Prime Minister of Russia"}
    assert posts_at(gaz, putin, "2023-01-19") == {"President of Russia"}
    assert holders_at(gaz, "President of Russia", "2010-01-01") == {"Dmitry Medvedev"}
    kishida = person_by_label(gaz, "Fumio Kishida")
    assert posts_at(gaz, kishida, "2015-01-01") == {"Minister for Foreign Affairs of Japan"}


def test_other_well_known_holders(gaz):
    assert holders_at(gaz, "United States Secretary of State", "2023-01-19") == {"Antony Blinken"}
    assert holders_at(gaz, "United States Secretary of Commerce", "2023-01-19") == {"Gina Raimondo"}
    assert holders_at(gaz, "United States Trade Representative", "2023-01-19") == {"Katherine Tai"}
    assert holders_at(gaz, "President of the People's Republic of China", "2023-01-19") == {"Xi Jinping"}
    assert holders_at(gaz, "Prime Minister of the United Kingdom", "2023-01-19") == {"Rishi Sunak"}
    assert holders_at(gaz, "Prime Minister of the United Kingdom", "2022-10-01") == {"Liz Truss"}
    assert holders_at(gaz, "Chancellor of Germany", "2023-01-19") == {"Olaf Scholz"}
    assert holders_at(gaz, "President of the European Commission", "2023-01-19") == {
        "Ursula von der Leyen"
    }
    assert holders_at(gaz, "Secretary General of NATO", "2023-01-19") == {"Jens Stoltenberg"}
    assert holders_at(gaz, "Minister of Foreign Affairs of the People's Republic of China", "2023-03-01") == {
        "Qin Gang"
    }


def test_current_office_holders_have_no_end_date(gaz):
    for name, label in [
        ("Donald Trump", "President of the United States"),
        ("Xi Jinping", "President of the People's Republic of China"),
        ("Emmanuel Macron", "President of France"),
    ]:
        person = person_by_label(gaz, name)
        current = [
            post
            for post in gaz.objects(person, KG.holds)
            if str(gaz.value(post, KG.postLabel)) == label and gaz.value(post, KG.endDate) is None
        ]
        assert len(current) == 1, (name, label)


def test_gender_for_pronoun_resolution(gaz):
    assert str(gaz.value(person_by_label(gaz, "Fumio Kishida"), FOAF.gender)) == "male"
    assert str(gaz.value(person_by_label(gaz, "Kamala Harris"), FOAF.gender)) == "female"
    assert str(gaz.value(person_by_label(gaz, "Liesje Schreinemacher"), FOAF.gender)) == "female"


def test_surname_is_an_alt_label_not_the_name(gaz):
    biden = person_by_label(gaz, "Joe Biden")
    assert Literal("Biden") in set(gaz.objects(biden, SKOS.altLabel))
    assert not list(gaz.subjects(RDFS.label, Literal("Biden")))


# --- countries and organisations ------------------------------------------------------------


def test_country_names_demonyms_and_metonyms(gaz):
    china = country_by_label(gaz, "China")
    assert Literal("Beijing") in set(gaz.objects(china, KG.metonym))
    assert Literal("Chinese") in set(gaz.objects(china, KG.demonym))
    nl = country_by_label(gaz, "Netherlands")
    assert Literal("Dutch") in set(gaz.objects(nl, KG.demonym))
    assert Literal("The Hague") in set(gaz.objects(nl, KG.metonym))
    assert gaz.value(nl, SKOS.notation) == Literal("NL")
    russia = country_by_label(gaz, "Russia")
    assert Literal("Kremlin") in set(gaz.objects(russia, KG.metonym))
    us = country_by_label(gaz, "United States")
    assert {Literal("US"), Literal("U.S."), Literal("America")} <= set(gaz.objects(us, SKOS.altLabel))
    assert Literal("Washington") in set(gaz.objects(us, KG.metonym))
    assert Literal("White House") not in set(gaz.objects(us, KG.metonym))
    gb = country_by_label(gaz, "United Kingdom")
    # Downing Street, like the White House, is the head of government's office: it speaks
    # for itself ("Downing Street said"), and stands for the country only through it.
    assert Literal("Downing Street") not in set(gaz.objects(gb, KG.metonym))
    assert (ORGANIZATION["downing-street"], ORG.subOrganizationOf, gb) in gaz
    assert Literal("Brussels") in set(gaz.objects(country_by_label(gaz, "European Union"), KG.metonym))
    assert Literal("Japanese") in set(gaz.objects(country_by_label(gaz, "Japan"), KG.demonym))


def test_country_iris_and_memberships(gaz):
    assert (COUNTRY.us, RDF.type, KG.Country) in gaz
    assert (COUNTRY.eu, RDF.type, KG.Country) in gaz
    assert (COUNTRY.fr, KG.memberOf, COUNTRY.eu) in gaz
    assert (COUNTRY.nl, KG.memberOf, COUNTRY.eu) in gaz
    assert (COUNTRY.jp, KG.memberOf, ORGANIZATION.g7) in gaz
    assert (COUNTRY.gb, KG.memberOf, COUNTRY.eu) not in gaz
    assert (COUNTRY.ch, KG.memberOf, COUNTRY.eu) not in gaz
    g20_members = set(gaz.subjects(KG.memberOf, ORGANIZATION.g20))
    assert len(g20_members) == 21  # 19 states, the EU and the African Union
    eu_members = set(gaz.subjects(KG.memberOf, COUNTRY.eu))
    assert len(eu_members) == 27


def test_organisations(gaz):
    assert (ORGANIZATION["white-house"], RDF.type, KG.Organization) in gaz
    assert (ORGANIZATION.bis, ORG.subOrganizationOf, ORGANIZATION["commerce-department"]) in gaz
    assert (ORGANIZATION["commerce-department"], ORG.subOrganizationOf, COUNTRY.us) in gaz
    csis = ORGANIZATION.csis
    assert gaz.value(csis, RDFS.label) == Literal("Center for Strategic and International Studies")
    assert Literal("CSIS") in set(gaz.objects(csis, SKOS.altLabel))
    assert actor_country(gaz, ORGANIZATION.asml) == COUNTRY.nl


# --- topics ------------------------------------------------------------------------------------


def test_topic_labels(topics):
    def concept(label):
        found = list(topics.subjects(SKOS.prefLabel, Literal(label)))
        assert len(found) == 1, label
        return found[0]

    export_control = concept("export control")
    alts = set(map(str, topics.objects(export_control, SKOS.altLabel)))
    assert {"export controls", "export restrictions", "export ban"} <= alts
    semiconductor = concept("semiconductor")
    alts = set(map(str, topics.objects(semiconductor, SKOS.altLabel)))
    assert {"semiconductors", "chip", "chips", "chipmaking", "chip-making"} <= alts
    assert (concept("chipmaking equipment"), SKOS.broader, semiconductor) in topics
    for label in ("sanction", "tariff", "climate change", "supply chain", "alliance", "security",
                  "human rights", "nuclear weapon", "subsidy", "natural gas", "oil price cap",
                  "critical mineral", "artificial intelligence", "taiwan", "ukraine war"):
        concept(label)


def test_topic_labels_are_lowercase_and_unique(topics):
    owner = {}
    for s, p, o in topics:
        if p in (SKOS.prefLabel, SKOS.altLabel):
            assert str(o) == str(o).lower(), o
            assert owner.setdefault(str(o), s) == s, f"label {o!r} used by {owner[str(o)]} and {s}"


# --- the generator's validation and --check ----------------------------------------------------


def _copy_sources(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(SRC, src)
    return src


def _run(args: list[str], capsys) -> tuple[int, str]:
    rc = build_reference.main(args)
    return rc, capsys.readouterr().err


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


@pytest.mark.parametrize(
    "file, line, message",
    [
        ("people.tsv", "test-person\tTest Person\tPerson\tm\tPresident\tPresident of Nowhere\tXX\t2020-01-01\t",
         "unknown org 'XX'"),
        ("people.tsv", "test-person\tTest Person\tPerson\tm\tPresident\tPresident of France\tFR\t2020-02-30\t",
         "bad start date '2020-02-30'"),
        ("people.tsv", "test-person\tTest Person\tPerson\tm\tPresident\tPresident of France\tFR\t2021-01-01\t2020-01-01",
         "start 2021-01-01 after end 2020-01-01"),
        ("people.tsv", "test-person\tTest Person\tPerson\tx\tPresident\tPresident of France\tFR\t2021-01-01\t",
         "expected m or f"),
        ("countries.tsv", "FR\tFrance again\t\t\t\t", "duplicate country code 'FR'"),
        ("countries.tsv", "ZZ\tZedland\t\t\t\tnato|XY", "member of unknown 'XY'"),
        ("organizations.tsv", "asml\tASML again\t\tNL\t", "duplicate organisation id 'asml'"),
        ("organizations.tsv", "test-org\tTest Org\t\tQQ\tno-such-org", "unknown country code 'QQ'"),
        ("topics.tsv", "test-topic\tTest Topic\t\t", "not lower-case"),
        ("topics.tsv", "test-topic\tmicrochip gadgets\tchips\tno-such-topic", "unknown broader 'no-such-topic'"),
    ],
)
def test_validation_rejects_bad_rows(tmp_path, capsys, file, line, message):
    src = _copy_sources(tmp_path)
    _append(src / file, line)
    out = tmp_path / "out"
    rc, err = _run(["--src", str(src), "--out", str(out)], capsys)
    assert rc == 1
    assert message in err, err
    assert not out.exists(), "nothing may be written when the sources are invalid"


def test_validation_rejects_duplicate_post(tmp_path, capsys):
    src = _copy_sources(tmp_path)
    _append(src / "people.tsv",
            "joe-biden\tJoe Biden\t\t\tPresident\tPresident of the United States\tUS\t2021-01-20\t2025-01-20")
    rc, err = _run(["--src", str(src), "--out", str(tmp_path / "out")], capsys)
    assert rc == 1
    assert "duplicate post" in err


def test_check_flag_detects_stale_output(tmp_path, capsys):
    out = tmp_path / "out"
    rc, _ = _run(["--out", str(out)], capsys)
    assert rc == 0
    rc, err = _run(["--check", "--out", str(out)], capsys)
    assert rc == 0, err
    (out / "topics.ttl").write_text("# stale\n", encoding="utf-8")
    rc, err = _run(["--check", "--out", str(out)], capsys)
    assert rc == 1
    assert "topics.ttl" in err and "out of date" in err
