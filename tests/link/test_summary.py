"""Per-proposition summaries: figures side by side with their hedges, conflicts and a timeline."""

from claimledger.link.summary import interval, summarize
from claimledger.model import Article, Claim, Figure, Party

DOCS = {
    "a": Article("a", id="a", outlet="Morning Wire", published="2025-02-01"),
    "b": Article("b", id="b", outlet="Evening Post", published="2025-02-03"),
    "c": Article("c", id="c", outlet="Daily Ledger", published="2025-02-05"),
}


def _claim(doc: str, who: str, figure: Figure | None = None, stance: str = "asserts", start: int = 0,
           date: str | None = None) -> Claim:
    return Claim(document_id=doc, sentence="s", sentence_span=(start, start + 1), content=f"{who} {start}",
                 source=Party(who, entity=who, kind="org"), cue="said", stance=stance,
                 figures=[figure] if figure else [], claim_date=date, proposition_id="p1",
                 spans={"content": [(start, start + 1)]})


def test_hedges_become_intervals():
    assert interval(Figure(3000, kind="upper")) == (0.0, 3000)
    assert interval(Figure(1500, kind="approx")) == (1200.0, 1800.0)
    lo, hi = interval(Figure(10000, kind="lower"))
    assert lo == 10000 and hi == float("inf")
    assert interval(Figure(None, kind="approx", text="thousands")) is None


def test_figures_within_hedges_do_not_conflict():
    claims = [_claim("a", "Harbour Board", Figure(1500, kind="approx", unit="ships", text="about 1,500")),
              _claim("b", "Shipping Union", Figure(3000, kind="upper", unit="ships", text="up to 3,000"))]
    s = summarize(claims, DOCS)
    assert s["conflict"] == {"flag": False, "reasons": []}
    assert s["figures"]["min"] == 1500 and s["figures"]["max"] == 3000
    assert [i["source"] for i in s["figures"]["items"]] == ["Harbour Board", "Shipping Union"]


def test_figures_beyond_hedges_conflict_with_the_reason_naming_both():
    claims = [_claim("a", "Harbour Board", Figure(1500, unit="ships", text="1,500")),
              _claim("b", "Shipping Union", Figure(12000, unit="ships", text="12,000")),
              _claim("c", "Port Police", Figure(3000, kind="upper", unit="ships", text="up to 3,000"))]
    s = summarize(claims, DOCS)
    assert s["conflict"]["flag"]
    reason = s["conflict"]["reasons"][0]
    assert "1,500 (Harbour Board, 2025-02-01)" in reason and "12,000 (Shipping Union, 2025-02-03)" in reason
    assert s["figures"]["median"] == 3000


def test_money_and_counts_are_not_compared():
    claims = [_claim("a", "Harbour Board", Figure(40000, unit="USD", text="$40,000")),
              _claim("b", "Shipping Union", Figure(3, unit="ships", text="three"))]
    assert not summarize(claims, DOCS)["conflict"]["flag"]


def test_denial_against_assertion_is_a_conflict_counted_by_origin():
    first = _claim("a", "Harbour Board", start=0)
    relay = _claim("b", "Harbour Board", start=4)
    relay.origin_id = first.id
    denial = _claim("c", "Ministry of Ports", stance="denies", start=8)
    hedge = _claim("c", "Analyst Group", stance="hedges", start=12)
    s = summarize([first, relay, denial, hedge], DOCS)
    assert s["stances"] == {"asserts": 2, "denies": 1, "hedges": 1}
    assert s["stances_by_origin"] == {"asserts": 1, "denies": 1, "hedges": 1}
    assert s["origins"] == 3
    assert s["conflict"]["reasons"] == ["a denial against assertions: Ministry of Ports denies; Harbour Board asserts"]


def test_timeline_orders_by_claim_date_then_publication_with_undated_last():
    claims = [_claim("b", "Shipping Union", start=1), _claim("a", "Harbour Board", start=2, date="2025-01-20"),
              _claim("c", "Port Police", start=3)]
    claims[2].document_id = "missing"
    s = summarize(claims, DOCS)
    assert [t["date"] for t in s["timeline"]] == ["2025-01-20", "2025-02-03", None]
    assert s["outlets"] == ["Evening Post", "Morning Wire"]


def test_side_by_side_figures_share_the_questions_dimension():
    claims = [_claim("a", "Harbour Board", Figure(12, unit="percent", text="12%")),
              _claim("b", "Shipping Union", Figure(9, unit="percent", text="9%"), start=2),
              _claim("c", "Port Police", Figure(4000, unit="containers", text="4,000 containers"), start=4)]
    figures = summarize(claims, DOCS)["figures"]
    assert figures["unit"] == "percent" and [i["text"] for i in figures["items"]] == ["12%", "9%"]
    assert figures["max"] == 12
