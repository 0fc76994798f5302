"""Reliability of ingest: kill -9, concurrent writers, reading during an ingest, streaming.

The end-to-end tests run ``python -m kg ingest`` in child processes on a
synthetic corpus of 1,000 small articles (``scripts/make_corpus.py``) and
compare every document graph with a clean, uninterrupted ingest of the same
corpus: same triples (the ingest timestamp aside) or absent, never partial.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx
import psutil
import pytest
from rdflib import URIRef

from kg.bulk import GraphRecord, chunks, parallel_graph_records
from kg.errors import StoreError
from kg.extract.model import DocumentFacts
from kg.ingest import ingest_paths
from kg.sources import parse_article
from kg.store import LocalStore, open_store
from kg_servers import ROOT, kg_command, kg_server

ENDED_AT = "http://www.w3.org/ns/prov#endedAtTime"
DOC_PREFIX = "https://w3id.org/kg-news/doc/"
CORPUS_SIZE = 1000
WAIT_LIMIT = 600.0      # seconds: a safety net against a hung child, never a performance check


# -- helpers ------------------------------------------------------------------------

def _snapshot(store_path: Path):
    """A read-only pyoxigraph handle (kg's open retries while a writer compacts the files)."""
    return LocalStore(store_path, create=False, read_only=True)


def signatures(store_path: Path) -> dict[str, tuple[int, str]]:
    """Per named graph: (triple count, hash of its sorted triples), the ingest timestamp left out."""
    import pyoxigraph as ox

    store = _snapshot(store_path)
    lines: dict[str, list[str]] = defaultdict(list)
    for quad in store._store.quads_for_pattern(None, None, None):
        if isinstance(quad.graph_name, ox.DefaultGraph) or quad.predicate.value == ENDED_AT:
            continue
        lines[quad.graph_name.value].append(f"{quad.subject} {quad.predicate} {quad.object}")
    store.close()
    return {g: (len(ls), hashlib.sha256("\n".join(sorted(ls)).encode()).hexdigest()) for g, ls in lines.items()}


def count_documents(store_path: Path) -> int:
    """Document graphs in the store now, read through a read-only snapshot (no lock taken)."""
    if not (store_path / "oxigraph" / "CURRENT").exists():
        return 0
    store = _snapshot(store_path)
    count = sum(1 for g in store.named_graphs() if g.startswith(DOC_PREFIX))
    store.close()
    return count


def start_ingest(store: Path, corpus: Path, processes: int = 1, log: Path | None = None) -> subprocess.Popen:
    """``kg --store STORE ingest CORPUS`` in a child process (stderr to ``log``)."""
    env = {**os.environ, "KG_PROCESSES": str(processes)}
    out = open(log, "wb") if log else subprocess.DEVNULL
    return subprocess.Popen(kg_command("--store", str(store), "ingest", str(corpus)), cwd=ROOT, env=env,
                            stdout=out, stderr=subprocess.STDOUT)


def wait_for_documents(store: Path, process: subprocess.Popen, at_least: int) -> int:
    """Poll until the store holds ``at_least`` documents; fail if the ingest ends first."""
    deadline = time.monotonic() + WAIT_LIMIT
    while time.monotonic() < deadline:
        count = count_documents(store)
        if count >= at_least:
            return count
        assert process.poll() is None, f"the ingest ended (code {process.returncode}) before {at_least} documents"
        time.sleep(0.1)
    raise AssertionError("the ingest made no progress")


def kill_when_documents(store: Path, process: subprocess.Popen, at_least: int) -> tuple[int, list]:
    """Let the ingest run until the store holds ``at_least`` documents, then ``kill -9`` it.

    The ingest is frozen (SIGSTOP) while the store is counted, and killed
    while still frozen, so it cannot write anything between the count and
    the kill however long a busy machine keeps this process from running:
    the kill comes after at least ``at_least`` documents and before the end,
    as the test needs.  SIGSTOP freezes the process wherever it is, in the
    middle of a write too, so the kill is as abrupt as an unannounced one.
    Between two counts the ingest runs freely for a tenth of a second.

    :returns: the number of documents counted just before the kill, and the
        ingest's worker processes (to check that they go away by themselves).
    """
    deadline = time.monotonic() + WAIT_LIMIT
    ingest = psutil.Process(process.pid)
    while time.monotonic() < deadline:
        time.sleep(0.1)
        os.kill(process.pid, signal.SIGSTOP)
        assert process.poll() is None, f"the ingest ended (code {process.returncode}) before {at_least} documents"
        # The signal is delivered asynchronously: count only once the process is frozen.
        stopped_by = time.monotonic() + 60
        while (status := ingest.status()) != psutil.STATUS_STOPPED:
            assert status != psutil.STATUS_ZOMBIE, f"the ingest ended before {at_least} documents"
            assert time.monotonic() < stopped_by, f"the ingest did not stop: {status}"
            time.sleep(0.01)
        try:
            count = count_documents(store)
        except StoreError:
            count = 0        # the files changed under the snapshot: count again later
        if count >= at_least:
            assert count < CORPUS_SIZE, "the ingest wrote every document in one run between two counts"
            workers = ingest.children(recursive=True)
            os.kill(process.pid, signal.SIGKILL)
            return count, workers
        os.kill(process.pid, signal.SIGCONT)
    raise AssertionError("the ingest made no progress")


def run_kg(*args: str, processes: int = 1) -> subprocess.CompletedProcess:
    """Run kg to completion in a child process."""
    env = {**os.environ, "KG_PROCESSES": str(processes)}
    return subprocess.run(kg_command(*args), cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=WAIT_LIMIT)


def assert_whole_or_absent(found: dict, reference: dict) -> int:
    """Every graph in ``found`` equals its reference graph; returns how many documents are there."""
    for graph, signature in found.items():
        assert graph in reference, f"unexpected graph {graph}"
        assert signature == reference[graph], f"{graph} is not whole: {signature[0]} triples, " \
                                              f"expected {reference[graph][0]}"
    return sum(1 for g in found if g.startswith(DOC_PREFIX))


# -- the corpus and a clean ingest of it -------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """1,000 small synthetic articles."""
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), "--count", str(CORPUS_SIZE),
                    "--size", "small", "--out", str(folder), "--seed", "7"], check=True, capture_output=True)
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    """Signatures of every graph after a clean, uninterrupted ingest of the corpus."""
    store = tmp_path_factory.mktemp("reference") / "store"
    done = run_kg("--store", str(store), "ingest", str(corpus))
    assert done.returncode == 0, done.stderr
    found = signatures(store)
    assert sum(1 for g in found if g.startswith(DOC_PREFIX)) == CORPUS_SIZE
    return found


