"""Propositions: claims from any article that answer the same question, grouped incrementally.

Each claim becomes a vector (``claimledger.embed``): its content's, blended with its whole sentence's,
since the words around the content (who says it, what it answers: "Russia's TASS put the toll at 41")
tell which question it answers better than the content alone; a claim that only points back ("this
seems like fake news") is read with the claim before it in its article. A new claim looks up its
nearest already-placed claims in an approximate nearest-neighbour index (no all-pairs comparison),
scores the propositions they belong to by cosine to the proposition's mean vector plus structure
(do the figures count the same thing? do the named parties and places overlap?), and joins the best
one above a threshold or starts a new one. Old groups are never recomputed: adding an article costs
time in proportion to its claims.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from claimledger.embed import load_embedder
from claimledger.link.labels import labels_for
from claimledger.link.neighbours import NeighbourIndex
from claimledger.link.relays import relay_wrappers
from claimledger.link.words import counted_names, is_anaphoric, names, outcomes, places
from claimledger.model import UNIT_DIMENSIONS, Claim, Proposition

# cosine to a proposition's mean vector needed to join it, per kind of vector
THRESHOLD = {"model": 0.5, "lexical": 0.15}
# share of the content's vector in a claim's vector; the rest is its sentence's. On our four story
# corpora's gold, pairwise AUC of same-question claims: content alone .70, this blend .76, sentence .74
CONTENT_WEIGHT = 0.5
VECTOR_RECIPE = "content+sentence"  # stored vectors made another way are not reused
UNIT_MATCH = {"model": 0.55, "lexical": 0.99}
UNIT_BONUS, UNIT_PENALTY = 0.0, 0.2  # same thing counted / a different thing counted
NAME_WEIGHT = 0.1  # share of the claim's (rarity-weighted) names the group also names, centred on a half
PLACE_PENALTY = 0.1  # both say where, and not the same place
PLACE_SHARE = 0.3  # share of the bigger side's places at which the place penalty vanishes
OUTCOME_BONUS = 0.1  # both say the same became of what they count ("the death toll", "were killed")
OUTCOME_PENALTY = 0.5  # both say what became of what they count (dead, missing, rescued ...), not the same
COUNTED_BONUS = 0.1  # both count the same thing of the same named group ("North Korean troops")
EDGE_WEIGHT = 0.2  # share of the closest pair's cosine in the link score (0: pure average link)
# extra link needed per unit of log size of the smaller group when two groups merge: in one story every
# claim is somewhat alike, and the mean link of two big groups drifts to that background, so a claim
# joins a group as before but two established groups need firmer evidence to become one
SIZE_PENALTY = 0.02
NEIGHBOURS = 24
MAX_NAMES = 12
MAX_UNITS = 6


def claim_texts(claims: list[Claim], context: list[Claim]) -> list[str]:
    """The text embedded for each claim: its content, led by the previous claim of its article when anaphoric."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in context:
        by_doc[c.document_id].append(c)
    for doc_claims in by_doc.values():
        doc_claims.sort(key=_position)
    texts = []
    for c in claims:
        text = c.content
        if is_anaphoric(c.content):
            doc_claims = by_doc.get(c.document_id, [])
            before = [o for o in doc_claims if o.sentence_span[0] < c.sentence_span[0] and not is_anaphoric(o.content)]
            if before:
                text = f"{before[-1].content}. {c.content}"
        texts.append(text)
    return texts


def _position(claim: Claim) -> tuple[int, int]:
    content = claim.spans.get("content") if claim.spans else None
    first = content[0] if content and isinstance(content[0], (list, tuple)) else (0, 0)
    return claim.sentence_span[0], first[0]


