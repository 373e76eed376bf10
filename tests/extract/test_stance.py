"""Stance rules on relations we write ourselves."""

from __future__ import annotations

import pytest

from claimledger.extract import extract
from claimledger.extract.attribution import find_attributions
from claimledger.extract.stance import classify_stance
from claimledger.model import Article


def stance_of(nlp, text):
    doc = nlp(text)
    found = find_attributions(doc)
    assert found, text
    r = found[0]
    return classify_stance(doc.text, r.cue_lemma, r.negated, r.content)


@pytest.mark.parametrize("text,expected", [
    ("The ministry said the dam was repaired last year.", "asserts"),
    # "lies" the verb is no lie
    ("The wreck lies about 900 metres down, according to the navy.", "asserts"),
    ("\u201cThese are lies from start to finish,\u201d the spokesman said.", "denies"),
    ("The ministry denied that the dam had failed.", "denies"),
    ("A spokesman dismissed the report as fake news.", "denies"),
    ("\u201cThis is a baseless story,\u201d the spokesman said.", "denies"),
    ("The company has not confirmed the layoffs.", "denies"),
    ("The company declined to confirm the layoffs.", "denies"),
    ("The navy could not confirm where the signals had come from.", "hedges"),
    ("The navy said the recording was not considered definitive.", "hedges"),
    ("The navy said the first tests were inconclusive.", "hedges"),
    ("Engineers said the dam may have been weakened by the floods.", "hedges"),
    ("Engineers said it was highly likely that the dam had been weakened.", "hedges"),
    ("\u201cWe cannot rule out a second breach,\u201d the engineer said.", "hedges"),
    ("The mayor said the figure was never confirmed.", "hedges"),
    ("Analysts believe the plant will close.", "hedges"),
    ("The governor said there is no doubt that the bridge will reopen.", "asserts"),
    # a conclusion drawn on condition that the claim is true is not the claim asserted
    ("The historian said that if the report was confirmed, the wreck would be the oldest found.", "hedges"),
    ("The historian said that, if true, the letter would change the story.", "hedges"),
    # not being suspected of a thing denies it; being suspected hedges
    ("Police said the driver was not suspected of causing the crash.", "denies"),
    ("Detectives said they do not suspect foul play.", "denies"),
    ("Police said the driver is suspected of causing the crash.", "hedges"),
    # appearing somewhere is no hedge; appearing to be is
    ("The board said some voters appear in the register twice.", "asserts"),
    ("The board said the signatures appear to be forged.", "hedges"),
    ("The board said it appears as if the signatures were forged.", "hedges"),
    ("The board said the clerk appeared as a witness for the council.", "asserts"),
    # calling reports or figures wrong denies them; calling an act wrong does not
    ("The mayor said reports that the pier had been sold were wrong.", "denies"),
    ("The union said the figures in the audit were simply incorrect.", "denies"),
    ("The union said it was wrong to blame the drivers.", "asserts"),
    # doubting a claim without denying it
    ("The professor says voters should not take the mayor's promise at face value.", "hedges"),
    ("The professor said the survey should be read with a pinch of salt.", "hedges"),
    ("The mayor said the town would flood if the dam broke.", "asserts"),
    # not believing, not accepting: the claim rejected; not thinking so stays an opinion
    ("Residents do not believe the water is safe.", "denies"),
    ("\u201cI don't believe for a moment that it was deleted,\u201d the caller said.", "denies"),
    ("The union does not accept that the mine is safe.", "denies"),
    ("\u201cThat is not what we are hearing,\u201d the volunteer said.", "denies"),
    ("A detective said there was no way to know whether the files were deleted.", "hedges"),
    ("The researcher said the files had almost certainly been copied.", "hedges"),
])
def test_stance(nlp, text, expected):
    assert stance_of(nlp, text) == expected


