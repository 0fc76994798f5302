"""Runs spaCy in batches and every extractor over each document."""
from __future__ import annotations

from typing import Iterable, Iterator

from kg.extract.model import DocumentFacts
from kg.sources import Article


class Extractor:
    """Turns articles into DocumentFacts (spaCy in batches with ``nlp.pipe``)."""

    def __init__(self, model: str | None = None, n_process: int = 1):
        from kg.nlp import load_pipeline
        from kg.gazetteer import Gazetteer

        self.nlp = load_pipeline(model)
        self.gazetteer = Gazetteer.load()
        self.n_process = n_process

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[tuple[Article, DocumentFacts]]:
        """Yield (article, facts) for each article, in order, streaming ``articles``."""
        from kg.extract.document import extract_document

        # as_tuples carries each article beside its text through nlp.pipe, so
        # the articles are read as they are needed, never held in one list:
        # memory stays flat however many documents a bulk ingest streams in.
        pairs = ((article.body, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size,
                                          n_process=self.n_process):
            yield article, extract_document(doc, article, self.gazetteer)
