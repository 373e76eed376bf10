"""Attributions made by layout rather than by a verb: speaker labels, colons, signed quotes.

* A line that opens with a name and a colon gives the rest of the line to that name: transcripts
  ("VARGA: The tender was open to everyone.") and the headline convention "Varga: Dredging will
  finish before winter" or "Poll: most voters back the plan". The colon is the cue. "Q:" and "A:"
  stand for the two sides of an interview, not a named source, and are left to ``interview``.
* A named person or organisation, a colon, then a quote: "... - Priya Nair: \u201c...\u201d".
* A quote followed by a dash and a name signs the quote with that name, as testimonials and pull
  quotes do ("\u201cIt cut my commute in half.\u201d \u2015 Maria Costa"). The dash is the cue.

All take only the shape of the line (capitalised or all-capitals words, no digits, a named entity
that is not a place or a date, or a name the article uses elsewhere) and a short list of the labels
that title a line without anyone speaking ("Photo:", "Update:", "Read more:").
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from claimledger.extract.quotes import find_quotes
from claimledger.extract.relation import Relation
from claimledger.extract.sources import SourceResolver
from claimledger.extract.verdicts import RATING_LABELS
from claimledger.model import Party
from claimledger.model import Span as CharSpan
from claimledger.parse import doc_text

# a label: up to six words, each capitalised or a small joining word, maybe a "(R-S.C.)" note
_LABEL_LINE = re.compile(
    r"^[^\S\n]*[\"\u201c\u2018']?[^\S\n]*"
    r"(?P<label>[A-Z][\w.\u2019'&-]*(?:[^\S\n]+[\w.\u2019'&-]+){0,5}?(?:[^\S\n]*\([^()\n]{1,24}\))?)"
    r"[^\S\n]*:[^\S\n]+(?P<body>[^\n]*\S)", re.MULTILINE)
_JOINERS = {"and", "of", "de", "del", "la", "le", "van", "von", "al", "bin", "the", "for", "on", "in", "&"}
# labels that title a line or a box, not a speaker
GENERIC_LABELS = {
    "photo", "photos", "picture", "pictured", "image", "images", "video", "videos", "watch", "listen", "audio",
    "credit", "credits", "caption", "source", "sources", "note", "notes", "editor's note", "editor\u2019s note",
    "update", "updated", "correction", "clarification", "related", "read", "read more", "see", "see also",
    "more", "also", "advertisement", "sponsored", "subscribe", "follow", "share", "tags", "topics", "filed",
    "email", "e-mail", "tel", "phone", "fax", "web", "website", "date", "time", "title", "subject", "re",
    "warning", "spoiler", "breaking", "exclusive", "opinion", "analysis", "live", "quiz", "poll results",
    "top", "bottom", "left", "right", "above", "below", "getty", "getty images", "file", "file photo",
    "transcript", "excerpt", "excerpts", "full text", "summary", "background", "context", "why", "what",
    "how", "when", "where", "who", "ps", "p.s", "ed", "via", "h/t", "ht", "example", "examples", "step",
    # headline kickers
    "the latest", "latest", "just in", "boom", "revealed", "leaked", "just leaked", "must see", "must watch",
    "wow", "flashback", "report card", "fact check", "fact-check", "news guide", "explainer", "first look",
    "byline", "dateline", "contributing", "contributors", "paid notice", "sponsor",
    *RATING_LABELS,  # a fact-check's "Verdict:" is the outlet's rating (``verdicts``)
}
# nouns that head a headline's label as a source would: "Poll: ...", "Report: ..."
REPORT_NOUNS = {"poll", "polls", "report", "reports", "survey", "study", "audit", "review", "memo",
                "investigation", "probe", "documents", "data", "officials", "insiders", "aides"}
MIN_WORDS = 3
MAX_NAME_TOKENS = 4
SPEAKER_ENTS = {"PERSON", "ORG", "NORP"}
FINITE_TAGS = {"VBZ", "VBD", "VBP", "MD"}
_PLACE_OR_TIME = {"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# "... in half.\u201d \u2015 Maria Costa": a dash, then a capitalised name ending the line or the sentence
# ([^\S\n] is white space short of a line break, the no-break space included)
_SIGNATURE = re.compile(r"[^\S\n]*(?P<dash>[\u2015\u2014\u2013]|--)[^\S\n]*"
                        r"(?P<name>[A-Z][\w.\u2019'-]*(?:[^\S\n]+[A-Z][\w.\u2019'-]*){0,3})(?=[^\S\n]*(?:[.,\n]|$))")


def layout_relations(doc: Doc, resolver: SourceResolver, taken: list[CharSpan],
                     quotes: list[CharSpan] | None = None) -> list[Relation]:
    """Speaker-label and signed-quote relations whose cue no relation in ``taken`` already covers.

    ``quotes`` are the article's quotes when the caller has found them already (``find_quotes``)."""
    quotes = find_quotes(doc_text(doc)) if quotes is None else quotes
    out = [*speaker_labels(doc, resolver), *quote_after_colon(doc, resolver, quotes),
           *verb_then_quote(doc, resolver, quotes), *signed_quotes(doc, resolver, quotes)]
    return [r for r in out if r.cue is not None and not any(a < r.cue[1] and r.cue[0] < b for a, b in taken)]


