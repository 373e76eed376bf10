"""Figures stated as a verdict on a count ("put the toll at 41"), on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import find_attributions


def relations(nlp, text):
    doc = nlp(text)
    return [(r.source.text if r.source else None, [v.text for v in r.via], text[r.cue[0]:r.cue[1]],
             " ".join(text[a:b] for a, b in r.content)) for r in find_attributions(doc)]


@pytest.mark.parametrize("text, cue, content", [
    ("On Friday local officials put the death toll at 41.", "put", "the death toll at 41"),
    ("The Pentagon raised its estimate to about 10,000 on Monday.", "raised", "its estimate to about 10,000"),
    ("Economists estimated the losses at between $1.5 billion and $2 billion.", "estimated",
     "the losses at between $1.5 billion and $2 billion"),
    # a figure set on any thing measured, hung on the thing's own modifier, or given as the object
    ("The seismic network put the larger of the two blasts at magnitude 2.3.", "put",
     "the larger of the two blasts at magnitude 2.3"),
    ("A study put the methane released at about 465,000 tonnes.", "put",
     "the methane released at about 465,000 tonnes"),
    ("The geological survey measured the second tremor at magnitude 2.1, slightly below the other reading.",
     "measured", "the second tremor at magnitude 2.1"),
    ("Rescue teams had initially counted three bodies.", "counted", "three bodies"),
])
def test_a_figure_set_on_a_count_is_the_subjects_claim(nlp, text, cue, content):
    source, _, found_cue, found_content = relations(nlp, text)[0]
    assert found_cue.endswith(cue) and found_content == content  # "had initially counted": aux kept
    assert source in {"local officials", "The Pentagon", "Economists", "The seismic network", "A study",
                      "The geological survey", "Rescue teams"}


@pytest.mark.parametrize("text", [
    "The committee put the report on its website.",  # no count, no figure
    "The minister put the question to parliament at 10 o'clock.",  # a question is no count
    "The envoy placed a wreath at 10 Downing Street.",  # an address, and "place" needs a count
    "The board put the vote at 9 pm on Tuesday.",  # a time
    "Volunteers counted the ballots twice.",  # no figure counted
])
def test_other_uses_of_the_verbs_make_no_figure_claim(nlp, text):
    assert not [r for r in relations(nlp, text) if r[2] in {"put", "placed", "counted"}]


def test_a_relayed_figure_keeps_its_maker_and_the_relay(nlp):
    found = relations(nlp, "Emergency officials put the toll in the occupied areas at 41, "
                           "according to the state news agency.")
    assert found[0] == ("Emergency officials", ["the state news agency"], "put",
                        "the toll in the occupied areas at 41")


def test_an_estimate_set_at_a_number_of_hours(nlp):
    from claimledger.extract.attribution import find_attributions
    text = "A harbour official put the remaining fuel at roughly 15 hours."
    found = [r for r in find_attributions(nlp(text)) if r.cue_lemma == "put"]
    assert len(found) == 1 and found[0].source.text == "A harbour official"
    assert text[found[0].content[0][0]:found[0].content[0][1]] == "the remaining fuel at roughly 15 hours"


def test_a_range_the_tagger_calls_a_date_is_still_a_figure(nlp):
    # NER tags "between 40 and 50" as DATE; nothing in it names a day, month or year
    found = relations(nlp, "The Nevsky Dispatch has put the number of dead at between 40 and 50.")
    assert found == [("The Nevsky Dispatch", [], "has put", "the number of dead at between 40 and 50")]
    # a year is still a date
    assert not [r for r in relations(nlp, "The board put the vote at 2024.") if r[2] == "put"]
