"""Ledger JSON v1: the export contract (``schema: claimledger/ledger@1``); add fields, never rename."""

from __future__ import annotations

from claimledger.model import Article, Claim, Proposition

SCHEMA = "claimledger/ledger@1"


def document_json(doc: Article, include_text: bool) -> dict:
    out = {"id": doc.id, "path": doc.path, "url": doc.url, "outlet": doc.outlet, "title": doc.title,
           "published": doc.published, "language": doc.language, "format": doc.fmt, "echo_of": doc.echo_of,
           "author": doc.author}
    if include_text:
        out["text"] = doc.text
    return out


def claim_json(c: Claim) -> dict:
    return {
        "id": c.id,
        "document_id": c.document_id,
        "sentence": c.sentence,
        "content": c.content,
        "source": c.source.to_json() if c.source else None,
        "via": [v.to_json() for v in c.via],
        "cue": c.cue,
        "stance": c.stance,
        "figures": [f.to_json() for f in c.figures],
        "event_date": c.event_date.to_json() if c.event_date else None,
        "claim_date": c.claim_date,
        "proposition_id": c.proposition_id,
        "origin_id": c.origin_id,
        "kind": c.kind,
        "spans": {role: _spans(v) for role, v in c.spans.items()},
        "sentence_span": list(c.sentence_span),
    }


def _spans(value: list | None) -> list | None:
    """One span as [start, end]; a discontinuous one as a list of pairs (the contract's two forms)."""
    if not value:
        return None
    if len(value) == 1:
        return list(value[0])
    return [list(s) for s in value]


def ledger_json(documents: list[Article], claims: list[Claim], propositions: list[Proposition],
                *, include_text: bool = False) -> dict:
    return {
        "schema": SCHEMA,
        "documents": [document_json(d, include_text) for d in documents],
        "claims": [claim_json(c) for c in claims],
        "propositions": [{"id": p.id, "label": p.label, "unit": p.unit, "claim_ids": p.claim_ids,
                          "summary": p.summary} for p in propositions],
    }
