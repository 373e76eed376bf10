"""Figure extraction on sentences written for these tests: number, hedge, unit, and what is not a figure."""

from __future__ import annotations

import pytest

from claimledger.extract.figures import extract_figures


def figures(nlp, text, start=0, end=None):
    doc = nlp(text)
    return extract_figures(doc, start, len(text) if end is None else end)


def one(nlp, text):
    found = figures(nlp, text)
    assert len(found) == 1, [(f.text, f.value, f.kind, f.unit) for f in found]
    return found[0]


@pytest.mark.parametrize("text, value, kind, unit, figure_text", [
    ("Officials said about 8,000 soldiers were moved to the border.", 8000, "approx", "soldiers", "about 8,000"),
    ("The ministry said up to 12,000 troops could be sent.", 12000, "upper", "troops", "up to 12,000"),
    ("As many as 10,000 workers joined the strike.", 10000, "upper", "workers", "As many as 10,000"),
    ("At least one drone hit the depot.", 1, "lower", "drone", "At least one"),
    ("More than 3,000 refugees crossed the river.", 3000, "lower", "refugees", "More than 3,000"),
    ("Nearly 11,000 homes lost power.", 11000, "approx", "homes", "Nearly 11,000"),
    ("Some 5,000 people attended the rally.", 5000, "approx", "people", "Some 5,000"),
    ("The unit had fewer than 200 men.", 200, "upper", "men", "fewer than 200"),
    ("Police arrested 14 people overnight.", 14, "exact", "people", "14"),
    ("The port handled 6,700 containers in a single week.", 6700, "exact", "containers", "6,700"),
    ("Around 2,500 of its troops have already arrived.", 2500, "approx", "troops", "Around 2,500"),
    ("The army said 1,500 or more sailors had left.", 1500, "lower", "sailors", "1,500 or more"),
])
def test_hedged_and_exact_counts(nlp, text, value, kind, unit, figure_text):
    f = one(nlp, text)
    assert (f.value, f.kind, f.unit, f.text) == (value, kind, unit, figure_text)
    assert text[f.span[0]:f.span[1]] == f.text


def test_unit_is_the_counted_noun_not_its_modifiers(nlp):
    f = one(nlp, "The gunners fired 40,000 artillery shells at the town.")
    assert f.value == 40000
    assert f.unit.endswith("shells")
    f = one(nlp, "About 2,000 North Korean soldiers were moved by train.")
    assert f.unit == "soldiers"


@pytest.mark.parametrize("text, unit", [
    ("Nearly 1.2 million cubic metres of sludge escaped from the pond.", "cubic metres"),
    ("The fire burned 40 square kilometres of pine forest.", "square kilometres"),
    ("The tanker was 12 nautical miles off the coast.", "nautical miles"),
    ("The wall was raised by 6 metres last year.", "metres"),
])
def test_square_cubic_and_nautical_belong_to_the_unit(nlp, text, unit):
    assert one(nlp, text).unit == unit


@pytest.mark.parametrize("text, low, high, unit", [
    ("Between 10,000 and 12,000 sailors serve in the fleet.", 10000, 12000, "sailors"),
    ("The army has 10,000-12,000 reservists.", 10000, 12000, "reservists"),
    ("The army lost 10 to 12 million rounds of ammunition.", 10e6, 12e6, "rounds"),
    ("Between $2 billion and $3 billion was pledged.", 2e9, 3e9, "USD"),
    ("Prices rose between 5 and 7 percent.", 5, 7, "percent"),
    ("Two or three boats were spotted.", 2, 3, "boats"),
])
def test_ranges(nlp, text, low, high, unit):
    f = one(nlp, text)
    assert (f.kind, f.value, f.low, f.high, f.unit) == ("range", low, low, high, unit)


@pytest.mark.parametrize("text, value, unit", [
    ("Ten thousand protesters marched through the capital.", 10000, "protesters"),
    ("A dozen ships left the harbour.", 12, "ships"),
    ("Two thousand five hundred troops arrived.", 2500, "troops"),
    ("Twenty-five lorries were stopped.", 25, "lorries"),
    ("Half a million people were moved.", 500000, "people"),
    ("The city has 1.5 million residents.", 1.5e6, "residents"),
    ("The town has 3.2m people.", 3.2e6, "people"),
    ("One and a half million people lost power.", 1.5e6, "people"),
    ("Two and a half thousand homes were flooded.", 2500, "homes"),
])
def test_word_numbers_and_scale_words(nlp, text, value, unit):
    f = one(nlp, text)
    assert (f.value, f.kind, f.unit) == (value, "exact", unit)


