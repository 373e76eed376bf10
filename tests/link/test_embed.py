"""Sentence vectors: the offline model when installed, else the lexical stand-in."""

from __future__ import annotations

import numpy as np
import pytest

from claimledger.embed import LexicalEmbedder, load_embedder


def test_lexical_vectors_are_unit_length_and_ignore_function_words():
    vectors = LexicalEmbedder().encode(["the soldiers were sent", "soldiers sent", "grain prices rose"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] == pytest.approx(1.0, abs=1e-5)
    assert abs(float(vectors[0] @ vectors[2])) < 0.3


def test_forced_lexical(monkeypatch):
    monkeypatch.setenv("CLAIMLEDGER_EMBED", "lexical")
    assert load_embedder().kind == "lexical"


def test_model_vectors_when_installed():
    embedder = load_embedder()
    if embedder.kind != "model":
        pytest.skip("sentence model not installed")
    v = embedder.encode(["The ferry will run twice a day.", "Boats will cross two times daily.", "Stocks fell."])
    assert v.shape == (3, 384)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
