"""The outlet's own claims: sentences in the writer's voice that state a figure or date an event.

An article states figures of its own as well as relaying others' ("The search lasted 12 days"; "Objects
downed in February: 4"; "more than 200 people were killed"). Those are claims the outlet makes, and a
reader comparing outlets needs them beside the attributed ones. A sentence is the outlet's own when no
attribution relation touches it (no cue or content of one in it), it holds no quotation, is not a
question or a headline, and states a figure (a count or a measure, not a date or a year) or says when
something happened ("Prosecutors arrested the master on Tuesday": the timeline of a story needs the
dates the outlet gives in its own voice), with no reporting verb in it. Its source is the outlet (none
when the article does not say which it is); it was said when the article was published. It has no
attribution spans: there is no source, cue or content to mark.

A press or news release is different: the organisation that issues it speaks in every sentence, so each
statement in its own voice is its claim, with or without a figure ("No tear gas was carried or used by
officers", "Divers have suspended their search"). Appeals ("We ask people not to share it"),
condolences, list headings and the closing "About the company" boilerplate are not claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from claimledger.extract.content_spans import fronted_clause_end, trimmed
from claimledger.extract.figures import extract_figures
from claimledger.extract.interview import QUESTION_LABEL, first_person, statement
from claimledger.extract.quotes import find_quotes
from claimledger.extract.relation import Relation
from claimledger.model import Figure, Party, Span
from claimledger.parse import REPORTING_LEMMAS

KIND = "own"


# lines that mark a statement issued by the organisation itself: a press or news release
RELEASE_MARK = re.compile(r"(?im)^[ \t]*(for immediate release|(?:press|news|media) release|issued:.*|-?ends-?|###"
                          r"|media (?:contact|enquiries|inquiries):.*|notes? to editors:?|notes:"
                          r"|(?:joint |official |public )?statement(?: (?:on|by|from|of) [^.\n]{1,80})?)[ \t]*$")
# the closing boilerplate of a release: "About Vantrell Northern" and what follows it
ABOUT_LINE = re.compile(r"(?m)^[ \t]*About (?:the )?[A-Z][^.\n]{0,60}$")
# a list item's number the parser split off as a sentence of its own ("10." before "The aircraft came to rest")
ITEM_NUMBER = re.compile(r"\(?\d{1,3}[.)]")


def release(text: str) -> bool:
    """Whether the text is a press or news release: at least two different release markings ("Press
    release", "Issued: ...", "Media enquiries: ...", "ENDS", "###", a heading "Statement on ...", a closing
    "Notes:")."""
    return len({m.group(1).lower().split(":")[0] for m in RELEASE_MARK.finditer(text)}) >= 2


def own_sentences(doc: Doc, text: str, relations: list[Relation], original: str | None = None,
                  dated: Callable[[Span], bool] | None = None) -> list[tuple[Span, list[Figure]]]:
    """Sentences (trimmed spans) in the writer's voice that state a figure, with their figures, in text order;
    in a release, every statement in the issuer's voice; with ``dated`` (whether a span gives an event
    date), every statement of the writer's that says when something happened. ``original`` is the text
    before its furniture lines ("FOR IMMEDIATE RELEASE", "###") were blanked, where a release shows what
    it is."""
    taken = [span for r in relations for span in ([r.cue] if r.cue else []) + list(r.content)]
    quotes = find_quotes(text)
    marked = original if original is not None else text
    issued = release(marked)
    about = ABOUT_LINE.search(marked) if issued else None
    out = []
    for sent in doc.sents:
        a, b = trimmed(text, sent.start_char, sent.end_char)
        if b - a < 3 or text[a:b].rstrip().endswith("?") or headline(text[a:b]) or ITEM_NUMBER.fullmatch(text[a:b]) \
                or QUESTION_LABEL.match(text, text.rfind("\n", 0, a) + 1):
            continue  # an interviewer's line is a prompt, not the outlet's claim
        if about is not None and a >= about.start():
            break  # the issuer's standing description of itself, not what it says about the story
        if any(x < b and a < y for x, y in taken + quotes):
            # "After Seoul said X, the estimates multiplied to 10,000": past the fronted clause holding
            # the only relation, the main clause is the writer's
            start = _after_fronted_clause(doc, text, (a, b), relations) or _free_conjunct(doc, (a, b), taken)
            if start is not None:
                a = start
            else:
                # "X lowered its demand to $550m, but the owner's insurers say ...": the writer's, before;
                # not in someone's own words ("A is a cumulative figure, and I think ...")
                speaking = any(r.source is not None and first_person(r.source)
                               and r.sentence[0] < b and a < r.sentence[1] for r in relations)
                b = None if speaking else _before_later_clause(doc, (a, b), taken + quotes)
            if b is None or any(x < b and a < y for x, y in taken + quotes):
                continue
        figures = extract_figures(doc, a, b)
        # in a release, a whole sentence that states something (not a clause left beside an attribution)
        whole = b - a == len(text[sent.start_char:sent.end_char].strip())
        if any(stated(f) for f in figures) or (issued and whole and statement(sent)) or \
                (dated is not None and statement(sent) and not _reporting(doc, (a, b)) and dated((a, b))):
            out.append(((a, b), figures))
    return out


def _reporting(doc: Doc, span: Span) -> bool:
    """Whether a reporting verb ("said", "told") sits in the span: someone's words the writer passes on."""
    words = doc.char_span(*span, alignment_mode="expand")
    return words is None or any(t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_LEMMAS for t in words)


