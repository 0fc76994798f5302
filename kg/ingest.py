"""Ingest: articles -> NLP -> facts -> one named graph per document in the store.

Every document is written in one transaction (drop its graph, insert the new
one), so re-ingesting replaces it and a crash leaves each document whole or
absent.  Documents stored with the same content hash are skipped unless
``force`` is set, so an interrupted ingest resumes where it stopped.  Bad
files are reported and skipped; what can be used is used.

Bulk ingest: files are read lazily, spaCy and the extractors run in
``n_process`` worker processes (``kg.bulk``), and the graphs are written in
batches per transaction (``store.replace_graphs``) that grow with an embedded
store.  Only a few batches are in memory at any time.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import URIRef

from kg.bulk import GraphRecord, graph_records, parallel_graph_records
from kg.errors import InputError, UsageError
from kg.rdfwriter import document_iri
from kg.sources import Article, find_articles, parse_article
from kg.reference import ensure_reference_graph
from kg.queries import run_named


@dataclass
class IngestReport:
    """What an ingest run did."""

    ingested: list[str] = field(default_factory=list)
    skipped_unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (path, reason)
    warnings: list[str] = field(default_factory=list)
    triples: int = 0


def stored_hashes(store) -> dict[str, str]:
    """Content hash of every stored document, by document IRI."""
    result = run_named(store, "document_hashes")
    return {str(row["doc"]): str(row["hash"]) for row in result.rows if "hash" in row}


def read_articles(paths: Iterable[Path], report: IngestReport) -> Iterable[Article]:
    """Parse each path, recording failures and warnings instead of stopping."""
    for path in paths:
        try:
            article = parse_article(path)
        except InputError as exc:
            report.failed.append((str(path), str(exc)))
            continue
        report.warnings.extend(article.warnings)
        yield article


#: Environment variable giving the default number of ingest processes.
ENV_PROCESSES = "KG_PROCESSES"
#: Documents per store.replace_graphs call (one atomic bulk load or one transaction),
#: at first; see _write_records for how an embedded store's batches grow.
WRITE_BATCH = 64
#: An embedded store's write batch grows to this multiple of the documents already written
#: (64, 192, then the cap: batches reach it, and memory its plateau, within ~800 documents).
GROWTH = 3.0
#: Documents between two flushes of an embedded store's memtables to disk:
#: keeps the write-ahead log short, so that a read-only reader (kg serve,
#: kg ask during an ingest) and crash recovery replay little of it.
FLUSH_EVERY = 128


def default_processes() -> int:
    """Ingest processes when none are asked for: ``$KG_PROCESSES``, else 1."""
    value = os.environ.get(ENV_PROCESSES, "").strip()
    if not value:
        return 1
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"{ENV_PROCESSES}={value!r} is not a number of processes") from None
    if number < 1:
        raise UsageError(f"{ENV_PROCESSES} must be at least 1, not {number}")
    return number


def _pending_articles(files: list[Path], known: dict[str, str], report: IngestReport,
                      progress: Callable[[int], None] | None) -> Iterator[Article]:
    # Lazily: a file is read only when the pipeline is ready for it.
    for article in read_articles(files, report):
        if known.get(str(document_iri(article.doc_id))) == article.content_hash:
            report.skipped_unchanged.append(str(article.path))
            if progress:
                progress(1)
            continue
        yield article


class _BackgroundWriter:
    """Writes one batch at a time in a thread, while the caller prepares the next.

    The store's writes (Oxigraph's bulk loader, an HTTP request to a remote
    store) release the GIL, so with one process the next documents are parsed
    while the last batch is written, instead of after it.  At most one batch
    is being written: ``submit`` first waits for the previous one, and an
    error in a write is raised there (or by ``finish``), in the caller's thread.
    """

    def __init__(self, store, report: IngestReport):
        self.store = store
        self.report = report
        self.flush = getattr(store, "flush", None)
        self.since_flush = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer")
        self._pending: tuple[Future, list[GraphRecord]] | None = None

    def _write(self, good: list[GraphRecord]) -> None:
        if good:
            self.store.replace_graphs([(URIRef(r.graph_name), r.ntriples) for r in good])
        self.since_flush += len(good)
        if self.flush is not None and self.since_flush >= FLUSH_EVERY:
            self.flush()
            self.since_flush = 0

    def _settle(self) -> None:
        # The previous batch: wait for it, then report it (only once it is stored).
        if self._pending is None:
            return
        future, batch = self._pending
        self._pending = None
        future.result()
        for r in batch:
            if r.error is None:
                self.report.ingested.append(r.path)
                self.report.triples += r.triples
                self.report.warnings.extend(r.warnings)
            else:
                self.report.failed.append((r.path, r.error))

    def submit(self, batch: list[GraphRecord]) -> None:
        """Start writing ``batch`` (after the previous batch is written)."""
        self._settle()
        good = [r for r in batch if r.error is None]
        self._pending = (self._pool.submit(self._write, good), batch)

    def finish(self) -> None:
        """Wait for the last batch; raise its error if it failed."""
        try:
            self._settle()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the thread after the batch being written (a batch is never left half-written)."""
        self._pool.shutdown(wait=True)


