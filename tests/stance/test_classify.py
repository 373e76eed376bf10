"""The shipped classifier on pairs written for these tests (lexical model and, if installed, embeddings)."""

from __future__ import annotations

import pytest

from claimledger.stance import LABELS, classify_pairs

CLAIM = "The city council voted to close the old bridge"
TIGER = "A zoo in Ohio bought a white tiger"

CASES = [
    (CLAIM, "City council votes to close old bridge", "supports"),
    (TIGER, "Ohio zoo buys rare white tiger", "supports"),
    (CLAIM, "Council denies reports it voted to close the old bridge", "denies"),
    (CLAIM, "Old bridge closure vote is a hoax, council says", "denies"),
    (TIGER, "No, an Ohio zoo did not buy a white tiger", "denies"),
    (TIGER, "Ohio zoo white tiger story is fake", "denies"),
    (CLAIM, "Council may close old bridge, sources say", "reports"),
    (TIGER, "Ohio zoo reportedly in talks to buy a white tiger", "reports"),
    (CLAIM, "Did the council really vote to close the old bridge?", "reports"),
]


@pytest.mark.parametrize("use_embeddings", [False, True])
def test_written_pairs_get_expected_stance(use_embeddings: bool) -> None:
    got = classify_pairs([(c, t) for c, t, _ in CASES], use_embeddings=use_embeddings)
    assert got == [label for _, _, label in CASES]


def test_labels_and_empty_input() -> None:
    assert LABELS == ("supports", "denies", "reports")
    assert classify_pairs([]) == []
    out = classify_pairs([(CLAIM, ""), ("", ""), (CLAIM, "??? !!!")])
    assert len(out) == 3 and set(out) <= set(LABELS)
