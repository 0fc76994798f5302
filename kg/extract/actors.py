"""Actors: people (with the post they held at the article date), countries, organisations.

Mentions come from spaCy's entities and from the gazetteer's names,
demonyms and metonyms ("Beijing" -> China).  A person's post is read from a
title before the name ("Japanese Prime Minister Fumio Kishida") or from an
apposition ("Koji Tomita, Japan's ambassador to the United States"), then
checked against the reference data at the article date: a contradiction is
kept as what the source said and flagged, not believed.  Descriptions
("the Netherlands' top trade official") become unnamed people; no name is
ever invented.
"""
from __future__ import annotations

import re

from kg.extract.context import DocContext, Mention
from kg.extract.lexicon import (ANONYMOUS_PATTERNS, HONORIFICS, PERSON_NOUNS, REPORTING_VERBS, ROLE_MODIFIERS,
                                SOURCE_GROUP_NOUNS, TITLE_WORDS)
from kg.extract.model import ANONYMOUS, COUNTRY, HELD, ORGANIZATION, PERSON, Entity, PostClaim
from kg.gazetteer import ROMAN_NUMERAL, norm
from kg.rdfwriter import organization_iri, person_iri, place_iri, slug

EXTRACTOR = "kg.extract.actors.v1"
ORG_HEADS = {"ministry", "department", "commission", "government", "administration", "agency", "office",
             "council", "embassy", "parliament", "cabinet", "company", "kremlin", "bureau", "committee",
             "secretariat", "presidency", "mission", "delegation", "regulator", "authority", "bank", "court"}
_MATCHERS: dict = {}


def _matcher(ctx: DocContext):
    """A PhraseMatcher over the gazetteer's multi-word and single-word names (built once per vocab)."""
    from spacy.matcher import PhraseMatcher

    vocab = ctx.doc.vocab
    key = (id(vocab), id(ctx.gaz))
    if key in _MATCHERS:
        return _MATCHERS[key]
    matcher = PhraseMatcher(vocab, attr="ORTH")
    tokenizer_doc = _Tokenizer(vocab)
    for actor in ctx.gaz.actors.values():
        names = {actor.name, *actor.alt, *actor.metonyms}
        if actor.kind == PERSON:
            names = {n for n in names if len(n.split()) >= 2}
        patterns = [tokenizer_doc(n) for n in names if n]
        # The key is the actor's IRI, so a match says directly whom it names.
        matcher.add(actor.iri, patterns)
    _MATCHERS[key] = matcher
    return matcher


class _Tokenizer:
    """Tokenises pattern strings with the document's vocabulary."""

    def __init__(self, vocab):
        import spacy
        self._nlp = spacy.blank("en", vocab=vocab)

    def __call__(self, text):
        return self._nlp.make_doc(text)


