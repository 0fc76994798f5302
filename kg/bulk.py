"""Bulk ingest machinery: articles in, one N-Triples graph per document out.

``graph_records`` runs in the calling process; ``parallel_graph_records``
runs the same work in a pool of worker processes, each with its own spaCy
pipeline.  A worker does everything that costs CPU -- parsing, extraction,
building the document graph and serialising it -- and sends back only text
(the graph as N-Triples), so no spaCy ``Doc`` crosses a process boundary and
the parent only writes to the store.

Both are streams: articles are read as the workers need them and at most a
few chunks are in flight, so memory stays flat however large the corpus.
Results come back in input order.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable, Iterator

from kg.errors import KGError
from kg.sources import Article

#: Articles per task sent to a worker (a few spaCy batches: enough to keep
#: the pipe busy, small enough that little work is lost on a crash).
CHUNK_SIZE = 32
#: Chunks in flight per worker: one being parsed, one waiting.
IN_FLIGHT_PER_WORKER = 2


@dataclass
class GraphRecord:
    """One document's result: its graph as N-Triples, or why it failed."""

    path: str
    graph_name: str = ""
    ntriples: str = ""
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def _records(extractor, articles: list[Article], batch_size: int, ingested_at: dt.datetime) -> list[GraphRecord]:
    from kg.rdfwriter import facts_to_ntriples

    out = []
    for article, facts in extractor.extract_many(articles, batch_size=batch_size):
        name, ntriples, count = facts_to_ntriples(article, facts, ingested_at=ingested_at)
        out.append(GraphRecord(path=str(article.path), graph_name=str(name),
                               ntriples=ntriples, triples=count, warnings=list(facts.warnings)))
    return out


def records_for_chunk(extractor, chunk: list[Article], batch_size: int,
                      ingested_at: dt.datetime) -> list[GraphRecord]:
    """The records of ``chunk``; a document whose extraction raises becomes a failed record.

    The chunk is first processed whole (fast path); if anything in it raises,
    each article is redone on its own so that one bad document does not sink
    the others.  KGError (e.g. a missing spaCy model) is not a document's
    fault and propagates.
    """
    try:
        return _records(extractor, chunk, batch_size, ingested_at)
    except KGError:
        raise
    except Exception:  # noqa: BLE001 - isolate the document at fault below
        pass
    out = []
    for article in chunk:
        try:
            out.extend(_records(extractor, [article], batch_size, ingested_at))
        except KGError:
            raise
        except Exception as exc:  # noqa: BLE001 - reported as this document's failure
            out.append(GraphRecord(path=str(article.path),
                                   error=f"extraction failed on {article.path}: {type(exc).__name__}: {exc}"))
    return out


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Successive lists of ``size`` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        yield chunk


def graph_records(extractor, articles: Iterable[Article], *, batch_size: int = 16,
                  ingested_at: dt.datetime, chunk_size: int = CHUNK_SIZE) -> Iterator[GraphRecord]:
    """Records for ``articles`` computed in this process, streaming."""
    for chunk in chunks(articles, chunk_size):
        yield from records_for_chunk(extractor, chunk, batch_size, ingested_at)


# -- worker processes ------------------------------------------------------------

_WORKER_EXTRACTOR = None
_WORKER_ERROR: BaseException | None = None


def _exit_with_parent(parent_pid: int) -> None:
    # A worker must not outlive its parent (a parent killed with kill -9
    # cannot shut the pool down): poll, and leave as soon as it is gone.
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            os._exit(1)


def _init_worker(model: str | None, parent_pid: int) -> None:
    global _WORKER_EXTRACTOR, _WORKER_ERROR
    # Ctrl-C goes to the whole process group; the parent alone handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    try:
        from kg.extract.pipeline import Extractor
        _WORKER_EXTRACTOR = Extractor(model=model)
    except BaseException as exc:  # noqa: BLE001 - re-raised in the parent by _work
        _WORKER_ERROR = exc


def _work(chunk: list[Article], batch_size: int, ingested_at: dt.datetime) -> list[GraphRecord]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return records_for_chunk(_WORKER_EXTRACTOR, chunk, batch_size, ingested_at)


def parallel_graph_records(articles: Iterable[Article], *, n_process: int, model: str | None = None,
                           batch_size: int = 16, ingested_at: dt.datetime,
                           chunk_size: int = CHUNK_SIZE) -> Iterator[GraphRecord]:
    """Records for ``articles`` computed by ``n_process`` worker processes, in input order.

    Workers are started with ``spawn`` (a fresh interpreter: nothing of the
    parent's open store or threads is inherited) and each loads the spaCy
    pipeline ``model`` once.  At most ``n_process * IN_FLIGHT_PER_WORKER``
    chunks are submitted ahead of the one being consumed.
    """
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=_init_worker,
                               initargs=(model, os.getpid()))
    window: deque[Future] = deque()
    limit = max(1, n_process * IN_FLIGHT_PER_WORKER)
    try:
        for chunk in chunks(articles, chunk_size):
            window.append(pool.submit(_work, chunk, batch_size, ingested_at))
            if len(window) >= limit:
                yield from _result(window.popleft())
        while window:
            yield from _result(window.popleft())
    finally:
        # On an error or an abandoned generator, do not wait for queued chunks.
        pool.shutdown(wait=False, cancel_futures=True)


def _result(future: Future) -> list[GraphRecord]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise KGError("an ingest worker process died (out of memory, or killed); "
                      "run the same `kg ingest` again to continue where it stopped") from None
