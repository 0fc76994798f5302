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
        """Yield (article, facts) for each article, in order."""
        from kg.extract.document import extract_document

        articles = list(articles)
        docs = self.nlp.pipe((a.body for a in articles), batch_size=batch_size, n_process=self.n_process)
        for article, doc in zip(articles, docs):
            yield article, extract_document(doc, article, self.gazetteer)
