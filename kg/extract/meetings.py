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

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import timedelta

from kg.dates import (DAY, TimeSpan, counts_from_the_story, days_after, days_before, days_before_the_story,
                      names_days_earlier, names_days_later, resolve, same_day_as_told, same_month_as_told,
                      same_time_as_before)
from kg.extract.actors import describe_actor, place_of, role_holder
from kg.extract.context import DocContext, conjuncts, subject_of_next_clause
from kg.extract.lexicon import (ANAPHORIC_TOPICS, CANCEL_VERBS, COUNTRY_GROUP_NOUNS, DISPOSITION_ADJECTIVES, MEETING_NOUNS,
                                MEETING_VERBS, MODAL_FUTURE, PARTICIPATION_VERBS, PERSON_NOUNS, PLAN_ADJECTIVES, PLAN_VERBS,
                                REFUSAL_VERBS, SOURCE_NOUNS, TITLE_WORDS)
from kg.gazetteer import norm
from kg.rdfwriter import topic_iri, topic_label
from kg.extract.model import CANCELLED, COUNTRY, DENIED, HELD, ORGANIZATION, PERSON, PLANNED, Meeting, Topic
from kg.extract.statements import _speaker_of, appeal_on, is_reporting_verb, time_of
from kg.extract.topics import admits_new_members, topics_between, topics_of_phrase

EXTRACTOR = "kg.extract.meetings.v1"
LIGHT_VERBS = {"hold", "have", "conclude", "begin", "start", "resume", "attend", "join", "wrap", "open",
               "launch", "continue", "host", "conduct", "make", "pay", "complete"}
TOPIC_PREPS = {"about", "on", "over", "regarding", "concerning", "including"}
PLACE_PREPS = {"in", "at"}
PROCESS_NOUNS = {"talks", "consultations", "negotiations", "discussions", "dialogue", "consultation", "negotiation"}
# "struck a deal with", "reached an agreement with": a negotiated outcome between the parties.
DEAL_VERBS = {"strike", "reach", "seal", "clinch", "conclude", "hammer", "finalise", "finalize", "ink"}
DEAL_NOUNS = {"deal", "agreement", "accord", "pact", "truce", "ceasefire", "compromise", "understanding", "memorandum"}
# Verbs whose negation keeps the exchange under them from happening: "was not allowed to see".
ENABLING_VERBS = {"allow", "permit", "manage", "let"}
# Exchange verbs whose dated present tense is a schedule ("meets Xi on Thursday").
SCHEDULE_VERBS = {"meet", "visit", "host", "hold", "travel", "receive", "welcome", "sign", "talk", "attend"}
# Travel verbs whose present tense announces a schedule ("flies to Cairo on Saturday for talks").
TRAVEL_VERBS = {"fly", "travel", "head", "go", "leave", "depart", "visit", "continue", "move", "return"}
GROUP_NOUNS = {"officials", "delegations", "representatives", "negotiators", "diplomats", "leaders", "ministers",
               "governments", "counterparts", "envoys", "delegates", "authorities", "nations", "members", "states",
               "economies", "advisers", "advisors"}


# Every word (lower case or lemma) for which _trigger can return an exchange: checked
# first, since _trigger looks at every token of a document and most are none of these.
_TRIGGER_WORDS = frozenset(PROCESS_NOUNS | set(MEETING_VERBS) | set(MEETING_NOUNS) | DEAL_VERBS | {
    "sit", "see", "spend", "exchange", "lodge", "file", "deliver", "register", "conference", "appearance",
    "call", "calls", "press", "join", "put", "bring", "welcome", "contact", "appear", "carry", "convey", "tell"})


def _trigger(tok) -> tuple[str, str] | None:
    """(kind, "verb"|"noun") when ``tok`` can name an exchange."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low not in _TRIGGER_WORDS and lemma not in _TRIGGER_WORDS:
        return None
    nominal = tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "appos", "npadvmod")
    if low in PROCESS_NOUNS and nominal:
        return MEETING_NOUNS[low], "noun"  # "talks" is often tagged as a verb
    if tok.pos_ in ("VERB",) and lemma in MEETING_VERBS and MEETING_VERBS[lemma]:
        if lemma == "call" and (any((c.dep_ == "prt" and c.lower_ == "off") or (c.dep_ == "prep" and c.lower_ == "for")
                                    for c in tok.children) or appeal_on(tok)):
            return None     # "called off a meeting", "called for talks", "called on X to": no phone call
        if lemma == "call" and any((c.dep_ == "oprd" and c.ent_type_ != "PERSON" and (
                c.pos_ in ("NOUN", "ADJ") or c.pos_ == "PROPN" and any(d.dep_ == "det" for d in c.children)))
                                   or (c.dep_ == "dobj" and c.lower_ == "what") for c in tok.children):
            return None     # "called Britain “our closest ally”", "set out what they called the Nairobi-Washington
                            # Vision", "a joint text they called the Brasília Consensus": a name, not a phone call
        return MEETING_VERBS[lemma], "verb"
    if lemma == "join" and tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children) and \
            _joined_by(tok):
        # "Biden was joined at the event by Mehrotra, Schumer and Hochul"; "hosted the call, which
        # was joined by Biden, Scholz and Sunak"
        remote = tok.dep_ == "relcl" and tok.head.lemma_.lower() == "call"
        return ("call" if remote else "meeting"), "verb"
    if lemma == "join" and tok.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in tok.children) and any(
            c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children) and not any(
            c.dep_ == "prep" and any(o.dep_ == "pobj" and o.lower_ in MEETING_NOUNS for o in c.children)
            for c in tok.children):
        # "Ricks and Doustdar joined Trump in the Oval Office for the announcement" (but "joined
        # Macron and Merz in a phone call with Trump" is the call's, read from its noun)
        return "meeting", "verb"
    if lemma == "press" and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.ent_type_ in (
            "GPE", "ORG", "PERSON", "NORP") or c.lemma_.lower() in ("administration", "government")) for c in tok.children):
        return "talks", "verb"      # "France and Germany pressed the Biden administration to ...": they made their case to it
    if lemma == "welcome" and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and \
            tok.head.lemma_.lower() in ("give", "accord", "extend") and _givers(tok.head):
        return "meeting", "noun"    # "was given a ceremonial welcome ... by President Murmu and Modi"
    if lemma == "bring" and tok.pos_ == "VERB" and any(
            p.dep_ == "prep" and p.lower_ == "to" and any(o.lemma_.lower() == "table" for o in p.children)
            for p in tok.children) and any(c.dep_ == "dobj" for c in tok.children):
        return "meeting", "verb"    # "brought the two leaders to the same table"
    if lemma == "put" and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("name", "signature")
                                                     for c in tok.children) and \
            any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return "signing", "verb"    # "put their names to the agreement"
    if lemma == "sit" and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
        return "meeting", "verb"    # "sat down with He Lifeng"
    if lemma == "sit" and any(c.lower_ in ("across", "opposite") for c in tok.children):
        return "talks", "verb"      # "sat across from a Chinese delegation": the other side of the table
    if tok.pos_ == "VERB" and lemma in ("see", "visit") and any(
            c.dep_ == "dobj" and c.lower_ in ("other", "another") and
            any(d.lower_ in ("each", "one") for d in c.children) for c in tok.children):
        return "meeting", "verb"    # "Sunak and von der Leyen last saw each other ten days ago in Munich"
    if tok.pos_ == "VERB" and lemma == "see" and not any(c.dep_ in ("ccomp", "oprd", "xcomp") or c.lower_ == "as"
                                                         for c in tok.children) and any(
            c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or any(a.dep_ == "appos" and a.ent_type_ == "PERSON"
                                                                 for a in c.children)) for c in tok.children):
        return "meeting", "verb"    # "He also saw Lebanon's prime minister, Najib Mikati" (not "saw him as")
    if tok.pos_ == "VERB" and lemma == "spend" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("day", "hour", "minute", "evening", "morning", "afternoon",
                                                       "time", "week") for c in tok.children) and _with_objects(tok, deep=True, preps=("with",)):
        # "spent two days in Bangkok with Wang Yi", "spent 80 minutes on the phone with Putin"
        return ("call" if any(t.lower_ in ("phone", "telephone") for t in tok.subtree) else "meeting"), "verb"
    if tok.pos_ == "VERB" and lemma == "exchange" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("view", "opinion", "idea", "note", "letter", "message")
            for c in tok.children):
        return "talks", "verb"      # "exchanged views on Taiwan"
    if tok.pos_ == "VERB" and lemma in ("lodge", "file", "deliver", "register") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("protest", "complaint", "demarche", "démarche")
            and any(p.dep_ == "prep" and p.lower_ == "with" for p in c.children) for c in tok.children):
        return "meeting", "verb"    # "lodged a formal protest with the US embassy": a diplomatic exchange
    if tok.pos_ == "VERB" and lemma == "tell" and any(
            c.dep_ in ("dobj", "dative") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in ("guest", "visitor"))
            for c in tok.children) and any(
            p.dep_ == "prep" and p.lower_ in ("in", "at") and any(
                o.dep_ == "pobj" and o.ent_type_ in ("GPE", "FAC", "LOC") for o in p.children)
            for p in tok.children):
        return "meeting", "verb"    # "Xi told Rutte in Beijing on Wednesday that ...": face to face
    if tok.pos_ == "VERB" and lemma in ("deliver", "carry", "convey") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("message", "warning") for c in tok.children) and any(
            p.dep_ in ("prep", "dative") and p.lower_ == "to" and any(
                o.dep_ == "pobj" and o.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for o in p.children)
            for p in tok.children):
        return "talks", "verb"      # "Blinken carried the same message to Xi in Beijing"
    if tok.pos_ == "VERB" and lemma in DEAL_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in DEAL_NOUNS for c in tok.children):
        return "talks", "verb"      # "struck a trade deal with Japan": the parties negotiated
    if tok.pos_ == "VERB" and lemma in DEAL_VERBS and tok.dep_ == "relcl" and tok.head.lemma_.lower() in DEAL_NOUNS \
            and any(c.dep_ == "nsubj" for c in tok.children):
        return "talks", "verb"      # "the deal Trump struck with von der Leyen at his golf resort"
    if tok.pos_ == "VERB" and lemma in DEAL_VERBS and any(
            c.dep_ == "nsubjpass" and c.lemma_.lower() in DEAL_NOUNS for c in tok.children) and \
            any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children):
        return "talks", "verb"      # "The agreement was struck between the Parliament and the member states"
    if lemma == "appear" and tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return "meeting", "verb"    # "Both chief executives appeared with Trump in the Oval Office"
    if lemma == "contact" and tok.pos_ == "NOUN" and nominal and \
            any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children):
        return "talks", "noun"      # "..., the first high-level contact between the two countries since 2022"
    if lemma == "conference" and tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in ACL_HOSTS and \
            any(c.dep_ == "agent" for c in tok.head.children):
        return "meeting", "noun"    # "The conference was co-hosted by France, the African Union and Gavi"
    if lemma in ("conference", "appearance") and nominal and \
            any(c.dep_ == "amod" and c.lower_ == "joint" for c in tok.children) and \
            any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return "meeting", "noun"    # "told a joint news conference with his guest": they appeared together
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


def _host_of_joined_event(verb, subject):
    """Who hosted the event "which was joined by" the others ("Kishida hosted the call, which was
    joined by Biden ..."): the subject of the verb whose object the event is."""
    if verb.lemma_.lower() != "join" or verb.dep_ != "relcl" or subject is None or \
            not (subject.lower_ in ("which", "that") or subject.i == verb.head.i):
        return None
    event, governing = verb.head, verb.head.head
    if event.dep_ != "dobj" or governing.lemma_.lower() not in ACL_HOSTS:
        return None
    return _subject(governing)


def _joins_the_exchange_told(ctx: DocContext, event, meeting: Meeting) -> bool:
    """"the call, which was joined by A, B and C", after "G7 leaders held a video call with
    Zelensky": the people named are in the exchange told just before, for the group that stood
    for them.  True when ``meeting`` was added to it."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "that") for c in event.children):
        return False
    told = _exchange_told_before(ctx, meeting, meeting.kind, same_sentence=False)
    people = [p for p in meeting.participants if ctx.entity(p) is not None and ctx.entity(p).kind == PERSON]
    if told is None or len(people) < 2:
        return False
    told.participants = [p for p in told.participants if ctx.entity(p) is None or ctx.entity(p).kind != ORGANIZATION]
    _add_to_exchange(told, meeting)
    told.confidence = max(told.confidence, meeting.confidence)
    return True


_AGAIN = re.compile(r"\band (?:again|then|once more)\b", re.IGNORECASE)


def _days_again(ctx: DocContext, sent, status: str) -> list:
    """The two days of "on Sunday and again on Tuesday", when a sentence dates its exchange so."""
    if status != HELD:
        return []
    dates = [e for e in ctx.ents_in(sent) if e.label_ == "DATE"]
    if len(dates) != 2 or not _AGAIN.search(ctx.text[dates[0].end_char:dates[1].start_char]):
        return []
    days = [resolve(e.text, ctx.date) for e in dates]
    return days if all(d is not None and d.is_day for d in days) else []


def _exchange_told_before(ctx: DocContext, meeting: Meeting, kind: str, same_sentence: bool) -> Meeting | None:
    """The last held exchange of ``kind`` told in the two sentences before ``meeting``'s (or in its own)."""
    here = meeting.evidence.sentence
    lowest = 0 if same_sentence else 1
    return next((m for m in reversed(ctx.facts.meetings) if m.status == HELD and m.kind == kind
                 and lowest <= here - m.evidence.sentence <= 2), None)


def _add_to_exchange(told: Meeting, meeting: Meeting) -> None:
    """``meeting``'s parties join the exchange ``told``, which it reports again."""
    told.participants += [p for p in meeting.participants if p not in told.participants]
    told.extra_evidence.append(meeting.evidence)


def _representatives(party) -> list:
    """Who spoke for a party: "the European Parliament, represented by lawmakers A and B" -> A, B."""
    return [n for acl in party.children if acl.dep_ == "acl" and acl.lemma_.lower() == "represent"
            for o in _agents(acl)
            for n in [o, *conjuncts(o)]]


def _taking_part(party) -> list:
    """"..., with Breton taking part for the Commission": one more party at the table."""
    return [who for w in party.children if w.dep_ == "prep" and w.lower_ == "with"
            for verb in w.children if verb.dep_ == "pcomp" and verb.lemma_.lower() in ("take", "join", "attend")
            and (verb.lemma_.lower() != "take" or any(c.lower_ == "part" for c in verb.children))
            for who in verb.children if who.dep_ == "nsubj"]


def _people_around(ctx: DocContext, verb) -> list[str]:
    """For a verb the parser took for a modifier ("Starmer hosted A and B at Lancaster House",
    with "Starmer" a noun and "hosted" an adjective): the person named right before it and the
    people named after it, up to the first place, time or purpose phrase."""
    before = ctx.mention_at(verb.i - 1) if verb.i > 0 else None
    if before is None or before.kind != PERSON:
        return []
    people = [before.iri]
    sent_end = ctx.sentence_of(verb).end
    i = verb.i + 1
    while i < sent_end:
        mention = ctx.mention_at(i)
        if mention is not None:
            if mention.kind == PERSON and mention.iri not in people:
                people.append(mention.iri)
            i = max(i + 1, mention.end)
            continue
        if ctx.tokens[i].lower_ in ("at", "in", "on", "for", "to", "from", "after", "before") or ctx.tokens[i].is_punct \
                and ctx.tokens[i].text != ",":
            break
        i += 1
    return people if len(people) > 1 else []


def _signed_as_witnesses(verb) -> bool:
    """"Trump and Anwar signed as witnesses": they signed the text of others."""
    return verb.lemma_.lower() == "sign" and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(o.lemma_.lower() == "witness" for o in c.children)
        for c in verb.children)


def _witnessed_signing(ctx: DocContext, meeting: Meeting) -> bool:
    """Add the witnesses to the signing told just before; True when there was one."""
    told = _exchange_told_before(ctx, meeting, "signing", same_sentence=True)
    if told is None:
        return False
    _add_to_exchange(told, meeting)
    return True


#: What a remote exchange goes through ("by video link", "over the phone").
MEDIA = {"phone", "telephone", "link", "video", "videoconference", "line", "videolink"}


