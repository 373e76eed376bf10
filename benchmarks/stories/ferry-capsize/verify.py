#!/usr/bin/env python3
"""Consistency checks for the ferry-capsize gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Runs the checks listed in ../storycheck.py on gold.json (schema, evidence, figures, dates,
propositions, ignore_figures, document length), with what this story states for them:
  - dated claims fall between the capsizing (17 October 2025) and each document's
    publication date;
  - no evidence lies on an interviewer's "Q:" line, a fact-check's "Claim:" line, or a
    correction notice (the live blog's or the analysis's);
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

CAPSIZE_DAY = datetime.date(2025, 10, 17)
# publication date of each document (the hearing summary: the day it was published)
PUBLISHED = {
    "01_ferry-capsize-wire": "2025-10-18",
    "02_ferry-live": "2025-10-19",
    "03_captain-arrested": "2025-10-22",
    "04_families-interview": "2025-10-24",
    "05_coast-guard-release": "2025-10-23",
    "06_fact-check": "2025-10-27",
    "07_committee-hearing-summary": "2025-10-30",
    "08_three-weeks-analysis": "2025-11-08",
}
NOT_CLAIM_LINES = re.compile(r"^(Q:|Claim:|Correction|\d\d:\d\d — Correction)")


def check_layout(files: dict, texts: dict, errors: list[str]) -> None:
    """The live blog runs newest first; the HTML page is dated by <time datetime>."""
    for doc, raw in texts.items():
        check_feed_and_page(doc, raw, files[doc], PUBLISHED.get(doc), r"^(\d\d):(\d\d) —", errors)


if __name__ == "__main__":
    sys.exit(run(Story(HERE, CAPSIZE_DAY, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
