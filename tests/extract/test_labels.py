"""Attributions by layout: speaker labels, a name and a colon before a quote, signed quotes."""

from __future__ import annotations

from claimledger.extract.attribution import find_attributions
from claimledger.extract.labels import (
    drop_heading_colons,
    quote_after_colon,
    signed_quotes,
    speaker_labels,
    verb_then_quote,
)
from claimledger.extract.relation import Relation
from claimledger.extract.sources import SourceResolver

TRANSCRIPT = (
    "Harbour board chair defends the dredging plan.\n\n"
    "On Sunday's programme, host Lena Marsh asked board chair Tomas Varga about the dredging contract.\n\n"
    "MARSH: The contract went to a firm with no experience of deep channels. Why was that?\n\n"
    "VARGA: The tender was open to everyone and the firm offered the lowest price by far.\n\n"
    "MARSH: Critics say the price will double before the work is done.\n\n"
    "VARGA: That is simply not true, and the figures will show it.\n"
)


def _by_cue(text, relations, cue):
    return [r for r in relations if r.cue and text[r.cue[0]:r.cue[1]] == cue]


def test_transcript_lines_belong_to_their_speakers(nlp):
    doc = nlp(TRANSCRIPT)
    found = speaker_labels(doc, SourceResolver(doc))
    assert [doc.text[r.source_span[0]:r.source_span[1]] for r in found] == ["MARSH", "VARGA", "MARSH", "VARGA"]
    last = found[-1]
    assert doc.text[last.content[0][0]:last.content[0][1]] == "That is simply not true, and the figures will show it."
    assert last.source.entity == "Tomas Varga"  # the label names the person introduced in full
    assert last.kind == "direct"


def test_headline_label_names_the_source(nlp):
    text = ("Varga: Dredging Will Finish Before the Winter Storms.\n\n"
            "Harbour board chair Tomas Varga told reporters the work was on schedule.\n")
    doc = nlp(text)
    (rel,) = speaker_labels(doc, SourceResolver(doc))
    assert text[rel.source_span[0]:rel.source_span[1]] == "Varga"
    assert text[rel.content[0][0]:rel.content[0][1]] == "Dredging Will Finish Before the Winter Storms"


def test_titles_and_lone_kickers_are_not_speakers(nlp):
    text = ("Photo: The dredger at work in the outer harbour on Monday.\n\n"
            "UPDATE: The board meets again on Friday to vote on the contract.\n\n"
            "The Latest: Board members split over the dredging contract.\n\n"
            "Total: 42 votes.\n\n"
            "Harbour Board Raises Fees Again: The port raised its mooring charges for the third year running.\n")
    doc = nlp(text)
    assert speaker_labels(doc, SourceResolver(doc)) == []
    # whatever finds a colon cue, a heading with a verb is no source
    heading = text.index("Harbour Board")
    colon = text.index(":", heading)
    rel = Relation(sentence=(heading, len(text)), cue=(colon, colon + 1), cue_lemma=":",
                   content=[(colon + 2, len(text) - 1)], source=None, source_span=(heading, colon))
    assert drop_heading_colons(doc, [rel]) == []


def test_name_and_colon_before_a_quote(nlp):
    text = ("The survey drew wide comment. Economist Priya Nair of the Coastal Institute: "
            "\u201cThe sample is too small to say anything about the northern towns.\u201d\n")
    doc = nlp(text)
    found = quote_after_colon(doc, SourceResolver(doc))
    assert len(found) == 1
    # the person heads the source; her institute stays in its span
    assert text[found[0].source_span[0]:found[0].source_span[1]] == "Economist Priya Nair of the Coastal Institute"
    assert found[0].source.entity == "Priya Nair"
    assert text[found[0].content[0][0]:found[0].content[0][1]].startswith("\u201cThe sample is too small")


def test_signed_quotes(nlp):
    text = ("\u201cThe new ferry timetable has cut my commute in half.\u201d \u2015 Maria Costa\n\n"
            "\u201cI miss the early boat on Sundays.\u201d \u2015 Daniel Okafor.\n")
    doc = nlp(text)
    found = signed_quotes(doc, SourceResolver(doc))
    assert [text[r.source_span[0]:r.source_span[1]] for r in found] == ["Maria Costa", "Daniel Okafor"]
    assert [text[r.cue[0]:r.cue[1]] for r in found] == ["\u2015", "\u2015"]
    assert text[found[1].content[0][0]:found[1].content[0][1]] == "\u201cI miss the early boat on Sundays.\u201d"


