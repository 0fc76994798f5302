#!/usr/bin/env python3
"""Benchmark bulk ingest against bare spaCy, in the same run.

For each number of processes N (default 1 and 2) it measures, each in a
fresh child process so that nothing loaded by one run helps the next:

* ``bare``: reading the corpus and ``nlp.pipe(texts, n_process=N)`` with the
  pipeline kg uses, consuming every Doc -- the floor kg is compared with;
* ``kg``: ``kg.ingest.ingest_paths`` into a new embedded store with
  ``n_process=N`` -- NLP, extraction, RDF and writing.

It prints throughput (documents and words per second, wall clock and CPU
time of the process tree), the ratio kg/bare for the same N, the scaling
from 1 to 2 processes, the peak memory (RSS summed over the process tree,
sampled every 0.1 s) reached after 10%, 25%, 50% and 100% of the corpus, and
the store's size on disk.  All ratios come from measurements of this run.

The machine may be shared: the CPU-time ratios do not depend on what else
runs, the wall-clock ones do; the load average is printed with each run.

Example:
    python scripts/bench_bulk.py --count 300            # a quick look
    python scripts/bench_bulk.py --count 10000 --corpus /tmp/corpus10k
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKPOINTS = (0.10, 0.25, 0.50, 1.00)


# -- measuring -----------------------------------------------------------------

class TreeSampler:
    """Samples RSS and CPU time of this process and its children every ``interval`` seconds."""

    def __init__(self, interval: float = 0.1):
        import psutil

        self.process = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._cpu_of_gone_children = 0.0
        self._seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        import psutil

        total = 0
        procs = [self.process]
        try:
            procs += self.process.children(recursive=True)
        except psutil.Error:
            pass
        for proc in procs:
            try:
                total += proc.memory_info().rss
                if proc.pid != self.process.pid:
                    times = proc.cpu_times()
                    self._seen[proc.pid] = times.user + times.system
            except psutil.Error:
                continue
        self.peak = max(self.peak, total)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            time.sleep(self.interval)

    def start(self) -> "TreeSampler":
        self._sample()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def cpu_seconds(self) -> float:
        """CPU time of this process plus the last reading of every child seen."""
        own = self.process.cpu_times()
        return own.user + own.system + sum(self._seen.values())


def corpus_files(corpus: Path, count: int) -> list[Path]:
    """The first ``count`` article files of the corpus, in order."""
    files = sorted(p for p in corpus.rglob("*.txt"))
    if len(files) < count:
        raise SystemExit(f"bench_bulk: {corpus} holds {len(files)} articles, fewer than --count {count}")
    return files[:count]


def run_bare(files: list[Path], n_process: int, batch_size: int) -> dict:
    """nlp.pipe over the files' bodies with n_process processes; the Docs are consumed."""
    from kg.nlp import load_pipeline
    from kg.sources import parse_article

    sampler = TreeSampler().start()
    start = time.perf_counter()
    nlp = load_pipeline()
    texts = (parse_article(path).body for path in files)
    docs = 0
    for _doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        docs += 1
    seconds = time.perf_counter() - start
    sampler.stop()
    return {"docs": docs, "seconds": seconds, "cpu": sampler.cpu_seconds(),
            "peak_rss": sampler.peak}


