"""Nearest claims by cosine, for proposition grouping: each new claim is compared only with its
nearest neighbours, never with every claim of the ledger."""

from __future__ import annotations

import numpy as np


class NeighbourIndex:
    """Nearest claims by cosine: faiss HNSW when installed, else an exact scan (fine for small ledgers)."""

    def __init__(self, vectors: np.ndarray) -> None:
        try:
            import faiss
        except ImportError:
            faiss = None
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.index = None
        if faiss is not None and len(vectors):
            # 8-bit scalar quantised: a quarter of the memory; the link score uses the exact vectors anyway
            self.index = faiss.IndexHNSWSQ(vectors.shape[1], faiss.ScalarQuantizer.QT_8bit, 32,
                                           faiss.METRIC_INNER_PRODUCT)
            self.index.hnsw.efConstruction = 64
            self.index.hnsw.efSearch = 64
            self.index.train(self.vectors)
            self.index.add(self.vectors)

    def search(self, rows: list[int], k: int) -> list[tuple[float, int, int]]:
        """(cosine, row, neighbour) for the ``k`` nearest neighbours of each of ``rows``."""
        k = min(k + 1, len(self.vectors))
        if not rows or not k:
            return []
        out = []
        for start in range(0, len(rows), 1024):
            chunk = rows[start:start + 1024]
            queries = self.vectors[chunk]
            if self.index is not None:
                sims, ids = self.index.search(queries, k)
            else:
                all_sims = queries @ self.vectors.T
                ids = np.argsort(-all_sims, axis=1)[:, :k]
                sims = np.take_along_axis(all_sims, ids, axis=1)
            for row, row_sims, row_ids in zip(chunk, sims, ids, strict=True):
                out.extend((float(sim), row, int(j)) for sim, j in zip(row_sims, row_ids, strict=True)
                           if j >= 0 and j != row)
        return out


__all__ = ["NeighbourIndex"]