def find_actors(ctx: DocContext) -> None:
    """Find every actor mention in the document and the posts the text gives people."""
    doc, gaz = ctx.doc, ctx.gaz
    taken: set[int] = set()

    # 1. Gazetteer names (longest first).
    matches = []
    for match_id, start, end in _matcher(ctx)(doc.spacy):
        matches.append((start, end, doc.vocab.strings[match_id]))
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    for start, end, iri in matches:
        if any(i in taken for i in range(start, end)):
            continue
        actor = gaz.actors[iri]
        taken.update(range(start, end))
        # People keep the name as this source spells it (Zelensky, not the reference's Zelenskyy);
        # the IRI still ties the spellings together.
        name = _full_name(doc[start:end].text) if actor.kind == PERSON else actor.name
        if actor.kind == PERSON and re.fullmatch(r"[A-Z]\.?", name.split()[0]):
            name = actor.name   # "S. Jaishankar": the full name, where the source gives an initial
        _register(ctx, iri, actor.kind, name, doc[start:end].text, start, end, in_reference=True,
                  gender=actor.gender, via="gazetteer")

    # 2. spaCy entities.  Last names of the document's people come first: the model
    #    sometimes tags a surname alone as ORG or GPE.
    person_surnames = set()
    for ent in ctx.ents:
        if ent.label_ == "PERSON":
            span = _strip_titles(ent)
            if span is not None and len(span) >= 2:
                person_surnames.add(norm(span[-1].text))
                person_surnames.add(norm(span.text.split()[-1]))   # "Keller-Sutter", cut into three tokens
    # ... and of the people the reference data found in it ("Rustem Umerov", untagged by the model).
    person_surnames |= {key for e in ctx.facts.entities.values() if e.kind == PERSON for key in surname_keys(e.name)}
    countries_of_names: dict[tuple[int, int], str] = {}    # names read after "Country’s"
    for ent in ctx.ents:
        # ("Duda and" tagged as one organisation before "Romanian President Klaus Iohannis")
        core = ent[:-1] if len(ent) == 2 and ent[-1].text in ("’s", "'s", "’", "and", ",") else ent
        if ent.label_ == "ORG" and len(core) == 1 and _doc_given_name(ctx, norm(core.text)) and \
                not gaz.lookup(core.text, "organization") and not any(i in taken for i in range(ent.start, ent.end)):
            # "said Wang had told ..." tagged as an organisation, after "Wang Yi" (a family name first)
            taken.update(range(ent.start, ent.end))
            _person_mention(ctx, core)
            continue
        if ent.label_ in ("ORG", "GPE", "NORP") and len(core.text.split()) == 1 and norm(core.text) in person_surnames \
                and not any(i in taken for i in range(ent.start, ent.end)):
            taken.update(range(ent.start, ent.end))
            _person_mention(ctx, core)
            continue
        names = [t for t in ent if t.lower_ not in ("and", ",", "the")]
        if ent.label_ in ("ORG", "GPE", "NORP") and len(names) >= 2 and len(names) < len(ent) and \
                not any(i in taken for i in range(ent.start, ent.end)) and (
                    all(norm(t.text) in person_surnames for t in names) or
                    (norm(ent[0].text) in person_surnames and ent[1].lower_ == "and"
                     and all(t.lower_ in TITLE_WORDS for t in ent[2:]))):
            # "Iwaya and Rubio met" tagged as one organisation: the two people named before;
            # "a meeting of Umerov and Foreign Minister Sybiha", with "Umerov and Foreign" as one.
            taken.update(range(ent.start, ent.end))
            for t in names:
                if norm(t.text) in person_surnames:
                    _person_mention(ctx, doc[t.i:t.i + 1])
            continue
        if ent.label_ in ("PERSON", "ORG") and any(i in taken for i in range(ent.start, ent.end)):
            # "Bolivia’s Luis Arce" tagged as one name, its country already read: the name after "’s"
            # (and "Lithuania’s Ingrida" tagged as an organisation, "Šimonytė" left out of it).
            cut = next((t.i for t in ent if t.text in ("’s", "'s") and t.i + 1 < ent.end
                        and all(i in taken for i in range(ent.start, t.i))), None)
            if cut is not None and not any(i in taken for i in range(cut + 1, ent.end)):
                end = ent.end
                if ent.label_ == "ORG":
                    while end < len(doc) and end - cut <= 4 and doc[end].pos_ == "PROPN" and \
                            doc[end].text[:1].isupper() and not doc[end].ent_type_:
                        end += 1
                name = doc[cut + 1:end]
                if ent.label_ == "PERSON" or (len(name) >= 2 and not _looks_like_a_body(ctx, name)):
                    owner = ctx.token_mention.get(cut - 1)
                    if owner is not None and owner.kind == COUNTRY:
                        countries_of_names[(name.start, name.end)] = owner.iri
                    ent = name
                    ent.label_ = "PERSON"
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        if ent.label_ == "ORG" and 2 <= len(ent) <= 4 and all(t.pos_ == "PROPN" and t.is_title for t in ent) and \
                ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in PERSON_NOUNS and \
                ent.root.head.i < ent.start and not gaz.lookup(ent.text, "organization"):
            # "Indonesia’s law minister, Yasonna Laoly," tagged as an organisation: a name in
            # apposition to a post is a person's.
            taken.update(range(ent.start, ent.end))
            _person_mention(ctx, ent)
            continue
        if ent.label_ == "PERSON" and ent.start > 0 and doc[ent.start - 1].lemma_.lower() in COMPANY_NOUNS and \
                not gaz.lookup(ent.text, "person"):
            # "the military bank Promsvyazbank", "chipmaker Nvidia": a company the model took for a name
            taken.update(range(ent.start, ent.end))
            _register_organization(ctx, ent.text, ent.start, ent.end)
            continue
        if ent.label_ == "PERSON":
            span = _strip_titles(ent)
            if span is None:
                continue
            span = _with_last_word_left_out(ctx, span, taken)
            if ent.start > 0 and (doc[ent.start - 1].lower_ in ("in", "at", "near") or
                                  doc[ent.start - 1].lemma_.lower() == "visit" and doc[ent.start - 1].pos_ == "VERB") and \
                    not gaz.lookup(span.text, "person"):
                continue  # "a hotel in Nusa Dua", "visited Malé": a place the model took for a name
            named = _organization_named(ctx, span.text) if norm(span.text) not in _person_name_parts(ctx) else None
            if named is not None:
                # "HHLA said ..." after "the Hamburg port operator HHLA": the organisation again
                taken.update(range(ent.start, ent.end))
                ctx.add_mention(Mention(span.start, span.end, named, ORGANIZATION, via="name"))
                continue
            if ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lemma_.lower() in PLACE_NOUNS:
                continue  # "the island of Bali"
            if _is_modifier(ent) or (any(t.text in ("-", "–") for t in span) and _joins_two_names(ctx, span)):
                continue  # "the Biden-Xi meeting", "the Nord Stream 2 gas pipeline": not a person here
            taken.update(range(ent.start, ent.end))
            _person_mention(ctx, span)
            owner = countries_of_names.get((ent.start, ent.end))
            person = ctx.entity(ctx.token_mention[span.start].iri) if span.start in ctx.token_mention else None
            if owner is not None and person is not None and person.country is None:
                person.country = owner      # "Lithuania’s Ingrida Šimonytė": Lithuania's
        elif ent.label_ == "NORP":
            country = gaz.country_of_demonym(ent.text)
            if country:
                taken.update(range(ent.start, ent.end))
                _register(ctx, country.iri, COUNTRY, country.name, ent.text, ent.start, ent.end,
                          in_reference=True, via="demonym")
        elif ent.label_ in ("GPE", "ORG", "FAC", "LOC"):
            text = _strip_det(ent)
            if not text:
                continue
            if (_named_as_person(ent) or _name_after_a_post(ent) or _name_of_a_country(ctx, ent)) and \
                    not gaz.lookup(text) and not gaz.country(text):
                # "TikTok's chief executive, Shou Zi Chew," tagged as an organisation
                taken.update(range(ent.start, ent.end))
                _person_mention(ctx, ent)
                continue
            if ent.label_ == "ORG" and _is_modifier(ent) and not gaz.lookup(text):
                continue  # "Gripen fighter jets", "DUV machines": a product name, not an actor
            country = gaz.country(text)
            if country and ent.label_ == "GPE":
                taken.update(range(ent.start, ent.end))
                _register(ctx, country.iri, COUNTRY, country.name, text, ent.start, ent.end, in_reference=True)
            elif (ent.label_ == "ORG" and _looks_like_org(ent)) or (not country and _named_as_company(ent)):
                if _opens_with_a_persons_name(ctx, ent):
                    continue    # "with Milei and Economy Minister Luis Caputo": people, not an organisation
                taken.update(range(ent.start, ent.end))
                for part in _coordinated_names(ent):
                    text = _strip_det(part)
                    known = bool(gaz.lookup(text, "organization"))
                    earlier = None if known or len(text.split()) > 1 else _earlier_organization_named(ctx, part.start, text)
                    if earlier is not None:
                        # "The Commission said" after "the European Commission": the one named before.
                        ctx.add_mention(Mention(part.start, part.end, earlier, ORGANIZATION, via="description"))
                        continue
                    _register_organization(ctx, text, part.start, part.end)

    # 2b. Full names the model did not tag at all, where the text says they are people's.
    for run in _untagged_names(ctx, taken):
        taken.update(range(run.start, run.end))
        _person_mention(ctx, run)

    # 3. Surnames spaCy mislabelled or missed ("Campbell" tagged ORG): a proper noun that is the
    #    last name of a person already in this document is that person.
    surnames = _doc_surnames(ctx)
    for tok in ctx.tokens:
        if tok.i in ctx.token_mention or not tok.is_title:
            continue
        # ("Bessent, speaking separately, called ...", the name taken for an adverb opening the clause)
        known_surname = norm(tok.text) in surnames and (
            tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") or
            tok.dep_ in ("advmod", "npadvmod") and tok.i == tok.head.left_edge.i and tok.i + 1 < len(doc) and
            doc[tok.i + 1].text == ",")
        if tok.pos_ != "PROPN" and not known_surname and not (tok.pos_ in ("ADJ", "NOUN") and (
                tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "npadvmod") or
                (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ in ("VBD", "VBZ") and doc[tok.i + 1].pos_ == "VERB") or
                (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "and" and tok.dep_ == "amod"))):
            continue    # ("Bessent held talks" at a paragraph's start can come out as an adjective,
            # "Starmer hosted ..." as a noun before a verb taken for an adjective, "Baerbock flew
            # in" as an adverb: a surname of this document in a subject's or object's place)
        iri = surnames.get(norm(tok.text)) and _bearer_of_surname(ctx, norm(tok.text), tok.i)
        if iri:
            ctx.add_mention(Mention(tok.i, tok.i + 1, iri, PERSON, via="surname"))
            continue
        # A surname alone that the model did not tag as a person: the one reference person of
        # that name in office on the article date, if there is exactly one.
        if ctx.date and (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ != "PROPN") and \
                (tok.i == 0 or doc[tok.i - 1].pos_ != "PROPN"):
            active = [p for p in gaz.people_with_surname(tok.text, ctx.date) if gaz.posts_on(p.iri, ctx.date)]
            if len(active) == 1:
                ref = active[0]
                _register(ctx, ref.iri, PERSON, ref.name, tok.text, tok.i, tok.i + 1, in_reference=True,
                          gender=ref.gender, via="surname")
                surnames[norm(tok.text)] = ref.iri
                continue
        if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ in ("pobj", "dobj", "nsubj", "conj") and \
                (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ != "PROPN") and any(
                    c.dep_ == "poss" and c.i in ctx.token_mention and ctx.token_mention[c.i].kind == COUNTRY
                    for c in tok.children):
            # "signed an agreement with China's Sinopec": a name the model did not tag, owned
            # by a country, that is no one's surname: one of the country's companies or bodies.
            _register_organization(ctx, tok.text, tok.i, tok.i + 1)

    # 4. Posts from titles and appositions.
    for mention in list(ctx.mentions):
        if mention.kind == PERSON and mention.via in ("name", "gazetteer", "surname"):
            _read_post(ctx, mention)


# Words that open a sentence and that the model sometimes takes into a name ("Besides Abramovich, ...").
LEADING_NON_NAMES = {"besides", "like", "unlike", "including", "after", "before", "with", "without", "for", "as",
                     "meanwhile", "while", "since", "despite", "under", "among", "beside", "alongside", "against",
                     "then", "also", "but", "and", "when", "if", "although", "though", "once", "following"}


def _strip_titles(ent):
    """The name part of a PERSON entity ("President Joe Biden" -> "Joe Biden")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_.strip(".") in TITLE_WORDS | HONORIFICS or doc[start].lower_ in ("the",)
                           or doc[start].lower_ in LEADING_NON_NAMES):
        start += 1
    while end > start and doc[end - 1].text in ("’s", "'s", "’", "'"):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


# Nouns that say the name after them is a company's: "energy group Eni", "chipmaker TSMC".
COMPANY_NOUNS = {"group", "company", "firm", "giant", "maker", "chipmaker", "carmaker", "automaker", "producer",
                 "operator", "supplier", "utility", "conglomerate", "manufacturer", "startup", "lender", "insurer",
                 "bank", "exporter", "importer", "miner", "retailer", "airline", "broadcaster", "platform"}


def _named_as_person(ent) -> bool:
    """A name in apposition with a person noun, two words or more: "the chief executive, Shou Zi Chew",
    "Priti Patel, then home secretary,"."""
    root = ent.root
    if len(ent) < 2 or not all(t.text[:1].isupper() for t in ent):
        return False
    if root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_NOUNS and \
            root.head.lemma_.lower() not in ("head", "chief"):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS - {"head", "chief", "group"} and c.i >= ent.end
               for c in root.children)


def _with_last_word_left_out(ctx: DocContext, span, taken: set[int]):
    """A name whose last word, written with an apostrophe, the model left out of it:
    "Fiame Naomi Mata’afa" tagged as "Fiame Naomi"."""
    doc = ctx.doc
    end = span.end
    while end < len(doc) and end not in taken and not doc[end].ent_type_ and doc[end].pos_ == "PROPN" and \
            doc[end].text[:1].isupper() and any(q in doc[end].text[1:-1] for q in ("’", "'")):
        end += 1
    return doc[span.start:end] if end > span.end else span


def _looks_like_a_body(ctx: DocContext, span) -> bool:
    """Words that name a body or a place rather than a person ("Labour Party", "Central Bank")."""
    return any(t.lower_ in TITLE_WORDS | NON_NAME_WORDS or t.lemma_.lower() in ORG_HEADS or not t.text[:1].isupper()
               for t in span) or bool(ctx.gaz.lookup(span.text))


def _name_after_a_post(ent) -> bool:
    """Two to four capitalised words right after a post, as a name follows a title: "Foreign
    ministers Thérèse Kayikwamba Wagner of ...", "Ukraine's trade representative Taras Kachka"."""
    if not 2 <= len(ent) <= 4 or ent.start == 0 or ent[-1].pos_ != "PROPN" or \
            not all(t.pos_ in ("PROPN", "NOUN") and t.is_title for t in ent):
        return False    # ("Thérèse" comes out as a common noun)
    before = ent.doc[ent.start - 1]
    return before.lemma_.lower() in PERSON_NOUNS and before.lemma_.lower() not in NON_POST_NOUNS and \
        not any(t.lower_ in TITLE_WORDS | HONORIFICS for t in ent)


