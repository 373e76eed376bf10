#!/usr/bin/env python3
"""Consistency checks for the border-clash gold file (standard library only).

Usage: python3 verify.py            (from this folder or anywhere)

Runs the checks listed in ../storycheck.py on gold.json (schema, evidence, figures, dates,
propositions, ignore_figures, document length), with what this story states for them:
  - dated claims fall between the night of the clash at the Sivar Pass (it began late on Tuesday
    15 September 2026) and each document's publication date;
  - no evidence lies on a reporter's question in the briefing transcript ("Q (outlet):"), on the
    fact-check's "Claim:" line or on the feature's correction notice;
  - each document keeps the layout it was written to test: the state news agency's dispatch has
    its dateline, "the Defence Ministry said" and the long official titles; the HTML blog page's
    <time datetime> matches its publication date, it keeps its navigation and comments count, and
    its thread runs as numbered posts "1/", "2/" ..., one <p> each; the wire has an "(Updates
    with ...)" line under the headline, its dateline, "a senior military source", "two people
    familiar with the matter" and a "(Reporting by ...; Editing by ...)" footer; the transcript
    has the spokesperson's labelled answers and reporters' questions, each on one "Q (outlet):"
    line; the monitoring mission's statement has numbered paragraphs and a "Notes:" block; the
    feature has a byline, a doctor and a local official and ends with a correction; the
    fact-check has one "Claim:" line and one "Verdict:" line after it; the newsletter has a "# "
    title, "## " headings and "- " items relaying at least five other outlets;
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
# the shared checks, one folder up (E402 is for the project's ruff settings, RUF100 for ruff's
# defaults, which apply outside the project)
from goldcheck import article_paragraphs  # noqa: E402, RUF100
from storycheck import Story, check_feed_and_page, check_line_width, run  # noqa: E402, RUF100

FIRST_DAY = datetime.date(2026, 9, 15)
# publication date of each document (the dispatch, the wire, the transcript, the statement, the
# feature, the fact-check and the newsletter state theirs; the blog page is dated by its <time>)
PUBLISHED = {
    "01_sevpress-dispatch": "2026-09-16",
    "02_contour-lines-thread": "2026-09-17",
    "03_beacon-wire": "2026-09-18",
    "04_vendara-mfa-briefing": "2026-09-21",
    "05_rso-mission-statement": "2026-09-23",
    "06_lissen-chronicle-feature": "2026-09-26",
    "07_verity-fact-check": "2026-09-29",
    "08_sivar-weekly-newsletter": "2026-10-06",
}
NOT_CLAIM_LINES = re.compile(r"^(Q \(|Claim:|Correction:)")
QUESTION = re.compile(r"^Q \(([^)]+)\): ")
ANSWER = re.compile(r"^(IRENA VALKOVA \(Spokesperson\)|VALKOVA): ")
POST = re.compile(r"^(\d+)/ ")
OUTLETS = ("SEVPRESS", "Radio Lissen", "Beacon", "The Lissen Chronicle",
           "Serevian State Television", "Contour Lines", "Verity Desk")
MAX_LINE = 100


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, with their line breaks folded into spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def check_dispatch(doc: str, raw: str, errors: list[str]) -> None:
    """The state agency's official voice: dateline, the ministry's attribution, long titles."""
    dateline = re.search(r"^[A-Z]+, \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d \(SEVPRESS\) - ", raw,
                         re.MULTILINE)
    titles = len(re.findall(r"of the Republic of\s+Serevia", raw))
    if not raw.startswith("SEVPRESS") or not dateline or titles < 4 \
            or "the Defence Ministry said" not in raw:
        errors.append(f"{doc}: the dispatch needs its agency name, dateline, 'the Defence Ministry "
                      f"said' and long official titles ({titles} found)")


def check_thread(doc: str, raw: str, errors: list[str]) -> None:
    """A blog page whose article is a thread of numbered posts, one <p> each."""
    for part in ("<nav", "<footer"):
        if part not in raw:
            errors.append(f"{doc}: the blog page lacks its {part!r} boilerplate")
    if not re.search(r'href="#comments">\d+ comments<', raw):
        errors.append(f"{doc}: the blog page lacks its comments count")
    posts = [int(m.group(1)) for p in article_paragraphs(raw) if (m := POST.match(p.strip()))]
    if len(posts) < 10 or posts != list(range(1, len(posts) + 1)):
        errors.append(f"{doc}: the thread needs numbered posts 1/, 2/ ... in order, one <p> each")


def check_wire(doc: str, raw: str, lines: list[str], errors: list[str]) -> None:
    """Headline, "(Updates with ...)" under it, dateline, anonymous sources and the footer."""
    text = [line for line in lines if line]
    if len(text) < 2 or not text[1].startswith("(Updates with "):
        errors.append(f"{doc}: the wire needs an '(Updates with ...)' line under its headline")
    if not re.search(r"^[A-Z/]+, [A-Z][a-z]+ \d{1,2}, \d{4} \(Beacon\) - ", raw, re.MULTILINE):
        errors.append(f"{doc}: the wire needs its dateline")
    flat = " ".join(raw.split()).lower()
    for phrase in ("a senior military source", "two people familiar with the matter"):
        if phrase not in flat:
            errors.append(f"{doc}: the wire should quote {phrase!r}")
    footer = paragraphs(raw)[-1]
    if not (footer.startswith("(Reporting by ") and "; Editing by " in footer
            and footer.endswith(")")):
        errors.append(f"{doc}: the wire needs a '(Reporting by ...; Editing by ...)' footer")


def check_briefing(doc: str, lines: list[str], errors: list[str]) -> None:
    """Labelled answers; each reporter's question on one "Q (outlet):" line ending with '?'."""
    questions = [i for i, line in enumerate(lines) if QUESTION.match(line)]
    answers = [line for line in lines if ANSWER.match(line)]
    outlets = {QUESTION.match(lines[i]).group(1) for i in questions}
    if len(questions) < 6 or len(outlets) < 4 or len(answers) < len(questions):
        errors.append(f"{doc}: the transcript needs labelled answers and questions "
                      f"({len(questions)} questions from {len(outlets)} outlets)")
    for i in questions:
        if not lines[i].endswith("?") or (i + 1 < len(lines) and lines[i + 1]):
            errors.append(f"{doc}: a question should fit on one line and end with '?'")
        if i + 2 >= len(lines) or not ANSWER.match(lines[i + 2]):
            errors.append(f"{doc}: a question should be followed by the spokesperson's answer")


