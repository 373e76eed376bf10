"""Figures stated as a verdict on a count: "police put the death toll at 32", "the Pentagon raised its
estimate to about 10,000", "economists estimated the losses at $2 billion"; and figures someone asks,
offers or claims: "the authority is seeking $916m", "the 450 the union claimed".

No speech verb says anything here, yet the subject states a figure; in reports on wars and disasters
these idioms carry the tolls and estimates that conflict. The cue is the verb (PolNeAR's annotators
mark "estimated" alone for "the campaign estimated a crowd at 3,000 people"), the content the thing
counted and the figure: "the death toll at 32".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.extract.relation import Relation
from claimledger.extract.sources import SourceResolver
from claimledger.extract.speakers import agent_of, cited_by, citing_of, is_speaker, subject_of, trailing_citing
from claimledger.model import Party

# verbs that set a figure on a count with "at" ("put the toll at 32"), and verbs that move it "to"
SETTING_VERBS = {"put", "place", "estimate", "peg", "fix", "assess", "calculate", "tally", "measure"}
MOVING_VERBS = {"raise", "lower", "revise", "increase", "cut", "update", "lift", "reduce", "boost", "adjust"}
# setting verbs that state a figure whatever they set it on ("put the methane released at 465,000
# tonnes", "measured the blast at magnitude 2.1"); "placed the wreath at 10 Downing Street" does not
ANY_OBJECT_VERBS = {"put", "estimate", "peg", "assess", "calculate", "tally", "measure"}
# "counted three", "counted at least 40 bodies": a count given as the object itself
COUNTING_VERBS = {"count"}
FIGURE_VERBS = SETTING_VERBS | MOVING_VERBS | COUNTING_VERBS
# what such a figure counts or measures
COUNT_NOUNS = {"toll", "number", "figure", "total", "count", "tally", "estimate", "cost", "damage", "loss",
               "bill", "casualty", "size", "value", "price", "death", "injury", "forecast", "projection", "strength"}
# what the subject itself asks or gives: "raised its offer to 35,000", "lowered its demand to $550m"
OWN_AMOUNTS = {"offer", "demand", "bid", "fund", "payment", "compensation", "reward", "ransom", "budget", "target"}
FIGURE_ENTITIES = {"MONEY", "CARDINAL", "QUANTITY", "PERCENT"}
DURATION_UNITS = {"second", "minute", "hour", "day", "week", "month", "year"}


def _has_figure(tokens) -> bool:
    """A number among ``tokens`` that is not a time, an address or a year ("at 9 pm", "at 10 Downing
    Street", "in 2022"); a decimal read as a date ("magnitude 2.1") still counts."""
    return any((t.like_num or t.ent_type_ in FIGURE_ENTITIES)
               and (t.ent_type_ not in {"TIME", "FAC", "GPE", "DATE"} or _span_of_time(t)
                    or (t.ent_type_ == "DATE" and (any(ch in t.text for ch in ".,") or _no_date(t))))
               for t in tokens)


# words a number range may carry that say nothing of a date ("between 40 and 50" tagged DATE)
RANGE_WORDS = {"between", "and", "to", "or", "about", "around", "some", "nearly", "almost", "up", "more", "than",
               "less", "fewer", "at", "least", "most", "roughly", "over", "under", "-", "\u2013"}


def _no_date(tok: Token) -> bool:
    """A number the tagger called a date although nothing around it names a day, month or year: only
    numbers that cannot be years and range words ("between 40 and 50")."""
    ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
    return ent is not None and all(
        t.lower_ in RANGE_WORDS or (t.like_num and not (t.text.isdigit() and len(t.text) == 4)) for t in ent)


def _span_of_time(tok: Token) -> bool:
    """A number of hours, days or weeks ("put the supply at roughly 20 hours"), not a clock time or a date."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lemma_.lower() in DURATION_UNITS


def figure_relation(tok: Token, sent: Span, resolver: SourceResolver) -> Relation | None:
    """The relation a figure verb makes, or None when ``tok`` sets no figure on a count."""
    lemma = tok.lemma_.lower()
    if lemma not in FIGURE_VERBS or tok.pos_ != "VERB":
        return None
    obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None and lemma in COUNTING_VERBS:
        # "now counts 13 soldiers killed", parsed as a clause: its counted subject is the object
        obj = next((c for c in tok.children if c.dep_ == "ccomp" and c.tag_ == "VBN" and c.i > tok.i), None)
    if obj is None:
        return None
    doc = tok.doc
    if lemma in COUNTING_VERBS:
        if not _has_figure(obj.subtree):
            return None
        last = obj.right_edge.i
    else:
        if lemma not in ANY_OBJECT_VERBS and obj.lemma_.lower() not in COUNT_NOUNS | OWN_AMOUNTS:
            return None
        # "raised its offer from 20,000 talers to 35,000": the "to" hangs from the "from"
        marks = {"at"} if lemma in SETTING_VERBS else {"to", "at", "from"}
        # the parser hangs "at 32" on the verb, on the counted noun or on its modifier ("the methane
        # released at 465,000 tonnes"), which it may hang on the verb ("put the area burned at 31,000")
        modifier = [g for c in tok.children if c.dep_ in {"advcl", "xcomp", "oprd"} and c.i == obj.right_edge.i + 1
                    for g in c.children]
        prep = next((p for p in (*tok.children, *obj.subtree, *modifier)
                     if p.dep_ == "prep" and p.lower_ in marks and p.i > obj.i and _has_figure(p.subtree)), None)
        if prep is None:
            return None
        # "from 20,000 crowns to 35,000", both hung on the verb
        last = max([prep.right_edge.i, obj.right_edge.i] + [p.right_edge.i for p in tok.children if p.dep_ == "prep"
                                                              and p.lower_ in marks and _has_figure(p.subtree)])
        # "at magnitude 2.1, slightly below the other reading": the figure ends at the comma
        last = next((t.i - 1 for t in doc[prep.i:last + 1] if t.text == "," and _has_figure(doc[prep.i:t.i])), last)
    subj = subject_of(tok)
    if subj is None:
        return None
    source = resolver.party(subj)
    via: list[Party] = []
    citing = trailing_citing(tok) or citing_of(tok)  # "..., citing Y" / "X, citing Y, put the toll at"
    cited = cited_by(citing) if citing is not None else None
    if cited is not None and is_speaker(cited):
        # "put the toll at 11,300, citing the Red Crescent": the one cited gave the figure, passed on
        via, source = [source], resolver.party(cited)
        if citing.i > obj.i:
            last = min(last, citing.i - 1)
    while last > obj.i and (doc[last].is_punct or doc[last].is_space or doc[last].lower_ == "and"):
        last -= 1
    start, end = obj.left_edge.idx, doc[last].idx + len(doc[last])
    return Relation(sentence=(sent.start_char, max(sent.end_char, end)), cue=(tok.idx, tok.idx + len(tok)),
                    cue_lemma=lemma, content=[(start, end)], source=source, source_span=source.span, via=via,
                    kind="indirect", negated=False, cue_token=tok.i)


def asks_or_offers(rel: Relation, doc: Doc) -> bool:
    """Whether a figure relation moves an amount the subject itself asks or gives ("raised its offer to
    35,000"): an act of the subject's, which someone reporting it ("X reported that the airline would raise
    its payment to 40,000") reports rather than relays."""
    cue = doc[rel.cue_token] if rel.cue_token is not None else None
    return cue is not None and any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in OWN_AMOUNTS for c in cue.children)


def measured_by_a_thing(rel: Relation, doc: Doc) -> bool:
    """Whether a figure relation's source is a thing that measures or records ("a drone survey had
    measured the wall at 52 metres", "samples put copper at 40 times the limit"), not one who speaks: inside
    someone's words the figure is theirs ("Solt said a drone survey had measured ...")."""
    if rel.source_span is None:
        return False
    span = doc.char_span(*rel.source_span, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.pos_ == "NOUN" and head.lemma_.lower() in MEASURING_THINGS and not any(t.pos_ == "PROPN" for t in span)


# what measures or records, not who speaks: "a drone survey measured", "samples showed", "readings put"
MEASURING_THINGS = {"survey", "sample", "test", "measurement", "reading", "data", "record", "image", "footage",
                    "scan", "sensor", "gauge", "satellite", "radar", "camera", "log", "calculation", "model",
                    "analysis", "photograph", "photo", "video", "recording", "meter", "instrument"}


# verbs whose object is an amount the subject asks, offers or claims: "the authority is seeking $916m",
# "the poster demanded $1 million", "Vantry now offers each family 75,000 lerins", "asking for 300,000"
ACT_VERBS = {"seek", "demand", "offer", "claim", "pledge", "promise", "propose", "request", "bid", "want", "ask"}
RELATIVE_WORDS = {"who", "which", "that", "whom"}


def act_relation(tok: Token, sent: Span, resolver: SourceResolver) -> Relation | None:
    """The relation of a verb of asking, offering or claiming whose object is a figure, or None.

    The figure may be the verb's object ("demanded $1 million"), the object of "for" ("is asking for
    300,000") or the noun the verb's relative clause hangs from: "the 250,000 talers the association is
    demanding", "the 90 seconds Estrel claimed", "the 250 million euros pledged by donors".
    """
    lemma = tok.lemma_.lower()
    if lemma not in ACT_VERBS or tok.pos_ != "VERB":
        return None
    doc = tok.doc
    if any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children):
        return None  # "claimed that ...", "offered to pay": a clause, which the speech rules read
    relative = tok.dep_ in {"relcl", "acl"} and tok.head.pos_ in {"NOUN", "NUM", "PROPN"}
    if relative:
        if any(c.dep_ in {"dobj", "dative"} and c.lower_ not in RELATIVE_WORDS for c in tok.children):
            return None  # "the families who are demanding 250,000": their own object, read below
        subj = agent_of(tok) if tok.dep_ == "acl" else \
            next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_WORDS), None)
        first, last = tok.head.left_edge.i, tok.left_edge.i - 1
        if subj is not None and tok.dep_ == "acl" and tok.i < subj.i:
            last = tok.i - 1  # "the euros pledged by donors": the euros
    else:
        objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
        objects += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "for" and lemma in {"ask", "bid"}
                    for o in p.children if o.dep_ == "pobj"]
        if not objects:
            return None
        subj = subject_of(tok)
        # "is seeking $916m, equivalent to about 14.4 billion pounds": the amount restated goes with it
        objects += [c for c in tok.children if c.dep_ == "acomp" and c.i > tok.i]
        first, last = min(o.left_edge.i for o in objects), max(o.right_edge.i for o in objects)
    if subj is None or subj.lower_ in RELATIVE_WORDS or first > last:
        return None
    while last > first and (doc[last].is_punct or doc[last].lower_ in {"and", "that", "which"}):
        last -= 1
    if not _has_figure(doc[first:last + 1]):
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    source = resolver.party(subj)
    return Relation(sentence=(sent.start_char, sent.end_char), cue=(tok.idx, tok.idx + len(tok)),
                    cue_lemma=lemma, content=[(start, end)], source=source, source_span=source.span,
                    kind="indirect", negated=False, cue_token=tok.i)


__all__ = ["ACT_VERBS", "FIGURE_VERBS", "act_relation", "asks_or_offers", "figure_relation"]
