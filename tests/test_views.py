"""Relationship views without a browser: graph building, filters, pages, analytics, export, CLI.

The store holds the hand-made corpus of ``views_corpus`` (written as ingest
writes documents), so the assertions are about the view code, not about the
extractor.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import views_corpus as vc
from kg.errors import KGError, UsageError
from kg.store import LocalStore
from kg.views import analytics
from kg.views.build import build_view, parse_include, resolve_node
from kg.views.html import embed_json, render_view_html, view_payload, vis_network, web_asset
from kg.views.model import DISCUSSED_WITH, ISSUED, SAID_ABOUT, TARGETS
from kg.views.timeline import render_timeline_html, timeline_payload

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path):
    """An open store with the views corpus."""
    s = LocalStore(tmp_path / "store")
    vc.fill(s, tmp_path / "articles")
    yield s
    s.close()


@pytest.fixture
def store_dir(tmp_path):
    """A closed store folder with the views corpus (the CLI opens it itself)."""
    s = LocalStore(tmp_path / "store")
    vc.fill(s, tmp_path / "articles")
    s.close()
    return tmp_path / "store"


def labels(view) -> set[str]:
    """The labels of a view's nodes."""
    return {data["label"] for _, data in view.graph.nodes(data=True)}


def edge(view, a, b, kind):
    """The attributes of the edge of ``kind`` between a and b, in either direction (or None)."""
    return view.graph.get_edge_data(a, b, key=kind) or view.graph.get_edge_data(b, a, key=kind)


# -- building the graph ----------------------------------------------------------

def test_discussions_between_a_pair_make_one_edge_with_every_discussion(store):
    view = build_view(store)
    data = edge(view, vc.BIDEN, vc.KISHIDA, DISCUSSED_WITH)
    facts = [view.facts[f] for f in data["facts"]]
    # Two held discussions from two documents; the planned summit is not one.
    assert [(f.meeting_kind, str(f.start)) for f in facts] == [("talks", "2023-01-13"), ("call", "2023-02-01")]
    assert {view.topic_label(t) for f in facts for t in f.topics} == {"export controls", "semiconductors",
                                                                     "alliance"}
    talks = facts[0]
    assert [e.text for e in talks.evidence] == [vc.TALKS_1, vc.TALKS_2]
    assert {e.source for e in talks.evidence} == {"talks.txt"}
    assert talks.place == "Washington"
    assert len([k for k in view.graph[vc.BIDEN].get(vc.KISHIDA, {}) if k == DISCUSSED_WITH]
               + [k for k in view.graph[vc.KISHIDA].get(vc.BIDEN, {}) if k == DISCUSSED_WITH]) == 1


def test_statement_is_about_the_actors_its_words_name(store):
    view = build_view(store)
    for target in (vc.BIDEN, vc.KISHIDA):
        data = view.graph.get_edge_data(vc.CAMPBELL, target, key=SAID_ABOUT)
        assert data is not None
        assert view.facts[data["facts"][0]].text == "Biden raised the issue with Kishida"
    assert view.graph.nodes[vc.CAMPBELL]["statements"] == [data["facts"][0]]


def test_metonyms_name_the_actor_except_as_places():
    from kg.views.build import link_statements
    from kg.views.model import STATEMENT, Fact

    names = {"doc": {vc.CHINA: {"China", "Beijing"}, vc.USA: {"United States", "US", "Washington"},
                     vc.RUTTE: {"Rutte"}}}
    facts = {
        "a": Fact("a", STATEMENT, "doc", speaker=vc.RUTTE, text="Beijing's threats worry Washington"),
        "b": Fact("b", STATEMENT, "doc", speaker=vc.RUTTE, text="we met in Washington about the USA"),
        "c": Fact("c", STATEMENT, "doc", speaker=vc.RUTTE, text="Rutte said the US and China agreed"),
    }
    link_statements(facts, names, {"Beijing", "Washington"})
    assert facts["a"].about == [vc.CHINA, vc.USA]
    assert facts["b"].about == []          # a place, and "USA" is not the name "US"
    assert facts["c"].about == [vc.USA, vc.CHINA]   # never the speaker


