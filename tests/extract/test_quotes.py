"""Direct-quote spans, on sentences written for these tests."""

from __future__ import annotations

from claimledger.extract.quotes import find_quotes


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotes(text)]


def test_curly_and_straight_quotes():
    text = 'She said \u201cwe are ready\u201d and then "we will win" again.'
    assert _quoted(text) == ["\u201cwe are ready\u201d", '"we will win"']


def test_newswire_double_apostrophe_quotes():
    text = "The mayor spoke. ''The bridge will open in May. We are sure,'' she said, calling it ''a relief.''"
    assert _quoted(text) == ["''The bridge will open in May. We are sure,''", "''a relief.''"]


def test_possessive_and_closing_apostrophes_open_no_quote():
    text = "The players' ''rules'' were strict, and the coaches' room stayed shut."
    assert _quoted(text) == ["''rules''"]


def test_straight_quote_closed_by_two_apostrophes():
    text = '"We will sail at noon,\'\' the captain said.'
    assert _quoted(text) == ['"We will sail at noon,\'\'']


def test_line_opened_with_the_closing_mark_is_a_quote():
    text = ("Readers wrote in.\n\u201dThe ferry is always late. Fix it.\u201d \u2015 Ana Ruiz\n"
            "Mid-line\u201d marks open nothing.")
    assert _quoted(text) == ["\u201dThe ferry is always late. Fix it.\u201d"]
