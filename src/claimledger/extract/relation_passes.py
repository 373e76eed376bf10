"""Passes over all relations of one article, after each sentence's relations are found.

- nesting: a relation inside another's content is relayed by the outer source ("Reuters reported
  that monitors told the council ..."), or absorbed when it is the outer speaker's evidence;
- quote continuations: a quoted passage right after an attributed one, with no cue, continues it;
- same-source paragraphs;
- interviews: answers belong to the interviewee, through the publisher.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from claimledger.extract.content_spans import open_quote
from claimledger.extract.figures import extract_figures
from claimledger.extract.relation import Relation
from claimledger.extract.speakers import fronted_adjunct
from claimledger.extract.stance import DENIAL_CUES
from claimledger.model import Span as CharSpan
from claimledger.parse import doc_text

# what someone found, concluded or believes: inside another speaker's words it is that speaker's claim
# ("Kirby said intelligence found that ..." is Kirby's claim), unlike an explicit relay ("citing X")
EVIDENTIAL = {"find", "conclude", "assess", "estimate", "show", "indicate", "suggest", "believe", "think",
              "fear", "expect", "suspect", "reveal", "signal"}


def flatten_nested(relations: list[Relation], text: str = "") -> list[Relation]:
    """A relation whose cue lies in another's content is relayed by that other's source; both stay."""
    # "reports suggest X, according to two officials": the officials are the source, not "reports"
    for acc in [r for r in relations if r.kind == "according_to"]:
        for r in relations:
            if r is not acc and r.cue and _generic_source(r) and (
                    any(a <= r.cue[0] < b for a, b in acc.content)
                    or any(a <= acc.cue[0] < b for a, b in r.content)):
                r.content = []
    relations = [r for r in relations if r.content and not untold(r, relations, text)]
    trailing = _trailing_according(relations, text)
    # relations by where their cue starts: the ones inside a content are found by bisection, so a long
    # article costs time in proportion to its relations, not to their square
    by_cue = sorted((r.cue[0], k) for k, r in enumerate(relations) if r.cue)
    cue_starts = [at for at, _ in by_cue]
    keep = []
    for outer in relations:
        within: list[int] = []
        if outer.cue:
            for a, b in outer.content:
                within += [k for _, k in by_cue[bisect.bisect_left(cue_starts, a):bisect.bisect_left(cue_starts, b)]]
        # what the taggers alone found inside a quote or clause does not make it a relay
        inner = [r for r in (relations[k] for k in sorted(set(within))) if r is not outer and r.origin != "learned"
                 and not any(a <= outer.cue[0] < b for a, b in r.content) and (id(outer), id(r)) not in trailing]
        if inner and outer.kind != "direct" and all(r.cue_lemma in EVIDENTIAL for r in inner) \
                and outer.cue_lemma not in EVIDENTIAL and outer.kind != "according_to":
            for r in inner:
                r.content = []  # absorbed: the outer speaker makes the claim
            keep.append(outer)
            continue
        if inner and outer.kind != "direct":
            # who rejects "a report by Hersh that ..." answers Hersh; it does not pass his claim on
            for r in inner if outer.cue_lemma not in DENIAL_CUES else []:
                chain = list(outer.via) + ([outer.source] if outer.source else [])
                own = r.source.entity if r.source is not None else None
                chain = [c for c in chain if c.entity != own]  # "according to X, ..., which it said"
                r.via = chain + [v for v in r.via if v.entity not in {c.entity for c in chain}]
            # the outer speaker's own statement stays a claim too (news annotation marks both); a pure
            # relay ("Reuters reported that monitors told ...") is listed after the claim it relays
            outer.relays_inner = _pure_relay(outer, inner, text)
        keep.append(outer)
    keep = [r for r in keep if r.content]
    # a cue inside another relation's cue ("saying" in "quoted X as saying") is part of it
    out: list[Relation] = []
    cues = sorted((r.cue, k) for k, r in enumerate(keep) if r.cue)
    starts = [c[0] for c, _ in cues]
    widest = max((b - a for (a, b), _ in cues), default=0)
    seen: set[tuple[int, int]] = set()
    for r in keep:
        if r.cue:
            # only a cue starting at most the widest cue's length before this one can hold it
            near = cues[bisect.bisect_left(starts, r.cue[0] - widest):bisect.bisect_right(starts, r.cue[0])]
            if any(keep[k] is not r and c[0] <= r.cue[0] and r.cue[1] <= c[1] and (c[1] - c[0]) > (r.cue[1] - r.cue[0])
                   for c, k in near):
                continue
            if tuple(r.cue) in seen:
                continue
            seen.add(tuple(r.cue))
        out.append(r)
    return out


_OPEN_QUESTION = re.compile(r"\W*(?:how|why|whether|what|when|where|who|which|if)\b", re.IGNORECASE)


def untold(rel: Relation, relations: list[Relation], text: str) -> bool:
    """'X said the authority had still not explained how it arrived at its figures': inside another's
    words, what someone did not say is that speaker's point, not a claim of the one who kept silent."""
    if not rel.negated or not rel.cue or not rel.content or not _OPEN_QUESTION.match(text[rel.content[0][0]:]):
        return False
    return spoken_inside(rel, relations)


