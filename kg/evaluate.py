"""Scoring extraction against gold annotations (``kg eval``).

Each ``NAME.txt`` of a folder is ingested into a temporary store and the
answers are compared with ``NAME.json`` (the gold format of the project's
``tests/corpus`` and of ``shared/gold``).  The measures and their
definitions follow the project's reference scorer (``shared/eval/score.py``):
who met whom (unordered participant pairs), who discussed what with whom
(pairs whose topics match), date accuracy on matched pairs, who said what
(speaker and a fragment of the text), speaker attribution, named persons,
and negatives asserted.  On top of that it reports, for each confidence
threshold, the precision of the facts at or above it, and lists every missed
and spurious fact with its evidence for error analysis.
"""
from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from kg.errors import InputError

TITLES = {
    "president", "vice", "prime", "minister", "secretary", "ambassador", "mr", "mrs", "ms",
    "dr", "the", "chancellor", "premier", "envoy", "spokesperson", "spokesman", "spokeswoman",
    "foreign", "trade", "commerce", "us", "u.s", "u.s.", "general", "state", "adviser", "advisor",
    "representative", "senator", "king", "queen", "chairman", "chair", "commissioner", "executive",
}
# Country names as the reference scorer knows them (so that both agree on what a match is).
COUNTRY_ALIASES = {
    "united states": ["us", "u.s.", "u.s", "usa", "u.s.a.", "america", "united states of america",
                      "the united states", "the us", "american", "washington", "biden administration",
                      "us government", "white house"],
    "china": ["prc", "people's republic of china", "beijing", "chinese", "chinese government"],
    "japan": ["japanese", "tokyo", "japanese government"],
    "netherlands": ["the netherlands", "dutch", "holland", "the hague", "dutch government"],
    "european union": ["eu", "the eu", "european commission", "brussels", "european"],
    "russia": ["russian federation", "russian", "moscow", "kremlin", "the kremlin"],
    "france": ["french", "paris", "élysée", "elysee"],
    "united kingdom": ["uk", "u.k.", "britain", "great britain", "british", "london"],
    "germany": ["german", "berlin"],
    "south korea": ["korea", "republic of korea", "seoul", "korean"],
    "taiwan": ["taipei", "taiwanese"],
    "india": ["indian", "new delhi"],
    "ukraine": ["ukrainian", "kyiv", "kiev"],
    "sweden": ["swedish", "stockholm"],
}
THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)


def norm(text: str) -> str:
    """Lowercase, quotes and possessives dropped, punctuation to spaces."""
    text = (text or "").lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[“”\"'.,;:!?()\[\]]", " ", text)
    return " ".join(text.split())


def strip_titles(text: str) -> str:
    """A name without leading titles ("President Joe Biden" -> "joe biden")."""
    words = norm(text).split()
    while words and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def country_key(name: str) -> str | None:
    """The canonical country a name stands for, if any."""
    n = norm(name)
    n = re.sub(r"^(the )?(government of|govt of) ", "", n)
    n = re.sub(r" (government|administration|officials?)$", "", n)
    n = re.sub(r"^the ", "", n)
    for canon, aliases in COUNTRY_ALIASES.items():
        if n == canon or n in aliases:
            return canon
    return None


class Resolver:
    """Maps a name as the system wrote it to a gold entity, or None."""

    def __init__(self, gold: dict):
        self.persons = gold.get("persons", [])
        self.countries = {norm(c): c for c in gold.get("countries", [])}
        self.orgs = {norm(o): o for o in gold.get("organizations", [])}

    def person(self, name: str) -> str | None:
        """The gold person a name refers to."""
        bare = strip_titles(name)
        toks = bare.split()
        for p in self.persons:
            full = norm(p["name"])
            names = {full} | {norm(a) for a in p.get("aliases", [])}
            if bare in names or norm(name) in names:
                return p["name"]
            ptoks = full.split()
            if toks and ptoks and toks[-1] == ptoks[-1] and (len(toks) == 1 or toks[0] == ptoks[0]):
                return p["name"]
        return None

    def __call__(self, name: str) -> str | None:
        hit = self.person(name)
        if hit:
            return hit
        ck = country_key(name)
        if ck:
            for n, c in self.countries.items():
                if country_key(c) == ck:
                    return c
            return ck.title()
        n = norm(name)
        for k, o in self.orgs.items():
            if n == k or (len(n) > 3 and (n in k or k in n)):
                return o
        return None


