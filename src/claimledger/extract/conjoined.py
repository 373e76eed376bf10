"""Conjoined reported clauses: "X said that A, and that B" reports two claims, not one.

Each "that" clause after the first answers its own question and carries its own hedge ("said the ship had
been 60 miles out, and that there had probably been casualties"): one content would give both the
figure of the first and the hedge of the second. ``split_conjoined`` cuts such a content where a
coordinated clause opens with its own "that", so each becomes its own claim with the same source and cue.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.model import Span as CharSpan

CONJUNCTIONS = frozenset({"and", "but"})


def split_conjoined(doc: Doc, content: list[CharSpan]) -> list[list[CharSpan]]:
    """``content`` as one or more claims' contents; only a single-piece content is ever cut."""
    if len(content) != 1:
        return [content]
    a, b = content[0]
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or len(span) < 6:
        return [content]
    cuts = [m for m in span if _opens_conjoined_clause(m, span.start, span.end)]
    if not cuts:
        return [content]
    pieces, start = [], a
    for mark in cuts:
        end = _end_before(doc, mark.i)
        if end is None or end <= start:
            return [content]
        pieces.append([(start, end)])
        start = mark.idx
    pieces.append([(start, b)])
    return pieces


def conjoined_that(tok: Token) -> bool:
    """Whether ``tok`` is the "that" of "and that ..." / "but that ...", opening a coordinated clause."""
    return tok.lower_ == "that" and tok.dep_ == "mark" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in CONJUNCTIONS


def end_of_nested_report(cue: Token) -> int | None:
    """Where the content of a cue inside another's report ends, when the reporter's own next clause
    follows: "she told MPs that [the commander had told her that no gas was fired], and that she had no
    reason to doubt him" -- the "and that" clause is coordinated with the clause the cue heads, so it is
    the reporter's, not the commander's. None when no such clause follows."""
    if cue.dep_ != "ccomp" or cue.head.i == cue.i:
        return None
    for verb in cue.rights:
        if verb.dep_ != "conj":
            continue
        mark = next((m for m in verb.children if m.i < verb.i and conjoined_that(m)), None)
        if mark is not None:
            return _end_before(cue.doc, mark.i)
    return None


def _opens_conjoined_clause(mark: Token, lo: int, hi: int) -> bool:
    """'that' opening a clause coordinated ("and that ...") with the clause the content is made of."""
    if not conjoined_that(mark) or mark.i - 1 <= lo:
        return False
    verb = mark.head
    if verb.dep_ != "conj" or not lo <= verb.head.i < hi or verb.i < mark.i:
        return False
    first = verb.head
    if lo <= first.head.i < hi and first.head.i != first.i:
        return False  # the first clause sits inside another clause of the content: not the content's own
    if first.pos_ not in {"VERB", "AUX"}:
        return False
    return mark.doc[mark.i - 1].head.i in {first.i, verb.i}


def _end_before(doc: Doc, mark: int) -> int | None:
    """Where the first clause ends: before the conjunction and any comma ahead of the mark."""
    j = mark - 2
    while j >= 0 and (doc[j].is_space or doc[j].text in {",", ";"}):
        j -= 1
    return doc[j].idx + len(doc[j]) if j >= 0 else None


__all__ = ["conjoined_that", "end_of_nested_report", "split_conjoined"]
