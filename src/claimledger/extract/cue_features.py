"""Token features for the learned attribution tagger, shared by training and run time.

Two sequence taggers use them (``extract.learned``):
- the cue tagger reads one sentence and marks cue tokens ("said", "according to", "has argued");
- the span tagger reads a window around ONE cue and marks that cue's source and content tokens,
  with features that say where each token sits relative to the cue in the dependency tree.

Features are short strings ("l=say", "dep=ccomp") as python-crfsuite takes them; keeping them in one
place means the shipped model and the training script can never disagree on what a feature means.

Besides words, tags and the tree, the span tagger reads each token's cluster of its contextual vector: the
``doc.tensor`` row spaCy's own tok2vec layer leaves behind (free: the parse computed it), mapped to its
nearest centroid at three granularities (64, 256 and 1,024 clusters, ``token_clusters.npz``, k-means over
PolNeAR train's tokens by ``training/train_attribution.py``). A cluster stands for words used alike in
alike places, so the tagger can carry what it learned of one boundary to its neighbours. (The cue
tagger reads no clusters: on a held-out seventh of PolNeAR train they did not move its scores.)
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from claimledger.model import Span as CharSpan
from claimledger.parse import doc_text

# a small hint list: the tagger learns the long tail, these only help rare inflections along
SPEECH_LEMMAS = {
    "say", "tell", "claim", "deny", "report", "announce", "state", "add", "warn", "explain", "note",
    "accuse", "argue", "insist", "confirm", "believe", "think", "fear", "expect", "suggest", "write",
    "ask", "call", "describe", "tweet", "predict", "hope", "want", "know", "show", "find", "agree",
}


CLUSTERS = Path(__file__).with_name("token_clusters.npz")
CLUSTER_SIZES = (64, 256, 1024)


@functools.cache
def _centroids(path: Path = CLUSTERS) -> tuple[np.ndarray, np.ndarray, list[tuple[np.ndarray, np.ndarray]]] | None:
    """Mean, spread and the centroid tables (with their squared norms) of the shipped clusters, or None
    when the file is absent."""
    if not path.exists():
        return None
    data = np.load(path)
    tables = [data[f"c{k}"].astype(np.float32) for k in CLUSTER_SIZES]
    return (data["mu"].astype(np.float32), data["sd"].astype(np.float32),
            [(c, (c ** 2).sum(axis=1)) for c in tables])


def nearest(vectors: np.ndarray, centroids: np.ndarray, norms: np.ndarray | None = None) -> np.ndarray:
    """Index of each row's nearest centroid (squared Euclidean distance)."""
    norms = (centroids ** 2).sum(axis=1) if norms is None else norms
    return (norms[None, :] - 2.0 * vectors @ centroids.T).argmin(axis=1)


def cluster_ids(doc: Doc, path: Path = CLUSTERS) -> np.ndarray | None:
    """(tokens, len(CLUSTER_SIZES)) nearest-centroid ids of the doc's contextual vectors, or None when the
    clusters are not shipped or the Doc carries no tensor of their width (a pipeline without tok2vec)."""
    loaded = _centroids(path)
    tensor = getattr(doc, "tensor", None)
    if loaded is None or tensor is None or tensor.ndim != 2 or tensor.shape != (len(doc), loaded[0].shape[0]):
        return None
    mu, sd, tables = loaded
    x = (np.asarray(tensor, dtype=np.float32) - mu) / sd
    return np.stack([nearest(x, c, norms) for c, norms in tables], axis=1)


@functools.cache
def _cluster_names() -> list[list[str]]:
    return [[f"c{k}={n}" for n in range(k)] for k in CLUSTER_SIZES]


def _named(rows: list[list[int]]) -> list[list[str]]:
    """Cluster ids as feature strings ("c256=17"), one list per token."""
    names = _cluster_names()
    return [[names[k][n] for k, n in enumerate(row)] for row in rows]