# Person nouns that do not stand before a name as a title: "the man Putin", "head office".
NON_POST_NOUNS = {"man", "woman", "head", "chief", "executive", "general", "officer", "author", "official",
                  "officials", "diplomat", "diplomats", "aide", "expert", "analyst", "economist", "counterpart"}


def _name_of_a_country(ctx: DocContext, span) -> bool:
    """Two to four capitalised words, no article before them, followed by "of" and a country:
    "Olivier Nduhungirehe of Rwanda" -- a person introduced by the country they speak for (not
    "the Bank of Japan", "Republic of Korea")."""
    doc = span.doc
    if not 2 <= len(span) <= 4 or span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in ("the", "a", "an"):
        return False
    if not all(t.is_title and t.pos_ in ("PROPN", "NOUN") for t in span) or span[-1].pos_ != "PROPN":
        return False
    if any(t.lower_ in HONORIFICS | LEADING_NON_NAMES for t in span) or _looks_like_a_body(ctx, span):
        return False
    # The country may be written long, or tagged only in part ("of the Democratic Republic of Congo").
    places = [t for o in doc[span.end].children if o.dep_ == "pobj" for t in o.subtree] or [doc[span.end + 1]]
    return any(t.i in ctx.token_mention and ctx.token_mention[t.i].kind == COUNTRY for t in places)


# Words of names of bodies and places, never of people: "Republic of Korea", "Bank of England".
NON_NAME_WORDS = {"republic", "kingdom", "bank", "university", "council", "court", "institute", "church", "party",
                  "federation", "states", "people", "islands", "island", "province", "city", "port", "gulf", "sea",
                  "coast", "army", "forces", "school", "college", "museum", "club", "fund", "group", "association",
                  "company", "corporation", "airlines", "exchange", "assembly", "parliament", "congress", "senate"}


def _untagged_names(ctx: DocContext, taken: set[int]) -> list:
    """Runs of two to four capitalised proper nouns the model tagged as nothing, that the text
    makes people's: after a post ("representative Taras Kachka"), in apposition to one ("India's
    delegate, Chandni Raina", "Alexei Likhachev, chief executive of Rosatom"), coordinated with a
    person ("Prabowo Subianto and Ng Eng Hen"), or introduced by their country ("Olivier
    Nduhungirehe of Rwanda")."""
    doc, gaz = ctx.doc, ctx.gaz
    found = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if not (tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and i not in taken):
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title and not doc[j].ent_type_ and j not in taken:
            j += 1
        run = doc[i:j]
        i = j
        if not 2 <= len(run) <= 4 or any(t.lower_ in TITLE_WORDS | HONORIFICS | LEADING_NON_NAMES for t in run):
            continue
        if gaz.lookup(run.text) or gaz.country(run.text):
            continue
        root = run.root
        head = root.head
        coordinated = root.dep_ == "conj" and head.i < run.start and (
            (head.i in ctx.token_mention and ctx.token_mention[head.i].kind == PERSON) or head.ent_type_ == "PERSON")
        in_apposition = root.dep_ == "appos" and head.lemma_.lower() in PERSON_NOUNS and head.i < run.start and \
            head.lemma_.lower() not in ("head", "chief")
        described = any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS and c.i >= run.end
                        for c in root.children)     # "Alexei Likhachev, chief executive of Rosatom,"
        if coordinated or in_apposition or described or _name_after_a_post(run) or _name_of_a_country(ctx, run):
            found.append(run)
    return found


def _joins_two_names(ctx: DocContext, span) -> bool:
    """"Biden-Xi": a hyphen between two names of this document's people (not "Ben-Gvir")."""
    text = span.text.replace("–", "-")
    parts = [p.strip() for p in text.split("-") if p.strip()]
    if len(parts) != 2:
        return False
    known = _person_name_words(ctx)
    known |= {norm(w) for m in ctx.ents if m.label_ == "PERSON" and m.start != span.start for w in m.text.split()}
    return all(norm(p.split()[-1]) in known for p in parts)


def _opens_with_a_persons_name(ctx: DocContext, ent) -> bool:
    """"Milei and Economy" tagged as an organisation: a name of this document's people, then
    "and" and the title of the next one."""
    cc = [t for t in ent if t.lower_ == "and"]
    if len(cc) != 1 or cc[0].i == ent.start:
        return False
    return norm(ent.doc[cc[0].i - 1].text) in _person_name_words(ctx) and ent.end < len(ent.doc) and \
        ent.doc[ent.end].lower_ in TITLE_WORDS


def _person_name_words(ctx: DocContext) -> set[str]:
    """Every word of the names this document's people have been given so far."""
    return {norm(w) for e in ctx.facts.entities.values() if e.kind == PERSON for a in e.aliases for w in a.split()}


def _named_as_company(ent) -> bool:
    """A name the model took for a place that a company noun introduces ("energy group Eni")."""
    root = ent.root
    return ent.label_ in ("GPE", "PERSON", "LOC") and (
        any(c.dep_ == "compound" and c.lemma_.lower() in COMPANY_NOUNS for c in root.children)
        or (root.dep_ == "appos" and root.head.lemma_.lower() in COMPANY_NOUNS))   # "the company, Energoatom,"


def _coordinated_names(ent) -> list:
    """"Eni and Sonatrach" tagged as one organisation: each name on its own."""
    cc = [t for t in ent if t.lower_ == "and" and t.dep_ == "cc"]
    if len(cc) != 1 or cc[0].i in (ent.start, ent.end - 1):
        return [ent]
    left, right = ent.doc[ent.start:cc[0].i], ent.doc[cc[0].i + 1:ent.end]
    if not (left[0].text[:1].isupper() and right[0].text[:1].isupper() and right.root.dep_ == "conj"
            and right.root.head.i in range(left.start, left.end)):
        return [ent]
    return [left, right]


PLACE_NOUNS = {"island", "city", "town", "province", "region", "state", "resort", "capital", "port", "village",
               "district", "county", "peninsula", "archipelago"}


def _is_modifier(ent) -> bool:
    """True when the entity only modifies a common noun ("Nord Stream 2 pipeline", "Gripen jets")."""
    root = ent.root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.i >= ent.end and root.head.pos_ == "NOUN" \
        and root.head.lemma_.lower() not in ORG_HEADS


def _strip_det(ent) -> str:
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    while tokens and tokens[-1].text in ("’s", "'s", "’", "'"):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return ent.doc[tokens[0].i:tokens[-1].i + 1].text


def _looks_like_org(ent) -> bool:
    # spaCy tags stray words as ORG; an organisation name has a proper noun or a known head.
    return any(t.pos_ == "PROPN" for t in ent) and len(ent.text) > 1


# Particles joined to a surname that the text may drop: "Saad Sherida al-Kaabi" ... "Kaabi said".
SURNAME_PARTICLES = ("al-", "el-")


def surname_keys(name: str) -> list[str]:
    """The keys a later mention by surname may use: "al-kaabi" and "kaabi"."""
    parts = norm(name).split()
    if len(parts) < 2 or ROMAN_NUMERAL.fullmatch(parts[-1]):
        return []       # "Frederik X": no surname to be called by
    last = parts[-1]
    return [last] + [last[len(p):] for p in SURNAME_PARTICLES if last.startswith(p) and len(last) > len(p) + 2]


def _doc_surnames(ctx: DocContext) -> dict[str, str]:
    out = {}
    for entity in ctx.facts.entities.values():
        if entity.kind == PERSON and not entity.unnamed:
            for key in surname_keys(entity.name):
                out[key] = entity.iri
    return out


