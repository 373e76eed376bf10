"""Attribution relations on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import _passive_subject, find_attributions


def rels(nlp, text):
    doc = nlp(text)
    return doc.text, find_attributions(doc)


def only(nlp, text):
    t, found = rels(nlp, text)
    assert len(found) == 1, [(t[r.cue[0]:r.cue[1]], r.source) for r in found]
    return t, found[0]


def content_text(t, rel):
    return " ".join(t[a:b] for a, b in rel.content)


def test_indirect_speech_with_that(nlp):
    t, r = only(nlp, "The port authority said that three cargo ships had left the harbour overnight.")
    assert r.source.text == "The port authority"
    assert t[r.cue[0]:r.cue[1]] == "said"
    assert content_text(t, r).startswith("that three cargo ships")
    assert r.kind == "indirect"


def test_that_read_as_the_object_of_told_still_opens_what_was_told(nlp):
    # the parser takes "that" for the object and breaks the clause after "sample taken"
    t, r = only(nlp, "Karel Strom, the director of Harlen Water, told the Gazette on Thursday that every sample "
                     "taken from the town's wells since Saturday had been within the legal limits.")
    assert r.source.text.startswith("Karel Strom")
    assert content_text(t, r) == ("that every sample taken from the town's wells since Saturday had been "
                                  "within the legal limits")


def test_direct_quote_after_speaker(nlp):
    t, r = only(nlp, "\u201cWe have seen nothing of the kind,\u201d the mayor told reporters on Monday.")
    assert r.source.text == "the mayor"
    assert r.kind == "direct"
    assert content_text(t, r) == "\u201cWe have seen nothing of the kind,\u201d"


def test_split_quote_is_one_discontinuous_content(nlp):
    t, r = only(nlp, "\u201cThe bridge is safe,\u201d she said, \u201cbut the road behind it is not.\u201d")
    assert len(r.content) == 2
    assert "bridge is safe" in t[r.content[0][0]:r.content[0][1]]
    assert "road behind it" in t[r.content[1][0]:r.content[1][1]]


def test_according_to_in_mid_sentence(nlp):
    t, r = only(nlp, "About 400 workers, according to the union, walked out of the plant on Tuesday.")
    assert r.source.text == "the union"
    assert r.cue_lemma == "according to"
    body = content_text(t, r)
    assert "400 workers" in body and "walked out of the plant" in body and "union" not in body


def test_quoted_as_saying_makes_the_quoter_a_relay(nlp):
    t, r = only(nlp, "The Evening Courier quoted a senior police officer as saying that the gates were "
                     "opened from inside.")
    assert "police officer" in r.source.text
    assert [v.text for v in r.via] == ["The Evening Courier"]
    assert "gates were opened" in content_text(t, r)


def test_citing_makes_the_cited_party_the_source(nlp):
    t, r = only(nlp, "The Harbour Post reported, citing two port officials, that the tanker had been "
                     "refused entry.")
    assert "port officials" in r.source.text
    assert [v.text for v in r.via] == ["The Harbour Post"]


@pytest.mark.parametrize("text, source, via", [
    # "citing" between the reporter and its verb, however the parser hangs it
    ("The Harbour Post, citing two port officials, reported on Sunday that the tanker had been refused entry.",
     "two port officials", ["The Harbour Post"]),
    ("The Valley Journal, citing four senior officials, reported that the plan had been approved.",
     "four senior officials", ["The Valley Journal"]),
    # the content first, then "X said, citing Y"
    ("The new leak sits close to the first one, a spokesperson for the ministry said, citing the coast guard.",
     "the coast guard", ["a spokesperson"]),
    # the reporter described in apposition before its "citing"
    ("The Valley Journal, a weekly paper, citing four senior officials, reported that the plan had been approved.",
     "four senior officials", ["The Valley Journal"]),
    # a long "citing" phrase before the cue
    ("Radio Kesterel, citing a steward who was on duty at the north end, has reported that two gates were open.",
     "a steward", ["Radio Kesterel"]),
    # a passive report whose agent cites someone: what is reported is the subject
    ("The figure of 40 arrests was reported by two local radio stations, citing people close to the police.",
     "people close to the police", ["two local radio stations"]),
])
def test_citing_before_the_cue_or_after_fronted_content(nlp, text, source, via):
    found = find_attributions(nlp(text))
    assert [(r.source.text, [v.text for v in r.via]) for r in found] == [(source, via)]


def test_a_passive_report_says_its_subject_unless_that_only_points_back(nlp):
    t, r = only(nlp, "The figure of 40 arrests was reported by two local radio stations.")
    assert content_text(t, r) == "The figure of 40 arrests" and r.source.text == "two local radio stations"
    doc = nlp("The figure was repeated by news organisations around the world.")
    repeated = next(t for t in doc if t.text == "repeated")
    assert _passive_subject(repeated, "repeat") is None


@pytest.mark.parametrize("text, source, via, content", [
    ("A port authority spokesman said, citing the coast guard crew posted at the pier, that the tanker was "
     "still leaking fuel near the harbour entrance.", "the coast guard crew", ["A port authority spokesman"],
     "that the tanker was still leaking fuel near the harbour entrance"),
    ("An energy ministry official said, citing engineers stationed at the station, that power was still being "
     "supplied to the grid.", "engineers", ["An energy ministry official"],
     "that power was still being supplied to the grid"),
])
def test_cited_party_with_a_modifier_is_no_claim_of_its_own(nlp, text, source, via, content):
    """'said, citing Y posted at Z, that X': Y's whole phrase is the relay, not the start of the content,
    and 'citing Y' is no claim of whoever the parser took for its subject."""
    t, r = only(nlp, text)
    assert (r.source.text, [v.text for v in r.via]) == (source, via)
    assert content_text(t, r) == content


def test_speaker_between_the_halves_of_a_split_quote(nlp):
    text = ('"Our best guess this morning," said Marta Kowalczyk, a chemist at the Baltic Observatory, '
            '"is somewhere between 80,000 and 200,000 tonnes."')
    t, r = only(nlp, text)
    assert r.source.entity == "Marta Kowalczyk"
    assert [t[a:b] for a, b in r.content] == ['"Our best guess this morning,"',
                                               '"is somewhere between 80,000 and 200,000 tonnes."']


def test_a_second_speech_verb_misattached_to_the_content_keeps_the_speaker(nlp):
    t, found = rels(nlp, "The office said 150 tonnes of oil had been released into the river when the hall was "
                         "swept away, and warned that 300 more tonnes could still leak.")
    assert [(r.source.text, t[r.cue[0]:r.cue[1]]) for r in found] == [("The office", "said"), ("The office", "warned")]


@pytest.mark.parametrize("text, source", [
    ("A spokesperson for the Swedish government said the leak was large.", "A spokesperson for the Swedish government"),
    ("Officials in Lisbon said the ferry carried 212 passengers.", "Officials in Lisbon"),
    ("Experts at the university said the dam was weak.", "Experts"),  # no name: nothing to tell them apart by
])
def test_an_unnamed_speaker_keeps_the_name_of_whom_they_work_for(nlp, text, source):
    t, r = only(nlp, text)
    assert r.source.text == source


def test_nested_report_is_relayed_by_the_outer_source(nlp):
    t, found = rels(nlp, "The Daily Lantern reported that the inspectors told the city council that the "
                         "dam had cracked.")
    # the relayed claim comes first, then the relay's own report of it (both are attributions)
    assert [r.source.text for r in found] == ["the inspectors", "The Daily Lantern"]
    r = found[0]
    assert [v.text for v in r.via] == ["The Daily Lantern"]
    assert t[found[0].content[0][0]:found[0].content[-1][1]].endswith("the dam had cracked")
    assert found[1].relays_inner and t[found[1].content[0][0]:].startswith("that the inspectors told")


def test_telling_a_publisher_records_it_as_relay(nlp):
    t, r = only(nlp, "Marta Lindqvist, a historian at the city museum, told Radio Meridian that the "
                     "archive was older than thought.")
    assert r.source.entity == "Marta Lindqvist"
    assert [v.text for v in r.via] == ["Radio Meridian"]


@pytest.mark.parametrize("text, via", [
    ("The harbour master told the regional broadcaster Kustradio FM that the channel was blocked.", "Kustradio FM"),
    ("The harbour master told the privately owned channel Delta Nine TV that the channel was blocked.",
     "Delta Nine TV"),
    ("The harbour master told Egyptian state television that the channel was blocked.", "Egyptian state television"),
    ("The harbour master told national radio that the channel was blocked.", "national radio"),
    ("The harbour master told the Tarrow Press news agency that the channel was blocked.", "Tarrow Press"),
])
def test_telling_a_medium_described_as_one_records_it_as_relay(nlp, text, via):
    t, r = only(nlp, text)
    assert [v.text for v in r.via] == [via]


@pytest.mark.parametrize("text, via", [
    ("In an interview with the Harbour Gazette, the harbour master said the channel was blocked.",
     ["the Harbour Gazette"]),
    ("The harbour master said in remarks to Kustradio FM that the channel was blocked.", ["Kustradio FM"]),
    ("Asked by the Tarrow Press news agency, the harbour master said the channel was blocked.", ["Tarrow Press"]),
    ("Speaking to Radio Meridian on Monday, the harbour master said the channel was blocked.", ["Radio Meridian"]),
    # whom a source speaks to is a relay only when it publishes
    ("Asked by reporters, the harbour master said the channel was blocked.", []),
    ("Speaking to the mayor, the harbour master said the channel was blocked.", []),
    ("In an interview with the pilots, the harbour master said the channel was blocked.", []),
])
def test_a_medium_that_interviewed_or_asked_the_source_relays_it(nlp, text, via):
    t, r = only(nlp, text)
    assert r.source.text.lower() == "the harbour master"
    assert [v.text for v in r.via] == via


def test_a_relay_stays_with_its_source_until_another_occasion_is_named(nlp):
    t, found = rels(nlp, "Ines Moreau told Radio Meridian that the dam had cracked. Moreau said repairs would "
                         "take weeks. Moreau told a news conference that the road would close. Moreau said in a "
                         "statement that the bridge was safe.")
    assert [[v.text for v in r.via] for r in found] == [["Radio Meridian"], ["Radio Meridian"], [], []]


def test_telling_a_forum_is_not_a_relay(nlp):
    t, r = only(nlp, "The minister told the Security Council that the convoy had been attacked.")
    assert r.via == []


@pytest.mark.parametrize("second", ["He said the talks would resume in spring.",
                                    "Okonkwo said the talks would resume in spring."])
def test_pronouns_and_surnames_resolve_to_the_full_name(nlp, second):
    t, found = rels(nlp, "Trade envoy Daniel Okonkwo said the deal was close. " + second)
    assert len(found) == 2
    assert found[1].source.entity == "Daniel Okonkwo"


def test_quote_continues_in_next_sentence(nlp):
    t, found = rels(nlp, "The river is rising fast, the engineer Ruth Banda told the Valley Herald. "
                         "\u201cWe expect it to reach the old mill by night.\u201d")
    # the same statement goes on: one relation, its content in two pieces
    assert len(found) == 1
    assert [t[a:b] for a, b in found[0].content] == [
        "The river is rising fast", "\u201cWe expect it to reach the old mill by night.\u201d"]
    assert found[0].source.entity == "Ruth Banda"


@pytest.mark.parametrize("second", [
    "\u201cBut the new wall will hold.\u201d",  # turns against what came before
    "\u201cWe moved 300 families last night.\u201d",  # a figure of its own
    "\n\n\u201cWe expect it to reach the old mill by night.\u201d",  # a later paragraph
])
def test_quote_continuation_of_its_own(nlp, second):
    t, found = rels(nlp, "The river is rising fast, the engineer Ruth Banda told the Valley Herald. " + second)
    # a claim of its own, with the same source, cue and relay
    assert len(found) == 2
    assert t[found[1].content[0][0]:found[1].content[0][1]] == second.strip()
    assert found[1].source.entity == "Ruth Banda" and found[1].cue == found[0].cue
    assert [v.entity for v in found[1].via] == [v.entity for v in found[0].via]


def test_later_claims_of_an_interviewee_keep_the_publisher_relay(nlp):
    t, found = rels(nlp, "Prices will fall next year, the economist Tomas Vidal told the Harbour Times. "
                         "The central bank is too cautious, Vidal said.")
    assert [r.source.entity for r in found] == ["Tomas Vidal", "Tomas Vidal"]
    assert [v.text for v in found[1].via] == ["the Harbour Times"]


def test_denial_object_is_content_and_negation_is_seen(nlp):
    t, found = rels(nlp, "The company has not confirmed the layoffs. The union denied the report.")
    assert [r.cue_lemma for r in found] == ["confirm", "deny"]
    assert found[0].negated is True
    assert content_text(t, found[1]) == "the report"


def test_passive_report_has_no_source(nlp):
    t, found = rels(nlp, "It was reported that the airport would close for a week.")
    assert len(found) == 1
    assert found[0].source is None


def test_plain_narration_has_no_attribution(nlp):
    _, found = rels(nlp, "The train left the station at noon and arrived two hours late.")
    assert found == []


def test_spans_point_into_the_text(nlp):
    text = "Officials in Lisbon said the ferry carried 212 passengers."
    t, r = only(nlp, text)
    assert t[r.source_span[0]:r.source_span[1]] == "Officials in Lisbon"
    assert t[r.content[0][0]:r.content[0][1]] == "the ferry carried 212 passengers"


def test_definite_description_and_pronoun_refer_back_to_a_described_source(nlp):
    t, found = rels(nlp, "A senior fire officer told the Valley Herald that 30 homes had burned. "
                         "The officer said crews were exhausted. He said more help was coming.")
    assert [r.source.entity for r in found] == ["senior fire officer"] * 3
    assert all([v.text for v in r.via] == ["the Valley Herald"] for r in found)


@pytest.mark.parametrize("first, entity", [
    ("Senator Maria Lopez met voters in Ohio.", "Maria Lopez"),  # the person named in full just before
    ("Miss Universe was crowned on Sunday in a lavish ceremony.", "senator"),  # a lone word tagged PERSON
])
def test_a_described_person_stands_for_the_full_name_before_it(nlp, first, entity):
    t, found = rels(nlp, first + " The senator said the plan would cost billions.")
    assert [r.source.entity for r in found] == [entity]


@pytest.mark.parametrize("first, entity", [
    ("Paul Marsh, a naval analyst, spoke on Monday.", "minister"),  # named with another role
    ("Defence Minister Paul Marsh spoke on Monday.", "Paul Marsh"),
    ("Paul Marsh spoke on Monday.", "Paul Marsh"),  # named with no role: may be the minister
    ("Paul Marsh, a former naval officer, spoke on Monday.", "Paul Marsh"),  # a past role leaves it open
])
def test_a_described_person_is_not_someone_named_with_another_role(nlp, first, entity):
    t, found = rels(nlp, first + " The minister said the plan would cost billions.")
    assert [r.source.entity for r in found] == [entity]


@pytest.mark.parametrize("first, entity", [
    ("Paul Marsh, a seismologist at the institute, spoke on Monday.", "Paul Marsh"),
    ("Paul Marsh is a professor of economics.", "Paul Marsh"),
    ("Paul Marsh is the city's mayor.", "expert"),
])
def test_the_expert_is_a_commentator_named_before(nlp, first, entity):
    t, found = rels(nlp, first + " The expert said the plan would cost billions.")
    assert [r.source.entity for r in found] == [entity]


def test_appositive_name_is_the_entity(nlp):
    t, found = rels(nlp, "Its director, Paula Marsh, said the port was open.")
    assert found[0].source.entity == "Paula Marsh"


def test_clause_after_a_dated_cue_without_that(nlp):
    t, found = rels(nlp, "The mayor said on Tuesday City Hall would close for a week.")
    assert content_text(t, found[0]) == "City Hall would close for a week"


def test_what_intelligence_found_is_the_speakers_claim(nlp):
    t, found = rels(nlp, "The minister said that investigators found that the dam had been sabotaged.")
    assert len(found) == 1 and found[0].source.entity == "minister"
    assert "dam had been sabotaged" in content_text(t, found[0])


INTERVIEW = """The Harbour Times spoke with Ana Ruiz, an economist who has studied the port for twenty years.