def cluster_features(doc: Doc, path: Path = CLUSTERS) -> list[list[str]]:
    """Per token: its contextual vector's cluster at each granularity ("c256=17"); empty lists when
    ``cluster_ids`` has none."""
    ids = cluster_ids(doc, path)
    return [[] for _ in range(len(doc))] if ids is None else _named(ids.tolist())


class TokenTable:
    """Per-token strings of one parsed doc, read once: spaCy attribute access is the slow part."""

    def __init__(self, doc: Doc, quotes: list[CharSpan], clusters: Path = CLUSTERS) -> None:
        toks = list(doc)
        self.doc = doc
        self.text = doc_text(doc)
        self.n = len(toks)
        self.lemma = [t.lemma_.lower() for t in toks]
        self.lower = [t.lower_ for t in toks]
        self.tag = [t.tag_ for t in toks]
        self.dep = [t.dep_ for t in toks]
        self.pos = [t.pos_ for t in toks]
        self.head = [t.head.i for t in toks]
        self.qmask = quote_mask(doc, quotes)
        self.sent_start = [0] * self.n
        self.sent_end = [0] * self.n
        self.sents = [(s.start, s.end) for s in doc.sents]
        for start, end in self.sents:
            for i in range(start, end):
                self.sent_start[i], self.sent_end[i] = start, end
        self.ent = [t.ent_type_ for t in toks]
        self.kids: list[set[str]] = [set() for _ in toks]
        self.children: list[list[int]] = [[] for _ in toks]
        self.subj: list[str | None] = [None] * self.n
        for i, h in enumerate(self.head):
            if h != i:
                self.kids[h].add(self.dep[i])
                self.children[h].append(i)
                if self.dep[i] in {"nsubj", "nsubjpass"} and self.subj[h] is None:
                    self.subj[h] = toks[i].ent_type_ or self.pos[i]
        self.punct = [t.text if t.is_punct else None for t in toks]
        # phrase edges: the span tagger reads them for every token of every window
        self.left_edge = [t.left_edge.i for t in toks]
        self.right_edge = [t.right_edge.i for t in toks]
        self.own = [self._own(i, t.is_title) for i, t in enumerate(toks)]
        self.cluster_path = clusters
        self._clusters: list[list[str]] | None = None  # computed when a span window first needs them

    def clusters(self, start: int, end: int) -> list[list[str]]:
        """Cluster features (``cluster_features``) of tokens start..end (the span tagger's window around
        a cue); shared lists, not to be changed in place."""
        if self._clusters is None:
            self._clusters = cluster_features(self.doc, self.cluster_path)
        return self._clusters[start:end]

    def _own(self, i: int, title: bool) -> list[str]:
        feats = [f"l={self.lemma[i]}", f"p={self.tag[i]}", f"d={self.dep[i]}", f"q={int(self.qmask[i] > 0)}"]
        if self.punct[i] is not None:
            feats.append(f"punct={self.punct[i]}")
        elif title:
            feats.append("title")
        return feats


def quote_mask(doc: Doc, quotes: list[CharSpan]) -> list[int]:
    """Per token: 0 outside quotes, else 1 + the index of the quote it lies in."""
    mask = [0] * len(doc)
    for qi, (a, b) in enumerate(quotes):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            mask[i] = qi + 1
    return mask


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    return "13+"


KID_DEPS = ("ccomp", "nsubj", "nsubjpass", "dobj", "xcomp", "agent", "prep", "dative", "advcl")
# children whose lemma says what kind of cue a word is ("declined to", "said in", "asked about")
KID_LEMMA_DEPS = {"prep", "xcomp", "dobj", "mark", "advmod", "aux", "prt", "dative", "neg", "pobj"}
COMPLEMENT_DEPS = ("ccomp", "xcomp", "dobj")