def _bearer_of_surname(ctx: DocContext, key: str, position: int, first_word: bool = False) -> str | None:
    """The person of this document that a surname alone at token ``position`` names.

    Two people may share it ("Li Keqiang" and, later, "Li Qiang"): the one whose
    full name came last before ``position``, else the first after it.  With
    ``first_word``, ``key`` is matched with the first word of full names (a family
    name written first, a given name used alone), and only names before count.
    """
    before = after = None
    for m in ctx.mentions:
        if m.kind != PERSON or m.via == "surname":
            continue
        entity = ctx.facts.entities.get(m.iri)
        if entity is None or entity.unnamed:
            continue
        words = norm(entity.name).split()
        if not (words[:1] == [key] and len(words) >= 2 if first_word else key in surname_keys(entity.name)):
            continue
        if m.start < position:
            if before is None or m.start > before.start:
                before = m
        elif after is None or m.start < after.start:
            after = m
    if first_word:
        return before.iri if before is not None else None
    chosen = before or after
    return chosen.iri if chosen is not None else _doc_surnames(ctx).get(key)


def _doc_given_name(ctx: DocContext, key: str) -> str | None:
    found = [e.iri for e in ctx.facts.entities.values()
             if e.kind == PERSON and not e.unnamed and len(norm(e.name).split()) >= 2 and norm(e.name).split()[0] == key]
    return found[0] if len(found) == 1 else None


def _register(ctx: DocContext, iri, kind, name, surface, start, end, in_reference=False, gender=None,
              via="name", country=None) -> Entity:
    entity = ctx.add_entity(Entity(iri=iri, kind=kind, name=name, aliases={surface}, in_reference=in_reference,
                                   gender=gender, country=country))
    ctx.add_mention(Mention(start, end, iri, kind, via=via))
    if kind == PERSON and entity.country is None and in_reference:
        for post in ctx.gaz.posts_on(iri, ctx.date):
            # The post's organisation, or the country it belongs to (the European Commission's
            # president stands for the European Union).
            org, seen = post.organization, set()
            while org in ctx.gaz.actors and org not in seen and ctx.gaz.actors[org].kind != "country":
                seen.add(org)
                org = ctx.gaz.actors[org].parent
            if org in ctx.gaz.actors and ctx.gaz.actors[org].kind == "country":
                entity.country = org
                break
    return entity


def _register_organization(ctx: DocContext, text: str, start: int, end: int) -> Entity:
    """The organisation named ``text`` at tokens [start, end): the reference one if the gazetteer
    knows the name, else one minted from it."""
    refs = ctx.gaz.lookup(text, "organization")
    return _register(ctx, refs[0].iri if refs else organization_iri(text), ORGANIZATION,
                     refs[0].name if refs else text, text, start, end, in_reference=bool(refs))


def _full_name(text: str) -> str:
    """A person's name as the source writes it, without a leading honorific ("Sheikh Tamim" -> "Tamim")."""
    words = text.replace("’", "'").split()
    while len(words) > 1 and words[0].lower().strip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


# Titles that tell a person's gender, for the pronouns that follow ("The King and Queen Camilla
# left ..., where he met Albanese": the King).
FEMALE_TITLES = {"queen", "princess", "duchess", "empress", "mrs", "ms", "madam", "sheikha", "lady", "dame"}
MALE_TITLES = {"king", "prince", "duke", "emperor", "mr", "sheikh", "lord", "sir"}


def _person_mention(ctx: DocContext, span) -> None:
    """Link a PERSON name to a person of this document, of the gazetteer, or a new one; a title
    right before the name that tells the gender gives it to a person whose gender is unknown."""
    titled = _titled_bearer(ctx, span)
    if titled is not None:
        ctx.add_mention(Mention(span.start, span.end, titled, PERSON, via="surname"))
    else:
        _link_person(ctx, span)
    # (the title may sit inside the name the model tagged: "Queen Camilla")
    words = [ctx.doc[i].lower_.strip(".") for i in (span.start - 1, span.start) if i >= 0]
    gender = "female" if FEMALE_TITLES & set(words) else "male" if MALE_TITLES & set(words) else None
    mention = ctx.token_mention.get(span.start)
    entity = ctx.facts.entities.get(mention.iri) if mention is not None else None
    if gender and entity is not None and entity.kind == PERSON and not entity.gender:
        entity.gender = gender


def _titled_bearer(ctx: DocContext, span) -> str | None:
    """"Prince Faisal" after "Prince Faisal bin Farhan" (and "Faisal Mekdad"): the person of this
    document whose name begins with that title and name, when the name alone is one word."""
    if len(span) != 1 or span.start == 0:
        return None
    title = ctx.doc[span.start - 1]
    if title.lower_.strip(".") not in TITLE_WORDS | HONORIFICS or not title.text[:1].isupper():
        return None
    start = norm(f"{title.text} {span.text}")
    found = {e.iri for e in ctx.facts.entities.values() if e.kind == PERSON and not e.unnamed
             and any(norm(n).startswith(start + " ") for n in {e.name, *e.aliases})}
    return found.pop() if len(found) == 1 else None


def _link_person(ctx: DocContext, span) -> None:
    """Link a PERSON name to a person of this document, of the gazetteer, or a new one."""
    gaz, doc = ctx.gaz, ctx.doc
    name = span.text.replace("’", "'")
    parts = name.split()
    if len(parts) >= 2:
        refs = gaz.lookup(name, "person")
        if refs:
            ref = refs[0]
            _register(ctx, ref.iri, PERSON, _full_name(name), name, span.start, span.end, in_reference=True,
                      gender=ref.gender)
            return
        # "President Xi" style: a known surname with a different given-name spelling stays apart.
        _register(ctx, person_iri(name), PERSON, name, name, span.start, span.end)
        return
    key = norm(name)
    # Same document first: the full name with that surname read last before it (else the
    # first after it); else the last full name before it that begins with it ("Li" after
    # "Li Keqiang"); else a given name used alone ("Dasha", "Prince Abdulaziz") that only
    # one person here bears.
    local = _bearer_of_surname(ctx, key, span.start) or _bearer_of_surname(ctx, key, span.start, first_word=True) \
        or _doc_given_name(ctx, key)
    if local:
        ctx.add_mention(Mention(span.start, span.end, local, PERSON, via="surname"))
        ctx.facts.entities[local].aliases.add(name)
        return
    for ent in ctx.ents:
        if ent.label_ == "PERSON" and ent.start > span.start:
            full = _strip_titles(ent)
            if full is not None and len(full) >= 2 and key in (norm(full[-1].text), norm(full[0].text)):
                _person_mention(ctx, full)
                iri = ctx.token_mention[full.start].iri
                ctx.add_mention(Mention(span.start, span.end, iri, PERSON, via="surname"))
                ctx.facts.entities[iri].aliases.add(name)
                return
    people = gaz.people_with_surname(key, ctx.date)
    active = [p for p in people if ctx.date and gaz.posts_on(p.iri, ctx.date)]
    if len(active) == 1 or (len(people) == 1):
        ref = active[0] if active else people[0]
        _register(ctx, ref.iri, PERSON, ref.name, name, span.start, span.end, in_reference=True, gender=ref.gender)
        return
    if ctx.quote_at(span.start) is not None:
        return      # “... a 40% Tariff on any Transshipping,” he wrote: a capitalised word in a quote, no one
    if gaz.country_of_demonym(name) or gaz.country(name):
        return      # "Azerbaijani" tagged as a name: a nationality, no one
    _register(ctx, person_iri(name), PERSON, name, name, span.start, span.end)


def _read_post(ctx: DocContext, mention: Mention) -> None:
    """A post from the title before the name or an apposition after it."""
    doc = ctx.doc
    role_tokens, country = [], None
    i = mention.start - 1
    # Wire style writes some posts in lower case before the name ("EU foreign affairs
    # spokesperson Nabila Massrali", "national security adviser Jake Sullivan").
    lower_title = i >= 0 and doc[i].is_lower and doc[i].lower_ in LOWERCASE_TITLE_HEADS and \
        doc[i].dep_ == "compound"
    while i >= 0:
        tok = doc[i]
        low = tok.lower_.strip(".")
        other = ctx.token_mention.get(i)
        if other is not None and other.kind in (COUNTRY, ORGANIZATION) and tok.dep_ in ("compound", "amod", "nmod", "poss", "case"):
            country = country or other.iri
            i = other.start - 1
            continue
        if tok.text in ("’s", "'s", "’"):
            i -= 1
            continue
        if low in TITLE_WORDS and low not in HONORIFICS and (tok.is_title or tok.is_upper or low in ("of",)
                                                             or (lower_title and tok.is_lower)):
            role_tokens.insert(0, tok)
            i -= 1
            continue
        break
    role = " ".join(t.text for t in role_tokens)
    if role and not country:
        country = _country_from_left(ctx, role_tokens[0].i - 1)
    head = doc[mention.end - 1]
    if not role:
        appos = [c for c in head.children if c.dep_ == "appos"]
        if appos:
            role, country = _role_from_description(ctx, appos[0])
        elif head.dep_ == "appos" and head.head.lower_ in PERSON_NOUNS | {"coordinator", "adviser", "advisor"}:
            role, country = _role_from_description(ctx, head.head)
    if not role:
        return
    entity = ctx.entity(mention.iri)
    if entity is not None and country and not entity.country:
        entity.country = country_behind(ctx, country)
    _add_post_claim(ctx, mention.iri, role, country, head)


