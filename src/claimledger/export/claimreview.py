"""ClaimReview JSON-LD drafts (schema.org), one per proposition, for a fact-checker to finish.

Each draft reviews the proposition's representative claim: the earliest assertion (one with the
proposition's figure when it counts something). ``itemReviewed`` names who made it and every article
it appears in; the rating is left empty, marked for the fact-checker, never guessed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from claimledger.ledger import Ledger
from claimledger.model import Article, Claim, Proposition

TO_FILL = "TO BE FILLED BY THE FACT-CHECKER"  # marks the rating; url and author are left "" as well


def _date(c: Claim, docs: dict[str, Article]) -> str | None:
    doc = docs.get(c.document_id)
    return c.claim_date or (doc.published if doc else None)


def representative(members: list[Claim], prop: Proposition, docs: dict[str, Article]) -> Claim:
    """The claim a review of the proposition is about: the earliest assertion, with its figure if any."""
    def key(c: Claim) -> tuple[bool, bool, bool, str]:
        counts = bool(prop.unit) and any(f.unit == prop.unit for f in c.figures)
        return (c.stance != "asserts", bool(prop.unit) and not counts, c.source is None, _date(c, docs) or "9999")

    return min(members, key=key)


def claim_text(c: Claim) -> str:
    """What the claim says, as a statement: the reported words without a leading "that", or the sentence
    when the content is too short to stand alone."""
    text = " ".join(c.content.split()).strip("\u201c\u201d\"' ")
    if text.lower().startswith("that "):
        text = text[5:]
    if len(text.split()) < 4 and len(c.sentence.split()) > len(text.split()):
        text = " ".join(c.sentence.split())
    return text[:1].upper() + text[1:]


def _author(c: Claim) -> dict:
    if c.source is None:
        return {"@type": "Organization", "name": "unattributed"}
    kind = "Person" if c.source.kind == "person" else "Organization"
    return {"@type": kind, "name": c.source.entity or c.source.text}


def _appearance(doc: Article) -> dict:
    out: dict = {"@type": "NewsArticle" if doc.outlet or doc.url else "CreativeWork"}
    if doc.url:
        out["url"] = doc.url
    if doc.title:
        out["headline"] = doc.title
    if doc.published:
        out["datePublished"] = doc.published
    if doc.outlet:
        out["publisher"] = {"@type": "Organization", "name": doc.outlet}
    return out


def claimreview_drafts(ledger: Ledger, *, today: str | None = None) -> list[dict]:
    """One ClaimReview draft per proposition, in ledger order."""
    docs = {d.id: d for d in ledger.documents}
    by_prop: dict[str, list[Claim]] = {}
    for c in ledger.claims:
        if c.proposition_id:
            by_prop.setdefault(c.proposition_id, []).append(c)
    today = today or datetime.now(UTC).date().isoformat()
    drafts = []
    for prop in ledger.propositions:
        members = by_prop.get(prop.id)
        if not members:
            continue
        rep = representative(members, prop, docs)
        same = [c for c in members if (c.origin_id or c.id) == (rep.origin_id or rep.id)]
        appearances = [_appearance(docs[d]) for d in dict.fromkeys(c.document_id for c in same) if d in docs]
        dated = sorted((a for a in appearances if a.get("datePublished")), key=lambda a: a["datePublished"])
        item: dict = {"@type": "Claim", "author": _author(rep), "appearance": appearances}
        if _date(rep, docs):
            item["datePublished"] = _date(rep, docs)
        if dated:
            item["firstAppearance"] = dated[0]
        conflict = (prop.summary or {}).get("conflict") or {}
        drafts.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": prop.id,
            "claimReviewed": claim_text(rep),
            "itemReviewed": item,
            "datePublished": today,
            # the fact-checker's own page and organisation: left empty, never guessed
            "url": "",
            "author": {"@type": "Organization", "name": "", "url": ""},
            "reviewRating": {"@type": "Rating", "ratingValue": None, "bestRating": None, "worstRating": None,
                             "alternateName": "", "ratingExplanation": TO_FILL},
            "description": "; ".join([prop.label] + list(conflict.get("reasons") or [])),
        })
    return drafts


__all__ = ["TO_FILL", "claim_text", "claimreview_drafts", "representative"]
