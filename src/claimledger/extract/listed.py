"""Findings set out as a list: each item is the claim of the list's author, not the outlet's.

A report digest introduces a body's report and then gives its findings item by item ("The board has
published its preliminary report ... Its main findings are below", then "1. There were 187 people on
board ...", "2. Five occupants died ..."); an article may do the same with "The audit found:" and a run
of bullets. No verb in an item says who states it, yet every item is the report's, and its author is
the source. A list counts when it has at least two numbered or bulleted items and the paragraph before
it (with any short heading between, "Findings") speaks of findings or conclusions; its author is
whoever that paragraph says produced the report or the findings:

* the subject of publishing a report ("The Board has published its preliminary report");
* the owner or maker of the report or findings ("the audit office's findings", "a review by Kestrel");
* the subject that found ("Inspectors found:", followed by the list).

Items that hold an attribution of their own keep it ("the board could not confirm that ..."); what else an
item states, sentence by sentence, becomes a ``listed`` relation with the author as its source and no cue.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimledger.extract.content_spans import trimmed
from claimledger.extract.relation import Relation
from claimledger.extract.source_phrases import core_span
from claimledger.extract.sources import SourceResolver
from claimledger.model import Span as CharSpan
from claimledger.parse import doc_text, pobj_of

KIND = "listed"

# a list item's opening: "1." or "1)" or a bullet, at the start of a line
_ITEM = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.)]|[-*\u2022\u2013])[ \t]+(?=\S)")
_BLANK = re.compile(r"\n[ \t]*\n")
# what the paragraph before the list says the items are
_FINDINGS = re.compile(r"\b(?:findings?|conclusions?|found|finds|concluded|concludes)\b", re.IGNORECASE)
# a heading between that paragraph and the list: a short line that is not a sentence
HEADING_WORDS = 6
MIN_ITEMS = 2

# what a body produces that holds findings, and what it does with it (not ``source_phrases.WORK_NOUNS``, the work
# whose author a "by" names, nor ``combine.INQUIRY_NOUNS``, what is cited as a source inside another's report)
REPORT_WORKS = {"report", "study", "review", "analysis", "investigation", "inquiry", "audit", "survey",
              "assessment", "finding", "conclusion", "paper", "inspection", "evaluation"}
ISSUING_VERBS = {"publish", "release", "issue", "present", "deliver", "submit", "produce", "complete",
                 "compile", "unveil", "table"}
FINDING_VERBS = {"find", "conclude"}
NAMED = {"PROPN"}
NAMED_ENTS = {"ORG", "PERSON", "NORP", "GPE"}


def listed_relations(doc: Doc, resolver: SourceResolver, relations: list[Relation]) -> list[Relation]:
    """A ``listed`` relation for each item sentence of a findings list that no relation in ``relations``
    touches, its source the list's author."""
    text = doc_text(doc)
    taken = [span for r in relations for span in ([r.cue] if r.cue else []) + list(r.content)]
    out = []
    for items, intro in _lists(text):
        author = _author(doc, intro)
        if author is None:
            continue
        party = resolver.party(author, full_span=core_span(author))
        source_span = (party.span or (author.idx, author.idx + len(author)))
        for start, end in items:
            item = doc.char_span(start, end, alignment_mode="expand")
            for sent in item.sents if item is not None else []:
                a, b = max(sent.start_char, start), min(sent.end_char, end)
                a, b = trimmed(text, a, b)
                if b - a < 3 or any(x < b and a < y for x, y in taken):
                    continue
                part = doc.char_span(a, b, alignment_mode="expand")
                if part is None or not any(t.pos_ in {"VERB", "AUX"} for t in part):
                    continue  # every sentence of a finding states it, however the parser reads its subject
                out.append(Relation(sentence=(a, b), cue=None, cue_lemma="", content=[(a, b)], source=party,
                                    source_span=source_span, kind=KIND))
    return out


