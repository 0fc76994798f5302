#!/usr/bin/env python3
"""Benchmark: how fast a large relationship view becomes interactive in headless Chromium.

Builds a synthetic view of 2,000 actors and 8,000 "discussed with" edges (one
held discussion per pair, with a date, a topic and an evidence sentence),
renders it with ``kg.views.html`` exactly as ``kg render`` does, opens it in
Debian's ``/usr/bin/chromium`` through Playwright, and prints:

* **time to interactive**: from navigation start to the first frame drawn
  after the bounded physics stabilisation has finished and physics is off
  (the page sets ``kgView.readyAt``), median of ``--runs`` fresh page loads;
* the time a topic filter takes to apply, and a redraw.

With ``--via-store`` the synthetic facts are first written to a temporary
Oxigraph store as kg's writer writes documents, and the view is built from
the store with ``kg.views.build.build_view``, as ``kg render`` would (slower
to prepare; the browser figure is the same page).

The edge structure is a preferential-attachment-like random graph (seeded),
so a few hubs carry many edges, as in news.  No network access; the browser is
never downloaded.

Usage::

    python scripts/bench_render.py                 # 2,000 nodes / 8,000 edges, 3 runs
    python scripts/bench_render.py --nodes 500 --edges 2000 --runs 1
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.views.build import assemble  # noqa: E402
from kg.views.html import render_view_html  # noqa: E402
from kg.views.model import COUNTRY, DISCUSSION, ORGANIZATION, PERSON, Actor, Evidence, Fact  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TOPICS = ["export control", "semiconductor", "alliance", "trade", "security", "climate", "energy", "sanctions"]
KINDS = ["meeting", "talks", "call", "visit", "summit"]


def synthetic(nodes: int, edges: int, seed: int = 42):
    """(facts, actors, topics) of a synthetic corpus with ``nodes`` actors and ``edges`` distinct pairs."""
    rng = random.Random(seed)
    actors = {}
    for i in range(nodes):
        kind = PERSON if i % 10 < 7 else (COUNTRY if i % 10 == 7 else ORGANIZATION)
        iri = f"https://w3id.org/kg-news/id/bench/actor-{i}"
        actors[iri] = Actor(iri=iri, type=kind, label=f"Actor {i}", aliases=[f"A{i}"])
    iris = list(actors)
    topics = {f"https://w3id.org/kg-news/id/topic/t{i}": label for i, label in enumerate(TOPICS)}
    topic_iris = list(topics)
    # Every actor gets one partner first (no isolated nodes), then pairs are
    # drawn with a bias towards already busy actors.
    pairs: set[tuple[int, int]] = set()
    weights = [1] * nodes
    for i in range(1, nodes):
        j = rng.randrange(i)
        pairs.add((j, i))
        weights[i] += 1
        weights[j] += 1
    while len(pairs) < edges:
        a = rng.choices(range(nodes), weights=weights)[0]
        b = rng.randrange(nodes)
        if a == b:
            continue
        pair = (min(a, b), max(a, b))
        if pair not in pairs:
            pairs.add(pair)
            weights[a] += 1
            weights[b] += 1
    facts = {}
    start = dt.date(2022, 1, 1)
    for n, (a, b) in enumerate(sorted(pairs)):
        day = start + dt.timedelta(days=rng.randrange(730))
        fid = f"https://w3id.org/kg-news/doc/bench-{n // 20}#meeting-{n}"
        sentence = (f"Actor {a} and Actor {b} held {rng.choice(KINDS)} about "
                    f"{topics[topic_iris[n % len(topic_iris)]]} on {day.isoformat()}.")
        facts[fid] = Fact(id=fid, kind=DISCUSSION, doc=fid.split("#")[0], start=day, end=day, granularity="day",
                          confidence=0.8, topics=[topic_iris[n % len(topic_iris)]],
                          evidence=[Evidence(sentence, f"bench-{n // 20}.txt", n % 20)],
                          meeting_kind=rng.choice(KINDS), participants=[iris[a], iris[b]])
    return facts, actors, topics


def via_store(facts, actors, workdir: Path):
    """Write the synthetic facts to a store as kg's writer does, and build the view from it."""
    from rdflib import URIRef

    from kg.dates import TimeSpan
    from kg.extract.model import DocumentFacts, Entity, Meeting, Topic
    from kg.extract.model import Evidence as ModelEvidence
    from kg.rdfwriter import facts_to_graph
    from kg.reference import ensure_reference_graph
    from kg.sources import Article
    from kg.store import LocalStore, graph_to_ntriples
    from kg.views.build import build_view

    store = LocalStore(workdir / "store")
    ensure_reference_graph(store)
    docs: dict[str, DocumentFacts] = {}
    for fact in facts.values():
        doc = docs.setdefault(fact.doc, DocumentFacts())
        for p in fact.participants:
            a = actors[p]
            doc.entities.setdefault(p, Entity(iri=p, kind=a.type, name=a.label, aliases=set(a.aliases)))
        e = fact.evidence[0]
        doc.meetings.append(Meeting(fact.meeting_kind, list(fact.participants),
                                    ModelEvidence(e.sentence, 0, len(e.text), e.text),
                                    time=TimeSpan(fact.start, fact.end, "day"),
                                    topics=[Topic(t, t.rsplit("/", 1)[-1]) for t in fact.topics]))
    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    batch = []
    for doc_iri, doc in docs.items():
        name = doc_iri.rsplit("/", 1)[-1]
        article = Article(path=workdir / f"{name}.txt", doc_id=name, text="", body_start=0,
                          date=dt.date(2024, 1, 1), content_hash=name)
        graph = facts_to_graph(article, doc, ingested_at=when)
        batch.append((URIRef(graph.identifier), graph_to_ntriples(graph)))
    store.replace_graphs(batch)
    started = time.perf_counter()
    view = build_view(store)
    print(f"  view built from the store in {time.perf_counter() - started:.2f} s")
    store.close()
    return view


