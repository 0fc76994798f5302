"""Topics: concepts of the SKOS topic scheme found in a stretch of text.

Matching is on lowercase tokens against each concept's preferred and
alternative labels; when a phrase names no known concept, a topic is minted
from its noun phrase (so a new subject still becomes a topic).
"""
from __future__ import annotations

from kg.extract.context import DocContext
from kg.extract.lexicon import PERSON_NOUNS
from kg.extract.model import Topic
from kg.rdfwriter import topic_iri, topic_label

_MATCHERS: dict = {}
_PLACE_HEADS = {"island", "city", "capital", "region", "province", "town", "village", "country", "state", "area",
                "territory", "coast", "port", "base", "resort", "estate", "palace", "campus", "headquarters"}
_STOP_HEADS = {"it", "this", "that", "them", "way", "ways", "thing", "things", "how", "what", "which",
               "issue", "issues", "topic", "matter", "progress", "importance", "need", "effort", "efforts",
               # where and how an exchange took place, after "on": never what it was about
               "tarmac", "sidelines", "sideline", "margins", "margin", "stage", "board", "phone", "telephone",
               "occasion", "eve", "day", "evening", "morning", "afternoon", "night", "weekend", "side", "sides",
               "part", "parts", "kind", "sort", "lot", "number"}


def _matcher(ctx: DocContext):
    from spacy.matcher import PhraseMatcher
    import spacy

    key = (id(ctx.doc.vocab), id(ctx.gaz))
    if key not in _MATCHERS:
        blank = spacy.blank("en", vocab=ctx.doc.vocab)
        matcher = PhraseMatcher(ctx.doc.vocab, attr="LOWER")
        for topic in ctx.gaz.topics.values():
            labels = {topic.label, *topic.alt}
            matcher.add(topic.iri, [blank.make_doc(label) for label in labels if label])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def scheme_topics(ctx: DocContext) -> dict[int, tuple[int, int, Topic]]:
    """Every topic-scheme match in the document, by start token: (start, end, topic)."""
    found: dict[int, tuple[int, int, Topic]] = {}
    # The words of the text for a topic: the noun phrase around the match ("a reconstruction
    # investment fund" for "investment"), so a reader's own keywords find it.
    chunk_of: dict[int, tuple[int, int]] = {}
    for chunk in ctx.doc.noun_chunks:
        if chunk.end - chunk.start <= 6:
            for i in range(chunk.start, chunk.end):
                chunk_of[i] = (chunk.start, chunk.end)
    matches = sorted(_matcher(ctx)(ctx.doc.spacy), key=lambda m: (m[1], -(m[2] - m[1])))
    last_end = -1
    for match_id, start, end in matches:
        if start < last_end:
            continue
        iri = ctx.doc.vocab.strings[match_id]
        if _inside_title(ctx, start, end):
            continue  # "German Economy Minister Robert Habeck" says nothing about the economy
        ref = ctx.gaz.topics[iri]
        words = ctx.doc[start:end]
        if start in chunk_of and chunk_of[start][1] >= end:
            lo, hi = chunk_of[start]
            words = [t for t in ctx.doc[lo:hi] if t.dep_ != "det" and not t.is_punct]
            text = ctx.doc[words[0].i:words[-1].i + 1].text.lower().replace("’", "'") if words \
                else ctx.doc[start:end].text.lower()
        else:
            text = words.text.lower()
        found[start] = (start, end, Topic(iri=iri, label=ref.label, in_scheme=True, text=text))
        last_end = end
    return found


def _inside_title(ctx: DocContext, start: int, end: int) -> bool:
    doc = ctx.doc
    for tok in doc[start:end]:
        # Capitalised, or lower case before a title noun ("national security adviser Jake Sullivan").
        titled = tok.is_title or tok.is_upper
        node = tok
        for _ in range(4):
            mention = ctx.mention_at(node.i)
            if mention is not None and mention.kind == "person":
                if titled:
                    return True
                break
            if node.dep_ not in ("compound", "amod", "nmod") or node.head.i == node.i:
                break
            node = node.head
            titled = titled or (node.lower_ in PERSON_NOUNS and node.i <= end + 2)
    return False


