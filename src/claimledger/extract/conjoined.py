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
    """Whether ``tok`` is the "that" of "and that ..." / "but that ...", opening a coordinated clause;
    also the middle one of a list ("that A, that B and that C") and a "that" the parser took for the
    determiner of a number ("and that nine were missing": a number takes no "that")."""
    if tok.lower_ != "that" or tok.i == 0:
        return False
    verb = that_verb(tok)
    if verb is None:
        return False
    before = tok.doc[tok.i - 1].lower_
    return before in CONJUNCTIONS or (before == "," and _listed(verb))


def _listed(verb: Token) -> bool:
    """Whether ``verb``'s clause is an item after the first of a list of clauses: coordinated, or the
    middle one of "A, that B and that C", which the parser may attach to A as an adverbial or
    complement clause."""
    if verb.dep_ == "conj":
        return True
    return verb.dep_ in {"advcl", "ccomp"} and any(
        c.dep_ == "conj" and c.i > verb.i and opening_that(c) is not None for c in verb.children)


def that_verb(tok: Token) -> Token | None:
    """The verb of the clause a complementizer "that" opens, or None when ``tok`` opens none."""
    if tok.dep_ == "mark":
        return tok.head
    number = tok.head
    if tok.dep_ == "det" and number.tag_ == "CD" and number.dep_ in {"nsubj", "nsubjpass"} \
            and number.head.i > number.i and number.head.dep_ == "conj":
        return number.head
    return None


def opening_that(verb: Token) -> Token | None:
    """The coordinating "that" which opens ``verb``'s clause ("... and that nine were missing"), if any."""
    for tok in verb.doc[verb.left_edge.i:verb.i]:
        if tok.lower_ == "that" and conjoined_that(tok) and that_verb(tok) == verb:
            return tok
    return None


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
        mark = opening_that(verb)
        if mark is not None:
            return _end_before(cue.doc, mark.i)
    return None


def _opens_conjoined_clause(mark: Token, lo: int, hi: int) -> bool:
    """'that' opening a clause coordinated ("and that ...") with the clause the content is made of."""
    if not conjoined_that(mark) or mark.i - 1 <= lo:
        return False
    verb = that_verb(mark)
    if verb is None or not _listed(verb) or not lo <= verb.head.i < hi or verb.i < mark.i:
        return False
    chain = [verb.head]  # "that A, that B and that C": C's head is B, whose head is A
    while _listed(chain[-1]) and lo <= chain[-1].head.i < hi and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    first = chain[-1]
    if lo <= first.head.i < hi and first.head.i != first.i:
        return False  # the first clause sits inside another clause of the content: not the content's own
    if first.pos_ not in {"VERB", "AUX"}:
        return False
    return mark.doc[mark.i - 1].head.i in {verb.i, *(c.i for c in chain)}


def _end_before(doc: Doc, mark: int) -> int | None:
    """Where the first clause ends: before the conjunction and any comma ahead of the mark."""
    j = mark - 2
    while j >= 0 and (doc[j].is_space or doc[j].text in {",", ";"}):
        j -= 1
    return doc[j].idx + len(doc[j]) if j >= 0 else None


__all__ = ["conjoined_that", "end_of_nested_report", "opening_that", "split_conjoined", "that_verb"]
