#!/usr/bin/env python3
"""The whole pipeline against hand-made gold, on every story corpus we have, side by side.

    .venv/bin/python benchmarks/story_gold.py [--only SLUG] [--keep DIR]

Stories: each ``benchmarks/stories/<slug>/`` with ``gold.json`` and either ``corpus/`` beside it or
the repository folder its ``"corpus"`` field names (all written for the project, in our own words),
plus the seed corpus in ``../shared`` when it is there. Each corpus is analyzed into a fresh ledger,
exported as ledger JSON v1 and scored with ``../shared/eval/score.py`` (the neutral scorer; it must be
present). One column per corpus, one row per figure, and a mean over the corpora: a change that helps
one story and hurts the others shows up here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
FIGURES = ("claim_recall", "figure_precision", "source_accuracy", "via_accuracy", "stance_accuracy",
           "figure_kind_accuracy", "denial_recall", "proposition_bcubed_f1", "proposition_bcubed_p",
           "proposition_bcubed_r", "date_accuracy", "ledger_score")


def stories() -> list[tuple[str, Path, Path]]:
    """(name, corpus folder, gold file) of every corpus with gold."""
    out = []
    for folder in sorted((ROOT / "benchmarks" / "stories").glob("*/")):
        gold = folder / "gold.json"
        if not gold.is_file():
            continue
        # the corpus beside the gold, else the folder its "corpus" field names (e.g. examples/demo)
        corpus = folder / "corpus"
        if not corpus.is_dir():
            corpus = ROOT / json.loads(gold.read_text(encoding="utf-8")).get("corpus", "")
        if corpus.is_dir() and corpus != ROOT:
            out.append((folder.name, corpus, gold))
    seeds_gold = SHARED / "eval" / "gold" / "dprk-russia-seeds.json"
    if seeds_gold.is_file():
        out.append(("seeds", SHARED / "corpus" / "dprk-russia-seeds", seeds_gold))
    return out


def run_one(corpus: Path, gold: Path, work: Path) -> dict:
    """Analyze ``corpus`` into a new ledger in ``work`` and return score.py's report."""
    cli = [sys.executable, "-m", "claimledger.cli"]
    db, export = work / "ledger.db", work / "ledger.json"
    for step in (["analyze", str(corpus), "--db", str(db), "--quiet"], ["export", "--db", str(db), "-o", str(export)]):
        done = subprocess.run(cli + step, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"story_gold: `claimledger {step[0]}` failed on {corpus}:\n{done.stderr[-2000:]}")
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--ledger", str(export), "--json"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"story_gold: score.py failed on {gold}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="score only this story (folder name, or 'seeds')")
    ap.add_argument("--keep", type=Path, help="keep each story's ledger and export in DIR/<story>/")
    args = ap.parse_args()
    if not SCORER.is_file():
        sys.exit(f"story_gold: the scorer {SCORER} is missing (it comes with ../shared)")
    todo = [s for s in stories() if not args.only or s[0] == args.only]
    if not todo:
        sys.exit("story_gold: no story corpus with gold.json found" + (f" named {args.only}" if args.only else ""))
    reports = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, corpus, gold in todo:
            work = (args.keep / name) if args.keep else Path(tmp) / name
            work.mkdir(parents=True, exist_ok=True)
            for old in work.glob("ledger.*"):
                old.unlink()
            reports[name] = run_one(corpus, gold, work)
    names = list(reports)
    print(f"{'figure':24}" + "".join(f"{n[:14]:>15}" for n in names) + f"{'mean':>9}")
    for key in FIGURES:
        values = [reports[n].get(key) for n in names]
        known = [v for v in values if isinstance(v, (int, float))]
        cells = "".join(f"{v:>15.3f}" if isinstance(v, (int, float)) else f"{'-':>15}" for v in values)
        mean = f"{sum(known) / len(known):>9.3f}" if known else f"{'-':>9}"
        print(f"{key:24}{cells}{mean}")
    for name in names:
        r = reports[name]
        print(f"\n{name}: {r['gold_claims']} gold claims; unmatched {r['unmatched']}; wrong source "
              f"{r['wrong_source']}; wrong stance {r['wrong_stance']}")
        if r["false_figures"]:
            print(f"  false figures: {r['false_figures']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
