"""Plain-Python views of a parsed document, built once from spaCy's arrays.

The rules read tokens thousands of times per document: their head, children,
lemma, dependency label.  spaCy answers each such read by building a new
Python object (a ``Token`` for every ``.head`` or child, a ``str`` for every
``.lemma_``), which made attribute reads most of the extraction's time.
``ParsedDoc`` reads the parse once, with ``Doc.to_array``, into one
``ParsedToken`` per token whose attributes are plain slots and whose
``head`` and ``children`` point at the other ``ParsedToken`` objects.

The classes offer the part of spaCy's ``Doc``/``Span``/``Token`` interface
the rules use, with spaCy's semantics (the order of ``children`` and
``subtree``, the choice of ``Span.root``), so a rule reads the same either
way; ``tests/test_tokens.py`` checks them against spaCy.  Anything spaCy
alone can do (matchers, ``char_span``) goes through ``ParsedDoc.spacy``.
"""
from __future__ import annotations

import gc
from itertools import chain
from typing import Iterator

# The token attributes read with Doc.to_array, in this order.
_ATTRS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "ENT_IOB", "IDX", "HEAD", "SENT_START",
          "IS_PUNCT", "IS_TITLE", "IS_UPPER", "IS_LOWER", "IS_QUOTE", "IS_SPACE", "SPACY")
# Those that are string hashes.
_STRING_ATTRS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE")
# The string of each hash seen, for all documents: a StringStore lookup from Python
# costs more than a dict's, and a hash names the same string in every vocabulary
# (it is a hash of the string).
_STRINGS: dict[int, str] = {0: ""}


def _column(name: str, doc: str) -> property:
    """A token attribute read, when asked for, from the document's column ``name``."""
    return property(lambda tok: tok.doc.columns[name][tok.i], doc=doc)


def _flag(name: str, doc: str) -> property:
    """A true/false token attribute read, when asked for, from the document's column ``name``."""
    return property(lambda tok: tok.doc.columns[name][tok.i] == 1, doc=doc)


class ParsedToken:
    """One token: spaCy's attributes as plain values, ``head``/``children`` as tokens."""

    # The attributes the rules read most; the others are looked up in the document's
    # columns when asked for (properties below), which makes building tokens cheaper.
    __slots__ = ("doc", "i", "text", "lower_", "lemma_", "pos_", "dep_", "is_punct",
                 "head", "children", "left_edge", "right_edge")

    tag_ = _column("TAG", "Fine-grained part of speech.")
    ent_type_ = _column("ENT_TYPE", "Named-entity type (\"\" outside entities).")
    idx = _column("IDX", "Character offset in the document.")
    is_title = _flag("IS_TITLE", "Title case.")
    is_upper = _flag("IS_UPPER", "All upper case.")
    is_lower = _flag("IS_LOWER", "All lower case.")
    is_quote = _flag("IS_QUOTE", "A quotation mark.")
    is_space = _flag("IS_SPACE", "Whitespace.")

    @property
    def whitespace_(self) -> str:
        """The space after the token, if any."""
        return " " if self.doc.columns["SPACY"][self.i] else ""

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__

    def __len__(self) -> int:
        return len(self.text)

    # spaCy tokens order by position.
    def __lt__(self, other: "ParsedToken") -> bool:
        return self.i < other.i

    def __le__(self, other: "ParsedToken") -> bool:
        return self.i <= other.i

    def __gt__(self, other: "ParsedToken") -> bool:
        return self.i > other.i

    def __ge__(self, other: "ParsedToken") -> bool:
        return self.i >= other.i

    @property
    def text_with_ws(self) -> str:
        """The text and the whitespace after it."""
        return self.text + self.whitespace_

    @property
    def lefts(self) -> Iterator["ParsedToken"]:
        """Children before the token, in order."""
        return (c for c in self.children if c.i < self.i)

    @property
    def rights(self) -> Iterator["ParsedToken"]:
        """Children after the token, in order."""
        return (c for c in self.children if c.i > self.i)

    @property
    def subtree(self) -> Iterator["ParsedToken"]:
        """The token and its descendants, in spaCy's order (left subtrees, self, right subtrees)."""
        if self.doc.contiguous[self.i]:
            # No crossing arcs below: spaCy's order is the order of the text.
            return iter(self.doc.tokens[self.left_edge.i:self.right_edge.i + 1])
        return self._walk()

    def _walk(self) -> Iterator["ParsedToken"]:
        for child in self.lefts:
            yield from child.subtree
        yield self
        for child in self.rights:
            yield from child.subtree

    @property
    def ancestors(self) -> Iterator["ParsedToken"]:
        """Heads up to the root of the sentence, nearest first."""
        node, steps = self, 0
        while node.head is not node and steps < len(self.doc.tokens):
            node = node.head
            steps += 1
            yield node

    def is_ancestor(self, descendant: "ParsedToken") -> bool:
        """True if this token is among ``descendant``'s heads."""
        return any(a is self for a in descendant.ancestors)


