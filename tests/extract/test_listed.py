"""Findings set out as a list are the claims of the list's author, on text written for these tests."""

from __future__ import annotations

from claimledger.extract import extract
from claimledger.extract.listed import _lists
from claimledger.model import Article

DIGEST = (
    "HARBOUR SAFETY NOTES\n\n"
    "Ferry Marisol grounding: the interim report\n\n"
    "The Maritime Accident Board of Telvia has released its interim report on the grounding of the ferry\n"
    "Marisol off Cape Arden on 3 March. It does not say what caused the grounding. Its main findings\n"
    "are listed below.\n\n"
    "Findings\n\n"
    "1. The ferry carried 412 passengers and 38 crew.\n\n"
    "2. Eleven people were injured, two of them seriously.\n\n"
    "3. No fault was found in the steering gear.\n\n"
    "4. The officer of the watch said he had not seen the buoy.\n\n"
    "Reactions\n\n"
    "The operator said it had checked 20 other vessels since the grounding.\n"
)


def _claims(nlp, text):
    article = Article(text=text, path="digest.txt", outlet="Harbour Safety Notes", published="2025-04-02")
    return extract(article, nlp(article.analysis_text()))


def test_each_finding_is_the_boards_claim_not_the_outlets(nlp):
    claims = _claims(nlp, DIGEST)
    listed = [c for c in claims if c.kind == "listed"]
    assert [c.content for c in listed] == [
        "The ferry carried 412 passengers and 38 crew.",
        "Eleven people were injured, two of them seriously.",
        "No fault was found in the steering gear.",
    ]
    for claim in listed:
        assert "Maritime Accident Board" in claim.source.text
        assert claim.cue is None
        # the source is marked where the introduction names it
        (a, b), = claim.spans["source"]
        assert "Maritime Accident Board" in DIGEST[a:b]
    assert [(f.value, f.kind) for f in listed[0].figures] == [(412, "exact"), (38, "exact")]
    # a finding that rules something out is the board's denial
    assert [c.stance for c in listed] == ["asserts", "asserts", "denies"]


def test_an_item_with_its_own_speaker_keeps_it_and_numbers_are_no_claims(nlp):
    claims = _claims(nlp, DIGEST)
    watch = next(c for c in claims if "buoy" in c.content)
    assert watch.kind != "listed" and "officer" in watch.source.text
    assert not any(c.content.strip() in {"1.", "2.", "3.", "4."} for c in claims)
    # after the list, the outlet's own figure stays the outlet's
    operator = next(c for c in claims if "20 other vessels" in c.content)
    assert operator.source.text.lower().endswith("operator")


def test_a_list_not_introduced_as_findings_stays_the_outlets(nlp):
    text = ("The ferry Marisol ran aground off Cape Arden on 3 March.\n\n"
            "Key numbers\n\n"
            "- 412 passengers were on board.\n"
            "- Eleven people were injured.\n")
    claims = _claims(nlp, text)
    assert not any(c.kind == "listed" for c in claims)
    assert {c.kind for c in claims if "412" in c.content} == {"own"}


def test_the_author_of_a_colon_introduced_list_is_who_found(nlp):
    text = ("Inspectors from the Telvia Coast Guard examined the ferry after the grounding. "
            "The Coast Guard found:\n"
            "- The lifeboats had not been serviced for 14 months.\n"
            "- Two of the six fire doors were wedged open.\n")
    claims = _claims(nlp, text)
    # the line right after the colon the colon rule gives to the finder already; the next is listed
    doors = next(c for c in claims if "fire doors" in c.content)
    assert doors.kind == "listed" and "Coast Guard" in doors.source.text
    boats = next(c for c in claims if "lifeboats" in c.content)
    assert "Coast Guard" in boats.source.text


def test_list_runs_need_two_items_and_an_introduction_that_speaks_of_findings():
    text = "The review found problems.\n\n1. Staff were short.\n\nThen the meeting ended.\n"
    assert _lists(text) == []
    text = "The review found problems:\n\n1. Staff were short.\n2. Checks were late.\n"
    (items, intro), = _lists(text)
    assert [text[a:b] for a, b in items] == ["Staff were short.", "Checks were late."]
    assert text[intro[0]:intro[1]] == "The review found problems:"
