"""Hand-built features of a (claim, text) pair, after Ferreira and Vlachos (2016).

The lexicons are general English cue words (refuting, hedging, attributing), written for this module
and not drawn from any data set. Each pair gets: one indicator per cue word in the text, counts per
lexicon, cue words in the claim (a claim about the future or with a figure is more often relayed than
endorsed; a claim that itself reports, "X says Y", is supported by a headline that relays X), the relay
and hedge words the headline adds to the claim's own, punctuation and attribution shapes ("Police: ...",
"... - report"), word overlap between claim and text, negation near shared words and number agreement.
"""

from __future__ import annotations

import re

import numpy as np

REFUTING = (
    "fake fakes faked fraud hoax hoaxes hoaxer false falsely deny denies denied denial debunk debunked "
    "debunks debunking bogus myth myths untrue lie lies lied liar prank pranks prankster satire satirical "
    "spoof fabricated fabrication baseless unfounded groundless nonsense dismiss dismisses dismissed reject "
    "rejects rejected refute refutes refuted retract retracts retracted retraction scam photoshopped doctored "
    "misleading wrong incorrect exaggerated phony busted nope doubt doubts doubtful despite contrary disputes "
    "disputed slams mistaken misinformation disinformation propaganda conspiracy truth actually really "
    "inaccurate rumour rumor rumours rumors isn wasn aren weren didn doesn hasn haven never no not nothing "
    "neither nor alive"
).split()
HEDGING = (
    "alleged allegedly apparently appear appears appeared claim claims claimed could evidently likely "
    "unlikely may maybe might perhaps presumably probably possibly possible purported purportedly reported "
    "reportedly rumored rumoured seems seem seemingly unconfirmed unverified suggests suggest suspected "
    "suspect speculation speculated speculates whether if believed thought expected tipped plans planning "
    "considering talks would supposedly possibility potential potentially hints hinted predicted predicts "
    "forecast forecasts estimate estimates set mulls eyes weighs investigating investigate investigation "
    "questions question mystery wondering unclear uncertain insists feared fears self proclaimed "
    "reportedly rumours rumors will going working sees should"
).split()
REPORTING = (
    "says said say report reports according told tells source sources insider insiders confirms confirmed "
    "confirm announces announced reveals revealed admits admitted states stated shows show showed video "
    "photo photos footage official officials officially police warns finds found proves proof evidence "
    "indeed true real yes media paper newspaper analyst analysts watchdog"
).split()
NEGATIONS = frozenset(
    "not no never none nothing neither nor without isn wasn aren weren didn doesn don hasn haven hadn won "
    "wouldn can cannot couldn nobody".split()
)
STOPWORDS = frozenset(
    "a an the of to in on at for by with from and or but is are was were be been being has have had do does "
    "did it its this that these those as into over about after before his her their our your my he she they "
    "we you i him them us who whom which what when where how than then so such there here s t up out off "
    "will just also more most very".split()
)
# Words that, in a claim, mark a prediction or a plan: such claims are more often relayed than endorsed.
CLAIM_CUES = ("will", "would", "could", "may", "might", "plans", "wants", "going", "soon", "next")

_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# "Police: ..." or "Report: ..." at the start of a headline
_LEADING_ATTRIBUTION = re.compile(r"^[^:]{2,40}:\s")
# "... - report", "...: CNN", "..., officials say" at the end
_TRAILING_ATTRIBUTION = re.compile(r"(?:[:\-\u2013\u2014|]\s*[\w .&'-]{2,30}|,\s*[\w .'-]{2,30}\s(?:says?|said))\s*$")
_QUOTED = re.compile(r"[\"\u201c\u201d']\w[^\"\u201c\u201d]*[\"\u201c\u201d']")
_SHOUTING = re.compile(r"\b[A-Z]{3,}\b")

CUE_WORDS: tuple[str, ...] = tuple(dict.fromkeys(REFUTING + HEDGING + REPORTING))
_CUE_INDEX = {w: i for i, w in enumerate(CUE_WORDS)}
_REFUTING, _HEDGING, _REPORTING = frozenset(REFUTING), frozenset(HEDGING), frozenset(REPORTING)
NEGATION_WINDOW = 3


