#!/usr/bin/env python3
"""Consistency checks for the grid-blackout gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Runs the checks listed in ../storycheck.py on gold.json (schema, evidence, figures, dates,
propositions, ignore_figures, document length), with what this story states for them:
  - dated claims fall between the collapse of the Southern Region's grid (Tuesday 14 July 2026,
    19:47) and each document's publication date;
  - no evidence lies on a line, or in a paragraph, that is not a claim: the radio host's turns
    ("GIL AMADOR: ..."), the live blog's correction entry and the explainer's questions;
  - each document keeps the layout it was written to test: no line is longer than 100
    characters; every plain-text document states its publication date in its header; the live
    blog's clock-stamped entries ("21:10 — ") run newest first, relay other outlets and a social
    post and include a correction entry; the HTML page is dated only by the "datePublished" of
    its JSON-LD <script> (no <time>, no published_time meta, no other date) and keeps its
    navigation, cookie notice, related-links aside and footer; the transcript alternates the
    host's and the chief executive's labelled turns; the regulator's summary has section heads,
    bullet points and a plain-text table of figures by area; the op-ed has a byline, speaks in
    the first person and ends with the author's line; the explainer has question subheads, each
    answered; the press release has "Notes to editors" with numbered notes, a media contact and
    "ENDS"; the translated wire says it is translated, has its dateline and relays officials
    through the agency ("told the agency", "the agency's correspondent").
Exit status 0 if everything passes, 1 otherwise.
"""
from __future__ import annotations

import datetime
import importlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
# the checks every full-schema story shares, one folder up (../storycheck.py, ../goldcheck.py)
storycheck = importlib.import_module("storycheck")
Story, check_newest_first, run = storycheck.Story, storycheck.check_newest_first, storycheck.run
check_line_width = storycheck.check_line_width

FIRST_DAY = datetime.date(2026, 7, 14)
# publication date of each document (the HTML page: its JSON-LD "datePublished", its only date;
# the transcript: the day of the broadcast; the regulator's summary: the day it was published)
PUBLISHED = {
    "01_blackout-live": "2026-07-15",
    "02_star-coroner": "2026-07-17",
    "03_radio-interview": "2026-07-20",
    "04_regulator-interim": "2026-07-22",
    "05_economist-oped": "2026-07-24",
    "06_blackout-explainer": "2026-07-25",
    "07_ostgrid-release": "2026-07-27",
    "08_tessary-wire": "2026-07-28",
}
HOST = "GIL AMADOR:"
GUEST = "TOMAS EKWALL:"
STAMP = r"^(\d\d):(\d\d) —"
NOT_CLAIM_LINES = re.compile(
    r"^(GIL AMADOR:|\d\d:\d\d — Correction:|Correction:|(How|What|Who|Was|Why|When)\b.*\?$)")
NOT_CLAIM_PARAGRAPHS = re.compile(r"^(GIL AMADOR:|\d\d:\d\d — Correction:)")
TABLE_ROW = re.compile(r"^\S.*?\s{2,}\d{1,3}(,\d{3})+\s{2,}\d+ (hours|minutes)$")
MAX_LINE = 100


def paragraphs(raw: str) -> list[str]:
    """Blocks of text separated by blank lines (a wrapped paragraph is one block)."""
    return [p.strip() for p in re.split(r"\n[ \t]*\n", raw) if p.strip()]


