"""The checks a story corpus's ``verify.py`` runs on its gold file, for the corpora whose gold
follows the full schema (ferry-capsize, mine-collapse, stadium-crush): each ``verify.py`` states
its own story (first day, publication dates, the lines that are no claims, its documents' layout)
and calls ``run``.

Checks that gold.json follows the schema and that every annotation can be found in its document:
  - top-level keys, claim fields, unique ids, valid stances, figure kinds and dates;
  - every evidence is a verbatim substring of its document (for .html, of the raw file,
    inside one <p> of the <article>, with no HTML entity or tag in it);
  - no evidence lies on a line that is not a claim (``Story.not_claim_lines``);
  - no claim's evidence is a substring of another claim's evidence in the same document
    (dates_only checks are compared only with each other: they repeat a claim's evidence);
  - every dates_only check repeats the evidence (or a leading part of it), the proposition
    and the stance of a claim of the same document;
  - every figure value appears as a number in its evidence; a "range" figure has "between" in it;
  - every proposition id is shared by at least one non-date claim;
  - dates of dates_only checks fall between the story's first day and the document's
    publication date;
  - every number written in digits in a document is either a gold figure of that document
    or listed in ignore_figures (so a system is not penalised for a number nobody annotated);
  - each document has 300-700 words (for .html, the text of the <article>);
  - the story's own layout checks (``Story.check_layout``).

Standard library only.
"""
from __future__ import annotations

import datetime
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from goldcheck import (
    KINDS,
    STANCES,
    TOP_KEYS,
    article_paragraphs,
    numbers_in_text,
    same,
    valid_date,
    visible_words,
)

CLAIM_KEYS = {"id", "doc", "evidence", "sources", "via", "stance", "figure", "proposition",
              "claim_date", "event_date", "dates_only"}


@dataclass
class Story:
    here: Path  # the corpus folder: gold.json and corpus/
    first_day: datetime.date  # no dated claim comes before it
    published: dict[str, str]  # publication date of each document (ISO)
    not_claim_lines: re.Pattern  # lines no evidence may lie on (questions, Claim:, corrections)
    # the story's own layout checks: (files, texts, errors)
    check_layout: Callable[[dict, dict, list[str]], None]


def is_str_list(value, allow_empty: bool) -> bool:
    return (isinstance(value, list) and (allow_empty or bool(value))
            and all(isinstance(s, str) and s for s in value))


def check_figure(c: dict, errors: list[str]) -> None:
    cid, ev, f = c.get("id", "?"), c.get("evidence", ""), c["figure"]
    if c.get("dates_only"):
        errors.append(f"{cid}: dates_only entries carry no figure")
    if not isinstance(f, dict) or set(f) != {"value", "kind", "unit"}:
        errors.append(f"{cid}: figure must have value, kind, unit")
    elif not isinstance(f["value"], (int, float)) or isinstance(f["value"], bool):
        errors.append(f"{cid}: figure value must be a number")
    elif f["kind"] not in KINDS:
        errors.append(f"{cid}: invalid figure kind {f['kind']!r}")
    elif not any(same(v, float(f["value"])) for v in numbers_in_text(ev, words=True)):
        errors.append(f"{cid}: figure value {f['value']} not found in evidence {ev!r}")
    elif f["kind"] == "range" and "between" not in ev:
        errors.append(f"{cid}: range figure without 'between' in its evidence")


