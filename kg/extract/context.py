"""Per-document state shared by the extractors: offsets, quotes, mentions, coreference.

``DocContext`` knows, for every token, which actor (if any) it refers to,
and resolves pronouns ("he", "their"), group anaphors ("the two leaders")
and descriptions ("the Chinese president", "his Japanese counterpart") to
actors already in the document.  It never invents a name: a description it
cannot resolve becomes an unnamed person or an anonymous source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.model import (ANONYMOUS, CANCELLED, COUNTRY, DENIED, ORGANIZATION, PERSON, DocumentFacts, Entity,
                              Evidence)
from kg.gazetteer import Gazetteer, norm
from kg.sources import Article
from kg.extract.lexicon import COUNTRY_GROUP_NOUNS, NUMBER_WORDS, TITLE_WORDS
from kg.extract.tokens import ParsedDoc, ParsedSpan

QUOTE_RE = re.compile(r"[“\"]([^“”\"]{2,}?)[”\"]", re.S)
FEMALE = {"she", "her", "hers", "herself"}
MALE = {"he", "him", "his", "himself"}
SINGULAR_PRONOUNS = FEMALE | MALE
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
# "the two leaders", "both men", "the two foreign ministers": the people of the last exchange.
_PAIR_PHRASE = re.compile(r"(?:the two|both|both the|the three|all three|the four|all four|the five|all five) "
                          r"(?!other )(?:\w+ )?(?:leaders|men|women|sides|presidents|"
                          r"ministers|prime ministers|premiers|envoys|negotiators|delegations|chancellors|officials)")


@dataclass
class Mention:
    """A stretch of tokens that refers to an actor."""

    start: int          # token index
    end: int            # token index, exclusive
    iri: str
    kind: str
    via: str = "name"   # name, gazetteer, demonym, pronoun, description, group


@dataclass
class Quote:
    """A direct quotation: character span of its content in the body, and token range."""

    start: int
    end: int
    text: str
    tok_start: int
    tok_end: int


@dataclass
class DocContext:
    """What the extractors share while reading one document."""

    doc: object                       # the article body's parse: a spaCy Doc, read into a ParsedDoc
    article: Article
    gaz: Gazetteer
    facts: DocumentFacts = field(default_factory=DocumentFacts)
    mentions: list[Mention] = field(default_factory=list)
    token_mention: dict[int, Mention] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    sent_index: dict[int, int] = field(default_factory=dict)   # sentence start token -> sentence number
    pronoun_memo: dict[int, str | None] = field(default_factory=dict)   # subject pronoun token -> referent

    def __post_init__(self):
        self.offset = self.article.body_start
        # spaCy builds a new Python object on every attribute read; the rules read tokens
        # many times, so the parse is read once into plain objects (kg.extract.tokens).
        if not isinstance(self.doc, ParsedDoc):
            self.doc = ParsedDoc(self.doc, self.article.body)
        self.tokens = self.doc.tokens
        self.text = self.doc.text
        self.sentences = self.doc.sents
        # Token character offsets and sentence texts, looked up for every exchange.
        self.token_offsets = self.doc.columns.get("IDX", [])
        self.sentence_texts = [self.text[s.start_char:s.end_char] for s in self.sentences]
        self.ents = [_whole_name(self.doc, e) for e in self.doc.ents]
        # The DATE and TIME entities: time_of looks them up for every exchange and statement.
        self.time_ents = [e for e in self.ents if e.label_ in ("DATE", "TIME")]
        self.sent_of = [0] * len(self.tokens)
        for n, sent in enumerate(self.sentences):
            self.sent_index[sent.start] = n
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self._find_quotes()

    # -- positions and evidence -------------------------------------------
    @property
    def date(self):
        """The article date (or None)."""
        return self.article.date

    def sentence_no(self, token) -> int:
        """Number of the sentence holding ``token``."""
        return self.sent_of[token.i] if token.i < len(self.sent_of) else 0

    def ents_in(self, span):
        """The named entities within a span (a sentence)."""
        return [e for e in self.ents if span.start <= e.start and e.end <= span.end]

    def sentence_of(self, token):
        """The sentence (a Span) holding ``token``."""
        return self.sentences[self.sentence_no(token)]

    def evidence(self, sent) -> Evidence:
        """Evidence for a whole sentence (offsets in the source file)."""
        # Sliced from the document text: Span.text joins every token on each call.
        raw = self.text[sent.start_char:sent.end_char]
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = sent.start_char + lead + self.offset
        return Evidence(self.sent_of[sent.start], start, start + len(text), text)

    def span_evidence(self, sent_token, start_char: int, end_char: int) -> Evidence:
        """Evidence for a character span of the body (a quote that runs over sentences)."""
        text = self.text[start_char:end_char]
        return Evidence(self.sentence_no(sent_token), start_char + self.offset, end_char + self.offset, text)

    # -- quotes ---------------------------------------------------------------
    def _find_quotes(self) -> None:
        text = self.text
        for m in QUOTE_RE.finditer(text):
            inner_start, inner_end = m.start(1), m.end(1)
            span = self.doc.char_span(inner_start, inner_end, alignment_mode="expand")
            if span is None:
                continue
            self.quotes.append(Quote(inner_start, inner_end, m.group(1), span.start, span.end))

    def quote_at(self, token_i: int) -> Quote | None:
        """The direct quote containing token ``token_i``, if any."""
        for q in self.quotes:
            if q.tok_start <= token_i < q.tok_end:
                return q
        return None

    # -- entities -------------------------------------------------------------
    def entity(self, iri: str) -> Entity | None:
        """The document's entity with that IRI."""
        return self.facts.entities.get(iri)

    def add_entity(self, entity: Entity) -> Entity:
        """Register an entity (merging aliases if already known)."""
        known = self.facts.entities.get(entity.iri)
        if known is None:
            self.facts.entities[entity.iri] = entity
            return entity
        if known.kind == "person" and known.name not in known.aliases and entity.name in entity.aliases \
                and len(entity.name.split()) >= 2:
            known.name = entity.name  # prefer the full name as this source writes it
        known.aliases |= entity.aliases
        if entity.gender and not known.gender:
            known.gender = entity.gender
        if entity.country and not known.country:
            known.country = entity.country
        return known

    def add_mention(self, mention: Mention) -> None:
        """Record that tokens [start, end) refer to ``mention.iri``."""
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.token_mention.setdefault(i, mention)

    def mention_at(self, token_i: int) -> Mention | None:
        """The mention covering token ``token_i``."""
        return self.token_mention.get(token_i)

    def persons_before(self, token_i: int, window_sents: int = 4) -> list[Mention]:
        """Person mentions before ``token_i`` (nearest last) within a few sentences."""
        here = self.sentence_no(self.tokens[token_i])
        out = []
        for m in self.mentions:
            if m.start >= token_i or m.kind != PERSON:
                continue
            if here - self.sentence_no(self.tokens[m.start]) > window_sents:
                continue
            out.append(m)
        out.sort(key=lambda m: m.start)
        return out

    def resolve_token(self, token, speaker_iri: str | None = None, conjuncts: bool = True) -> list[str]:
        """Actors a token (the head of a noun phrase) refers to, conjuncts included unless not wanted."""
        found: list[str] = []
        for tok in [token, *(_conjuncts(token) if conjuncts else [])]:
            for iri in self._resolve_one(tok, speaker_iri):
                if iri not in found:
                    found.append(iri)
        return found

    def _resolve_one(self, tok, speaker_iri: str | None) -> list[str]:
        mention = self.mention_at(tok.i)
        if mention is not None:
            return [mention.iri]
        low = tok.lower_
        if low in ("i", "me", "my", "we", "us", "our") and speaker_iri:
            if low in ("we", "us", "our"):
                entity = self.entity(speaker_iri)
                if entity and entity.country:
                    return [entity.country]
            return [speaker_iri]
        if low in SINGULAR_PRONOUNS:
            iri = self.resolve_pronoun(tok)
            return [iri] if iri else []
        if low in ("each", "both") and tok.dep_ == "nsubj" and not list(tok.children):
            # "Cameron and Baerbock arrived from Israel, where each held separate talks with
            # Netanyahu": the pair the clause above is about.
            for verb in tok.head.ancestors:
                subjects = [c for c in verb.children if c.dep_ == "nsubj"]    # (the parser may give two)
                if verb.pos_ in ("VERB", "AUX") and subjects:
                    found = list(dict.fromkeys(iri for subject in subjects for iri in self.resolve_token(subject)))
                    return found if len(found) >= 2 else []
            return []
        if low in ("whom", "who"):
            # "Wang Yi, with whom Sullivan held talks": the one the relative clause is about.
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            return self._resolve_one(clause.head, speaker_iri) if clause is not None else []
        phrase = norm(" ".join(t.text for t in tok.subtree if t.dep_ not in ("punct",) and t.i <= tok.i))
        if tok.lower_ in PLURAL_PRONOUNS or phrase in ("the pair", "the leaders", "the two", "the trio", "the three",
                                                       "all three", "the four", "all four") or \
                _PAIR_PHRASE.fullmatch(phrase):
            return self.resolve_group(tok)
        countries = self.numbered_countries(tok)
        if countries:
            return countries
        if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in _OWNED_GROUPS:
            # "Biden aides Juan Gonzalez and Roger Carstens": the aides named, never Biden.
            named = [t for c in tok.children if c.dep_ == "appos" for t in [c, *_conjuncts(c)]]
            return list(dict.fromkeys(self.token_mention[t.i].iri for t in named
                                      if t.i in self.token_mention and self.token_mention[t.i].kind == PERSON))
        # Any mention inside the phrase's head region (e.g. "US President Joe Biden" via compound);
        # "the Biden administration" is the government, not Biden.
        for child in tok.children if tok.lemma_.lower() not in ("administration", "government") else ():
            if child.dep_ in ("compound", "poss", "appos", "nmod") and child.i in self.token_mention:
                m = self.token_mention[child.i]
                if m.kind == PERSON and child.dep_ != "poss":
                    return [m.iri]
                if m.kind == ORGANIZATION and child.dep_ == "appos":
                    return [m.iri]      # "Ukraine's state nuclear company, Energoatom,"
        return []

    def resolve_pronoun(self, tok) -> str | None:
        """The person a singular pronoun refers to, by gender, recency and grammatical role."""
        gender = "female" if tok.lower_ in FEMALE else "male"
        ahead = self._subject_ahead(tok, gender)
        if ahead is not None:
            return ahead
        if tok.dep_ == "nsubj":
            # "... after he arrived from New York, where he met Musk": a subject pronoun repeated
            # in one sentence keeps the referent of its first use.
            first = next((t for t in self.sentence_of(tok) if t.i < tok.i and t.lower_ == tok.lower_
                          and t.dep_ == "nsubj"), None)
            if first is not None:
                return self.resolve_pronoun(first)
            verb = tok.head
            # "The talks had been requested by Biden when he spoke by phone with Netanyahu": the one
            # who acts in the clause the when-clause hangs on (its subject, or its "by" agent).
            if verb.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" and c.i < tok.i
                                            for c in verb.children) and verb.lemma_.lower() not in ARRIVAL_VERBS:
                main = verb.head
                actors = [c for c in main.children if c.dep_ == "nsubj"] + \
                    [o for a in main.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
                for actor in actors:
                    mention = self.mention_at(actor.i)
                    if mention is not None and mention.kind == PERSON and self._gender_ok(mention.iri, gender):
                        return mention.iri
            # "Biden hosted Modi for dinner after he arrived": the guest arrives.
            if verb.dep_ == "advcl" and verb.lemma_.lower() in ARRIVAL_VERBS and \
                    verb.head.lemma_.lower() in HOST_VERBS:
                for obj in verb.head.children:
                    mention = self.mention_at(obj.i) if obj.dep_ == "dobj" else None
                    if mention is not None and mention.kind == PERSON and self._gender_ok(mention.iri, gender):
                        return mention.iri
        # "Zelensky's office said he had agreed ...": the one whose office, spokesman or aide speaks.
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ccomp":
            speaker = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)
            owner = next((c for c in speaker.children if c.dep_ == "poss"), None) if speaker is not None else None
            mention = self.mention_at(owner.i) if owner is not None else None
            if mention is not None and mention.kind == PERSON and self._gender_ok(mention.iri, gender) and \
                    speaker.lemma_.lower() in ("office", "spokesman", "spokeswoman", "spokesperson", "aide",
                                               "press", "secretary", "team", "camp", "adviser", "advisor"):
                return mention.iri
        # Interlocutor rule: "when X raised it with Y, he indicated ..." -> Y answers.
        head = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass"):
            for adv in head.children:
                if adv.dep_ == "advcl" and adv.i < tok.i:
                    for prep in adv.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                            for obj in prep.children:
                                m = self.mention_at(obj.i)
                                if m and m.kind == PERSON and self._gender_ok(m.iri, gender):
                                    return m.iri
        candidates = self.persons_before(tok.i)
        # "Abbott met him": an object pronoun is never the subject of its own clause.
        clause_subjects = set()
        if tok.dep_ in ("dobj", "dative", "pobj") and tok.lower_ in ("him", "her", "them"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            # "Scholz and Macron spoke to Putin, urging him ...": a participle's subject is the
            # main clause's.
            while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and \
                    verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
                verb = verb.head
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in SINGULAR_PRONOUNS and child.i != tok.i:
                    # "where he met Putin and handed him a letter": "him" is not "he" either.
                    referent = self.resolve_pronoun(child)
                    if referent is not None:
                        clause_subjects.add(referent)
                if child.dep_ in ("nsubj", "nsubjpass"):
                    # The whole subject: "Biden aides Gonzalez and Carstens met him" is not Biden either,
                    # but someone named in a phrase inside it is ("Milei, an admirer of Trump, met him").
                    for t in child.subtree:
                        if t.i in self.token_mention and self.token_mention[t.i].kind == PERSON and \
                                not any(a.dep_ == "prep" for a in t.ancestors if child.is_ancestor(a)):
                            clause_subjects.add(self.token_mention[t.i].iri)
        if tok.dep_ == "nsubj":
            # "Meeting Shoigu and Gerasimov, he said ...": the participle's unstated subject is
            # "he", so the people it names are others.
            for adv in tok.head.children:
                if adv.dep_ == "advcl" and adv.tag_ in ("VBG", "VBN") and adv.i < tok.i and \
                        not any(c.dep_ in ("nsubj", "nsubjpass") for c in adv.children):
                    clause_subjects.update(self.token_mention[t.i].iri for t in adv.subtree
                                           if t.i in self.token_mention and self.token_mention[t.i].kind == PERSON)
            first = self.sentence_of(tok)[0]
            if first.lower_.endswith("ing") and first.tag_ in ("VBG", "NNP", "NN") and first.i < tok.i and \
                    tok.i > 0 and self.tokens[tok.i - 1].text == "," and \
                    not any(t.dep_ in ("nsubj", "nsubjpass") for t in self.tokens[first.i:tok.i]):
                # The same when the parser took the participle for a name ("Meeting Defence Minister ...").
                clause_subjects.update(self.token_mention[i].iri for i in range(first.i, tok.i)
                                       if i in self.token_mention and self.token_mention[i].kind == PERSON)
        candidates = [m for m in candidates if m.iri not in clause_subjects]
        # Every recent person competes; recency is in the score, so a subject one sentence back
        # outranks a prepositional object of this one ("During his meeting with Xi, he ...").
        pool = candidates
        scored = []
        outside = self.quote_at(tok.i) is None
        here = self.sentence_no(tok)
        role_weight = {"nsubj": 1.0, "nsubjpass": 1.0, "appos": 0.6, "dobj": 0.5, "pobj": 0.2, "poss": 0.4}
        for order, m in enumerate(pool):
            if not self._gender_ok(m.iri, gender):
                continue
            head_tok = self.tokens[m.end - 1]
            # Grammatical role, then recency: each sentence back costs more than a role difference
            # between two recent candidates.
            # A name in apposition has its noun's role ("India's water secretary, Mukherjee, told
            # her counterpart, Murtaza, ...": the secretary is the subject).
            role = head_tok.head.dep_ if head_tok.dep_ == "appos" else head_tok.dep_
            score = role_weight.get(role, 0.5) - 0.6 * (here - self.sentence_no(head_tok)) + order * 0.001
            if self.sentence_no(head_tok) < here and any(a.dep_ in ("advcl", "relcl", "acl", "ccomp") for a in head_tok.ancestors) \
                    and self._main_subject_is_a_person(head_tok):
                # A main clause's subject is what the next sentence goes on about ("Lee won an
                # election that was called after his predecessor, Yoon, was removed. He was sworn in").
                score -= 0.3
            if outside and self.quote_at(m.start) is not None:
                # Someone named inside a quote ("... another blow to Putin’s war machine”) is the
                # speaker's subject; the story's "he" goes on about those it tells of itself.
                score -= 0.5
            scored.append((score, m.iri))
        # A subject pronoun of an earlier sentence stands for its own referent: "Kishida ... He began
        # the tour in Paris, where he dined with Macron. In Rome, he and Meloni ..." keeps Kishida.
        for earlier in self._subject_pronouns_before(tok, gender):
            if earlier.i in self.pronoun_memo:
                referent = self.pronoun_memo[earlier.i]
            else:
                self.pronoun_memo[earlier.i] = None        # no cycle through this token
                referent = self.pronoun_memo[earlier.i] = self.resolve_pronoun(earlier)
            if referent is not None and referent not in clause_subjects:
                score = role_weight["nsubj"] - 0.6 * (here - self.sentence_no(earlier)) + earlier.i * 1e-5
                scored.append((score, referent))
        if not scored:
            return None
        return max(scored)[1]

    def _subject_ahead(self, tok, gender: str) -> str | None:
        """"Speaking to reporters before he left, Sullivan said ...": a pronoun in a clause that
        opens the sentence before its subject is that subject, named just after it."""
        node = tok
        while node.head.i != node.i:
            if node.dep_ == "advcl" and node.i < node.head.i:
                subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                mention = self.mention_at(subject.i) if subject is not None and subject.i > tok.i else None
                if mention is not None and mention.kind == PERSON and self._gender_ok(mention.iri, gender):
                    return mention.iri
                return None
            node = node.head
        return None

    def _main_subject_is_a_person(self, tok) -> bool:
        """Whether the subject of the main clause of ``tok``'s sentence names a person."""
        root = self.sentence_of(tok).root
        return any(t.i in self.token_mention and self.token_mention[t.i].kind == PERSON
                   for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)

    def _subject_pronouns_before(self, tok, gender: str, window_sents: int = 2) -> list:
        """Subject pronouns of ``gender`` in the sentences before ``tok``'s (within a window)."""
        here = self.sentence_no(tok)
        words = FEMALE if gender == "female" else {"he"}
        return [t for sent in self.sentences[max(0, here - window_sents):here] for t in sent
                if t.dep_ == "nsubj" and t.lower_ in words]

    def is_named_person(self, iri: str) -> bool:
        """True for a person of this document known by name (not "the official")."""
        entity = self.entity(iri)
        return entity is not None and entity.kind == PERSON and not entity.unnamed

    def _gender_ok(self, iri: str, gender: str) -> bool:
        entity = self.entity(iri)
        return entity is None or entity.gender in (None, gender)

    def resolve_group(self, tok) -> list[str]:
        """Participants of the last exchange, or the last two people mentioned.

        "The two men", "the leaders" are people: an exchange with a country in it does not fit.
        """
        here = tok.idx + self.offset
        # A meeting that did not happen is no antecedent ("Erdogan did not meet Blinken. ...
        # Netanyahu spoke after their meeting").
        earlier = [m for m in self.facts.meetings if m.evidence.start <= here and m.status not in (DENIED, CANCELLED)]
        side = self._subject_side(tok, earlier) or self._subjects_exchange(tok, earlier)
        if side:
            return side
        people_only = tok.lemma_.lower() in ("man", "woman", "leader", "president", "minister", "men", "women")
        posts = GROUP_POSTS.get(tok.lemma_.lower())
        # "The two leaders" are two: an exchange of five people is not theirs.
        count = next((NUMBER_WORDS[c.lower_] for c in tok.children
                      if c.dep_ in ("nummod", "det", "predet") and c.lower_ in NUMBER_WORDS), None)
        if count is None and tok.lower_ in NUMBER_WORDS:
            count = NUMBER_WORDS[tok.lower_]   # "spoke to the three by phone"
        if tok.lower_ == "they" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "advcl":
            # "Trump and Modi set a goal ... when they met at the White House": the main
            # clause's subjects, whatever exchange was told before.
            main = tok.head.head
            while not any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children) and main.head.i != main.i:
                main = main.head    # (the clause may hang on "concluding" in "set a goal of concluding ...")
            subjects = [t for c in main.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
                        if t.i in self.token_mention and self.token_mention[t.i].kind == PERSON]
            people = list(dict.fromkeys(self.token_mention[t.i].iri for t in subjects))
            if len(people) >= 2:
                return people
        if count == 2 and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "advcl":
            # "Truss did not discuss it with Macron when the two met on Tuesday": the two named in
            # the clause it depends on, whatever exchange was told before.
            pair = self._pair_of_main_clause(tok.head)
            if pair:
                return pair
        if tok.lemma_.lower() == "side":
            # "The two sides last met in March 2022": the story's own two parties, told in its lead.
            lead = [m for m in earlier if m.evidence.sentence == 0 and len(m.participants) == (count or 2)
                    and m.status == "held"]
            if lead:
                return list(lead[0].participants)
        if posts:
            # "The two leaders said ..." after a dinner and two ministers' talks: the last
            # exchange, however far back, between people who all hold the post.
            for meeting in reversed(earlier):
                if len(meeting.participants) >= 2 and (count is None or len(meeting.participants) == count) \
                        and all(self._holds_post(p, posts) for p in meeting.participants):
                    return list(meeting.participants)
        for meeting in reversed(earlier[-3:]):
            if len(meeting.participants) < 2:
                continue
            if count is not None and len(meeting.participants) != count:
                continue    # "the two sides" are not the three hosts of a conference
            if posts and any(self._holds_post(p, posts) is False for p in meeting.participants):
                continue    # "the two presidents" after their ministers met: not the ministers
            if people_only and any(self.entity(p) is None or self.entity(p).kind != PERSON
                                   for p in meeting.participants):
                continue    # "the two leaders" after talks between governments: the leaders' own exchange
            return list(meeting.participants)
        if tok.lemma_.lower() == "side":
            return []       # "talks between the two sides" (two armies): not the last two people named
        pair = self._coordinated_subjects_before(tok, count or 2)
        if pair:
            return pair
        # "The two presidents" are the last two presidents named, not the last two people.
        # "Biden spoke to the two men": the subject of their own clause is not one of them.
        verb = tok
        while verb.dep_ in ("pobj", "prep", "dobj", "dative") and verb.head.i != verb.i:
            verb = verb.head
        speakers = {self.token_mention[t.i].iri for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                    for t in c.subtree if t.i in self.token_mention} if verb.i != tok.i else set()
        # The paragraph's people first ("Trump has threatened ... Sheinbaum replied in a letter ...,
        # and the two leaders spoke by phone": not a leader named paragraphs before).
        start = self.text.rfind("\n\n", 0, self.token_offsets[tok.i])
        recent = self.persons_before(tok.i)
        in_paragraph = [m for m in recent if self.token_offsets[m.start] > start]
        # (anyone of the paragraph only beside one who holds the post: "the two presidents" after
        # Sullivan and Blinken spoke are not those two)
        if posts and not any(self._holds_post(m.iri, posts) for m in in_paragraph):
            in_paragraph = []
        for wanted, pool in [(w, p) for p in (in_paragraph, recent)
                             for w in ([posts] if posts else []) + [None]]:
            people: list[str] = []
            for m in reversed(pool):
                if m.iri in speakers:
                    continue
                root = self.tokens[m.end - 1]
                if root.dep_ == "appos" and root.head.lemma_.lower() in RELATIVE_NOUNS:
                    continue    # "the two leaders" are not "Xi's wife, Peng Liyuan"
                if m.iri not in people and (wanted is None or self._holds_post(m.iri, wanted)):
                    people.append(m.iri)
                if len(people) == (count or 2):     # "the three" are the last three people named
                    return people
        return []

    def _coordinated_subjects_before(self, tok, count: int) -> list[str]:
        """"Araghchi and Witkoff ... spent four hours at the embassy, while Albusaidi carried
        messages. ... the two men had also spoken directly": the last ``count`` people a sentence
        before (two at most) made the subject of one clause together."""
        here = self.sent_of[tok.i]
        for number in range(here - 1, max(here - 3, -1), -1):
            for subject in (t for t in reversed(list(self.sentences[number])) if t.dep_ in ("nsubj", "nsubjpass")):
                # The subject and the words joined to it by "and" or in apposition ("Foreign
                # Minister Abbas Araghchi and Steve Witkoff, Trump's envoy"), not those inside
                # their descriptions ("Trump's").
                group, frontier = [subject], [subject]
                while frontier:
                    frontier = [c for t in frontier for c in t.children if c.dep_ in ("conj", "appos")]
                    group += frontier
                people = list(dict.fromkeys(self.token_mention[t.i].iri for t in group if t.i in self.token_mention
                                            and self.token_mention[t.i].kind == PERSON))
                if len(people) == count and any(t.dep_ == "conj" for t in group):
                    return people
        return []

    def _pair_of_main_clause(self, clause) -> list[str]:
        """The two people named by the clause that ``clause`` depends on (its subject, shared with a
        conjoined verb, and its objects), or [] when that is not two."""
        main = clause.head
        inside = {t.i for t in clause.subtree}
        tokens = [t for t in main.subtree if t.i not in inside]
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children) and main.dep_ == "conj":
            tokens += [t for c in main.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
        people = list(dict.fromkeys(self.token_mention[t.i].iri for t in tokens
                                    if t.i in self.token_mention and self.token_mention[t.i].kind == PERSON))
        return people if len(people) == 2 else []

    def _subject_side(self, tok, earlier) -> list[str]:
        """"A's negotiators met B's delegation. ... they spent 12 hours with C": "they" meeting
        someone else are the subject's side of the last exchange, not both sides."""
        if tok.lower_ != "they" or tok.dep_ != "nsubj" or not earlier or \
                not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.head.children):
            return []
        here = self.sentence_no(tok)
        last = earlier[-1]
        if here == 0 or last.evidence.sentence != here - 1:
            return []
        root = self.sentences[here - 1].root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return []
        side = list(dict.fromkeys(self.token_mention[t.i].iri for t in subject.subtree if t.i in self.token_mention
                                  and self.token_mention[t.i].iri in last.participants))
        return side if 0 < len(side) < len(last.participants) else []

    def _subjects_exchange(self, tok, earlier) -> list[str]:
        """"Ramaphosa said after their talks", told after Xi met him and then Tinubu: "their" is
        the clause's subject and whom the subject last met."""
        if tok.lower_ != "their" or tok.dep_ != "poss":
            return []
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        mention = self.token_mention.get(subject.i) if subject is not None else None
        if mention is None or mention.kind != PERSON:
            return []
        for meeting in reversed(earlier[-4:]):
            if mention.iri in meeting.participants and len(meeting.participants) >= 2:
                return list(meeting.participants)
        return []

    def _holds_post(self, iri: str, wanted: tuple[set[str], ...]) -> bool | None:
        """Whether the article or the reference data gives ``iri`` a post with one of the ``wanted``
        word sets; None when neither gives it any post."""
        roles = self.roles_of(iri)
        for words in roles:
            if not words & {"vice", "deputy", "former"} and any(w <= words for w in wanted):
                return True
        return False if roles else None

    def roles_of(self, iri: str, conflicting: bool = True) -> list[set[str]]:
        """The words of each post the article (its conflicting claims too, unless not wanted) or
        the reference data gives ``iri`` on the article date."""
        roles = [norm(p.role) for p in self.facts.posts
                 if p.person == iri and (conflicting or p.status != "conflicting")]
        roles += [norm(p.role) for p in self.gaz.posts_on(iri, self.date)]
        return [set(r.split()) for r in roles]

    def coordinated_people(self, subject) -> list[str]:
        """People of a coordinated subject the parser tangled: "Bessent and Ukraine's first deputy
        prime minister, Yulia Svyrydenko, signed" comes out with Bessent as a possessor."""
        if not any(t.dep_ == "cc" and t.lower_ == "and" for t in subject.subtree):
            return []
        found = []
        for t in subject.subtree:
            mention = self.mention_at(t.i)
            if mention is None or mention.kind != PERSON or mention.iri in found:
                continue
            head = self.tokens[mention.end - 1].head
            if head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in _OWNED_GROUPS:
                continue    # "Biden aides Gonzalez and Carstens": Biden's people, not Biden
            node, ok = t, True
            while node.i != subject.i:
                if node.dep_ not in ("compound", "poss", "conj", "appos", "nmod", "amod", "flat") or \
                        (node.dep_ == "conj" and subject_of_next_clause(node)) or \
                        any(c.lower_ == "whose" for c in node.children):
                    ok = False      # inside "of/from ..." or a clause ("Marles, whose own leader,
                    break           # Albanese, had opened the forum"): not a party
                node = node.head
            if ok:
                found.append(mention.iri)
        return found

    def numbered_countries(self, tok) -> list[str]:
        """The countries "the three countries" / "both nations" refers to: the last N named before it.

        Only when exactly the count is known ("three", "both") and enough
        distinct countries were named earlier in the document; else nothing.
        """
        if tok.lemma_.lower() not in COUNTRY_GROUP_NOUNS or tok.tag_ not in ("NNS", "NNPS"):
            return []
        count = None
        for child in tok.children:
            if child.dep_ in ("nummod", "det", "predet", "amod", "quantmod") and child.lower_ in NUMBER_WORDS:
                count = NUMBER_WORDS[child.lower_]
        if count is None:
            return []
        # The countries of the people this sentence has named so far, when there are
        # exactly that many: "Xi is due to meet Albanese, the first talks between the
        # two countries' leaders".
        here = self.sent_of[tok.i]
        of_people = list(dict.fromkeys(
            c for m in sorted(self.mentions, key=lambda m: m.start)
            if m.kind == PERSON and m.start < tok.i and self.sent_of[m.start] == here
            for c in [self.country_of(m.iri)] if c))
        if len(of_people) == count:
            return of_people
        # ... or with the countries this sentence names: "Biden hosted the leaders of Australia,
        # India and Japan ..., and the four countries agreed".
        named_here = [m.iri for m in sorted(self.mentions, key=lambda m: m.start)
                      if m.kind == COUNTRY and m.start < tok.i and self.sent_of[m.start] == here]
        combined = list(dict.fromkeys(of_people + named_here))
        if of_people and named_here and len(combined) == count:
            return [self.ensure_country(c) for c in combined]
        # The countries of the people the rest of the sentence names, when there are exactly
        # that many: "The two governments last met in May, when Modi travelled to Berlin for
        # consultations with Scholz".
        later_people = list(dict.fromkeys(
            c for m in sorted(self.mentions, key=lambda m: m.start)
            if m.kind == PERSON and m.start > tok.i and self.sent_of[m.start] == here
            for c in [self.country_of(m.iri)] if c))
        if len(later_people) == count and not of_people:
            return later_people
        # The nearest earlier list naming exactly that many countries ("the United
        # States, Japan and the Netherlands"), else the nearest earlier exchange
        # between that many countries' people or governments.
        for m in sorted((m for m in self.mentions if m.start < tok.i and m.kind == COUNTRY),
                        key=lambda m: m.start, reverse=True):
            head = self.tokens[m.end - 1]
            if head.dep_ == "conj":
                continue    # read from the list's first member
            group = [m.iri]
            for other in _conjuncts(head):
                found = self.mention_at(other.i)
                if found is not None and found.kind == COUNTRY and found.iri not in group:
                    group.append(found.iri)
            if len(group) == count:
                return group
        for meeting in reversed(self.facts.meetings):
            if meeting.evidence.start > tok.idx + self.offset:
                continue
            countries = list(dict.fromkeys(c for c in (self.country_of(p) for p in meeting.participants) if c))
            if len(countries) == count:
                return countries
        # Else the first countries named in this sentence (before the group) and the one
        # before it: "Washington has pressed the Netherlands and Japan ... Officials from
        # the three countries ...".
        here = self.sent_of[tok.i]
        named: list[str] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.kind == COUNTRY and m.start < tok.i and here - 1 <= self.sent_of[m.start] <= here \
                    and m.iri not in named:
                named.append(m.iri)
        return named[:count] if len(named) >= count else []

    def ensure_country(self, iri: str) -> str:
        """``iri``, registered as this document's entity if it is a reference country not yet named
        (a group such as "the four countries" can include the country of a person named)."""
        ref = self.gaz.actors.get(iri)
        if self.entity(iri) is None and ref is not None and ref.kind == COUNTRY:
            self.add_entity(Entity(iri=iri, kind=COUNTRY, name=ref.name, aliases={ref.name}, in_reference=True))
        return iri

    def country_of(self, iri: str) -> str | None:
        """The country an actor belongs to (itself for a country)."""
        entity = self.entity(iri)
        if entity is None:
            return None
        if entity.kind == COUNTRY:
            return entity.iri
        return entity.country

    def anonymous(self, description: str, token) -> str:
        """An anonymous-source actor for this document."""
        from kg.rdfwriter import slug
        # Named as the text first writes it ("Diplomats said", "..., diplomats said"): what a
        # reader copying the source would write; the IRI does not depend on the case.
        description = " ".join(description.split())
        iri = f"{self.article_iri}#source-{slug(description)}"
        self.add_entity(Entity(iri=iri, kind=ANONYMOUS, name=description, aliases={description}))
        return iri

    @property
    def article_iri(self) -> str:
        """The document's IRI."""
        from kg.rdfwriter import document_iri
        return str(document_iri(self.article.doc_id))