def claim_stances(nlp, text):
    from claimledger.extract import extract
    from claimledger.model import Article

    article = Article(text=text)
    return [(c.content, c.stance) for c in extract(article, nlp(text))]


@pytest.mark.parametrize("text,expected", [
    ("The ministry dismissed the allegation that its ships carried the grain.", "denies"),
    ("The council categorically rejected claims that the vote was rigged.", "denies"),
    # the present tense the parser reads as a noun subject ("Vantry rejects") of a verb "claims"
    ("Vantry rejects claims that it ignored the warnings.", "denies"),
    ("Moscow disputes claims that troops were sent.", "denies"),
    ("The harbour master said the crane could collapse at any time.", "hedges"),
    ("The agency said 300 sheep had drowned, a figure that could not be independently verified.", "hedges"),
    ("Unconfirmed reports said the bridge had been closed.", "hedges"),
    ("Police said the driver was believed to have fled north.", "hedges"),
    ("The mayor did not say that the bridge was closed.", "denies"),
    # reported speech that rules its matter out denies it; a forecast, a matter still open, a contrast
    # and emphatic certainty do not
    ("The mayor said that the bridge was not closed.", "denies"),
    ("The operator told reporters that no one had been hurt.", "denies"),
    ("The port said the delays would not end before March.", "asserts"),
    ("The agency said it had not yet checked the records.", "asserts"),
    ("He said the question was not how many came but why.", "asserts"),
    ("The general said there was no doubt that the unit had moved.", "asserts"),
    ("The mayor wrote in a letter that the bridge had never been closed.", "denies"),  # no relative clause
    ("\"The bridge was not closed,\" the mayor said.", "asserts"),
    ("The airline said the aircraft had no open defects when it left.", "denies"),
    ("The firm said in a statement that its manager had done nothing wrong.", "denies"),
    ('The harbour master told the paper that his office "does not give permission to sail".', "denies"),
    ("The statement neither confirmed nor denied that the plant had closed.", "hedges"),
    ("A spokesman would not confirm or deny that talks had begun.", "hedges"),
    # a nominal denial, a withheld denial, a report called invented or unknown to the speaker
    ("Kyiv repeated its denial that any state body took part.", "denies"),
    ("The president has since declined to deny the reports.", "hedges"),
    ("The administration said reports of an oil slick were invented.", "denies"),
    ("The general told the paper he knew nothing about the operation.", "denies"),
    # "false" and "fake" as plain adjectives are no verdict; an estimate asserts its figure
    ("The prosecutor said the crew had sailed with false papers.", "asserts"),
    ("Economists estimated the losses at $2 billion.", "asserts"),
    # a hedge in a relative clause or a noun's modifier does not hedge the claim
    ("Officials said each worker was promised $500 a month, most of which may never reach him.", "asserts"),
    ("Prosecutors said a warrant was issued for an instructor suspected of helping the crew.", "asserts"),
    ("The director said the cooling pond, which sits above the river, held enough water for several months, "
     "and that the operators had been asked to avoid drawing on it while the reservoir could still be used.",
     "asserts"),
    # what is not yet known or judged
    ("The general said it remained to be seen what the troops would do.", "hedges"),
    ("Officials said Washington did not yet know whether the troops would fight.", "hedges"),
    ("Two officials said analysts were leaning toward the conclusion that the dam was blown up.", "hedges"),
    ("The prime minister told reporters it was hard to imagine that the fire was an accident.", "hedges"),
    # the month is no modal
    ("A study published in May said the leak was the largest on record.", "asserts"),
    ("A study published in May said the leak may be the largest on record.", "hedges"),
    # what made a thing possible is no hedge on it; a possible thing is
    ("The mayor said years of neglect had made the collapse possible.", "asserts"),
    ("The mayor said a second collapse was possible.", "hedges"),
    ("The Gazette quoted an official as saying that the navy \"had nothing to do with\" the fire.", "denies"),
    # someone else's belief relayed hedges, and so does the speaker's own (as "the company believes ..." would)
    ("Investigators suspect that a spark lit the fuel store, one of the sources said.", "hedges"),
    ("The company said in a statement that it now believed the crew had been lost.", "hedges"),
    # a verdict with an adverb or quotes in between still calls the matter false
    ("The former aide wrote that the suggestion was \"categorically false\".", "denies"),
    # a modal inside a free relative ("what X could do") names a thing, it does not hedge the claim
    ("The official said the drone's value was small compared with what satellites could already see.", "asserts"),
    # not thinking so is an opinion, which hedges; not believing rejects
    ("The engineer said he did not think the dam would hold.", "hedges"),
    ("The engineer said he did not believe the dam had been inspected.", "denies"),
    ("The engineer said he did not believe the dam would have held without the repairs.", "hedges"),
    # a search that found nothing rules the matter out, after "according to" too; finding a thing does not
    ("The Food Safety Office told Veritas that the laboratory had tested 14 batches of Brevol Kids and found no "
     "diethylene glycol in any of them.", "denies"),
    ("The laboratory tested 31 batches and found the solvent in none, the agency said.", "denies"),
    ("No child in the outbreak had taken the other brand, according to the hospital network.", "denies"),
    ("Police said they found a knife in the car.", "asserts"),
    # not recognising a figure rejects it; recognising a person is no verdict
    ('A spokesman said the governor\'s figure was "not one we recognise".', "denies"),
    ("The ministry said it did not recognise the figures.", "denies"),
    ("She said she recognised the man at the door.", "asserts"),
    # a search that found nothing in the next claim is not this one's
    ("An official said that the payload had been the size of a jet, and that investigators had found no "
     "explosives.", "asserts"),
])
def test_stance_in_the_reporting_clause_and_the_content(nlp, text, expected):
    found = claim_stances(nlp, text)
    assert found, text
    assert found[0][1] == expected, found


