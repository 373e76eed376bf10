"""Canonical names from name structure alone."""

from __future__ import annotations

from claimledger.link.parties import acronym, canonical_parties, normalise
from claimledger.model import Party


def test_normalise_strips_titles_and_possessives():
    assert normalise("Foreign Minister Anna Berg's") == "anna berg"
    assert normalise("the Harbour Authority") == "harbour authority"


def test_acronym():
    assert acronym("National Weather Service") == "NWS"
    assert acronym("Bank of Northern Isles") == "BNI"


def test_surname_acronym_and_spelling_variants_join():
    parties = [Party("Mayor Lena Okafor", "Lena Okafor", "person"), Party("Okafor", "Okafor", "person"),
               Party("the National Weather Service", "National Weather Service", "org"),
               Party("NWS", "NWS", "org"), Party("Lena Okaafor", "Lena Okaafor", "person")]
    canon = canonical_parties(parties)
    assert canon["Okafor"] == canon["Lena Okafor"] == canon["Lena Okaafor"]
    assert canon["NWS"] == "National Weather Service"


def test_two_people_sharing_a_surname_stay_apart():
    parties = [Party("Tom Reyes", "Tom Reyes", "person"), Party("Ana Reyes", "Ana Reyes", "person"),
               Party("Reyes", "Reyes", "person")]
    canon = canonical_parties(parties)
    assert canon["Tom Reyes"] != canon["Ana Reyes"]
    assert canon["Reyes"] == "Reyes"  # ambiguous: no evidence to pick one
