"""Gatherings: a meeting of many whose attendees the article names one by one.

"Foreign ministers from the Group of 20 ended a meeting in New Delhi ..." names
the meeting by its group; who was there comes later: "Jaishankar, who chaired
the meeting", "Blinken and Lavrov spoke briefly on the sidelines", "Qin Gang,
attending his first G20 meeting".  Each named person the text puts at the
gathering (chairing, hosting or attending it; on its sidelines; during or at
it) takes part in it.  Runs after the other exchanges are read; the gathering
becomes one more exchange between its attendees.
"""
from __future__ import annotations

import dataclasses
from datetime import timedelta

from kg.extract.context import DocContext, conjuncts
from kg.extract.lexicon import COUNTRY_GROUP_NOUNS, TITLE_WORDS
from kg.extract.meetings import (ACL_HOSTS, GROUP_NOUNS, _actors, _add_or_merge, _agents, _governing_verb, _place,
                                 _sentence_time, _status, _subject, _trigger, story_topics)
from kg.extract.model import COUNTRY, DENIED, HELD, ORGANIZATION, PERSON, Meeting, Topic
from kg.extract.statements import time_of
from kg.extract.topics import topics_between
from kg.rdfwriter import topic_iri, topic_label

EXTRACTOR = "kg.extract.gatherings.v1"
GATHERING_NOUNS = {"meeting", "summit", "conference", "gathering", "session", "talks"}
# Verbs that put their subject at the gathering they govern: "chaired the meeting", "attending his first G20 meeting".
ATTENDING_VERBS = {"chair", "co-chair", "attend", "host", "co-host", "join", "address"}
# Groups a gathering is of, beside officials and countries: "International donors pledged ... at a
# conference in Paris".
PLEDGING_NOUNS = {"donor", "participant", "attendee", "lender", "creditor"}
# Verbs by which a bloc's ministers or leaders met together: "EU energy ministers agreed on
# Monday to cap the price of gas".
SESSION_VERBS = {"meet", "agree", "approve", "adopt", "endorse"}
# Those a gathering had: "Lavrov was among the guests".
GUEST_NOUNS = {"guest", "attendee", "participant", "delegate", "visitor"}
# Those among whom "the other ..." puts someone at a gathering: "among the other presidents in the hall".
PEER_NOUNS = {"leader", "president", "minister", "head", "premier", "chancellor"}
# Prepositions that put a clause at the gathering: "during the meeting", "at the summit".
AT_PREPS = {"during", "at"}


def _names_gathering(tok) -> bool:
    """Whether a word names a gathering ("the talks" is lemmatised "talk" or "talks")."""
    return tok.lemma_.lower() in GATHERING_NOUNS or tok.lower_ in GATHERING_NOUNS


