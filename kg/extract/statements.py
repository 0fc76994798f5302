"""Statements: direct quotes and indirect speech, with the speaker resolved.

Direct quotes are found in the text ("…", "..."), and their speaker from a
reporting verb in the same sentence(s), before or after the quote.  Indirect
speech is a reporting verb ("said", "stated", "told", "indicated") with a
clausal complement, or "according to X".  Speech inside speech ("Campbell
said that ... Kishida indicated that ...") gives a statement by the inner
speaker, reported by the outer one.  A quote whose speaker the text leaves
unclear ("the author adds") is given to the last speaker quoted, with low
confidence.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from kg.dates import days_following, resolve
from kg.extract.actors import describe_actor
from kg.extract.context import DocContext, conjuncts
from kg.extract.lexicon import APPEAL_VERBS, RELAY_VERBS, REPORTING_VERBS, WEAK_REPORTING
from kg.extract.model import COUNTRY, PERSON, Statement
from kg.extract.topics import topics_between

EXTRACTOR = "kg.extract.statements.v1"
MIN_QUOTE_WORDS = 5


# Verbs that state a stance through a noun ("stressed the importance of ...").
STANCE_VERBS = {"stress", "emphasise", "emphasize", "underline", "underscore", "reiterate", "express", "voice",
                "raise", "reaffirm"}
STANCE_NOUNS = {"importance", "concern", "dissatisfaction", "opposition", "support", "commitment", "hope", "need",
                "readiness", "willingness", "desire", "regret", "objection", "alarm", "frustration", "disappointment",
                "anger", "confidence", "determination", "solidarity", "condolence", "displeasure", "gratitude"}
# "raised concerns about X" states a stance; "raised the matter with Y" only tells of an exchange.
RAISED_NOUNS = {"concern", "objection", "alarm"}
#: Verbs of judging someone, with the preposition that gives the reason ("accused X of ...").
JUDGEMENT_VERBS = {"accuse": "of", "blame": "for", "praise": "for", "commend": "for", "criticise": "for",
                   "criticize": "for", "fault": "for"}


def is_reporting_verb(tok) -> bool:
    """True for a verb that introduces speech."""
    if tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX"):
        return True
    # "with Xi warning that Taiwan remained the greatest risk": a gerund the model took for a noun
    return tok.dep_ == "pcomp" and tok.lower_.endswith("ing") and tok.lower_[:-3] in REPORTING_VERBS and \
        any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "ccomp" for c in tok.children)


# Verbs by which a relative clause says when its noun's event took place: "a letter that Trump sent
# in March", "the visit she paid in May", "the trade deal the two countries struck in July".
MAKING_VERBS = {"send", "write", "make", "pay", "hold", "have", "conduct", "sign", "strike", "reach", "seal", "agree"}


def time_of(ctx: DocContext, head, exclude: set[int] = frozenset(), future: bool = False):
    """The resolved time attached to ``head`` (a DATE entity in its clause, outside ``exclude``)."""
    edges = None    # the clause's first and last token, looked up once a date is in question
    for ent in ctx.time_ents:
        if ent.start in exclude:
            continue
        if ent.start > 0 and ctx.tokens[ent.start - 1].lower_ in ("since", "until", "till", "by", "before"):
            continue  # "since January 2021" bounds a period; it dates nothing
        if ent.root.head.lower_ == "of" and ent.root.head.head.i != head.i and ent.root.head.head.pos_ in ("NOUN", "PROPN"):
            continue  # "a visit since the attack of Oct. 7" dates the attack ("the meeting of May 3" stays)
        if ent.text.isdigit() and ent.root.dep_ in ("nummod", "compound", "amod") and \
                ent.root.head.pos_ in ("NOUN", "PROPN") and ent.root.head.i != head.i:
            continue  # "signed ... under the 2022 CHIPS Act", "the 2030 target": a name or a measure, not a date
        if edges is None:
            edges = head.left_edge.i, head.right_edge.i
        if not (edges[0] <= ent.start and ent.end - 1 <= edges[1]):
            continue
        # The date must hang from this predicate, not from a clause inside it
        # ("since Scholz took office in December" dates the taking office).
        node, ok = ent.root, True
        while node.i != head.i:
            if node.dep_ == "relcl" and node.head.i == head.i and head.pos_ in ("NOUN", "PROPN") and \
                    node.lemma_.lower() in MAKING_VERBS:
                node = node.head    # "a letter that Trump sent in March", "the visit he made in May"
                continue
            if node.dep_ in ("ccomp", "relcl", "advcl", "xcomp", "acl", "conj", "pcomp") or node.head.i == node.i:
                ok = False
                break
            node = node.head
        if not ok:
            continue
        span = _month_of_the_year_told(ctx, ent) or resolve(ent.text, ctx.date, future=future)
        if span:
            return _days_after_it(ctx, ent, span)
    return None


def _days_after_it(ctx: DocContext, ent, span):
    """"days after the disputed Oct. 26 election": the days that followed the date, not the date."""
    return days_following(span, [t.lower_ for t in ctx.tokens[max(ent.start - 6, 0):ent.start]])


_THAT_MONTH = re.compile(r"(?:in )?that (january|february|march|april|may|june|july|august|september|october|"
                         r"november|december)")


def _month_of_the_year_told(ctx: DocContext, ent):
    """"that May", after "in February last year": May of the year the text was telling of."""
    text = " ".join(ent.text.lower().split())
    if ent.start > 0 and ctx.tokens[ent.start - 1].lower_ == "that":
        text = "that " + text   # (the model often leaves "that" out of the date)
    m = _THAT_MONTH.fullmatch(text)
    if m is None or ctx.date is None:
        return None
    for earlier in reversed([e for e in ctx.time_ents if e.end <= ent.start]):
        told = resolve(earlier.text, ctx.date)
        if told is not None and told.granularity in ("day", "month") and told.start.year == told.end.year:
            return resolve(m.group(1), dt.date(told.start.year, 12, 31))
    return None


# What a speaker tells, besides people: "told a news conference that ...".
AUDIENCE_NOUNS = {"conference", "briefing", "meeting", "session", "audience", "summit", "forum", "parliament",
                  "assembly", "rally", "gathering", "hearing", "committee", "crowd", "council"}


def _content_of(verb):
    """The clause a reporting verb introduces: its ccomp, or a that-clause the parser hung elsewhere."""
    for child in verb.children:
        if child.dep_ in ("ccomp",) and child.i > verb.i:
            return child
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    # "summoned the ambassador and told him the visit was egregious, the ministry said": the
    # parser hangs what he was told on the outer "said"; it is the clause right after "him".
    if any(c.dep_ == "dative" for c in verb.children) and verb.right_edge.i + 1 < len(verb.doc):
        after = verb.doc[verb.right_edge.i + 1]
        for node in [after, *after.ancestors]:
            if node.dep_ == "ccomp" and node.left_edge.i == after.i and node.head.i > node.i and \
                    is_reporting_verb(node.head):
                return node
    # "Hungary will buy jets, Orbán said": the reported clause is the verb's head (but not in
    # "summoned the ambassador and told him ...", two deeds of one subject).
    if verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and \
            not any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children):
        return verb.head
    # "stated at a think-tank event that X ..." is often parsed as a relative clause of "event".
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.dep_ not in ("relcl", "acl", "advcl"):
            continue
        if any(c.lower_ == "that" and c.i < tok.i and c.dep_ in ("mark", "nsubj") for c in tok.children) and \
                not (tok.dep_ == "relcl" and not any(c.dep_ == "mark" for c in tok.children) and
                     sum(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) == 1):
            # (but "the duty on steel that has applied since March": "that" is the duty itself)
            # ("told a closing news conference that members had achieved ...": the audience told)
            path_ok = all(a.dep_ in ("prep", "pobj", "relcl", "acl", "advcl") or
                          (a.dep_ == "dobj" and a.lemma_.lower() in AUDIENCE_NOUNS) for a in _path(tok, verb))
            if path_ok:
                return tok
    return None


def _path(tok, top):
    node = tok
    out = []
    while node.i != top.i and node.head.i != node.i:
        out.append(node)
        node = node.head
    return out


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.dep_ != "expl":
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head    # "Jaishankar, who said they had discussed ...": its antecedent
            return child
    # "..., telling Dutch television that ...": a participle shares its head verb's subject.
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ in ("VBG", "VBN") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    # "... sent a letter to Biden urging him not to back the accord": the letter's writers urge.
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in ("letter", "message", "note") and \
            verb.head.head.pos_ in ("VERB", "AUX") and verb.head.dep_ == "dobj":
        return _subject(verb.head.head)
    # "..., Prime Minister Viktor Orbán said": the parser often hangs the name on the
    # clause before; the name right before a reporting verb is its subject.
    if verb.i > 0 and is_reporting_verb(verb):
        before = verb.doc[verb.i - 1]
        if before.pos_ == "PROPN" or before.lower_ in ("he", "she", "they"):
            return before
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                return obj
    # "Bessent, speaking separately, called the talks constructive": a name the parser took for
    # an adverb, opening the clause before the verb.
    opening = next((c for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.text[:1].isupper()
                    and c.i == verb.left_edge.i and c.i + 1 < verb.i and c.doc[c.i + 1].text == ","), None)
    if opening is not None:
        return opening
    # "..., said X" inversions and conjoined verbs share the first verb's subject.
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def _clause_text(ctx: DocContext, head, skip_mark: bool = True, verb=None) -> tuple[int, int]:
    tokens = sorted(head.subtree, key=lambda t: t.i)  # non-projective parses yield out of order
    if verb is not None and head.i < verb.i and verb.head.i == head.i:
        # Inverted report: keep the clause before the reporting verb's own words.
        cut = min(t.i for t in verb.subtree)
        tokens = [t for t in tokens if t.i < cut]
    while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if") and skip_mark
                      or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return head.idx, head.idx + len(head.text)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def speaker_text(ctx: DocContext, verb, speaker: str | None = None) -> str | None:
    """The words naming the speaker of ``verb`` when it is not a named person ("China's commerce ministry")."""
    from kg.extract.actors import _noun_phrase
    subject = _subject(verb)
    if subject is None or subject.pos_ == "PRON":
        return None
    entity = ctx.entity(speaker) if speaker else None
    if entity is None or (entity.kind == "person" and not entity.unnamed) or entity.kind == "country":
        return None
    if subject.lemma_.lower() in DOCUMENT_NOUNS:
        return entity.name      # "the statement said": the joint statement introduced before
    phrase_words = [t.lower_ for t in subject.subtree if t.i <= subject.i and t.dep_ != "det"]
    if entity.kind == "anonymous" and len(phrase_words) == 1 and phrase_words[0] in entity.name.lower().split() \
            and entity.name.lower() != phrase_words[0]:
        # "the person said" after "A person involved in the negotiations ...": as first introduced.
        return entity.name.split(" ", 1)[1] if entity.name.lower().startswith(("the ", "a ", "an ")) else entity.name
    if entity.kind == "person" and entity.unnamed and len(phrase_words) == 1:
        # "the official said" after "a senior European official": named as first introduced.
        name = entity.name.split(" ", 1)[1] if entity.name.lower().startswith(("the ", "a ", "an ")) else entity.name
        if name.lower().endswith(phrase_words[0]) and name.lower() != phrase_words[0]:
            return name
    for child in subject.children:
        mention = ctx.mention_at(child.i) if child.dep_ == "appos" else None
        if mention is not None and mention.iri == speaker:
            return entity.name      # "Ukraine's state nuclear company, Energoatom, said": Energoatom
    mention = ctx.mention_at(subject.i)
    if entity.kind == "organization" and mention is not None and mention.via == "description" and \
            subject.lemma_.lower() == "company":
        return entity.name          # "The German company said", after "Siemens Energy": the company
    phrase = _noun_phrase(ctx, subject, as_written=True)
    # "A US official said": the source is "US official" (the article is the sentence's, not its name).
    phrase = phrase.split(" ", 1)[1] if phrase.lower().startswith(("the ", "a ", "an ")) else phrase
    if entity.name.endswith("'s " + " ".join(phrase.split()[1:])) and phrase.split()[0].lower() in ("his", "her"):
        return entity.name          # "His office said": Wickremesinghe's office
    if len(phrase.split()) == 1 and entity.kind == "organization" and len(entity.name.split()) > 1 and \
            entity.name.split()[-1].lower() == phrase.lower():
        return entity.name          # "The Commission said", after "the European Commission"
    # As the text writes it ("Diplomats said ...", "..., diplomats said"): what a reader quoting
    # the source would write.
    return phrase


def _speaker_of(ctx: DocContext, verb, quote_speaker: str | None = None) -> tuple[str | None, float]:
    subject = _subject(verb)
    if subject is None:
        return None, 0.0
    # "one of them said": one of the group named just before.
    one_of_them = subject.lower_ in ("one", "some", "several", "both", "two", "three") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ == "them" for o in c.children) for c in subject.children)
    if (subject.lower_ == "they" or one_of_them) and ctx.facts.statements:
        # "Japanese officials said ... They said ...": the group that spoke just before, not the
        # last two people named.
        last = ctx.facts.statements[-1]
        entity = ctx.entity(last.speaker)
        if entity is not None and entity.kind == "anonymous" and 0 <= ctx.sentence_no(verb) - last.evidence.sentence <= 1:
            return last.speaker, 0.75
    if subject.lemma_.lower() in DOCUMENT_NOUNS and subject.pos_ == "NOUN" and subject.i not in ctx.token_mention:
        # "The communique said", "the joint statement also said": the text speaks for its
        # authors, and is named as the article names it.
        return ctx.anonymous(_document_name(ctx, subject), subject), 0.7
    found = describe_actor(ctx, subject, quote_speaker)
    if not found and verb.dep_ == "conj" and verb.head.dep_ == "advcl" and subject.i < verb.head.i and \
            verb.head.head.pos_ in ("VERB", "AUX"):
        # "Biden spoke to Netanyahu on Saturday, hours after the attack began, and told him ...":
        # the parser joined "told" to the time clause; its subject is the main clause's.
        return _speaker_of(ctx, verb.head.head, quote_speaker)
    if not found:
        return None, 0.0
    via = ctx.mention_at(subject.i).via if ctx.mention_at(subject.i) else "description"
    confidence = {"name": 0.9, "gazetteer": 0.9, "surname": 0.9, "pronoun": 0.75}.get(via, 0.7)
    if subject.lower_ in ("he", "she"):
        confidence = 0.75
    return found[0], confidence


#: Texts that "say" things for their authors.
DOCUMENT_NOUNS = {"statement", "communique", "communiqué", "declaration", "readout", "memorandum"}


def _document_name(ctx: DocContext, noun) -> str:
    """The document's name with its modifiers ("joint statement"), taken from where the
    article first introduced it when this mention is bare ("The statement said")."""
    def words(tok) -> list:
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i and not c.ent_type_]
        return [*mods, tok]

    own = words(noun)
    if len(own) == 1:
        lemma = noun.lemma_.lower()
        for earlier in reversed(ctx.tokens[:noun.i]):
            if earlier.lemma_.lower() == lemma and len(words(earlier)) > 1:
                own = words(earlier)
                break
    return " ".join(t.lower_ for t in own)


def extract_statements(ctx: DocContext, topic_index: dict) -> None:
    """Find direct and indirect statements; append them to ``ctx.facts.statements``."""
    doc = ctx.doc
    used_verbs: set[int] = set()
    statements = ctx.facts.statements
    last_speaker: str | None = None
    last_quote_end: int | None = None

    # Direct quotes, in text order, so that "the author adds" can fall back on the previous speaker.
    for quote in ctx.quotes:
        first, last = doc[quote.tok_start], doc[max(quote.tok_end - 1, quote.tok_start)]
        speaker, confidence, verb = attribute_quote(ctx, quote)
        if verb is not None and _embedded(ctx, _content_of(verb), quote) or _inside_report(ctx, quote, first):
            continue    # "said “democracy is in our DNA” and that ...": part of the indirect report
        attributed = speaker is not None
        short = len(quote.text.split()) < MIN_QUOTE_WORDS
        if verb is not None and not short:
            used_verbs.add(verb.i)
        if short:
            # Scare quotes ("very productive") are no statement, but "“Deal!” X wrote." names
            # the speaker of the quote that follows.
            if speaker is not None and verb is not None and verb.i > quote.tok_end:
                last_speaker, last_quote_end = speaker, ctx.sentence_no(last)
            continue
        continuation = (verb is None and last_speaker is not None and last_quote_end is not None
                        and ctx.sentence_no(first) - last_quote_end <= 1)
        if continuation and statements and statements[-1].direct and statements[-1].speaker == last_speaker \
                and ctx.sentence_no(first) - last_quote_end == 1 and not _reporting_in(ctx, ctx.sentence_of(first), quote):
            # A quote running on from the previous one, in the next sentence: one statement.
            statements[-1].text = f"{statements[-1].text} {quote.text.strip()}"
            last_quote_end = ctx.sentence_no(last)
            continue
        if speaker is None and verb is None:
            speaker, confidence = _previous_sentence_speaker(ctx, first)
        if speaker is None and last_speaker is not None:
            if continuation:
                speaker, confidence = last_speaker, 0.8
            else:
                # The text does not say who (or says "the author"): the last quoted speaker, flagged.
                speaker, confidence = last_speaker, 0.35
        if speaker is None:
            continue
        sent = ctx.sentence_of(verb) if verb is not None else ctx.sentence_of(first)
        span = resolve_time_for(ctx, verb) if verb is not None else None
        statements.append(Statement(
            speaker=speaker, text=quote.text.strip(), direct=True, verb=verb.text if verb is not None else "",
            speaker_text=speaker_text(ctx, verb, speaker) if verb is not None and attributed else None,
            evidence=ctx.span_evidence(sent[0], min(sent.start_char, quote.start - 1), max(sent.end_char, quote.end + 1))
            if ctx.sentence_of(first).start != ctx.sentence_of(last).start else ctx.evidence(sent),
            time=span, topics=topics_between(ctx, topic_index, quote.tok_start, quote.tok_end),
            confidence=confidence * _speaker_weight(ctx, speaker), extractor=EXTRACTOR))
        last_speaker = speaker
        last_quote_end = ctx.sentence_no(last)
        carrier = len(statements) - 1
        _nested(ctx, topic_index, quote.tok_start, quote.tok_end, speaker, carrier, used_verbs, quote_speaker=speaker)

    # Indirect speech.
    for tok in ctx.tokens:
        if tok.i in used_verbs or not is_reporting_verb(tok) or ctx.quote_at(tok.i):
            continue
        if tok.lemma_.lower() == "ask":
            continue    # a question asked states nothing; "“...,” Macron asked" is read with its quote
        content = _content_of(tok)
        if content is None:
            continue
        if _not_said(tok, content):
            continue  # "have not said whether she will meet ...": nothing was stated
        if tok.lemma_.lower() in WEAK_REPORTING and not (content.dep_ == "ccomp" and content.head.i == tok.i):
            continue  # "urge parliament to ratify", "complaining that" only with a real complement
        lo, hi = content.left_edge.i, content.right_edge.i + 1
        if any(q.tok_start < hi and lo < q.tok_end and len(q.text.split()) >= MIN_QUOTE_WORDS
               and not _embedded(ctx, content, q) for q in ctx.quotes):
            continue  # the complement is a direct quote, handled above
        outer = _outer_speaker(ctx, tok)
        speaker, confidence = _speaker_of(ctx, tok)
        if speaker is None:
            continue
        used_verbs.add(tok.i)
        start, end = _clause_text(ctx, content, verb=tok)
        start = _earlier_that_clause_start(ctx, tok, content, start)
        end = _conjoined_end(ctx, tok, content, end)
        end = _close_quote(ctx.text, start, end)
        relayed = _relayed_speaker(ctx, content, speaker)
        if relayed is not None:
            # "Scholz urged Putin to ..., his spokesman said": Scholz's words, relayed.
            outer, speaker = speaker, relayed
            used_verbs.add(content.i)
        statements.append(Statement(
            speaker=speaker, text=ctx.text[start:end], direct=False, verb=tok.text, speaker_text=speaker_text(ctx, tok, speaker),
            evidence=ctx.evidence(ctx.sentence_of(tok)), time=resolve_time_for(ctx, tok, content if content.i > tok.i else None),
            topics=topics_between(ctx, topic_index, lo, hi), reported_by=outer,
            confidence=confidence * (0.85 if outer else 1.0) * _verb_weight(tok) * _speaker_weight(ctx, speaker),
            extractor=EXTRACTOR))
        # "The two ministers also said ...", "Biden and Kishida said ...": each of them said it.
        subject = _subject(tok)
        group = ctx.entity(speaker) is not None and ctx.entity(speaker).kind == "anonymous"
        if relayed is None and subject is not None and not group:
            others = describe_actor(ctx, subject)[1:]
            others += [p for p in ctx.coordinated_people(subject) if p not in others]
            # "Mali and Burkina Faso said ...", "India, Indonesia and South Africa had resisted ...,
            # arguing that ...": each country of the list said it too.
            others += [p for c in conjuncts(subject) for p in describe_actor(ctx, c)
                       if p not in others and ctx.entity(p) is not None and ctx.entity(p).kind == COUNTRY]
            for other in others:
                entity = ctx.entity(other)
                if entity is not None and entity.kind in (PERSON, COUNTRY) and other != speaker and \
                        all(s.speaker != other or s.text != statements[-1].text for s in statements):
                    copy = dataclasses.replace(statements[-1], speaker=other, speaker_text=None)
                    statements.append(copy)
        if ctx.facts.entities.get(speaker) and ctx.facts.entities[speaker].kind == PERSON:
            last_speaker = speaker

    # "X urged Y to ...", "X called on Y to ...": an appeal, reported as speech.
    for tok in ctx.tokens:
        if tok.i in used_verbs or tok.lemma_.lower() not in APPEAL_VERBS or tok.pos_ != "VERB" or ctx.quote_at(tok.i):
            continue
        xcomp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
        is_call = tok.lemma_.lower() == "call"
        addressee = appeal_on(tok) if is_call else any(c.dep_ == "dobj" for c in tok.children)
        if xcomp is None or not addressee:
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        speaker, confidence = _speaker_of(ctx, tok)
        if speaker is None:
            continue
        used_verbs.add(tok.i)
        statements.append(_statement_to(ctx, topic_index, tok, xcomp.subtree, speaker, confidence * 0.8,
                                        resolve_time_for(ctx, tok)))

    # "X called the law a global first", "X described the plan as ...": a characterisation.
    for tok in ctx.tokens:
        if tok.i in used_verbs or tok.lemma_.lower() not in ("call", "describe", "brand", "label", "dub", "welcome", "hail"):
            continue
        if any(c.dep_ == "oprd" and ctx.mention_at(c.i) is not None for c in tok.children):
            continue    # "called Chinese President Xi Jinping": a phone call, not a name for something
        if not any(c.dep_ in ("oprd",) for c in tok.children) and not (
                tok.lemma_.lower() in ("describe", "welcome", "hail") and any(c.lower_ == "as" and c.dep_ == "prep"
                                                                             for c in tok.children)) and \
                not _quoted_name_after_object(ctx, tok):
            continue
        if not any(c.dep_ == "dobj" and c.lower_ not in ("whom", "who", "which", "what", "that") for c in tok.children):
            continue    # "Zelensky, whom he calls illegitimate": a name for someone, said in passing
        if tok.lemma_.lower() in ("welcome", "hail") and any(
                c.dep_ == "dobj" and (ctx.mention_at(c.i) is not None or c.lemma_.lower() in ("guest", "visitor"))
                for c in tok.children):
            continue    # "welcomed Modi to the White House": a host's greeting, not a judgement
        speaker, confidence = _speaker_of(ctx, tok)
        if speaker is None:
            continue
        statements.append(_statement_to(ctx, topic_index, tok, (t for t in tok.subtree if t.i >= tok.i), speaker,
                                        confidence * 0.9, time_of(ctx, tok), named_as_written=False))

    # "Trump accused China of violating the deal", "Biden commended Modi for his message of
    # peace": a judgement said of someone.
    for tok in ctx.tokens:
        if tok.i in used_verbs or tok.pos_ != "VERB" or tok.lemma_.lower() not in JUDGEMENT_VERBS or ctx.quote_at(tok.i):
            continue
        judged = next((c for c in tok.children if c.dep_ == "dobj"), None)
        # "accused Tunisian authorities of abusing migrants": the parser often hangs the reason
        # on the person judged.
        reason = next((c for c in [*tok.children, *(judged.children if judged is not None else ())]
                       if c.dep_ == "prep" and c.lower_ == JUDGEMENT_VERBS[tok.lemma_.lower()]
                       and any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)
        if judged is None or reason is None:
            continue
        speaker, confidence = _speaker_of(ctx, tok)
        if speaker is None:
            continue
        used_verbs.add(tok.i)
        statements.append(_statement_to(ctx, topic_index, tok,
                                        (t for t in tok.subtree if tok.i <= t.i <= reason.right_edge.i), speaker,
                                        confidence * 0.85, resolve_time_for(ctx, tok)))

    # "Biden stressed the importance of peace across the Taiwan Strait", "raised concerns about
    # China's support for Russia", "expressed strong dissatisfaction": a stance stated, reported
    # without a clause.
    for tok in ctx.tokens:
        if tok.i in used_verbs or tok.pos_ != "VERB" or tok.lemma_.lower() not in STANCE_VERBS or ctx.quote_at(tok.i):
            continue
        nouns = STANCE_NOUNS if tok.lemma_.lower() != "raise" else RAISED_NOUNS
        stance = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)
        if stance is None or any(c.dep_ == "neg" for c in tok.children):
            continue
        subject = _subject(tok)
        if subject is None or subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we") or \
                any(a.dep_ == "ccomp" for a in [tok, *tok.ancestors]):
            continue    # "the two leaders underscored ...": a joint account, its teller's; "She added
                        # that the EU had raised its concerns": part of what she said
        speaker, confidence = _speaker_of(ctx, tok)
        if speaker is None:
            continue
        used_verbs.add(tok.i)
        statements.append(_statement_to(ctx, topic_index, tok, (t for t in stance.subtree if t.i > tok.i), speaker,
                                        confidence * 0.8, resolve_time_for(ctx, tok)))

    # "according to X, ..."
    for tok in ctx.tokens:
        if tok.lower_ != "according":
            continue
        objs = [o for c in tok.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
        if not objs:
            continue
        source = objs[0]
        document = None
        if source.lemma_.lower() in ("statement", "report", "readout", "account", "transcript", "release", "summary"):
            # "according to a White House statement": the statement's author
            owners = [c for c in source.children if c.dep_ in ("compound", "poss", "nmod")
                      or (c.dep_ == "amod" and c.ent_type_)]
            if not owners and source.lemma_.lower() in DOCUMENT_NOUNS:
                document = source   # "according to a joint statement": the text itself
            source = owners[-1] if owners else source
        found = [ctx.anonymous(_document_name(ctx, document), document)] if document is not None else \
            describe_actor(ctx, source)
        if not found:
            continue
        clause = tok.head
        if clause.i in used_verbs or any(a.i in used_verbs for a in tok.ancestors):
            # "Xi told Blinken that ..., according to CCTV": the statement is Xi's,
            # already read; the broadcaster only relays it.
            continue
        skip = set(t.i for t in tok.subtree)
        tokens = sorted((t for t in clause.subtree if t.i not in skip and not t.is_punct), key=lambda t: t.i)
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        from kg.extract.actors import _noun_phrase
        named = ctx.mention_at(source.i)
        said_as = None if named is not None and named.kind == "person" and named.via != "description" else \
            _noun_phrase(ctx, source, as_written=True)
        if document is not None:
            said_as = ctx.entity(found[0]).name
        if said_as and said_as.lower().startswith(("the ", "a ", "an ")):
            said_as = said_as.split(" ", 1)[1]
        statements.append(Statement(
            speaker=found[0], text=ctx.text[start:end], direct=False, verb="according to", speaker_text=said_as,
            evidence=ctx.evidence(ctx.sentence_of(tok)), topics=topics_between(ctx, topic_index, tokens[0].i, tokens[-1].i + 1),
            confidence=0.8, extractor=EXTRACTOR))


#: How often a report through each kind of verb was a statement a reader would list, as
#: measured on the development corpus: "said" and "told" nearly always; other reporting
#: verbs less often; "complaining that", "vowed", a newspaper "reported" least.
PLAIN_REPORTING = {"say", "tell", "write", "state", "add"}


def _verb_weight(verb) -> float:
    """How much the reporting verb itself vouches for a statement (see PLAIN_REPORTING)."""
    lemma = verb.lemma_.lower()
    if lemma in PLAIN_REPORTING:
        return 1.0
    if lemma in WEAK_REPORTING or verb.tag_ == "VBG":
        return 0.75     # "complaining that", "writing that", "vowed": often background
    return 0.9


def _speaker_weight(ctx: DocContext, speaker: str) -> float:
    """Countries as speakers ("Washington has argued") are metonyms, less often a statement."""
    entity = ctx.entity(speaker)
    return 0.85 if entity is not None and entity.kind == "country" else 1.0


def appeal_on(verb) -> bool:
    """"called on Israel to ...": "call on" an actor, with what they are asked to do (not "on Tuesday")."""
    if verb.lemma_.lower() != "call" or not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "on" and
               any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children)
               for c in verb.children)


def _earlier_that_clause_start(ctx: DocContext, verb, content, start: int) -> int:
    """Extend reported content back over a first "that" clause the parser hung elsewhere: "Xi told
    reporters after the talks that the relationship was “hard-won” and that both sides should
    cherish it" (the first clause read as a relative clause of "talks")."""
    mark = next((c for c in content.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None or mark.i == 0 or ctx.tokens[mark.i - 1].lower_ not in ("and", "but"):
        return start
    first = ctx.tokens[mark.i - 1].head
    first_mark = next((c for c in first.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if first.i == content.i or first_mark is None or not verb.i < first_mark.i < mark.i or \
            first.right_edge.i < mark.i - 2:
        return start
    return ctx.tokens[first_mark.i + 1].idx


def _conjoined_end(ctx: DocContext, verb, content, end: int) -> int:
    """Extend reported content over a subjectless verb the parser hung on the reporting verb.

    "Peskov told reporters that Moscow had prepared for such a step and was
    analysing it": "analysing" continues the content, not Peskov's telling.
    """
    for other in verb.children:
        if other.dep_ == "ccomp" and other.i > content.right_edge.i and verb.i < content.i:
            # "said that A and B had agreed ... to ensure X, eliminate Y and prevent Z": the parser
            # made the later verbs a second complement of "said"; the report runs on through them.
            words = [t for t in other.subtree if not t.is_punct]
            if is_reporting_verb(other):
                # "... but that X, state media reported": the report's words, not its relayer.
                words = [t for c in other.children if c.dep_ == "ccomp" and c.i < other.i
                         for t in c.subtree if not t.is_punct]
            if words:
                end = max(end, max(t.idx + len(t.text) for t in words))
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i <= content.right_edge.i:
            continue
        # "said that he was disappointed, but that the government would ...": a second reported clause.
        that_clause = any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
        if (any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children) and not that_clause) or \
                is_reporting_verb(conj):
            break
        between = ctx.tokens[content.right_edge.i + 1:conj.left_edge.i]
        joiners = ("and", ",", "but") if that_clause else ("and", ",")
        if not between or any(t.lower_ not in joiners for t in between):
            break
        words = [t for t in sorted(conj.subtree, key=lambda t: t.i) if t.i >= conj.left_edge.i]
        while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
            words = words[:-1]
        if words:
            end = max(end, words[-1].idx + len(words[-1].text))
        break
    return end


def _quoted_name_after_object(ctx: DocContext, verb) -> bool:
    """"called the release “extremely selfish and irresponsible”": a quoted name right after the
    object of "call", which the parser often reads as the object's own modifiers."""
    if verb.lemma_.lower() != "call":
        return False
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.i + 1 < len(ctx.tokens) and ctx.tokens[obj.i + 1].text in ("“", '"') and \
                ctx.quote_at(obj.i + 2) is not None:
            return True
    return False


def _statement_to(ctx: DocContext, topic_index: dict, verb, tokens, speaker: str, confidence: float, time,
                  named_as_written: bool = True) -> Statement:
    """An indirect statement from ``verb`` to the last of ``tokens`` (trailing punctuation left out);
    ``named_as_written`` also records the words naming a speaker that is not a named person."""
    words = sorted(tokens, key=lambda t: t.i)
    while words and words[-1].is_punct:
        words = words[:-1]
    end = words[-1]
    return Statement(
        speaker=speaker, text=ctx.text[verb.idx:end.idx + len(end.text)], direct=False, verb=verb.text,
        speaker_text=speaker_text(ctx, verb, speaker) if named_as_written else None,
        evidence=ctx.evidence(ctx.sentence_of(verb)), time=time,
        topics=topics_between(ctx, topic_index, verb.i, end.i + 1), confidence=confidence, extractor=EXTRACTOR)


def _relayed_speaker(ctx: DocContext, content, speaker: str) -> str | None:
    """The person whose speech act the content reports ("Scholz urged ...", said by a spokesman)."""
    if content.lemma_.lower() not in RELAY_VERBS or content.pos_ != "VERB":
        return None
    subject = _subject(content)
    # "He described the talks as candid, Xinhua reported": a personal pronoun names the person
    # relayed; "it", "they" and the like do not.
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ not in ("he", "she")):
        return None
    found = describe_actor(ctx, subject)
    if not found or found[0] == speaker:
        return None
    entity = ctx.entity(found[0])
    return found[0] if entity is not None and entity.kind == PERSON and not entity.unnamed else None


def _embedded(ctx: DocContext, content, quote) -> bool:
    """True when a quote is only part of a reported clause: "told reporters that he expected
    Tesla to be in India “as soon as humanly possible”" is one indirect statement."""
    if content is None:
        return False
    # The quote's own closing comma or stop ("... defeats of Moscow,” noting") hangs from the
    # reporting verb, outside the clause: the words are what must lie inside it.
    end = quote.tok_end
    while end - 1 > quote.tok_start and ctx.tokens[end - 1].is_punct:
        end -= 1
    if not (content.left_edge.i <= quote.tok_start and end <= content.right_edge.i + 1):
        return False
    outside = [t for t in content.subtree if not (quote.tok_start <= t.i < quote.tok_end)
               and not t.is_punct and not t.is_quote and not (t.dep_ == "mark" and t.lower_ == "that")]
    return len(outside) >= 3


def _close_quote(text: str, start: int, end: int) -> int:
    """``end`` moved past the closing mark of a quote the clause opens but does not close
    (the clause ends at "Moscow" in "... was “one of the biggest defeats of Moscow,” noting")."""
    if text.count("“", start, end) > text.count("”", start, end):
        close = text.find("”", end, end + 3)
        if close != -1:
            return close + 1
    return end


def _inside_report(ctx: DocContext, quote, first) -> bool:
    """True when the quote is part of the clause another reporting verb of its sentence reports
    ("said that the end of transit was “one of the biggest defeats of Moscow,” noting that ...")."""
    for verb in ctx.sentence_of(first):
        if verb.i < quote.tok_start and is_reporting_verb(verb) and _embedded(ctx, _content_of(verb), quote):
            return True
    return False


def _not_said(verb, content) -> bool:
    """A reporting verb that reports nothing: negated, or opening an open question."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subject = _subject(verb)
    if subject is not None and (subject.lower_ in NOBODY or
                                any(c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in subject.children)):
        return True     # "Neither leader said how the purchase would be paid for": nobody said it
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in content.children)


NOBODY = {"nobody", "neither", "none", "noone"}


def _reporting_in(ctx: DocContext, sent, quote) -> bool:
    return any(is_reporting_verb(t) and not (quote.tok_start <= t.i < quote.tok_end) for t in sent)


def _previous_sentence_speaker(ctx: DocContext, token) -> tuple[str | None, float]:
    """A quote standing alone after "X wrote on social media." / "X told reporters:"."""
    sent_no = ctx.sentence_no(token)
    for sent in ctx.sentences:
        if ctx.sentence_no(sent[0]) == sent_no - 1:
            verbs = [t for t in sent if is_reporting_verb(t) and not ctx.quote_at(t.i) and _content_of(t) is None]
            for verb in reversed(verbs):
                speaker, confidence = _speaker_of(ctx, verb)
                if speaker:
                    return speaker, min(confidence, 0.75)
    return None, 0.0


def attribute_quote(ctx: DocContext, quote):
    """(speaker, confidence, reporting verb) of a direct quote, from the nearest reporting verb
    outside it in the sentence(s) the quote touches; (None, 0, None) when there is none."""
    doc = ctx.doc
    first, last = doc[quote.tok_start], doc[max(quote.tok_end - 1, quote.tok_start)]
    candidates = []
    for sent in {ctx.sentence_of(first).start: ctx.sentence_of(first), ctx.sentence_of(last).start: ctx.sentence_of(last)}.values():
        for tok in sent:
            if quote.tok_start <= tok.i < quote.tok_end or not is_reporting_verb(tok):
                continue
            distance = min(abs(tok.i - quote.tok_start), abs(tok.i - quote.tok_end))
            candidates.append((distance, tok))
    if not candidates:
        return _characterising_speaker(ctx, quote)
    verb = min(candidates, key=lambda c: c[0])[1]
    speaker, confidence = _speaker_of(ctx, verb)
    return speaker, confidence, verb


#: Verbs whose object or complement a speaker words: "compared the veto to “destroying a CCTV ...”".
CHARACTERISING_VERBS = {"compare", "liken", "describe", "call", "dismiss", "brand", "label", "term", "dub"}


def _characterising_speaker(ctx: DocContext, quote):
    """(speaker, confidence, verb) for a quote that is the words a person put to something, with no
    reporting verb in its sentence: "Hwang compared the veto to “destroying a CCTV to avoid being
    caught red-handed.”"; (None, 0, None) otherwise."""
    inside = range(quote.tok_start, quote.tok_end)
    for tok in ctx.doc[quote.tok_start:quote.tok_end]:
        if tok.head.i in inside or tok.head.i == tok.i:
            continue
        verb = next((a for a in tok.ancestors if a.i not in inside and a.pos_ == "VERB"), None)
        if verb is None or verb.lemma_.lower() not in CHARACTERISING_VERBS:
            continue
        speaker, confidence = _speaker_of(ctx, verb)
        if speaker is not None:
            return speaker, confidence * 0.8, verb
    return None, 0.0, None


def resolve_time_for(ctx: DocContext, verb, content=None):
    """Time of a speech act: a date hanging from the reporting verb, outside what was said."""
    exclude = set()
    if content is not None:
        exclude = {t.i for t in content.subtree}
    return time_of(ctx, verb, exclude)


def _outer_speaker(ctx: DocContext, verb) -> str | None:
    """The speaker of a reporting verb that governs ``verb`` (speech inside speech)."""
    node = verb
    while node.head.i != node.i:
        node = node.head
        if is_reporting_verb(node) and node.i != verb.i:
            speaker, _ = _speaker_of(ctx, node)
            return speaker
    return None


def _nested(ctx: DocContext, topic_index, lo: int, hi: int, outer: str, carrier: int, used: set[int],
            quote_speaker: str | None) -> None:
    """Statements reported inside a quote ("he indicated that ..."), attributed to the inner speaker."""
    doc = ctx.doc
    for tok in doc[lo:hi]:
        if tok.i in used or not is_reporting_verb(tok) or tok.lemma_.lower() in WEAK_REPORTING:
            continue
        subject = _subject(tok)
        if subject is None or subject.lower_ in ("i", "we", "you"):
            continue
        content = _content_of(tok)
        if content is None:
            continue
        found = describe_actor(ctx, subject, quote_speaker)
        if not found or found[0] == outer:
            continue
        used.add(tok.i)
        start, end = _clause_text(ctx, content)
        statements = ctx.facts.statements
        meeting_time = None
        for m in reversed(ctx.facts.meetings):
            if found[0] in m.participants:
                meeting_time = m.time
                break
        statements.append(Statement(
            speaker=found[0], text=ctx.text[start:end], direct=False, verb=tok.text,
            evidence=ctx.evidence(ctx.sentence_of(tok)), time=meeting_time, reported_by=outer, quoted_in=carrier,
            topics=topics_between(ctx, topic_index, content.left_edge.i, content.right_edge.i + 1),
            confidence=0.6 if subject.pos_ == "PRON" else 0.75, extractor=EXTRACTOR))