def test_policy_measure_is_a_node_between_issuer_and_target(store):
    view = build_view(store)
    policy = next(n for n, d in view.graph.nodes(data=True) if d["type"] == "policy")
    assert view.graph.nodes[policy]["label"] == "export controls on chipmaking tools"
    assert view.graph.has_edge(vc.USA, policy, key=ISSUED)
    assert view.graph.has_edge(policy, vc.CHINA, key=TARGETS)
    fact = view.facts[policy]
    assert (fact.measure_type, str(fact.start), fact.granularity) == ("export control", "2022-10-01", "month")


def test_include_chooses_node_kinds(store):
    assert not any(d["type"] == "topic" for _, d in build_view(store).graph.nodes(data=True))
    with_topics = build_view(store, include="people,topics")
    kinds = {d["type"] for _, d in with_topics.graph.nodes(data=True)}
    assert kinds == {"person", "topic"}
    assert {"export controls", "semiconductors", "alliance"} <= labels(with_topics)
    assert with_topics.graph.has_edge(vc.BIDEN, vc.EXPORT.iri, key="discussed")
    assert parse_include(" People , TOPICS ") == ("people", "topics")
    with pytest.raises(UsageError, match="unknown 'planets'"):
        parse_include("people,planets")


def test_posts_and_aliases_reach_the_nodes(store):
    view = build_view(store)
    biden = view.graph.nodes[vc.BIDEN]
    assert biden["label"] == "Joe Biden"
    assert {"Biden", "Joseph R. Biden"} <= set(biden["aliases"])
    post = biden["posts"][0]
    assert (post.label, str(post.start), str(post.end), post.status) == (
        "President of the United States", "2021-01-20", "2025-01-20", "reference")


def test_topic_and_time_filters(store):
    alliance = build_view(store, topic="ALLIANCE")
    assert labels(alliance) == {"Conor O'Brien", "Koji Tomita", "Joe Biden", "Fumio Kishida"}
    # An alias of a scheme topic ("chips") selects it too.
    chips = build_view(store, topic="chips")
    assert labels(chips) >= {"Joe Biden", "Fumio Kishida", "United States", "China"}
    assert "Mark Rutte" not in labels(chips)
    october = build_view(store, since="2022-10-01", until="2022-10-31")
    assert labels(october) == {"Joe Biden", "Mark Rutte", "United States", "China",
                               "export controls on chipmaking tools"}
    # Undated facts (Tomita met Kishida) drop out as soon as a date bound is given.
    later = build_view(store, since="2023-02-01")
    assert labels(later) == {"Conor O'Brien", "Koji Tomita", "Joe Biden", "Fumio Kishida"}
    assert edge(later, vc.TOMITA, vc.KISHIDA, DISCUSSED_WITH) is None
    with pytest.raises(UsageError, match="not a date"):
        build_view(store, since="13/01/2023")
    with pytest.raises(UsageError, match="after --until"):
        build_view(store, since="2023-02-01", until="2023-01-01")


def test_filter_values_are_bindings_not_query_text(store):
    # A value built to break out of a string literal in SPARQL just matches nothing.
    view = build_view(store, topic='x") || true || ("')
    assert view.graph.number_of_nodes() == 0


def test_focus_and_depth(store):
    one = build_view(store, focus="rutte", depth=1)
    assert labels(one) == {"Mark Rutte", "Joe Biden"}
    two = build_view(store, focus="Mark Rutte", depth=2)
    assert labels(two) == {"Mark Rutte", "Joe Biden", "Fumio Kishida", "Kurt Campbell"}
    assert two.focus == vc.RUTTE
    with pytest.raises(UsageError, match="no actor"):
        build_view(store, focus="Napoleon")
    view = build_view(store)
    # "o" is in many names: ambiguous, and the message lists them.
    with pytest.raises(UsageError, match="ambiguous"):
        resolve_node(view, "o")


# -- the HTML pages ----------------------------------------------------------------

