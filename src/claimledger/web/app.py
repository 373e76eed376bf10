"""Routes of the local web app: search, propositions, articles, claim check. Server-rendered, read-only."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimledger.ledger import Ledger
from claimledger.model import STANCES, Claim
from claimledger.report.charts import figures_svg, timeline_svg
from claimledger.web.queries import Filters, LedgerReader

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
CHECK_ALL_UP_TO = 2000  # claims; a cold check embeds them all (~130 a second on a laptop CPU)
CHECK_ROWS_SHOWN = 200
CHECK_CANDIDATES = 500  # embedding them costs ~4 s the first time on a laptop CPU, then they are cached


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
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    checker = ClaimChecker(reader)

    def page(name: str, status: int = 200, **context: object) -> HTMLResponse:
        html = env.get_template(name).render(ledger_name=reader.path.name, section=name, status=status, **context)
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
            result = checker(claim)
        return page("check.html", claim=claim, result=result, max_rows=CHECK_ROWS_SHOWN)

    @app.exception_handler(StarletteHTTPException)  # also catches Starlette's own 404 for unknown paths
    def http_error(_request: Request, exc: StarletteHTTPException) -> HTMLResponse:
        return page("error.html", status=exc.status_code, message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    def bad_request(_request: Request, exc: RequestValidationError) -> HTMLResponse:
        names = ", ".join(str(e["loc"][-1]) for e in exc.errors())
        return page("error.html", status=400, message=f"bad value for: {names}")

    return app


class ClaimChecker:
    """`claimledger check` over the ledger, its claims loaded once (and again only when the file changes).

    A ledger of more than ``CHECK_ALL_UP_TO`` claims is first narrowed to the ``CHECK_CANDIDATES`` claims
    sharing most words with the question (full-text search), since embedding 100k claims per question
    would take minutes; the page says so.
    """

    def __init__(self, reader: LedgerReader) -> None:
        self.reader = reader
        self.lock = threading.Lock()
        self.stamp: float | None = None
        self.ledger: Ledger | None = None
        self.by_id: dict[str, Claim] = {}

    def _loaded(self) -> Ledger:
        stamp = self.reader.stamp()
        with self.lock:
            if self.ledger is None or self.stamp != stamp:
                documents, claims = self.reader.load_for_check()
                self.ledger = Ledger(self.reader.path, documents, claims, [])
                self.by_id = {c.id: c for c in claims}
                self.stamp = stamp
            return self.ledger

    def __call__(self, claim: str) -> dict:
        from claimledger.report.check import check_json
        from claimledger.stance import check as run_check

        ledger = self._loaded()
        claims, narrowed = ledger.claims, False
        if len(claims) > CHECK_ALL_UP_TO:
            ids = self.reader.check_candidates(claim, CHECK_CANDIDATES)
            claims, narrowed = [self.by_id[i] for i in ids if i in self.by_id], True
        documents = {d.id: d for d in ledger.documents}
        try:  # with sentence embeddings when the model loads (stance.check falls back by itself when absent)
            results = run_check(claim, claims, use_embeddings=True, documents=documents)
        except Exception:  # noqa: BLE001 - a broken embedding runtime must not cost the answer: word cues
            results = run_check(claim, claims, use_embeddings=False, documents=documents)
        answer = check_json(claim, results, ledger)
        answer["searched"] = {"claims": len(claims), "ledger": len(ledger.claims), "narrowed": narrowed}
        return answer


__all__ = ["ClaimChecker", "create_app", "highlighted"]
