#!/usr/bin/env python3
"""Speed of ``claimledger.stance.classify_pairs`` in pairs a second, against the lexical model alone.

    .venv/bin/python benchmarks/stance_speed.py [--csv ../shared/benchmarks/emergent/train.csv] [--repeat 1]

Uses the Emergent pairs (claim, headline) when the CSV is there, else pairs written here. Model and
embedder are loaded and warmed up before timing. Prints pairs/s of the shipped configuration (lexical +
sentence embeddings when installed) and of the lexical model alone, measured in the same run, and their
ratio (machines are noisy; the ratio is what compares across runs).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from claimledger.stance import classify_pairs
from claimledger.stance.model import get_embedder

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "emergent" / "train.csv"


def load_pairs(path: Path) -> list[tuple[str, str]]:
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            return [(r["claimHeadline"], r["articleHeadline"]) for r in csv.DictReader(fh)]
    claim = "The city council voted to close the old bridge"
    texts = ["Council votes to shut old bridge", "Mayor denies bridge will close", "Bridge may close, sources say"]
    return [(claim, f"{texts[i % 3]} ({i})") for i in range(2000)]


def timed(pairs: list[tuple[str, str]], use_embeddings: bool, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        classify_pairs(pairs, use_embeddings=use_embeddings)
    return len(pairs) * repeat / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    pairs = load_pairs(args.csv)
    embeddings = get_embedder() is not None
    classify_pairs(pairs[:32])  # load weights, embedder and ONNX session outside the timing
    lexical = timed(pairs, False, args.repeat)
    shipped = timed(pairs, True, args.repeat) if embeddings else lexical
    name = "lexical + embeddings" if embeddings else "lexical only (no embedder installed)"
    print(f"pairs {len(pairs)}  repeat {args.repeat}")
    print(f"baseline  lexical only: {lexical:.1f} pairs/s")
    print(f"shipped   {name}: {shipped:.1f} pairs/s")
    print(f"ratio shipped/baseline {shipped / lexical:.3f}")
    print(f"pairs/s {shipped:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
