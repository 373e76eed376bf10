#!/usr/bin/env python3
"""Proposition grouping on the Emergent data set: do article headlines about one claim land together?

    .venv/bin/python benchmarks/emergent_grouping.py [--csv ../shared/benchmarks/emergent/train.csv] [--lexical]

Each article headline becomes a one-claim document (a ``Claim`` built directly, no spaCy), in file
order; all are grouped in one call of ``claimledger.link.propositions.group_claims`` - the code path
the pipeline's link stage uses - and scored with B-cubed precision/recall/F1 against Emergent's
``claimId``. ``--lexical`` runs the lexical stand-in used when the sentence model is missing.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "benchmarks" / "emergent" / "train.csv"


def bcubed(gold: list[str], system: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``system`` clusters against ``gold`` clusters (same order)."""
    pair_counts = Counter(zip(gold, system, strict=True))
    gold_sizes, system_sizes = Counter(gold), Counter(system)
    n = len(gold)
    precision = sum(k * k / system_sizes[s] for (_, s), k in pair_counts.items()) / n
    recall = sum(k * k / gold_sizes[g] for (g, _), k in pair_counts.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--lexical", action="store_true", help="use the lexical stand-in instead of the sentence model")
    args = ap.parse_args()
    if not args.csv.is_file():
        sys.exit(f"not found: {args.csv}")

    from claimledger.embed import LexicalEmbedder, load_embedder
    from claimledger.link.propositions import group_claims
    from claimledger.model import Claim

    with args.csv.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("articleHeadline", "").strip()]
    claims, gold = [], []
    for i, row in enumerate(rows):
        headline = " ".join(row["articleHeadline"].split())
        claims.append(Claim(document_id=row.get("articleId") or f"a{i}", sentence=headline,
                            sentence_span=(0, len(headline)), content=headline, source=None, cue=None,
                            id=f"e{i}"))
        gold.append(row["claimId"])
    embedder = LexicalEmbedder() if args.lexical else load_embedder()
    started = time.perf_counter()
    assignment, _ = group_claims(claims, {}, embedder=embedder)
    elapsed = time.perf_counter() - started
    system = [assignment[c.id] for c in claims]
    p, r, f = bcubed(gold, system)
    sizes = defaultdict(int)
    for s in system:
        sizes[s] += 1
    print(f"headlines {len(claims)}  gold claims {len(set(gold))}  propositions {len(sizes)}  "
          f"vectors {getattr(embedder, 'kind', '?')}  time {elapsed:.1f}s")
    print(f"bcubed_precision {p:.3f}\nbcubed_recall    {r:.3f}\nbcubed_f1        {f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
