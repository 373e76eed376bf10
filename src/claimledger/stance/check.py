"""``claimledger check``: which claims of a ledger bear on a claim, and do they support or deny it.

Relevance is general: IDF-weighted coverage of the checked claim's content words by the ledger claim's
content (IDF over the ledger itself, so words every claim shares count little), blended with the
cosine of sentence embeddings when ``claimledger.embed`` is installed (it finds paraphrases such as
"soldiers" for "troops"). The stance toward the checked claim combines the classifier's reading of the
claim's content with the source's own stance recorded in the ledger:

* the source denies its content        -> ``denies``  ("the Kremlin denied that troops were sent")
* the source hedges                    -> ``reports`` ("it is too early to say whether ...")
* the source asserts                   -> ``denies`` if the content itself negates or refutes the checked
                                          claim ("no troops were sent"), else ``supports``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from claimledger.model import Article, Claim
from claimledger.stance.features import content_stems
from claimledger.stance.model import default_model, get_embedder

MIN_RELEVANCE = 0.35
LEXICAL_WEIGHT = 0.5  # share of the lexical score when embeddings are available
MIN_PREFIX = 5  # "korea" / "korean", "russia" / "russian": a shared prefix this long counts as one word


# "dismissed the report", "denied the allegations", "called it fake news": the content only points at
# what the article is about
_ANAPHORIC = re.compile(r"^\W*(?:(?:the|this|that|these|those|such)\s+(?:\w+\s+)?(?:reports?|claims?|allegations?|"
                        r"accusations?|stor(?:y|ies)|information|news|account|assertions?|suggestions?)|it|this)"
                        r"\b", re.IGNORECASE)


def claim_text(claim: Claim, document: Article | None = None) -> str:
    """What a ledger claim says: its content (or sentence when empty).

    A content that only points back ("the report as fake news", "This seems like fake news") is read
    with what it points to: the article's headline and the sentence before the claim's.
    """
    text = (claim.content or "").strip() or claim.sentence
    if document is not None and _ANAPHORIC.match(re.sub(r"^\W*that\s+", "", text, flags=re.IGNORECASE)):
        analysed = document.analysis_text()
        before = analysed[max(0, claim.sentence_span[0] - 400):claim.sentence_span[0]].strip()
        previous = re.split(r"(?<=[.!?\u201d])\s+", before)[-1] if before else ""
        text = " ".join(p for p in (text, document.title or "", previous) if p)
    return text


def _matches(word: str, others: set[str]) -> bool:
    if word in others:
        return True
    if len(word) < MIN_PREFIX:
        return False
    return any(len(o) >= MIN_PREFIX and (o.startswith(word) or word.startswith(o)) for o in others)


def lexical_relevance(query: set[str], candidates: Sequence[set[str]]) -> list[float]:
    """IDF-weighted share of ``query`` words found in each candidate (IDF over the candidates)."""
    df = Counter(w for stems in candidates for w in stems)
    n = len(candidates)

    def idf(word: str) -> float:
        return math.log((n + 1) / (df.get(word, 0) + 1)) + 1.0

    total = sum(idf(w) for w in query)
    if not total:
        return [0.0] * n
    return [sum(idf(w) for w in query if _matches(w, stems)) / total for stems in candidates]


def relevance(claim_text_: str, texts: Sequence[str], embedder: Any | None = None) -> list[float]:
    """Relevance in [0, 1] of each of ``texts`` to ``claim_text_``."""
    if not texts:
        return []
    lexical = lexical_relevance(content_stems(claim_text_), [content_stems(t) for t in texts])
    if embedder is None:
        return lexical
    vectors = np.asarray(embedder.encode([claim_text_, *texts]), dtype=np.float32)
    cosines = np.clip(vectors[1:] @ vectors[0], 0.0, 1.0)
    return [LEXICAL_WEIGHT * lex + (1 - LEXICAL_WEIGHT) * float(cos) for lex, cos in zip(lexical, cosines,
                                                                                          strict=True)]


_NEGATOR = re.compile(r"\b(?:no|not|never|neither|nor|none|nobody|n't)\b|n't\b", re.IGNORECASE)


def negates_claim(query: set[str], text: str) -> bool:
    """A negator within three words before one of the checked claim's words ("no troops were sent")."""
    words = re.findall(r"[\w']+", text.lower())
    stems = [content_stems(w) for w in words]
    for i, w in enumerate(words):
        if (_NEGATOR.fullmatch(w) or w.endswith("n't")) and any(
                _matches(x, query) for st in stems[i + 1:i + 4] for x in st):
            return True
    return False


def stance_toward(own_stance: str, content_stance: str, negated: bool = True) -> str:
    """Combine the source's own stance with the classifier's reading of its content.

    An asserted content reads as a denial only when the classifier says so and a negator actually
    bears on the checked claim's words; "there is no doubt that ..." supports.
    """
    if own_stance == "denies":
        return "denies"
    if own_stance == "hedges":
        return "reports"
    return "denies" if content_stance == "denies" and negated else "supports"


def check(claim_text_: str, claims: list[Claim], min_relevance: float = MIN_RELEVANCE,
          use_embeddings: bool = True, documents: dict[str, Article] | None = None) -> list[tuple[Claim, str, float]]:
    """Claims relevant to ``claim_text_``, each with its stance toward it and a relevance score.

    Returns ``(claim, stance, relevance)`` with stance ``supports``, ``denies`` or ``reports``, most
    relevant first; claims under ``min_relevance`` are left out.
    """
    if not claims or not claim_text_.strip():
        return []
    embedder = get_embedder() if use_embeddings else None
    docs = documents or {}
    texts = [claim_text(c, docs.get(c.document_id)) for c in claims]
    scores = relevance(claim_text_, texts, embedder)
    keep = [i for i, score in enumerate(scores) if score >= min_relevance]
    if not keep:
        return []
    content_stances = default_model().predict([(claim_text_, texts[i]) for i in keep], embedder)
    query = content_stems(claim_text_)
    results = [(claims[i], stance_toward(claims[i].stance, label, negates_claim(query, texts[i])), round(scores[i], 4))
               for i, label in zip(keep, content_stances, strict=True)]
    results.sort(key=lambda r: -r[2])
    return results