def _after_fronted_clause(doc: Doc, text: str, sentence: Span, relations: list[Relation]) -> int | None:
    """Where the main clause starts when every relation of ``sentence`` sits in one adverbial clause put
    before it (``fronted_clause_end``), else None."""
    inside = [r for r in relations if r.cue and sentence[0] <= r.cue[0] < sentence[1]]
    ends = {fronted_clause_end(doc[r.cue_token]) if r.cue_token is not None else None for r in inside}
    if len(ends) != 1 or None in ends:
        return None
    end = ends.pop()
    start = end + len(text[end:sentence[1]]) - len(text[end:sentence[1]].lstrip(" ,;:\u2014-"))
    return start if sentence[1] - start >= 3 else None


def _free_conjunct(doc: Doc, sentence: Span, taken: list[Span]) -> int | None:
    """Where a clause coordinated after every relation of ``sentence`` starts ("Both sides have argued
    about X, and the organisers' number would amount to ..."): the writer's, past what is attributed."""
    span = doc.char_span(*sentence, alignment_mode="expand")
    if span is None:
        return None
    last = max((y for x, y in taken if x < sentence[1] and sentence[0] < y), default=sentence[0])
    for conj in span:
        if conj.dep_ != "conj" or conj.pos_ not in {"VERB", "AUX"} or conj.left_edge.idx < last:
            continue
        # a clause of its own: its own subject, opened by "and"/"but" (not a noun the parser read as a verb)
        opened = conj.left_edge.i > 0 and doc[conj.left_edge.i - 1].dep_ == "cc"
        if opened and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in conj.children):
            return conj.left_edge.idx
    return None


# what opens a later clause of its own: "..., but the insurers say", "..., although most is expected to ..."
LATER_CLAUSE = {"but", "and", "although", "though", "while", "whereas", "yet"}
# openers the parser may hang as an adverb ("..., though well short of the 450 the union claimed")
CONCESSIVE = {"although", "though"}


def _before_later_clause(doc: Doc, sentence: Span, taken: list[Span]) -> int | None:
    """Where the writer's clause ends when every relation of ``sentence`` lies in a clause after it, opened
    by a comma and "but", "and", "although" and the like; None when there is no such clause, or the part
    before it says nothing of its own (no verb)."""
    first = min((x for x, y in taken if x < sentence[1] and sentence[0] < y), default=None)
    span = doc.char_span(*sentence, alignment_mode="expand")
    if first is None or span is None:
        return None
    opener = next((t for t in reversed(span) if t.idx < first and t.lower_ in LATER_CLAUSE and t.i > span.start
                   and doc[t.i - 1].text == "," and (t.dep_ in {"cc", "mark"} or t.lower_ in CONCESSIVE)), None)
    if opener is None or any(x < opener.idx and sentence[0] < y for x, y in taken):
        return None
    before = doc[span.start:opener.i - 1]
    if len(before) < 3 or not any(t.pos_ in {"VERB", "AUX"} for t in before):
        return None
    return before.end_char


def headline(line: str) -> bool:
    """A headline or a link to another story ("Poland 2050 Leader Weighs Presidential Bid"): most words
    capitalised and no closing full stop. What it states, the body states in full."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if line.rstrip().endswith((".", "!")) or len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def stated(figure: Figure) -> bool:
    """A figure worth a claim of the writer's: not a bare year-like number ("Poland 2050", a party's
    name; counts that size are written "2,050")."""
    return not (figure.kind == "exact" and re.fullmatch(r"1[89]\d\d|20\d\d", figure.text.strip()))


def outlet_party(outlet: str | None) -> Party | None:
    """The outlet as the source of its own claims."""
    return Party(text=outlet, entity=outlet, kind="outlet") if outlet else None


__all__ = ["KIND", "outlet_party", "own_sentences"]
