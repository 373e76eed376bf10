"""Who speaks in an attribution: the cue's subject (or the agent of a passive, or the subject of the
verb it hangs from), the speaker after an inverted cue ('"...," said X'), and the party a report cites
('AFP, citing three diplomats, reported ...').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.extract.mentions import ORG_NOUNS, PERSON_NOUNS, is_person_noun
from claimledger.extract.quotes import inside
from claimledger.extract.source_phrases import core_span
from claimledger.model import Span as CharSpan
from claimledger.parse import doc_text, pobj_of

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


def has_clause(tok: Token) -> bool:
    return any(c.dep_ in {"ccomp", "csubj"} for c in tok.children)


# nouns that may say something without being a name or a person ("a statement saying ...", "citing
# three diplomats")
SPEAKER_NOUNS = {"source", "official", "diplomat", "report", "study", "survey", "poll", "agency", "expert",
                 "analyst", "spokesman", "spokeswoman", "person", "people", "statement", "newspaper", "media"}
NAMED_SPEAKERS = {"PERSON", "ORG", "NORP", "GPE"}
# what tells of an event: "the authority's account of the accident, which said ..." is the account saying
ACCOUNT_NOUNS = {"account", "report", "statement", "study", "assessment", "version", "analysis", "review",
                 "summary", "update", "bulletin", "description"}


PARTICIPLE_CUES = {"say", "add", "insist", "argue", "claim", "note", "warn", "explain", "stress"}


def participle_reporter(tok: Token) -> Token | None:
    """The main verb a speech participle goes with when the parser hung it from the clause that verb
    reports: in "X denied that lawmakers were obstructing the judge, saying ..." the saying is X's."""
    head = tok.head
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in PARTICIPLE_CUES and tok.i > 0 \
            and tok.doc[tok.i - 1].text == "," and head.dep_ == "ccomp" and head.head.pos_ == "VERB" \
            and head.head.dep_ == "ROOT":
        return head.head
    return None


def subject_of(tok: Token) -> Token | None:
    """The speaker: the subject, the passive agent, or the subject of the verb it hangs from."""
    agent = agent_of(tok)
    if agent is not None:
        return agent
    prep = tok.head
    if tok.tag_ == "VBG" and tok.dep_ == "pobj" and prep.lower_ == "to" and prep.head.pos_ == "VERB" \
            and any(c.dep_ == "nsubj" and c.i == tok.i - 1 for c in tok.children):
        # "signed a letter to OceanGate warning that ...": the parser made the one written to the subject
        # of the participle; the warning is the letter's, so its senders'
        return subject_of(prep.head)
    for child in tok.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in {"who", "which", "that"} and tok.dep_ == "relcl":
                return relative_antecedent(child)
            return child
    # "declined to confirm", "went on to say", "and added that": share the governing verb's subject
    if tok.dep_ in {"xcomp", "conj", "advcl"} and tok.head.i != tok.i and tok.head.pos_ in {"VERB", "AUX"}:
        head = tok.head
        # "X said 150 tonnes had been released, and warned that ...": hung from the said clause, but
        # past tense like "said" and unlike "released", the warning is X's
        # the same when the said clause is passive and this verb takes an object: "X said no possibility
        # could be excluded, and called the damage a concern" (the possibility calls nothing)
        if tok.dep_ == "conj" and head.dep_ == "ccomp" and tok.tag_ == head.head.tag_ != head.tag_ and (
                any(c.dep_ == "ccomp" for c in tok.children)
                or (any(c.dep_ == "auxpass" for c in head.children) and any(c.dep_ == "dobj" for c in tok.children))):
            head = head.head
        elif (reporter := participle_reporter(tok)) is not None:
            head = reporter
        return subject_of(head)
    if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"}:
        return tok.head
    # "a statement saying ...", "officials, reported ...": a participle hanging from the speaker
    if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"} \
            and (tok.tag_ == "VBG" or has_clause(tok)):
        head = tok.head
        if head.dep_ == "dobj" and head.head.pos_ == "VERB" and not _may_speak(head):
            # "Gazprom halted flows citing a turbine fault": the participle is the verb's subject's
            return subject_of(head.head)
        return head
    return _fronted_appositive(tok)


