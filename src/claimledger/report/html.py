"""The shareable HTML report: one self-contained file (inline CSS and SVG, no script, no network).

Jinja2 with autoescaping renders every piece of article text as text: a title or sentence holding
``<script>`` shows as those characters. The SVG charts escape their labels themselves
(``report.charts``) and are the only markup passed through unescaped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from claimledger.ledger import Ledger, open_ledger
from claimledger.model import Article, Claim
from claimledger.report.brief import brief, question, ranked
from claimledger.report.charts import figures_svg, source_graph_svg, timeline_svg
from claimledger.report.terminal import figure_text

TEMPLATES = Path(__file__).parent / "templates"
CONTEXT_CHARS = 320  # article text shown either side of a claim's sentence, cut at a paragraph break


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def in_context(claim: Claim, doc: Article | None) -> dict:
    """The claim's sentence with the article text around it, up to the paragraph's edges."""
    if doc is None or not doc.text:
        return {"before": "", "sentence": claim.sentence, "after": ""}
    text = doc.text
    start, end = claim.sentence_span
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    para_start = text.rfind("\n", lo, start)
    para_end = text.find("\n", end, hi)
    lo = para_start + 1 if para_start >= 0 else lo
    hi = para_end if para_end >= 0 else hi
    before, after = text[lo:start], text[end:hi]
    return {"before": ("\u2026" if lo > 0 and para_start < 0 else "") + before.lstrip(),
            "sentence": text[start:end],
            "after": after.rstrip() + ("\u2026" if hi < len(text) and para_end < 0 else "")}


def _doc_name(doc: Article | None) -> str:
    if doc is None:
        return "(unknown article)"
    return doc.title or (Path(doc.path).name if doc.path else doc.id)


def _claim_view(c: Claim, doc: Article | None) -> dict:
    return {
        "id": c.id,
        "source": (c.source.entity or c.source.text) if c.source else "(unattributed)",
        "source_text": c.source.text if c.source else "",
        "via": [v.entity or v.text for v in c.via],
        "cue": c.cue or "",
        "stance": c.stance,
        "kind": c.kind,
        "content": c.content,
        "figures": [figure_text(f) for f in c.figures],
        "date": c.claim_date or (doc.published if doc else None),
        "about": (c.event_date.start if c.event_date else None),
        "echo": bool(c.origin_id and c.origin_id != c.id),
        "origin": c.origin_id or c.id,
        "outlet": (doc.outlet if doc else None) or "",
        "article": _doc_name(doc),
        "url": doc.url if doc else None,
        "context": in_context(c, doc),
    }


def render_report(ledger: Ledger, *, title: str | None = None) -> str:
    """The whole report as one HTML string."""
    docs = {d.id: d for d in ledger.documents}
    claims = {c.id: c for c in ledger.claims}
    props = []
    for p in ranked(ledger):
        members = [claims[i] for i in p.claim_ids if i in claims]
        if not members:
            continue
        s = p.summary or {}
        props.append({
            "id": p.id, "label": p.label, "question": question(p), "summary": s,
            "conflict": s.get("conflict") or {}, "stances": s.get("stances_by_origin") or s.get("stances") or {},
            "origins": s.get("origins") or len(members),
            "figures_svg": Markup(figures_svg(s)),
            "graph_svg": Markup(source_graph_svg(members, docs)),
            "timeline_svg": Markup(timeline_svg(s)) if len(s.get("timeline") or []) > 1 else "",
            "timeline": s.get("timeline") or [],
            "claims": [_claim_view(c, docs.get(c.document_id)) for c in members],
        })
    shared = [p for p in props if len(p["claims"]) > 1 or p["conflict"].get("flag")]
    single = [p for p in props if p not in shared]
    claim_prop = {c["id"]: p["id"] for p in props for c in p["claims"]}
    sentences = [{"text": b.text, "cites": [(cid, claim_prop.get(cid)) for cid in b.claim_ids]}
                 for b in brief(ledger)]
    outlets = sorted({d.outlet for d in ledger.documents if d.outlet})
    dates = sorted(d.published for d in ledger.documents if d.published)
    return _environment().get_template("report.html").render(
        title=title or f"Claim ledger: {ledger.path.stem}",
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        brief=sentences, shared=shared, single=single,
        counts={"documents": len(ledger.documents), "claims": len(ledger.claims), "propositions": len(props),
                "outlets": len(outlets)},
        span=(dates[0], dates[-1]) if dates else None,
        documents=[{"name": _doc_name(d), "outlet": d.outlet, "published": d.published, "url": d.url,
                    "echo_of": _doc_name(docs.get(d.echo_of)) if d.echo_of else None} for d in ledger.documents],
    )


def write_report(db: str | Path, out: str | Path, *, title: str | None = None) -> int:
    """Render the ledger at ``db`` into the HTML file ``out``; returns how many propositions it shows."""
    ledger = open_ledger(db)
    html = render_report(ledger, title=title)
    Path(out).write_text(html, encoding="utf-8")
    return sum(1 for p in ledger.propositions if p.claim_ids)


__all__ = ["in_context", "render_report", "write_report"]
