"""The data model's own behaviour: the text handed to the parser."""

from __future__ import annotations

from claimledger.extract import extract
from claimledger.model import Article, unwrapped

WRAPPED = (
    "Dam bursts in the west\n"
    "\n"
    "The Civil Protection Directorate said on Saturday that a tailings dam had burst before\n"
    "dawn, killing three people, and that about 1,400 people had been evacuated from two\n"
    "villages downstream of the mine.\n"
    "\n"
    "Velkor Copper said about 300,000 cubic metres of waste had escaped when part of the\n"
    "eastern wall gave way, and that its sirens had sounded within six minutes of the breach.\n"
    "\n"
    "The environment agency said the company's figure was too low and that at least 600,000\n"
    "cubic metres had escaped, enough to bury the river bed for more than 20 kilometres.\n"
    "- Sirens: sounded at 04:26\n"
    "SPOKESMAN: We will publish the data.\n"
)


def test_hand_wrapped_lines_join_and_the_length_stays():
    text = unwrapped(WRAPPED)
    assert len(text) == len(WRAPPED)
    assert "killing three people, and that about 1,400 people had been evacuated from two villages" in text
    assert text.startswith("Dam bursts in the west\n\n")  # a short line keeps its break
    assert "mine.\n\nVelkor" in text
    assert "20 kilometres.\n- Sirens" in text and "04:26\nSPOKESMAN:" in text  # blocks of their own


def test_text_with_a_paragraph_per_line_is_left_alone():
    text = "\n".join(["The agency said " + "the river was polluted, " * 12 + "officials said."] * 6)
    assert unwrapped(text) == text


def test_a_claim_across_a_wrapped_line_keeps_its_figure_and_source(nlp):
    article = Article(text=WRAPPED, path="t.txt", outlet="The Harbour Post", published="2026-04-12")
    claims = extract(article, nlp(article.analysis_text()))
    velkor = [c for c in claims if c.source and "Velkor" in c.source.text]
    assert any(f.value == 300000 for c in velkor for f in c.figures)
    assert any("300,000 cubic metres" in c.content and "\n" in c.content for c in velkor)  # the text as written
