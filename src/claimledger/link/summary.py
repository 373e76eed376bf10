"""Per proposition: the figures side by side, who asserts / denies / hedges, conflicts, a timeline.

A proposition's claims answer one question, so each claim's main figure (the one counting what the
proposition counts) is one answer. Each answer becomes an interval from its hedge: "about 1,500" covers
1,200–1,800, "up to 3,000" covers 0–3,000, "at least 10,000" 10,000 and up, an exact figure allows for
rounding. Figures conflict when two intervals do not meet; a denial conflicts with assertions. Counts
are by origin (``link.echoes``): five outlets quoting one denial are one denial.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from pathlib import Path

from claimledger.model import STANCES, Article, Claim, Figure

SLACK = {"exact": 0.05, "approx": 0.2, "range": 0.05}  # relative tolerance each hedge leaves
CURRENCIES = {"USD", "EUR", "GBP", "RUB", "JPY", "KRW", "CNY", "UAH", "INR", "CHF"}


def dimension(unit: str | None) -> str:
    """What kind of quantity a unit measures: only figures of one dimension are compared."""
    if unit in CURRENCIES:
        return "money:" + unit
    if unit in ("percent", "percentage points"):
        return unit
    return "count"


def interval(f: Figure) -> tuple[float, float] | None:
    """The values a figure allows, its hedge kept; None for a vague figure."""
    if f.kind == "range" and f.low is not None and f.high is not None:
        return f.low * (1 - SLACK["range"]), f.high * (1 + SLACK["range"])
    if f.value is None:
        return None
    v = f.value
    if f.kind == "upper":
        return 0.0, v
    if f.kind == "lower":
        return v, math.inf
    slack = SLACK.get(f.kind, SLACK["exact"])
    return v * (1 - slack), v * (1 + slack)


def main_figure(c: Claim, unit: str | None) -> Figure | None:
    """The figure of a claim that answers its proposition: the one counting ``unit``, else the first of
    the same dimension ("3,000 troops" for soldiers; never "more than 10%" for soldiers, nor the reverse)."""
    usable = [f for f in c.figures if f.value is not None or f.low is not None]
    if not usable:
        return None
    if unit:
        for f in usable:
            if f.unit and (f.unit.lower() == unit.lower() or f.unit.lower().endswith(" " + unit.lower())):
                return f
        return next((f for f in usable if dimension(f.unit) == dimension(unit)), None)
    return usable[0]


def who(c: Claim) -> str:
    if c.source is None:
        return "(unattributed)"
    return c.source.entity or c.source.text


def summarize(claims: list[Claim], documents: dict[str, Article], unit: str | None = None) -> dict:
    """The summary stored with a proposition (``propositions.summary``) and exported with it."""
    def date_of(c: Claim) -> str | None:
        d = documents.get(c.document_id)
        return c.claim_date or (d.published if d else None)

    def outlet_of(c: Claim) -> str | None:
        d = documents.get(c.document_id)
        return (d.outlet or Path(d.path or d.id).name) if d else None

    origins: dict[str, Claim] = {}
    for c in sorted(claims, key=lambda c: (date_of(c) or "9999", c.sentence_span[0])):
        origins.setdefault(c.origin_id or c.id, c)
    units = Counter(f.unit for c in claims for f in c.figures if f.unit and f.value is not None)
    unit = unit or (units.most_common(1)[0][0] if units else None)

    items = []
    for c in claims:
        f = main_figure(c, unit)
        if f is None:
            continue
        items.append({
            "claim_id": c.id, "origin_id": c.origin_id or c.id, "text": f.text, "kind": f.kind,
            "value": _num(f.value), "low": _num(f.low), "high": _num(f.high), "unit": f.unit,
            "source": who(c), "via": [v.entity or v.text for v in c.via], "outlet": outlet_of(c),
            "date": date_of(c), "stance": c.stance,
        })
    items.sort(key=lambda i: (i["date"] or "9999", i["value"] if i["value"] is not None else -1))
    return {
        "claims": len(claims),
        "origins": len(origins),
        "documents": len({c.document_id for c in claims}),
        "outlets": sorted({o for c in claims if (o := outlet_of(c))}),
        "stances": {s: sum(c.stance == s for c in claims) for s in STANCES},
        "stances_by_origin": {s: sum(c.stance == s for c in origins.values()) for s in STANCES},
        "figures": _figure_stats(items, unit),
        "conflict": _conflict(claims, origins, items, unit),
        "timeline": _timeline(claims, date_of),
    }


def _figure_stats(items: list[dict], unit: str | None) -> dict | None:
    values = [i["value"] if i["value"] is not None else (i["low"] + i["high"]) / 2
              for i in items if i["stance"] != "denies" and (i["value"] is not None or i["low"] is not None)]
    if not items:
        return None
    return {"unit": unit, "count": len(items),
            "min": _num(min(values)) if values else None, "max": _num(max(values)) if values else None,
            "median": _num(statistics.median(values)) if values else None, "items": items}


def _conflict(claims: list[Claim], origins: dict[str, Claim], items: list[dict], unit: str | None) -> dict:
    reasons = []
    asserted = [i for i in items if i["stance"] != "denies"]
    by_dim: dict[str, list[tuple[tuple[float, float], dict]]] = {}
    for i in asserted:
        f = Figure(value=i["value"], kind=i["kind"], low=i["low"], high=i["high"], unit=i["unit"])
        span = interval(f)
        if span is not None:
            by_dim.setdefault(dimension(i["unit"]), []).append((span, i))
    for spans in by_dim.values():
        lowest = min(spans, key=lambda s: s[0][1])  # the answer whose top is smallest
        highest = max(spans, key=lambda s: s[0][0])  # the answer whose bottom is largest
        if lowest[0][1] < highest[0][0]:
            reasons.append(f"figures disagree beyond their hedges: {_say(lowest[1])} vs {_say(highest[1])}")
    denials = [c for c in origins.values() if c.stance == "denies"]
    assertions = [c for c in origins.values() if c.stance == "asserts"]
    if denials and assertions:
        deniers = _names(denials)
        asserters = _names(assertions)
        reasons.append(f"a denial against assertions: {deniers} {'deny' if len(denials) > 1 else 'denies'};"
                       f" {asserters} {'assert' if len(assertions) > 1 else 'asserts'}")
    return {"flag": bool(reasons), "reasons": reasons}


def _timeline(claims: list[Claim], date_of) -> list[dict]:
    days: dict[str | None, list[Claim]] = {}
    for c in claims:
        days.setdefault(date_of(c), []).append(c)
    out = []
    for day in sorted(days, key=lambda d: d or "9999"):
        members = days[day]
        out.append({"date": day, "claim_ids": [c.id for c in members],
                    "stances": {s: n for s in STANCES if (n := sum(c.stance == s for c in members))},
                    "figures": [f.text for c in members for f in c.figures[:1] if f.text]})
    return out


def _say(item: dict) -> str:
    where = ", ".join(x for x in (item["source"], item["date"]) if x)
    return f"{item['text'] or item['value']} ({where})"


def _names(claims: list[Claim], limit: int = 3) -> str:
    names = list(dict.fromkeys(who(c) for c in claims))
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def _num(v: float | None) -> float | int | None:
    if v is None or (isinstance(v, float) and math.isinf(v)):
        return None
    return int(v) if float(v).is_integer() else v
