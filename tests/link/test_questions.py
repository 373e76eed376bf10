"""Questions made from a proposition's representative claim."""

from __future__ import annotations

import pytest

from claimledger.link.propositions import group_claims
from claimledger.link.questions import figure_question, parse, yes_no_question
from claimledger.model import Claim, Figure, Party


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
])
def test_figure_phrase_becomes_how_many(docs_of, text, figure, question):
    (doc,) = docs_of([text])
    assert figure_question(doc, figure) == question


@pytest.mark.parametrize(("text", "question"), [
    ("Valdoria has sent troops to the northern front", "Has Valdoria sent troops to the northern front?"),
    ("The port authority denied the reports", "Did the port authority deny the reports?"),
    ("the ferry fares will rise next month", "Will the ferry fares rise next month?"),
    ("the miners are on strike for better pay", "Are the miners on strike for better pay?"),
    ("the mayor's office, which opened an inquiry on Monday that is expected to take weeks and to cost more "
     "than the budget allows, confirmed the closure of the northern ferry terminal",
     "Did the mayor's office confirm the closure of the northern ferry terminal?"),
])
def test_statement_becomes_yes_no_question(docs_of, text, question):
    (doc,) = docs_of([text])
    assert yes_no_question(doc) == question


@pytest.mark.parametrize("text", ["they said it", "this is fake news", "the mine did not close", "Tariffs"])
def test_pronouns_negations_and_fragments_give_no_question(docs_of, text):
    (doc,) = docs_of([text])
    assert yes_no_question(doc) is None


def test_groups_of_several_claims_are_labelled_with_their_question(docs_of):
    def claim(cid, content, figure=None, value=None):
        figs = [Figure(value, "exact", "miners", figure)] if figure else []
        return Claim(document_id=cid, sentence=content, sentence_span=(0, len(content)), content=content,
                     source=Party("x"), cue="said", figures=figs, id=cid)

    claims = [claim("a", "3,000 miners are on strike at the northern copper mines", "3,000", 3000),
              claim("b", "as many as 5,000 miners are on strike at the copper mines", "as many as 5,000", 5000)]
    _, props = group_claims(claims, {})
    (prop,) = props
    assert prop.label.startswith("How many miners are on strike at the")
    assert prop.label.endswith(")")  # the claim it was made from follows in brackets
    (single,) = group_claims([claim("c", "the copper price rose by a fifth on the exchange")], {})[1]
    assert single.label == "The copper price rose by a fifth on the exchange"  # one claim keeps its words