# Post nouns that end a lower-case title right before a name.
LOWERCASE_TITLE_HEADS = {"spokesperson", "spokesman", "spokeswoman", "adviser", "advisor", "minister", "secretary",
                         "ambassador", "envoy", "negotiator", "commissioner", "coordinator"}


def country_behind(ctx: DocContext, iri: str) -> str | None:
    """The country an actor stands for: itself, or the country an organisation belongs to."""
    seen = set()
    while iri and iri not in seen:
        seen.add(iri)
        entity = ctx.entity(iri)
        if entity is not None and entity.kind == COUNTRY:
            return iri
        ref = ctx.gaz.actors.get(iri)
        if ref is None:
            return entity.country if entity is not None and entity.country != iri else None
        if ref.kind == "country":
            return iri
        iri = ref.parent
    return None


def _country_from_left(ctx: DocContext, i: int) -> str | None:
    while i >= 0:
        other = ctx.token_mention.get(i)
        if other is not None and other.kind in (COUNTRY, ORGANIZATION):
            return other.iri
        if ctx.tokens[i].text in ("’s", "'s", "’"):
            i -= 1
            continue
        return None
    return None


def _role_from_description(ctx: DocContext, noun) -> tuple[str, str | None]:
    """Role words and owning country/organisation of a description headed by ``noun``."""
    owner = None
    words = []
    for tok in noun.subtree:
        if tok.dep_ in ("relcl", "acl") or (tok.dep_ == "punct" and tok.i > noun.i):
            break
        if tok.i < noun.i and tok.dep_ == "det":
            continue
        mention = ctx.token_mention.get(tok.i)
        if mention is not None and mention.kind in (COUNTRY, ORGANIZATION) and tok.i < noun.i:
            owner = owner or mention.iri
            continue
        if tok.text in ("’s", "'s", "’", ",") or tok.dep_ == "case":
            continue
        words.append(tok)
        if len(words) > 9:
            break
    role = " ".join(t.text for t in words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    return role.strip(), owner


def _add_post_claim(ctx: DocContext, person: str, role: str, organization: str | None, token) -> None:
    """Record what the source says the person's post is, checked against reference data."""
    for known in ctx.facts.posts:
        if known.person == person and norm(known.role) == norm(role):
            return
    claim = PostClaim(person=person, role=role, organization=organization,
                      evidence=ctx.evidence(ctx.sentence_of(token)), extractor=EXTRACTOR)
    if ctx.date and person in ctx.gaz.actors:
        current = ctx.gaz.posts_on(person, ctx.date)
        claim_words = set(norm(role).split()) - HONORIFICS
        agreeing = [p for p in current if _role_agrees(claim_words, p.role, p.label)]
        if agreeing:
            claim.status = "consistent"
            claim.reference_post = agreeing[0].iri
            claim.confidence = 0.95
        elif current and claim_words & TITLE_WORDS:
            claim.status = "conflicting"
            claim.conflicts_with = current[0].iri
            claim.confidence = 0.9
    ctx.facts.posts.append(claim)


def _role_agrees(claim_words: set[str], ref_role: str, ref_label: str) -> bool:
    ref_words = set(norm(ref_role).split()) | set(norm(ref_label).split())
    core = {w for w in claim_words if w in TITLE_WORDS and w not in ("us", "the", "of", "to")}
    if not core:
        return True
    if not core <= ref_words:
        return False
    # "President" is not "Vice President": a modifier in one and not the other means another post.
    missing = (set(norm(ref_role).split()) - core) & ROLE_MODIFIERS
    extra = (core - set(norm(ref_role).split())) & ROLE_MODIFIERS
    return not missing and not extra


# -- descriptions used as speakers or participants ---------------------------------

def describe_actor(ctx: DocContext, token, speaker: str | None = None) -> list[str]:
    """Actors a noun phrase headed by ``token`` refers to; may create unnamed people or anonymous sources."""
    national = _national_named_before(ctx, token)
    if national is not None:
        return [national]
    found = ctx.resolve_token(token, speaker)
    if found and token.lemma_.lower() in ORG_HEADS and not ctx.resolve_token(token, speaker, conjuncts=False):
        # "between his government and the Finnish company Fortum": the conjunct is named, and
        # the head is described as any other ("his government" -> Germany).
        return list(dict.fromkeys(_describe(ctx, token, speaker) + found))
    if found:
        return found
    return _describe(ctx, token, speaker)


def _describe(ctx: DocContext, token, speaker: str | None = None) -> list[str]:
    """Actors a noun phrase that names nobody directly describes ("the French leader", "his government")."""
    after = ctx.mention_at(token.i + 1) if token.i + 1 < len(ctx.tokens) else None
    if token.pos_ == "PROPN" and token.is_title and after is not None and after.kind == PERSON and \
            not any(c.dep_ == "det" for c in token.children):
        # "Scholz and Prime Minister Narendra Modi", parsed with "Minister" as the conjunct and
        # the name as an apposition: the title is that of the name after it.
        return [after.iri]
    if token.lemma_.lower() in ("group", "delegation", "team", "coalition", "number", "couple", "handful", "member"):
        # "a bipartisan group of US senators said": the members speak
        leaders = [t for acl in token.children if acl.dep_ == "acl" and acl.lemma_.lower() in ("lead", "head")
                   for a in acl.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                   for t in [o, *[c for c in o.subtree if c.dep_ == "conj"]]]
        led = [m.iri for t in leaders for m in [ctx.mention_at(t.i)] if m is not None and m.kind in (COUNTRY, ORGANIZATION)]
        if led:
            # "a group of wealthy democracies led by the European Union and Britain": those who lead it
            return list(dict.fromkeys(led))
        members = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        if members:
            return describe_actor(ctx, members[0], speaker)
        if token.lemma_.lower() == "group" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "the group said" after "the Group of Seven": the organisation named before.
            named = _earlier_organization_with_word(ctx, token.i, "group")
            if named is not None:
                ctx.add_mention(Mention(token.i, token.i + 1, named, ORGANIZATION, via="description"))
                return [named]
    phrase = _noun_phrase(ctx, token)
    if not phrase:
        return []
    earlier = _anonymous_named_before(ctx, token)
    if earlier is not None:
        return [earlier]
    owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if owner is not None and phrase.split()[0].lower() == owner.lower_:
        # "His office said": Wickremesinghe's office, as a reader would name it.
        person = ctx.resolve_pronoun(owner)
        if person is not None and ctx.entity(person) is not None:
            phrase = f"{ctx.entity(person).name}'s " + phrase.split(" ", 1)[1]
    its = next((c for c in token.children if c.dep_ == "poss" and c.lower_ == "its"), None)
    if its is not None and phrase.split()[0].lower() == "its" and its.i not in ctx.token_mention:
        # "Russia pressed its claim ..., as its most senior general telephoned ...": the country the
        # sentence is about, as a reader would name it.
        country_iri = _country_of_the_sentence(ctx, token)
        if country_iri is not None and ctx.entity(country_iri) is not None:
            ctx.add_mention(Mention(its.i, its.i + 1, country_iri, COUNTRY, via="pronoun"))
            phrase = f"{ctx.entity(country_iri).name}'s " + phrase.split(" ", 1)[1]
    low = norm(phrase)
    if any(p in low for p in ANONYMOUS_PATTERNS) or low in ("sources", "officials", "people"):
        return [ctx.anonymous(phrase, token)]
    lemma = token.lemma_.lower()
    country = _modifier_country(ctx, token)
    if lemma in ("counterpart",):
        return _counterpart(ctx, token, country)
    if lemma in ("guest", "host", "visitor") and any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                                                    for c in token.children):
        # "Trudeau told a joint news conference with his guest": like a counterpart, the
        # nearest person named before from the other side.
        return _counterpart(ctx, token, country)
    if token.dep_ in ("oprd", "attr") and lemma in PERSON_NOUNS:
        return []   # "He is the first leader to ...": a predicate, nobody new
    small = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    if small is not None and lemma in PERSON_NOUNS:
        return describe_actor(ctx, small, speaker)  # "make him the first leader ... to visit": him
    if token.tag_ in ("NNS", "NNPS") and lemma in PERSON_NOUNS:
        # "officials", "the two countries' leaders": a group, never one unnamed person.
        return [ctx.anonymous(phrase, token)]
    if token.tag_ in ("NNS", "NNPS") and lemma in SOURCE_GROUP_NOUNS and token.dep_ == "nsubj" and \
            token.head.lemma_.lower() in REPORTING_VERBS | SPEECH_ACT_VERBS:
        # "Rights groups said", "Aid agencies warned", "Refugee charities urged ministers to ...":
        # a collective source, kept as the text names it (as a speaker only: "met aid agencies"
        # names no party).
        return [ctx.anonymous(phrase, token)]
    if token.lower_ in PERSON_NOUNS or lemma in PERSON_NOUNS:
        named = _name_in_apposition(ctx, token) or _name_after_long_title(ctx, token) or _named_head(ctx, token)
        if named:
            return [named]
        if lemma == "diplomat" and country and any(c.lower_ in ("top", "chief") for c in token.children):
            # "Russia's top diplomat": its foreign minister, when the article names one
            holder = _holder(ctx, country, FOREIGN_MINISTER_ROLES)
            if holder is not None:
                ctx.add_mention(Mention(token.i, token.i + 1, holder, PERSON, via="description"))
                return [holder]
        if lemma in LEADER_NOUNS and country and role_holder(ctx, country, token):
            holder = role_holder(ctx, country, token)
            if token.i not in ctx.token_mention and ctx.entity(holder) is not None:
                # Recorded, so that "He added ..." after "The Russian leader said ..." finds him.
                ctx.add_mention(Mention(token.i, token.i + 1, holder, PERSON, via="description"))
            return [holder]
        described = _described_person(ctx, token, country)
        if described:
            return [described]
        if lemma in ("author", "man", "woman", "analyst", "economist", "expert"):
            return []
        return [_unnamed_person(ctx, token, phrase, country)]
    if lemma in ORG_HEADS:
        agency = lemma == "administration" and any(c.dep_ == "compound" and c.is_lower for c in token.children)
        if lemma in ("government", "administration", "presidency", "kremlin") and country and not agency:
            return [country]    # but "China's customs administration" is an agency of its own
        if lemma in ("administration", "government", "cabinet", "office"):
            owner = _administration_owner(ctx, token)
            if owner and lemma != "office":
                return [owner]  # "the Biden administration", "Orbán's government": the country
        name = phrase[4:] if phrase.lower().startswith("the ") else phrase
        if name.lower() == token.lower_ and not token.tag_.endswith("S"):
            earlier = _earlier_organization_named(ctx, token.i, token.lower_)
            if earlier is not None:
                # "The Commission said" after "the European Commission", "The ministry summoned"
                # after "India's foreign ministry said": the one named before.
                ctx.add_mention(Mention(token.i, token.i + 1, earlier, ORGANIZATION, via="description"))
                return [earlier]
        if lemma == "company" and not token.tag_.endswith("S") and \
                any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "The German company said ..." after "Scholz toured Siemens Energy's plant": the
            # company named last, of that country when the text tells its country.
            earlier = _earlier_company(ctx, token.i, country)
            if earlier is not None:
                ctx.add_mention(Mention(token.i, token.i + 1, earlier, ORGANIZATION, via="description"))
                return [earlier]
        if token.tag_ in ("NNS", "NNPS") or (lemma in ("government", "administration", "ministry") and not country
                                              and not any(c.dep_ in ("compound", "poss") for c in token.children)):
            return []  # "two governments", "a ministry": nobody in particular
        refs = ctx.gaz.lookup(name, "organization")
        iri = refs[0].iri if refs else organization_iri(name)
        ctx.add_entity(Entity(iri=iri, kind=ORGANIZATION, name=refs[0].name if refs else name, aliases={name},
                              in_reference=bool(refs), country=country))
        ctx.add_mention(Mention(token.i, token.i + 1, iri, ORGANIZATION, via="description"))
        return [iri]
    return []


