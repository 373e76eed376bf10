"""The answer to `claimledger check`: evidence for and against one claim, counted by origin."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimledger.export.json_v1 import claim_json
from claimledger.ledger import Ledger
from claimledger.link.echoes import NAMED_KINDS
from claimledger.model import Claim
from claimledger.report.terminal import figure_text

STYLE = {"supports": "green", "denies": "bold red", "reports": "yellow"}


def origin_of(claim: Claim) -> str:
    """Who a claim comes from in the end, so echoes count once.

    A named source is one origin however many outlets relay it; an unnamed source or an outlet's own
    reporting is one origin with its relays and reprints (``Claim.origin_id`` from the link stage).
    """
    src = claim.source
    if src is not None and src.kind in NAMED_KINDS and (src.entity or "").strip():
        return src.entity.casefold()
    return claim.origin_id or claim.id


def summarise(results: list[tuple[Claim, str, float]]) -> dict:
    by_stance: dict[str, set[str]] = {"supports": set(), "denies": set(), "reports": set()}
    for claim, stance, _ in results:
        by_stance.setdefault(stance, set()).add(origin_of(claim))
    figures = Counter(figure_text(f) for claim, _, _ in results for f in claim.figures if f.value is not None)
    return {
        "claims": {s: sum(st == s for _, st, _ in results) for s in by_stance},
        "origins": {s: len(o) for s, o in by_stance.items()},
        "figures": [{"figure": text, "claims": n} for text, n in figures.most_common()],
    }


def check_json(claim_text: str, results: list[tuple[Claim, str, float]], ledger: Ledger) -> dict:
    docs = {d.id: d for d in ledger.documents}
    rows = []
    for claim, stance, score in results:
        d = docs.get(claim.document_id)
        rows.append({"stance_toward_claim": stance, "relevance": score,
                     "outlet": d.outlet if d else None, "published": d.published if d else None,
                     "path": d.path if d else None, **claim_json(claim)})
    return {"claim": claim_text, "summary": summarise(results), "evidence": rows}


def print_check(console: Console, claim_text: str, results: list[tuple[Claim, str, float]], ledger: Ledger) -> None:
    if not results:
        console.print(f"No claim in the ledger bears on: {claim_text}")
        return
    docs = {d.id: d for d in ledger.documents}
    table = Table(title=Text.assemble(("Checking: ", "bold"), claim_text), title_justify="left", expand=True)
    table.add_column("stance", no_wrap=True, min_width=8)
    for col, ratio in (("source", 3), ("via", 2), ("outlet", 2), ("sentence", 8)):
        table.add_column(col, ratio=ratio, overflow="fold")
    table.add_column("date", no_wrap=True, min_width=10)
    for claim, stance, _ in results:
        d = docs.get(claim.document_id)
        table.add_row(Text(stance, style=STYLE.get(stance, "")),
                      (claim.source.entity or claim.source.text) if claim.source else "(unattributed)",
                      ", ".join(v.entity or v.text for v in claim.via),
                      (d.outlet or d.path or "") if d else "", " ".join(claim.sentence.split()),
                      claim.claim_date or (d.published if d else None) or "")
    console.print(table)
    summary = summarise(results)
    counts = "; ".join(f"{summary['origins'][s]} {s} ({summary['claims'][s]} claims)"
                       for s in ("supports", "denies", "reports"))
    console.print(f"Origins (echoes of one source counted once): {counts}", highlight=False)
    if summary["figures"]:
        console.print("Figures involved: " + ", ".join(f"{f['figure']} ({f['claims']})" for f in summary["figures"]),
                      highlight=False)
