"""Nominal attributions: a speech or belief noun with a that-clause, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import find_attributions
from claimledger.extract.nominal import noun_relation
from claimledger.extract.sources import SourceResolver


def _nominal(nlp, text, noun):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == noun)
    return text, noun_relation(tok, SourceResolver(doc))


@pytest.mark.parametrize(("text", "noun", "source"), [
    ("The ministry's denial that any ferries were sold came on Monday.", "denial", "The ministry"),
    ("Residents doubted a claim by the port authority that the channel is safe.", "claim", "the port authority"),
    ("The mayor issued a warning that the bridge would close in May.", "warning", "The mayor"),
])
def test_noun_with_that_clause_is_a_relation(nlp, text, noun, source):
    t, rel = _nominal(nlp, text, noun)
    assert rel is not None
    assert t[rel.cue[0]:rel.cue[1]] == noun
    assert t[rel.source_span[0]:rel.source_span[1]] == source
    assert t[rel.content[0][0]:rel.content[0][1]].startswith("that ")


@pytest.mark.parametrize(("text", "noun"), [
    ("The fact that the ferry was late annoyed everyone.", "fact"),  # the writer's framing
    ("The suggestion that the pier be sold drew jeers.", "suggestion"),  # nobody's words
    ("The ministry's denial came on Monday.", "denial"),  # no clause
])
def test_no_relation_without_a_speaker_noun_clause_and_source(nlp, text, noun):
    assert _nominal(nlp, text, noun)[1] is None


def test_a_medium_publishing_a_report_is_its_source(nlp):
    doc = nlp("Ukrainian media have carried unconfirmed reports that a group of about 18 soldiers deserted.")
    [rel] = [r for r in find_attributions(doc) if r.cue_lemma == "report"]
    assert rel.source.text == "Ukrainian media"
    assert doc.text[rel.content[0][0]:rel.content[0][1]] == "that a group of about 18 soldiers deserted"


def test_a_that_clause_the_parser_hung_elsewhere_is_the_claims(nlp):
    # the parser reads "shelling" as an auxiliary and hangs the clause from "stuck"
    text = ("Vladimir Leontyev, the Russian-installed mayor of Nova Kakhovka, has stuck to his claim that "
            "Ukrainian shelling broke the dam's sluice gates.")
    doc = nlp(text)
    [rel] = [r for r in find_attributions(doc) if r.cue_lemma == "claim"]
    assert text[rel.content[0][0]:rel.content[0][1]] == "that Ukrainian shelling broke the dam's sluice gates"
    assert rel.source.entity == "Vladimir Leontyev"


def test_an_estimate_of_a_figure_is_its_makers_claim(nlp):
    from claimledger.extract.attribution import find_attributions
    text = "Chief Ranger Ida Holm's estimate on Friday of between 40 and 60 days of feed has since been overtaken."
    doc = nlp(text)
    found = [r for r in find_attributions(doc) if r.cue_lemma == "estimate"]
    assert len(found) == 1 and found[0].source.text == "Chief Ranger Ida Holm"
    assert text[found[0].content[0][0]:found[0].content[0][1]] == "between 40 and 60 days of feed"


def test_an_estimate_noun_with_a_that_clause_is_a_nominal_claim(nlp):
    from claimledger.extract.attribution import find_attributions
    text = "The ministry's estimate that 300 people died was disputed."
    found = [r for r in find_attributions(nlp(text)) if r.cue_lemma == "estimate"]
    assert len(found) == 1 and found[0].source.text == "The ministry"


def test_a_claim_noun_as_subject_says_nothing_of_its_own_verb(nlp):
    text = ("Her claim that the ferry broke apart in the first minutes of the crossing matches the coastguard "
            "account, although neither the operator nor the port has commented on it.")
    found = [r for r in find_attributions(nlp(text)) if r.cue_lemma == "claim"]
    said = [text[a:b] for a, b in found[0].content]
    assert said == ["that the ferry broke apart in the first minutes of the crossing"]


def test_an_owners_tally_and_the_number_its_predicate_gives(nlp):
    text = ("The health ministry's toll, which stood at 190 at the end of August, was later revised. "
            "The agency's tally rose to 137 on Thursday. The ministry's count of the dead was disputed.")
    found = [r for r in find_attributions(nlp(text)) if r.cue_lemma in {"toll", "tally", "count"}]
    assert [(r.source.text, text[r.content[0][0]:r.content[0][1]]) for r in found] == [
        ("The health ministry", "which stood at 190 at the end of August"),
        ("The agency", "rose to 137 on Thursday"),
    ]


def test_a_clause_joined_to_a_tally_with_its_own_subject_is_not_the_owners(nlp):
    text = "The county's first figure was at least 10, and the railroad now says 11 of the derailed cars."
    found = [r for r in find_attributions(nlp(text)) if r.cue_lemma == "figure"]
    assert [text[a:b] for r in found for a, b in r.content] == ["was at least 10"]


def test_a_tally_whose_owners_name_the_parser_broke_keeps_the_whole_name(nlp):
    text = "The state Division of Fish and Wildlife's first estimate, published March 6, was about 3,500 fish."
    found = [r for r in find_attributions(nlp(text)) if r.cue_lemma == "estimate"]
    assert [(r.source.entity, text[r.content[0][0]:r.content[0][1]]) for r in found] == [
        ("Division of Fish and Wildlife", "was about 3,500 fish")]


def test_an_estimate_in_apposition_is_its_makers_figure(nlp):
    text = "The navy's estimate of the hull's weight, more than 2,000 tonnes, meant cranes were needed."
    found = [r for r in find_attributions(nlp(text)) if r.cue_lemma == "estimate"]
    assert len(found) == 1 and found[0].source.text == "The navy"
    assert text[found[0].content[0][0]:found[0].content[0][1]] == "more than 2,000 tonnes"


def test_an_institutions_figure_is_its_claim(nlp):
    t, found = _all(nlp, "Turnout was disputed: well above the police figure of 52,000 for the first rally.")
    [rel] = [r for r in found if r.cue_lemma == "figure"]
    assert rel.source.text == "police" and t[rel.content[0][0]:rel.content[0][1]] == "52,000"
    # what is counted is no owner, and a figure without an owner names nobody
    t, found = _all(nlp, "The crowd figure of 52,000 was disputed. A figure of 300 was also given.")
    assert not any(r.cue_lemma == "figure" for r in found)


def _all(nlp, text):
    doc = nlp(text)
    return doc.text, find_attributions(doc)


def test_a_main_verb_the_parser_hung_inside_the_clause_is_not_the_claims(nlp):
    # the parser leaves "insistence" as the root and reads "the collapse sits" as a clause of "foreseen"
    text = ("The eastern authorities' insistence that nobody could have foreseen the collapse sits uneasily "
            "with the 2022 study.")
    text, rel = _nominal(nlp, text, "insistence")
    assert text[rel.content[0][0]:rel.content[0][1]] == "that nobody could have foreseen the collapse"


def test_a_tally_whose_number_the_tagger_took_for_a_time_is_still_a_tally(nlp):
    t, found = _all(nlp, "The harbour authority's own count at noon was 27.")
    [rel] = [r for r in found if r.cue_lemma == "count"]
    assert rel.source.entity == "harbour authority" and [t[a:b] for a, b in rel.content] == ["was 27"]


def test_an_owners_estimate_in_hours_is_a_figure_not_a_time(nlp):
    t, found = _all(nlp, "The coastguard's own estimate had been about 40 hours.")
    [rel] = [r for r in found if r.cue_lemma == "estimate"]
    assert rel.source.entity == "coastguard" and [t[a:b] for a, b in rel.content] == ["had been about 40 hours"]


def test_a_figure_called_not_one_we_recognise_is_no_tally(nlp):
    text = 'A spokesman said the governor\'s figure was "not one we recognise". The county\'s count was one dead.'
    found = find_attributions(nlp(text), text)
    tallies = [text[r.cue[0]:r.cue[1]] for r in found if r.cue_lemma in {"figure", "count"}]
    assert tallies == ["count"]