def add_gatherings(ctx: DocContext, topic_index: dict) -> None:
    """Find gatherings named by their group and give them the attendees the article names."""
    gatherings = [g for g in (_gathering(ctx, tok) or _group_session(ctx, tok) or _bringing_together(ctx, tok)
                              for tok in ctx.tokens) if g is not None]
    if not gatherings:
        return
    attendees: dict[int, list[str]] = {g[0].i: _speaking_after(ctx, g[0]) + _brought_together(ctx, g[0])
                                       for g in gatherings}
    for tok in ctx.tokens:
        people = _placed_at_gathering(ctx, tok)
        if not people:
            continue
        # The latest gathering named before the clause (or the first one, in its own sentence);
        # not one someone came from ("Modi, who arrived from a Quad summit ..., met Zelensky on
        # the sidelines": of the story's summit).
        before = [g for g in gatherings if (g[0].i <= tok.i or ctx.sentence_no(g[0]) == ctx.sentence_no(tok))
                  and g[0].head.lower_ != "from"]
        if tok.dep_ == "relcl" and _names_gathering(tok.head):
            # "a Quad summit that Biden hosted": that summit's, whichever came later
            before = [g for g in gatherings if g[0].i == tok.head.i and g[0].head.lower_ != "from"]
        when = time_of(ctx, tok if tok.pos_ in ("VERB", "AUX") else tok.head)
        held = before[-1][1] if before else None
        if when is not None and held is not None and (when.end < held.start - timedelta(days=2) or
                                                      when.start > held.end + timedelta(days=2)):
            continue    # "pressed Putin at their summit in Geneva in June 2021": another gathering
        if before:
            found = attendees[before[-1][0].i]
            found += [p for p in people if p not in found]
    # Two people the text says did not meet ("Modi did not hold talks with Ramaphosa") are never
    # paired by a gathering both attended: it splits around them.
    denied = {frozenset(m.participants) for m in ctx.facts.meetings if m.status == DENIED and len(m.participants) == 2}
    for noun, time in gatherings:
        for people in _apart(attendees[noun.i], denied):
            _add_gathering(ctx, topic_index, noun, time, people)
    # ... nor by a summit they are both told to have attended ("Modi and Ramaphosa attended the
    # summit").
    for summit in [m for m in ctx.facts.meetings if m.kind == "summit" and m.status == HELD]:
        groups = [g for g in _apart(summit.participants, denied) if len(g) >= 2]
        if groups != [summit.participants]:
            ctx.facts.meetings.remove(summit)
            ctx.facts.meetings.extend(dataclasses.replace(summit, participants=g) for g in groups)


def _apart(people: list[str], denied: set) -> list[list[str]]:
    """``people`` as one list, or split so that no denied pair shares one."""
    groups = [people]
    for pair in denied:
        if not pair <= set(people):
            continue
        first, second = sorted(pair)
        groups = [g for group in groups
                  for g in ([group] if not pair <= set(group) else
                            [[p for p in group if p != first], [p for p in group if p != second]])]
    return groups


def _add_gathering(ctx: DocContext, topic_index: dict, noun, time, people: list[str]) -> None:
    """One gathering held by ``people`` (two at least), told at ``noun``."""
    if len(people) < 2:
        return
    sent = ctx.sentence_of(noun)
    kind = "summit" if noun.lemma_.lower() == "summit" else "meeting"
    topics = _group_topics(noun) + topics_between(ctx, topic_index, sent.start, sent.end)
    if time is not None and ctx.date is not None and abs((ctx.date - time.end).days) <= 7:
        # The gathering the story reports: what the story is about was its business.
        topics += [t for t in story_topics(ctx, topic_index) if all(t.iri != x.iri for x in topics)]
    meeting = Meeting(kind=kind, participants=people, evidence=ctx.evidence(sent), time=time,
                      place=_place(ctx, [noun]), topics=topics,
                      status=HELD, confidence=0.6, extractor=EXTRACTOR)
    _add_or_merge(ctx, meeting)


def _group_topics(noun) -> list[Topic]:
    """The group a gathering is named by ("the BRICS summit", "a G20 meeting"): its business is
    the group's, whatever else the sentence names."""
    names = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < noun.i]
    if not names:
        # "the first summit of the European Political Community": the group named after it
        group = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                      if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
        if group is None:
            return []
        words = [t for t in noun.doc[group.left_edge.i:group.i + 1] if not (t.dep_ == "det" and t.i == group.left_edge.i)]
        text = noun.doc[words[0].i:group.i + 1].text if words else group.text
        return [Topic(iri=topic_iri(text), label=topic_label(text), in_scheme=False, text=text)]
    # The whole name ("Group of 20", not "Group"), short of the gathering's own word.
    end = max(min(c.right_edge.i, noun.i - 1) for c in names)
    text = noun.doc[min(c.left_edge.i for c in names):end + 1].text
    return [Topic(iri=topic_iri(text), label=topic_label(text), in_scheme=False, text=text)]


