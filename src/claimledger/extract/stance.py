"""The source's stance toward its own content: asserts, denies or hedges.

Rules of thumb (also in the README):
- denies: a denial cue ("denied", "dismissed", "rejected", "refuted"), a negated confirmation by the
  source ("has not confirmed", "declined to confirm", "neither ... has confirmed"), or content that
  calls the matter false ("fake news", "baseless", "not true", "fabricated").
- hedges: a belief cue ("believes", "thinks", "suspects"), or hedging in the reporting clause or the
  content: modal "may/might/could", "likely", "possibly", "plausible", "seems", "cannot rule out",
  "never confirmed", "could not be independently verified", "unconfirmed", "believed to",
  "too early", "should not conclude"; intensified certainty ("no doubt") is not a hedge.
- asserts: everything else.
Denial wins over hedging: "this seems like fake news" denies.
"""

from __future__ import annotations

import re

from claimledger.model import Span

DENIAL_CUES = {"deny", "dismiss", "reject", "refute", "rebut", "dispute", "disavow", "debunk"}
NEGATABLE_CUES = {"confirm", "acknowledge", "admit", "verify", "corroborate", "substantiate"}
BELIEF_CUES = {"believe", "think", "suspect", "speculate", "guess", "fear", "estimate", "reckon",
               "assume", "suggest", "hint"}

DENIAL_CONTENT = re.compile(
    r"\b(fake news|fake|false(hood)?s?|baseless|groundless|unfounded|nonsense|fabricat\w+|"
    r"not true|untrue|no truth|lies|a lie|hoax|disinformation|propaganda|misinformation|"
    r"categorically (reject|den)\w*|absurd|ridiculous)\b",
    re.IGNORECASE,
)
HEDGE_CONTENT = re.compile(
    r"\b(may|might|could|possibl[ey]|perhaps|probabl[ey]|likely|unlikely|plausibl[ey]|"
    r"potentially|apparently|appears?|appeared|seems?|seemed|reportedly|allegedly|alleged|"
    r"believed to|thought to|said to be|suspected|unconfirmed|unverified|"
    r"(can ?not|can't|could not|couldn't|not) (be )?(independently )?(verif|confirm)\w*|"
    r"(never|not|n't) (been )?(officially )?confirmed|"
    r"(can ?not|can't|could not|couldn't|not) (rule|be ruled) out|"
    r"too (early|soon)|not (automatically )?conclude|i think|in my (opinion|view)|as far as (i|we) know|"
    r"it is (not )?clear whether|unclear|uncertain|estimated|speculat\w+)\b",
    re.IGNORECASE,
)
# "neither confirmed nor denied", "would not confirm or deny": no position taken
NON_DENIAL = re.compile(r"\b(neither|not|n't|never|nor)\s+(confirm\w*|den(y|ied|ies))\s+(nor|or)\s+"
                        r"(confirm\w*|den(y|ied|ies))\b", re.IGNORECASE)
CERTAINTY = re.compile(r"\b(no doubt|without doubt|undoubtedly|certainly|clearly)\b", re.IGNORECASE)


def classify_stance(text: str, cue_lemma: str | None, negated: bool, content: list[Span],
                    cue_context: str = "") -> str:
    """Stance of a relation from its cue, its negation and the words of its content.

    ``text`` is the document text; ``cue_context`` the reporting clause around the cue (without the
    content), where hedges such as "it was highly likely" or "could not be verified" also count.
    """
    lemma = (cue_lemma or "").lower()
    body = " ".join(text[a:b] for a, b in content)
    if NON_DENIAL.search(cue_context) or NON_DENIAL.search(body):
        return "hedges"
    if lemma in DENIAL_CUES and not negated:
        return "denies"
    if negated and lemma in NEGATABLE_CUES | {"say", "tell", "announce", "report"}:
        return "denies"
    if DENIAL_CONTENT.search(body):
        return "denies"
    if lemma in BELIEF_CUES:
        return "hedges"
    scrubbed = CERTAINTY.sub(" ", body + " " + cue_context)
    if HEDGE_CONTENT.search(scrubbed):
        return "hedges"
    return "asserts"
