#!/usr/bin/env python3
"""Consistency checks for the wildfire-evacuation gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Runs the checks listed in ../storycheck.py on gold.json (schema, evidence, figures, dates,
propositions, ignore_figures, document length), with what this story states for them:
  - dated claims fall between the start of the fire (Thursday 6 August 2026) and each
    document's publication date;
  - no evidence lies on a question of the utility's Q&A ("Q:"), or on the live blog's
    correction entry;
  - each document keeps the layout it was written to test: the wire has a byline
    "By <Name> | Meridian Press" and a month-and-day dateline with no year anywhere; the HTML
    page's <time datetime> matches its publication date and the page keeps its cookie banner,
    navigation, asides and footer; the explainer is titled "what we know so far" and is made of
    bullets under short subheads, with no bold markup; the podcast transcript has speaker labels
    and a host who relays the Courier ("reported this morning"); the utility's release has
    matching one-line "Q:" and "A:" paragraphs and ends with "-###-"; the Evening Post reprints
    the wire with exactly one paragraph dropped and one added, the added one with "told the
    Evening Post"; the live blog's entries run OLDEST first (not newest first) and include a
    correction entry naming an earlier entry that carries a "corrected at" note; the column has
    a columnist's byline, nominal claims and rhetorical questions;
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
    check_line_width,
    check_time_datetime,
    run,
)

FIRE_START = datetime.date(2026, 8, 6)
# publication date of each document (the wire: its dateline "Aug 7", which has no year; the
# podcast: the day it was recorded and published; the reprint: the Evening Post's own date, the
# day after the wire)
PUBLISHED = {
    "01_keswa-fire-wire": "2026-08-07",
    "02_courier-power-line": "2026-08-09",
    "03_what-we-know": "2026-08-10",
    "04_firebreak-podcast": "2026-08-09",
    "05_solvane-release": "2026-08-12",
    "06_evening-post-reprint": "2026-08-08",
    "07_keswa-live": "2026-08-13",
    "08_ten-days-column": "2026-08-16",
}
NOT_CLAIM_LINES = re.compile(r"^(Q:|Correction|\d\d:\d\d — Correction)")
SPEAKER = re.compile(r"^([A-Z][A-Z .'-]+):")
STAMP = re.compile(r"^(\d\d):(\d\d) — ", re.MULTILINE)
MAX_LINE = 100


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, with their line breaks folded into spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def check_reprint(texts: dict, errors: list[str]) -> None:
    """06 reprints the body of the wire 01 (from its dateline on): all but one of its
    paragraphs, verbatim, plus one paragraph of its own with "told the Evening Post"."""
    paras01 = paragraphs(texts.get("01_keswa-fire-wire", ""))
    start01 = next((i for i, p in enumerate(paras01) if "(Meridian Press) - " in p), None)
    body01 = paras01[start01:] if start01 is not None else []
    paras06 = paragraphs(texts.get("06_evening-post-reprint", ""))
    start = next((i for i, p in enumerate(paras06) if body01 and p == body01[0]), None)
    if start is None:
        errors.append("06_evening-post-reprint: does not reprint the wire's first paragraph")
        return
    body06 = [p for p in paras06[start:] if not p.startswith("Read more:")]
    dropped = [p for p in body01 if p not in body06]
    added = [p for p in body06 if p not in body01]
    if len(body01) < 8 or len(dropped) != 1 or len(added) != 1:
        errors.append(f"06_evening-post-reprint: the reprint should drop one paragraph of the "
                      f"wire and add one ({len(dropped)} dropped, {len(added)} added)")
    elif "told the Evening Post" not in added[0]:
        errors.append("06_evening-post-reprint: the added paragraph lacks 'told the Evening Post'")
    if "republished" not in texts.get("06_evening-post-reprint", ""):
        errors.append("06_evening-post-reprint: the reprint does not credit Meridian Press")


def check_oldest_first(doc: str, raw: str, errors: list[str]) -> None:
    """The live blog runs OLDEST first, with a correction entry that names an earlier entry,
    and that entry carries a note that it was corrected at the correction's time."""
    minutes = [int(h) * 60 + int(m) for h, m in STAMP.findall(raw)]
    if len(minutes) < 8 or minutes != sorted(minutes) or len(set(minutes)) != len(minutes):
        errors.append(f"{doc}: live-blog entries are not oldest first")
    corr = re.search(r"^(\d\d:\d\d) — Correction: Our (\d\d:\d\d) post", raw, re.MULTILINE)
    if not corr:
        errors.append(f"{doc}: the live blog has no correction entry naming an earlier post")
        return
    fixed, target = corr.group(1), corr.group(2)
    entry = re.search(rf"^{target} — (.*?)(?=^\d\d:\d\d — |\Z)", raw, re.MULTILINE | re.S)
    if not entry or target >= fixed or f"corrected at {fixed}" not in " ".join(
            entry.group(1).split()):
        errors.append(f"{doc}: the corrected entry ({target}) does not precede the correction "
                      f"({fixed}) or lacks its 'corrected at' note")


