"""A piece in a person's voice (an op-ed, a column, a blog thread) speaks for its writer, not its outlet."""

from __future__ import annotations

from claimledger.extract import extract
from claimledger.model import Article

OPED = (
    "THE HARBOUR POST\nOpinion | Monday 6 May 2024\n\nThe ferry fire was no accident\n\nBy Livia Marchant\n\n"
    "The operator calls the fire bad luck. I disagree. The ferry carried 412 passengers that night, nearly "
    "100 more than its licence allowed. I believe the crew had no chance of getting them all off in time.\n"
)

REPORT = (
    "THE HARBOUR POST\nMonday 6 May 2024\n\nFerry fire: 14 treated in hospital\n\nBy Livia Marchant\n\n"
    "The ferry carried 412 passengers when the fire broke out, nearly 100 more than its licence allowed. "
    "The coastguard said 14 people were treated in hospital.\n"
)


def _claims(nlp, text):
    article = Article(text=text, path="t.txt", outlet="The Harbour Post", author="Livia Marchant",
                      published="2024-05-06")
    return extract(article, nlp(article.analysis_text()))


def test_an_op_eds_own_statements_and_its_writers_i_are_the_writers(nlp):
    claims = _claims(nlp, OPED)
    own = next(c for c in claims if c.kind == "own" and "412" in c.content)
    assert own.source.entity == "Livia Marchant" and own.source.kind == "person"
    believed = next(c for c in claims if c.cue == "believe")
    assert believed.source.entity == "Livia Marchant" and believed.stance == "hedges"


def test_a_news_reports_own_statements_stay_the_outlets_whoever_wrote_it(nlp):
    claims = _claims(nlp, REPORT)
    own = next(c for c in claims if c.kind == "own" and "412" in c.content)
    assert own.source.entity == "The Harbour Post"
    coastguard = next(c for c in claims if c.cue == "said")
    assert coastguard.source.entity == "coastguard"


def test_a_quoted_i_is_the_speaker_not_the_writer(nlp):
    text = OPED + '\n"I saw the smoke from the quay," said Ana Ruiz, a deckhand.\n'
    quoted = next(c for c in _claims(nlp, text) if c.kind == "direct")
    assert quoted.source.entity == "Ana Ruiz"


def test_a_headline_word_is_no_section_label():
    from claimledger.extract.voice import _personal_header

    assert _personal_header("THE HARBOUR POST\nOpinion | Monday 6 May 2024\n\nThe fire was no accident\n")
    assert _personal_header("THE HARBOUR POST\nCOMMENT\n\nThe fire was no accident\n")
    assert not _personal_header("THE HARBOUR POST\n\nMinister declines to comment on ferry fire\n")
