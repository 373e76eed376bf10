"""Who wrote a document and for whom: bylines, a site named in the page title, datelines, mastheads."""

from __future__ import annotations

from claimledger.ingest import iter_inputs
from claimledger.ingest.plain import guess_author, read_plain
from claimledger.model import Article

BLOG = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>The ferry fire: what the videos show | Harbour Lines</title>
<meta name="author" content="Nora Vik">
<meta property="article:published_time" content="2024-05-06T10:00:00+02:00">
</head><body>
<article>
<h1>The ferry fire: what the videos show</h1>
<p>1/ I've geolocated three videos from the night. All were filmed at the north quay, not the south
one where the operator says the fire began.</p>
<p>2/ The coastguard says 14 people were treated in hospital. I count at least 20 ambulances in the
second video, so I think the real number is higher.</p>
<p>3/ I've asked the operator for its own timeline and will post it when it comes.</p>
</article>
</body></html>
"""


def test_a_byline_names_its_writer_and_a_staff_byline_no_one():
    assert guess_author("Ferry burns\n\nBy Livia Marchant\n\nThe ferry burned.") == "Livia Marchant"
    assert guess_author("Ferry burns\nBy Helga Strand, columnist\n\nThe ferry burned.") == "Helga Strand"
    assert guess_author("Ferry burns\nBy Jo Park | The Shore Times\n\nThe ferry burned.") == "Jo Park"
    assert guess_author("Ferry burns\nBY ANA RUIZ AND TOM HALE\n\nThe ferry burned.") == "Ana Ruiz and Tom Hale"
    assert guess_author("Ferry burns\nBy Courier Staff\n\nThe ferry burned.") is None
    assert guess_author("Ferry burns\n\nThe ferry burned, officials said.") is None


def test_a_page_names_its_writer_and_its_site_in_the_title(tmp_path):
    page = tmp_path / "thread.html"
    page.write_text(BLOG, encoding="utf-8")
    [article] = list(iter_inputs([str(page)]))
    assert isinstance(article, Article), article
    assert article.author == "Nora Vik"
    assert article.outlet == "Harbour Lines"  # "... | Harbour Lines": no other site name on the page


def test_a_dateline_naming_two_places_names_the_agency():
    text = "Ferries collide\n\nORADEL/LISSEN, Sept 18, 2026 (Beacon) - Two ferries collided on Friday.\n"
    assert read_plain(text)[2] == "Beacon"


def test_a_section_beside_a_paper_the_text_names_is_no_reason_to_drop_the_paper():
    text = ("LIVE: Ferry fire, day two\n\nOstrin Daily | Live coverage\nWednesday 15 July 2026\n\n"
            "22:35 - The operator says 14 people were hurt. A deckhand told Ostrin Daily the alarms failed.\n")
    assert read_plain(text)[2] == "Ostrin Daily"
    # sections alone ("Analysis | Industry") still name no paper
    assert read_plain(text.replace("Ostrin Daily | Live coverage", "Analysis | Industry"))[2] is None


def test_a_markdown_heading_reads_as_its_words():
    text = ("# THE SIVAR WEEKLY\nA newsletter of the Crossline Institute | Issue 3\n\n"
            "## The toll\n\n- SEVPRESS reported on Friday that 13 soldiers were killed.\n")
    assert read_plain(text)[2] == "The Sivar Weekly"


def test_analysis_text_blanks_the_marks_that_open_headings_and_posts():
    text = "## The toll\n\n- SEVPRESS reported that 13 died.\n3/ Serevia says 700 m.\n"
    analysed = Article(text=text).analysis_text()
    assert len(analysed) == len(text)
    assert analysed.splitlines() == ["   The toll", "", "- SEVPRESS reported that 13 died.", "   Serevia says 700 m."]


def test_a_masthead_with_its_short_form_names_the_agency_in_full():
    text = ("TESSARIAN PRESS AGENCY (TPA)\nEnglish news service\nTuesday 28 July 2026\n\n"
            "Blackout: neighbours still at odds\n\nOSTRIN, 28 July (TPA) - Officials are still at odds.\n")
    assert read_plain(text)[2] == "Tessarian Press Agency"
