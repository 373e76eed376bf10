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
