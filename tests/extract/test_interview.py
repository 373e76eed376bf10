"""Q&A interviews: labelled answers, and whom "he" in an answer stands for."""

from __future__ import annotations

from claimledger.extract.attribution import find_attributions

INTERVIEW = "\n\n".join([
    "The Lakeside Courier spoke with Mira Holt, whose husband, Jonas, is among the crew stuck on the rig.",
    "Q: When did you last hear from him?",
    "A: On Sunday, for a few minutes, over the radio. He said the generator was working again. "
    "The operator still says everyone is safe. Why would they hide anything?",
    "Q: What do the engineers tell you?",
    "A: An engineer told me, citing his supervisor, that the platform could stay up for another month. "
    "I count the days.",
]) + "\n"


def _found(nlp):
    doc = nlp(INTERVIEW)
    return doc.text, find_attributions(doc)


def _with(t, found, words):
    return next(r for r in found if any(words in t[a:b] for a, b in r.content))


def test_a_labelled_answer_ending_in_a_question_is_still_an_answer(nlp):
    t, found = _found(nlp)
    operator = _with(t, found, "everyone is safe")
    assert operator.source.text == "The operator"
    assert [v.entity for v in operator.via][-1] == "Mira Holt"
    # the question the interviewee asks back is nobody's claim
    assert not any("hide anything" in t[a:b] for r in found for a, b in r.content)


def test_he_in_an_answer_is_someone_the_interviewee_quotes(nlp):
    t, found = _found(nlp)
    generator = _with(t, found, "the generator was working")
    assert generator.source.entity != "Mira Holt"
    assert generator.source.text == "He"
    assert [v.entity for v in generator.via][-1] == "Mira Holt"


def test_a_relay_inside_an_answer_names_the_one_cited(nlp):
    t, found = _found(nlp)
    month = _with(t, found, "another month")
    assert month.source.text == "his supervisor"
    assert [v.text for v in month.via][-2:] == ["Mira Holt", "An engineer"]
