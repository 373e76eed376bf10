"""Train the learned attribution taggers shipped in src/claimledger/extract/*.crfsuite.

Recipe (reproducible; CPU only, about eight minutes on two cores):

    cd /work/main
    .venv/bin/pip install python-crfsuite==0.9.12
    .venv/bin/python training/train_attribution.py --split ../shared/benchmarks/polnear/train

It parses every text of the PolNeAR *training* split with claimledger's own spaCy pipeline
(``claimledger.parse.load_model``), reads the first annotator's .ann file of each article (the one
the scorer uses), and trains two linear-chain CRFs with L-BFGS (fixed settings below, so a rerun
gives the same models):

0. token clusters: k-means (fixed seed, plain numpy) over the contextual vectors (``doc.tensor``) of a
   sample of the training tokens, at 64, 256 and 1,024 clusters, saved as ``token_clusters.npz``
   beside the taggers; the span tagger reads each token's cluster ids as features;
1. cue tagger: per sentence, B/I/O labels of cue tokens, features from ``cue_features.cue_features``;
2. span tagger: per gold cue, a window of tokens around it (``learned.span_window``) labelled
   B-S/I-S (source), B-C/I-C (content) or O, features from ``cue_features.span_features``.

The shipped models are trained on the whole training split (no ``--holdout``). The regularisation
(c1/c2 below), the features and the decision thresholds in ``extract.learned`` / ``extract.combine``
were chosen with ``--holdout 7``.

``--span-only`` retrains only the span tagger, against the clusters already in ``--out`` if any (the cue
tagger's features are untouched, so its model stays; the span tagger takes under three minutes, the cue
tagger most of the time).

``--holdout N`` keeps every N-th article (by sorted name) out of training and prints cue and span
token scores on it, for tuning without ever touching the dev split. ``--out`` chooses where the
models go (default: the package folder). The dev split is never read.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pycrfsuite
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.cue_features import CLUSTER_SIZES, CLUSTERS, TokenTable, cue_features, nearest, span_features
from claimledger.extract.learned import CUE_MODEL, SPAN_MODEL, span_window
from claimledger.extract.quotes import find_quotes
from claimledger.model import Article
from claimledger.parse import load_model

ROLES = ("source", "cue", "content")
CLUSTER_SAMPLE = 150_000  # tokens the k-means sees
CLUSTER_ITERATIONS = 25
CUE_PARAMS = {"c1": 2.0, "c2": 0.001, "max_iterations": 200, "feature.possible_transitions": True}
SPAN_PARAMS = {"c1": 0.8, "c2": 0.005, "max_iterations": 200, "feature.possible_transitions": True}


def parse_ann(path: Path) -> list[dict]:
    """Relations of one brat .ann file: role -> list of (start, end)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
            except ValueError:
                continue  # a span text running over a line break
        elif line.startswith("E") and len(parts) >= 2:
            rel: dict[str, list[tuple[int, int]]] = {role: [] for role in ROLES}
            for arg in parts[1].split()[1:]:
                role, _, tid = arg.partition(":")
                if role.lower() in rel and tid in spans:
                    rel[role.lower()].extend(spans[tid])
            if rel["cue"] and rel["content"]:
                relations.append(rel)
    return relations


def load_split(split: Path) -> list[tuple[str, str, list[dict]]]:
    """(name, text, relations) per article, first annotator's file as in the scorer."""
    by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((split / "attributions").glob("*.ann")):
        by_article[re.sub(r"_[^_]+$", "", ann.stem)].append(ann)
    out = []
    for name, anns in sorted(by_article.items()):
        text_path = split / "text" / f"{name}.txt"
        if text_path.exists():
            out.append((name, text_path.read_text(encoding="utf-8"), parse_ann(anns[0])))
    return out


def token_set(doc: Doc, spans: list[tuple[int, int]]) -> list[int]:
    out = []
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.extend(t.i for t in span if not t.is_space)
    return sorted(set(out))


def bio(indices: list[int], start: int, end: int, labels: list[str], kind: str) -> None:
    prev = None
    for i in indices:
        if start <= i < end:
            labels[i - start] = f"I-{kind}" if prev == i - 1 else f"B-{kind}"
        prev = i


def fit_clusters(docs: list[Doc], path: Path, seed: int = 0) -> None:
    """k-means over a sample of the docs' token vectors, one table per size in CLUSTER_SIZES, saved
    with the sample's mean and spread (vectors are standardised before the distance)."""
    vectors = np.vstack([d.tensor for d in docs if len(d)]).astype(np.float32)
    rng = np.random.default_rng(seed)
    sample = vectors[rng.choice(len(vectors), min(CLUSTER_SAMPLE, len(vectors)), replace=False)]
    mu, sd = sample.mean(axis=0), sample.std(axis=0) + 1e-6
    sample = (sample - mu) / sd
    tables = {}
    for k in CLUSTER_SIZES:
        centroids = sample[rng.choice(len(sample), k, replace=False)].copy()
        for _ in range(CLUSTER_ITERATIONS):
            assigned = nearest(sample, centroids)
            sums = np.zeros_like(centroids)
            np.add.at(sums, assigned, sample)
            counts = np.bincount(assigned, minlength=k)
            empty = counts == 0
            centroids[~empty] = sums[~empty] / counts[~empty, None]
            centroids[empty] = sample[rng.choice(len(sample), int(empty.sum()), replace=False)]
        tables[f"c{k}"] = centroids.astype(np.float16)
    np.savez_compressed(path, mu=mu.astype(np.float32), sd=sd.astype(np.float32), **tables)


