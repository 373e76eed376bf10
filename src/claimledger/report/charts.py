"""Inline SVG charts for the HTML report: figures by source and date, the source graph, the timeline.

Plain SVG strings with every label escaped, so the report needs no script library and no network.
Hedges are drawn as what they allow: "about 8,000" a dot with a band, "up to 12,000" a bar from zero,
"at least 10,000" a bar running off the top, a range a bar from low to high.
"""

from __future__ import annotations

import math
from html import escape

from claimledger.link.summary import interval
from claimledger.model import Article, Claim, Figure

STANCE_COLOURS = {"asserts": "#1b6ca8", "denies": "#c0392b", "hedges": "#d68910"}
WIDTH = 720


def _fmt(v: float) -> str:
    if v >= 1_000_000:
        return f"{v / 1_000_000:.3g}M"
    if v >= 10_000:
        return f"{v / 1000:.3g}k"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:.3g}"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "\u2026"


def _nice_top(v: float) -> float:
    if v <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(v))
    for m in (1, 2, 2.5, 5, 10):
        if m * step >= v:
            return m * step
    return 10 * step


def figures_svg(summary: dict | None) -> str:
    """The figures of one proposition, one column per answer in date order, hedges drawn as ranges."""
    figures = (summary or {}).get("figures") or {}
    items = [i for i in figures.get("items") or [] if i.get("value") is not None or i.get("low") is not None]
    if not items:
        return ""
    items = sorted(items, key=lambda i: (i.get("date") or "9999", i.get("source") or ""))
    spans = []
    for i in items:
        span = interval(Figure(value=i.get("value"), kind=i.get("kind") or "exact", low=i.get("low"),
                               high=i.get("high")))
        spans.append(span or (i["value"], i["value"]))
    finite = [v for lo, hi in spans for v in (lo, hi) if not math.isinf(v)]
    top = _nice_top(max(finite) * 1.1)
    left, right, upper = 70, 20, 20
    plot_w = WIDTH - left - right
    lower = 90 if plot_w / len(items) >= 100 else 150
    height = 210 + lower
    plot_h = height - upper - lower
    step = plot_w / len(items)
    left += 70 if step < 100 else 0  # room for the first slanted label
    step = (WIDTH - left - right) / len(items)

    def y(v: float) -> float:
        return upper + plot_h * (1 - min(v, top) / top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart figures" viewBox="0 0 {WIDTH} {height}" '
             f'role="img" aria-label="Figures by source and date">']
    for k in range(5):  # horizontal grid with value labels
        v = top * k / 4
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" class="tick">{_fmt(v)}</text>')
    unit = figures.get("unit")
    if unit:
        parts.append(f'<text x="12" y="{upper + plot_h / 2:.0f}" class="axis" transform="rotate(-90 12 '
                     f'{upper + plot_h / 2:.0f})" text-anchor="middle">{escape(unit)}</text>')
    for n, (item, (lo, hi)) in enumerate(zip(items, spans, strict=True)):
        cx = left + step * (n + 0.5)
        colour = STANCE_COLOURS.get(item.get("stance") or "", "#555")
        kind = item.get("kind") or "exact"
        title = escape(f"{item.get('text') or item.get('value')} \u2014 {item.get('source') or '?'}"
                       f" ({item.get('date') or 'undated'}, {item.get('stance')})")
        parts.append(f'<g class="answer {escape(kind)}"><title>{title}</title>')
        if kind in {"upper", "lower", "range", "approx"}:
            y_hi = upper if math.isinf(hi) else y(hi)
            parts.append(f'<rect x="{cx - 7:.1f}" y="{y_hi:.1f}" width="14" height="{max(y(lo) - y_hi, 2):.1f}" '
                         f'fill="{colour}" fill-opacity="0.25" stroke="{colour}"/>')
            if math.isinf(hi):
                parts.append(f'<path d="M{cx - 7:.1f},{upper + 8} L{cx:.1f},{upper - 2} L{cx + 7:.1f},{upper + 8}" '
                             f'fill="none" stroke="{colour}" stroke-width="2"/>')
        if item.get("value") is not None and kind != "upper" and kind != "lower":
            parts.append(f'<circle cx="{cx:.1f}" cy="{y(item["value"]):.1f}" r="5" fill="{colour}"/>')
        elif item.get("value") is not None:
            parts.append(f'<line x1="{cx - 9:.1f}" x2="{cx + 9:.1f}" y1="{y(item["value"]):.1f}" '
                         f'y2="{y(item["value"]):.1f}" stroke="{colour}" stroke-width="3"/>')
        label_y = upper + plot_h + 14
        value_label = escape(_short(item.get("text") or _fmt(item["value"]), 18 if step >= 100 else 11))
        who_label = escape(_short(item.get("source") or "?", 18 if step >= 100 else 24))
        when = escape(item.get("date") or "undated")
        if step >= 100:
            parts.append(f'<text x="{cx:.1f}" y="{label_y}" text-anchor="middle" class="value">{value_label}</text>'
                         f'<text x="{cx:.1f}" y="{label_y + 14}" text-anchor="middle" class="who">{who_label}</text>'
                         f'<text x="{cx:.1f}" y="{label_y + 28}" text-anchor="middle" class="when">{when}</text></g>')
        else:  # crowded: who and when slanted under the value
            parts.append(f'<text x="{cx:.1f}" y="{label_y}" text-anchor="middle" class="value">{value_label}</text>'
                         f'<text x="{cx + 4:.1f}" y="{label_y + 12}" text-anchor="end" class="who" '
                         f'transform="rotate(-35 {cx + 4:.1f} {label_y + 12})">{who_label}, {when}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def timeline_svg(summary: dict | None) -> str:
    """Claims per date on one axis, each date a stack of dots coloured by stance."""
    days = [d for d in (summary or {}).get("timeline") or [] if d.get("date")]
    if not days:
        return ""
    left, right = 30, 30
    per_row = max((sum((d.get("stances") or {}).values()) for d in days), default=1)
    height = 60 + 12 * min(per_row, 12)
    step = (WIDTH - left - right) / max(len(days), 1)
    base = height - 34
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline" viewBox="0 0 {WIDTH} {height}" '
             f'role="img" aria-label="Timeline of claims by date">',
             f'<line x1="{left}" x2="{WIDTH - right}" y1="{base}" y2="{base}" class="axisline"/>']
    for n, day in enumerate(days):
        cx = left + step * (n + 0.5)
        row = 0
        for stance, count in (day.get("stances") or {}).items():
            for _ in range(count):
                if row < 12:
                    colour = STANCE_COLOURS.get(stance, "#555")
                    parts.append(f'<circle cx="{cx:.1f}" cy="{base - 8 - 12 * row}" r="5" fill="{colour}">'
                                 f'<title>{escape(stance)}</title></circle>')
                row += 1
        figures = ", ".join(day.get("figures") or [])
        parts.append(f'<text x="{cx:.1f}" y="{base + 16}" text-anchor="middle" class="when">'
                     f'{escape(day["date"])}</text>')
        if figures:
            parts.append(f'<text x="{cx:.1f}" y="{base + 29}" text-anchor="middle" class="value">'
                         f'{escape(_short(figures, 22))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def source_graph_svg(claims: list[Claim], documents: dict[str, Article]) -> str:
    """Who relays whom: sources on the left, relays in the middle, outlets on the right.

    A solid line carries an origin (the first outlet to publish it); a dashed line an echo of it (a
    reprint, or the same source saying the same thing again elsewhere).
    """
    if not claims:
        return ""
    sources: list[str] = []
    relays: list[str] = []
    outlets: list[str] = []
    edges: set[tuple[str, str, str, str, bool]] = set()  # (from column, from, to column, to, echo)

    def add(column: list[str], name: str) -> None:
        if name not in column:
            column.append(name)

    for c in claims:
        source = (c.source.entity or c.source.text) if c.source else "(unattributed)"
        doc = documents.get(c.document_id)
        outlet = (doc.outlet or doc.title or doc.path or doc.id) if doc else c.document_id
        echo = bool(c.origin_id and c.origin_id != c.id)
        add(sources, source)
        add(outlets, outlet)
        chain = [v.entity or v.text for v in c.via]
        previous, column = source, "s"
        for relay in reversed(chain):  # via is outermost first: the innermost relay hears the source
            add(relays, relay)
            edges.add((column, previous, "r", relay, echo))
            previous, column = relay, "r"
        edges.add((column, previous, "o", outlet, echo))
    # a source both echoed and original keeps the solid line
    solid = {(a, b, c, d) for a, b, c, d, e in edges if not e}
    edges = {e for e in edges if not e[4] or e[:4] not in solid}
    rows = max(len(sources), len(relays), len(outlets))
    height = 30 + 26 * rows
    xs = {"s": 10, "r": WIDTH // 2 - 90, "o": WIDTH - 200}
    columns = {"s": sources, "r": relays, "o": outlets}

    def pos(column: str, name: str) -> tuple[float, float]:
        names = columns[column]
        gap = (height - 20) / max(len(names), 1)
        return xs[column], 20 + gap * (names.index(name) + 0.5)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart sources" viewBox="0 0 {WIDTH} {height}" '
             f'role="img" aria-label="Source graph: who relays whom">']
    for col_a, a, col_b, b, echo in sorted(edges):
        x1, y1 = pos(col_a, a)
        x2, y2 = pos(col_b, b)
        dash = ' stroke-dasharray="5 4"' if echo else ""
        parts.append(f'<line x1="{x1 + 180:.0f}" y1="{y1:.1f}" x2="{x2:.0f}" y2="{y2:.1f}" class="edge"{dash}/>')
    for column, names in columns.items():
        for name in names:
            x, yy = pos(column, name)
            parts.append(f'<g class="node {column}"><rect x="{x}" y="{yy - 10:.1f}" width="180" height="20" rx="4"/>'
                         f'<text x="{x + 6}" y="{yy + 4:.1f}">{escape(_short(name, 30))}</text>'
                         f'<title>{escape(name)}</title></g>')
    parts.append("</svg>")
    return "".join(parts)


__all__ = ["STANCE_COLOURS", "figures_svg", "source_graph_svg", "timeline_svg"]
