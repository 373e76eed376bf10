"""Grouping claims into propositions, incrementally."""

from __future__ import annotations

from claimledger.link.labels import label_for
from claimledger.link.propositions import claim_texts, group_claims
from claimledger.link.words import is_anaphoric
from claimledger.model import Claim, Figure, Party


def claim(cid: str, content: str, unit: str | None = None, value: float | None = None) -> Claim:
    figs = [Figure(value, "exact", unit, str(value))] if unit else []
    return Claim(document_id="d", sentence=content, sentence_span=(0, len(content)), content=content,
                 source=Party("x"), cue="said", figures=figs, id=cid)


def test_same_question_groups_and_other_questions_stay_apart():
    claims = [claim("a", "3,000 miners are on strike at the northern copper mines", "miners", 3000),
              claim("b", "as many as 5,000 miners have joined the strike at the copper mines", "miners", 5000),
              claim("c", "the price of copper rose by a fifth on the London exchange")]
    assignment, props = group_claims(claims, {})
    assert assignment["a"] == assignment["b"]
    assert assignment["c"] != assignment["a"]
    strike = next(p for p in props if p.id == assignment["a"])
    assert "miners" in strike.label


def test_new_claims_join_existing_groups_without_regrouping():
    old = [claim("a", "3,000 miners are on strike at the northern copper mines", "miners", 3000)]
    first, _ = group_claims(old, {})
    for c in old:
        c.proposition_id = first[c.id]
    assignment, props = group_claims([claim("n", "about 4,000 copper miners are now on strike", "miners", 4000)],
                                     {first["a"]: old})
    assert assignment["n"] == first["a"]
    assert props[0].claim_ids == ["a", "n"]


def test_same_number_in_different_questions_stays_apart():
    claims = [claim("a", "Valdoria sent 10,000 soldiers to the northern front to support its ally", "soldiers", 10000),
              claim("b", "as many as 12,000 Valdorian soldiers have been deployed to help the allied army", "soldiers",
                    12000),
              claim("c", "the allied army may have lost 10,000 soldiers in a single week of fighting", "soldiers",
                    10000),
              claim("d", "a typical contract soldier earns $2,000 a month", "USD", 2000)]
    assignment, _ = group_claims(claims, {})
    assert assignment["a"] == assignment["b"]
    assert assignment["c"] != assignment["a"]
    assert assignment["d"] not in (assignment["a"], assignment["c"])


def test_paraphrases_without_shared_words_group_with_the_model():
    from claimledger.embed import load_embedder

    if load_embedder().kind != "model":
        import pytest

        pytest.skip("sentence model not installed")
    claims = [claim("a", "the ferry company will cut its timetable in half this winter"),
              claim("b", "boat operators plan to halve crossings during the cold months"),
              claim("c", "the city council approved a new stadium next to the river")]
    assignment, _ = group_claims(claims, {})
    assert assignment["a"] == assignment["b"] != assignment["c"]


def test_anaphoric_claim_is_read_with_the_claim_before_it():
    first = Claim(document_id="d1", sentence="s", sentence_span=(0, 60), id="x", source=Party("x"), cue="said",
                  content="the mining company is moving 2,000 workers to the southern coast")
    denial = Claim(document_id="d1", sentence="s", sentence_span=(100, 130), id="y", source=Party("y"), cue="called",
                   content="this is a baseless rumour")
    texts = claim_texts([denial], [first, denial])
    assert texts == ["the mining company is moving 2,000 workers to the southern coast. this is a baseless rumour"]
    assert is_anaphoric("we cannot rule out the possibility")
    assert not is_anaphoric("that the mining company moved 2,000 workers south")


def test_existing_propositions_never_merge_and_keep_their_ids():
    old_a = [claim("a", "the port of Lindholm closed because of the storm")]
    old_b = [claim("b", "the port of Lindholm shut down as the storm arrived")]
    assignment, props = group_claims([claim("n", "the storm forced Lindholm port to close")],
                                     {"pA": old_a, "pB": old_b})
    assert assignment["n"] in ("pA", "pB")
    assert [p.id for p in props] == [assignment["n"]]
    assert len(props[0].claim_ids) == 2


def test_lexical_fallback_groups_shared_words(monkeypatch):
    monkeypatch.setenv("CLAIMLEDGER_EMBED", "lexical")
    claims = [claim("a", "3,000 miners are on strike at the northern copper mines", "miners", 3000),
              claim("b", "5,000 miners joined the strike at the copper mines", "miners", 5000),
              claim("c", "the price of wheat fell sharply in Chicago")]
    assignment, _ = group_claims(claims, {})
    assert assignment["a"] == assignment["b"] != assignment["c"]


def test_label_names_the_counted_thing_only_when_the_group_counts_it():
    counted = [claim("a", "3,000 miners are on strike", "miners", 3000),
               claim("b", "4,000 miners struck", "miners", 4000)]
    label, unit = label_for(counted)
    assert unit == "miners" and label.startswith("How many miners?")
    mostly_words = counted[:1] + [claim(str(i), f"the strike is spreading to mine number {i}") for i in range(5)]
    assert label_for(mostly_words)[1] is None


