"""The outlet's own claims: figure-stating sentences in the writer's voice, on text written for these tests."""

from __future__ import annotations

from claimledger.extract import extract
from claimledger.extract.own import headline, own_sentences
from claimledger.model import Article

TEXT = ("Ferry capsizes off Kos\n\n"
        "By Ana Reyes | The Harbour Post | 4 May 2024\n\n"
        "The ferry carried about 240 passengers when it capsized. "
        "The coastguard said 31 people were missing. "
        "\"We saw 40 lifejackets in the water,\" a fisherman said. "
        "How many crew were aboard? "
        "Rescuers worked through the night.\n")


def _claims(nlp, text=TEXT, published="2024-05-04"):
    article = Article(text=text, path="ferry.txt", outlet="The Harbour Post", published=published)
    return extract(article, nlp(article.analysis_text()))


def test_a_figure_the_writer_states_is_the_outlets_claim(nlp):
    own = [c for c in _claims(nlp) if c.kind == "own"]
    assert [c.content for c in own] == ["The ferry carried about 240 passengers when it capsized."]
    claim = own[0]
    assert claim.source.text == "The Harbour Post" and claim.source.kind == "outlet"
    assert [(f.value, f.kind) for f in claim.figures] == [(240, "approx")]
    assert claim.claim_date == "2024-05-04"
    # no attribution to mark: nothing for attribution scorers to count
    assert claim.spans == {"source": None, "cue": None, "content": None}


def test_attributed_quoted_asked_and_figureless_sentences_are_not_the_outlets(nlp):
    claims = _claims(nlp)
    own = {c.content for c in claims if c.kind == "own"}
    assert not any("missing" in c or "lifejackets" in c or "crew" in c or "night" in c for c in own)
    # the coastguard's figure stays the coastguard's, in text order after the writer's
    kinds = [c.kind for c in claims]
    assert kinds.index("own") < next(k for k, c in enumerate(claims) if "31 people" in c.content)


def test_no_outlet_named_means_no_source(nlp):
    article = Article(text="The bridge is 300 metres long.", path="b.txt")
    [claim] = extract(article, nlp(article.analysis_text()))
    assert claim.kind == "own" and claim.source is None


def test_a_headline_or_a_year_like_name_is_no_claim(nlp):
    assert headline("Poland 2050 Leader Weighs Presidential Bid")
    assert not headline("The ferry carried 240 passengers.")
    text = "Green 2040 party holds its congress in Lodz."
    doc = nlp(text)
    assert own_sentences(doc, text, []) == []


def test_past_a_fronted_clause_holding_a_relation_the_writer_speaks(nlp):
    text = ("Three days after the ministry first said the channel was open, traffic had reached "
            "about 40 ships a day.\n")
    claims = _claims(nlp, text, published=None)
    own = [c for c in claims if c.kind == "own"]
    assert [c.content for c in own] == ["traffic had reached about 40 ships a day."]
    ministry = next(c for c in claims if c.kind != "own")
    assert ministry.content == "the channel was open"


def test_an_interviewers_line_and_an_unnamed_belief(nlp):
    text = ("Q: Even 40 ships a day would be a record.\n\n"
            "The port is believed to have lost about 3 million dollars in the strike.\n")
    claims = _claims(nlp, text, published=None)
    assert not any(c.content.startswith("Q:") for c in claims)
    # nobody named believes it: the outlet tells it
    believed = next(c for c in claims if "3 million" in c.content)
    assert believed.source is not None and believed.source.text == "The Harbour Post"


def test_told_us_is_relayed_by_the_outlet(nlp):
    text = "The harbour master told us that 40 ships had left on Monday.\n"
    [claim] = [c for c in _claims(nlp, text, published=None) if "40 ships" in c.content]
    assert claim.source.text == "The harbour master" and [v.text for v in claim.via] == ["The Harbour Post"]


def test_a_clause_coordinated_after_what_is_attributed_is_the_writers(nlp):
    text = ("Both sides have used ferry counts to argue about how much of the island depends on the port, "
            "and the union's number would amount to more than a third of the island's roughly 90,000 people.\n")
    own = [c for c in _claims(nlp, text, published=None) if c.kind == "own"]
    assert [c.content for c in own] == ["the union's number would amount to more than a third of the island's "
                                        "roughly 90,000 people."]


def test_the_writers_we_and_our_are_the_outlet(nlp):
    text = ("The mayor said on Monday that 900 homes had been lost. We could not verify that figure. "
            "Our correspondent in Kos reports that ferries have stopped running. "
            '"We will rebuild," the mayor said.\n')
    claims = _claims(nlp, text, published=None)
    ours = next(c for c in claims if "ferries" in c.content)
    assert ours.source.entity == "The Harbour Post's correspondent in Kos"  # not the mayor's
    we = next(c for c in claims if c.source.text == "We")
    assert we.source.entity == "The Harbour Post"
    quoted = next(c for c in claims if "rebuild" in c.content)
    assert quoted.source.text == "the mayor"  # a "we" inside a quote is the speaker's