def _agents(verb) -> list:
    """The objects of a passive verb's "by" ("signed by Kishida and Morrison" -> Kishida)."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def _givers(verb) -> list:
    """Who a passive "was given ... by A and B" names, even with "by" hung on a phrase before it
    ("earlier in the day by A")."""
    found = _agents(verb)
    if not found and any(c.dep_ == "auxpass" for c in verb.children):
        found = [o for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "by" and t.head.dep_ != "dobj"
                 for o in t.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    return found


def _joined_by(verb) -> list:
    """Who "was joined (at the event) by" the subject: the objects of that "by"."""
    bys = [b for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
           for b in o.children if b.dep_ == "prep" and b.lower_ == "by"]
    return _agents(verb) + [o for b in bys for o in b.children if o.dep_ == "pobj"]


def _status(ctx: DocContext, tok, kind_of: str) -> str | None:
    """held / planned / cancelled / denied, or None when the text leaves it open ("whether they met")."""
    verb = tok if kind_of == "verb" else (tok.head if tok.dep_ in ("dobj", "nsubjpass", "nsubj") else None)
    own = [x for x in (verb, tok) if x is not None]
    if kind_of == "verb" and _present_under_future(tok):
        return PLANNED      # "Kishida will address Congress before Biden hosts him"
    if kind_of == "verb" and tok.tag_ in ("VBP", "VBZ") and any(c.dep_ == "mark" and c.lower_ in ("until", "till")
                                                               for c in tok.children):
        return PLANNED      # "Nothing is agreed until we speak with President Trump": yet to come
    if kind_of == "noun" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in PLAN_VERBS - {"agree", "set"}:
        return PLANNED      # "had begun arranging a meeting between Putin and Zelensky", "proposed talks"
    if kind_of == "noun" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and \
            tok.head.head.lemma_.lower() in ("call", "push", "press", "urge", "appeal", "ask", "lobby", "hope", "wait"):
        return PLANNED      # "called for talks with X": asked for, not held
    if kind_of == "noun" and verb is None and tok.dep_ == "pobj" and tok.head.lower_ in ("for", "in", "with", "at"):
        # "will join Scholz in Berlin for talks", "will end the tour with a meeting with Biden",
        # "is due in Ankara for talks", "is due at the summit": the modality of the verb the talks
        # hang from.
        governing = _governing_verb(tok)
        if governing is not None and any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in governing.children):
            return PLANNED
        if governing is not None and governing.lemma_ == "be" and any(
                c.dep_ == "acomp" and c.lower_ in SCHEDULED_ADJECTIVES
                for c in governing.children):
            return PLANNED
    if kind_of == "noun" and tok.dep_ in ("appos", "npadvmod"):
        # "Xi is due to meet Albanese on Tuesday, the first talks between the two countries'
        # leaders since 2016": the noun restates the clause's exchange, and shares its status.
        sent = ctx.sentence_of(tok)
        restated = [t for t in sent if t.i < tok.i and _trigger(t) is not None and _trigger(t)[1] == "verb"]
        if restated:
            return _status(ctx, restated[-1], "verb")
    if kind_of == "verb" and any(c.dep_ == "dobj" and c.tag_ == "NNS" and
                                 any(a.dep_ == "amod" and a.lower_ == "similar" for a in c.children)
                                 for c in tok.children):
        return None     # "India has signed similar arrangements with France and Britain": others, untold
    # "declined to say whether they met", "if they meet": not asserted either way; so too the
    # later verbs of a conditional ("if Iran let inspectors back ... and resumed talks").
    for v in own:
        first = v
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") for x in {v, first} for c in x.children):
            return None
        if v.dep_ == "conj" and any(t.dep_ == "mark" and t.lower_ in ("if", "unless") and first.i < t.i < v.i
                                    for t in ctx.sentence_of(v)):
            return None     # the same, parsed as a conjunct of the main verb
    # "refused to hold talks", "failed to secure a meeting", "rejected a request for talks",
    # "did not take part in the talks", "neither A nor B met C": it did not happen.
    node = tok
    setting = kind_of == "noun" and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during")
    # "urged Maduro to avoid unilateral steps in a telephone call": what is avoided is the object,
    # not the call the parser hung from it.
    medium = None
    if kind_of == "noun" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "by", "over"):
        holder = tok.head.head
        if holder.dep_ == "dobj" and not _trigger(holder):
            medium = holder.head            # (the parser hangs the call from the object: "steps in a call")
        elif holder.pos_ == "VERB" and any(c.dep_ == "dobj" and not _trigger(c) for c in holder.children):
            medium = holder
    # "has not met Xi since their talks in Bali": the talks a time is counted from were held.
    counted_from = kind_of == "noun" and tok.dep_ == "pobj" and tok.head.lower_ in ("since", "after")
    for _ in range(0 if counted_from else 4):
        if node.i != tok.i and (node.lemma_.lower() in REFUSAL_VERBS or (
                node.lemma_.lower() == "turn" and any(c.dep_ == "prt" and c.lower_ == "down" for c in node.children))):
            if setting and any(v.pos_ == "VERB" and v.lemma_.lower() not in set(MEETING_VERBS) | PARTICIPATION_VERBS
                               for v in tok.ancestors if v.i != node.i and node.is_ancestor(v)):
                break       # "failed to close deals at a White House summit": the summit was held
            if kind_of == "noun" and tok.dep_ == "nsubj" and tok.head.i == node.i:
                break       # "a trip to Washington by Keller-Sutter failed to win a reprieve": it was made
            if medium is not None and medium.i == node.i:
                break
            return DENIED       # "refused to meet", "turned down a request for a phone call"
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in PARTICIPATION_VERBS | ENABLING_VERBS | {
                verb.lemma_.lower() if verb is not None else ""} \
                and any(c.dep_ == "neg" for c in node.children) and (node.i != tok.i or kind_of == "verb"):
            return DENIED       # ("was not allowed to see Tchiani", "did not manage to meet him")
        # ("had declined US requests in recent weeks to speak with Biden": the parser hangs the
        # infinitive from the verb, past its object)
        refused_request = node.dep_ == "advcl" and node.head.lemma_.lower() in REFUSAL_VERBS and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.dep_ not in ("xcomp", "dobj", "pobj", "prep", "ccomp", "nsubj", "nsubjpass") and not refused_request \
                or node.head.i == node.i:
            break
        node = node.head
    # "the Kremlin denied a newspaper report that the two men had spoken by phone"
    for v in own:
        if v.dep_ == "acl" and v.head.dep_ in ("dobj", "nsubjpass") and v.head.lemma_.lower() in REPORT_NOUNS and \
                v.head.head.lemma_.lower() in DENIAL_VERBS:
            return DENIED
    for v in own:
        subject = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in subject.children):
            return DENIED
    # "ended the tour without meeting Erdogan": it did not happen.
    for v in own:
        if v.tag_ == "VBG" and v.dep_ == "pcomp" and v.head.lower_ == "without":
            return DENIED
    # "Britain stayed out of the negotiations": no part in them.
    if kind_of == "noun" and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "out" and \
            tok.head.head.head.lemma_.lower() in ("stay", "keep", "remain"):
        return DENIED
    # "have yet to meet", "are yet to hold talks": it has not happened.
    for v in own:
        if v.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in v.head.children):
            return DENIED
    # Negation on the predicate: "did not discuss", "no talks were held".
    for v in own:
        if any(c.dep_ == "neg" for c in v.children):
            return DENIED
    if kind_of == "noun" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return DENIED
    # "no member of the government had met them", "nobody met", "never discussed"
    for v in own:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none", "no-one", "noone") or
                                                     any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
                return DENIED
            if c.dep_ == "advmod" and c.lower_ == "never":
                return DENIED
    # Cancelled: "cancelled the meeting", "the visit was postponed".
    if kind_of == "noun" and _cancels(tok.head):
        return CANCELLED
    # Plans and modality: "will meet", "plans to visit", "are expected to hold talks", "an upcoming summit".
    # For talks named by a noun, the verb they hang from counts too ("intends to go ahead in
    # consultation with Congress", "flies to Cairo on Saturday for talks with Sisi").
    modal = list(own)
    # (what was urged "in a telephone call" is not the call's modality; "who will preside over the
    # COP29 summit" is)
    if kind_of == "noun" and verb is None and tok.dep_ == "pobj" and \
            tok.head.lower_ in ("for", "in", "to", "into", "over") and medium is None:
        governing = _governing_verb(tok)
        if governing is not None:
            modal.append(governing)
            if governing.tag_ in ("VBZ", "VBP") and governing.lemma_.lower() in TRAVEL_VERBS:
                return PLANNED  # the news present of a schedule: "Xi flies to Serbia on Tuesday for talks"
    if kind_of == "noun" and verb is None and tok.dep_ == "pobj" and tok.head.lower_ in ("before", "after", "ahead"):
        governing = _governing_verb(tok)
        if governing is not None and governing.tag_ in ("VBZ", "VBP") and governing.lemma_.lower() in TRAVEL_VERBS:
            return PLANNED  # "Blinken flies on to Tokyo ... before visits to South Korea and India"
    if kind_of == "verb" and tok.tag_ in ("VBZ", "VBP") and tok.lemma_.lower() in SCHEDULE_VERBS and \
            not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and \
            any(e.label_ == "DATE" and tok.left_edge.i <= e.start and e.end <= tok.right_edge.i + 1
                for e in ctx.ents_in(ctx.sentence_of(tok))):
        return PLANNED  # "EU and US officials meet in Brussels on Thursday": a schedule
    for v in modal:
        if v.dep_ == "pcomp" and v.head.lower_ == "to" and v.head.head.lemma_.lower() == "look":
            return PLANNED      # "looked forward to welcoming Kristersson"
        if v.lemma_.lower() in ("expect", "schedule", "slate") and any(c.dep_ == "auxpass" for c in v.children):
            return PLANNED      # "Albanese and Luxon are expected in Tonga for the leaders' session"
        if v.dep_ == "xcomp" and v.head.lemma_.lower() == "be" and v.head.tag_ in ("VBZ", "VBP") and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return PLANNED      # "He is to sit down with Biden"
    for v in modal:
        if any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in v.children):
            return PLANNED
        # "agreed to send negotiators to meet a Russian delegation": a plan further up.
        node = v
        for _ in range(4):
            if node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
                node = node.head    # "to agree to a ceasefire and to hold talks": one modality
                if node.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in SCHEDULED_ADJECTIVES
                                               for c in node.children):
                    return PLANNED  # "was due to fly to Rzeszów ... and to hold talks with Duda"
                continue
            if node.dep_ not in ("xcomp", "advcl") or node.head.i == node.i:
                break
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in OBJECT_CONTROL_VERBS - {"tell"}:
                return PLANNED      # "urging him ... to hold direct talks with Zelensky": asked for
            if _is_sequence_clause(node) or (node.tag_ == "VBD" and any(
                    c.dep_ == "advmod" and c.lower_ == "when" for c in node.children)):
                break   # "... after Pelosi visited Taiwan", "... when they met on March 10": an event of its own
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in PLAN_VERBS and node.i != v.i:
                return PLANNED
            node = node.head
        head = v.head
        if v.dep_ == "xcomp" and head.lemma_.lower() in PLAN_VERBS:
            return PLANNED
        if v.dep_ == "ccomp" and head.lemma_.lower() in PLAN_VERBS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return PLANNED      # "aides had expected them to hold talks": an expectation
        if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in DISPOSITION_ADJECTIVES:
            return PLANNED
        if (v.dep_ == "xcomp" or v.dep_ == "ccomp" and any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)) \
                and any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in head.children):
            return PLANNED      # "would have to be agreed between Britain and the EU", "a trip that
                                # will make him the first leader to visit China"
        if v.dep_ == "xcomp" and _cancels(head):
            return CANCELLED
        if v.dep_ == "xcomp" and head.lemma_.lower() == "be" and any(c.lower_ in ("due", "set", "expected") for c in head.children):
            return PLANNED
    if kind_of == "noun" and any(c.lower_ in PLAN_ADJECTIVES for c in tok.children if c.dep_ == "amod"):
        return PLANNED
    return HELD


#: What a denial can be of, and the verbs that deny it.
REPORT_NOUNS = {"report", "claim", "suggestion", "story", "speculation", "rumour", "rumor", "allegation", "account"}
DENIAL_VERBS = {"deny", "dismiss", "reject", "refute", "rebut", "debunk"}
WITNESS_VERBS = {"watch", "witness", "attend", "observe"}
#: Exchanges at a distance.
REMOTE_KINDS = {"call", "letter"}


def _witnesses(verb) -> list:
    """Subjects of "as A and B looked on" under ``verb``, or of "A watched X sign" above it."""
    found = []
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in clause.children) \
                and (clause.lemma_.lower() in WITNESS_VERBS or (clause.lemma_.lower() == "look" and any(
                    c.dep_ in ("prt", "advmod") and c.lower_ == "on" for c in clause.children))):
            found += [c for c in clause.children if c.dep_ == "nsubj"]
        if clause.dep_ == "prep" and clause.lower_ == "with":
            # "signed the accord, with Secretary of State Marco Rubio looking on"
            found += [c for g in clause.children if g.dep_ in ("pcomp", "pobj") and g.lemma_.lower() == "look"
                      and any(p.lower_ == "on" for p in g.children) for c in g.children if c.dep_ == "nsubj"]
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in WITNESS_VERBS:
        found += [c for c in verb.head.children if c.dep_ == "nsubj"]
    return found


def _cancels(verb) -> bool:
    """"cancelled", "postponed", "called off" (a phrasal verb: lemma plus particle)."""
    lemma = verb.lemma_.lower()
    if lemma in CANCEL_VERBS:
        return True
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return particle is not None and f"{lemma} {particle}" in CANCEL_VERBS


RECIPROCALS = {"themselves", "ourselves", "other", "another"}


def _with_objects(tok, deep: bool = False, preps=("with", "between", "among", "to")) -> list:
    """Objects of "with/between/among/to" phrases of ``tok``; ``deep`` also looks inside its noun phrases
    ("talks on the Ukraine crisis with Putin" hangs "with" from "crisis")."""
    objs = []
    direct = deep and bool(_with_objects(tok, preps=preps))
    stack = [tok]
    while stack:
        node = stack.pop()
        for child in node.children:
            # "with A and with B": the second preposition is often parsed as a conjunct.
            # ("carried the message to Xi": "to" parsed as a dative)
            if child.lower_ == "according":
                continue    # "..., according to Seoul's defence ministry": the source, never a party
            if (child.dep_ in ("prep", "conj") or child.dep_ == "dative" and child.lower_ == "to") and \
                    child.lower_ in preps and child.pos_ == "ADP":
                for prep in [child, *(c for c in child.children if c.dep_ == "conj" and c.lower_ in preps)]:
                    for obj in prep.children:
                        # "agreed among themselves", "met with each other": the subject's own parties
                        if obj.dep_ == "pobj" and obj not in objs and obj.lower_ not in RECIPROCALS:
                            objs.append(obj)
                        elif obj.dep_ == "prep" and obj.i == prep.i + 1 and obj.text[:1].isupper():
                            # "a phone call with To Lam": a name whose first word reads as a preposition
                            objs += [o for o in obj.children if o.dep_ == "pobj" and o.ent_type_ == "PERSON"]
            elif deep and child.dep_ in ("prep", "pobj") and not _trigger(child) and \
                    not (direct and child.dep_ == "prep" and
                         child.lower_ in ("on", "about", "over", "regarding", "concerning")):
                # (but "talks with Aoun on the sea border with Israel": with a party of its own,
                # the "with" inside what the talks were on belongs to the subject; "talks on the
                # Ukraine crisis with Putin" has the party hung there)
                stack.append(child)
    return objs


def _governing_verb(noun):
    """The verb a trigger noun hangs from: "held (hours of) talks", "said after talks", "told X in a call"."""
    node, steps = noun, 0
    while steps < 6:
        head = node.head
        if head.i == node.i:
            return None
        # (a long list the noun hangs from the last name of counts as one step: "with A, B, C,
        # D and E for talks with Trump")
        steps += 0 if node.dep_ == "conj" and head.pos_ == "PROPN" else 1
        if head.pos_ in ("VERB", "AUX") and not (head.dep_ == "prep" and head.tag_ == "VBG"):
            return head     # ("Following the meeting with Putin, Xi flew home": "following" is a preposition)
        if head.dep_ in ("prep", "pobj", "dobj", "nsubj", "attr") or head.pos_ in ("ADP", "NOUN", "NUM") or \
                (head.pos_ == "PROPN" and head.dep_ in ("conj", "dobj", "pobj")):
            # ("joined A, B and C in a phone call with Trump": the call hung from the last name listed)
            node = head
            continue
        return None
    return None


def _subject(tok):
    found = _own_subject(tok)
    if found is not None:
        return found
    if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and tok.head.pos_ == "PROPN" and tok.head.dep_ == "ROOT" and \
            not any(c.dep_ in ("agent", "auxpass") for c in tok.children):
        return tok.head     # "Enrique Mora, the EU official ..., shuttled between ...", a finite verb taken for a modifier
    if tok.dep_ == "advcl" and tok.pos_ == "VERB":
        # "set up after President Joe Biden and President Xi Jinping agreed ...": the parser
        # made the subject the object of "after"; it stands right before the verb.
        for prep in tok.head.children:
            if prep.dep_ == "prep" and prep.lower_ in SUBORDINATORS and prep.i < tok.i:
                objs = [o for o in prep.children if o.dep_ == "pobj" and o.right_edge.i == tok.i - 1]
                if objs:
                    return objs[0]
    if tok.dep_ == "conj" and tok.i > 0 and tok.doc[tok.i - 1].dep_ == "conj" and \
            subject_of_next_clause(tok.doc[tok.i - 1]):
        return tok.doc[tok.i - 1]   # "... with Tai and Yoon's office disclosed a letter"
    return _inherited_subject(tok)


# Conjunctions that put a clause at another time than its main clause ("after", unlike "as").
SEQUENCE_MARKS = {"after", "before", "since", "until", "till", "because", "although", "though", "once"}
SUBORDINATORS = {"after", "before", "since", "until", "as", "when", "while", "because", "once"}


def _own_subject(tok):
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return tok.head  # "Biden, who hosted Albanese" -> Biden
            return child
    return None


# "is due in Ankara for talks", "was due to fly ... and to hold talks": a schedule.
SCHEDULED_ADJECTIVES = {"due", "set", "expected", "scheduled", "slated"}
# "urged him to hold talks with Zelensky": the one urged is the one who would talk.
OBJECT_CONTROL_VERBS = {"urge", "ask", "press", "tell", "encourage", "push", "invite", "persuade", "call"}


def _inherited_subject(tok):
    node = tok
    while node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
        node = node.head        # "urging him to agree to a ceasefire and to hold talks"
    if node.dep_ == "xcomp" and node.head.lemma_.lower() in OBJECT_CONTROL_VERBS:
        urged = next((c for c in node.head.children if c.dep_ == "dobj"), None)
        if urged is not None:
            return urged
    if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp") and tok.head.pos_ in ("VERB", "AUX", "ADP", "ADJ"):
        # "travelled to Kyiv to meet X", "after meeting X", "is due to meet X": the subject above
        head = tok.head if tok.head.pos_ not in ("ADP", "ADJ") else tok.head.head
        if head.i != tok.i:
            return _subject(head)
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    return None


def _actors(ctx: DocContext, tok, speaker: str | None = None) -> list[str]:
    """Actors named by a noun phrase, with "officials from Japan and the Netherlands" read as countries."""
    found: list[str] = []
    possessors: set[str] = set()
    for t in [tok, *conjuncts(tok)]:
        if t.i != tok.i and any(c.dep_ == "neg" for c in t.children):
            continue    # "met Wang Yi but not Xi"
        case = next((c for c in t.children if c.dep_ == "case"), None)
        if t.i != tok.i and case is not None and case.i + 1 < len(ctx.tokens):
            # "Altman and Nvidia's Jensen Huang": the conjunct is the person after the possessive.
            after = ctx.mention_at(case.i + 1)
            if after is not None and after.kind == PERSON:
                found += [after.iri] if after.iri not in found else []
                owner = ctx.mention_at(t.i)
                if owner is not None:
                    possessors.add(owner.iri)
                continue
        if t.lemma_.lower() in PERSON_NOUNS and ctx.mention_at(t.i) is None and \
                any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            continue    # "the first visit by a Chinese foreign minister in seven years": nobody in particular
        after = ctx.tokens[t.i + 1] if t.i + 1 < len(ctx.tokens) else None
        if after is not None and after.lower_ in PERSON_NOUNS and after.dep_ == "compound" and \
                ctx.mention_at(after.head.i) is not None and ctx.mention_at(after.head.i).kind == PERSON:
            # "Wickremesinghe and central bank governor Nandalal Weerasinghe", with "bank" read as
            # the conjunct: the governor is the party, the bank his title.
            person = ctx.mention_at(after.head.i).iri
            found += [person] if person not in found else []
            continue
        group = _group_countries(ctx, t)
        if group is None and t.lemma_.lower() in DELEGATION_NOUNS:
            group = _delegation(ctx, t, speaker)
        if group is None:
            group = [iri for iri in describe_actor(ctx, t, speaker) if ctx.entity(iri) is not None]
        role = next((c for c in t.children if c.dep_ == "appos" and c.lower_ in GROUP_NOUNS), None)
        if role is not None:
            # "The two countries’ economy ministers", parsed as the countries with the
            # ministers in apposition: the people who hold the post.
            modifiers = {c.lower_ for c in role.children if c.dep_ in ("compound", "amod")}
            group = [role_holder(ctx, iri, role, modifiers) or iri for iri in group]
        found += [iri for iri in group if iri not in found]
    return [iri for iri in found if iri not in possessors]


# Words before an exchange that say how it went, not what about ("formal talks").
MANNER_WORDS = {"first", "bilateral", "formal", "informal", "separate", "direct", "joint", "virtual", "trilateral",
                "annual", "rare", "brief", "lengthy", "long", "new", "last", "latest", "recent", "further", "more",
                "several", "fresh", "private", "closed", "official", "previous", "next", "final", "initial",
                "extensive", "frank", "candid", "constructive", "productive", "tense", "emergency", "urgent", "two",
                "three", "four", "round", "day", "hour", "minute", "week", "face", "state", "working", "high",
                "level", "leaders", "ministerial", "summit", "surprise", "unannounced", "planned", "scheduled",
                "upcoming", "possible", "proposed", "expected", "key", "crucial", "important", "major", "secret",
                "way", "ceremonial", "warm", "lavish", "own"}
# How an exchange was held ("by telephone", "by video link"): never its topic.
MEANS_NOUNS = {"phone", "telephone", "video", "link", "videolink", "conference", "line", "speakerphone", "speaker",
               "news", "press"}     # "a joint news conference": how they appeared, not what about
# "the talks, attended by ...", "the summit, co-chaired by ...", "talks chaired by Akar": parties.
ACL_HOSTS = {"chair", "co-chair", "cochair", "host", "co-host", "lead", "mediate", "broker"}
ATTEND_VERBS = {"attend", "join", "participate", "sit"}
MEAL_NOUNS = {"dinner", "lunch", "breakfast", "banquet", "luncheon", "reception"}


def _attends(verb) -> bool:
    """"attended", "joined", "took part in": was one of those there."""
    lemma = verb.lemma_.lower()
    return lemma in ATTEND_VERBS or (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part"
                                                             for c in verb.children))
LETTER_NOUNS = {"letter", "message", "note", "missive"}
DELEGATION_NOUNS = {"delegation", "team", "mission", "contingent"}


def _delegation(ctx: DocContext, tok, speaker) -> list[str] | None:
    """"A US delegation led by Jen Daskal": its leader; with no leader named, its country."""
    leaders = [o for acl in tok.children if acl.dep_ == "acl" and acl.lemma_.lower() in ("lead", "head")
               for o in _agents(acl)]
    # "... led by He Lifeng that included Wang Wentao and Li Chenggang": its members named too.
    members = [m for clause in tok.subtree if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() == "include"
               for o in clause.children if o.dep_ == "dobj" for m in [o, *conjuncts(o)]]
    found = [p for o in leaders + members for p in describe_actor(ctx, o, speaker) if ctx.entity(p) is not None]
    if found:
        return list(dict.fromkeys(found))
    # "A US delegation", and "a delegation of senior US officials": the country it comes from.
    heads = [tok, *(o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj")]
    countries = [m.iri for head in heads for c in head.children if c.dep_ in ("amod", "compound", "nmod")
                 for m in [ctx.mention_at(c.i)] if m is not None and m.kind == COUNTRY]
    return list(dict.fromkeys(countries)) or None


def _group_countries(ctx: DocContext, tok) -> list[str] | None:
    """The countries of "officials from Japan", "US negotiators", "their British counterparts"; None if not such.

    "Leaders including Biden, Scholz and Kishida": the people listed.
    """
    if tok.lower_ not in GROUP_NOUNS and tok.lemma_.lower() not in GROUP_NOUNS:
        if tok.tag_ == "NNS" and tok.lemma_.lower() in COUNTRY_GROUP_NOUNS:
            # "28 countries including Britain, the United States and China": those listed.
            return _listed_members(ctx, tok, people_only=False) or None
        return None
    if any(c.dep_ == "amod" and c.lower_ == "other" for c in tok.subtree if c.i < tok.i):
        # "Ben-Gvir and the two other ministers of his party, A and B": the people named; "Blinken
        # and other Group of Seven foreign ministers" ("other" hung from the group's name)
        return []
    led_by = [p for acl in tok.children if acl.dep_ == "acl" and acl.lemma_.lower() in ("lead", "head")
              for a in _agents(acl) for o in [a, *conjuncts(a)]
              for p in describe_actor(ctx, o) + ctx.coordinated_people(o) if ctx.is_named_person(p)]
    if led_by:
        return list(dict.fromkeys(led_by))  # "American negotiators led by Andrew Peek ... and Michael Anton"
    listed = _listed_members(ctx, tok, people_only=True)
    if listed:
        return listed
    # "the Azerbaijani and Armenian foreign ministers, Jeyhun Bayramov and Ararat Mirzoyan": the
    # people named in apposition.
    named = [m.iri for a in tok.children if a.dep_ == "appos" for t in [a, *conjuncts(a)]
             for m in [ctx.mention_at(t.i)] if m is not None and m.kind == PERSON]
    if len(named) >= 2:
        return list(dict.fromkeys(named))
    countries = []
    # "briefed advisers from Britain, France and Germany": the parser often hangs "from" on the verb.
    stray = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i == tok.i + 1] \
        if tok.dep_ == "dobj" else []
    for child in [*tok.children, *stray]:
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "in"):
            for obj in child.children:
                for o in [obj, *conjuncts(obj)]:
                    m = ctx.mention_at(o.i)
                    if m and (m.kind == COUNTRY or (m.kind == ORGANIZATION and child.lower_ != "in")):
                        countries.append(m.iri)
                    elif m is None:
                        # "officials from the three countries"
                        countries += ctx.numbered_countries(o)
        # "WHO officials", sometimes parsed with "WHO" as a subject of "officials".
        if child.dep_ in ("amod", "compound", "nmod") or (child.i == tok.i - 1 and child.dep_ == "nsubj"):
            for o in [child, *[c for c in child.children if c.dep_ == "conj"]]:
                m = ctx.mention_at(o.i)
                if m and m.kind in (COUNTRY, ORGANIZATION):    # "US officials", "WHO officials"
                    countries.append(m.iri)
        if child.dep_ == "poss" and child.i not in ctx.token_mention:
            countries += ctx.numbered_countries(child)          # "the two countries' ministers"
        if child.dep_ in ("nmod", "compound") and tok.lower_ in ("nations", "members", "states", "economies"):
            m = ctx.mention_at(child.i)
            if m and m.kind == ORGANIZATION:
                countries.append(m.iri)     # "the Group of Seven nations": the group
    countries = list(dict.fromkeys(countries))
    # "The leaders of X and Y", "the two countries' economy ministers": the people who hold
    # those posts, where the article names exactly one for a country.
    modifiers = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    return [role_holder(ctx, c, tok, modifiers) or c for c in countries] or None


def _listed_members(ctx: DocContext, tok, people_only: bool) -> list[str]:
    """The members a group noun lists: "leaders including Biden and Scholz", "countries such as
    A and B", "the 32 leaders, among them A, B and C, approved ..."."""
    listed = [p for c in tok.children if c.dep_ == "prep" and (c.lower_ in ("including", "like", "such") or
                                                                c.lower_ == "as" and any(a.lower_ == "such" for a in c.children))
              for o in c.subtree if o.dep_ in ("pobj", "conj") and ctx.mention_at(o.i) is not None
              for p in [ctx.mention_at(o.i).iri]]
    among = None
    for t in ctx.tokens[tok.i + 1:ctx.sentence_of(tok).end - 2]:
        if t.pos_ in ("VERB", "AUX"):
            break
        if [x.lower_ for x in ctx.tokens[t.i:t.i + 3]] == [",", "among", "them"]:
            among = t.i     # "envoys from the EU, the US and France, among them Lajčák and Escobar, met ..."
            break
    if not listed and among is not None:
        # The parser scatters the list: the members named up to the verb.
        for t in ctx.tokens[among + 3:ctx.sentence_of(tok).end]:
            if t.pos_ in ("VERB", "AUX"):
                break
            m = ctx.mention_at(t.i)
            if m is not None and (m.kind == PERSON and ctx.is_named_person(m.iri) or
                                  not people_only and m.kind in (COUNTRY, ORGANIZATION)):
                listed.append(m.iri)
    return list(dict.fromkeys(listed))


