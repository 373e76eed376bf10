"""Nominal attributions: a speech or belief noun with a that-clause ("the Kremlin's denial that ...",
"Trump's claim that there have been ...", "Seoul made the assessment that ...").

The noun is the cue and the clause (from "that") the content. The source is the noun's possessor
("the Kremlin's"), its "by"/"from" phrase ("a claim by the ministry that ..."), or the subject of a
light verb that only carries the noun ("Seoul made the assessment", "the mayor issued a warning"). A noun
with none of these ("the suggestion that ...") names no source and gives no relation: the writer may
be weighing it, not reporting it.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.extract.content_spans import of_hosts, subject_phrase_last
from claimledger.extract.estimates import DURATION_UNITS
from claimledger.extract.mentions import ORG_NOUNS
from claimledger.extract.relation import Relation
from claimledger.extract.sources import SourceResolver
from claimledger.model import Party
from claimledger.parse import pobj_of

# nouns that name what someone said or believes; facts, evidence and possibilities ("the fact that",
# "the possibility that") are the writer's framing and stay out
NOUN_CUES = {
    "claim", "denial", "assertion", "allegation", "accusation", "statement", "suggestion", "complaint",
    "admission", "remark", "insistence", "argument", "assessment", "estimate", "belief", "hope", "fear",
    "doubt", "concern", "assumption", "warning", "prediction", "promise", "pledge", "announcement",
    "contention", "charge", "conclusion", "confirmation", "acknowledgment", "acknowledgement", "assurance",
    "boast", "vow", "threat", "insinuation", "speculation", "rumor", "rumour", "report", "theory", "view",
    "finding", "expectation", "suspicion", "conviction", "point", "comment", "explanation", "reminder",
}
# verbs that only carry the noun: their subject is the noun's source
LIGHT_VERBS = {"make", "issue", "express", "voice", "repeat", "reiterate", "renew", "raise", "offer", "share",
               "stand", "maintain", "advance", "put", "float", "level", "lodge", "file", "deliver", "restate",
               # publishing a report: "Ukrainian media have carried reports that ..."
               "carry", "run", "publish", "print", "air", "broadcast"}
CLAUSE_DEPS = {"acl", "ccomp", "appos"}
# nouns that state a figure in their "of" phrase: "the mayor's estimate of about 300 deaths"
FIGURE_NOUNS = {"estimate", "assessment", "forecast", "projection", "prediction", "count", "tally", "calculation",
                "figure"}
# nouns that state someone's words only through a figure ("the police figure of 240,000"), never a clause
FIGURE_ONLY = {"figure"}
# institutions that own a figure as a bare modifier ("the police figure", "the government estimate"); other
# modifiers name what is counted ("the crowd figure", "the casualty estimate"); ORG_NOUNS are institutions too
INSTITUTIONS = {"police", "hospital", "state", "organiser", "organizer",
                "official", "coastguard", "pentagon"}


def _figure_of(tok: Token) -> Token | None:
    """The object of an estimate's "of" phrase when it holds a number ("Mauger's estimate on Monday of
    between 70 and 96 hours of oxygen"; the parser may hang the "of" on the estimate's date), or a
    number phrase in apposition to the estimate."""
    if tok.lemma_.lower() not in FIGURE_NOUNS:
        return None
    hosts = of_hosts(tok)
    for of in tok.subtree:
        if of.lower_ == "of" and of.dep_ == "prep" and of.i > tok.i and of.head.i in hosts:
            obj = pobj_of(of)
            if obj is not None and _holds_number(obj):
                return obj
    # "the Pentagon's estimate of the payload's weight, more than 2,000 pounds, ...": the figure in apposition
    return next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and _holds_number(c)), None)


def _holds_number(tok: Token) -> bool:
    return any(t.like_num or t.ent_type_ in {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"} for t in tok.subtree)


def noun_relation(tok: Token, resolver: SourceResolver) -> Relation | None:
    """The relation of a cue noun with a that-clause, or None."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in NOUN_CUES | FIGURE_ONLY:
        return None
    figure_only = tok.lemma_.lower() in FIGURE_ONLY
    clause = None if figure_only else next((c for c in tok.children if c.dep_ in CLAUSE_DEPS and c.i > tok.i
                                            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
                                           None)
    if clause is None and not figure_only:
        clause = _clause_after(tok)
    if clause is None:
        clause = _figure_of(tok)
    if clause is None:
        return None
    source = _source_of(tok)
    if source is None:
        return None
    doc = tok.doc
    left, right = clause.left_edge, clause.right_edge
    last = subject_phrase_last(tok)
    if last is not None and last.i > right.i:
        right = last  # the clause's last words the parse gave the main verb
    elif tok.dep_ == "ROOT" and (misread := _main_verb_within(clause)) is not None:
        right = misread
    while right.i > left.i and right.is_punct:
        right = doc[right.i - 1]
    span = doc[source.left_edge.i:source.right_edge.i + 1]
    if source.dep_ == "poss":  # "the Kremlin's": the name without its possessive ending
        span = doc[source.left_edge.i:source.i + 1]
    sent = tok.sent
    return Relation(sentence=(sent.start_char, sent.end_char), cue=(tok.idx, tok.idx + len(tok)),
                    cue_lemma=tok.lemma_.lower(), content=[(left.idx, right.idx + len(right))],
                    source=resolver.party(source, full_span=span), source_span=(span.start_char, span.end_char),
                    kind="indirect", cue_token=tok.i)


# nouns whose owner's number a predicate states: "the ministry's toll rose to 137", "the agency's tally,
# which stood at 190, ..."
TALLY_NOUNS = {"toll", "tally", "count", "total", "estimate", "figure"}
TALLY_DEPS = {"nsubj", "nsubjpass"}


def _date_number(tok: Token) -> bool:
    """A number that is part of a date or time. A bare number the tagger alone calls one ("The count at
    midday was 34") is not, unless it reads as a year; nor is a number of hours or days."""
    if tok.ent_type_ not in {"DATE", "TIME"}:
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lemma_.lower() in DURATION_UNITS:
        return False  # a span of time, "about 60 hours", not a clock time or a date
    bare = tok.ent_iob_ == "B" and (tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    return not (bare and tok.text.isdigit() and not 1800 <= int(tok.text) <= 2100)


def tally_relation(tok: Token, resolver: SourceResolver) -> Relation | None:
    """An owner's tally and the number its predicate gives it: the owner says that number."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in TALLY_NOUNS:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}), None)
    if owner is None:
        return None
    relative = next((c for c in tok.children if c.dep_ == "relcl"), None)
    predicate = relative if relative is not None else tok.head if tok.dep_ in TALLY_DEPS else \
        _misread_subject(tok, owner)
    if predicate is None or predicate.pos_ not in {"VERB", "AUX"}:
        return None
    doc = tok.doc
    # what is said of the tally, after the noun: "rose to 137 on Thursday", "which stood at 190"
    left = relative.left_edge if relative is not None else doc[min(tok.right_edge.i + 1, len(doc) - 1)]
    right = predicate.right_edge if relative is not None else doc[max(predicate.right_edge.i, left.i)]
    # a clause joined on with its own subject is someone else's: "The county's first figure was at least 10,
    # and Vantrell now says 11"
    joined = [c for c in predicate.children if c.dep_ == "conj" and c.i > left.i
              and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)]
    if joined:
        right = doc[max(min(c.left_edge.i for c in joined) - 1, left.i)]
    while right.i > left.i and (right.is_punct or right.dep_ == "cc"):
        right = doc[right.i - 1]
    # "was 'not one we recognise'": a pronoun "one" gives no number
    if not any((t.like_num or t.ent_type_ in {"CARDINAL", "QUANTITY"}) and not _date_number(t)
               and not (t.lower_ == "one" and doc[t.i - 1].lower_ == "not") for t in doc[left.i:right.i + 1]):
        return None
    while left.i < right.i and left.is_punct:
        left = doc[left.i + 1]
    span = doc[owner.left_edge.i:owner.i + 1]
    source = resolver.party(owner, full_span=span)
    if tok.dep_ == "appos" and predicate.i == tok.head.head.i:
        # the owner's name, which the parser broke in two
        span = doc[tok.head.left_edge.i:owner.i + 1]
        name = doc[tok.head.i:owner.i + 1]
        source = Party(text=span.text, entity=name.text, kind="org", span=(span.start_char, span.end_char))
    sent = tok.sent
    return Relation(sentence=(sent.start_char, sent.end_char), cue=(tok.idx, tok.idx + len(tok)),
                    cue_lemma=tok.lemma_.lower(), content=[(left.idx, right.idx + len(right))],
                    source=source, source_span=(span.start_char, span.end_char),
                    kind="indirect", cue_token=tok.i)


# the words that may join a name's parts: "Division of Fish and Wildlife"
NAME_LINKS = {"of", "and", "for", "the", "&"}


def _misread_subject(tok: Token, owner: Token) -> Token | None:
    """The verb whose subject the parser took to be the owner's name, leaving the tally in apposition: in
    "The state Division of Fish and Wildlife's first estimate ... was about 3,500", "Division" is read as
    the subject and "estimate" as its appositive."""
    head = tok.head
    if tok.dep_ != "appos" or head.dep_ not in TALLY_DEPS or not head.i < owner.i < tok.i:
        return None
    name = tok.doc[head.i:owner.i + 1]
    in_name = all(t.pos_ == "PROPN" or t.lower_ in NAME_LINKS for t in name)
    return head.head if head.pos_ == "PROPN" and in_name else None


def _main_verb_within(clause: Token) -> Token | None:
    """With the noun cue left as the sentence's root, the parser took the main verb for a clause inside
    the content: in "The authorities' insistence that nobody could have foreseen the collapse sits uneasily
    with ...", "the collapse sits uneasily" hangs from "foreseen". Gives the content's last word (the end
    of the misread subject, which is the inner verb's object), or None."""
    for verb in clause.subtree:
        if verb.dep_ != "ccomp" or verb.pos_ not in {"VERB", "AUX"} or verb.head.i >= verb.i \
                or any(c.dep_ == "mark" for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i), None)
        if subj is not None and subj.pos_ in {"NOUN", "PROPN"} and subj.left_edge.i == verb.head.i + 1:
            return subj.right_edge
    return None


def _clause_after(tok: Token) -> Token | None:
    """The clause a "that" right after the noun opens when the parser hung it elsewhere ("has stuck to his
    claim that Ukrainian shelling broke the gates", parsed as a clause of "stuck"): the highest verb
    whose words start at that "that"."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "that" or doc[tok.i + 1].dep_ != "mark":
        return None
    that = doc[tok.i + 1]
    top = None
    node = that.head
    while node.left_edge.i == that.i and node.i > tok.i:
        top = node
        if node.head.i == node.i:
            break
        node = node.head
    return top if top is not None and top.pos_ in {"VERB", "AUX"} else None


def _institution(tok: Token) -> bool:
    """A modifier that names who owns a figure: a named organisation or an institution noun."""
    return tok.ent_type_ in {"ORG", "NORP", "GPE", "PERSON"} or tok.lemma_.lower() in INSTITUTIONS \
        or tok.lemma_.lower() in ORG_NOUNS


def _source_of(tok: Token) -> Token | None:
    """Who the noun's words belong to: its possessor, its "by"/"from" phrase, or a light verb's subject."""
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            obj = pobj_of(child)
            if obj is not None:
                return obj
    for child in tok.children:
        if child.dep_ == "compound" and child.i < tok.i and _institution(child):
            return child  # "the police figure of 240,000"
    head = tok.head
    if tok.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


__all__ = ["LIGHT_VERBS", "NOUN_CUES", "noun_relation", "tally_relation"]