def speaker_labels(doc: Doc, resolver: SourceResolver) -> list[Relation]:
    """'NAME: words ...' lines: the name is the source, the colon the cue, the rest of the line the content."""
    text = doc_text(doc)
    matches = [m for m in _LABEL_LINE.finditer(text) if _speaker_like(m.group("label").strip())]
    # a transcript names each speaker more than once; a lone all-capitals label is usually a kicker
    repeated = Counter(m.group("label").strip() for m in matches)
    # "IRENA VALKOVA (Spokesperson):" once, then "VALKOVA:" for every answer: one speaker's labels
    later_names = {_name_part(label).split()[-1] for label, n in repeated.items() if n > 1 and _name_part(label)}
    out = []
    for m in matches:
        label = m.group("label").strip()
        start, end = m.span("label")
        span = doc.char_span(start, start + len(label), alignment_mode="expand")
        if span is None or _place_or_time(span) or _is_clause(span):
            continue
        # "DR NADIA OKAFOR (Medicines Authority):": a name in capitals, whatever case its affiliation is in
        name = _name_part(label)
        if name.lower() in QUESTIONERS:
            continue  # "REPORTER (KTV): ... Was it?": a question put to the speaker, not a claim
        transcript = name.isupper() and (repeated[label] > 1 or _named_elsewhere(span)
                                         or (name and name.split()[-1] in later_names))
        if not transcript and not _names_a_speaker(span):
            continue
        body_start, body_end = m.span("body")
        if not transcript:  # a headline's full stop is the page's, a speaker's is in the transcript
            body_start, body_end = _trimmed(text, body_start, body_end)
        words = text[body_start:body_end].split()
        if len(words) < MIN_WORDS or (not transcript and text[body_end - 1:body_end + 1].startswith("?")):
            continue
        colon = text.index(":", end)
        party = resolver.party(span.root, full_span=span)
        if (transcript or len(label.split()) == 1) and (full := _surname_of(label, resolver)) is not None:
            party = Party(text=party.text, entity=full, kind="person", span=party.span)
        quoted = text[body_start] in "\"\u201c\u2018'" or transcript
        sent = (text.rfind("\n", 0, start) + 1, body_end)
        out.append(Relation(sentence=sent, cue=(colon, colon + 1), cue_lemma=":", content=[(body_start, body_end)],
                            source=party, source_span=(span.start_char, span.end_char),
                            kind="direct" if quoted else "indirect", cue_token=_token_at(doc, colon)))
    return out


def quote_after_colon(doc: Doc, resolver: SourceResolver, quotes: list[CharSpan] | None = None) -> list[Relation]:
    """'... - Priya Nair and Tom Ode: \u201c...\u201d': a name, a colon, then a quote it introduces."""
    text = doc_text(doc)
    out = []
    for quote in find_quotes(text) if quotes is None else quotes:
        colon = _colon_before(text, quote[0], 4, _SAME_LINE)
        last = _token_ending_at(doc, colon) if colon is not None else None
        if last is None or last.ent_type_ not in {"PERSON", "ORG"} or last.ent_iob_ == "":
            continue
        ent = _entity_ending_at(doc, last.i)
        if ent is None:
            continue
        span = _with_its_owner(ent)
        # "Nair and Ode:" names both
        if span.start >= 2 and doc[span.start - 1].lower_ == "and" and doc[span.start - 2].ent_type_ == "PERSON":
            first = _entity_ending_at(doc, span.start - 2)
            if first is not None:
                span = doc[first.start:span.end]
        out.append(Relation(sentence=(span.start_char, quote[1]), cue=(colon, colon + 1), cue_lemma=":",
                            content=[quote], source=resolver.party(span.root, full_span=span),
                            source_span=(span.start_char, span.end_char), kind="direct",
                            cue_token=_token_at(doc, colon)))
    return out