class ParsedSpan:
    """A slice of tokens [start, end), optionally labelled (a named entity, a sentence)."""

    __slots__ = ("doc", "start", "end", "label_", "_root")

    def __init__(self, doc: "ParsedDoc", start: int, end: int, label: str = ""):
        self.doc = doc
        self.start = start
        self.end = end
        self.label_ = label
        self._root = None

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__

    def __eq__(self, other) -> bool:
        return isinstance(other, ParsedSpan) and other.doc is self.doc and \
            (other.start, other.end, other.label_) == (self.start, self.end, self.label_)

    def __hash__(self) -> int:
        return hash((id(self.doc), self.start, self.end, self.label_))

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[ParsedToken]:
        return iter(self.doc.tokens[self.start:self.end])

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            if step != 1:
                raise ValueError("spans take no step")
            return ParsedSpan(self.doc, self.start + start, self.start + max(start, stop))
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(f"token {key} is outside the span")
        return self.doc.tokens[self.start + key]

    @property
    def start_char(self) -> int:
        """Character offset of the first token."""
        tokens = self.doc.tokens
        return tokens[self.start].idx if self.start < len(tokens) else len(self.doc.text)

    @property
    def end_char(self) -> int:
        """Character offset just after the last token (its trailing space excluded)."""
        if self.end <= self.start:
            return self.start_char
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        """The span's text (without the last token's trailing space)."""
        return self.doc.text[self.start_char:self.end_char]

    @property
    def root(self) -> ParsedToken:
        """The token nearest the sentence root (spaCy's choice: the first of those)."""
        if self._root is None:
            self._root = self._find_root()
        return self._root

    def _find_root(self) -> ParsedToken:
        tokens = self.doc.tokens
        for i in range(self.start, self.end):
            if tokens[i].head is tokens[i]:
                return tokens[i]
        best, root = len(tokens), None
        for i in range(self.start, self.end):
            if self.start <= tokens[i].head.i < self.end:
                continue
            # spaCy's _count_words_to_root: a bare punctuation mark or space is
            # never preferred ("-to": "to").
            tok = tokens[i]
            if not tok.children and (tok.is_punct or tok.is_space):
                depth = len(tokens) - 1
            else:
                depth = sum(1 for _ in tok.ancestors)
            if depth < best:
                best, root = depth, tokens[i]
        return root if root is not None else tokens[self.start]


class ParsedDoc:
    """A spaCy ``Doc`` read once: tokens, sentences and entities as plain objects."""

    def __init__(self, doc, text: str | None = None):
        """Read ``doc``; ``text`` is the string it was parsed from, if at hand (spaCy's
        ``Doc.text`` rebuilds that string token by token on every read)."""
        self.spacy = doc
        self.vocab = doc.vocab
        #: Each attribute of _ATTRS as a list over the tokens (strings for the string ones).
        self.columns: dict[str, list] = {}
        #: Per token: its subtree is the stretch of text from its left to its right edge.
        self.contiguous: list[bool] = []
        self.tokens: list[ParsedToken] = _read_tokens(self, doc)
        self.text = text if text is not None and _is_text_of(text, self) else doc.text
        self.sents = _sentence_spans(self)
        self.ents = _entity_spans(self)
        self._noun_chunks: list[ParsedSpan] | None = None

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[ParsedToken]:
        return iter(self.tokens)

    def release(self) -> None:
        """Drop the links between tokens, once the rules are done with them.

        Tokens point at each other (head, children) and at the document: reference
        cycles, which only the cyclic garbage collector would free, walking the heap
        to find them.  Without the links, each document's objects go as soon as the
        last reference to them does.
        """
        for tok in self.tokens:
            tok.doc = tok.head = tok.left_edge = tok.right_edge = None
            tok.children = ()
        self.tokens = []
        self.sents = self.ents = []
        self._noun_chunks = None

    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self.tokens))
            if step != 1:
                raise ValueError("spans take no step")
            return ParsedSpan(self, start, max(start, stop))
        return self.tokens[key]

    @property
    def noun_chunks(self) -> list[ParsedSpan]:
        """Base noun phrases, as spaCy's English syntax iterator finds them."""
        if self._noun_chunks is None:
            self._noun_chunks = _noun_chunks(self)
        return self._noun_chunks

    def char_span(self, start: int, end: int, **kwargs) -> ParsedSpan | None:
        """The tokens covering characters [start, end) (spaCy's ``Doc.char_span``)."""
        span = self.spacy.char_span(start, end, **kwargs)
        return None if span is None else ParsedSpan(self, span.start, span.end)


