"""Claims that only relay another claim of the same sentence: "Reuters reported that monitors told the
council that X" holds the monitors' claim X and Reuters' report of it. Both are attributions, but they
answer one question, so the report joins the proposition of the claim it relays instead of being
grouped on its own (where its extra words would pull the pair away from other outlets' X)."""

from __future__ import annotations

import re

from claimledger.model import Claim

LEAD = re.compile(r"^\W*(?:that\s+)?", re.IGNORECASE)


def relay_wrappers(claims: list[Claim]) -> dict[str, Claim]:
    """Outer claim id -> the claim it relays, for reports whose content opens with another
    attribution of the same document ("that monitors told ..."); chains lead to the innermost claim."""
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.document_id, []).append(c)
    out: dict[str, Claim] = {}
    for members in by_doc.values():
        for outer in members:
            inner = _relayed(outer, members)
            if inner is not None:
                out[outer.id] = inner
    for key, inner in list(out.items()):
        seen = {key}
        while inner.id in out and inner.id not in seen:
            seen.add(inner.id)
            inner = out[inner.id]
        out[key] = inner
    return out


def _relayed(outer: Claim, members: list[Claim]) -> Claim | None:
    content = outer.spans.get("content") or []
    if not content or not outer.spans.get("cue"):
        return None
    start, end = content[0][0], content[-1][1]
    begin = start + LEAD.match(outer.content).end()
    for c in members:
        cue = c.spans.get("cue")
        if c is outer or not cue or not (start <= cue[0][0] and cue[-1][1] <= end):
            continue
        first = min([cue[0][0]] + [a for a, _ in c.spans.get("source") or []])
        if start <= first <= begin + 1:
            return c
    return None


__all__ = ["relay_wrappers"]