def verb_then_quote(doc: Doc, resolver: SourceResolver, quotes: list[CharSpan] | None = None) -> list[Relation]:
    """'Caddell continued:' or 'The Times reports:', then a quote (often on the next line): the verb
    and its colon are the cue, its subject the source, the quote the content."""
    text = doc_text(doc)
    out = []
    for quote in find_quotes(text) if quotes is None else quotes:
        colon = _colon_before(text, quote[0], 8, _NEXT_LINES)
        verb = _token_ending_at(doc, colon) if colon is not None else None
        if verb is None or verb.pos_ != "VERB" or verb.dep_ not in {"ROOT", "ccomp", "conj"}:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # nothing of the verb's own after it: its words are the quote ("He said the vote was close:" is not)
        if subject is None or any(c.i > verb.i and not c.is_punct for c in verb.children):
            continue
        span = doc[subject.left_edge.i:subject.right_edge.i + 1]
        out.append(Relation(sentence=(span.start_char, quote[1]), cue=(verb.idx, colon + 1),
                            cue_lemma=verb.lemma_.lower(), content=[quote],
                            source=resolver.party(subject, full_span=span),
                            source_span=(span.start_char, span.end_char), kind="direct", cue_token=verb.i))
    return out


# what may stand between a colon and the quote it introduces: spaces (and at most the line's end), or
# white space with up to two line breaks
_SAME_LINE = re.compile(r":[ \t\u00a0]*\n?\Z")
_NEXT_LINES = re.compile(r":[^\S\n]*(?:\n[^\S\n]*){0,2}\Z")


def _colon_before(text: str, start: int, lookback: int, gap: re.Pattern) -> int | None:
    """Where the colon is that ends the ``lookback`` characters before ``start`` (``gap`` says what may
    follow it), if one does."""
    m = gap.search(text, max(0, start - lookback), start)
    return m.start() if m else None


def _token_ending_at(doc: Doc, end: int) -> Token | None:
    """The token that ends exactly at character ``end``, if one does."""
    span = doc.char_span(end - 1, end, alignment_mode="expand") if end > 0 else None
    if span is None or not len(span) or span[-1].idx + len(span[-1]) != end:
        return None
    return span[-1]


def signed_quotes(doc: Doc, resolver: SourceResolver, quotes: list[CharSpan] | None = None) -> list[Relation]:
    """'\u201c...\u201d \u2015 Name': a quote signed by the name after the dash."""
    text = doc_text(doc)
    out = []
    for quote in find_quotes(text) if quotes is None else quotes:
        m = _SIGNATURE.match(text, quote[1])
        if m is None or "\n" in text[quote[1]:m.start("dash")]:
            continue
        name_start, name_end = m.span("name")
        if text[name_end - 1] == "." and not re.search(r"\b\w\.$", text[name_start:name_end]):
            name_end -= 1  # the sentence's full stop, not an initial's
        span = doc.char_span(name_start, name_end, alignment_mode="expand")
        if span is None or not _signs(span):
            continue
        dash = m.span("dash")
        out.append(Relation(sentence=(quote[0], name_end), cue=dash, cue_lemma="\u2015", content=[quote],
                            source=resolver.party(span.root, full_span=span), source_span=(name_start, name_end),
                            kind="direct", cue_token=_token_at(doc, dash[0])))
    return out


def _entity_ending_at(doc: Doc, i: int) -> Span | None:
    """The named entity whose last token is ``i``, from the tokens' IOB tags (no scan of doc.ents)."""
    if not doc[i].ent_type_ or (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start:i + 1]