def test_page_is_self_contained_with_a_strict_policy(store):
    page = render_view_html(build_view(store))
    # No external resource of any kind: no src/href pointing anywhere, no CDN, no Bootstrap.
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.IGNORECASE)
    assert "bootstrap" not in page.lower()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 3        # vis-network, common.js, view.js
    for code in scripts:
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "vis-network" in scripts[0][:200]


def test_payload_of_the_page(store):
    view = build_view(store)
    payload = view_payload(view)
    assert len(payload["nodes"]) == view.graph.number_of_nodes()
    assert len(payload["edges"]) == view.graph.number_of_edges()
    by_label = {n["label"]: n["id"] for n in payload["nodes"]}
    pair = {by_label["Joe Biden"], by_label["Fumio Kishida"]}
    discussed = [e for e in payload["edges"] if e["kind"] == DISCUSSED_WITH and {e["from"], e["to"]} == pair]
    assert len(discussed) == 1
    facts = [payload["facts"][i] for i in discussed[0]["facts"]]
    assert [f["date"] for f in facts] == ["2023-01-13", "2023-02-01"]
    sentences = [payload["sentences"][ev[0]] for ev in facts[0]["ev"]]
    assert sentences == [vc.TALKS_1, vc.TALKS_2]
    assert payload["sources"][facts[0]["ev"][0][1]] == "talks.txt"
    # Node size follows degree: Biden (3 partners) outweighs Rutte (1).
    sizes = {n["label"]: n["size"] for n in payload["nodes"]}
    assert sizes["Joe Biden"] > sizes["Mark Rutte"]
    assert payload["range"] == {"min": 19266, "max": 19389}      # 2022-10-01 .. 2023-02-01


def test_embedded_json_cannot_close_its_script(tmp_path):
    hostile = {"a": "</script><script>alert(1)</script>", "b": "<!--", "c": "\u2028&"}
    text = embed_json(hostile)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == hostile


def test_article_markup_stays_data_in_the_page(tmp_path):
    s = LocalStore(tmp_path / "store")
    folder = tmp_path / "articles"
    folder.mkdir()
    payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    art, (sentence,) = vc.article(folder, "evil.txt", [payload + " met Kishida."], vc.dt.date(2023, 1, 1))
    facts = vc.DocumentFacts()
    evil = str(vc.ID["person/evil"])
    facts.entities = {evil: vc.person(evil, payload), vc.KISHIDA: vc.person(vc.KISHIDA, "Fumio Kishida")}
    facts.meetings.append(vc.Meeting("meeting", [evil, vc.KISHIDA], sentence, time=vc.day("2023-01-01")))
    vc.write_documents(s, [(art, facts)])
    page = render_view_html(build_view(s), title="<b>title</b>")
    s.close()
    # Set aside the bundled code (vis-network has "<script>" inside a JS string): what is left is
    # the template and the data, where the article's markup must appear only escaped.
    for code in (vis_network()[0], web_asset("common.js"), web_asset("view.js")):
        page = page.replace(code, "")
    assert page.count("<script") == 4           # three bundled scripts and the JSON block, nothing else
    assert "<img" not in page and "window.__pwned" in page   # present, but only as escaped JSON text
    assert "<title>&lt;b&gt;title&lt;/b&gt;</title>" in page


def test_timeline_rows_and_page(store):
    view = build_view(store)
    payload = timeline_payload(view)
    rows = {r["label"]: r for r in payload["rows"]}
    # The busiest actors first (Kishida and Biden, three facts each, then by name).
    assert [r["label"] for r in payload["rows"][:2]] == ["Fumio Kishida", "Joe Biden"]
    assert [payload["facts"][i]["date"] for i in rows["Joe Biden"]["facts"]] == ["2022-10", "2023-01-13",
                                                                                  "2023-02-01"]
    # A statement sits on its speaker's row, a measure on its issuer's and its target's rows.
    assert [payload["facts"][i]["kind"] for i in rows["Kurt Campbell"]["facts"]] == ["statement"]
    assert [payload["facts"][i]["kind"] for i in rows["China"]["facts"]] == ["policy"]
    assert rows["United States"]["facts"] == rows["China"]["facts"]
    assert payload["facts"][rows["Fumio Kishida"]["facts"][-1]]["date"] == "undated"
    page = render_timeline_html(view)
    assert page.count("<script") == 3 and "default-src 'none'" in page