What does the strike mean for the city?

I think the city will feel it within a week. About 2,000 jobs depend on the cranes moving every day.

Will the government step in?

The ministry told us it would not intervene. Nobody knows how long the money will last.
"""


def test_qa_interview_answers_belong_to_the_interviewee(nlp):
    t, found = rels(nlp, INTERVIEW)
    by_content = {content_text(t, r): r for r in found}
    think = next(r for c, r in by_content.items() if c.startswith("the city will feel it"))
    assert think.source.entity == "Ana Ruiz" and [v.text for v in think.via] == ["The Harbour Times"]
    jobs = next(r for c, r in by_content.items() if "2,000 jobs" in c)
    assert jobs.kind == "interview" and jobs.cue is None and jobs.source.entity == "Ana Ruiz"
    # someone else's words inside an answer: relayed by the publisher, then the interviewee
    ministry = next(r for r in found if r.source and r.source.text == "The ministry")
    assert [v.entity for v in ministry.via][-1] == "Ana Ruiz"
    # a plain statement without a figure or hedge is the interviewee's testimony too; the questions and
    # the introduction are nobody's claim
    nobody = next(r for c, r in by_content.items() if c.startswith("Nobody knows"))
    assert nobody.kind == "interview" and nobody.source.entity == "Ana Ruiz"
    assert not any("strike mean" in c or "step in" in c or "spoke with" in c for c in by_content)


def test_no_interview_without_questions(nlp):
    t, found = rels(nlp, "The Harbour Times spoke with Ana Ruiz. About 2,000 jobs depend on the port.")
    assert not any(r.kind == "interview" for r in found)


def test_sentence_between_two_statements_of_one_source_is_theirs(nlp):
    t, found = rels(nlp, "Lena Ortiz, a hydrologist at the regional institute, studied the dam for a decade. "
                         "The reservoir is far too full, the expert warns. It holds about 40 million cubic metres. "
                         "The spillway must open this week, Ortiz concludes.")
    assert all(r.source.entity == "Lena Ortiz" for r in found)
    middle = next(r for r in found if "40 million" in content_text(t, r))
    assert middle.kind == "continuation" and middle.cue is None


def test_no_continuation_across_sources_or_paragraphs(nlp):
    t, found = rels(nlp, "The dam is safe, the mayor said. It holds 40 million cubic metres. "
                         "Engineers disagree, the union said.\n\nIt rained 30 mm. The mayor said no more.")
    assert not any(r.kind == "continuation" for r in found)


def test_which_points_back_to_the_clause_it_follows(nlp):
    t, found = rels(nlp, "Two ferries were sold to the rebels, which both governments denied.")
    assert content_text(t, found[0]) == "Two ferries were sold to the rebels"
    assert found[0].cue_lemma == "deny"


def by_cue(t, found, cue):
    return next(r for r in found if r.cue and t[r.cue[0]:r.cue[1]].endswith(cue))


def test_a_rejoinder_answers_what_the_other_speaker_said(nlp):
    # the denial is of the other speaker's content (not of "Kyiv says ...", nor of "a charge"), and it
    # is neither part of Kyiv's content nor a relay of Kyiv
    t, found = rels(nlp, "Kyiv says Russian troops shelled the plant, a charge the Kremlin denies.")
    kyiv, kremlin = by_cue(t, found, "says"), by_cue(t, found, "denies")
    assert content_text(t, kyiv) == "Russian troops shelled the plant"
    assert content_text(t, kremlin) == "Russian troops shelled the plant"
    assert kremlin.source.text == "the Kremlin" and not kremlin.via and not kyiv.via
    t, found = rels(nlp, "Officials in Seoul said thousands of soldiers had crossed the border, "
                         "something Moscow has repeatedly rejected.")
    assert content_text(t, by_cue(t, found, "rejected")) == "thousands of soldiers had crossed the border"
    assert content_text(t, by_cue(t, found, "said")) == "thousands of soldiers had crossed the border"


def test_which_rejoinder_answers_the_other_content_not_its_speaker(nlp):
    t, found = rels(nlp, "The ministry said the report was accurate, which the agency disputed, "
                         "and added that talks would continue.")
    ministry, agency = by_cue(t, found, "said"), by_cue(t, found, "disputed")
    assert content_text(t, agency) == "the report was accurate"
    assert not ministry.via  # the agency answers the ministry; it does not relay it


def test_a_noun_modified_by_a_report_is_no_rejoinder(nlp):
    # "which" as the subject of what is said, and an apposition named by a non-denial: contents stay
    t, found = rels(nlp, "The board defended the funding system, which critics say harms needy schools.")
    assert content_text(t, by_cue(t, found, "say")).endswith("harms needy schools")
    t, found = rels(nlp, "Officials said the brigade took the town, a place the army says it captured in March.")
    assert content_text(t, by_cue(t, found, "says")) == "it captured in March"


def test_outer_report_is_a_pure_relay_only_when_it_opens_with_the_inner_attribution():
    from claimledger.extract.relation import Relation
    from claimledger.extract.relation_passes import _pure_relay

    t = "The Lantern reported that inspectors told the council the dam had cracked."
    outer = Relation(sentence=(0, len(t)), cue=(12, 20), cue_lemma="report", content=[(21, len(t) - 1)],
                     source=None, source_span=(0, 11))
    inner = Relation(sentence=(0, len(t)), cue=(37, 41), cue_lemma="tell", content=[(54, len(t) - 1)],
                     source=None, source_span=(26, 36))
    assert _pure_relay(outer, [inner], t)
    t2 = "The mayor said the dam, which inspectors called unsafe, had cracked."
    outer2 = Relation(sentence=(0, len(t2)), cue=(10, 14), cue_lemma="say", content=[(15, len(t2) - 1)],
                      source=None, source_span=(0, 9))
    inner2 = Relation(sentence=(0, len(t2)), cue=(t2.index("called"), t2.index("called") + 6), cue_lemma="call",
                      content=[(24, 29)], source=None, source_span=(t2.index("inspectors"), t2.index(" called")))
    assert not _pure_relay(outer2, [inner2], t2)


def test_clause_subject_misread_as_a_clause_of_its_own_stays_in_the_content(nlp):
    from claimledger.extract.attribution import _clause_content

    # the parser reads "that debris" as one clause of "told" and "was identified ..." as another
    doc = nlp("Monitors told the council that debris from a rocket that hit Dorn on May 3 was identified as "
              "coming from a drone.")
    told = next(t for t in doc if t.text == "told")
    [(a, b)] = _clause_content(told, "tell")
    assert doc.text[a:b] == "that debris from a rocket that hit Dorn on May 3 was identified as coming from a drone"


def test_subject_of_a_passive_telling_verb_is_neither_speaker_nor_content(nlp):
    from claimledger.extract.combine import _is_recipient

    doc = nlp("We were told about nine hundred new ferries from the yard.")
    told = next(t.i for t in doc if t.text == "told")
    assert _is_recipient(doc, [told], [0])
    assert not _is_recipient(doc, [told], list(range(3, 10)))


def test_what_is_cited_is_the_citers_point_unless_it_is_a_speaker(nlp):
    t, r = only(nlp, "At the hearing, the minister cited rising fuel costs at the port as the reason for the delay.")
    assert r.source.text == "the minister"
    assert t[r.cue[0]:r.cue[1]] == "cited"
    assert content_text(t, r) == "rising fuel costs at the port"
    t, r = only(nlp, "The court halted the sale of the dock, citing a risk to the harbour's water supply.")
    assert r.source.text == "The court" and content_text(t, r) == "a risk to the harbour's water supply"
    # a cited speaker is a relay: the diplomats are the source and the agency relays them
    t, r = only(nlp, "The agency reported, citing three diplomats, that the harbour talks had failed.")
    assert r.source.text == "three diplomats" and [p.text for p in r.via] == ["The agency"]


def test_claim_sentence_covers_all_its_content(nlp):
    from claimledger.extract import extract
    from claimledger.model import Article

    text = "\u201cWe are not just counting votes,\u201d she told the Courier. \u201cWe want to explain them.\u201d"
    claims = extract(Article(id="a", text=text), nlp(text))
    assert len(claims) == 1
    assert claims[0].sentence == text
    assert claims[0].content.split(" \u2026 ") == ["\u201cWe are not just counting votes,\u201d",
                                                 "\u201cWe want to explain them.\u201d"]
    # content found beyond the relation's own sentence (the taggers' discontinuous pieces) brings its sentence
    from claimledger.extract import _sentence_span
    from claimledger.extract.relation import Relation

    doc = nlp(text)
    second = text.index("\u201cWe want")
    told = text.index("told")
    rel = Relation(sentence=(0, second - 1), cue=(told, told + 4), cue_lemma="tell",
                   content=[(0, text.index(" she")), (second, len(text))], source=None, source_span=None)
    assert _sentence_span(doc, rel, text) == (0, len(text))


def test_a_relative_clause_denial_is_cut_from_the_accusation(nlp):
    t, found = rels(nlp, "Farmers' groups have accused the mill of dumping waste into the Tarn river, "
                         "which the company denies.")
    by_cue = {r.cue_lemma: r for r in found}
    assert content_text(t, by_cue["accuse"]).endswith("into the Tarn river")
    denial = by_cue["deny"]
    assert t[denial.source_span[0]:denial.source_span[1]] == "the company"
    assert "dumping waste into the Tarn river" in content_text(t, denial)


@pytest.mark.parametrize("text", [
    "The mayor said the water company should explain why the reservoir was allowed to run dry.",
    "The mayor said the water company must say when the pipes will be repaired.",
    "The mayor said the water company has to tell residents how long the cuts will last.",
])
def test_a_demanded_speech_act_is_not_an_attribution(nlp, text):
    t, r = only(nlp, text)
    assert t[r.source_span[0]:r.source_span[1]] == "The mayor"


@pytest.mark.parametrize("text, cues", [
    ("The Harbour Ledger added a further twist, reporting that the ferry had left early.", ["reporting"]),
    ("The ministry put the toll at 21 after adding a man who died at home.", ["put"]),
    ("She added a warning that the dam could fail.", ["added a warning"]),
    ("He added that the dam was safe.", ["added"]),
])
def test_adding_a_thing_is_no_speech(nlp, text, cues):
    t, found = rels(nlp, text)
    assert [t[r.cue[0]:r.cue[1]] for r in found if r.cue] == cues


def test_a_that_clause_misread_as_a_relative_clause_is_still_what_was_said(nlp):
    t, found = rels(nlp, "The alliance's secretary general said after meeting a visiting delegation that "
                         "foreign units had been deployed to the border region.")
    said = by_cue(t, found, "said")
    assert content_text(t, said) == "that foreign units had been deployed to the border region"


def test_what_a_source_spoke_of_is_its_content(nlp):
    t, found = rels(nlp, "The intelligence service spoke on Oct 18 of about 1,500 soldiers shipped to the "
                         "port, and of a plan to send up to 12,000.")
    spoke = by_cue(t, found, "spoke")
    said = content_text(t, spoke)
    assert said.startswith("about 1,500 soldiers shipped to the port") and said.endswith("a plan to send up to 12,000")
    t, found = rels(nlp, "The ministry has so far spoken only of a first group of 1,500.")
    spoken = by_cue(t, found, "of")
    assert t[spoken.cue[0]:spoken.cue[1]] == "so far spoken only of"
    assert content_text(t, spoken) == "a first group of 1,500"


@pytest.mark.parametrize("name, entity", [
    ("South Korea's National Intelligence Service", "National Intelligence Service"),
    ("the Federal Bureau of Investigation", "Federal Bureau of Investigation"),
])
def test_the_agency_is_the_latest_public_body_not_an_older_agency(nlp, name, entity):
    # the headline spoke of a "spy agency"; the body's lede names the service, and "the agency" and
    # "it" after it are that service, the nearest body, not the headline's phrase
    t, found = rels(nlp, "Troops moved east, a spy agency says.\n\n"
                         f"{name} said on Friday that 1,500 soldiers had moved. "
                         "The agency said they travelled by ship. It said more would follow.")
    assert [r.source.entity for r in found] == ["spy agency", entity, entity, entity]


def test_the_agency_does_not_stand_for_a_company(nlp):
    t, found = rels(nlp, "Gazprom said on Monday that the pipeline was empty. "
                         "The agency said the leak was under control.")
    assert found[-1].source.entity != "Gazprom"


@pytest.mark.parametrize("text, source, entity", [
    ("The Bank of England said rates would rise.", "The Bank of England", "Bank of England"),
    ("Britain's Ministry of Defence said the drone was shot down.", "Britain's Ministry of Defence",
     "Ministry of Defence"),
    ("Edward Howell of Oxford University said the plan would fail.", "Edward Howell", "Edward Howell"),
])
def test_a_name_with_of_in_it_is_named_whole(nlp, text, source, entity):
    t, r = only(nlp, text)
    assert (r.source.text, r.source.entity) == (source, entity)


def test_a_verb_coordinated_after_a_passive_said_clause_is_the_speakers(nlp):
    t, found = rels(nlp, "Kremlin spokesman Dmitry Peskov said no possibility could be excluded, including "
                         "sabotage, and called the damage a matter of concern for the whole continent.")
    assert [(r.source.entity, t[r.cue[0]:r.cue[1]]) for r in found] == [
        ("Dmitry Peskov", "said"), ("Dmitry Peskov", "called")]


def test_he_after_wrote_on_a_platform_is_the_writer(nlp):
    # the tagger reads the lone "Twitter" as a person; a medium written on is no one "he" stands for
    t, found = rels(nlp, "Mykhailo Podolyak, an adviser to the president, wrote on Twitter that the leaks "
                         "were an attack. He offered no evidence.")
    assert [r.source.entity for r in found] == ["Mykhailo Podolyak", "Mykhailo Podolyak"]


@pytest.mark.parametrize("text, source", [
    ("Nord Stream 1 was shut in August, when Gazprom halted flows citing a turbine fault.", "Gazprom"),
    ("The airline cancelled 40 flights on Monday, citing a strike by baggage handlers.", "The airline"),
])
def test_citing_after_an_object_is_the_subjects_reason(nlp, text, source):
    t, r = only(nlp, text)
    assert r.source.text == source


def test_a_modified_definite_body_is_a_body_of_its_own(nlp):
    t, found = rels(nlp, "At least three people had died, his ministry said. "
                         "The regional administration said the water peaked at 5.6 metres.")
    assert found[-1].source.entity == "regional administration"


def test_a_name_with_a_who_clause_is_a_person_for_later_pronouns(nlp):
    # the tagger reads "Olena Dovhal" as an organisation; "who studies" says she is a person
    t, found = rels(nlp, "Vladimir Saldo said 7,000 people had left the left bank.\n\n"
                         "Olena Dovhal, who studies civil protection at the Centre for Disaster Resilience in "
                         "Lviv, cautioned against treating the early figures as final. "
                         "\u201cIn every flood the first numbers are the smallest ones,\u201d she said.")
    assert found[-1].source.entity == "Olena Dovhal"


def test_a_lone_word_tagged_a_place_elsewhere_is_no_one_he_stands_for(nlp):
    t, found = rels(nlp, "Dmytro Lubinets, the human rights ombudsman, said hundreds of residents of Oleshky "
                         "were believed to have drowned, "
                         "and he accused Russian forces of refusing to evacuate people.\n\n"
                         "A volunteer in Oleshky, who asked to be identified only by her first name, told the "
                         "Observer that she had carried 40 bodies.")
    by_cue = {t[r.cue[0]:r.cue[1]]: r.source.entity for r in found}
    assert by_cue["accused"] == "Dmytro Lubinets"
    assert all(entity != "Oleshky" for entity in by_cue.values())


def test_a_participle_after_the_quotes_verb_does_not_take_the_quote(nlp):
    t, found = rels(nlp, "\u201cWe will win,\u201d he wrote on Telegram, accusing Moscow of trying to stall "
                         "the long-expected counteroffensive.")
    by_cue = {t[r.cue[0]:r.cue[1]]: content_text(t, r) for r in found}
    assert by_cue["wrote"] == "\u201cWe will win,\u201d"
    assert by_cue.get("accusing", "").startswith("Moscow of trying")
    assert "expected" not in by_cue  # an adjective introduces nothing


def test_a_participle_takes_the_quote_after_it(nlp):
    t, found = rels(nlp, "\u201cWe will win,\u201d he said, adding: \u201cThe army is ready.\u201d")
    by_cue = {t[r.cue[0]:r.cue[1]].rstrip(":"): content_text(t, r) for r in found}
    assert by_cue == {"said": "\u201cWe will win,\u201d", "adding": "\u201cThe army is ready.\u201d"}


def test_a_participle_as_adjective_is_no_cue(nlp):
    t, found = rels(nlp, "Vladimir Leontyev, the Russian-installed mayor of Nova Kakhovka, said repeated shelling "
                         "had damaged the dam's sluice gates and caused its upper section to give way, according "
                         "to the state news agency RIA Novosti.")
    assert "repeated" not in [t[r.cue[0]:r.cue[1]] for r in found]


@pytest.mark.parametrize("text, source, pieces", [
    ("The war, said one diplomat, has changed everything in the region.", "one diplomat",
     ["The war", "has changed everything in the region"]),
    ("Without access to the site, said Kaspar Lindqvist, a former UN disaster assessor now at the Geneva "
     "Centre for Infrastructure Security, every account remains provisional.", "Kaspar Lindqvist",
     ["Without access to the site", "every account remains provisional"]),
])
def test_a_speech_tag_inside_the_sentence_it_reports(nlp, text, source, pieces):
    t, r = only(nlp, text)
    assert r.source.text == source
    assert [t[a:b] for a, b in r.content] == pieces


def test_a_naming_participle_is_no_speech_tag(nlp):
    t, found = rels(nlp, "His nonprofit group, called the Virginia Conservation Legacy Fund, will still own the "
                         "property until it pays back the loan.")
    assert all(r.source is None or r.source.text != "the Virginia Conservation Legacy Fund" for r in found)


def test_source_text_and_span_name_the_same_speaker(nlp):
    t, found = rels(nlp, "\u201cMy reaction, that was outrageous,\u201d Obama's former campaign strategist said "
                         "in an interview with CNN.")
    for r in found:
        if r.source is not None and r.source_span is not None:
            assert r.source.text in t[r.source_span[0]:r.source_span[1]]


def test_a_question_says_nothing_but_what_someone_said_is_a_claim(nlp):
    t, found = rels(nlp, "What does Moscow say? The Kremlin dismissed the reports.")
    assert [t[r.cue[0]:r.cue[1]] for r in found] == ["dismissed"]
    t, found = rels(nlp, "The troops would stay for years. That was what the minister said on Friday.")
    assert [t[r.cue[0]:r.cue[1]] for r in found] == ["said"]


def test_block_quote_below_a_speech_line(nlp):
    text = ("The mayor toured the flooded streets on Monday.\n\nThe mayor added:\n\n"
            "We lost the bridge and two schools. Nobody here has seen water this high.\n\nCrews worked overnight.")
    t, found = rels(nlp, text)
    blocks = [r for r in found if t[r.cue[0]:r.cue[1]] == "added:"]
    assert len(blocks) == 1 and blocks[0].source.text == "The mayor"
    assert content_text(t, blocks[0]) == "We lost the bridge and two schools. Nobody here has seen water this high"
    # the quoted paragraph's own sentences are the mayor's words, not claims of the "Nobody" in them
    assert all(r.source is None or r.source.text != "Nobody" for r in found)


def test_colon_line_without_a_speech_verb_quotes_nothing(nlp):
    text = "The plan has three parts:\n\nNew pumps for the lower town, a wall along the river and a fund."
    t, found = rels(nlp, text)
    assert not any(r.content and t[r.content[0][0]:].startswith("New pumps") for r in found)


def test_a_split_quote_stays_with_its_speaker_not_the_next_sentence(nlp):
    text = ('"Our best guess tonight," said Ana Ruiz, a flood engineer at the Danube River Institute in Vukovar, '
            '"is somewhere between 30 and 45 villages, and the error bars are huge." Ruiz said part of the water '
            'may have drained into the fields before it reached the town.')
    t, found = rels(nlp, text)
    later = [r for r in found if t[r.cue[0]:r.cue[1]] == "said" and r.source.text == "Ruiz"]
    assert len(later) == 1
    assert content_text(t, later[0]) == "part of the water may have drained into the fields before it reached the town"


def test_told_a_person_that_is_what_was_told_however_parsed(nlp):
    text = ("Mara Olsen, the captain of the 1998 relief ship Nordlys, who has crossed the strait more than "
            "40 times, told a radio interviewer that she had known since Tuesday that the ferry had sunk.")
    t, found = rels(nlp, text)
    told = [r for r in found if t[r.cue[0]:r.cue[1]] == "told"]
    assert len(told) == 1 and told[0].source.text == "Mara Olsen"
    assert content_text(t, told[0]) == "that she had known since Tuesday that the ferry had sunk"


def test_a_consequence_joined_after_the_tag_is_not_what_was_said(nlp):
    # from our Titan story corpus: the parser makes both clauses complements of "added"
    text = ("The information was passed to the search commanders at once, but it was not considered definitive, "
            "the official added, so the search went on.")
    t, r = only(nlp, text)
    assert content_text(t, r) == ("The information was passed to the search commanders at once, but it was not "
                                  "considered definitive")


def test_a_citing_at_the_end_names_the_source_and_the_speaker_relays(nlp):
    t, r = only(nlp, "The mayor said on Monday that the fire was started on purpose, citing two police officers.")
    assert r.source.text == "two police officers" and [v.text for v in r.via] == ["The mayor"]
    assert content_text(t, r) == "that the fire was started on purpose"


def test_a_citing_before_a_second_report_stays_with_the_first(nlp):
    t, found = rels(nlp, "The senator said the army had shot down three drones in a week, citing the ministry, and "
                         "said residents deserved answers.")
    first, second = sorted((r for r in found if r.cue_lemma == "say"), key=lambda r: r.cue[0])
    assert first.source.text == "the ministry" and [v.text for v in first.via] == ["The senator"]
    assert content_text(t, first) == "the army had shot down three drones in a week"
    assert second.source.text == "The senator" and second.via == []


@pytest.mark.parametrize("text", [
    "Reporters were told that the plant was safe.",
    "Residents were warned that the river could burst its banks.",
])
def test_who_was_told_or_warned_is_not_the_source(nlp, text):
    _, found = rels(nlp, text)
    assert found and all(r.source is None and r.kind == "unattributed" and not r.via for r in found)


def test_one_quoted_in_the_passive_is_the_source(nlp):
    t, found = rels(nlp, "The harbour master was quoted by the Gazette as saying that 40 ships were waiting.")
    [r] = [r for r in found if r.cue_lemma == "quote"]
    assert r.source.text == "The harbour master" and [v.text for v in r.via] == ["the Gazette"]
    assert content_text(t, r) == "that 40 ships were waiting"


def test_according_to_a_document_is_its_publishers_claim(nlp):
    t, r = only(nlp, "The Valdorian Survey recorded a tremor of magnitude 2.1, according to data posted on its "
                     "website.")
    assert r.source.entity == "Valdorian Survey"


def test_a_speech_participle_goes_with_the_verb_reporting_the_clause_it_hangs_from(nlp):
    t, found = rels(nlp, "A port official denied that dockers were blocking the inquiry, saying the union was "
                         "simply following the procedures set out in its contract.")
    [saying] = [r for r in found if t[r.cue[0]:r.cue[1]] == "saying"]
    assert saying.source.text == "A port official"


def test_a_placeholder_it_is_no_content(nlp):
    t, found = rels(nlp, "It was reported by the Gazette that an inspectors' report had put the damage at about "
                         "$40 million.")
    [report] = [r for r in found if r.cue_lemma == "report"]
    assert content_text(t, report).startswith("that an inspectors' report")
    [put] = [r for r in found if r.cue_lemma == "put"]
    assert [v.text for v in put.via] == ["the Gazette"]


TRANSCRIPT = """Dr. Mei Ling Chow studies river transport. We spoke to her a week after the strike.

