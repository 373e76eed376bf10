"""'According to X' and 'per X', on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import find_attributions


def _found(nlp, text):
    found = find_attributions(nlp(text))
    return [(r.source.text, [v.text for v in r.via], " ".join(text[a:b] for a, b in r.content)) for r in found]


@pytest.mark.parametrize("text, source, via, content", [
    ("About 1,700 people are still in shelters, according to Radio Lissen, citing the Civil Protection "
     "Directorate.", "the Civil Protection Directorate", ["Radio Lissen"], "About 1,700 people are still in shelters"),
    ("According to Radio Lissen, citing the Civil Protection Directorate, about 1,700 people are still in shelters.",
     "the Civil Protection Directorate", ["Radio Lissen"], "about 1,700 people are still in shelters"),
    ("According to The Lissen Chronicle, which cited a Vendaran officer, the third soldier is in custody.",
     "a Vendaran officer", ["The Lissen Chronicle"], "the third soldier is in custody"),
])
def test_whom_the_outlet_cites_speaks_and_the_outlet_relays(nlp, text, source, via, content):
    assert _found(nlp, text) == [(source, via, content)]  # the "citing" is no relation of its own


def test_an_outlet_that_cites_no_one_is_the_source(nlp):
    text = "The toll is 40, according to the Herald, which has reported it daily."
    assert _found(nlp, text)[0] == ("the Herald", [], "The toll is 40")
