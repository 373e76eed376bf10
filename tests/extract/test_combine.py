"""Joining learned span guesses with rule relations, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import find_attributions
from claimledger.extract.combine import _merged_content
from claimledger.extract.learned import available

needs_models = pytest.mark.skipif(not available(), reason="python-crfsuite or the shipped taggers missing")


def test_rule_content_reaches_the_clause_end():
    text = "The agency said the road would reopen soon, of which crews were sure."
    rule = [(16, len(text) - 1)]
    learned = [(16, text.index(", of"))]
    assert _merged_content(text, rule, learned) == rule


def test_rule_content_stops_where_a_new_clause_starts():
    text = "The agency said the road would reopen soon but gave no date."
    rule = [(16, len(text) - 1)]
    learned = [(16, text.index(" but"))]
    assert [text[a:b] for a, b in _merged_content(text, rule, learned)] == ["the road would reopen soon"]


def test_learned_piece_outside_the_rule_is_kept():
    text = '"We are ready," the coach said. "The team has trained all winter."'
    rule = [(0, 15)]
    second = (text.index('"The team'), len(text))
    assert _merged_content(text, rule, [(0, 15), second]) == [(0, 15), second]


@needs_models
def test_a_cue_outside_the_rule_lexicon_is_found(nlp):
    text = "The senator hopes that the bill will pass before the summer recess."
    found = find_attributions(nlp(text))
    assert len(found) == 1
    r = found[0]
    assert text[r.cue[0]:r.cue[1]] == "hopes"
    assert r.origin == "learned"
    assert r.source.text == "The senator"
    assert [text[a:b] for a, b in r.content] == ["that the bill will pass before the summer recess"]


@needs_models
def test_recipient_is_never_the_content(nlp):
    text = "Fewer ferries will sail this winter, the harbour master told the Coast Gazette."
    found = find_attributions(nlp(text))
    told = next(r for r in found if text[r.cue[0]:r.cue[1]] == "told")
    assert [text[a:b] for a, b in told.content] == ["Fewer ferries will sail this winter"]
    assert [v.entity for v in told.via] == ["Coast Gazette"]