def _write_records(store, records: Iterable[GraphRecord], report: IngestReport,
                   progress: Callable[[int], None] | None, write_batch: int) -> None:
    """Write the records in batches; progress counts documents as they are processed.

    Batches are written by a background thread (_BackgroundWriter) while the
    next one is prepared.  An embedded store's batches grow with the store
    (to GROWTH times the documents handed to the writer so far, at most
    ``store.bulk_quads``, within one atomic bulk load): each bulk load makes RocksDB merge
    the new index files into what is there, so a fixed small batch costs
    more and more per document as the store grows -- with 64-document
    batches the store's CPU per document doubled between 500 and 3,500
    documents.  Batches that grow with the store keep that cost flat, reach
    their cap early (so peak memory stops growing), and a store still sees
    the first documents after ``write_batch`` of them.
    """
    batch: list[GraphRecord] = []
    quads = 0
    writer = _BackgroundWriter(store, report)
    bulk_quads = getattr(store, "bulk_quads", None)
    # Documents handed to the writer: batches grow with these, not with what is
    # already on disk, so that the growth does not depend on the thread's timing.
    handed = 0

    def full() -> bool:
        if bulk_quads is None:
            return len(batch) >= write_batch
        return quads >= bulk_quads or len(batch) >= max(write_batch, int(handed * GROWTH))

    def commit() -> None:
        nonlocal quads, handed, batch
        writer.submit(batch)
        handed += sum(1 for r in batch if r.error is None)
        batch = []
        quads = 0

    try:
        for record in records:
            # A batch never exceeds one bulk load: committed before this record would overflow it.
            if batch and bulk_quads is not None and quads + record.triples > bulk_quads:
                commit()
            batch.append(record)
            quads += record.triples
            if progress:
                progress(1)
            if full():
                commit()
        if batch:
            commit()
        writer.finish()
    finally:
        writer.close()


def ingest_paths(store, paths: list[str | Path], *, extractor=None, force: bool = False,
                 batch_size: int = 16, progress: Callable[[int], None] | None = None,
                 on_start: Callable[[int], None] | None = None, n_process: int | None = None,
                 model: str | None = None, write_batch: int = WRITE_BATCH) -> IngestReport:
    """Ingest files and folders into ``store``; return what happened.

    :param store: an open store (local or remote).  The writer lock is taken
        for the run (StoreError if another process holds it) and released
        afterwards if this call took it.
    :param paths: files and folders (searched for *.txt and *.md).
    :param extractor: a ``kg.extract.pipeline.Extractor`` (or an object with
        its ``extract_many``) for a single-process run; made on demand so that
        spaCy is loaded only when there is something to read.  With several
        processes each worker loads its own pipeline (``model``, else the
        extractor's ``model`` attribute, else the default).
    :param force: re-read documents even when stored with the same hash.
    :param batch_size: documents per spaCy batch.
    :param progress: called with the number of documents done (written, skipped or failed).
    :param on_start: called once with the number of files found.
    :param n_process: worker processes for NLP and extraction (default
        ``$KG_PROCESSES`` or 1; 1 runs everything in this process).
    :param model: the spaCy pipeline to load.
    :param write_batch: documents written per store transaction.
    :raises InputError: when a path is missing, a folder holds no articles,
        or no given file could be read at all.
    """
    files = find_articles(paths)
    n_process = default_processes() if n_process is None else n_process
    if n_process < 1:
        raise UsageError(f"the number of processes must be at least 1, not {n_process}")
    report = IngestReport()
    if on_start:
        on_start(len(files))
    lock = getattr(store, "lock_for_writing", None)
    took_lock = bool(lock()) if lock is not None else False
    try:
        known = {} if force else stored_hashes(store)
        pending = _pending_articles(files, known, report, progress)
        first = next(pending, None)
        if first is None:
            if report.failed and not report.skipped_unchanged:
                if len(report.failed) == 1:
                    raise InputError(report.failed[0][1])
                raise InputError(f"none of the {len(report.failed)} files could be read; "
                                 f"first: {report.failed[0][1]}")
            return report
        ensure_reference_graph(store)
        articles = itertools.chain([first], pending)
        now = dt.datetime.now(dt.timezone.utc)
        if n_process > 1:
            records = parallel_graph_records(articles, n_process=n_process,
                                             model=model or getattr(extractor, "model", None),
                                             batch_size=batch_size, ingested_at=now)
        else:
            if extractor is None:
                from kg.extract.pipeline import Extractor
                extractor = Extractor(model=model)
            records = graph_records(extractor, articles, batch_size=batch_size, ingested_at=now)
        try:
            _write_records(store, records, report, progress, write_batch)
        finally:
            records.close()      # stops the worker pool at once if writing failed
    finally:
        if took_lock:
            store.unlock()
    return report
