"""The learned attribution taggers and their features, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import find_attributions
from claimledger.extract.cue_features import TokenTable, cue_features, cue_head, quote_mask, span_features
from claimledger.extract.learned import available, char_span, cue_runs, guess_relations, runs_of, span_window
from claimledger.extract.quotes import find_quotes


def test_cue_runs_join_b_and_i_labels():
    assert cue_runs(["O", "B", "I", "O", "I", "B"], 10) == [[11, 12], [14], [15]]


def test_runs_of_one_kind_only():
    labels = ["B-S", "I-S", "O", "B-C", "I-C", "I-C", "O", "B-C"]
    assert runs_of(labels, 0, "S") == [[0, 1]]
    assert runs_of(labels, 0, "C") == [[3, 4, 5], [7]]


def test_quote_mask_numbers_each_quote(nlp):
    doc = nlp('She said "yes" and then "no" twice.')
    mask = quote_mask(doc, find_quotes(doc.text))
    quoted = {doc[i].text: m for i, m in enumerate(mask) if m}
    assert quoted["yes"] == 1 and quoted["no"] == 2
    assert mask[0] == 0


def test_features_say_where_a_token_hangs_from_the_cue(nlp):
    doc = nlp("The harbour master said the ferry would sail at noon.")
    table = TokenTable(doc, find_quotes(doc.text))
    said = next(t.i for t in doc if t.text == "said")
    assert cue_head(table, [said]) == said
    rows = span_features(table, (0, len(doc)), [said])
    master = next(t.i for t in doc if t.text == "master")
    ferry = next(t.i for t in doc if t.text == "ferry")
    assert "up=self" in rows[master] and "down=nsubj" in rows[master] and "rel=L" in rows[master]
    assert "down=ccomp" in rows[ferry] and "rel=R" in rows[ferry]
    # the cue's word by side and by branch: what "say" takes on its right and below its clause
    assert "cuel=say|R" in rows[ferry] and "cud=say|self|ccomp" in rows[ferry] and "cuel=say|L" in rows[master]
    assert "CUE" in rows[said]
    cue_rows = cue_features(table, 0, len(doc))
    assert "k=ccomp" in cue_rows[said] and "speech" in cue_rows[said]


def test_window_keeps_a_quote_whole(nlp):
    doc = nlp('The pilot spoke. "We flew low. We saw the fires," she said. Nothing else was added.')
    table = TokenTable(doc, find_quotes(doc.text))
    said = next(t.i for t in doc if t.text == "said")
    start, end = span_window(table, [said])
    window_text = doc[start:end].text
    assert '"We flew low.' in window_text and 'fires,"' in window_text


needs_models = pytest.mark.skipif(not available(), reason="python-crfsuite or the shipped taggers missing")


@needs_models
def test_learned_tagger_finds_a_belief_with_its_clause(nlp):
    doc = nlp("Local farmers fear that the new dam will flood their fields.")
    guesses = guess_relations(doc, find_quotes(doc.text))
    assert len(guesses) == 1
    g = guesses[0]
    assert doc.text[slice(*char_span(doc, g.cue))] == "fear"
    assert doc.text[slice(*char_span(doc, g.source))] == "Local farmers"
    assert doc.text[slice(*char_span(doc, g.content[0]))] == "that the new dam will flood their fields"


@needs_models
def test_learned_spans_reach_the_relation(nlp):
    text = "The ferry will not sail this week, according to the harbour office."
    doc = nlp(text)
    found = find_attributions(doc)
    assert len(found) == 1
    r = found[0]
    assert text[r.cue[0]:r.cue[1]] == "according to"
    assert text[r.source_span[0]:r.source_span[1]] == "the harbour office"
    assert [text[a:b] for a, b in r.content] == ["The ferry will not sail this week"]


class _FakeCueTagger:
    """A cue tagger with a fixed best path and fixed marginal probabilities of 'O'."""

    def __init__(self, best: list[str], p_cue: list[float]) -> None:
        self.best, self.p_cue = best, p_cue

    def tag(self, features: list[list[str]]) -> list[str]:
        return list(self.best)

    def marginal(self, label: str, k: int) -> float:
        assert label == "O"
        return 1.0 - self.p_cue[k]


def test_cue_labels_add_likely_cues_but_never_stretch_the_best_path():
    from claimledger.extract.learned import CUE_P, cue_labels

    high, low = CUE_P + 0.05, CUE_P - 0.05
    best = ["O", "B", "O", "O", "O", "O", "O"]
    probs = [0.01, 0.9, high, 0.01, high, high, low]
    labels, path, p = cue_labels(_FakeCueTagger(best, probs), [[]] * len(best))
    assert path == best and p == pytest.approx(probs)
    # token 2 touches the best path's cue: left alone; tokens 4-5 make a new two-word cue
    assert labels == ["O", "B", "O", "O", "B", "I", "O"]


def test_features_mark_branches_inside_the_reported_clause_and_phrase_edges(nlp):
    doc = nlp("The harbour master said the ferry would sail to Dover, a port in the south.")
    table = TokenTable(doc, find_quotes(doc.text))
    said = next(t.i for t in doc if t.text == "said")
    rows = span_features(table, (0, len(doc)), [said])
    ferry = next(t.i for t in doc if t.text == "ferry")
    port = next(t.i for t in doc if t.text == "port")
    the_harbour = 0
    # the subject of the reported clause, one step below the clause the cue governs
    assert "down2=ccomp|nsubj|R" in rows[ferry]
    # deeper tokens still say which branch of the clause they hang in
    assert any(f.startswith("down2=ccomp|") for f in rows[port])
    # "The" opens no phrase of its own; "master" starts none either but "ferry" ends one
    assert not any(f.startswith("ledge=") for f in rows[the_harbour])
    assert "redge" in rows[ferry]


def test_nearest_picks_the_closest_centroid():
    import numpy as np

    from claimledger.extract.cue_features import nearest

    centroids = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]], dtype=np.float32)
    points = np.array([[9.0, 1.0], [1.0, 8.0], [0.5, -0.5]], dtype=np.float32)
    assert nearest(points, centroids).tolist() == [1, 2, 0]


def test_tokens_carry_their_vector_clusters(nlp):
    from claimledger.extract.cue_features import CLUSTER_SIZES, CLUSTERS, cluster_features

    if not CLUSTERS.exists():
        pytest.skip("token_clusters.npz is not shipped in this checkout")
    doc = nlp("The harbour master said the ferry would sail at noon.")
    rows = cluster_features(doc)
    assert len(rows) == len(doc)
    for row in rows:
        assert [f.split("=")[0] for f in row] == [f"c{k}" for k in CLUSTER_SIZES]
        assert all(0 <= int(f.split("=")[1]) < k for f, k in zip(row, CLUSTER_SIZES, strict=True))
    # the same word in the same place falls in the same cluster; the features reach the span tagger
    again = cluster_features(nlp("The harbour master said the ferry would sail at noon."))
    assert again == rows
    table = TokenTable(doc, find_quotes(doc.text))
    said = next(t.i for t in doc if t.text == "said")
    spans = span_features(table, (0, len(doc)), [said])
    assert set(rows[1]) <= set(spans[1])
    assert f"-1{rows[0][0]}" in spans[1] and f"1{rows[2][1]}" in spans[1]  # the neighbours' coarser clusters


def test_no_clusters_without_a_tensor():
    import spacy

    from claimledger.extract.cue_features import cluster_features

    doc = spacy.blank("en")("A tokenizer alone leaves no vectors.")
    assert cluster_features(doc) == [[] for _ in doc]


def test_fit_clusters_writes_tables_the_features_read(nlp, tmp_path):
    import importlib.util
    from pathlib import Path

    from claimledger.extract.cue_features import CLUSTER_SIZES, cluster_features

    script = Path(__file__).parents[2] / "training" / "train_attribution.py"
    spec = importlib.util.spec_from_file_location("train_attribution", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    docs = [nlp(text) for text in ("The ministry said on Monday that the bridge was closed.",
                                   "Officials denied the report, calling it false.")] * 600
    path = tmp_path / "clusters.npz"
    module.fit_clusters(docs, path)
    rows = cluster_features(docs[0], path)
    assert all(len(row) == len(CLUSTER_SIZES) for row in rows)
    # the same token in the same sentence always lands in the same cluster
    assert cluster_features(docs[2], path) == rows
