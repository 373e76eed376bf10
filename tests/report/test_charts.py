"""Inline SVG charts: hedges drawn as ranges, labels escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from claimledger.model import Article, Claim, Party
from claimledger.report.charts import figures_svg, source_graph_svg, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def item(text, value, kind, source, date, stance="asserts", low=None, high=None):
    return {"claim_id": text, "text": text, "value": value, "kind": kind, "low": low, "high": high,
            "source": source, "date": date, "stance": stance}


def test_hedged_figures_are_drawn_as_ranges_and_exact_ones_as_dots():
    summary = {"figures": {"unit": "ships", "items": [
        item("40", 40, "exact", "Port <office>", "2025-03-01"),
        item("up to 60", 60, "upper", "Union", "2025-03-02"),
        item("at least 30", 30, "lower", "Firm", "2025-03-03"),
        item("20 to 25", None, "range", "Agency", "2025-03-04", low=20, high=25)]}}
    svg = figures_svg(summary)
    root = ET.fromstring(svg)  # well-formed
    groups = root.findall(f"{SVG}g")
    kinds = [g.get("class") for g in groups]
    assert kinds == ["answer exact", "answer upper", "answer lower", "answer range"]
    assert groups[0].find(f"{SVG}circle") is not None and groups[0].find(f"{SVG}rect") is None
    assert all(g.find(f"{SVG}rect") is not None for g in groups[1:])
    assert groups[2].find(f"{SVG}path") is not None  # "at least" runs off the top
    assert "Port &lt;office&gt;" in svg
    assert figures_svg({"figures": {"items": []}}) == "" and figures_svg(None) == ""


def test_timeline_and_source_graph_are_well_formed():
    summary = {"timeline": [{"date": "2025-03-01", "stances": {"asserts": 2}, "figures": ["40"]},
                            {"date": "2025-03-02", "stances": {"denies": 1}, "figures": []}]}
    root = ET.fromstring(timeline_svg(summary))
    assert len(root.findall(f"{SVG}circle")) == 3
    docs = {"d1": Article(text="x", outlet="Wire & Co", id="d1"), "d2": Article(text="y", outlet="Daily", id="d2")}
    first = Claim(document_id="d1", sentence="s", sentence_span=(0, 1), content="c", cue="said", id="a",
                  source=Party("the office", "Harbour Office", "org"), via=[Party("Radio", "Radio", "outlet")],
                  origin_id="a")
    echo = Claim(document_id="d2", sentence="s", sentence_span=(0, 1), content="c", cue="said", id="b",
                 source=Party("the office", "Harbour Office", "org"), origin_id="a")
    svg = source_graph_svg([first, echo], docs)
    root = ET.fromstring(svg)
    names = [t.text for t in root.iter(f"{SVG}text")]
    assert names == ["Harbour Office", "Radio", "Wire & Co", "Daily"]
    lines = root.findall(f"{SVG}line")
    assert len(lines) == 3 and sum(1 for ln in lines if ln.get("stroke-dasharray")) == 1