@dataclass
class Cluster:
    """A proposition being formed: running sums, so joining two never revisits their members."""

    members: list[int]
    vector_sum: np.ndarray
    names: Counter = field(default_factory=Counter)
    places: Counter = field(default_factory=Counter)
    units: Counter = field(default_factory=Counter)
    counted: set[str] = field(default_factory=set)  # see counted_names
    outcomes: Counter = field(default_factory=Counter)  # see words.outcomes
    place_total: int = 0  # sum of ``places``, kept on merge so the place share costs no scan
    people_unit: bool = False  # a figure counts a named people ("North Koreans"), not a kind of thing
    fixed_id: str | None = None  # the id of an existing proposition; two of those never merge
    top: Top | None = None  # its most named, counted and placed, see Grouping.top
    top_size: int = 0  # members when ``top`` was computed


@dataclass
class Top:
    """A cluster's most frequent names (with their rarity weights), units and places."""

    names: list[tuple[str, float]]
    name_total: float
    units: list[str]
    places: list[str]


class Grouping:
    """Average-link clustering over a nearest-neighbour graph, adjusted by structure."""

    def __init__(self, claims: list[Claim], vectors: np.ndarray, embedder) -> None:
        self.claims = claims
        self.vectors = vectors
        self.embedder = embedder
        self.kind = getattr(embedder, "kind", "model")
        self.parent = list(range(len(claims)))
        self.clusters: dict[int, Cluster] = {}
        self.name_df: Counter = Counter()
        self.name_weights: dict[str, float] = {}
        for i, c in enumerate(claims):
            # sorted: ties among a group's most named are then broken the same way whatever the hash seed
            found = sorted(names(c.content))
            self.name_df.update(found)
            # the row itself, not a copy: sums are only ever replaced on merge, never changed in place
            where = Counter(sorted(places(c.content)))
            self.clusters[i] = Cluster([i], vectors[i], Counter(found), where,
                                       Counter(sorted({f.unit.lower() for f in c.figures if f.unit})), counted_names(c),
                                       outcomes=_shares(outcomes(c)), place_total=sum(where.values()),
                                       people_unit=any(f.unit and f.unit[:1].isupper() for f in c.figures))
        self.unit_vectors: dict[str, np.ndarray] = {}
        self.unit_pairs: dict[tuple[str, str], bool] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Merge root ``b`` into root ``a``."""
        ca, cb = self.clusters[a], self.clusters[b]
        if len(cb.members) > len(ca.members):
            # the bigger cluster absorbs the smaller (union by size): merging costs the smaller's size
            ca, cb = cb, ca
            self.clusters[a] = ca
        del self.clusters[b]
        self.parent[b] = a
        ca.members += cb.members
        ca.vector_sum = ca.vector_sum + cb.vector_sum
        ca.names.update(cb.names)
        ca.places.update(cb.places)
        ca.place_total += cb.place_total
        ca.units.update(cb.units)
        ca.counted |= cb.counted
        ca.outcomes.update(cb.outcomes)
        ca.people_unit = ca.people_unit or cb.people_unit
        ca.fixed_id = ca.fixed_id or cb.fixed_id

    def _unit_vector(self, unit: str) -> np.ndarray:
        if unit not in self.unit_vectors:
            self.unit_vectors[unit] = self.embedder.encode([unit])[0]
        return self.unit_vectors[unit]

    def _same_unit(self, a: str, b: str) -> bool:
        """Whether two figures count the same thing ("troops"/"soldiers" yes, "troops"/"USD" no)."""
        key = (a, b) if a <= b else (b, a)
        same = self.unit_pairs.get(key)
        if same is None:
            same = self.unit_pairs[key] = a == b or _dimension(a) == _dimension(b) and \
                float(self._unit_vector(a) @ self._unit_vector(b)) >= UNIT_MATCH[self.kind]
        return same

    def _name_weight(self, name: str) -> float:
        weight = self.name_weights.get(name)
        if weight is None:
            weight = self.name_weights[name] = math.log((1 + len(self.claims)) / (1 + self.name_df.get(name, 0)))
        return weight

    def top(self, cluster: Cluster) -> Top:
        """The cluster's most named, counted and placed: recomputed only once it has grown by a
        quarter since, so a big group's summaries cost work in proportion to its growth."""
        size = len(cluster.members)
        if cluster.top is None or size * 4 >= cluster.top_size * 5:
            top_names = [(n, self._name_weight(n)) for n, _ in cluster.names.most_common(MAX_NAMES)]
            cluster.top = Top(top_names, sum(w for _, w in top_names),
                              [u for u, _ in cluster.units.most_common(MAX_UNITS)],
                              [p for p, _ in cluster.places.most_common(MAX_NAMES)])
            cluster.top_size = size
        return cluster.top

    def link_score(self, a: Cluster, b: Cluster, edge: float | None = None) -> float:
        """Mean cosine between the two clusters' claims (blended with the closest pair's, ``edge``),
        moved by what is counted, who and where."""
        score = float(a.vector_sum @ b.vector_sum) / (len(a.members) * len(b.members))
        if edge is not None and EDGE_WEIGHT:
            score = (1 - EDGE_WEIGHT) * score + EDGE_WEIGHT * edge
        if a.units and b.units:
            same_group = bool(a.counted & b.counted)
            # "8,000 North Koreans" and "North Korean troops" count the same people in other words
            same = any(self._same_unit(u, v) for u in self.top(a).units for v in self.top(b).units) or \
                (same_group and (a.people_unit or b.people_unit))
            score += (UNIT_BONUS + (COUNTED_BONUS if same_group else 0.0)) if same else -UNIT_PENALTY
        if a.outcomes and b.outcomes:
            shared = _main(a.outcomes) & _main(b.outcomes)
            score += OUTCOME_BONUS if shared else -OUTCOME_PENALTY
        small, big = (a, b) if len(a.members) <= len(b.members) else (b, a)
        if small.names and big.names and NAME_WEIGHT:
            # the smaller side's most named parties and places: bounded work however big the groups grow
            top = self.top(small)
            total = top.name_total
            shared = sum(w for n, w in top.names if n in big.names)
            score += NAME_WEIGHT * ((shared / total if total else 1.0) - 0.5)
        if PLACE_PENALTY and small.places and big.places:
            # how much of the bigger side's "where" the smaller side shares: a group that mostly puts
            # things in one place does not take claims about another it mentions in passing
            share = sum(big.places[p] for p in self.top(small).places) / big.place_total
            score -= PLACE_PENALTY * max(0.0, 1.0 - share / PLACE_SHARE)
        return score

    def run(self, new_rows: list[int]) -> None:
        """Merge along the neighbour edges of the new claims, strongest first, while the link holds."""
        threshold = THRESHOLD[self.kind]
        floor = threshold - UNIT_BONUS - OUTCOME_BONUS - NAME_WEIGHT / 2
        edges = [e for e in NeighbourIndex(self.vectors).search(new_rows, NEIGHBOURS) if e[0] >= floor]
        edges.sort(key=lambda e: (-e[0], e[1], e[2]))
        for sim, i, j in edges:
            a, b = self.find(i), self.find(j)
            if a == b:
                continue
            ca, cb = self.clusters[a], self.clusters[b]
            if ca.fixed_id and cb.fixed_id:
                continue
            smaller = min(len(ca.members), len(cb.members))
            if self.link_score(ca, cb, sim) >= threshold + SIZE_PENALTY * math.log(smaller):
                self.union(a, b)


