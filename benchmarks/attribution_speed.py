#!/usr/bin/env python3
"""Cost of the attribution stage against the spaCy parse of the same articles, in one run.

    .venv/bin/python benchmarks/attribution_speed.py [--articles 84] [--corpus DIR]

Reads N .txt articles (PolNeAR dev texts in ../shared when present, else examples/demo), then times
in one process on one core:
  parse        nlp.pipe(texts)
  attribution  find_attributions(doc) on every parsed doc (rules + learned taggers)
  extract      the whole extract stage (attribution, figures, dates, stance)
and prints (parse + attribution) / parse, the figure issue #3 bounds at 1.30.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_paths(corpus: Path | None) -> list[Path]:
    dev = ROOT.parent / "shared" / "benchmarks" / "polnear" / "dev" / "text"
    for folder in [corpus] if corpus else [dev, ROOT / "examples" / "demo"]:
        if folder and folder.is_dir():
            files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
            if files:
                return files
    sys.exit("no corpus found: pass --corpus DIR with .txt files")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=84)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="best of this many timings of each stage")
    args = ap.parse_args()

    from claimledger.extract import extract
    from claimledger.extract.attribution import find_attributions
    from claimledger.extract.learned import available
    from claimledger.model import Article
    from claimledger.parse import load_model

    paths = corpus_paths(args.corpus)
    texts = [paths[i % len(paths)].read_text(encoding="utf-8") for i in range(args.articles)]
    nlp = load_model()
    nlp("warm up")
    find_attributions(nlp("The minister said the talks would resume."))  # loads the taggers

    def best(fn) -> float:
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    docs = list(nlp.pipe(texts))
    parse = best(lambda: list(nlp.pipe(texts)))
    attribution = best(lambda: [find_attributions(d) for d in docs])
    articles = [Article(text=t) for t in texts]
    whole = best(lambda: [extract(a, d) for a, d in zip(articles, docs, strict=True)])
    n_tokens = sum(len(d) for d in docs)
    print(f"articles     {len(texts)} ({n_tokens} tokens), model {nlp.meta['name']}, "
          f"learned taggers {'on' if available() else 'OFF'}")
    print(f"parse        {parse:.2f} s")
    print(f"attribution  {attribution:.2f} s")
    print(f"extract      {whole:.2f} s (attribution, figures, dates, stance)")
    print(f"ratio (parse + attribution) / parse  {(parse + attribution) / parse:.3f}")
    print(f"ratio (parse + extract) / parse      {(parse + whole) / parse:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
