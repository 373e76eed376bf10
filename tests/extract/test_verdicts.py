"""Fact-check ratings as the outlet's claims, on a fact-check written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract import extract
from claimledger.extract.verdicts import find_verdicts
from claimledger.model import Article

CHECK = ("Three claims about the reservoir, checked\n\n"
         "Lakeside Fact Check | 9 March 2025\n\n"
         "Claim: \"The reservoir lost 70 per cent of its water in a month.\"\n\n"
         "The water board's gauges show a fall of about 18 per cent over March.\n\n"
         "Verdict: False.\n\n"
         "Claim: \"The dam wall has cracks.\"\n\n"
         "Engineers found hairline marks in two places but have not said whether they are cracks.\n\n"
         "Verdict: Unproven. We asked the board for the inspection report.\n\n"
         "Claim: \"Hosepipe bans start on Monday.\"\n\n"
         "The board announced the ban on Friday.\n\n"
         "Our rating - Mostly True\n")


def _claims(nlp, text=CHECK):
    article = Article(text=text, path="check.txt", outlet="Lakeside Fact Check", published="2025-03-09")
    return extract(article, nlp(article.analysis_text()))


def test_each_rating_is_the_outlets_stance_toward_the_claim_it_rates(nlp):
    verdicts = [c for c in _claims(nlp) if c.kind == "verdict"]
    assert [(c.content, c.stance) for c in verdicts] == [
        ("The reservoir lost 70 per cent of its water in a month", "denies"),
        ("The dam wall has cracks", "hedges"),
        ("Hosepipe bans start on Monday", "asserts"),
    ]
    first = verdicts[0]
    assert first.source.entity == "Lakeside Fact Check" and first.source.kind == "outlet"
    assert first.sentence == "Verdict: False." and first.cue == "Verdict:"
    # the rated claim's figure comes along, so the denial sits beside the 70 per cent it denies
    assert [(f.value, f.unit) for f in first.figures] == [(70, "percent")]
    assert CHECK[slice(*first.spans["content"][0])] == first.content
    assert verdicts[1].sentence == "Verdict: Unproven. We asked the board for the inspection report."


def test_a_rating_label_is_nobodys_speech(nlp):
    claims = _claims(nlp)
    assert not any(c.source and c.source.text in {"Verdict", "Our rating"} for c in claims)
    assert sum(c.cue == "Verdict:" for c in claims) == 2


@pytest.mark.parametrize(("line", "stance"), [
    ("Our verdict: \u201cHalf-true\u201d.", "hedges"),
    ("Rating: Pants on Fire!", "denies"),
    ("RULING: Half-true.", "hedges"),
    ("Verdict: Misleading. The chart leaves out two years.", "denies"),
    ("Verdict \u2013 Missing context", "hedges"),
    ("The statement leaves out the cuts, so we rate it Mostly False.", "denies"),
    ("We rated the claim as correct.", "asserts"),
])
def test_the_scales_fact_checkers_publish(line, stance):
    [verdict] = find_verdicts("Claim: Bus fares doubled.\n\n" + line + "\n")
    assert verdict.stance == stance
    assert verdict.rated is not None


@pytest.mark.parametrize("text", [
    "Verdict: The jury is still out on the new stadium.",  # no rating word: a headline kicker
    "Rating: Falsetto singers at the festival\n",  # a rating word must end the rating
    "The agency rated the bonds as junk.",  # only the outlet's "we" rates
    "Verdict: false alarm over the bridge",
])
def test_a_rating_needs_a_rating_word_of_its_own(text):
    assert find_verdicts(text) == []


def test_a_rating_without_a_claim_line_rates_itself(nlp):
    text = ("Did the council sell the park?\n\n"
            "No sale has been registered. The council says the land is leased. We rate this claim false.\n")
    [verdict] = [c for c in _claims(nlp, text) if c.kind == "verdict"]
    assert verdict.stance == "denies"
    assert verdict.sentence == "We rate this claim false." and verdict.cue == "We rate"
    assert verdict.content == verdict.sentence


def test_a_claim_line_is_rated_once():
    [claim_line, second] = find_verdicts("Claim: Taxes rose.\n\nVerdict: False.\n\nVerdict: Misleading.\n")
    assert claim_line.rated is not None and second.rated is None