def check_statement(doc: str, lines: list[str], errors: list[str]) -> None:
    """Numbered paragraphs, then a "Notes:" block of lettered notes."""
    numbers = [int(m.group(1)) for m in map(re.compile(r"^(\d+)\. ").match, lines) if m]
    if len(numbers) < 10 or numbers != list(range(1, len(numbers) + 1)):
        errors.append(f"{doc}: the statement needs numbered paragraphs 1., 2. ... in order")
    if "Notes:" not in lines:
        errors.append(f"{doc}: the statement needs a 'Notes:' block")
        return
    notes = lines[lines.index("Notes:") + 1:]
    if sum(bool(re.match(r"^\([a-z]\) ", line)) for line in notes) < 3:
        errors.append(f"{doc}: the 'Notes:' block needs lettered notes")


def check_feature(doc: str, raw: str, errors: list[str]) -> None:
    """Byline, a doctor, a local official, quoted villagers and a final correction."""
    paras = paragraphs(raw)
    quotes = sum(p.startswith('"') or ' "' in p for p in paras)
    if not re.search(r"^By [A-Z][a-z]+ [A-Z][a-z]+ in ", raw, re.MULTILINE) or "Dr " not in raw \
            or "head of the Sivar district administration" not in raw or quotes < 5 \
            or not paras[-1].startswith("Correction:"):
        errors.append(f"{doc}: the feature needs a byline, a doctor, a local official, quotes "
                      "and a final correction")


def check_fact_check(doc: str, lines: list[str], errors: list[str]) -> None:
    """One "Claim:" line, then one "Verdict:" line."""
    claims = [i for i, line in enumerate(lines) if line.startswith("Claim:")]
    verdicts = [i for i, line in enumerate(lines) if line.startswith("Verdict:")]
    if len(claims) != 1 or len(verdicts) != 1 or verdicts[0] < claims[0] \
            or (claims[0] + 1 < len(lines) and lines[claims[0] + 1]):
        errors.append(f"{doc}: the fact-check needs one one-line 'Claim:' and one 'Verdict:' "
                      "after it")


def check_newsletter(doc: str, raw: str, lines: list[str], errors: list[str]) -> None:
    """Markdown-like: a "# " title, "## " headings, "- " items relaying other outlets."""
    heads = [line for line in lines if line.startswith("## ")]
    items = [line for line in lines if line.startswith("- ")]
    flat = " ".join(raw.split())
    missing = [o for o in OUTLETS if o not in flat]
    if not raw.startswith("# ") or len(heads) < 6 or len(items) < 12 or len(missing) > 2 \
            or "which cited" not in flat or "according to" not in flat.lower():
        errors.append(f"{doc}: the newsletter needs its title, headings, items and relays of "
                      f"other outlets (missing {missing})")


def check_layout(files: dict, texts: dict, errors: list[str]) -> None:
    """Each document keeps the format it was written to test."""
    for doc, raw in texts.items():
        lines = [line.strip() for line in raw.splitlines()]
        check_line_width(doc, raw, MAX_LINE, errors)
        check_feed_and_page(doc, raw, files[doc], PUBLISHED.get(doc), r"^(\d\d):(\d\d) —", errors)
        if doc.startswith("01_"):
            check_dispatch(doc, raw, errors)
        if doc.startswith("02_"):
            check_thread(doc, raw, errors)
        if doc.startswith("03_"):
            check_wire(doc, raw, lines, errors)
        if doc.startswith("04_"):
            check_briefing(doc, lines, errors)
        if doc.startswith("05_"):
            check_statement(doc, lines, errors)
        if doc.startswith("06_"):
            check_feature(doc, raw, errors)
        if doc.startswith("07_"):
            check_fact_check(doc, lines, errors)
        if doc.startswith("08_"):
            check_newsletter(doc, raw, lines, errors)


if __name__ == "__main__":
    sys.exit(run(Story(HERE, FIRST_DAY, PUBLISHED, NOT_CLAIM_LINES, check_layout)))
