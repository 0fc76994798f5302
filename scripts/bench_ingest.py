#!/usr/bin/env python3
"""Ingest throughput as a ratio to bare spaCy ``nlp.pipe`` over the same texts.

Both run in this process on the same articles (the seed and the development
corpus, repeated to a few hundred documents), after the pipeline is loaded
once.  The baseline is ``list(nlp.pipe(texts))``; kg's run is a full
``ingest_paths`` into a fresh on-disk store: reading files, NLP, extraction,
RDF with provenance, and one transaction per document.  Target: ratio >= 0.8.

Usage: scripts/bench_ingest.py [--docs N] [--repeat R]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(target: int, folder: Path) -> list[Path]:
    """Copies of the seed and development articles, renamed so each is its own document."""
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").rglob("*.txt"))
    paths = []
    i = 0
    while len(paths) < target:
        for src in sources:
            if len(paths) >= target:
                break
            dst = folder / f"{i:05d}_{src.name}"
            # A one-character change per copy gives each a distinct content hash.
            dst.write_text(src.read_text(encoding="utf-8") + f"\n{' ' * (i % 7)}", encoding="utf-8")
            paths.append(dst)
            i += 1
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from kg.extract.pipeline import Extractor
    from kg.ingest import ingest_paths
    from kg.sources import parse_article
    from kg.store import LocalStore

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        files = corpus(args.docs, work)
        texts = [parse_article(p).body for p in files]
        words = sum(len(t.split()) for t in texts)
        extractor = Extractor()
        nlp = extractor.nlp
        list(nlp.pipe(texts[:5]))  # warm up

        bare, full = [], []
        for r in range(args.repeat):
            t0 = time.perf_counter()
            list(nlp.pipe(texts, batch_size=16))
            bare.append(time.perf_counter() - t0)

            store = LocalStore(work / f"store-{r}")
            t0 = time.perf_counter()
            report = ingest_paths(store, [str(p) for p in files], extractor=extractor, force=True)
            full.append(time.perf_counter() - t0)
            store.close()
            assert len(report.ingested) == len(files), report.failed

        b, f = statistics.median(bare), statistics.median(full)
        print(f"documents: {len(files)}, words: {words}")
        print(f"bare nlp.pipe : {b:7.2f} s  ({words / b:8.0f} words/s)")
        print(f"kg ingest     : {f:7.2f} s  ({words / f:8.0f} words/s)")
        print(f"throughput ratio kg/bare = {b / f:.2f}  (target >= 0.80)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