def examples(doc: Doc, relations: list[dict], clusters: Path = CLUSTERS) -> tuple[list, list]:
    """Cue-tagger and span-tagger training sequences of one article."""
    table = TokenTable(doc, find_quotes(doc.text), clusters)
    cue_tokens: dict[int, str] = {}
    span_seqs = []
    for rel in relations:
        cue = token_set(doc, rel["cue"])
        if not cue:
            continue
        for k, i in enumerate(cue):
            cue_tokens.setdefault(i, "B" if k == 0 or cue[k - 1] != i - 1 else "I")
        window = span_window(table, cue)
        labels = ["O"] * (window[1] - window[0])
        bio(token_set(doc, rel["content"]), *window, labels, "C")
        bio(token_set(doc, rel["source"]), *window, labels, "S")
        for i in cue:
            if window[0] <= i < window[1]:
                labels[i - window[0]] = "O"
        span_seqs.append((span_features(table, window, cue), labels))
    cue_seqs = []
    for sent in doc.sents:
        if len(sent) < 2:
            continue
        cue_seqs.append((cue_features(table, sent.start, sent.end), [cue_tokens.get(t.i, "O") for t in sent]))
    return cue_seqs, span_seqs


def train(seqs: list, path: Path, params: dict) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in seqs:
        trainer.append(xseq, yseq)
    trainer.set_params(params)
    trainer.train(str(path))


def token_scores(tagger_path: Path, seqs: list) -> dict[str, float]:
    """Token-level F1 per label class on held-out sequences."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tagger_path))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for xseq, yseq in seqs:
        for p, g in zip(tagger.tag(xseq), yseq, strict=True):
            p, g = p[-1], g[-1]
            if g != "O" and p == g:
                counts[g][0] += 1
            if p != "O":
                counts[p][1] += 1
            if g != "O":
                counts[g][2] += 1
    out = {}
    for lab, (tp, npred, ngold) in sorted(counts.items()):
        prec, rec = tp / npred if npred else 0.0, tp / ngold if ngold else 0.0
        out[lab] = round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0
    return out


def parsed(nlp: Language, texts: list[str], cache: Path | None) -> list[Doc]:
    """The parsed texts, read from or written to a cache when one is named (serialised whole Docs:
    a DocBin would drop the token vectors the clusters need)."""
    # read as the pipeline reads an article (no-break spaces made plain), so features match at run time
    texts = [Article(text=t).analysis_text() for t in texts]
    if cache is not None and cache.exists():
        docs = [Doc(nlp.vocab).from_bytes(b) for b in pickle.loads(cache.read_bytes())]
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        cache.write_bytes(pickle.dumps([d.to_bytes() for d in docs]))
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", type=Path, required=True, help="PolNeAR training split (text/, attributions/)")
    ap.add_argument("--holdout", type=int, default=0, help="keep every N-th article out and score on it")
    ap.add_argument("--out", type=Path, default=None, help="folder for the two .crfsuite files and the clusters")
    ap.add_argument("--cache", type=Path, default=None, help="file of the parsed split, made if missing")
    ap.add_argument("--span-only", action="store_true", help="retrain only the span tagger")
    args = ap.parse_args(argv)
    if "dev" in args.split.name:
        print("refusing to train on a dev split", file=sys.stderr)
        return 2
    nlp = load_model()
    articles = load_split(args.split)
    t0 = time.time()
    train_cue, train_span, held_cue, held_span = [], [], [], []
    docs = parsed(nlp, [text for _, text, _ in articles], args.cache)
    out = args.out or CUE_MODEL.parent
    out.mkdir(parents=True, exist_ok=True)
    clusters = out / CLUSTERS.name
    if not args.span_only or not clusters.exists():
        fit_clusters([d for k, d in enumerate(docs) if not (args.holdout and k % args.holdout == 0)], clusters)
    for k, ((_name, _text, relations), doc) in enumerate(zip(articles, docs, strict=True)):
        cue_seqs, span_seqs = examples(doc, relations, clusters)
        if args.holdout and k % args.holdout == 0:
            held_cue += cue_seqs
            held_span += span_seqs
        else:
            train_cue += cue_seqs
            train_span += span_seqs
    print(f"parsed {len(articles)} articles in {time.time() - t0:.0f}s; "
          f"{len(train_cue)} cue and {len(train_span)} span sequences")
    cue_path, span_path = out / CUE_MODEL.name, out / SPAN_MODEL.name
    t0 = time.time()
    if not args.span_only:
        train(train_cue, cue_path, CUE_PARAMS)
        print(f"cue tagger trained in {time.time() - t0:.0f}s")
    t0 = time.time()
    train(train_span, span_path, SPAN_PARAMS)
    print(f"span tagger trained in {time.time() - t0:.0f}s")
    if args.holdout and cue_path.exists():
        print("held-out cue token F1", token_scores(cue_path, held_cue))
        print("held-out span token F1", token_scores(span_path, held_span))
    return 0


if __name__ == "__main__":
    sys.exit(main())
