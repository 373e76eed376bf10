#!/usr/bin/env python3
"""Consistency checks for the stadium-crush gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Checks that gold.json follows the schema of the other story benchmarks and that every
annotation can be found in its document:
  - top-level keys, claim fields, unique ids, valid stances, figure kinds and dates;
  - every evidence is a verbatim substring of its document (for .html, of the raw file,
    inside one <p> of the <article>, with no HTML entity or tag in it);
  - no evidence lies on a line that is not a claim: an interviewer's "Q:" line, a
    fact-check's "Claim:" line, or a correction notice;
  - no claim's evidence is a substring of another claim's evidence in the same document
    (dates_only checks are compared only with each other: they repeat a claim's evidence);
  - every figure value appears as a number in its evidence (digits, "1.5 million",
    "Kr3.2m", "€1.9m", or words such as "two", "Nine", "twenty-one", "Twenty-two");
    a "range" figure has "between" in its evidence;
  - every proposition id is present and shared by at least one non-date claim;
  - dates of dates_only checks fall between the match (5 April 2025) and the
    document's publication date;
  - every number written in digits in a document is either a gold figure of that document
    or listed in ignore_figures (so a system is not penalised for a number nobody annotated);
  - each document has 300-700 words (for .html, the text of the <article>);
  - the live blog's entries run newest first, and the HTML page's <time datetime> matches
    its publication date.
Exit status 0 if everything passes, 1 otherwise.
"""
from __future__ import annotations

import datetime
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from goldcheck import (  # noqa: E402  (checks every corpus shares, one folder up)
    KINDS,
    STANCES,
    TOP_KEYS,
    article_paragraphs,
    numbers_in_text,
    same,
    valid_date,
    visible_words,
)

MATCH_DAY = datetime.date(2025, 4, 5)
# publication date of each document (the hearing summary: the day it was published)
PUBLISHED = {
    "01_crush-wire": "2025-04-06",
    "02_crush-live": "2025-04-07",
    "03_tickets-gates-dispute": "2025-04-09",
    "04_supporters-trust-interview": "2025-04-11",
    "05_police-statement": "2025-04-10",
    "06_fact-check": "2025-04-14",
    "07_assembly-hearing-summary": "2025-04-16",
    "08_three-weeks-analysis": "2025-04-26",
}
NOT_CLAIM_LINES = re.compile(r"^(Q:|Claim:|Correction|Update \d\d:\d\d: Correction)")


def check_claim(c: dict, files: dict, texts: dict, errors: list[str]) -> None:
    cid = c.get("id", "?")
    for key in ("id", "doc", "evidence", "sources", "via", "stance", "proposition"):
        if key not in c:
            errors.append(f"{cid}: missing {key}")
    if c.get("stance") not in STANCES:
        errors.append(f"{cid}: invalid stance {c.get('stance')!r}")
    if not c.get("proposition") or not isinstance(c.get("proposition"), str):
        errors.append(f"{cid}: missing proposition id")
    sources = c.get("sources")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s for s in sources):
        errors.append(f"{cid}: sources must be a non-empty list of strings")
    via = c.get("via")
    if not isinstance(via, list) or not all(isinstance(s, str) and s for s in via):
        errors.append(f"{cid}: via must be a list of strings")
    ev = c.get("evidence", "")
    if "figure" in c:
        f = c["figure"]
        if c.get("dates_only"):
            errors.append(f"{cid}: dates_only entries carry no figure")
        if not isinstance(f, dict) or set(f) != {"value", "kind", "unit"}:
            errors.append(f"{cid}: figure must have value, kind, unit")
        elif not isinstance(f["value"], (int, float)) or isinstance(f["value"], bool):
            errors.append(f"{cid}: figure value must be a number")
        elif f["kind"] not in KINDS:
            errors.append(f"{cid}: invalid figure kind {f['kind']!r}")
        elif not any(same(v, float(f["value"])) for v in numbers_in_text(ev, words=True)):
            errors.append(f"{cid}: figure value {f['value']} not found in evidence {ev!r}")
        elif f["kind"] == "range" and "between" not in ev:
            errors.append(f"{cid}: range figure without 'between' in its evidence")
    if c.get("dates_only"):
        check_dates(c, errors)
    else:
        for key in ("claim_date", "event_date"):
            if key in c:
                errors.append(f"{cid}: {key} only belongs on dates_only entries")

    doc = c.get("doc")
    if doc not in files:
        errors.append(f"{cid}: no document {doc!r} in corpus/")
        return
    raw = texts[doc]
    if ev not in raw:
        errors.append(f"{cid}: evidence not a substring of {doc}: {ev!r}")
        return
    for line in raw.splitlines():
        if ev in line and NOT_CLAIM_LINES.match(line.strip()):
            errors.append(f"{cid}: evidence lies on a question, Claim: or correction line")
    if files[doc].suffix == ".html":
        if re.search(r"&#?\w+;|[<>]", ev):
            errors.append(f"{cid}: evidence contains an HTML entity or tag")
        if not any(ev in p for p in article_paragraphs(raw)):
            errors.append(f"{cid}: evidence not inside one <p> of the article")