# Words in the names of public bodies, which "the company" never means.
PUBLIC_BODY_WORDS = {"ministry", "department", "commission", "government", "administration", "agency", "office",
                     "council", "embassy", "parliament", "cabinet", "kremlin", "bureau", "committee", "union",
                     "secretariat", "presidency", "regulator", "authority", "court", "nations", "organization",
                     "organisation", "fund", "group of", "forum", "alliance", "treaty", "congress", "senate"}


def _earlier_company(ctx: DocContext, before: int, country: str | None) -> str | None:
    """The nearest organisation named before token ``before`` that is no public body (and, when
    ``country`` is given, is not known to be of another country)."""
    for m in sorted((m for m in ctx.mentions if m.start < before and m.kind == ORGANIZATION and m.via != "description"),
                    key=lambda m: m.start, reverse=True):
        entity = ctx.entity(m.iri)
        if entity is None or entity.unnamed:
            continue
        name = entity.name.lower()
        if any(w in name for w in PUBLIC_BODY_WORDS) or (country and entity.country not in (None, country)):
            continue
        return m.iri
    return None


def _earlier_organization_with_word(ctx: DocContext, before: int, word: str) -> str | None:
    """The nearest organisation named before token ``before`` with ``word`` in its name."""
    for m in sorted((m for m in ctx.mentions if m.start < before and m.kind == ORGANIZATION),
                    key=lambda m: m.start, reverse=True):
        entity = ctx.entity(m.iri)
        if entity is not None and any(word in n.lower().split() for n in {entity.name, *entity.aliases}):
            return m.iri
    return None


def _earlier_organization_named(ctx: DocContext, before: int, word: str) -> str | None:
    """The nearest organisation named before token ``before`` whose name ends in ``word`` ("the
    Commission" -> "European Commission", "the ministry" -> "China's commerce ministry")."""
    word = word.lower()
    for m in sorted((m for m in ctx.mentions if m.start < before and m.kind == ORGANIZATION),
                    key=lambda m: m.start, reverse=True):
        entity = ctx.entity(m.iri)
        if entity is None:
            continue
        names = {entity.name, *entity.aliases}
        if any(n.split() and len(n.split()) > 1 and n.split()[-1].lower() == word for n in names):
            return m.iri
    # Not yet read: a description of that body earlier in the text ("India's foreign ministry
    # said ..." before "The ministry summoned ..."), read now.
    for tok in reversed(ctx.tokens[:before]):
        if tok.lower_ == word and tok.dep_ != "compound" and any(
                c.dep_ in ("poss", "compound", "amod") and c.i < tok.i for c in tok.children):
            found = [iri for iri in _describe(ctx, tok) if ctx.entity(iri) is not None
                     and ctx.entity(iri).kind == ORGANIZATION]
            return found[0] if found else None
    return None


def _noun_phrase(ctx: DocContext, token, as_written: bool = False) -> str:
    """The words naming ``token``'s referent: its pre-modifiers and a short of/from/for phrase.

    Apostrophes are made plain, so that one name minted twice is one entity, unless
    ``as_written``: a source's label quotes the text exactly ("the prime minister’s office")."""
    start = token.left_edge.i
    end = token.i + 1
    for child in token.children:
        if child.dep_ == "prep" and child.i > token.i and child.lower_ in ("of", "from", "for", "at", "in") \
                and child.right_edge.i - token.i <= 6:
            end = max(end, child.right_edge.i + 1)
        if child.dep_ == "amod" and child.i > token.i and child.right_edge.i - token.i <= 6:
            end = max(end, child.right_edge.i + 1)  # "people familiar with the matter"
        if child.dep_ == "prep" and child.i == token.i + 1 and child.lower_ == "on" and \
                any(o.lemma_.lower() == "side" for o in child.children):
            end = max(end, child.right_edge.i + 1)  # "officials on both sides"
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i == token.i + 1 and \
                child.right_edge.i - token.i <= 6:
            end = max(end, child.right_edge.i + 1)  # "officials involved in the talks"
    tokens = [t for t in ctx.tokens[start:end] if not t.is_punct or t.text in ("’", "'", "-")]
    if not tokens:
        return ""
    text = ctx.doc[tokens[0].i:tokens[-1].i + 1].text
    return text if as_written else text.replace("’", "'")


