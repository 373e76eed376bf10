#!/usr/bin/env python3
"""How proposition grouping scales: 10x the claims should cost about 10x the time, not 100x.

    .venv/bin/python benchmarks/grouping_scale.py [--small 10000] [--large 100000] [--model]

Generates synthetic claims (varied sentences about many made-up topics, some with figures), then
times ``group_claims`` on ``--small`` and on ``--large`` of them in the same run and prints the time
ratio (target: at most 12x for 10x the claims) and the process's peak memory after the large run,
then how many of the true 24 nearest neighbours (exact scan) of 300 sampled claims of the large run
the approximate index found.
Vectors come from the lexical stand-in by default so that the run takes minutes; ``--model`` uses the
sentence model (its encoding is linear in the claims; expect ~100-200 claims/s on 2 cores). The model's
encoding rate on a sample is printed either way.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

SYLLABLES = "ka lo mi ra se tu van bor del fin gar hel jon kip lum nor pes quin rov sal tev ulm wex yor zan".split()
VERBS = ["sent", "moved", "delivered", "shipped", "withdrew", "deployed", "sold", "bought", "seized", "lost"]
UNITS = ["soldiers", "workers", "tonnes of grain", "drones", "dollars", "refugees", "vehicles", "shells"]
TEMPLATES = [
    "{subject} {verb} {n} {unit} to {place} last {day}",
    "as many as {n} {unit} were {verb} by {subject} to {place}",
    "{subject} has not {verb} any {unit} to {place}, officials in {place} said",
    "reports that {subject} {verb} {unit} to {place} are fake",
    "the {object} of {subject} near {place} was {verb} on {day}",
    "{subject} plans to build a new {object} in {place} by next year",
    "talks between {subject} and {place} over the {object} have stalled",
    "about {n} {unit} linked to {subject} are now in {place}",
]
DAYS = ["Monday", "Tuesday", "week", "month", "Friday", "spring"]


def pseudo_word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def synthetic_claims(n: int, seed: int = 7) -> list:
    """``n`` claims over about ``n / 5`` topics, each topic a made-up subject, place and object."""
    from claimledger.model import Claim, Figure

    rng = random.Random(seed)
    topics = [(f"{pseudo_word(rng, 2).title()} {pseudo_word(rng, 3).title()}",
               f"{pseudo_word(rng, 2).title()} {pseudo_word(rng, 2).title()}", pseudo_word(rng, 3),
               rng.choice(VERBS), rng.choice(UNITS)) for _ in range(max(1, n // 5))]
    claims = []
    for i in range(n):
        subject, place, obj, verb, unit = rng.choice(topics)
        number = rng.choice([500, 1500, 3000, 8000, 10000, 12000]) * rng.choice([1, 2, 3])
        text = rng.choice(TEMPLATES).format(subject=subject, verb=verb, n=f"{number:,}", unit=unit, place=place,
                                            object=obj, day=rng.choice(DAYS))
        figures = [Figure(float(number), "exact", unit, f"{number:,}")] if f"{number:,}" in text else []
        claims.append(Claim(document_id=f"doc{i // 8}", sentence=text, sentence_span=(i % 8 * 100, i % 8 * 100 + 90),
                            content=text, source=None, cue="said", figures=figures, id=f"c{i}"))
    return claims


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--model", action="store_true", help="embed with the sentence model (slow at 100k)")
    args = ap.parse_args()

    from claimledger.embed import LexicalEmbedder, load_embedder
    from claimledger.link.propositions import group_claims

    sample = [c.content for c in synthetic_claims(500, seed=1)]
    model = load_embedder()
    if model.kind == "model":
        model.encode(sample[:8])
        t0 = time.perf_counter()
        model.encode(sample)
        print(f"sentence model encodes {len(sample) / (time.perf_counter() - t0):.0f} claims/s")
    embedder = model if args.model else LexicalEmbedder()

    times = {}
    for n in (args.small, args.large):
        claims = synthetic_claims(n)
        t0 = time.perf_counter()
        assignment, props = group_claims(claims, {}, embedder=embedder)
        times[n] = time.perf_counter() - t0
        print(f"{n:>7} claims  {len(props):>6} propositions  {times[n]:7.1f}s  ({embedder.kind} vectors)")
    ratio = times[args.large] / times[args.small]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    print(f"time ratio {args.large // args.small}x claims: {ratio:.1f}x (target <= 12x)")
    print(f"peak memory (whole process, after {args.large} claims): {peak_mb:.0f} MB")
    print(f"neighbour recall of the index against an exact scan: {neighbour_recall(claims, embedder):.3f}")
    return 0 if ratio <= 12 * args.large / args.small / 10 else 1


def neighbour_recall(claims: list, embedder, sample: int = 300, k: int = 24) -> float:
    """Share of the exact ``k`` nearest neighbours of ``sample`` claims that the approximate search finds."""
    import numpy as np

    from claimledger.link.neighbours import NeighbourIndex
    from claimledger.link.propositions import claim_texts

    vectors = np.asarray(embedder.encode(claim_texts(claims, claims)), dtype=np.float32)
    rows = random.Random(3).sample(range(len(claims)), sample)
    index = NeighbourIndex(vectors)
    exact = {(r, j) for _, r, j in index.search(rows, k, exact=True)}
    approx = {(r, j) for _, r, j in index.search(rows, k, exact=False)}
    return len(exact & approx) / len(exact)


if __name__ == "__main__":
    sys.exit(main())
