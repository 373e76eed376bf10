"""The parse stage on texts longer than one piece."""

from __future__ import annotations

from claimledger.parse import parse_text, split_text


def test_pieces_join_back_and_stay_under_the_limit():
    text = ("The harbour master said six ferries were late.\nOfficials said the storm had passed. " * 40)
    pieces = split_text(text, 300)
    assert "".join(pieces) == text
    assert all(len(p) <= 300 for p in pieces)
    assert all(p.endswith(("\n", ". ")) for p in pieces[:-1])  # cut at paragraph or sentence ends
    assert split_text("short", 300) == ["short"]
    # a text with no breaks at all is still cut, exactly at the limit
    assert [len(p) for p in split_text("x" * 650, 300)] == [300, 300, 50]


def test_long_text_parses_in_pieces_with_the_same_offsets(nlp):
    text = "The mayor said that five ferries sank near Dorn.\n" * 30
    doc = parse_text(text, nlp, max_chars=400)
    assert doc.text == text
    said = [t for t in doc if t.text == "said"]
    assert len(said) == 30
    assert all(text[t.idx:t.idx + 4] == "said" for t in said)
    assert all(t.head.text == "said" for t in doc if t.text == "mayor")


def test_doc_text_is_the_documents_text_read_once(nlp):
    from claimledger.parse import doc_text

    doc = nlp("The harbour master said six ferries were late.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # kept on the doc, not joined again from its tokens


def test_a_dateline_ends_its_own_sentence(nlp):
    from claimledger.parse import DATELINE

    for line in ("SEOUL - The ships left port", "WASHINGTON (AP) \u2014 The vote", "KHERSON, Ukraine - Water rose",
                 "MANCHESTER, N.H. -- Voters came", "PORT ELLIS, Westland, May 6, 2024 -- The company",
                 "KYIV, Oct 25 (AP) \u2014 The first", "LONDON, 4 May 2023 - Ministers"):
        assert DATELINE.match(line), line
    for line in ("The United States - and its allies - said", "Oil prices rose - sharply", "A - B"):
        assert not DATELINE.match(line), line
    text = ("Ships reach port, officials say\nKYIV - The first ships reached the port on Oct 23, "
            "the ministry said on Thursday.")
    doc = parse_text(text, nlp)
    lead = [s for s in doc.sents if "ministry" in s.text]
    assert len(lead) == 1 and lead[0].text.startswith("The first ships")
    said = next(t for t in doc if t.text == "said")
    assert "reached" in {t.text for t in said.subtree}


def test_a_live_blog_time_stamp_ends_its_own_sentence(nlp):
    from claimledger.parse import TIME_STAMP

    for line in ("20:15 - The governor said", "9.15am: Crews arrived", "14:05 GMT \u2014 The port"):
        assert TIME_STAMP.match(line), line
    for line in ("20 - 15 ships", "The 20:15 train - late again"):
        assert not TIME_STAMP.match(line), line
    doc = parse_text("Live updates\n\n20:15 - The harbour master said 40 ships were waiting.", nlp)
    assert any(s.text.startswith("The harbour master") for s in doc.sents)


def test_a_sum_in_millions_ends_its_sentence(nlp):
    doc = parse_text("The port asked for $150m. The owner offered 15m. Talks went on at 5 p.m. on Friday.", nlp)
    assert [s.text for s in doc.sents] == ["The port asked for $150m.", "The owner offered 15m.",
                                           "Talks went on at 5 p.m. on Friday."]


def test_a_name_set_off_by_an_appositive_is_the_subject_of_its_verb_of_saying(nlp):
    doc = parse_text("The Harbour Sentinel, a Boston-based news site, reported on Thursday, citing two officials, "
                     "that the navy had tracked the ship.", nlp)
    by_text = {t.text: t for t in doc}
    assert by_text["reported"].dep_ == "ROOT"
    assert (by_text["Sentinel"].dep_, by_text["Sentinel"].head.text) == ("nsubj", "reported")
    assert (by_text["tracked"].dep_, by_text["tracked"].head.text) == ("ccomp", "reported")
    # a passive participle with its agent stays a modifier of the noun
    doc = parse_text("The ship, a bulk carrier, reported by the coastguard, sank.", nlp)
    assert next(t for t in doc if t.text == "reported").dep_ != "ROOT"


def test_a_present_tense_denial_is_the_verb_and_what_it_denies_its_object(nlp):
    doc = parse_text("Vantry rejects claims that it ignored the seismic warnings.", nlp)
    by_text = {t.text: t for t in doc}
    assert (by_text["rejects"].dep_, by_text["rejects"].pos_, by_text["rejects"].lemma_) == ("ROOT", "VERB", "reject")
    assert (by_text["Vantry"].dep_, by_text["Vantry"].head.text) == ("nsubj", "rejects")
    assert (by_text["claims"].dep_, by_text["claims"].head.text, by_text["claims"].pos_) == ("dobj", "rejects", "NOUN")
    assert (by_text["ignored"].dep_, by_text["ignored"].head.text) == ("acl", "claims")
    # a verb of saying with a plural subject is left alone
    doc = parse_text("The rejects said that the line was slow.", nlp)
    assert next(t for t in doc if t.text == "said").dep_ == "ROOT"


def test_a_first_name_between_title_and_surname_stays_in_the_person(nlp):
    doc = nlp("Defence Minister Rustem Umerov said the ship was lost.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("Rustem Umerov", "PERSON")]


def test_a_name_after_an_honorific_is_a_person(nlp):
    doc = nlp("Dr Imogen Tarrant of the Halvard Centre said the hull failed.")
    assert ("Imogen Tarrant", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_name_after_a_title_is_a_person_even_when_the_tagger_missed_it(nlp):
    doc = nlp("The video is fake, Sheriff Wade Ambrose said on Tuesday.")
    assert ("Wade Ambrose", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    # a title before an organisation's name is not read as a person
    doc = nlp("The Chief Executive of Harbour Holdings resigned.")
    assert not any(e.label_ == "PERSON" for e in doc.ents)


def test_a_speaker_set_off_before_a_closing_verb_of_saying_is_its_subject(nlp):
    # the parser hangs "the town's mayor" on "siren" as an appositive, leaving "said" with no subject
    doc = parse_text("In Varro, no siren was heard at all, the town's mayor, Ilse Brandt, said.", nlp)
    by_text = {t.text: t for t in doc}
    assert (by_text["mayor"].dep_, by_text["mayor"].head.text) == ("nsubj", "said")
    # an appositive inside what was said, with its own subject, stays where it is
    doc = parse_text("The ship, a bulk carrier, sank near the port, the coastguard said.", nlp)
    by_text = {t.text: t for t in doc}
    assert (by_text["carrier"].dep_, by_text["carrier"].head.text) == ("appos", "ship")