def words(text: str) -> list[str]:
    """Lower-cased word tokens; "isn't" gives "isn" and "t", so negated contractions stay visible."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match "beheads" with "beheaded" without a lemmatiser."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    """Stems of the content words of ``text`` (stopwords dropped): the unit of lexical overlap."""
    return {stem(w) for w in words(text) if w not in STOPWORDS}


def is_negation(tokens: list[str], i: int) -> bool:
    """Whether token ``i`` negates; "can" and "won" only as "can't" and "won't" (tokenised "can", "t")."""
    w = tokens[i]
    if w in ("can", "won"):
        return i + 1 < len(tokens) and tokens[i + 1] == "t"
    return w in NEGATIONS


def negated_overlap(text_words: list[str], shared: set[str]) -> bool:
    """A negation within a few tokens of a word the text shares with the claim: "X did NOT do Y"."""
    text_stems = [stem(w) for w in text_words]
    for i in range(len(text_words)):
        if is_negation(text_words, i):
            window = text_stems[max(0, i - NEGATION_WINDOW): i + NEGATION_WINDOW + 1]
            if any(s in shared for s in window):
                return True
    return False


def _numbers(text: str) -> set[float]:
    out = set()
    for raw in _NUMBER.findall(text):
        try:
            out.add(float(raw.replace(",", "")))
        except ValueError:
            continue
    return out


def _overlap_features(claim_words: list[str], text_words: list[str]) -> list[float]:
    claim_content = [stem(w) for w in claim_words if w not in STOPWORDS]
    text_content = [stem(w) for w in text_words if w not in STOPWORDS]
    claim_set, text_set = set(claim_content), set(text_content)
    shared = claim_set & text_set
    claim_bigrams = set(zip(claim_content, claim_content[1:], strict=False))
    text_bigrams = set(zip(text_content, text_content[1:], strict=False))
    return [
        len(shared) / max(1, len(claim_set)),
        len(shared) / max(1, len(claim_set | text_set)),
        len(claim_bigrams & text_bigrams) / max(1, len(claim_bigrams)),
        float(negated_overlap(text_words, shared)),
        float(len(text_words) > 25),
        min(len(text_words), 40) / 40.0,
    ]


def _number_features(claim: str, text: str) -> list[float]:
    claim_numbers, text_numbers = _numbers(claim), _numbers(text)
    if not claim_numbers or not text_numbers:
        return [0.0, 0.0]
    agree = bool(claim_numbers & text_numbers)
    return [float(agree), float(not agree)]


def _shape_features(text: str) -> list[float]:
    stripped = text.strip()
    return [
        float("?" in text),
        float(stripped.endswith("?")),
        float("!" in text),
        float(bool(_LEADING_ATTRIBUTION.match(stripped))),
        float(bool(_TRAILING_ATTRIBUTION.search(stripped))),
        float(bool(_QUOTED.search(text))),
        float(bool(_SHOUTING.search(text))),  # shouting capitals: "They did NOT"
    ]


def _claim_features(claim: str, claim_words: list[str], text_words: list[str]) -> list[float]:
    present = set(claim_words)
    claim_stems = {stem(w) for w in claim_words}
    new_reporting = sum(w in _REPORTING and stem(w) not in claim_stems for w in text_words)
    new_hedging = sum(w in _HEDGING and stem(w) not in claim_stems for w in text_words)
    return [float(w in present) for w in CLAIM_CUES] + [
        float(bool(_NUMBER.search(claim))),
        float(any(w in _REPORTING for w in claim_words)),
        float(any(w in _HEDGING for w in claim_words)),
        float(any(w in _REFUTING for w in claim_words)),
        min(new_reporting, 2) / 2.0,
        min(new_hedging, 2) / 2.0,
    ]


N_HAND_FEATURES = len(CUE_WORDS) + 3 + len(CLAIM_CUES) + 6 + 6 + 2 + 7


def hand_features(claim: str, text: str) -> np.ndarray:
    """The lexical feature vector of one pair (length ``N_HAND_FEATURES``)."""
    claim_words, text_words = words(claim), words(text)
    cues = np.zeros(len(CUE_WORDS), dtype=np.float32)
    for w in text_words:
        idx = _CUE_INDEX.get(w)
        if idx is not None:
            cues[idx] = 1.0
    counts = [
        min(sum(w in _REFUTING for w in text_words), 3) / 3.0,
        min(sum(w in _HEDGING for w in text_words), 3) / 3.0,
        min(sum(w in _REPORTING for w in text_words), 3) / 3.0,
    ]
    rest = (counts + _claim_features(claim, claim_words, text_words) + _overlap_features(claim_words, text_words)
            + _number_features(claim, text) + _shape_features(text))
    return np.concatenate([cues, np.asarray(rest, dtype=np.float32)])


def hand_feature_matrix(pairs: list[tuple[str, str]]) -> np.ndarray:
    """Stack ``hand_features`` of many pairs into a (n, N_HAND_FEATURES) float32 array."""
    if not pairs:
        return np.zeros((0, N_HAND_FEATURES), dtype=np.float32)
    return np.vstack([hand_features(c, t) for c, t in pairs])
