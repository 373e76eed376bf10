"""Transcript turns: relays inside a turn come through its speaker, questions are no claims."""

from __future__ import annotations

from claimledger.extract import extract
from claimledger.extract.attribution import find_attributions
from claimledger.extract.turns import same_person
from claimledger.model import Article
from claimledger.parse import parse

SHOW = (
    "HARBOUR HOUR\n"
    "Episode 12: The ferry fire\n\n"
    "HOST: Good evening, I'm Maya Okafor. Three days after the ferry fire, questions remain. With me is "
    "Tom Brandt, who reports on shipping for the Coast Ledger.\n\n"
    "TOM BRANDT: It was worse than the first reports. The operator says 14 people were treated in hospital. "
    "But a paramedic at the quay told me at least 30 were taken away by ambulance.\n\n"
    "HOST: How did it start?\n\n"
    "TOM BRANDT: Nobody knows yet. I'd add that the crew had complained about the wiring for months. "
    "A deckhand told us the alarms failed on two decks.\n\n"
    "HOST: Tom Brandt, thank you.\n"
)


def _found(nlp, text):
    doc = nlp(text)
    return doc.text, find_attributions(doc)


def _said(text, rel):
    return " ".join(text[a:b] for a, b in rel.content)


def test_a_relay_inside_a_turn_comes_through_its_speaker(nlp):
    text, found = _found(nlp, SHOW)
    operator = next(r for r in found if r.source and r.source.text == "The operator")
    assert _said(text, operator) == "14 people were treated in hospital"
    assert [v.entity for v in operator.via] == ["Tom Brandt"]
    paramedic = next(r for r in found if r.source and "paramedic" in r.source.text)
    assert [v.entity for v in paramedic.via] == ["Tom Brandt"]


def test_the_turn_keeps_only_the_speakers_own_sentences(nlp):
    text, found = _found(nlp, SHOW)
    turns = [_said(text, r) for r in found if r.cue_lemma == ":"]
    assert "It was worse than the first reports." in turns
    assert not any("The operator says" in t or "paramedic" in t for t in turns)
    # asking is not claiming
    assert not any("How did it start" in t for t in turns)


def test_a_role_label_is_the_person_who_introduces_themselves(nlp):
    text, found = _found(nlp, SHOW)
    host = [r for r in found if r.cue_lemma == ":" and text[r.cue[0] - 4:r.cue[0]] == "HOST"]
    assert host and {r.source.entity for r in host} == {"Maya Okafor"}


def test_a_capitals_label_is_named_as_the_article_writes_it(nlp):
    text, found = _found(nlp, SHOW)
    own = next(r for r in found if r.cue_lemma == ":" and _said(text, r).startswith("It was worse"))
    assert own.source.entity == "Tom Brandt"


def test_the_first_person_inside_a_turn_is_the_speaker(nlp):
    text, found = _found(nlp, SHOW)
    added = next(r for r in found if r.cue is not None and text[r.cue[0]:r.cue[1]].endswith("add"))
    assert added.source.entity == "Tom Brandt" and added.via == []


def test_told_us_in_a_turn_is_not_told_the_outlet():
    article = Article(text=SHOW, outlet="Harbour Radio", published="2024-05-02")
    claims = extract(article, parse(article))
    deckhand = next(c for c in claims if c.source and "deckhand" in c.source.text)
    assert [v.entity for v in deckhand.via] == ["Tom Brandt"]


BRIEFING = (
    "HARBOUR HOUR\n\n"
    "HOST: The operator says the alarms worked. Did they?\n\n"
    "ANA RUIZ: No passenger was left on board. Our records show the alarms sounded at 02:10.\n\n"
    "HOST: When will you know more?\n\n"
    "ANA RUIZ: The crew will not be able to say more until Friday.\n\n"
    "HOST: Ana Ruiz, thank you.\n"
)


def test_a_speaker_ruling_something_out_in_a_turn_denies_it_and_their_our_is_their_sides():
    article = Article(text=BRIEFING, outlet="Harbour Radio", published="2024-05-02")
    claims = extract(article, parse(article))
    by_content = {c.content.strip(): c for c in claims}
    assert by_content["No passenger was left on board."].stance == "denies"
    assert by_content["The crew will not be able to say more until Friday."].stance != "denies"  # a forecast
    records = next(c for c in claims if c.source and c.source.text == "Our records")
    assert records.source.entity == "Ana Ruiz's records"  # not the programme's


def test_a_single_labelled_line_is_no_transcript(nlp):
    text, found = _found(nlp, "Varga: Critics say the dredging will cost twice the estimate.\n\n"
                                 "The harbour board meets on Friday to decide.\n")
    critics = next(r for r in found if r.source and r.source.text == "Critics")
    assert critics.via == []


def test_same_person_reads_short_and_capital_names():
    assert same_person("MARLOWE", "Devin Marlowe")
    assert same_person("Tang", "Tang Siu-ming")
    assert not same_person("Marlowe", "Devin Marlow")
    assert not same_person(None, "Devin Marlowe")


def test_a_quoted_turn_stays_whole(nlp):
    quoted = ("Partial transcript:\n\n"
              "\"ANCHOR: Will the ferry line pay for the damage?\n\n"
              "\"BRANDT: It will pay every claim, in the end. I doubt it will happen this year.\n\n"
              "\"ANCHOR: Why not?\n\n"
              "\"BRANDT: The insurers have not agreed on the figure. Nobody has.\n")
    text, found = _found(nlp, quoted)
    turns = [_said(text, r) for r in found if r.cue_lemma == ":"]
    assert any("in the end. I doubt it" in t for t in turns), turns
    assert any(t.startswith("Will the ferry line") for t in turns)  # a quoted question is quoted too


def test_a_relay_found_only_by_the_tagger_is_cut_from_a_sentence_the_rules_already_cut(nlp):
    text = SHOW.replace("It was worse than the first reports.",
                        "The county's first figure was at least 10, and Vantrell now says 11 of the derailed cars.")
    own = [r for r in find_attributions(nlp(text)) if r.source and r.source.text == "TOM BRANDT"]
    assert own and not any("now says" in _said(text, r) for r in own)


def test_the_relayer_before_a_citing_is_not_left_over_as_the_speakers_own_words(nlp):
    text = SHOW.replace("It was worse than the first reports.",
                        "The Harbour Times, citing two people at a closed briefing, reported that the alarms failed.")
    own = [r for r in find_attributions(nlp(text)) if r.source and r.source.text == "TOM BRANDT"]
    assert own and not any("citing" in _said(text, r) for r in own)


def test_the_host_who_asks_the_questions_passes_others_on_through_no_one(nlp):
    text = SHOW.replace("HOST: How did it start?",
                        "HOST: The Ledger reported this morning that the operator has ordered new alarms. "
                        "How did it start?")
    text, found = _found(nlp, text)
    ledger = next(r for r in found if r.source and r.source.text == "The Ledger")
    assert ledger.via == []  # the host speaks for the programme, as a writer for the article
    operator = next(r for r in found if r.source and r.source.text == "The operator")
    assert [v.entity for v in operator.via] == ["Tom Brandt"]  # a guest's relay still comes through the guest