def test_a_clause_before_what_is_attributed_is_the_writers(nlp):
    text = ("Repairs to the port have cost $550m, up from the $400m first budgeted, but the owner's "
            "insurers say even the lower figure has not been justified.\n")
    own = [c for c in _claims(nlp, text, published=None) if c.kind == "own"]
    assert [c.content for c in own] == ["Repairs to the port have cost $550m, up from the $400m first budgeted"]
    # an adverb "though" opens such a clause too
    text = "The bus carried 52 people, though well short of the 70 the drivers' union claimed.\n"
    own = [c for c in _claims(nlp, text, published=None) if c.kind == "own"]
    assert [c.content for c in own] == ["The bus carried 52 people"]
    # not when the clause after it is someone speaking in the first person
    text = "The organisers' two million is a cumulative figure, and I think it is generous.\n"
    assert not [c for c in _claims(nlp, text, published=None) if c.kind == "own"]


RELEASE = ("HARBOUR AUTHORITY OF KELLAN\n"
           "Press release\n\n"
           "Fire at the harbour: update\n\n"
           "Issued: Monday 3 June 2024, 10:00\n\n"
           "Our thoughts are with the dock workers who were hurt on Saturday.\n\n"
           "The fire on Quay 4 was put out at 02:10 on Sunday. "
           "No containers of fuel were stored on the quay. "
           "It is too early to say what started the fire.\n\n"
           "We ask people not to share the photographs of the injured. "
           "Anyone with footage should contact our incident line.\n\n"
           "About the Harbour Authority of Kellan\n\n"
           "The authority runs the port and employs 900 people.\n\n"
           "Media enquiries: press@kellan-harbour.example\n\n"
           "ENDS\n")


def test_every_statement_of_a_release_is_its_issuers_claim(nlp, tmp_path):
    from claimledger.ingest import iter_inputs

    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    [article] = list(iter_inputs([str(path)]))
    article.outlet = "Harbour Authority of Kellan"
    own = {c.content: c for c in extract(article, nlp(article.analysis_text())) if c.kind == "own"}
    assert set(own) == {"The fire on Quay 4 was put out at 02:10 on Sunday.",
                        "No containers of fuel were stored on the quay.",
                        "It is too early to say what started the fire."}
    assert all(c.source.entity == "Harbour Authority of Kellan" for c in own.values())
    assert own["It is too early to say what started the fire."].stance == "hedges"
    # the issuer's negated statement answers an allegation
    assert own["No containers of fuel were stored on the quay."].stance == "denies"
    assert own["The fire on Quay 4 was put out at 02:10 on Sunday."].stance == "asserts"


STATEMENT = ("REGIONAL SECURITY ORGANISATION\nMonitoring Mission to the Kellan Border\n\n"
             "Statement on the clash of 2 June\n\nPort Amsel, 5 June 2024\n\n"
             "1. The Mission's cameras recorded the first explosions at 23:18 on 2 June. The Mission is not in a "
             "position to determine which side opened fire.\n\n"
             "2. The ceasefire is broadly holding.\n\n"
             "Notes:\nThe Mission reports to the Permanent Council.\n")


def test_a_statement_with_its_notes_is_its_issuers_and_not_knowing_hedges(nlp):
    from claimledger.extract.own import release

    assert release(STATEMENT)
    assert not release(STATEMENT.replace("Notes:", "More:"))  # one mark alone is not enough
    own = {c.content: c for c in _claims(nlp, text=STATEMENT) if c.kind == "own"}
    assert own["The ceasefire is broadly holding."].stance == "asserts"
    assert own["The Mission is not in a position to determine which side opened fire."].stance == "hedges"


def test_outside_a_release_a_figureless_sentence_stays_the_writers_background(nlp):
    text = RELEASE.replace("Press release\n", "").replace("Media enquiries", "Contact").replace("ENDS\n", "")
    own = [c for c in _claims(nlp, text=text) if c.kind == "own"]
    assert [c.content for c in own] == ["The authority runs the port and employs 900 people."]


def test_a_list_items_number_is_no_figure_of_the_writers(nlp):
    text = "The timeline, in order.\n\n10. The ship carried 40 cars.\n\n11. The crew of 12 abandoned it.\n"
    own = [c.content for c in _claims(nlp, text) if c.kind == "own"]
    assert own == ["The ship carried 40 cars.", "The crew of 12 abandoned it."]


def test_an_event_the_writer_dates_is_the_outlets_claim_with_its_date(nlp):
    text = ("Master held\n\nBy Ana Reyes | The Harbour Post | Thursday, 9 May 2024\n\n"
            "Prosecutors arrested the ferry's master on Tuesday on suspicion of negligence. "
            "The harbour reopened to traffic. "
            "A deckhand told the Post on Wednesday that the lockers were chained.\n")
    own = [c for c in _claims(nlp, text=text, published="2024-05-09") if c.kind == "own"]
    assert [c.content for c in own] == ["Prosecutors arrested the ferry's master on Tuesday on suspicion of "
                                        "negligence."]
    assert own[0].event_date.start == "2024-05-07" and own[0].claim_date == "2024-05-09"
