"""Routes of the local web app: search, propositions, articles, claim check. Server-rendered, read-only."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from claimledger.model import STANCES
from claimledger.report.charts import figures_svg, timeline_svg
from claimledger.web.queries import Filters, LedgerReader

TEMPLATES = Path(__file__).parent / "templates"


def highlighted(text: str, claims: list[dict]) -> Markup:
    """The article text, escaped, with each claim's sentence marked and linked to the claim."""
    spans = sorted((c["sentence_start"], c["sentence_end"], c["id"]) for c in claims
                   if 0 <= c["sentence_start"] < c["sentence_end"] <= len(text))
    out, pos = [], 0
    for start, end, cid in spans:
        if start < pos:  # a second claim in a sentence already marked
            continue
        out.append(escape(text[pos:start]))
        out.append(Markup('<mark id="s-{0}"><a href="#claim-{0}">').format(cid))
        out.append(escape(text[start:end]))
        out.append(Markup("</a></mark>"))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def create_app(db: str | Path) -> FastAPI:
    """The web app over the ledger file ``db`` (opened read-only)."""
    reader = LedgerReader(db)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    app = FastAPI(title="claimledger", docs_url=None, redoc_url=None, openapi_url=None)
    check_cache: dict[str, object] = {}
    check_lock = threading.Lock()

    def page(name: str, status: int = 200, **context: object) -> HTMLResponse:
        html = env.get_template(name).render(ledger_name=reader.path.name, **context)
        return HTMLResponse(html, status_code=status)

    @app.get("/", response_class=HTMLResponse)
    def search(q: str = "", source: str = "", outlet: str = "", stance: str = "", date_from: str = "",
               date_to: str = "", proposition: str = "", page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        f = Filters(q=q, source=source, outlet=outlet, stance=stance if stance in STANCES else "",
                    date_from=date_from, date_to=date_to, proposition=proposition, page=page_no)
        rows, more = reader.search(f)
        return page("search.html", f=f, rows=rows, more=more, facets=reader.facets(), stances=STANCES,
                    counts=reader.counts())

    @app.get("/propositions", response_class=HTMLResponse)
    def propositions(page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        rows, more = reader.propositions(page_no)
        return page("propositions.html", rows=rows, more=more, page_no=page_no)

    @app.get("/p/{pid}", response_class=HTMLResponse)
    def proposition(pid: str) -> HTMLResponse:
        prop = reader.proposition(pid)
        if prop is None:
            raise HTTPException(404, f"no proposition {pid}")
        return page("proposition.html", p=prop, figures_svg=Markup(figures_svg(prop["summary"])),
                    timeline_svg=Markup(timeline_svg(prop["summary"])))

    @app.get("/articles", response_class=HTMLResponse)
    def articles(page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        rows, more = reader.documents(page_no)
        return page("articles.html", rows=rows, more=more, page_no=page_no)

    @app.get("/a/{doc_id}", response_class=HTMLResponse)
    def article(doc_id: str) -> HTMLResponse:
        doc = reader.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no article {doc_id}")
        return page("article.html", d=doc, body=highlighted(doc["text"], doc["claims"]))

    @app.get("/check", response_class=HTMLResponse)
    def check(claim: str = "") -> HTMLResponse:
        result = None
        if claim.strip():
            result = _check(claim, reader, check_cache, check_lock)
        return page("check.html", claim=claim, result=result)

    @app.exception_handler(HTTPException)
    def not_found(_request, exc: HTTPException) -> HTMLResponse:
        return page("error.html", status=exc.status_code, message=str(exc.detail))

    return app


def _check(claim: str, reader: LedgerReader, cache: dict, lock: threading.Lock) -> dict:
    """`claimledger check` over the ledger; the ledger is loaded once and reloaded when the file changes."""
    from claimledger.ledger import open_ledger
    from claimledger.report.check import check_json
    from claimledger.stance import check as run_check

    stamp = reader.path.stat().st_mtime
    with lock:
        if cache.get("stamp") != stamp:
            cache["ledger"], cache["stamp"] = open_ledger(reader.path), stamp
        ledger = cache["ledger"]
    try:
        results = run_check(claim, ledger.claims, documents={d.id: d for d in ledger.documents})
    except Exception:  # noqa: BLE001 - the sentence model may be missing: word cues still answer
        results = run_check(claim, ledger.claims, use_embeddings=False,
                            documents={d.id: d for d in ledger.documents})
    return check_json(claim, results, ledger)


__all__ = ["create_app", "highlighted"]
