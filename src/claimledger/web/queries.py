"""Read-only SQL for the web app: search, filters, one proposition, one article.

Every query is bounded (LIMIT, indexed lookups), so pages stay fast on ledgers of 100k claims. The
ledger is opened with ``mode=ro``: the app cannot change it even by mistake.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from claimledger.model import Article, Claim
from claimledger.store import LedgerStore

PAGE = 50
MAX_PROPOSITION_CLAIMS = 500
FACET_LIMIT = 300
WORD = re.compile(r"\w+", re.UNICODE)
# bm25 weights of claims_fts's columns (content, sentence, source_text, source_entity): words of what is
# claimed count most; the sentence repeats the content with its reporting frame
BM25 = "bm25(4.0, 1.0, 2.0, 2.0)"
# a claim's date: its own, else its article's. A correlated lookup rather than a join, so SQLite scans
# claims in table order instead of walking claims_document and jumping around the table (4x faster)
DATE_KEY = "COALESCE(c.claim_date, (SELECT published FROM documents dd WHERE dd.id = c.document_id))"

# the source shown is the canonical party across the corpus ("the Kremlin's spokesman" -> the person)
CLAIM_COLUMNS = """c.id, c.document_id, c.sentence, c.content, c.source_text,
    COALESCE(pa.name, c.source_entity) AS source_entity, c.source_kind,
    c.via, c.cue, c.stance, c.kind, c.claim_date, c.proposition_id, c.origin_id, c.sentence_start,
    c.sentence_end, d.outlet, d.title, d.path, d.published, p.label AS proposition_label"""
CLAIM_JOINS = ("JOIN documents d ON d.id = c.document_id LEFT JOIN propositions p ON p.id = c.proposition_id "
               "LEFT JOIN parties pa ON pa.id = c.source_party_id")


@dataclass
class Filters:
    q: str = ""
    source: str = ""
    outlet: str = ""
    stance: str = ""
    date_from: str = ""
    date_to: str = ""
    proposition: str = ""
    page: int = 1


def fts_query(text: str) -> str:
    """User words as an FTS5 query that never raises: each word quoted, all required, last one a prefix."""
    words = WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


class LedgerReader:
    """One read-only connection per thread (FastAPI runs sync routes in a thread pool)."""

    def __init__(self, db: str | Path) -> None:
        self.path = Path(db)
        if not self.path.is_file():
            raise FileNotFoundError(f"{db}: no such ledger file")
        self.local = threading.local()
        self._facets: tuple[float, dict] | None = None

    @property
    def db(self) -> sqlite3.Connection:
        con = getattr(self.local, "con", None)
        if con is None:
            con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            con.row_factory = sqlite3.Row
            self.local.con = con
        return con

    def stamp(self) -> float:
        """When the ledger last changed (the file or its write-ahead log): cached answers older are stale."""
        stamp = self.path.stat().st_mtime
        wal = self.path.with_name(self.path.name + "-wal")
        if wal.exists():
            stamp = max(stamp, wal.stat().st_mtime)
        return stamp

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "claims", "propositions")}

    def facets(self) -> dict[str, list[str]]:
        """The most frequent sources and outlets, for the filter lists; recomputed when the file changes."""
        stamp = self.stamp()
        if self._facets is None or self._facets[0] != stamp:
            sources = [r[0] for r in self.db.execute(
                "SELECT COALESCE(pa.name, c.source_entity) AS who FROM claims c LEFT JOIN parties pa "
                "ON pa.id = c.source_party_id WHERE who IS NOT NULL GROUP BY who ORDER BY COUNT(*) DESC LIMIT ?",
                (FACET_LIMIT,))]
            outlets = [r[0] for r in self.db.execute(
                "SELECT outlet FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC "
                "LIMIT ?", (FACET_LIMIT,))]
            self._facets = (stamp, {"sources": sorted(sources, key=str.casefold),
                                    "outlets": sorted(outlets, key=str.casefold)})
        return self._facets[1]

    def search(self, f: Filters) -> tuple[list[dict], bool]:
        """One page of claims matching the filters, best bm25 match first (newest first without words).

        Returns the rows and whether there is a next page. The page's rowids are chosen by a narrow inner
        query (the sorter then carries two values a row, not whole sentences); only those rows are read in
        full.
        """
        where, params = _filter_clauses(f)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        offset = (max(f.page, 1) - 1) * PAGE
        match = fts_query(f.q)
        if match and not where:
            # FTS5 ranks and cuts inside the index: the cheapest form, used when only words are given
            inner = ("SELECT rowid AS rid, rank AS k FROM claims_fts WHERE claims_fts MATCH ? AND rank MATCH ? "
                     "ORDER BY rank LIMIT ? OFFSET ?")
            params = [match, BM25, PAGE + 1, offset]
        elif match:
            inner = ("SELECT hits.rowid AS rid, hits.rank AS k FROM (SELECT rowid, rank FROM claims_fts "
                     "WHERE claims_fts MATCH ? AND rank MATCH ?) hits JOIN claims c ON c.rowid = hits.rowid "
                     f"{clause} ORDER BY hits.rank LIMIT ? OFFSET ?")
            params = [match, BM25, *params, PAGE + 1, offset]
        else:
            inner = (f"SELECT c.rowid AS rid, {DATE_KEY} AS k FROM claims c {clause} "
                     "ORDER BY k DESC, c.rowid LIMIT ? OFFSET ?")
            params = [*params, PAGE + 1, offset]
        order = "page.k, page.rid" if match else "page.k DESC, page.rid"
        sql = (f"SELECT {CLAIM_COLUMNS} FROM ({inner}) page JOIN claims c ON c.rowid = page.rid {CLAIM_JOINS} "
               f"ORDER BY {order}")
        rows = [_claim_row(r) for r in self.db.execute(sql, params)]
        return rows[:PAGE], len(rows) > PAGE

    def load_for_check(self) -> tuple[list[Article], list[Claim]]:
        """Every document and claim as model objects, for the claim check (the app loads them once)."""
        store = LedgerStore.over(self.db, self.path)  # its readers, over our read-only connection
        return store.documents(), store.claims()

    def check_candidates(self, text: str, limit: int) -> list[str]:
        """Ids of the ``limit`` claims sharing the most words with ``text`` (bm25 over any of its words)."""
        words = WORD.findall(text)
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        return [r[0] for r in self.db.execute(
            "SELECT c.id FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? AND rank MATCH ? "
            "ORDER BY rank LIMIT ?) hits JOIN claims c ON c.rowid = hits.rowid", (match, BM25, limit))]

    def propositions(self, page: int = 1) -> tuple[list[dict], bool]:
        """Propositions with most claims first."""
        offset = (max(page, 1) - 1) * PAGE
        rows = self.db.execute(
            "SELECT p.id, p.label, p.unit, p.summary, COUNT(c.id) AS n FROM propositions p "
            "JOIN claims c ON c.proposition_id = p.id GROUP BY p.id ORDER BY n DESC, p.id LIMIT ? OFFSET ?",
            (PAGE + 1, offset)).fetchall()
        out = [{"id": r["id"], "label": r["label"], "claims": r["n"], **_summary_bits(r["summary"])} for r in rows]
        return out[:PAGE], len(out) > PAGE

    def proposition(self, pid: str) -> dict | None:
        row = self.db.execute("SELECT id, label, unit, summary FROM propositions WHERE id = ?", (pid,)).fetchone()
        if row is None:
            return None
        claims = [_claim_row(r) for r in self.db.execute(
            f"SELECT {CLAIM_COLUMNS} FROM claims c {CLAIM_JOINS} WHERE c.proposition_id = ? "
            f"ORDER BY COALESCE(c.claim_date, d.published), c.rowid LIMIT ?", (pid, MAX_PROPOSITION_CLAIMS))]
        summary = json.loads(row["summary"]) if row["summary"] else {}
        return {"id": row["id"], "label": row["label"], "unit": row["unit"], "summary": summary, "claims": claims}

    def documents(self, page: int = 1) -> tuple[list[dict], bool]:
        offset = (max(page, 1) - 1) * PAGE
        rows = self.db.execute(
            "SELECT d.id, d.title, d.path, d.outlet, d.published, d.echo_of, "
            "(SELECT COUNT(*) FROM claims c WHERE c.document_id = d.id) AS n FROM documents d "
            "ORDER BY d.published DESC, d.rowid LIMIT ? OFFSET ?", (PAGE + 1, offset)).fetchall()
        out = [dict(r) for r in rows]
        return out[:PAGE], len(out) > PAGE

    def document(self, doc_id: str) -> dict | None:
        row = self.db.execute("SELECT id, title, path, url, outlet, published, text, echo_of FROM documents "
                              "WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        claims = [_claim_row(r) for r in self.db.execute(
            f"SELECT {CLAIM_COLUMNS} FROM claims c {CLAIM_JOINS} WHERE c.document_id = ? ORDER BY c.sentence_start",
            (doc_id,))]
        return {**dict(row), "claims": claims}


def _filter_clauses(f: Filters) -> tuple[list[str], list[str]]:
    where, params = [], []
    source = ("(c.source_party_id IN (SELECT id FROM parties WHERE name = ?) OR c.source_entity = ? "
              "OR c.source_text = ?)")
    for value, sql in ((f.source, source),
                       (f.outlet, "c.document_id IN (SELECT id FROM documents WHERE outlet = ?)"),
                       (f.stance, "c.stance = ?"), (f.proposition, "c.proposition_id = ?"),
                       (f.date_from, f"{DATE_KEY} >= ?"), (f.date_to, f"{DATE_KEY} <= ?")):
        if value:
            where.append(sql)
            params += [value] * sql.count("?")
    if f.date_to:
        params[-1] = f.date_to + "\uffff"  # the whole last day, whatever follows the date
    return where, params


def _summary_bits(summary: str | None) -> dict:
    s = json.loads(summary) if summary else {}
    return {"origins": s.get("origins"), "conflict": bool((s.get("conflict") or {}).get("flag")),
            "stances": s.get("stances_by_origin") or {}}


def _claim_row(r: sqlite3.Row) -> dict:
    row = dict(r)
    via = json.loads(row.pop("via") or "[]")
    row["via"] = [v.get("entity") or v.get("text") for v in via]
    row["source"] = row["source_entity"] or row["source_text"] or "(unattributed)"
    row["date"] = row["claim_date"] or row["published"]
    row["echo"] = bool(row["origin_id"] and row["origin_id"] != row["id"])
    return row


__all__ = ["PAGE", "Filters", "LedgerReader", "fts_query"]
