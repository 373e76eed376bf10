"""When a claim was made (``claim_date``) and when what it states happened (``event_date``).

A date in the reporting clause ("... the agency said on Friday") dates the claim; a date inside the
content ("... troops arrived between October 8 and October 13") dates the event. Expressions without
a year are resolved against the article's anchor:

- the publication date when the input gives one; the anchor is then *certain*, and relative
  expressions ("on Wednesday", "last week", "two days ago") are resolved against it;
- otherwise the latest full date the article itself states ("Friday, October 18" counts: the weekday
  fixes the year). Such an anchor is only a lower bound of the publication date, so it fixes years
  but not relative days: "on Wednesday" stays null rather than being guessed.

Nothing is ever resolved against today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from claimledger.model import DateRange, Span
from claimledger.parse import doc_text
from claimledger.timeexpr import WEEKDAYS, TimeExpression, find_time_expressions

_RELATIVE_KINDS = {"weekday", "relative", "ago"}
_ANCHOR_SCAN_CHARS = 200_000


@dataclass(frozen=True)
class Anchor:
    """The reference date of an article and whether it is its known publication date."""

    date: dt.date
    certain: bool


def document_anchor(doc: Doc, published: str | None) -> Anchor | None:
    """The article's publication date, else the latest full date stated in its text, else None."""
    if published:
        try:
            return Anchor(dt.date.fromisoformat(published[:10]), True)
        except ValueError:
            pass
    latest: dt.date | None = None
    for expr in find_time_expressions(doc_text(doc)[:_ANCHOR_SCAN_CHARS]):
        if expr.date is None or expr.kind not in ("iso", "numeric", "md", "dm", "md_range", "dm_range"):
            continue
        if not (expr.explicit_year or "," in expr.text or _has_weekday(expr)):
            continue
        day = dt.date.fromisoformat(expr.date.end)
        latest = day if latest is None or day > latest else latest
    return Anchor(latest, False) if latest else None


def _has_weekday(expr: TimeExpression) -> bool:
    words = expr.text.split()
    return bool(words) and words[0].rstrip(",.").lower() in WEEKDAYS


def _resolved(text: str, offset: int, anchor: Anchor | None) -> list[TimeExpression]:
    """The dated expressions of ``text`` (offsets shifted by ``offset``), relative ones only on a certain anchor."""
    exprs = find_time_expressions(text, anchor.date if anchor else None)
    out = []
    for e in exprs:
        if e.date is None or (e.kind in _RELATIVE_KINDS and (anchor is None or not anchor.certain)):
            continue
        out.append(TimeExpression(e.start + offset, e.end + offset, e.text, e.kind, e.date, e.explicit_year))
    return out


def claim_dates(doc: Doc, sentence: Span, cue: Span | None, content: list[Span],
                anchor: Anchor | None) -> tuple[str | None, DateRange | None]:
    """(claim_date ISO day or None, event_date range or None) of one claim."""
    text = doc_text(doc)[sentence[0]:sentence[1]]
    exprs = _resolved(text, sentence[0], anchor)
    if not exprs:
        return None, None
    if anchor is None:
        # a weekday-dated expression in the sentence fixes the year of the others ("Friday, October 18")
        days = [dt.date.fromisoformat(e.date.end) for e in exprs]
        exprs = _resolved(text, sentence[0], Anchor(max(days), False))

    def inside(e: TimeExpression) -> bool:
        return any(a <= e.start and e.end <= b for a, b in content)

    # "announced the resignation on Monday": inside the content's span, but it dates the announcing
    on_cue = [e for e in exprs if cue and inside(e) and _attached_to(doc, e, cue)]
    reporting = [e for e in exprs if not inside(e)] + on_cue
    # "last week's clashes" names a thing by its time; it does not date the saying
    reporting = [e for e in reporting if not _possessive(text, e.end - sentence[0])] or reporting
    stated = [e for e in exprs if inside(e)]
    claim_date = None
    if reporting:
        # the expression nearest the cue is the one that dates the saying
        near = min(reporting, key=lambda e: _distance(e, cue)) if cue else reporting[0]
        if near.is_day:
            claim_date = near.date.start
    if claim_date:
        # what the source calls "yesterday" or "on Monday" is relative to when it spoke, not to publication
        said = Anchor(dt.date.fromisoformat(claim_date), True)
        again = {e.start: e for e in _resolved(text, sentence[0], said)}
        fixed = {e.start: e for e in stated if e.kind not in _RELATIVE_KINDS}
        fixed.update({e.start: e for e in again.values() if e.kind in _RELATIVE_KINDS and inside(e)})
        stated = sorted(fixed.values(), key=lambda e: e.start)
    event_date = stated[0].date if stated else None
    return claim_date, event_date


# a speaker's label before the fragment: "Zaretskaya: On Saturday."
_LABEL = re.compile(r"^[A-Z][\w.'\- ]{0,40}:\s*")
# what may stand before the day in such a fragment: "On Saturday.", "Only on Monday."
_LEADS = {"on", "only on", "early on", "late on", "since", "until"}


def answered_date(doc: Doc, start: int, anchor: Anchor | None) -> str | None:
    """The day a fragment just before ``start`` in the same paragraph names, when the fragment is
    nothing but that day: "On Saturday. The mother of a sailor told me ..." tells when she said it."""
    text = doc_text(doc)
    at = start - 1  # the fragment's last character, found without copying all the text before it
    while at >= 0 and text[at].isspace():
        at -= 1
    if at < 0 or text[at] not in ".!":
        return None
    token = doc.char_span(at, at + 1, alignment_mode="expand")
    if token is None:
        return None
    if "\n" in text[at:start]:
        return None  # a paragraph of its own answers nothing in the next one
    sent = token[0].sent
    label = _LABEL.match(text[sent.start_char:at])
    offset = sent.start_char + (label.end() if label else 0)
    fragment = text[offset:at]
    exprs = _resolved(fragment, offset, anchor)
    if len(exprs) != 1 or not exprs[0].is_day:
        return None
    rest = fragment[:exprs[0].start - offset] + fragment[exprs[0].end - offset:]
    return exprs[0].date.start if not rest.strip(" ,") or rest.strip(" ,").lower() in _LEADS else None


def _attached_to(doc: Doc, e: TimeExpression, cue: Span) -> bool:
    """Whether the time expression modifies the cue word itself ("described it as a riot on Wednesday"),
    directly or through its preposition, rather than a word of the content."""
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return cue[0] <= head.idx < cue[1]


def _possessive(text: str, end: int) -> bool:
    """Whether the expression ending at ``end`` of ``text`` takes a possessive ("last week's")."""
    return text[end:end + 2] in {"'s", "\u2019s"}


def _distance(e: TimeExpression, cue: Span) -> int:
    if e.end <= cue[0]:
        return cue[0] - e.end
    if e.start >= cue[1]:
        return e.start - cue[1]
    return 0


__all__ = ["Anchor", "answered_date", "claim_dates", "document_anchor"]