# -- kill -9 ------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_kill_9_midway_leaves_documents_whole_or_absent_and_ingest_resumes(corpus, reference, tmp_path, processes):
    store = tmp_path / "store"
    ingest = start_ingest(store, corpus, processes, log=tmp_path / "ingest.log")
    # Killed while frozen right after a count of at least 150 documents: midway, under any load.
    seen, workers = kill_when_documents(store, ingest, 150)
    ingest.wait(timeout=WAIT_LIMIT)
    assert ingest.returncode == -signal.SIGKILL
    # Worker processes notice that their parent is gone and exit by themselves.
    psutil.wait_procs(workers, timeout=60)
    assert not [w for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]

    # Reopened (read-write: the database lock died with the process), every
    # document is whole or absent.
    reopened = LocalStore(store)
    assert not reopened.read_only
    reopened.close()
    present = assert_whole_or_absent(signatures(store), reference)
    # What was committed before the kill is still there, and the kill came before the end.
    assert 150 <= seen <= present < CORPUS_SIZE, "the kill should have come midway"

    # Running the same ingest again completes the rest and skips what is there.
    again = run_kg("--store", str(store), "ingest", str(corpus), processes=processes)
    assert again.returncode == 0, again.stderr
    assert f"ingested {CORPUS_SIZE - present} documents ({present} skipped unchanged, 0 failed)" in again.stderr
    assert signatures(store) == reference


# -- a second writer, and readers, during an ingest ---------------------------------------