# "Biden aides", "Kremlin officials": groups a name owns, not the name's bearer.
_OWNED_GROUPS = {"aide", "official", "envoy", "adviser", "advisor", "negotiator", "diplomat", "staffer", "lawyer",
                 "spokesman", "spokeswoman", "minister", "ally", "supporter"}
# "X hosted Y ... after he arrived": who arrives is the one received.
ARRIVAL_VERBS = {"arrive", "land", "fly", "come", "reach", "return", "travel"}
HOST_VERBS = {"host", "welcome", "receive", "greet", "meet", "invite"}


# Those named as someone's family: never one of "the two leaders" or "the two men".
RELATIVE_NOUNS = {"wife", "husband", "spouse", "son", "daughter", "brother", "sister"}
# Posts of the people a group noun names ("the two presidents", "both leaders").
GROUP_POSTS = {
    "president": ({"president"},),
    "leader": ({"president"}, {"prime", "minister"}, {"chancellor"}, {"premier"}, {"king"}, {"emir"}),
    "minister": ({"minister"}, {"secretary"}),
}


def _whole_name(doc, ent):
    """A person's name the model cut before its last word ("President Denis Sassou Nguesso" tagged
    as "Denis Sassou", its last word the head the others modify): the whole name."""
    if ent.label_ != "PERSON" or ent.end >= len(doc.tokens):
        return ent
    last, after = doc.tokens[ent.end - 1], doc.tokens[ent.end]
    if last.dep_ == "compound" and last.head.i == after.i and after.pos_ == "PROPN" and after.is_title \
            and not after.ent_type_ and after.lower_ not in TITLE_WORDS and len(ent) >= 2:
        return ParsedSpan(doc, ent.start, ent.end + 1, ent.label_)
    return ent


