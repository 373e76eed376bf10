"""Content span helpers, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import find_attributions
from claimledger.extract.content_spans import drop_cue_adjuncts, drop_speech_participles, drop_trailing_clauses


def _content_after(doc, cue_word: str) -> tuple[object, list[tuple[int, int]]]:
    cue = next(t for t in doc if t.text == cue_word)
    start = doc[cue.i + 1].idx
    end = len(doc.text.rstrip(". "))
    return cue, [(start, end)]


def test_cue_adjunct_before_that_clause_is_not_content(nlp):
    doc = nlp("The harbour master said in an interview on Tuesday that the ferry would sail at noon.")
    cue, content = _content_after(doc, "said")
    (a, b), = drop_cue_adjuncts(cue, content)
    assert doc.text[a:b] == "that the ferry would sail at noon"


@pytest.mark.parametrize("text, content", [
    ("Danish police said on Monday they had closed their investigation.", "they had closed their investigation"),
    ("The mayor said yesterday the bridge would reopen.", "the bridge would reopen"),
    ("The mayor criticised last week's vote.", "last week's vote"),  # a possessive date is what was said
])
def test_a_date_after_the_cue_dates_the_saying(nlp, text, content):
    doc = nlp(text)
    cue = next(t for t in doc if t.pos_ == "VERB")
    (a, b), = drop_cue_adjuncts(cue, [(doc[cue.i + 1].idx, len(text) - 1)])
    assert doc.text[a:b] == content


def test_told_recipient_before_that_clause_is_not_content(nlp):
    doc = nlp("The mayor told the city council on Monday that the bridge would reopen in May.")
    cue, content = _content_after(doc, "told")
    (a, b), = drop_cue_adjuncts(cue, content)
    assert doc.text[a:b] == "that the bridge would reopen in May"


def test_content_without_that_clause_is_kept_whole(nlp):
    doc = nlp("The coach described the loss as painful for everyone.")
    cue, content = _content_after(doc, "described")
    assert drop_cue_adjuncts(cue, content) == content


def test_content_before_the_cue_is_kept(nlp):
    doc = nlp("The ferry will sail at noon, the harbour master said in a statement.")
    cue = next(t for t in doc if t.text == "said")
    content = [(0, doc.text.index(","))]
    assert drop_cue_adjuncts(cue, content) == content



def test_participle_of_the_cue_is_not_content(nlp):
    doc = nlp("The minister rejected the proposal, saying it would cost too much.")
    cue, content = _content_after(doc, "rejected")
    (a, b), = drop_trailing_clauses(cue, content, doc.text)
    assert doc.text[a:b] == "the proposal"


def test_when_the_saying_happened_is_not_content(nlp):
    doc = nlp("The mayor's spokesman dismissed the report as nonsense when reporters in Arden asked about it.")
    cue, content = _content_after(doc, "dismissed")
    (a, b), = drop_trailing_clauses(cue, content, doc.text)
    assert doc.text[a:b] == "the report as nonsense"


def test_second_verb_of_the_speaker_is_not_content(nlp):
    doc = nlp("The senator praised the new budget and said it would help farmers.")
    cue, content = _content_after(doc, "praised")
    (a, b), = drop_trailing_clauses(cue, content, doc.text)
    assert doc.text[a:b] == "the new budget"


def test_second_verb_with_its_own_subject_stays(nlp):
    doc = nlp("The senator praised the new budget and she said it would help farmers.")
    cue, content = _content_after(doc, "praised")
    assert drop_trailing_clauses(cue, content, doc.text) == content


def test_another_speakers_coordinated_attribution_is_not_content(nlp):
    doc = nlp("The mayor said the bridge was closed, and police said two people had died.")
    cue, content = _content_after(doc, "said")
    second = [t for t in doc if t.text == "said"][1]
    (a, b), = drop_trailing_clauses(cue, content, doc.text, frozenset({cue.i, second.i}))
    assert doc.text[a:b] == "the bridge was closed"
    # not known as another relation's cue: left alone
    assert drop_trailing_clauses(cue, content, doc.text) == content


def test_second_speech_verb_hung_from_the_content_is_not_content(nlp):
    doc = nlp("The office said 150 tonnes of oil had been released into the river when the hall was swept "
              "away, and warned that 300 more tonnes could still leak.")
    cue, content = _content_after(doc, "said")
    (a, b), = drop_trailing_clauses(cue, content, doc.text)
    assert doc.text[a:b] == "150 tonnes of oil had been released into the river when the hall was swept away"


def test_participle_inside_a_quote_stays(nlp):
    doc = nlp('The governor said, "We will rebuild the bridge, saying nothing more, and soon."')
    cue = next(t for t in doc if t.text == "said")
    content = [(doc.text.index('"'), len(doc.text))]
    assert drop_trailing_clauses(cue, content, doc.text) == content
    assert drop_speech_participles(doc, doc.text, content, {"say"}) == content


def test_speech_participle_ends_content_wherever_it_hangs(nlp):
    doc = nlp("The union said the strike would continue, arguing that the offer was far too low.")
    _, content = _content_after(doc, "said")
    (a, b), = drop_speech_participles(doc, doc.text, content, {"say", "argue"})
    assert doc.text[a:b] == "the strike would continue"


def test_according_to_ends_content(nlp):
    doc = nlp("Officials said the dam was safe, according to the local paper.")
    _, content = _content_after(doc, "said")
    (a, b), = drop_speech_participles(doc, doc.text, content, {"say"})
    assert doc.text[a:b] == "the dam was safe"


def test_other_participles_stay(nlp):
    doc = nlp("Officials said the storm hit the coast, flooding three villages.")
    _, content = _content_after(doc, "said")
    assert drop_speech_participles(doc, doc.text, content, {"say"}) == content


@pytest.mark.parametrize("text, said", [
    ("Oslo says so while Helsinki denies it.", "so"),
    ("Oslo said two cables had been cut, while Helsinki denied any damage.", "two cables had been cut"),
    ("Oslo says four ships were seen, although Helsinki puts the number at two.", "four ships were seen"),
])
def test_a_contrasting_speaker_is_neither_content_nor_relayed(nlp, text, said):
    found = find_attributions(nlp(text))
    oslo = next(r for r in found if r.source is not None and r.source.text == "Oslo")
    assert [text[a:b] for a, b in oslo.content] == [said]
    helsinki = next(r for r in found if r.source is not None and r.source.text == "Helsinki")
    assert helsinki.via == []


def test_a_while_clause_on_the_content_verb_stays_content(nlp):
    text = "Officials said the ships were moved while the port was still closed."
    (rel,) = find_attributions(nlp(text))
    assert [text[a:b] for a, b in rel.content] == ["the ships were moved while the port was still closed"]
