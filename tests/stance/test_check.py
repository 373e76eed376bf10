"""``check``: relevant ledger claims, ranked, with their stance toward the checked claim."""

from __future__ import annotations

import pytest

from claimledger.model import Claim, Party
from claimledger.stance import check, relevance
from claimledger.stance.check import lexical_relevance, stance_toward

CHECKED = "North Korea has sent troops to Russia"


def claim(content: str, stance: str = "asserts", source: str = "an official") -> Claim:
    return Claim(document_id="d1", sentence=f"{source} said {content}.", sentence_span=(0, len(content)),
                 content=content, source=Party(source), cue="said", stance=stance)


LEDGER = [
    claim("the harvest of wheat in the province was the largest in a decade"),
    claim("North Korean troops were sent to Russia", "denies", "the Kremlin"),
    claim("North Korea may have sent troops to Russia", "hedges", "an analyst"),
    claim("North Korean soldiers have been deployed to Russia", "asserts", "the intelligence service"),
    claim("North Korea did not send any troops to Russia", "asserts", "a spokesman"),
    claim("the central bank raised its interest rate", "asserts", "the bank"),
]


@pytest.mark.parametrize("use_embeddings", [False, True])
def test_check_finds_relevant_claims_with_stance(use_embeddings: bool) -> None:
    results = check(CHECKED, LEDGER, use_embeddings=use_embeddings)
    by_source = {c.source.text: stance for c, stance, _ in results}
    assert by_source == {"the Kremlin": "denies", "an analyst": "reports", "the intelligence service": "supports",
                         "a spokesman": "denies"}
    scores = [score for _, _, score in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0.35 <= s <= 1.0 for s in scores)


def test_denial_of_checked_claim_ranks_high_as_denies() -> None:
    results = check(CHECKED, LEDGER, use_embeddings=False)
    top_two = {c.source.text: stance for c, stance, _ in results[:2]}
    assert top_two["the Kremlin"] == "denies"


def test_unrelated_claims_only() -> None:
    assert check(CHECKED, [LEDGER[0], LEDGER[5]]) == []
    assert check(CHECKED, []) == []
    assert check("   ", LEDGER) == []


def test_lexical_relevance_weights_rare_words() -> None:
    query = {"north", "korea", "troop", "russia"}
    scores = lexical_relevance(query, [{"korean", "troop"}, {"russia"}, {"wheat"}, {"russia", "bank"}])
    assert scores[0] > scores[1] > scores[2] == 0.0
    assert relevance(CHECKED, []) == []


def test_stance_toward_combines_own_stance() -> None:
    assert stance_toward("denies", "supports") == "denies"
    assert stance_toward("hedges", "supports") == "reports"
    assert stance_toward("asserts", "reports") == "supports"
    assert stance_toward("asserts", "denies") == "denies"