def _gathering(ctx: DocContext, tok):
    """(noun, time) when ``tok`` names a held meeting of a group ("Foreign ministers from the G20
    ended a meeting", "a meeting of about 50 countries", "a summit of EU leaders"); else None."""
    if not _names_gathering(tok):
        return None     # first: most tokens stop here, before the costlier _trigger
    trig = _trigger(tok)
    if trig is None and tok.lemma_.lower() == "conference" and tok.pos_ in ("NOUN", "PROPN") and \
            not any(c.lower_ in ("news", "press") for c in tok.children):
        trig = ("meeting", "noun")      # a donors' or peace conference, unlike "a news conference"
    if trig is None or trig[1] != "noun" or tok.tag_ == "NNS" and tok.lower_ != "talks":
        return None
    groups = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
              if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS")]
    governing = _governing_verb(tok)
    subject = _subject(governing) if governing is not None else None
    if subject is not None and subject.tag_ in ("NNS", "NNPS") and (
            subject.lower_ in GROUP_NOUNS or subject.lemma_.lower() in COUNTRY_GROUP_NOUNS | PLEDGING_NOUNS):
        groups.append(subject)      # "Foreign ministers from the G20 ended a meeting", "60 countries endorsed ... at the summit"
    backdrop = tok.head.lower_ == "of" and tok.head.head.lower_ == "sidelines"
    if tok.lemma_.lower() in ("summit", "conference") and any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                                              for c in tok.children) and \
            (tok.lemma_.lower() == "summit" or tok.text[0].isupper() and not backdrop):
        # (a forum named only as where two met, "on the sidelines of the Munich Security
        # Conference", is no gathering of its speakers)
        groups.append(tok)          # "the AI Action Summit", "the G20 summit", "the United Nations Ocean
                                    # Conference": a gathering by name
    phrase = _named_phrase_head(tok)
    closing = tok.lemma_.lower() in ("summit", "conference") and phrase.dep_ == "nsubj" and governing is not None \
        and governing.lemma_.lower() in ("close", "end", "open", "begin", "conclude") \
        and any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.pos_ == "PROPN")
                for c in phrase.children)   # ("The World Trade Organization's ministerial conference")
    if closing:
        groups.append(tok)          # "... said as the three-day summit closed": the story's gathering
    if not groups or _status(ctx, tok, "noun") != HELD:
        return None
    if closing and ctx.sentences:
        # Its own sentence dates other things ("invited to join from January 1"); the lead dates it.
        return tok, _sentence_time(ctx, ctx.sentences[0], future=False)
    return tok, _told_time(ctx, tok, governing)


def _told_time(ctx: DocContext, head, governing=None):
    """When a gathering was held: the time of its word or of the verb it hangs from, else of its
    sentence, else, told in the first two sentences, the lead's (the story's own event)."""
    sent = ctx.sentence_of(head)
    time = time_of(ctx, head) or (time_of(ctx, governing) if governing is not None else None) \
        or _sentence_time(ctx, sent, future=False)
    if time is None and ctx.sentences and ctx.sentence_no(sent[0]) <= 1:
        time = _sentence_time(ctx, ctx.sentences[0], future=False)
    return time


def _group_session(ctx: DocContext, verb):
    """(verb, time) when a bloc's ministers or leaders met or agreed together as the verb's
    subject ("European Union energy ministers agreed on Monday to cap ...", "agriculture
    ministers from the Group of Seven were meeting in Stuttgart"): a gathering that the
    article names by its group, whose attendees it names later ("Síkela, who chaired the
    talks"); else None."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in SESSION_VERBS:
        return None
    if lemma == "meet" and any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("with", "between"))
                               for c in verb.children):
        return None     # "ministers met their Indian counterparts": an exchange of its own
    subject = _subject(verb)
    if subject is None or subject.tag_ not in ("NNS", "NNPS") or subject.lower_ not in ("ministers", "leaders"):
        return None
    if any(c.dep_ == "nummod" or c.lower_ in ("both", "two") for c in subject.children):
        return None     # "the two ministers agreed": a pair, read as an exchange of its own
    if not _named_bloc(ctx, subject) or _status(ctx, verb, "verb") != HELD:
        return None
    return verb, time_of(ctx, verb) or _sentence_time(ctx, ctx.sentence_of(verb), future=False)


def _bringing_together(ctx: DocContext, verb):
    """(verb, time) for "The Ukraine Recovery Conference, co-hosted by Britain and Ukraine, brought
    together officials from more than 60 countries, including ...": a gathering whose hosts and
    named members the sentence gives; else None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "bring" or \
            not any(c.lower_ == "together" for c in verb.children) or _status(ctx, verb, "verb") != HELD:
        return None
    return verb, _told_time(ctx, verb)