def measure(page_path: Path, runs: int) -> dict:
    """Load the page ``runs`` times in fresh Chromium profiles; return timings in ms."""
    from playwright.sync_api import sync_playwright

    ready, filters, redraws, iterations = [], [], [], []
    with sync_playwright() as pw:
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="kg-bench-profile-") as profile:
                context = pw.chromium.launch_persistent_context(
                    profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                    viewport={"width": 1400, "height": 900})
                page = context.new_page()
                page.goto(page_path.as_uri())
                # A selector, not wait_for_function: its polling evaluates strings, which the
                # page's Content-Security-Policy (rightly) refuses.
                page.wait_for_selector("html[data-ready=true]", state="attached", timeout=120_000)
                ready.append(page.evaluate("kgView.readyAt"))
                iterations.append(page.evaluate("kgView.stabilizationIterations"))
                filters.append(page.evaluate("""() => {
                    const t0 = performance.now();
                    const select = document.getElementById('topic');
                    select.value = '0'; select.dispatchEvent(new Event('change'));
                    kgView.network.redraw();
                    const t1 = performance.now();
                    select.value = '-1'; select.dispatchEvent(new Event('change'));
                    return t1 - t0; }"""))
                redraws.append(page.evaluate("""() => {
                    const t0 = performance.now(); kgView.network.redraw(); return performance.now() - t0; }"""))
                context.close()
    return {"ready": ready, "filter": filters, "redraw": redraws, "iterations": iterations}


def main(argv: list[str] | None = None) -> int:
    """Build, render and time the synthetic view; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=8000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--via-store", action="store_true", help="build the view from a temporary store")
    parser.add_argument("--keep", metavar="FILE", help="also write the page to FILE")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    facts, actors, topics = synthetic(args.nodes, args.edges)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        started = time.perf_counter()
        view = via_store(facts, actors, Path(tmp)) if args.via_store else assemble(facts, actors, topics)
        page = render_view_html(view, title="kg benchmark")
        prepared = time.perf_counter() - started
        path = Path(tmp) / "bench.html"
        path.write_text(page, encoding="utf-8")
        if args.keep:
            Path(args.keep).write_text(page, encoding="utf-8")
        print(f"view: {view.graph.number_of_nodes()} nodes, {view.graph.number_of_edges()} edges; "
              f"page {len(page.encode()) / 1e6:.1f} MB, prepared in {prepared:.2f} s")
        timings = measure(path, args.runs)
    median = statistics.median
    print(f"Chromium {args.runs} run(s): time to interactive median {median(timings['ready']) / 1000:.2f} s "
          f"(runs: {', '.join(f'{t / 1000:.2f}' for t in timings['ready'])} s; "
          f"{median(timings['iterations']):.0f} stabilisation iterations, then physics off)")
    print(f"topic filter applied in {median(timings['filter']):.0f} ms; redraw {median(timings['redraw']):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