@pytest.mark.parametrize("text, value, unit, figure_text", [
    ("The deal is worth $4.5 billion.", 4.5e9, "USD", "$4.5 billion"),
    ("The government spent 300 million euros on roads.", 300e6, "EUR", "300 million euros"),
    ("The fund keeps £300m in cash.", 300e6, "GBP", "£300m"),
    ("Prices rose 7.5 percent last year.", 7.5, "percent", "7.5 percent"),
    ("Inflation reached 12% in March.", 12, "percent", "12%"),
    ("He won 55 per cent of the vote.", 55, "percent", "55 per cent"),
    ("Each recruit is paid $2,000 a month.", 2000, "USD per month", "$2,000 a month"),
    ("Support rose by 2 percentage points.", 2, "percentage points", "2 percentage points"),
])
def test_money_and_percentages(nlp, text, value, unit, figure_text):
    f = one(nlp, text)
    assert (f.value, f.unit, f.text) == (value, unit, figure_text)


def test_hedged_money(nlp):
    f = one(nlp, "Families were promised up to $20,000 in compensation.")
    assert (f.value, f.kind, f.unit) == (20000, "upper", "USD")


@pytest.mark.parametrize("text, unit, figure_text", [
    ("Thousands of soldiers were seen near the town.", "soldiers", "Thousands"),
    ("Millions of munitions were shipped by rail.", "munitions", "Millions"),
    ("Tens of thousands of people fled the city.", "people", "Tens of thousands"),
    ("Several hundred soldiers were killed.", "soldiers", "Several hundred"),
    ("Dozens of civilians were wounded.", "civilians", "Dozens"),
])
def test_vague_quantities_have_no_value(nlp, text, unit, figure_text):
    f = one(nlp, text)
    assert (f.value, f.kind, f.unit, f.text) == (None, "approx", unit, figure_text)


@pytest.mark.parametrize("text", [
    "The budget was approved in 1999.",
    "The 2024 budget was approved.",
    "The talks were held on October 18, 2024 in Geneva.",
    "Officials said 5 October was the deadline.",
    "A 45-year-old man was arrested.",
    "The suspect, aged 32, was detained.",
    "The meeting started at 9:30 on Tuesday.",
    "The meeting started at 10 am.",
    "He finished third for the 2nd time.",
    "Call the office on 020 7946 0958 for details.",
    "North Korea tested the Hwasong-11 missile.",
    "Ukraine flew an F-16 along Route 6.",
    "The council passed Resolution 2231 in 2015.",
    "Under Article 5 the allies must respond.",
    "A statement from No. 10 followed.",
    "The COVID-19 pandemic hit G7 economies.",
    "The court sentenced him to 15 years in prison.",
    "Kim, 40, met the visiting envoy.",
    "The two countries signed a treaty.",
    "One official said the plan would fail.",
    "Only one of the ships returned.",
    "The bill passed 52-48 in the Senate.",
    "The home side won 3-1 at the weekend.",
    "One in five residents use the service.",
    "See https://example.org/report/2024/12345 for the report.",
])
def test_not_figures(nlp, text):
    found = figures(nlp, text)
    assert found == [], [(f.text, f.value, f.unit) for f in found]


def test_duration_is_not_a_figure_but_a_count_beside_it_is(nlp):
    found = figures(nlp, "The bill costs $1.2 trillion over 10 years.")
    assert [(f.value, f.unit) for f in found] == [(1.2e12, "USD")]


def test_a_large_number_after_the_is_stated_not_a_known_set(nlp):
    found = figures(nlp, "Only 500 tonnes exploded, a fraction of the 2,750 tonnes unloaded at the port.")
    assert [(f.value, f.unit) for f in found] == [(500, "tonnes"), (2750, "tonnes")]


def test_several_figures_in_text_order(nlp):
    found = figures(nlp, "The plane carried 150 passengers and six crew.")
    assert [(f.value, f.unit) for f in found] == [(150, "passengers"), (6, "crew")]


