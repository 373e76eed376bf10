"""Propositions: claims from any article that answer the same question, grouped incrementally.

A claim joins the existing proposition it is most similar to (content words weighted by how rare
they are in the ledger, plus what its figures count) when the similarity clears a threshold;
otherwise it starts a new one. Old groups are never recomputed, so adding an article costs time in
proportion to its claims and the candidate groups that share a word with them.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from claimledger.model import Claim, Proposition

STOP = set((
    "a an the and or but if of to in on at by for with from as into onto over under about than then that "
    "this these those there here it its it's is are was were be been being has have had do does did not "
    "no nor so such very can could may might will would shall should must also just only even yet still "
    "he she they we i you him her them us me his hers their our my your who whom which what when where "
    "why how all any both each few more most other some own same too s said says say told tell according "
    "reported report reports added claimed announced noted warned explained stated that's"
).split())
TOKEN = re.compile(r"[A-Za-z][A-Za-z\-']+|\d[\d,.]*")
THRESHOLD = 0.28


def terms(text: str) -> list[str]:
    """Content words, lowercased and crudely singularised; numbers are left to figures."""
    out = []
    for tok in TOKEN.findall(text):
        low = tok.lower().strip("'-")
        if low in STOP or low[0].isdigit() or len(low) < 3:
            continue
        if low.endswith("ies") and len(low) > 4:
            low = low[:-3] + "y"
        elif low.endswith("s") and not low.endswith("ss") and len(low) > 3:
            low = low[:-1]
        out.append(low)
    return out


def claim_terms(claim: Claim) -> Counter:
    bag = Counter(terms(claim.content))
    for fig in claim.figures:
        for t in terms(fig.unit or ""):
            bag["unit:" + t] += 2
    return bag


@dataclass
class Group:
    id: str
    members: list[str] = field(default_factory=list)
    bag: Counter = field(default_factory=Counter)


class PropositionIndex:
    """Existing propositions, searchable by shared terms (an inverted index, no all-pairs)."""

    def __init__(self) -> None:
        self.groups: dict[str, Group] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)
        self.df: Counter = Counter()
        self.n_claims = 0

    def add_existing(self, prop_id: str, claims: list[Claim]) -> None:
        group = self.groups.setdefault(prop_id, Group(prop_id))
        for c in claims:
            self._join(group, c.id, claim_terms(c))

    def _join(self, group: Group, claim_id: str, bag: Counter) -> None:
        group.members.append(claim_id)
        group.bag.update(bag)
        for t in bag:
            self.postings[t].add(group.id)
            self.df[t] += 1
        self.n_claims += 1

    def _weight(self, term: str) -> float:
        return math.log((1 + self.n_claims) / (1 + self.df.get(term, 0))) + 1.0

    def _similarity(self, bag: Counter, group: Group) -> float:
        shared = set(bag) & set(group.bag)
        if not shared:
            return 0.0
        size = len(group.members)
        dot = sum(self._weight(t) ** 2 * bag[t] * group.bag[t] / size for t in shared)
        na = math.sqrt(sum((self._weight(t) * v) ** 2 for t, v in bag.items()))
        nb = math.sqrt(sum((self._weight(t) * v / size) ** 2 for t, v in group.bag.items()))
        return dot / (na * nb) if na and nb else 0.0

    def assign(self, claim: Claim) -> str:
        """The proposition a new claim joins (created if none is close enough)."""
        bag = claim_terms(claim)
        candidates = set().union(*(self.postings.get(t, set()) for t in bag)) if bag else set()
        best, best_sim = None, 0.0
        for gid in candidates:
            sim = self._similarity(bag, self.groups[gid])
            if sim > best_sim:
                best, best_sim = gid, sim
        if best is None or best_sim < THRESHOLD:
            best = "p" + hashlib.sha1(claim.id.encode()).hexdigest()[:10]
            self.groups[best] = Group(best)
        self._join(self.groups[best], claim.id, bag)
        return best


def label_for(claims: list[Claim]) -> tuple[str, str | None]:
    """A plain-words label and the unit its figures count, if they count one thing.

    The label is the group's most representative claim (the one sharing most words with the others,
    shortest on ties), in its own words; with figures, the question they answer comes first.
    """
    units = Counter(f.unit for c in claims for f in c.figures if f.unit)
    unit = units.most_common(1)[0][0] if units else None
    bags = [set(terms(c.content)) for c in claims]
    best = max(range(len(claims)), key=lambda i: (sum(len(bags[i] & b) for b in bags) - len(bags[i]) / 100,
                                                  -len(claims[i].content)), default=None)
    rep = _as_statement(claims[best].content) if best is not None else ""
    if unit:
        return (f"How many {unit}? ({rep})" if rep else f"How many {unit}?"), unit
    return rep or "(unlabelled)", None


def _as_statement(content: str, limit: int = 90) -> str:
    text = " ".join(content.split()).strip("\u201c\u201d\"' ,.;:\u2026")
    if text.lower().startswith("that "):
        text = text[5:]
    text = text[:1].upper() + text[1:]
    return (text[:limit - 1].rstrip() + "\u2026") if len(text) > limit else text


def group_claims(new: list[Claim], existing: dict[str, list[Claim]]) -> tuple[dict[str, str], list[Proposition]]:
    """Assign new claims to propositions; returns claim->proposition and the touched propositions."""
    index = PropositionIndex()
    for pid, members in existing.items():
        index.add_existing(pid, members)
    assignment = {c.id: index.assign(c) for c in new}
    touched = set(assignment.values())
    by_id = {c.id: c for group in existing.values() for c in group} | {c.id: c for c in new}
    props = []
    for pid in sorted(touched):
        members = [by_id[i] for i in index.groups[pid].members if i in by_id]
        label, unit = label_for(members)
        props.append(Proposition(id=pid, label=label, claim_ids=[c.id for c in members], unit=unit))
    return assignment, props
