from __future__ import annotations

import pytest

from claimledger.extract.mentions import conjuncts, described_as_person, gender_fits, is_person_noun, names_as


@pytest.mark.parametrize("description, pronoun, fits", [
    ("a government spokesman", "she", False), ("a government spokesman", "he", True),
    ("the chairwoman", "he", False), ("a senior official", "she", True)])
def test_gender_fits_only_rules_out_what_the_word_says(description, pronoun, fits):
    assert gender_fits(description, pronoun) is fits


def test_person_nouns_and_things(nlp):
    doc = nlp("A hydrologist, a tanker and a lawyer arrived with a human.")
    kinds = {t.text: is_person_noun(t) for t in doc if t.pos_ == "NOUN"}
    assert kinds == {"hydrologist": True, "tanker": False, "lawyer": True, "human": False}


def test_family_words_name_people(nlp):
    doc = nlp("My husband and the cousin of a neighbour bought a lorry.")
    kinds = {t.text: is_person_noun(t) for t in doc if t.pos_ == "NOUN"}
    assert kinds == {"husband": True, "cousin": True, "neighbour": True, "lorry": False}


def test_conjuncts_in_order(nlp):
    doc = nlp("The US, Ukraine and South Korea say so.")
    assert [t.text for t in conjuncts(doc[1])] == ["Ukraine", "Korea"]


@pytest.mark.parametrize(("text", "name", "person"), [
    ("Curtis Albee, community relations manager for Vantrell Northern, told the council.", "Albee", True),
    ("Ilona Varga, a senior fellow at the institute, said so.", "Varga", True),
    ("Kelso, headquarters of the railroad, lies to the east.", "Kelso", False),
    # an age set off by commas is a person's; a number that goes on to count something is not an age
    ("Nadia Cortes, 38, teaches history at a school in Kessport.", "Cortes", True),
    ("Route 9, 40 miles long, runs north.", "Route", False),
])
def test_a_post_in_apposition_describes_a_person_with_or_without_an_article(nlp, text, name, person):
    doc = nlp(text)
    assert described_as_person(next(t for t in doc if t.text == name)) is person


def test_kin_and_titles_tell_which_pronoun_fits():
    from claimledger.extract.mentions import gender_fits
    assert not gender_fits("brother", "she") and gender_fits("brother", "he")
    assert not gender_fits("Mrs", "he") and gender_fits("sister", "her")
    assert gender_fits("pharmacist", "she") and gender_fits("pharmacist", "he")


def test_a_name_of_a_body_is_a_persons_but_a_bodys_own_name_is_not(nlp):
    from claimledger.extract.mentions import named_member
    doc = nlp("10:40 \u2014 Ilse Varran of the dockers' union says the cranes stopped.")
    assert named_member(next(t for t in doc if t.text == "Varran")) == "Ilse Varran"
    doc = nlp("The Central Bank of Velmora said rates would rise.")
    assert named_member(next(t for t in doc if t.text == "Bank")) is None


def test_a_name_fits_a_definite_noun_by_its_last_word_or_its_business_mark():
    assert names_as("Civil Aviation Investigation Board", "board")
    assert names_as("Halvik Airlines", "airline") and names_as("Air Lorvenia", "airline")
    assert not names_as("Air Force", "airline")  # a body's name, not a business's
    assert not names_as("Civil Aviation Investigation Board", "airline")
    assert not names_as("Ministry", "ministry")  # one word names no one ministry
    assert names_as("Vantry Coal Company", "company") and not names_as("Vantry Coal", "company")


def test_a_name_after_a_chief_executive_is_a_persons(nlp):
    from claimledger.extract.roles import named_after_role
    doc = nlp("The committee heard from the chief executive of the Talvorian Football League, Ingrid Sallow.")
    assert named_after_role(next(t for t in doc if t.text == "Sallow"))