def _conjuncts(token) -> list:
    out = []
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and token.pos_ == "PROPN" and \
                any(c.dep_ == "conj" for c in child.children):
            # "The United States, India, Saudi Arabia, ... and the EU signed": a list whose second
            # name the parser took for an apposition of the first.
            out.append(child)
            out.extend(_conjuncts(child))
            continue
        if child.dep_ == "prep" and child.lower_ in ("along", "together") and child.i > token.i:
            # "28 countries ..., along with the EU, signed": one more member of the list.
            for with_ in child.children:
                if with_.dep_ == "prep" and with_.lower_ == "with":
                    for obj in with_.children:
                        if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN"):
                            out.append(obj)
                            out.extend(_conjuncts(obj))
            continue
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            if any(c.dep_ == "neg" for c in child.children):
                continue    # "Wang Yi but not Xi"
            if subject_of_next_clause(child):
                continue
            out.append(child)
            out.extend(_conjuncts(child))
    return out


def subject_of_next_clause(noun) -> bool:
    """"held a call with Tai and Yoon's office disclosed a letter": the parser joined "office" to
    Tai, but it is the subject of the verb right after it, a conjunct clause with no subject."""
    doc = noun.doc
    after = noun.i + 1
    if after >= len(doc):
        return False
    verb = doc[after]
    return verb.dep_ == "conj" and verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP") and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def conjuncts(token) -> list:
    """Nominal conjuncts of ``token`` ("Biden and Kishida" -> [Kishida])."""
    return _conjuncts(token)