def check_claim(story: Story, c: dict, files: dict, texts: dict, errors: list[str]) -> None:
    cid = c.get("id", "?")
    for key in ("id", "doc", "evidence", "sources", "via", "stance", "proposition"):
        if key not in c:
            errors.append(f"{cid}: missing {key}")
    for key in set(c) - CLAIM_KEYS:
        errors.append(f"{cid}: unknown field {key!r}")
    if c.get("stance") not in STANCES:
        errors.append(f"{cid}: invalid stance {c.get('stance')!r}")
    if not c.get("proposition") or not isinstance(c.get("proposition"), str):
        errors.append(f"{cid}: missing proposition id")
    if not is_str_list(c.get("sources"), allow_empty=False):
        errors.append(f"{cid}: sources must be a non-empty list of strings")
    if not is_str_list(c.get("via"), allow_empty=True):
        errors.append(f"{cid}: via must be a list of strings")
    if "dates_only" in c and c["dates_only"] is not True:
        errors.append(f"{cid}: dates_only must be true when present")
    ev = c.get("evidence", "")
    if "figure" in c:
        check_figure(c, errors)
    if c.get("dates_only"):
        check_dates(story, c, errors)
    else:
        for key in ("claim_date", "event_date"):
            if key in c:
                errors.append(f"{cid}: {key} only belongs on dates_only entries")

    doc = c.get("doc")
    if doc not in files:
        errors.append(f"{cid}: no document {doc!r} in corpus/")
        return
    raw = texts[doc]
    if not ev or ev != ev.strip():
        errors.append(f"{cid}: evidence is empty or has surrounding spaces")
    if ev not in raw:
        errors.append(f"{cid}: evidence not a substring of {doc}: {ev!r}")
        return
    for line in raw.splitlines():
        if ev in line and story.not_claim_lines.match(line.strip()):
            errors.append(f"{cid}: evidence lies on a question, Claim: or correction line")
    if files[doc].suffix == ".html":
        if re.search(r"&#?\w+;|[<>]", ev):
            errors.append(f"{cid}: evidence contains an HTML entity or tag")
        if not any(ev in p for p in article_paragraphs(raw)):
            errors.append(f"{cid}: evidence not inside one <p> of the article")


def check_dates(story: Story, c: dict, errors: list[str]) -> None:
    cid = c.get("id", "?")
    if "claim_date" not in c and "event_date" not in c:
        errors.append(f"{cid}: dates_only without claim_date or event_date")
    found = []
    if "claim_date" in c:
        if valid_date(c["claim_date"]):
            found.append(c["claim_date"])
        else:
            errors.append(f"{cid}: bad claim_date {c['claim_date']!r}")
    if "event_date" in c:
        ev = c["event_date"]
        if isinstance(ev, dict) and valid_date(ev.get("start")) and valid_date(ev.get("end")):
            found += [ev["start"], ev["end"]]
            if ev["start"] > ev["end"]:
                errors.append(f"{cid}: event_date starts after it ends")
        else:
            errors.append(f"{cid}: bad event_date {ev!r}")
    published = story.published.get(c.get("doc"))
    for d in found:
        day = datetime.date.fromisoformat(d)
        if day < story.first_day or (published and day > datetime.date.fromisoformat(published)):
            errors.append(f"{cid}: date {d} outside {story.first_day.isoformat()}..{published}")


def check_date_twins(claims: list[dict], errors: list[str]) -> None:
    """A dates_only check repeats (a leading part of) a claim of the same document."""
    plain = [c for c in claims if not c.get("dates_only")]
    for d in claims:
        if not d.get("dates_only"):
            continue
        twins = [c for c in plain if c.get("doc") == d.get("doc")
                 and c.get("evidence", "").startswith(d.get("evidence", "\0"))]
        if not twins:
            errors.append(f"{d.get('id')}: dates_only evidence repeats no claim's evidence")
        elif not any(c.get("proposition") == d.get("proposition")
                     and c.get("stance") == d.get("stance") for c in twins):
            errors.append(f"{d.get('id')}: proposition or stance differs from its claim")


def check_numbers(files: dict, texts: dict, gold: dict, errors: list[str]) -> None:
    """Every number in digits is a gold figure of its document or in ignore_figures."""
    claims = gold.get("claims", [])
    ignore = gold.get("ignore_figures", {})
    for doc in ignore:
        if doc not in files:
            errors.append(f"ignore_figures: unknown document {doc!r}")
    for doc, raw in texts.items():
        gold_vals = [float(c["figure"]["value"]) for c in claims
                     if c.get("doc") == doc and "figure" in c]
        allowed = gold_vals + [float(v) for v in ignore.get(doc, [])]
        if doc not in ignore:
            errors.append(f"ignore_figures: no entry for {doc}")
        for v in numbers_in_text(raw):
            if not any(same(v, a) for a in allowed):
                errors.append(f"{doc}: number {v:g} is neither a gold figure "
                              "nor in ignore_figures")
        n = visible_words(files[doc], raw)
        if not 300 <= n <= 700:
            errors.append(f"{doc}: {n} words, outside 300-700")


def check_newest_first(doc: str, raw: str, stamp: str, errors: list[str]) -> None:
    """A live blog's entries, stamped by ``stamp`` (a pattern whose two groups are the hour and
    the minute), run newest first, five at least."""
    minutes = [int(h) * 60 + int(m) for h, m in re.findall(stamp, raw, re.M)]
    if len(minutes) < 5 or minutes != sorted(minutes, reverse=True):
        errors.append(f"{doc}: live-blog entries are not newest first")


