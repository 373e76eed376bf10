"""The web app's SQL on a small hand-written ledger: FTS quoting, ranking, filters, pages, read-only."""

from __future__ import annotations

import json
import sqlite3

import pytest

from claimledger.store import LedgerStore
from claimledger.web import queries
from claimledger.web.queries import Filters, LedgerReader, fts_query

DOCS = [  # id, outlet, title, published
    ("d1", "Harbour Herald", "Ferries halted", "2025-03-01"),
    ("d2", "Coast Radio", "Strike spreads", "2025-03-04"),
]
CLAIMS = [  # id, doc, content, source, stance, claim_date, proposition
    ("c1", "d1", "about 40 ferries were halted at the harbour", "Port Authority", "asserts", None, "p1"),
    ("c2", "d1", "no ferries were halted", "Ferry Union", "denies", "2025-03-02", "p1"),
    ("c3", "d2", "the strike may spread to the railway", "Rail Analysts", "hedges", None, "p2"),
    ("c4", "d2", "ferries ferries ferries stopped at every harbour pier", "Port Authority", "asserts", None, "p1"),
]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    db = tmp_path_factory.mktemp("q") / "small.db"
    with LedgerStore(db) as store, store.db as con:
        con.executemany("INSERT INTO documents(id, outlet, title, published, text, added_at) VALUES (?,?,?,?,?,?)",
                        [(d, o, t, p, f"{t}. Some text.", "2025-01-01") for d, o, t, p in DOCS])
        summary = {"claims": 3, "origins": 3, "stances_by_origin": {"asserts": 2, "denies": 1, "hedges": 0},
                   "conflict": {"flag": True, "reasons": ["a denial against assertions"]}}
        con.executemany("INSERT INTO propositions(id, label, summary) VALUES (?,?,?)",
                        [("p1", "Were ferries halted?", json.dumps(summary)), ("p2", "Will the strike spread?", None)])
        con.executemany(
            "INSERT INTO claims(id, document_id, sentence, sentence_start, sentence_end, content, source_text,"
            " source_entity, stance, claim_date, spans, proposition_id, via) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(c, d, f"{src} said {text}.", 0, 10, text, src, src, st, cd, "{}", p,
              json.dumps([{"text": "Wire", "entity": "Wire Agency"}] if c == "c2" else []))
             for c, d, text, src, st, cd, p in CLAIMS])
    return LedgerReader(db)


def ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def test_fts_query_quotes_words_and_drops_operators():
    assert fts_query("ferries halted") == '"ferries" AND "halted"*'
    assert fts_query('NEAR( "x') == '"NEAR" AND "x"*'
    assert fts_query("'\"*^-:") == ""


@pytest.mark.parametrize("text", ['"', "AND", "*", "OR OR", "a:b", "(", "-ferries", "^x", "NOT", "ferr*"])
def test_no_user_text_makes_fts_raise(ledger, text):
    rows, more = ledger.search(Filters(q=text))
    assert isinstance(rows, list) and more is False


def test_search_ranks_by_bm25_and_prefixes_the_last_word(ledger):
    rows, _ = ledger.search(Filters(q="ferries harbour"))
    assert ids(rows) == ["c4", "c1"]  # c4 repeats both words: best bm25
    assert set(ids(ledger.search(Filters(q="rail"))[0])) == {"c3"}  # "rail" prefixes "railway"
    assert ids(ledger.search(Filters(q="union"))[0]) == ["c2"]  # the source is indexed too


def test_filters(ledger):
    assert set(ids(ledger.search(Filters(source="Port Authority"))[0])) == {"c1", "c4"}
    assert set(ids(ledger.search(Filters(outlet="Coast Radio"))[0])) == {"c3", "c4"}
    assert ids(ledger.search(Filters(stance="denies"))[0]) == ["c2"]
    assert set(ids(ledger.search(Filters(proposition="p1"))[0])) == {"c1", "c2", "c4"}
    # the claim's own date wins over the article's: c2 is 2025-03-02, its article 2025-03-01
    assert ids(ledger.search(Filters(date_from="2025-03-02", date_to="2025-03-02"))[0]) == ["c2"]
    assert set(ids(ledger.search(Filters(date_to="2025-03-01"))[0])) == {"c1"}
    assert ids(ledger.search(Filters(q="ferries", outlet="Harbour Herald", stance="asserts"))[0]) == ["c1"]


def test_pages_do_not_overlap(ledger, monkeypatch):
    monkeypatch.setattr(queries, "PAGE", 2)
    first, more1 = ledger.search(Filters())
    second, more2 = ledger.search(Filters(page=2))
    assert len(first) == 2 and more1 and len(second) == 2 and not more2
    assert not set(ids(first)) & set(ids(second))


def test_rows_carry_what_the_pages_show(ledger):
    (row,) = ledger.search(Filters(stance="denies"))[0]
    assert row["outlet"] == "Harbour Herald" and row["date"] == "2025-03-02" and row["via"] == ["Wire Agency"]
    assert row["proposition_label"] == "Were ferries halted?" and row["source"] == "Ferry Union"


def test_proposition_and_document(ledger):
    p = ledger.proposition("p1")
    assert p["label"] == "Were ferries halted?" and p["summary"]["conflict"]["flag"] is True
    assert set(ids(p["claims"])) == {"c1", "c2", "c4"}
    assert ledger.proposition("p2")["summary"] == {}
    assert ledger.proposition("nope") is None
    doc = ledger.document("d2")
    assert doc["outlet"] == "Coast Radio" and set(ids(doc["claims"])) == {"c3", "c4"}
    rows, more = ledger.propositions()
    assert [r["id"] for r in rows] == ["p1", "p2"] and rows[0]["conflict"] and not more
    assert {r["id"]: r["n"] for r in ledger.documents()[0]} == {"d1": 2, "d2": 2}


def test_facets_list_sources_and_outlets(ledger):
    facets = ledger.facets()
    assert facets["outlets"] == ["Coast Radio", "Harbour Herald"]
    assert facets["sources"][:1] == ["Ferry Union"] and "Port Authority" in facets["sources"]


def test_the_connection_is_read_only(ledger):
    with pytest.raises(sqlite3.OperationalError):
        ledger.db.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')")
    assert ledger.counts() == {"documents": 2, "claims": 4, "propositions": 2}