TOPIC_VERBS = {"discuss", "address", "review", "tackle", "raise", "debate", "negotiate", "cover", "explore"}


def _agenda_topics(ctx: DocContext, index: dict, prep) -> list[Topic]:
    """"met ..., with Iran and Ukraine's need for air defences at the top of the agenda": what
    the "with" phrase puts on the agenda, named things included."""
    agenda = next((t for t in prep.subtree if t.lemma_.lower() == "agenda"), None)
    if agenda is None:
        return []
    cut = min([agenda.i, *(t.i for t in prep.subtree if t.dep_ == "prep" and t.i > prep.i and agenda in t.subtree)])
    found = topics_between(ctx, index, prep.i + 1, cut)
    for ent in ctx.ents_in(ctx.sentence_of(prep)):
        if ent.label_ in ("GPE", "NORP", "EVENT", "LAW") and prep.i < ent.start and ent.end <= cut:
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            found.append(Topic(iri=topic_iri(text), label=topic_label(text), in_scheme=False, text=text))
    return found


def _topics_for(ctx: DocContext, index: dict, heads: list) -> list[Topic]:
    """Topics named as the exchange's subject: "about/on/over X", "discussed X", "to discuss X"."""
    topics: list[Topic] = []

    def add(found):
        for t in found:
            if all(t.iri != x.iri for x in topics):
                topics.append(t)

    for head in heads:
        if _trigger(head) is not None and _trigger(head)[1] == "noun":
            # "a meeting of the Quad": the group's business.
            # ("a meeting of the Quad group": the name in front of a common noun)
            for of in (o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                       if o.dep_ == "pobj"):
                named = [of] if of.pos_ == "PROPN" else \
                    [c for c in of.children if c.dep_ == "compound" and c.pos_ == "PROPN"][:1]
                if not named:
                    continue
                group, mention = of, ctx.mention_at(named[0].i)
                if (mention is not None and mention.kind == ORGANIZATION) or \
                        (mention is None and named[0].ent_type_ == "ORG"):
                    text = ctx.doc[group.left_edge.i:group.i + 1].text
                    text = text[4:] if text.lower().startswith("the ") else text
                    add([Topic(iri=topic_iri(text), label=topic_label(text), in_scheme=False, text=text)])
            # "trade talks", "an economic dialogue", "security consultations": the subject in front.
            for child in head.children:
                if child.i < head.i and child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "ADJ") \
                        and not child.ent_type_ and child.lower_ not in MANNER_WORDS and "-" not in child.text \
                        and child.lemma_.lower() not in MEANS_NOUNS and not _trigger(child):
                    found = topics_between(ctx, index, child.i, child.i + 1)
                    add(found or [Topic(iri=topic_iri(child.text), label=topic_label(child.text), in_scheme=False)])
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                add(_agenda_topics(ctx, index, child))
            if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
                # "talks on Monday" is a date, but "talks focused on Ukraine" is a subject.
                focused = head.lemma_.lower() in ("focus", "center", "centre", "concentrate", "dwell", "touch")
                for obj in child.children:
                    if obj.dep_ in ("pobj", "pcomp"):
                        add(topics_of_phrase(ctx, index, obj, names_ok=child.lower_ != "on" or focused))
            if child.dep_ == "dobj" and head.lemma_.lower() in TOPIC_VERBS and child.lemma_.lower() not in ANAPHORIC_TOPICS:
                add(topics_of_phrase(ctx, index, child, names_ok=True, head_too=True))
            if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() not in TOPIC_VERBS and \
                    not _trigger(child) and not _is_sequence_clause(child):
                # "to prepare for Xi's visit", "warning him about Chinese support for Russia":
                # what the exchange was for, or what was said in it.
                for obj in child.children:
                    if obj.dep_ == "prep" and obj.lower_ in TOPIC_PREPS | {"for", "against"}:
                        for o in obj.children:
                            if o.dep_ == "pobj":
                                add(topics_of_phrase(ctx, index, o, names_ok=True))
            if child.dep_ in ("xcomp", "advcl") and child.lemma_.lower() in TOPIC_VERBS:
                for obj in child.children:
                    if obj.dep_ == "dobj" and obj.lemma_.lower() not in ANAPHORIC_TOPICS:
                        add(topics_of_phrase(ctx, index, obj, names_ok=True))
                    if obj.dep_ == "prep" and obj.lower_ in TOPIC_PREPS:
                        for o in obj.children:
                            if o.dep_ == "pobj":
                                add(topics_of_phrase(ctx, index, o, names_ok=True))
    if heads and any(c.dep_ == "advmod" and c.lower_ == "when" for c in heads[0].children):
        # "The groundwork for the summit was laid last month, when Iwaya held talks with Rubio":
        # the exchange is what the main clause tells of.
        main = heads[0].head
        for _ in range(3):              # "... laid last month / in March, when ...": the clause above the time
            if main.pos_ in ("VERB", "AUX") or main.head.i == main.i:
                break
            main = main.head
        subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            if main.pos_ in ("VERB", "AUX") and main.i != heads[0].i else None
        if subject is not None and subject.pos_ == "NOUN":
            add(topics_of_phrase(ctx, index, subject))
    return topics


def _place(ctx: DocContext, heads: list):
    """Where: an "in/at X" phrase of the exchange (or of its object, "received X in Brasilia",
    "on the sidelines of the summit in Bali"), X a place name; "a visit to X" names the place too."""
    for head in heads:
        stack = [(head, 0)]
        while stack:
            node, depth = stack.pop(0)
            for child in node.children:
                if child.dep_ == "prep" and (child.lower_ in PLACE_PREPS or
                                             (child.lower_ == "to" and node.lemma_ in ("visit", "trip"))):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC", "ORG"):
                            found = place_of(ctx, obj)
                            if found:
                                return found
                if depth < 3 and child.dep_ in ("prep", "pobj", "dobj") and not _trigger(child):
                    stack.append((child, depth + 1))
    return None


def _host_country(ctx: DocContext, heads: list, guest: str) -> str | None:
    """The country an exchange took place in ("talks in France"), when the only party named
    comes from elsewhere: the host.  A city is a place, not a party."""
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                for obj in child.children:
                    mention = ctx.mention_at(obj.i)
                    if obj.dep_ == "pobj" and mention is not None and mention.kind == COUNTRY and \
                            ctx.country_of(guest) not in (None, mention.iri) and _names_country(ctx, obj):
                        return mention.iri
    return None


def _names_country(ctx: DocContext, tok) -> bool:
    """True when ``tok``'s entity is a country's own name ("France"), not a capital standing for it."""
    ent = next((e for e in ctx.ents if e.start <= tok.i < e.end), None)
    text = norm(ent.text if ent is not None else tok.text)
    text = text[4:] if text.startswith("the ") else text
    return any(norm(a.name) == text or text in {norm(x) for x in a.alt}
               for a in ctx.gaz.lookup(text, "country"))


# Words a list of people runs over between the names: "with Michel, von der Leyen, then German
# chancellor Angela Merkel and French President Emmanuel Macron".
_LIST_WORDS = {",", "and", "then", "former", "the", "’s", "'s"}


def _listed_after(ctx: DocContext, obj) -> list[str]:
    """The people named in a list that goes on after a "with" object when the parser broke it
    (later names hung on other words): read along the text to the end of the list, which must
    end the sentence or meet a preposition ("... and Macron in Brussels"), never a verb
    ("with Michel, von der Leyen said": she is the speaker)."""
    if obj.head.lower_ != "with" or ctx.mention_at(obj.i) is None or ctx.mention_at(obj.i).kind != PERSON:
        return []
    sent = ctx.sentence_of(obj)
    found: list[str] = []
    i = max(obj.i + 1, ctx.mention_at(obj.i).end)
    while i < sent.end:
        tok, mention = ctx.tokens[i], ctx.mention_at(i)
        if mention is not None and mention.kind == PERSON:
            found.append(mention.iri)
            i = max(mention.end, i + 1)
            continue
        if tok.lower_ in _LIST_WORDS or tok.lower_ in TITLE_WORDS or tok.ent_type_ == "NORP" or \
                (tok.dep_ in ("compound", "amod") and tok.is_title):
            i += 1
            continue
        break
    stop = ctx.tokens[i] if i < sent.end else None
    if not found or (stop is not None and not (stop.is_punct or stop.pos_ == "ADP")):
        return []       # (a verb, or any other word, ends no list of parties)
    return [p for p in dict.fromkeys(found) if ctx.is_named_person(p)]


# Verbs whose object is the one spoken to in an exchange told by its noun ("calls in which he told ...").
SPOKEN_TO_VERBS = {"tell", "assure", "warn", "urge", "inform", "brief", "ask", "press"}


def _host_clauses(noun) -> list:
    """Relative clauses that tell who hosted an exchange: "a summit that Macron hosted" (also hung
    on a noun inside what the summit was on: "a summit on overhauling the global financing system
    that Macron hosted" -- a system is not hosted)."""
    return [rel for rel in noun.subtree if rel.dep_ == "relcl" and rel.lemma_.lower() in ACL_HOSTS
            and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("that", "which") for c in rel.children)
            and (rel.head.i == noun.i or _trigger(rel.head) is None and rel.head.ent_type_ not in ("PERSON", "GPE"))]


