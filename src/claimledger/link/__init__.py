"""Link stage: across articles, echoes, canonical parties, propositions and their summaries.

Incremental: only claims without a proposition are placed; existing groups keep their members, and
only the propositions that gained claims get their origins and summary recomputed.
"""

from __future__ import annotations

from collections import defaultdict

from claimledger.embed import Embedder, load_embedder
from claimledger.link.echoes import claim_origins, find_echoes
from claimledger.link.parties import canonical_parties
from claimledger.link.propositions import group_claims, vector_kind
from claimledger.link.relays import relay_wrappers
from claimledger.link.summary import summarize
from claimledger.model import Claim
from claimledger.store import LedgerStore


def link(store: LedgerStore) -> int:
    """Place every unlinked claim of the ledger; returns how many claims were placed."""
    moved = mark_echoes(store)
    claims = store.claims()
    new = [c for c in claims if c.proposition_id is None]
    if not new:
        return 0
    existing: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.proposition_id is not None:
            existing[c.proposition_id].append(c)
    embedder = load_embedder()
    kind = vector_kind(embedder)
    cache = store.claim_vectors(kind)
    stored = set(cache)
    assignment, props = group_claims(new, dict(existing), embedder, cache)
    store.save_claim_vectors(kind, {cid: v for cid, v in cache.items() if cid not in stored})

    sources = [c.source for c in claims if c.source is not None]
    canonical = canonical_parties(sources, embedder=embedder if isinstance(embedder, Embedder) else None)
    parties = {}
    for c in claims:
        if c.source is None:
            continue
        name = c.source.entity or c.source.text
        if name in canonical:
            parties[c.id] = (canonical[name], c.source.kind, [c.source.text, name])
    store.save_links(props, assignment, parties)

    touched = {assignment[c.id] for c in new if c.id in assignment}
    touched |= {c.proposition_id for c in claims if c.document_id in moved and c.proposition_id}
    documents = {d.id: d for d in store.documents(with_text=False)}
    units = {p.id: p.unit for p in store.propositions(touched)}
    members = [c for c in store.claims(ids=[c.id for c in claims if (assignment.get(c.id) or c.proposition_id)
                                             in touched])]
    origins = claim_origins(members, documents, {cid: name for cid, (name, _, _) in parties.items()})
    # "X said A, according to KCNA": KCNA's report carries X's claim, one origin with it (and so do
    # reprints of that report)
    moved_to = {origins.get(outer, outer): origins.get(inner.id, inner.id)
                for outer, inner in relay_wrappers(members).items()}
    origins = {cid: moved_to.get(origin, origin) for cid, origin in origins.items()}
    by_prop: dict[str, list[Claim]] = defaultdict(list)
    for c in members:
        c.origin_id = origins.get(c.id, c.id)
        by_prop[c.proposition_id].append(c)
    summaries = {pid: summarize(cs, documents, units.get(pid)) for pid, cs in by_prop.items()}
    store.save_origins(origins, summaries)
    return len(new)


def mark_echoes(store: LedgerStore) -> set[str]:
    """Sign every document not yet signed and record which earlier document it reprints, if any.

    Returns the documents whose origin changed (new reprints, and old copies of a story when a new
    document turns out to be its earliest copy).
    """
    stored = store.signatures()
    metas = store.documents(with_text=False)
    unsigned = [d.id for d in metas if d.id not in stored]
    if not unsigned:
        return set()
    published = {d.id: d.published or "9999" for d in metas}
    echo = {d.id: d.echo_of for d in metas}

    def root(doc_id: str) -> str:
        while echo.get(doc_id):
            doc_id = echo[doc_id]
        return doc_id

    found = find_echoes(store.documents(unsigned), stored, published)
    changed: dict[str, str | None] = {}
    for doc_id, (_, match) in found.items():
        if match is None:
            continue
        story = root(match)
        if published[doc_id] < published[story]:  # the new copy is older: the story's origin moves to it
            for other in [d for d in echo if d == story or root(d) == story]:
                echo[other] = changed[other] = doc_id
            echo[doc_id] = changed[doc_id] = None
        else:
            echo[doc_id] = changed[doc_id] = story
    store.save_echoes({d: blob for d, (blob, _) in found.items()}, changed)
    return set(changed)


__all__ = ["link", "mark_echoes"]
