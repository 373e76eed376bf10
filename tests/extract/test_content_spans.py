"""Content span helpers, on sentences written for these tests."""

from __future__ import annotations

from claimledger.extract.content_spans import drop_cue_adjuncts


def _content_after(doc, cue_word: str) -> tuple[object, list[tuple[int, int]]]:
    cue = next(t for t in doc if t.text == cue_word)
    start = doc[cue.i + 1].idx
    end = len(doc.text.rstrip(". "))
    return cue, [(start, end)]


def test_cue_adjunct_before_that_clause_is_not_content(nlp):
    doc = nlp("The harbour master said in an interview on Tuesday that the ferry would sail at noon.")
    cue, content = _content_after(doc, "said")
    (a, b), = drop_cue_adjuncts(cue, content)
    assert doc.text[a:b] == "that the ferry would sail at noon"


def test_told_recipient_before_that_clause_is_not_content(nlp):
    doc = nlp("The mayor told the city council on Monday that the bridge would reopen in May.")
    cue, content = _content_after(doc, "told")
    (a, b), = drop_cue_adjuncts(cue, content)
    assert doc.text[a:b] == "that the bridge would reopen in May"


def test_content_without_that_clause_is_kept_whole(nlp):
    doc = nlp("The coach described the loss as painful for everyone.")
    cue, content = _content_after(doc, "described")
    assert drop_cue_adjuncts(cue, content) == content


def test_content_before_the_cue_is_kept(nlp):
    doc = nlp("The ferry will sail at noon, the harbour master said in a statement.")
    cue = next(t for t in doc if t.text == "said")
    content = [(0, doc.text.index(","))]
    assert drop_cue_adjuncts(cue, content) == content

