"""Echoes: reprints of one wire story, and one claim carried by several outlets, counted once.

Two levels:
- documents: a MinHash of each article's word 5-shingles, looked up in an LSH index, finds
  near-duplicate texts (a wire story reprinted with a new headline, a trimmed ending, a byline). The
  earliest published copy is the origin; the others are its echoes (``Article.echo_of``).
- claims: within a proposition, claims by the same source saying the same thing (same stance, same
  figures) are one origin with several carriers: the Kremlin's denial quoted by five outlets is one
  denial. A named source (a person or organisation) is the same source in any outlet; an unnamed one
  ("a military source") is the same only through the same relay or the same wire story.
"""

from __future__ import annotations

import re
import struct
from collections import defaultdict

import numpy as np
from datasketch import MinHash, MinHashLSH

from claimledger.model import Article, Claim

NUM_PERM = 64
SCHEME = "affine32"  # stored signatures must be read back with the scheme that made them
SHINGLE = 5
LSH_THRESHOLD = 0.3  # candidates only; the decision is on containment below
CONTAINMENT = 0.75  # share of the shorter text's shingles found in the longer one: a reprint
MIN_SHINGLES = 30  # shorter texts are too short to call a reprint
WORD = re.compile(r"\w+")
NAMED_KINDS = ("person", "org", "outlet")


def shingles(text: str) -> set[bytes]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(max(len(words) - SHINGLE + 1, 0))}


def signature(text: str) -> bytes:
    """Shingle count + MinHash values, as stored in ``document_signatures``."""
    grams = shingles(text)
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(grams))
    return struct.pack("<q", len(grams)) + mh.hashvalues.astype(np.uint64).tobytes()


def _unpack(blob: bytes) -> tuple[int, MinHash]:
    (count,) = struct.unpack("<q", blob[:8])
    return count, MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(blob[8:], dtype=np.uint64),
                          scheme=SCHEME)


def containment(a: bytes, b: bytes) -> float:
    """Estimated share of the shorter document's shingles that the other one holds."""
    (na, ma), (nb, mb) = _unpack(a), _unpack(b)
    if min(na, nb) == 0:
        return 0.0
    j = ma.jaccard(mb)
    shared = j / (1 + j) * (na + nb)
    return min(shared / min(na, nb), 1.0)


def find_echoes(new: list[Article], stored: dict[str, bytes], published: dict[str, str | None]
                ) -> dict[str, tuple[bytes, str | None]]:
    """For each new document: its signature and the earlier document it reprints (None if original).

    ``stored`` holds the signatures already in the ledger; ``published`` the dates of every document
    (new ones too) so the earliest copy of a story is its origin whichever was analysed first.
    """
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    sigs = dict(stored)
    for doc_id, blob in stored.items():
        lsh.insert(doc_id, _unpack(blob)[1])
    out: dict[str, tuple[bytes, str | None]] = {}
    order = sorted(new, key=lambda d: (published.get(d.id) or "9999", d.path or "", d.id))
    for doc in order:
        blob = signature(doc.analysis_text())
        count, mh = _unpack(blob)
        match = None
        if count >= MIN_SHINGLES:
            hits = [h for h in lsh.query(mh) if containment(blob, sigs[h]) >= CONTAINMENT]
            if hits:
                match = min(hits, key=lambda h: (published.get(h) or "9999", h))
        if doc.id not in sigs:
            lsh.insert(doc.id, mh)
        sigs[doc.id] = blob
        out[doc.id] = (blob, match)
    return out


def claim_origins(claims: list[Claim], documents: dict[str, Article], canonical: dict[str, str] | None = None
                  ) -> dict[str, str]:
    """Claim id -> the id of the first claim of its origin (claims of one proposition, or several).

    ``canonical`` maps a claim id to its source's canonical party name, when the link stage has one.
    """
    canonical = canonical or {}
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        buckets[_origin_key(c, documents, canonical)].append(c)
    out: dict[str, str] = {}
    for members in buckets.values():
        first = min(members, key=lambda c: _reading_order(c, documents))
        for c in members:
            out[c.id] = first.id
    return out


def _origin_key(c: Claim, documents: dict[str, Article], canonical: dict[str, str]) -> tuple:
    doc = documents.get(c.document_id)
    story = (doc.echo_of or doc.id) if doc else c.document_id
    src = c.source
    if src is not None and (src.kind in NAMED_KINDS) and (src.entity or "").strip():
        who: tuple = ("named", (canonical.get(c.id) or src.entity or "").lower())
    elif src is not None:
        # unnamed ("officials", "a military source"): one origin only through the same relay or story
        relay = (c.via[-1].entity or c.via[-1].text) if c.via else None
        who = ("unnamed", " ".join(src.text.lower().split()), (relay or "").lower() or story)
    else:
        who = ("outlet", story)  # the outlet's own reporting: shared only by reprints of the story
    figures = tuple(sorted((f.kind, f.value, f.low, f.high, (f.unit or "").lower()) for f in c.figures
                           if f.value is not None or f.low is not None))
    return (c.proposition_id, who, c.stance, figures)


def _reading_order(c: Claim, documents: dict[str, Article]) -> tuple:
    doc = documents.get(c.document_id)
    return (c.claim_date or (doc.published if doc else None) or "9999", (doc.published if doc else None) or "9999",
            (doc.path if doc else None) or "", c.sentence_span[0])
