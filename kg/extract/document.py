"""Runs the extractors over one parsed document, in the order their inputs need.

actors (mentions, posts) -> topics -> meetings -> gatherings (then blocs named beside their
people leave the exchanges) -> statements -> policies.
Meetings come before statements so that "the two leaders" can point at the
last exchange; statements read the meetings for the time of reported speech.
"""
from __future__ import annotations

from kg.extract.actors import find_actors
from kg.extract.context import DocContext
from kg.extract.gatherings import add_gatherings
from kg.extract.meetings import drop_blocs_named_with_their_people, extract_meetings
from kg.extract.model import DocumentFacts
from kg.extract.policies import extract_policies
from kg.extract.statements import extract_statements
from kg.extract.topics import scheme_topics
from kg.gazetteer import Gazetteer
from kg.sources import Article


def extract_document(doc, article: Article, gazetteer: Gazetteer) -> DocumentFacts:
    """All candidate facts of one article (``doc`` is spaCy's parse of ``article.body``)."""
    ctx = DocContext(doc=doc, article=article, gaz=gazetteer)
    find_actors(ctx)
    topic_index = scheme_topics(ctx)
    extract_meetings(ctx, topic_index)
    add_gatherings(ctx, topic_index)
    drop_blocs_named_with_their_people(ctx)
    extract_statements(ctx, topic_index)
    extract_policies(ctx, topic_index)
    ctx.doc.release()
    return ctx.facts
