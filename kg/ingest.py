"""Ingest: articles -> NLP -> facts -> one named graph per document in the store.

Every document is written in one transaction (drop its graph, insert the new
one), so re-ingesting replaces it and a crash leaves each document whole or
absent.  Documents stored with the same content hash are skipped unless
``force`` is set.  Bad files are reported and skipped; what can be used is used.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Literal, URIRef

from kg.errors import InputError, KGError
from kg.rdfwriter import document_iri, facts_to_graph
from kg.sources import Article, find_articles, parse_article
from kg.store import graph_to_ntriples
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


def ingest_paths(store, paths: list[str | Path], *, extractor=None, force: bool = False,
                 batch_size: int = 16, progress: Callable[[int], None] | None = None,
                 on_start: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest files and folders into ``store``; return what happened.

    ``extractor`` is a ``kg.extract.pipeline.Extractor`` (made on demand so
    that spaCy is loaded only when there is something to read).  Raises
    InputError when a path is missing, a folder holds no articles, or no
    given file could be read at all.
    """
    files = find_articles(paths)
    report = IngestReport()
    if on_start:
        on_start(len(files))
    known = {} if force else stored_hashes(store)
    pending: list[Article] = []
    for article in read_articles(files, report):
        if known.get(str(document_iri(article.doc_id))) == article.content_hash:
            report.skipped_unchanged.append(str(article.path))
            if progress:
                progress(1)
            continue
        pending.append(article)
    if report.failed and not pending and not report.skipped_unchanged:
        if len(report.failed) == 1:
            raise InputError(report.failed[0][1])
        raise InputError(f"none of the {len(report.failed)} files could be read; first: {report.failed[0][1]}")
    if not pending:
        return report
    ensure_reference_graph(store)
    if extractor is None:
        from kg.extract.pipeline import Extractor
        extractor = Extractor()
    now = dt.datetime.now(dt.timezone.utc)
    for article, facts in extractor.extract_many(pending, batch_size=batch_size):
        graph = facts_to_graph(article, facts, ingested_at=now)
        store.replace_graph(URIRef(graph.identifier), graph_to_ntriples(graph))
        report.ingested.append(str(article.path))
        report.warnings.extend(facts.warnings)
        report.triples += len(graph)
        if progress:
            progress(1)
    return report