def _brought_together(ctx: DocContext, verb) -> list[str]:
    """Who a "brought together" gathering had: the hosts named on its subject ("co-hosted by
    Britain and Ukraine") and the members listed after "including" or "among them"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "bring":
        return []
    subject = _subject(verb)
    found: list[str] = []
    if subject is not None:
        for acl in subject.subtree:
            if acl.dep_ == "acl" and acl.lemma_.lower() in ACL_HOSTS | {"organise", "organize", "convene"}:
                for agent in (c for c in acl.children if c.dep_ == "agent"):
                    for obj in (o for o in agent.children if o.dep_ == "pobj"):
                        for t in [obj, *conjuncts(obj)]:
                            found += _actors(ctx, t)
    listing = [t for t in verb.subtree if t.i > verb.i and t.dep_ == "prep" and t.lower_ in ("including", "among")]
    if listing:
        end = verb.right_edge.i
        for i in range(listing[0].i + 1, end + 1):
            mention = ctx.mention_at(i)
            if mention is not None and mention.kind in (PERSON, COUNTRY, ORGANIZATION) and \
                    (mention.kind != PERSON or ctx.is_named_person(mention.iri)) and \
                    not _inside_a_title(ctx, mention):
                found.append(mention.iri)
    return list(dict.fromkeys(found))


def _inside_a_title(ctx: DocContext, mention) -> bool:
    """"State" in "Secretary of State Antony Blinken": part of the title before a person's name."""
    tokens = ctx.tokens
    after = ctx.mention_at(mention.end) if mention.end < len(tokens) else None
    return mention.start >= 2 and tokens[mention.start - 1].lower_ == "of" and \
        tokens[mention.start - 2].lower_ in TITLE_WORDS and after is not None and after.kind == PERSON