def test_counted_names_come_from_the_words_before_the_unit_or_a_people_unit():
    from claimledger.link.words import counted_names, owner_words

    assert owner_words("that 4,000 Valdorian border guards crossed", "border guards") == ["Valdorian"]
    assert owner_words("Valdoria sent 4,000 border guards", "border guards") == []
    assert counted_names(claim("a", "about 4,000 Valdorian border guards crossed", "border guards", 4000)) == {"valdo"}
    assert counted_names(claim("b", "about 9,000 Valdorians were moving north", "Valdorians", 9000)) == {"valdo"}
    assert counted_names(claim("c", "the price rose by a fifth")) == set()


def test_a_people_counted_by_name_joins_the_same_people_counted_by_role():
    # without the shared owner ("Valdorian") the two figures count different units and stay apart
    claims = [claim("a", "some 4,000 Valdorian soldiers will join the Karsk mountain brigade", "soldiers", 4000),
              claim("b", "about 9,000 Valdorians were moving toward the northern front", "Valdorians", 9000),
              claim("c", "the Valdorian mint printed 9,000 new coins for the festival", "coins", 9000)]
    assignment, props = group_claims(claims, {})
    assert assignment["a"] == assignment["b"] != assignment["c"]
    label = next(p.label for p in props if p.id == assignment["a"])
    assert label.startswith("How many Valdorian soldiers?") or label.startswith("How many Valdorians?")


def test_a_claim_vector_blends_its_content_with_its_sentence():
    import numpy as np

    from claimledger.embed import LexicalEmbedder
    from claimledger.link.propositions import CONTENT_WEIGHT, claim_vectors

    emb = LexicalEmbedder()
    sentence = "The river authority put the number of flooded villages at 80 on Tuesday"
    inner = Claim(document_id="d", sentence=sentence, sentence_span=(0, len(sentence)), id="a", source=Party("x"),
                  cue="put", content="the number of flooded villages at 80")
    alone = claim("b", "the number of flooded villages at 80")
    rows = claim_vectors([inner, alone], [inner, alone], emb)
    content, whole = emb.encode([inner.content, sentence])
    want = CONTENT_WEIGHT * content + (1 - CONTENT_WEIGHT) * whole
    assert np.allclose(rows[0], want / np.linalg.norm(want), atol=1e-6)
    assert np.allclose(rows[1], content, atol=1e-6)  # sentence == content: the content's own vector
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-6)


def test_a_big_group_with_a_few_counts_still_asks_how_many():
    counts = [claim(f"n{k}", f"{n:,} volunteers have joined the clean-up on the northern beaches", "volunteers", n)
              for k, n in enumerate((800, 1200, 1500))]
    talk = [claim(f"t{k}", f"the clean-up of the northern beaches is going well, said speaker {k}") for k in range(7)]
    label, unit = label_for(counts + talk)
    assert unit == "volunteers" and label.startswith("How many")
    label, unit = label_for(counts[:2] + talk)  # two counts in nine claims are a detail
    assert unit is None


def test_what_became_of_the_counted_keeps_dead_and_missing_apart():
    from claimledger.link.words import outcomes

    sentence = "The coast guard said 64 people were now confirmed dead and that 58 were still missing."

    def said(cid: str, content: str, figure: str, unit: str | None = "people") -> Claim:
        start = sentence.find(content) if content in sentence else 0
        return Claim(document_id=cid[0], sentence=sentence if content in sentence else content,
                     sentence_span=(0, 90), content=content, source=Party("the coast guard"), cue="said",
                     figures=[Figure(float(figure.replace(",", "")), "exact", unit, figure, (start, start + 2))],
                     id=cid)

    claims = [said("a1", "64 people were now confirmed dead", "64"),
              said("a2", "58 were still missing", "58", None),
              said("b1", "the death toll has now risen to 71", "71"),
              said("b2", "at least 60 people are still missing after the capsizing", "60")]
    assert outcomes(claims[0]) == {"dead"} and outcomes(claims[1]) == {"missing"}
    assert outcomes(claims[2]) == {"dead"}
    assert outcomes(said("c", "86 dead and 63 missing", "86")) == {"dead", "missing"}
    # the word must be near the figure: the rescue far behind it says nothing of the 12 workers
    far = "12 workers were flown in from the capital on Tuesday to help with the rescue"
    assert outcomes(said("d", far, "12", "workers")) == set()
    assignment, _ = group_claims(claims, {})
    assert assignment["a1"] == assignment["b1"]
    assert assignment["a2"] == assignment["b2"]
    assert assignment["a1"] != assignment["a2"]


def test_a_volume_is_not_a_length_however_alike_the_words():
    from claimledger.embed import load_embedder
    from claimledger.link.propositions import Grouping

    grouping = Grouping([], [], load_embedder())
    assert grouping._same_unit("metres", "metres")
    assert not grouping._same_unit("cubic metres", "metres")
    assert not grouping._same_unit("square kilometres", "cubic kilometres")
    assert grouping._same_unit("cubic metres", "cubic metres")
