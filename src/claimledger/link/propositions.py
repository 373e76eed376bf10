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
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from claimledger.embed import load_embedder
from claimledger.link.neighbours import NeighbourIndex
from claimledger.link.questions import figure_question, yes_no_question
from claimledger.link.questions import parse as parse_labels
from claimledger.link.relays import relay_wrappers
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
PLACE = re.compile(r"\b(?:in|into|inside|to|near|at|within|across|from|toward|towards) (?:the )?"
                   r"((?:[A-Z][a-z]+[-\s]?)+)")
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*")
# content that only points back to something said before it ("this seems like fake news", "we cannot
# rule out the possibility", "nobody has confirmed this"); a leading "that" is a complementiser, not this
ANAPHOR = re.compile(r"^\W*(?:this|these|those|such)\b|\b(?:this|that|it|these|those)\W*$|"
                     r"\b(?:the|this|that|such) (?:possibility|possibilities|allegations?|claims?|reports?|figures?|"
                     r"moves?|idea|news)\b", re.IGNORECASE)
# content that opens as a relative clause or with a pronoun: no label on its own
LEANING = re.compile(r"^\W*(?:which|who|whom|whose|where|it|they|he|she|them|him|her)\b", re.IGNORECASE)
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
COUNTED_BONUS = 0.1  # both count the same thing of the same named group ("North Korean troops")
EDGE_WEIGHT = 0.2  # share of the closest pair's cosine in the link score (0: pure average link)
# extra link needed per unit of log size of the smaller group when two groups merge: in one story every
# claim is somewhat alike, and the mean link of two big groups drifts to that background, so a claim
# joins a group as before but two established groups need firmer evidence to become one
SIZE_PENALTY = 0.02
NEIGHBOURS = 24
QUESTION_MIN_CLAIMS = 2  # groups this big get a question for a label
LABEL_CANDIDATES = 3  # most representative claims parsed for a label, the first that is a clause chosen
MIN_COUNTING = 3  # claims counting one thing that make a "how many" question even in a big group
MAX_NAMES = 12
MAX_UNITS = 6


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


def names(text: str) -> set[str]:
    """Parties and places a claim mentions: capitalised words past the first, cut to a 5-letter stem.

    The stem makes "Russia"/"Russian" and "Korea"/"Korean" one key without a list of demonyms.
    """
    return {w.lower()[:5] for m in NAME.findall(text) for w in re.split(r"[-\s]", m)
            if len(w) > 2 and w.lower() not in STOP}


def places(text: str) -> set[str]:
    """Where a claim puts things: capitalised names after a locative preposition, as 5-letter stems."""
    return {w.lower()[:5] for m in PLACE.findall(text) for w in re.split(r"[-\s]", m.strip()) if len(w) > 2}


def counted_names(claim: Claim) -> set[str]:
    """Whose things a claim's figures count, as 5-letter stems: the capitalised words just before the
    unit ("3,000 North Korean troops" -> north, korea), or the unit itself when it names a people
    ("about 8,000 North Koreans")."""
    out: set[str] = set()
    for f in claim.figures:
        if f.unit:
            words = f.unit.split() if f.unit[:1].isupper() else owner_words(claim.content, f.unit)
            out |= {w.lower()[:5] for word in words for w in re.split(r"[-\s]", word) if len(w) > 2}
    return out


def owner_words(content: str, unit: str) -> list[str]:
    """The capitalised words right before the first mention of ``unit`` ("North Korean" troops)."""
    at = content.lower().find(unit.lower())
    run: list[str] = []
    for word in reversed(content[:max(at, 0)].split()[-4:]):
        if not word[:1].isupper() or any(ch.isdigit() for ch in word):
            break
        run.insert(0, re.sub(r"['\u2019]s$", "", word))
    return run


def is_anaphoric(content: str) -> bool:
    """Whether the claim's content leans on what came before it ("this", "the possibility")."""
    text = re.sub(r"^\W*that\s+", "", content.strip(), flags=re.IGNORECASE)
    return bool(ANAPHOR.search(text)) or len(terms(text)) < 3


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
                                       place_total=sum(where.values()),
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
            same = self.unit_pairs[key] = a == b or \
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
        floor = threshold - UNIT_BONUS - NAME_WEIGHT / 2
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


def label_for(claims: list[Claim], parsed=None) -> tuple[str, str | None]:
    """A plain-words label and the unit its figures count, if they count one thing.

    The label is the question the group answers, made from its most representative claim (the one
    sharing most words with the others, shortest on ties) when ``parsed`` holds that claim's parse
    (see ``questions``): "How many troops has X sent to Y? (<the claim>)" with figures, "Has X sent
    troops to Y?" without. Unparsed or unturnable, it is "How many <owner> <unit>? (<the claim>)"
    or the claim in its own words.
    """
    return _label(claims, *representative(claims), parsed)


