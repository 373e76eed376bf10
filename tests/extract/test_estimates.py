"""Figures stated as a verdict on a count ("put the toll at 41"), on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import find_attributions
from claimledger.extract.estimates import act_relation
from claimledger.extract.sources import SourceResolver


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
    # a count parsed as a clause ("13 soldiers | killed")
    ("The ministry now counts 13 soldiers killed.", "counts", "13 soldiers killed"),
])
def test_a_figure_set_on_a_count_is_the_subjects_claim(nlp, text, cue, content):
    source, _, found_cue, found_content = relations(nlp, text)[0]
    assert found_cue.endswith(cue) and found_content == content  # "had initially counted": aux kept
    assert source in {"local officials", "The Pentagon", "Economists", "The seismic network", "A study",
                      "The geological survey", "Rescue teams", "The ministry"}


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


@pytest.mark.parametrize("text, source, cue, content", [
    ("The port authority is seeking $120m, equivalent to about 1.9 billion local pounds.", "The port authority",
     "is seeking", "$120m, equivalent to about 1.9 billion local pounds"),
    ("Overnight the intruder demanded $2 million in bitcoin.", "the intruder", "demanded", "$2 million in bitcoin"),
    ("The operator now offers each evacuated household 3,000 dollars.", "The operator", "offers",
     "each evacuated household 3,000 dollars"),
    ("The residents' committee is asking for 80,000 per family.", "The residents' committee", "is asking for",
     "80,000 per family"),
    # the figure is the noun the relative clause hangs from
    ("The toll is well below the nearly 90 the drivers' union claimed.", "the drivers' union", "claimed",
     "the nearly 90"),
    ("The fund falls short of the 400,000 crowns that the victims' group is demanding.", "the victims' group",
     "is demanding", "the 400,000 crowns"),
    ("Only part of the 60 million euros pledged by donors has arrived.", "donors", "pledged",
     "the 60 million euros"),
])
def test_an_amount_asked_offered_or_claimed_is_the_subjects_claim(nlp, text, source, cue, content):
    found = [r for r in relations(nlp, text) if r[2] == cue]
    assert found and found[0][0] == source and found[0][2] == cue and found[0][3] == content


@pytest.mark.parametrize("text", [
    "The union demanded answers from the operator.",  # no figure asked
    "The ministry offered condolences to 14 families.",  # the figure is not what is offered
    "The operator claimed that 12 trains were late.",  # a clause, read as speech, not as an amount
])
def test_an_ask_or_offer_without_an_amount_is_no_figure_claim(nlp, text):
    doc = nlp(text)
    resolver = SourceResolver(doc)
    sent = next(iter(doc.sents))
    assert all(act_relation(tok, sent, resolver) is None for tok in doc)


def test_an_offer_moved_from_one_amount_to_another_is_the_subjects(nlp):
    found = relations(nlp, "The ferry company has raised its offer to bereaved families from 15,000 crowns "
                           "to 22,000.")
    assert found == [("The ferry company", [], "has raised", "its offer to bereaved families from 15,000 crowns "
                      "to 22,000")]


def test_an_amount_asked_inside_anothers_words_stays_theirs(nlp):
    # what the families ask is what the speaker reports: no relay of the families' claim
    found = relations(nlp, "Her lawyer said the families are asking for 90,000 each.")
    assert found == [("Her lawyer", [], "said", "the families are asking for 90,000 each")]
    found = relations(nlp, "A local radio station reported that the operator would raise its payment to each "
                           "family to 30,000 crowns.")
    assert [(s, v, c) for s, v, c, _ in found] == [("A local radio station", [], "reported")]


def test_a_things_measure_inside_someones_words_is_theirs(nlp):
    found = relations(nlp, "Dr Irena Solt said a drone survey had measured the wall at 52 metres. "
                           "Kaya said the ministry estimated the toll at 40.")
    assert [(source, cue) for source, _, cue, _ in found] == [("Dr Irena Solt", "said"), ("Kaya", "said")]
    # on its own, the survey's measure is still read as the survey's
    alone = relations(nlp, "A drone survey measured the wall at 52 metres.")
    assert [(source, cue) for source, _, cue, _ in alone] == [("A drone survey", "measured")]


def test_a_citing_before_the_setting_verb_names_who_gave_the_figure(nlp):
    found = relations(nlp, "Governor Brannick, citing the emergency agency, now puts the number of people who "
                           "have fled at some 35,000.")
    assert ("the emergency agency", ["Governor Brannick"], "puts",
            "the number of people who have fled at some 35,000") in found


def test_a_figure_hung_on_the_counted_things_participle_is_still_set(nlp):
    # the parser hangs "burned" on the verb and "at" on "burned"
    found = relations(nlp, "It put the area burned at more than 31,000 hectares.")
    assert ("It", [], "put", "the area burned at more than 31,000 hectares") in found