def _read_tokens(doc: ParsedDoc, spacy_doc) -> list[ParsedToken]:
    from spacy import attrs

    array = spacy_doc.to_array([getattr(attrs, name) for name in _ATTRS])
    if not len(array):
        return []
    columns = dict(zip(_ATTRS, array.T.tolist()))
    # HEAD (the offset to the head) and SENT_START (-1 for "not a start") are stored
    # unsigned: read back as signed.
    for name in ("HEAD", "SENT_START"):
        columns[name] = array[:, _ATTRS.index(name)].astype("int64").tolist()
    strings = _STRINGS
    store = spacy_doc.vocab.strings
    for key in set(chain(*(columns[name] for name in _STRING_ATTRS))) - strings.keys():
        strings[key] = store[key]
    for name in _STRING_ATTRS:
        columns[name] = list(map(strings.__getitem__, columns[name]))
    doc.columns = columns
    text, lower, lemma, pos, dep, punct = (columns[name] for name in ("ORTH", "LOWER", "LEMMA", "POS", "DEP",
                                                                       "IS_PUNCT"))
    tokens = []
    # Thousands of small objects: the cyclic garbage collector would walk the whole heap
    # several times while they are made, and none of them is garbage yet.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for i in range(len(text)):
            tok = ParsedToken()
            tok.doc = doc
            tok.i = i
            tok.text = text[i]
            tok.lower_ = lower[i]
            tok.lemma_ = lemma[i]
            tok.pos_ = pos[i]
            tok.dep_ = dep[i]
            tok.is_punct = punct[i] == 1
            tokens.append(tok)
        kids: dict[int, list[ParsedToken]] = {}
        for tok, offset in zip(tokens, columns["HEAD"]):
            target = tokens[tok.i + offset]
            tok.head = target
            if target is not tok:
                kids.setdefault(target.i, []).append(tok)
        for tok in tokens:
            tok.children = tuple(kids.get(tok.i, ()))     # in order of position, as spaCy yields them
        doc.contiguous = _set_edges(tokens)
    finally:
        if collecting:
            gc.enable()
    return tokens


def _is_text_of(text: str, doc: ParsedDoc) -> bool:
    """A cheap check that ``text`` is what ``doc`` was parsed from (its length and last token)."""
    if not doc.tokens:
        return text == ""
    last = doc.tokens[-1]
    end = last.idx + len(last.text)
    return len(text) == end + len(last.whitespace_) and text[last.idx:end] == last.text


def _sentence_spans(doc: ParsedDoc) -> list[ParsedSpan]:
    """The sentences as spaCy's ``Doc.sents`` cuts them (a new one at each sentence start)."""
    starts = doc.columns.get("SENT_START", [])
    spans, start = [], 0
    for i in range(1, len(starts)):
        if starts[i] == 1:
            spans.append(ParsedSpan(doc, start, i))
            start = i
    if start != len(starts):
        spans.append(ParsedSpan(doc, start, len(starts)))
    return spans


def _entity_spans(doc: ParsedDoc) -> list[ParsedSpan]:
    """The named entities as spaCy's ``Doc.ents`` reads them from the IOB tags."""
    iob, labels = doc.columns.get("ENT_IOB", []), doc.columns.get("ENT_TYPE", [])
    out, start, label = [], -1, ""
    for i, tag in enumerate(iob):
        if tag == 1:        # I: inside the entity begun before
            continue
        if start != -1:
            out.append(ParsedSpan(doc, start, i, label))
        if tag == 3 and labels[i]:      # B: a new entity
            start, label = i, labels[i]
        else:               # O, or no tag
            start, label = -1, ""
    if start != -1:
        out.append(ParsedSpan(doc, start, len(iob), label))
    return out


# The dependency labels of a noun phrase's head (spaCy's English noun_chunks).
_NP_DEPS = frozenset({"oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"})


def _noun_chunks(doc: ParsedDoc) -> list[ParsedSpan]:
    """spaCy's English noun_chunks syntax iterator, over the plain tokens."""
    out, prev_end = [], -1
    for word in doc.tokens:
        if word.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if word.left_edge.i <= prev_end:
            continue    # no nested chunks
        if word.dep_ in _NP_DEPS:
            prev_end = word.i
            out.append(ParsedSpan(doc, word.left_edge.i, word.i + 1, "NP"))
        elif word.dep_ == "conj":
            head = word.head
            while head.dep_ == "conj" and head.head.i < head.i:
                head = head.head
            if head.dep_ in _NP_DEPS:   # coordinated to a noun phrase: one as well
                prev_end = word.i
                out.append(ParsedSpan(doc, word.left_edge.i, word.i + 1, "NP"))
    return out


def _set_edges(tokens: list[ParsedToken]) -> list[bool]:
    """Set left_edge/right_edge (each subtree's first and last token).

    Returns, per token, whether its subtree is the stretch of text between its
    edges with no crossing arcs below it, so that spaCy's subtree order is
    the order of the text.
    """
    left = [t.i for t in tokens]
    right = list(left)
    size = [1] * len(tokens)
    # Children before heads: visit each tree bottom-up (iteratively, for deep trees).
    order: list[ParsedToken] = []
    stack = [t for t in tokens if t.head is t]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.children)
    contiguous = [True] * len(tokens)
    for node in reversed(order):
        n = node.i
        for child in node.children:
            c = child.i
            left[n] = min(left[n], left[c])
            right[n] = max(right[n], right[c])
            size[n] += size[c]
            contiguous[n] = contiguous[n] and contiguous[c]
        contiguous[n] = contiguous[n] and size[n] == right[n] - left[n] + 1
    for tok in tokens:
        tok.left_edge = tokens[left[tok.i]]
        tok.right_edge = tokens[right[tok.i]]
    return contiguous