def spoken_inside(rel: Relation, relations: list[Relation]) -> bool:
    """Whether ``rel``'s cue stands inside another relation's content: it speaks inside another's words
    ("X said the commander had told her ...")."""
    return any(o is not rel and o.cue and any(a <= rel.cue[0] < b for a, b in o.content) for o in relations)


# what may follow "according to X" and still end the sentence it closes: an apposition, punctuation
_TAIL = re.compile(r"^[\s,]*(?:(?:the|a|an|its|his|her|their)\b[^.;:!?]*)?[\s.,;:\"'\u201d\u2019)]*$", re.IGNORECASE)


# records a reporter may go by, which relay no one's words ("according to an inspection list")
RECORD_NOUNS = {"data", "figure", "figures", "record", "records", "document", "documents", "filing", "filings",
                "tally", "count", "list", "lists", "log", "logs", "survey", "study", "register", "spreadsheet"}


def _trailing_according(relations: list[Relation], text: str) -> set[tuple[int, int]]:
    """"X said Y, according to Z": Z passed X's statement on, so Z is X's relay (``via``, outermost) and
    Z's own report comes after it, whichever clause the parse hung "according to" on. Returns the
    (speaker, according-to) pairs so read, as ids, which the nesting pass leaves alone."""
    pairs: set[tuple[int, int]] = set()
    if not text:
        return pairs
    for acc in relations:
        if acc.kind != "according_to" or not acc.cue or acc.source is None or acc.source_span is None:
            continue
        record = acc.source.text.split()[-1].lower() in RECORD_NOUNS
        for r in relations:
            # a record's "according to" may also stand just after the content it sources
            right_after = record and any(b <= acc.cue[0] and not text[b:acc.cue[0]].strip(" ,") for _, b in r.content)
            if r is acc or r.kind == "according_to" or not r.cue or r.source is None or r.cue[0] >= acc.cue[0] \
                    or not (right_after or any(a <= acc.cue[0] < b for a, b in r.content)):
                continue
            end = max([b for a, b in r.content if a <= acc.cue[0] < b], default=acc.cue[0])
            if not _TAIL.match(text[acc.source_span[1]:max(end, acc.source_span[1])]):
                continue  # "..., according to Z, and W said ...": more follows
            if record:
                # "The Herald reports that A, according to an inspection list": a record passes nothing on;
                # it is where the reporter's figure comes from, and the reporter relays it
                r.via = [r.source] + [v for v in r.via if v.entity != r.source.entity]
                r.source, r.source_span = acc.source, acc.source_span
                acc.content = []
                continue
            r.via = [acc.source] + [v for v in acc.via + r.via if v.entity != acc.source.entity]
            acc.relays_inner = True
            pairs |= {(id(r), id(acc)), (id(acc), id(r))}
    return pairs


