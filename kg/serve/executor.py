"""A pool of query worker processes with a real time limit.

``QueryPool.run`` hands a task to an idle worker (``kg.serve.worker``) and
waits at most ``timeout`` seconds for its answer.  When the time is up the
worker is killed -- which really stops the query, unlike abandoning a
thread -- a fresh one is started in its place, and ``QueryTimeout`` is
raised.  Workers are started with ``spawn``: a clean interpreter that shares
no threads, locks or store handles with the server.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import threading

from kg.serve.worker import worker_main


class QueryTimeout(Exception):
    """A task ran past the time limit; its worker was killed."""


class WorkerCrashed(Exception):
    """A worker died while running a task (e.g. out of memory)."""


class _Worker:
    def __init__(self, context, args: tuple):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, *args), daemon=True,
                                       name="kg-serve-query")
        self.process.start()
        child.close()

    def call(self, message: tuple, timeout: float):
        """Send a task and wait for the answer (runs in a thread, not the event loop)."""
        self.conn.send(message)
        if not self.conn.poll(timeout):
            raise QueryTimeout
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            raise WorkerCrashed from None

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryPool:
    """``size`` worker processes reading the store at ``location``."""

    def __init__(self, location: str, *, update_url: str | None = None, size: int = 2,
                 timeout: float = 30.0, refresh: float = 2.0):
        self.location = location
        self.update_url = update_url
        self.size = size
        self.timeout = timeout
        self.refresh = refresh
        #: Bumped after the server itself writes, so workers reopen their snapshot.
        self.generation = 0
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue | None = None
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, (self.location, self.update_url, self.refresh, self.timeout))
        with self._lock:
            self._workers.add(worker)
        return worker

    async def start(self) -> None:
        """Start the workers and wait until each has answered once (so the first user does not wait)."""
        self._idle = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        workers = [self._spawn() for _ in range(self.size)]
        for worker in workers:
            # The ping also opens the store: a missing store fails here, at startup.
            answer = await asyncio.to_thread(worker.call, (self.generation, "ping", ()), 120.0)
            if answer[0] != "ok":
                raise RuntimeError(answer[2])
            self._idle.put_nowait(worker)

    async def run(self, kind: str, *args):
        """Run a task in a worker; return its ("ok", value) or ("error", status, message) answer.

        :raises QueryTimeout: after ``timeout`` seconds (the worker is replaced).
        :raises WorkerCrashed: if the worker died (it is replaced).
        """
        assert self._idle is not None, "QueryPool.start() was not awaited"
        worker = await self._idle.get()
        try:
            answer = await asyncio.to_thread(worker.call, (self.generation, kind, args), self.timeout)
        except (QueryTimeout, WorkerCrashed):
            self._retire(worker)
            asyncio.get_running_loop().run_in_executor(None, self._replace)
            raise
        except BaseException:
            # Cancelled while waiting (client gone): the answer may still come
            # and would be read by the next task, so this worker cannot be reused.
            self._retire(worker)
            asyncio.get_running_loop().run_in_executor(None, self._replace)
            raise
        self._idle.put_nowait(worker)
        return answer

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        worker.kill()

    def _replace(self) -> None:
        # Runs in a thread: spawning imports kg in a new interpreter (about a second).
        worker = self._spawn()
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._idle.put_nowait, worker)

    def workers_alive(self) -> int:
        """How many worker processes are running (for tests and /healthz)."""
        with self._lock:
            return sum(1 for w in self._workers if w.process.is_alive())

    async def stop(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            try:
                worker.conn.close()
            except OSError:
                pass
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(timeout=5)
