#!/usr/bin/env python3
"""Claim-grouped 5-fold cross-validation of the stance recipe on Emergent, scored by the neutral scorer.

    .venv/bin/python benchmarks/stance_cv.py [--csv ../shared/benchmarks/emergent/train.csv] [--no-embed]

Headlines of one claim never sit in both the training and the test folds (folds are built over claimId,
largest claims first into the lightest fold, as scikit-learn's GroupKFold does). Each fold is trained
with ``train`` from ``training/train_stance.py`` and predicts the held-out fold; the predictions are
written as the stance command's JSONL and scored with ``../shared/eval/score_stance.py``. Prints
accuracy and macro-F1, and the hand-only model's figures from the same folds as a baseline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from train_stance import DEFAULT_CSV, load_emergent, train  # noqa: E402

from claimledger.stance.model import get_embedder  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score_stance.py"


def grouped_folds(groups: list[str], k: int = 5) -> list[np.ndarray]:
    """Test indices of ``k`` folds; every group lies wholly in one fold, fold sizes balanced."""
    sizes = Counter(groups)
    load = [0] * k
    fold_of: dict[str, int] = {}
    for group, size in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        fold = load.index(min(load))
        fold_of[group] = fold
        load[fold] += size
    return [np.array([i for i, g in enumerate(groups) if fold_of[g] == f]) for f in range(k)]


class CachedEmbedder:
    """Embeds each distinct string once across folds: same vectors, five times less work."""

    def __init__(self, embedder: Any) -> None:
        self.embedder = embedder
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if todo:
            self.cache.update(zip(todo, self.embedder.encode(todo), strict=True))
        return np.vstack([self.cache[t] for t in texts])


def score(csv_path: Path, predictions: Path) -> dict:
    out = subprocess.run([sys.executable, str(SCORER), "score", "--csv", str(csv_path), "--predictions",
                          str(predictions), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-embed", action="store_true", help="evaluate the lexical model only")
    ap.add_argument("-o", "--output", type=Path, help="keep the predictions JSONL here")
    args = ap.parse_args(argv)
    ids, pairs, labels, groups = load_emergent(args.csv)
    embedder = None if args.no_embed else get_embedder()
    if embedder is None and not args.no_embed:
        print("stance_cv: claimledger.embed unavailable; lexical model only", file=sys.stderr)
    embedder = CachedEmbedder(embedder) if embedder is not None else None
    predicted: dict[str, dict[int, str]] = {"blend": {}, "hand": {}}
    for test in grouped_folds(groups, args.folds):
        test_set = set(test.tolist())
        train_idx = [i for i in range(len(pairs)) if i not in test_set]
        model = train([pairs[i] for i in train_idx], [labels[i] for i in train_idx], embedder)
        test_pairs = [pairs[i] for i in test]
        for name, emb in (("blend", embedder), ("hand", None)):
            predicted[name].update(zip(test.tolist(), model.predict(test_pairs, emb), strict=True))
    with tempfile.TemporaryDirectory() as tmp:
        reports = {}
        for name in ("hand", "blend") if embedder else ("hand",):
            path = args.output if (args.output and name == "blend") or (args.output and not embedder) \
                else Path(tmp) / f"{name}.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                for i, pair_id in enumerate(ids):
                    fh.write(json.dumps({"id": pair_id, "stance": predicted[name][i]}) + "\n")
            reports[name] = score(args.csv, path)
    for name, rep in reports.items():
        label = "hand+embed" if name == "blend" else "hand only (baseline)"
        print(f"{label:22s} pairs {rep['pairs']}  accuracy {rep['accuracy']:.4f}  macro_f1 {rep['macro_f1']:.4f}"
              f"  f1 {rep['f1']}")
    final = reports.get("blend", reports["hand"])
    print(f"accuracy {final['accuracy']:.4f}\nmacro_f1 {final['macro_f1']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