Q: How many boats stopped?

Chow: About 300 boats stayed in port on the first day. I expect the owners will settle within a month.

Q: The union says the owners refused to talk.

Chow: The owners deny it. The port authority counted 12 empty berths by Friday.
"""


def test_a_transcript_introduced_by_a_pronoun_is_an_interview(nlp):
    t, found = rels(nlp, TRANSCRIPT)
    # every answer is hers, first person included, and a question line is nobody's claim
    boats = next(r for r in found if "300 boats" in content_text(t, r))
    assert boats.source.entity == "Mei Ling Chow"
    expect = next(r for r in found if r.cue and t[r.cue[0]:r.cue[1]] == "expect")
    assert expect.source.entity == "Mei Ling Chow"
    assert not any(r.source is not None and r.source.text == "Q" for r in found)
    # what someone else says in an answer, she relays
    berths = next(r for r in found if r.cue and t[r.cue[0]:r.cue[1]] == "counted")
    assert berths.source.entity == "port authority" and berths.via[-1].entity == "Mei Ling Chow"


def test_a_family_name_first_is_found_from_its_short_form(nlp):
    t, found = rels(nlp, "We met Tang Wai-kit at the harbour office. Tang said 40 boats had left.")
    said = next(r for r in found if "40 boats" in content_text(t, r))
    assert said.source.entity == "Tang Wai-kit"


@pytest.mark.parametrize("text", [
    "According to the state broadcaster, a senior port official said that the strike had cost 3 million dollars.",
    "According to the state broadcaster Delta Radio, a senior port official said that the strike had cost "
    "3 million dollars.",
])
def test_an_official_after_according_to_speaks_and_the_outlet_relays(nlp, text):
    t, found = rels(nlp, text)
    said = next(r for r in found if r.cue_lemma == "say")
    assert said.source.text.startswith("a senior port official")
    assert [v.text for v in said.via][0].startswith("the state broadcaster")
    assert "the strike had cost" in content_text(t, said)
    # no relation has the broadcaster say the official's words as its own source
    assert not any(r.source is None and r.cue_lemma == "according to" for r in found)


def test_the_subject_of_a_raised_passive_is_what_is_believed_not_who_believes(nlp):
    t, found = rels(nlp, "The strike builds on a dispute that began well before 2021. North Korea is believed to "
                         "have shipped millions of shells and dozens of KN-23 missiles to Russia, and the two "
                         "signed a treaty in June.")
    [believed] = [r for r in found if r.cue and t[r.cue[0]:r.cue[1]] == "is believed"]
    assert believed.source is None and believed.kind == "unattributed"
    assert content_text(t, believed).startswith("North Korea to have shipped")


def test_content_said_in_a_fronted_clause_ends_with_that_clause(nlp):
    t, r = only(nlp, "A week after the port authority first said the channel was clear, the first tankers had "
                     "left with 40,000 tonnes of grain.")
    assert content_text(t, r) == "the channel was clear"


def test_the_question_put_to_a_speaker_is_no_claim(nlp):
    t, found = rels(nlp, "Asked about the lower estimate, a spokeswoman for the port said: \"We stand by "
                         "our count.\"")
    assert [t[r.cue[0]:r.cue[1]].rstrip(":") for r in found if r.cue] == ["said"]


def test_a_noun_cue_as_subject_keeps_its_clause_to_the_main_verb(nlp):
    t, found = rels(nlp, "The agency's insistence that its own count is the only reliable one has done little "
                         "to settle the question.")
    (rel,) = [r for r in found if r.cue_lemma == "insistence"]
    assert content_text(t, rel) == "that its own count is the only reliable one"


@pytest.mark.parametrize(("text", "source", "via"), [
    # a figure verb's trailing "citing": the one cited gave the figure, the citer passed it on
    ("The ministry put the toll at 4,000, citing the Red Crescent.", "the Red Crescent", ["The ministry"]),
    # ... joined by "and", at a paragraph's end
    ("The office then revised its update, lowering the number of dead to about 4,000 and citing the World "
     "Health Organization as its source.\n\nNext paragraph.", "the World Health Organization", ["The office"]),
    # evidence cited is no speaker
    ("The ministry said 40 people had died, citing hospital records.", "The ministry", []),
])
def test_a_trailing_citing_names_the_source(nlp, text, source, via):
    _, found = rels(nlp, text)
    rel = next(r for r in found if r.cue_lemma in {"put", "lower", "say"})
    assert rel.source.text == source and [v.text for v in rel.via] == via


def test_it_is_the_one_announcing_not_the_subject_of_what_it_announced(nlp):
    _, found = rels(nlp, "A spokesman for the eastern administration said the curfew had saved lives. The eastern "
                         "administration has just announced that Derna is a disaster zone. It says only rescue "
                         "teams will be allowed in.")
    says = next(r for r in found if r.cue_lemma == "say" and r.source.text == "It")
    assert says.source.entity == "eastern administration"


def test_a_title_cased_name_the_tagger_cut_is_named_whole(nlp):
    _, found = rels(nlp, "The UN Office for the Coordination of Humanitarian Affairs said 11,300 people had died.")
    assert found[0].source.entity == "UN Office for the Coordination of Humanitarian Affairs"


def test_a_noun_subject_clause_stops_at_a_comma(nlp):
    t, found = rels(nlp, "His promises to cut taxes notwithstanding, independent analyses have found that the plan "
                         "favours the wealthy.")
    promises = next(r for r in found if r.cue_lemma == "promise")
    assert "analyses" not in content_text(t, promises)


def test_evidence_cited_after_a_report_is_a_claim_of_its_own(nlp):
    _, found = rels(nlp, "The senator said the army was stretched, citing the strategic importance of the pass.")
    assert any(r.cue_lemma == "cite" for r in found)  # what was put forward, as PolNeAR marks it


def test_phrase_before_a_tag_between_commas_is_part_of_what_was_said(nlp):
    # the parser hangs "In a town of ..." on "added"; it is part of the reasoning she gives
    text = "In a town of some 40,000 people, she added, even the lowest count would mean one death in ten homes."
    t, r = only(nlp, text)
    assert r.source.text == "she"
    assert content_text(t, r).startswith("In a town of some 40,000 people")
    assert content_text(t, r).endswith("one death in ten homes")



def test_a_second_that_clause_of_the_same_cue_is_still_its_content(nlp):
    # the parser reads "rounds" as a verb, leaving "that officers had fired" alone under "reported"; the
    # cue verb of the second that-clause ("had found") is no other speaker's
    text = ("The Harbour Standard, citing two police sources, reported in July that officers had fired at least "
            "20 rubber bullets and several bean bag rounds that afternoon, and that the force's own review had "
            "found gaps in how the rounds were logged.")
    t, found = rels(nlp, text)
    [r] = [r for r in found if t[r.cue[0]:r.cue[1]] == "reported"]
    assert "at least 20 rubber bullets" in content_text(t, r)


LABELLED = """The Dock Review spoke with Meera Pillai, who leads the seafarers' union.

