"""Word-level reading of a claim's content for grouping and labels: its content words, the parties and
places it names, whose things its figures count, and whether it leans on what came before it."""

from __future__ import annotations

import re

from claimledger.model import Claim

STOP = set((
    "a an the and or but if of to in on at by for with from as into onto over under about than then that "
    "this these those there here it its it's is are was were be been being has have had do does did not "
    "no nor so such very can could may might will would shall should must also just only even yet still "
    "he she they we i you him her them us me his hers their our my your who whom which what when where "
    "why how all any both each few more most other some own same too s said says say told tell according "
    "reported report reports added claimed announced noted warned explained stated that's"
).split())
TOKEN = re.compile(r"[A-Za-z][A-Za-z\-']+|\d[\d,.]*")
PLACE = re.compile(r"\b(?:in|into|inside|to|near|at|within|across|from|toward|towards) (?:the )?"
                   r"((?:[A-Z][a-z]+[-\s]?)+)")
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*")
# content that only points back to something said before it ("this seems like fake news", "we cannot
# rule out the possibility", "nobody has confirmed this"); a leading "that" is a complementiser, not this
ANAPHOR = re.compile(r"^\W*(?:this|these|those|such)\b|\b(?:this|that|it|these|those)\W*$|"
                     r"\b(?:the|this|that|such) (?:possibility|possibilities|allegations?|claims?|reports?|figures?|"
                     r"moves?|idea|news)\b", re.IGNORECASE)


def terms(text: str) -> list[str]:
    """Content words, lowercased and crudely singularised; numbers are left to figures."""
    out = []
    for tok in TOKEN.findall(text):
        low = tok.lower().strip("'-")
        if low in STOP or low[0].isdigit() or len(low) < 3:
            continue
        if low.endswith("ies") and len(low) > 4:
            low = low[:-3] + "y"
        elif low.endswith("s") and not low.endswith("ss") and len(low) > 3:
            low = low[:-1]
        out.append(low)
    return out


def names(text: str) -> set[str]:
    """Parties and places a claim mentions: capitalised words past the first, cut to a 5-letter stem.

    The stem makes "Russia"/"Russian" and "Korea"/"Korean" one key without a list of demonyms.
    """
    return {w.lower()[:5] for m in NAME.findall(text) for w in re.split(r"[-\s]", m)
            if len(w) > 2 and w.lower() not in STOP}


def places(text: str) -> set[str]:
    """Where a claim puts things: capitalised names after a locative preposition, as 5-letter stems."""
    return {w.lower()[:5] for m in PLACE.findall(text) for w in re.split(r"[-\s]", m.strip()) if len(w) > 2}


def counted_names(claim: Claim) -> set[str]:
    """Whose things a claim's figures count, as 5-letter stems: the capitalised words just before the
    unit ("3,000 North Korean troops" -> north, korea), or the unit itself when it names a people
    ("about 8,000 North Koreans")."""
    out: set[str] = set()
    for f in claim.figures:
        if f.unit:
            words = f.unit.split() if f.unit[:1].isupper() else owner_words(claim.content, f.unit)
            out |= {w.lower()[:5] for word in words for w in re.split(r"[-\s]", word) if len(w) > 2}
    return out


def owner_words(content: str, unit: str) -> list[str]:
    """The capitalised words right before the first mention of ``unit`` ("North Korean" troops)."""
    at = content.lower().find(unit.lower())
    run: list[str] = []
    for word in reversed(content[:max(at, 0)].split()[-4:]):
        if not word[:1].isupper() or any(ch.isdigit() for ch in word):
            break
        run.insert(0, re.sub(r"['\u2019]s$", "", word))
    return run


def is_anaphoric(content: str) -> bool:
    """Whether the claim's content leans on what came before it ("this", "the possibility")."""
    text = re.sub(r"^\W*that\s+", "", content.strip(), flags=re.IGNORECASE)
    return bool(ANAPHOR.search(text)) or len(terms(text)) < 3


# what became of the people or things a figure counts: "43 dead" and "43 missing" answer different
# questions however alike their sentences. A trailing * takes any ending ("death*": deaths, death toll).
OUTCOMES = {
    "dead": "dead died dying death* kill* fatal* perish* drown* toll",
    "injured": "injur* wounded hurt hospitali*",
    "missing": "missing unaccounted",
    "saved": "rescued surviv* saved alive",
    "trapped": "trapped",
    "displaced": "evacuat* displaced homeless fled",
    "arrested": "arrest* detain* detention* custody",
}
_OUTCOME = re.compile("|".join(
    f"(?P<{outcome}>" + "|".join(w[:-1] + r"\w*" if w.endswith("*") else w for w in words.split()) + ")"
    for outcome, words in OUTCOMES.items()))
OUTCOME_WINDOW = 5  # words either side of a figure searched for what became of what it counts
_WORD = re.compile(r"[a-z]+|\d[\d,.]*")


def outcomes(claim: Claim) -> set[str]:
    """What became of what the claim's figures count (``OUTCOMES``), from the words around each figure."""
    words = _WORD.findall(claim.content.lower())
    found: set[str] = set()
    for f in claim.figures:
        figure = _WORD.findall(f.text.lower())
        if not figure or figure[0] not in words:
            continue
        at = words.index(figure[0])
        for word in words[max(0, at - OUTCOME_WINDOW):at + len(figure) + OUTCOME_WINDOW]:
            m = _OUTCOME.fullmatch(word)
            if m:
                found.add(m.lastgroup)
    return found
