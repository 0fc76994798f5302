#!/usr/bin/env python3
"""Make a large synthetic news corpus for bulk-ingest tests and benchmarks.

Each article is ``date YYYY-MM-DD`` followed by paragraphs of two kinds:

* template paragraphs about real actors of the reference data (people with
  their posts and countries, capitals, topics of the topic scheme): meetings,
  phone calls, visits, direct quotes and reported speech, policy measures,
  each with a date expression ("on Tuesday", "in March") the extractors read;
* paragraphs taken from the development articles (``tests/corpus/dev``), so
  the text keeps the look of real reporting.

The output is deterministic for a given ``--seed``; every article differs
(actors, dates, sampled paragraphs), so every content hash is new.  Files go
into sub-folders of 1,000 so that no folder grows too large.

Example:
    python scripts/make_corpus.py --count 10000 --out /tmp/corpus
    python scripts/make_corpus.py --count 1000 --size small --out /tmp/small
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT / "tests" / "corpus" / "dev"
GAZETTEER = ROOT / "data" / "gazetteer.ttl"
TOPICS = ROOT / "data" / "topics.ttl"

# (paragraphs from templates, paragraphs from the development articles)
SIZES = {"small": ((1, 2), (0, 0)), "medium": ((4, 7), (3, 5)), "large": ((6, 9), (3, 6))}

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

MEETING_TEMPLATES = [
    "{a_full}, the {a_role} of {a_country}, met {b_full}, the {b_role} of {b_country}, in {place} {when} "
    "to discuss {topic} and {topic2}.",
    "{a_role} {a_full} held talks with {b_role} {b_full} {when} in {place}, focusing on {topic}.",
    "{a_full} spoke by phone with {b_full} {when} about {topic}, according to a statement from {a_country}.",
    "{b_full} received {a_full} in {place} {when}; the two leaders discussed {topic} and {topic2}.",
    "{a_full} and {b_full} met on the sidelines of a summit in {place} {when} to discuss {topic}.",
]
QUOTE_TEMPLATES = [
    "\u201cWe have made real progress on {topic},\u201d {a_full} told reporters after the meeting.",
    "{a_last} said the talks on {topic} had been \u201cfrank and constructive\u201d.",
    "{b_full} said {b_country} would not accept any deal on {topic} that ignored its interests.",
    "A spokesperson for {a_country} said the two sides had agreed to keep talking about {topic}.",
    "\u201cThere is no alternative to dialogue,\u201d {b_last} said in {place}.",
]
POLICY_TEMPLATES = [
    "{a_country} announced new export controls on {topic} {when}.",
    "{a_country} imposed sanctions on companies linked to {topic}, officials said {when}.",
    "The two governments signed an agreement on {topic} {when}.",
    "{b_country} said it would raise tariffs on imports related to {topic}.",
]
CONTEXT_TEMPLATES = [
    "Relations between {a_country} and {b_country} have been strained over {topic} for months.",
    "Analysts said the meeting was unlikely to resolve differences over {topic}.",
    "The visit came as {a_country} sought support for its position on {topic}.",
]


@dataclass
class Actor:
    """A person of the reference data with a post and the country it belongs to."""

    name: str
    role: str
    country: str
    capital: str | None


def load_actors() -> list[Actor]:
    """People of the gazetteer with a role in a country."""
    from rdflib import Graph, Namespace
    from rdflib.namespace import ORG, RDFS

    kg = Namespace("https://w3id.org/kg-news/ns#")
    graph = Graph()
    graph.parse(GAZETTEER, format="turtle")
    actors = []
    for person, post in graph.subject_objects(kg.holds):
        role = graph.value(post, kg.roleLabel)
        org = graph.value(post, ORG.organization)
        name = graph.value(person, RDFS.label)
        if not (role and org and name) or (org, None, kg.Country) not in graph:
            continue
        country = graph.value(org, RDFS.label)
        capital = graph.value(org, kg.metonym)
        if country:
            actors.append(Actor(str(name), str(role), str(country), str(capital) if capital else None))
    actors.sort(key=lambda a: a.name)
    return actors


def load_topics() -> list[str]:
    """Preferred labels of the topic scheme."""
    text = TOPICS.read_text(encoding="utf-8")
    return sorted(set(re.findall(r'skos:prefLabel "([^"]+)"', text)))


def load_dev_paragraphs() -> list[str]:
    """Paragraphs of the development articles (without their date lines)."""
    paragraphs = []
    for path in sorted(DEV_CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\A\ufeff?\s*date\s+\S+\s*", "", text)
        paragraphs.extend(p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 80)
    return paragraphs


def _when(rng: random.Random, day: dt.date) -> str:
    choice = rng.random()
    if choice < 0.5:
        return f"on {WEEKDAYS[(day - dt.timedelta(days=rng.randint(1, 6))).weekday()]}"
    if choice < 0.8:
        return f"in {MONTHS[rng.randrange(12)]}"
    return "last week"


def make_article(rng: random.Random, actors: list[Actor], topics: list[str], dev: list[str],
                 size: str) -> tuple[dt.date, str]:
    """One synthetic article: its date and text (without the date line)."""
    day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
    a, b = rng.sample(actors, 2)
    slots = {
        "a_full": a.name, "a_last": a.name.split()[-1], "a_role": a.role, "a_country": a.country,
        "b_full": b.name, "b_last": b.name.split()[-1], "b_role": b.role, "b_country": b.country,
        "place": b.capital or a.capital or b.country, "topic": rng.choice(topics),
        "topic2": rng.choice(topics),
    }
    (t_low, t_high), (d_low, d_high) = SIZES[size]
    paragraphs = [rng.choice(MEETING_TEMPLATES).format(when=_when(rng, day), **slots)]
    for _ in range(rng.randint(t_low, t_high) - 1):
        group = rng.choice([MEETING_TEMPLATES, QUOTE_TEMPLATES, QUOTE_TEMPLATES, POLICY_TEMPLATES,
                            CONTEXT_TEMPLATES])
        sentences = [rng.choice(group).format(when=_when(rng, day), **slots)
                     for _ in range(rng.randint(1, 3))]
        paragraphs.append(" ".join(sentences))
    for _ in range(rng.randint(d_low, d_high)):
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(dev))
    return day, "\n\n".join(paragraphs)


def main(argv: list[str] | None = None) -> int:
    """Write ``--count`` articles under ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (created)")
    parser.add_argument("--size", choices=sorted(SIZES), default="medium",
                        help="article length: small (1-2 paragraphs), medium (about the development "
                             "articles' 300 words), large")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same corpus)")
    parser.add_argument("--start", type=int, default=0, help="number of the first article (to extend a corpus)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be 0 or more")
    actors, topics, dev = load_actors(), load_topics(), load_dev_paragraphs()
    if len(actors) < 2 or not topics or (SIZES[args.size][1][1] and not dev):
        print("make_corpus: the reference data or development articles are missing", file=sys.stderr)
        return 1
    words = 0
    for number in range(args.start, args.start + args.count):
        # One generator per article: article N is the same whatever --start was.
        rng = random.Random(f"{args.seed}:{number}")
        day, body = make_article(rng, actors, topics, dev, args.size)
        folder = args.out / f"{number // 1000:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"synth_{number:06d}.txt").write_text(f" date {day.isoformat()} {body}\n", encoding="utf-8")
        words += len(body.split())
    print(f"wrote {args.count} articles ({words} words, {words / max(1, args.count):.0f} per article) "
          f"to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
