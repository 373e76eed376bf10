"""Inline SVG charts for the HTML report: figures by source and date, the source graph, the timeline.

Plain SVG strings with every label escaped, so the report needs no script library and no network.
Hedges are drawn as what they allow: "about 8,000" a dot with a band, "up to 12,000" a bar from zero,
"at least 10,000" a bar running off the top, a range a bar from low to high; an exact figure is a dot.
Each mark links to its claim (``#claim-ID``) further down the report.
"""

from __future__ import annotations

import math
from datetime import date
from html import escape

from claimledger.link.summary import SLACK
from claimledger.model import Article, Claim

STANCE_COLOURS = {"asserts": "#1b6ca8", "denies": "#c0392b", "hedges": "#d68910"}
WIDTH = 760
MIN_STEP = 46  # narrowest column of the figures chart; more answers widen the drawing instead


def _fmt(v: float) -> str:
    """A number short enough for an axis or a crowded label: 1,500 / 12k / 1.5M."""
    if abs(v) >= 1_000_000:
        return f"{v / 1_000_000:.3g}M"
    if abs(v) >= 10_000:
        return f"{v / 1000:.3g}k"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:.3g}"


def compact(item: dict) -> str:
    """A figure in a few characters, hedge kept: ~10k, \u226412k, \u22653,000, 10k\u201312k."""
    kind = item.get("kind") or "exact"
    if kind == "range" and item.get("low") is not None and item.get("high") is not None:
        return f"{_fmt(item['low'])}\u2013{_fmt(item['high'])}"
    if item.get("value") is None:
        return "?"
    return {"approx": "~", "upper": "\u2264", "lower": "\u2265"}.get(kind, "") + _fmt(item["value"])


def short_date(iso: str | None) -> str:
    """"Oct 18" from "2024-10-18" (the year goes in the axis title); the text itself otherwise."""
    if not iso:
        return "undated"
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d:%b} {d.day}"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "\u2026"


def _nice_top(v: float) -> float:
    if v <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(v))
    for m in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):  # a quarter of each is a round tick
        if m * step >= v:
            return m * step
    return 10 * step


def _span(item: dict) -> tuple[float, float]:
    """The values a figure allows, as drawn (a range exactly from low to high; "at least" unbounded)."""
    kind, v = item.get("kind") or "exact", item.get("value")
    if kind == "range" and item.get("low") is not None and item.get("high") is not None:
        return float(item["low"]), float(item["high"])
    if kind == "upper":
        return 0.0, float(v)
    if kind == "lower":
        return float(v), math.inf
    if kind == "approx":
        return v * (1 - SLACK["approx"]), v * (1 + SLACK["approx"])
    return float(v), float(v)


def answers(summary: dict | None) -> list[dict]:
    """The summary's figures, one per origin and figure (echoes folded in), in date order.

    Each gets ``carriers``: how many claims carry it (a reprint or relay of the same source's figure).
    """
    figures = (summary or {}).get("figures") or {}
    out: dict[tuple[str, str], dict] = {}
    for i in sorted(figures.get("items") or [], key=lambda i: (i.get("date") or "9999", i.get("source") or "")):
        if i.get("value") is None and i.get("low") is None:
            continue
        key = (i.get("origin_id") or i.get("claim_id") or "", compact(i))
        if key in out:
            out[key]["carriers"] += 1
        else:
            out[key] = {**i, "carriers": 1}
    return list(out.values())