def topic_hit(gold_topics: list, sys_topics: list) -> bool:
    """True when any keyword of any gold topic appears in the system's topic labels."""
    if not gold_topics:
        return True
    text = " | ".join(norm(t) for t in sys_topics or [])
    return any(any(norm(k) in text for k in alts) for alts in gold_topics)


def date_ok(gold_date, sys_date) -> bool | None:
    """Whether a system date agrees with a gold date or range (None when gold has none)."""
    if gold_date is None:
        return None
    if not sys_date:
        return False
    s = str(sys_date)[:10]
    if isinstance(gold_date, list):
        return gold_date[0] <= s <= gold_date[1] or any(s == g[: len(s)] for g in gold_date if len(s) >= 7)
    return s == gold_date


def fragment_in(fragment: str, text: str) -> bool:
    """The gold fragment is in the statement text (or 80% of its words are)."""
    f, t = norm(fragment), norm(text)
    if f and f in t:
        return True
    ftoks = f.split()
    ttoks = set(t.split())
    return bool(ftoks) and sum(w in ttoks for w in ftoks) / len(ftoks) >= 0.8


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = tp / n_sys if n_sys else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class DocScore:
    """Counts for one document."""

    doc: str
    pairs_tp: int = 0
    pairs_gold: int = 0
    pairs_sys: int = 0
    topic_tp: int = 0
    said_tp: int = 0
    said_gold: int = 0
    said_sys: int = 0
    errors: list[dict] = field(default_factory=list)


def _speaker_ok(res: Resolver, gold: dict, row: dict) -> bool:
    want = res(gold["speaker"]) or gold["speaker"]
    got = res(row.get("speaker", "")) or row.get("speaker", "")
    if want == got:
        return True
    gw = set(norm(gold["speaker"]).split()) - TITLES
    sw = set(norm(row.get("speaker", "")).split())
    return len(gw) >= 2 and len(gw & sw) >= 2


def load_corpus(folder: Path) -> list[tuple[Path, dict]]:
    """(article, gold) pairs of a folder; InputError when there are none."""
    if not folder.is_dir():
        raise InputError(f"no such folder: {folder}")
    pairs = []
    for text in sorted(folder.glob("*.txt")):
        gold_path = text.with_suffix(".json")
        if not gold_path.exists():
            continue
        try:
            pairs.append((text, json.loads(gold_path.read_text(encoding="utf-8"))))
        except json.JSONDecodeError as exc:
            raise InputError(f"gold file is not valid JSON: {gold_path} ({exc.msg} at line {exc.lineno})") from None
    if not pairs:
        raise InputError(f"no NAME.txt with a NAME.json beside it in {folder}")
    return pairs