def cue_features(table: TokenTable, start: int, end: int) -> list[list[str]]:
    """Features of every token of one sentence (tokens start..end) for the cue tagger."""
    lemma, qmask = table.lemma, table.qmask
    rows: list[list[str]] = []
    for i in range(start, end):
        lem = lemma[i]
        h = table.head[i]
        feats = list(table.own[i])
        feats += [f"w={table.lower[i]}", f"hl={lemma[h]}", f"hp={table.pos[h]}",
                  f"ld={lem}|{table.dep[i]}", f"lp={lem}|{table.pos[i]}"]
        kids = table.kids[i]
        if kids:
            feats += [f"k={dep}" for dep in KID_DEPS if dep in kids]
            if "ccomp" in kids or "xcomp" in kids:
                feats.append(f"lk={lem}|comp")
        if lem in SPEECH_LEMMAS:
            feats.append("speech")
        if table.subj[i] is not None:
            feats.append(f"subj={table.subj[i]}")
        for off in (-2, -1, 1, 2):
            j = i + off
            if start <= j < end:
                feats.append(f"{off}l={lemma[j]}")
                if off == -1:
                    feats += [f"-1p={table.tag[j]}", f"-1b={lemma[j]}|{lem}", f"-1q={int(qmask[j] > 0)}"]
                elif off == 1:
                    feats += [f"1p={table.tag[j]}", f"1b={lem}|{lemma[j]}", f"1q={int(qmask[j] > 0)}"]
            else:
                feats.append(f"{off}BOUND")
        # next to a quote: "..., he said." / "said: '...'"
        if qmask[i] == 0:
            before = any(qmask[j] for j in range(max(start, i - 3), i))
            after = any(qmask[j] for j in range(i + 1, min(end, i + 4)))
            if before or after:
                feats.append(f"nearq={int(before)}{int(after)}")
        feats += _context_features(table, i, start, end)
        rows.append(feats)
    return rows


def _context_features(table: TokenTable, i: int, start: int, end: int) -> list[str]:
    """The tree and sentence around a token: its head's and grandparent's words, telling children, the
    clause or object it governs, entity types around it, where it sits in the sentence."""
    lemma, dep, h = table.lemma, table.dep, table.head[i]
    feats = [f"hd={lemma[h]}|{dep[i]}", f"hdep={dep[h]}", f"gl={lemma[table.head[h]]}", f"hhd={lemma[h]}|{dep[h]}"]
    for j in table.children[i]:
        if dep[j] in KID_LEMMA_DEPS:
            feats.append(f"kl={dep[j]}:{lemma[j]}")
        if dep[j] in COMPLEMENT_DEPS and start <= j < end:
            left, right = table.left_edge[j], table.right_edge[j]
            feats.append(f"comp={dep[j]}|{_bucket(right - left + 1)}")
            if any(table.qmask[x] for x in range(left, right + 1)):
                feats.append(f"compq={dep[j]}")
    if len(table.lower[i]) > 3:
        feats.append(f"suf={table.lower[i][-3:]}")
    if table.ent[i]:
        feats.append(f"e={table.ent[i]}")
    for off in (-1, 1):
        j = i + off
        if start <= j < end and table.ent[j]:
            feats.append(f"{off}e={table.ent[j]}")
    feats += [f"pos={_bucket(i - start)}", f"toend={_bucket(end - 1 - i)}"]
    return feats


def _walk_up(table: TokenTable, i: int, limit: int = 40) -> Iterator[int]:
    """``i`` and its heads up to the root, at most ``limit`` tokens."""
    for _ in range(limit):
        yield i
        if table.head[i] == i:
            return
        i = table.head[i]


def _path_up(table: TokenTable, i: int, limit: int = 40) -> list[int]:
    return list(_walk_up(table, i, limit))