def figures_svg(summary: dict | None) -> str:
    """The figures of one proposition: x the answers in date order, y the value, hedges as ranges."""
    items = answers(summary)
    if not items:
        return ""
    unit = ((summary or {}).get("figures") or {}).get("unit")
    spans = [_span(i) for i in items]
    finite = [v for lo, hi in spans for v in (lo, hi) if not math.isinf(v)]
    top = _nice_top(max(finite) * 1.08)
    left, right, upper, plot_h = 62, 16, 22, 200
    crowded = (WIDTH - left - right) / len(items) < 110
    if crowded:
        left = 140  # the first slanted source label runs left under the value axis
    step = max((WIDTH - left - right) / len(items), MIN_STEP)
    width = left + right + step * len(items)
    base = upper + plot_h
    height = base + (150 if crowded else 78)

    def y(v: float) -> float:
        return upper + plot_h * (1 - min(v, top) / top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart figures" viewBox="0 0 {width:.0f} {height:.0f}"'
             f' role="img" aria-label="Figures by source and date">']
    for k in range(5):  # horizontal grid with value labels
        v = top * k / 4
        parts.append(f'<line x1="{left}" x2="{width - right:.0f}" y1="{y(v):.1f}" y2="{y(v):.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" class="tick">{_fmt(v)}</text>')
    parts.append(f'<line x1="{left}" x2="{width - right:.0f}" y1="{base}" y2="{base}" class="axisline"/>')
    if unit:
        mid = upper + plot_h / 2
        parts.append(f'<text x="{left - 46}" y="{mid:.0f}" class="axis" text-anchor="middle" '
                     f'transform="rotate(-90 {left - 46} {mid:.0f})">{escape(_short(unit, 30))}</text>')
    years = sorted({(i.get("date") or "")[:4] for i in items if i.get("date")})
    parts.append(f'<text x="{width - right:.0f}" y="{height - 6:.0f}" text-anchor="end" class="axis">'
                 f'sources in date order{" (" + ", ".join(years) + ")" if years else ""} \u2192</text>')
    for n, (item, (lo, hi)) in enumerate(zip(items, spans, strict=True)):
        cx = left + step * (n + 0.5)
        parts.append(_mark(item, cx, lo, hi, y, upper))
        label_y = base + 14
        parts.append(f'<text x="{cx:.1f}" y="{label_y}" text-anchor="middle" class="value">'
                     f'{escape(compact(item) if crowded else _short(item.get("text") or compact(item), 20))}</text>')
        who = item.get("source") or "unnamed source"
        if crowded:
            wy = label_y + 26
            parts.append(f'<text x="{cx + 4:.1f}" y="{wy}" text-anchor="end" class="who" transform="rotate(-35 '
                         f'{cx + 4:.1f} {wy})">{escape(_short(who, 28))}<tspan class="when"> \u00b7 '
                         f'{escape(short_date(item.get("date")))}</tspan></text>')
        else:
            parts.append(f'<text x="{cx:.1f}" y="{label_y + 15}" text-anchor="middle" class="who">'
                         f'{escape(_short(who, 22))}</text><text x="{cx:.1f}" y="{label_y + 29}" '
                         f'text-anchor="middle" class="when">{escape(short_date(item.get("date")))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _mark(item: dict, cx: float, lo: float, hi: float, y, upper: float) -> str:
    """One answer: its band or bar, its dot or caps, linked to its claim, with a tooltip."""
    colour = STANCE_COLOURS.get(item.get("stance") or "", "#555")
    kind = item.get("kind") or "exact"
    carriers = item.get("carriers", 1)
    tip = (f"{item.get('text') or compact(item)} \u2014 {item.get('source') or 'unnamed source'}"
           f"{' via ' + ', '.join(item['via']) if item.get('via') else ''}, {item.get('outlet') or ''}"
           f" ({item.get('date') or 'undated'}, {item.get('stance')})"
           f"{f'; carried by {carriers} articles' if carriers > 1 else ''}")
    out = [f'<a href="#claim-{escape(item.get("claim_id") or "")}"><g class="answer {escape(kind)}">'
           f'<title>{escape(tip)}</title>']
    hollow = item.get("stance") == "denies"
    if kind in {"upper", "lower", "range", "approx"}:
        y_hi = upper if math.isinf(hi) else y(hi)
        opacity = "0.18" if kind == "approx" else "0.32"
        out.append(f'<rect x="{cx - 8:.1f}" y="{y_hi:.1f}" width="16" height="{max(y(lo) - y_hi, 2):.1f}" '
                   f'fill="{colour}" fill-opacity="{opacity}" stroke="{colour}"{BAND if kind == "approx" else ""}/>')
        if math.isinf(hi):  # "at least": the bar runs off the top
            out.append(f'<path d="M{cx - 8:.1f},{upper + 9} L{cx:.1f},{upper - 3} L{cx + 8:.1f},{upper + 9}" '
                       f'fill="none" stroke="{colour}" stroke-width="2"/>')
        if kind != "approx":  # the stated bound(s) as caps
            caps = [y(item["value"])] if kind in {"upper", "lower"} else [y(lo), y(hi)]
            out.extend(f'<line x1="{cx - 11:.1f}" x2="{cx + 11:.1f}" y1="{c:.1f}" y2="{c:.1f}" stroke="{colour}" '
                       f'stroke-width="3"/>' for c in caps)
    if kind in {"exact", "approx"}:
        fill = "#fff" if hollow else colour
        out.append(f'<circle cx="{cx:.1f}" cy="{y(item["value"]):.1f}" r="5.5" fill="{fill}" stroke="{colour}" '
                   f'stroke-width="2"/>')
    if carriers > 1:
        out.append(f'<text x="{cx + 11:.1f}" y="{y(hi if not math.isinf(hi) else lo) - 4:.1f}" class="carriers">'
                   f'\u00d7{carriers}</text>')
    out.append("</g></a>")
    return "".join(out)


def timeline_svg(summary: dict | None, claim_stances: dict[str, str] | None = None) -> str:
    """Claims per date on one axis, each date a stack of dots coloured by stance.

    With ``claim_stances`` (claim id -> stance) each dot links to its own claim.
    """
    days = [d for d in (summary or {}).get("timeline") or [] if d.get("date")]
    if not days:
        return ""
    left, right, cap = 30, 30, 12
    per_day = max(sum((d.get("stances") or {}).values()) for d in days)
    height = 46 + 12 * min(per_day, cap)
    step = (WIDTH - left - right) / len(days)
    base = height - 24
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline" viewBox="0 0 {WIDTH} {height}" '
             f'role="img" aria-label="Timeline of claims by date">',
             f'<line x1="{left}" x2="{WIDTH - right}" y1="{base}" y2="{base}" class="axisline"/>']
    for n, day in enumerate(days):
        cx = left + step * (n + 0.5)
        if claim_stances:
            order = list(STANCE_COLOURS)
            dots = sorted(((cid, claim_stances.get(cid, "asserts")) for cid in day.get("claim_ids") or []),
                          key=lambda d: order.index(d[1]) if d[1] in order else 9)
        else:
            dots = [(None, s) for s, n in (day.get("stances") or {}).items() for _ in range(n)]
        row = 0
        for cid, stance in dots:
            if row < cap:
                colour = STANCE_COLOURS.get(stance, "#555")
                dot = (f'<circle cx="{cx:.1f}" cy="{base - 8 - 12 * row}" r="5" fill="{colour}">'
                       f'<title>{escape(stance)}, {escape(day["date"])}</title></circle>')
                parts.append(f'<a href="#claim-{escape(cid)}">{dot}</a>' if cid else dot)
            row += 1
        if row > cap:
            parts.append(f'<text x="{cx + 9:.1f}" y="{base - 8 - 12 * (cap - 1) + 4}" class="carriers">'
                         f'+{row - cap}</text>')
        parts.append(f'<text x="{cx:.1f}" y="{base + 16}" text-anchor="middle" class="when">'
                     f'{escape(short_date(day["date"]))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def source_graph_svg(claims: list[Claim], documents: dict[str, Article]) -> str:
    """Who relays whom: sources on the left, relays in the middle, the outlets that published them right.

    A solid curve carries an origin (the first time a source says it); a dashed one an echo (a relay or
    reprint of a claim first published elsewhere). A source's stripe shows its stance: blue asserts, red
    denies, amber hedges. Rows are ordered so curves cross little (outlets by date, the rest by the
    average row of what they point to).
    """
    if not claims:
        return ""
    edges: dict[tuple[str, str, str, str], list[bool]] = {}  # (from col, from, to col, to) -> echo flags
    stances: dict[str, dict[str, int]] = {}
    first_seen: dict[str, str] = {}
    for c in claims:
        source = (c.source.entity or c.source.text) if c.source else "(unattributed)"
        doc = documents.get(c.document_id)
        outlet = (doc.outlet or doc.title or doc.path or doc.id) if doc else c.document_id
        echo = bool(c.origin_id and c.origin_id != c.id)
        stances.setdefault(source, {}).setdefault(c.stance, 0)
        stances[source][c.stance] += 1
        first_seen[outlet] = min(first_seen.get(outlet, "9999"), (doc.published if doc else None) or "9999")
        previous, column = source, "s"
        for relay in reversed([v.entity or v.text for v in c.via]):  # outermost first: the last hears the source
            edges.setdefault((column, previous, "r", relay), []).append(echo)
            previous, column = relay, "r"
        edges.setdefault((column, previous, "o", outlet), []).append(echo)
    outlets = sorted(first_seen, key=lambda o: (first_seen[o], o))
    relays = list(dict.fromkeys(b for _, _, col, b in edges if col == "r"))
    sources = list(stances)
    rows = {"o": outlets, "r": relays, "s": sources}
    for _ in range(2):  # barycentre sweeps, right to left: relays after outlets, sources after both
        for col in ("r", "s"):
            rank = {(c, name): i / max(len(rows[c]) - 1, 1) for c in ("r", "o") for i, name in enumerate(rows[c])}
            targets = {name: [rank[(tc, t)] for fc, f, tc, t in edges if fc == col and f == name] for name in rows[col]}
            rows[col] = sorted(rows[col], key=lambda n: sum(targets[n]) / len(targets[n]) if targets[n] else 1.0)
    n_rows = max(len(v) for v in rows.values())
    height = 34 + 26 * n_rows
    box = {"s": (6, 210), "r": (292, 180), "o": (WIDTH - 196, 190)} if relays else \
        {"s": (6, 240), "o": (WIDTH - 256, 250)}

    def pos(col: str, name: str) -> float:
        names = rows[col]
        gap = (height - 30) / len(names)
        return 30 + gap * (names.index(name) + 0.5)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart sources" viewBox="0 0 {WIDTH} {height}" '
             f'role="img" aria-label="Source graph: who relays whom">']
    headers = {"s": "source", "r": "relayed by", "o": "published by"}
    for col, (x, w) in box.items():
        parts.append(f'<text x="{x + w / 2:.0f}" y="14" text-anchor="middle" class="axis">{headers[col]}</text>')
    for (col_a, a, col_b, b), echoes in sorted(edges.items()):
        x1, y1 = box[col_a][0] + box[col_a][1], pos(col_a, a)
        x2, y2 = box[col_b][0], pos(col_b, b)
        mid = (x1 + x2) / 2
        dashed = all(echoes)  # solid as soon as one claim on this path is an origin
        width = min(1.2 + 0.6 * (len(echoes) - 1), 4)
        parts.append(f'<path d="M{x1:.0f},{y1:.1f} C{mid:.0f},{y1:.1f} {mid:.0f},{y2:.1f} {x2:.0f},{y2:.1f}" '
                     f'class="edge{" echo" if dashed else ""}" stroke-width="{width:.1f}"'
                     f'{DASH if dashed else ""}><title>{escape(a)} \u2192 {escape(b)}: {len(echoes)} claim'
                     f'{"s" if len(echoes) != 1 else ""}{", echoes only" if dashed else ""}</title></path>')
    for col, (x, w) in box.items():
        for name in rows[col]:
            yy = pos(col, name)
            stripe = ""
            tip = name
            if col == "s":
                counts = stances[name]
                main = max(counts, key=lambda s: (counts[s], s == "denies"))
                stripe = (f'<rect x="{x}" y="{yy - 10:.1f}" width="6" height="20" rx="2" class="stripe" '
                          f'style="fill:{STANCE_COLOURS[main]}"/>')
                tip += " \u2014 " + ", ".join(f"{n} {s}" for s, n in counts.items())
            parts.append(f'<g class="node {col}"><title>{escape(tip)}</title><rect x="{x}" y="{yy - 10:.1f}" '
                         f'width="{w}" height="20" rx="4"/>{stripe}<text x="{x + 9}" y="{yy + 4:.1f}">'
                         f'{escape(_short(name, int(w / 6.6)))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


DASH = ' stroke-dasharray="5 4"'  # an echo's curve
BAND = ' stroke-dasharray="3 2"'  # the edge of an "about" band: softer than a stated bound

__all__ = ["STANCE_COLOURS", "answers", "compact", "figures_svg", "short_date", "source_graph_svg", "timeline_svg"]
