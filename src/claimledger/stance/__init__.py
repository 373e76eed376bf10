"""Stance of a text toward a claim: ``supports``, ``denies`` or ``reports`` (relays without taking a side).

Public entry points:
    classify_pairs(pairs)          (claim, text) pairs -> labels
    run_jsonl(in_path, out_path)   the ``claimledger stance`` batch contract (JSONL in, JSONL out)
    check(claim_text, claims)      ledger claims relevant to a claim, with their stance toward it

The classifier is a small linear model over lexical cues (plus sentence embeddings when
``claimledger.embed`` is installed); its weights ship as JSON and load with numpy alone.
"""

from __future__ import annotations

from claimledger.stance.batch import StanceInputError, classify_pairs, run_jsonl
from claimledger.stance.check import check, relevance
from claimledger.stance.model import LABELS, StanceModel

__all__ = ["LABELS", "StanceInputError", "StanceModel", "check", "classify_pairs", "relevance", "run_jsonl"]