def test_only_figures_inside_the_range(nlp):
    text = "The first report counted 300 boats. A later one counted 400 boats."
    cut = text.index("A later")
    found = figures(nlp, text, cut, len(text))
    assert [f.value for f in found] == [400]
    assert found[0].span[0] > cut


def test_metres_are_not_millions(nlp):
    f = one(nlp, "Workers built a 3.2m wall around the site.")
    assert (f.value, f.unit) == (3.2, "m")


def test_negative_measure(nlp):
    f = one(nlp, "The temperature dropped to minus 5 degrees.")
    assert (f.value, f.unit) == (-5, "degrees")


def test_scare_quoted_small_number_is_a_notion_but_quoted_digits_count(nlp):
    assert figures(nlp, "The minister said his country now faces \u201ctwo states\u201d at once.") == []
    f = one(nlp, "He said \u201c3,000 troops\u201d would come.")
    assert (f.value, f.unit) == (3000, "troops")


def test_group_sized_by_of_gives_the_unit(nlp):
    f = one(nlp, "The country fields an army of about 600,000.")
    assert (f.value, f.kind, f.unit) == (600000, "approx", "army")
    f = one(nlp, "A total of 300 were detained.")
    assert (f.value, f.unit) == (300, None)


def test_entity_around_a_token_reads_the_whole_entity(nlp):
    from claimledger.extract.figures import entity_around

    doc = nlp("The ferry left Oslo on 3 March 2024 with 40 passengers.")
    march = next(t for t in doc if t.text == "March")
    ent = entity_around(doc, march)
    assert ent is not None and ent.label_ == "DATE" and "March" in ent.text
    assert ent.text == next(e.text for e in doc.ents if e.start <= march.i < e.end)
    assert entity_around(doc, doc[1]) is None  # "ferry" is in no entity


@pytest.mark.parametrize("text, value, kind, figure_text", [
    ("The company said the capsule carried 72 hours of air when it left the dock.", 72, "exact", "72"),
    ("Divers said there were about 30 hours of fuel remaining.", 30, "approx", "about 30"),
    ("An engineer put the remaining supply at roughly 15 hours.", 15, "approx", "roughly 15"),
    ("The station had somewhere between 50 and 80 days of food left, she said.", 50, "range", "between 50 and 80"),
    ("The war has lasted two years.", 2, "exact", "two"),
    ("The first tug reached the barge 35 minutes after the mayday, the port said.", 35, "exact", "35"),
    ("Help came more than three hours after we jumped into the sea, she said.", 3, "lower", "more than three"),
])
def test_time_that_is_the_amount_claimed_is_a_figure(nlp, text, value, kind, figure_text):
    f = one(nlp, text)
    assert (f.value, f.kind, f.text) == (value, kind, figure_text)


@pytest.mark.parametrize("text", [
    "After two years of drought, the valley is empty.",
    "The talks ended three days ago.",
    "Fighting went on for 12 hours.",
    "Within 24 hours the ferry had left.",
    "Two days after the barge sank, divers found the wreck.",
    "He flew home a week after the attack.",
    "We spoke to her five days after the march.",
])
def test_time_that_says_when_or_how_long_is_no_figure(nlp, text):
    assert figures(nlp, text) == []


def test_a_couple_of_thousand_is_two_thousand(nlp):
    f = one(nlp, "The crate weighed more than a couple of thousand kilograms.")
    assert (f.value, f.kind, f.unit) == (2000, "lower", "kilograms")
    assert figures(nlp, "They stayed a couple of days.") == []


def test_pounds_a_thing_weighs_are_no_money(nlp):
    assert one(nlp, "The payload weighed about 900 pounds.").unit == "pounds"
    assert one(nlp, "The fine was 300 pounds.").unit == "GBP"


@pytest.mark.parametrize("text, value", [
    ("The tanker was launched in 1998 and was 26 years old.", 26),
    ("The operator described the bridge as 60 years old.", 60),
    ("It was 40 years old when it sank.", 40),
])
def test_how_old_a_thing_is_is_a_figure(nlp, text, value):
    assert one(nlp, text).value == value


@pytest.mark.parametrize("text", [
    "The victim was 67 years old.",
    "The captain, who was 52 years old, survived.",
    "A 44-year-old engineer said he saw flames.",
    "Kim, 40, met the envoy.",
])
def test_a_persons_age_is_not(nlp, text):
    assert figures(nlp, text) == []