def _fronted_appositive(tok: Token) -> Token | None:
    """'At a press conference on Monday, the agency's director, Dr Irena Solt, said ...': the parser hung
    the subject on the opening phrase as an appositive of its last noun; the subject is that appositive,
    when it runs up to the verb."""
    if tok.dep_ != "ROOT" or tok.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    doc, before = tok.doc, tok.i - 1
    while before >= 0 and doc[before].is_punct:
        before -= 1
    # ("According to the agency, an official said ..." is according_appositive's: the agency relays it)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.i < tok.i and c.right_edge.i == before
                 and c.lower_ != "according"):
        outermost = [t for t in prep.subtree if t.dep_ == "appos" and t.head.dep_ != "appos"
                     and t.pos_ in {"NOUN", "PROPN"}]
        if outermost:
            return outermost[-1]
    return None


def relative_antecedent(pronoun: Token) -> Token:
    """What the relative pronoun of a relative clause stands for: the noun the clause hangs from, but
    the person before a place ("a volunteer in Oleshky, who asked ..."), where the parser hung the clause
    from the place."""
    head = pronoun.head.head
    if pronoun.lower_ == "who" and head.dep_ == "pobj" and head.head.lower_ in {"in", "from", "at", "near"} \
            and is_person_noun(head.head.head):
        head = head.head.head
    if pronoun.lower_ == "who" and head.dep_ == "appos" and head.head.pos_ == "PROPN" and head.head.i < head.i:
        return head.head  # "Tobias Wren, an analyst at Corvel Research, who told ...": the one named
    if pronoun.lower_ in {"which", "that"} and head.dep_ == "pobj" and head.head.lower_ == "of" \
            and head.head.head.lemma_.lower() in ACCOUNT_NOUNS and not _may_speak(head):
        # "the authority's first account of the accident, which said ...": the account, and so its owner
        account = head.head.head
        return next((c for c in account.children if c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"}), account)
    return head


def _may_speak(noun: Token) -> bool:
    """Whether a noun can be the one saying something: a name, a person, or a speaking thing ("a statement")."""
    return noun.ent_type_ in NAMED_SPEAKERS or noun.lemma_.lower() in SPEAKER_NOUNS or is_person_noun(noun)


def inverted_speaker(tok: Token, quotes: list[CharSpan]) -> Token | None:
    """'"...," said Marta Kowalczyk, a chemist at ..., "..."': the name right after the cue, which the
    parser made the subject of the quote's second half."""
    doc = tok.doc
    text = doc_text(doc)
    if tok.i + 1 >= len(doc) or inside(quotes, doc[tok.i + 1].idx, doc[tok.i + 1].idx + 1):
        return None
    # only right after a quote ('"...," said X'), or opening the sentence ('Said Ellis: "..."')
    after_quote = any(b <= tok.idx and not text[b:tok.idx].strip(" ,\u2014-") for _, b in quotes)
    if not (after_quote or (tok.i == tok.sent.start and doc[tok.i + 1].pos_ == "PROPN")):
        return None
    head = doc[tok.i + 1]
    if head.pos_ not in {"PROPN", "NOUN", "DET", "ADJ"}:
        return None
    # up the noun phrase that starts there, as long as it stays outside the quotes
    while head.head.i != head.i and head.head.i > tok.i and head.head.pos_ in {"PROPN", "NOUN"} \
            and not inside(quotes, head.head.idx, head.head.idx + 1):
        head = head.head
    return head if head.pos_ in {"PROPN", "NOUN"} else None


# verbs of saying that go between commas inside what was said ("The war, said one diplomat, has ...";
# not "His group, called the Legacy Fund, will ...")
MEDIAL_VERBS = {"say", "add", "write", "argue", "insist", "note", "warn", "explain", "claim", "admit",
                "acknowledge", "predict", "suggest", "contend", "believe", "think", "reckon", "recall"}


def medial_tag(tok: Token) -> tuple[Token, list[tuple[int, int]]] | None:
    """'The war, said one diplomat, has changed everything' / 'Without access, said Kaspar Lindqvist, a
    former assessor, every account remains provisional': a speech verb set between commas inside the
    sentence it reports, its speaker right after it. Gives the speaker's head token and the two token
    ranges (start, end exclusive) of what was said, around the tag; None when the cue is not so placed."""
    doc, sent = tok.doc, tok.sent
    if tok.lemma_.lower() not in MEDIAL_VERBS or tok.tag_ not in {"VBD", "VBZ"} or tok.i - 2 < sent.start \
            or doc[tok.i - 1].text != "," \
            or tok.i + 1 >= sent.end or doc[tok.i + 1].pos_ not in {"PROPN", "NOUN", "DET", "NUM", "ADJ"}:
        return None
    if any(c.dep_ in {"dobj", "dative"} or (c.dep_ == "ccomp" and c.i < tok.i) for c in tok.children):
        return None
    commas = [t.i for t in doc[tok.i + 1:sent.end] if t.text == ","]
    if not commas:
        return None
    name_end = commas[0]
    phrase = range(tok.i + 1, name_end)
    heads = [i for i in phrase if doc[i].head.i not in phrase]
    if len(heads) != 1 or doc[heads[0]].pos_ not in {"PROPN", "NOUN"}:
        return None
    head = doc[heads[0]]
    rest = name_end + 1
    # an appositive after the name ("Lindqvist, a former UN assessor at ..., every account ...")
    if len(commas) > 1 and all(t.head.i in range(tok.i + 1, commas[1]) for t in doc[rest:commas[1]]):
        rest = commas[1] + 1
    end = sent.end
    while end > rest and doc[end - 1].is_punct:
        end -= 1
    clause = doc[rest:end]
    if not len(clause) or not any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "acl"} for t in clause):
        return None
    first_end = tok.i - 1
    return head, [(sent.start, first_end), (rest, end)]


