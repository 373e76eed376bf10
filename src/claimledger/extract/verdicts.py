"""Fact-check ratings: "Verdict: False", "Rating: Half true", "We rate this claim Mostly False".

A fact-check states the claims it checks ("Claim: ...") and then rates each one. The rating is the
outlet's own stance toward the claim it rates, so it becomes a claim of the outlet: its content is the
rated claim (the nearest "Claim:" line before the rating, when there is one), its stance what the
rating means, and its figures those of the rated claim, so "Plainsight denies more than half" sits
beside the post that said it. Ratings are read from the scales fact-checkers publish (PolitiFact,
Snopes, AFP, Reuters, the Washington Post's Pinocchios, Full Fact, AAP): false and misleading ratings
deny, unproven and half-true ones hedge, true ones assert. A rating word outside those scales gives no
claim: the line is not read as anything else either (see ``labels.GENERIC_LABELS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from claimledger.extract.figures import extract_figures
from claimledger.extract.own import outlet_party
from claimledger.model import Article, Claim, Span
from claimledger.parse import doc_text

KIND = "verdict"

# the scales' ratings, longest first where one opens another ("false" and "false and misleading")
DENYING = (
    "false and misleading", "mostly false", "pants on fire", "bottomless pinocchio", "four pinocchios",
    "three pinocchios", "false", "incorrect", "inaccurate", "wrong", "untrue", "not true", "fake",
    "fabricated", "baseless", "unfounded", "misleading", "misattributed", "miscaptioned", "altered",
    "manipulated", "doctored", "debunked", "hoax", "scam", "exaggerated", "overstated", "outdated",
    "no evidence", "not correct", "not accurate",
)
HEDGING = (
    "half true", "half-true", "partly true", "partly false", "partially true", "partially false", "mixture",
    "mixed", "needs context", "missing context", "lacks context", "needs more context", "unproven",
    "unverified", "unsubstantiated", "unsupported", "unclear", "inconclusive", "undetermined", "disputed",
    "research in progress", "two pinocchios", "one pinocchio", "too early to say", "cannot be verified",
)
ASSERTING = (
    "mostly true", "mostly correct", "mostly accurate", "true", "correct", "accurate", "verified",
    "confirmed", "legit", "correct attribution", "geppetto checkmark",
)
STANCE_OF_RATING = {**{r: "asserts" for r in ASSERTING}, **{r: "hedges" for r in HEDGING},
                    **{r: "denies" for r in DENYING}}
_RATINGS = "|".join(re.escape(r).replace(r"\ ", r"[\s-]+") for r in sorted(STANCE_OF_RATING, key=len, reverse=True))
# the labels a fact-check puts before its rating (also in ``labels.GENERIC_LABELS``: no speaker)
RATING_LABELS = ("verdict", "our verdict", "the verdict", "rating", "our rating", "ruling", "our ruling",
                 "the ruling", "conclusion", "our conclusion", "bottom line", "the bottom line", "fact check",
                 "fact-check", "assessment", "our assessment")
_LABELS = "|".join(re.escape(label).replace(r"\ ", r"[^\S\n]+") for label in RATING_LABELS)
# "Verdict: False.", "RATING - Mostly false", "Our ruling: Half True!": the rating ends its sentence
_RATING_LINE = re.compile(
    rf"^[^\S\n]*(?P<label>(?i:{_LABELS}))[^\S\n]*(?::|[-\u2013\u2014])[^\S\n]*[\"\u201c\u2018']?"
    rf"(?P<rating>(?i:{_RATINGS}))[\"\u201d\u2019']?(?=[^\S\n]*(?:[.!;,:\u2013\u2014(]|[^\S\n]-|$))",
    re.MULTILINE)
# "We rate this claim Mostly False.", "we rated the statement as misleading"
_WE_RATE = re.compile(
    rf"\b(?P<verb>(?i:we)[^\S\n]+(?i:rate|rated|have[^\S\n]+rated|give|gave))[^\S\n]+"
    rf"(?i:this|that|the|these|it|his|her|their)"
    rf"\b[^.\n]{{0,60}}?\b(?:(?i:as|a|an|it)[^\S\n]+)?[\"\u201c\u2018']?(?P<rating>(?i:{_RATINGS}))"
    rf"[\"\u201d\u2019']?(?=[^\S\n]*(?:[.!;,]|[^\S\n]rating|$))", re.MULTILINE)
# the line stating the checked claim: "Claim: ...", "The claim: ...", "What was claimed - ..."
_CLAIM_LINE = re.compile(
    r"^[^\S\n]*(?i:the[^\S\n]+claim|claim|claims|viral[^\S\n]+claim|what[^\S\n]+was[^\S\n]+claimed|statement|"
    r"the[^\S\n]+statement)[^\S\n]*(?::|[\u2013\u2014]|[^\S\n]-)[^\S\n]*(?P<body>[^\n]*\S)", re.MULTILINE)
# how far back a rating looks for the claim it rates
MAX_GAP = 3000


@dataclass
class Verdict:
    """One rating: where it is written, its label or verb (the cue), what it says and what it rates."""

    line: Span  # the rating's sentence or line, explanation included
    cue: Span  # "Verdict:" / "We rate"
    rating: Span
    stance: str
    rated: Span | None  # the checked claim's words, when a "Claim:" line states it


def find_verdicts(text: str) -> list[Verdict]:
    """The ratings of a fact-check, in text order, each with the claim line it rates (if any)."""
    claims = [m.span("body") for m in _CLAIM_LINE.finditer(text)]
    found = []
    for m in _RATING_LINE.finditer(text):
        line_end = _line_end(text, m.end("rating"))
        found.append((m.start("label"), line_end, (m.start("label"), _after_colon(text, m.end("label"))), m))
    for m in _WE_RATE.finditer(text):
        if any(a <= m.start() < b for a, b, _, _ in found):
            continue
        start = _sentence_start(text, m.start())
        found.append((start, _sentence_end(text, m.end("rating")), m.span("verb"), m))
    out, rated_already = [], set()
    for start, end, cue, m in sorted(found, key=lambda f: f[0]):
        rating = " ".join(m.group("rating").lower().replace("-", " ").split())
        stance = STANCE_OF_RATING.get(rating)
        if stance is None:
            continue
        earlier = [c for c in claims if c[1] <= start and start - c[1] <= MAX_GAP]
        rated = earlier[-1] if earlier else None
        if rated in rated_already:
            rated = None  # the claim line is rated already: this rating is of something else
        rated_already.add(rated)
        out.append(Verdict(line=(start, end), cue=cue, rating=m.span("rating"), stance=stance,
                           rated=_unquoted(text, rated) if rated else None))
    return out


_COLON = re.compile(r"[^\S\n]*(?::|[-\u2013\u2014])")
_SENTENCE_REST = re.compile(r"[^\n]*?[.!?](?=\s|$)")


def _after_colon(text: str, i: int) -> int:
    """The end of the label's cue: the label and its colon or dash."""
    m = _COLON.match(text, i)
    return m.end() if m else i


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    return len(text[:end].rstrip())