def _noun_participants(ctx: DocContext, tok, speaker):
    """Participants of an exchange named by a noun, the explicit with/between parties first.

    Returns (participants, explicit parties, governing verb).  The governing
    verb's subject ("Macron held talks with Putin", "Orbán said after talks
    with Kristersson") joins only when the noun names fewer than two parties
    itself; a "by" agent ("a visit to Taiwan by the Speaker") replaces it.
    """
    explicit: list[str] = []
    visit = tok.lemma_.lower() in ("visit", "trip")
    own_objects = _with_objects(tok, deep=True)
    for obj in own_objects:
        found = _actors(ctx, obj, speaker)
        # "a meeting with Macron and European Commission President Ursula von der Leyen",
        # parsed as one name with Macron inside it
        found += [p for p in ctx.coordinated_people(obj) + _listed_after(ctx, obj) if p not in found]
        if visit and obj.head.lower_ == "to":
            # "a visit to the White House" is a place; "a visit to China" has China as host.
            found = [p for p in found if ctx.entity(p) is not None and ctx.entity(p).kind == COUNTRY]
        explicit += [p for p in found if p not in explicit]
    # "hosted a meeting of Umerov and Sybiha with Rubio": the people it was a meeting of.
    for obj in (o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"):
        named = [t for t in [obj, *conjuncts(obj)] if ctx.mention_at(t.i) is not None
                 and ctx.mention_at(t.i).kind == PERSON and ctx.mention_at(t.i).via != "description"]
        explicit += [m.iri for t in named for m in [ctx.mention_at(t.i)]
                     if m.iri not in explicit and ctx.is_named_person(m.iri)]
    agents = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    if tok.lemma_.lower() == "welcome" and tok.dep_ == "dobj":
        # "who was given a ceremonial welcome by President Murmu and Modi": those who gave it
        agents += [t for o in _givers(tok.head) for t in [o, *conjuncts(o)] if t not in agents]
        receiver = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
        if receiver is not None and receiver.lower_ in ("who", "that") and tok.head.dep_ == "relcl":
            receiver = tok.head.head    # "Muizzu, who was given a ceremonial welcome ..."
        if receiver is not None and agents:
            agents.append(receiver)
    # "the talks, attended by A, B and C": the attendees.
    agents += [o for acl in tok.children if acl.dep_ == "acl" and acl.lemma_.lower() in ("attend", "join")
               for o in _agents(acl)]
    # "Kishida hosted the call, which was joined by A, B and C": the attendees, beside its host.
    attendees = [o for rel in tok.children if rel.dep_ == "relcl" and rel.lemma_.lower() in ("attend", "join")
                 for o in _agents(rel)]
    # "the summit talks with Li Qiang, which Kallas also attended"
    # (hung on the last party named: "talks with Li Qiang, which ...")
    withs = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    attendees += [c for owner in [tok, *withs] for rel in owner.children
                  if rel.dep_ == "relcl" and rel.lemma_.lower() in ("attend", "join")
                  and any(w.lower_ in ("which", "that") for w in rel.subtree if w.i < rel.i)
                  and not any(c.dep_ == "agent" for c in rel.children)
                  for c in rel.subtree if c.i < rel.i and c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who")]
    # "The talks in Vienna, which also involved Britain, France and Germany", "talks involving A and B"
    # (the parser often hangs the clause on the place: "talks in Vienna, which ...")
    places = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "at") for o in p.children
              if o.dep_ == "pobj"]
    attendees += [o for owner in [tok, *places] for rel in owner.children
                  if rel.dep_ in ("relcl", "acl") and rel.lemma_.lower() == "involve"
                  for o in rel.children if o.dep_ == "dobj"]
    # "a summit hosted by Britain", "talks chaired by Akar": one more party, beside the others.
    # (the parser hangs the clause on the place too: "the meeting in New York, co-hosted by
    # Guterres and Lula", or on the verb the meeting hangs from: "travelled to Ramstein for the
    # meeting of the contact group chaired by Austin")
    holder = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "to", "at") else None
    # (and "set out at a mini-summit hosted by Lourenço and attended by A, B and C", with
    # "attended" joined to the main verb)
    hung_on_verb = [v for v in (holder.children if holder is not None and holder.pos_ == "VERB" else ())
                    if v.dep_ in ("advcl", "conj") and v.i > tok.i and v.tag_ in ("VBN", "VBD") and not any(
                        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in v.children)
                    and any(c.dep_ == "agent" for c in v.children)]
    hosts = [o for owner in [tok, *places] for acl in owner.children if acl.dep_ == "acl"
             and acl.lemma_.lower() in ACL_HOSTS for o in _agents(acl)]
    hosts += [o for v in hung_on_verb if v.lemma_.lower() in ACL_HOSTS | {"attend", "join"} for o in _agents(v)]
    # "a summit ... that Macron hosted in Paris in June", "a Quad summit that Biden hosted for him
    # and the prime ministers of Australia and Japan": its host, and those it was hosted for.
    # (people only: "About 60 countries endorsed the text at the summit, which Macron co-chaired"
    # is the countries' act, and the gathering's chairs are read with the gathering)
    relative_hosts = []
    for rel in _host_clauses(tok):
        host = _subject(rel)
        if host is not None and host.lower_ not in ("that", "which", "who"):
            relative_hosts.append(host)
        for guest in (o for p in rel.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children
                      if o.dep_ == "pobj"):
            relative_hosts += [t for t in [guest, *conjuncts(guest)] if t not in relative_hosts]
            relative_hosts += [a for t in [guest, *conjuncts(guest)] for a in t.children if a.dep_ == "appos"]
    if tok.lemma_.lower() in MEAL_NOUNS:
        # "a dinner for leaders given by King Willem-Alexander and Queen Máxima": its hosts
        guests = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
        hosts += [o for owner in [tok, *guests] for acl in owner.children if acl.dep_ == "acl"
                  and acl.lemma_.lower() == "give" for o in _agents(acl)]
    hosts += [n for o in hosts for n in conjuncts(o) if n not in hosts]
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in ACL_HOSTS:
        # "The conference was co-hosted by France, the African Union and Gavi": its hosts met there.
        hosts += _agents(tok.head)
    participants: list[str] = []
    for agent in agents + attendees:
        participants += [p for p in _actors(ctx, agent, speaker) if p not in participants]
        participants += [p for p in ctx.coordinated_people(agent) if p not in participants]
    if visit and agents and not explicit:
        # "He made the announcement during a visit by Martin": a visit with no destination
        # named is to the one the clause is about.
        host_verb = _governing_verb(tok)
        host = _subject(host_verb) if host_verb is not None else None
        if host is not None:
            participants += [p for p in _actors(ctx, host, speaker) if p not in participants]
    # "During Scholz's visit to Beijing, Xi ...": the possessor made the visit, not the clause's subject.
    owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if visit and owners and not agents:
        for owner in owners:
            participants += [p for p in _actors(ctx, owner, speaker) if p not in participants]
        if participants:
            agents = owners
    governing = _governing_verb(tok)
    separate = any(c.dep_ == "amod" and c.lower_ == "separate" for c in tok.children)
    # "a meeting with Macron and von der Leyen": someone met them -- the clause's subject.
    with_only = bool(explicit) and all(o.head.lower_ == "with" for o in own_objects)
    # "..., before the US president's meeting with Xi": the named owner had it, not the clause's subject.
    named_owner = any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in tok.children) and with_only
    # "Speaking by video link to the meeting ...": an address from afar, no part in the meeting.
    remote = governing is not None and governing.lemma_.lower() in ("speak", "address", "appear") and any(
        o.lemma_.lower() in ("video", "link", "videolink", "videoconference")
        for p in governing.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children)
    if governing is not None and not agents and (len(explicit) < 2 or separate or with_only):
        subject = _subject(governing) if not named_owner and not remote else None
        if subject is not None:
            found = _actors(ctx, subject, speaker)
            if visit and tok.dep_ == "pobj" and tok.head.lower_ in ("after", "before", "following", "since") and \
                    all(ctx.entity(p) is not None and ctx.entity(p).kind == COUNTRY for p in found):
                # "Egypt had agreed ..., after a one-day visit to Israel in which he pressed
                # Netanyahu": a country that agreed after a visit did not make it.
                found = []
            participants += [p for p in found if p not in participants]
            participants += [p for p in ctx.coordinated_people(subject) if p not in participants]
        # "met Zelensky in Kyiv, six weeks after a trip to Moscow": those met were not on the trip
        # (but "has not met Xi since their talks": "their" is the two of them).
        counted_from = _time_reference(tok) and not any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children)
        if governing.lemma_.lower() in ("tell", "invite", "urge", "ask", "assure", "warn", "inform", "meet",
                                        "host", "receive", "welcome", "call", "brief", "press", "thank", "join",
                                        "give", "convey", "bring", "summon") and not counted_from:
            # "told Stoltenberg in a phone call", "invited Kristersson in a letter", "a message he
            # had given Biden during their video call"
            for child in governing.children:
                if child.dep_ in ("dobj", "dative") and child.i != tok.i:
                    participants += [p for p in _actors(ctx, child, speaker) if p not in participants]
        if governing.dep_ == "xcomp" and governing.head.lemma_.lower() in OBJECT_CONTROL_VERBS and \
                tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "by", "over"):
            # "He urged Maduro to avoid unilateral steps in a telephone call": the call was between
            # the one who urged and the one urged (the parser hung it from the second verb).
            urger = _subject(governing.head)
            urged = [c for c in governing.head.children if c.dep_ == "dobj"]
            for party in ([urger] if urger is not None else []) + urged:
                participants += [p for p in _actors(ctx, party, speaker) if p not in participants]
        if governing.lemma_.lower() in ("deliver", "convey", "give", "relay", "pass"):
            # "a warning that Xi delivered to Biden in a phone call": its hearer
            for obj in _with_objects(governing, preps=("to",)):
                participants += [p for p in _actors(ctx, obj, speaker) if p not in participants]
        extra = [o for p in _with_preps(governing, tok) for o in p.children if o.dep_ == "pobj"]
        for obj in _with_objects(governing, preps=("with", "between", "among")) + extra:
            # (the second of "talks with A on Wednesday and with B on Thursday" hangs from "on")
            participants += [p for p in _actors(ctx, obj, speaker) if p not in participants]
            # "with Prime Minister Netanyahu and Defence Minister Gallant", parsed as one name
            participants += [p for p in ctx.coordinated_people(obj) if p not in participants]
        if tok.lemma_.lower() in LETTER_NOUNS:
            # "sent a letter to Trump", "received a letter from Gazprom", "handed Biden a letter"
            for obj in _with_objects(governing, preps=("to", "from")) + _with_objects(tok, preps=("from",)):
                participants += [p for p in _actors(ctx, obj, speaker) if p not in participants]
            for child in governing.children:
                if child.dep_ in ("dative", "dobj") and child.i != tok.i:
                    targets = [o for o in child.children if o.dep_ == "pobj"] if child.pos_ == "ADP" else [child]
                    for target in targets:
                        participants += [p for p in _actors(ctx, target, speaker) if p not in participants]
        if len(participants) + len(explicit) < 2 and governing.dep_ == "advcl" and governing.tag_ == "VBG" and \
                any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
            # "Opening their bilateral talks, López Obrador urged Biden ...": "their" is the
            # main clause's subject and the person it addresses.
            main = governing.head
            for child in main.children:
                if child.dep_ in ("dobj", "dative"):
                    participants += [p for p in _actors(ctx, child, speaker)
                                     if p not in participants and ctx.entity(p).kind == PERSON]
    if tok.lemma_.lower() in LETTER_NOUNS:
        for child in tok.children:
            if child.dep_ == "relcl" and child.lemma_.lower() in ("send", "write", "deliver", "address", "hand"):
                # "a letter she had sent to Trump": its writer and its addressee
                writer = _subject(child)
                if writer is not None and writer.lower_ not in ("which", "that"):
                    participants += [p for p in _actors(ctx, writer, speaker) if p not in participants]
                for obj in [o for c in child.children if c.lower_ == "to" and c.dep_ in ("prep", "dative")
                            for o in c.children if o.dep_ == "pobj"]:
                    participants += [p for p in _actors(ctx, obj, speaker) if p not in participants]
    # ("a round of conversations on Sunday in which ...": the clause hung on the round)
    rounds = [tok.head.head] if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" else []
    if len(participants) + len(explicit) < 2:
        for child in (c for owner in [tok, *rounds] for c in owner.children):
            if child.dep_ == "relcl" and any(t.lower_ == "where" or (t.lower_ in ("which", "whom") and (
                    t.dep_ != "pobj" or t.head.lower_ in ("at", "in", "during"))) for t in child.subtree
                                              if t.i < child.i):
                # ("... talks, after which both countries said ...": later, not at the talks.)
                # "a cabinet meeting in Paris, at which Macron and Scholz pledged ...": who was there.
                subject = _subject(child)
                if subject is not None:
                    participants += [p for p in _actors(ctx, subject, speaker) if p not in participants]
                for obj in _with_objects(child, preps=("with",)):    # "which Macron co-chaired with Modi"
                    participants += [p for p in _actors(ctx, obj, speaker) if p not in participants]
                if child.lemma_.lower() in SPOKEN_TO_VERBS and not visit:
                    # "conversations on Sunday in which Shoigu told his French, British and Turkish
                    # counterparts, Lecornu, Wallace and Akar, that ...": those he told
                    told = [p for obj in (c for c in child.children if c.dep_ in ("dobj", "dative"))
                            for t in [obj, *conjuncts(obj), *(a for a in obj.children if a.dep_ == "appos")]
                            for p in _actors(ctx, t, speaker) + ctx.coordinated_people(t)]
                    # (the people named, not the countries of "his French and British counterparts")
                    named = [p for p in told if ctx.is_named_person(p)]
                    participants += [p for p in dict.fromkeys(named or told) if p not in participants]
    # "his talks ... with Netanyahu and Gallant": the owner talked with them.
    with_parties = any(o.head.lower_ == "with" for o in
                       own_objects + (_with_objects(governing) if governing is not None else []))
    if len(participants) + len(explicit) < 2 or (with_parties and not visit):
        for child in tok.children:
            # "Trump's call with Putin last Tuesday and his call with Zelensky": Trump's again.
            owner = _parallel_owner(ctx, tok) if child.dep_ == "poss" and child.pos_ == "PRON" else None
            if owner is not None:
                participants += [p for p in _actors(ctx, owner, speaker) if p not in participants]
            elif child.dep_ == "poss":
                participants += [p for p in _actors(ctx, child, speaker) if p not in participants]
            if child.dep_ in ("compound", "amod", "nmod"):
                m = ctx.mention_at(child.i)
                if m and m.kind == COUNTRY and m.iri not in participants:
                    participants.append(m.iri)
    participants += [p for p in explicit if p not in participants]
    for host in hosts:
        participants += [p for p in _actors(ctx, host, speaker) if p not in participants]
        # "co-hosted by Duda and Romanian President Klaus Iohannis", parsed as one name
        participants += [p for p in ctx.coordinated_people(host) if p not in participants]
    if not any(ctx.entity(p) is not None and ctx.entity(p).kind == COUNTRY for p in participants):
        for host in relative_hosts:
            participants += [p for p in _actors(ctx, host, speaker) if p not in participants]
    if tok.lemma_.lower() in LETTER_NOUNS and governing is not None and \
            governing.lemma_.lower() in ("hand", "deliver", "pass", "bring", "carry", "give"):
        senders = [p for o in _with_objects(tok, preps=("from",)) for p in _actors(ctx, o, speaker)]
        subject = _subject(governing)
        courier = [p for p in (_actors(ctx, subject, speaker) if subject is not None else []) if p not in senders]
        if senders and courier:
            # "handed him a letter from Khamenei": the letter is Khamenei's to him; who carried it
            # is the messenger (his own exchange with the recipient is read from the clause).
            participants = [p for p in participants if p not in courier]
    return participants, explicit, governing


def _restates_an_exchange(noun) -> bool:
    """A noun in apposition to an exchange just named ("talks, the first meeting between ..."),
    on the noun itself or on the verb that holds it."""
    if noun.dep_ == "appos":
        return _trigger(noun.head) is not None and _trigger(noun.head)[1] == "noun"
    return noun.dep_ == "npadvmod" and any(c.dep_ == "dobj" and c.i < noun.i and _trigger(c) is not None
                                           and _trigger(c)[1] == "noun" for c in noun.head.children)


def _only_greeted(verb) -> bool:
    """"only shook hands with X", "merely greeted X", "shook hands at the dinner but did not sit
    down for a meeting": a greeting instead of talks."""
    only = any(c.dep_ == "advmod" and c.lower_ in ("only", "merely", "just", "briefly") for c in verb.children)
    but_not = any(c.dep_ == "conj" and any(n.dep_ == "neg" for n in c.children) and
                  any(b.dep_ == "cc" and b.lower_ == "but" for b in verb.children) for c in verb.children)
    if not (only or but_not):
        return False
    lemma = verb.lemma_.lower()
    return lemma == "greet" or (lemma == "shake" and any(c.dep_ == "dobj" and c.lemma_.lower() == "hand"
                                                         for c in verb.children))