def check_html(doc: str, raw: str, published: str, errors: list[str]) -> None:
    """Dated only by the JSON-LD datePublished, with its boilerplate around the article."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', raw, re.DOTALL)
    try:
        data = json.loads(blocks[0]) if len(blocks) == 1 else {}
    except ValueError:
        data = {}
    if str(data.get("datePublished", ""))[:10] != published:
        errors.append(f"{doc}: the JSON-LD datePublished does not match {published}")
    if ("<time" in raw or "published_time" in raw or "dateModified" in raw
            or raw.count(published) != 1 or re.search(r"\b(July|Jul)\b", raw)):
        errors.append(f"{doc}: the page should carry no date but its JSON-LD datePublished")
    for part in ("<nav", "cookie", '<aside class="related"', "<footer", "<article>"):
        if part not in raw:
            errors.append(f"{doc}: the HTML page lacks its {part!r} boilerplate")


def check_transcript(doc: str, paras: list[str], errors: list[str]) -> None:
    """The host's and the guest's labelled turns alternate, the host first."""
    turns = [p for p in paras if p.startswith((HOST, GUEST))]
    labels = [HOST if t.startswith(HOST) else GUEST for t in turns]
    if len(turns) < 16 or any(lab != (HOST, GUEST)[i % 2] for i, lab in enumerate(labels)):
        errors.append(f"{doc}: the transcript needs alternating {HOST} / {GUEST} turns")


def check_report(doc: str, lines: list[str], errors: list[str]) -> None:
    """Section heads, bullet points and a plain-text table of figures by area."""
    heads = [line for line in lines if line and line.isupper() and len(line) < 40]
    bullets = [line for line in lines if line.startswith("- ")]
    header = [line for line in lines if line.startswith("Area") and "Customers cut off" in line]
    rows = [line for line in lines if TABLE_ROW.match(line)]
    if len(heads) < 5 or len(bullets) < 10 or len(header) != 1 or len(rows) < 4:
        errors.append(f"{doc}: the report summary needs section heads, bullets and a table "
                      f"({len(heads)} heads, {len(bullets)} bullets, {len(rows)} table rows)")


def check_layout(files: dict, texts: dict, errors: list[str]) -> None:
    """Each document keeps the format it was written to test."""
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    for doc, raw in texts.items():
        lines = [line.strip() for line in raw.splitlines()]
        paras = paragraphs(raw)
        published = PUBLISHED.get(doc, "")
        check_line_width(doc, raw, MAX_LINE, errors)
        for para in paras:
            if NOT_CLAIM_PARAGRAPHS.match(para):
                for c in gold.get("claims", []):
                    if c.get("doc") == doc and c.get("evidence") and c["evidence"] in para:
                        errors.append(f"{c.get('id')}: evidence lies in a host's turn or a "
                                      "correction entry")
        if files[doc].suffix == ".html":
            check_html(doc, raw, published, errors)
            continue
        day = datetime.date.fromisoformat(published)
        stated = f"{day:%A} {day.day} {day:%B %Y}"
        if stated not in "\n".join(lines[:6]):
            errors.append(f"{doc}: the header should state the publication date {stated!r}")
        if "live" in doc:
            check_newest_first(doc, raw, STAMP, errors)
            relays = [o for o in ("Radio Vellmar One", "Sarenne Star", "Tessarian Press Agency")
                      if o in raw]
            if (not re.search(r"^\d\d:\d\d — Correction:", raw, re.MULTILINE)
                    or len(relays) < 3 or "social media" not in raw):
                errors.append(f"{doc}: the live blog needs a correction entry and relays of "
                              "other outlets and a social post")
        if doc.startswith("03_"):
            check_transcript(doc, paras, errors)
        if doc.startswith("04_"):
            check_report(doc, lines, errors)
        if doc.startswith("05_"):
            first_person = len(re.findall(r"\b(I|my|My|me)\b", raw))
            if ("By Livia Marchant" not in lines or first_person < 5
                    or not paras[-1].startswith("Livia Marchant is")):
                errors.append(f"{doc}: the op-ed needs its byline, the first person and the "
                              "author's line")
        if doc.startswith("06_"):
            questions = [i for i, p in enumerate(paras) if p.endswith("?") and "\n" not in p]
            answered = all(i + 1 < len(paras) and not paras[i + 1].endswith("?")
                           for i in questions)
            if len(questions) < 6 or not answered:
                errors.append(f"{doc}: the explainer needs answered question subheads")
        if doc.startswith("07_"):
            notes = [int(m) for m in re.findall(r"^(\d+)\. ", raw, re.MULTILINE)]
            if ("Notes to editors" not in lines or len(notes) < 3
                    or notes != list(range(1, len(notes) + 1)) or lines[-1] != "ENDS"
                    or not any(line.startswith("Media contact:") for line in lines)):
                errors.append(f"{doc}: the press release needs numbered notes to editors, a "
                              "media contact and ENDS")
        flat = " ".join(raw.split())
        if doc.startswith("08_") and (
                not re.search(r"^English news service\. Translated from Tessarian", raw,
                              re.MULTILINE)
                or not re.search(r"^OSTRIN, \d{1,2} July \(TPA\) — ", raw, re.MULTILINE)
                or flat.count("told the agency") < 3
                or flat.count("the agency's correspondent") < 2):
            errors.append(f"{doc}: the wire needs its translation line, its dateline and "
                          "relays through the agency")


if __name__ == "__main__":
    sys.exit(run(Story(HERE, FIRST_DAY, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
