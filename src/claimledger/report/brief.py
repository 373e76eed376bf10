""""No time to read?": five to ten sentences on the ledger, each citing the claims it rests on.

Built from the propositions' summaries only (no story-specific words): the questions most independent
sources speak to, the spread of their figures, figures that disagree beyond their hedges, and who
denies what against whom. Counts are by origin, so an echo does not make a claim look better supported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimledger.ledger import Ledger
from claimledger.model import Claim, Proposition
from claimledger.report.terminal import KIND_WORD

MAX_SENTENCES = 10
MAX_CITES = 5
FIGURE_CONFLICT = "figures disagree"  # how link.summary starts the reason for clashing figures


@dataclass
class BriefSentence:
    """One sentence of the summary and the claims it rests on (linked in the report)."""

    text: str
    claim_ids: list[str] = field(default_factory=list)


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


def who(c: Claim) -> str:
    return (c.source.entity or c.source.text) if c.source else "an unnamed source"


def names(people: list[str], limit: int = 3) -> str:
    """"A", "A and B", "A, B and C", "A, B, C and 2 more"."""
    people = list(dict.fromkeys(people))
    if not people:
        return "nobody"
    if len(people) > limit:
        return ", ".join(people[:limit]) + f" and {len(people) - limit} more"
    return people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]


def brief(ledger: Ledger) -> list[BriefSentence]:
    """Up to ten sentences, most important first; every one but the overview cites claims.

    The first pass gives each well-sourced proposition its headline (figures or stance counts); a
    second pass adds denials and conflicts, then the remaining propositions' headlines fill the rest.
    """
    claims = {c.id: c for c in ledger.claims}
    props = [p for p in ranked(ledger) if any(i in claims for i in p.claim_ids)]
    multi = [p for p in props if (p.summary or {}).get("origins", len(p.claim_ids)) >= 2]
    out = [_overview(ledger, len(props), len(multi))]
    members = {p.id: [claims[i] for i in p.claim_ids if i in claims] for p in multi}
    headlines = [_headline(p, members[p.id]) for p in multi]
    disputes = [_disputes(p, members[p.id]) for p in multi]
    top = 3  # the three best-sourced propositions get headline and disputes first
    for n in range(min(top, len(multi))):
        out.append(headlines[n])
        out.extend(disputes[n])
    # then the disputes of the others (conflicts matter more than agreement), then their headlines
    for n in range(top, len(multi)):
        if disputes[n]:
            out.append(headlines[n])
            out.extend(disputes[n])
    for n in range(top, len(multi)):
        if not disputes[n]:
            out.append(headlines[n])
    return out[:MAX_SENTENCES]


def _overview(ledger: Ledger, n_props: int, n_multi: int) -> BriefSentence:
    outlets = {d.outlet or d.id for d in ledger.documents}
    dates = sorted(d.published for d in ledger.documents if d.published)
    when = f", published {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else \
        (f", published {dates[0]}" if dates else "")
    return BriefSentence(
        f"{len(ledger.claims)} claims from {len(ledger.documents)} article{'s' if len(ledger.documents) != 1 else ''}"
        f" ({len(outlets)} outlet{'s' if len(outlets) != 1 else ''}{when}) answer {n_props} question"
        f"{'s' if n_props != 1 else ''}; {n_multi} of them are taken up by more than one independent source.")


def _figure_items(s: dict) -> list[dict]:
    """The summary's figures that someone asserts or hedges (a denied figure is no answer)."""
    figures = s.get("figures") or {}
    return [i for i in figures.get("items") or []
            if i.get("stance") != "denies" and (i.get("value") is not None or i.get("low") is not None)]


def _bounds(items: list[dict]) -> tuple[float, float]:
    lows = [i["low"] if i.get("low") is not None else i["value"] for i in items]
    highs = [i["high"] if i.get("high") is not None else i["value"] for i in items]
    return min(lows), max(highs)