def _parallel_owner(ctx: DocContext, noun):
    """The named possessor of the same kind of exchange earlier in the sentence, for "his call"
    after "Trump's call with Putin ... and"."""
    sent = ctx.sentence_of(noun)
    for other in reversed(ctx.tokens[sent.start:noun.i]):
        if other.lemma_.lower() == noun.lemma_.lower() and other.pos_ == noun.pos_:
            owner = next((c for c in other.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if owner is not None and any(t.lower_ == "and" for t in ctx.tokens[other.i:noun.i]):
                return owner
            return None
    return None


def _enclosing_speaker(ctx: DocContext, tok) -> str | None:
    """Who reports the clause of ``tok`` ("..., Orbán said after talks with Kristersson")."""
    node = tok
    while node.head.i != node.i:
        node = node.head
        if is_reporting_verb(node):
            if any(t.text == ";" for t in ctx.tokens[min(tok.i, node.i):max(tok.i, node.i)]):
                return None     # "officials met Maduro at the weekend; Psaki said ...": a clause of its own
            speaker, _ = _speaker_of(ctx, node)
            return speaker
    return None


def story_topics(ctx: DocContext, topic_index: dict) -> list[Topic]:
    """What the story is about: the lead sentence's scheme topics and the things it acts on."""
    first = ctx.sentences[0] if ctx.sentences else None
    if first is None:
        return []
    negated = _negated_tokens(ctx, first, [])
    # Every match of the lead, not one per concept: each wording is kept as written.
    found = [t for start, (_, _, t) in topic_index.items() if first.start <= start < first.end and start not in negated]
    found += [t for t in _object_topics(ctx, topic_index, first, any_prep=True, skip=negated)
              if all(t.iri != x.iri for x in found)]
    return found


def extract_meetings(ctx: DocContext, topic_index: dict) -> None:
    """Find exchanges between actors; append them (merged) to ``ctx.facts.meetings``."""
    doc = ctx.doc
    # The topic under discussion, for "discussed the issue": the lead sentence's topics, then
    # each exchange's explicit subject ("talks about X").
    first = ctx.sentences[0] if ctx.sentences else None
    discourse_topics = story_topics(ctx, topic_index)
    # The lead says what the story is about; it stays a topic of exchanges that name none.
    lead_topics = list(discourse_topics)
    consumed: set[int] = set()
    for sent, sent_text in zip(ctx.sentences, ctx.sentence_texts):
        for tok in ctx.tokens[sent.start:sent.end]:
            if tok.i in consumed:
                continue
            trig = _trigger(tok)
            if trig is None:
                continue
            kind, kind_of = trig
            if kind_of == "verb" and tok.dep_ in ("xcomp", "advcl") and tok.lemma_.lower() in TOPIC_VERBS and \
                    _trigger(tok.head) is not None:
                continue    # "meet in Brussels to discuss tariffs": the meeting's purpose, read with it
            status = _status(ctx, tok, kind_of)
            if status is None:
                continue
            heads = [tok]
            adverbial: list[int] = []    # exchanges named in an adverbial, this one if it has parties
            participants: list[str] = []
            confidence = 0.85
            speaker = ctx.quote_at(tok.i) and _quote_speaker(ctx, tok)
            if kind_of == "verb":
                subject = _subject(tok)
                if subject is not None and subject.dep_ == "nsubjpass" and \
                        (tok.lemma_.lower() in DEAL_VERBS or MEETING_VERBS.get(tok.lemma_.lower()) == "signing"):
                    subject = None  # "The Comprehensive Economic Partnership Agreement was signed by A and B":
                                    # what was signed, never a party to it
                if subject is not None:
                    participants += _actors(ctx, subject, speaker)
                    participants += [p for p in ctx.coordinated_people(subject) if p not in participants]
                    if tok.dep_ == "relcl" and subject.dep_ == "conj" and subject.i == tok.head.i and \
                            tok.lemma_.lower() in ("meet", "talk", "speak", "confer") and \
                            not any(c.dep_ == "dobj" for c in tok.children) and not _with_objects(tok):
                        # "led by Cleverly and Šefčovič, who met in London in early January": the
                        # pair met each other.
                        for other in [subject.head, *conjuncts(subject.head)]:
                            participants += [p for p in _actors(ctx, other, speaker) if p not in participants]
                    # "The G7 nations, the EU and Australia agreed": a list the parser cut into
                    # several subjects of the verb.
                    # The same when the subject is the governing verb's ("A and his counterpart B
                    # announced after speaking by phone").
                    owner = subject.head if subject.dep_ in ("nsubj", "nsubjpass") else tok
                    others = sorted({c.i for c in (*tok.children, *owner.children) if c.dep_ == "nsubj"})
                    for other in (ctx.tokens[i] for i in others):
                        if other.i != subject.i and other.i < owner.i:
                            participants += [p for p in _actors(ctx, other, speaker) if p not in participants]
                host = _host_of_joined_event(tok, subject)
                if host is not None:
                    participants += [p for p in _actors(ctx, host, speaker) if p not in participants]
                objects = _with_objects(tok, deep=tok.lemma_.lower() == "spend")   # "on the phone with Putin"
                # "spoke for two hours by video link with Lutnick and Greer": "with" hung on the medium
                objects += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("by", "over", "via", "on")
                            for medium in p.children if medium.dep_ == "pobj" and medium.lemma_.lower() in MEDIA
                            for o in _with_objects(medium, preps=("with",)) if o not in objects]
                # "spoke with A for 20 minutes, with B ... and with C": the last "with" hangs elsewhere.
                objects += [o for p in _with_preps(tok, tok) for o in p.children if o.dep_ == "pobj" and o not in objects]
                if tok.lemma_.lower() == "join":
                    objects += _joined_by(tok)
                if tok.lemma_.lower() == "sit":
                    # "sat across from a delegation", "sat opposite Wang Yi"
                    objects += [o for c in tok.children if c.lower_ in ("from", "opposite") for o in c.children
                                if o.dep_ == "pobj"]
                if tok.lemma_.lower() in ("welcome", "invite", "host", "receive", "bring", "put"):
                    # "welcomed Modi to the White House": where to, not with whom
                    objects = [o for o in objects if o.head.lower_ != "to"]
                if tok.lemma_.lower() in TRAVEL_VERBS:
                    # "visited the Czech Republic with a large business delegation": those who came
                    # along, not those visited
                    objects = [o for o in objects if not (o.head.lower_ == "with" and o.lemma_.lower() in ENTOURAGE_NOUNS
                                                          and any(d.dep_ == "det" and d.lower_ in ("a", "an", "his", "her", "their")
                                                                  for d in o.children))]
                if tok.dep_ in ("amod", "compound") and tok.head.i > tok.i and subject is not None and \
                        tok.lemma_.lower() in ("meet", "host", "receive", "welcome", "visit", "call"):
                    # A misparse of "X hosted Y Z at ...": the verb hangs from its own object.
                    objects.append(tok.head)
                if tok.dep_ in ("amod", "compound") and subject is None and \
                        tok.lemma_.lower() in ("meet", "host", "receive", "welcome"):
                    participants += [p for p in _people_around(ctx, tok) if p not in participants]
                for child in tok.children:
                    if child.dep_ in ("oprd", "npadvmod") and ctx.mention_at(child.i) is not None and \
                            ctx.mention_at(child.i).kind == PERSON:
                        # "called Chinese President Xi Jinping" misread as "called X Y"; "met A and,
                        # separately, B" with B left hanging from the verb.
                        objects.append(child)
                    if _then_object(ctx, tok, child):
                        objects.append(child)   # "met Wang Yi ... and then Vice President Han Zheng"
                    if child.dep_ == "dobj" and child.lemma_.lower() in MEAL_NOUNS and \
                            tok.lemma_.lower() in ("host", "give", "throw", "hold", "offer"):
                        # "hosted a state banquet for him": the guest of honour
                        # (one person, named or "him"/"her"; a group "for leaders" is no one in particular)
                        objects += [o for owner in (child, tok) for p in owner.children
                                    if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"
                                    and (o.lower_ in ("him", "her") or ctx.mention_at(o.i) is not None
                                         and ctx.mention_at(o.i).kind == PERSON and not conjuncts(o))]
                    objects += _people_joined_to_place(ctx, tok, child)
                    objects += _separately_after(ctx, child)
                    if child.dep_ == "prep" and child.lower_ in ("along", "together") and child.i > tok.i:
                        # "joined Trump in the Oval Office, along with Health Secretary Robert F. Kennedy Jr."
                        objects += [o for w in child.children if w.dep_ == "prep" and w.lower_ == "with"
                                    for o in w.children if o.dep_ == "pobj"]
                    if child.dep_ == "prep" and child.lower_ in ("in", "before") and tok.lemma_.lower() == "sign":
                        # "signed ... in the presence of the two leaders": they took part
                        objects += [o for p in child.children if p.dep_ == "pobj" and p.lemma_.lower() == "presence"
                                    for of in p.children if of.dep_ == "prep" and of.lower_ == "of"
                                    for o in of.children if o.dep_ == "pobj"]
                    if child.dep_ == "dobj":
                        if _trigger(child) and child.lower_ in MEETING_NOUNS and not (
                                tok.lemma_.lower() in TOPIC_VERBS and
                                any(a.dep_ == "amod" and a.lower_ in PLAN_ADJECTIVES for a in child.children)):
                            # (but "discussed a possible call between Biden and Xi": a subject of
                            # their talks, another exchange not held)
                            heads.append(child)
                            consumed.add(child.i)
                            objects += _with_objects(child, preps=("with", "between", "among", "to", "from")
                                                     if child.lemma_.lower() in LETTER_NOUNS else
                                                     ("with", "between", "among", "to"))
                            if child.lemma_.lower() in LETTER_NOUNS:
                                kind = "letter"     # "received a letter from Xi"
                        elif tok.lemma_.lower() in ("meet", "host", "receive", "welcome", "visit", "call", "phone", "summon",
                                                    "join", "tell",
                                                    "telephone", "see", "press", "greet", "bring"):
                            objects.append(child)
                            # "hosted his Danish counterpart, Mette Frederiksen, and Norway’s energy
                            # minister, Terje Aasland": the second guest left hanging from the verb.
                            objects += [c for c in _people_left_on_verb(ctx, tok, child)
                                        if c.pos_ in ("NOUN", "PROPN") and c not in objects]
                            # "met Cooper and Barrot, together with Kallas": one more party
                            objects += [o for w in child.children if w.dep_ == "prep" and w.lower_ == "with"
                                        and any(a.lower_ == "together" for a in w.children)
                                        for o in w.children if o.dep_ == "pobj"]
                        else:
                            # "discussed aid to Ukraine": "to" names a recipient, not a party; "signed a
                            # memorandum on an energy partnership with Aliyev" hangs "with" deep inside;
                            # "discussed the war between Israel and Hamas": a subject, not its parties.
                            objects += _with_objects(child, deep=True, preps=(
                                ("with", "among") if tok.lemma_.lower() in TOPIC_VERBS else ("with", "between", "among")))
                    by = (child if child.dep_ == "agent" else _agent_hung_on_place(tok, child)) \
                        if tok.lemma_.lower() in PASSIVE_EXCHANGE_VERBS else None
                    if by is not None:
                        # "was received by Wang Xiaohong", "was signed by Kishida and Morrison"
                        objects += [o for o in by.children if o.dep_ == "pobj"]
                        # "... by Kishida and then prime minister Scott Morrison", "..., and Rwanda's
                        # foreign minister, Biruta": the second signatory left hanging from the verb.
                        objects += _people_left_on_verb(ctx, tok, child)
                    if child.dep_ == "prep" and child.lower_ == "on" and tok.lemma_.lower() == "call" and \
                            not appeal_on(tok):
                        # "called on the prime minister in Tokyo": a courtesy call, in person
                        visited = [o for o in child.children if o.dep_ == "pobj" and (
                            ctx.mention_at(o.i) is not None or any(ctx.is_named_person(p)
                                                                   for p in _actors(ctx, o, speaker)))]
                        if visited:
                            objects += visited
                            kind = "meeting"
                # "signed ... at a ceremony in the Dolmabahçe Palace hosted by President Erdogan": the host.
                for acl in tok.subtree:
                    if acl.dep_ == "acl" and acl.lemma_.lower() in ACL_HOSTS and acl.head.pos_ in ("NOUN", "PROPN") \
                            and any(a.lower_ in ("at", "in") and a.dep_ == "prep" for a in acl.head.ancestors
                                    if a.i > tok.i and tok.is_ancestor(a)):
                        objects += _agents(acl)
                        # "co-hosted by Duda and Romanian President Klaus Iohannis", parsed as one name
                        objects += [t for o in _agents(acl) for t in o.subtree if t.i != o.i and t.dep_ == "nmod"
                                    and any(c.dep_ == "cc" for c in t.children)]
                if any(c.dep_ == "nsubjpass" and c.lemma_.lower() in DEAL_NOUNS for c in tok.children):
                    # "... was struck between the Parliament, ..., and the member states, ...": the
                    # parser hangs the second party from the verb.
                    objects += [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
                objects += [who for obj in list(objects) for who in _taking_part(obj)]
                for obj in objects:
                    for party in _representatives(obj) or [obj]:
                        participants += [p for p in _actors(ctx, party, speaker) if p not in participants]
                        participants += [p for p in ctx.coordinated_people(party) + _listed_after(ctx, party)
                                         if p not in participants]
                for witness in _witnesses(tok):
                    # "signed the declaration as Scholz and Trudeau looked on", "the two leaders
                    # watched Diess sign": those who stood by were there too.
                    participants += [p for p in _actors(ctx, witness, speaker) + ctx.coordinated_people(witness)
                                     if p not in participants]
                if tok.lemma_.lower() in ("speak", "talk") and not any(c.lower_ in ("phone", "telephone", "video", "videoconference")
                                                                      for c in tok.subtree):
                    kind = "talks" if tok.lemma_.lower() == "talk" else "meeting"
                if tok.lemma_.lower() in ("discuss", "raise") and not objects and len(participants) < 2:
                    continue
                if tok.lemma_.lower() == "raise" and not objects:
                    continue    # "the two central banks raised rates": raised with nobody
                if tok.lemma_.lower() == "agree":
                    # "France, Germany and Italy agreed ...": parties who agree have negotiated.
                    kind, confidence = "talks", 0.55
                # Exchanges mentioned in an adverbial ("during their meeting on Friday") are this one.
                for sub in tok.subtree:
                    # ("has not met Xi since their talks in Bali": another exchange, the one counted from)
                    if sub.i != tok.i and sub.dep_ == "pobj" and _trigger(sub) and sub.head.head.i == tok.i and \
                            not _time_reference(sub):
                        heads.append(sub)
                        adverbial.append(sub.i)
                        if _trigger(sub)[0] in REMOTE_KINDS and sub.head.lower_ in ("in", "during", "by", "over"):
                            kind = _trigger(sub)[0]     # "discussed the app in a phone call"
                        if any(c.dep_ == "amod" and c.lower_ == "separate" for c in sub.children):
                            # "Russia and Ukraine each agreed, in separate talks with US officials, ...":
                            # the other party of each (split below).
                            for obj in _with_objects(sub, preps=("with",)):
                                participants += [p for p in _actors(ctx, obj, speaker) if p not in participants]
                        if sub.head.lower_ == "for" and tok.lemma_.lower() == "visit":
                            # "visited Moscow and Kyiv for talks with Putin and Zelensky"
                            for obj in _with_objects(sub, preps=("with",)):
                                participants += [p for p in _actors(ctx, obj, speaker) if p not in participants]
            else:
                above = _governing_verb(tok)
                if above is not None and above.i > tok.i and _trigger(above) and _trigger(above)[1] == "verb" \
                        and tok.dep_ == "pobj" and above.lemma_.lower() not in TOPIC_VERBS | {"agree", "sign", "write"}:
                    continue  # "During a visit ..., Rutte talked with Biden": the verb's exchange, read there
                if tok.dep_ == "pobj" and tok.head.lower_ in ("after", "before", "following", "since", "until") and \
                        any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.pos_ == "NOUN")
                            for c in tok.children) and \
                        not _with_objects(tok):
                    # "After the talks, Zelensky joined ...", "until the leaders' summit": the time of
                    # an exchange, not a new one
                    continue
                if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.tag_ == "VBN" and \
                        tok.head.head.dep_ == "acl" and tok.head.head.head.lemma_.lower() in PERSON_NOUNS | SOURCE_NOUNS:
                    continue    # "a European official involved in the talks", "according to people involved in
                                # the negotiations": who speaks, not an exchange
                if tok.lemma_.lower() in ("visit", "trip") and _to_a_gathering(tok):
                    continue    # "on her first trip to a European summit, met Macron": a journey to the
                                # gathering, not a visit to the host of whoever she met there
                if _restates_an_exchange(tok):
                    continue    # "held their own talks, the first meeting between the two countries'
                                # ministers since 2019": the same exchange, told again
                participants, explicit_with, governing = _noun_participants(ctx, tok, speaker)
                if governing is not None and _only_greeted(governing):
                    continue    # "only shook hands with Austin at the opening dinner": no talks
                if governing is not None and not _time_reference(tok):
                    # (but "met Zelensky on Aug. 23, six weeks after a trip to Moscow in July": the
                    # trip has a time of its own, not the verb's)
                    heads.insert(0, governing)
                heads += _host_clauses(tok)     # "a summit that Macron hosted in Paris in June": its time
                if len(participants) == 1 and tok.lower_ in PROCESS_NOUNS and participants[0] in explicit_with:
                    # (not when the one party is the clause's subject: "Champagne held talks with
                    # executives of both companies, his office said" -- not talks with his office)
                    # "talks with the US", said by a Dutch official: the other party is the speaker,
                    # as a country when the named party is a country.
                    implied = _enclosing_speaker(ctx, tok)
                    party = implied
                    if implied and ctx.entity(participants[0]) and ctx.entity(participants[0]).kind == COUNTRY:
                        party = ctx.country_of(implied)
                    if party and party not in participants:
                        participants.append(party)
                        confidence = 0.6
                det = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
                if det and det[0] == "both" and tok.tag_ == "NNS" and not explicit_with and governing is not None \
                        and _attends(governing) and status == HELD:
                    # "Josep Borrell joined both sessions": one more party to each of the last two told.
                    recent = [m for m in ctx.facts.meetings if m.status == HELD
                              and 0 <= ctx.sentence_no(tok) - m.evidence.sentence <= 2][-2:]
                    if len(recent) == 2:
                        for told in recent:
                            told.participants += [p for p in participants if p not in told.participants
                                                  and ctx.is_named_person(p)]
                        continue
                definite = bool(det) and det[0] in ("the", "their", "these", "those", "that", "this")
                if definite and not explicit_with and ctx.facts.meetings and tok.i not in consumed:
                    previous = ctx.facts.meetings[-1]
                    if governing is not None and _attends(governing):
                        # "Kallas also took part in the talks": the people's exchange, when the last
                        # one told is their governments' ("The two sides signed ...").
                        previous = next((m for m in reversed(ctx.facts.meetings) if m.status == HELD
                                         and 0 <= ctx.sentence_no(tok) - m.evidence.sentence <= 2
                                         and sum(ctx.entity(p) is not None and ctx.entity(p).kind == PERSON
                                                 for p in m.participants) >= 2), previous)
                    # (a country stands for its people beside one of them: "the call" in which "the
                    # Vietnamese leader asked Washington ..." is Trump's call with To Lam; but "Berlin
                    # and Beijing announced during the visit" is the governments' own exchange)
                    covered = any(p in previous.participants for p in participants) and all(
                        p in previous.participants or any(ctx.country_of(q) == p for q in previous.participants)
                        for p in participants)
                    if len(participants) < 2 or (covered and previous.status == status):
                        # (but "has not met Xi since their talks in Bali": held talks, not the meeting denied)
                        same_kind = previous.kind == kind or tok.lemma_.lower() in ("meeting", "call", "visit", "summit")
                        attended = governing is not None and _attends(governing)
                        if tok.lower_ in PROCESS_NOUNS and det[0] == "the" and not same_kind and not attended:
                            # "the consultations" after a leaders' meeting: the governments behind it.
                            countries = list(dict.fromkeys(c for c in (ctx.country_of(p) for p in previous.participants) if c))
                            if len(countries) >= 2 and set(countries) != set(previous.participants):
                                participants = countries
                                confidence = 0.45
                        else:
                            # "During the meeting, ...", "The talks also covered ...": more about the last exchange.
                            for t in topics_between(ctx, topic_index, sent.start, sent.end):
                                if all(t.iri != x.iri for x in previous.topics):
                                    previous.topics.append(t)
                            previous.extra_evidence.append(ctx.evidence(sent))
                            own_time = time_of(ctx, tok) if previous.time is None and status == HELD and \
                                tok.dep_ in ("nsubj", "nsubjpass") and \
                                ctx.sentence_no(tok) - previous.evidence.sentence <= 2 else None
                            if own_time is not None and previous.status == HELD:
                                # "The meeting on Monday, ... was described as positive": its day (not
                                # "contrasted with the December summit", another one)
                                previous.time = own_time
                            if status == HELD and previous.status == HELD:
                                # "The meeting on Monday, also attended by Sergio Gor, ..."
                                previous.participants += [p for c in tok.children if c.dep_ == "acl"
                                                          and c.lemma_.lower() in ("attend", "join")
                                                          for a in _agents(c) for p in _actors(ctx, a)
                                                          if ctx.is_named_person(p) and p not in previous.participants]
                            if governing is not None and _attends(governing) and \
                                    status == HELD and previous.status == HELD:
                                # "Reznikov also attended the meeting": one more party to it.
                                previous.participants += [p for p in participants if p not in previous.participants
                                                          and ctx.entity(p) is not None
                                                          and ctx.entity(p).kind != "anonymous"]
                            continue
            if len(participants) == 1 and kind in ("talks", "visit", "meeting"):
                host = _host_country(ctx, [*heads, _governing_verb(tok) if kind_of == "noun" else None],
                                     participants[0])
                if host is not None:
                    participants.append(host)   # "Xi wrapped up two days of talks in France"
            participants = _normalise(ctx, tok, list(dict.fromkeys(participants)))
            if len(participants) < 2:
                continue
            consumed.update(adverbial)
            groups = _separate_with_groups(ctx, tok, kind_of, speaker, participants)
            time = None
            for head in heads:
                time = time or _date_of_when_clause(ctx, head) or time_of(ctx, head, future=status == PLANNED)
            if time is None:
                # "... and his call with Zelensky the following day", "received A on Monday and met B
                # the following day": the day after the last exchange told.
                time = days_after(_last_time_told(ctx, sent), _own_words(tok, kind_of)) \
                    if names_days_later(sent_text) else None     # (the sentence first: it is cheaper)
            if time is None:
                # "After the talks, Zelensky joined ... in a phone call": the day of the talks told.
                time = _after_the_exchange_time(ctx, sent, heads[0])
            if time is None:
                # "In late January, Orbán said he had told X in a call": the nearest dated clause above.
                time = _ancestor_time(ctx, heads[0], future=status == PLANNED)
            same_day, days_earlier = same_day_as_told(sent_text), names_days_earlier(sent_text)
            told = _day_told_before(ctx, sent) if same_day or days_earlier else None
            if time is None and same_day:
                # "Trudeau spoke to Trump later that night", "dined together that evening": the day
                # of the last event told, dated in the text before (an exchange or not); with no
                # day named near, the last exchange told with a day ("The talks came on the same day
                # that Biden met Xi").
                last = next((m.time for m in reversed(ctx.facts.meetings) if m.time is not None and m.time.is_day
                             and m.evidence.sentence < ctx.sentence_no(sent[0])), None)
                time = told or (replace(last, inferred=True) if last is not None else None)
            if time is None and same_month_as_told(sent_text) and same_month_as_told(_own_words(tok, kind_of)):
                # "met Kagame when he travelled to Kigali for a summit that month": the month
                # named last before, in this sentence or the one before.
                time = _month_told_before(ctx, sent, tok)
            before_story = days_before_the_story(sent_text) if time is None else None
            if before_story is not None and ctx.token_offsets[heads[0].i] - sent.start_char >= before_story[1]:
                # "The agreement came two days after Meloni flew to Tunis for talks with Saied":
                # the talks were two days before the story's event.
                story = _story_day(ctx)
                if story is not None:
                    day = story.start - timedelta(days=before_story[0])
                    time = TimeSpan(day, day, DAY, before_story[2])
            if days_earlier and counts_from_the_story(sent_text):
                # "a day before the announcement": the announcement the story leads with
                told = _story_day(ctx) or told
            earlier = days_before(told, sent_text) if days_earlier else None
            if earlier is not None and (time is None or not time.is_day):
                time = earlier      # "A day earlier, Witkoff held talks ..., his fourth meeting this year"
            if time is None:
                # News tells events in order: with no date of its own, the exchange takes the one
                # date of its sentence, or else of the sentence before ("announced on Monday ...
                # Biden, who hosted Albanese and Sunak, said ...").
                time = None if _in_sequence_clause(heads[0]) else _sentence_time(ctx, sent, future=status == PLANNED,
                                                                                  head=heads[0])
            if time is None and ctx.facts.meetings and same_time_as_before(sent_text):
                time = ctx.facts.meetings[-1].time  # "On the same day, Macron held talks ..."
            if time is None and names_days_later(sent_text):
                time = days_after(_last_time_told(ctx, sent), sent_text)  # "A day later, Macron met ..."
            if time is None and status == HELD and first is not None and ctx.sentence_no(sent[0]) <= 1 \
                    and not _in_sequence_clause(heads[0]):
                # The lead reports the story's event and dates it; the sentence after it
                # usually tells more of the same ("... announced on Monday. Biden, who hosted
                # Albanese and Sunak, said ...").
                time = _sentence_time(ctx, first, future=False)
                time = replace(time, inferred=True) if time is not None else None
            if time and ctx.date and time.start > ctx.date and status == HELD:
                status = PLANNED
            topics = _topics_for(ctx, topic_index, heads)
            explicit = bool(topics)
            anaphoric = any(c.dep_ == "dobj" and c.lemma_.lower() in ANAPHORIC_TOPICS for h in heads for c in h.children)
            if not topics and anaphoric:
                topics = list(discourse_topics)
            # What the sentence reporting the exchange is about belongs to it too ("met ... to sign
            # the AUKUS submarine deal"): its scheme topics and the things it names as objects; an
            # exchange with no subject of its own takes the article's current one.
            negated = _negated_tokens(ctx, sent, heads)
            sentence_topics = topics_between(ctx, topic_index, sent.start, sent.end, skip=negated)
            for extra in sentence_topics + _object_topics(ctx, topic_index, sent, skip=negated):
                if all(extra.iri != t.iri and extra.label != t.label for t in topics):
                    topics.append(extra)
            # The paragraph's scheme topics: news puts an exchange and what it covered in
            # neighbouring sentences ("Kishida met Yoon on Thursday. The two leaders agreed to ...").
            for extra in _paragraph_topics(ctx, topic_index, sent):
                if all(extra.iri != t.iri for t in topics):
                    topics.append(extra)
            # The lead's subject is the story's: an exchange dated well before it (last
            # November's meeting in a story about this week's balloon) was about something else.
            earlier = time is not None and ctx.date is not None and (ctx.date - time.end).days > 31
            if not explicit and not anaphoric and not earlier:
                for extra in discourse_topics + lead_topics:
                    if all(extra.iri != t.iri for t in topics):
                        topics.append(extra)
            if not explicit and status == HELD and any(
                    a.lemma_.lower() in UNSAID_VERBS and any(c.dep_ == "neg" for c in a.children) for a in heads[0].ancestors):
                # "did not discuss it with Macron when the two met": what the sentence is about is
                # what they did not discuss, no topic of their meeting.
                topics = []
            if any(ctx.mention_at(t.i) and ctx.mention_at(t.i).via in ("description",) for t in sent):
                confidence -= 0.1
            group_times = _with_group_times(ctx, tok if kind_of == "verb" else (_governing_verb(tok) or tok), tok,
                                            groups, future=status == PLANNED)
            for group, group_time in zip(groups, group_times):
                # Measured on the development corpus: exchanges between named people are right
                # far more often (0.98) than those where a country or organisation stands for a
                # side (0.67-0.89), whose wording is looser ("Washington and Berlin have been ...").
                institutional = any(ctx.entity(p).kind != PERSON for p in group)
                meeting = Meeting(kind=kind, participants=group, evidence=ctx.evidence(sent), time=group_time or time,
                                  place=_place(ctx, heads), topics=list(topics), status=status,
                                  confidence=round(confidence - (0.15 if institutional else 0.0), 3),
                                  extractor=EXTRACTOR)
                if kind_of == "verb" and _host_of_joined_event(tok, _subject(tok)) is not None and \
                        _joins_the_exchange_told(ctx, tok.head, meeting):
                    continue
                if kind_of == "verb" and _signed_as_witnesses(tok) and _witnessed_signing(ctx, meeting):
                    continue
                days = _days_again(ctx, sent, status) if meeting.time is None else []
                for day in days:
                    # "met a delegation ... on Sunday and again on Tuesday": one meeting each day
                    _add_or_merge(ctx, replace(meeting, time=day, extra_evidence=[]))
                if not days:
                    _add_or_merge(ctx, meeting)
            delegations = _delegations_of(ctx, tok, kind_of, participants)
            if delegations:
                # "Negotiators led by Bessent and He Lifeng met in Madrid": their governments met too.
                _add_or_merge(ctx, Meeting(kind=kind, participants=delegations, evidence=ctx.evidence(sent), time=time,
                                           place=_place(ctx, heads), topics=list(topics), status=status,
                                           confidence=round(confidence - 0.15, 3), extractor=EXTRACTOR))
            if explicit and status != DENIED:
                # (what "they did not discuss" is no topic of the exchanges told next)
                discourse_topics = topics
    _add_companions(ctx)
    _add_opening_meetings(ctx, topic_index)
    _add_chaired_sessions(ctx, topic_index)
    _add_guest_visits(ctx, topic_index)
    _add_those_who_also_took_part(ctx)
    _date_visits_by_their_exchanges(ctx)
    _date_by_the_story(ctx)
    _add_told_topics(ctx, topic_index)


