"""The remote store (kg.remote.RemoteStore) against a real ``oxigraph serve`` on 127.0.0.1.

Each test module run starts ``oxigraph serve --location DIR --bind
127.0.0.1:PORT --union-default-graph`` (and, for one test, a second server
without the union), and stops it at the end.  Every kg command is run
against it through the CLI, and its answers are compared with those of an
embedded store holding the same documents.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from SPARQLWrapper import JSON, SPARQLWrapper

from conftest import BIDEN, KISHIDA, SECRET, fill_store
from kg import answers
from kg.errors import QueryError, StoreError
from kg.remote import RemoteStore, endpoint_urls
from kg.store import LocalStore, open_store
from kg_servers import kg_server, oxigraph_server

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev"
KG = "https://w3id.org/kg-news/ns#"
G1 = URIRef("http://example.org/graph/1")
G2 = URIRef("http://example.org/graph/2")


# -- without a server ------------------------------------------------------------

@pytest.mark.parametrize("location, update_url, expected", [
    ("sparql+http://127.0.0.1:7878/query", None, ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update")),
    ("sparql+http://h:3030/ds/query", None, ("http://h:3030/ds/query", "http://h:3030/ds/update")),
    ("sparql+https://h/sparql", None, ("https://h/sparql", "https://h/sparql")),
    ("sparql+http://h:7200/repositories/kg", "http://h:7200/repositories/kg/statements",
     ("http://h:7200/repositories/kg", "http://h:7200/repositories/kg/statements")),
])
def test_endpoint_urls(location, update_url, expected, monkeypatch):
    monkeypatch.delenv("KG_UPDATE_URL", raising=False)
    assert endpoint_urls(location, update_url) == expected


def test_update_url_from_environment(monkeypatch):
    monkeypatch.setenv("KG_UPDATE_URL", "http://h/other")
    assert endpoint_urls("sparql+http://h/query")[1] == "http://h/other"


def test_not_a_remote_location():
    with pytest.raises(StoreError, match="sparql\\+http://"):
        endpoint_urls("/tmp/store")


def test_open_store_dispatches_to_remote(monkeypatch):
    monkeypatch.delenv("KG_UPDATE_URL", raising=False)
    store = open_store("sparql+http://127.0.0.1:9/query", update_url="http://127.0.0.1:9/up")
    try:
        assert isinstance(store, RemoteStore)
        assert (store.query_url, store.update_url) == ("http://127.0.0.1:9/query", "http://127.0.0.1:9/up")
    finally:
        store.close()


def test_unreachable_endpoint_is_a_clear_error():
    store = RemoteStore("sparql+http://127.0.0.1:9/query", timeout=5)
    try:
        with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint .*is the server running"):
            store.query("ASK {}")
    finally:
        store.close()


# -- against oxigraph serve --------------------------------------------------------

@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A real oxigraph server with the union default graph: its base URL."""
    folder = tmp_path_factory.mktemp("oxigraph")
    with oxigraph_server(folder / "data") as base:
        yield base


@pytest.fixture
def remote(oxigraph, monkeypatch):
    """An empty RemoteStore on the oxigraph server (every graph dropped first)."""
    monkeypatch.delenv("KG_UPDATE_URL", raising=False)
    store = RemoteStore(f"sparql+{oxigraph}/query")
    store.update("DROP ALL")
    yield store
    store.close()


def _count_requests(store: RemoteStore) -> list[httpx.Request]:
    sent: list[httpx.Request] = []
    store._client.event_hooks["request"].append(sent.append)
    return sent




@pytest.mark.server
def test_replace_graph_is_one_update_request(remote):
    sent = _count_requests(remote)
    remote.replace_graph(G1, '<http://example.org/a> <http://example.org/p> "one" .\n')
    assert len(sent) == 1
    assert sent[0].url == httpx.URL(remote.update_url)
    body = sent[0].content.decode()
    assert "DROP+SILENT+GRAPH" in body and "INSERT+DATA" in body
    assert str(G1) in remote.named_graphs()


