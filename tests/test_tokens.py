"""kg.extract.tokens reads a parse as spaCy does: every attribute the rules use, checked token by token."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kg.extract.tokens import ParsedDoc
from kg.sources import parse_article
from tests.test_extract_sentences import nlp  # noqa: F401 - shared fixture

CORPUS = Path(__file__).parent / "corpus"
TOKEN_ATTRS = ("text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "idx", "is_punct", "is_title",
               "is_upper", "is_lower", "is_quote", "is_space", "whitespace_", "text_with_ws")


def _articles():
    # A spread of real development articles (long, with quotes, lists and odd parses).
    return sorted((CORPUS / "dev").glob("*.txt"))[::12]


@pytest.fixture(scope="module")
def parsed(nlp):  # noqa: F811 - the shared fixture
    out = []
    for path in _articles():
        body = parse_article(path).body
        doc = nlp(body)
        out.append((doc, ParsedDoc(doc, body)))
    return out


def _i(tokens):
    return [t.i for t in tokens]


def test_there_are_articles_to_compare(parsed):
    assert len(parsed) >= 10 and sum(len(d) for d, _ in parsed) > 3000


def test_token_attributes_match_spacy(parsed):
    for doc, fast in parsed:
        assert len(fast) == len(doc) and fast.text == doc.text
        for tok, mine in zip(doc, fast):
            for name in TOKEN_ATTRS:
                assert getattr(mine, name) == getattr(tok, name), (name, tok.i, tok.text)
            assert mine.i == tok.i and str(mine) == str(tok) and len(mine) == len(tok)


def test_tree_links_match_spacy(parsed):
    for doc, fast in parsed:
        for tok, mine in zip(doc, fast):
            assert mine.head.i == tok.head.i
            assert _i(mine.children) == _i(tok.children)
            assert _i(mine.lefts) == _i(tok.lefts) and _i(mine.rights) == _i(tok.rights)
            assert (mine.left_edge.i, mine.right_edge.i) == (tok.left_edge.i, tok.right_edge.i)
            assert _i(mine.subtree) == _i(tok.subtree), tok.i
            assert _i(mine.ancestors) == _i(tok.ancestors)
            assert mine.head.is_ancestor(mine) == tok.head.is_ancestor(tok)


def test_non_projective_subtree_keeps_spacys_order(nlp):  # noqa: F811
    # Find a token whose subtree is not a stretch of text (a crossing arc) in the corpus,
    # and check that its subtree comes in spaCy's order, not the order of the text.
    for path in sorted((CORPUS / "dev").glob("*.txt")):
        body = parse_article(path).body
        doc = nlp(body)
        fast = ParsedDoc(doc, body)
        crossing = [t for t in doc if sorted(_i(t.subtree)) != list(range(t.left_edge.i, t.right_edge.i + 1))]
        if crossing:
            for tok in crossing:
                assert not fast.contiguous[tok.i]
                assert _i(fast[tok.i].subtree) == _i(tok.subtree)
            return
    pytest.skip("no crossing arc in the corpus")


def test_sentences_entities_and_noun_chunks_match_spacy(parsed):
    for doc, fast in parsed:
        assert [(s.start, s.end) for s in fast.sents] == [(s.start, s.end) for s in doc.sents]
        assert [(e.start, e.end, e.label_) for e in fast.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
        assert [(c.start, c.end) for c in fast.noun_chunks] == [(c.start, c.end) for c in doc.noun_chunks]
        for ent, mine in zip(doc.ents, fast.ents):
            assert mine.text == ent.text and (mine.start_char, mine.end_char) == (ent.start_char, ent.end_char)
            assert mine.root.i == ent.root.i


def test_span_root_text_and_slices_match_spacy(parsed):
    for doc, fast in parsed:
        n = len(doc)
        for start in range(0, n - 1, 7):
            for width in (1, 2, 3, 5, 9):
                end = min(n, start + width)
                span, mine = doc[start:end], fast[start:end]
                assert mine.root.i == span.root.i, (start, end)
                assert mine.text == span.text and len(mine) == len(span)
                assert _i(mine) == [t.i for t in span]
                assert mine[0].i == span[0].i and mine[-1].i == span[-1].i
                assert (mine[1:].start, mine[1:].end) == (span[1:].start, span[1:].end)


def test_equal_spans_are_equal_and_tokens_are_one_object(parsed):
    _, fast = parsed[0]
    assert fast[2:5] == fast[2:5] and hash(fast[2:5]) == hash(fast[2:5]) and fast[2:5] != fast[2:6]
    assert fast[3] is fast.tokens[3] and fast[3].head is fast.tokens[fast[3].head.i]
    assert sorted([fast[5], fast[1], fast[3]]) == [fast[1], fast[3], fast[5]]


def test_text_not_matching_the_parse_is_not_used(nlp):  # noqa: F811
    doc = nlp("Ministers met in Paris.")
    assert ParsedDoc(doc, "Something else entirely.").text == doc.text


def test_release_frees_a_document_without_the_cycle_collector(nlp):  # noqa: F811
    doc = nlp("The two ministers met in Geneva on Monday and discussed the ceasefire.")
    fast = ParsedDoc(doc)
    probe = fast.tokens[1]
    fast.release()
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        import weakref

        fast = ParsedDoc(doc)
        ref = weakref.ref(fast)
        fast.release()
        del fast
        # Freed by reference counting alone: the collector is off.
        assert ref() is None
    finally:
        if was_enabled:
            gc.enable()
    assert probe.head is None and probe.children == ()