def _pure_relay(outer: Relation, inner: list[Relation], text: str) -> bool:
    """'Reuters reported that monitors told the council that X': the outer content is nothing but the
    inner attribution, so the outer speaker is above all the inner one's relay."""
    start = min(a for a, _ in outer.content)
    lead = text[start:start + 40]
    skip = len(lead) - len(lead.lstrip())
    if lead[skip:skip + 5].lower() == "that ":
        skip += 5
    begin = start + skip
    for r in inner:
        first = min([r.cue[0]] + ([r.source_span[0]] if r.source_span else []))
        if first <= begin + 1:
            return True
    return False


GENERIC_SOURCE_HEADS = {"report", "reports", "media", "story", "stories", "article", "account", "accounts"}


def _generic_source(rel: Relation) -> bool:
    if rel.source is None:
        return True
    words = rel.source.text.lower().split()
    return bool(words) and words[-1] in GENERIC_SOURCE_HEADS


def continue_quotes(doc: Doc, relations: list[Relation], quotes: list[CharSpan]) -> list[Relation]:
    """A quoted passage right after an attributed sentence, with no cue of its own, continues it.

    In the same paragraph it is one more piece of the same statement ('"A," she said. "B."'), unless
    it turns against what came before ("But ...") or states a figure: those, and a quote in a later
    paragraph, become claims of their own (same source, cue and relays), with their own stance and
    figures ("There is little information. 'But there is no doubt ...'").
    """
    # a cue inside the quote ("... I believe X means war") is the speaker's own words: it does not
    # make the quote someone else's
    covered = [(span, r.cue) for r in relations for span in r.content]
    out = list(relations)
    text = doc_text(doc)
    for q in quotes:
        if any((a <= q[0] < b or q[0] <= a < q[1]) and not (cue and q[0] <= cue[0] < q[1])
               for (a, b), cue in covered):
            continue
        prev = [r for r in out if _relation_end(r) <= q[0] and r.source is not None]
        if not prev:
            continue
        last = max(prev, key=_relation_end)
        # the rest of the attributing sentence ("told the Valley Herald.") is no gap
        end = last.sentence[1] if _relation_end(last) <= last.sentence[1] <= q[0] else _relation_end(last)
        gap = text[end:q[0]]
        if gap.strip(" \n.,:;!?"):
            # the rest of a quoting sentence: '"A," said Ann Lee, a farmer. "B."' goes on with B
            if "\n" in gap or len(gap) > 160 or last.kind not in {"direct", "mixed"} \
                    or sum(gap.count(c) for c in ".!?") > 1:
                continue
        # same paragraph, or the attribution ended with a colon introducing the quote, or a quoted
        # paragraph right after a quoting one (the speaker goes on)
        elif "\n" in gap and not gap.strip(" \n").endswith(":") \
                and last.kind not in {"direct", "mixed"}:
            continue
        if "\n" not in text[_relation_end(last):q[0]] and _goes_on(doc, text, q):
            last.content.append(q)
            last.sentence = (last.sentence[0], max(last.sentence[1], q[1]))
            covered.append((q, None))
            continue
        out.append(Relation(sentence=q, cue=last.cue, cue_lemma=last.cue_lemma, content=[q], source=last.source,
                            source_span=last.source_span, via=list(last.via), kind="direct",
                            negated=last.negated, cue_token=last.cue_token))
        covered.append((q, None))
    return out


# words that open a quote turning against the one before it
TURNS = {"but", "however", "yet", "still", "although", "though"}


def _goes_on(doc: Doc, text: str, quote: CharSpan) -> bool:
    """Whether a quote continues the statement before it: no turn at its start, no figure of its own."""
    first = re.match(r"[\W_]*(\w+)", text[quote[0]:quote[1]])
    return not (first and first.group(1).lower() in TURNS) and not extract_figures(doc, *quote)


