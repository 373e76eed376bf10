#!/usr/bin/env python3
"""Consistency checks for the stadium-crush gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Checks that gold.json follows the schema of the other story benchmarks and that every
annotation can be found in its document (the checks in ../storycheck.py, which this story
states its dates, lines and layout for):
  - top-level keys, claim fields, unique ids, valid stances, figure kinds and dates;
  - every evidence is a verbatim substring of its document (for .html, of the raw file,
    inside one <p> of the <article>, with no HTML entity or tag in it);
  - no evidence lies on a line that is not a claim: an interviewer's "Q:" line, a
    fact-check's "Claim:" line, or a correction notice;
  - no claim's evidence is a substring of another claim's evidence in the same document
    (dates_only checks are compared only with each other: they repeat a claim's evidence);
  - every dates_only check repeats the evidence (or a leading part of it), the proposition
    and the stance of a claim of the same document;
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
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from storycheck import Story, run  # noqa: E402  (checks every full-schema story shares, one folder up)

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


if __name__ == "__main__":
    sys.exit(run(Story(HERE, MATCH_DAY, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
