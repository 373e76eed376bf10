"""The numpy trainer, the weights file and the lexical features."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claimledger.stance.features import N_HAND_FEATURES, hand_features, negated_overlap, words
from claimledger.stance.model import WEIGHTS_PATH, LinearModel, StanceModel, default_model, fit_logistic


def test_fit_logistic_separates_three_blobs() -> None:
    rng = np.random.default_rng(0)
    centres = np.array([[3.0, 0.0], [0.0, 3.0], [-3.0, -3.0]])
    y = np.repeat(np.arange(3), 40)
    x = centres[y] + rng.normal(scale=0.5, size=(120, 2))
    model = fit_logistic(x, y, c=1.0, iterations=500)
    assert (model.log_proba(x).argmax(axis=1) == y).mean() == 1.0
    assert np.allclose(np.exp(model.log_proba(x)).sum(axis=1), 1.0, atol=1e-5)


def test_shipped_weights_load_with_numpy_only() -> None:
    obj = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert obj["n_hand_features"] == N_HAND_FEATURES
    model = default_model()
    assert model.hand.coef.shape == (N_HAND_FEATURES, 3)
    assert WEIGHTS_PATH.stat().st_size < 500_000


def test_save_load_round_trip_and_mismatch(tmp_path: Path) -> None:
    hand = LinearModel(np.ones((N_HAND_FEATURES, 3), dtype=np.float32), np.zeros(3, dtype=np.float32))
    path = tmp_path / "w.json"
    StanceModel(hand, None, 0.0).save(path)
    loaded = StanceModel.load(path)
    assert loaded.embed is None and np.array_equal(loaded.hand.coef, hand.coef)
    obj = json.loads(path.read_text())
    obj["cue_words"] = obj["cue_words"][:-1]
    path.write_text(json.dumps(obj))
    with pytest.raises(ValueError, match="retrain"):
        StanceModel.load(path)
    # weights of an older feature layout (same cue words, another feature count) are refused too
    StanceModel(hand, None, 0.0).save(path)
    obj = json.loads(path.read_text())
    obj["n_hand_features"] -= 5
    path.write_text(json.dumps(obj))
    with pytest.raises(ValueError, match="retrain"):
        StanceModel.load(path)


def test_relay_words_the_headline_adds_are_counted() -> None:
    from claimledger.stance.features import _claim_features
    claim = "A zoo bought a tiger"
    # "says" is new in the headline: a relay marker; in a claim that itself says "says" it is not new
    relayed = _claim_features(claim, words(claim), words("Zoo says it bought a tiger"))
    echoed = _claim_features("Zoo says it bought a tiger", words("Zoo says it bought a tiger"),
                             words("Zoo says it bought a tiger"))
    assert relayed[-2] > 0 and echoed[-2] == 0
    assert echoed[-5] == 1.0 and relayed[-5] == 0.0  # the claim itself reports


def test_features_see_negated_contractions_and_cues() -> None:
    assert words("It isn\u2019t true") == ["it", "isn", "t", "true"]
    assert negated_overlap(words("the zoo did not buy a tiger"), {"tiger"})
    assert not negated_overlap(words("the zoo bought a tiger, not a lion in a cage far away"), {"zoo"})
    vec = hand_features("A zoo bought a tiger", "Zoo tiger story is a hoax?")
    assert vec.shape == (N_HAND_FEATURES,) and vec.sum() > 3
