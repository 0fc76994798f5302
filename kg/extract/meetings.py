"""Meetings, talks, calls, visits, summits, signings and letters.

A trigger is a verb ("met", "discussed ... with", "talked with", "called",
"visited", "hosted", "signed") or a noun ("talks with", "their meeting",
"a phone call"); its participants come from the parse (subject, object,
"with"/"between" phrases, conjuncts, possessives), resolved through the
document's mentions and coreference.  Each exchange gets a kind, a status
(held, planned, cancelled, denied: only held ones are answered as having
happened), a resolved date, a place and topics.  Mentions of one exchange in
several sentences are merged.
"""
from __future__ import annotations

from kg.dates import TimeSpan
from kg.extract.actors import describe_actor, place_of
from kg.extract.context import DocContext, conjuncts
from kg.extract.lexicon import (ANAPHORIC_TOPICS, CANCEL_VERBS, MEETING_NOUNS, MEETING_VERBS, MODAL_FUTURE,
                                PLAN_ADJECTIVES, PLAN_VERBS)
from kg.extract.model import CANCELLED, COUNTRY, DENIED, HELD, PERSON, PLANNED, Meeting, Topic
from kg.extract.statements import _speaker_of, is_reporting_verb, time_of
from kg.extract.topics import topics_between, topics_of_phrase

EXTRACTOR = "kg.extract.meetings.v1"
LIGHT_VERBS = {"hold", "have", "conclude", "begin", "start", "resume", "attend", "join", "wrap", "open",
               "launch", "continue", "host", "conduct", "make", "pay", "complete"}
TOPIC_PREPS = {"about", "on", "over", "regarding", "concerning", "including"}
PLACE_PREPS = {"in", "at"}
PROCESS_NOUNS = {"talks", "consultations", "negotiations", "discussions", "dialogue", "consultation", "negotiation"}
GROUP_NOUNS = {"officials", "delegations", "representatives", "negotiators", "diplomats", "leaders", "ministers",
               "governments", "counterparts", "envoys", "delegates"}


