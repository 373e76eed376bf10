"""The SQLite ledger: one transaction per article, idempotent, readable back."""

from __future__ import annotations

import sqlite3

import pytest

from claimledger.model import Article, Claim, DateRange, Figure, Party, Proposition
from claimledger.store import LedgerError, LedgerStore


def make_claim(article: Article, start: int = 0) -> Claim:
    return Claim(document_id=article.id, sentence="Officials said 300 sheep were lost.",
                 sentence_span=(start, start + 35),
                 content="300 sheep were lost", source=Party("Officials", "Officials", "unknown", (start, start + 9)),
                 cue="said", stance="hedges", via=[Party("The Valley Herald", "Valley Herald", "org", None)],
                 figures=[Figure(300, "exact", "sheep", "300", (start + 15, start + 18))],
                 event_date=DateRange("2024-03-01", "2024-03-05"), claim_date="2024-03-06",
                 spans={"source": [(start, start + 9)], "cue": [(start + 10, start + 14)],
                        "content": [(start + 15, start + 34)]})


def test_round_trip_and_idempotence(tmp_path):
    db = tmp_path / "l.db"
    art = Article(text="Officials said 300 sheep were lost.", path="a.txt", outlet="Farm News", published="2024-03-06")
    with LedgerStore(db) as store:
        assert store.add_article(art, [make_claim(art)]) is True
        assert store.add_article(art, [make_claim(art)]) is False  # same text: nothing added
        assert store.counts()["documents"] == 1
        assert store.counts()["claims"] == 1
    with LedgerStore(db, create=False) as store:
        (claim,) = store.claims()
        assert claim.figures[0].value == 300 and claim.figures[0].unit == "sheep"
        assert claim.via[0].entity == "Valley Herald"
        assert claim.event_date == DateRange("2024-03-01", "2024-03-05")
        assert claim.spans["content"] == [(15, 34)]
        assert store.documents()[0].outlet == "Farm News"


def test_wal_mode(tmp_path):
    with LedgerStore(tmp_path / "l.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failed_article_leaves_nothing_half_written(tmp_path):
    db = tmp_path / "l.db"
    art = Article(text="Officials said 300 sheep were lost.", path="a.txt")
    bad = make_claim(art)
    bad.stance = "maybe"  # violates the CHECK constraint mid-transaction
    with LedgerStore(db) as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.add_article(art, [make_claim(art, 0), bad])
        assert store.counts() == {"documents": 0, "claims": 0, "figures": 0, "parties": 0, "propositions": 0}
        assert store.add_article(art, [make_claim(art)]) is True  # a rerun completes it


def test_links_are_saved(tmp_path):
    art = Article(text="Officials said 300 sheep were lost.", path="a.txt")
    claim = make_claim(art)
    with LedgerStore(tmp_path / "l.db") as store:
        store.add_article(art, [claim])
        store.save_links([Proposition("p1", "How many sheep?", [claim.id], "sheep")], {claim.id: "p1"},
                         {claim.id: ("Officials", "unknown", ["Officials"])})
        assert store.claims()[0].proposition_id == "p1"
        assert store.propositions()[0].claim_ids == [claim.id]
        assert store.claims(unlinked_only=True) == []


def test_not_a_ledger(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LedgerError):
        LedgerStore(junk)
    with pytest.raises(LedgerError):
        LedgerStore(tmp_path / "missing.db", create=False)


def test_full_text_index_follows_claims(tmp_path):
    art = Article(text="Officials said 300 sheep were lost.", path="a.txt")
    with LedgerStore(tmp_path / "l.db") as store:
        store.add_article(art, [make_claim(art)])
        hits = store.db.execute("SELECT c.id FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid"
                                " WHERE claims_fts MATCH 'sheep'").fetchall()
        assert [h[0] for h in hits] == [make_claim(art).id]
        store.db.execute("DELETE FROM documents")  # cascades to claims; the index follows
        store.db.commit()
        assert store.db.execute("SELECT COUNT(*) FROM claims_fts WHERE claims_fts MATCH 'sheep'").fetchone()[0] == 0


def test_filtered_reads_and_origins(tmp_path):
    a = Article(text="Officials said 300 sheep were lost.", path="a.txt", author="Ana Ruiz")
    b = Article(text="Officials said 300 sheep were lost. Again.", path="b.txt")
    with LedgerStore(tmp_path / "l.db") as store:
        store.add_article(a, [make_claim(a)])
        store.add_article(b, [make_claim(b)])
        ca, cb = make_claim(a).id, make_claim(b).id
        store.save_links([Proposition("p1", "Sheep lost?")], {ca: "p1", cb: "p1"}, {})
        store.save_origins({ca: ca, cb: ca}, {"p1": {"claims": 2, "origins": 1}})
        store.save_echoes({b.id: b"sig"}, {b.id: a.id})
        assert [c.id for c in store.claims(document_id=b.id)] == [cb]
        assert [c.origin_id for c in store.claims(proposition_id="p1")] == [ca, ca]
        assert store.claims(ids=[]) == []
        assert store.propositions(["p1"])[0].summary == {"claims": 2, "origins": 1}
        assert store.documents([b.id])[0].echo_of == a.id
        assert store.documents(with_text=False)[0].text == ""
        assert store.documents([a.id])[0].author == a.author
        assert store.signatures() == {b.id: b"sig"}


def test_older_ledger_gains_new_columns_and_search_index(tmp_path):
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE documents (id TEXT PRIMARY KEY, path TEXT, url TEXT, outlet TEXT, title TEXT, published TEXT,
            language TEXT, format TEXT, text TEXT NOT NULL, ignored TEXT, added_at TEXT NOT NULL);
        CREATE TABLE claims (id TEXT PRIMARY KEY, document_id TEXT NOT NULL, sentence TEXT NOT NULL,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, content TEXT NOT NULL,
            source_text TEXT, source_entity TEXT, source_kind TEXT, source_party_id INTEGER, via TEXT, cue TEXT,
            stance TEXT NOT NULL, kind TEXT, claim_date TEXT, event_start TEXT, event_end TEXT,
            spans TEXT NOT NULL, proposition_id TEXT);
        INSERT INTO documents VALUES ('d1', 'a.txt', NULL, NULL, NULL, NULL, 'en', 'txt', 'Goats ran.', '[]', 'now');
        INSERT INTO claims VALUES ('c1', 'd1', 'Goats ran.', 0, 10, 'Goats ran', NULL, NULL, NULL, NULL, '[]',
            NULL, 'asserts', 'unattributed', NULL, NULL, NULL, '{}', NULL);
    """)
    con.commit()
    con.close()
    with LedgerStore(db) as store:
        (claim,) = store.claims()
        assert claim.origin_id is None and store.documents()[0].echo_of is None
        assert store.documents()[0].author is None
        assert store.db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'goats'").fetchall()


def test_claim_vectors_round_trip_by_embedder_kind(tmp_path):
    import numpy as np

    from claimledger.store import LedgerStore

    with LedgerStore(tmp_path / "v.db") as store:
        art = Article(text="Officials said 300 sheep were lost.", path="a.txt")
        store.add_article(art, [make_claim(art)])
        cid = store.claims()[0].id
        v = np.full(4, 0.5, dtype=np.float32)
        store.save_claim_vectors("model", {cid: v})
        assert store.claim_vectors("lexical") == {}
        assert np.allclose(store.claim_vectors("model")[cid], v)
