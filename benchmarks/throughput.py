#!/usr/bin/env python3
"""Throughput of `claimledger analyze` against spaCy's own `nlp.pipe`, in one run.

    .venv/bin/python benchmarks/throughput.py [--articles 200] [--corpus DIR]

Builds N articles from a corpus (the seed corpus in ../shared when present, else the bundled demo
corpus), each made unique with a numbered last line so the ledger's content hash does not skip
repeats. Times, in the same process and on the same texts and model:
  baseline  nlp.pipe(texts)                       (spaCy alone, one process)
  analyze   the full pipeline into a fresh ledger (ingest, parse + extract on 2 workers, store, link)
and prints the ratio analyze / baseline (lower is better; machines are noisy, the ratio is what counts).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts(corpus: Path | None) -> list[str]:
    seeds = ROOT.parent / "shared" / "corpus" / "dprk-russia-seeds"
    candidates = [corpus] if corpus else [seeds, ROOT / "examples" / "demo"]
    for folder in candidates:
        if folder and folder.is_dir():
            files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
            if files:
                return [p.read_text(encoding="utf-8") for p in files]
    sys.exit("no corpus found: pass --corpus DIR with .txt files")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    from claimledger.parse import load_model
    from claimledger.pipeline import run

    base = corpus_texts(args.corpus)
    texts = [f"{base[i % len(base)]}\n\n(copy {i})\n" for i in range(args.articles)]
    tmp = Path(tempfile.mkdtemp(prefix="claimledger-bench-"))
    try:
        folder = tmp / "articles"
        folder.mkdir()
        for i, t in enumerate(texts):
            (folder / f"{i:04d}.txt").write_text(t, encoding="utf-8")
        nlp = load_model()
        nlp("warm up")

        t0 = time.perf_counter()
        n_tokens = sum(len(doc) for doc in nlp.pipe(texts))
        baseline = time.perf_counter() - t0

        t0 = time.perf_counter()
        result = run([str(folder)], tmp / "ledger.db", workers=args.workers)
        analyze = time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"articles            {args.articles} ({n_tokens} tokens), model {nlp.meta['name']}")
    print(f"baseline nlp.pipe   {baseline:.2f} s  ({args.articles / baseline:.1f} articles/s)")
    print(f"claimledger analyze {analyze:.2f} s  ({args.articles / analyze:.1f} articles/s, "
          f"{args.workers} workers, {result.claims_added} claims)")
    print(f"ratio analyze/pipe  {analyze / baseline:.2f}")
    return 0 if len(result.added) == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())