@pytest.mark.server
def test_replace_graph_replaces_the_whole_graph(remote):
    remote.replace_graph(G1, '<http://example.org/a> <http://example.org/p> "one" .\n'
                             '<http://example.org/a> <http://example.org/p> "two" .\n')
    remote.replace_graph(G1, '<http://example.org/a> <http://example.org/p> "three" .\n')
    rows = remote.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": G1}).rows
    assert [str(r["o"]) for r in rows] == ["three"]


@pytest.mark.server
def test_replace_graphs_splits_large_batches_between_documents(remote, monkeypatch):
    import kg.remote

    monkeypatch.setattr(kg.remote, "MAX_UPDATE_BYTES", 200)
    sent = _count_requests(remote)
    graphs = [(URIRef(f"http://example.org/graph/{i}"),
               "".join(f'<http://example.org/s{i}> <http://example.org/p> "{j}" .\n' for j in range(5)))
              for i in range(4)]
    remote.replace_graphs(graphs)
    assert len(sent) == 4          # each document alone is over the limit: one request each
    counts = {str(r["g"]): int(r["n"]) for r in remote.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows}
    assert counts == {str(g): 5 for g, _ in graphs}


@pytest.mark.server
def test_drop_graph_and_named_graphs(remote):
    remote.replace_graph(G1, "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")
    remote.replace_graph(G2, "<http://example.org/c> <http://example.org/p> <http://example.org/d> .\n")
    assert sorted(remote.named_graphs()) == [str(G1), str(G2)]
    remote.drop_graph(G1)
    assert remote.named_graphs() == [str(G2)]


@pytest.mark.server
def test_terms_round_trip(remote):
    remote.replace_graph(G1, '<http://example.org/a> <http://example.org/p> "chat"@fr .\n'
                             '<http://example.org/a> <http://example.org/p> "2023-01-13"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
                             '<http://example.org/a> <http://example.org/p> "say \\"hi\\"\\nbye" .\n'
                             '<http://example.org/a> <http://example.org/p> _:b1 .\n')
    objects = {r["o"] for r in remote.query("SELECT ?o WHERE { ?s ?p ?o FILTER(!isBlank(?o)) }").rows}
    assert objects == {Literal("chat", lang="fr"), Literal("2023-01-13", datatype=XSD.date), Literal('say "hi"\nbye')}
    assert remote.query("ASK { ?s ?p ?o FILTER(isBlank(?o)) }").boolean is True


@pytest.mark.server
def test_construct_and_ask(remote):
    remote.replace_graph(G1, "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")
    graph = remote.query("CONSTRUCT WHERE { ?s ?p ?o }").graph
    assert (URIRef("http://example.org/a"), URIRef("http://example.org/p"), URIRef("http://example.org/b")) in graph
    assert remote.query("ASK { ?s ?p <http://example.org/b> }").boolean is True


@pytest.mark.server
def test_dataset_parameters(remote):
    remote.replace_graph(G1, '<http://example.org/a> <http://example.org/p> "in one" .\n')
    remote.replace_graph(G2, '<http://example.org/a> <http://example.org/p> "in two" .\n')
    rows = remote.query("SELECT ?o WHERE { ?s ?p ?o }", default_graphs=[str(G2)]).rows
    assert [str(r["o"]) for r in rows] == ["in two"]


@pytest.mark.server
def test_dump_keeps_or_merges_graphs(remote):
    remote.replace_graph(G1, '<http://example.org/a> <http://example.org/p> "one" .\n')
    remote.replace_graph(G2, '<http://example.org/a> <http://example.org/p> "two" .\n')
    dataset = Dataset()
    dataset.parse(data=remote.dump("nquads"), format="nquads")
    assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {str(G1), str(G2)}
    trig = Dataset()
    trig.parse(data=remote.dump("trig"), format="trig")
    assert len(trig.graph(G1)) == 1
    merged = Graph().parse(data=remote.dump("ttl"), format="turtle")
    assert len(merged) == 2
    assert json.loads(remote.dump("jsonld"))