Interviewer: How are the crew?

Pillai: Their spirits are low. The master told me everyone is healthy and that they have enough food. \
Some of them have been on board for eight months.

Interviewer: What about the money?

Pillai: The port wants 900 million dollars from the owner, and the owner's insurers say that is far too much.
"""


def test_a_labelled_answer_leaves_another_speakers_sentence_to_that_speaker(nlp):
    t, found = rels(nlp, LABELLED)
    master = next(r for r in found if r.source and r.source.text == "The master")
    assert [v.entity for v in master.via][-1] == "Meera Pillai"
    answers = [content_text(t, r) for r in found if r.cue_lemma == ":"]
    # the answer is split around the master's sentence, and keeps what is hers of a shared sentence
    assert "Their spirits are low." in answers
    assert "Some of them have been on board for eight months" in answers
    assert "The port wants 900 million dollars from the owner" in answers
    assert not any("The master told me" in a or "far too much" in a for a in answers)


BYLINED = """Interview by Helen Marsh.

Natalia Zaretskaya, 52, runs a group for the families of the crew. We spoke to her by video call.

Interviewer: When did you last hear from the families?

Zaretskaya: On Saturday. The mother of a young sailor told me that her son is still listed as missing.

Interviewer: What does the fleet say?

Zaretskaya: The fleet told us that each family would receive about 7 million roubles. That is simply untrue.
"""


def test_the_answer_labels_name_the_interviewee_not_the_bylines_writer(nlp):
    t, found = rels(nlp, BYLINED)
    mother = next(r for r in found if r.source and r.source.text == "The mother of a young sailor")
    assert [v.entity for v in mother.via] == ["Natalia Zaretskaya"]
    assert not any(r.source and r.source.entity == "Helen Marsh" for r in found)
    fleet = next(r for r in found if r.source and r.source.text == "The fleet")
    assert [v.entity for v in fleet.via] == ["Natalia Zaretskaya"]  # once, though the label says "Zaretskaya"


def test_what_someone_did_not_explain_inside_anothers_words_is_not_their_claim(nlp):
    text = ("The Harbour Mutual, which insures the owner, said the authority had still not explained how it "
            "had arrived at its figures. It described the claim as largely unsupported.")
    t, found = rels(nlp, text)
    assert [r.source.text for r in found if r.source] == ["The Harbour Mutual", "It"]
    # and "it" is the insurer speaking, not the authority it spoke of
    assert found[1].source.entity == "Harbour Mutual"


def test_which_after_an_account_of_something_stands_for_the_accounts_owner(nlp):
    text = ("The Harbour Board said on Tuesday that winds had pushed the ship. The pilot's remarks sit awkwardly "
            "with the board's first account of the accident, which said the ship had been pushed off course.")
    t, found = rels(nlp, text)
    which = next(r for r in found if "pushed off course" in content_text(t, r))
    assert which.source.text == "which" and which.source.entity == "Harbour Board"


def test_a_news_site_set_off_by_an_appositive_relays_whom_it_cites(nlp):
    t, r = only(nlp, "The Harbour Sentinel, a Boston-based news site, reported on Thursday, citing two naval "
                     "officials, that the navy had tracked the ship for a week.")
    assert (r.source.text, [v.text for v in r.via]) == ("two naval officials", ["The Harbour Sentinel"])


def test_a_relative_pronoun_left_as_the_source_is_a_misparse(nlp):
    found = find_attributions(nlp("The mayor has told the radio station Harbour FM that reports the pier had "
                                  "been sold are wrong."))
    assert found and all(r.source.text.lower() != "that" for r in found)
    assert any(r.source.text == "The mayor" for r in found)


def test_a_speaker_citing_another_is_who_she_is_next_not_the_one_told(nlp):
    t, found = rels(nlp, "Orla Vesk, the dockers' safety officer, told Halmer, citing the gate log, that 41 "
                         "trucks were still inside. \"The operator knows the real number,\" she said.")
    cited = next(r for r in found if "41" in content_text(t, r))
    assert cited.source.entity == "gate log" and [v.entity for v in cited.via][0] == "Orla Vesk"
    quote = next(r for r in found if "real number" in content_text(t, r))
    assert quote.source.entity == "Orla Vesk"


def test_telling_the_articles_own_outlet_makes_it_the_relay(nlp):
    doc = nlp("Plumbline checked the video. Lund told Plumbline on Saturday that he had not altered the clip. "
              "Edvik told the Review that the payments were late.")
    t = doc.text
    found = find_attributions(doc, publisher="Plumbline Fact Check")
    lund = next(r for r in found if "altered the clip" in content_text(t, r))
    assert lund.source.entity == "Lund" and [v.entity for v in lund.via] == ["Plumbline Fact Check"]
    # another outlet's name is no relay of this one; without the outlet nothing is assumed
    edvik = next(r for r in found if "payments" in content_text(t, r))
    assert edvik.via == [] or all(v.entity != "Plumbline Fact Check" for v in edvik.via)
    plain = next(r for r in find_attributions(doc) if "altered the clip" in content_text(t, r))
    assert plain.via == []


def test_who_carried_the_statement_relays_it(nlp):
    t, r = only(nlp, "The dam still held, the ministry said in a later statement carried by state news agencies.")
    assert r.source.text == "the ministry" and [v.text for v in r.via] == ["state news agencies"]


@pytest.mark.parametrize("verb", ["rejects", "rejected"])
def test_a_clause_before_a_semicolon_is_said_by_its_own_speaker(nlp, verb):
    # the parser hangs either clause on the other; neither speaker takes the other's words, nor crashes
    t, found = rels(nlp, f"Rescuers say seven dead and 17 alive in refuge chamber; operator {verb} claims "
                         "that it ignored tremors")
    said = {r.source.text: content_text(t, r) for r in found}
    assert said.get("Rescuers") in (None, "seven dead and 17 alive in refuge chamber"), said
    assert said["operator"].endswith("that it ignored tremors"), said
    assert "Rescuers" not in said["operator"], said


def test_a_participle_after_a_noun_is_not_that_nouns_report(nlp):
    # "the wind reported to the crew" is the wind that was reported; "had been ..." is its verb
    t, found = rels(nlp, "Estrel said the wind reported to the crew had been within the aircraft's limits.")
    assert [(r.source.entity, content_text(t, r)) for r in found] == [
        ("Estrel", "the wind reported to the crew had been within the aircraft's limits")]


@pytest.mark.parametrize("text, source", [
    ("The Coast Guard said in June that human remains had been recovered.", "Coast Guard"),
    ("Former employees told the board that worries about the hull had been raised repeatedly.", "Former employees"),
    ("Crews set it alight, a step Vantrell said was needed to prevent an explosion.", "Vantrell"),
])
def test_reporting_verbs_that_only_look_like_participles_still_report(nlp, text, source):
    t, found = rels(nlp, text)
    assert source in [r.source.entity for r in found]


def test_a_that_clause_hung_inside_the_adjuncts_after_told_is_what_was_told(nlp):
    # the parser hangs "he saw flames" on "the day" as a relative clause, with "that" inside it
    t, r = only(nlp, "Henrik Saal, a passenger, told the Tarrow Press news agency the day after the crash that "
                     "he saw flames from the left engine while the aircraft was still in the air.")
    assert content_text(t, r) == "that he saw flames from the left engine while the aircraft was still in the air"
    assert [v.text for v in r.via] == ["Tarrow Press"]


def test_a_speaker_set_off_before_a_closing_tag_speaks(nlp):
    t, r = only(nlp, "In Varro, no siren was heard at all, the town's mayor, Ilse Brandt, said.")
    assert r.source.entity == "Ilse Brandt"
    assert content_text(t, r) == "In Varro, no siren was heard at all"


def test_citing_information_from_a_body_makes_the_body_the_source(nlp):
    t, found = rels(nlp, "Radio Vell reported this afternoon, citing figures from two hospitals in Dorn, that "
                         "more than 90 people had been treated.")
    r = next(r for r in found if r.cue_lemma == "report")
    assert r.source.text == "two hospitals in Dorn"
    assert [v.text for v in r.via] == ["Radio Vell"]
    assert content_text(t, r) == "that more than 90 people had been treated"
    assert not any(r.cue_lemma == "cite" for r in found)  # the hospitals speak; the figures are no point made


def test_a_trailing_citing_is_the_reporters_point_not_the_content_subjects(nlp):
    t, found = rels(nlp, "The mayor said 12 homes had burned, citing insurance records.")
    cited = next(r for r in found if r.cue_lemma == "cite")
    assert cited.source.text == "The mayor"
    assert content_text(t, cited) == "insurance records"


def test_the_agent_after_an_object_predicate_is_who_declared_it(nlp):
    t, found = rels(nlp, "Nine days after it began, the fire was declared contained by the fire service on Saturday.")
    r = next(r for r in found if r.cue_lemma == "declare")
    assert r.source.text == "the fire service"
    assert "by the fire service" not in content_text(t, r)


def test_what_a_study_or_test_found_is_its_finding(nlp):
    t, found = rels(nlp, "A report by the state laboratory found the solvent in all nine batches.")
    r = next(r for r in found if r.cue_lemma == "find")
    assert r.source.text == "A report"
    assert content_text(t, r) == "the solvent in all nine batches"
    # what the police found is a thing, not a finding they state
    _, found = rels(nlp, "The police found a body in the river on Sunday.")
    assert not any(r.cue_lemma == "find" for r in found)


def test_per_a_party_opening_a_sentence_is_according_to_it(nlp):
    t, found = rels(nlp, "Per the Courier, the health ministry now counts 13 deaths. Prices rose 5 per cent, per day.")
    acc = [r for r in found if r.kind == "according_to"]
    assert [r.source.text for r in acc] == ["the Courier"]
    assert content_text(t, acc[0]) == "the health ministry now counts 13 deaths"


def test_a_record_a_report_goes_by_is_its_source_and_the_reporter_relays_it(nlp):
    t, found = rels(nlp, "The Herald reports that nine pharmacies were still selling the syrup last week, "
                         "according to an inspection list.")
    assert len(found) == 1
    assert found[0].source.text == "an inspection list"
    assert [v.text for v in found[0].via] == ["The Herald"]
    # a party after "according to" still relays the one who spoke
    _, found = rels(nlp, "The ministry said 40 people died, according to Reuters.")
    said = next(r for r in found if r.cue_lemma == "say")
    assert said.source.text == "The ministry" and [v.text for v in said.via] == ["Reuters"]


def test_a_citing_the_parser_hangs_from_a_comma_still_names_the_source(nlp):
    t, r = only(nlp, "The Courier, citing SRT, adds that prosecutors have found no grounds to open a case.")
    assert r.source.text == "SRT"
    assert [v.text for v in r.via] == ["The Courier"]


@pytest.mark.parametrize("text, content", [
    ("The ministry denied holding him.", "holding him"),
    ("He admitted hiding the report from inspectors.", "hiding the report from inspectors"),
])
def test_what_a_source_denies_or_admits_doing_is_its_content(nlp, text, content):
    t, rel = only(nlp, text)
    assert " ".join(t[a:b] for a, b in rel.content) == content


def test_a_denial_of_doing_inside_a_report_is_the_deniers_relayed(nlp):
    t, found = rels(nlp, "Serevia's Defence Ministry denied holding him, SEVPRESS reported.")
    denial = next(r for r in found if r.cue_lemma == "deny")
    assert denial.source.text == "Serevia's Defence Ministry" and [v.text for v in denial.via] == ["SEVPRESS"]


@pytest.mark.parametrize("text, content", [
    # whom one tells is no part of what is told, with or without "that"
    ("Heatwatch told the agency it had documented 44 deaths.", "it had documented 44 deaths"),
    ("Both sides told the mission they had pulled their heavy weapons back.",
     "they had pulled their heavy weapons back"),
    ("He told a meeting of harbour leaders that few people understood the risk.",
     "that few people understood the risk"),
])
def test_the_one_told_is_not_what_was_told(nlp, text, content):
    t, rel = only(nlp, text)
    assert " ".join(t[a:b] for a, b in rel.content) == content


def test_what_is_told_to_someone_keeps_its_relative_clause(nlp):
    t, found = rels(nlp, "They would not tell the tax office anything it does not already know.")
    assert not any(t[r.content[0][0]:r.content[0][1]] == "it does not already know" for r in found)