def test_what_else_is_said_in_the_sentence_does_not_hedge_a_claim(nlp):
    # the warning's "could" belongs to the warning, not to the report before it
    found = claim_stances(nlp, "The ministry said 150 tonnes of oil had leaked into the river, and warned that "
                               "up to 300 more tonnes could still leak from the ruins.")
    assert [stance for _, stance in found] == ["asserts", "hedges"], found
    found = claim_stances(nlp, "The ombudsman said dozens of people were believed to have drowned, and he "
                               "accused the troops of refusing to evacuate residents.")
    assert [stance for _, stance in found] == ["hedges", "asserts"], found


def test_a_hedge_in_an_earlier_coordinated_clause_is_about_something_else(nlp):
    found = claim_stances(nlp, "The report could not be independently verified, and the ministry has so far "
                               "spoken only of a first group of 1,500.")
    assert found and found[-1][1] == "asserts", found
    # after the claim, the same words do qualify it
    found = claim_stances(nlp, "The ministry said a first group of 1,500 had arrived, but the report could not be "
                               "independently verified.")
    assert found and found[0][1] == "hedges", found


@pytest.mark.parametrize("text,expected", [
    ("The mayor told reporters she did not believe the organisers' figures.", "denies"),
    ("The mayor said she did not believe the bridge would reopen soon.", "asserts"),
    ("Analysts expect the port to reopen by June.", "hedges"),
])
def test_disbelieving_a_figure_denies_it_and_expecting_hedges(nlp, text, expected):
    assert stance_of(nlp, text) == expected


def test_finding_no_evidence_denies(nlp):
    assert stance_of(nlp, "The inspector said there was no evidence that the crane had been sabotaged.") == "denies"


def test_having_no_record_of_it_denies(nlp):
    assert stance_of(nlp, "The operator says it has no record of any such complaint.") == "denies"
    assert stance_of(nlp, "The operator says it has a record of every complaint.") == "asserts"


