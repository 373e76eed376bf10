"""Grouping claims into propositions, incrementally."""

from __future__ import annotations

from claimledger.link.propositions import group_claims
from claimledger.model import Claim, Figure, Party


def claim(cid: str, content: str, unit: str | None = None, value: float | None = None) -> Claim:
    figs = [Figure(value, "exact", unit, str(value))] if unit else []
    return Claim(document_id="d", sentence=content, sentence_span=(0, len(content)), content=content,
                 source=Party("x"), cue="said", figures=figs, id=cid)


def test_same_question_groups_and_other_questions_stay_apart():
    claims = [claim("a", "3,000 miners are on strike at the northern copper mines", "miners", 3000),
              claim("b", "as many as 5,000 miners have joined the strike at the copper mines", "miners", 5000),
              claim("c", "the price of copper rose by a fifth on the London exchange")]
    assignment, props = group_claims(claims, {})
    assert assignment["a"] == assignment["b"]
    assert assignment["c"] != assignment["a"]
    strike = next(p for p in props if p.id == assignment["a"])
    assert "miners" in strike.label


def test_new_claims_join_existing_groups_without_regrouping():
    old = [claim("a", "3,000 miners are on strike at the northern copper mines", "miners", 3000)]
    first, _ = group_claims(old, {})
    for c in old:
        c.proposition_id = first[c.id]
    assignment, props = group_claims([claim("n", "about 4,000 copper miners are now on strike", "miners", 4000)],
                                     {first["a"]: old})
    assert assignment["n"] == first["a"]
    assert props[0].claim_ids == ["a", "n"]
