"""The source's stance toward its own content: asserts, denies or hedges.

Rules of thumb (also in the README):
- denies: a denial cue ("denied", "dismissed", "rejected", "refuted"), a negated confirmation by the
  source ("has not confirmed", "declined to confirm", "neither ... has confirmed"), or content that
  calls the matter false ("fake news", "baseless", "not true", "fabricated").
- hedges: a belief cue ("believes", "thinks", "suspects"), or hedging in the reporting clause or the
  content: modal "may/might/could", "likely", "possibly", "plausible", "seems", "cannot rule out",
  "never confirmed", "could not be independently verified", "unconfirmed", "believed to", "hard to imagine",
  "too early", "should not conclude"; intensified certainty ("no doubt") is not a hedge.
- asserts: everything else.
Denial wins over hedging: "this seems like fake news" denies. A refused denial ("declined to deny",
"did not deny") hedges. An estimate asserts its figure (the figure's kind says how exact it is). Hedge
words inside a relative clause or a noun's modifier ("a promise, most of which may never reach him",
"an instructor suspected of helping") do not hedge the claim when the parse is given.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimledger.model import Span
from claimledger.parse import doc_text, pobj_of

DENIAL_CUES = {"deny", "dismiss", "reject", "refute", "rebut", "dispute", "disavow", "debunk",
               "denial", "rejection", "refutation", "rebuttal", "dismissal"}
NEGATABLE_CUES = {"confirm", "acknowledge", "admit", "verify", "corroborate", "substantiate"}
# insisting on a negative answers a claim: "its insistence that it was never warned" denies
INSISTING_CUES = {"insist", "insistence", "maintain"}
NEGATIVE_SUBJECTS = {"nobody", "nothing", "none", "neither"}
# a belief whose negation rejects the claim: not believing X, not accepting X
DISBELIEF_CUES = {"believe", "accept"}
# cues that only pass words on: what they report in the negative rules something out
PLAIN_SAYING = {"say", "tell", "add", "state", "write", "report", "announce"}
FORECAST_MODALS = {"will", "would", "'ll", "shall", "should", "may", "might", "must"}
NOT_BUT = re.compile(r"\bnot\b[^.;:]*?\bbut\b", re.IGNORECASE)
SPECULATION = re.compile(r"\b(would|could|might|may)\b", re.IGNORECASE)
BELIEF_CUES = {"believe", "think", "suspect", "speculate", "guess", "fear", "reckon",
               "assume", "suggest", "hint", "expect", "anticipate"}

# "fake" and "false" deny as a verdict ("the report is false", "dismissed it as fake", "false claims"),
# not as a plain adjective ("false papers", "fake passports")
_VERDICT = r"(?:is|are|was|were|be|been|being|as|simply|completely|totally|entirely|utterly|patently|wholly)"
_TOLD = r"(?:news|reports?|claims?|allegations?|accusations?|stor(?:y|ies)|information|rumou?rs?)"
# "lies" as falsehoods ("these are lies", "a pack of lies", "spreading lies"), not the verb ("the wreck lies")
_LIES = r"(?:is|are|was|were|be|been|all|just|simply|outright|blatant|more|these|those|such|their|his|her|of|" \
    r"tell|tells|told|telling|spread|spreads|spreading|nothing but)"
DENIAL_CONTENT = re.compile(
    rf"\b(fake news|{_VERDICT} [\"\u201c]?(\w+ly )?(fake|false)|(fake|false) {_TOLD}|falsehoods?|"
    # "called the report fake", "reports that the data sat on an open server are wrong"
    rf"{_TOLD} [\"\u201c]?(fake|false)\b|"
    rf"(?:{_TOLD}|figures?|numbers?|estimates?)\b[^.;:]{{0,80}}? (is|are|was|were) "
    r"(simply |completely |totally |just |plainly |entirely )?(wrong|incorrect|inaccurate|mistaken)\b|"
    # "the figures are not credible", "there could not have been"
    r"(not|n't|no longer) (\w+ )?(credible|believable)|lacks? credibility|"
    r"(could|can)(n['\u2019]t| ?not) (possibly )?have (been|happened|occurred)|"
    r"baseless|groundless|unfounded|unsubstantiated|unsupported|"
    # disbelief and rebuttal: "I do not see how it gets anywhere near two million", "that is not how it works"
    r"(do|does|did|can)(n['\u2019]t| not) see how|not how (it|things|this|that) works?|"
    r"(that|this|it)(['\u2019]s| is| was) not what (i|we|they|people)(['\u2019]m|['\u2019]re| am| are| were)? "
    r"(hearing|seeing|told|finding)|"
    rf"nonsense|fabricat\w+|not true|untrue|no truth|{_LIES} lies|a lie|hoax|disinformation|propaganda|misinformation|"
    r"categorically (reject|den)\w*|absurd|ridiculous|(pure|complete|total) fiction|no basis|"
    r"(is|are|was|were|been|being) (\w+ )?(invented|made up|concocted|fantasy)|"
    # the evidence itself is forged: "the clip had been doctored", "the photos were faked"
    r"(is|are|was|were|been|being) (?!not |never )(\w+ )?[\"\u201c]?(doctored|faked|photoshopped|digitally altered)\b|"
    r"(know|knew|knows) nothing (about|of)|"
    # "we do not recognise these figures", "was 'not one we recognise'": a figure rejected
    r"(not|n't|never) recogni[sz]e (the |that |this |these |those |their |its |his |her )?([\w-]+ )?"
    r"(figures?|numbers?|estimates?|claims?|accounts?|picture|tally|count)|"
    r"not (a |one )?(figure |number |one )(that )?(we|i) (would )?recogni[sz]e|"
    # "the man was not suspected of carrying out the breach", "police do not suspect foul play"
    r"(is|are|was|were|been|being|do|does|did)(n['\u2019]t| not) (\w+ )?suspect(s|ed)?|"
    r"(has|have|had|having) (nothing|no(thing)? part) (to do )?with|"
    r"(there is|there's|there was|there has been|found|find|finds|seen|see|saw) (absolutely )?no (\w+ )?evidence|"
    # "says it has no record of any such complaint": the thing claimed never happened, as far as it knows
    r"(has|have|had|keeps?|kept|holds?|held|found|finds?) no records? (of|that|showing)|"
    r"((do|does|did)(n['\u2019]t| not)|never) (for )?(a|one) (single )?(moment|second|minute) believe|"
    r"((do|does|did)(n['\u2019]t| not)|never) believe (it |that )?(for )?(a|one) (single )?(moment|second|minute|word)|"
    r"((do|does|did)(n['\u2019]t| not)|never) believe (any|a word) of (it|that|this)|"
    r"((do|does|did)(n['\u2019]t| not)|never) (believe|accept|trust|buy)(s|d|ed)? "
    r"(the |their |his |her |its |these |those |this |that |any )?([\w'\u2019]+ ){0,3}"
    rf"(figures?|numbers?|counts?|estimates?|tall(y|ies)|tolls?|version|accounts?|{_TOLD}))\b",
    re.IGNORECASE,
)
# calling a thing false denies it: "called it fake", "branded the reports false", "labelled the clip doctored"
CALLING_CUES = {"call", "brand", "label", "term", "deem", "pronounce", "declare"}
CALLED_FALSE = re.compile(
    r"(?:[\w'\u2019-]+ ){1,4}[\"\u201c]?(?:fake|false|doctored|faked|wrong|inaccurate|incorrect|misleading)\b",
    re.IGNORECASE,
)
# "described as disinformation reports that ...", "dismissed as fabrication claims that ...": the verdict
# stands in the reporting clause, before the claim it judges
DESCRIBING_CUES = CALLING_CUES | {"describe", "dismiss", "characterise", "characterize", "portray"}
DESCRIBED_AS_FALSE = re.compile(r"\bas\s+(?:an?\s+|mere\s+|pure\s+|outright\s+)?(?:disinformation|propaganda|"
                                r"misinformation|fake|false|fabricat\w+|lies|a lie|nonsense|a hoax|baseless|untrue)\b",
                                re.IGNORECASE)
# a search that found nothing answers the claim: "we found no test result showing contamination"
FINDING_CUES = {"find", "detect", "uncover", "discover"}
FOUND_NOTHING = re.compile(r"(?:no|nothing|none)\b", re.IGNORECASE)
# a claim answered by its lack of support ("the demand has not been justified", "had not provided a detailed
# justification") or a cause excluded ("investigations had ruled out any engine failure"; "could not rule
# out" is a hedge, and "not ... ruled out" is kept out here)
UNSUPPORTED = re.compile(
    r"\b(?:(?:not|never|n't)\s+(?:(?:yet|been|still|once|even|ever|properly|fully)\s+){0,3}"
    r"(?:justified|substantiated|proven|proved|backed up|explained (?:how|why|what|where)|"
    r"backed (?:up )?(?:by|with) (?:any |public |hard |real |firm )?(?:evidence|proof)|"
    r"provided (?:any |a |the )?(?:[\w-]+ )?(?:justification|evidence|proof|basis))|"
    r"(?<!not )(?<!n't )(?<!never )(?<!be )(?<!been )(?:ruled|rules) out)\b",
    re.IGNORECASE,
)
# denying having put out, or ever heard, the thing in question: "it had not issued that figure", "nobody
# I have spoken to heard any such thing" (what the negation points back to is the claim answered)
NEGATED_REFERENCE = re.compile(
    r"\b(?:not|n't|never|nobody|no one|none)\b(?:\s+[\w'\u2019]+){0,8}?\s+"
    r"(?:issued|published|released|given|made|provided|produced|authori[sz]ed|circulated|put out|heard)\s+"
    r"(?:that|this|those|these|any such|such|the|any)\s+(?:[\w-]+\s+)?"
    r"(?:figures?|numbers?|tolls?|estimates?|reports?|claims?|statements?|stor(?:y|ies)|allegations?|thing|"
    r"warnings?|orders?|instructions?)\b",
    re.IGNORECASE,
)
# hedges that qualify the claim wherever they sit: whether it could be checked, whether it is known
VERIFY_HEDGE = re.compile(
    r"\b((can ?not|can't|could not|couldn't|not) (be )?(independently )?(verif|confirm)\w*|"
    r"(never|not|n't) (been )?(officially )?confirmed|unconfirmed|unverified|"
    # doubting a claim without denying it: "should not take the claim at face value", "with a pinch of salt"
    r"(not|n't|never) (\w+ ){0,2}(take|taken|taking|accept|accepted) ([\w'\u2019-]+ ){0,5}at face value|"
    r"with (a )?(pinch|grain) of salt|"
    r"(can ?not|can't|could not|couldn't|not) (rule|be ruled|been ruled|yet been ruled) out|"
    r"too (early|soon)|not (automatically )?conclude|no way (of|to) (know|tell|verify|confirm|check)\w*|"
    # not able to know it: "is not in a position to determine", "has not yet been able to verify", "cannot
    # yet attribute these remnants"
    r"(not|n't|never|unable) (\w+ ){0,2}(in a position|able) to (\w+ )?(determine|verify|confirm|establish|estimate|"
    r"attribute|authenticate|assess|identify|know|tell|say)|"
    r"(can ?not|can't|could not|couldn't) (yet )?(determine|establish|estimate|attribute|authenticate|identify)|"
    r"almost certain(ly)?|in all likelihood|remains? to be seen|remained to be seen|"
    r"(do|does|did) not (yet )?know (whether|if|how|what|when|where|who)|"
    r"it is (not )?clear whether|unclear|uncertain|inconclusive|(not|n't) (\w+ )?(definitive|conclusive)|"
    r"if (true|correct|accurate|confirmed|verified|so)|"  # "if confirmed, it would be the largest"
    r"if (\S+ ){1,5}(is|are|was|were|proves?|proved|turns? out|turned out) (to be )?(true|correct|accurate|"
    r"right|confirmed|verified)|"
    r"lean(s|ed|ing)? towards?|(not|no|yet to) (\w+ )?(reached|made|reach|make)? ?(a |any )?(firm |final )?"
    r"(judge?ment|conclusion|determination))\b",
    re.IGNORECASE,
)
# hedges that qualify what their own clause says: not counted inside a relative clause or a noun's modifier
HEDGE_CONTENT = re.compile(
    r"\b(may|might|could|possibl[ey]|perhaps|probabl[ey]|likely|unlikely|plausibl[ey]|"
    r"potentially|apparently|appear(?:s|ed)?(?!\s+(?:in|on|at|before|alongside|with|together)\b|\s+as\s+(?!if|though))|"
    r"seems?|seemed|reportedly|allegedly|alleged|believed to|thought to|said to be|suspected|"
    r"(hard|difficult) to (imagine|believe|see (how|why))|"
    r"i think|i(?: would|'d)? (expect|guess|imagine|suspect|assume|reckon)|(best|rough|educated) guess|"
    r"in my (opinion|view)|as far as (i|we) know|speculat\w+)\b",
    re.IGNORECASE,
)
# "neither confirmed nor denied", "would not confirm or deny": no position taken
NON_DENIAL = re.compile(r"\b(neither|not|n't|never|nor)\s+(confirm\w*|den(y|ied|ies))\s+(nor|or)\s+"
                        r"(confirm\w*|den(y|ied|ies))\b", re.IGNORECASE)
# "did not deny", "declined to deny", "has refused to deny": a denial withheld, which hedges
REFUSED_DENIAL = re.compile(r"\b(not|n't|never|declined to|refused to|declining to|refusing to)\s+"
                            r"(\w+\s+)?(den(y|ied|ies)|dismiss(ed)?|reject(ed)?)\b", re.IGNORECASE)
UNABLE = re.compile(r"\b(can ?not|can't|could not|couldn't|unable to|not able to|not been able to)\s+(\w+\s+)?"
                    r"(confirm|verify|corroborate|substantiate)", re.IGNORECASE)
OPEN_QUESTION = re.compile(r"\W*(where|whether|if|who|whom|what|when|why|how|which)\b", re.IGNORECASE)
SUBORDINATE = {"relcl", "acl"}
TEMPORAL_MARKS = {"before", "after", "until", "till", "when", "whenever", "while", "once"}
RELATIVES = {"which", "whom", "whose"}
# where a clause opening with "what" stands for a thing ("compared with what satellites could see")
FREE_RELATIVE = {"pcomp", "pobj", "dobj", "csubj", "attr"}
CERTAINTY = re.compile(r"\b(no doubt|without doubt|undoubtedly|(?<!almost )certainly|clearly)\b", re.IGNORECASE)
# "made the disaster possible" says what enabled it, not that it may be so
ENABLED = re.compile(r"\b((?:make|makes|made|making|render|renders|rendered)(?:\s+[\w'-]+){1,5})\s+possible\b",
                     re.IGNORECASE)

# "could still smell chemicals", "could see flames": what someone perceived, not what may be so ("could
# not see the harbour" leaves open what was there, and stays a hedge)
PERCEIVED = re.compile(r"\bcould((?:\s+(?:still|clearly|even|already|plainly|barely|hardly))?"
                       r"\s+(?:see|hear|smell|taste|sense)\b)", re.IGNORECASE)


def classify_stance(text: str, cue_lemma: str | None, negated: bool, content: list[Span],
                    cue_context: str = "", doc: Doc | None = None) -> str:
    """Stance of a relation from its cue, its negation and the words of its content.

    ``text`` is the document text; ``cue_context`` the reporting clause around the cue (without the
    content), where hedges such as "it was highly likely" or "could not be verified" also count.
    ``doc``, the parse of ``text`` when given, keeps hedges in the content's subordinate clauses out.
    """
    lemma = (cue_lemma or "").lower()
    body = " ".join(text[a:b] for a, b in content)
    if NON_DENIAL.search(cue_context) or NON_DENIAL.search(body):
        return "hedges"
    if lemma in DENIAL_CUES:
        return "hedges" if negated or REFUSED_DENIAL.search(cue_context) else "denies"
    if negated and lemma in NEGATABLE_CUES | {"say", "tell", "announce", "report"}:
        # "could not confirm where the sounds came from": an open question left open, not a denial; nor is
        # being unable to confirm ("could not confirm reports that ..."), unlike declining to
        return "hedges" if OPEN_QUESTION.match(body) or UNABLE.search(cue_context) else "denies"
    if DENIAL_CONTENT.search(body) or NEGATED_REFERENCE.search(body) or UNSUPPORTED.search(body):
        return "denies"
    if lemma in CALLING_CUES and not negated and CALLED_FALSE.match(body):
        return "denies"
    if lemma in DESCRIBING_CUES and not negated and DESCRIBED_AS_FALSE.search(cue_context):
        return "denies"  # "described as disinformation reports that ...": the verdict put before what it judges
    if lemma in FINDING_CUES and not negated and FOUND_NOTHING.match(body):
        return "denies"  # "we found no test result showing contamination"
    if lemma in INSISTING_CUES and not negated and doc is not None and negative_statement(doc, content):
        return "denies"
    if _rejects(lemma, negated, body):
        return "denies"  # "residents do not believe the water is safe"
    if lemma in BELIEF_CUES:
        return "hedges"
    if VERIFY_HEDGE.search(CERTAINTY.sub(" ", body + " " + cue_context)):
        return "hedges"
    if doc is not None and (belief := _belief_within(doc, content)) is not None:
        # "one of the sources said investigators suspect that ...": a belief, relayed; "he said he did not
        # believe the dam had been inspected" rejects the claim
        negated_belief = any(c.dep_ == "neg" for c in belief.children)
        return "denies" if _rejects(belief.lemma_.lower(), negated_belief, body) else "hedges"
    main = main_clauses(doc, content) if doc is not None else body
    words = PERCEIVED.sub(r"\1", ENABLED.sub(r"\1", CERTAINTY.sub(" ", main + " " + cue_context)))
    if HEDGE_CONTENT.search(_months_masked(words)):
        return "hedges"
    return "asserts"


# "May" capitalised after a word that does not end a sentence is the month ("published in May")
_MONTH_MAY = re.compile(r"(?<=[\w,;:)\]] )May\b")


def _months_masked(words: str) -> str:
    """``words`` with the month "May" renamed, so that only the modal "may" hedges."""
    return _MONTH_MAY.sub("Mai", words)


def content_root(doc: Doc, content: list[Span]) -> Token | None:
    """The head word of the content's first piece (its main verb, for a clause), or None."""
    span = doc.char_span(content[0][0], content[0][1], alignment_mode="expand") if content else None
    return span.root if span is not None and len(span) else None


