"""Helpers for tests that run real servers on 127.0.0.1: oxigraph serve and kg serve.

Each helper is a context manager that starts the server as a child process
on a free loopback port, waits until it answers, yields its base URL, and
stops it (SIGTERM, then SIGKILL) on the way out -- also when the test fails.
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

VENV_BIN = Path(sys.executable).parent
OXIGRAPH = VENV_BIN / "oxigraph"
ROOT = Path(__file__).resolve().parent.parent
STARTUP_LIMIT = 120.0      # seconds; a safety net against hanging, not a performance check


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    """Poll ``url`` until it answers; fail with the server's log if it exits first."""
    deadline = time.monotonic() + STARTUP_LIMIT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            httpx.get(url, timeout=2.0)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"server did not answer at {url}:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM the process, then SIGKILL it if it has not gone after 10 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextlib.contextmanager
def oxigraph_server(location: Path, *, union: bool = True, log_dir: Path | None = None):
    """``oxigraph serve --location DIR --bind 127.0.0.1:PORT [--union-default-graph]``; yields its base URL."""
    port = free_port()
    command = [str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union:
        command.append("--union-default-graph")
    log = (log_dir or location.parent) / f"oxigraph-{port}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/query?query=ASK%7B%7D", process, log)
        yield base
    finally:
        stop(process)


def kg_command(*args: str) -> list[str]:
    """The command line running kg from this checkout's interpreter."""
    return [sys.executable, "-m", "kg", *args]


@contextlib.contextmanager
def kg_server(store: str, *args: str, log_dir: Path, env: dict | None = None):
    """``kg --store STORE serve --port PORT ARGS...``; yields (base URL, Popen)."""
    port = free_port()
    log = log_dir / f"kg-serve-{port}.log"
    environment = {**os.environ, **(env or {})}
    with open(log, "wb") as out:
        process = subprocess.Popen(kg_command("--store", store, "serve", "--port", str(port), *args),
                                   stdout=out, stderr=subprocess.STDOUT, env=environment, cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/healthz", process, log)
        yield base, process
    finally:
        stop(process)