FRONTED_DEPS = {"prep", "advcl", "npadvmod"}
# when the saying happened, not what was said: "During his years in office, he said, ..." (PolNeAR's
# content leaves such a phrase out)
WHEN_OPENERS = {"during", "when", "while", "after", "before", "since", "until", "once", "as", "following", "amid"}


def fronted_adjunct(tok: Token) -> CharSpan | None:
    """'In a city of some 90,000 people, she added, even the lower figures would mean ...': a phrase put
    before a tag set between commas belongs to what was said, though the parser hangs it on the cue.
    Gives its character span, or None when the cue is not so placed; a date ("On Monday, she said, ...")
    or a time clause stays with the saying."""
    doc, sent = tok.doc, tok.sent
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > tok.i or tok.i + 1 >= sent.end or doc[tok.i + 1].text != "," \
            or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None
    comma = subj.left_edge.i - 1
    start = sent.start
    while start < comma and (doc[start].is_punct or doc[start].is_space):
        start += 1  # an opening quote mark or dash
    if comma <= start or doc[comma].text != ",":
        return None
    piece = next((c for c in tok.children if c.dep_ in FRONTED_DEPS and c.left_edge.i == start
                  and c.right_edge.i == comma - 1), None)
    if piece is None or piece.left_edge.i == piece.right_edge.i or piece.left_edge.lower_ in WHEN_OPENERS:
        return None
    if all(t.ent_type_ in {"DATE", "TIME"} for t in piece.subtree if not (t.i == piece.i and t.dep_ == "prep")):
        return None
    last = doc[comma - 1]
    return doc[start].idx, last.idx + len(last)