def _sentence_start(text: str, i: int) -> int:
    cut = max(text.rfind("\n", 0, i), *(text.rfind(p, 0, i) for p in (". ", "! ", "? ")))
    start = cut + 1 if cut >= 0 else 0
    while start < i and text[start] in " .!?":
        start += 1
    return start


def _sentence_end(text: str, i: int) -> int:
    m = _SENTENCE_REST.match(text, i)
    return m.end() if m else _line_end(text, i)


def _unquoted(text: str, span: Span) -> Span:
    """The claim line's words without the quotation marks around them and the closing full stop."""
    a, b = span
    while a < b and text[a] in "\"\u201c\u2018 ":
        a += 1
    while b > a and text[b - 1] in ".\"\u201d\u2019 ":
        b -= 1
    return (a, b)


def verdict_claims(article: Article, doc: Doc) -> list[Claim]:
    """The article's ratings as claims of the outlet, in text order."""
    text = article.text
    out = []
    for v in find_verdicts(doc_text(doc)):
        content = v.rated or v.line  # without a claim line, the rating says itself what it rates
        out.append(Claim(
            document_id=article.id,
            sentence=text[v.line[0]:v.line[1]],
            sentence_span=v.line,
            content=text[content[0]:content[1]],
            source=outlet_party(article.outlet),
            cue=text[v.cue[0]:v.cue[1]],
            stance=v.stance,
            figures=extract_figures(doc, *v.rated) if v.rated else [],
            claim_date=article.published,
            spans={"source": None, "cue": [v.cue], "content": [content]},
            kind=KIND,
        ))
    return out


__all__ = ["RATING_LABELS", "STANCE_OF_RATING", "Verdict", "find_verdicts", "verdict_claims"]
