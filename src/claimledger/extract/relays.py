"""Who carries a speaker's words: the outlets and people that relay a source ("officials cited by CNN",
"Newsweek cites officials who say") and the publishers a source spoke to ("told Al Jazeera", "in an
interview with the BBC", "said in a statement carried by Russian news agencies").
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.extract.mentions import medium_recipient
from claimledger.extract.source_phrases import is_publisher
from claimledger.extract.sources import SourceResolver
from claimledger.extract.speakers import agent_of, subject_of
from claimledger.model import Party
from claimledger.parse import pobj_of

# verbs whose subject relays the speaker it quotes or cites ("Newsweek cites officials who say")
RELAY_VERBS = {"quote", "cite"}
# what a source gives a medium it speaks to: "in an interview with", "in remarks to"
CONVERSATION_NOUNS = {"interview", "conversation", "comment", "remark", "statement", "call", "exchange", "briefing"}
# what a medium does with a statement it relays ("a statement carried by Russian news agencies")
CARRYING_VERBS = {"carry", "publish", "broadcast", "air", "report", "run", "relay"}


def relays_of_source(subj: Token, resolver: SourceResolver) -> list[Party]:
    """'officials cited by CNN' and 'Newsweek cites officials who say' make CNN/Newsweek relays."""
    via: list[Party] = []
    for child in subj.children:
        if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in RELAY_VERBS | {"report"}:
            agent = agent_of(child)
            if agent is not None:
                via.append(resolver.party(agent))
    head = subj.head
    if subj.dep_ in {"dobj", "obj"} and head.lemma_.lower() in RELAY_VERBS:
        relay = subject_of(head)
        if relay is not None:
            via.insert(0, resolver.party(relay))
    return via


def publisher_recipients(tok: Token, resolver: SourceResolver) -> list[Party]:
    """'told Al Jazeera', 'commented to DW': a named publisher the source spoke to relays the claim."""
    out = []
    for child in tok.children:
        target = None
        if child.dep_ in {"dative", "dobj", "iobj"} and tok.lemma_.lower() in {"tell", "inform"}:
            target = child
        elif child.dep_ in {"prep", "dative"} and child.lower_ == "to":
            target = pobj_of(child)
        else:
            target = _interviewer(child)
            if target is None and child.dep_ == "prep" and child.lower_ in {"in", "on"}:
                # "said in a statement carried by Russian news agencies": who carried it relays it
                out += [resolver.party(agent) for said in child.children if said.dep_ == "pobj"
                        for carried in said.children if carried.dep_ == "acl" and carried.tag_ == "VBN"
                        and carried.lemma_.lower() in CARRYING_VERBS and (agent := agent_of(carried)) is not None]
        if target is None:
            continue
        if (medium := medium_recipient(target)) is not None:  # "told Egyptian state television"
            out.append(medium)
        elif (own := resolver.own_publisher(target)) is not None:  # "told Plumbline", "told the Review"
            out.append(own)
        elif is_publisher(target):
            out.append(resolver.party(target))
        elif (outlet := resolver.outlet(target)) is not None:  # "told the newspaper"
            out.append(outlet)
    return out


def _interviewer(child: Token) -> Token | None:
    """Who the source spoke to, said around the cue: "In an interview with the BBC, ...", "said in
    remarks to the Courier", "Asked by Reuters, ...", "Speaking to Al Jazeera, ..."."""
    if child.dep_ == "prep" and child.lower_ in {"in", "during"}:
        talk = next((c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in CONVERSATION_NOUNS), None)
        if talk is not None:
            return _with_or_to(talk)
    elif child.dep_ == "advcl" and child.tag_ == "VBN" and child.lemma_.lower() == "ask":
        return agent_of(child)
    elif child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in {"speak", "talk"}:
        return _with_or_to(child)
    return None


def _with_or_to(tok: Token) -> Token | None:
    """The object of ``tok``'s "with" or "to" ("an interview with X", "speaking to X")."""
    return next((p for w in tok.children if w.dep_ == "prep" and w.lower_ in {"with", "to"}
                 for p in w.children if p.dep_ == "pobj"), None)