def _lists(text: str) -> list[tuple[list[CharSpan], CharSpan]]:
    """Each run of at least two list items, as the items' spans (past their markers) with the span of the
    paragraph that introduces them, when that paragraph (and any heading between) speaks of findings."""
    paragraphs = _paragraphs(text)
    out = []
    k = 0
    while k < len(paragraphs):
        first = k
        run = []
        while k < len(paragraphs) and _ITEM.match(text, paragraphs[k][0]):
            run.append(paragraphs[k])
            k += 1
        if len(run) < MIN_ITEMS:
            k += 1 if not run else 0
            continue
        intro = _introduction(text, paragraphs[:first])
        if intro is not None:
            items = [(_ITEM.match(text, a).end(), b) for a, b in run]
            out.append((items, intro))
    return out


def _paragraphs(text: str) -> list[CharSpan]:
    """Paragraphs (blank-line separated), with each list item its own paragraph even without a blank line
    between items."""
    out = []
    start = 0
    for m in [*_BLANK.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        block = text[start:end]
        cuts = [i.start() for i in _ITEM.finditer(block)]
        bounds = sorted({0, *cuts})
        for x, y in zip(bounds, [*bounds[1:], len(block)], strict=True):
            a, b = trimmed(text, start + x, start + y)
            if b > a:
                out.append((a, b))
        start = m.end() if m is not None else len(text)
    return out


def _introduction(text: str, before: list[CharSpan]) -> CharSpan | None:
    """The paragraph that introduces a list (past any short headings between), when it or a heading speaks
    of findings; else None."""
    headings = []
    k = len(before) - 1
    while k >= 0 and _heading(text[before[k][0]:before[k][1]]):
        headings.append(before[k])
        k -= 1
    if k < 0:
        return None
    intro = before[k]
    if _ITEM.match(text, intro[0]):
        return None
    if not any(_FINDINGS.search(text, a, b) for a, b in [intro, *headings]):
        return None
    return intro


def _heading(line: str) -> bool:
    return "\n" not in line and len(line.split()) <= HEADING_WORDS and not line.rstrip().endswith((".", "!", "?", ":"))


def _author(doc: Doc, intro: CharSpan) -> Token | None:
    """Who produced the report or the findings the introducing paragraph speaks of: the subject that
    published it, its named owner or maker, or the subject that found."""
    span = doc.char_span(*intro, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.lemma_.lower() not in REPORT_WORKS or tok.pos_ != "NOUN":
            continue
        maker = _maker(tok)
        if maker is not None:
            return maker
    for tok in span:
        if tok.lemma_.lower() in FINDING_VERBS and tok.pos_ == "VERB":
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            if subject.lemma_.lower() in REPORT_WORKS:
                subject = _maker(subject) or _earlier_maker(span, subject)
            if subject is not None and _named(subject):
                return subject
    return None


def _maker(work: Token) -> Token | None:
    """The named owner of a piece of work ("the board's report"), its maker ("a review by Kestrel", "the
    findings of the inquiry" -> the inquiry's maker), or who published it ("X published its report")."""
    owner = next((c for c in work.children if c.dep_ == "poss"), None)
    if owner is not None and _named(owner):
        return owner
    for prep in work.rights:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"by", "from", "of"}:
            obj = pobj_of(prep)
            if obj is not None and _named(obj):
                return obj
            if obj is not None and obj.lemma_.lower() in REPORT_WORKS:  # "the findings of the inquiry"
                return _maker(obj)
    if work.dep_ == "dobj" and work.head.lemma_.lower() in ISSUING_VERBS:
        subject = next((c for c in work.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and _named(subject):
            return subject
    return None


def _earlier_maker(span: Span, work: Token) -> Token | None:
    """The maker of the work a later mention ("The report found:") takes up, from earlier in the paragraph."""
    for tok in span:
        if tok.i >= work.i:
            break
        if tok.lemma_.lower() == work.lemma_.lower() and tok.pos_ == "NOUN":
            maker = _maker(tok)
            if maker is not None:
                return maker
    return None


def _named(tok: Token) -> bool:
    """Whether a token heads a name, or a definite description of a body ("the board", "the ministry")."""
    if tok.pos_ in NAMED or tok.ent_type_ in NAMED_ENTS:
        return True
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
        and tok.lemma_.lower() not in REPORT_WORKS


__all__ = ["KIND", "listed_relations"]
