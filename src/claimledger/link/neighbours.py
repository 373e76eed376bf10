"""Nearest claims by cosine, for proposition grouping: each new claim is compared only with its
nearest neighbours, never with every claim of the ledger.

Small searches are exact. Larger ones use a forest of random-projection trees (after Dasgupta and
Freund's RP trees, as in Annoy): each tree cuts the claims into slabs, then halves, again and again,
by their projection on the line between two random members, until every leaf holds at most ``LEAF``
claims (8/9 of it or more); a claim's candidates are the members of its leaf in every tree, scored
exactly. A leaf is one dense matrix product over about a thousand rows: the work grows with the
number of claims times the leaf size and stays in cache. A graph index (faiss HNSW) hops through
memory at random and took 25x the time for 10x the claims here.
"""

from __future__ import annotations

import math

import numpy as np
from threadpoolctl import threadpool_limits

LEAF = 1024  # claims per leaf, at most
TREES = 24  # more trees find more true neighbours, at a linear cost
PCA_DIMS = 48  # trees cut along these many principal components
PCA_SAMPLE = 4096  # rows the components are estimated from
EXACT_BUDGET = 40_000_000  # query rows x indexed rows up to which the search is exact


class NeighbourIndex:
    """Nearest claims by cosine over unit-length ``vectors`` (exact when small, else an RP forest)."""

    def __init__(self, vectors: np.ndarray, trees: int = TREES, leaf: int = LEAF, seed: int = 0) -> None:
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.trees = trees
        self.leaf = leaf
        self.seed = seed

    def search(self, rows: list[int], k: int, exact: bool | None = None) -> list[tuple[float, int, int]]:
        """(cosine, row, neighbour) for the ``k`` nearest neighbours of each of ``rows`` (itself excluded).

        ``exact`` forces (True) or forbids (False) the exact scan; by default it is used when small.
        """
        n = len(self.vectors)
        k = min(k, n - 1)
        if not rows or k <= 0:
            return []
        query = np.asarray(rows, dtype=np.int64)
        if exact is None:
            exact = len(query) * n <= EXACT_BUDGET or n <= 2 * self.leaf
        if exact:
            ids, sims = self._exact(query, k)
        else:
            # blocks of a few hundred rows: one BLAS thread is as fast, and far faster on a busy machine
            with threadpool_limits(1, user_api="blas"):
                ids, sims = self._forest(query, k)
        out = []
        for row, row_ids, row_sims in zip(rows, ids.tolist(), sims.tolist(), strict=True):
            out.extend((sim, row, j) for j, sim in zip(row_ids, row_sims, strict=True) if j >= 0)
        return out

    def _exact(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        ids_out, sims_out = [], []
        step = max(1, EXACT_BUDGET // (8 * len(self.vectors)))
        for start in range(0, len(query), step):
            chunk = query[start:start + step]
            sims = self.vectors[chunk] @ self.vectors.T
            sims[np.arange(len(chunk)), chunk] = -np.inf
            ids, top = _top_k(sims, k)
            ids_out.append(ids)
            sims_out.append(top)
        return np.concatenate(ids_out), np.concatenate(sims_out)

    def _forest(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Each query row's ``k`` best among its leaf-mates over all trees."""
        rng = np.random.default_rng(self.seed)
        position = np.full(len(self.vectors), -1, dtype=np.int64)
        position[query] = np.arange(len(query))
        best_ids = np.full((len(query), k), -1, dtype=np.int64)
        best_sims = np.full((len(query), k), -np.inf, dtype=np.float32)
        low = _principal(self.vectors, PCA_DIMS, rng)
        for _ in range(self.trees):
            order, bounds = self._leaves(rng, low)
            tree_ids = np.full((len(query), k), -1, dtype=np.int64)
            tree_sims = np.full((len(query), k), -np.inf, dtype=np.float32)
            for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
                members = order[lo:hi]
                asked = members[position[members] >= 0]
                if not len(asked):
                    continue
                sims = self.vectors[asked] @ self.vectors[members].T
                sims[np.arange(len(asked)), np.searchsorted(members, asked)] = -np.inf
                local, top = _top_k(sims, min(k, len(members) - 1))
                at, width = position[asked], local.shape[1]
                tree_ids[at, :width] = np.where(local >= 0, members[local.clip(0)], -1)
                tree_sims[at, :width] = top
            best_ids, best_sims = _merge(best_ids, best_sims, tree_ids, tree_sims, k)
        return best_ids, best_sims

    def _leaves(self, rng: np.random.Generator, low: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """One tree: the rows ordered leaf by leaf (each leaf's rows sorted) and the leaf boundaries.

        Each node is cut at quantiles (below the root, the median) of its claims' projections on the
        line between two of them, in ``low``, the vectors' leading principal components: cheap to copy
        around, and they keep the directions along which claims differ most.
        """
        n = len(low)
        order = np.arange(n, dtype=np.int64)  # rows grouped by node, nodes in order
        node_counts = _node_counts(n, self.leaf)
        for nodes in node_counts[:-1]:
            bounds = (np.arange(nodes + 1, dtype=np.int64) * n) // nodes
            sizes = np.diff(bounds)
            node_of = np.repeat(np.arange(nodes), sizes)
            a = order[bounds[:-1] + (rng.random(nodes) * sizes).astype(np.int64)]
            b = order[bounds[:-1] + (rng.random(nodes) * sizes).astype(np.int64)]
            lines = low[a] - low[b]
            proj = np.einsum("ij,ij->i", low[order], lines[node_of])
            # sorted within each node by projection (ties by row, for determinism); the next level's
            # bounds then cut each node at its quantiles
            order = order[np.lexsort((order, proj, node_of))]
        bounds = (np.arange(node_counts[-1] + 1, dtype=np.int64) * n) // node_counts[-1]
        for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
            order[lo:hi] = np.sort(order[lo:hi])
        return order, bounds


def _node_counts(n: int, leaf: int) -> list[int]:
    """Nodes per level of a tree with leaves of nearly ``leaf`` rows: the root is cut into 8 to 16
    slabs, then every node in halves. Leaves come out at 8/9 of ``leaf`` or more, whatever ``n``,
    so the work per claim does not jump with the ledger's size as it would with halving alone."""
    wanted = math.ceil(n / leaf)
    halvings = max(0, wanted.bit_length() - 1 - 3)
    counts = [1, math.ceil(wanted / (1 << halvings))]
    for _ in range(halvings):
        counts.append(counts[-1] * 2)
    return counts if wanted > 1 else [1]


def _principal(vectors: np.ndarray, dims: int, rng: np.random.Generator) -> np.ndarray:
    """``vectors`` on their ``dims`` leading principal components, estimated from a fixed-size sample."""
    if vectors.shape[1] <= dims:
        return vectors
    sample = vectors[rng.choice(len(vectors), min(len(vectors), PCA_SAMPLE), replace=False)]
    mean = sample.mean(axis=0)
    _, _, vt = np.linalg.svd(sample - mean, full_matrices=False)
    return np.ascontiguousarray((vectors - mean) @ vt[:dims].T, dtype=np.float32)


def _merge(ids_a: np.ndarray, sims_a: np.ndarray, ids_b: np.ndarray, sims_b: np.ndarray,
           k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best of two candidate lists per row; a neighbour found in both counts once."""
    ids = np.concatenate([ids_a, ids_b], axis=1)
    sims = np.concatenate([sims_a, sims_b], axis=1)
    by_id = np.argsort(ids, axis=1, kind="stable")
    ids = np.take_along_axis(ids, by_id, axis=1)
    sims = np.take_along_axis(sims, by_id, axis=1)
    repeat = np.zeros_like(ids, dtype=bool)
    repeat[:, 1:] = ids[:, 1:] == ids[:, :-1]
    sims[repeat | (ids < 0)] = -np.inf
    local, top = _top_k(sims, k)
    out = np.take_along_axis(ids, local.clip(0), axis=1)
    out[local < 0] = -1
    return out, top


def _top_k(sims: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and values of each row's ``k`` largest entries, best first (-1 where none)."""
    if k <= 0:
        return np.zeros((len(sims), 0), dtype=np.int64), np.zeros((len(sims), 0), dtype=np.float32)
    if k < sims.shape[1]:
        part = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    else:
        part = np.broadcast_to(np.arange(sims.shape[1]), sims.shape).copy()
    vals = np.take_along_axis(sims, part, axis=1)
    best = np.argsort(-vals, axis=1, kind="stable")
    part = np.take_along_axis(part, best, axis=1)
    vals = np.take_along_axis(vals, best, axis=1)
    part[~np.isfinite(vals)] = -1
    return part, vals


__all__ = ["NeighbourIndex"]