def _with_its_owner(span: Span) -> Span:
    """'Priya Nair of the Coastal Institute': the organisation ends the source, the person heads it."""
    tok = span.root
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in {"PROPN", "NOUN"}:
        tok = tok.head.head
    return span.doc[min(tok.left_edge.i, span.start):span.end]


def _speaker_like(label: str) -> bool:
    words = label.replace("(", " (").split()
    # "Q:" and "A:" stand for the interview's two sides, not for a named source
    if not 1 <= len(words) <= 7 or len(label) < 2 or any(ch.isdigit() for ch in label):
        return False
    if label.lower().rstrip(".") in GENERIC_LABELS or words[0].lower().rstrip(".") in GENERIC_LABELS:
        return False
    if label.isupper():
        return True
    return all(w[0].isupper() or w.lower() in _JOINERS or w.startswith("(") for w in words)


def _is_clause(span: Span) -> bool:
    """A label with a finite verb is a heading ("The Gap Goes On:", "Veto Power Impedes Peace Efforts:"),
    not a name."""
    return any(t.tag_ in FINITE_TAGS for t in span)


def drop_heading_colons(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """Relations whose cue is a colon and whose 'source' is a clause: a heading introducing a section."""
    text, out = doc_text(doc), []
    for rel in relations:
        if rel.cue is not None and rel.source_span is not None and text[rel.cue[0]:rel.cue[1]] == ":":
            span = doc.char_span(*rel.source_span, alignment_mode="expand")
            if span is not None and _is_clause(span):
                continue
        out.append(rel)
    return out


def _signs(span: Span) -> bool:
    """Whether the words after a quote's dash are a signature: a named party, or a name the tagger
    reads as proper nouns though its entity model missed it ("Sonya Herridge"); never a place or time."""
    if _place_or_time(span):
        return False
    words = [t for t in span if not t.is_punct]
    return any(t.ent_type_ in SPEAKER_ENTS for t in span) or \
        (len(words) >= 2 and all(t.pos_ == "PROPN" for t in words))


def _place_or_time(span: Span) -> bool:
    """A dateline ('LONDON:') or a time label names no speaker."""
    kinds = {t.ent_type_ for t in span if not t.is_punct}
    return bool(kinds) and kinds <= _PLACE_OR_TIME


def _surname_of(label: str, resolver: SourceResolver) -> str | None:
    """'VARGA' in a transcript is the Tomas Varga the article named: surnames matched case-blind ("TANG"
    for Tang Siu-ming, family name first)."""
    name = _name_part(label).split()
    return resolver.full_name_of(name[-1], case_blind=True) if name else None


def _names_a_speaker(span: Span) -> bool:
    """The label's head is a named person or organisation, a short proper name, or 'Poll:'/'Report:'."""
    root = span.root
    if root.ent_type_ in {"PERSON", "ORG", "NORP"} or root.lower_ in REPORT_NOUNS:
        return True
    # the tagger misreads a name opening a line ("Trump: ..."): the article naming it elsewhere settles it
    return len(span) <= MAX_NAME_TOKENS and _named_elsewhere(span)


# labels of those who put the questions in a briefing or an interview
QUESTIONERS = {"q", "question", "interviewer", "reporter", "journalist", "questioner"}


def _name_part(label: str) -> str:
    """A label without its affiliation: "DR NADIA OKAFOR (Medicines Authority)" -> "DR NADIA OKAFOR"."""
    return label.split("(")[0].strip()


def _named_elsewhere(span: Span) -> bool:
    """The label's last word is part of a person's or organisation's name elsewhere in the article (the
    name's last word: "IRENA VALKOVA (Spokesperson)" ends in VALKOVA)."""
    name = next((span[:k] for k, t in enumerate(span) if t.text == "(" and k > 0), span)
    last = name[-1].lower_
    return any(t.lower_ == last and t.ent_type_ in SPEAKER_ENTS and not (span.start <= t.i < span.end)
               for t in span.doc)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Content without the closing full stop (a single one: an ellipsis stays)."""
    if text[end - 1] == "." and text[end - 2:end - 1] not in (".", " "):
        end -= 1
    return start, end


def _token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else None


__all__ = ["GENERIC_LABELS", "drop_heading_colons", "layout_relations", "quote_after_colon", "signed_quotes",
           "speaker_labels", "verb_then_quote"]
