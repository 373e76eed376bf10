"""A document that carries another outlet's work as a whole: "The following is a translation of a report
broadcast by SRT", "This article first appeared in The Ordavin Standard", "This story was originally
published by ProPublica". That outlet stands between every source in the text and the publisher, so it
relays each claim, as "told SRT" would for one.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from claimledger.extract.relation import Relation
from claimledger.extract.source_phrases import is_publisher
from claimledger.extract.sources import WRITER, SourceResolver
from claimledger.model import Party
from claimledger.parse import pobj_of

# the carried work, named as the framing sentence's subject or complement ("a translation of a report")
WORKS = {"article", "report", "story", "broadcast", "bulletin", "programme", "program", "interview",
         "dispatch", "piece", "column", "transcript", "translation", "summary", "text", "item", "feature"}
# what its first publisher did with it ("a report broadcast by", "first appeared in")
PUBLISHING_VERBS = {"appear", "publish", "broadcast", "air", "run", "carry", "print", "produce", "report",
                    "republish", "reprint", "file"}
# sentences from either end of the document where the framing may stand (under the byline, in a footer)
SENTENCES_FROM_ENDS = 8


def framing(doc: Doc) -> tuple[TokenSpan, Token] | None:
    """The sentence saying whose work the document carries, and the head of that outlet's name."""
    sents = list(doc.sents)
    ends = sents[:SENTENCES_FROM_ENDS] + sents[max(SENTENCES_FROM_ENDS, len(sents) - SENTENCES_FROM_ENDS):]
    for sent in ends:
        if not _about_itself(sent):
            continue
        for tok in sent:
            if tok.dep_ not in {"agent", "prep"} or tok.lower_ not in {"by", "in", "on", "from"}:
                continue
            head = tok.head
            if not (head.lemma_.lower() in PUBLISHING_VERBS and head.pos_ == "VERB"
                    or head.lemma_.lower() in WORKS and head.pos_ == "NOUN" and tok.lower_ == "by"):
                continue
            name = pobj_of(tok)
            # "by the Nordic broadcaster VTK": the name in apposition
            name = next((c for c in name.children if c.dep_ == "appos" and c.pos_ == "PROPN"), name) \
                if name is not None else None
            if name is not None and name.pos_ == "PROPN" and (name.ent_type_ in {"ORG", ""} or is_publisher(name)):
                return sent, name
    return None


def _about_itself(sent: TokenSpan) -> bool:
    """Whether the sentence speaks of the document itself: "The following is ...", "This article ...",
    "What follows ...", "This is a summary of ..." (not "This was reported by ...": an event)."""
    words = [t.lower_ for t in sent[:3]]
    if words[:2] in (["the", "following"], ["what", "follows"]):
        return True
    if words[:1] != ["this"] or len(words) < 2:
        return False
    return words[1] in WORKS or sent[0].dep_ == "nsubj" and any(
        c.dep_ == "attr" and c.lemma_.lower() in WORKS for c in sent[0].head.children)


def _words(party: Party) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", (party.entity or party.text).lower())) - {"the", "s"}


def relay_whole(doc: Doc, relations: list[Relation], resolver: SourceResolver) -> None:
    """Give every relation the outlet whose work the document carries as a relay (see the module); the
    outlet's own words, and what a source told the publisher itself, are not relayed by it."""
    found = framing(doc)
    if found is None:
        return
    _, name = found
    if resolver.own_publisher(name) is not None:
        return
    outlet = resolver.party(name)
    resolver.remember_outlets([outlet])
    for rel in relations:
        source = rel.source
        if source is None or source.kind == WRITER or _words(outlet) <= _words(source):  # "SRT", "SRT's presenter"
            continue
        if any(v.entity == resolver.publisher for v in rel.via):  # the publisher's own reporting
            continue
        # "told the Standard" is that outlet, named in full; it relays once
        told = [i for i, v in enumerate(rel.via) if _words(v) and _words(v) <= _words(outlet)]
        rel.via = [Party(text=v.text, entity=outlet.entity, kind=outlet.kind, span=v.span) if i in told else v
                   for i, v in enumerate(rel.via)] + ([] if told else [outlet])