def _country_of_the_sentence(ctx: DocContext, token) -> str | None:
    """The country a sentence is about, for "its" before ``token``: a country named as a subject
    before it in the sentence, else the last country named before it there."""
    sent = ctx.sentence_of(token)
    named = [m for m in ctx.mentions if m.kind == COUNTRY and sent.start <= m.start < token.i]
    # (the subject of a clause above it: "Russia pressed its claim that Ukraine is preparing ..., as
    # its most senior general ...": Russia, not Ukraine)
    subjects = [m for m in named if ctx.tokens[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                and ctx.tokens[m.end - 1].head.is_ancestor(token)]
    found = subjects[-1:] if subjects else named[-1:]
    return found[0].iri if found else None


def _modifier_country(ctx: DocContext, token) -> str | None:
    for child in token.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            m = ctx.token_mention.get(child.i)
            if m is not None and m.kind == COUNTRY:
                return m.iri
            if m is None:
                country = ctx.gaz.country(child.text)
                if country:
                    return country.iri
    # "officials from Japan", "the government of Ukraine"; "the foreign ministry in Beijing" (a capital
    # is its country's seat; but "the Chinese embassy in Tokyo" is no Japanese body)
    preps = ("from", "of", "in") if token.lemma_.lower() in SEATED_BODIES else ("from", "of")
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                m = ctx.token_mention.get(obj.i)
                if m is not None and m.kind == COUNTRY:
                    return m.iri
    return None


# Bodies that sit in their own country's capital: "the foreign ministry in Beijing".
SEATED_BODIES = {"ministry", "government", "administration", "cabinet", "parliament"}


def _administration_owner(ctx: DocContext, token) -> str | None:
    """The country whose government "the Biden administration" is (registered as an actor)."""
    for child in token.children:
        m = ctx.token_mention.get(child.i)
        if m is None and child.dep_ == "poss" and child.lower_ in ("his", "her"):
            # "negotiations between his government and ...": the government of the man named.
            person = ctx.resolve_pronoun(child)
            m = Mention(child.i, child.i + 1, person, PERSON) if person is not None else None
        if m is not None and m.kind == PERSON:
            entity = ctx.entity(m.iri)
            if entity and entity.country:
                if ctx.entity(entity.country) is None:
                    ref = ctx.gaz.actors.get(entity.country)
                    if ref is None:
                        return None
                    ctx.add_entity(Entity(iri=ref.iri, kind=COUNTRY, name=ref.name, in_reference=True))
                return entity.country
    return None


def _counterpart(ctx: DocContext, token, country: str | None) -> list[str]:
    owner = None
    for child in token.children:
        if child.dep_ == "poss":
            owner = ctx.resolve_token(child)
    owner_iri = owner[0] if owner else None
    owner_country = ctx.country_of(owner_iri) if owner_iri else None
    # The nearest person named before, from another country than the owner's ("Wong raised it
    # with her counterpart" after "Wang Yi held talks with Wong"); never someone named later.
    earlier = sorted((m for m in ctx.mentions if m.start < token.i), key=lambda m: m.start, reverse=True)
    # Someone the owner was reported meeting or talking to comes first ("Wagner ... and Olivier
    # Nduhungirehe of Rwanda signed the accord ... Her Rwandan counterpart": not the Rwandan
    # president named in between).
    partners = {p for meeting in ctx.facts.meetings if meeting.status == HELD and owner_iri in meeting.participants
                for p in meeting.participants if p != owner_iri} if owner_iri else set()
    for strict in ((None, True, False) if partners else (True, False)):
        for m in earlier:
            if m.kind != PERSON or m.iri == owner_iri or (strict is None and m.iri not in partners):
                continue
            entity = ctx.entity(m.iri)
            if entity is None or entity.unnamed:
                continue
            if country is not None and entity.country != country and not (
                    strict is None and entity.country is None):
                continue    # (a partner of unknown country may still be the Rwandan one)
            if strict and owner_country is not None and entity.country in (None, owner_country):
                continue
            return [m.iri]
    return []


def _name_in_apposition(ctx: DocContext, token) -> str | None:
    """The person named right after "Qatar's ruler, ..." even where the parser hung the name elsewhere."""
    if token.tag_ not in ("NN", "NNP"):
        return None
    comma = token.right_edge.i + 1
    if comma >= len(ctx.tokens) or ctx.tokens[comma].text != ",":
        return None
    for i in range(comma + 1, min(comma + 4, len(ctx.tokens))):
        mention = ctx.mention_at(i)
        if mention is not None:
            return mention.iri if mention.kind == PERSON and mention.start == i else None
        if ctx.tokens[i].lower_ not in TITLE_WORDS | HONORIFICS and ctx.tokens[i].pos_ != "PROPN":
            return None
    return None


# Speech acts beside the reporting verbs whose subject is a speaker ("accused", "criticised").
SPEECH_ACT_VERBS = {"accuse", "blame", "praise", "commend", "criticise", "criticize", "condemn", "welcome", "press"}


def _person_name_parts(ctx: DocContext) -> set[str]:
    """Every word of the names of this document's people ("wang" and "yi" of "Wang Yi")."""
    return {w for e in ctx.facts.entities.values() if e.kind == PERSON and not e.unnamed for w in norm(e.name).split()}


def _organization_named(ctx: DocContext, text: str) -> str | None:
    """The organisation of this document already named ``text``, if any."""
    key = norm(text)
    for entity in ctx.facts.entities.values():
        if entity.kind == ORGANIZATION and key in {norm(n) for n in (entity.name, *entity.aliases)}:
            return entity.iri
    return None


def _national_named_before(ctx: DocContext, token) -> str | None:
    """"Austin and Wei last met in November, when the American urged his counterpart ...": a
    nationality word standing alone for one person is the person of that country named last
    before it (in this sentence or the two before); else None (it is the country)."""
    if token.ent_type_ != "NORP" or token.tag_ not in ("NNP", "NN") or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or \
            any(c.dep_ in ("compound", "amod") for c in token.children):
        return None
    country = ctx.gaz.country_of_demonym(token.text)
    if country is None:
        return None
    here = ctx.sentence_no(token)
    for m in reversed(ctx.mentions):
        if m.start >= token.i or here - ctx.sent_of[m.start] > 2:
            continue
        if m.kind == PERSON and ctx.country_of(m.iri) == country.iri:
            return m.iri
    return None


def _named_head(ctx: DocContext, token) -> str | None:
    """"Josep Borrell, the EU's foreign policy chief, who hosted the talks": the post in
    apposition to a name is that person."""
    if token.dep_ != "appos":
        return None
    mention = ctx.mention_at(token.head.i)
    return mention.iri if mention is not None and mention.kind == PERSON else None


def _name_after_long_title(ctx: DocContext, token) -> str | None:
    """"Director of National Intelligence Tulsi Gabbard", parsed as the title with the name inside
    its of-phrase: the person named at the end of the title."""
    if not token.is_title:
        return None
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != token.i + 1:
            continue
        for obj in prep.children:
            mention = ctx.mention_at(obj.i)
            if obj.dep_ == "pobj" and mention is not None and mention.kind == PERSON and \
                    all(t.is_title for t in ctx.tokens[prep.i + 1:mention.start]):
                return mention.iri
    return None


def _described_person(ctx: DocContext, token, country: str | None) -> str | None:
    """A person of this document matching "the Chinese president" / "the French leader"."""
    det = [c for c in token.children if c.dep_ == "det"]
    if det and det[0].lower_ in ("a", "an", "another", "some"):
        return None
    role_words = {t.lower_ for t in token.subtree if t.i <= token.i and t.lower_ in TITLE_WORDS} - {"leader", "top", "senior"}
    # Someone named only inside a quote ("... another blow to Putin’s war machine,” Biden said.
    # The president said ...") is the speaker's subject, not the story's: looked at last.
    outside = ctx.quote_at(token.i) is None
    before = [m for m in ctx.mentions if m.kind == PERSON and m.start < token.i]
    before.sort(key=lambda m: not (outside and ctx.quote_at(m.start) is not None))   # stable: order kept
    for m in reversed(before):
        entity = ctx.entity(m.iri)
        if entity is None or entity.unnamed:
            continue
        if country and entity.country != country:
            continue
        if not country and not role_words:
            continue
        if role_words and not _person_has_role(ctx, m.iri, role_words):
            continue
        if token.lemma_.lower() == "official" or (not role_words and token.lower_ not in ("leader",)):
            continue
        if token.i not in ctx.token_mention:
            # Recorded, so that "He said ..." after "the commissioner met Zuckerberg" can find him.
            ctx.add_mention(Mention(token.i, token.i + 1, m.iri, PERSON, via="description"))
        return m.iri
    if country and det and det[0].lower_ == "the" and token.dep_ in ("nsubj", "nsubjpass") and \
            token.lemma_.lower() in NATIONALITY_NOUNS:
        # "The Argentine diplomat had been in Kyiv": the story's protagonist, whose nationality the
        # text tells only now -- the person it names most, of those whose country it has not told.
        counts: dict[str, int] = {}
        for m in ctx.mentions:
            entity = ctx.entity(m.iri) if m.kind == PERSON and m.start < token.i else None
            if entity is not None and not entity.unnamed and entity.country is None:
                counts[m.iri] = counts.get(m.iri, 0) + 1
        if counts:
            best = max(counts.values())
            protagonist = next(iri for iri in reversed([m.iri for m in ctx.mentions if m.start < token.i])
                               if counts.get(iri) == best)
            ctx.add_mention(Mention(token.i, token.i + 1, protagonist, PERSON, via="description"))
            return protagonist
    if not role_words or not country or token.lemma_.lower() == "official":
        return None
    # "Germany's new defence minister said ..." in the lead, named further on ("Boris Pistorius,
    # who took office on Thursday"): the one person of the story who holds that post.
    later = {m.iri for m in ctx.mentions if m.kind == PERSON and m.start > token.i and ctx.entity(m.iri) is not None
             and not ctx.entity(m.iri).unnamed and ctx.entity(m.iri).country == country
             and _person_has_role(ctx, m.iri, role_words)}
    return later.pop() if len(later) == 1 else None


# Nouns by which a story names its protagonist by nationality and trade: "the Argentine diplomat".
NATIONALITY_NOUNS = {"diplomat", "economist", "banker", "lawyer", "businessman", "businesswoman", "general",
                     "veteran", "politician", "statesman", "billionaire", "envoy", "mediator"}


# Posts that lead a country: what "the leaders of X and Y" and "Qatar's ruler" name.
LEADER_ROLES = ({"president"}, {"prime", "minister"}, {"chancellor"}, {"premier"}, {"king"}, {"queen"},
                {"emir"}, {"taoiseach"}, {"leader"})
LEADER_NOUNS = {"leader", "ruler", "head"}
FOREIGN_MINISTER_ROLES = ({"foreign", "minister"}, {"secretary", "state"}, {"foreign", "affairs"},
                          {"external", "affairs"})
NOT_THE_HOLDER = {"vice", "deputy", "former", "ex", "acting"}


def role_holder(ctx: DocContext, country: str, noun, modifiers: set[str] = frozenset()) -> str | None:
    """The one named person of this document who holds, for ``country``, the post ``noun`` names.

    "The leaders of the United States, Mexico and Canada" -> each country's
    president or prime minister; "the two countries' economy ministers" ->
    each one's minister with "economy" in the title.  None when nobody, or
    more than one person, fits: then the country stands for its side.
    """
    lemma = noun.lemma_.lower()
    if lemma in LEADER_NOUNS:
        return _holder(ctx, country, LEADER_ROLES)
    if lemma == "minister" and "foreign" in modifiers:
        # "The foreign ministers of Britain, France and Germany": Britain's is its Foreign
        # Secretary, the United States' its Secretary of State.
        found = _holder(ctx, country, FOREIGN_MINISTER_ROLES + ({"foreign", "secretary"},))
        if found is not None:
            return found
    if lemma in ("minister", "president", "premier", "chancellor", "secretary", "ambassador", "envoy"):
        # The title as the group names it, else (a finance minister among "economy
        # ministers") the country's only holder of that kind of post.
        return _holder(ctx, country, ({lemma} | (modifiers & TITLE_WORDS),)) or _holder(ctx, country, ({lemma},)) \
            or _only_person_of(ctx, country)
    return None


def _only_person_of(ctx: DocContext, country: str) -> str | None:
    """The one named person of ``country`` in the story, when the text gives no post to anyone of
    it ("the prime ministers of Belgium, Lithuania and Poland" with only "Lithuania’s Ingrida
    Šimonytė" named for Lithuania)."""
    people = [e.iri for e in ctx.facts.entities.values()
              if e.kind == PERSON and not e.unnamed and e.country == country]
    if len(people) == 1 and not _roles_of(ctx, people[0]):
        return people[0]
    return None


def _holder(ctx: DocContext, country: str, wanted) -> str | None:
    holders = []
    for entity in ctx.facts.entities.values():
        if entity.kind != PERSON or entity.unnamed or entity.country != country:
            continue
        if any(words <= role and not role & NOT_THE_HOLDER for role in _roles_of(ctx, entity.iri) for words in wanted):
            holders.append(entity.iri)
    return holders[0] if len(holders) == 1 else None


def _person_has_role(ctx: DocContext, iri: str, role_words: set[str]) -> bool:
    return any(role_words <= role for role in _roles_of(ctx, iri))


def _roles_of(ctx: DocContext, iri: str) -> list[set[str]]:
    """The words of each post the article (bar conflicting claims) or the reference data gives a
    person on the article date."""
    return ctx.roles_of(iri, conflicting=False)


def _anonymous_named_before(ctx: DocContext, token) -> str | None:
    """"the person said" after "A person involved in the negotiations was blunter", "the official
    said" after "A senior administration official said": the anonymous source introduced before."""
    if token.tag_ != "NN" or [c.lower_ for c in token.children] != ["the"]:
        return None
    here = ctx.sentence_no(token)
    for earlier in reversed(ctx.tokens[ctx.sentences[max(0, here - 3)].start:token.i]):
        if earlier.lower_ != token.lower_ or not any(c.dep_ == "det" and c.lower_ in ("a", "an", "one")
                                                     for c in earlier.children):
            continue
        # Described where it was introduced (it may speak only later, or never in its own sentence).
        found = describe_actor(ctx, earlier)
        entity = ctx.entity(found[0]) if found else None
        if entity is not None and (entity.kind == ANONYMOUS or entity.unnamed):
            ctx.add_mention(Mention(token.i, token.i + 1, entity.iri, entity.kind, via="description"))
            return entity.iri
        return None
    return None


def _unnamed_person(ctx: DocContext, token, phrase: str, country: str | None) -> str:
    det = [c.lower_ for c in token.children if c.dep_ == "det"]
    if det and det[0] in ("the", "that", "this"):
        # "the official" after "a senior US official": the same unnamed person
        head = token.lemma_.lower()
        for entity in reversed(list(ctx.facts.entities.values())):
            if entity.unnamed and entity.kind == PERSON and norm(entity.name).split()[-1:] in ([head], [token.lower_]) \
                    and (country is None or entity.country in (None, country)):
                ctx.add_mention(Mention(token.i, token.i + 1, entity.iri, PERSON, via="description"))
                return entity.iri
    if phrase[:1].isupper() and token.doc[token.left_edge.i].pos_ == "DET":
        phrase = phrase[0].lower() + phrase[1:]  # "The official said" -> "the official"
    words = phrase.split()
    if words and words[0].lower() in ("a", "an", "the", "one"):
        words = words[1:]
    description = " ".join(words)
    iri = f"{ctx.article_iri}#person-{slug(description)}"
    ctx.add_entity(Entity(iri=iri, kind=PERSON, name=_description_name(phrase),
                          aliases={phrase}, unnamed=True, country=country))
    ctx.add_mention(Mention(token.i, token.i + 1, iri, PERSON, via="description"))
    role_words = [t.text for t in token.subtree if t.i <= token.i and t.dep_ in ("amod", "compound") or t.i == token.i]
    role_words = [w for w in role_words if not ctx.gaz.country(w)]
    _add_post_claim(ctx, iri, " ".join(role_words) or token.text, country, token)
    return iri


def _description_name(phrase: str) -> str:
    """A readable name for an unnamed person: "Brazil's president" -> "the president of Brazil"."""
    if phrase.lower().startswith(("the ", "a ", "an ", "one ")):
        return phrase
    if "'s " in phrase:
        owner, rest = phrase.split("'s ", 1)
        return f"the {rest} of {owner}"
    return f"the {phrase}"


PLACE_WORDS = {"at", "in"}


def place_of(ctx: DocContext, token) -> tuple[str, str] | None:
    """A place named by ``token`` (a city, venue or country used as a location)."""
    mention = ctx.token_mention.get(token.i)
    for ent in ctx.ents:
        if ent.start <= token.i < ent.end and ent.label_ in ("GPE", "LOC", "FAC", "ORG"):
            # "Kishida at Downing Street", tagged as one name: the place is what follows "at".
            start = max([t.i + 1 for t in ent if t.i < token.i and t.lower_ in PLACE_WORDS], default=ent.start)
            name = _strip_det(ent.doc[start:ent.end])
            return place_iri(name), name
    if mention is not None:
        entity = ctx.entity(mention.iri)
        if entity is not None:
            return place_iri(entity.name), entity.name
    return None
