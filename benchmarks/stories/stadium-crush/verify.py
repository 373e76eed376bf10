#!/usr/bin/env python3
"""Consistency checks for the stadium-crush gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Runs the checks listed in ../storycheck.py on gold.json (schema, evidence, figures, dates,
propositions, ignore_figures, document length), with what this story states for them:
  - dated claims fall between the match (5 April 2025) and each document's publication date;
  - no evidence lies on an interviewer's "Q:" line, a fact-check's "Claim:" line, or a
    correction notice;
  - layout: the live blog's entries run newest first, and the HTML page's <time datetime>
    matches its publication date.
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
        check_feed_and_page(doc, raw, files[doc], PUBLISHED.get(doc), r"^(?:Update )?(\d\d):(\d\d)(?: —|:)", errors)


if __name__ == "__main__":
    sys.exit(run(Story(HERE, MATCH_DAY, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
