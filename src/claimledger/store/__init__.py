"""Store stage: the SQLite ledger (schema in ``schema.sql``, documented in the README).

WAL mode, and each article with its claims and figures is written in one transaction, so a process
killed mid-run leaves a usable ledger and a rerun completes it: documents already stored are skipped
by their content hash, and claims not yet grouped are linked on the next run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import numpy as np

from claimledger.model import Article, Claim, DateRange, Figure, Party, Proposition

SCHEMA_VERSION = "1"
NEWER_COLUMNS = (("documents", "echo_of"), ("claims", "origin_id"), ("documents", "author"))


class LedgerError(RuntimeError):
    """The ledger file cannot be opened or is not a claimledger ledger."""


class LedgerStore:
    """A claimledger SQLite file."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise LedgerError(f"{self.path}: no such ledger (run `claimledger analyze` first)")
        try:
            self.db = sqlite3.connect(str(self.path), timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            # INSERT OR REPLACE fires the full-text index's delete trigger only with recursive triggers on
            self.db.execute("PRAGMA recursive_triggers=ON")
            if create:
                self._add_missing_columns()
                self.db.executescript(resources.files("claimledger.store").joinpath("schema.sql").read_text())
                self.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                                (SCHEMA_VERSION,))
                self._fill_search_index()
                self.db.commit()
            self.db.execute("SELECT 1 FROM documents LIMIT 1")
        except sqlite3.DatabaseError as exc:
            raise LedgerError(f"{self.path}: not a claimledger ledger ({exc})") from exc

    @classmethod
    def over(cls, connection: sqlite3.Connection, path: str | Path) -> LedgerStore:
        """The store's readers over a connection opened elsewhere (the web app's read-only one).

        Nothing is created or upgraded; writing through it fails if the connection is read-only.
        """
        store = cls.__new__(cls)
        store.path, store.db = Path(path), connection
        return store

    def _add_missing_columns(self) -> None:
        """Ledgers written by an earlier version lack the newer columns: add them (schema stays v1)."""
        for table, column in NEWER_COLUMNS:
            have = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
            if have and column not in have:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")

    def _fill_search_index(self) -> None:
        """A ledger made before the search index existed gets it built once from its claims."""
        indexed = self.db.execute("SELECT COUNT(*) FROM claims_fts_docsize").fetchone()[0]
        if indexed == 0 and self.db.execute("SELECT 1 FROM claims LIMIT 1").fetchone():
            self.db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> LedgerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def add_article(self, article: Article, claims: list[Claim]) -> bool:
        """Store one article and its claims atomically. False if the text was already stored."""
        with self.db:  # one transaction: all of the article or nothing
            cur = self.db.execute(
                "INSERT OR IGNORE INTO documents(id, path, url, outlet, title, published, language, format,"
                " text, ignored, added_at, author) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, article.path, article.url, article.outlet, article.title, article.published,
                 article.language, article.fmt, article.text, json.dumps(article.ignored),
                 datetime.now(UTC).isoformat(timespec="seconds"), article.author))
            if cur.rowcount == 0:
                return False
            for claim in claims:
                self._insert_claim(claim)
        return True

    def _insert_claim(self, c: Claim) -> None:
        src = c.source
        self.db.execute(
            "INSERT OR REPLACE INTO claims(id, document_id, sentence, sentence_start, sentence_end, content,"
            " source_text, source_entity, source_kind, via, cue, stance, kind, claim_date, event_start,"
            " event_end, spans, proposition_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (c.id, c.document_id, c.sentence, c.sentence_span[0], c.sentence_span[1], c.content,
             src.text if src else None, src.entity if src else None, src.kind if src else None,
             json.dumps([v.to_json() for v in c.via]), c.cue, c.stance, c.kind, c.claim_date,
             c.event_date.start if c.event_date else None, c.event_date.end if c.event_date else None,
             json.dumps({k: [list(s) for s in v] if v else None for k, v in c.spans.items()}),
             c.proposition_id))
        for f in c.figures:
            self.db.execute(
                "INSERT INTO figures(claim_id, value, low, high, kind, unit, text, start, end)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (c.id, f.value, f.low, f.high, f.kind, f.unit, f.text,
                 f.span[0] if f.span else None, f.span[1] if f.span else None))

    def save_links(self, propositions: list[Proposition], assignment: dict[str, str],
                   parties: dict[str, tuple[str, str | None, list[str]]]) -> None:
        """Store propositions, each claim's proposition and each claim's canonical party, atomically.

        ``parties`` maps a claim id to (canonical name, kind, aliases).
        """
        with self.db:
            for p in propositions:
                self.db.execute(
                    "INSERT INTO propositions(id, label, unit) VALUES (?,?,?) ON CONFLICT(id) DO UPDATE"
                    " SET label = excluded.label, unit = excluded.unit", (p.id, p.label, p.unit))
            for claim_id, prop_id in assignment.items():
                self.db.execute("UPDATE claims SET proposition_id = ? WHERE id = ?", (prop_id, claim_id))
            for claim_id, (name, kind, aliases) in parties.items():
                row = self.db.execute("SELECT id, aliases FROM parties WHERE name = ?", (name,)).fetchone()
                if row is None:
                    pid = self.db.execute("INSERT INTO parties(name, kind, aliases) VALUES (?,?,?)",
                                          (name, kind, json.dumps(sorted(set(aliases))))).lastrowid
                else:
                    pid = row["id"]
                    merged = sorted(set(json.loads(row["aliases"] or "[]")) | set(aliases))
                    self.db.execute("UPDATE parties SET aliases = ? WHERE id = ?", (json.dumps(merged), pid))
                self.db.execute("UPDATE claims SET source_party_id = ? WHERE id = ?", (pid, claim_id))
            self.db.execute("DELETE FROM propositions WHERE id NOT IN"
                            " (SELECT DISTINCT proposition_id FROM claims WHERE proposition_id IS NOT NULL)")

    def save_echoes(self, signatures: dict[str, bytes], echo_of: dict[str, str | None]) -> None:
        """New documents' MinHash signatures, and which earlier document each document reprints."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO document_signatures(document_id, minhash) VALUES (?, ?)",
                                list(signatures.items()))
            self.db.executemany("UPDATE documents SET echo_of = ? WHERE id = ?",
                                [(of, d) for d, of in echo_of.items()])

    def signatures(self) -> dict[str, bytes]:
        return {r[0]: r[1] for r in self.db.execute("SELECT document_id, minhash FROM document_signatures")}

    def save_origins(self, origins: dict[str, str], summaries: dict[str, dict]) -> None:
        """Each claim's origin and each touched proposition's summary, atomically."""
        with self.db:
            self.db.executemany("UPDATE claims SET origin_id = ? WHERE id = ?",
                                [(o, c) for c, o in origins.items()])
            self.db.executemany("UPDATE propositions SET summary = ? WHERE id = ?",
                                [(json.dumps(s), p) for p, s in summaries.items()])

    def save_claim_vectors(self, kind: str, vectors: dict[str, np.ndarray]) -> None:
        """The vectors the link stage embedded claims with (``kind``: which embedder)."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO claim_vectors(claim_id, kind, vector) VALUES (?, ?, ?)",
                                [(cid, kind, np.asarray(v, dtype="<f2").tobytes()) for cid, v in vectors.items()])

    def claim_vectors(self, kind: str) -> dict[str, np.ndarray]:
        """Stored claim vectors made by the embedder ``kind``, as float32 rows."""
        rows = self.db.execute("SELECT claim_id, vector FROM claim_vectors WHERE kind = ?", (kind,))
        return {cid: np.frombuffer(blob, dtype="<f2").astype(np.float32) for cid, blob in rows}

    # -- reading ---------------------------------------------------------------------------------
    def documents(self, ids: Iterable[str] | None = None, *, with_text: bool = True) -> list[Article]:
        """Stored documents, oldest first; only ``ids`` when given (``with_text=False`` leaves text empty)."""
        cols = "*" if with_text else \
            "id, path, url, outlet, title, published, language, format, ignored, echo_of, author"
        where, args = _in_clause("id", ids)
        rows = self.db.execute(f"SELECT {cols} FROM documents {where}"
                               " ORDER BY published IS NULL, published, path", args).fetchall()
        return [Article(text=r["text"] if with_text else "", path=r["path"], url=r["url"], title=r["title"],
                        outlet=r["outlet"], author=r["author"], published=r["published"],
                        language=r["language"] or "en",
                        fmt=r["format"] or "txt", ignored=[tuple(s) for s in json.loads(r["ignored"] or "[]")],
                        id=r["id"], echo_of=r["echo_of"])
                for r in rows]

    def claims(self, *, unlinked_only: bool = False, proposition_id: str | None = None,
               document_id: str | None = None, ids: Iterable[str] | None = None) -> list[Claim]:
        """Stored claims in reading order (oldest document first), filtered by the arguments given."""
        conds, args = [], []
        if unlinked_only:
            conds.append("c.proposition_id IS NULL")
        if proposition_id is not None:
            conds.append("c.proposition_id = ?")
            args.append(proposition_id)
        if document_id is not None:
            conds.append("c.document_id = ?")
            args.append(document_id)
        if ids is not None:
            clause, id_args = _in_clause("c.id", ids)
            conds.append(clause.removeprefix("WHERE "))
            args.extend(id_args)
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        rows = self.db.execute(
            "SELECT c.*, p.name AS party_name FROM claims c LEFT JOIN parties p ON p.id = c.source_party_id "
            f"LEFT JOIN documents d ON d.id = c.document_id {where} "
            "ORDER BY d.published IS NULL, d.published, d.path, c.sentence_start", args).fetchall()
        figures = self._figures(None if not conds else [r["id"] for r in rows])
        return [_claim_from_row(r, figures.get(r["id"], [])) for r in rows]

    def _figures(self, claim_ids: list[str] | None) -> dict[str, list[Figure]]:
        figures: dict[str, list[Figure]] = {}
        where, args = _in_clause("claim_id", claim_ids)
        for f in self.db.execute(f"SELECT * FROM figures {where} ORDER BY claim_id, start", args):
            figures.setdefault(f["claim_id"], []).append(Figure(
                value=f["value"], kind=f["kind"], unit=f["unit"], text=f["text"] or "",
                span=(f["start"], f["end"]) if f["start"] is not None else None, low=f["low"], high=f["high"]))
        return figures

    def propositions(self, ids: Iterable[str] | None = None) -> list[Proposition]:
        where, args = _in_clause("id", ids)
        props = {r["id"]: Proposition(id=r["id"], label=r["label"], unit=r["unit"],
                                      summary=json.loads(r["summary"]) if r["summary"] else None)
                 for r in self.db.execute(f"SELECT * FROM propositions {where} ORDER BY id", args)}
        where, args = _in_clause("proposition_id", list(props) if ids is not None else None)
        where = where + (" AND" if where else "WHERE") + " proposition_id IS NOT NULL"
        for r in self.db.execute(f"SELECT id, proposition_id FROM claims {where} ORDER BY sentence_start", args):
            if r["proposition_id"] in props:
                props[r["proposition_id"]].claim_ids.append(r["id"])
        return list(props.values())

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "claims", "figures", "parties", "propositions")}