def agent_of(tok: Token) -> Token | None:
    """Who a passive verb names with "by", also after its object predicate ("was declared contained by
    the fire service")."""
    for holder in (tok, *(c for c in tok.rights if c.dep_ == "oprd")):
        if (agent := next((c for c in holder.children if c.dep_ == "agent"), None)) is not None:
            return pobj_of(agent)
    return None


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)


OBLIGATION_MODALS = {"should", "must", "ought"}
OBLIGATION_HEADS = {"have", "need", "ought"}


def is_obligation(tok: Token) -> bool:
    """'Washington should explain ...', 'he has to say ...': a speech act demanded, not one reported.
    PolNeAR's train split marks none of its 18 such verbs as a cue."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_.lower() in OBLIGATION_HEADS and head.i < tok.i \
        and any(c.lower_ == "to" for c in tok.children)


def not_a_cue(tok: Token) -> bool:
    """A cue word that reports nothing here: an obligation ("should explain"), a participle read as a verb,
    or "add" with a thing for its object ("added a further twist", "the balloon added little")."""
    return is_obligation(tok) or reduced_relative(tok) or _adds_a_thing(tok)


def _adds_a_thing(tok: Token) -> bool:
    """ "add" said of something put in, not of words: an object and no clause or quote for what was said."""
    if tok.lemma_.lower() != "add" or tok.pos_ != "VERB":
        return False
    if any(c.dep_ in {"ccomp", "xcomp", "parataxis"} for c in tok.children):
        return False
    obj = next((c for c in tok.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None or obj.lower_ in {"that", "this", "it"} or not obj.text[:1].isalpha():
        return False
    return not any(c.dep_ in {"acl", "relcl", "ccomp"} and c.left_edge.lower_ == "that" for c in obj.children)


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def reduced_relative(tok: Token) -> bool:
    """A past participle the parser took for a reporting verb: in "Estrel said the wind reported to the
    crew had been within limits", "reported to the crew" describes the wind, and "had been ..." is the
    wind's verb, not what the wind reported. Its tell: the clause read as the content has a finite verb
    and no subject of its own, which English does not allow."""
    subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "expl"]
    # the participle right after the common noun it describes ("said" is no such participle: "a step
    # Vantrell said was needed"), and not a relative clause with a gap ("the figure the ministry reported
    # was too low")
    if tok.tag_ not in {"VBD", "VBN"} or tok.lemma_.lower() == "say" or tok.dep_ == "relcl" or len(subjects) != 1 \
            or subjects[0].i != tok.i - 1 or subjects[0].pos_ != "NOUN":
        return False
    before = subjects[0].left_edge.i - 1
    if before >= 0 and tok.doc[before].pos_ in {"NOUN", "PROPN"}:
        return False
    if any(c.dep_ in {"dobj", "obj", "dative", "iobj"} for c in tok.children):
        return False  # a passive participle takes no object: "employees told the board ..." spoke
    for clause in (c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i):
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ in {"expl", "mark"} for c in clause.children) \
                or swallowed_subject(tok, clause) is not None:  # "said on Tuesday City Hall would close"
            continue
        first = clause.left_edge
        if first.tag_ in FINITE_TAGS and first.pos_ in {"AUX", "VERB"}:
            return True
    return False

def swallowed_subject(cue: Token, clause: Token) -> int | None:
    """'said on Tuesday City Hall would close': the clause's subject misread as the object of 'on' (or
    of the cue itself, after the person told)."""
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in clause.children):
        return None
    # "told the council that debris from X was found": the subject misread as a second object
    objects = [c for c in cue.children if c.dep_ in {"dobj", "obj", "dative"} and cue.i < c.i < clause.i]
    if len(objects) >= 2:
        return objects[1].left_edge.idx
    for prep in cue.children:
        if prep.dep_ == "prep" and cue.i < prep.i and prep.right_edge.i == clause.left_edge.i - 1:
            pobj = pobj_of(prep)
            if pobj is None or pobj.ent_type_ in {"DATE", "TIME"}:
                return None
            first = pobj.left_edge
            while first.i < pobj.i and first.ent_type_ in {"DATE", "TIME"}:
                first = first.doc[first.i + 1]
            return first.idx if first.i > prep.i + 1 else None
    return None


def cited_source(tok: Token) -> Token | None:
    """'AFP reported, citing three diplomats, ...' / 'AFP, citing three diplomats, reported ...': the
    cited party is the real source.

    The parser hangs "citing" on the cue, on the content verb or on the reporter, so look for it by
    position: right after the cue, set off by a comma, or between the cue and its subject.
    """
    citing = citing_of(tok)
    return cited_by(citing) if citing else None


# information a "citing" may name with whom it comes from: "citing figures from two hospitals"
CITED_INFORMATION = {"figure", "data", "statistic", "number", "record", "document", "estimate", "tally", "count",
                     "result", "reading", "finding", "information", "log"}


def cited_by(citing: Token) -> Token | None:
    """The party a "citing" names: its object, or whom evidence cited comes from ("citing figures from
    two hospitals": the hospitals)."""
    cited = next((c for c in citing.children if c.dep_ in {"dobj", "obj", "pobj"}), None)
    if cited is None or is_speaker(cited) or cited.lemma_.lower() not in CITED_INFORMATION:
        return cited  # "citing a strike by baggage handlers": a reason, not whom it comes from
    return next((owner for prep in cited.rights if prep.dep_ == "prep" and prep.lower_ in {"from", "by"}
                 and (owner := pobj_of(prep)) is not None and (is_speaker(owner) or (
                     owner.pos_ == "NOUN" and owner.ent_type_ not in {"DATE", "TIME"}))), cited)


def is_speaker(tok: Token) -> bool:
    """Whether a cited party is someone who speaks ("three diplomats", "the Red Crescent", "a study"),
    not a thing put forward as evidence ("citing hospital records", "citing a threat to health")."""
    lemma = tok.lemma_.lower()
    return tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or lemma in SPEAKER_NOUNS | ORG_NOUNS | PERSON_NOUNS \
        or tok.pos_ in {"PRON", "PROPN"} or is_person_noun(tok)


# how far before the cue a "citing" may stand: "Radio Kesterel, citing a steward who was on duty at the
# north end, has reported that ..."
CITING_REACH = 20


def citing_of(tok: Token) -> Token | None:
    """The "citing" that names the cue's real source, if any (see ``cited_source``)."""
    doc = tok.doc
    for i in range(tok.i + 1, min(tok.i + 6, len(doc))):  # "reported on Thursday, citing"
        cand = doc[i]
        if cand.lower_ == "citing":
            return cand
        # "told me, citing", "reported this afternoon, citing"
        if not (cand.is_punct or cand.pos_ in {"ADV", "ADP", "NOUN", "PROPN", "PRON", "DET"}):
            break
    # "The Journal, citing four officials, reported ...": set off by commas before the cue
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - CITING_REACH) - 1, -1):
        cand = doc[i]
        # hanging from the cue, from what the cue hangs from, or from the sentence's root, a verb ahead of
        # it (a "citing" hanging from a clause before it belongs to that clause's report: "said A, citing Y,
        # and said B"), the reporter's name the parser made the root, or the cue's subject ("The Mail, a
        # Sydney newspaper, citing two people, reported")
        subjects = (c.i for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"})
        head = cand.head
        while head.is_punct and head.head.i != head.i:  # hung from the comma before it, which hangs from the cue
            head = head.head
        if cand.lower_ == "citing" and i > tok.sent.start and doc[i - 1].text == "," \
                and (head.i > i or head.pos_ in {"NOUN", "PROPN"}) \
                and head.i in {tok.i, tok.sent.root.i, *(a.i for a in tok.ancestors), *subjects}:
            return cand
    return None


def trailing_citing(tok: Token) -> Token | None:
    """'X said that A, citing Y': a "citing" set off by a comma at the end of the cue's sentence, hanging
    from the cue or from its clause (``citing_of`` finds the other places)."""
    doc = tok.doc
    clauses = {tok.i, *(c.i for c in tok.children if c.dep_ in {"ccomp", "xcomp"})}
    if tok.dep_ == "relcl" and tok.head.head.pos_ in {"VERB", "AUX"}:
        clauses.add(tok.head.head.i)  # "published an update that put the toll at 11,300, citing Y"
    # set off by a comma, or joined to the cue ("lowering the toll to 4,000 and citing Y as its source")
    return next((cand for cand in tok.sent
                 if cand.i > tok.i + 3 and cand.lower_ == "citing"
                 and (doc[cand.i - 1].text == "," or (doc[cand.i - 1].lower_ == "and" and cand.dep_ == "conj"))
                 and cand.head.i in clauses and _ends_report(doc[cand.right_edge.i + 1:tok.sent.end])),
                None)


def _ends_report(rest: Span) -> bool:
    """Whether what follows a "citing Y" closes the report: nothing but punctuation, or a coordinated
    next statement ("..., citing the Pentagon, and said ...")."""
    words = [t for t in rest if not (t.is_punct or t.is_space)]
    return not words or (words[0].pos_ == "CCONJ" and rest[0].is_punct)


def citer_of(tok: Token) -> Token | None:
    """Who cites, for a "citing" before the cue: the noun it hangs from, or its verb's subject."""
    citing = citing_of(tok)
    if citing is None or citing.i > tok.i:
        return None
    return citing.head if citing.head.pos_ in {"NOUN", "PROPN"} else subject_of(citing.head)


def after_cited(cited: Token, sent: Span) -> list[CharSpan] | None:
    """The content that follows 'citing X, ...' when the parser folded it into X's phrase."""
    doc = cited.doc
    i = core_span(cited).end
    # "citing the team stationed at the site, that ...": a modifier of the cited party, set off by a
    # comma, is still the party's phrase
    comma = next((j for j in range(i, sent.end) if doc[j].text == ","), None)
    subtree = {t.i for t in cited.subtree}
    if comma is not None and comma > i and all(j in subtree for j in range(i, comma)):
        i = comma
    end = sent.end - 1
    while i <= end and (doc[i].is_punct or doc[i].is_space):
        i += 1
    while end > i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    if end <= i:
        return None
    return [(doc[i].idx, doc[end].idx + len(doc[end]))]


def according_appositive(according: Token) -> Token | None:
    """"According to the agency, an official said ...", parsed with the official in apposition to the
    agency and the verb left without a subject: the official, who speaks (the agency carries it)."""
    verb = according.head
    if according.lower_ != "according" or verb.pos_ not in {"VERB", "AUX"} or verb.i < according.i \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    to = next((c for c in according.children if c.lower_ == "to"), None)
    obj = pobj_of(to)
    if obj is None:
        return None
    appos = next((c for c in obj.children if c.dep_ == "appos" and c.i > obj.i), None)
    if appos is None or appos.i < 1 or appos.doc[appos.left_edge.i - 1].text != ",":
        return None
    return appos


def subject_after_according(subj: Token) -> Token | None:
    """The speaker in apposition to a verb's subject that an "according to" opens ("According to the
    agency, an official said ...", parsed as the agency saying it): the official."""
    doc, left = subj.doc, subj.left_edge.i
    if left < 2 or doc[left - 2].lower_ != "according" or doc[left - 1].lower_ != "to":
        return None
    return next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)


__all__ = [
    "SUBJECT_DEPS", "according_appositive", "after_cited", "agent_of", "cited_by", "cited_source", "citer_of",
    "citing_of", "has_clause", "inverted_speaker", "is_passive", "is_speaker", "not_a_cue", "participle_reporter",
    "reduced_relative", "subject_after_according", "subject_of", "swallowed_subject", "trailing_citing",
]
