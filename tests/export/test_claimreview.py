"""ClaimReview drafts: schema.org fields filled from the ledger, the rating left to the fact-checker."""

from __future__ import annotations

import json

from claimledger.export.claimreview import TO_FILL, claimreview_drafts
from claimledger.ledger import Ledger
from claimledger.model import Article, Claim, Figure, Party, Proposition


def ledger(tmp_path) -> Ledger:
    docs = [Article(text="a", url="https://example.org/a", title="Ships held", outlet="Wire", published="2025-03-01",
                    id="d1"),
            Article(text="b", title="Ships held (reprint)", outlet="Daily", published="2025-03-02", id="d2"),
            Article(text="c", outlet="Gazette", published="2025-03-03", id="d3")]
    claims = [
        Claim(document_id="d3", sentence="s", sentence_span=(0, 1), content="no ship was held", cue="denied",
              stance="denies", source=Party("the firm", "Ocean Lines", "org"), id="c3", proposition_id="p1"),
        Claim(document_id="d1", sentence="s", sentence_span=(0, 1), content="that 40 ships were held", cue="said",
              source=Party("Lena Marsh", "Lena Marsh", "person"), figures=[Figure(40, "exact", "ships", "40")],
              claim_date="2025-03-01", id="c1", proposition_id="p1", origin_id="c1"),
        Claim(document_id="d2", sentence="s", sentence_span=(0, 1), content="40 ships were held", cue="said",
              source=Party("Lena Marsh", "Lena Marsh", "person"), figures=[Figure(40, "exact", "ships", "40")],
              id="c2", proposition_id="p1", origin_id="c1"),
    ]
    props = [Proposition(id="p1", label="How many ships?", claim_ids=["c3", "c1", "c2"], unit="ships",
                         summary={"conflict": {"flag": True, "reasons": ["a denial against assertions"]}})]
    return Ledger(tmp_path / "l.db", docs, claims, props)


def test_draft_reviews_the_earliest_assertion_with_every_appearance(tmp_path):
    (draft,) = claimreview_drafts(ledger(tmp_path), today="2025-04-01")
    assert draft["@context"] == "https://schema.org" and draft["@type"] == "ClaimReview"
    assert draft["claimReviewed"] == "40 ships were held"  # "that" dropped
    item = draft["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"] == {"@type": "Person", "name": "Lena Marsh"}
    assert [a.get("headline") for a in item["appearance"]] == ["Ships held", "Ships held (reprint)"]
    assert item["appearance"][0]["url"] == "https://example.org/a"
    assert item["firstAppearance"]["datePublished"] == "2025-03-01"
    assert item["datePublished"] == "2025-03-01" and draft["datePublished"] == "2025-04-01"
    assert draft["reviewRating"]["ratingValue"] is None and draft["reviewRating"]["ratingExplanation"] == TO_FILL
    assert "a denial against assertions" in draft["description"]
    assert draft["url"] == "" and draft["author"]["name"] == ""  # the fact-checker's, left empty
    json.dumps(draft)  # serialisable as JSON-LD


def test_command_writes_drafts_for_the_demo(demo_ledger, tmp_path):
    from typer.testing import CliRunner

    from claimledger.cli import app

    out = tmp_path / "cr.json"
    res = CliRunner().invoke(app, ["export", "--db", str(demo_ledger), "--format", "claimreview", "-o", str(out)])
    assert res.exit_code == 0, res.output
    drafts = json.loads(out.read_text())
    assert len(drafts) > 5 and all(d["itemReviewed"]["appearance"] for d in drafts)
