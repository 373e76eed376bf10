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


# the interviewee is introduced by name and age (the tagger may call the name an organisation) and
# "spoken to" as "her"; the answers speak of others as "my lawyer", "the captain", "my brother-in-law"
AGED = "\n\n".join([
    "Nadia Cortes, 38, teaches history at a secondary school in Kessport. We spoke to her on Tuesday at her flat.",
    "Q: What do you remember of the approach?",
    "A: The captain said it would be bumpy. It took at least five minutes before I was standing in the grass.",
    "Q: What do the engineers say?",
    "A: My brother-in-law works in the Estrel hangar at Kessport. He says they lost a third of the engineers.",
    "Q: Has the airline offered you anything?",
    "A: Five thousand euros, paid on Monday. My lawyer says the airline will have to pay far more than that.",
]) + "\n"


def test_an_interviewee_introduced_with_an_age_answers(nlp):
    doc = nlp(AGED)
    t, found = doc.text, find_attributions(doc)
    minutes = _with(t, found, "at least five minutes")
    assert minutes.source.entity == "Nadia Cortes" and minutes.kind == "interview"


def test_those_an_interviewee_speaks_of_are_not_the_interviewee(nlp):
    doc = nlp(AGED)
    t, found = doc.text, find_attributions(doc)
    captain = _with(t, found, "would be bumpy")
    assert captain.source.entity == "captain"
    assert [v.entity for v in captain.via][-1] == "Nadia Cortes"
    lawyer = _with(t, found, "pay far more")
    assert lawyer.source.entity == "Nadia Cortes's lawyer"
    engineers = _with(t, found, "lost a third")
    assert engineers.source.text == "He" and engineers.source.entity == "Nadia Cortes's brother-in-law"
    assert [v.entity for v in engineers.via][-1] == "Nadia Cortes"


def test_one_quoted_by_a_speaker_later_speaks_for_themself(nlp):
    # the minister relays what the commander told her; the commander's own testimony has no relay
    doc = nlp("Dagny Roos spoke first. She told the committee that the match commander, Joren Halvard, had told "
              "her that no gas was fired. Later, Halvard said he had authorised the opening of the gate.")
    found = find_attributions(doc)
    gas = _with(doc.text, found, "no gas was fired")
    assert gas.source.entity == "Joren Halvard" and [v.entity for v in gas.via] == ["Dagny Roos"]
    gate = _with(doc.text, found, "opening of the gate")
    assert gate.source.entity == "Joren Halvard" and gate.via == []


def test_one_who_told_a_newspaper_keeps_it_as_relay(nlp):
    doc = nlp("Irene Fairweather told the Gazette that the dam was old. Later she said it had been inspected.")
    found = find_attributions(doc)
    assert [v.text for v in _with(doc.text, found, "had been inspected").via] == ["the Gazette"]
