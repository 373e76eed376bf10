"""Passes over an article's relations: adjunct pieces of content."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import find_attributions
from claimledger.extract.relation import Relation
from claimledger.extract.relation_passes import (
    appositive_commas,
    close_open_quotes,
    cue_with_auxiliaries,
    cut_out_own_cue,
    drop_adjunct_pieces,
    drop_leading_connectives,
    join_touching_pieces,
)


def _relation(doc, cue_word, pieces):
    cue = next(t for t in doc if t.text == cue_word)
    spans = [(doc.text.index(p), doc.text.index(p) + len(p)) for p in pieces]
    return Relation(sentence=(0, len(doc.text)), cue=(cue.idx, cue.idx + len(cue)), cue_lemma=cue.lemma_,
                    content=spans, source=None, source_span=None, cue_token=cue.i)


def test_a_fronted_time_adjunct_is_not_content(nlp):
    doc = nlp("During his two years in office, the governor said the port had doubled its traffic.")
    rel = _relation(doc, "said", ["During his two years in office", "the port had doubled its traffic"])
    (out,) = drop_adjunct_pieces(doc, [rel])
    assert [doc.text[a:b] for a, b in out.content] == ["the port had doubled its traffic"]


def test_quoted_pieces_and_lone_pieces_stay(nlp):
    doc = nlp("\u201cWe are ready,\u201d the coach said, \u201cand we will win.\u201d")
    rel = _relation(doc, "said", ["\u201cWe are ready,\u201d", "\u201cand we will win.\u201d"])
    (out,) = drop_adjunct_pieces(doc, [rel])
    assert len(out.content) == 2
    doc = nlp("During the storm, the mayor said nothing.")
    lone = _relation(doc, "said", ["During the storm"])
    (out,) = drop_adjunct_pieces(doc, [lone])
    assert len(out.content) == 1


def test_pieces_with_only_space_between_are_one():
    text = "\u201cWe will not use the term \u2026 harbour crisis,\u201d she said. \u201cNever.\u201d"
    first = text.index("\u2026") + 1
    rel = Relation(sentence=(0, len(text)), cue=(0, 1), cue_lemma="say", source=None, source_span=None,
                   content=[(first + 1, text.index(",") + 2), (0, first), (text.rindex("\u201cN"), len(text))])
    (out,) = join_touching_pieces(text, [rel])
    assert out.content == [(0, text.index(",") + 2), (text.rindex("\u201cN"), len(text))]


def test_leading_connective_is_not_content():
    text = "However, the campaign plans to publish the records soon, an aide said."
    rel = Relation(sentence=(0, len(text)), cue=(66, 70), cue_lemma="say", content=[(0, 55)], source=None,
                   source_span=None)
    drop_leading_connectives(text, [rel])
    assert text[rel.content[0][0]:rel.content[0][1]] == "the campaign plans to publish the records soon"
    quoted = "\u201cBut we will win,\u201d she said."
    rel = Relation(sentence=(0, len(quoted)), cue=(23, 27), cue_lemma="say", content=[(0, 18)], source=None,
                   source_span=None)
    drop_leading_connectives(quoted, [rel])
    assert rel.content == [(0, 18)]


def _sourced(text: str, source: str) -> Relation:
    start = text.index(source)
    return Relation(sentence=(0, len(text)), cue=None, cue_lemma="say", content=[(0, 1)], source=None,
                    source_span=(start, start + len(source)))


@pytest.mark.parametrize(("text", "given", "expected"), [
    # an appositive keeps the comma that closes it, whether or not the phrase came with it
    ("Mira Holt, the port's director, said traffic doubled.", "Mira Holt, the port's director",
     "Mira Holt, the port's director,"),
    ("Mira Holt, the port's director, said traffic doubled.", "Mira Holt, the port's director, ",
     "Mira Holt, the port's director,"),
    # a bare name drops a trailing comma and takes none
    ("Holt, who runs the port, said traffic doubled.", "Holt,", "Holt"),
    ("Holt, who runs the port, said traffic doubled.", "Holt", "Holt"),
])
def test_source_commas_follow_the_appositive_convention(text, given, expected):
    (rel,) = appositive_commas(text, [_sourced(text, given)])
    assert text[slice(*rel.source_span)] == expected


def test_content_around_its_own_cue_loses_source_and_cue():
    text = "The budget cuts the ferry line, which the mayor said was losing money."
    start, cue = text.index("which"), text.index("said")
    rel = Relation(sentence=(0, len(text)), cue=(cue, cue + 4), cue_lemma="say", content=[(start, len(text) - 1)],
                   source=None, source_span=(text.index("the mayor"), text.index("the mayor") + 9))
    (out,) = cut_out_own_cue(text, [rel])
    assert [text[a:b] for a, b in out.content] == ["which", "was losing money"]
    text = "They called it a rescue, the mayor said."
    rel = Relation(sentence=(0, len(text)), cue=(text.index("said"), len(text) - 1), cue_lemma="say",
                   content=[(0, text.index(","))], source=None, source_span=None)
    (out,) = cut_out_own_cue(text, [rel])
    assert out.content == [(0, text.index(","))]


def test_content_stopping_short_of_its_closing_quote_takes_it():
    text = 'The envoy urged the rebels to "lay down their arms." Talks resume today.'
    start = text.index("the rebels")
    rel = Relation(sentence=(0, 52), cue=(10, 15), cue_lemma="urge", content=[(start, text.index("arms") + 4)],
                   source=None, source_span=None)
    (out,) = close_open_quotes(text, [rel])
    assert text[slice(*out.content[0])] == 'the rebels to "lay down their arms."'
    rel.content = [(start, text.index(" to"))]  # no quote opened: nothing to close
    (out,) = close_open_quotes(text, [rel])
    assert text[slice(*out.content[0])] == "the rebels"
    text = "She praised the \u201crescue crew\u2019s courage.\u201d"  # an apostrophe closes no double quote
    rel.content = [(text.index("the"), text.index("\u2019"))]
    (out,) = close_open_quotes(text, [rel])
    assert text[slice(*out.content[0])] == "the \u201crescue crew"


def test_cue_takes_its_auxiliaries_and_adverbs(nlp):
    doc = nlp("The harbour master has also confirmed that the ferry will sail.")
    rel = _relation(doc, "confirmed", ["that the ferry will sail"])
    (out,) = cue_with_auxiliaries(doc, [rel])
    assert doc.text[slice(*out.cue)] == "has also confirmed"
    doc = nlp("The harbour master then confirmed that the ferry will sail.")
    rel = _relation(doc, "confirmed", ["that the ferry will sail"])
    (out,) = cue_with_auxiliaries(doc, [rel])
    assert doc.text[slice(*out.cue)] == "confirmed"


def test_who_rejects_a_report_does_not_relay_it(nlp):
    doc = nlp("Washington rejected a report by the journalist Seymour Hersh that navy divers destroyed the "
              "pipelines. Hersh wrote on Wednesday that the charges were set in June.")
    found = find_attributions(doc)
    hersh = [r for r in found if r.source is not None and r.source.entity == "Seymour Hersh"]
    assert len(hersh) == 2
    assert all(not r.via for r in hersh)


def test_who_reports_a_claim_relays_it(nlp):
    doc = nlp("The newspaper repeated the officials' claim that the divers had left in June.")
    found = find_attributions(doc)
    officials = [r for r in found if r.source is not None and r.source.text == "the officials"]
    assert officials and [v.text for v in officials[0].via] == ["The newspaper"]


@pytest.mark.parametrize("text", [
    # the parse hangs "according to" on the speaker's clause ...
    "The port authority said 300 containers had been lost, according to the Harbour Post, a local paper.",
    # ... or on the reported one
    "Officials said on Monday that 300 containers had been lost, according to the Harbour Post.",
])
def test_a_trailing_according_to_relays_the_speaker(nlp, text):
    rels = find_attributions(nlp(text))
    speaker = next(r for r in rels if r.kind != "according_to")
    assert [v.text for v in speaker.via] == ["the Harbour Post"]
    report = next(r for r in rels if r.kind == "according_to")
    assert report.via == [] and report.relays_inner


def test_nobody_makes_no_claim(nlp):
    text = ("No other official has repeated the figure. Nobody can say how many ships sank. "
            "Neither the port nor the navy has confirmed the report.")
    sources = [r.source.text for r in find_attributions(nlp(text)) if r.source is not None]
    assert not any(s.lower().startswith(("no ", "nobody")) for s in sources)
    assert any("the port" in s for s in sources)  # "neither X nor Y" is X and Y