def check_time_datetime(doc: str, raw: str, published: str | None, errors: list[str]) -> None:
    """An HTML page is dated by a <time datetime> on its publication date."""
    m = re.search(r'<time datetime="(\d{4}-\d\d-\d\d)T', raw)
    if not m or m.group(1) != published:
        errors.append(f"{doc}: <time datetime> does not match {published}")


def check_line_width(doc: str, raw: str, max_line: int, errors: list[str]) -> None:
    """No line of the document is longer than ``max_line`` characters (the corpora are wrapped by hand)."""
    too_long = [n for n, line in enumerate(raw.splitlines(), 1) if len(line) > max_line]
    if too_long:
        errors.append(f"{doc}: lines longer than {max_line} characters: {too_long[:5]}")


def check_feed_and_page(doc: str, raw: str, path: Path, published: str | None, stamp: str,
                        errors: list[str]) -> None:
    """The layout most stories share: a live blog (a document named "live") runs newest first by
    ``stamp`` (see check_newest_first), and an HTML page is dated by its <time datetime>."""
    if "live" in doc:
        check_newest_first(doc, raw, stamp, errors)
    if path.suffix == ".html":
        check_time_datetime(doc, raw, published, errors)


def run(story: Story) -> int:
    """Every check on the story's gold; prints a summary and the problems. Exit status 0 if
    everything passes, 1 otherwise."""
    errors: list[str] = []
    gold = json.loads((story.here / "gold.json").read_text(encoding="utf-8"))
    corpus = story.here / "corpus"
    slug = story.here.name

    if set(gold) != TOP_KEYS:
        errors.append(f"top-level keys {sorted(gold)} != {sorted(TOP_KEYS)}")
    if not str(gold.get("corpus", "")).endswith(f"{slug}/corpus"):
        errors.append(f"corpus path should point at benchmarks/stories/{slug}/corpus")
    if not isinstance(gold.get("note"), str) or len(gold.get("note", "")) < 500:
        errors.append("note is missing or too short")

    files = {p.stem: p for p in corpus.iterdir() if p.is_file()}
    texts = {stem: p.read_text(encoding="utf-8") for stem, p in files.items()}
    claims = gold.get("claims", [])
    for doc in files:
        if doc not in story.published:
            errors.append(f"{doc}: no publication date in verify.py")

    ids = Counter(c.get("id") for c in claims)
    for cid, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {cid}")
    for c in claims:
        check_claim(story, c, files, texts, errors)
    check_date_twins(claims, errors)

    # nesting: no evidence inside another one in the same document
    by_doc = defaultdict(list)
    for c in claims:
        by_doc[(c.get("doc"), bool(c.get("dates_only")))].append(c)
    for (doc, _dates), group in by_doc.items():
        for a in group:
            for b in group:
                if a is not b and a.get("evidence", "") in b.get("evidence", ""):
                    errors.append(f"{a.get('id')}: evidence is a substring of "
                                  f"{b.get('id')}'s ({doc})")

    # propositions: every dates_only proposition is one some claim has
    props = Counter(c.get("proposition") for c in claims if not c.get("dates_only"))
    for c in claims:
        if c.get("dates_only") and c.get("proposition") not in props:
            errors.append(f"{c.get('id')}: dates_only proposition {c.get('proposition')!r} "
                          "has no claim")

    check_numbers(files, texts, gold, errors)
    story.check_layout(files, texts, errors)

    docs_with_claims = {c.get("doc") for c in claims}
    for doc in files:
        if doc not in docs_with_claims:
            errors.append(f"{doc}: no claims annotated")

    n_claims = sum(1 for c in claims if not c.get("dates_only"))
    n_dates = sum(1 for c in claims if c.get("dates_only"))
    stances = Counter(c.get("stance") for c in claims if not c.get("dates_only"))
    kinds = Counter(c["figure"]["kind"] for c in claims if isinstance(c.get("figure"), dict))
    n_fig = sum(kinds.values())
    n_via = sum(1 for c in claims if c.get("via") and not c.get("dates_only"))
    print(f"documents: {len(files)}  claims: {n_claims}  with figure: {n_fig}  "
          f"with via: {n_via}  propositions: {len(props)}  dates_only checks: {n_dates}")
    print("stances: " + ", ".join(f"{k} {v}" for k, v in sorted(stances.items())))
    print("figure kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all checks passed")
    return 0
