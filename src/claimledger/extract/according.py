"""Attribution by "according to X" and "per X": the phrase's party is the source of the clause it qualifies;
"according to X, citing Y" and "according to X, which cited Y" make Y the source and X its relay.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.extract.content_spans import runs
from claimledger.extract.mentions import document_owner
from claimledger.extract.relation import Relation
from claimledger.extract.relays import RELAY_VERBS, relays_of_source
from claimledger.extract.sources import SourceResolver
from claimledger.extract.speakers import according_appositive, cited_by, is_speaker
from claimledger.model import Party
from claimledger.parse import pobj_of


def according_to(tok: Token, sent: Span, resolver: SourceResolver) -> Relation | None:
    """The relation "according to X" (or "per X") at ``tok`` makes: X's, over the clause it qualifies minus
    the phrase; None when the phrase introduces a speaker of its own or qualifies too little."""
    if according_appositive(tok) is not None:
        return None  # "According to the agency, an official said ...": the verb's relation, via the agency
    doc = tok.doc
    to = doc[tok.i + 1] if tok.lower_ == "according" else tok  # "according to X" / "per X"
    obj = pobj_of(to)
    if obj is None:
        return None
    phrase_start = tok.i
    phrase_end = max(obj.right_edge.i, to.right_edge.i)
    # "according to Radio Lissen, citing the Directorate, ...": who is cited speaks, the outlet carries it
    citing = doc[phrase_end + 2] if phrase_end + 2 < sent.end and doc[phrase_end + 1].text == "," \
        and doc[phrase_end + 2].lower_ == "citing" else None
    cited = cited_by(citing) if citing is not None else _cited_in_relative(obj)
    if citing is not None and cited is not None:
        phrase_end = max(phrase_end, cited.right_edge.i)
    # the clause it qualifies (the verb it hangs from, or the whole sentence), minus the phrase
    clause = tok.head if tok.head.i != tok.i and tok.head.pos_ in {"VERB", "AUX"} else None
    if clause is not None and clause.dep_ not in {"ROOT"} and clause.head.i != clause.i:
        left, right = clause.left_edge.i, clause.right_edge.i
    else:
        left, right = sent.start, sent.end - 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    idx = [i for i in range(left, right + 1) if not (phrase_start <= i <= phrase_end)]
    # drop punctuation next to the cut
    pieces = [(a, b) for a, b in runs(idx)]
    content = []
    for a, b in pieces:
        while a <= b and (doc[a].is_punct or doc[a].is_space) and doc[a].text not in {"\u201c", '"'}:
            a += 1
        while b >= a and (doc[b].is_punct or doc[b].is_space) and doc[b].text not in {"\u201d", '"'}:
            b -= 1
        if b >= a:
            content.append((doc[a].idx, doc[b].idx + len(doc[b])))
    if not content or sum(b - a for a, b in content) < 8:
        return None
    source = resolver.party(obj)
    if (owner := document_owner(obj)) is not None:
        # "according to data posted on its website": the phrase as written, the party who posted it
        who = resolver.party(owner)
        source = Party(text=source.text, entity=who.entity or who.text, kind=who.kind, span=source.span)
    via = relays_of_source(obj, resolver)
    if cited is not None:  # "according to the Chronicle, which cited a Vendaran officer"
        via, source = [*via, source], resolver.party(cited)
    return Relation(sentence=(sent.start_char, sent.end_char), cue=(tok.idx, to.idx + len(to)),
                    cue_lemma="according to", content=content, source=source, source_span=source.span,
                    via=via, kind="according_to", cue_token=tok.i)


def citing_after_according(tok: Token, sent: Span) -> bool:
    """Whether ``tok`` is the "citing" of "according to X, citing Y", which that phrase reads (Y speaks)."""
    doc = tok.doc
    if tok.lower_ != "citing" or tok.i < 2 or doc[tok.i - 1].text != ",":
        return False
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < tok.i and (obj := pobj_of(doc[t.i + 1])) is not None \
                and max(obj.right_edge.i, doc[t.i + 1].right_edge.i) == tok.i - 2:
            return True
    return False


def _cited_in_relative(party: Token) -> Token | None:
    """Whom a party cites in a relative clause on it ("the Chronicle, which cited a Vendaran officer")."""
    for clause in party.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in RELAY_VERBS:
            cited = next((c for c in clause.children if c.dep_ in {"dobj", "obj"}), None)
            if cited is not None and is_speaker(cited):
                return cited
    return None


def per_party(tok: Token) -> bool:
    """'Per the Courier, the count remains 13': "per" opening a sentence with a speaker set off by a comma
    says "according to" ("12 per cent", "per day" name no one)."""
    if tok.lower_ != "per" or tok.i != tok.sent.start or tok.dep_ != "prep" or (obj := pobj_of(tok)) is None:
        return False
    after = obj.right_edge.i + 1
    return is_speaker(obj) and after < len(tok.doc) and tok.doc[after].text == ","