def _dimension(unit: str) -> str | None:
    """"cubic" in "cubic metres": a volume is not a length however alike the words."""
    first = unit.split(maxsplit=1)[0]
    return first if first in UNIT_DIMENSIONS else None


def _shares(values: set[str]) -> Counter:
    """One vote split among a claim's values: "86 dead and 63 missing" is half of each."""
    return Counter({v: 1 / len(values) for v in values})


def _main(counts: Counter) -> set[str]:
    """The values said of at least half as many claims as the most frequent one."""
    most = max(counts.values())
    return {k for k, n in counts.items() if 2 * n >= most}


def vector_kind(embedder) -> str:
    """The key the ledger stores this embedder's claim vectors under: its kind and how they are made."""
    return f"{getattr(embedder, 'kind', 'model')}:{VECTOR_RECIPE}"


def claim_vectors(claims: list[Claim], context: list[Claim], embedder) -> np.ndarray:
    """Unit rows: each claim's content vector blended with its sentence's (``CONTENT_WEIGHT``).
    Each distinct text is embedded once: claims of one sentence share its vector."""
    contents = claim_texts(claims, context)
    sentences = [c.sentence or t for c, t in zip(claims, contents, strict=True)]
    row = {t: k for k, t in enumerate(dict.fromkeys(contents + sentences))}
    encoded = np.asarray(embedder.encode(list(row)), dtype=np.float32)
    blended = CONTENT_WEIGHT * encoded[[row[t] for t in contents]] + \
        (1 - CONTENT_WEIGHT) * encoded[[row[t] for t in sentences]]
    norms = np.linalg.norm(blended, axis=1, keepdims=True)
    return blended / np.where(norms > 0, norms, 1.0)