def _label(claims: list[Claim], best: int | None, unit: str | None, parsed) -> tuple[str, str | None]:
    """``label_for`` with the representative claim ``best`` and ``unit`` already chosen."""
    rep = _as_statement(claims[best].content) if best is not None else ""
    if unit:
        figure = next((f.text for f in claims[best].figures if f.unit == unit), "")
        question = figure_question(parsed, figure) if parsed is not None else None
        if question is None:
            owners = Counter(" ".join(owner_words(c.content, unit)) for c in claims
                             if unit in {f.unit for f in c.figures})
            owners.pop("", None)
            owner = owners.most_common(1)[0][0] + " " if owners else ""
            question = f"How many {owner}{unit}?"
        return (f"{question} ({rep})" if rep else question), unit
    question = yes_no_question(parsed) if parsed is not None else None
    return question or rep or "(unlabelled)", None


def representative(claims: list[Claim]) -> tuple[int | None, str | None]:
    """The index of the claim that names the group best, and the unit its figures count, if one."""
    ranked, unit = candidates(claims)
    return (ranked[0] if ranked else None), unit


def candidates(claims: list[Claim], keep: int = 1) -> tuple[list[int], str | None]:
    """The ``keep`` claims that name the group best, best first, and the unit their figures count."""
    # each claim counted once per unit, in the order the units come (ties go to the first, whatever the hash seed)
    units = Counter(u for c in claims for u in dict.fromkeys(f.unit for f in c.figures if f.unit))
    unit = units.most_common(1)[0][0] if units else None
    counting = sum(1 for c in claims if any(f.unit for f in c.figures))
    if unit and ((counting * 3 < len(claims) and counting < MIN_COUNTING) or units[unit] * 3 < counting):
        unit = None  # one figure in a big group is a detail, not the question the group answers
    bags = [set(terms(c.content)) for c in claims]
    # words shared with the other claims, summed through word counts: linear in the group's size
    df = Counter(t for bag in bags for t in bag)
    pool = [i for i, c in enumerate(claims) if unit in {f.unit for f in c.figures}] if unit else range(len(claims))
    # a claim that stands on its own names the group better than one leaning on its sentence
    ranked = sorted(pool, key=lambda i: (_stands_alone(claims[i].content),
                                         sum(df[t] for t in bags[i]) - len(bags[i]) / 100, -len(claims[i].content)),
                    reverse=True)
    return ranked[:keep], unit


def labels_for(groups: list[list[Claim]]) -> list[tuple[str, str | None]]:
    """``label_for`` of many groups, their representative claims parsed in one batch.

    A lone claim keeps its own words: a question is worth a parse when several claims answer it.
    """
    ranked = [candidates(g, LABEL_CANDIDATES if len(g) >= QUESTION_MIN_CLAIMS else 1) for g in groups]
    todo = [(k, i) for k, (best, _) in enumerate(ranked) if len(groups[k]) >= QUESTION_MIN_CLAIMS for i in best]
    docs = parse_labels([groups[k][i].content for k, i in todo]) if todo else None
    parsed = dict(zip(todo, docs, strict=True)) if docs is not None else {}
    out = []
    for k, (g, (best, unit)) in enumerate(zip(groups, ranked, strict=True)):
        # a claim that is a clause names the group better than a bare phrase ("thanked the agencies
        # involved"; "found pieces of the craft"), however central its words
        pick = next((i for i in best if (k, i) in parsed and _is_clause(parsed[(k, i)])), best[0] if best else None)
        out.append(_label(g, pick, unit, parsed.get((k, pick))))
    return out


def _is_clause(doc) -> bool:
    """Whether the parsed claim has a verb at its root, not a bare noun phrase."""
    return any(t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"} for t in doc)


def _stands_alone(content: str) -> bool:
    """Not a relative clause ("which it said was meant to ...") and not leaning on what came before."""
    return not LEANING.match(content) and not is_anaphoric(content)


def _as_statement(content: str, limit: int = 90) -> str:
    text = " ".join(content.split()).strip("\u201c\u201d\"' ,.;:\u2026")
    if text.lower().startswith("that "):
        text = text[5:]
    text = text[:1].upper() + text[1:]
    return (text[:limit - 1].rstrip() + "\u2026") if len(text) > limit else text


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
