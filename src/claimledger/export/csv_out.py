"""CSV export: one row per claim, for a spreadsheet."""

from __future__ import annotations

import csv
from typing import TextIO

from claimledger.model import Article, Claim, Proposition

COLUMNS = [
    "claim_id", "document_path", "outlet", "published", "title", "source", "source_entity", "via", "cue",
    "stance", "figures", "figure_value", "figure_low", "figure_high", "figure_kind", "figure_unit",
    "claim_date", "event_start", "event_end", "proposition_id", "proposition_label", "content", "sentence",
    "origin_id", "proposition_conflict",
]


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else str(v)


def write_csv(out: TextIO, documents: list[Article], claims: list[Claim], propositions: list[Proposition]) -> int:
    docs = {d.id: d for d in documents}
    labels = {p.id: p.label for p in propositions}
    conflicts = {p.id: "; ".join(p.summary["conflict"]["reasons"]) for p in propositions
                 if p.summary and p.summary.get("conflict")}
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for c in claims:
        d = docs.get(c.document_id)
        first = c.figures[0] if c.figures else None
        writer.writerow([
            c.id, d.path if d else "", d.outlet if d else "", d.published if d else "", d.title if d else "",
            c.source.text if c.source else "", c.source.entity if c.source else "",
            "; ".join(v.entity or v.text for v in c.via), c.cue or "", c.stance,
            "; ".join(f.text for f in c.figures),
            _num(first.value) if first else "", _num(first.low) if first else "",
            _num(first.high) if first else "", first.kind if first else "", (first.unit or "") if first else "",
            c.claim_date or "", c.event_date.start if c.event_date else "",
            c.event_date.end if c.event_date else "", c.proposition_id or "",
            labels.get(c.proposition_id or "", ""), c.content, c.sentence,
            c.origin_id or "", conflicts.get(c.proposition_id or "", ""),
        ])
    return len(claims)