def _add_those_who_also_took_part(ctx: DocContext) -> None:
    """"Skerrit also took part, as did Celso Amorim", "Kennedy also participated", said right after an
    exchange: more people in it."""
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in ("take", "participate"):
            continue
        objects = [c for c in tok.children if c.dep_ in ("dobj", "prep") and c.lower_ != "according"]
        if lemma == "take":
            if [c.lower_ for c in objects] != ["part"]:
                continue
        elif objects:
            continue    # "participated in the vote": said of something else
        if not any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in tok.children) or \
                _status(ctx, tok, "verb") != HELD:
            continue
        subject = _subject(tok)
        people = _actors(ctx, subject) + ctx.coordinated_people(subject) if subject is not None else []
        for clause in tok.children:
            if clause.dep_ == "advcl" and clause.lemma_.lower() == "do" and \
                    any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children):
                people += [p for s_ in clause.children if s_.dep_ == "nsubj" for p in _actors(ctx, s_)]
        people = [p for p in dict.fromkeys(people) if ctx.is_named_person(p)]
        here = ctx.sentence_no(tok)
        near = [m for m in ctx.facts.meetings if m.status == HELD and m.kind not in REMOTE_KINDS | {"visit"}
                and 0 <= here - _last_told(m, here) <= 1]
        if not near or not people:
            continue
        told = max(near, key=lambda m: _last_told(m, here))
        told.participants += [p for p in people if p not in told.participants]


def _last_told(meeting: Meeting, here: int) -> int:
    """The last sentence up to sentence ``here`` that told of ``meeting`` (-9 for none)."""
    return max((e.sentence for e in [meeting.evidence, *meeting.extra_evidence] if e.sentence <= here), default=-9)


def _date_visits_by_their_exchanges(ctx: DocContext) -> None:
    """An undated visit takes the day of the guest's dated talks with the host country's people:
    "The Japanese leader, on his first visit to Washington, said ..." after "Ishiba ... at their
    first summit at the White House" on Friday."""
    for visit in ctx.facts.meetings:
        if visit.kind != "visit" or visit.time is not None or visit.status != HELD or len(visit.participants) != 2:
            continue
        guest, host = visit.participants
        if ctx.entity(host) is None or ctx.entity(host).kind != COUNTRY:
            continue
        visit.time = next((m.time for m in ctx.facts.meetings if m.status == HELD and m.time is not None
                           and m.kind != "visit" and guest in m.participants
                           and any(ctx.country_of(p) == host for p in m.participants if p != guest)
                           and not _held_elsewhere(ctx, m, host) and not _old_news(ctx, m, visit)), None)


def _held_elsewhere(ctx: DocContext, meeting: Meeting, country: str) -> bool:
    """Whether the exchange's place is a capital of another country than ``country``."""
    if meeting.place is None:
        return False
    found = ctx.gaz.country(meeting.place[1])
    return found is not None and found.iri != country


def _old_news(ctx: DocContext, meeting: Meeting, visit: Meeting) -> bool:
    """A visit the lead tells is this week's news: an exchange a month or more before the article
    ("had met Bessent in Geneva in May") is not what it was for."""
    return visit.evidence.sentence <= 1 and ctx.date is not None and (ctx.date - meeting.time.end).days > 31


def _date_by_the_story(ctx: DocContext) -> None:
    """An exchange held with no time of its own happened when the story around it did, as a
    reader takes it: "Faye held talks with Macron at the Elysee after the conference", told after
    "co-hosted a conference in Paris on Thursday", was on Thursday.

    Its time is that of the last dated exchange told before it in its paragraph, else the day of
    the lead (the story's own event).  A sentence with a time of its own that could not be used
    ("a day before the announcement", "that night") is left open, and so is one with an
    "after/before ..." clause.  The time is marked as inferred.
    """
    held = [m for m in ctx.facts.meetings if m.status == HELD]
    if not any(m.time is None for m in held):
        return
    story = _story_day(ctx)
    paragraph = {m.evidence.sentence: _paragraph_start(ctx, m.evidence.sentence) for m in held}
    for meeting in held:
        if meeting.time is not None:
            continue
        n = meeting.evidence.sentence
        sent = ctx.sentences[n]
        later = [e for e in ctx.ents_in(sent) if e.label_ == "DATE" and _later_than_the_story(ctx, e)]
        # (but in the story's first sentences, "after the two leaders held talks" tells what led
        # to the story's event, the same day)
        early = n <= 1 and any(t.dep_ == "mark" and t.lower_ == "after" for t in sent)
        own = [e for e in ctx.ents_in(sent) if e.label_ == "DATE" and not _duration(e) and e not in later]
        if early and len(own) == 1:
            # "Trump said on Friday that ..., after the two leaders spoke by phone": that day
            clause = {t.i for m in sent if m.dep_ == "mark" and m.lower_ == "after" for t in m.head.subtree}
            span = resolve(own[0].text, ctx.date) if own[0].start not in clause else None
            if span is not None and span.is_day:
                meeting.time = replace(span, inferred=True)
                continue
        # (a time word inside a length, "for three days of talks", or a period's start, "since
        # taking office last month", tells no time either)
        lengths = later + [e for e in ctx.ents_in(sent) if e.label_ in ("DATE", "TIME")
                           and (_duration(e) or _start_of_a_period(e))]
        if any((e.label_ == "DATE" or (e.label_ == "TIME" and not _part_of_the_day(e))) and not _duration(e)
               and e not in later and not _start_of_a_period(e) for e in ctx.ents_in(sent)) or \
                any(t.dep_ == "mark" and t.lower_ in _TIME_MARKS and not _same_scene(ctx, t) and not early or
                    _time_word(t) and not any(e.start <= t.i < e.end for e in lengths) for t in sent):
            continue
        told = [m.time for m in held if m.time is not None and m.evidence.sentence < n
                and paragraph[m.evidence.sentence] == paragraph[n]]
        time = told[-1] if told else story
        if time is not None:
            meeting.time = replace(time, inferred=True)


_TIME_MARKS = {"after", "before", "since", "until", "till", "once"}
# Clauses that happen in the scene the story tells: "Before the leaders sat down, Orbán met ...".
_SCENE_VERBS = {"sit", "begin", "start", "open", "arrive", "gather", "convene"}


def _same_scene(ctx: DocContext, mark) -> bool:
    """"Before the leaders sat down": a before/after clause about the story's own gathering
    getting under way, not another dated event."""
    clause = mark.head
    return mark.lower_ in ("before", "after") and clause.lemma_.lower() in _SCENE_VERBS and \
        not any(t.ent_type_ in ("DATE", "TIME") or _time_word(t) for t in clause.subtree)
# Words of a time the model did not tag ("a day before the announcement"): the sentence tells its own.
_TIME_NOUNS = {"day", "week", "month", "year", "night", "evening", "morning", "afternoon", "weekend"}
_DAY_PARTS = {"morning", "afternoon", "evening"}


_DURATION = re.compile(r"(?:(?:about|nearly|almost|more than|some|over|around|roughly|at least|just over|"
                       r"just under|the) )?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                       r"several|many|few|\d+)[- ](?:hour|minute|day|week|month|year)s?(?:-long)?|much of the "
                       r"(?:morning|afternoon|evening|day|night)")


def _later_than_the_story(ctx: DocContext, span) -> bool:
    """"... to discuss conditions for an election next year": a time after the article's date is
    what the exchange was about, not when it was held."""
    resolved = resolve(span.text, ctx.date) if ctx.date is not None else None
    return resolved is not None and resolved.start > ctx.date


def _duration(span) -> bool:
    """"a one-day visit", "about four hours", "much of the afternoon": how long, not when."""
    return bool(_DURATION.fullmatch(" ".join(t.lower_ for t in span).replace(" - ", "-")))


def _part_of_the_day(span) -> bool:
    """"in the morning", "that afternoon" with nothing saying which day: the day of the story."""
    words = [t.lower_ for t in span]
    if len(words) >= 2 and words[-1] == "night" and words[-2] == "the" and ("into" in words or "through" in words):
        return True     # "a session that ran late into the night": how long, not which day
    return bool(words) and words[-1] in _DAY_PARTS and all(w in ("in", "the", "early", "late") for w in words[:-1])


def _time_word(tok) -> bool:
    """A word of a time the model did not tag ("a day before the announcement"), not a bare part of
    the day ("in the morning")."""
    lemma = tok.lemma_.lower()
    if lemma not in _TIME_NOUNS:
        return False
    if lemma == "night" and tok.head.lower_ in ("into", "through"):
        return False    # "talks that ran late into the night"
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.pos_ == "NOUN" and tok.i > 0 and \
            tok.doc[tok.i - 1].text in ("-", "–"):
        return False    # "a one-day visit", "a two-week tour": how long, not when
    if (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in ("-", "–")) or \
            (tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "–")):
        return False    # "the kingdom's day-to-day ruler", "a week-long tour": part of a word
    return lemma not in _DAY_PARTS or any(c.lower_ in ("next", "following", "previous", "that", "same", "this", "last")
                                          for c in tok.children)


def _story_day(ctx: DocContext):
    """The day of the lead's event: its dated exchange, else the one date of its first sentence."""
    lead = [m.time for m in ctx.facts.meetings if m.status == HELD and m.time is not None and m.evidence.sentence == 0
            and not m.time.inferred]
    time = lead[0] if lead else (_sentence_time(ctx, ctx.sentences[0], future=False) if ctx.sentences else None)
    if time is None and len(ctx.sentences) > 1 and ctx.date is not None:
        # An undated lead ("Biden said Egypt had agreed ..., after a one-day visit to Israel") told
        # on by a dated second sentence ("Biden told reporters aboard Air Force One on Wednesday"):
        # that day, when it is a day of the story's week.
        second = _sentence_time(ctx, ctx.sentences[1], future=False)
        if second is not None and second.is_day and 0 <= (ctx.date - second.end).days <= 3:
            time = second
    return time if time is not None and time.is_day and not time.inferred else None


def _paragraph_start(ctx: DocContext, sentence: int) -> int:
    """Where the paragraph holding sentence number ``sentence`` begins (paragraphs end at a blank line)."""
    return ctx.text.rfind("\n\n", 0, ctx.sentences[sentence].start_char)


def _add_opening_meetings(ctx: DocContext, index: dict) -> None:
    """"Meeting Defence Minister Sergei Shoigu and Valery Gerasimov, ..., he said ...", with the
    opening participle parsed as part of a name: the main clause's subject met the people named
    before it."""
    for sent in ctx.sentences:
        first = sent[0]
        if first.lower_ != "meeting" or first.pos_ == "VERB" or sent.root.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i <= first.i:
            continue
        met = list(dict.fromkeys(m.iri for i in range(first.i + 1, subject.left_edge.i)
                                 for m in [ctx.mention_at(i)] if m is not None and m.kind == PERSON))
        host = [p for p in _actors(ctx, subject) if ctx.entity(p) is not None and ctx.entity(p).kind == PERSON]
        if not met or not host or any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in sent.root.children):
            continue
        participants = list(dict.fromkeys(host + met))
        if len(participants) < 2:
            continue
        time = time_of(ctx, sent.root) or _sentence_time(ctx, sent, future=False, head=sent.root)
        _add_or_merge(ctx, Meeting(kind="meeting", participants=participants, evidence=ctx.evidence(sent), time=time,
                                   topics=list(topics_between(ctx, index, sent.start, sent.end)), status=HELD,
                                   confidence=0.6, extractor=EXTRACTOR))


SESSION_VERBS = ("chair", "attend")


def _add_chaired_sessions(ctx: DocContext, index: dict) -> None:
    """A body's session named by who chaired and attended it: "The decision was taken by the
    Cabinet Committee on Security, chaired by Modi and attended by Shah, Singh and Jaishankar"
    -- the people named sat together."""
    for tok in ctx.tokens:
        if tok.tag_ != "VBN" or tok.lemma_.lower() not in SESSION_VERBS or tok.dep_ == "conj":
            continue
        verbs = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.tag_ == "VBN"
                         and c.lemma_.lower() in SESSION_VERBS]
        people: list[str] = []
        for verb in verbs:
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                for obj in (o for o in agent.children if o.dep_ == "pobj"):
                    for who in [obj, *conjuncts(obj)]:
                        people += [p for p in _actors(ctx, who) + ctx.coordinated_people(who)
                                   if p not in people and ctx.entity(p) is not None and ctx.entity(p).kind == PERSON]
        people = list(dict.fromkeys(people))
        if len(people) < 2:
            continue
        main = tok.head if tok.dep_ in ("advcl", "acl") else tok
        if _status(ctx, main, "verb") not in (HELD, None) or ctx.quote_at(tok.i):
            continue
        sent = ctx.sentence_of(tok)
        time = time_of(ctx, main) or _sentence_time(ctx, sent, future=False, head=main)
        topics = topics_between(ctx, index, sent.start, sent.end) or _paragraph_topics(ctx, index, sent)
        _add_or_merge(ctx, Meeting(kind="meeting", participants=people, evidence=ctx.evidence(sent), time=time,
                                   place=_place(ctx, [main]), topics=list(topics), status=HELD,
                                   confidence=0.6, extractor=EXTRACTOR))


GUEST_VERBS = ("host", "welcome", "receive")
# "Erdogan travelled to Russia", "Blinken flew to London", "Harris, who arrived in London on
# Tuesday": a journey to another country is a visit to it, each verb with the prepositions that
# name where it ended.
ARRIVE_VERBS = {"travel": ("to",), "fly": ("to",), "head": ("to",), "go": ("to",), "come": ("to",),
                "move": ("to",), "arrive": ("in", "at"), "land": ("in", "at")}
DEPART_VERBS = ("leave", "depart")
VISIT_NOUNS = ("visit", "trip", "tour")
_VISIT_VERBS = frozenset(GUEST_VERBS + DEPART_VERBS + tuple(ARRIVE_VERBS) + ("visit",))


def _to_a_gathering(noun) -> bool:
    """"her first trip to a European summit": a journey whose end is a gathering, not a country."""
    return any(o.lemma_.lower() in ("summit", "conference", "meeting", "gathering", "forum")
               for o in _with_objects(noun, preps=("to",)))


def _add_guest_visits(ctx: DocContext, index: dict) -> None:
    """A guest's visit to a country, beside the exchanges with the people met there.

    "Sunak hosted his Japanese counterpart, Fumio Kishida, in London": Kishida
    also visited the United Kingdom.  "Biden welcomed Modi to the White House for
    a state visit": Modi visited the United States.  "Xi left Moscow on Wednesday
    after a three-day state visit", "he visited Moscow and Kyiv for talks with
    Putin and Zelensky", "raised it with Biden during a state visit to
    Washington": visits to Russia, Ukraine, the United States.  The visit is its
    own exchange (guest and country), so that a host is never paired with his
    own country; a guest from that country, or of unknown country, visits nobody.
    """
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        from_exchanges = False
        if tok.pos_ == "VERB" and (lemma in _VISIT_VERBS or (lemma in ("fly", "go", "head") and _met_where_it_went(tok))):
            if _status(ctx, tok, "verb") != HELD or _leg_of_a_planned_trip(tok):
                continue
            if lemma in ARRIVE_VERBS and lemma != "travel" and not _met_where_it_went(tok) and \
                    _journey_told_otherwise(tok):
                continue
            if lemma == "travel" and _made_to_meet(tok):
                continue    # "travelled to Ankara to meet Erdogan": the meeting is what is told
            # "flew to Moscow, where he met Putin": a journey with talks at its end is a visit.
            guests, hosts = _guests_and_hosts(ctx, tok, lemma if lemma in _VISIT_VERBS else "travel")
            if lemma == "visit" and not hosts and len(guests) == 1 and not any(
                    c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to") for c in tok.children):
                # "He last visited in 2019, as crown prince": the country he is visiting now
                hosts = _country_of_the_hosts(ctx, guests[0])
        elif tok.pos_ == "NOUN" and lemma in VISIT_NOUNS:
            if _status(ctx, tok, "noun") != HELD or _to_a_gathering(tok):
                continue
            guests, hosts = _visitors_of(ctx, tok), _countries_in(ctx, tok, ("to",))
            if not hosts and any(c.dep_ == "poss" for c in tok.children) and len(guests) == 1:
                hosts = _country_of_the_hosts(ctx, guests[0])    # "Goyal's three-day visit, which ends ..."
                from_exchanges = bool(hosts)
        elif tok.pos_ == "NOUN" and lemma == "stop" and any(c.dep_ == "poss" for c in tok.children):
            # "Qin's stop in Germany, the first leg of a European tour"
            if _status(ctx, tok, "noun") != HELD:
                continue
            guests, hosts = _visitors_of(ctx, tok), _countries_in(ctx, tok, ("in",))
        else:
            continue
        sent = ctx.sentence_of(tok)
        # A guest's country must be known when only the place says which country was
        # visited ("hosted X in London", "travelled to Washington"); "X visited Moscow" says it outright.
        unknown_ok = lemma not in GUEST_VERBS + tuple(ARRIVE_VERBS)
        # "Keller-Sutter and Economy Minister Guy Parmelin flew to Washington": fellow travellers
        # whose country the text does not tell come from the one country of the others.
        known = {c for c in (ctx.country_of(g) for g in guests) if c is not None}
        own = time_of(ctx, tok) if tok.pos_ == "VERB" and hosts else None     # the journey's own time
        for host in hosts:
            for guest in dict.fromkeys(guests):
                entity = ctx.entity(guest)
                country = ctx.country_of(guest) or (next(iter(known)) if len(known) == 1 else None)
                if entity is None or entity.kind != PERSON or country == host or (country is None and not unknown_ok):
                    continue
                if any(set(m.participants) == {guest, host} and _overlaps(m.time, own) for m in ctx.facts.meetings):
                    continue    # read already, with the date its own clause gives it
                if from_exchanges:
                    # A visit known from the guest's exchanges there: their days and business
                    # (its own sentence tells other things: "which ends on Wednesday, is the first
                    # since an extra duty imposed in August").
                    there = [m for m in ctx.facts.meetings if m.status == HELD and guest in m.participants
                             and m.kind not in REMOTE_KINDS | {"visit"}
                             and any(ctx.country_of(p) == host for p in m.participants)]
                    times = [m.time for m in there if m.time is not None]
                    time = TimeSpan(min(t.start for t in times), max(t.end for t in times), DAY, "",
                                    inferred=True) if times else None
                    topics = [t for m in there for t in m.topics]
                    topics = [t for i, t in enumerate(topics) if all(t.iri != x.iri for x in topics[:i])]
                    _add_or_merge(ctx, Meeting(kind="visit", participants=[guest, host],
                                               evidence=ctx.evidence(sent), time=time, topics=topics,
                                               status=HELD, confidence=0.5, extractor=EXTRACTOR))
                    continue
                time = time_of(ctx, tok) or _where_clause_time(ctx, tok) or _ancestor_time(ctx, tok, future=False) or \
                    _sentence_time(ctx, sent, future=False, head=tok)
                if time is None and ctx.sentence_no(tok) <= 1 and ctx.sentences:
                    time = _sentence_time(ctx, ctx.sentences[0], future=False)  # the lead's event, told on
                # What the visit was about, as for the other exchanges: its sentence, else its
                # paragraph, else the story's subject (unless the visit is long past).
                topics = topics_between(ctx, index, sent.start, sent.end) or _paragraph_topics(ctx, index, sent)
                earlier = time is not None and ctx.date is not None and (ctx.date - time.end).days > 31
                if not topics and not earlier:
                    topics = story_topics(ctx, index)
                # ... and what its sentence acts on ("saw Samsung's production lines at its plant")
                topics += [t for t in _object_topics(ctx, index, sent, skip=_negated_tokens(ctx, sent, [tok]))
                           if all(t.iri != x.iri for x in topics)]
                _add_or_merge(ctx, Meeting(kind="visit", participants=[guest, host], evidence=ctx.evidence(sent),
                                           time=time, place=_place(ctx, [tok]), topics=list(topics), status=HELD,
                                           confidence=0.6, extractor=EXTRACTOR))


def _country_of_the_hosts(ctx: DocContext, guest: str) -> list[str]:
    """The one country whose people the guest met in person in this story, other than the guest's
    own: where "his visit" or "her trip" took the guest (Goyal met Greer in New York: the United
    States)."""
    own = ctx.country_of(guest)
    found = {c for m in ctx.facts.meetings if m.status == HELD and m.kind not in REMOTE_KINDS | {"visit"}
             and guest in m.participants for p in m.participants if p != guest
             for c in [ctx.country_of(p)] if c is not None and c != own}
    return [ctx.ensure_country(found.pop())] if len(found) == 1 and own is not None else []


def _made_to_meet(verb) -> bool:
    """A journey whose purpose clause is an exchange: "flew to Tokyo to meet Kishida"."""
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in MEETING_VERBS for c in verb.children)


