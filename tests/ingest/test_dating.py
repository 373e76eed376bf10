"""A wire story's year from the batch it came with."""

from __future__ import annotations

from claimledger.ingest.dating import place_in_year
from claimledger.model import Article

WIRE = "Crush at stadium\n\nBRENNICK, Talvoria, April 6 (Norvane Press) - At least 14 people were killed."


def test_a_dateline_without_a_year_takes_the_year_of_the_other_articles():
    wire, later = Article(text=WIRE, path="wire.txt"), Article(text="Later story.", published="2025-04-16")
    notes = place_in_year([wire, later], known=["2019-01-02"])
    assert wire.published == "2025-04-06"
    assert notes and "wire.txt" in notes[0] and "2025-04-06" in notes[0]


def test_the_nearest_year_wins_across_new_year():
    wire = Article(text=WIRE.replace("April 6", "Dec 30"))
    place_in_year([wire], known=["2025-01-03"])
    assert wire.published == "2024-12-30"


def test_no_year_is_guessed_without_other_dates_or_far_from_them():
    alone = Article(text=WIRE)
    assert place_in_year([alone], known=[]) == [] and alone.published is None
    far = Article(text=WIRE.replace("April 6", "October 6"))
    place_in_year([far], known=["2025-04-16"])
    assert far.published is None


def test_a_dated_article_is_left_as_it_is():
    dated = Article(text=WIRE, published="2024-04-06")
    place_in_year([dated], known=["2025-04-16"])
    assert dated.published == "2024-04-06"
