"""Learned attribution spans: a CRF cue tagger, then a CRF that marks each cue's source and content.

Both models are trained on PolNeAR's training split by ``training/train_attribution.py`` and ship in
this folder (``cue_tagger.crfsuite``, ``span_tagger.crfsuite``). They load offline on CPU through
python-crfsuite. The rules in ``attribution`` still decide who a source IS (pronouns, relays); this
module only says where the spans are.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from claimledger.extract.cue_features import TokenTable, cue_features, span_features
from claimledger.model import Span as CharSpan

MODEL_DIR = Path(__file__).parent
CUE_MODEL = MODEL_DIR / "cue_tagger.crfsuite"
SPAN_MODEL = MODEL_DIR / "span_tagger.crfsuite"
FALLBACK_CONTENT_P = 0.2
# a word the cue tagger gives this marginal probability starts a cue even off its best path (recall: the
# long tail of PolNeAR cues); such a cue stands alone, without a rule relation, only from ALONE_P.
# Chosen on a held-out seventh of PolNeAR train.
CUE_P = 0.3
ALONE_P = 0.4


@dataclass
class SpanGuess:
    """One learned relation: token indices of cue, source and content (content may be discontinuous)."""

    cue: list[int]
    source: list[int]
    content: list[list[int]]
    sentence: CharSpan  # the cue's sentence
    cue_p: float = 1.0  # the cue tagger's confidence: its highest marginal over the cue's tokens
    viterbi: bool = True  # on the tagger's best path (not only above the marginal threshold)


@functools.cache
def _taggers() -> tuple[object, object] | None:
    try:
        import pycrfsuite
    except ImportError:
        return None
    if not (CUE_MODEL.exists() and SPAN_MODEL.exists()):
        return None
    cue, span = pycrfsuite.Tagger(), pycrfsuite.Tagger()
    cue.open(str(CUE_MODEL))
    span.open(str(SPAN_MODEL))
    return cue, span


def available() -> bool:
    """True when python-crfsuite and both shipped models are there."""
    return _taggers() is not None


def cue_runs(labels: list[str], offset: int) -> list[list[int]]:
    """Token runs of B-/I- cue labels (an I without a B starts a run too)."""
    runs: list[list[int]] = []
    prev = "O"
    for k, lab in enumerate(labels):
        if lab == "B" or (lab == "I" and prev == "O"):
            runs.append([offset + k])
        elif lab == "I":
            runs[-1].append(offset + k)
        prev = lab
    return runs


def span_window(table: TokenTable, cue: list[int]) -> tuple[int, int]:
    """The tokens a cue's source and content may lie in: its sentence and one either side, within the
    paragraph, stretched so every quote touching them is whole."""
    doc, text, qmask = table.doc, table.text, table.qmask
    start, end = table.sent_start[cue[0]], table.sent_end[cue[0]]
    if start > 0:
        prev = table.sent_start[start - 1]
        if "\n" not in text[doc[prev].idx:doc[start].idx]:
            start = prev
    if end < len(doc):
        nxt = table.sent_end[end]
        if "\n" not in text[doc[end - 1].idx:doc[nxt - 1].idx]:
            end = nxt
    # whole quotes
    while start > 0 and qmask[start] and qmask[start - 1] == qmask[start]:
        start -= 1
    while end < len(doc) and qmask[end - 1] and qmask[end] == qmask[end - 1]:
        end += 1
    return start, end


def runs_of(labels: list[str], offset: int, kind: str) -> list[list[int]]:
    """Token runs labelled B-kind / I-kind."""
    runs: list[list[int]] = []
    prev = "O"
    for k, lab in enumerate(labels):
        if lab == f"B-{kind}" or (lab == f"I-{kind}" and prev not in (f"B-{kind}", f"I-{kind}")):
            runs.append([offset + k])
        elif lab == f"I-{kind}":
            runs[-1].append(offset + k)
        prev = lab
    return runs


def guess_relations(doc: Doc, quotes: list[CharSpan]) -> list[SpanGuess]:
    """Cue, source and content tokens of every attribution the learned models find."""
    taggers = _taggers()
    if taggers is None:
        return []
    cue_tagger, span_tagger = taggers
    table = TokenTable(doc, quotes)
    out: list[SpanGuess] = []
    for start, end in table.sents:
        if end - start < 2:
            continue
        labels, best, probs = cue_labels(cue_tagger, cue_features(table, start, end))
        for cue in cue_runs(labels, start):
            cue_p = max(probs[i - start] for i in cue)
            on_path = any(best[i - start] != "O" for i in cue)
            window = span_window(table, cue)
            tags = span_tagger.tag(span_features(table, window, cue))
            sources = runs_of(tags, window[0], "S")
            content = runs_of(tags, window[0], "C")
            if not content:
                content = _likely(span_tagger, window[0], len(tags), "C", FALLBACK_CONTENT_P)
            if not content:
                continue
            sentence = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
            source = _nearest(sources, cue)
            if len(source) > 1 and doc[source[0]].dep_ == "agent":
                source = source[1:]  # "declared dead by doctors": the doctors, not "by"
            out.append(SpanGuess(cue=cue, source=source, content=content, sentence=sentence,
                                 cue_p=cue_p, viterbi=on_path))
    return out


def cue_labels(tagger: object, features: list[list[str]]) -> tuple[list[str], list[str], list[float]]:
    """B/I/O per token (a token is part of a cue when its marginal cue probability reaches CUE_P), the
    tagger's best path, and each token's marginal cue probability."""
    best = tagger.tag(features)
    probs = [1.0 - tagger.marginal("O", k) for k in range(len(best))]
    out = list(best)
    n = len(best)
    for k in range(n):
        # a new cue where the best path has none nearby; the best path's own cues keep their extent
        if best[k] == "O" and probs[k] >= CUE_P and (k == 0 or best[k - 1] == "O") \
                and (k + 1 == n or best[k + 1] == "O"):
            out[k] = "I" if k and out[k - 1] != "O" else "B"
    return out, best, probs


def _likely(tagger: object, offset: int, n: int, kind: str, threshold: float) -> list[list[int]]:
    """Runs of tokens the span tagger still thinks likely of ``kind`` (C or S) when its best path has none."""
    likely = [k for k in range(n) if tagger.marginal(f"B-{kind}", k) + tagger.marginal(f"I-{kind}", k) >= threshold]
    runs: list[list[int]] = []
    for k in likely:
        if runs and runs[-1][-1] == offset + k - 1:
            runs[-1].append(offset + k)
        else:
            runs.append([offset + k])
    return runs


def _nearest(runs: list[list[int]], cue: list[int]) -> list[int]:
    if not runs:
        return []
    return min(runs, key=lambda r: min(abs(r[0] - cue[0]), abs(r[-1] - cue[0])))


def char_span(doc: Doc, tokens: list[int]) -> CharSpan:
    first, last = doc[tokens[0]], doc[tokens[-1]]
    return first.idx, last.idx + len(last)


__all__ = ["SpanGuess", "available", "char_span", "guess_relations", "span_window"]