def score_rows(corpus: list[tuple[Path, dict]], disc: list[dict], said: list[dict], people: list[dict]) -> dict:
    """Score answer rows against gold; the result is a plain dict (JSON-ready)."""
    m = {k: 0 for k in ("pair_tp", "pair_sys", "pair_gold", "pt_tp", "pt_sys_ok", "date_ok", "date_n",
                        "st_tp", "st_sys_ok", "st_sys", "st_gold", "attr_ok", "attr_n", "neg")}
    per_doc: list[DocScore] = []
    # For the confidence curve: each system pair (with its best confidence) and whether it is right.
    pair_conf: list[tuple[float, bool]] = []
    said_conf: list[tuple[float, bool]] = []
    for path, gold in corpus:
        doc_id = path.stem
        ds = DocScore(doc_id)
        res = Resolver(gold)
        gpairs: dict[frozenset, list[dict]] = {}
        for d in gold.get("discussions", []):
            for a, b in combinations(sorted(set(d["participants"])), 2):
                gpairs.setdefault(frozenset((a, b)), []).append(d)
        spairs: dict[frozenset, list[dict]] = {}
        rows = [r for r in disc if doc_id in str(r.get("source", ""))]
        for r in rows:
            keys = {res(p) or "?" + norm(p) for p in r.get("participants", [])}
            for a, b in combinations(sorted(keys), 2):
                spairs.setdefault(frozenset((a, b)), []).append(r)
        ds.pairs_tp = len(set(gpairs) & set(spairs))
        ds.pairs_gold, ds.pairs_sys = len(gpairs), len(spairs)
        for pair, srows in spairs.items():
            right = pair in gpairs and any(topic_hit(g["topics"], r.get("topics")) for g in gpairs[pair] for r in srows)
            pair_conf.append((max(float(r.get("confidence") or 0) for r in srows), right))
            if not right:
                ds.errors.append({"type": "spurious discussion" if pair not in gpairs else "wrong topics",
                                  "pair": sorted(pair), "topics": srows[0].get("topics"),
                                  "evidence": srows[0].get("evidence")})
        for pair, gds in gpairs.items():
            srows = spairs.get(pair, [])
            if any(topic_hit(g["topics"], r.get("topics")) for g in gds for r in srows):
                ds.topic_tp += 1
            elif not srows:
                ds.errors.append({"type": "missed discussion", "pair": sorted(pair), "evidence": gds[0].get("evidence")})
            for g in gds:
                ok = date_ok(g.get("date"), None)
                if ok is None or not srows:
                    continue
                m["date_n"] += 1
                hit = any(date_ok(g["date"], r.get("date")) for r in srows)
                m["date_ok"] += hit
                if not hit:
                    ds.errors.append({"type": "wrong date", "pair": sorted(pair), "gold": g["date"],
                                      "got": sorted({str(r.get("date")) for r in srows}), "evidence": g.get("evidence")})
        m["pair_tp"] += ds.pairs_tp
        m["pair_sys"] += ds.pairs_sys
        m["pair_gold"] += ds.pairs_gold
        m["pt_tp"] += ds.topic_tp
        m["pt_sys_ok"] += sum(1 for pair, srows in spairs.items() if pair in gpairs and any(
            topic_hit(g["topics"], r.get("topics")) for g in gpairs[pair] for r in srows))
        for neg in gold.get("negatives", []):
            parts = {res(p) or p for p in neg["participants"]}
            for pair, srows in spairs.items():
                if pair <= parts and any(norm(neg.get("topic", "")) in " ".join(map(norm, r.get("topics", [])))
                                         for r in srows):
                    m["neg"] += 1
                    ds.errors.append({"type": "negative asserted", "pair": sorted(pair), "evidence": neg.get("evidence")})

        srows = [r for r in said if doc_id in str(r.get("source", ""))]
        gst = gold.get("statements", [])
        ds.said_gold, ds.said_sys = len(gst), len(srows)
        m["st_gold"] += len(gst)
        m["st_sys"] += len(srows)
        matched: set[int] = set()
        for g in gst:
            cands = [i for i, r in enumerate(srows) if fragment_in(g["fragment"], r.get("text", ""))]
            if cands:
                m["attr_n"] += 1
                m["attr_ok"] += any(_speaker_ok(res, g, srows[i]) for i in cands)
            good = [i for i in cands if _speaker_ok(res, g, srows[i])]
            if good:
                ds.said_tp += 1
                matched.update(good)
            else:
                ds.errors.append({"type": "missed statement", "speaker": g["speaker"], "fragment": g["fragment"],
                                  "got": [srows[i].get("speaker") for i in cands]})
        for i, r in enumerate(srows):
            said_conf.append((float(r.get("confidence") or 0), i in matched))
            if i not in matched:
                ds.errors.append({"type": "spurious statement", "speaker": r.get("speaker"),
                                  "text": r.get("text"), "evidence": r.get("evidence")})
        m["st_tp"] += ds.said_tp
        m["st_sys_ok"] += len(matched)
        per_doc.append(ds)

    gold_people = {}
    for _, gold in corpus:
        for p in gold.get("persons", []):
            gold_people.setdefault(p["name"], p)
    res_all = Resolver({"persons": list(gold_people.values())})
    named = [p for p in people if not re.match(r"(?i)^(the|a|an)\b", p.get("name", "")) and
             not re.search(r"(?i)official|spokes|minister$|author", p.get("name", ""))]
    found = {res_all.person(p.get("name", "")) for p in named}
    found.discard(None)
    persons = prf(len(found), len({strip_titles(p.get("name", "")) for p in named}), len(gold_people))

    pairs = prf(m["pair_tp"], m["pair_sys"], m["pair_gold"])
    tpp = m["pt_sys_ok"] / m["pair_sys"] if m["pair_sys"] else 0.0
    tpr = m["pt_tp"] / m["pair_gold"] if m["pair_gold"] else 1.0
    tpf = 2 * tpp * tpr / (tpp + tpr) if tpp + tpr else 0.0
    sp = m["st_sys_ok"] / m["st_sys"] if m["st_sys"] else 0.0
    sr = m["st_tp"] / m["st_gold"] if m["st_gold"] else 1.0
    sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
    return {
        "docs": len(corpus),
        "who_met": pairs,
        "who_discussed_what": (tpp, tpr, tpf),
        "date_acc": m["date_ok"] / m["date_n"] if m["date_n"] else None,
        "who_said": (sp, sr, sf),
        "attribution_acc": m["attr_ok"] / m["attr_n"] if m["attr_n"] else None,
        "persons": persons,
        "negatives_violated": m["neg"],
        "per_doc": [ds.__dict__ for ds in per_doc],
        "confidence": {
            "discussions": _curve(pair_conf),
            "statements": _curve(said_conf),
        },
    }