def _journey_told_otherwise(verb) -> bool:
    """A flight or an arrival that is no visit of its own: a schedule ("flies to Cairo on
    Saturday"), a leg told in passing ("before flying on to the Maldives"), or a journey made
    for an exchange, which is the fact reported ("flew to Baghdad for talks with the prime
    minister", "flew to Brussels and met ...", "arrived in Riyadh, where he met ...")."""
    if verb.tag_ in ("VBZ", "VBP") or verb.dep_ == "pcomp":
        return True
    if _made_to_meet(verb):
        return True     # "flew to Tokyo to meet Kishida"
    if any(c.dep_ == "conj" and c.pos_ == "VERB" and _trigger(c) is not None for c in verb.children):
        return True     # "flew to Brussels last month and met the EU's trade chief"
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(_trigger(o) is not None for o in c.children)
           for c in verb.children):
        return True
    # (a "where" clause of the place it came from, "from Moscow, where he attended the parade", is
    # another story)
    return bool(_where_clauses(verb, ARRIVE_VERBS.get(verb.lemma_.lower(), ())))


def _where_clauses(verb, preps: tuple[str, ...] = ()) -> list:
    """The "where" clauses of the places ``verb`` names through a preposition (any, or one of
    ``preps``): "flew to Moscow, where he met Putin"."""
    return [clause for prep in verb.children if prep.dep_ == "prep" and (not preps or prep.lower_ in preps)
            for place in prep.children for clause in place.children
            if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children)]


def _met_where_it_went(verb) -> bool:
    """"flew to Moscow, where he met Putin": an exchange held at the destination."""
    return any(_trigger(clause) is not None or any(_trigger(c) is not None for c in clause.children)
               for clause in _where_clauses(verb, ("to",)))


def _where_clause_time(ctx: DocContext, verb):
    """The date of what was done at the destination: "travelled to China, where she held talks
    with him in Beijing in mid-April" -- mid-April."""
    return next((found for found in (time_of(ctx, clause) for clause in _where_clauses(verb))
                 if found is not None), None)


def _leg_of_a_planned_trip(verb) -> bool:
    """"was due in Paris on Wednesday ..., before travelling on to Norway": a later leg of a
    trip still planned."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("before", "after", "then"):
        return False
    main = verb.head.head
    return any((c.dep_ == "aux" and c.lower_ in MODAL_FUTURE) or
               (c.dep_ == "acomp" and c.lower_ in SCHEDULED_ADJECTIVES) for c in main.children)


def _countries_in(ctx: DocContext, tok, preps: tuple[str, ...]) -> list[str]:
    """The countries (or capitals standing for them) ``tok`` governs through ``preps``
    ("to Washington", "in London"); with ``preps`` empty, its direct objects ("visited
    Moscow and Kyiv")."""
    if preps:
        objects = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
                   for o in c.children if o.dep_ == "pobj"]
    else:
        objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in conjuncts(o)]
    found = []
    for obj in objects:
        mention = ctx.mention_at(obj.i)
        if mention is not None and mention.kind == COUNTRY and mention.iri not in found:
            found.append(mention.iri)
    return found


def _guests_and_hosts(ctx: DocContext, verb, lemma: str) -> tuple[list[str], list[str]]:
    """Who visited which countries, by a verb: hosting, leaving after a visit, visiting."""
    subject = _subject(verb)
    subjects = _actors(ctx, subject) + ctx.coordinated_people(subject) if subject is not None else []
    if lemma == "visit":
        return subjects, _countries_in(ctx, verb, ())
    if lemma in ARRIVE_VERBS:
        return subjects, _countries_in(ctx, verb, ARRIVE_VERBS[lemma])
    if lemma in DEPART_VERBS and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return subjects, _countries_in(ctx, verb, ("for",))     # "Pelosi left for Seoul on Wednesday"
    if lemma in DEPART_VERBS:
        after_visit = any(c.dep_ == "prep" and c.lower_ in ("after", "at") and
                          any(g.lemma_.lower() in VISIT_NOUNS for o in c.children if o.dep_ == "pobj"
                              for g in o.subtree) for c in verb.children)
        return (subjects, _countries_in(ctx, verb, ())) if after_visit else ([], [])
    guests = [p for c in verb.children if c.dep_ == "dobj" for p in _actors(ctx, c) + ctx.coordinated_people(c)]
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "He was hosted by Biden for a state visit": the subject is the guest, the agent the host.
        guests = subjects
        subjects = [p for o in _agents(verb) for p in _actors(ctx, o)]
    hosts = _countries_in(ctx, verb, ("in", "to"))
    if not hosts and any(t.lemma_.lower() in VISIT_NOUNS for t in ctx.sentence_of(verb)):
        # "to the White House for a state visit": the host's own country
        countries = list(dict.fromkeys(c for c in (ctx.country_of(p) for p in subjects) if c))
        hosts = [ctx.ensure_country(countries[0])] if len(countries) == 1 else []
    return guests, hosts


def _visitors_of(ctx: DocContext, noun) -> list[str]:
    """Who made the visit a noun names: its possessor ("Macron's visit to"), its "by" agent,
    else the subject of the verb it hangs from ("raised it with Biden during a visit to")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    if not owners:
        verb = _governing_verb(noun)
        subject = _subject(verb) if verb is not None else None
        owners = [subject] if subject is not None else []
    return [p for o in owners for p in _actors(ctx, o) + ctx.coordinated_people(o)]


def _add_told_topics(ctx: DocContext, index: dict) -> None:
    """What one party told another just after their exchange is reported is what it was about.

    "Blinken met Abbas in Ramallah. Abbas told him that the Palestinian Authority would take
    on its responsibilities in Gaza only as part of a political solution": the meeting was
    about that too.
    """
    for tok in ctx.tokens:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("tell", "assure", "warn", "brief"):
            continue
        content = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        subject = _subject(tok)
        hearers = [p for c in tok.children if c.dep_ in ("dobj", "dative") for p in _actors(ctx, c)]
        if content is None or subject is None or not hearers:
            continue
        speakers = _actors(ctx, subject)
        here = ctx.sentence_no(tok)
        for meeting in reversed(ctx.facts.meetings):
            if meeting.status != HELD or not 1 <= here - meeting.evidence.sentence <= 2:
                continue
            if any(p in meeting.participants for p in speakers) and any(h in meeting.participants for h in hearers):
                span = ctx.doc[content.left_edge.i:content.right_edge.i + 1]
                said = topics_between(ctx, index, span.start, span.end) + _object_topics(ctx, index, span, any_prep=True)
                meeting.topics += [t for t in said if all(t.iri != x.iri for x in meeting.topics)]
                break


def _add_companions(ctx: DocContext) -> None:
    """"He was accompanied by X", "Biden, joined by Blinken, ...", "X and Y were among those at the
    table": X (and Y) took part in that exchange too."""
    for tok in ctx.tokens:
        if tok.lower_ == "among" and tok.head.lemma_ == "be" and any(
                o.lower_ in ("those", "the guests", "guests", "attendees", "participants") for o in tok.children):
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                guests = [p for p in describe_actor(ctx, subject) + ctx.coordinated_people(subject)
                          if ctx.entity(p) is not None and ctx.entity(p).kind == PERSON]
                _join_last_meeting(ctx, ctx.sentence_no(tok), guests, hosts=None)
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in TRAVEL_VERBS:
            if _trip_to_come(tok):
                continue    # "is due to return to Tunis on Sunday with von der Leyen": not yet made
            # "Sall travelled to Sochi with Faki for talks": Faki takes part in the talks there.
            with_people = [p for o in _with_objects(tok, deep=True, preps=("with",)) for p in _actors(ctx, o)
                           if ctx.entity(p) is not None and ctx.entity(p).kind == PERSON]
            subject = _subject(tok)
            if with_people and subject is not None:
                _join_next_meeting(ctx, ctx.sentence_no(tok), with_people, set(describe_actor(ctx, subject)))
            continue
        if tok.lemma_.lower() not in ("accompany", "join") or tok.pos_ != "VERB":
            continue
        agents = _agents(tok)
        if not agents:
            continue
        host = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if host is None and tok.dep_ in ("acl", "advcl"):
            host = tok.head if tok.head.pos_ in ("PROPN", "NOUN", "PRON") else _subject(tok.head)
        if host is None:
            continue
        hosts = set(describe_actor(ctx, host))
        companions = [p for a in agents for p in _actors(ctx, a)
                      if ctx.entity(p) is not None and ctx.entity(p).kind == PERSON]
        _join_last_meeting(ctx, ctx.sentence_no(tok), companions, hosts)


# Verbs whose passive "by" names a party ("was received by", "was signed by", "was agreed by South Africa
# with the United States").
PASSIVE_EXCHANGE_VERBS = {"meet", "host", "receive", "welcome", "visit", "call", "phone", "telephone", "sign", "agree",
                          "negotiate"}


def _people_left_on_verb(ctx: DocContext, verb, after) -> list:
    """People (named, or a post such as "minister") the parser joined to ``verb`` itself after
    ``after``, where they belong to the list that ``after`` opens."""
    return [c for c in verb.children if c.dep_ == "conj" and c.i > after.i and (
        (ctx.mention_at(c.i) is not None and ctx.mention_at(c.i).kind == PERSON) or c.lemma_.lower() in PERSON_NOUNS)]


# Those who travel with someone ("with a large business delegation").
ENTOURAGE_NOUNS = {"delegation", "entourage", "team", "group", "party", "retinue", "contingent"}


def _agent_hung_on_place(verb, prep):
    """In a passive clause, the "by" the parser hung on the place named before it: "was signed at
    a retreat on the island of Bintan by Indonesia’s minister, ..." (the "by" of ``prep``'s phrase)."""
    if prep.dep_ != "prep" or prep.lower_ == "by" or not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    for tok in prep.subtree:
        if tok.lower_ == "by" and tok.dep_ == "prep" and tok.head.pos_ in ("NOUN", "PROPN") and any(
                o.dep_ == "pobj" and (o.lemma_.lower() in PERSON_NOUNS or o.ent_type_ == "PERSON")
                for o in tok.children):
            return tok
    return None


def _present_under_future(verb) -> bool:
    """A present tense in a time clause of a future one tells the future: "will address
    Congress before Biden hosts him", "will sign it when they meet"."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBZ", "VBP") and \
        any(c.dep_ == "mark" and c.lower_ in ("before", "after", "when", "once", "until") for c in verb.children) and \
        any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in verb.head.children)


def _trip_to_come(verb) -> bool:
    """"will travel", "is due to return", "plans to fly": a trip the text has not made yet."""
    if any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head is not verb and (
        head.lower_ in SCHEDULED_ADJECTIVES or head.lemma_.lower() in PLAN_VERBS or
        (head.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in SCHEDULED_ADJECTIVES for c in head.children)))


def _join_last_meeting(ctx: DocContext, here: int, people: list[str], hosts: set[str] | None) -> None:
    """Add ``people`` to the last held exchange of the last two sentences (one with ``hosts`` in it)."""
    for meeting in reversed(ctx.facts.meetings):
        # Any of its reports counts: an exchange told twice was last told nearer.
        if meeting.status != HELD or not any(0 <= here - e.sentence <= 2
                                             for e in [meeting.evidence, *meeting.extra_evidence]):
            continue
        if hosts is None or hosts & set(meeting.participants):
            meeting.participants += [p for p in dict.fromkeys(people) if p not in meeting.participants]
            return


def _join_next_meeting(ctx: DocContext, here: int, people: list[str], hosts: set[str]) -> None:
    """Add ``people`` to the held exchange of ``hosts`` reported nearest to sentence ``here``
    (within two sentences; a later report before an earlier one at the same distance)."""
    def distance(meeting) -> float:
        return min(abs(e.sentence - here) + (0 if e.sentence >= here else 0.5)
                   for e in [meeting.evidence, *meeting.extra_evidence])

    near = [m for m in ctx.facts.meetings if m.status == HELD and len(m.participants) >= 2
            and hosts & set(m.participants) and distance(m) <= 2.5]
    if near:
        meeting = min(near, key=distance)
        meeting.participants += [p for p in dict.fromkeys(people) if p not in meeting.participants]


def _normalise(ctx: DocContext, tok, participants: list[str]) -> list[str]:
    """Drop anonymous sources; a country standing for the speaker's side becomes the speaker.

    "Hungary will buy jets, Orbán said after talks with Kristersson": the
    talks were Orbán's, not Hungary's, when the others are people.
    """
    kept = [p for p in participants if ctx.entity(p) is not None and ctx.entity(p).kind != "anonymous"]
    # An official the article does not name ("summoned the Canadian ambassador") stands for
    # their country: the exchange is with Canada, not with a person nobody can look up.
    kept = [ctx.ensure_country(ctx.country_of(p)) if ctx.entity(p).kind == PERSON and ctx.entity(p).unnamed
            and ctx.country_of(p) else p for p in kept]
    people = [p for p in kept if ctx.entity(p).kind == PERSON]
    countries = [p for p in kept if ctx.entity(p).kind == COUNTRY]
    if people and countries:
        speaker = _enclosing_speaker(ctx, tok)
        if speaker and speaker not in kept and ctx.entity(speaker) and ctx.entity(speaker).kind == PERSON:
            home = ctx.country_of(speaker)
            if home in countries:
                kept = [speaker if p == home else p for p in kept]
    # A person meets the other side, never their own country or organisation: with Scholz present,
    # Germany (from "Franco-German", "the two countries") is his side, already there.
    own = {side for p in kept if ctx.entity(p).kind == PERSON for side in _sides_of(ctx, p)}
    kept = [p for p in kept if not (ctx.entity(p).kind in (COUNTRY, ORGANIZATION) and p in own)]
    return list(dict.fromkeys(kept))


def _sides_of(ctx: DocContext, person: str) -> set[str]:
    """The country of a person and the bodies their reference posts belong to, with those bodies' parents
    (Borrell: the EEAS, and the EU above it)."""
    sides = {ctx.country_of(person)}
    for post in ctx.gaz.posts_on(person, ctx.date):
        org = post.organization
        while org and org not in sides:
            sides.add(org)
            org = ctx.gaz.actors[org].parent if org in ctx.gaz.actors else None
    return sides


def _month_told_before(ctx: DocContext, sent, tok):
    """The month of the last time named before ``tok`` (in its sentence or the one before) that
    gives a month or a day, as a month."""
    here = ctx.sent_of[sent.start]
    for ent in reversed(ctx.time_ents):
        if ent.start >= tok.i or here - ctx.sent_of[ent.start] > 1 or same_month_as_told(ent.text):
            continue
        span = resolve(ent.text, ctx.date)
        if span is not None and span.granularity != "year" and span.start.month == span.end.month:
            return resolve(f"{span.start:%B %Y}", ctx.date)
    return None


def _date_of_when_clause(ctx: DocContext, head):
    """"... since April 2019, when they held talks in Vladivostok": a clause told of a date is at
    that date."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    if verb.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return None
    ent = next((e for e in ctx.time_ents if e.start <= verb.head.i < e.end and e.label_ == "DATE"), None)
    return resolve(ent.text, ctx.date) if ent is not None else None


def _last_time_told(ctx: DocContext, sent):
    """What "two days later" counts from: the last exchange told, or a day the text named after it
    in the sentence before ("the tariff that Trump announced on April 2 ... Two days later, To Lam
    called Trump"), not one still to come."""
    last = ctx.facts.meetings[-1] if ctx.facts.meetings else None
    here = ctx.sent_of[sent.start]
    for ent in reversed(ctx.time_ents):
        if ent.start >= sent.start or here - ctx.sent_of[ent.start] > 1:
            continue
        if last is not None and ctx.token_offsets[ent.start] < last.evidence.start:
            break
        span = resolve(ent.text, ctx.date)
        if span is not None and span.is_day and not _in_reported_content(ent.root) and \
                (ctx.date is None or span.start <= ctx.date):
            return span
    return last.time if last is not None else None


def _day_told_before(ctx: DocContext, sent):
    """The one day named last before ``sent`` (in the two sentences before it), for "that night"."""
    here = ctx.sent_of[sent.start]
    for ent in reversed(ctx.time_ents):
        if ent.start >= sent.start:
            continue
        if here - ctx.sent_of[ent.start] > 2:
            return None
        if _in_reported_content(ent.root):
            continue    # "saying he would sign an order on January 20": what was said, not when
        span = resolve(ent.text, ctx.date)
        if span is not None and span.is_day:
            return span
    return None


def _in_reported_content(token) -> bool:
    """True when ``token`` sits in a clause that reports what was said or planned."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "xcomp"):
            return True
        node = node.head
    return False


def _own_words(tok, kind_of: str) -> str:
    """The words of an exchange's own phrase (a noun's) or clause (a verb's, without the clauses
    conjoined to it), as written."""
    if kind_of == "noun":
        return tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text
    skip = {t.i for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    return " ".join(t.text for t in tok.subtree if t.i not in skip)


def _sentence_time(ctx: DocContext, sent, future: bool, head=None):
    """The one date of ``sent`` (else of the sentence before), for an exchange with none of its own.

    With ``head`` (the exchange's word), a date in another conjoined clause of the sentence
    ("talked about trade ..., and Trudeau described it on Saturday as ...") is that clause's.
    """
    def elsewhere(ent) -> bool:
        node = ent.root
        while node.head.i != node.i:
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and not node.is_ancestor(head) and node.i != head.i \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return True     # a clause with a subject of its own; "... and was then received by
            node = node.head    # Putin on Wednesday" goes on with ours, on the same day
        return False

    def single_date(s, own: bool = False):
        spans, ents = [], []
        for ent in ctx.ents_in(s):
            if own and head is not None and ent.label_ == "DATE" and elsewhere(ent):
                continue
            if ent.label_ != "DATE" or (ent.start > 0 and ctx.tokens[ent.start - 1].lower_ in ("since", "until", "by")):
                continue
            if ent.root.dep_ == "npadvmod" and (ent.root.head.pos_ in ("NOUN", "NUM", "PROPN") and
                                                _trigger(ent.root.head) is None or
                                                ent.root.head.lower_ in ("from", "than")):
                continue    # "up from about 8 bcm last year" dates a quantity, not an event (but
                            # "talks in Madrid last Sunday" date the talks)
            if ent.text.isdigit() and ent.root.dep_ in ("nummod", "compound", "amod") and \
                    ent.root.head.pos_ == "NOUN" and _trigger(ent.root.head) is None:
                continue    # "compared with 2000 levels", "the 2030 target": a measure, not an event's day
            if any(a.dep_ == "relcl" for a in ent.root.ancestors):
                continue    # "..., under which it aims to deliver 20 bcm by 2027": the clause's own time
            if ent.root.head.lower_ == "of" and ent.root.head.head.pos_ in ("NOUN", "PROPN"):
                continue    # "his third visit since the Hamas attack of Oct. 7" dates the attack
            if _start_of_a_period(ent):
                continue
            if ctx.quote_at(ent.start) is not None:
                continue    # “... repeat what it did on October 7,” he said: a date the speaker told
            span = resolve(ent.text, ctx.date, future=future)
            if span is not None and not future and ctx.date is not None and span.start > ctx.date:
                continue    # "with the first shipments planned for 2025": later than any held exchange
            if span is not None:
                spans.append(span)
                ents.append(ent)
        if len(spans) == 2 and _one_running_event(ents, spans):
            # "The talks opened on Monday and ran late into Tuesday night": both days.
            return TimeSpan(spans[0].start, spans[1].end, DAY, f"{spans[0].text} - {spans[1].text}")
        return spans[0] if len(spans) == 1 else None

    found = single_date(sent, own=True)
    if found is not None:
        return found
    if any(e.label_ == "DATE" and not (head is not None and elsewhere(e)) for e in ctx.ents_in(sent)):
        return None  # several dates in the sentence and none of them ours: leave it open
    if any(t.lemma_.lower() in _TIME_NOUNS and ctx.quote_at(t.i) is None for t in sent):
        return None  # a time the model did not tag ("a day before the announcement"): not the last one told
    previous = ctx.sentence_of(ctx.tokens[sent.start - 1]) if sent.start > 0 else None
    told = single_date(previous) if previous is not None else None
    return replace(told, inferred=True) if told is not None else None


def _after_the_exchange_time(ctx: DocContext, sent, head):
    """The day of an exchange told before, for a clause opened by "after the talks" / "following
    the meeting" (news tells what followed it the same day)."""
    for prep in ctx.tokens[sent.start:head.i]:
        if prep.lower_ not in ("after", "following") or prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lower_ not in MEETING_NOUNS or \
                    not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
                continue
            word = noun.lower_
            told = [m for m in ctx.facts.meetings if m.status == HELD and m.time is not None and m.time.is_day
                    and any(word in e.text.lower() for e in [m.evidence, *m.extra_evidence])]
            # "the talks" are the story's own, told in its lead, when it tells of them; else the last told.
            lead = [m for m in told if m.evidence.sentence == 0]
            if lead:
                return lead[0].time
            if told:
                return told[-1].time
    return None


def _start_of_a_period(ent) -> bool:
    """"his first visit since taking office in April", "since she took office a year ago": the
    date starts a period that the exchange falls in; it is not the exchange's own."""
    return any(a.lower_ in ("since", "until") and a.dep_ in ("prep", "mark") or
               any(c.dep_ == "mark" and c.lower_ in ("since", "until") for c in a.children)
               for a in [ent.root, *ent.root.ancestors])


def _one_running_event(ents, spans) -> bool:
    """Two days a few days apart, each dating one of two verbs that share a subject ("opened
    on Monday and ran into Tuesday"): the start and end of one event."""
    if not all(s.is_day for s in spans) or not 0 < (spans[1].start - spans[0].end).days <= 6:
        return False
    verbs = [next((a for a in e.root.ancestors if a.pos_ in ("VERB", "AUX")), None) for e in ents]
    first, second = verbs
    return first is not None and second is not None and second.dep_ == "conj" and second.head.i == first.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in second.children)