def negative_statement(doc: Doc, content: list[Span]) -> bool:
    """Whether the content's main clause is negated ("the wind had not been the main cause"), says
    nobody or nothing did it ("nobody could have foreseen the collapse"), that there was none of it
    ("there was no delay") or that none was had or done ("had given no alarm")."""
    root = content_root(doc, content)
    if root is None:
        return False
    within = [c for c in root.children if c.dep_ == "conj" and any(a <= c.idx < b for a, b in content)]
    if any(_negative_finding(v) for v in (root, *within)):
        return True  # "had tested 14 batches and found no diethylene glycol in any of them"
    there = any(c.dep_ == "expl" for c in root.children)
    for child in root.children:
        if child.dep_ == "neg":
            return True
        none_of_it = child.lower_ in {"nothing", "none"} or \
            any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
        if (there and child.dep_ == "attr" or child.dep_ == "dobj") and none_of_it:
            return True  # "there was no delay", "had given no alarm", "had done nothing wrong"
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        no_one = child.lower_ == "one" and child.i > 0 and child.nbor(-1).lower_ == "no"
        no_thing = any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)  # "no warning"
        if child.lower_ in NEGATIVE_SUBJECTS or no_one or no_thing:
            return True
    return False


# words that make a matter the speaker's own ("Our line", "We did not", "My phone")
SPEAKERS_OWN = {"i", "me", "my", "we", "us", "our"}


