#!/usr/bin/env python3
"""Consistency checks for the syrup-recall gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Runs the checks listed in ../storycheck.py on gold.json (schema, evidence, figures, dates,
propositions, ignore_figures, document length), with what this story states for them:
  - dated claims fall between Helvane's first, voluntary recall (Sunday 1 March 2026) and each
    document's publication date;
  - no evidence lies on a committee member's or the chair's line in the hearing transcript, a
    fact-check's "Claim:" line, or the analysis's correction notice;
  - each document keeps the layout it was written to test: the wire has a month-and-day
    dateline, no year and no byline; the HTML page's <time datetime> matches its publication
    date and the page keeps its cookie banner, navigation, asides and footer; the translation
    opens with "The following is a translation of a report broadcast by"; the transcript has
    speaker labels, with every member's question on one "... MP:" line and every chair's turn
    on one "CHAIR:" line; the company statement has numbered points and "ENDS"; the fact-check
    has matching "Claim:" and "Rating:" lines; the Morning Briefing has section heads and
    relays at least four other outlets; the analysis has subheads, a question and ends with a
    correction;
  - no line of any document is longer than 100 characters.
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
    check_line_width,
    run,
)

FIRST_DAY = datetime.date(2026, 3, 1)
# publication date of each document (the wire: its dateline "March 3", which has no year; the
# translation: the day of the broadcast, translated the same night; the hearing: the day it was
# held)
PUBLISHED = {
    "01_syrup-recall-wire": "2026-03-03",
    "02_herald-pharmacies": "2026-03-06",
    "03_srt-translation": "2026-03-10",
    "04_committee-hearing": "2026-03-17",
    "05_helvane-statement": "2026-03-19",
    "06_fact-check": "2026-03-20",
    "07_morning-briefing": "2026-03-23",
    "08_three-weeks-analysis": "2026-03-27",
}
QUESTION_LINE = re.compile(r"^(CHAIR|[A-Z][A-Z .'-]+ MP):")
NOT_CLAIM_LINES = re.compile(r"^(CHAIR:|[A-Z][A-Z .'-]+ MP:|Claim:|Correction:)")
SPEAKER = re.compile(r"^([A-Z][A-Z .'-]+(?: \([^)]+\))?):")
OUTLETS = ("The Herald", "the Courier", "Radio Teravon", "SRT", "Factwise")
MAX_LINE = 100


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, with their line breaks folded into spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def check_transcript(doc: str, lines: list[str], errors: list[str]) -> None:
    """Speaker labels; members' questions and the chair's turns each on one line."""
    labels = [m.group(1) for m in map(SPEAKER.match, lines) if m]
    members = [lab for lab in labels if lab.endswith(" MP")]
    witnesses = {lab for lab in labels if "(" in lab}
    if len(members) < 5 or len(witnesses) < 3 or "CHAIR" not in labels:
        errors.append(f"{doc}: the transcript needs speaker labels "
                      f"({len(members)} questions, {len(witnesses)} witnesses)")
    for i, line in enumerate(lines):
        if QUESTION_LINE.match(line):
            if i + 1 < len(lines) and lines[i + 1]:
                errors.append(f"{doc}: a member's or the chair's turn should fit on one line")
            if line.endswith(" MP:") or (" MP:" in line and not line.endswith("?")):
                errors.append(f"{doc}: a member's line should be a question")


def check_layout(files: dict, texts: dict, errors: list[str]) -> None:
    """Each document keeps the format it was written to test."""
    for doc, raw in texts.items():
        lines = [line.strip() for line in raw.splitlines()]
        check_line_width(doc, raw, MAX_LINE, errors)
        check_feed_and_page(doc, raw, files[doc], PUBLISHED.get(doc), r"^(\d\d):(\d\d) —", errors)
        if doc.startswith("01_"):
            dateline = re.search(r"^[A-Z]+, [A-Z][a-z]+ \d{1,2} \(Castra News Agency\) - ", raw,
                                 re.MULTILINE)
            if not dateline or re.search(r"\b(19|20)\d\d\b", raw):
                errors.append(f"{doc}: the wire needs a month-and-day dateline and no year")
            if re.search(r"^By |\((Reporting|Written|Editing) by", raw, re.MULTILINE):
                errors.append(f"{doc}: the wire should carry no byline")
        if files[doc].suffix == ".html":
            for part in ("<nav", "cookie", "<aside", "<footer"):
                if part not in raw:
                    errors.append(f"{doc}: the HTML page lacks its {part!r} boilerplate")
        if doc.startswith("03_") and not re.search(
                r"^The following is a translation of a report broadcast by", raw, re.MULTILINE):
            errors.append(f"{doc}: the translation lacks its opening line")
        if doc.startswith("04_"):
            check_transcript(doc, lines, errors)
        if doc.startswith("05_"):
            numbers = [int(m.group(1)) for m in map(re.compile(r"^(\d+)\. ").match, lines) if m]
            if "ENDS" not in lines or len(numbers) < 8 or numbers != list(range(1, len(numbers) + 1)):
                errors.append(f"{doc}: the company statement needs numbered points and ENDS")
        if doc.startswith("06_"):
            claims = sum(line.startswith("Claim:") for line in lines)
            ratings = sum(line.startswith("Rating:") for line in lines)
            if claims < 3 or claims != ratings:
                errors.append(f"{doc}: the fact-check needs matching Claim:/Rating: lines")
        if doc.startswith("07_"):
            heads = [line for line in lines if line and line.isupper() and len(line) < 40]
            missing = [o for o in OUTLETS if o not in raw]
            if not raw.startswith("MORNING BRIEFING") or len(heads) < 5 or len(missing) > 1:
                errors.append(f"{doc}: the Morning Briefing needs its title, section heads and "
                              f"relays of other outlets (missing {missing})")
        if doc.startswith("08_"):
            paras = paragraphs(raw)
            subheads = [p for p in paras if len(p) < 60 and not p.endswith(".")
                        and p[0].isupper() and "|" not in p and not p.startswith("By ")]
            if len(subheads) < 4 or "?" not in raw or not paras[-1].startswith("Correction:"):
                errors.append(f"{doc}: the analysis needs subheads, a question and a final "
                              "correction")


if __name__ == "__main__":
    sys.exit(run(Story(HERE, FIRST_DAY, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
