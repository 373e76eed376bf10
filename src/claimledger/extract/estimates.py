"""Figures stated as a verdict on a count: "police put the death toll at 32", "the Pentagon raised its
estimate to about 10,000", "economists estimated the losses at $2 billion".

No speech verb says anything here, yet the subject states a figure; in reports on wars and disasters
these idioms carry the tolls and estimates that conflict. The cue is the verb (PolNeAR's annotators
mark "estimated" alone for "the campaign estimated a crowd at 3,000 people"), the content the thing
counted and the figure: "the death toll at 32".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.extract.relation import Relation
from claimledger.extract.sources import SourceResolver
from claimledger.extract.speakers import subject_of

# verbs that set a figure on a count with "at" ("put the toll at 32"), and verbs that move it "to"
SETTING_VERBS = {"put", "place", "estimate", "peg", "fix", "assess", "calculate", "tally"}
MOVING_VERBS = {"raise", "lower", "revise", "increase", "cut", "update", "lift", "reduce", "boost", "adjust"}
FIGURE_VERBS = SETTING_VERBS | MOVING_VERBS
# what such a figure counts or measures
COUNT_NOUNS = {"toll", "number", "figure", "total", "count", "tally", "estimate", "cost", "damage", "loss",
               "bill", "casualty", "size", "value", "price", "death", "injury", "forecast", "projection", "strength"}


def figure_relation(tok: Token, sent: Span, resolver: SourceResolver) -> Relation | None:
    """The relation a figure verb makes, or None when ``tok`` sets no figure on a count."""
    lemma = tok.lemma_.lower()
    if lemma not in FIGURE_VERBS or tok.pos_ != "VERB":
        return None
    obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None or obj.lemma_.lower() not in COUNT_NOUNS:
        return None
    marks = {"at"} if lemma in SETTING_VERBS else {"to", "at"}
    # the parser hangs "at 32" on the verb or on the counted noun
    prep = next((p for p in (*tok.children, *obj.children)
                 if p.dep_ == "prep" and p.lower_ in marks and p.i > obj.i
                 and any(t.like_num or t.ent_type_ in {"MONEY", "CARDINAL", "QUANTITY", "PERCENT"} for t in p.subtree)),
                None)
    if prep is None:
        return None
    subj = subject_of(tok)
    if subj is None:
        return None
    source = resolver.party(subj)
    last = max(prep.right_edge.i, obj.right_edge.i)
    doc = tok.doc
    while last > obj.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    start, end = obj.left_edge.idx, doc[last].idx + len(doc[last])
    return Relation(sentence=(sent.start_char, max(sent.end_char, end)), cue=(tok.idx, tok.idx + len(tok)),
                    cue_lemma=lemma, content=[(start, end)], source=source, source_span=source.span,
                    kind="indirect", negated=False, cue_token=tok.i)


__all__ = ["FIGURE_VERBS", "figure_relation"]