# -- analytics -----------------------------------------------------------------

def test_analyze_finds_the_broker(store):
    # People only: Rutte - Biden - Kishida - Tomita - O'Brien, and Campbell said something about
    # Biden and Kishida. Kishida is the only bridge to Tomita's side, Biden the only one to Rutte.
    result = analytics.analyze(build_view(store, include="people"), top=None)
    actors = {a["name"]: a for a in result["actors"]}
    assert [a["name"] for a in result["actors"][:2]] == ["Fumio Kishida", "Joe Biden"]
    # 6 nodes: normalised betweenness = pairs through the node / C(5, 2).
    assert actors["Fumio Kishida"]["betweenness"] == pytest.approx(6 / 10)   # {Tomita, O'Brien} x {Biden, Campbell, Rutte}
    assert actors["Joe Biden"]["betweenness"] == pytest.approx(4 / 10)       # Rutte x {Kishida, Tomita, O'Brien, Campbell}
    assert actors["Kurt Campbell"]["betweenness"] == 0
    assert (actors["Joe Biden"]["degree"], actors["Joe Biden"]["facts"]) == (3, 4)
    brokers = {b["broker"]: b for b in result["brokers"]}
    assert set(brokers) == {"Fumio Kishida", "Joe Biden", "Koji Tomita"}
    assert "Kurt Campbell / Mark Rutte" in brokers["Joe Biden"]["between"]
    assert sorted(m for c in result["communities"] for m in c["members"]) == sorted(actors)


def test_path_gives_evidence_for_each_hop(store):
    view = build_view(store)
    hops = analytics.find_path(view, resolve_node(view, "Rutte"), resolve_node(view, "Tomita"))
    assert [(h["from"], h["to"]) for h in hops] == [("Mark Rutte", "Joe Biden"), ("Joe Biden", "Fumio Kishida"),
                                                    ("Fumio Kishida", "Koji Tomita")]
    assert hops[0]["facts"][0]["evidence"] == [{"text": vc.CALL, "source": "call.txt", "sentence": 1}]
    assert hops[0]["facts"][0]["sources"] == ["call.txt"]
    assert [f["date"] for f in hops[1]["facts"] if f["kind"] == "discussion"] == ["2023-01-13", "2023-02-01"]
    text = analytics.format_path(hops)
    assert text.splitlines()[0] == "Mark Rutte → Joe Biden → Fumio Kishida → Koji Tomita"
    assert f"“{vc.TOMITA_MET}” — alliance.txt, sentence 3" in text
    # Through a policy measure: the United States issued controls that target China.
    hops = analytics.find_path(view, vc.USA, vc.CHINA)
    assert [h["relations"] for h in hops] == [["issued"], ["targets"]]
    lonely = build_view(store, include="countries")
    with pytest.raises(KGError, match="not connected"):
        analytics.find_path(lonely, vc.USA, vc.CHINA)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_for_gephi(store, fmt, reader):
    view = build_view(store)
    data = analytics.export_network(view, fmt)
    graph = reader(io.BytesIO(data))
    assert graph.number_of_nodes() == view.graph.number_of_nodes()
    assert graph.number_of_edges() == view.graph.number_of_edges()
    if fmt == "graphml":
        edges = [d for u, v, d in graph.edges(data=True) if {u, v} == {vc.BIDEN, vc.KISHIDA}]
        assert edges[0]["kind"] == "discussed with" and int(edges[0]["count"]) == 2
        assert (edges[0]["first"], edges[0]["last"]) == ("2023-01-13", "2023-02-01")
        assert vc.TALKS_1 in edges[0]["evidence"]
        assert graph.nodes[vc.BIDEN]["label"] == "Joe Biden"
    with pytest.raises(UsageError):
        analytics.export_network(view, "dot")