def span_features(table: TokenTable, window: tuple[int, int], cue: list[int]) -> list[list[str]]:
    """Features of tokens ``window`` (start, end) for assigning source and content to one cue."""
    qmask = table.qmask
    cue_set = set(cue)
    head = cue_head(table, cue)
    head_path = _path_up(table, head)
    head_pos = {t: n for n, t in enumerate(head_path)}
    cue_sent = table.sent_start[head]
    first, last = min(cue), max(cue)
    cue_quote = {qmask[j] for j in range(max(0, first - 3), min(table.n, last + 4)) if qmask[j]}
    cue_lemma = table.lemma[head]
    rows: list[list[str]] = []
    clusters = table.clusters(*window)
    for i in range(window[0], window[1]):
        feats = table.own[i] + clusters[i - window[0]]
        if i in cue_set:
            feats.append("CUE")
            rows.append(feats)
            continue
        rel = "L" if i < first else "R" if i > last else "M"
        feats.append(f"rel={rel}")
        feats.append(f"dist={rel}{_bucket(first - i if i < first else abs(i - last))}")
        sent_off = 0 if table.sent_start[i] == cue_sent else (-1 if i < first else 1)
        feats.append(f"soff={sent_off}")
        # where the token hangs relative to the cue: the branch below their lowest common ancestor
        below, lca_seen, branch = None, False, []
        for t in _walk_up(table, i):  # walked, not built: most tokens meet the cue's path in a step or two
            if t in head_pos:
                n = head_pos[t]
                up = "self" if n == 0 else table.dep[head_path[n - 1]]
                lca_seen = True
                break
            below = t
            branch.append(t)
        if not lca_seen:
            feats.append("nolca")
        else:
            down = table.dep[below] if below is not None else "self"
            feats += [f"up={up}", f"down={down}", f"ud={up}|{down}", f"udr={up}|{down}|{rel}",
                      f"cud={cue_lemma}|{up}|{down}"]
            if up == "self":
                feats.append(f"cdown={cue_lemma}|{down}")
            # one step further into the branch: an apposition, relative clause or adjunct hanging off
            # the reported clause ("..., the former secretary", "..., where he trailed") often ends it
            if len(branch) >= 2:
                feats.append(f"down2={down}|{table.dep[branch[-2]]}|{rel}")
        # where a phrase starts or ends: content boundaries follow phrase edges
        if table.left_edge[i] == i and table.children[i]:
            feats.append(f"ledge={table.dep[i]}")
        if table.right_edge[i] == i and i + 1 < table.n and table.head[i + 1] != i:
            feats.append("redge")
        if qmask[i]:
            feats.append(f"cq={int(qmask[i] in cue_quote)}")
        if table.sent_start[i] == i:
            feats.append("sstart")
        rows.append(feats)
    # the cue (its lemma, its head's 256- and 1,024-clusters) by side: what a "said" takes on its right,
    # an "according to" on its left, and words used like either
    head_clusters = [f.replace("=", "") for f in table.clusters(head, head + 1)[0][1:]]  # "c25617", "c1024301"
    # the neighbours' punctuation, quote state and side of the cue mark where spans begin and end
    by_side = {side: [f"cuel={cue_lemma}|{side}"] + [f"cuec={c}|{side}" for c in head_clusters] for side in "LRM"}
    for k in range(len(rows)):
        i = window[0] + k
        rows[k] += by_side["L" if i < first else "R" if i > last else "M"]
        for off in (-1, 1):
            j = i + off
            if window[0] <= j < window[1]:
                rows[k].append(f"{off}q={int(qmask[j] > 0)}")
                # the neighbour's coarser clusters (64 and 256): what kind of word the span meets
                rows[k] += [f"{off}{f}" for f in clusters[j - window[0]][:2]]
                if table.punct[j] is not None:
                    rows[k].append(f"{off}punct={table.punct[j]}")
                rows[k].append(f"{off}CUE" if j in cue_set else f"{off}l={table.lemma[j]}")
            else:
                rows[k].append(f"{off}WIN")
    return rows


def cue_head(table: TokenTable, cue: list[int]) -> int:
    """The cue token the others hang from (the verb of "has said", "according" of "according to")."""
    cue_set = set(cue)
    roots = [i for i in cue if table.head[i] not in cue_set or table.head[i] == i]
    verbs = [i for i in roots if table.pos[i] in {"VERB", "AUX"}]
    return (verbs or roots or cue)[0]


__all__ = [
    "TokenTable", "cluster_features", "cluster_ids", "cue_features", "cue_head", "nearest", "quote_mask",
    "span_features",
]