def _vectors(claims: list[Claim], embedder, cache: dict[str, np.ndarray]) -> np.ndarray:
    """One unit row per claim: from the cache where it has one of the right size, else embedded now."""
    dim = getattr(embedder, "dim", None)
    missing = [c for c in claims if c.id not in cache or (dim is not None and len(cache[c.id]) != dim)]
    if missing:
        for c, row in zip(missing, claim_vectors(missing, claims, embedder), strict=True):
            # rounded as the ledger stores it, so a rerun from stored vectors groups exactly the same
            cache[c.id] = np.asarray(row, dtype=np.float16).astype(np.float32)
    if not claims:
        return np.zeros((0, dim or 1), dtype=np.float32)
    return np.stack([cache[c.id] for c in claims])


def group_claims(new: list[Claim], existing: dict[str, list[Claim]], embedder=None,
                 cache: dict[str, np.ndarray] | None = None) -> tuple[dict[str, str], list[Proposition]]:
    """Assign new claims to propositions; returns claim->proposition and the touched propositions.

    Existing propositions keep their members and may gain new ones; two of them never merge.
    ``embedder`` is anything with ``encode(texts) -> unit rows`` and ``kind`` ("model" or "lexical");
    by default the sentence model, or the lexical stand-in when the model is not installed.
    ``cache`` maps claim ids to vectors already made by this embedder (the ledger stores them): only
    claims missing from it are embedded, and their vectors are added to it.
    """
    embedder = embedder or load_embedder()
    if not new:
        return {}, []
    relayed = relay_wrappers(new)  # a report of another claim joins that claim's proposition
    new = [c for c in new if c.id not in relayed]
    old = [c for members in existing.values() for c in members]
    everyone = old + list(new)
    vectors = _vectors(everyone, embedder, {} if cache is None else cache)
    grouping = Grouping(everyone, vectors, embedder)
    pos = 0
    for pid, members in existing.items():
        root = pos
        grouping.clusters[root].fixed_id = pid
        for k in range(1, len(members)):
            grouping.union(root, pos + k)
        pos += len(members)
    grouping.run(list(range(len(old), len(everyone))))
    assignment, touched = {}, {}
    for i in range(len(old), len(everyone)):
        cluster = grouping.clusters[grouping.find(i)]
        if cluster.fixed_id is None:
            # a new proposition is named after its first new claim: stable across reruns
            cluster.fixed_id = "p" + hashlib.sha1(everyone[min(cluster.members)].id.encode()).hexdigest()[:10]
        assignment[everyone[i].id] = cluster.fixed_id
        touched[cluster.fixed_id] = cluster
    reports: dict[str, list[str]] = defaultdict(list)
    for outer_id, inner in relayed.items():
        assignment[outer_id] = assignment[inner.id]
        reports[assignment[inner.id]].append(outer_id)
    pids = sorted(touched)
    groups = [[everyone[i] for i in sorted(touched[pid].members)] for pid in pids]
    props = [Proposition(id=pid, label=label, claim_ids=[c.id for c in members] + reports[pid], unit=unit)
             for pid, members, (label, unit) in zip(pids, groups, labels_for(groups), strict=True)]
    return assignment, props
