"""The query worker: a process that holds a read-only store and answers tasks.

kg serve runs every query in one of these processes so that a query over
its time limit can be stopped for real (the process is killed and replaced):
pyoxigraph cannot interrupt a running query, and a thread cannot be killed.

A worker opens an embedded store read-only: it takes no lock, so ``kg
ingest`` can write meanwhile.  Such a handle sees the store as it was when
opened, so the worker reopens it when the files on disk have changed (at
most every ``refresh`` seconds while they keep changing) or when the server
says it wrote to the store itself (``generation``).

Tasks arrive as ``(generation, kind, args)`` on a pipe; each answer is
``("ok", value)`` or ``("error", http_status, message)``.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from kg.errors import KGError, QueryError, StoreError, UsageError


def store_fingerprint(path: Path) -> tuple:
    """What changes on disk when an embedded store is written (names, sizes, mtimes of its files)."""
    folder = path / "oxigraph"
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return ()
    # RocksDB's LOG files also change when a reader opens the store.
    return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns)
                        for e in entries if not e.name.startswith("LOG")))


class StoreHolder:
    """A read-only store handle, reopened when it has gone stale."""

    def __init__(self, location: str, update_url: str | None, refresh: float, timeout: float):
        self.location = location
        self.update_url = update_url
        self.refresh = refresh
        self.timeout = timeout
        self.store = None
        self.generation = None
        self.fingerprint = None
        self.opened_at = 0.0

    @property
    def local(self) -> bool:
        return self.store is not None and getattr(self.store, "kind", "") == "local"

    def get(self, generation: int):
        """The store, reopened if the server wrote to it or its files changed."""
        if self.store is None or generation != self.generation:
            return self.reopen(generation)
        if self.local and time.monotonic() - self.opened_at >= self.refresh:
            if store_fingerprint(self.store.path) != self.fingerprint:
                return self.reopen(generation)
        return self.store

    def reopen(self, generation: int):
        """Close the handle (if any) and open a fresh one."""
        from kg.store import open_store

        self.close()
        if self.location.startswith(("sparql+http://", "sparql+https://")):
            from kg.remote import RemoteStore
            # The endpoint gets a little longer than our own limit, so that
            # its own time-out message (if any) reaches the user first.
            self.store = RemoteStore(self.location, update_url=self.update_url, read_only=True,
                                     timeout=self.timeout + 5)
        else:
            path = Path(self.location)
            before = store_fingerprint(path)
            self.store = open_store(self.location, create=False, read_only=True)
            self.fingerprint = before
        self.generation = generation
        self.opened_at = time.monotonic()
        return self.store

    def close(self) -> None:
        """Release the handle."""
        if self.store is not None:
            try:
                self.store.close()
            except Exception:  # noqa: BLE001 - closing a stale handle must not fail a query
                pass
            self.store = None


def run_task(store, kind: str, args: tuple):
    """Do one task against ``store``; return its value (picklable)."""
    from kg.serve import pages

    if kind == "sparql":
        return _sparql(store, *args)
    if kind == "table":
        return pages.result_table(store, *args)
    if kind == "answer":
        return pages.run_answer(store, *args)
    if kind == "entity":
        return pages.entity(store, *args)
    if kind == "lookup":
        return pages.lookup(store, *args)
    if kind == "neighbours":
        return pages.neighbours(store, *args)
    if kind == "graph_view":
        return pages.graph_view_html(store, *args)
    if kind == "ping":
        return "pong"
    raise QueryError(f"unknown task {kind!r}")


def _sparql(store, sparql: str, accept: str | None, format_param: str | None,
            default_graphs: list[str], named_graphs: list[str]) -> tuple[str, bytes]:
    from kg.serve.protocol import choose_media_type, content_type, serialize

    result = store.query(sparql, default_graphs=default_graphs or None, named_graphs=named_graphs or None)
    media = choose_media_type(result.kind, accept, format_param)
    return content_type(media), serialize(result, media)


def error_answer(exc: BaseException) -> tuple:
    """The ("error", status, message) answer for an exception."""
    from kg.serve.pages import NotFound
    from kg.serve.protocol import NotAcceptable

    if isinstance(exc, NotFound):
        return ("error", 404, str(exc))
    if isinstance(exc, NotAcceptable):
        return ("error", 406, str(exc))
    if isinstance(exc, (QueryError, UsageError)):
        return ("error", 400, str(exc))
    if isinstance(exc, StoreError):
        return ("error", 503, str(exc))
    if isinstance(exc, KGError):
        return ("error", 500, str(exc))
    return ("error", 500, f"{type(exc).__name__}: {exc}")


def worker_main(conn, location: str, update_url: str | None, refresh: float, timeout: float) -> None:
    """The worker process's loop: read a task, answer it, until the pipe closes."""
    import signal

    # Ctrl-C reaches the whole process group; the server stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    holder = StoreHolder(location, update_url, refresh, timeout)
    while True:
        try:
            generation, kind, args = conn.recv()
        except (EOFError, OSError):
            break
        try:
            answer = ("ok", _run_with_retry(holder, generation, kind, args))
        except BaseException as exc:  # noqa: BLE001 - every failure becomes an HTTP answer
            answer = error_answer(exc)
        try:
            conn.send(answer)
        except (BrokenPipeError, OSError):
            break
    holder.close()


def _run_with_retry(holder: StoreHolder, generation: int, kind: str, args: tuple):
    store = holder.get(generation)
    try:
        return run_task(store, kind, args)
    except QueryError as exc:
        # A read-only snapshot can lose files that a concurrent ingest
        # compacted away ("query failed: IO error ..."); a fresh handle sees
        # the new files.  Malformed SPARQL is not retried.
        if not holder.local or not str(exc).startswith("query failed"):
            raise
        return run_task(holder.reopen(generation), kind, args)
