#!/usr/bin/env python3
"""Benchmark: the view around one actor, read piece by piece vs cut from the whole view.

``kg serve``'s ``/graph?iri=`` page and ``kg render --focus`` read only the
facts around the actor (``kg.views.neighbourhood``); before, they built the
view of the whole store and cut it down (``build_view`` + ``focus_view``).
On a store that is already ingested, this script times, once each:

* the whole view (``build_view``), as ``kg render`` without ``--focus`` does;
* the neighbourhood of actors at several ranks of connectedness (the most
  discussed actor, and the 10th, 100th, ... one), at ``--depths``, read piece
  by piece (``expansion_cost=None``: never falling back on the whole view),
  with the number of nodes, queries and rows it read;

and prints each neighbourhood's time as a fraction of the whole view's (the
whole view's time does not include cutting it down, which is quick).  It also
checks that each neighbourhood equals the whole view cut down (``--no-check``
skips that).  Wall-clock times on a shared machine: read them as orders of
magnitude; the script asserts nothing.

A big store to try it on (10,000 synthetic articles, about 5 million
triples; the ingest takes about 15 minutes on 2 cores)::

    python scripts/make_corpus.py --count 10000 --out /tmp/corpus
    .venv/bin/kg --store /tmp/kg10k ingest /tmp/corpus --processes 1
    .venv/bin/python scripts/bench_neighbourhood.py --store /tmp/kg10k
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.queries import run_named  # noqa: E402
from kg.store import LocalStore  # noqa: E402
from kg.views.build import build_view, focus_view  # noqa: E402
from kg.views.html import view_payload  # noqa: E402
from kg.views.neighbourhood import build_neighbourhood  # noqa: E402

MOST_DISCUSSED = """PREFIX kg: <https://w3id.org/kg-news/ns#>
SELECT ?actor (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m kg:participant ?actor ; kg:status kg:Held } }
GROUP BY ?actor ORDER BY DESC(?n) ?actor"""


class CountingStore:
    """The store, counting the queries it answers and the rows they return."""

    def __init__(self, store):
        self.store, self.queries, self.rows = store, 0, 0

    def query(self, sparql, bindings=None, **kwargs):
        """Run the query on the real store, and count."""
        result = self.store.query(sparql, bindings, **kwargs)
        self.queries += 1
        self.rows += len(result.rows)
        return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print one line per neighbourhood."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--store", required=True, type=Path, help="an ingested store folder")
    parser.add_argument("--ranks", default="1,10,100,500", help="ranks of the actors to centre on (1: most discussed)")
    parser.add_argument("--depths", default="1", help="comma-separated depths")
    parser.add_argument("--no-check", action="store_true", help="do not compare with the whole view cut down")
    args = parser.parse_args(argv)
    store = LocalStore(args.store, create=False, read_only=True)
    facts = int(run_named(store, "view_fact_count").rows[0]["facts"])
    ranked = [str(r["actor"]) for r in store.query(MOST_DISCUSSED).rows]
    start = time.perf_counter()
    whole = build_view(store)
    whole_s = time.perf_counter() - start
    print(f"store: {facts:,} facts; whole view: {whole.graph.number_of_nodes():,} nodes, "
          f"{whole.graph.number_of_edges():,} edges in {whole_s:.1f} s")
    print(f"{'rank':>5} {'actor':40} {'depth':>5} {'nodes':>6} {'queries':>8} {'rows':>9} {'seconds':>8} "
          f"{'/ whole':>8}  same")
    for rank in (int(r) for r in args.ranks.split(",")):
        if rank > len(ranked):
            continue
        actor = ranked[rank - 1]
        if actor not in whole.graph:
            continue
        for depth in (int(d) for d in args.depths.split(",")):
            counting = CountingStore(store)
            start = time.perf_counter()
            view = build_neighbourhood(counting, actor, depth, expansion_cost=None)
            seconds = time.perf_counter() - start
            same = "-" if args.no_check else str(view_payload(view) == view_payload(focus_view(whole, actor, depth)))
            print(f"{rank:>5} {view.label(actor)[:40]:40} {depth:>5} {view.graph.number_of_nodes():>6} "
                  f"{counting.queries:>8} {counting.rows:>9} {seconds:>8.2f} {seconds / whole_s:>8.3f}  {same}",
                  flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
