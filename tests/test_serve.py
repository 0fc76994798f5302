"""kg serve, tested with real clients against a real server on 127.0.0.1.

The server is ``kg --store DIR serve --port PORT`` in a child process; the
clients are SPARQLWrapper, rdflib's SPARQLStore/SPARQLUpdateStore and httpx;
the pages are parsed with BeautifulSoup.  The store holds the hand-made
corpus of ``conftest.py`` (Biden and Kishida's talks on 2023-01-13 about
export controls, Campbell's "very productive", a conflicting "Vice
President" claim, ...), so no spaCy is needed.
"""
from __future__ import annotations

import csv
import io
import json
import shutil

import httpx
import psutil
import pytest
from bs4 import BeautifulSoup
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from conftest import BIDEN, CAMPBELL, KISHIDA, SECRET, fill_store
from kg.store import LocalStore
from kg_servers import kg_server

pytestmark = pytest.mark.server

KG = "https://w3id.org/kg-news/ns#"
PREFIX = f"PREFIX kg: <{KG}>\n"
MEETINGS = PREFIX + "SELECT ?m ?p WHERE { ?m a kg:Meeting ; kg:status kg:Held ; kg:participant ?p } ORDER BY ?m ?p"
# A cross product of the whole store with itself three times: far longer than a second.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    """A closed embedded store holding the reference graph and the three hand-made documents."""
    root = tmp_path_factory.mktemp("serve")
    (root / "articles").mkdir()
    store = LocalStore(root / "store")
    fill_store(store, root / "articles")
    store.close()
    return root / "store"


@pytest.fixture(scope="module")
def server(store_dir, tmp_path_factory):
    """kg serve (read-only, 2 s time limit) on a free loopback port: (base URL, process)."""
    logs = tmp_path_factory.mktemp("serve-logs")
    with kg_server(str(store_dir), "--timeout", "2", log_dir=logs) as running:
        yield running


@pytest.fixture(scope="module")
def base(server):
    """The read-only server's base URL."""
    return server[0]


@pytest.fixture(scope="module")
def writable(store_dir, tmp_path_factory):
    """kg serve --allow-update on a copy of the store: its base URL."""
    copy = tmp_path_factory.mktemp("serve-rw") / "store"
    shutil.copytree(store_dir, copy)
    with kg_server(str(copy), "--allow-update", log_dir=copy.parent) as (url, _process):
        yield url


# -- SPARQLWrapper ---------------------------------------------------------------