def run_kg(files: list[Path], n_process: int, batch_size: int, store_dir: Path) -> dict:
    """kg.ingest.ingest_paths of the files into a new store, with n_process processes."""
    from kg.ingest import ingest_paths
    from kg.store import open_store

    sampler = TreeSampler().start()
    start = time.perf_counter()
    total = len(files)
    marks = {max(1, int(total * c)): c for c in CHECKPOINTS}
    peaks: dict[str, int] = {}
    done = 0

    def progress(count: int) -> None:
        nonlocal done
        before, done = done, done + count
        for mark, share in marks.items():
            if before < mark <= done:
                sampler._sample()
                peaks[f"{share:.2f}"] = sampler.peak

    store = open_store(str(store_dir))
    try:
        report = ingest_paths(store, files, force=True, batch_size=batch_size, n_process=n_process,
                              progress=progress)
    finally:
        store.close()
    seconds = time.perf_counter() - start
    sampler.stop()
    files = [p for p in store_dir.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    # RocksDB keeps old write-ahead log files to reuse them: on disk, but not data.
    logs = sum(p.stat().st_size for p in files if p.suffix == ".log")
    return {"docs": len(report.ingested), "failed": len(report.failed), "triples": report.triples,
            "seconds": seconds, "cpu": sampler.cpu_seconds(), "peak_rss": sampler.peak,
            "peaks_at": peaks, "store_bytes": size, "log_bytes": logs}


def child(args) -> int:
    """Run one measurement in this (fresh) process and print it as JSON."""
    files = corpus_files(args.corpus, args.count)
    if args.run == "bare":
        result = run_bare(files, args.processes, args.batch_size)
    else:
        store_dir = Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
        try:
            result = run_kg(files, args.processes, args.batch_size, store_dir)
        finally:
            shutil.rmtree(store_dir, ignore_errors=True)
    result["load_avg"] = os.getloadavg()
    print(json.dumps(result))
    return 0


def measure(kind: str, corpus: Path, count: int, processes: int, batch_size: int) -> dict:
    """Run one measurement in a child process."""
    command = [sys.executable, __file__, "--run", kind, "--corpus", str(corpus), "--count", str(count),
               "--processes", str(processes), "--batch-size", str(batch_size)]
    print(f"  running {kind} with {processes} process(es) over {count} articles ...", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"bench_bulk: the {kind} run failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- reporting -----------------------------------------------------------------

def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def report(results: dict, count: int, words: int) -> str:
    """The benchmark's table and ratios as text (Markdown)."""
    lines = [f"corpus: {count} articles, {words:,} words", "",
             "| run | processes | wall s | docs/s | words/s | CPU s | peak RSS | load avg |",
             "|---|---|---|---|---|---|---|---|"]
    for (kind, n), r in sorted(results.items()):
        lines.append(f"| {kind} | {n} | {r['seconds']:.1f} | {r['docs'] / r['seconds']:.1f} | "
                     f"{words / r['seconds']:,.0f} | {r['cpu']:.0f} | {_mb(r['peak_rss'])} | "
                     f"{r['load_avg'][0]:.2f} |")
    lines.append("")
    for n in sorted({n for _, n in results}):
        if ("kg", n) in results and ("bare", n) in results:
            kg, bare = results[("kg", n)], results[("bare", n)]
            lines.append(f"- kg / bare nlp.pipe, {n} process(es): throughput {bare['seconds'] / kg['seconds']:.2f}x "
                         f"(wall clock), {bare['cpu'] / kg['cpu']:.2f}x (CPU time)")
    for kind in ("kg", "bare"):
        if (kind, 1) in results and (kind, 2) in results:
            one, two = results[(kind, 1)], results[(kind, 2)]
            lines.append(f"- {kind}: 2 processes / 1 process: throughput {one['seconds'] / two['seconds']:.2f}x")
    for (kind, n), r in sorted(results.items()):
        if kind == "kg" and r.get("peaks_at"):
            peaks = r["peaks_at"]
            points = ", ".join(f"{float(k) * 100:.0f}%: {_mb(v)}" for k, v in sorted(peaks.items(), key=lambda kv: float(kv[0])))
            first, last = peaks[min(peaks, key=float)], peaks[max(peaks, key=float)]
            lines.append(f"- kg, {n} process(es): peak RSS after {points}; "
                         f"100% / 10% = {last / first:.2f}x")
            data = r["store_bytes"] - r.get("log_bytes", 0)
            lines.append(f"- kg, {n} process(es): store {_mb(r['store_bytes'])} on disk for {r['triples']:,} "
                         f"triples: {_mb(data)} of data ({data / max(1, r['docs']) / 1024:.0f} KB per document, "
                         f"{data / max(1, r['triples']):.0f} bytes per triple) and "
                         f"{_mb(r.get('log_bytes', 0))} of write-ahead log files kept for reuse")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Make (or reuse) a corpus, run the measurements, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10000, help="articles to ingest (default 10000)")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: made with make_corpus.py)")
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts (default 1,2)")
    parser.add_argument("--batch-size", type=int, default=16, help="spaCy batch size (default 16)")
    parser.add_argument("--run", choices=["bare", "kg"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        args.processes = int(args.processes)
        return child(args)
    made = None
    if args.corpus is None:
        made = Path(tempfile.mkdtemp(prefix="kg-bench-corpus-"))
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), "--count", str(args.count),
                        "--out", str(made)], check=True)
        args.corpus = made
    try:
        from kg.sources import parse_article

        words = sum(len(parse_article(p).body.split()) for p in corpus_files(args.corpus, args.count))
        results = {}
        for n in [int(x) for x in args.processes.split(",")]:
            # bare and kg alternate, so that a change in the machine's load hits both alike.
            results[("bare", n)] = measure("bare", args.corpus, args.count, n, args.batch_size)
            results[("kg", n)] = measure("kg", args.corpus, args.count, n, args.batch_size)
        print(report(results, args.count, words))
    finally:
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
