"""Questions made from a proposition's representative claim."""

from __future__ import annotations

import pytest

from claimledger.link.questions import figure_question, parse, yes_no_question


@pytest.fixture(scope="module")
def docs_of():
    if parse(["a test"]) is None:
        pytest.skip("no spaCy English model installed")
    return lambda texts: parse(texts)


@pytest.mark.parametrize(("text", "figure", "question"), [
    ("about 4,000 Valdorian soldiers are stationed near the Karsk pass", "about 4,000",
     "How many Valdorian soldiers are stationed near the Karsk pass?"),
    ("that Valdoria has sent 9,000 troops to the northern front", "9,000",
     "How many troops has Valdoria sent to the northern front?"),
    ("the port authority turned away 40 ships last week", "40",
     "How many ships did the port authority turn away last week?"),
    ("thousands of miners are on strike in the north", "thousands", "How many miners are on strike in the north?"),
    # the figure's hedge given apart from it is no part of what is counted
    ("about 80 villages were in the flood zone", "80", "How many villages were in the flood zone?"),
    # a second that-clause joined on is another statement, not part of this question
    ("that 16 people had died on the east bank, the part of the province under the army's control, and that "
     "divers were still searching the streets", "16", "How many people had died on the east bank?"),
    # a content in pieces ("A … B") is asked from its first piece
    ("By then more than 900 people had been taken off the islands … most of them to the mainland", "more than 900",
     "How many people had been taken off the islands?"),
    ("that 32 villages on the east bank were under water and that at least 14 more had been flooded on the "
     "other side", "32", "How many villages on the east bank were under water?"),
])
def test_figure_phrase_becomes_how_many(docs_of, text, figure, question):
    (doc,) = docs_of([text])
    assert figure_question(doc, figure) == question


@pytest.mark.parametrize(("text", "question"), [
    ("Valdoria has sent troops to the northern front", "Has Valdoria sent troops to the northern front?"),
    ("The port authority denied the reports", "Did the port authority deny the reports?"),
    ("the ferry fares will rise next month", "Will the ferry fares rise next month?"),
    ("the miners are on strike for better pay", "Are the miners on strike for better pay?"),
    ("that the plant was safe and that the pumps showed no sign of damage", "Was the plant safe?"),
    # a clause set against the first is another statement
    ("the memo was passed to the harbour master at once, but it was not considered definitive",
     "Was the memo passed to the harbour master at once?"),
    # the comma before a quote mark that goes, goes too
    ('the hull is strong when it is pulled and weak when it is squeezed, over and over,"',
     "Is the hull strong when it is pulled and weak when it is squeezed, over and over?"),
    # a quote mark the cut left alone goes
    ('the reservoir held enough water "for the summer', "Did the reservoir hold enough water for the summer?"),
    ("the mayor's office, which opened an inquiry on Monday that is expected to take weeks and to cost more "
     "than the budget allows, confirmed the closure of the northern ferry terminal",
     "Did the mayor's office confirm the closure of the northern ferry terminal?"),
])
def test_statement_becomes_yes_no_question(docs_of, text, question):
    (doc,) = docs_of([text])
    assert yes_no_question(doc) == question


def test_a_figure_in_a_relative_clause_is_no_question(docs_of):
    (doc,) = docs_of(["a report that divers cut the cable, the latest turn in a mystery that three inquiries "
                      "have so far failed to solve"])
    assert figure_question(doc, "three") is None


def test_a_statement_in_pieces_is_asked_whole_until_its_verb(docs_of):
    (doc,) = docs_of(["Roughly 4,000 Valdorian soldiers … have been moved to the coast to guard the ports"])
    assert figure_question(doc, "Roughly 4,000") == \
        "How many Valdorian soldiers have been moved to the coast to guard the ports?"


@pytest.mark.parametrize("text", ["they said it", "this is fake news", "the mine did not close", "Tariffs"])
def test_pronouns_negations_and_fragments_give_no_question(docs_of, text):
    (doc,) = docs_of([text])
    assert yes_no_question(doc) is None


@pytest.mark.parametrize(("text", "figure", "unit", "question"), [
    # asked of the verb that has the subject: "had decided to send"
    ("the ministry had decided to send up to 6,000 engineers to the coast", "up to 6,000", "engineers",
     "How many engineers had the ministry decided to send to the coast?"),
    # a second predicate is a second question
    ("the storm destroyed 400 homes and damaged 1,200 more", "400", "homes", "How many homes did the storm destroy?"),
    # money is "how much", and a clause can be the subject
    ("Restoring the damaged cables could cost as much as $300 million", "as much as $300 million", "USD",
     "How much could restoring the damaged cables cost?"),
])
def test_more_figure_questions(docs_of, text, figure, unit, question):
    (doc,) = docs_of([text])
    assert figure_question(doc, figure, unit) == question


def test_words_keep_their_order_where_the_parse_crosses_itself(docs_of):
    (doc,) = docs_of(["the figures mostly reflected what each ministry wanted to stress"])
    assert yes_no_question(doc) == "Did the figures mostly reflect what each ministry wanted to stress?"


def test_a_sentence_opening_number_word_is_lowered(docs_of):
    (doc,) = docs_of(["Half of the ferries were cancelled on Monday"])
    assert yes_no_question(doc) == "Were half of the ferries cancelled on Monday?"


@pytest.mark.parametrize("text", [
    "the dam, to me, is very unsafe",  # a speaker's words
    "whether the ferry will run on Sunday",  # already a question
    "how many ships the navy had sent to the strait",
    "no survivors were found in the harbour",  # negative
    "the officials be put on trial",  # a demand
    'the toll was rising … "Rescuers are still digging in the old town"',  # a verb past the gap
])
def test_no_yes_no_question_of_these(docs_of, text):
    (doc,) = docs_of([text])
    assert yes_no_question(doc) is None