def _relation_end(rel: Relation) -> int:
    """Where a relation's own words end: its content, cue or source, whichever is last."""
    ends = [b for _, b in rel.content] + ([rel.cue[1]] if rel.cue else [])
    return max(ends + ([rel.source_span[1]] if rel.source_span else []))


def between_same_source(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """The one sentence between two statements of one source, in one paragraph, that states a figure
    is that source speaking too.

    "A is true, the analyst notes. It holds 40 million cubic metres. C, Samus concludes." gives the
    figure to Samus. Only a lone sentence with a figure counts: on PolNeAR any sentence between two
    statements was the writer's far more often than the source's.
    """
    ordered = sorted((r for r in relations if r.source is not None and r.source.entity),
                     key=lambda r: r.sentence[0])
    covered = [span for r in relations if r.source is not None for span in r.content]
    added = []
    text, sents = doc_text(doc), list(doc.sents)
    starts = [s.start_char for s in sents]
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first.source.entity != second.source.entity or first.sentence[1] >= second.sentence[0]:
            continue
        if "\n" in text[first.sentence[1]:second.sentence[0]]:
            continue  # another paragraph
        lo = bisect.bisect_left(starts, first.sentence[1])
        between = [s for s in sents[lo:lo + 2] if s.end_char <= second.sentence[0]]
        if len(between) != 1:
            continue
        sent = between[0]
        if any(a < sent.end_char and sent.start_char < b for a, b in covered) \
                or not extract_figures(doc, sent.start_char, sent.end_char):
            continue
        stripped = sent.text.rstrip()
        end = sent.start_char + len(stripped.rstrip(".!?"))
        added.append(Relation(sentence=(sent.start_char, sent.start_char + len(stripped)), cue=None, cue_lemma="",
                              content=[(sent.start_char, end)], source=first.source, source_span=None,
                              via=list(first.via), kind="continuation"))
    return relations + added


# words that open an adjunct of the cue ("When the minister arrived, she said ...", "..., while walking")
ADJUNCT_OPENERS = {"when", "while", "during", "after", "before", "as", "since", "amid", "despite", "although",
                   "though", "because", "in", "on", "at", "with", "without", "following", "once", "until"}
ADJUNCT_DEPS = {"advcl", "prep", "npadvmod", "advmod", "pcomp"}
_QUOTE_MARKS = "\"\u201c\u201d\u2018\u2019'"


def drop_adjunct_pieces(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """Content pieces that are adjuncts of the cue ("During his years in office, he said ...") are not
    what was said; the reported clause or quote stays. A relation's only piece is never dropped.
    """
    text = doc_text(doc)
    for rel in relations:
        if len(rel.content) < 2 or rel.cue_token is None or rel.speaker_follows_cue(doc):
            continue  # "Without access, said X, every account ...": what comes before the cue is said too
        kept = [piece for piece in rel.content if not _adjunct_piece(doc, text, rel, piece)]
        if kept:
            rel.content = kept
    return relations


def _adjunct_piece(doc: Doc, text: str, rel: Relation, piece: CharSpan) -> bool:
    """A piece without quote marks whose head hangs from the cue as a time or circumstance adjunct."""
    a, b = piece
    if any(ch in _QUOTE_MARKS for ch in text[a:b]):
        return False
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return False
    # (a subject stays: "the talks are expected to resume" reports the talks' resuming)
    if fronted_adjunct(doc[rel.cue_token]) == (a, b):
        return False  # "In a city of 90,000, she added, ...": the phrase is part of what was said
    root = span.root
    if len(span) == 1 and root.lower_ == "it" and root.head.i == rel.cue_token and root.dep_ in {"nsubjpass", "expl"}:
        return True  # "It was reported by X that ...": the placeholder subject says nothing
    return root.head.i == rel.cue_token and root.dep_ in ADJUNCT_DEPS and span[0].lower_ in ADJUNCT_OPENERS


# a sentence connective opening the content ties it to the writer's text, not to what was said
_CONNECTIVE = re.compile(r"(?:but|and|however|still|indeed|in fact|meanwhile|moreover|furthermore|yet|"
                         r"instead|nonetheless|nevertheless|also|in addition|of course)\b,?\s+", re.IGNORECASE)


def drop_leading_connectives(text: str, relations: list[Relation]) -> list[Relation]:
    """'However, the campaign plans ...': the content starts after the connective (PolNeAR's
    annotators leave it out about twice as often as they keep it). A quote keeps its words."""
    for rel in relations:
        if not rel.content:
            continue
        a, b = rel.content[0]
        m = _CONNECTIVE.match(text, a, b)
        if m and m.end() < b:
            rel.content[0] = (m.end(), b)
    return relations


def join_touching_pieces(text: str, relations: list[Relation]) -> list[Relation]:
    """Content pieces with only white space between them are one piece ("... the term \u2026 Islamic
    terrorist?\u201d" cut in two by a sentence split)."""
    for rel in relations:
        if len(rel.content) < 2:
            continue
        joined: list[CharSpan] = []
        for a, b in sorted(rel.content):
            if joined and not text[joined[-1][1]:a].strip():
                joined[-1] = (joined[-1][0], max(b, joined[-1][1]))
            else:
                joined.append((a, b))
        rel.content = joined
    return relations


def appositive_commas(text: str, relations: list[Relation]) -> list[Relation]:
    """A source phrase with an appositive keeps the comma that closes it ("Ban Ki-moon, the UN's
    secretary general, said"); a bare name does not ("Caddell, who ..."). This is PolNeAR's
    convention: in its train split, 921 of 1,028 source phrases with an inner comma end on the closing
    one, and 793 of 798 without one leave the comma after them out."""
    for rel in relations:
        if rel.source_span is None:
            continue
        a, b = rel.source_span
        phrase = text[a:b].rstrip()
        b = a + len(phrase)
        if phrase.endswith(",") and "," not in phrase[:-1]:
            b -= 1
        elif "," in phrase and not phrase.endswith(",") and text[b:b + 1] == ",":
            b += 1
        rel.source_span = (a, b) if b > a else rel.source_span
    return relations


def cut_out_own_cue(text: str, relations: list[Relation]) -> list[Relation]:
    """A content piece running over its own source and cue ("which he said were at his side") loses
    them and becomes two: "which" | "were at his side". PolNeAR's train split does so every time a
    "what"/"which" opens the content before the cue (157 of 157). A speaker named between the cue and
    the second half of a quote ('"...," said X, a chemist, "..."') leaves the content too."""
    for rel in relations:
        if rel.cue is None:
            continue
        ca, cb = rel.cue
        pieces = []
        for a, b in rel.content:
            if not a < ca < cb < b:
                pieces.append((a, b))
                continue
            cut = rel.source_span[0] if rel.source_span and a < rel.source_span[0] <= ca else ca
            left, right = text[a:cut].rstrip(), text[cb:b]
            start = cb + len(right) - len(right.lstrip())
            pieces += [p for p in ((a, a + len(left)), (start, b)) if p[1] > p[0]]
        pieces = [_before_own_source(text, piece, rel.source_span, ca) for piece in pieces]
        # '"...," said X, "..."': the speaker between the cue and the quote's second half
        inverted = rel.source_span is not None and not text[cb:rel.source_span[0]].strip() \
            and text[rel.source_span[1]:rel.source_span[1] + 3].lstrip(" ,")[:1] in {'"', "\u201c"}
        rel.content = (without(text, pieces, rel.source_span) if inverted else pieces) or pieces or rel.content
    return relations


# a role set off before the speaker's name: "the chief prosecutor" in "..., the chief prosecutor, Renata Holm,
# said"
_ROLE_TAIL = re.compile(r",\s+(?:the|a|an|its|his|her|their)\s+(?:[a-z][\w'-]*\s+){0,4}[a-z][\w'-]*\s*,?\s*$")


def _before_own_source(text: str, piece: CharSpan, source: CharSpan | None, cue_start: int) -> CharSpan:
    """A piece ending at its cue that swallowed its own speaker ("X was detained, the chief prosecutor,
    Renata Holm, said", parsed with the speaker in apposition to the last noun) ends before the speaker
    and the role before the name."""
    a, b = piece
    if source is None or not a < source[0] < b <= cue_start or text[b:cue_start].strip(" ,"):
        return piece
    head = text[a:source[0]]
    if (role := _ROLE_TAIL.search(head)) is not None:
        head = head[:role.start()]
    head = head.rstrip(" ,")
    return (a, a + len(head)) if head else piece


def without(text: str, pieces: list[CharSpan], cut: CharSpan) -> list[CharSpan]:
    """``pieces`` less the characters of ``cut`` (the relation's own source, which a tagged run after
    an inverted cue can swallow: '"...," said Marta Kowalczyk, a chemist, "..."'), edges trimmed of
    spaces and commas; pieces left with no word drop out."""
    out = []
    for a, b in pieces:
        for x, y in ((a, min(b, cut[0])), (max(a, cut[1]), b)) if a < cut[1] and cut[0] < b else ((a, b),):
            while x < y and text[x] in " \t\n,;:":
                x += 1
            while y > x and text[y - 1] in " \t\n,;:":
                y -= 1
            if any(ch.isalnum() for ch in text[x:y]):
                out.append((x, y))
    return out


# words before a cue verb that belong to the cue ("has also said", "could not deny"): in PolNeAR's train
# split a cue takes "has" 725 times out of 732, "also" 281 of 302, "would" 93 of 94; "then" (24 of 41)
# and "even" (20 of 26) are left to the tagger
CUE_PREFIX_DEPS = {"aux", "auxpass", "neg", "advmod"}
CUE_PREFIX_SKIP = {"then", "even", "so", "now", "here", "there", "when", "how", "why", "where"}


def cue_with_auxiliaries(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """A cue starts at the auxiliaries, negation and adverbs right before its verb that hang from it."""
    for rel in relations:
        if rel.cue is None or rel.cue_token is None:
            continue
        cue = doc[rel.cue_token]
        if cue.idx != rel.cue[0] or cue.pos_ not in {"VERB", "AUX"}:
            continue
        start = cue.i
        while start > cue.sent.start and doc[start - 1].head.i == cue.i and doc[start - 1].dep_ in CUE_PREFIX_DEPS \
                and doc[start - 1].lower_ not in CUE_PREFIX_SKIP:
            start -= 1
        if start < cue.i and doc[start].dep_ == "advmod":
            start = max(cue.sent.start, doc[start].left_edge.i)  # "so far" in "has so far spoken", whole
        if start < cue.i and not (rel.source_span and rel.source_span[0] <= doc[start].idx < rel.source_span[1]):
            rel.cue = (doc[start].idx, rel.cue[1])
    return relations


_STOPS = ".,!?;:"


def close_open_quotes(text: str, relations: list[Relation]) -> list[Relation]:
    """A content piece that opens a quote and stops just short of its closing mark ('Pyongyang "stop its
    dangerous escapades' before '."') takes the mark and the stop before it: quotes stay whole."""
    for rel in relations:
        pieces = []
        for a, b in rel.content:
            mark = open_quote(text[a:b])
            end = b
            while end < b + 2 and end < len(text) and text[end] in _STOPS:
                end += 1
            if mark is not None and text[end:end + 1] == mark:
                b = end + 1
            pieces.append((a, b))
        rel.content = pieces
    return relations


__all__ = ["appositive_commas", "between_same_source", "close_open_quotes", "continue_quotes", "cue_with_auxiliaries",
           "cut_out_own_cue", "drop_adjunct_pieces", "drop_leading_connectives", "flatten_nested",
           "join_touching_pieces", "spoken_inside", "untold"]