def test_a_denial_keeps_its_place_before_the_participle_that_explains_it(nlp):
    doc = nlp("The chief spoke on Monday. Wong denied that officers had used excessive force, saying they had "
              "acted only after coming under attack and had used the minimum force needed.")
    found = find_attributions(doc)
    assert [r.cue_lemma for r in found] == ["deny", "say"]


@pytest.mark.parametrize(("text", "expected"), [
    # denying having put out, or heard, the thing in question
    ("On Sunday the port authority said it had not issued that figure.", "denies"),
    ('"Nobody I have spoken to in the harbour heard any such thing," the engineer said.', "denies"),
    # ruling out, in quoted or reported speech, what the speaker did
    ('"I had not seen the report," the captain said.', "denies"),
    ("The captain said he had not seen the report.", "denies"),
    # the speaker's own fear or belief hedges
    ("He said he feared the final toll would be several times higher.", "hedges"),
    # a modal in a clause saying when something happened does not hedge the statement
    ("The agency said more than 1,000 bodies had been buried, many of them before they could be identified.",
     "asserts"),
    ("The mayor said the dam could fail before the rain stopped.", "hedges"),
])
def test_negated_references_own_beliefs_and_time_clauses(nlp, text, expected):
    [(_, stance)] = claim_stances(nlp, text)
    assert stance == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a claim answered by its lack of support, or a cause excluded, is denied
    ("The insurers say even the reduced figure has not been justified.", "denies"),
    ("The Mutual said the port had not provided a detailed justification for a claim of this size.", "denies"),
    ("The manager said initial investigations had ruled out any engine failure as a cause.", "denies"),
    # what is not yet excluded, or not done, is not denied
    ("The coastguard said sabotage had not been ruled out.", "hedges"),
    ("The port said it could not rule out further delays.", "hedges"),
    ("The port said it had not yet explained the delay to shippers.", "asserts"),
])
def test_unsupported_or_ruled_out(nlp, text, expected):
    [(_, stance)] = claim_stances(nlp, text)
    assert stance == expected


@pytest.mark.parametrize(("text", "expected"), [
    # insisting on a negative answers a claim
    ("The ministry's insistence that it was never warned has angered residents.", "denies"),
    ("The port's insistence that nobody could have foreseen the collapse sits uneasily with the study.", "denies"),
    ("The governor insisted that no warning had reached his office.", "denies"),
    ("The harbour master insisted there had been no delay in the rescue.", "denies"),
    # insisting on a positive, or saying a negative, is not a denial
    ("The authority's insistence that the ship stay in the lake has been upheld.", "asserts"),
    ("The harbour master said the ferry had not sailed on Monday.", "denies"),  # reported speech ruling out
    ('"The ferry had not sailed on Monday," the harbour master said.', "asserts"),
])
def test_insisting_on_a_negative_denies(nlp, text, expected):
    [(_, stance)] = claim_stances(nlp, text)
    assert stance == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The insurers described the claim as largely unsupported.", "denies"),
    ("The official said the report had never been backed with public evidence.", "denies"),
    ('"I do not see how the crowd gets anywhere near two million," she said.', "denies"),
    ('"That is not how it works at sea," the captain said.', "denies"),
    # not backed politically, or not seeing a thing, denies nothing
    ('"The plan was not backed by residents," the councillor said.', "asserts"),
    ("The keeper said he could not see the harbour from the tower.", "hedges"),
])
def test_unsupported_verdicts_and_rebuttals_deny(nlp, text, expected):
    [(_, stance)] = claim_stances(nlp, text)
    assert stance == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A pro-government channel has called the newspaper's report fake.", "denies"),
    ("The analyst says the ministry's figures are not credible.", "denies"),
    ('"There were no mines in the harbour, and there could not have been," an officer said.', "denies"),
    # unable to confirm is uncertainty; declining to confirm answers the claim
    ("The ministry said it could not confirm reports that a drone had flown over the port.", "hedges"),
    ("The ministry declined to confirm reports that a drone had flown over the port.", "denies"),
])
def test_verdicts_impossibility_and_inability_to_confirm(nlp, text, expected):
    [(_, stance)] = claim_stances(nlp, text)[-1:]
    assert stance == expected