def check_dates(c: dict, errors: list[str]) -> None:
    cid = c.get("id", "?")
    if "claim_date" not in c and "event_date" not in c:
        errors.append(f"{cid}: dates_only without claim_date or event_date")
    found = []
    if "claim_date" in c:
        if valid_date(c["claim_date"]):
            found.append(c["claim_date"])
        else:
            errors.append(f"{cid}: bad claim_date {c['claim_date']!r}")
    if "event_date" in c:
        ev = c["event_date"]
        if isinstance(ev, dict) and valid_date(ev.get("start")) and valid_date(ev.get("end")):
            found += [ev["start"], ev["end"]]
        else:
            errors.append(f"{cid}: bad event_date {ev!r}")
    published = PUBLISHED.get(c.get("doc"))
    for d in found:
        day = datetime.date.fromisoformat(d)
        if day < MATCH_DAY or (published and day > datetime.date.fromisoformat(published)):
            errors.append(f"{cid}: date {d} outside 2025-04-05..{published}")


def check_layout(files: dict, texts: dict, errors: list[str]) -> None:
    """The live blog runs newest first; the HTML page is dated by <time datetime>."""
    for doc, raw in texts.items():
        stamps = re.findall(r"^(?:Update )?(\d\d):(\d\d)(?: —|:)", raw, re.M)
        if "live" in doc:
            minutes = [int(h) * 60 + int(m) for h, m in stamps]
            if len(minutes) < 5 or minutes != sorted(minutes, reverse=True):
                errors.append(f"{doc}: live-blog entries are not newest first")
        if files[doc].suffix == ".html":
            m = re.search(r'<time datetime="(\d{4}-\d\d-\d\d)T', raw)
            if not m or m.group(1) != PUBLISHED.get(doc):
                errors.append(f"{doc}: <time datetime> does not match {PUBLISHED.get(doc)}")


def main() -> int:
    errors: list[str] = []
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    corpus = HERE / "corpus"

    if set(gold) != TOP_KEYS:
        errors.append(f"top-level keys {sorted(gold)} != {sorted(TOP_KEYS)}")
    if not str(gold.get("corpus", "")).endswith("stadium-crush/corpus"):
        errors.append("corpus path should point at benchmarks/stories/stadium-crush/corpus")
    if not isinstance(gold.get("note"), str) or len(gold.get("note", "")) < 500:
        errors.append("note is missing or too short")

    files = {p.stem: p for p in corpus.iterdir() if p.is_file()}
    texts = {stem: p.read_text(encoding="utf-8") for stem, p in files.items()}
    claims = gold.get("claims", [])
    for doc in files:
        if doc not in PUBLISHED:
            errors.append(f"{doc}: no publication date in verify.py")

    ids = Counter(c.get("id") for c in claims)
    for cid, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {cid}")
    for c in claims:
        check_claim(c, files, texts, errors)

    # nesting: no evidence inside another one in the same document
    by_doc = defaultdict(list)
    for c in claims:
        by_doc[(c.get("doc"), bool(c.get("dates_only")))].append(c)
    for (doc, _dates), group in by_doc.items():
        for a in group:
            for b in group:
                if a is not b and a.get("evidence", "") in b.get("evidence", ""):
                    errors.append(f"{a.get('id')}: evidence is a substring of "
                                  f"{b.get('id')}'s ({doc})")

    # propositions
    props = Counter(c.get("proposition") for c in claims if not c.get("dates_only"))
    for c in claims:
        if c.get("dates_only") and c.get("proposition") not in props:
            errors.append(f"{c.get('id')}: dates_only proposition {c.get('proposition')!r} "
                          "has no claim")

    # ignore_figures: every number in digits is covered
    ignore = gold.get("ignore_figures", {})
    for doc in ignore:
        if doc not in files:
            errors.append(f"ignore_figures: unknown document {doc!r}")
    for doc, raw in texts.items():
        gold_vals = [float(c["figure"]["value"]) for c in claims
                     if c.get("doc") == doc and "figure" in c]
        allowed = gold_vals + [float(v) for v in ignore.get(doc, [])]
        if doc not in ignore:
            errors.append(f"ignore_figures: no entry for {doc}")
        for v in numbers_in_text(raw):
            if not any(same(v, a) for a in allowed):
                errors.append(f"{doc}: number {v:g} is neither a gold figure "
                              "nor in ignore_figures")
        n = visible_words(files[doc], raw)
        if not 300 <= n <= 700:
            errors.append(f"{doc}: {n} words, outside 300-700")
    check_layout(files, texts, errors)

    docs_with_claims = {c.get("doc") for c in claims}
    for doc in files:
        if doc not in docs_with_claims:
            errors.append(f"{doc}: no claims annotated")

    n_claims = sum(1 for c in claims if not c.get("dates_only"))
    n_dates = sum(1 for c in claims if c.get("dates_only"))
    stances = Counter(c.get("stance") for c in claims if not c.get("dates_only"))
    n_fig = sum(1 for c in claims if "figure" in c)
    print(f"documents: {len(files)}  claims: {n_claims}  with figure: {n_fig}  "
          f"propositions: {len(props)}  dates_only checks: {n_dates}")
    print("stances: " + ", ".join(f"{k} {v}" for k, v in sorted(stances.items())))
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
