#!/usr/bin/env python3
"""Consistency checks for the tailings-spill gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Runs the checks listed in ../storycheck.py on gold.json (schema, evidence, figures, dates,
propositions, ignore_figures, document length), with what this story states for them:
  - dated claims fall between the dam failure (Saturday 11 April 2026) and each document's
    publication date;
  - no evidence lies on a reporter's question in the press-conference transcript, a
    fact-check's "Claim:" line, or a correction notice (the live blog's or the analysis's);
  - each document keeps the layout it was written to test: the wire has a month-and-day
    dateline, no year and no byline; the live blog's entries run newest first and include a
    correction entry; the HTML page's <time datetime> matches its publication date and the page
    keeps its cookie banner, navigation, asides and footer; the transcript has speaker labels,
    with the reporters' questions each on one "REPORTER (...)" line; the company statement has
    bullet lists and "ENDS"; the fact-check has matching "Claim:" and "Verdict:" lines; the
    Gazette page reprints the Standard's article with exactly one paragraph dropped and one
    added; the analysis has subheads, a question and ends with a correction;
  - no line of any document is longer than 100 characters.
Exit status 0 if everything passes, 1 otherwise.
"""
from __future__ import annotations

import datetime
import html
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

FAILURE_DAY = datetime.date(2026, 4, 11)
# publication date of each document (the wire: its dateline "Apr 12", which has no year; the
# press conference: the day it was held and its transcript issued; the reprint: the Gazette's
# own date, a day after the Standard's page)
PUBLISHED = {
    "01_stannick-wire": "2026-04-12",
    "02_stannick-live": "2026-04-13",
    "03_standard-dam-raised": "2026-04-16",
    "04_ministry-briefing": "2026-04-20",
    "05_velkor-statement": "2026-04-22",
    "06_fact-check": "2026-04-24",
    "07_gazette-reprint": "2026-04-17",
    "08_three-weeks-analysis": "2026-05-02",
}
NOT_CLAIM_LINES = re.compile(r"^(REPORTER\b|Claim:|Correction|\d\d:\d\d — Correction)")
SPEAKER = re.compile(r"^([A-Z][A-Z .'-]+(?: \([^)]+\))?):")
MAX_LINE = 100


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, with their line breaks folded into spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def check_reprint(texts: dict, errors: list[str]) -> None:
    """07 reprints the body of 03's article: all but one of its paragraphs, verbatim, plus one
    paragraph of its own."""
    original = texts.get("03_standard-dam-raised", "")
    article = re.search(r"<article\b[^>]*>(.*?)</article>", original, re.S)
    body03 = [" ".join(html.unescape(p).split())
              for p in re.findall(r"<p>(.*?)</p>", article.group(1) if article else "", re.S)]
    paras07 = paragraphs(texts.get("07_gazette-reprint", ""))
    start = next((i for i, p in enumerate(paras07) if body03 and p == body03[0]), None)
    if start is None:
        errors.append("07_gazette-reprint: does not reprint the Standard's first paragraph")
        return
    body07 = paras07[start:]
    dropped = [p for p in body03 if p not in body07]
    added = [p for p in body07 if p not in body03]
    if len(body03) < 8 or len(dropped) != 1 or len(added) != 1:
        errors.append(f"07_gazette-reprint: the reprint should drop one paragraph of the "
                      f"Standard's article and add one ({len(dropped)} dropped, {len(added)} added)")
    if "first appeared in The Ordavin Standard" not in texts.get("07_gazette-reprint", ""):
        errors.append("07_gazette-reprint: the reprint does not credit the Standard")


def check_layout(files: dict, texts: dict, errors: list[str]) -> None:
    """Each document keeps the format it was written to test."""
    for doc, raw in texts.items():
        lines = [line.strip() for line in raw.splitlines()]
        check_line_width(doc, raw, MAX_LINE, errors)
        if doc.startswith("01_"):
            dateline = re.search(r"^[A-Z]+, Kestrany, [A-Z][a-z]{2} \d{1,2} \(Norvane News Agency\) - ",
                                 raw, re.MULTILINE)
            if not dateline or re.search(r"\b(19|20)\d\d\b", raw):
                errors.append(f"{doc}: the wire needs a month-and-day dateline and no year")
            if re.search(r"^By |\((Reporting|Written|Editing) by", raw, re.MULTILINE):
                errors.append(f"{doc}: the wire should carry no byline")
        check_feed_and_page(doc, raw, files[doc], PUBLISHED.get(doc), r"^(\d\d):(\d\d) —", errors)
        if "live" in doc and not re.search(r"^\d\d:\d\d — Correction:", raw, re.MULTILINE):
            errors.append(f"{doc}: the live blog has no correction entry")
        if files[doc].suffix == ".html":
            for part in ("<nav", "cookie", "<aside", "<footer"):
                if part not in raw:
                    errors.append(f"{doc}: the HTML page lacks its {part!r} boilerplate")
        if doc.startswith("04_"):
            labels = [m.group(1) for m in map(SPEAKER.match, lines) if m]
            reporters = [lab for lab in labels if lab.startswith("REPORTER")]
            speakers = {lab for lab in labels if not lab.startswith(("REPORTER", "MODERATOR"))}
            if len(reporters) < 5 or len(speakers) < 3:
                errors.append(f"{doc}: the transcript needs speaker labels "
                              f"({len(reporters)} questions, {len(speakers)} speakers)")
            for line in lines:
                if line.startswith("REPORTER") and not line.endswith("?"):
                    errors.append(f"{doc}: a reporter's question should fit on one line")
        bullets = sum(line.startswith("- ") for line in lines)
        if doc.startswith("05_") and ("ENDS" not in lines or bullets < 5):
            errors.append(f"{doc}: the company statement needs a bullet list and ENDS")
        if doc.startswith("06_"):
            claims = sum(line.startswith("Claim:") for line in lines)
            verdicts = sum(line.startswith("Verdict:") for line in lines)
            if claims < 3 or claims != verdicts:
                errors.append(f"{doc}: the fact-check needs matching Claim:/Verdict: lines")
        if doc.startswith("08_"):
            paras = paragraphs(raw)
            subheads = [p for p in paras if len(p) < 60 and not p.endswith(".")
                        and p[0].isupper() and "|" not in p and not p.startswith("By ")]
            if len(subheads) < 4 or "?" not in raw or not paras[-1].startswith("Correction:"):
                errors.append(f"{doc}: the analysis needs subheads, a question and a final "
                              "correction")
    check_reprint(texts, errors)


if __name__ == "__main__":
    sys.exit(run(Story(HERE, FAILURE_DAY, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
