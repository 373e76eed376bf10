"""Extract stage: the claims of ONE article, a pure function of the article and its parse.

``extract(article, doc)`` finds attribution relations, then for each one its figures, dates and the
source's stance; the figures the article states in its own voice become the outlet's claims (``own``), and so do
a fact-check's ratings of the claims it checks (``verdicts``).
It reads nothing else, so articles can be processed in parallel anywhere.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from claimledger.extract.attribution import find_attributions
from claimledger.extract.combine import QUOTE_OPENERS
from claimledger.extract.conjoined import split_conjoined
from claimledger.extract.content_spans import fronted_clause_end, trimmed
from claimledger.extract.dates import Anchor, answered_date, claim_dates, document_anchor
from claimledger.extract.figures import extract_figures
from claimledger.extract.framing import framing
from claimledger.extract.listed import KIND as LISTED
from claimledger.extract.own import KIND as OWN
from claimledger.extract.own import outlet_party, own_sentences, release
from claimledger.extract.quotes import find_quotes
from claimledger.extract.relation import Relation
from claimledger.extract.sources import WRITER
from claimledger.extract.stance import (
    PLAIN_SAYING,
    classify_stance,
    content_root,
    denies_of_oneself,
    negative_statement,
    rules_out,
)
from claimledger.extract.verdicts import verdict_claims
from claimledger.extract.voice import as_writer, writer_person
from claimledger.model import Article, Claim, DateRange, Party, Span
from claimledger.parse import doc_text, pobj_of


def extract(article: Article, doc: Doc) -> list[Claim]:
    """All claims of one article, in text order."""
    text = article.text
    analysis_text = doc_text(doc)
    anchor = document_anchor(doc, article.published)
    claims = []
    relations = find_attributions(doc, analysis_text, article.outlet)
    for rel in relations:
        content = [(a, b) for a, b in rel.content if b > a]
        if not content:
            continue
        parts = [content] if rel.kind == "direct" else split_conjoined(doc, content)
        for part in parts:
            siblings = [piece for other in parts if other is not part for piece in other]
            claims.append(_claim(article, doc, rel, relations, part, siblings, analysis_text, anchor))
    verdicts = verdict_claims(article, doc)
    ratings = [span for v in verdicts for span in v.spans["cue"] or []]
    # a rating's label or "We rate" is no one's speech; what else its line says stays
    claims = [c for c in claims if not any(a < y and x < b for a, b in c.spans.get("cue") or [] for x, y in ratings)]
    carry_claim_dates(claims, text)
    frame = framing(doc)  # "The following is a translation of a report broadcast by SRT": whose work this is,
    framed = (frame[0].start_char, frame[0].end_char) if frame is not None else (0, 0)  # no claim of its own
    claims = [c for c in claims if not framed[0] <= c.sentence_span[0] < framed[1]]
    writer = writer_person(article, doc)
    if writer is not None:  # an op-ed's or a blog's "I" is its author
        quotes = find_quotes(text)
        for c in claims:
            c.source = as_writer(c.source, writer, quotes)
    for own in [*_own_claims(article, doc, relations, analysis_text, anchor, writer), *verdicts]:
        if framed[0] <= own.sentence_span[0] < framed[1]:
            continue
        # in text order among the others, whose own order (a relay after what it relays) stays
        at = next((k for k, c in enumerate(claims) if c.sentence_span[0] > own.sentence_span[0]), len(claims))
        claims.insert(at, own)
    return claims


def _claim(article: Article, doc: Doc, rel: Relation, relations: list[Relation], content: list[Span],
           siblings: list[Span], analysis_text: str, anchor: Anchor | None) -> Claim:
    """The claim one relation makes with ``content``: the whole of its content, or one of its conjoined
    clauses, whose ``siblings`` (the other clauses) are not part of how the source puts this one."""
    text = article.text
    sentence_span = _sentence_span(doc, rel, analysis_text)
    figures = [f for a, b in content for f in extract_figures(doc, a, b)]
    claim_date, event_date = claim_dates(doc, sentence_span, rel.cue, content, anchor)
    if claim_date is None:
        claim_date = answered_date(doc, sentence_span[0], anchor)  # "A: On Saturday. She told me ..."
    if claim_date is None and rel.cue_token is not None and doc[rel.cue_token].tag_ in {"VBZ", "VBP"}:
        claim_date = article.published  # "It says ...": said as the article went out
    if claim_date is None and _reports_that_day(doc, content, event_date, article.published):
        claim_date = article.published  # "the toll rose to 137 on Thursday, the ministry said" in Thursday's paper
    said_by_others = _other_contents(rel, relations, sentence_span) + siblings
    clause = (_clause_start(doc, rel, sentence_span[0]), _clause_end(doc, rel, sentence_span[1]))
    if any(a >= content[-1][1] for a, _ in siblings):
        clause = (clause[0], min(clause[1], content[-1][1]))  # what follows belongs to the next clause
    stance = classify_stance(text, rel.cue_lemma, rel.negated, content, doc=doc,
                             cue_context=_reporting_clause(text, clause, content, said_by_others))
    if rel.kind == LISTED:
        stance = _ruling_out(doc, content, stance)  # a finding: "No bird remains were found"
    elif stance == "asserts" and rel.kind in {"indirect", "mixed", "direct", "according_to"} and not rel.negated and \
            ((rel.cue_lemma or "").lower() in PLAIN_SAYING | {":"} or rel.kind == "according_to") and \
            (denies_of_oneself(doc, content) if text[content[0][0]:content[0][0] + 1] in QUOTE_OPENERS
             else rules_out(doc, content)):
        # "the company said the lockers are never locked", "No child had taken it, according to the hospitals",
        # a transcript's "MINISTER: No soldier crossed the border."; a quotation stays as put unless it rules
        # out something of the speaker's own ("Our line did not start this fire")
        stance = "denies"
    return Claim(
        document_id=article.id,
        sentence=text[sentence_span[0]:sentence_span[1]],
        sentence_span=sentence_span,
        content=" \u2026 ".join(text[a:b] for a, b in content),
        # "It is understood that ...", "X is believed to ...": nobody named, so the outlet tells it
        source=_writer_named(rel.source, article.outlet) if rel.source is not None or rel.kind != "unattributed"
        else outlet_party(article.outlet),
        cue=text[rel.cue[0]:rel.cue[1]] if rel.cue else None,
        stance=stance,
        via=rel.via + _told_us(doc, rel, article.outlet),
        figures=figures,
        event_date=event_date,
        claim_date=claim_date,
        spans={
            "source": [rel.source_span] if rel.source_span else None,
            "cue": [rel.cue] if rel.cue else None,
            "content": content,
        },
        kind=rel.kind,
    )


def _ruling_out(doc: Doc, content: list[Span], stance: str) -> str:
    """The stance of a statement in the source's own voice, with no cue to say how it is put: one that
    rules something out (a negated main clause, "no one", "there was no ...") denies it."""
    return "denies" if stance == "asserts" and negative_statement(doc, content) else stance


def _reports_that_day(doc: Doc, content: list[Span], event: DateRange | None, published: str | None) -> bool:
    """Whether the content tells, in the past tense, what happened on the day of publication: it was then
    said that same day, between the event and the article."""
    if not (event and published and event.start == event.end == published[:10]):
        return False
    root = content_root(doc, content)
    return root is not None and root.tag_ == "VBD"


def _own_claims(article: Article, doc: Doc, relations: list[Relation], analysis_text: str,
                anchor: Anchor | None, writer: Party | None) -> list[Claim]:
    """The outlet's own figure-stating or event-dating sentences (see ``own``), as claims of the outlet, or
    of the ``writer`` of a piece written in a person's voice."""
    out = []
    issued = release(article.text)

    @cache
    def event_date_of(span: Span) -> DateRange | None:  # asked once to choose the span, once to date it
        return claim_dates(doc, span, None, [span], anchor)[1]

    def dated(span: Span) -> bool:
        return event_date_of(span) is not None

    for (a, b), figures in own_sentences(doc, analysis_text, relations, article.text, dated):
        event_date = event_date_of((a, b))
        stance = classify_stance(article.text, None, False, [(a, b)], doc=doc)
        if issued:  # a release's "No tear gas was used": the issuer answering an allegation
            stance = _ruling_out(doc, [(a, b)], stance)
        out.append(Claim(
            document_id=article.id,
            sentence=article.text[a:b],
            sentence_span=(a, b),
            content=article.text[a:b],
            source=writer or outlet_party(article.outlet),
            cue=None,
            stance=stance,
            figures=figures,
            event_date=event_date,
            claim_date=article.published,
            spans={"source": None, "cue": None, "content": None},
            kind=OWN,
        ))
    return out


