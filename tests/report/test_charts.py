"""Inline SVG charts: hedges drawn as ranges, echoes folded, labels escaped, marks linked to claims."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from claimledger.model import Article, Claim, Party
from claimledger.report.charts import answers, compact, figures_svg, short_date, source_graph_svg, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def item(cid, text, value, kind, source, date, stance="asserts", low=None, high=None, origin=None):
    return {"claim_id": cid, "origin_id": origin or cid, "text": text, "value": value, "kind": kind, "low": low,
            "high": high, "source": source, "date": date, "stance": stance, "via": [], "outlet": "Wire"}


SHIPS = {"figures": {"unit": "ships", "items": [
    item("c1", "40", 40, "exact", "Port <office>", "2025-03-01"),
    item("c2", "up to 60", 60, "upper", "Union", "2025-03-02"),
    item("c3", "at least 30", 30, "lower", "Firm", "2025-03-03"),
    item("c4", "20 to 25", 20, "range", "Agency", "2025-03-04", low=20, high=25),
    item("c5", "about 50", 50, "approx", "Guard", "2025-03-05"),
    item("c6", "about 50", 50, "approx", "Guard", "2025-03-06", origin="c5"),  # an echo of c5
]}}


def _groups(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    return {a.get("href"): a.find(f"{SVG}g") for a in root.iter(f"{SVG}a")}


def test_each_hedge_is_drawn_as_what_it_allows():
    svg = figures_svg(SHIPS)
    groups = _groups(svg)
    assert list(groups) == ["#claim-c1", "#claim-c2", "#claim-c3", "#claim-c4", "#claim-c5"]  # echo folded
    exact, upper, lower, rng, approx = groups.values()
    assert exact.get("class") == "answer exact"
    assert exact.find(f"{SVG}circle") is not None and exact.find(f"{SVG}rect") is None
    # "up to 60": a bar from the zero line up to the cap
    bar = upper.find(f"{SVG}rect")
    zero_y = 22 + 200  # upper margin + plot height: where 0 sits
    assert abs(float(bar.get("y")) + float(bar.get("height")) - zero_y) < 0.5
    assert upper.find(f"{SVG}circle") is None and len(upper.findall(f"{SVG}line")) == 1
    assert lower.find(f"{SVG}path") is not None  # "at least" runs off the top
    assert len(rng.findall(f"{SVG}line")) == 2 and rng.find(f"{SVG}circle") is None  # both ends capped
    assert approx.find(f"{SVG}circle") is not None and approx.find(f"{SVG}rect").get("stroke-dasharray")
    assert "\u00d72" in ET.tostring(approx, encoding="unicode")  # carried by two articles
    assert "Port &lt;office&gt;" in svg and "<office>" not in svg
    assert figures_svg({"figures": {"items": []}}) == "" and figures_svg(None) == ""


def test_higher_figures_sit_higher():
    svg = figures_svg({"figures": {"items": [item("a", "10", 10, "exact", "A", "2025-01-01"),
                                             item("b", "90", 90, "exact", "B", "2025-01-02")]}})
    low, high = (g.find(f"{SVG}circle") for g in _groups(svg).values())
    assert float(high.get("cy")) < float(low.get("cy"))


def test_compact_labels_and_dates():
    assert compact({"kind": "approx", "value": 10000}) == "~10k"
    assert compact({"kind": "upper", "value": 12000}) == "\u226412k"
    assert compact({"kind": "lower", "value": 3000}) == "\u22653,000"
    assert compact({"kind": "range", "value": 10000, "low": 10000, "high": 12000}) == "10k\u201312k"
    assert short_date("2024-10-18") == "Oct 18" and short_date(None) == "undated"
    assert [a["carriers"] for a in answers(SHIPS)] == [1, 1, 1, 1, 2]


def test_timeline_dots_link_to_their_claims():
    summary = {"timeline": [{"date": "2025-03-01", "claim_ids": ["a", "b"], "stances": {"asserts": 2}},
                            {"date": "2025-03-02", "claim_ids": ["c"], "stances": {"denies": 1}}]}
    root = ET.fromstring(timeline_svg(summary, {"a": "asserts", "b": "asserts", "c": "denies"}))
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == ["#claim-a", "#claim-b", "#claim-c"]
    assert root.findall(f".//{SVG}circle")[2].get("fill") == "#c0392b"
    assert len(ET.fromstring(timeline_svg(summary)).findall(f"{SVG}circle")) == 3


def test_source_graph_shows_relays_and_dashes_echoes():
    docs = {"d1": Article(text="x", outlet="Wire & Co", id="d1", published="2025-03-01"),
            "d2": Article(text="y", outlet="Daily", id="d2", published="2025-03-02")}
    first = Claim(document_id="d1", sentence="s", sentence_span=(0, 1), content="c", cue="said", id="a",
                  source=Party("the office", "Harbour Office", "org"), via=[Party("Radio", "Radio", "outlet")],
                  origin_id="a")
    echo = Claim(document_id="d2", sentence="s", sentence_span=(0, 1), content="c", cue="said", id="b",
                 source=Party("the office", "Harbour Office", "org"), origin_id="a")
    denial = Claim(document_id="d2", sentence="s", sentence_span=(2, 3), content="no", cue="denied", id="e",
                   stance="denies", source=Party("<b>Firm</b>", "<b>Firm</b>", "org"))
    svg = source_graph_svg([first, echo, denial], docs)
    root = ET.fromstring(svg)
    nodes = {g.get("class"): [] for g in root.iter(f"{SVG}g")}
    for g in root.iter(f"{SVG}g"):
        nodes[g.get("class")].append(g.find(f"{SVG}text").text)
    assert nodes == {"node s": ["Harbour Office", "<b>Firm</b>"], "node r": ["Radio"], "node o": ["Wire & Co", "Daily"]}
    assert "&lt;b&gt;Firm" in svg
    edges = {p.find(f"{SVG}title").text.split(":")[0]: p for p in root.iter(f"{SVG}path")}
    assert set(edges) == {"Harbour Office \u2192 Radio", "Radio \u2192 Wire & Co", "Harbour Office \u2192 Daily",
                          "<b>Firm</b> \u2192 Daily"}
    assert edges["Harbour Office \u2192 Daily"].get("stroke-dasharray")  # the echo is dashed
    assert not edges["Harbour Office \u2192 Radio"].get("stroke-dasharray")
    stripes = [r.get("style") for r in root.iter(f"{SVG}rect") if r.get("class") == "stripe"]
    assert stripes == ["fill:#1b6ca8", "fill:#c0392b"]  # the denier's stripe is red
    assert source_graph_svg([], docs) == ""