@pytest.mark.slow
@pytest.mark.server
def test_second_ingest_is_refused_and_readers_work_during_an_ingest(corpus, reference, tmp_path):
    store = tmp_path / "store"
    first = start_ingest(store, corpus, log=tmp_path / "first.log")
    wait_for_documents(store, first, 20)
    # Frozen (SIGSTOP) until the server has answered once: however slow a busy machine is,
    # the first ingest is still running, holding its lock, while the checks below start.
    os.kill(first.pid, signal.SIGSTOP)
    frozen = True
    try:

        # A second ingest into the same store is refused in one line, and writes nothing.
        second = run_kg("--store", str(store), "ingest", str(corpus))
        assert second.returncode == 1
        errors = [line for line in second.stderr.splitlines() if line.strip()]
        assert len(errors) == 1 and errors[0].startswith("Error: ")
        assert "another kg process" in errors[0]

        # kg stats reads a consistent snapshot meanwhile.
        stats = run_kg("--store", str(store), "stats", "--format", "csv")
        assert stats.returncode == 0, stats.stderr
        documents = int(next(line for line in stats.stdout.splitlines() if line.startswith("documents")).split(",")[1])
        assert 20 <= documents <= CORPUS_SIZE

        # kg serve reads while the ingest writes: it sees documents arrive, each one whole.  With
        # one query worker the snapshots it answers from only move forward (with several, two
        # requests may go to workers that reopened the store a moment apart).
        with kg_server(str(store), "--timeout", "60", "--workers", "1", log_dir=tmp_path) as (base, _server):
            counts_query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o "
                            f"FILTER(?p != <{ENDED_AT}>) }} }} GROUP BY ?g")
            seen = []
            while first.poll() is None:
                if frozen and seen:
                    os.kill(first.pid, signal.SIGCONT)
                    frozen = False
                rows = httpx.get(f"{base}/sparql", params={"query": counts_query},
                                 headers={"Accept": "application/sparql-results+json"}, timeout=120).json()
                counts = {b["g"]["value"]: int(b["n"]["value"]) for b in rows["results"]["bindings"]}
                for graph, n in counts.items():
                    assert n == reference[graph][0], f"{graph} seen with {n} triples, not whole"
                seen.append(sum(1 for g in counts if g.startswith(DOC_PREFIX)))
                time.sleep(0.5)
            assert first.wait(timeout=WAIT_LIMIT) == 0
            assert seen == sorted(seen), "the server never goes back to an older state"
            # After the ingest, the server catches up with the final store (it rechecks every 2 s).
            deadline = time.monotonic() + 60
            final = 0
            while time.monotonic() < deadline and final < CORPUS_SIZE:
                answer = httpx.get(f"{base}/sparql", params={
                    "query": "PREFIX kg: <https://w3id.org/kg-news/ns#> SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }"},
                    headers={"Accept": "application/sparql-results+json"}).json()
                final = int(answer["results"]["bindings"][0]["n"]["value"])
                time.sleep(0.5)
            assert final == CORPUS_SIZE
        assert len(seen) >= 2 and seen[0] < CORPUS_SIZE
        assert signatures(store) == reference
    finally:
        if first.poll() is None:
            os.kill(first.pid, signal.SIGCONT)     # never leave a stopped process behind


# -- the writer lock and read-only handles, without spaCy -------------------------------

def _hold_writer_lock(path: str, ready) -> None:
    store = LocalStore(Path(path))
    store.lock_for_writing()
    store.replace_graph(URIRef(DOC_PREFIX + "held"), "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")
    ready.set()
    time.sleep(600)          # until the test kills it


