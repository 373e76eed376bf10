"""claim_date and event_date of claims, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claimledger.extract import extract
from claimledger.extract.attribution import find_attributions
from claimledger.extract.dates import Anchor, claim_dates, document_anchor
from claimledger.model import Article, DateRange

SUNDAY = "2024-10-20"


def dates(nlp, text, published=SUNDAY):
    """(claim_date, event_date) of the only claim of ``text``."""
    claims = extract(Article(text=text, published=published), nlp(text))
    assert len(claims) == 1, [(c.cue, c.content) for c in claims]
    return claims[0].claim_date, claims[0].event_date


def test_date_in_reporting_clause_dates_the_claim_and_range_in_content_the_event(nlp):
    claim, event = dates(nlp, "About 1,500 soldiers crossed the border between October 8 and October 13, "
                              "the agency said on Friday.")
    assert claim == "2024-10-18"
    assert event == DateRange("2024-10-08", "2024-10-13")


def test_claim_dates_called_directly_on_attribution_spans(nlp):
    text = "The ministry said on Wednesday that the convoy reached the port on October 8."
    doc = nlp(text)
    [rel] = find_attributions(doc)
    anchor = document_anchor(doc, SUNDAY)
    claim, event = claim_dates(doc, rel.sentence, rel.cue, rel.content, anchor)
    assert claim == "2024-10-16"
    assert event == DateRange("2024-10-08")


def test_event_weekday_is_relative_to_when_the_source_spoke(nlp):
    # said on Wednesday the 16th: "on Friday" is the Friday before, the 11th, not the 18th
    claim, event = dates(nlp, "The ministry said on Wednesday that the convoy arrived on Friday.")
    assert (claim, event) == ("2024-10-16", DateRange("2024-10-11"))


def test_yesterday_in_a_quote_is_the_day_before_the_saying(nlp):
    claim, event = dates(nlp, "The governor said on Thursday that the bridge was hit yesterday.")
    assert (claim, event) == ("2024-10-17", DateRange("2024-10-16"))


def test_sentence_final_month_is_inside_the_content(nlp):
    claim, event = dates(nlp, "Officials said on Friday, October 18, that the troops arrived in early September.")
    assert claim == "2024-10-18"
    assert event == DateRange("2024-09-01", "2024-09-10")


def test_relative_event_without_a_claim_date_uses_the_publication_date(nlp):
    claim, event = dates(nlp, "The governor said the bridge was hit two days ago.")
    assert (claim, event) == (None, DateRange("2024-10-18"))


def test_year_of_event_from_the_publication_date(nlp):
    claim, event = dates(nlp, "The mayor said the shelling began on December 30.", published="2024-02-27")
    assert (claim, event) == (None, DateRange("2023-12-30"))


def test_no_date_stays_null(nlp):
    assert dates(nlp, "The army said it had no plans to withdraw.") == (None, None)


def test_weekday_gives_the_year_without_a_publication_date(nlp):
    claim, event = dates(nlp, "The agency said on Friday, October 18, that troops arrived on October 8.",
                         published=None)
    assert (claim, event) == ("2024-10-18", DateRange("2024-10-08"))


def test_claim_date_fixes_a_relative_event_day_without_a_publication_date(nlp):
    claim, event = dates(nlp, "The agency said on Friday, October 18, that soldiers arrived on Tuesday.",
                         published=None)
    assert (claim, event) == ("2024-10-18", DateRange("2024-10-15"))


def test_uncertain_anchor_fixes_years_but_not_relative_days(nlp):
    text = ("SEOUL, Friday, October 18 (Wire) -- Officials met in the capital.\n\n"
            "The agency said on Wednesday that soldiers arrived on October 8.")
    doc = nlp(text)
    anchor = document_anchor(doc, None)
    assert anchor == Anchor(dt.date(2024, 10, 18), False)
    claims = [c for c in extract(Article(text=text), doc) if "soldiers" in c.content]
    assert len(claims) == 1
    assert claims[0].claim_date is None  # "on Wednesday" is not pinned by a lower bound
    assert claims[0].event_date == DateRange("2024-10-08")


def test_no_anchor_at_all_leaves_yearless_dates_null(nlp):
    assert dates(nlp, "The ministry said that troops arrived on October 8.", published=None) == (None, None)


def test_publication_date_is_a_certain_anchor(nlp):
    doc = nlp("Nothing dated here.")
    assert document_anchor(doc, "2024-10-20T08:00:00Z") == Anchor(dt.date(2024, 10, 20), True)
    assert document_anchor(doc, None) is None
    assert document_anchor(doc, "not a date") is None


def test_an_undated_statement_takes_its_sources_date_from_just_before(nlp):
    text = ("The port authority said on Friday that 40 ships were waiting offshore.\n\n"
            "The authority said the queue would clear within a week.\n\n"
            "A shipping analyst said the backlog would last a month.\n\n\n\n\n\n\n\n"
            "The port authority said later problems were possible.")
    claims = extract(Article(text=text, published=SUNDAY), nlp(text))
    by_start = sorted(claims, key=lambda c: c.sentence_span[0])
    assert [c.claim_date for c in by_start] == ["2024-10-18", "2024-10-18", None, None]


def test_the_agency_after_the_named_service_speaks_on_the_same_occasion(nlp):
    text = ("Troops moved east, a spy agency says.\n\n"
            "South Korea's National Intelligence Service said on Friday that 1,500 soldiers had moved. "
            "The agency said they travelled by ship between October 8 and October 13.")
    claims = extract(Article(text=text, published=SUNDAY), nlp(text))
    assert [c.claim_date for c in claims][-2:] == ["2024-10-18", "2024-10-18"]


def test_a_statement_in_the_present_tense_is_dated_by_publication(nlp):
    claim, _ = dates(nlp, "The ministry says the ferry line will reopen.")
    assert claim == SUNDAY


def test_a_time_naming_a_thing_does_not_date_the_saying(nlp):
    text = ("The port chief on Friday narrowed his description of last week's collision, saying that only one tug "
            "had been involved.")
    claims = extract(Article(text=text, published=SUNDAY), nlp(text))
    saying = next(c for c in claims if c.cue == "saying")
    assert saying.claim_date == "2024-10-18"


def test_a_time_that_modifies_the_cue_dates_the_saying_too(nlp):
    claim, event = dates(nlp, "The prime minister announced the resignation of his cabinet on Friday.")
    assert claim == "2024-10-18"
    assert event == DateRange("2024-10-18")


def test_what_happened_on_the_day_of_publication_was_said_that_day(nlp):
    claim, event = dates(nlp, "The death toll rose to 41 on Sunday, the ministry said.")
    assert (claim, event) == (SUNDAY, DateRange(SUNDAY))
    # a day before publication: it may have been said on either day, so the saying stays undated
    claim, event = dates(nlp, "The death toll rose to 41 on Saturday, the ministry said.")
    assert (claim, event) == (None, DateRange("2024-10-19"))
    # what will happen today may have been announced days ago
    claim, _ = dates(nlp, "The ferry will sail on Sunday, the ministry said.")
    assert claim is None


def _told(nlp, text):
    claims = extract(Article(text=text, published=SUNDAY), nlp(text))
    return [c.claim_date for c in claims if c.cue == "told"]


def test_an_answer_that_is_only_a_day_dates_the_telling_after_it(nlp):
    text = ("Q: When did you last hear from the crew?\n\n"
            "A: On Wednesday. The captain told me that the engines are working again.")
    assert _told(nlp, text) == ["2024-10-16"]


def test_a_day_in_a_longer_sentence_or_another_paragraph_does_not_date_the_telling(nlp):
    longer = "We met on Wednesday. The captain told me that the engines are working again."
    apart = "On Wednesday.\n\nThe captain told me that the engines are working again."
    assert _told(nlp, longer) == [None]
    assert _told(nlp, apart) == [None]