def _wrapper(base: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{base}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_sparqlwrapper_select_json(base):
    result = _wrapper(base, MEETINGS, JSON).query().convert()
    pairs = {(b["m"]["value"], b["p"]["value"]) for b in result["results"]["bindings"]}
    seed_talks = [m for m, p in pairs if m.endswith("seed#meeting-1")]
    assert {p for m, p in pairs if m.endswith("seed#meeting-1")} == {BIDEN, KISHIDA}
    assert len(seed_talks) == 2
    # The planned summit is not held.
    assert not any(m.endswith("seed#meeting-2") for m, _ in pairs)


@pytest.mark.parametrize("method", ["GET", "POST-form", "POST-direct"])
def test_sparqlwrapper_select_xml_by_every_method(base, method):
    sparql = _wrapper(base, PREFIX + "SELECT ?text WHERE { ?s kg:speaker ?who ; kg:text ?text } ORDER BY ?text", XML)
    if method != "GET":
        sparql.setMethod(POST)
    if method == "POST-direct":
        sparql.setRequestMethod(POSTDIRECTLY)
    document = sparql.query().convert()        # an xml.dom.minidom Document
    texts = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert texts == ["has never been stronger", "very productive"]


def test_sparqlwrapper_csv_and_tsv(base):
    query = PREFIX + 'SELECT ?text ?c WHERE { ?s kg:text ?text ; kg:confidence ?c FILTER(?text = "very productive") }'
    rows = list(csv.reader(io.StringIO(_wrapper(base, query, CSV).query().convert().decode("utf-8"))))
    assert rows == [["text", "c"], ["very productive", "0.75"]]
    lines = _wrapper(base, query, TSV).query().convert().decode("utf-8").splitlines()
    assert lines[0] == "?text\t?c"
    assert lines[1] == '"very productive"\t"0.75"^^<http://www.w3.org/2001/XMLSchema#decimal>'


def test_sparqlwrapper_ask(base):
    assert _wrapper(base, PREFIX + "ASK { ?m a kg:Meeting }", JSON).query().convert()["boolean"] is True
    assert _wrapper(base, PREFIX + "ASK { ?m a kg:Nothing }", JSON).query().convert()["boolean"] is False


@pytest.mark.parametrize("fmt, rdflib_format", [(TURTLE, "turtle"), (N3, "turtle"), (JSONLD, None), (XML, None)])
def test_sparqlwrapper_construct(base, fmt, rdflib_format):
    query = PREFIX + f"CONSTRUCT {{ ?m kg:participant ?p }} WHERE {{ ?m kg:participant ?p FILTER(?p = <{BIDEN}>) }}"
    converted = _wrapper(base, query, fmt).query().convert()
    if isinstance(converted, Graph):
        graph = converted
    else:
        graph = Graph().parse(data=converted, format=rdflib_format)
    assert (None, URIRef(KG + "participant"), URIRef(BIDEN)) in graph
    # Biden took part in the seed's talks and summit and the Dutch call.
    assert len(graph) == 3




def test_sparqlwrapper_malformed_query(base):
    with pytest.raises(QueryBadFormed):
        _wrapper(base, "SELECT ?x WHERE { ?x ", JSON).query()


def test_sparqlwrapper_update_refused(base):
    sparql = SPARQLWrapper(f"{base}/sparql", updateEndpoint=f"{base}/sparql")
    sparql.setMethod(POST)
    sparql.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    with pytest.raises(Exception) as caught:
        sparql.query()
    assert getattr(caught.value, "code", None) == 403
    # Nothing was written.
    assert _wrapper(base, "ASK { <http://example.org/a> ?p ?o }", JSON).query().convert()["boolean"] is False


# -- rdflib's SPARQLStore ----------------------------------------------------------

def test_rdflib_sparqlstore_query_with_bindings(base):
    graph = Graph(store=SPARQLStore(f"{base}/sparql", returnFormat="json"))
    rows = list(graph.query(PREFIX + "SELECT ?text WHERE { ?s kg:speaker ?who ; kg:text ?text }",
                            initBindings={"who": URIRef(CAMPBELL)}))
    assert [str(r.text) for r in rows] == ["very productive"]


def test_rdflib_sparqlstore_triples_and_xml(base):
    graph = Graph(store=SPARQLStore(f"{base}/sparql"))          # XML results, rdflib's default
    labels = {str(o) for o in graph.objects(URIRef(KISHIDA), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert labels == {"Fumio Kishida"}


def test_rdflib_sparqlstore_named_graph_as_default(base):
    # A Dataset's graph context makes SPARQLStore send default-graph-uri: the query sees that graph only.
    store = SPARQLStore(f"{base}/sparql", returnFormat="json")
    dutch = Graph(store=store, identifier=URIRef("https://w3id.org/kg-news/doc/dutch"))
    kinds = {str(r.k) for r in dutch.query(PREFIX + "SELECT ?k WHERE { ?m kg:meetingKind ?k }")}
    assert kinds == {KG + "MeetingKindCall"}


def test_rdflib_sparqlupdatestore_refused_then_allowed(base, writable):
    triple = (URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal("o"))
    refused = SPARQLUpdateStore(f"{base}/sparql", f"{base}/sparql")
    with pytest.raises(Exception) as caught:
        Graph(store=refused, identifier=URIRef("http://example.org/g")).add(triple)
    assert "403" in str(caught.value)

    store = SPARQLUpdateStore(f"{writable}/sparql", f"{writable}/sparql", returnFormat="json")
    g = Graph(store=store, identifier=URIRef("http://example.org/g"))
    g.add(triple)
    # The server's query workers reopen their snapshot after its own write.
    assert triple in g
    check = SPARQLWrapper(f"{writable}/sparql")
    check.setQuery('ASK { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> "o" } }')
    check.setReturnFormat(JSON)
    assert check.query().convert()["boolean"] is True


# -- the protocol with plain HTTP -------------------------------------------------------

@pytest.mark.parametrize("accept, media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, text/tab-separated-values", "text/tab-separated-values"),
    ("*/*", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    (None, "application/sparql-results+json"),
])
def test_select_content_negotiation(base, accept, media):
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(f"{base}/sparql", params={"query": MEETINGS}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


@pytest.mark.parametrize("accept, media, fmt", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
])
def test_construct_content_negotiation(base, accept, media, fmt):
    query = PREFIX + "CONSTRUCT WHERE { ?m a kg:Meeting ; kg:participant ?p }"
    response = httpx.post(f"{base}/sparql", data={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    graph = Graph().parse(data=response.content, format=fmt)
    assert (URIRef("https://w3id.org/kg-news/doc/seed#meeting-1"), URIRef(KG + "participant"), URIRef(BIDEN)) in graph


def test_describe(base):
    response = httpx.get(f"{base}/sparql", params={"query": f"DESCRIBE <{KISHIDA}>"},
                         headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert f"<{KISHIDA}>" in response.text


def test_post_direct_query_body(base):
    response = httpx.post(f"{base}/sparql", content=PREFIX + "ASK { ?m a kg:Meeting }",
                          headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.json() == {"head": {}, "boolean": True}


def test_format_parameter_wins_over_accept(base):
    response = httpx.get(f"{base}/sparql", params={"query": MEETINGS, "format": "csv"},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.headers["content-type"].startswith("text/csv")


def test_not_acceptable(base):
    response = httpx.get(f"{base}/sparql", params={"query": MEETINGS}, headers={"Accept": "image/png"})
    assert response.status_code == 406


@pytest.mark.parametrize("request_kwargs, status", [
    ({"method": "POST", "data": {"update": "CLEAR ALL"}}, 403),
    ({"method": "POST", "content": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}, 403),
    ({"method": "GET", "params": {"update": "CLEAR ALL"}}, 405),
    ({"method": "GET", "params": {"query": "CLEAR ALL"}}, 400),
    ({"method": "GET", "params": {"query": "SELECT * WHERE { ?s ?p }"}}, 400),
    ({"method": "POST", "data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
    ({"method": "POST", "content": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ({"method": "GET", "params": {}}, 400),
])
def test_protocol_errors(base, request_kwargs, status):
    kwargs = dict(request_kwargs)
    method = kwargs.pop("method")
    response = httpx.request(method, f"{base}/sparql", **kwargs)
    assert response.status_code == status
    assert response.text.strip()          # a message saying what is wrong
    # The store is unchanged whatever was refused.
    assert httpx.get(f"{base}/sparql", params={"query": PREFIX + "ASK { ?m a kg:Meeting }"}).json()["boolean"]


def test_read_only_message_says_how_to_allow(base):
    response = httpx.post(f"{base}/sparql", data={"update": "CLEAR ALL"})
    assert "--allow-update" in response.text


def test_time_limit_stops_the_query_and_the_server_recovers(server):
    base, process = server
    workers_before = {p.pid for p in psutil.Process(process.pid).children(recursive=True)}
    response = httpx.get(f"{base}/sparql", params={"query": SLOW}, timeout=120)
    assert response.status_code == 503
    assert "time limit" in response.text
    # The worker that ran it was killed and replaced; the next query is answered.
    answer = httpx.get(f"{base}/sparql", params={"query": PREFIX + "ASK { ?m a kg:Meeting }"}, timeout=120)
    assert answer.json()["boolean"] is True
    workers_after = {p.pid for p in psutil.Process(process.pid).children(recursive=True)}
    assert workers_before - workers_after, "the worker running the slow query should be gone"


def test_allow_update_accepts_updates(writable):
    update = 'INSERT DATA { GRAPH <http://example.org/g2> { <http://example.org/x> <http://example.org/y> "z" } }'
    response = httpx.post(f"{writable}/sparql", data={"update": update})
    assert response.status_code == 204
    ask = httpx.get(f"{writable}/sparql", params={"query": 'ASK { <http://example.org/x> ?p "z" }'})
    assert ask.json()["boolean"] is True
    bad = httpx.post(f"{writable}/sparql", content="INSERT DATA { <x> }",
                     headers={"Content-Type": "application/sparql-update"})
    assert bad.status_code == 400


def test_binds_to_loopback_only(server):
    _base, process = server
    listening = [c for p in [psutil.Process(process.pid)] for c in p.net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening
    assert {c.laddr.ip for c in listening} == {"127.0.0.1"}


# -- pages -----------------------------------------------------------------------------

def _soup(response: httpx.Response) -> BeautifulSoup:
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "html.parser")


def _cells(soup: BeautifulSoup, table_id: str) -> list[list[str]]:
    table = soup.find("table", id=table_id)
    assert table is not None, f"no table #{table_id}"
    return [[" ".join(td.get_text().split()) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]


def test_index_shows_counts(base):
    soup = _soup(httpx.get(f"{base}/"))
    counts = dict(map(tuple, _cells(soup, "stats")))
    assert counts["documents"] == "3"
    assert counts["meetings"] == "5"


def test_query_editor_lists_named_queries_and_runs_them(base):
    soup = _soup(httpx.get(f"{base}/query"))
    names = [a.get_text() for a in soup.select("#examples a")]
    assert "who_discussed" in names and "who_said" in names and "stats" in names
    # Choosing an example fills the editor with its text without running it.
    soup = _soup(httpx.get(f"{base}/query", params={"example": "who_said", "run": "0"}))
    assert "kg:speaker" in soup.find("textarea", id="query").get_text()
    assert soup.find("table", id="results") is None
    # Running it shows the rows.
    soup = _soup(httpx.get(f"{base}/query", params={"example": "who_said"}))
    header = [th.get_text() for th in soup.find("table", id="results").thead.find_all("th")]
    assert "speakerLabel" in header and "text" in header
    texts = {row[header.index("text")] for row in _cells(soup, "results")}
    assert texts == {"very productive", "has never been stronger"}


def test_query_editor_shows_errors(base):
    response = httpx.get(f"{base}/query", params={"query": "SELECT ?x WHERE { ?x"})
    assert response.status_code == 400
    assert _soup(response).find(id="error").get_text().strip()


def test_who_discussed_page_with_filters(base):
    soup = _soup(httpx.get(f"{base}/who-discussed", params={"with": "kishida", "topic": "export"}))
    rows = _cells(soup, "results")
    assert len(rows) == 1
    participants, topics, date, place, kind, evidence, source, confidence = rows[0]
    assert participants == "Fumio Kishida, Joe Biden"
    assert "export controls" in topics
    assert (date, place, kind, source, confidence) == ("2023-01-13", "Washington", "talks", "seed.txt", "0.8")
    assert "very productive" in evidence
    # The form keeps the filters.
    assert soup.find("input", attrs={"name": "with"})["value"] == "kishida"
    # Names link to the entity pages.
    links = [a["href"] for a in soup.select("td.participants a")]
    assert any("name=Joe" in href for href in links)


def test_who_discussed_page_filters_by_date_and_confidence(base):
    all_rows = _cells(_soup(httpx.get(f"{base}/who-discussed")), "results")
    assert len(all_rows) == 4
    october = _cells(_soup(httpx.get(f"{base}/who-discussed", params={"since": "2022-10-01", "until": "2022-10-31"})), "results")
    assert [r[0] for r in october] == ["Joe Biden, Mark Rutte"]
    confident = _cells(_soup(httpx.get(f"{base}/who-discussed", params={"min_confidence": "0.65"})), "results")
    assert len(confident) == 2


def test_who_discussed_page_bad_filter_is_a_400_with_message(base):
    response = httpx.get(f"{base}/who-discussed", params={"since": "last week"})
    assert response.status_code == 400
    assert "YYYY-MM-DD" in _soup(response).find(id="error").get_text()


def test_who_discussed_filter_values_are_bindings_not_query_text(base):
    response = httpx.get(f"{base}/who-discussed", params={"with": SECRET})
    assert response.status_code == 200
    assert _cells(_soup(response), "results") == []


def test_who_said_page(base):
    rows = _cells(_soup(httpx.get(f"{base}/who-said", params={"speaker": "campbell"})), "results")
    assert len(rows) == 1
    assert rows[0][0] == "Kurt Campbell" and "very productive" in rows[0][1]


def test_entities_page(base):
    soup = _soup(httpx.get(f"{base}/entities", params={"type": "person"}))
    names = [row[0] for row in _cells(soup, "results")]
    assert "Joe Biden" in names and "Kurt Campbell" in names
    assert "Japan" not in names


def test_entity_page_has_posts_meetings_statements_with_evidence(base):
    soup = _soup(httpx.get(f"{base}/entity", params={"iri": BIDEN}))
    assert soup.find(id="name").get_text() == "Joe Biden"
    posts = _cells(soup, "posts")
    claim = next(p for p in posts if p[0] == "Vice President")
    assert claim[4] == "conflicting" and "Vice President Joe Biden" in claim[5] and claim[6] == "seed.txt"
    assert any(p[0] == "President of the United States" and p[4] == "reference" for p in posts)
    meetings = _cells(soup, "meetings")
    talks = next(m for m in meetings if m[1] == "talks")
    assert talks[0] == "Fumio Kishida" and talks[2] == "held" and talks[3] == "2023-01-13"
    assert "export controls" in talks[5] and "very productive" in talks[6]
    assert any(m[1] == "summit" and m[2] == "planned" for m in meetings)
    assert any(m[1] == "call" and m[0] == "Mark Rutte" for m in meetings)
    # Biden made no statement; Campbell did.
    assert soup.find("table", id="statements") is None
    campbell = _soup(httpx.get(f"{base}/entity", params={"iri": CAMPBELL}))
    statements = _cells(campbell, "statements")
    assert statements[0][0] == "“very productive”" and statements[0][1] == "speaker"
    assert "very productive" in statements[0][4]


def test_entity_by_name_redirects_to_its_page(base):
    response = httpx.get(f"{base}/entity", params={"name": "joe biden"}, follow_redirects=True)
    assert response.status_code == 200
    assert _soup(response).find(id="iri").get_text() == BIDEN
    missing = httpx.get(f"{base}/entity", params={"name": "Nobody At All"})
    assert missing.status_code == 404


def test_entity_page_errors(base):
    assert httpx.get(f"{base}/entity", params={"iri": "http://example.org/unknown"}).status_code == 404
    assert httpx.get(f"{base}/entity", params={"iri": "not an iri"}).status_code == 400


def test_graph_view_for_an_entity(base):
    response = httpx.get(f"{base}/graph", params={"iri": BIDEN})
    assert response.status_code == 200
    soup = _soup(response)
    text = soup.get_text(" ")
    assert "Fumio Kishida" in response.text and "Joe Biden" in text
    # Either kg.views' page (vis-network, data inlined) or the server's own SVG view: both offline.
    assert soup.find("svg", id="graph") is not None or "vis" in response.text.lower()
    assert not soup.find_all("script", src=True), "the graph page must not load scripts from elsewhere"


def test_graph_view_links_from_entity_page(base):
    soup = _soup(httpx.get(f"{base}/entity", params={"iri": KISHIDA}))
    href = soup.find("a", id="graph-link")["href"]
    assert httpx.get(f"{base}{href}").status_code == 200


def test_json_results_are_valid_sparql_json(base):
    body = httpx.get(f"{base}/sparql", params={"query": PREFIX + "SELECT ?c WHERE { ?m kg:confidence ?c } LIMIT 1"},
                     headers={"Accept": "application/sparql-results+json"}).json()
    value = body["results"]["bindings"][0]["c"]
    assert value["type"] == "literal" and value["datatype"] == "http://www.w3.org/2001/XMLSchema#decimal"
    assert json.dumps(body)


def test_serve_and_remote_modules_do_not_import_spacy():
    import subprocess
    import sys

    code = ("import sys, kg.serve, kg.serve.pages, kg.serve.worker, kg.serve.protocol, kg.remote, kg.cli_serve; "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
