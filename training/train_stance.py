#!/usr/bin/env python3
"""Train the stance classifier shipped in ``src/claimledger/stance/weights.json``.

Recipe (reproducible: the trainer is deterministic full-batch numpy, no random state):

    cd /work/main
    .venv/bin/python training/train_stance.py --csv ../shared/benchmarks/emergent/train.csv

Data: the Emergent data set (Ferreira and Vlachos 2016), claim headline vs. article headline, labels
for -> supports, against -> denies, observing -> reports. Two softmax regressions with balanced label
weights are fitted by ``claimledger.stance.model.fit_logistic``:

* hand model, C = ``HAND_C``: lexical features of ``claimledger.stance.features``;
* embedding model, C = ``EMBED_C``: all-MiniLM-L6-v2 vectors (text, claim - text, cosine) from
  ``claimledger.embed``; skipped (with a warning) when the embedder is not installed, or with ``--no-embed``.

At prediction time their log-probabilities are blended with weight ``BLEND`` on the embedding model.
The constants were chosen by claim-grouped 5-fold cross-validation (``benchmarks/stance_cv.py``), which
uses ``train`` from this file so the figures there describe exactly this recipe.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from claimledger.stance.features import hand_feature_matrix
from claimledger.stance.model import LABELS, WEIGHTS_PATH, StanceModel, embed_pairs, fit_logistic, get_embedder

HAND_C = 0.3
EMBED_C = 1.0
BLEND = 0.35
EMERGENT_LABELS = {"for": "supports", "against": "denies", "observing": "reports"}
DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "emergent" / "train.csv"


def load_emergent(path: Path) -> tuple[list[str], list[tuple[str, str]], list[str], list[str]]:
    """Ids (as ``score_stance.py`` numbers them), (claim, headline) pairs, labels and claim ids."""
    ids, pairs, labels, groups = [], [], [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            ids.append(str(row.get("") or i))
            pairs.append((row["claimHeadline"], row["articleHeadline"]))
            labels.append(EMERGENT_LABELS[row["articleHeadlineStance"]])
            groups.append(row["claimId"])
    return ids, pairs, labels, groups


def train(pairs: list[tuple[str, str]], labels: list[str], embedder: Any | None = None,
          hand_c: float = HAND_C, embed_c: float = EMBED_C, blend: float = BLEND) -> StanceModel:
    """Fit the hand model, and the embedding model when ``embedder`` is given."""
    y = np.asarray([LABELS.index(label) for label in labels])
    hand = fit_logistic(hand_feature_matrix(pairs), y, c=hand_c)
    if embedder is None:
        return StanceModel(hand, None, 0.0)
    embed = fit_logistic(embed_pairs(embedder, pairs), y, c=embed_c)
    return StanceModel(hand, embed, blend)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="Emergent-format CSV to train on")
    ap.add_argument("-o", "--output", type=Path, default=WEIGHTS_PATH, help="where to write the weights JSON")
    ap.add_argument("--no-embed", action="store_true", help="train the lexical model only")
    args = ap.parse_args(argv)
    if not args.csv.is_file():
        print(f"train_stance: no such file: {args.csv}", file=sys.stderr)
        return 2
    _, pairs, labels, _ = load_emergent(args.csv)
    embedder = None if args.no_embed else get_embedder()
    if embedder is None and not args.no_embed:
        print("train_stance: claimledger.embed unavailable; training the lexical model only", file=sys.stderr)
    start = time.perf_counter()
    model = train(pairs, labels, embedder)
    meta = {"data": args.csv.name, "pairs": len(pairs), "hand_c": HAND_C, "embed_c": EMBED_C,
            "embedding": "all-MiniLM-L6-v2 int8" if model.embed else None}
    model.save(args.output, meta)
    print(f"trained on {len(pairs)} pairs in {time.perf_counter() - start:.1f}s "
          f"({'hand + embedding' if model.embed else 'hand only'}) -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