# paragraphs a source's undated statement may follow its dated one by and still be the same occasion
CARRY_PARAGRAPHS = 2


def carry_claim_dates(claims: list[Claim], text: str) -> None:
    """An undated claim takes the date of the same source's latest dated claim before it: "the agency
    said on Friday ..." then "The agency said ..." and "It said ..." report one briefing. Only when
    that dated claim ends at most ``CARRY_PARAGRAPHS`` paragraphs (two line breaks each) earlier."""
    last: dict[str, tuple[str, int]] = {}
    for c in sorted(claims, key=lambda c: c.sentence_span[0]):
        if c.source is None:
            continue
        key = (c.source.entity or c.source.text).lower()
        if c.claim_date:
            last[key] = (c.claim_date, c.sentence_span[1])
        elif key in last:
            date, end = last[key]
            if text.count("\n", end, c.sentence_span[0]) <= CARRY_PARAGRAPHS * 2:
                c.claim_date = date


def _sentence_span(doc: Doc, rel: Relation, text: str) -> Span:
    """The whole sentences the relation touches, from the first one's start to the last one's end
    (its content included: a quote that goes on in the next sentence brings that sentence along)."""
    start = min([rel.sentence[0], *(a for a, _ in rel.content)])
    end = max([rel.sentence[1], *(b for _, b in rel.content)])
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if first is not None:
        start = min(start, first[0].sent.start_char)
    if last is not None:
        end = max(end, last[-1].sent.end_char)
    return trimmed(text, start, end)


