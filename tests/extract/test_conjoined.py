"""Conjoined reported clauses become claims of their own, on sentences written for these tests."""

from __future__ import annotations

from claimledger.extract import extract
from claimledger.extract.conjoined import split_conjoined
from claimledger.model import Article


def _claims(nlp, text):
    article = Article(text=text, path="t.txt", outlet="The Harbour Post", published="2024-05-04")
    return extract(article, nlp(article.analysis_text()))


def test_each_that_clause_is_its_own_claim_with_its_own_stance_and_figure(nlp):
    text = ("The coastguard said the ferry had sunk about 12 miles off the island, and that several "
            "passengers had probably drowned, although it could not say how many.\n")
    said = [c for c in _claims(nlp, text) if c.cue == "said"]
    assert [c.content for c in said] == [
        "the ferry had sunk about 12 miles off the island",
        "that several passengers had probably drowned",
    ]
    assert [c.stance for c in said] == ["asserts", "hedges"]  # "probably" hedges only its own clause
    assert [[f.value for f in c.figures] for c in said] == [[12], []]
    assert {c.source.text for c in said} == {"The coastguard"}


def test_both_clauses_may_open_with_that(nlp):
    text = "The ministry said on Sunday that 310 bodies had been found, and that 900 people were missing.\n"
    said = [c for c in _claims(nlp, text) if c.cue == "said"]
    assert [c.content for c in said] == ["that 310 bodies had been found", "that 900 people were missing"]
    # published on Saturday 4 May: the Sunday the cue names (28 April) dates both
    assert [c.claim_date for c in said] == ["2024-04-28"] * 2


def test_one_clause_with_a_that_inside_is_not_cut(nlp):
    doc = nlp("The mayor said the warning that the dam might fail had come too late.")
    a = doc.text.index("the warning")
    b = doc.text.index(" had come too late") + len(" had come too late")
    assert split_conjoined(doc, [(a, b)]) == [[(a, b)]]


def test_coordinated_verbs_without_their_own_that_stay_one_claim(nlp):
    text = "The coastguard said the ferry had capsized and sank within minutes.\n"
    said = [c for c in _claims(nlp, text) if c.cue == "said"]
    assert [c.content for c in said] == ["the ferry had capsized and sank within minutes"]


def test_a_direct_quote_is_never_cut(nlp):
    text = "\u201cThe ferry sank, and that is all we know,\u201d the captain said.\n"
    said = [c for c in _claims(nlp, text) if c.cue == "said"]
    assert len(said) == 1


def test_the_reporters_own_next_clause_is_not_the_cited_persons(nlp):
    text = ('Asked about the spill, she told the panel that the harbour chief had told her on the morning of '
            'the accident that no fuel had leaked into the bay, and that she had "no reason to doubt him".\n')
    claims = _claims(nlp, text)
    cited = [c for c in claims if c.source is not None and c.source.text == "the harbour chief"]
    assert [c.content for c in cited] == ["that no fuel had leaked into the bay"]
    told = [c.content for c in claims if c.cue == "told"]
    assert 'that she had "no reason to doubt him"' in told


def test_a_list_of_that_clauses_is_one_claim_each(nlp):
    text = ("The governor said the toll had risen to 23, that 40 people were in hospital and that "
            "six were still missing.\n")
    said = [c for c in _claims(nlp, text) if c.cue == "said"]
    assert [c.content for c in said] == [
        "the toll had risen to 23", "that 40 people were in hospital", "that six were still missing"]
    assert [[f.value for f in c.figures] for c in said] == [[23], [40], [6]]


def test_and_that_before_a_number_opens_a_clause(nlp):
    # the parser takes this "that" for the determiner of "nine"
    text = "The service said 40 crew were rescued from the water and that nine were missing.\n"
    said = [c for c in _claims(nlp, text) if c.cue == "said"]
    assert [c.content for c in said] == ["40 crew were rescued from the water", "that nine were missing"]


def test_a_purpose_clause_after_a_comma_is_not_a_list_item(nlp):
    text = "The mayor said the pumps ran all night, so that the water would not reach the school.\n"
    said = [c for c in _claims(nlp, text) if c.cue == "said"]
    assert len(said) == 1