def denies_of_oneself(doc: Doc, content: list[Span]) -> bool:
    """Whether quoted words rule out something of the speaker's own ("Our line did not start this fire",
    "We did not make this poison", "My phone said nothing"): a denial, where a negative remark on others
    or the world ("Kim does not give anything away", "The hull was never tested") asserts, and so does a
    condition ("If the force were there, we would not ...")."""
    if not rules_out(doc, content):
        return False
    root = content_root(doc, content)
    start, end = content[0]
    own = [t for t in root.subtree if start <= t.idx < end and t.sent == root.sent]
    return any(t.lower_ in SPEAKERS_OWN for t in own) and not any(t.lower_ == "if" and t.dep_ == "mark" for t in own)


def _negative_finding(verb: Token) -> bool:
    """A search that found nothing: "found no trace of it", "found the solvent in none of the samples"."""
    if verb.lemma_.lower() not in FINDING_CUES:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in objects:
        if child.lower_ in {"nothing", "none"} or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True
    # "in none", hung on the verb or on what was looked for
    return any(p.dep_ == "prep" and getattr(pobj_of(p), "lower_", None) == "none"
               for holder in (verb, *objects) for p in holder.children)


def rules_out(doc: Doc, content: list[Span]) -> bool:
    """Whether reported speech rules its matter out: a negative statement (``negative_statement``) that
    is not emphatic certainty ("there is no doubt that ..."), one half of a contrast ("the question is not
    how many but what for"), a forecast ("the disruption would not end soon") or a matter still open
    ("it had not yet checked")."""
    if not negative_statement(doc, content):
        return False
    root = content_root(doc, content)  # not None: a negative statement has one
    body = " ".join(doc_text(doc)[a:b] for a, b in content)
    forecast_or_open = any((c.dep_ == "aux" and c.lower_ in FORECAST_MODALS) or c.lower_ == "yet"
                           for c in root.children)
    return not (CERTAINTY.search(body) or NOT_BUT.search(body) or forecast_or_open)


