#!/usr/bin/env python3
"""Check gold annotation files (NAME.json) against their articles (NAME.txt).

The gold format is described in ../shared/gold/FORMAT.md.  For every NAME.json
in the given folders this script checks that:

- the file is valid JSON holding an object with all required keys;
- "id" equals the file name without ".json";
- the article NAME.txt exists (beside the json, or in --text-dir) and its
  first line starts with " date YYYY-MM-DD", and "date" equals that date;
- every discussion "evidence", negative "evidence" and statement "fragment"
  is an exact substring of the article text;
- every fragment is 6-12 words long;
- every date is null, a valid ISO date, or a [start, end] range of valid ISO
  dates with start <= end;
- every discussion kind is one of the allowed kinds, and every discussion or
  negative participant is declared in "persons", "countries" or
  "organizations" (the scorer compares participants by these names).

It prints every problem found and exits 1, or prints a one-line summary and
exits 0 when all files are clean.  Standard library only.

Usage:
    check_gold.py FOLDER [FOLDER ...] [--text-dir DIR]

Example:
    check_gold.py tests/corpus/dev tests/corpus/test
    check_gold.py ../shared/gold --text-dir ../shared/seeds
"""
from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

REQUIRED_KEYS = ("id", "date", "persons", "countries", "organizations", "discussions",
                 "statements", "policies", "negatives", "traps")
KINDS = {"meeting", "call", "talks", "summit", "visit", "signing", "letter"}
DATE_LINE = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")
FRAGMENT_WORDS = (6, 12)