def topics_between(ctx: DocContext, index: dict, start: int, end: int,
                   skip: set[int] | frozenset = frozenset()) -> list[Topic]:
    """Scheme topics whose match lies within tokens [start, end) and does not start in ``skip``."""
    out: list[Topic] = []
    for s, (ms, me, topic) in index.items():
        if start <= ms and me <= end and ms not in skip and all(t.iri != topic.iri for t in out):
            out.append(topic)
    return out


def topics_of_phrase(ctx: DocContext, index: dict, head, names_ok: bool = False,
                     head_too: bool = False) -> list[Topic]:
    """Topics of the phrase headed by ``head``: scheme concepts, else one minted from the noun phrase.

    With ``names_ok`` a named thing is a topic too ("to discuss Ukraine", "talks about Taiwan").
    With ``head_too`` the phrase's own noun is one as well, beside the scheme concepts inside it
    ("discussed the ban ... on imports of wheat": the ban, and imports).
    """
    found = topics_between(ctx, index, head.left_edge.i, head.right_edge.i + 1)
    # The noun with its modifiers ("export controls"), unless the scheme names it already.
    front = min([head.i, *(t.i for t in head.children if t.dep_ in ("compound", "amod") and t.i < head.i)])
    if found and head_too and not topics_between(ctx, index, front, head.i + 1):
        own = _minted(ctx, head, names_ok=False)
        if own is not None and all(own.label != t.label for t in found):
            found.append(own)
    if found:
        return found
    minted = _minted(ctx, head, names_ok)
    return [minted] if minted is not None else []


def admits_new_members(noun) -> bool:
    """True for "(six) new members": people, but what a bloc decides on, a topic."""
    return noun.lemma_.lower() == "member" and any(c.lower_ == "new" for c in noun.children)


def _minted(ctx: DocContext, head, names_ok: bool) -> Topic | None:
    """A topic minted from the noun phrase headed by ``head`` (None when it names no subject)."""
    if names_ok and head.ent_type_ in ("GPE", "NORP", "LOC", "EVENT", "ORG", "LAW", "PRODUCT", "FAC"):
        ent = next((e for e in ctx.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            words = [t.text for t in ent if t.lower_ != "the"]
            label = topic_label(" ".join(words).replace("’s", "").replace("'s", ""))
            if len(label) >= 2:
                return Topic(iri=topic_iri(label), label=label, in_scheme=False)
    if head.lower_ in _STOP_HEADS or head.pos_ not in ("NOUN", "PROPN") or head.ent_type_:
        return None
    if (head.lower_ in PERSON_NOUNS or head.lemma_.lower() in PERSON_NOUNS or head.i in ctx.token_mention) \
            and not admits_new_members(head):
        return None  # "called on the prime minister": a party, not a subject ("six new members" is one)
    if head.lemma_.lower() in _PLACE_HEADS and any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in head.subtree):
        return None  # "on the Indonesian island of Bali" is a place, not a subject
    if any(t.ent_type_ in ("DATE", "TIME") or (t.ent_type_ == "PERSON" and t.dep_ != "poss" and
                                               t.head.dep_ != "poss" and t.i in ctx.token_mention)
           for t in head.subtree if t.i <= head.i):
        return None     # (a "person" the model saw in "Leopard 2 battle tanks" is nobody: kept)
    # "the SWIFT international payments system": a named modifier belongs to the topic.
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ in ("compound", "amod", "nmod")
             and t.pos_ in ("NOUN", "ADJ", "PROPN") and t.ent_type_ not in ("GPE", "NORP", "PERSON")]
    words = [t for t in words if t.i >= head.i - 3]
    # The head as written ("regions", not "region"): the words a reader would search for.
    label = topic_label(" ".join([*(t.text for t in words), head.text]).strip())
    if len(label) < 3:
        return None
    return Topic(iri=topic_iri(label), label=label, in_scheme=False)