def check_layout(files: dict, texts: dict, errors: list[str]) -> None:
    """Each document keeps the format it was written to test."""
    for doc, raw in texts.items():
        lines = [line.strip() for line in raw.splitlines()]
        paras = paragraphs(raw)
        check_line_width(doc, raw, MAX_LINE, errors)
        if files[doc].suffix == ".html":
            check_time_datetime(doc, raw, PUBLISHED.get(doc), errors)
            for part in ("<nav", "cookie", "<aside", "<footer"):
                if part not in raw:
                    errors.append(f"{doc}: the HTML page lacks its {part!r} boilerplate")
        if doc.startswith("01_"):
            dateline = re.search(r"^[A-Z]+, Veskara, [A-Z][a-z]{2} \d{1,2} \(Meridian Press\) - ",
                                 raw, re.MULTILINE)
            if not dateline or re.search(r"\b(19|20)\d\d\b", raw):
                errors.append(f"{doc}: the wire needs a month-and-day dateline and no year")
            if not re.search(r"^By [A-Z][a-z]+ [A-Z][a-z]+ \| Meridian Press$", raw, re.MULTILINE):
                errors.append(f"{doc}: the wire needs a 'By <Name> | Meridian Press' byline")
        if doc.startswith("03_"):
            bullets = sum(line.startswith("- ") for line in lines)
            subheads = [p for p in paras if len(p) < 40 and not p.endswith(".")
                        and not p.startswith("- ") and p[0].isupper() and "|" not in p]
            if ("what we know so far" not in raw.lower() or bullets < 15 or len(subheads) < 6
                    or re.search(r"\*\*|__|<b>|<strong>", raw)):
                errors.append(f"{doc}: the explainer needs its title, bullets and plain subheads "
                              f"({bullets} bullets, {len(subheads)} subheads)")
        if doc.startswith("04_"):
            labels = [m.group(1) for m in map(SPEAKER.match, lines) if m]
            if len(set(labels)) < 3 or len(labels) < 8:
                errors.append(f"{doc}: the transcript needs speaker labels "
                              f"({len(labels)} turns, {len(set(labels))} speakers)")
            if "reported this morning" not in raw:
                errors.append(f"{doc}: the host should relay another outlet's report")
        if doc.startswith("05_"):
            q = [i for i, line in enumerate(lines) if line.startswith("Q:")]
            answered = [i for i in q if i + 1 < len(lines) and lines[i + 1].startswith("A: ")]
            if len(q) < 5 or len(answered) != len(q) or not all(lines[i].endswith("?") for i in q):
                errors.append(f"{doc}: the release needs one-line Q: questions, each followed by "
                              f"an A: answer ({len(q)} questions, {len(answered)} answered)")
            if [line for line in lines if line][-1] != "-###-":
                errors.append(f"{doc}: the release should end with -###-")
        if doc.startswith("07_"):
            check_oldest_first(doc, raw, errors)
        if doc.startswith("08_"):
            questions = [p for p in paras if p.endswith("?") or "? " in p]
            if (not re.search(r"^By [A-Z][a-z]+ [A-Z][a-z]+, columnist$", raw, re.MULTILINE)
                    or len(questions) < 3
                    or not all(n in raw for n in ("denial that", "estimate of",
                                                  "insistence that"))):
                errors.append(f"{doc}: the column needs a columnist's byline, rhetorical questions "
                              "and nominal claims")
    check_reprint(texts, errors)


if __name__ == "__main__":
    sys.exit(run(Story(HERE, FIRE_START, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