def _rejects(lemma: str, negated: bool, body: str) -> bool:
    """Whether a belief cue rejects the claim: not believing or not accepting it, unless what is not
    believed is itself speculation ("I don't believe she would have moved without ..." stays an opinion,
    as does not thinking so)."""
    return negated and lemma in DISBELIEF_CUES and not SPECULATION.search(body)


def _belief_within(doc: Doc, content: list[Span]) -> Token | None:
    """The content's own main verb when it is someone else's belief ("investigators suspect that ..."),
    else None."""
    root = content_root(doc, content)
    if root is None:
        return None
    # a pronoun believing is the speaker itself, and a belief all the same: "he said he feared the toll
    # would be several times higher"
    believed = root.pos_ == "VERB" and root.lemma_.lower() in BELIEF_CUES \
        and any(c.dep_ == "ccomp" for c in root.children) \
        and any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN", "PRON"} for c in root.children)
    return root if believed else None


def main_clauses(doc: Doc, content: list[Span]) -> str:
    """The content's words outside relative clauses, noun modifiers and time clauses whose head is in the
    content ("most of which may never reach him", "suspected of helping" and "before they could be
    identified" drop out), as text."""
    words = []
    for a, b in content:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        inside = range(span.start, span.end)
        dropped = {t.i for tok in span if _subordinate(tok, inside) for t in tok.subtree}
        dropped |= {i for tok in span for i in _time_clause(tok, inside)}
        words.append(" ".join(t.text for t in span if t.i not in dropped))
    return " ".join(words)


