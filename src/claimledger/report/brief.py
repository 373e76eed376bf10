""""No time to read?": five to ten sentences on the ledger, each citing the claims it rests on.

Built from the propositions' summaries only (no story-specific words): the questions most sources
answer, the spread of their figures, conflicts and who denies what. Counts are by origin, so an echo
does not make a claim look better supported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimledger.ledger import Ledger
from claimledger.model import Claim, Proposition

MAX_SENTENCES = 10
MAX_CITES = 4


@dataclass
class BriefSentence:
    text: str
    claim_ids: list[str] = field(default_factory=list)  # the claims the sentence cites, linked in the report


def question(prop: Proposition, limit: int = 110) -> str:
    """The proposition's label as a short question or statement (its quoted example dropped)."""
    label = prop.label
    if label.startswith("How many") and "? (" in label:
        return label.split("? (", 1)[0] + "?"
    return label if len(label) <= limit else label[:limit - 1] + "\u2026"


def ranked(ledger: Ledger) -> list[Proposition]:
    """Propositions by how many independent origins speak to them, then by claims."""
    def key(p: Proposition) -> tuple[int, int, str]:
        s = p.summary or {}
        return -(s.get("origins") or 0), -(s.get("claims") or len(p.claim_ids)), p.id

    return sorted(ledger.propositions, key=key)


def _who(c: Claim) -> str:
    return (c.source.entity or c.source.text) if c.source else "an unnamed source"


def _names(claims: list[Claim], limit: int = 3) -> str:
    names = list(dict.fromkeys(_who(c) for c in claims))
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def brief(ledger: Ledger) -> list[BriefSentence]:
    """Up to ten sentences, most important first; every one but the overview cites claims."""
    claims = {c.id: c for c in ledger.claims}
    outlets = {d.outlet or d.id for d in ledger.documents}
    props = ranked(ledger)
    shared = [p for p in props if (p.summary or {}).get("origins", 0) >= 2]
    out = [BriefSentence(
        f"{len(ledger.claims)} claims from {len(ledger.documents)} articles ({len(outlets)} outlets) answer "
        f"{len(ledger.propositions)} questions; {len(shared)} of them are answered by more than one source.",
        [])]
    for p in props:
        if len(out) >= MAX_SENTENCES:
            break
        s = p.summary or {}
        members = [claims[i] for i in p.claim_ids if i in claims]
        if len(members) < 2 and not (s.get("conflict") or {}).get("flag"):
            continue
        out.extend(_about(p, s, members))
    return out[:MAX_SENTENCES]


def _about(p: Proposition, s: dict, members: list[Claim]) -> list[BriefSentence]:
    """One to three sentences on one proposition: its figures, its denials, its conflict."""
    sentences = []
    q = question(p)
    figures = s.get("figures") or {}
    items = [i for i in figures.get("items") or [] if i.get("stance") != "denies"]
    origins = s.get("origins") or len(members)
    if items and figures.get("min") is not None:
        unit = f" {figures['unit']}" if figures.get("unit") else ""
        low, high = figures["min"], figures["max"]
        spread = f"{_n(low)}{unit}" if low == high else f"from {_n(low)} to {_n(high)}{unit}"
        by = sorted(items, key=lambda i: (i.get("date") or "9999"))
        says = list(dict.fromkeys(f"{i.get('source') or 'unnamed'} says {i.get('text') or _n(i.get('value'))}"
                                  for i in by))
        detail = "; ".join(says[:3]) + ("; \u2026" if len(says) > 3 else "")
        sentences.append(BriefSentence(
            f"{q} {origins} independent source{'s' if origins != 1 else ''} answer {spread} ({detail}).",
            list(dict.fromkeys(i["claim_id"] for i in by))[:MAX_CITES]))
    else:
        stances = s.get("stances_by_origin") or {}
        say = ", ".join(f"{n} {k}" for k, n in stances.items() if n)
        sentences.append(BriefSentence(
            f"\u201c{q}\u201d: {_names(members)} ({origins} origin{'s' if origins != 1 else ''}; {say}).",
            [c.id for c in members][:MAX_CITES]))
    denials = [c for c in members if c.stance == "denies"]
    if denials:
        sentences.append(BriefSentence(
            f"{_names(denials)} {'deny' if len({_who(c) for c in denials}) > 1 else 'denies'} it: "
            f"\u201c{_clip(denials[0].content)}\u201d.", [c.id for c in denials][:MAX_CITES]))
    conflict = s.get("conflict") or {}
    if conflict.get("flag") and conflict.get("reasons"):
        cited = [c.id for c in denials] + [i["claim_id"] for i in items]
        sentences.append(BriefSentence(f"Conflict: {conflict['reasons'][0]}.",
                                       list(dict.fromkeys(cited))[:MAX_CITES] or [members[0].id]))
    return sentences


def _clip(text: str, n: int = 120) -> str:
    text = " ".join(text.split()).strip("\u201c\u201d\"' ")
    return text if len(text) <= n else text[:n - 1] + "\u2026"


def _n(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


__all__ = ["BriefSentence", "brief", "question", "ranked"]