# -- command line ----------------------------------------------------------------

def run(store_dir, *args):
    """Run ``kg --store STORE_DIR ARGS...`` in-process."""
    from kg.cli import cli
    return CliRunner().invoke(cli, ["--store", str(store_dir), *args], catch_exceptions=False)


def test_cli_render_and_timeline(store_dir, tmp_path):
    out = tmp_path / "view.html"
    result = run(store_dir, "render", "--focus", "Kishida", "--depth", "1", "--out", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text()
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.DOTALL).group(1))
    assert {n["label"] for n in data["nodes"]} == {"Fumio Kishida", "Joe Biden", "Kurt Campbell", "Koji Tomita"}
    for args in (["render", "--timeline"], ["timeline"]):
        out = tmp_path / f"{args[0]}-timeline.html"
        result = run(store_dir, *args, "--out", str(out))
        assert result.exit_code == 0, result.output
        assert 'id="timeline"' in out.read_text()


def test_cli_analyze_path_export(store_dir, tmp_path):
    result = run(store_dir, "analyze", "--include", "people", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["brokers"][0]["broker"] == "Fumio Kishida"
    result = run(store_dir, "analyze", "--section", "actors", "--format", "csv")
    assert result.output.splitlines()[0] == "name,type,degree,facts,betweenness,community,iri"
    result = run(store_dir, "path", "Rutte", "Kishida")
    assert result.exit_code == 0 and "Mark Rutte → Joe Biden → Fumio Kishida" in result.output
    out = tmp_path / "kg.gexf"
    result = run(store_dir, "export-graph", "--format", "gexf", "--out", str(out))
    assert result.exit_code == 0 and nx.read_gexf(out).number_of_nodes() > 0


def test_cli_errors_are_one_line(store_dir):
    for args, message in [(["render", "--include", "planets"], "unknown 'planets'"),
                          (["render", "--depth", "2"], "--depth needs --focus"),
                          (["path", "Rutte", "Napoleon"], "no actor"),
                          (["analyze", "--format", "csv"], "prints one table"),
                          (["export-graph", "--format", "dot"], "unknown network format")]:
        result = run(store_dir, *args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_view_code_does_not_import_spacy_or_click(store_dir):
    # A fresh interpreter: build every view, then look at what got imported.
    code = (
        "import sys\n"
        "from kg.store import open_store\n"
        "from kg.views.build import build_view\n"
        "from kg.views import html, timeline, analytics\n"
        f"view = build_view(open_store({str(store_dir)!r}))\n"
        "html.render_view_html(view); timeline.render_timeline_html(view); analytics.analyze(view)\n"
        "analytics.export_network(view, 'gexf')\n"
        "library = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'click'))\n"
        "import kg.cli_views\n"
        "cli = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))\n"
        "print(library, cli)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] []"


def test_library_modules_do_not_import_click():
    for path in (REPO / "kg" / "views").glob("*.py"):
        assert not re.search(r"^\s*(import click|from click)", path.read_text(), re.MULTILINE), path


@pytest.mark.server
def test_views_work_on_a_sparql_endpoint_too(tmp_path):
    # The same queries through `oxigraph serve` (bindings as a VALUES block over HTTP).
    from kg.store import open_store
    from kg_servers import oxigraph_server

    local = LocalStore(tmp_path / "store")
    vc.fill(local, tmp_path / "articles")
    expected = build_view(local, topic="alliance")
    local.close()
    with oxigraph_server(tmp_path / "store" / "oxigraph") as url:
        remote = open_store("sparql+" + url + "/query")
        view = build_view(remote, topic="alliance")
        everything = build_view(remote)
    assert sorted(view.graph.nodes) == sorted(expected.graph.nodes)
    assert labels(view) == {"Conor O'Brien", "Koji Tomita", "Joe Biden", "Fumio Kishida"}
    assert len(edge(everything, vc.BIDEN, vc.KISHIDA, DISCUSSED_WITH)["facts"]) == 2
