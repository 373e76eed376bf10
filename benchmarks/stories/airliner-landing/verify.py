#!/usr/bin/env python3
"""Consistency checks for the airliner-landing gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Runs the checks listed in ../storycheck.py on gold.json (schema, evidence, figures, dates,
propositions, ignore_figures, document length), with what this story states for them:
  - dated claims fall between the crash landing (Thursday 16 October 2025) and each
    document's publication date;
  - no evidence lies on an interviewer's "Q:" line, a fact-check's "Claim:" line, or a
    correction notice (the live blog's or the analysis's); because the documents are
    hard-wrapped, this is also checked for whole paragraphs, not only for single lines;
  - each document keeps the layout it was written to test: no line is longer than 100
    characters, the wire's dateline has a month and day but no year, the live blog's entries
    run newest first and include a correction entry, the HTML page's <time datetime> matches
    its publication date and the page keeps its boilerplate, the interview has "Q:" / "A:"
    lines, the report summary has numbered findings, the fact-check has "Claim:" and
    "Verdict:" lines, the round-up relays other outlets, and the analysis has subheads, a
    question and ends with a correction.
Exit status 0 if everything passes, 1 otherwise.
"""
from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from storycheck import (  # noqa: E402  (checks every full-schema story shares, one folder up)
    Story,
    check_feed_and_page,
    check_line_width,
    run,
)

CRASH_DAY = datetime.date(2025, 10, 16)
# publication date of each document (the wire: its dateline "Oct 17", which has no year;
# the report summary: the day the summary was published, not the day the report came out)
PUBLISHED = {
    "01_runway-fire-wire": "2025-10-17",
    "02_landing-live": "2025-10-18",
    "03_windshear-dispute": "2025-10-20",
    "04_passenger-interview": "2025-10-22",
    "05_preliminary-report": "2025-10-28",
    "06_fact-check": "2025-10-29",
    "07_media-roundup": "2025-10-30",
    "08_two-weeks-analysis": "2025-11-03",
}
NOT_CLAIM_LINES = re.compile(r"^(Q:|Claim:|Correction|\d\d:\d\d — Correction)")
MAX_LINE = 100


def paragraphs(raw: str) -> list[str]:
    """Blocks of text separated by blank lines (a wrapped paragraph is one block)."""
    return [p.strip() for p in re.split(r"\n[ \t]*\n", raw) if p.strip()]


def check_layout(files: dict, texts: dict, errors: list[str]) -> None:
    """Each document keeps the format it was written to test."""
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    for doc, raw in texts.items():
        lines = [line.strip() for line in raw.splitlines()]
        paras = paragraphs(raw)
        check_line_width(doc, raw, MAX_LINE, errors)
        for para in paras:
            if NOT_CLAIM_LINES.match(para):
                for c in gold.get("claims", []):
                    if c.get("doc") == doc and c.get("evidence") and c["evidence"] in para:
                        errors.append(f"{c.get('id')}: evidence lies in a question, Claim: or "
                                      "correction paragraph")
        if doc.startswith("01_"):
            dateline = re.search(r"^[A-Z]+, Lorvenia, [A-Z][a-z]{2} \d{1,2} \(", raw, re.MULTILINE)
            if not dateline or re.search(r"\b(19|20)\d\d\b", raw):
                errors.append(f"{doc}: the wire needs a month-and-day dateline and no year")
            if re.search(r"^By ", raw, re.MULTILINE):
                errors.append(f"{doc}: the wire should carry no byline")
        check_feed_and_page(doc, raw, files[doc], PUBLISHED.get(doc), r"^(\d\d):(\d\d) —", errors)
        if "live" in doc and not re.search(r"^\d\d:\d\d — Correction:", raw, re.MULTILINE):
            errors.append(f"{doc}: the live blog has no correction entry")
        if files[doc].suffix == ".html":
            for part in ("<nav", "cookie", "<aside", "ad-slot", "<footer", "<time datetime="):
                if part not in raw:
                    errors.append(f"{doc}: the HTML page lacks its {part!r} boilerplate")
        if doc.startswith("04_"):
            q = sum(line.startswith("Q:") for line in lines)
            a = sum(line.startswith("A:") for line in lines)
            if q < 5 or q != a:
                errors.append(f"{doc}: the interview needs matching Q:/A: lines ({q}/{a})")
        if doc.startswith("05_"):
            numbered = [int(m) for m in re.findall(r"^(\d+)\. ", raw, re.MULTILINE)]
            if len(numbered) < 10 or numbered != list(range(1, len(numbered) + 1)):
                errors.append(f"{doc}: the report summary needs numbered findings 1, 2, 3, ...")
        if doc.startswith("06_"):
            claims = sum(line.startswith("Claim:") for line in lines)
            verdicts = sum(line.startswith("Verdict:") for line in lines)
            if claims < 3 or claims != verdicts:
                errors.append(f"{doc}: the fact-check needs matching Claim:/Verdict: lines")
        if doc.startswith("07_"):
            relays = len(re.findall(r"\b(reported|said|quoted|citing)\b", raw))
            if relays < 8:
                errors.append(f"{doc}: the round-up should relay other outlets ({relays} relay verbs)")
        if doc.startswith("08_"):
            heads = [p for p in paras[3:] if "\n" not in p and len(p) < 40 and p[-1] not in ".?!\""]
            if not paras[-1].startswith("Correction:") or "?" not in raw or len(heads) < 2:
                errors.append(f"{doc}: the analysis needs subheads, a question and a final correction")


if __name__ == "__main__":
    sys.exit(run(Story(HERE, CRASH_DAY, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
