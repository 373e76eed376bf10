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


def test_title_with_nationality_and_surname_variants_join():
    parties = [Party("Chilean President Marta Olmedo", None, "person"), Party("Olmedo", None, "person"),
               Party("Martha Olmedo", None, "person")]
    canon = canonical_parties(parties)
    assert canon["Chilean President Marta Olmedo"] == "Marta Olmedo"
    assert canon["Olmedo"] == canon["Martha Olmedo"] == "Marta Olmedo"


def test_hyphenated_given_names_are_one_person():
    canon = canonical_parties([Party("Park Min-ho", None, "person"), Party("Park Min Ho", None, "person")])
    assert canon["Park Min-ho"] == canon["Park Min Ho"]


def test_owned_agency_joins_its_acronym_and_descriptions_of_it():
    parties = [Party("Norway's Coastal Weather Office", None, "org"), Party("CWO", None, "org"),
               Party("Norwegian weather office", None, "org"),
               Party("Swedish weather office", None, "org")]
    canon = canonical_parties(parties)
    target = canon["Norway's Coastal Weather Office"]
    assert canon["CWO"] == canon["Norwegian weather office"] == target
    assert canon["Swedish weather office"] != target  # another country's office


def test_description_joins_the_organisation_it_means_by_meaning():
    from claimledger.embed import get_embedder

    names = ["Canada's Security Intelligence Service", "Ottawa's spy agency", "France's Foreign Ministry",
             "Canada's Department of National Defence", "Ottawa's foreign ministry", "Kyiv's spy agency"]
    canon = canonical_parties([Party(n, None, "org") for n in names], embedder=get_embedder())
    assert canon["Ottawa's spy agency"] == canon["Canada's Security Intelligence Service"]
    # a different job of the same country, and the same job of another city, stay apart
    assert canon["Ottawa's foreign ministry"] not in {canon["Canada's Department of National Defence"],
                                                     canon["France's Foreign Ministry"]}
    assert canon["Kyiv's spy agency"] != canon["Ottawa's spy agency"]
    # without an embedder only the name rules apply
    assert canonical_parties([Party(n, None, "org") for n in names])["Ottawa's spy agency"] == "Ottawa's spy agency"


def test_multiword_place_title_and_a_name_cut_short():
    parties = [Party("South African President Thabo Dlamini-Nkosi", None, "person"),
               Party("Thabo Dlamini", None, "person"), Party("Ana Paula", None, "person"),
               Party("Ana Paula Reyes", None, "person"), Party("Ana Paula Souza", None, "person")]
    canon = canonical_parties(parties)
    assert canon["South African President Thabo Dlamini-Nkosi"] == "Thabo Dlamini-Nkosi"
    assert canon["Thabo Dlamini"] == "Thabo Dlamini-Nkosi"
    assert canon["Ana Paula"] == "Ana Paula"  # two longer names begin so: no evidence which


def test_a_role_without_a_name_joins_the_one_person_named_with_it():
    marsh = Party("Harbour Authority spokeswoman Lena Marsh", "Lena Marsh", "person")
    role = Party("the Harbour Authority's spokeswoman", "the Harbour Authority's spokeswoman", "unknown")
    other = Party("a Harbour Authority spokeswoman", "a Harbour Authority spokeswoman", "unknown")
    bare = Party("the spokeswoman", "the spokeswoman", "unknown")
    canon = canonical_parties([marsh, role, other, bare])
    assert canon["the Harbour Authority's spokeswoman"] == "Lena Marsh"
    assert canon["a Harbour Authority spokeswoman"] != "Lena Marsh"  # "a" spokeswoman may be another one
    assert canon["the spokeswoman"] != "Lena Marsh"  # a bare role could be anyone's


def test_a_role_two_people_hold_joins_neither():
    first = Party("Harbour Authority spokeswoman Lena Marsh", "Lena Marsh", "person")
    second = Party("Harbour Authority spokeswoman Ida Berg", "Ida Berg", "person")
    role = Party("the Harbour Authority's spokeswoman", "the Harbour Authority's spokeswoman", "unknown")
    canon = canonical_parties([first, second, role])
    assert canon["the Harbour Authority's spokeswoman"] not in {"Lena Marsh", "Ida Berg"}


def test_a_persons_office_stays_apart_from_the_person_and_from_other_bodies():
    parties = [Party("Interior Minister Ihor Klymenko", "Interior Minister Ihor Klymenko", "person"),
               Party("his ministry", "Ihor Klymenko's ministry", "org"),
               Party("Russian emergencies ministry", "Russian emergencies ministry", "org"),
               Party("the Russian emergencies ministry", "the Russian emergencies ministry", "org")]
    canon = canonical_parties(parties)
    assert canon["Ihor Klymenko's ministry"] == "Ihor Klymenko's ministry"
    assert canon["the Russian emergencies ministry"] == canon["Russian emergencies ministry"]


def test_a_description_keeps_its_words_while_a_name_loses_its_title():
    parties = [Party(text="A senior US defense official", entity="senior US defense official", kind="unknown"),
               Party(text="a former diving officer", entity="former diving officer", kind="unknown"),
               Party(text="Ukrainian President Volodymyr Zelenskyy", entity="Volodymyr Zelenskyy", kind="person")]
    canonical = canonical_parties(parties)
    assert canonical["senior US defense official"] == "senior US defense official"
    assert canonical["former diving officer"] == "former diving officer"
    assert canonical["Volodymyr Zelenskyy"] == "Volodymyr Zelenskyy"


def test_a_description_joins_a_named_body_not_another_description():
    # "report" and "reporter" share a stem, and the reporter is nobody's organisation
    parties = [Party("Our reporter in Kos", "The Harbour Post's reporter in Kos", "unknown"),
               Party("A 2021 report", "2021 report", "unknown")]
    canon = canonical_parties(parties)
    assert canon["2021 report"] != canon["The Harbour Post's reporter in Kos"]


def test_common_nouns_are_no_spelling_variants_of_each_other():
    canon = canonical_parties([Party("An official", "official", "unknown"), Party("Officials", "officials", "unknown")])
    assert canon["official"] != canon["officials"]


def test_a_common_noun_is_not_the_outlet_that_has_it_in_its_name():
    parties = [Party("The Harbour Post", "Harbour Post", "outlet"), Party("A post", "post", "unknown"),
               Party("The Harbour Health Agency", "Harbour Health Agency", "org"),
               Party("the health agency", "health agency", "unknown")]
    canon = canonical_parties(parties)
    assert canon["post"] != canon["Harbour Post"]
    assert canon["health agency"] == canon["Harbour Health Agency"]  # a body still is