def _paragraph_topics(ctx: DocContext, index: dict, sent) -> list[Topic]:
    """Scheme topics of the paragraph holding ``sent`` (paragraphs end at a blank line)."""
    text = ctx.text
    start = max(_paragraph_start(ctx, ctx.sentence_no(sent[0])), 0)
    # From the sentence's start: its span ends after the blank line that follows it (spaCy
    # keeps trailing whitespace in the sentence), and the next paragraph is not this one.
    end = text.find("\n\n", sent.start_char)
    end = len(text) if end < 0 else end
    offsets = ctx.token_offsets
    lo, hi = bisect_left(offsets, start), bisect_left(offsets, end)
    # What any sentence of the paragraph says was not discussed ("They did not discuss a trade
    # deal") is no topic of its exchanges.
    skip = {i for other in ctx.sentences if other.start < hi and other.end > lo
            for i in _negated_tokens(ctx, other, [])}
    return topics_between(ctx, index, lo, hi, skip=skip)


def _in_sequence_clause(head) -> bool:
    """True inside "after/before/since ..." clauses, which are at another time than their sentence."""
    node = head
    while node.head.i != node.i:
        if node.dep_ in ("advcl", "relcl") and _is_sequence_clause(node):
            return True
        node = node.head
    return False


def _is_sequence_clause(node) -> bool:
    """A clause opened by "after/before/since ...": an event at its own time, not its main clause's."""
    return any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in node.children)


def _ancestor_time(ctx: DocContext, head, future: bool):
    node = head
    while node.head.i != node.i:
        if node.dep_ in ("advcl", "relcl") and _is_sequence_clause(node):
            return None     # "... after Pelosi visited Taiwan": the main clause's date is not the visit's
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            span = time_of(ctx, node, exclude={t.i for t in head.subtree}, future=future)
            if span:
                return span
    return None


#: Verbs whose negation says a subject was left out of an exchange ("did not mention Taiwan").
UNSAID_VERBS = {"mention", "discuss", "raise", "address", "talk", "bring", "touch", "cover", "broach", "tackle",
                "include", "refer", "say", "comment", "name", "cite"}


def _negated_tokens(ctx: DocContext, sent, heads) -> set[int]:
    """Tokens of the sentence under a negated verb other than the exchange's own ("met Xi and
    did not mention Taiwan"): what they name was not discussed."""
    out: set[int] = set()
    own = {h.i for h in heads}
    for tok in ctx.tokens[sent.start:sent.end]:
        if tok.pos_ in ("VERB", "AUX") and tok.i not in own and tok.lemma_.lower() in UNSAID_VERBS and \
                any(c.dep_ == "neg" for c in tok.children):
            for t in tok.subtree:
                node, inside_own = t, False
                while node.i != tok.i:       # an exchange below the negated verb keeps its words
                    if node.i in own:
                        inside_own = True
                        break
                    node = node.head
                if not inside_own:
                    out.add(t.i)
    return out


def _object_topics(ctx: DocContext, index: dict, sent, limit: int = 4, any_prep: bool = False,
                   skip: set[int] = frozenset()) -> list[Topic]:
    """Topics minted from what a sentence's verbs act on (direct objects, "on/about X");
    ``any_prep`` takes every prepositional object (for the lead: "put X through trial runs
    of the bloc's new online content law")."""
    found: list[Topic] = []
    for tok in ctx.tokens[sent.start:sent.end]:
        if len(found) >= limit + (4 if any_prep else 0):
            break
        if tok.i in skip:
            continue
        # What is acted on ("the partnership was agreed by ..." too), and what reported speech is
        # about ("told X that the law was ...").
        if tok.dep_ in ("dobj", "nsubjpass") or (tok.dep_ == "pobj" and (any_prep or tok.head.lower_ in TOPIC_PREPS)) or \
                (tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp"):
            if not admits_new_members(tok) and (tok.pos_ != "NOUN" or _trigger(tok) or tok.lemma_.lower() in ANAPHORIC_TOPICS or
                                 tok.lower_ in GROUP_NOUNS or tok.lemma_.lower() in DELEGATION_NOUNS or
                                 tok.lemma_.lower() in PERSON_NOUNS or tok.lemma_.lower() in MEANS_NOUNS):
                continue    # "his US counterpart", "by telephone": who and how, not what ("admit six
                            # new members" is what a bloc decides)
            if ctx.mention_at(tok.i) is not None:
                continue
            for t in topics_of_phrase(ctx, index, tok):
                if all(t.iri != x.iri for x in found):
                    found.append(t)
    return found


def _sentence_topics(ctx: DocContext, index: dict, sent) -> list[Topic]:
    return topics_between(ctx, index, sent.start, sent.end)


def _quote_speaker(ctx: DocContext, tok) -> str | None:
    """Who is speaking in the quote around ``tok`` (so that "we" and "I" inside it resolve)."""
    from kg.extract.statements import attribute_quote
    quote = ctx.quote_at(tok.i)
    if quote is None:
        return None
    speaker, _, _ = attribute_quote(ctx, quote)
    return speaker


def _overlaps(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _delegations_of(ctx: DocContext, tok, kind_of: str, participants: list[str]) -> list[str]:
    """The two countries whose delegations, "led by" the people named, held the exchange
    ("Negotiators led by Bessent and He Lifeng met"); [] unless the subject is such a group."""
    subject = _subject(tok) if kind_of == "verb" else None
    if subject is None or subject.lower_ not in GROUP_NOUNS or \
            not any(c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head") for c in subject.children):
        return []
    countries = list(dict.fromkeys(c for c in (ctx.country_of(p) for p in participants) if c))
    return [ctx.ensure_country(c) for c in countries] if len(countries) == 2 else []


def _time_reference(noun) -> bool:
    """An exchange named as the time of another ("since their talks in Bali", "six weeks after a
    trip to Moscow"): an exchange of its own, neither the clause's nor at its time."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("since", "after", "before", "until")


def _in_other_clause(verb, tok) -> bool:
    """Whether ``tok`` sits in a clause of its own under ``verb`` ("signed ... after he had met each
    of them separately": the meetings were separate, not the signing)."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in ("advcl", "relcl", "ccomp") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return True
        node = node.head
    return False


def _subject_parties(ctx: DocContext, verb, speaker, participants: list[str], coordinated: bool = False) -> list[str]:
    """The participants that ``verb``'s subject names (with the people a tangled coordination
    names, when ``coordinated``)."""
    subject = _subject(verb)
    if subject is None:
        return []
    found = _actors(ctx, subject, speaker) + (ctx.coordinated_people(subject) if coordinated else [])
    return [p for p in dict.fromkeys(found) if p in participants]


def _one_with_each(base: list[str], others: list[str]) -> list[list[str]]:
    """One exchange between ``base`` and each of ``others``, never among ``others``."""
    return [base + [p] for p in others]


def _separate_with_groups(ctx: DocContext, tok, kind_of: str, speaker, participants: list[str]) -> list[list[str]]:
    """One participant list per exchange: "talks with A and with B" are two exchanges.

    A repeated preposition marks separate talks (the press writes "with A and B"
    for one meeting); each gets the parties that are not in any "with" group.
    """
    anchor = tok if kind_of == "verb" else (_governing_verb(tok) or tok)
    if kind_of == "noun" and tok.lemma_.lower() in LETTER_NOUNS and tok.tag_ == "NNS" and \
            any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
        # "A, B and C handed Netanyahu their letters of resignation": one letter each.
        senders = _subject_parties(ctx, anchor, speaker, participants, coordinated=True)
        others = [p for p in participants if p not in senders]
        if len(senders) >= 2 and others:
            return [[s] + others for s in senders]
    if anchor.lemma_.lower() == "shuttle" and kind_of == "verb":
        # "Mora shuttled between Bagheri Kani and Malley": a go-between's talks with each side,
        # the sides never face to face.
        go_between = _subject_parties(ctx, anchor, speaker, participants)
        sides = [p for p in participants if p not in go_between]
        if go_between and sides:
            return _one_with_each(go_between, sides)
    if kind_of == "noun" and tok.lemma_.lower() == "visit":
        # "his first state visits to Turkey and China": one visit per country, never Turkey-China.
        places = [t for p in tok.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children
                  if o.dep_ == "pobj" for t in [o, *conjuncts(o)]]
        hosts = [m.iri for t in places for m in [ctx.mention_at(t.i)] if m is not None and m.kind == COUNTRY
                 and m.iri in participants]
        guests = [p for p in participants if p not in hosts]
        if len(hosts) >= 2:
            return [guests + [h] for h in hosts] if guests else []
    if anchor.lemma_.lower() == "visit" and anchor.pos_ == "VERB":
        # "visited Moscow and Kyiv for talks with Putin and Zelensky": one exchange per host;
        # the places visited do not meet each other.
        guests = _subject_parties(ctx, anchor, speaker, participants)
        hosts = [p for p in participants if p not in guests]
        several_places = any(c.dep_ == "dobj" and conjuncts(c) for c in anchor.children)
        if guests and len(hosts) >= 2 and several_places:
            return _one_with_each(guests, hosts)
    # "Russia and Ukraine each agreed, in separate talks with US officials", "Russia and Ukraine
    # signed separate agreements with Turkey and the UN": each of the subject's parties with the
    # others, never with each other.
    each = any(c.lower_ == "each" and c.dep_ in ("nsubj", "advmod", "npadvmod", "appos", "det") for c in anchor.children)
    # ("where each held separate talks with Netanyahu": "each" on the verb the talks hang from)
    if (kind_of == "noun" and anchor.i != tok.i and each) or kind_of == "verb" and (each or any(
            c.dep_ == "dobj" and c.tag_ == "NNS" and any(a.dep_ == "amod" and a.lower_ == "separate" for a in c.children)
            for c in anchor.children) or (
            "separate" in ctx.sentence_texts[ctx.sentence_no(anchor)] and any(
                sub.dep_ == "pobj" and sub.head.head.i == anchor.i and _trigger(sub) is not None and
                any(c.dep_ == "amod" and c.lower_ == "separate" for c in sub.children) for sub in anchor.subtree))):
        sides = _subject_parties(ctx, anchor, speaker, participants, coordinated=True)
        others = [p for p in participants if p not in sides]
        if len(sides) >= 2:
            return [[s] + others for s in sides] if others else []
    # "told Macron and Scholz in separate calls", "met Yellen and, separately, Raimondo":
    # the subject's side met each of the others on their own.
    separate = (kind_of == "noun" and any(c.dep_ == "amod" and c.lower_ == "separate" for c in tok.children)) or \
        any(t.lower_ == "separately" and t.i > anchor.i and not _in_other_clause(anchor, t)
            for t in ctx.sentence_of(anchor)) or \
        (kind_of == "verb" and any(_then_object(ctx, anchor, c) or _people_joined_to_place(ctx, anchor, c)
                                   for c in anchor.children))
    if separate:
        subject = _subject(anchor)
        # (the subject may be a pair the parser cut: "von der Leyen and Costa met Xi and then Li")
        base = []
        if subject is not None:
            base = _actors(ctx, subject, speaker) + (ctx.coordinated_people(subject) if subject.pos_ == "PROPN" else [])
        base = list(dict.fromkeys(p for p in base if p in participants))
        others = [p for p in participants if p not in base]
        if base and len(others) >= 2:
            return _one_with_each(base, others)
    if kind_of == "verb" and anchor.lemma_.lower() == "negotiate":
        # "India is also negotiating with Australia and the United Arab Emirates": a negotiation
        # with each, never between the two of them
        base = _subject_parties(ctx, anchor, speaker, participants)
        partners = [p for o in _with_objects(anchor, preps=("with",)) for t in [o, *conjuncts(o)]
                    for p in _actors(ctx, t, speaker) if p in participants and p not in base]
        partners = list(dict.fromkeys(partners))
        if base and len(partners) >= 2 and all(ctx.entity(p) is not None and ctx.entity(p).kind == COUNTRY
                                               for p in partners):
            return _one_with_each(base, partners)
    if kind_of == "verb" and any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() == "counterpart" and c.tag_ == "NNS"
                                 for c in anchor.children):
        # "telephoned his American and British counterparts": one call with each, never a call
        # between the two of them
        subject = _subject(anchor)
        callers = _actors(ctx, subject, speaker) if subject is not None else []
        # (an unnamed caller stands for his country: "its most senior general" -> Russia)
        callers += [ctx.country_of(p) for p in callers if ctx.entity(p) is not None and ctx.entity(p).unnamed]
        base = [p for p in dict.fromkeys(callers) if p in participants]
        others = [p for p in participants if p not in base]
        # (one caller: "four Indian ministers met their Singaporean counterparts" is one meeting)
        if len(base) == 1 and len(others) >= 2:
            return _one_with_each(base, others)
    if kind_of == "noun" and tok.tag_ == "NNS" and tok.lemma_.lower() in ("call", "conversation"):
        # "a round of conversations in which Shoigu told A, B and C": one call with each
        owners = [tok, tok.head.head] if tok.dep_ == "pobj" and tok.head.lower_ == "of" else [tok]
        speakers = [p for owner in owners for rel in owner.children
                    if rel.dep_ == "relcl" and rel.lemma_.lower() in SPOKEN_TO_VERBS
                    for s in [_subject(rel)] if s is not None for p in _actors(ctx, s, speaker) if p in participants]
        others = [p for p in participants if p not in speakers]
        if speakers and len(others) >= 2:
            return _one_with_each(speakers, others)
    if kind_of == "noun" and anchor.i != tok.i and anchor.lemma_.lower() in ("be", "arrive", "travel", "fly", "go", "come"):
        # "was at the White House with Zelensky, Starmer and Macron for talks with Trump": those
        # who came with the subject joined the talks; one exchange.
        return [participants]
    preps = _with_preps(anchor, tok)
    if len(preps) < 2:
        return [participants]
    groups = []
    for prep in preps:
        found = [p for obj in prep.children if obj.dep_ == "pobj" for p in _actors(ctx, obj, speaker)]
        found = [p for p in found if p in participants]
        if found:
            groups.append(found)
    if len(groups) < 2:
        return [participants]
    in_groups = {p for g in groups for p in g}
    base = [p for p in participants if p not in in_groups]
    if not base:
        return [participants]
    return [base + g for g in groups]


def _separately_after(ctx: DocContext, obj) -> list:
    """"met Jake Sullivan on Monday and, separately, Antony Blinken", with Blinken parsed as an
    apposition of Sullivan: the person named after "separately"."""
    if obj.dep_ != "dobj":
        return []
    own = ctx.mention_at(obj.i)
    found = []
    for c in obj.children:
        mention = ctx.mention_at(c.i)
        if c.dep_ == "appos" and mention is not None and mention.kind == PERSON and \
                (own is None or mention.iri != own.iri) and \
                any(t.lower_ == "separately" for t in ctx.tokens[obj.i + 1:c.left_edge.i]):
            found.append(c)
    return found


def _people_joined_to_place(ctx: DocContext, verb, prep) -> list:
    """"met Vučić in Belgrade and Kurti in Pristina": the person the parser joined to the first
    place, met on their own."""
    if prep.dep_ != "prep" or prep.lower_ != "in" or verb.lemma_.lower() not in ("meet", "see", "visit"):
        return []
    return [c for o in prep.children if o.dep_ == "pobj" for c in conjuncts(o)
            if ctx.mention_at(c.i) is not None and ctx.mention_at(c.i).kind == PERSON]


def _then_object(ctx: DocContext, verb, child) -> bool:
    """"met Wang Yi, ..., and then Vice President Han Zheng": a person the parser joined to the
    verb itself, met next and on their own."""
    mention = ctx.mention_at(child.i)
    return child.dep_ == "conj" and child.pos_ == "PROPN" and verb.lemma_.lower() in ("meet", "see", "receive") and \
        mention is not None and mention.kind == PERSON and \
        any(a.dep_ == "advmod" and a.lower_ in ("then", "later") for a in child.children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)


def _with_preps(anchor, tok) -> list:
    """The "with" phrases of an exchange, in text order: its own, their conjuncts, and one the parser
    hung on a neighbouring phrase ("spoke with A for 20 minutes, with B for 25 minutes and with C")."""
    preps = []
    # Through prepositions and their conjuncts only, never into a noun phrase ("talks with A on
    # trade with B" keeps B's "with" inside "trade").
    stack = list({anchor.i: anchor, tok.i: tok}.values())
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        for child in node.children:
            if node.lower_ == "as" and child.dep_ == "pobj" and child.i not in seen:
                # "talks as Britain's leader with Biden and with Macron": "with" hung on the role
                seen.add(child.i)
                stack.append(child)
                continue
            if child.i in seen or child.pos_ != "ADP" or child.dep_ not in ("prep", "conj"):
                continue
            seen.add(child.i)
            if child.lower_ == "with":
                preps.append(child)
            stack.append(child)
    return sorted(preps, key=lambda t: t.i)


def _with_group_times(ctx: DocContext, anchor, tok, groups: list[list[str]], future: bool) -> list:
    """Each separate exchange's own date, when each "with" phrase has one ("with A on Friday
    evening, with B on Monday", "on Saturday with A and B, and on Sunday with C"); else Nones."""
    preps = _with_preps(anchor, tok)
    if len(preps) < 2 or len(groups) < 2:
        return [None] * len(groups)
    sent = ctx.sentence_of(anchor)
    bounds = [p.i for p in preps] + [sent.end]
    prep_time, prep_parties = [], []
    sent_dates = [e for e in ctx.ents_in(sent) if e.label_ == "DATE"]
    for n, prep in enumerate(preps):
        # The day right before the "with" ("on Sunday with C"); else the one after it, before the next.
        dates = [e for e in sent_dates if e.end == bounds[n]] or \
            [e for e in sent_dates if bounds[n] < e.start < bounds[n + 1]]
        prep_time.append(resolve(dates[0].text, ctx.date, future=future) if len(dates) == 1 else None)
        prep_parties.append({p for o in prep.children if o.dep_ == "pobj" for p in _actors(ctx, o)})
    times = []
    for group in groups:
        owners = [n for n, parties in enumerate(prep_parties) if parties & set(group)]
        times.append(prep_time[owners[0]] if len(owners) == 1 else None)
    return times if all(times) else [None] * len(groups)


def _add_or_merge(ctx: DocContext, meeting: Meeting) -> None:
    """Merge with an earlier mention of the same exchange (same people, compatible time, same status)."""
    for known in ctx.facts.meetings:
        if set(known.participants) != set(meeting.participants) or known.status != meeting.status:
            continue
        if (known.kind in REMOTE_KINDS) != (meeting.kind in REMOTE_KINDS):
            continue    # a call or a letter is never the same exchange as a meeting in person
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


def drop_blocs_named_with_their_people(ctx: DocContext) -> None:
    """"Foreign ministers of the Group of Seven met on Capri ..., hosted by Tajani", with Blinken,
    Baerbock and Cameron "among those attending": the group stood for the people the story
    names, and is no party beside them.  A bloc stays when it met one other party ("G7 leaders
    held a call with Zelensky")."""
    for meeting in ctx.facts.meetings:
        blocs = [p for p in meeting.participants if p in ctx.gaz.blocs and ctx.entity(p) is not None
                 and ctx.entity(p).kind == ORGANIZATION]
        people = [p for p in meeting.participants if ctx.is_named_person(p)]
        if blocs and len(people) >= 3:
            meeting.participants = [p for p in meeting.participants if p not in blocs]