def iso_ok(value) -> bool:
    """True if value is a string holding a valid YYYY-MM-DD date."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def date_problem(value) -> str | None:
    """Describe what is wrong with a gold date (null, ISO date or [start, end]), or None."""
    if value is None or iso_ok(value):
        return None
    if isinstance(value, list) and len(value) == 2 and all(iso_ok(v) for v in value):
        return None if value[0] <= value[1] else f"range start after end: {value}"
    return f"not an ISO date, [start, end] range or null: {value!r}"


def topics_problem(topics) -> str | None:
    """Topics must be a list of lists of non-empty lowercase strings."""
    if not isinstance(topics, list):
        return "topics is not a list"
    for alts in topics:
        if not isinstance(alts, list) or not alts:
            return f"topic {alts!r} is not a non-empty list of keywords"
        for k in alts:
            if not isinstance(k, str) or not k.strip() or k != k.lower():
                return f"topic keyword {k!r} is not a non-empty lowercase string"
    return None


def check_file(path: Path, text_dir: Path | None) -> list[str]:
    """Return the problems found in one gold file, each prefixed with its location."""
    problems: list[str] = []

    def bad(where: str, msg: str) -> None:
        problems.append(f"{path}: {where}: {msg}")

    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return [f"{path}: not valid JSON: {e}"]
    if not isinstance(gold, dict):
        return [f"{path}: top level is not an object"]
    missing = [k for k in REQUIRED_KEYS if k not in gold]
    if missing:
        bad("keys", f"missing {', '.join(missing)}")
    for k in REQUIRED_KEYS[2:]:
        if k in gold and not isinstance(gold[k], list):
            bad(k, "is not a list")
            gold[k] = []
    if gold.get("id") != path.stem:
        bad("id", f"{gold.get('id')!r} does not match file name {path.stem!r}")
    if not iso_ok(gold.get("date")):
        bad("date", f"not an ISO date: {gold.get('date')!r}")

    txt = (text_dir or path.parent) / (path.stem + ".txt")
    try:
        text = txt.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        bad("article", f"cannot read {txt}: {e}")
        text = None
    if text is not None:
        m = DATE_LINE.match(text)
        if not m:
            bad("article", f"{txt.name} does not start with ' date YYYY-MM-DD '")
        elif m.group(1) != gold.get("date"):
            bad("date", f"{gold.get('date')!r} differs from the article's date line {m.group(1)!r}")

    declared = set()
    for i, p in enumerate(gold.get("persons", [])):
        if not isinstance(p, dict) or not isinstance(p.get("name"), str) or not p["name"].strip():
            bad(f"persons[{i}]", "needs a non-empty name")
            continue
        declared.add(p["name"])
        if not isinstance(p.get("aliases", []), list):
            bad(f"persons[{i}]", "aliases is not a list")
        for k in ("role", "affiliation"):
            if not isinstance(p.get(k), str) or not p[k].strip():
                bad(f"persons[{i}] {p['name']}", f"missing {k}")
    for key in ("countries", "organizations"):
        for v in gold.get(key, []):
            if not isinstance(v, str) or not v.strip():
                bad(key, f"{v!r} is not a non-empty string")
            else:
                declared.add(v)

    def check_substring(where: str, value) -> None:
        if not isinstance(value, str) or not value.strip():
            bad(where, "missing or empty")
        elif text is not None and value not in text:
            bad(where, f"not an exact substring of the article: {value!r}")

    def check_participants(where: str, parts) -> None:
        if not isinstance(parts, list) or not all(isinstance(p, str) for p in parts):
            bad(where, "participants is not a list of names")
            return
        for p in parts:
            if p not in declared:
                bad(where, f"participant {p!r} is not declared in persons, countries or organizations")

    for i, d in enumerate(gold.get("discussions", [])):
        where = f"discussions[{i}]"
        if not isinstance(d, dict):
            bad(where, "is not an object")
            continue
        check_participants(where, d.get("participants"))
        if isinstance(d.get("participants"), list) and len(set(d["participants"])) < 2:
            bad(where, "needs at least two distinct participants")
        if d.get("kind") not in KINDS:
            bad(where, f"kind {d.get('kind')!r} not in {sorted(KINDS)}")
        if "date" not in d:
            bad(where, "missing date (use null when the text gives none)")
        elif (msg := date_problem(d["date"])):
            bad(where, msg)
        if d.get("place") is not None and not isinstance(d.get("place"), str):
            bad(where, "place is neither a string nor null")
        if (msg := topics_problem(d.get("topics"))):
            bad(where, msg)
        check_substring(f"{where} evidence", d.get("evidence"))

    for i, s in enumerate(gold.get("statements", [])):
        where = f"statements[{i}]"
        if not isinstance(s, dict):
            bad(where, "is not an object")
            continue
        if not isinstance(s.get("speaker"), str) or not s["speaker"].strip():
            bad(where, "missing speaker")
        if "date" not in s:
            bad(where, "missing date (use null when the text gives none)")
        elif (msg := date_problem(s["date"])):
            bad(where, msg)
        if not isinstance(s.get("direct"), bool):
            bad(where, "direct must be true or false")
        if (msg := topics_problem(s.get("topics", []))):
            bad(where, msg)
        frag = s.get("fragment")
        check_substring(f"{where} fragment", frag)
        if isinstance(frag, str):
            n = len(frag.split())
            lo, hi = FRAGMENT_WORDS
            if not lo <= n <= hi:
                bad(f"{where} fragment", f"{n} words, expected {lo}-{hi}: {frag!r}")

    for i, p in enumerate(gold.get("policies", [])):
        where = f"policies[{i}]"
        if not isinstance(p, dict) or not isinstance(p.get("label"), str) or not p["label"].strip():
            bad(where, "needs a label")
            continue
        if not isinstance(p.get("issuer"), str) or not p["issuer"].strip():
            bad(where, "needs an issuer")
        if p.get("target") is not None and not isinstance(p.get("target"), str):
            bad(where, "target is neither a string nor null")
        if (msg := date_problem(p.get("date"))):
            bad(where, msg)
        if not isinstance(p.get("keywords", []), list):
            bad(where, "keywords is not a list")

    for i, n in enumerate(gold.get("negatives", [])):
        where = f"negatives[{i}]"
        if not isinstance(n, dict):
            bad(where, "is not an object")
            continue
        check_participants(where, n.get("participants"))
        if not isinstance(n.get("topic"), str):
            bad(where, "topic must be a string ('' means any topic)")
        check_substring(f"{where} evidence", n.get("evidence"))

    for i, t in enumerate(gold.get("traps", [])):
        if not isinstance(t, str) or not t.strip():
            bad(f"traps[{i}]", "is not a non-empty string")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path, help="folders holding NAME.json files")
    ap.add_argument("--text-dir", type=Path, default=None,
                    help="folder holding the NAME.txt articles (default: beside each json)")
    args = ap.parse_args(argv)

    problems: list[str] = []
    files = 0
    for folder in args.folders:
        if not folder.is_dir():
            problems.append(f"{folder}: not a folder")
            continue
        golds = sorted(folder.glob("*.json"))
        if not golds:
            problems.append(f"{folder}: no NAME.json files")
        for path in golds:
            files += 1
            problems.extend(check_file(path, args.text_dir))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) in {files} file(s)")
        return 1
    print(f"{files} gold file(s) checked, no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
