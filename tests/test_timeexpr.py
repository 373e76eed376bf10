"""Date expressions: parsing, resolution against an anchor, publication dates."""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.model import DateRange
from claimledger.timeexpr import find_dateline_day, find_publication_date, find_time_expressions, parse_date

SUNDAY = dt.date(2024, 10, 20)


@pytest.mark.parametrize("text, start, end", [
    ("Oct 25, 2024", "2024-10-25", "2024-10-25"),
    ("25 October 2024", "2024-10-25", "2024-10-25"),
    ("2024-10-25", "2024-10-25", "2024-10-25"),
    ("February 2022", "2022-02-01", "2022-02-28"),
    ("in 2022", "2022-01-01", "2022-12-31"),
    ("between October 8 and October 13, 2024", "2024-10-08", "2024-10-13"),
    ("Friday, October 18", "2024-10-18", "2024-10-18"),  # the weekday fixes the year
])
def test_dates_that_need_no_anchor(text, start, end):
    assert parse_date(text) == DateRange(start, end)


@pytest.mark.parametrize("text, start, end", [
    ("between October 8 and 13", "2024-10-08", "2024-10-13"),
    ("October 8-13", "2024-10-08", "2024-10-13"),
    ("8 to 13 October", "2024-10-08", "2024-10-13"),
    ("October 18", "2024-10-18", "2024-10-18"),
    ("December 30", "2023-12-30", "2023-12-30"),  # news looks back: the last December 30
    ("on Friday", "2024-10-18", "2024-10-18"),
    ("on Sunday", "2024-10-20", "2024-10-20"),
    ("yesterday", "2024-10-19", "2024-10-19"),
    ("two days ago", "2024-10-18", "2024-10-18"),
    ("last week", "2024-10-07", "2024-10-13"),
    ("last month", "2024-09-01", "2024-09-30"),
    ("next month", "2024-11-01", "2024-11-30"),
    ("in January", "2024-01-01", "2024-01-31"),
    ("in November", "2023-11-01", "2023-11-30"),
    ("early September", "2024-09-01", "2024-09-10"),
    ("the end of March", "2024-03-21", "2024-03-31"),
])
def test_dates_resolved_against_the_anchor(text, start, end):
    assert parse_date(text, SUNDAY) == DateRange(start, end)


@pytest.mark.parametrize("text", ["October 18", "on Friday", "yesterday", "last week", "in January"])
def test_without_an_anchor_nothing_is_guessed(text):
    assert parse_date(text) is None


def test_weekday_picks_the_year_nearest_the_anchor():
    assert parse_date("Friday, October 18", dt.date(2019, 10, 20)) == DateRange("2019-10-18")


def test_not_dates():
    assert parse_date("The ship sails under a new flag.") is None
    assert parse_date("Oct 45") is None


def test_lower_case_month_and_weekday_words_are_not_dates():
    found = find_time_expressions("He may march on, said a sun-tanned man.", SUNDAY)
    assert found == []


def test_expressions_in_running_text_keep_offsets_and_drop_the_full_stop():
    text = "Troops left on 8 October 2024 and the convoy returned on Monday."
    found = find_time_expressions(text, SUNDAY)
    assert [(e.text, e.kind) for e in found] == [("8 October 2024", "dm"), ("on Monday", "weekday")]
    assert all(text[e.start:e.end] == e.text for e in found)
    assert found[0].explicit_year and not found[1].explicit_year
    assert found[1].date == DateRange("2024-10-14")


def test_abbreviation_keeps_its_dot():
    found = find_time_expressions("It happened on Oct. 5, 2023.", None)
    assert [e.text for e in found] == ["Oct. 5, 2023"]


def test_newspaper_names_are_not_weekdays():
    found = find_time_expressions("The Sunday Times reported it on Sunday.", SUNDAY)
    assert [e.text for e in found] == ["on Sunday"]


def test_publication_date_from_the_header():
    text = "Troops move north\nBy A. Writer\nPublished Oct 25, 2024 21:01\n\nThe body mentions October 8."
    assert find_publication_date(text) == "2024-10-25"


def test_updated_date_only_as_a_fallback():
    assert find_publication_date("Headline\nUpdated 26 October 2024\nPublished 25 October 2024\nBody") == "2024-10-25"
    assert find_publication_date("Headline\nUpdated 26 October 2024\nBody") == "2024-10-26"


def test_no_publication_date_without_a_full_date():
    assert find_publication_date("Headline\nThe body mentions October 8 and Friday.") is None


def test_all_number_dates_take_their_order_from_the_values():
    assert parse_date("29/03/2021") == DateRange("2021-03-29")  # 29 cannot be a month
    assert parse_date("03/29/2021") == DateRange("2021-03-29")
    assert parse_date("2021/03/29") == DateRange("2021-03-29")
    assert parse_date("12.05.2020") == DateRange("2020-05-12")  # dots: day first
    assert parse_date("04/05/2021") is None  # April 5 or 4 May: not guessed
    assert parse_date("31/02/2021") is None


def test_all_number_publication_date_on_a_posted_line():
    text = "Canal reopens - as it happened\nThe Daily - LIVE\nPosted 29/03/2021 | updated 21:40 Cairo time\n\nBody."
    assert find_publication_date(text) == "2021-03-29"


def test_decimals_and_ratios_are_not_all_number_dates():
    assert find_time_expressions("Output rose 1.5 million tonnes, or 3.25 per cent.", SUNDAY) == []


def test_publication_date_from_the_dateline_opening_the_first_paragraph():
    lead = (" - The port authority closed the harbour on Monday after a tanker ran aground near the entrance, "
            "and said it would stay shut until Wednesday at the earliest.")
    assert find_publication_date("Harbour shut\n\nPORT ELLIS, Westland, May 6, 2024" + lead) == "2024-05-06"
    # a long first paragraph with a date that is no dateline gives none
    assert find_publication_date("Harbour shut\n\nOn May 6, 2024" + lead) is None
    # nor does a short line of the body that dates what it tells
    assert find_publication_date("Harbour shut\n\nOn May 6, 2024, the mayor said this:\n\n\"It is shut.\"") is None
    assert find_publication_date("Harbour shut\n\nSince March 2, 2024, no ship has left.\n") is None


def test_a_labelled_event_date_gives_way_to_the_publication_date():
    text = "Committee summary\n\nHearing held: Tuesday 15 April 2025, 10:00-14:30\nPosted: Wednesday 16 April 2025\n"
    assert find_publication_date(text) == "2025-04-16"
    # alone, it is the best date there is
    assert find_publication_date("Committee summary\n\nHearing held: Tuesday 15 April 2025\n") == "2025-04-15"


def test_a_dateline_day_without_a_year():
    assert find_dateline_day("Crush at stadium\n\nBRENNICK, Talvoria, April 6 (Norvane Press) - At least 14 "
                             "people were killed.") == (4, 6)
    assert find_dateline_day("Harbour shut\n\nPORT ELLIS, Westland, May 6, 2024 - The port closed.") is None
    assert find_dateline_day("Harbour shut\n\nThe port closed on May 6.") is None


def test_so_long_ago_tonight_is_that_very_day():
    saturday = dt.date(2025, 4, 26)
    assert parse_date("Three weeks ago tonight", saturday) == DateRange("2025-04-05")
    assert parse_date("a year ago today", dt.date(2024, 2, 29)) == DateRange("2023-02-28")
    assert parse_date("three weeks ago", saturday) == DateRange("2025-03-31", "2025-04-06")