def test_calling_a_thing_false_denies_it(nlp):
    assert stance_of(nlp, "The sheriff called it fake at a briefing on Wednesday.") == "denies"
    assert stance_of(nlp, "The minister branded the reports false.") == "denies"
    assert stance_of(nlp, "The mayor called the plan a good first step.") == "asserts"
    assert stance_of(nlp, "She called the figure accurate.") == "asserts"


def test_a_search_that_found_nothing_denies(nlp):
    assert stance_of(nlp, "We found no test result showing contamination of the water supply.") == "denies"
    assert stance_of(nlp, "We found traces of the chemical in two wells.") == "asserts"


def test_what_someone_could_smell_or_see_is_perceived_not_hedged(nlp):
    assert stance_of(nlp, "Several residents said they could still smell chemicals in their basements.") == "asserts"
    assert stance_of(nlp, "Witnesses said they could see flames from a mile away.") == "asserts"
    assert stance_of(nlp, "Residents said the smell could return.") == "hedges"


def test_a_relative_clause_after_what_was_said_does_not_hedge_it(nlp):
    text = ("The board published its report on Thursday. The report puts the number of derailed cars at 38, "
            "but notes that a further 12 were damaged by the fire, which may explain the higher count.")
    stances = dict(claim_stances(nlp, text))
    assert stances["the number of derailed cars at 38"] == "asserts"
    assert stances["that a further 12 were damaged by the fire"] == "asserts"


def test_evidence_called_forged_is_denied(nlp):
    assert stance_of(nlp, 'The spokesman told reporters the photo had been "doctored".') == "denies"
    assert stance_of(nlp, "The ministry said the images were faked.") == "denies"
    assert stance_of(nlp, "The ministry said the images were taken on Monday.") == "asserts"
    assert stance_of(nlp, "The lab said the images were not doctored.") == "asserts"


@pytest.mark.parametrize("text, expected", [
    # quoted words ruling out something of the speaker's own deny it
    ("\u201cOur line did not start this fire,\u201d the company's spokesman said.", "denies"),
    ("\u201cWe never received that letter,\u201d the chief executive said.", "denies"),
    ("\u201cMy phone said nothing. Not a beep,\u201d said Marta Hollin.", "denies"),
    # a negative remark on others or on the world is put as a fact; a condition is no denial
    ("\u201cThe hull was never independently tested,\u201d the diver said.", "asserts"),
    ("\u201cThe army has not fought a real war since 1953,\u201d the analyst said.", "asserts"),
    ("\u201cIf the whole force were there, we would not be seeing so little of it,\u201d the analyst said.",
     "asserts"),
])
def test_a_quote_denies_what_it_rules_out_of_the_speakers_own(nlp, text, expected):
    article = Article(text=text, path="t.txt", outlet="The Harbour Post", published="2024-05-04")
    claims = [c for c in extract(article, nlp(article.analysis_text())) if c.kind == "direct"]
    assert [c.stance for c in claims] == [expected]


@pytest.mark.parametrize("text, expected", [
    # the verdict put before the claim it judges, in the reporting clause
    ("The ministry described as disinformation reports in Vendaran media that its attack drones had been used "
     "against the post.", "denies"),
    ("The minister described the talks as constructive.", "asserts"),
])
def test_a_verdict_before_what_it_judges(nlp, text, expected):
    article = Article(text=text, path="t.txt", outlet="The Harbour Post", published="2024-05-04")
    [claim] = [c for c in extract(article, nlp(article.analysis_text())) if c.cue == "described"]
    assert claim.stance == expected
