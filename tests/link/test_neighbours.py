import numpy as np
import pytest

from claimledger.link import neighbours
from claimledger.link.neighbours import NeighbourIndex


def unit_rows(rng: np.random.Generator, n: int, dim: int = 32) -> np.ndarray:
    rows = rng.standard_normal((n, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def clustered(rng: np.random.Generator, clusters: int, per: int, dim: int = 64, spread: float = 0.35) -> np.ndarray:
    """``clusters`` tight groups of ``per`` unit vectors: the shape of claims about a few hundred questions."""
    centres = unit_rows(rng, clusters, dim)
    rows = np.repeat(centres, per, axis=0) + spread * rng.standard_normal((clusters * per, dim)).astype(np.float32) / 8
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def brute_force(vectors: np.ndarray, row: int, k: int) -> list[int]:
    sims = vectors @ vectors[row]
    sims[row] = -np.inf
    return list(np.argsort(-sims, kind="stable")[:k])


def test_small_search_is_exact_and_leaves_the_row_itself_out():
    vectors = unit_rows(np.random.default_rng(1), 300)
    edges = NeighbourIndex(vectors).search([0, 7], 5)
    for row in (0, 7):
        found = [j for _, r, j in edges if r == row]
        assert found == brute_force(vectors, row, 5)
        assert row not in found
    sims = [s for s, r, _ in edges if r == 0]
    assert sims == sorted(sims, reverse=True)


def test_cosines_are_the_exact_ones():
    vectors = unit_rows(np.random.default_rng(2), 50)
    for sim, row, j in NeighbourIndex(vectors).search([3], 4):
        assert sim == pytest.approx(float(vectors[row] @ vectors[j]), abs=1e-5)


def test_k_beyond_the_index_and_empty_queries():
    vectors = unit_rows(np.random.default_rng(3), 4)
    edges = NeighbourIndex(vectors).search([1], 10)
    assert sorted(j for _, _, j in edges) == [0, 2, 3]
    assert NeighbourIndex(vectors).search([], 10) == []
    assert NeighbourIndex(vectors[:1]).search([0], 10) == []


def test_forest_finds_the_close_neighbours_of_clustered_claims(monkeypatch):
    monkeypatch.setattr(neighbours, "EXACT_BUDGET", 0)  # force the forest on a test-sized index
    vectors = clustered(np.random.default_rng(4), clusters=120, per=25)  # 3,000 claims
    index = NeighbourIndex(vectors, leaf=128)
    rows = list(range(0, len(vectors), 7))
    edges = index.search(rows, 10)
    found = {(r, j) for _, r, j in edges}
    wanted = {(r, j) for r in rows for j in brute_force(vectors, r, 10)}
    assert len(found & wanted) / len(wanted) >= 0.9
    # every returned neighbour is a real one, scored exactly, and none is the row itself
    assert all(r != j for r, j in found)
    for sim, r, j in edges[:50]:
        assert sim == pytest.approx(float(vectors[r] @ vectors[j]), abs=1e-5)


def test_forest_is_deterministic_and_answers_only_the_rows_asked(monkeypatch):
    monkeypatch.setattr(neighbours, "EXACT_BUDGET", 0)
    vectors = clustered(np.random.default_rng(5), clusters=40, per=30)
    first = NeighbourIndex(vectors, leaf=64).search([5, 900], 6)
    assert first == NeighbourIndex(vectors, leaf=64).search([5, 900], 6)
    assert {r for _, r, _ in first} == {5, 900}
    assert len([1 for _, r, _ in first if r == 5]) == 6


def test_forest_leaves_partition_every_row_once():
    vectors = unit_rows(np.random.default_rng(6), 1000)
    index = NeighbourIndex(vectors, leaf=100)
    order, bounds = index._leaves(np.random.default_rng(0), vectors)
    assert sorted(order.tolist()) == list(range(1000))
    sizes = np.diff(bounds)
    assert sizes.max() <= 100 and sizes.min() >= 50
