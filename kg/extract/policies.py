"""Policy measures: export controls, sanctions, tariffs, subsidies, agreements.

A measure is a trigger noun ("export controls", "sanctions", "tariffs",
"deal"); its issuer is the subject of the verb that adopts it ("the Biden
administration published ... controls") or a country modifier ("US
restrictions"); its target comes from "on/against/to X" or a demonym in the
clause ("Chinese access"); its subject from the topics around it.
"""
from __future__ import annotations

from kg.extract.actors import describe_actor
from kg.extract.context import DocContext
from kg.extract.lexicon import MEASURE_NOUNS, MEASURE_VERBS_ISSUE, MEASURE_VERBS_PLAN
from kg.extract.model import COUNTRY, IN_FORCE, PROPOSED, Policy
from kg.extract.statements import time_of
from kg.extract.topics import topics_between

EXTRACTOR = "kg.extract.policies.v1"
TYPE_LABEL = {"export-control": "export controls", "sanction": "sanctions", "agreement": "agreement",
              "subsidy": "subsidies", "tariff": "tariffs", "measure": "measure"}


def _measure_type(tok) -> str | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None     # first: most tokens stop here, before the previous token is looked up
    lemma = tok.lemma_.lower()
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if f"{prev} {lemma}" in MEASURE_NOUNS:
        return MEASURE_NOUNS[f"{prev} {lemma}"]
    if lemma in ("control", "restriction", "curb", "ban") and prev not in ("export", "exports"):
        if not any(c.lower_ in ("export", "exports", "chip", "technology") for c in tok.subtree):
            return None if lemma != "ban" else "measure"
    if lemma in ("act", "law", "rule", "regulation", "framework", "partnership", "grant", "incentive", "duty"):
        return None  # too general on their own
    return MEASURE_NOUNS.get(lemma)


def _country_modifier(ctx: DocContext, tok) -> str | None:
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod"):
            m = ctx.mention_at(child.i)
            if m is not None and m.kind in (COUNTRY, "organization"):
                return m.iri
    return None


def _target(ctx: DocContext, tok) -> str | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against", "to", "for", "targeting"):
            for obj in child.subtree:
                m = ctx.mention_at(obj.i)
                if m is not None and m.kind == COUNTRY:
                    return m.iri
    # "measures that restrict Chinese access": a country named in the clause around the measure.
    for other in ctx.sentence_of(tok):
        if other.dep_ == "amod" and other.head.lemma_ in ("access", "company", "firm", "industry", "entity", "export", "import"):
            m = ctx.mention_at(other.i)
            if m is not None and m.kind == COUNTRY:
                return m.iri
    return None


def extract_policies(ctx: DocContext, topic_index: dict) -> None:
    """Find policy measures; append them (merged by type, issuer and target) to ``ctx.facts.policies``."""
    seen: dict[tuple, Policy] = {}
    for tok in ctx.tokens:
        mtype = _measure_type(tok)
        if mtype is None:
            continue
        governing = tok.head
        while governing.dep_ in ("pobj", "prep") or governing.pos_ in ("ADP", "NOUN") and governing.head.i != governing.i:
            if governing.pos_ == "VERB":
                break
            governing = governing.head
        issuer = _country_modifier(ctx, tok)
        status = IN_FORCE
        if governing.pos_ == "VERB":
            lemma = governing.lemma_.lower()
            if lemma in MEASURE_VERBS_PLAN:
                status = PROPOSED
            if lemma in MEASURE_VERBS_ISSUE | MEASURE_VERBS_PLAN and issuer is None:
                subject = next((c for c in governing.children if c.dep_ in ("nsubj",)), None)
                if subject is not None:
                    found = describe_actor(ctx, subject)
                    issuer = found[0] if found else None
            if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might") for c in governing.children):
                status = PROPOSED
        if issuer is not None:
            entity = ctx.entity(issuer)
            if entity is not None and entity.kind == "person" and entity.country:
                issuer = entity.country
        target = _target(ctx, tok)
        if target == issuer:
            target = None
        if issuer is None and target is None:
            continue
        key = (mtype, issuer, target)
        sent = ctx.sentence_of(tok)
        topics = topics_between(ctx, topic_index, sent.start, sent.end)
        time = time_of(ctx, governing) if governing.pos_ == "VERB" else None
        if key in seen:
            known = seen[key]
            known.time = known.time or time
            for t in topics:
                if all(t.iri != x.iri for x in known.topics):
                    known.topics.append(t)
            continue
        label = TYPE_LABEL[mtype]
        if issuer and ctx.entity(issuer):
            label = f"{ctx.entity(issuer).name} {label}"
        if target and ctx.entity(target):
            label = f"{label} on {ctx.entity(target).name}"
        policy = Policy(measure_type=mtype, label=label, evidence=ctx.evidence(sent), issuer=issuer, target=target,
                        topics=topics, time=time, status=status,
                        confidence=0.75 if issuer and target else 0.55, extractor=EXTRACTOR)
        seen[key] = policy
        ctx.facts.policies.append(policy)
    # "China's export controls" next to "US export controls on China": the possessive named the
    # target, not the issuer; keep the reading the rest of the article supports.
    targets = {(p.measure_type, p.target) for p in ctx.facts.policies if p.target}
    ctx.facts.policies[:] = [p for p in ctx.facts.policies
                             if p.target or (p.measure_type, p.issuer) not in targets]