def test_writer_lock_refuses_another_process_and_dies_with_it(tmp_path):
    path = tmp_path / "store"
    LocalStore(path).close()
    context = multiprocessing.get_context("spawn")
    # No Event for the release: setting one that a killed process waits on never returns.
    ready = context.Event()
    holder = context.Process(target=_hold_writer_lock, args=(str(path), ready))
    holder.start()
    try:
        assert ready.wait(60)
        second = LocalStore(path)            # opens, read-only: the other process holds the database
        assert second.read_only
        with pytest.raises(StoreError, match="another kg process has it open for writing"):
            second.lock_for_writing()
        with pytest.raises(StoreError, match="cannot write"):
            second.replace_graph(URIRef(DOC_PREFIX + "x"), "")
        # It reads what the other process committed.
        assert second.query("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(DOC_PREFIX + "held")}).boolean
        second.close()
        os.kill(holder.pid, signal.SIGKILL)
        holder.join(30)
        # Both locks died with the process: the store opens for writing again.
        third = LocalStore(path)
        assert not third.read_only
        assert third.lock_for_writing() is True
        assert third.lock_for_writing() is False       # already held by this object
        third.close()
    finally:
        if holder.is_alive():
            holder.kill()
        holder.join(30)


def test_writer_lock_file_alone_refuses_a_second_holder(tmp_path):
    # The flock on kg-writer.lock is per open file: two handles in one process conflict too.
    first, second = LocalStore(tmp_path / "a"), None
    try:
        assert first.lock_for_writing() is True
        from kg.store import _LockFile

        other = _LockFile(tmp_path / "a" / "kg-writer.lock")
        with pytest.raises(StoreError, match="another kg process is writing"):
            other.acquire()
        first.unlock()
        assert other.acquire() is True
        other.release()
    finally:
        first.close()


def test_read_only_open_of_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "nothing"), read_only=True)


def test_bulk_batches_are_split_between_documents(tmp_path, monkeypatch):
    import kg.store

    monkeypatch.setattr(kg.store, "BULK_QUADS", 25)
    monkeypatch.setattr(kg.store, "BULK_MIN_QUADS", 0)
    store = LocalStore(tmp_path / "store")
    loads = []
    original = store._write_fresh
    store._write_fresh = lambda graphs, quads: (loads.append({str(name) for name, _ in graphs}),
                                                original(graphs, quads))
    graphs = [(URIRef(f"{DOC_PREFIX}d{i}"),
               "".join(f"<http://example.org/s{i}> <http://example.org/p> \"{j}\" .\n" for j in range(10)))
              for i in range(7)]
    try:
        store.replace_graphs(graphs)
        # 10 quads per document, at most 25 per load: two documents per load, never one split.
        assert [len(graph_names) for graph_names in loads] == [2, 2, 2, 1]
        counts = {str(r["g"]): int(r["n"]) for r in store.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows}
        assert counts == {str(g): 10 for g, _ in graphs}
        # A document larger than a bulk batch is written in one transaction.
        big = URIRef(DOC_PREFIX + "big")
        store.replace_graphs([(big, "".join(f"<http://example.org/b> <http://example.org/p> \"{j}\" .\n" for j in range(40)))])
        assert store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": big}).rows[0]["n"].toPython() == 40
    finally:
        store.close()


def test_replace_graphs_keeps_each_document_whole_or_absent(tmp_path):
    store = LocalStore(tmp_path / "store")
    good = "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
    bad = "<http://example.org/a> <http://example.org/p> this is not N-Triples .\n"
    g1, g2, g3 = (URIRef(DOC_PREFIX + n) for n in ("one", "two", "three"))
    try:
        with pytest.raises(StoreError):
            store.replace_graphs([(g1, good), (g2, bad), (g3, good)])
        assert store.named_graphs() == []                  # nothing of a batch with a bad document
        store.replace_graphs([(g1, good)])
        # Replacing graphs that exist is one transaction: a bad document leaves the old ones intact.
        with pytest.raises(StoreError):
            store.replace_graphs([(g1, good.replace("/b>", "/new>")), (g2, bad)])
        rows = store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g1}).rows
        assert [str(r["o"]) for r in rows] == ["http://example.org/b"]
        # A batch naming one graph twice keeps the last version.
        store.replace_graphs([(g3, good), (g3, good.replace("/b>", "/last>"))])
        rows = store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g3}).rows
        assert [str(r["o"]) for r in rows] == ["http://example.org/last"]
    finally:
        store.close()


# -- ingest_paths with a stand-in extractor: skipping, failures, batching --------------------

class FakeExtractor:
    """Extracts nothing (an empty DocumentFacts) and fails on articles whose text says FAIL."""

    def extract_many(self, articles, batch_size=16):
        for article in articles:
            if "FAIL" in article.body:
                raise RuntimeError("extractor bug")
            yield article, DocumentFacts()


def _write_articles(folder: Path, count: int, fail: set[int] = frozenset()) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = "FAIL" if i in fail else f"Article number {i} about nothing in particular."
        (folder / f"a{i:03d}.txt").write_text(f" date 2023-01-{1 + i % 28:02d} {body}\n", encoding="utf-8")