def _spread_cites(items: list[dict]) -> list[str]:
    """Claims to cite for a spread of figures: the lowest and highest first, one per origin."""
    by_low = sorted(items, key=lambda i: i["low"] if i.get("low") is not None else i["value"])
    order = [by_low[0], by_low[-1]] + sorted(items, key=lambda i: i.get("date") or "9999")
    cited, seen = [], set()
    for i in order:
        origin = i.get("origin_id") or i["claim_id"]
        if origin not in seen:
            seen.add(origin)
            cited.append(i["claim_id"])
    return cited[:MAX_CITES]


def _headline(p: Proposition, members: list[Claim]) -> BriefSentence:
    """What a proposition's sources say: the range of their figures, or how many assert, deny, hedge."""
    s = p.summary or {}
    q = question(p)
    items = _figure_items(s)
    figure_origins = {i.get("origin_id") or i["claim_id"] for i in items}
    if len(figure_origins) >= 2:
        unit = (s.get("figures") or {}).get("unit")
        low, high = _bounds(items)
        spread = f"{_n(low)}" if low == high else f"from {_n(low)} to {_n(high)}"
        by_date = sorted(items, key=lambda i: (i.get("date") or "9999"))
        said = list(dict.fromkeys(f"{i.get('source') or 'an unnamed source'} {_said(i)}" for i in by_date))
        detail = "; ".join(said[:3]) + ("; \u2026" if len(said) > 3 else "")
        return BriefSentence(
            f"{q} {len(figure_origins)} independent sources give figures {spread}{' ' + unit if unit else ''}"
            f" ({detail}).", _spread_cites(items))
    stances = s.get("stances_by_origin") or s.get("stances") or {}
    origins = s.get("origins") or len(members)
    counts = ", ".join(f"{n} {_noun(k, n)}" for k, n in stances.items() if n)
    firsts: dict[str, Claim] = {}
    for c in members:
        firsts.setdefault(c.origin_id or c.id, c)
    return BriefSentence(
        f"{origins} independent sources speak to \u201c{_clip(q, 100)}\u201d: {counts}"
        f" ({names([who(c) for c in firsts.values()])}).", [c.id for c in firsts.values()][:MAX_CITES])


def _disputes(p: Proposition, members: list[Claim]) -> list[BriefSentence]:
    """Who denies, against whom, and figures that cannot all be true."""
    s = p.summary or {}
    out = []
    firsts: dict[str, Claim] = {}
    for c in members:
        firsts.setdefault(c.origin_id or c.id, c)
    denials = [c for c in firsts.values() if c.stance == "denies"]
    assertions = [c for c in firsts.values() if c.stance == "asserts"]
    if denials:  # follows the proposition's headline, which names who asserts
        deniers = [who(c) for c in denials]
        quote = _clip(denials[0].content if len(denials[0].content) >= 25 else denials[0].sentence)
        n = len(assertions)
        against = "" if not n else (", while 1 source asserts it" if n == 1 else f", while {n} sources assert it")
        out.append(BriefSentence(f"Denied by {names(deniers)} (\u201c{quote}\u201d){against}.",
                                 ([c.id for c in denials] + [c.id for c in assertions[:1]])[:MAX_CITES]))
    for reason in (s.get("conflict") or {}).get("reasons") or []:
        if reason.startswith(FIGURE_CONFLICT):
            items = _figure_items(s)
            out.append(BriefSentence(f"Conflict: {reason}.", _spread_cites(items)[:2] or [members[0].id]))
    return out


def _said(item: dict) -> str:
    """A figure as its source put it; rebuilt from kind and value when the text is missing."""
    if item.get("text"):
        return item["text"]
    if item.get("kind") == "range" and item.get("low") is not None:
        return f"{_n(item['low'])}\u2013{_n(item.get('high'))}"
    return KIND_WORD.get(item.get("kind") or "", "") + _n(item.get("value"))


def _noun(stance: str, n: int) -> str:
    word = {"asserts": "assertion", "denies": "denial", "hedges": "hedge"}.get(stance, stance)
    return word if n == 1 else word + "s"


def _clip(text: str, n: int = 120) -> str:
    text = " ".join(text.split()).strip("\u201c\u201d\"' ").rstrip(".")
    return text if len(text) <= n else text[:n - 1].rstrip() + "\u2026"


def _n(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


__all__ = ["BriefSentence", "brief", "names", "question", "ranked", "who"]