@pytest.mark.server
def test_bindings_are_values_not_query_text(remote, tmp_path):
    fill_store(remote, tmp_path)
    assert answers.who_discussed(remote, name=SECRET) == []
    quoted = answers.who_said(remote, speaker="o'brien")
    assert [row["text"] for row in quoted] == ["has never been stronger"]


@pytest.mark.server
def test_same_answers_as_an_embedded_store(remote, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    local = LocalStore(tmp_path / "local")
    fill_store(local, tmp_path / "a")
    fill_store(remote, tmp_path / "b")
    try:
        for question in (answers.who_discussed, answers.who_said, answers.entities, answers.role_conflicts,
                         answers.stats):
            assert question(remote) == question(local), question.__name__
        assert answers.who_discussed(remote, name="kishida", since="2023-01-01") == \
            answers.who_discussed(local, name="kishida", since="2023-01-01")
        assert sorted(remote.named_graphs()) == sorted(local.named_graphs())
    finally:
        local.close()


@pytest.mark.server
def test_malformed_query_is_a_query_error(remote):
    with pytest.raises(QueryError, match="HTTP 400"):
        remote.query("SELECT ?x WHERE { ?x")


@pytest.mark.server
def test_read_only_remote_store_refuses_writes(oxigraph):
    store = RemoteStore(f"sparql+{oxigraph}/query", read_only=True)
    try:
        with pytest.raises(StoreError, match="read-only"):
            store.replace_graph(G1, "")
        with pytest.raises(StoreError, match="read-only"):
            store.lock_for_writing()
    finally:
        store.close()


@pytest.mark.server
def test_wrong_update_url_is_a_clear_error(oxigraph):
    store = RemoteStore(f"sparql+{oxigraph}/query", update_url=f"{oxigraph}/nothing")
    try:
        with pytest.raises(StoreError, match="HTTP 404.*--update-url"):
            store.replace_graph(G1, "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")
    finally:
        store.close()


@pytest.mark.server
def test_credentials_in_the_url_become_basic_auth(oxigraph):
    # oxigraph ignores credentials; what matters is what kg sends, and that the
    # password never appears in the URL it calls.
    host = oxigraph.removeprefix("http://")
    store = RemoteStore(f"sparql+http://alice:s3cret@{host}/query")
    sent = _count_requests(store)
    try:
        store.query("ASK {}")
        assert "s3cret" not in str(sent[-1].url)
        assert sent[-1].headers["authorization"].startswith("Basic ")
    finally:
        store.close()


@pytest.mark.server
def test_endpoint_without_union_default_graph_is_refused_with_advice(tmp_path):
    with oxigraph_server(tmp_path / "plain", union=False) as base:
        store = RemoteStore(f"sparql+{base}/query")
        try:
            # An empty endpoint cannot be checked yet: queries run.
            assert store.query("ASK { ?s ?p ?o }").boolean is False
            fill_store(store, tmp_path)
            with pytest.raises(StoreError, match="--union-default-graph"):
                answers.stats(store)
        finally:
            store.close()


# -- every command, through the CLI --------------------------------------------------

@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """Three development articles in a folder."""
    folder = tmp_path_factory.mktemp("articles")
    for path in sorted(DEV.glob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    return folder


def _kg(*args, env=None):
    from kg.cli import cli

    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result


@pytest.mark.server
@pytest.mark.slow
def test_every_command_works_against_the_remote_store(oxigraph, articles, tmp_path, monkeypatch):
    monkeypatch.delenv("KG_UPDATE_URL", raising=False)
    cleaner = RemoteStore(f"sparql+{oxigraph}/query")
    cleaner.update("DROP ALL")
    cleaner.close()
    remote = f"sparql+{oxigraph}/query"
    local = str(tmp_path / "local")

    for store in (remote, local):
        result = _kg("--store", store, "ingest", str(articles))
        assert result.exit_code == 0, result.output
        assert "ingested 3 documents" in result.output
    # A second ingest skips the unchanged documents (their hashes are read from the endpoint).
    again = _kg("--store", remote, "ingest", str(articles))
    assert again.exit_code == 0 and "ingested 0 documents (3 skipped unchanged" in again.output
    # --update-url given explicitly (the global option) works too.
    explicit = _kg("--store", remote, "--update-url", f"{oxigraph}/update", "ingest", "--force",
                   str(articles / sorted(p.name for p in articles.iterdir())[0]))
    assert explicit.exit_code == 0, explicit.output
    monkeypatch.delenv("KG_UPDATE_URL", raising=False)   # the option exports it for this process

    same_output = [
        ["ask", "who-discussed", "--format", "json"],
        ["ask", "who-discussed", "--with", "Biden", "--format", "csv"],
        ["ask", "who-said", "--format", "json"],
        ["ask", "conflicts", "--format", "json"],
        ["entities", "--format", "json"],
        ["entities", "--type", "person"],
        ["stats", "--format", "json"],
        ["query", "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT ?m WHERE { ?m a kg:Meeting } ORDER BY ?m",
         "--format", "csv"],
        ["analyze", "--format", "json"],
    ]
    for command in same_output:
        on_remote, on_local = _kg("--store", remote, *command), _kg("--store", local, *command)
        assert on_remote.exit_code == 0, (command, on_remote.output)
        assert on_remote.output == on_local.output, command
    assert json.loads(_kg("--store", remote, "ask", "who-discussed", "--format", "json").output)

    for fmt, parse_as in (("nquads", "nquads"), ("trig", "trig"), ("ttl", "turtle"), ("jsonld", "json-ld")):
        out = tmp_path / f"export.{fmt}"
        result = _kg("--store", remote, "export", "--format", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
        data = Dataset() if fmt in ("nquads", "trig") else Graph()
        data.parse(out, format=parse_as)
        assert len(data) > 1000

    validation = _kg("--store", remote, "validate")
    assert validation.exit_code in (0, 1), validation.output
    assert validation.output.startswith(("conforms", "Validation Report"))

    for command in (["render", "--out", str(tmp_path / "view.html")],
                    ["timeline", "--out", str(tmp_path / "timeline.html")],
                    ["export-graph", "--format", "graphml", "--out", str(tmp_path / "g.graphml")]):
        result = _kg("--store", remote, *command)
        assert result.exit_code == 0, (command, result.output)
    assert (tmp_path / "view.html").stat().st_size > 0
    path = _kg("--store", remote, "path", "Joe Biden", "Xi Jinping")
    assert path.exit_code in (0, 1) and path.output.strip()

    # kg serve with the remote store behind it.
    with kg_server(remote, log_dir=tmp_path) as (base, _process):
        sparql = SPARQLWrapper(f"{base}/sparql")
        sparql.setQuery("PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }")
        sparql.setReturnFormat(JSON)
        assert sparql.query().convert()["results"]["bindings"][0]["n"]["value"] == "3"
        page = httpx.get(f"{base}/entity", params={"name": "Joe Biden"}, follow_redirects=True)
        assert page.status_code == 200 and "Joe Biden" in page.text
        refused = httpx.post(f"{base}/sparql", data={"update": "DROP ALL"})
        assert refused.status_code == 403


@pytest.mark.server
def test_cli_reports_a_missing_union_in_one_line(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_UPDATE_URL", raising=False)
    with oxigraph_server(tmp_path / "plain", union=False) as base:
        store = RemoteStore(f"sparql+{base}/query")
        fill_store(store, tmp_path)
        store.close()
        result = CliRunner().invoke(__import__("kg.cli", fromlist=["cli"]).cli,
                                    ["--store", f"sparql+{base}/query", "stats"])
        assert result.exit_code == 1
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and "--union-default-graph" in lines[0]


@pytest.mark.server
def test_same_iris_in_both_stores(remote, tmp_path):
    fill_store(remote, tmp_path)
    labels = {str(r["l"]) for r in remote.query(
        "SELECT ?l WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l }", {"p": URIRef(BIDEN)}).rows}
    assert "Joe Biden" in labels
    assert remote.query("ASK WHERE { ?m <https://w3id.org/kg-news/ns#participant> ?p }", {"p": URIRef(KISHIDA)}).boolean