def test_ingest_isolates_a_failing_document_and_resumes_by_hash(tmp_path):
    articles = tmp_path / "articles"
    _write_articles(articles, 40, fail={17})
    store = LocalStore(tmp_path / "store")
    try:
        report = ingest_paths(store, [articles], extractor=FakeExtractor(), write_batch=8)
        assert len(report.ingested) == 39
        assert [Path(p).name for p, _ in report.failed] == ["a017.txt"]
        assert "extractor bug" in report.failed[0][1]
        again = ingest_paths(store, [articles], extractor=FakeExtractor(), write_batch=8)
        assert again.ingested == [] and len(again.skipped_unchanged) == 39 and len(again.failed) == 1
        (articles / "a017.txt").write_text(" date 2023-01-18 Fixed now.\n", encoding="utf-8")
        (articles / "a003.txt").write_text(" date 2023-01-04 Changed text.\n", encoding="utf-8")
        third = ingest_paths(store, [articles], extractor=FakeExtractor())
        assert sorted(Path(p).name for p in third.ingested) == ["a003.txt", "a017.txt"]
        assert sum(1 for g in store.named_graphs() if g.startswith(DOC_PREFIX)) == 40
    finally:
        store.close()


def test_ingest_takes_and_releases_the_writer_lock(tmp_path):
    articles = tmp_path / "articles"
    _write_articles(articles, 3)
    store = LocalStore(tmp_path / "store")
    try:
        ingest_paths(store, [articles], extractor=FakeExtractor())
        assert not store._writer_lock.held
        store.lock_for_writing()                 # a caller's own lock is kept
        ingest_paths(store, [articles], extractor=FakeExtractor(), force=True)
        assert store._writer_lock.held
    finally:
        store.close()


def test_ingest_writes_in_batches_through_replace_graphs(tmp_path):
    articles = tmp_path / "articles"
    _write_articles(articles, 20)
    store = LocalStore(tmp_path / "store")
    batches = []
    original = store.replace_graphs
    # The reference graph is written too; count the batches of documents.
    store.replace_graphs = lambda graphs: (
        batches.append(sum(1 for g, _ in graphs if str(g).startswith(DOC_PREFIX))), original(graphs))
    try:
        report = ingest_paths(store, [articles], extractor=FakeExtractor(), write_batch=8)
        assert len(report.ingested) == 20
        assert [b for b in batches if b] == [8, 12]          # 8, then up to three times that
    finally:
        store.close()


def test_embedded_store_batches_grow_with_the_store_and_stay_within_one_bulk_load():
    from kg.bulk import GraphRecord
    from kg.ingest import IngestReport, _write_records

    class Recorder:
        bulk_quads = 1_000
        def __init__(self):
            self.batches = []
        def replace_graphs(self, graphs):
            self.batches.append(len(list(graphs)))
        def flush(self):
            pass

    records = [GraphRecord(path=f"a{i}", graph_name=f"https://example.org/doc/{i}", ntriples="", triples=10)
               for i in range(400)]
    store, processed, report = Recorder(), [], IngestReport()
    _write_records(store, records, report, processed.append, write_batch=8)
    assert sum(store.batches) == 400 and len(processed) == 400 and len(report.ingested) == 400
    # The first documents are visible early; then each batch is three times all before it,
    # up to one bulk load of 1,000 quads.
    assert store.batches[:4] == [8, 24, 96, 100]
    assert max(store.batches) * 10 == Recorder.bulk_quads        # never more than one bulk load
    # A store without bulk loads (a remote endpoint) keeps fixed batches.
    del Recorder.bulk_quads
    store = Recorder()
    _write_records(store, records, IngestReport(), None, write_batch=8)
    assert set(store.batches) == {8}


def test_chunks_are_read_lazily():
    pulled = []

    def source():
        for i in range(100):
            pulled.append(i)
            yield i

    iterator = chunks(source(), 10)
    assert next(iterator) == list(range(10))
    assert len(pulled) == 10


# -- parallel workers with the real pipeline ------------------------------------------------