def test_signature_after_no_break_space_and_untagged_name(nlp):
    # web pages put a no-break space around the dash; a rare name may have no entity tag
    text = ("\u201cThe ferry is always late and nobody at the council answers letters.\u201d\u00a0\u2015\u00a0"
            "Brannagh Quillfeather\n\u201cThe harbour looks better than ever.\u201d \u2015 Summer 2024\n")
    doc = nlp(text)
    doc.ents = ()  # as if the entity model had missed the name: its proper nouns still sign
    found = signed_quotes(doc, SourceResolver(doc))
    assert [text[r.source_span[0]:r.source_span[1]] for r in found] == ["Brannagh Quillfeather"]


def test_verb_and_colon_then_quote_on_the_next_line(nlp):
    text = ("The harbour master spoke after the vote. Ines Moreau continued:\n\n"
            "\u201cThe channel will be dredged before the winter storms arrive.\u201d\n\n"
            "The board said the price was fair:\n\n\u201cWe checked it twice.\u201d\n")
    doc = nlp(text)
    found = verb_then_quote(doc, SourceResolver(doc))
    # "said the price was fair:" has words of its own before the colon: no relation from the layout
    assert [(text[r.cue[0]:r.cue[1]], text[r.source_span[0]:r.source_span[1]]) for r in found] == [
        ("continued:", "Ines Moreau")]
    assert text[found[0].content[0][0]:found[0].content[0][1]].startswith("\u201cThe channel")


def test_layout_relations_join_the_pipeline_once(nlp):
    doc = nlp(TRANSCRIPT)
    found = find_attributions(doc)
    colon = _by_cue(doc.text, found, ":")
    # one claim per turn, but Marsh's second turn is all the critics' words; Marsh asks the questions, so
    # she speaks for the programme and passes them on as a writer would, through no one
    assert len(colon) == 3
    assert all(r.source is not None for r in colon)
    critics = next(r for r in found if r.source and r.source.text == "Critics")
    assert critics.via == []


def test_a_capitalised_name_with_its_body_in_brackets_labels_a_transcript_turn(nlp):
    # the tagger reads "MIRA OSTROVA" as an organisation; the capitals and the repeated label make it a turn
    text = ("CHAIR: Dr Ostrova, your update please.\n\n"
            "DR MIRA OSTROVA (Food Safety Office): We have now tested 40 batches and found the toxin in nine.\n\n"
            "CHAIR: Thank you.\n\n"
            "DR MIRA OSTROVA (Food Safety Office): The recall covers every batch made since May.\n")
    doc = nlp(text)
    found = [r for r in speaker_labels(doc, SourceResolver(doc)) if r.source.text.startswith("DR")]
    assert [text[r.content[0][0]:r.content[0][1]] for r in found] == [
        "We have now tested 40 batches and found the toxin in nine.", "The recall covers every batch made since May."]


BRIEFING = (
    "Regular press briefing by the Spokesperson, Irena Valkova\n\n"
    "IRENA VALKOVA (Spokesperson): Good morning. The ceasefire has held since Saturday.\n\n"
    "REPORTER (Beacon): Your army says it fired first. Did it?\n\n"
    "VALKOVA: It did not. Our post was attacked for twenty minutes.\n\n"
    "REPORTER (Beacon): How many soldiers died?\n\n"
    "VALKOVA: Twelve of our servicemen have died.\n"
)


def test_a_speaker_labelled_in_full_once_and_by_surname_after_is_one_speaker(nlp):
    doc = nlp(BRIEFING)
    found = speaker_labels(doc, SourceResolver(doc))
    said = {BRIEFING[r.content[0][0]:r.content[0][1]]: r.source.entity for r in found}
    assert said["Good morning. The ceasefire has held since Saturday."] == "Irena Valkova"
    assert said["Twelve of our servicemen have died."] == "Irena Valkova"
    # the reporters' lines put questions: no one's claim
    assert not any("fired first" in content for content in said)
