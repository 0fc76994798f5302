"""The command line, in-process with click's CliRunner.

Every bad input must end as exactly one ``Error: ...`` line on stderr, a
non-zero exit code, and a store holding exactly what it held before.  Ingest
tests use a fake extractor (through the ``kg.cli.make_extractor`` hook), so
spaCy is never loaded here.
"""
from __future__ import annotations

import fcntl
import json

import pytest
from click.testing import CliRunner

import kg.cli
from kg.cli import cli
from kg.extract.model import DocumentFacts
from kg.store import LocalStore

from conftest import SECRET


class FakeExtractor:
    """Stands in for kg.extract.pipeline.Extractor: no facts, no spaCy."""

    def __init__(self):
        self.seen: list[str] = []

    def extract_many(self, articles, batch_size=16):
        for article in articles:
            self.seen.append(article.path.name)
            yield article, DocumentFacts()


@pytest.fixture
def fake_extractor(monkeypatch):
    fake = FakeExtractor()
    monkeypatch.setattr(kg.cli, "make_extractor", lambda model=None: fake)
    return fake


def run(*args, store=None, input=None, env=None):
    """Invoke ``kg [--store STORE] ARGS`` in-process."""
    argv = (["--store", str(store)] if store is not None else []) + [str(a) for a in args]
    return CliRunner(env=env).invoke(cli, argv, input=input)


def dump(store_dir) -> set[str]:
    """The store's content as a set of N-Quads lines."""
    store = LocalStore(store_dir, create=False)
    try:
        return set(store.dump("nquads").decode("utf-8").splitlines())
    finally:
        store.close()


def assert_one_line_error(result, *, contains: str = "", code: int | None = None):
    assert result.exit_code != 0, result.output
    if code is not None:
        assert result.exit_code == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), lines[0]
    assert contains.lower() in lines[0].lower()
    assert "Traceback" not in result.output
    assert result.stdout == ""


# -- bad input leaves the store untouched ------------------------------------------