@pytest.mark.slow
def test_parallel_ingest_streams_with_bounded_work_in_flight(tmp_path):
    articles = tmp_path / "articles"
    _write_articles(articles, 60)
    parsed = []

    def source():
        for path in sorted(articles.iterdir()):
            parsed.append(path)
            yield parse_article(path)

    when = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    records = parallel_graph_records(source(), n_process=2, ingested_at=when, chunk_size=4)
    first = next(records)
    assert isinstance(first, GraphRecord) and first.error is None and first.triples > 0
    # 2 workers x 2 chunks in flight, plus the chunk being handed out: never the whole corpus.
    assert len(parsed) <= (2 * 2 + 1) * 4
    rest = list(records)
    assert len(rest) == 59
    assert [Path(r.path).name for r in [first, *rest]] == sorted(p.name for p in articles.iterdir())


@pytest.mark.slow
def test_parallel_and_single_process_ingest_write_the_same_graphs(tmp_path):
    dev = ROOT / "tests" / "corpus" / "dev"
    for processes in (1, 2):
        store = open_store(str(tmp_path / f"store{processes}"))
        try:
            report = ingest_paths(store, [dev], n_process=processes)
        finally:
            store.close()
        assert not report.failed
    assert signatures(tmp_path / "store1") == signatures(tmp_path / "store2")


def test_write_batch_quads_can_be_set_and_a_bad_value_is_one_clear_error(tmp_path, monkeypatch):
    from kg.errors import StoreError
    from kg.store import BULK_QUADS, WRITE_BATCH_QUADS
    for wanted, expected in (("150000", 150_000), ("400000", 400_000), ("900000", BULK_QUADS), (None, WRITE_BATCH_QUADS)):
        if wanted is None:
            monkeypatch.delenv("KG_WRITE_BATCH_QUADS")
        else:
            monkeypatch.setenv("KG_WRITE_BATCH_QUADS", wanted)
        store = LocalStore(tmp_path / "store")
        try:
            assert store.bulk_quads == expected
        finally:
            store.close()
    monkeypatch.setenv("KG_WRITE_BATCH_QUADS", "lots")
    with pytest.raises(StoreError, match="KG_WRITE_BATCH_QUADS"):
        LocalStore(tmp_path / "store")


def test_a_failed_batch_write_stops_the_ingest_with_the_store_error():
    # Batches are written in a background thread: its error must reach the caller.
    from kg.bulk import GraphRecord
    from kg.ingest import IngestReport, _write_records

    class FailingStore:
        bulk_quads = 1_000
        def __init__(self):
            self.calls = 0
        def replace_graphs(self, graphs):
            self.calls += 1
            if self.calls == 2:
                raise StoreError("batch write failed: disk full")

    records = [GraphRecord(path=f"a{i}", graph_name=f"https://example.org/doc/{i}", ntriples="", triples=10)
               for i in range(100)]
    report = IngestReport()
    with pytest.raises(StoreError, match="disk full"):
        _write_records(FailingStore(), records, report, None, write_batch=8)
    # Only the batch that was stored is reported as ingested.
    assert report.ingested == [f"a{i}" for i in range(8)]


def test_bulk_load_files_are_removed_after_the_load_and_after_a_crash(tmp_path, monkeypatch):
    import kg.store

    monkeypatch.setattr(kg.store, "BULK_MIN_QUADS", 0)
    store = LocalStore(tmp_path / "store")
    try:
        store.replace_graphs([(URIRef(DOC_PREFIX + "one"), "<http://example.org/a> <http://example.org/p> \"1\" .\n")])
        assert not list((tmp_path / "store").glob("kg-bulk-*"))          # the load's file is gone
        assert store.query("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(DOC_PREFIX + "one")}).boolean
    finally:
        store.close()
    # One left by a writer killed mid-write: a reader leaves it, the next writer removes it.
    leftover = tmp_path / "store" / "kg-bulk-crashed.nq"
    leftover.write_text("<http://example.org/a> <http://example.org/p> \"2\" <http://example.org/g> .\n")
    reader = LocalStore(tmp_path / "store", create=False, read_only=True)
    reader.close()
    assert leftover.exists()
    writer = LocalStore(tmp_path / "store")
    try:
        assert writer.lock_for_writing()
        assert not leftover.exists()
    finally:
        writer.unlock()
        writer.close()
