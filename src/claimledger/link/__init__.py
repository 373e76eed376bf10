"""Link stage: across articles, canonical parties and propositions (groups of claims).

Incremental: only claims without a proposition are placed; existing groups keep their members.
"""

from __future__ import annotations

from collections import defaultdict

from claimledger.link.parties import canonical_parties
from claimledger.link.propositions import group_claims
from claimledger.store import LedgerStore


def link(store: LedgerStore) -> int:
    """Place every unlinked claim of the ledger; returns how many claims were placed."""
    claims = store.claims()
    new = [c for c in claims if c.proposition_id is None]
    if not new:
        return 0
    existing: dict[str, list] = defaultdict(list)
    for c in claims:
        if c.proposition_id is not None:
            existing[c.proposition_id].append(c)
    assignment, props = group_claims(new, dict(existing))

    sources = [c.source for c in claims if c.source is not None]
    canonical = canonical_parties(sources)
    parties = {}
    for c in claims:
        if c.source is None:
            continue
        name = c.source.entity or c.source.text
        if name in canonical:
            parties[c.id] = (canonical[name], c.source.kind, [c.source.text, name])
    store.save_links(props, assignment, parties)
    return len(new)


__all__ = ["link"]
