#!/usr/bin/env python3
"""Extraction cost against article length: 10x the text should cost about 10x the time, not 100x.

    .venv/bin/python benchmarks/long_article.py [--sentences 150] [--factor 10]

Builds one article of ``--sentences`` attributed sentences with figures and dates (varied speakers,
numbers and places, a paragraph break every few sentences) and one ``--factor`` times as long, parses
both once, then times the extract stage (attribution, figures, dates, stance) on each in the same run
and prints the time ratio. A ratio far above the length factor means some step rescans the whole
document for each claim (reading ``Doc.text`` or ``doc.ents`` per claim did exactly that).
"""

from __future__ import annotations

import argparse
import random
import time

SPEAKERS = ["The harbour master", "Officials in Dorn", "A spokeswoman for the port", "Residents",
            "The coast guard", "Mayor Ilse Varn", "Two inspectors", "The ferry company"]
VERBS = ["said", "told reporters", "estimated", "claimed", "denied"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def article(n: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        who, verb = rng.choice(SPEAKERS), rng.choice(VERBS)
        count, place = rng.randint(2, 9000), f"Pier {rng.randint(1, 60)}"
        day = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2024"
        if verb == "denied":
            out.append(f"{who} denied that about {count:,} tonnes of fuel had leaked at {place} on {day}.")
        else:
            out.append(f"{who} {verb} that up to {count:,} passengers were stranded at {place} on {day}.")
        if i % 6 == 5:
            out.append("\n\n")
    return " ".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=150)
    ap.add_argument("--factor", type=int, default=10)
    args = ap.parse_args()

    from claimledger.extract import extract
    from claimledger.model import Article
    from claimledger.parse import load_model, parse_text

    nlp = load_model()
    times = {}
    for n in (args.sentences, args.sentences * args.factor):
        text = article(n)
        doc_article = Article(text=text, path=f"long-{n}.txt")
        doc = parse_text(doc_article.analysis_text(), nlp)
        started = time.perf_counter()
        claims = extract(doc_article, doc)
        times[n] = time.perf_counter() - started
        print(f"{n:>6} sentences  {len(text):>9,} characters  {len(claims):>6} claims  extract {times[n]:7.2f}s")
    small, large = args.sentences, args.sentences * args.factor
    print(f"ratio {times[large] / times[small]:.1f}x for {args.factor}x the text (near {args.factor}x: linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