def _curve(points: list[tuple[float, bool]]) -> list[dict]:
    """Precision of the facts at or above each threshold (it should rise with the threshold)."""
    out = []
    for t in THRESHOLDS:
        kept = [ok for conf, ok in points if conf >= t]
        out.append({"threshold": t, "facts": len(kept),
                    "precision": (sum(kept) / len(kept)) if kept else None})
    return out


def evaluate(folder: Path, *, extractor=None) -> dict:
    """Ingest a gold folder into a temporary store and score the answers."""
    from kg.answers import entities, who_discussed, who_said
    from kg.ingest import ingest_paths
    from kg.store import LocalStore

    corpus = load_corpus(Path(folder))
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        store = LocalStore(Path(tmp) / "store")
        try:
            ingest_paths(store, [str(p) for p, _ in corpus], extractor=extractor, force=True)
            disc = who_discussed(store)
            said = who_said(store)
            people = entities(store, "person")
        finally:
            store.close()
    return score_rows(corpus, disc, said, people)


def format_report(result: dict, show_errors: bool = False) -> str:
    """The evaluation as readable text: per-document table, measures, confidence curve, errors."""
    lines = [f"{'document':<40} {'pairs tp/gold/sys':>18} {'pair+topic':>10} {'said tp/gold/sys':>17}"]
    for d in result["per_doc"]:
        lines.append(f"{d['doc'][:40]:<40} {d['pairs_tp']:>6}/{d['pairs_gold']:<4}/{d['pairs_sys']:<5} "
                     f"{d['topic_tp']:>10} {d['said_tp']:>7}/{d['said_gold']:<3}/{d['said_sys']:<4}")
    fmt = lambda t: "P=%.2f R=%.2f F1=%.2f" % tuple(t)
    opt = lambda v: "n/a" if v is None else "%.2f" % v
    lines += [
        "",
        f"who met whom (pairs)          {fmt(result['who_met'])}",
        f"who discussed what with whom  {fmt(result['who_discussed_what'])}",
        f"date accuracy (matched)       {opt(result['date_acc'])}",
        f"who said what                 {fmt(result['who_said'])}",
        f"speaker attribution accuracy  {opt(result['attribution_acc'])}",
        f"named persons                 {fmt(result['persons'])}",
        f"negatives asserted            {result['negatives_violated']}",
        "",
        "precision of facts at or above a confidence threshold:",
        f"{'threshold':>10} {'discussions':>18} {'statements':>18}",
    ]
    for d, s in zip(result["confidence"]["discussions"], result["confidence"]["statements"]):
        lines.append(f"{d['threshold']:>10.1f} {opt(d['precision']):>10} ({d['facts']:>4}) {opt(s['precision']):>10} ({s['facts']:>4})")
    if show_errors:
        for d in result["per_doc"]:
            if not d["errors"]:
                continue
            lines += ["", f"== {d['doc']}"]
            for e in d["errors"]:
                what = e.get("pair") or e.get("speaker")
                detail = e.get("fragment") or e.get("text") or ""
                extra = f" gold={e['gold']} got={e['got']}" if e["type"] == "wrong date" else ""
                lines.append(f"  {e['type']}: {what}{extra} {detail!s:.100}")
                if e.get("evidence"):
                    lines.append(f"      evidence: {str(e['evidence'])[:160]}")
    return "\n".join(lines)
