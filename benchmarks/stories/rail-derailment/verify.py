#!/usr/bin/env python3
"""Consistency checks for the rail-derailment gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Checks that gold.json follows the schema of the other story benchmarks and that every
annotation can be found in its document:
  - top-level keys, claim fields, unique ids, valid stances, figure kinds and dates;
  - every evidence is a verbatim substring of its document (for .html, of the raw file,
    inside one <p> of the <article>, with no HTML entity or tag in it);
  - no claim's evidence is a substring of another claim's evidence in the same document
    (dates_only checks are compared only with each other: they repeat a claim's evidence);
  - every figure value appears as a number in its evidence (digits, "1.5 million",
    "$1 billion", or words such as "two", "Five", "a thousand", "five-million-dollar");
  - every proposition id is present and shared by at least one non-date claim;
  - every number written in digits in a document is either a gold figure of that document
    or listed in ignore_figures (so a system is not penalised for a number nobody annotated);
  - each document has 300-700 words (for .html, the text of the <article>).
Exit status 0 if everything passes, 1 otherwise.
"""
from __future__ import annotations

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


def main() -> int:
    errors: list[str] = []
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    corpus = HERE / "corpus"

    if set(gold) != TOP_KEYS:
        errors.append(f"top-level keys {sorted(gold)} != {sorted(TOP_KEYS)}")
    if not str(gold.get("corpus", "")).endswith("rail-derailment/corpus"):
        errors.append("corpus path should point at benchmarks/stories/rail-derailment/corpus")
    if not isinstance(gold.get("note"), str) or len(gold.get("note", "")) < 500:
        errors.append("note is missing or too short")

    files = {p.stem: p for p in corpus.iterdir() if p.is_file()}
    texts = {stem: p.read_text(encoding="utf-8") for stem, p in files.items()}
    claims = gold.get("claims", [])

    ids = Counter(c.get("id") for c in claims)
    for cid, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {cid}")

    for c in claims:
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
        if not isinstance(c.get("via"), list) or not all(isinstance(s, str) and s for s in c.get("via", [])):
            errors.append(f"{cid}: via must be a list of strings")
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
            elif not any(same(v, float(f["value"])) for v in numbers_in_text(c.get("evidence", ""), words=True)):
                errors.append(f"{cid}: figure value {f['value']} not found in evidence {c.get('evidence')!r}")
        if c.get("dates_only"):
            if "claim_date" not in c and "event_date" not in c:
                errors.append(f"{cid}: dates_only without claim_date or event_date")
            if "claim_date" in c and not valid_date(c["claim_date"]):
                errors.append(f"{cid}: bad claim_date {c['claim_date']!r}")
            if "event_date" in c:
                ev = c["event_date"]
                if not (isinstance(ev, dict) and valid_date(ev.get("start")) and valid_date(ev.get("end"))):
                    errors.append(f"{cid}: bad event_date {ev!r}")
        else:
            for key in ("claim_date", "event_date"):
                if key in c:
                    errors.append(f"{cid}: {key} only belongs on dates_only entries")

        doc = c.get("doc")
        if doc not in files:
            errors.append(f"{cid}: no document {doc!r} in corpus/")
            continue
        ev = c.get("evidence", "")
        raw = texts[doc]
        if ev not in raw:
            errors.append(f"{cid}: evidence not a substring of {doc}: {ev!r}")
        if files[doc].suffix == ".html":
            if re.search(r"&#?\w+;|[<>]", ev):
                errors.append(f"{cid}: evidence contains an HTML entity or tag")
            if not any(ev in p for p in article_paragraphs(raw)):
                errors.append(f"{cid}: evidence not inside one <p> of the article")

    # nesting: no evidence inside another one in the same document
    by_doc = defaultdict(list)
    for c in claims:
        by_doc[(c.get("doc"), bool(c.get("dates_only")))].append(c)
    for (doc, _dates), group in by_doc.items():
        for a in group:
            for b in group:
                if a is not b and a.get("evidence", "") in b.get("evidence", ""):
                    errors.append(f"{a.get('id')}: evidence is a substring of {b.get('id')}'s ({doc})")

    # propositions
    props = Counter(c.get("proposition") for c in claims if not c.get("dates_only"))
    for c in claims:
        if c.get("dates_only") and c.get("proposition") not in props:
            errors.append(f"{c.get('id')}: dates_only proposition {c.get('proposition')!r} has no claim")

    # ignore_figures: every number in digits is covered
    ignore = gold.get("ignore_figures", {})
    for doc in ignore:
        if doc not in files:
            errors.append(f"ignore_figures: unknown document {doc!r}")
    for doc, raw in texts.items():
        gold_vals = [float(c["figure"]["value"]) for c in claims if c.get("doc") == doc and "figure" in c]
        allowed = gold_vals + [float(v) for v in ignore.get(doc, [])]
        if doc not in ignore:
            errors.append(f"ignore_figures: no entry for {doc}")
        for v in numbers_in_text(raw):
            if not any(same(v, a) for a in allowed):
                errors.append(f"{doc}: number {v:g} is neither a gold figure nor in ignore_figures")
        n = visible_words(files[doc], raw)
        if not 300 <= n <= 700:
            errors.append(f"{doc}: {n} words, outside 300-700")

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