@pytest.fixture
def bad_inputs(tmp_path):
    """Paths to things that are not articles."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty-folder").mkdir()
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02 date 2023-01-01 PNG\x89")
    (bad / "latin1.txt").write_bytes(" date 2023-01-01 Caf\xe9 au lait talks in K\xf6ln.".encode("latin-1"))
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    return bad


@pytest.mark.parametrize("name, contains", [
    ("missing.txt", "no such file"),
    ("empty-folder", "no articles"),
    ("binary.txt", "binary"),
    ("latin1.txt", "utf-8"),
    ("empty.txt", "empty"),
    ("blank.txt", "empty"),
])
def test_ingest_rejects_bad_input(store_dir, bad_inputs, fake_extractor, name, contains):
    before = dump(store_dir)
    result = run("ingest", bad_inputs / name, store=store_dir)
    assert_one_line_error(result, contains=contains)
    assert fake_extractor.seen == []
    assert dump(store_dir) == before


@pytest.mark.parametrize("name", ["binary.txt", "empty.txt", "missing.txt"])
def test_a_failed_first_ingest_leaves_no_store_behind(tmp_path, bad_inputs, fake_extractor, name):
    # Nothing could be read: the store folder this run would have created is not left
    # behind empty (the next command would otherwise find an empty store, not "no store").
    new_store = tmp_path / "new-store"
    result = run("ingest", bad_inputs / name, store=new_store)
    assert_one_line_error(result, contains="Error")
    assert not new_store.exists()
    assert run("ask", "who-discussed", store=new_store).stderr.startswith("Error: no store at")


@pytest.mark.parametrize("args, contains, code", [
    (["query", "SELECT ?x WHERE {"], "malformed SPARQL", 1),
    (["query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"], "read-only", 1),
    (["query", "PREFIX kg: <https://w3id.org/kg-news/ns#>\n# comment\nDELETE WHERE { ?s kg:text ?o }"],
     "read-only", 1),
    (["query", "DROP ALL"], "read-only", 1),
    (["query", "missing-file.rq"], "no such query file", 1),
    (["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--format", "ttl"], "CONSTRUCT", 2),
    (["query", "ASK { ?s ?p ?o }", "--format", "xml"], "unknown format", 2),
    (["entities", "--type", "people"], "person, country, organization, topic, policy", 2),
    (["ask", "who-discussed", "--since", "2023-02-30"], "not a date", 2),
    (["ask", "who-discussed", "--until", "last week"], "not a date", 2),
    (["ask", "who-discussed", "--min-confidence", "2"], "from 0 to 1", 2),
    (["ask", "who-discussed", "--format", "xml"], "unknown format", 2),
    (["ask", "who-discussed", "--bogus"], "no such option", 2),
    (["ask", "who-knows"], "no such command", 2),
    (["export", "--format", "rdfxml"], "unknown format", 2),
    (["ingest"], "missing argument", 2),
    (["ingest", "x.txt", "--batch-size", "0"], "batch-size", 2),
])
def test_bad_options_and_queries(store_dir, fake_extractor, args, contains, code):
    before = dump(store_dir)
    assert_one_line_error(run(*args, store=store_dir), contains=contains, code=code)
    assert dump(store_dir) == before


def test_query_commands_do_not_create_a_store(tmp_path):
    where = tmp_path / "nothing-here"
    for args in (["ask", "who-discussed"], ["ask", "who-said"], ["entities"], ["stats"],
                 ["query", "ASK { ?s ?p ?o }"], ["export", "--format", "trig"], ["ask", "conflicts"]):
        assert_one_line_error(run(*args, store=where), contains="no store")
    assert not where.exists()


def test_validate_without_a_store_is_exit_code_2(tmp_path):
    assert_one_line_error(run("validate", store=tmp_path / "none"), contains="no store", code=2)


def test_writer_lock_is_respected(store_dir, tmp_path, fake_extractor):
    article = tmp_path / "a.txt"
    article.write_text(" date 2023-01-02 Leaders met.", encoding="utf-8")
    before = dump(store_dir)
    with open(store_dir / "kg-writer.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run("ingest", article, store=store_dir)
    assert_one_line_error(result, contains="another kg process")
    assert dump(store_dir) == before


def test_unexpected_exceptions_are_one_line(store_dir, monkeypatch):
    def boom(store):
        raise RuntimeError("boom\nwith a second line")
    monkeypatch.setattr("kg.answers.stats", boom)
    assert_one_line_error(run("stats", store=store_dir), contains="unexpected RuntimeError: boom with a second line")
    result = run("stats", store=store_dir, env={"KG_DEBUG": "1"})
    assert isinstance(result.exception, RuntimeError)


# -- ingest ----------------------------------------------------------------------

def test_article_without_date_line_is_ingested_with_a_warning(tmp_path, fake_extractor):
    article = tmp_path / "nodate.txt"
    article.write_text("Leaders met in Brussels on Friday to discuss trade.", encoding="utf-8")
    store = tmp_path / "store"
    result = run("ingest", article, store=store)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("Warning: nodate.txt:") and "date unknown" in lines[0]
    assert lines[-1].startswith("ingested 1 documents (0 skipped unchanged, 0 failed), ")
    assert lines[-1].endswith(" triples")
    assert fake_extractor.seen == ["nodate.txt"]
    stats = json.loads(run("stats", "--format", "json", store=store).stdout)
    assert {"measure": "documents", "count": 1} in stats


def test_ingest_keeps_good_files_when_some_fail(tmp_path, bad_inputs, fake_extractor):
    good = bad_inputs / "good.txt"
    good.write_text(" date 2023-01-19 Biden met Kishida.", encoding="utf-8")
    store = tmp_path / "store"
    result = run("ingest", good, bad_inputs / "binary.txt", store=store)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith("Error: binary file") for line in lines)
    assert "ingested 1 documents (0 skipped unchanged, 1 failed)" in lines[-1]
    assert fake_extractor.seen == ["good.txt"]
    stats = json.loads(run("stats", "--format", "json", store=store).stdout)
    assert {"measure": "documents", "count": 1} in stats


def test_reingest_skips_unchanged_files_unless_forced(tmp_path, fake_extractor):
    article = tmp_path / "a.txt"
    article.write_text(" date 2023-01-02 Leaders met.", encoding="utf-8")
    store = tmp_path / "store"
    assert run("ingest", article, store=store).exit_code == 0
    again = run("ingest", article, store=store)
    assert again.exit_code == 0
    assert "ingested 0 documents (1 skipped unchanged, 0 failed)" in again.stderr
    forced = run("ingest", "--force", article, store=store)
    assert "ingested 1 documents (0 skipped unchanged, 0 failed)" in forced.stderr
    assert fake_extractor.seen == ["a.txt", "a.txt"]


def test_ingest_a_folder(tmp_path, fake_extractor):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for i in range(7):
        (folder / ("sub" if i % 2 else "") / f"doc{i}.txt").write_text(f" date 2023-01-0{i + 1} Text {i}.",
                                                                      encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    result = run("ingest", folder, store=tmp_path / "store")
    assert result.exit_code == 0, result.stderr
    assert "ingested 7 documents" in result.stderr
    assert sorted(fake_extractor.seen) == [f"doc{i}.txt" for i in range(7)]


# -- answers through the CLI -------------------------------------------------------

def test_who_discussed_json_is_what_the_scorer_reads(store_dir):
    result = run("ask", "who-discussed", "--format", "json", store=store_dir)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["source"] for r in rows] == ["dutch.txt", "seed.txt", "quotes.txt", "quotes.txt"]
    for row in rows:
        assert isinstance(row["participants"], list) and isinstance(row["topics"], list)
    said = json.loads(run("ask", "who-said", "--format", "json", store=store_dir).stdout)
    assert {"speaker", "text", "date", "source"} <= set(said[0])
    people = json.loads(run("entities", "--type", "person", "--format", "json", store=store_dir).stdout)
    assert "Joe Biden" in {p["name"] for p in people}


def test_who_discussed_options(store_dir):
    result = run("ask", "who-discussed", "--with", "O'Brien", "--topic", "alliance", "--since", "2023-01-01",
                 "--until", "2023-12-31", "--min-confidence", "0.5", "--format", "json", store=store_dir)
    assert result.exit_code == 0, result.stderr
    assert [r["participants"] for r in json.loads(result.stdout)] == [["Conor O'Brien", "Koji Tomita"]]
    # SPARQL in a name is a value, never query text: it names nobody.
    injected = run("ask", "who-discussed", "--with", SECRET, "--format", "json", store=store_dir)
    assert injected.exit_code == 1 and injected.stdout == ""
    assert "no actor in the store is called" in injected.stderr


def test_table_output(store_dir):
    result = run("ask", "who-discussed", "--with", "rutte", store=store_dir)
    assert result.exit_code == 0
    header, rule, row = result.stdout.splitlines()
    assert header.split()[:3] == ["participants", "topics", "date"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert row.startswith("Joe Biden, Mark Rutte")
    empty = run("ask", "who-discussed", "--with", "rutte", "--since", "2099-01-01", store=store_dir)
    assert empty.exit_code == 0 and empty.stdout.strip() == "(no results)"


def test_a_name_that_matches_nothing_is_an_error_not_an_empty_answer(store_dir):
    # A typo must not read as "they never met": one line, exit code 1, nothing on stdout.
    for args, option in ((("who-discussed", "--with", "Nobody At All"), "--with"),
                         (("who-said", "--speaker", "Nobody At All"), "--speaker"),
                         (("who-discussed", "--topic", "zzzz"), "--topic"),
                         (("who-said", "--speaker", "Biden", "--topic", "zzzz"), "--topic")):
        result = run("ask", *args, store=store_dir)
        assert result.exit_code == 1, args
        assert result.stdout == ""
        assert result.stderr.startswith("Error: " + option + ": no ")
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    # The same names, known: answers (the check is no blanket refusal).
    assert run("ask", "who-said", "--speaker", "Biden", store=store_dir).exit_code == 0


def test_csv_and_tsv(store_dir):
    csv_out = run("ask", "who-said", "--format", "csv", store=store_dir).stdout.splitlines()
    assert csv_out[0].startswith("speaker,text,direct,date")
    assert len(csv_out) == 3
    tsv_out = run("entities", "--type", "topic", "--format", "tsv", store=store_dir).stdout.splitlines()
    assert tsv_out[0].split("\t")[:3] == ["name", "type", "iri"]


def test_conflicts(store_dir):
    result = run("ask", "conflicts", "--format", "json", store=store_dir)
    rows = json.loads(result.stdout)
    assert [(r["person"], r["claimed_role"], r["conflicts_with"]) for r in rows] == [
        ("Joe Biden", "Vice President", "President of the United States")]


def test_query_formats(store_dir, tmp_path):
    select = "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT ?m WHERE { ?m a kg:Meeting } ORDER BY ?m"
    rows = json.loads(run("query", select, "--format", "json", store=store_dir).stdout)
    assert len(rows) == 5 and set(rows[0]) == {"m"}
    table = run("query", select, store=store_dir).stdout
    assert "doc:dutch#meeting-1" in table            # IRIs shortened with the kg prefixes
    assert run("query", "ASK { ?s ?p ?o }", "--format", "json", store=store_dir).stdout.strip() == "true"
    construct = ("PREFIX kg: <https://w3id.org/kg-news/ns#> "
                 "CONSTRUCT { ?m kg:participant ?p } WHERE { ?m kg:participant ?p }")
    turtle = run("query", construct, store=store_dir).stdout
    assert "kg:participant" in turtle
    jsonld = json.loads(run("query", construct, "--format", "json", store=store_dir).stdout)
    assert isinstance(jsonld, (list, dict))
    query_file = tmp_path / "count.rq"
    query_file.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { } }", encoding="utf-8")
    assert run("query", query_file, "--format", "csv", store=store_dir).stdout.splitlines() == ["n", "4"]
    from_stdin = run("query", "-", "--format", "csv", store=store_dir, input=query_file.read_text())
    assert from_stdin.stdout.splitlines() == ["n", "4"]


def test_export(store_dir, tmp_path):
    result = run("export", "--format", "nquads", store=store_dir)
    assert result.exit_code == 0
    assert set(result.stdout.splitlines()) == dump(store_dir)
    out = tmp_path / "kg.trig"
    assert run("export", "--format", "trig", "--out", out, store=store_dir).exit_code == 0
    assert "GRAPH" in out.read_text(encoding="utf-8") or "{" in out.read_text(encoding="utf-8")
    assert_one_line_error(run("export", "--format", "ttl", "--out", tmp_path / "no" / "dir" / "x.ttl",
                              store=store_dir), contains="cannot write")


def test_stats_and_version(store_dir):
    result = run("stats", store=store_dir)
    assert result.exit_code == 0 and "documents" in result.stdout
    assert run("--version").stdout.strip() == f"kg, version {kg.__version__}"


def test_store_from_environment(store_dir):
    result = CliRunner(env={"KG_STORE": str(store_dir)}).invoke(cli, ["stats", "--format", "json"])
    assert result.exit_code == 0
    assert {"measure": "documents", "count": 3} in json.loads(result.stdout)


# -- help ---------------------------------------------------------------------------

def _commands(group, path=()):
    for name, command in group.commands.items():
        yield path + (name,), command
        if hasattr(command, "commands"):
            yield from _commands(command, path + (name,))


def test_every_command_has_help_with_an_example():
    for path, _command in _commands(cli):
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert "Example:" in result.stdout, f"kg {' '.join(path)} --help has no Example block"


def test_questions_work_while_the_store_is_open_for_writing(store_dir):
    writer = LocalStore(store_dir)            # holds the database lock, as an ingest does
    try:
        writer.lock_for_writing()
        result = run("ask", "who-discussed", "--format", "json", store=store_dir)
        assert result.exit_code == 0, result.stderr
        assert len(json.loads(result.stdout)) == 4
    finally:
        writer.close()
