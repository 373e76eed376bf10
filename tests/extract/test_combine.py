"""Joining learned span guesses with rule relations, on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import find_attributions
from claimledger.extract.combine import (
    _an_inquiry,
    _cut_at_sentence_end,
    _merged_content,
    _own_sentence_first,
    _whole_phrase,
)
from claimledger.extract.learned import available
from claimledger.model import Party

needs_models = pytest.mark.skipif(not available(), reason="python-crfsuite or the shipped taggers missing")


def _rels(nlp, text):
    doc = nlp(text)
    return doc, find_attributions(doc)


def test_rule_content_reaches_the_clause_end():
    text = "The agency said the road would reopen soon, of which crews were sure."
    rule = [(16, len(text) - 1)]
    learned = [(16, text.index(", of"))]
    assert _merged_content(text, rule, learned) == rule


def test_rule_content_stops_where_a_new_clause_starts():
    text = "The agency said the road would reopen soon but gave no date."
    rule = [(16, len(text) - 1)]
    learned = [(16, text.index(" but"))]
    assert [text[a:b] for a, b in _merged_content(text, rule, learned)] == ["the road would reopen soon"]


def test_learned_piece_outside_the_rule_is_kept():
    text = '"We are ready," the coach said. "The team has trained all winter."'
    rule = [(0, 15)]
    second = (text.index('"The team'), len(text))
    assert _merged_content(text, rule, [(0, 15), second]) == [(0, 15), second]



def test_quote_after_a_closing_paraphrase_is_left_to_continue_on_its_own():
    text = 'Little is known so far, the analyst told a radio station. "But the ferries will sail."'
    cue = (text.index("told"), text.index("told") + 4)
    sentence = (0, text.index(".") + 1)
    quote = (text.index('"But'), len(text))
    assert _own_sentence_first([(0, text.index(",")), quote], cue, sentence, text) == [(0, text.index(","))]


def test_quote_after_a_quoting_sentence_stays_in_the_relation():
    text = '"Little is known so far," the analyst said. "But the ferries will sail."'
    cue = (text.index("said"), text.index("said") + 4)
    sentence = (0, text.index(".") + 1)
    pieces = [(0, text.index(",") + 2), (text.index('"But'), len(text))]
    assert _own_sentence_first(pieces, cue, sentence, text) == pieces


@needs_models
def test_a_cue_outside_the_rule_lexicon_is_found(nlp):
    text = "The senator hopes that the bill will pass before the summer recess."
    found = find_attributions(nlp(text))
    assert len(found) == 1
    r = found[0]
    assert text[r.cue[0]:r.cue[1]] == "hopes"
    assert r.origin == "learned"
    assert r.source.text == "The senator"
    assert [text[a:b] for a, b in r.content] == ["that the bill will pass before the summer recess"]


@needs_models
def test_recipient_is_never_the_content(nlp):
    text = "Fewer ferries will sail this winter, the harbour master told the Coast Gazette."
    found = find_attributions(nlp(text))
    told = next(r for r in found if text[r.cue[0]:r.cue[1]] == "told")
    assert [text[a:b] for a, b in told.content] == ["Fewer ferries will sail this winter"]
    assert [v.entity for v in told.via] == ["Coast Gazette"]


def _guess(doc, cue: str, content_from: str, source: str | None = None, **kw):
    from claimledger.extract.learned import SpanGuess

    def idx(word: str) -> int:
        return next(t.i for t in doc if t.text == word)

    first = idx(content_from)
    content = [[i for i in range(first, len(doc)) if not doc[i].is_punct]]
    src = [idx(w) for w in source.split()] if source else []
    return SpanGuess(cue=[idx(cue)], source=src, content=content, sentence=(0, len(doc.text)), **kw)


def test_doubtful_learned_cue_needs_confidence_and_a_speaker(nlp):
    from claimledger.extract.combine import ALONE_P, combine
    from claimledger.extract.sources import SourceResolver
    from claimledger.extract.speakers import subject_of

    doc = nlp("Farmers in the valley fear the dam will flood their fields.")

    def run(**kw):
        return combine(doc, [], [_guess(doc, "fear", "the", **kw)], [], SourceResolver(doc), subject_of)

    assert run(source="Farmers", viterbi=False, cue_p=ALONE_P - 0.1) == []
    assert run(viterbi=False, cue_p=0.99) == []  # no speaker either: dropped
    kept = run(source="Farmers", viterbi=False, cue_p=ALONE_P + 0.1)
    assert [r.source.text for r in kept] == ["Farmers"] and kept[0].origin == "learned"


def test_learned_cue_without_source_takes_the_parsed_subject(nlp):
    from claimledger.extract.combine import combine
    from claimledger.extract.sources import SourceResolver
    from claimledger.extract.speakers import subject_of

    doc = nlp("Norway recalled its envoy on Monday and demanded an apology from the embassy.")
    found = combine(doc, [], [_guess(doc, "demanded", "an")], [], SourceResolver(doc), subject_of)
    assert [(r.source.text, r.kind) for r in found] == [("Norway", "indirect")]
    alone = combine(doc, [], [_guess(doc, "demanded", "an")], [], SourceResolver(doc))
    assert [(r.source, r.kind) for r in alone] == [(None, "unattributed")]


def test_scare_quote_the_tagger_left_out_is_dropped():
    text = 'The mayor, a "born optimist," said: "The bridge will open in May."'
    scare = (text.index('"born'), text.index(' said') - 1)
    words = (text.index('"The bridge'), len(text))
    assert _merged_content(text, [scare, words], [words]) == [words]
    assert _merged_content(text, [(0, 9), words], [words]) == [(0, 9), words]  # an unquoted piece stays


@needs_models
def test_participle_cue_takes_the_speaker_of_the_verb_it_hangs_from(nlp):
    text = "The ferry company's board firmly rejected the complaints, calling them baseless at a meeting in Dorn."
    _, found = _rels(nlp, text)
    calling = next(r for r in found if text[r.cue[0]:r.cue[1]] == "calling")
    assert calling.source is not None and calling.source.text.startswith("The ferry company's board")


@needs_models
def test_relative_pronoun_speaker_is_its_antecedent_and_other_verbs_content_stays_theirs(nlp):
    text = ("A harbour official, who asked not to be named because she was not cleared to speak, told the "
            "Dorn Courier that about 40 ferries were idle.")
    _, found = _rels(nlp, text)
    # "who" as written, naming the official
    assert all(r.source is None or r.source.text.lower() != "who" or r.source.entity == "harbour official"
               for r in found)
    told = next(r for r in found if text[r.cue[0]:r.cue[1]] == "told")
    asked = [r for r in found if text[r.cue[0]:r.cue[1]] == "asked"]
    for r in asked:  # if the taggers read "asked" as a cue, it keeps to its own clause
        assert not any(a <= told.content[0][0] < b for a, b in r.content)
        assert "harbour official" in r.source.entity


def test_the_one_asked_is_no_speaker(nlp):
    from claimledger.extract.combine import _asked_one

    doc = nlp("Mayor Ann Lee, asked about the bridge at a briefing on Monday, did not deny the delay.")
    asked = next(t for t in doc if t.text == "asked")
    assert _asked_one(doc, asked, [0, 1, 2])
    doc2 = nlp("Mayor Ann Lee asked about the bridge and said it would open in May.")
    asked2 = next(t for t in doc2 if t.text == "asked")
    assert not _asked_one(doc2, asked2, [0, 1, 2])


def test_a_run_ending_on_a_modifier_goes_on_to_its_noun(nlp):
    doc = nlp("The mayor criticized his late-night posts about the harbour.")
    start = next(t.i for t in doc if t.text == "his")
    late = next(t.i for t in doc if t.text == "late")
    posts = next(t.i for t in doc if t.text == "posts")
    assert _whole_phrase(doc, [start, late])[-1] == posts
    assert _whole_phrase(doc, [start, late, late + 1, late + 2, posts]) == [start, late, late + 1, late + 2, posts]


def test_learned_content_stops_at_its_sentence_end_outside_quotes():
    text = 'The port told us it would not reopen. Nobody knows when. She said "we wait. We hope." Then left.'
    sentence = (0, text.index("Nobody"))
    piece = (text.index("it would"), text.index(" when") + 5)
    assert [text[a:b] for a, b in _cut_at_sentence_end([piece], sentence, [], text)] == ["it would not reopen"]
    # a quote that goes on past the sentence end keeps going
    q0, q1 = text.index('"we'), text.index('hope."') + 6
    quoted = (q0, q1)
    assert _cut_at_sentence_end([quoted], (text.index("She"), text.index("We hope")), [quoted], text) == [quoted]


def test_according_to_after_a_semicolon_keeps_to_its_own_statement(nlp):
    from claimledger.extract.attribution import find_attributions
    text = ("Observers say the brigades have been sent to the Kursk region, a move that, since it stays within "
            "Russian territory, would be lawful under international law; other reports, however, suggest a few "
            "could already be inside Ukrainian territory, according to two intelligence sources cited by CNN.")
    found = find_attributions(nlp(text))
    [acc] = [r for r in found if r.kind == "according_to"]
    assert " ".join(text[a:b] for a, b in acc.content).startswith("other reports, however, suggest")


@needs_models
def test_a_statement_before_a_semicolon_held_by_another_speaker_is_not_this_ones(nlp):
    text = "Ministry puts Valdorian force in Karsk at about 9,000; alliance says units are in Arden"
    found = find_attributions(nlp(text))
    [says] = [r for r in found if r.cue_lemma == "say"]
    assert [text[a:b] for a, b in says.content] == ["units are in Arden"]


@needs_models
def test_a_source_asking_to_stay_unnamed_claims_nothing(nlp):
    text = ("A harbour official, who asked not to be named because he was not allowed to speak to the press, "
            "told the Gazette that about 40 ships were waiting outside the port.")
    found = find_attributions(nlp(text))
    assert [text[r.cue[0]:r.cue[1]] for r in found] == ["told"]


@needs_models
def test_putting_out_a_statement_is_no_claim_until_it_says_something(nlp):
    from claimledger.extract import extract
    from claimledger.model import Article

    text = ("The rescue service said the figure was 28 metres.\n\n"
            "Vantry Coal Company has put out a short statement. The mayor issued a statement on Monday.")
    assert [c.content for c in extract(Article(text=text), nlp(text))] == ["the figure was 28 metres"]


@needs_models
def test_a_finding_inside_a_report_is_the_reporters_claim_unless_a_study_found_it(nlp):
    from claimledger.extract import extract
    from claimledger.model import Article

    def sources(text):
        return [(c.source.text, c.content) for c in extract(Article(text=text), nlp(text))]

    found = sources("Colonel Tobin Arkwell says a camera lowered through the borehole measured oxygen at 17 per "
                    "cent inside the chamber.")
    assert [s for s, _ in found] == ["Colonel Tobin Arkwell"], found
    found = sources("Agnes Thorvald, the chief investigator, said divers had found the bow door open on the seabed.")
    assert [s for s, _ in found] == ["Agnes Thorvald"], found
    # a study is a source of its own wherever it is cited
    assert _an_inquiry(Party(text="a study by the university")) and not _an_inquiry(Party(text="divers"))


@needs_models
def test_according_to_inside_another_speakers_report_ends_before_that_speaker(nlp):
    # the tagger runs the phrase's content on over ", Lenz said"; Lenz reports it, the pilots say it
    text = ("Lenz said the crew had more runway.\n\nAccording to pilots who landed before flight ES 418, water was "
            "lying \"in sheets\" across the runway that evening, Lenz said. He also said there had been seven "
            "crew on board.")
    found = find_attributions(nlp(text))
    [acc] = [r for r in found if r.kind == "according_to"]
    assert [text[a:b] for a, b in acc.content] == ['water was lying "in sheets" across the runway that evening']
    assert [v.text for v in acc.via] == ["Lenz"]


@needs_models
def test_a_learned_relation_keeps_the_relays_of_its_speaker(nlp):
    # "show" with no clause is the tagger's find alone; the records were reported by the Tribune, and the
    # participle "reported" on them is no cue of theirs
    text = "Port ticket records reported by the Valdane Tribune show 388 tickets sold."
    found = find_attributions(nlp(text))
    assert [(r.cue_lemma, [v.entity for v in r.via]) for r in found] == [("show", ["Valdane Tribune"])]
    # whom a cue outside the lexicon addresses is no medium, whatever the tagger makes of it
    found = find_attributions(nlp("Both sides can point to the left rear door, which stayed shut because of the fire "
                                  "outside it."))
    assert all(not r.via for r in found)


@needs_models
def test_the_subject_of_a_subordinate_clause_is_not_the_speaker(nlp):
    # the parser hangs "the storm" (after "after") on "claimed" as a second subject; the posts claim it
    text = ("Posts on local Telegram channels in the days after the storm claimed that the ferry had been carrying "
            "two hundred passengers.")
    found = find_attributions(nlp(text))
    [claimed] = [r for r in found if r.cue_lemma == "claim"]
    assert text[claimed.source_span[0]:claimed.source_span[1]].startswith("Posts")


def test_a_thing_promised_by_someone_is_no_words_of_theirs(nlp):
    text = "Nine of the 12 aircraft promised by Galdria had arrived by Saturday night, the fire service said."
    found = find_attributions(nlp(text), text)
    assert [r.source.text for r in found] == ["the fire service"]
