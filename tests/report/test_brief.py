""""No time to read?": sentences built from the summaries, each citing the claims it rests on."""

from __future__ import annotations

from pathlib import Path

from claimledger.ledger import Ledger, open_ledger
from claimledger.link.summary import summarize
from claimledger.model import Article, Claim, Figure, Party, Proposition
from claimledger.report.brief import brief, names, question, ranked


def _claim(cid: str, doc: str, who: str, content: str, stance: str = "asserts", figure: Figure | None = None,
           origin: str | None = None, date: str | None = None) -> Claim:
    return Claim(document_id=doc, sentence=content + ".", sentence_span=(0, len(content) + 1), content=content,
                 source=Party(who, who, "org"), cue="said", stance=stance, figures=[figure] if figure else [],
                 claim_date=date, id=cid, origin_id=origin or cid)


def harbour_ledger() -> Ledger:
    """Ships held at a port: four sources give figures (one echoed), the port authority denies."""
    docs = [Article(text="a" * 50, outlet="Wire", published="2025-03-01", id="d1"),
            Article(text="b" * 50, outlet="Daily", published="2025-03-02", id="d2"),
            Article(text="c" * 50, outlet="Gazette", published="2025-03-03", id="d3")]
    ships = [
        _claim("c1", "d1", "Dock Union", "about 40 ships were held at anchor", figure=Figure(40, "approx", "ships")),
        _claim("c2", "d2", "Dock Union", "about 40 ships were held at anchor", figure=Figure(40, "approx", "ships"),
               origin="c1"),
        _claim("c3", "d2", "Coast Guard", "up to 12 ships were waiting", figure=Figure(12, "upper", "ships")),
        _claim("c4", "d3", "Shipping Board", "between 100 and 120 ships were held",
               figure=Figure(100, "range", "ships", low=100, high=120)),
        _claim("c5", "d3", "Port Authority", "no ship has been held at the port this week", stance="denies"),
    ]
    fares = [_claim("c6", "d1", "Ferry Line", "fares will rise next month"),
             _claim("c7", "d3", "Transport Office", "fares may rise next month", stance="hedges")]
    lonely = [_claim("c8", "d2", "Mayor", "the quay will be rebuilt")]
    docmap = {d.id: d for d in docs}
    props = []
    groups = (("p1", "How many ships? (about 40 ships were held)", ships), ("p2", "fares will rise next month", fares),
              ("p3", "the quay will be rebuilt", lonely))
    for pid, label, members in groups:
        for c in members:
            c.proposition_id = pid
        props.append(Proposition(id=pid, label=label, claim_ids=[c.id for c in members],
                                 summary=summarize(members, docmap, "ships" if pid == "p1" else None)))
    return Ledger(Path("harbour.db"), docs, ships + fares + lonely, list(reversed(props)))


def test_sentences_give_the_range_the_denial_and_the_conflict():
    ledger = harbour_ledger()
    sentences = brief(ledger)
    texts = [s.text for s in sentences]
    assert texts[0].startswith("8 claims from 3 articles (3 outlets, published 2025-03-01 to 2025-03-03)")
    assert "2 of them" in texts[0]
    # the echo of the union's figure counts once: three independent figures, lowest to highest
    assert texts[1].startswith("How many ships? 3 independent sources give figures from 12 to 120 ships")
    assert "(Dock Union about 40; Coast Guard up to 12; Shipping Board 100\u2013120)" in texts[1]
    assert set(sentences[1].claim_ids) == {"c1", "c3", "c4"}
    denial = next(s for s in sentences if s.text.startswith("Denied by Port Authority"))
    assert denial.text == ("Denied by Port Authority (\u201cno ship has been held at the port this week\u201d),"
                           " while 3 sources assert it.")
    assert denial.claim_ids[0] == "c5"
    conflict = next(s for s in sentences if s.text.startswith("Conflict: figures disagree"))
    assert conflict.claim_ids
    fares = next(s for s in sentences if "fares will rise" in s.text)
    assert "1 assertion, 1 hedge" in fares.text and set(fares.claim_ids) == {"c6", "c7"}
    assert not any("quay" in t for t in texts)  # one source alone is no headline
    ids = {c.id for c in ledger.claims}
    assert all(s.claim_ids and set(s.claim_ids) <= ids for s in sentences[1:])


def test_ranked_by_origins_then_claims_and_helpers():
    ledger = harbour_ledger()
    assert [p.id for p in ranked(ledger)] == ["p1", "p2", "p3"]
    assert question(ledger.propositions[-1]) == "How many ships?"
    assert names(["A"]) == "A" and names(["A", "B", "A"]) == "A and B"
    assert names(["A", "B", "C", "D", "E"]) == "A, B, C and 2 more"


def test_demo_brief_has_five_to_ten_cited_sentences(demo_ledger):
    ledger = open_ledger(demo_ledger)
    sentences = brief(ledger)
    assert 5 <= len(sentences) <= 10
    ids = {c.id for c in ledger.claims}
    assert all(s.claim_ids and set(s.claim_ids) <= ids for s in sentences[1:])
    assert any(s.text.startswith("Denied by") for s in sentences)
    assert any(s.text.startswith("Conflict:") for s in sentences)
