"""The stance classifier: two multinomial logistic regressions in plain numpy, blended.

* ``hand``: over the lexical features of ``stance.features`` (always available);
* ``embed``: over sentence embeddings of the pair (the text's vector, claim minus text, their cosine),
  used only when ``claimledger.embed`` and its ONNX model are installed.

Their log-probabilities are blended with the weight stored in the model file. Without the embedder the
hand model decides alone. Weights are plain arrays in a JSON file, so the model loads with numpy only;
``training/train_stance.py`` writes it with ``fit_logistic`` below (no scikit-learn needed).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from claimledger.stance.features import CUE_WORDS, N_HAND_FEATURES, hand_feature_matrix

LABELS: tuple[str, ...] = ("supports", "denies", "reports")
WEIGHTS_PATH = Path(__file__).with_name("weights.json")
FORMAT = "claimledger/stance-weights@1"
# Headlines and claims are short: small length-sorted batches pad less and ran ~25% faster on 2 CPUs.
EMBED_BATCH = 16
log = logging.getLogger(__name__)


@dataclass
class LinearModel:
    """Softmax regression: ``scores = x @ coef + intercept``, one column per label of ``LABELS``."""

    coef: np.ndarray  # (n_features, n_labels)
    intercept: np.ndarray  # (n_labels,)

    def log_proba(self, x: np.ndarray) -> np.ndarray:
        scores = x @ self.coef + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        return scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))

    def to_json(self) -> dict[str, Any]:
        return {"coef": np.round(self.coef, 6).tolist(), "intercept": np.round(self.intercept, 6).tolist()}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> LinearModel:
        return cls(np.asarray(obj["coef"], dtype=np.float32), np.asarray(obj["intercept"], dtype=np.float32))


def balanced_weights(y: np.ndarray, n_labels: int) -> np.ndarray:
    """Per-sample weights n / (k * n_label): a rare label ("denies") counts as much as a common one."""
    counts = np.bincount(y, minlength=n_labels).astype(np.float64)
    per_label = len(y) / (n_labels * np.maximum(counts, 1.0))
    return per_label[y]


def fit_logistic(x: np.ndarray, y: np.ndarray, n_labels: int = len(LABELS), c: float = 1.0,
                 iterations: int = 4000) -> LinearModel:
    """L2-regularised multinomial logistic regression with balanced label weights.

    Minimises ``c * sum_i w_i * CE_i + |coef|^2 / 2`` (scikit-learn's objective; the intercept is not
    penalised) by Nesterov's accelerated gradient with step ``1/L`` from Boehning's Hessian bound, so
    training is deterministic and needs numpy only.
    """
    x = np.asarray(x, dtype=np.float64)
    n, d = x.shape
    sample_w = balanced_weights(y, n_labels) / n
    onehot = np.eye(n_labels)[y]
    xb = np.hstack([x, np.ones((n, 1))])
    reg = np.ones((d + 1, 1)) / (c * n)
    reg[-1] = 0.0
    # softmax cross-entropy Hessian <= 0.5 * X^T W X (Boehning); the largest eigenvalue bounds curvature
    lipschitz = 0.5 * np.linalg.eigvalsh((xb * sample_w[:, None]).T @ xb)[-1] + 1.0 / (c * n)
    step = 1.0 / lipschitz
    theta = np.zeros((d + 1, n_labels))
    previous = theta.copy()
    for t in range(1, iterations + 1):
        look = theta + (t - 1) / (t + 2) * (theta - previous)
        scores = xb @ look
        scores -= scores.max(axis=1, keepdims=True)
        proba = np.exp(scores)
        proba /= proba.sum(axis=1, keepdims=True)
        grad = xb.T @ ((proba - onehot) * sample_w[:, None]) + reg * look
        previous, theta = theta, look - step * grad
    return LinearModel(theta[:-1].astype(np.float32), theta[-1].astype(np.float32))


def embedding_features(claim_vectors: np.ndarray, text_vectors: np.ndarray) -> np.ndarray:
    """The pair as the embedding model sees it: text vector, claim minus text, and their cosine."""
    cosine = (claim_vectors * text_vectors).sum(axis=1, keepdims=True)
    return np.hstack([text_vectors, claim_vectors - text_vectors, cosine]).astype(np.float32)


def get_embedder() -> Any | None:
    """``claimledger.embed``'s shared embedder, or None when it (or its model files) is not installed."""
    try:
        from claimledger.embed import get_embedder as shared_embedder
    except ImportError:
        return None
    try:
        return shared_embedder()
    except Exception as exc:  # a missing model file or runtime must degrade to the lexical model, not crash
        log.info("stance: sentence embeddings unavailable (%s); using lexical features only", exc)
        return None


def embed_pairs(embedder: Any, pairs: list[tuple[str, str]]) -> np.ndarray:
    """Embedding features of ``pairs``; each distinct string is embedded once (claims repeat a lot)."""
    unique = list(dict.fromkeys(s for pair in pairs for s in pair))
    try:
        vectors = embedder.encode(unique, batch_size=EMBED_BATCH)
    except TypeError:  # an embedder without a batch_size parameter
        vectors = embedder.encode(unique)
    vectors = np.asarray(vectors, dtype=np.float32)
    row = {s: i for i, s in enumerate(unique)}
    claims = vectors[[row[c] for c, _ in pairs]]
    texts = vectors[[row[t] for _, t in pairs]]
    return embedding_features(claims, texts)


@dataclass
class StanceModel:
    """The shipped classifier: ``hand`` always, ``embed`` blended in when an embedder is given."""

    hand: LinearModel
    embed: LinearModel | None = None
    blend: float = 0.35  # weight of the embedding model's log-probabilities

    def log_proba(self, pairs: list[tuple[str, str]], embedder: Any | None = None) -> np.ndarray:
        """(n, 3) log-probabilities over ``LABELS``."""
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        scores = self.hand.log_proba(hand_feature_matrix(pairs))
        if self.embed is not None and embedder is not None and self.blend > 0:
            scores = (1 - self.blend) * scores + self.blend * self.embed.log_proba(embed_pairs(embedder, pairs))
        return scores

    def predict(self, pairs: list[tuple[str, str]], embedder: Any | None = None) -> list[str]:
        return [LABELS[i] for i in self.log_proba(pairs, embedder).argmax(axis=1)]

    def save(self, path: Path, meta: dict[str, Any] | None = None) -> None:
        obj = {"format": FORMAT, "labels": list(LABELS), "n_hand_features": N_HAND_FEATURES,
               "cue_words": list(CUE_WORDS), "blend": self.blend, "hand": self.hand.to_json(),
               "embed": self.embed.to_json() if self.embed else None, "meta": meta or {}}
        path.write_text(json.dumps(obj, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> StanceModel:
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
        # the weights are only meaningful for the feature layout they were trained on
        if (obj.get("format") != FORMAT or tuple(obj["labels"]) != LABELS or obj["cue_words"] != list(CUE_WORDS)
                or obj.get("n_hand_features") != N_HAND_FEATURES):
            raise ValueError(f"{path}: stance weights do not match this version's features; "
                             "retrain with training/train_stance.py")
        embed = LinearModel.from_json(obj["embed"]) if obj.get("embed") else None
        return cls(LinearModel.from_json(obj["hand"]), embed, float(obj.get("blend", 0.0)))


@lru_cache(maxsize=1)
def default_model() -> StanceModel:
    """The model shipped with the package, loaded once."""
    return StanceModel.load(WEIGHTS_PATH)