def _named_bloc(ctx: DocContext, group) -> bool:
    """Whether a group of ministers or leaders is a bloc's by name: "EU ministers", "European
    Union energy ministers", "ministers from the Group of Seven", "G7 leaders"."""
    named = [c for c in group.children if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
    named += [o for c in group.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
              for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    for token in named:
        mention = ctx.token_mention.get(token.i)
        if mention is not None and mention.iri in ctx.gaz.blocs:
            return True
    return False


def _named_phrase_head(noun):
    """The head of the phrase a gathering noun ends: "The Group of 20 summit ... closed" is parsed
    as "Group (of (20 summit))", so the subject is "Group", and the summit hangs inside it."""
    node = noun
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "PROPN" and \
            node.head.head.is_title and all(t.pos_ in ("NUM", "PROPN") or t.i == noun.i
                                            for t in node.doc[node.head.i + 1:noun.i + 1]):
        node = node.head.head
    return node


def _speaking_after(ctx: DocContext, noun) -> list[str]:
    """"Pistorius told reporters after a meeting of about 50 countries": he was at it."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("after", "at", "during", "following"):
        return []
    governing = _governing_verb(noun)
    subject = _subject(governing) if governing is not None else None
    if subject is None:
        return []
    return [iri for iri in _actors(ctx, subject) if ctx.is_named_person(iri)]


def _named_people(ctx: DocContext, tokens) -> list[str]:
    """The named people ``tokens`` (noun phrase heads) stand for, a tangled coordination included."""
    return list(dict.fromkeys(iri for t in tokens for iri in _actors(ctx, t) + ctx.coordinated_people(t)
                              if ctx.is_named_person(iri)))


def _named_agents(ctx: DocContext, verb) -> list[str]:
    """The named people of a passive's "by" ("co-chaired by Charles Michel and Ralph Gonsalves")."""
    return _named_people(ctx, _agents(verb))


def _remotely(verb) -> bool:
    """"addressed the meeting by video", "opened it virtually": not there in person."""
    # (not in a clause joined to it: "..., and Zelensky addressed it by video")
    other = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    return any(t.lower_ in ("video", "videolink", "virtually", "remotely") for t in verb.subtree if t.i not in other)


def _another_gathering(noun) -> bool:
    """"attended a summit of the BRICS group in Kazan": a gathering of its own, told as new (not
    "the meeting", "his first G20 meeting")."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def _lists_attendees(verb) -> bool:
    """Whether "include" lists who was there: its subject is "those attending", "those who
    attended", "guests" or "participants"."""
    subject = _subject(verb)
    if subject is None:
        return False
    return subject.lemma_.lower() in GUEST_NOUNS or any(
        c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("attend", "join", "participate")
        for c in subject.children)


def _placed_at_gathering(ctx: DocContext, tok) -> list[str]:
    """Named people a clause puts at a gathering, through ``tok`` (a verb or a preposition)."""
    clause = None
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ATTENDING_VERBS and any(
            c.dep_ == "nsubjpass" and _names_gathering(c) for c in tok.children):
        # "The two-day meeting was co-chaired by Charles Michel and Ralph Gonsalves"
        return _named_agents(ctx, tok)
    if tok.pos_ == "VERB" and tok.lemma_.lower() in ATTENDING_VERBS and not any(c.dep_ == "neg" for c in tok.children) \
            and not _remotely(tok):
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        if any(_names_gathering(o) and not _another_gathering(o) for o in objects) or \
                not objects and tok.lemma_.lower() == "attend":
            clause = tok        # "attended the meeting", "... also attended"
        elif any(o.lower_ in ("which", "that") for o in objects) and tok.dep_ == "relcl" and \
                _names_gathering(tok.head):
            clause = tok        # "the summit, which Macron co-chaired with Modi"
    elif tok.pos_ == "VERB" and tok.lemma_.lower() in ("open", "close") and any(
            c.dep_ == "dobj" and (_names_gathering(c) or c.lower_ == "it") for c in tok.children) \
            and not _remotely(tok):
        clause = tok            # "Opening it, Séjourné said ...", not "Opening the meeting by video, Modi ..."
    elif tok.pos_ == "VERB" and tok.lemma_.lower() == "represent" and any(c.dep_ == "agent" for c in tok.children):
        found = [iri for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                 for iri in _actors(ctx, o)]        # "China was represented by Vice Premier Zhang Guoqing"
        return [iri for iri in found if ctx.is_named_person(iri)]
    elif tok.lemma_.lower() in ("chair", "chairman", "chairwoman", "host", "president") and tok.pos_ == "NOUN" and \
            any(c.dep_ == "poss" and _names_gathering(c) for c in tok.children):
        # "The conference's chair, UAE Minister of State Thani bin Ahmed Al Zeyoudi, said ..."
        return [iri for c in tok.children if c.dep_ == "appos" for iri in _actors(ctx, c) if ctx.is_named_person(iri)]
    elif tok.pos_ == "NOUN" and _names_gathering(tok) and \
            any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        # "The meeting, chaired by Samoan Prime Minister Fiamē Naomi Mataʻafa, was the first ..."
        return list(dict.fromkeys(iri for acl in tok.children
                                  if acl.dep_ == "acl" and acl.lemma_.lower() in ATTENDING_VERBS
                                  for iri in _named_agents(ctx, acl)))
    elif tok.pos_ == "VERB" and tok.lemma_.lower() == "include" and _lists_attendees(tok):
        # "Those attending included Scholz, Truss and Erdogan", "Guests included ...": the named
        # people of the list (not a clause joined to it: "..., while Zelensky spoke by video").
        return _named_people(ctx, [t for o in tok.children if o.dep_ == "dobj" for t in [o, *conjuncts(o)]])
    elif tok.lower_ == "sidelines" and tok.dep_ == "pobj":
        clause = _governing_verb(tok)
    elif tok.dep_ == "prep" and tok.lower_ == "among" and tok.head.pos_ in ("VERB", "AUX") and any(
            o.dep_ == "pobj" and (o.lemma_.lower() in GUEST_NOUNS or o.lemma_.lower() in PEER_NOUNS and any(
                c.dep_ == "amod" and c.lower_ == "other" for c in o.children)) for o in tok.children):
        clause = tok.head       # "..., leaving Lavrov and Wang Yi among the most prominent guests", "Petro and
                                # Fernández were among the other presidents in the hall"
    elif tok.pos_ == "VERB" and tok.lemma_.lower() == "tell" and any(
            c.dep_ in ("dobj", "dative") and _names_gathering(c) and not _another_gathering(c) for c in tok.children) \
            and not _remotely(tok):
        clause = tok            # "Lula told the summit that Cuba had been the victim of ..."
    elif tok.dep_ == "prep" and tok.lower_ in ("alongside", "beside") and \
            tok.head.lemma_.lower() in ("stand", "appear", "sit", "attend"):
        # "Ramaphosa told reporters, standing alongside Xi, Lula and Modi": all there together.
        beside = [o for o in tok.children if o.dep_ == "pobj"]
        main = tok.head.head if tok.head.dep_ in ("advcl", "xcomp", "conj") else tok.head
        found = [iri for o in beside for c in [o, *[x for x in o.subtree if x.dep_ == "conj"]]
                 for iri in _actors(ctx, c) if ctx.is_named_person(iri)]
        subject = _subject(main)
        found += [iri for iri in (_actors(ctx, subject) if subject is not None else []) if ctx.is_named_person(iri)]
        return list(dict.fromkeys(found)) if len(found) >= 2 else []
    elif tok.dep_ == "prep" and tok.lower_ in AT_PREPS and any(
            o.dep_ == "pobj" and _names_gathering(o) and any(
                d.dep_ in ("det", "poss") and d.lower_ in ("the", "his", "her", "their") for d in o.children)
            and not any(t.ent_type_ == "DATE" for t in o.subtree)
            for o in tok.children):
        # (but "at their summit in Geneva in June 2021" is a gathering of its own, at its own time)
        clause = tok.head if tok.head.pos_ in ("VERB", "AUX") else _governing_verb(tok)
    if clause is None:
        return []
    if clause.pos_ in ("VERB", "AUX") and _status(ctx, clause, "verb") != HELD:
        return []       # "He is to sit down with Biden at the first meeting on Wednesday": not yet
    found: list[str] = []
    subject = _subject(clause)
    if subject is None and clause.dep_ in ("acl", "relcl") and clause.head.pos_ in ("PROPN", "NOUN"):
        subject = clause.head       # "Qin Gang, attending his first G20 meeting, ..."
    if subject is not None and subject.lower_ in ("which", "that"):
        subject = None
    candidates = [subject] if subject is not None else []
    candidates += [c for c in clause.children if c.dep_ in ("dobj", "dative")]
    # "co-hosting the meeting with Chaves" (the "with" hung on the verb or on the meeting)
    holders = [clause, *[c for c in clause.children if c.dep_ == "dobj" and _names_gathering(c)]]
    candidates += [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                   for o in c.children if o.dep_ == "pobj"]
    # "with Costa Rica’s president, Rodrigo Chaves": the name in apposition
    candidates += [a for c in list(candidates) for a in c.children if a.dep_ == "appos"]
    for cand in candidates:
        for iri in _actors(ctx, cand) + ctx.coordinated_people(cand):
            if ctx.is_named_person(iri) and iri not in found:
                found.append(iri)
    return found
