#!/usr/bin/env python3
"""Consistency checks for the mine-collapse gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Runs the checks listed in ../storycheck.py on gold.json (schema, evidence, figures, dates,
propositions, ignore_figures, document length), with what this story states for them:
  - dated claims fall between the collapse (Monday 2 February 2026) and each document's
    publication date;
  - no evidence lies on an interviewer's "Q:" line, a fact-check's "Claim:" line, or a
    correction notice (the live blog's or the analysis's);
  - each document keeps the layout it was written to test: the wire's dateline has a month
    and day but no year, the live blog's entries run newest first and include a correction
    entry, the HTML page's <time datetime> matches its publication date and the page keeps
    its boilerplate, the interview has "Q:" / "A:" lines, the press release has a bullet
    list and "ENDS", the fact-check has "Claim:" and "Verdict:" lines, the hearing summary
    has its speaker sections, and the analysis has a question and ends with a correction.
Exit status 0 if everything passes, 1 otherwise.
"""
from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from storycheck import (  # noqa: E402  (checks every full-schema story shares, one folder up)
    Story,
    check_feed_and_page,
    run,
)

COLLAPSE_DAY = datetime.date(2026, 2, 2)
# publication date of each document (the hearing summary: the day it was published,
# not the day of the hearing; the wire: its dateline "Feb 3", which has no year)
PUBLISHED = {
    "01_mine-collapse-wire": "2026-02-03",
    "02_mine-live": "2026-02-04",
    "03_inspection-desk": "2026-02-06",
    "04_family-interview": "2026-02-09",
    "05_vantry-release": "2026-02-10",
    "06_fact-check": "2026-02-11",
    "07_hearing-summary": "2026-02-13",
    "08_two-weeks-analysis": "2026-02-16",
}
NOT_CLAIM_LINES = re.compile(r"^(Q:|Claim:|Correction|\d\d:\d\d — Correction)")


def check_layout(files: dict, texts: dict, errors: list[str]) -> None:
    """Each document keeps the format it was written to test."""
    for doc, raw in texts.items():
        lines = [line.strip() for line in raw.splitlines()]
        if doc.startswith("01_"):
            dateline = re.search(r"^[A-Z]+, Velmora, [A-Z][a-z]{2} \d{1,2} \(", raw, re.MULTILINE)
            if not dateline or re.search(r"\b(19|20)\d\d\b", raw):
                errors.append(f"{doc}: the wire needs a month-and-day dateline and no year")
        check_feed_and_page(doc, raw, files[doc], PUBLISHED.get(doc), r"^(\d\d):(\d\d) —", errors)
        if "live" in doc and not re.search(r"^\d\d:\d\d — Correction:", raw, re.MULTILINE):
            errors.append(f"{doc}: the live blog has no correction entry")
        if files[doc].suffix == ".html":
            for part in ("<nav", "cookie", "<aside", "<footer"):
                if part not in raw:
                    errors.append(f"{doc}: the HTML page lacks its {part!r} boilerplate")
        if doc.startswith("04_"):
            q = sum(line.startswith("Q:") for line in lines)
            a = sum(line.startswith("A:") for line in lines)
            if q < 5 or q != a:
                errors.append(f"{doc}: the interview needs matching Q:/A: lines ({q}/{a})")
        bullets = sum(line.startswith("- ") for line in lines)
        if doc.startswith("05_") and ("ENDS" not in lines or bullets < 5):
            errors.append(f"{doc}: the press release needs a bullet list and ENDS")
        if doc.startswith("06_"):
            claims = sum(line.startswith("Claim:") for line in lines)
            verdicts = sum(line.startswith("Verdict:") for line in lines)
            if claims < 3 or claims != verdicts:
                errors.append(f"{doc}: the fact-check needs matching Claim:/Verdict: lines")
        if doc.startswith("07_"):
            heads = [line for line in lines if re.fullmatch(r"[A-Z][^.:]+ \([A-Z][^)]+\)", line)]
            if len(heads) < 4:
                errors.append(f"{doc}: the hearing summary needs speaker sections")
        if doc.startswith("08_"):
            last = [line for line in lines if line][-1]
            if not last.startswith("Correction:") or "?" not in raw:
                errors.append(f"{doc}: the analysis needs a question and a final correction")


if __name__ == "__main__":
    sys.exit(run(Story(HERE, COLLAPSE_DAY, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