def _subordinate(tok: Token, inside: range) -> bool:
    """A relative clause or noun modifier hanging in the content (``inside``: its token range), also
    when the parser missed it: a clause whose subject is "most of which" or "some of whom" relates
    back to a noun whatever its label; a content that opens with "which" is not cut from itself."""
    if tok.dep_ in SUBORDINATE and tok.head.i in inside and tok.head.i != tok.i:
        return True
    return _relative(tok, inside)


def _time_clause(tok: Token, inside: range) -> range:
    """The words of a clause saying when something happened ("..., many of them before they could be
    identified"), from the comma that sets it off or its "before"; empty for any other token. The parser
    may make such a clause the head of the statement before it, so its subtree is not cut whole."""
    mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS), None)
    if tok.pos_ not in ("VERB", "AUX") or mark is None or mark.i <= inside.start:
        return range(0)
    doc = tok.doc
    # the comma at most a few words back ("many of them" before "before"), else the mark itself
    start = next((i for i in range(mark.i - 1, max(inside.start, mark.i - 6), -1) if doc[i].text in {",", ";"}), mark.i)
    return range(start, tok.right_edge.i + 1)


def _relative(tok: Token, inside: range) -> bool:
    """A clause whose subject is "most of which" or "some of whom", or a free relative."""
    if tok.pos_ in ("VERB", "AUX") and tok.head.i in inside and tok.head.i != tok.i \
            and tok.dep_ in FREE_RELATIVE and tok.left_edge.lower_ == "what":
        return True  # a free relative, a thing named by a clause: "compared with what Beijing could collect"
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in RELATIVES and t.i > inside.start for t in c.subtree)
        for c in tok.children)