# "..., and that ..." opens a second clause of what was said; "but that was never confirmed" does not
SECOND_CLAIM = re.compile(r"[,;]?\s+(?:and|but)\s+that\b(?!\s+(?:is|was|has|had|could|would|may|might|"
                          r"cannot|can't|remains?|remained|seems?|seemed)\b)")

# a relative clause after what was said (", which may explain why ...") comments on it
TRAILING_RELATIVE = re.compile(r",\s+(?:which|who|whose|whom|where)\b")


def _other_contents(rel: Relation, relations: list[Relation], sentence: Span) -> list[Span]:
    """Contents of the sentence's other relations that neither hold nor touch ``rel``'s cue or content:
    what another speaker (or the same one, in "said X, and warned that Y could leak") says in the same
    sentence is not part of the clause that reports ``rel`` ("could" there does not hedge X)."""
    own = ([rel.cue] if rel.cue else []) + list(rel.content)
    out = []
    for other in relations:
        if other is rel:
            continue
        for a, b in other.content:
            if sentence[0] <= a and b <= sentence[1] and not any(a < y and x < b for x, y in own):
                out.append((a, b))
    return out


def _clause_start(doc: Doc, rel: Relation, start: int) -> int:
    """Where the cue's own clause starts when it is coordinated after another ("The report could not be
    verified, and the agency has spoken of 1,500"): what the earlier clause says (its hedges) is about
    something said before, not this. A clause coordinated after the cue's still counts ("..., but that
    could not be verified")."""
    if rel.cue_token is None:
        return start
    head = doc[rel.cue_token]
    while head.dep_ not in {"conj", "ROOT"} and head.head.i != head.i:
        head = head.head
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children)  # not "confirm or deny"
    if head.dep_ == "conj" and head.head.i < head.i and head.pos_ in {"VERB", "AUX"} and own_subject:
        return max(start, head.left_edge.idx)
    return start


def _writer_named(source: Party | None, outlet: str | None) -> Party | None:
    """The writer's "we" as the outlet, "Our correspondent in Benghazi" as the outlet's correspondent;
    without an outlet, the words as written."""
    if source is None or source.kind != WRITER:
        return source
    if source.entity is None:
        return Party(text=source.text, entity=outlet or source.text, kind="outlet" if outlet else "unknown",
                     span=source.span)
    return Party(text=source.text, entity=f"{outlet}'s {source.entity}" if outlet else source.text, kind="unknown",
                 span=source.span)


def _told_us(doc: Doc, rel: Relation, outlet: str | None) -> list[Party]:
    """The outlet, when the source spoke to it in the first person ("told us", "said to us"): the
    outlet relays the claim as it would by name ("told the Courier"), unless a person passes the claim on."""
    party = outlet_party(outlet)
    # passed on by a person (a transcript's speaker, an interviewee), "us" is that person's side
    if rel.cue_token is None or party is None or any(v.entity == party.entity or v.kind == "person" for v in rel.via):
        return []
    cue = doc[rel.cue_token]
    for child in cue.children:
        if child.dep_ in {"dative", "dobj", "iobj"} and cue.lemma_.lower() in {"tell", "inform"}:
            target = child  # "told us"
        elif child.lower_ == "to":
            target = pobj_of(child)  # "said to us"
        else:
            continue
        if target is not None and target.lower_ == "us":
            return [party]
    return []


def _clause_end(doc: Doc, rel: Relation, end: int) -> int:
    """Where the cue's clause ends when it is an adverbial put before the main clause ("When the front
    announced that ..., it seemed possible that ..."): the main clause's hedges are the writer's."""
    limit = fronted_clause_end(doc[rel.cue_token]) if rel.cue_token is not None else None
    if limit is None or any(b > limit for _, b in rel.content):
        return end
    return min(end, limit)


def _reporting_clause(text: str, sentence: Span, content: list[Span], others: list[Span]) -> str:
    """The sentence with ``content`` and ``others`` (what else is said in it) cut out: where "could not be
    verified" and the like sit. A relative clause after the content (", which may explain why ...")
    comments on what was said, and is left out too."""
    pieces, pos = [], sentence[0]
    for a, b in sorted(content + others):
        if a >= sentence[1]:
            break  # said past the end of the clause (a main clause after a fronted one)
        if a > pos:
            after_content = pos > content[0][0]
            pieces.append(TRAILING_RELATIVE.split(text[pos:a], 1)[0] if after_content else text[pos:a])
        pos = max(pos, b)
    if pos < sentence[1]:
        # a second clause of what was said (", and that ...") is another claim, not the reporting clause
        tail = SECOND_CLAIM.split(text[pos:sentence[1]], maxsplit=1)[0]
        pieces.append(TRAILING_RELATIVE.split(tail, maxsplit=1)[0] if pos > content[0][0] else tail)
    return " ".join(pieces)


__all__ = ["extract"]