def _trigger(tok) -> tuple[str, str] | None:
    """(kind, "verb"|"noun") when ``tok`` can name an exchange."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    nominal = tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "appos", "npadvmod")
    if low in PROCESS_NOUNS and nominal:
        return MEETING_NOUNS[low], "noun"  # "talks" is often tagged as a verb
    if tok.pos_ in ("VERB",) and lemma in MEETING_VERBS and MEETING_VERBS[lemma]:
        return MEETING_VERBS[lemma], "verb"
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "appos", "ROOT", "npadvmod", "compound") \
            and (tok.pos_ in ("NOUN", "PROPN") or low in PROCESS_NOUNS):
        if tok.dep_ == "compound" and low not in ("summit",):
            return None
        prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if low in ("call", "calls", "conference") and prev in ("phone", "video", "telephone"):
            return "call", "noun"
        if low in MEETING_NOUNS:
            return MEETING_NOUNS[low], "noun"
        if lemma in MEETING_NOUNS and lemma not in ("talk",):
            return MEETING_NOUNS[lemma], "noun"
    return None


def _status(ctx: DocContext, tok, kind_of: str) -> str | None:
    """held / planned / cancelled / denied, or None when the text leaves it open ("whether they met")."""
    node = tok
    chain = [tok]
    while node.head.i != node.i and node.dep_ in ("xcomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass",
                                                   "ccomp", "conj", "advcl", "acl", "relcl", "aux", "attr"):
        node = node.head
        chain.append(node)
        if is_reporting_verb(node):
            break
    for n in chain:
        for child in n.children:
            if child.dep_ == "mark" and child.lower_ in ("whether", "if") and n.i != chain[-1].i:
                return None
    verb = tok if kind_of == "verb" else (tok.head if tok.dep_ in ("dobj", "nsubjpass", "nsubj") else None)
    # Negation on the predicate: "did not discuss", "no talks were held".
    for v in [x for x in (verb, tok) if x is not None]:
        if any(c.dep_ == "neg" for c in v.children):
            return DENIED
    if kind_of == "noun" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return DENIED
    # Cancelled: "cancelled the meeting", "the visit was postponed".
    if kind_of == "noun" and tok.head.lemma_.lower() in CANCEL_VERBS:
        return CANCELLED
    # Plans and modality.
    for v in [x for x in (verb, tok) if x is not None]:
        if any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in v.children):
            return PLANNED
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and v.head.lemma_.lower() in PLAN_VERBS | {"be"}:
            return PLANNED
        head = v.head
        if v.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in PLAN_VERBS:
            return PLANNED
        if v.dep_ == "xcomp" and head.lemma_.lower() in CANCEL_VERBS:
            return CANCELLED
    if kind_of == "noun" and any(c.lower_ in PLAN_ADJECTIVES for c in tok.children if c.dep_ == "amod"):
        return PLANNED
    return HELD


def _with_objects(tok) -> list:
    objs = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "between", "among", "to"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    objs.append(obj)
    return objs


def _subject(tok):
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if tok.dep_ in ("conj", "xcomp") and tok.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head)
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return None


def _actors(ctx: DocContext, tok, speaker: str | None = None) -> list[str]:
    """Actors named by a noun phrase, with "officials from Japan and the Netherlands" read as countries."""
    if tok.lower_ in GROUP_NOUNS or tok.lemma_.lower() in GROUP_NOUNS:
        countries = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for obj in child.children:
                    for o in [obj, *conjuncts(obj)]:
                        m = ctx.mention_at(o.i)
                        if m and m.kind == COUNTRY:
                            countries.append(m.iri)
            if child.dep_ in ("amod", "compound", "nmod"):
                for o in [child, *[c for c in child.children if c.dep_ == "conj"]]:
                    m = ctx.mention_at(o.i)
                    if m and m.kind == COUNTRY:
                        countries.append(m.iri)
        if countries:
            return list(dict.fromkeys(countries))
    found = []
    for t in [tok, *conjuncts(tok)]:
        for iri in describe_actor(ctx, t, speaker):
            entity = ctx.entity(iri)
            if entity is not None and iri not in found:
                found.append(iri)
    return found


def _topics_for(ctx: DocContext, index: dict, heads: list) -> list[Topic]:
    topics: list[Topic] = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
                for obj in child.children:
                    if obj.dep_ in ("pobj", "pcomp"):
                        for t in topics_of_phrase(ctx, index, obj):
                            if all(t.iri != x.iri for x in topics):
                                topics.append(t)
    return topics


def _place(ctx: DocContext, heads: list):
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and (child.lower_ in PLACE_PREPS or (child.lower_ == "to" and head.lemma_ in ("visit", "trip"))):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = place_of(ctx, obj)
                        if found:
                            return found
    return None


def _enclosing_speaker(ctx: DocContext, tok) -> str | None:
    node = tok
    while node.head.i != node.i:
        node = node.head
        if is_reporting_verb(node):
            speaker, _ = _speaker_of(ctx, node)
            return speaker
    return None


def extract_meetings(ctx: DocContext, topic_index: dict) -> None:
    """Find exchanges between actors; append them (merged) to ``ctx.facts.meetings``."""
    doc = ctx.doc
    # The topic under discussion, for "discussed the issue": the lead sentence's topics, then
    # each exchange's explicit subject ("talks about X").
    first = next(iter(doc.sents), None)
    discourse_topics: list[Topic] = _sentence_topics(ctx, topic_index, first) if first is not None else []
    consumed: set[int] = set()
    for sent in doc.sents:
        for tok in sent:
            if tok.i in consumed:
                continue
            trig = _trigger(tok)
            if trig is None:
                continue
            kind, kind_of = trig
            status = _status(ctx, tok, kind_of)
            if status is None:
                continue
            heads = [tok]
            participants: list[str] = []
            confidence = 0.85
            speaker = ctx.quote_at(tok.i) and _quote_speaker(ctx, tok)
            if kind_of == "verb":
                subject = _subject(tok)
                if subject is not None:
                    participants += _actors(ctx, subject, speaker)
                objects = _with_objects(tok)
                for child in tok.children:
                    if child.dep_ == "dobj":
                        if _trigger(child) and child.lower_ in MEETING_NOUNS:
                            heads.append(child)
                            consumed.add(child.i)
                            objects += _with_objects(child)
                        elif tok.lemma_.lower() in ("meet", "host", "receive", "welcome", "visit", "call", "phone", "telephone"):
                            objects.append(child)
                        else:
                            objects += _with_objects(child)
                for obj in objects:
                    participants += [p for p in _actors(ctx, obj, speaker) if p not in participants]
                if tok.lemma_.lower() in ("speak", "talk") and not any(c.lower_ in ("phone", "telephone") for c in tok.subtree):
                    kind = "talks" if tok.lemma_.lower() == "talk" else "meeting"
                if tok.lemma_.lower() in ("discuss", "raise") and not objects and len(participants) < 2:
                    continue
                # Exchanges mentioned in an adverbial ("during their meeting on Friday") are this one.
                for sub in tok.subtree:
                    if sub.i != tok.i and sub.dep_ == "pobj" and _trigger(sub) and sub.head.head.i == tok.i:
                        heads.append(sub)
                        consumed.add(sub.i)
            else:
                if tok.head.lemma_.lower() in LIGHT_VERBS | {"be"} and tok.dep_ in ("dobj", "attr"):
                    heads.insert(0, tok.head)
                    subject = _subject(tok.head)
                    if subject is not None:
                        participants += _actors(ctx, subject, speaker)
                for child in tok.children:
                    if child.dep_ == "poss":
                        participants += [p for p in _actors(ctx, child, speaker) if p not in participants]
                    if child.dep_ in ("compound", "amod", "nmod"):
                        m = ctx.mention_at(child.i)
                        if m and m.kind == COUNTRY and m.iri not in participants:
                            participants.append(m.iri)
                for obj in _with_objects(tok):
                    participants += [p for p in _actors(ctx, obj, speaker) if p not in participants]
                if len(participants) == 1 and tok.lower_ in PROCESS_NOUNS:
                    # "talks with the US" said by a Dutch official: the speaker's country is the other party.
                    implied = _enclosing_speaker(ctx, tok)
                    party = ctx.country_of(implied) if implied else None
                    if party and party not in participants:
                        participants.append(party)
                        confidence = 0.6
                if not participants and ctx.facts.meetings and tok.i not in consumed:
                    det = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
                    if det and det[0] in ("the", "their", "these", "those"):
                        previous = ctx.facts.meetings[-1]
                        if tok.lower_ in PROCESS_NOUNS and det[0] == "the":
                            # "the consultations": the governments behind the last exchange.
                            countries = list(dict.fromkeys(c for c in (ctx.country_of(p) for p in previous.participants) if c))
                            if len(countries) >= 2 and set(countries) != set(previous.participants):
                                participants = countries
                                confidence = 0.45
                        else:
                            # "During the meeting, ...": more about the last exchange.
                            for t in topics_between(ctx, topic_index, sent.start, sent.end):
                                if all(t.iri != x.iri for x in previous.topics):
                                    previous.topics.append(t)
                            previous.extra_evidence.append(ctx.evidence(sent))
                            continue
            participants = list(dict.fromkeys(participants))
            if len(participants) < 2:
                continue
            time = None
            for head in heads:
                time = time or time_of(ctx, head, future=status == PLANNED)
            if time and ctx.date and time.start > ctx.date and status == HELD:
                status = PLANNED
            topics = _topics_for(ctx, topic_index, heads)
            explicit = bool(topics)
            anaphoric = any(c.dep_ == "dobj" and c.lemma_.lower() in ANAPHORIC_TOPICS for h in heads for c in h.children)
            if not topics and anaphoric:
                topics = list(discourse_topics)
            elif not topics:
                topics = topics_between(ctx, topic_index, sent.start, sent.end) or list(discourse_topics if confidence < 0.6 else [])
            if any(ctx.mention_at(t.i) and ctx.mention_at(t.i).via in ("description",) for t in sent):
                confidence -= 0.1
            meeting = Meeting(kind=kind, participants=participants, evidence=ctx.evidence(sent), time=time,
                              place=_place(ctx, heads), topics=topics, status=status,
                              confidence=confidence, extractor=EXTRACTOR)
            _add_or_merge(ctx, meeting)
            if explicit:
                discourse_topics = topics


def _sentence_topics(ctx: DocContext, index: dict, sent) -> list[Topic]:
    return topics_between(ctx, index, sent.start, sent.end)


def _quote_speaker(ctx: DocContext, tok) -> str | None:
    return None


def _overlaps(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _add_or_merge(ctx: DocContext, meeting: Meeting) -> None:
    """Merge with an earlier mention of the same exchange (same people, compatible time, same status)."""
    for known in ctx.facts.meetings:
        if set(known.participants) != set(meeting.participants) or known.status != meeting.status:
            continue
        if not _overlaps(known.time, meeting.time):
            continue
        if meeting.time and (known.time is None or
                             (meeting.time.end - meeting.time.start) < (known.time.end - known.time.start)):
            known.time = meeting.time
            known.evidence, meeting.evidence = meeting.evidence, known.evidence
            known.kind = meeting.kind if meeting.kind != "talks" else known.kind
        known.extra_evidence.append(meeting.evidence)
        for t in meeting.topics:
            if all(t.iri != x.iri for x in known.topics):
                known.topics.append(t)
        known.place = known.place or meeting.place
        known.confidence = min(0.95, max(known.confidence, meeting.confidence) + 0.05)
        # Keep the merged exchange last: it is the one "the meeting" refers to next.
        ctx.facts.meetings.remove(known)
        ctx.facts.meetings.append(known)
        return
    ctx.facts.meetings.append(meeting)
