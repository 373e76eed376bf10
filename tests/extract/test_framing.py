"""A document carrying another outlet's work as a whole: that outlet relays every source in it."""

from __future__ import annotations

from claimledger.extract import extract
from claimledger.model import Article

TRANSLATION = (
    "HARBOUR MEDIA WATCH\n\n"
    "The following is a translation of a report broadcast by the Nordic broadcaster VTK on Monday evening. "
    "Harbour Media Watch has not verified it.\n\n"
    "The port authority said 14 crew members were missing. Lars Brekke, the ferry line's manager, told the "
    "channel the ship had passed its last inspection. VTK also reported that two lifeboats were never "
    "launched.\n"
)

REPRINT = (
    "THE COAST LEDGER\n\n"
    "By Ana Ruiz, The Harbour Post, with additional reporting by Ledger staff\n\n"
    "This article first appeared in The Harbour Post and is republished with permission.\n\n"
    "The coastguard said 40 people had been rescued. The mayor told the Ledger that the quay would stay "
    "closed. The operator told the Post that the crew had followed every procedure.\n"
)


def _claims(nlp, text, outlet):
    article = Article(text=text, path="t.txt", outlet=outlet, published="2024-05-06")
    return extract(article, nlp(article.analysis_text()))


def _vias(claims, source):
    claim = next(c for c in claims if c.source is not None and c.source.entity == source)
    return [v.entity for v in claim.via]


def test_a_translated_broadcast_relays_every_source_in_it(nlp):
    claims = _claims(nlp, TRANSLATION, "Harbour Media Watch")
    assert _vias(claims, "port authority") == ["VTK"]
    assert _vias(claims, "Lars Brekke") == ["VTK"]  # "told the channel": VTK once, not twice
    assert _vias(claims, "VTK") == []  # the broadcaster's own reporting


def test_the_framing_sentence_is_no_claim(nlp):
    claims = _claims(nlp, TRANSLATION, "Harbour Media Watch")
    assert not any("translation of a report" in c.sentence for c in claims)


def test_a_reprint_relays_what_the_first_publisher_was_told_but_not_what_the_reprinter_was(nlp):
    claims = _claims(nlp, REPRINT, "The Coast Ledger")
    assert _vias(claims, "coastguard") == ["Harbour Post"]
    assert _vias(claims, "mayor") == ["The Coast Ledger"]  # the reprinter's own reporting
    assert _vias(claims, "operator") == ["Harbour Post"]


def test_an_article_that_names_no_carried_work_relays_no_one(nlp):
    text = ("This week the port authority said 14 crew members were missing. This is the worst accident "
            "on the route since 1998, officials said.\n")
    claims = _claims(nlp, text, "The Coast Ledger")
    assert all(c.via == [] for c in claims)


def test_this_standing_for_an_event_is_no_framing(nlp):
    text = ("The port authority said 14 crew members were missing. This appeared first in the Harbour Post "
            "on Sunday.\n")
    claims = _claims(nlp, text, "The Coast Ledger")
    assert _vias(claims, "port authority") == []

