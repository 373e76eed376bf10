"""The shareable HTML report: one self-contained file (inline CSS and SVG, no script, no network).

Jinja2 with autoescaping renders every piece of article text as text: a title or sentence holding
``<script>`` shows as those characters. The SVG charts escape their labels themselves
(``report.charts``) and are the only markup passed through unescaped. Article addresses become links
only when they are plain http(s) URLs, so a ``javascript:`` address stays inert text.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from claimledger.ledger import Ledger, open_ledger
from claimledger.model import Article, Claim, Proposition
from claimledger.report.brief import brief, question, ranked, who
from claimledger.report.charts import answers, figures_svg, source_graph_svg, timeline_svg
from claimledger.report.terminal import figure_text

TEMPLATES = Path(__file__).parent / "templates"
CONTEXT_CHARS = 360  # at most this much article text either side of a claim's sentence
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")
ROLES = ("content", "cue", "source")  # painted in this order: a later role wins where spans overlap
WEB_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def _bounds(text: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    """The paragraph around [start, end), trimmed to whole sentences within CONTEXT_CHARS each side.

    Returns (lo, hi, cut_before, cut_after): the cut flags say the paragraph goes on beyond them.
    """
    sep = "\n\n" if "\n\n" in text else "\n"
    para_start = text.rfind(sep, 0, start)
    lo = 0 if para_start < 0 else para_start + len(sep)
    para_end = text.find(sep, end)
    hi = len(text) if para_end < 0 else para_end
    cut_before = cut_after = False
    if start - lo > CONTEXT_CHARS:
        window = start - CONTEXT_CHARS
        ends = [m.end() for m in SENTENCE_END.finditer(text, window, start)]
        lo, cut_before = (ends[0] if ends else start), True
    if hi - end > CONTEXT_CHARS:
        ends = [m.end() for m in SENTENCE_END.finditer(text, end, end + CONTEXT_CHARS)]
        hi, cut_after = (ends[-1] if ends else end), True
    return lo, hi, cut_before, cut_after


def _marked(text: str, start: int, end: int, spans: dict) -> list[dict]:
    """The sentence split into runs, each with the role (source, cue, content) its characters play."""
    roles: list[str | None] = [None] * (end - start)
    for role in ROLES:
        for a, b in spans.get(role) or []:
            for i in range(max(a, start), min(b, end)):
                roles[i - start] = role
    runs: list[dict] = []
    for offset, role in enumerate(roles):
        if runs and runs[-1]["role"] == role:
            runs[-1]["text"] += text[start + offset]
        else:
            runs.append({"role": role, "text": text[start + offset]})
    return runs


def in_context(claim: Claim, doc: Article | None) -> dict:
    """The claim's sentence with the article text around it: its paragraph, or a few sentences of it.

    ``runs`` splits the sentence by role so the report can mark the source, cue and content.
    """
    start, end = claim.sentence_span
    if doc is None or not doc.text or end > len(doc.text) or doc.text[start:end].strip() == "":
        return {"before": "", "sentence": claim.sentence, "after": "",
                "runs": [{"role": None, "text": claim.sentence}]}
    text = doc.analysis_text()  # boilerplate blanked, offsets unchanged
    lo, hi, cut_before, cut_after = _bounds(text, start, end)

    def clean(s: str) -> str:
        return re.sub(r"\s+", " ", s)

    return {"before": ("\u2026 " if cut_before else "") + clean(text[lo:start]).lstrip(),
            "sentence": text[start:end],
            "after": clean(text[end:hi]).rstrip() + (" \u2026" if cut_after else ""),
            "runs": _marked(text, start, end, claim.spans or {})}


def _doc_name(doc: Article | None) -> str:
    if doc is None:
        return "(unknown article)"
    return doc.title or (Path(doc.path).name if doc.path else doc.id)


def safe_url(url: str | None) -> str | None:
    """The address if it is a plain web address, else None (never a javascript: or data: link)."""
    return url if url and WEB_URL.match(url.strip()) else None


def _claim_view(c: Claim, doc: Article | None, claims: dict[str, Claim]) -> dict:
    origin = claims.get(c.origin_id) if c.origin_id and c.origin_id != c.id else None
    return {
        "id": c.id,
        "source": who(c) if c.source else "(unattributed)",
        "source_text": c.source.text if c.source else "",
        "via": [v.entity or v.text for v in c.via],
        "cue": c.cue or "",
        "stance": c.stance,
        "kind": c.kind,
        "content": c.content,
        "figures": [figure_text(f) for f in c.figures],
        "date": c.claim_date or (doc.published if doc else None),
        "published": doc.published if doc else None,
        "about": c.event_date.start if c.event_date else None,
        "origin": origin.id if origin else None,
        "outlet": (doc.outlet if doc else None) or "",
        "article": _doc_name(doc),
        "url": safe_url(doc.url) if doc else None,
        "context": in_context(c, doc),
    }


def _proposition_view(p: Proposition, members: list[Claim], docs: dict[str, Article],
                      claims: dict[str, Claim]) -> dict:
    s = p.summary or {}

    def when(c: Claim) -> tuple[str, str, int]:
        d = docs.get(c.document_id)
        return c.claim_date or (d.published if d else None) or "9999", c.document_id, c.sentence_span[0]

    members = sorted(members, key=when)
    stances_by_claim = s.get("stances") or {k: sum(c.stance == k for c in members) for k in ("asserts", "denies",
                                                                                            "hedges")}
    return {
        "id": p.id, "label": p.label, "question": question(p), "summary": s,
        "conflict": s.get("conflict") or {},
        "stances": s.get("stances_by_origin") or stances_by_claim, "stances_by_claim": stances_by_claim,
        "origins": s.get("origins") or len(members),
        "outlets": s.get("outlets") or [],
        "figures_svg": Markup(figures_svg(s)),
        "answers": answers(s),
        "graph_svg": Markup(source_graph_svg(members, docs)),
        "timeline_svg": Markup(timeline_svg(s, {c.id: c.stance for c in members}))
        if len(s.get("timeline") or []) > 1 else "",
        "timeline": s.get("timeline") or [],
        "claims": [_claim_view(c, docs.get(c.document_id), claims) for c in members],
    }


def report_context(ledger: Ledger, *, title: str | None = None) -> dict:
    """Everything the template shows, computed from the ledger (no markup except the SVG charts)."""
    docs = {d.id: d for d in ledger.documents}
    claims = {c.id: c for c in ledger.claims}
    props = []
    for p in ranked(ledger):
        members = [claims[i] for i in p.claim_ids if i in claims]
        if members:
            props.append(_proposition_view(p, members, docs, claims))
    asked = Counter(p["question"] for p in props)
    for p in props:  # two propositions asking the same question are told apart by their example claim
        if asked[p["question"]] > 1 and p["label"] != p["question"]:
            p["question"] = p["label"] if len(p["label"]) <= 110 else p["label"][:109] + "\u2026"
        p["show_label"] = p["label"] != p["question"] and not (
            p["question"].endswith("\u2026") and p["label"].startswith(p["question"][:-1]))
    shared = [p for p in props if len(p["claims"]) > 1 or p["conflict"].get("flag")]
    single = [p for p in props if len(p["claims"]) <= 1 and not p["conflict"].get("flag")]
    sentences = [{"text": b.text, "cites": [{"id": cid, "title": f"{who(claims[cid])}: {claims[cid].content}"}
                                            for cid in b.claim_ids if cid in claims]}
                 for b in brief(ledger)]
    outlets = sorted({d.outlet for d in ledger.documents if d.outlet})
    per_doc = Counter(c.document_id for c in ledger.claims)
    dates = sorted(d.published for d in ledger.documents if d.published)
    return {
        "title": title or f"Claim ledger: {ledger.path.stem}",
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "brief": sentences, "shared": shared, "single": single, "n_propositions": len(props),
        "counts": {"documents": len(ledger.documents), "claims": len(ledger.claims), "propositions": len(props),
                   "outlets": len(outlets), "conflicts": sum(1 for p in props if p["conflict"].get("flag"))},
        "span": (dates[0], dates[-1]) if dates else None,
        "documents": [{"name": _doc_name(d), "outlet": d.outlet, "published": d.published, "url": safe_url(d.url),
                       "address": d.url or d.path or "",
                       "claims": per_doc[d.id],
                       "echo_of": _doc_name(docs.get(d.echo_of)) if d.echo_of else None} for d in ledger.documents],
    }


def render_report(ledger: Ledger, *, title: str | None = None) -> str:
    """The whole report as one HTML string."""
    return _environment().get_template("report.html").render(**report_context(ledger, title=title))


def write_report(db: str | Path, out: str | Path, *, title: str | None = None) -> int:
    """Render the ledger at ``db`` into the HTML file ``out``; returns how many propositions it shows."""
    ledger = open_ledger(db)
    context = report_context(ledger, title=title)
    html = _environment().get_template("report.html").render(**context)
    Path(out).write_text(html, encoding="utf-8")
    return context["n_propositions"]


__all__ = ["in_context", "render_report", "report_context", "safe_url", "write_report"]