def _in_clause(column: str, values: Iterable[str] | None) -> tuple[str, list[str]]:
    """``WHERE column IN (...)`` for the given values, or no condition at all when values is None."""
    if values is None:
        return "", []
    values = list(values)
    if not values:
        return "WHERE 0", []
    return f"WHERE {column} IN ({','.join('?' * len(values))})", values


def _claim_from_row(r: sqlite3.Row, figures: list[Figure]) -> Claim:
    source = None
    if r["source_text"] is not None:
        source = Party(text=r["source_text"], entity=r["party_name"] or r["source_entity"], kind=r["source_kind"])
    spans = {k: [tuple(s) for s in v] if v else None for k, v in json.loads(r["spans"]).items()}
    if source is not None and spans.get("source"):
        source.span = spans["source"][0]
    via = [Party(text=v["text"], entity=v.get("entity"), kind=v.get("kind"),
                 span=tuple(v["span"]) if v.get("span") else None) for v in json.loads(r["via"] or "[]")]
    event = DateRange(r["event_start"], r["event_end"]) if r["event_start"] else None
    return Claim(
        id=r["id"], document_id=r["document_id"], sentence=r["sentence"],
        sentence_span=(r["sentence_start"], r["sentence_end"]), content=r["content"], source=source,
        cue=r["cue"], stance=r["stance"], via=via, figures=figures, event_date=event,
        claim_date=r["claim_date"], spans=spans, kind=r["kind"] or "indirect",
        proposition_id=r["proposition_id"], origin_id=r["origin_id"])
