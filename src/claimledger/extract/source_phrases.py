"""The noun phrase of a source: its whole span as written, its core without appositives or clauses,
the name it holds, and what an unnamed one stands for (a work's author, a part of a group).

``sources.SourceResolver`` resolves these phrases to parties; these readings need nothing but the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.extract.mentions import ORG_NOUNS, after_article, clean_name
from claimledger.parse import pobj_of

# words that make a named body a forum rather than a publisher ("told the Security Council")
INSTITUTION_WORDS = {
    "council", "parliament", "congress", "senate", "committee", "assembly", "court", "ministry",
    "commission", "duma", "cabinet", "house", "conference", "summit", "forum", "panel", "board",
}
NAMED_TYPES = {"ORG", "GPE", "NORP", "FAC", "LOC"}
TRIM_DEPS = {"appos", "relcl", "acl", "punct", "cc", "prep", "advmod"}
ENT_KIND = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "group", "LOC": "place",
            "FAC": "place"}


def _after_line_break(tok: Token, left: int) -> int:
    """Never let a phrase reach back over a line break (a heading or ad line above it)."""
    doc = tok.doc
    for i in range(tok.i - 1, left - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            return i + 1
    return left


def np_span(tok: Token) -> Span:
    """The whole noun phrase headed by ``tok`` (appositives and clauses included), PolNeAR-style."""
    doc = tok.doc
    left, right = _after_line_break(tok, tok.left_edge.i), tok.right_edge.i
    # a closing mark stays with the phrase it closes; an opening one (the next quote's) does not
    while right > left and doc[right].is_punct and not _closes(doc[left:right + 1]):
        right -= 1
    left = after_stray_close(doc, left, tok.i)
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left:right + 1]


def after_stray_close(doc: Doc, left: int, head: int) -> int:
    """Past a bracketed group that opens the phrase before its head, or a bracket closed there that the
    phrase never opened: "[10:15] Dr Anika Vos", a live blog's time stamp, is not part of who speaks."""
    depth = 0
    for i in range(left, head):
        if doc[i].text in {"(", "["}:
            depth += 1
        elif doc[i].text in {")", "]"}:
            depth -= 1
            if depth <= 0 and (depth < 0 or doc[left].text in {"(", "["}):
                left, depth = i + 1, 0
    return left


AFFILIATION_PREPS = {"at", "from", "for", "with", "of", "in"}
# what tells one unnamed source from another: "a source close to the Kremlin", "people familiar with the
# matter", "two people briefed on the review"
SOURCE_DESCRIPTORS = {"close", "familiar", "briefed", "involved", "knowledgeable", "loyal", "linked",
                      "connected", "aligned", "privy"}


def _named_affiliation(prep: Token) -> bool:
    """'analysts at the consultancy Skarvik Energy', 'a spokesperson for the Swedish government': a
    short phrase naming whom an unnamed speaker works for, which is what tells such speakers apart."""
    head = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in AFFILIATION_PREPS or head.pos_ != "NOUN" or head.ent_type_:
        return False
    named = any(t.ent_type_ in NAMED_TYPES or t.pos_ == "PROPN" for t in prep.subtree)
    return named and prep.right_edge.i - prep.i <= 8


def _closes(span: Span) -> bool:
    """Whether the span's last token closes a bracket or quote opened inside the span."""
    last, text = span[-1].text, span.text
    if last == ")":
        return "(" in text
    if last == "\u201d":
        return "\u201c" in text
    return last == '"' and text.count('"') % 2 == 0


def core_span(tok: Token) -> Span:
    """The noun phrase without appositives, relative clauses or trailing modifiers."""
    doc = tok.doc
    left = tok.i
    for child in tok.lefts:
        if child.dep_ not in TRIM_DEPS:
            left = min(left, child.left_edge.i)
    left = _after_line_break(tok, left)
    right = tok.i
    for child in tok.rights:
        # "a spokesman of the ministry"; in a name only when the name goes on through it ("the Bank of England")
        # and after a number word, which names no one by itself ("dozens of deep-sea explorers")
        of_phrase = child.dep_ == "prep" and child.text.lower() == "of" and (
            tok.ent_type_ == "" or _inside_name(tok, child.right_edge)
            or (tok.ent_type_ == "CARDINAL" and tok.pos_ in {"NOUN", "NUM"}))
        # any preposition the name itself runs on through: "the International Organization for Migration"
        in_name = child.dep_ == "prep" and (_title_cased(tok, child) or (
            tok.ent_type_ not in {"", "CARDINAL"} and _inside_name(tok, child.right_edge)))
        described = child.i == tok.i + 1 and child.lower_ in SOURCE_DESCRIPTORS and tok.pos_ == "NOUN"
        if child.dep_ in {"compound", "flat", "nummod"} or of_phrase or in_name or described \
                or _named_affiliation(child):
            right = max(right, child.right_edge.i)
    left = after_stray_close(doc, left, tok.i)
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left:right + 1]


NAME_LINKS = {"the", "of", "and", "for", "on", "in", "&"}


def _title_cased(tok: Token, prep: Token) -> bool:
    """A name's own title-cased phrase the tagger cut off: "the UN Office for the Coordination of
    Humanitarian Affairs" (every word capitalised but the small links)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON" and _name_goes_on(list(prep.subtree))


def _name_goes_on(words: list[Token] | Span) -> bool:
    """Whether words after a name go on naming it: "for/of/on" and then only capitalised words and links."""
    return len(words) > 1 and words[0].lower_ in {"for", "of", "on"} \
        and all(w.is_title or w.lower_ in NAME_LINKS or not w.is_alpha for w in words[1:]) \
        and any(w.is_title for w in words[1:])


def _inside_name(tok: Token, last: Token) -> bool:
    """Whether the named entity holding ``tok`` runs on through ``last``."""
    return all(t.ent_iob_ == "I" for t in tok.doc[tok.i + 1:last.i + 1])


def entity_name(span: Span) -> tuple[str | None, str | None]:
    """The named entity of a source phrase (the one holding its head), with its kind."""
    head = span.root
    ents = ents_within(span)
    for ent in ents:
        if ent.start <= head.i < ent.end:
            if ent.label_ != "PERSON" and ent[0].is_lower and ent.start > span.start:
                # "Russia's defence ministry": a lower-case name is a description, its owner part of it
                return strip_article(span), ENT_KIND.get(ent.label_, "unknown")
            if ent.label_ != "PERSON" and len(clean_name(ent).split()) == 1 < len(ent):
                # "Defence Ministry" is no title and a ministry: a country's office, named with its country
                # ("Serevia's Defence Ministry") where the text gives it
                name = strip_article(span) if _owned_by_place(span, ent) else strip_article(ent)
                return name, ENT_KIND.get(ent.label_, "unknown")
            if ent.label_ != "PERSON" and _name_goes_on(span.doc[ent.end:span.end]):
                return strip_article(span), ENT_KIND.get(ent.label_, "unknown")  # the name the tagger cut
            return clean_name(ent), ENT_KIND.get(ent.label_, "unknown")
    # "Kremlin spokesman Dmitry Peskov" has its name at the end; "United Nations sanctions
    # monitors" is a description, named by the whole phrase
    for ent in ents:
        if ent.label_ == "PERSON" and ent.end == head.i + 1:
            return clean_name(ent), "person"
    return None, None


def _owned_by_place(span: Span, ent: Span) -> bool:
    """Whether ``ent`` follows a place's possessive inside ``span`` ("Serevia's | Defence Ministry")."""
    before = span.doc[span.start:ent.start]
    return any(t.tag_ == "POS" for t in before) and any(t.ent_type_ in {"GPE", "NORP"} for t in before)


def ents_within(span: Span) -> list[Span]:
    """The entities lying wholly inside ``span``, as ``Span.ents`` gives them, read from the tokens'
    IOB tags: ``Span.ents`` walks every entity of the document on each call."""
    doc, out, i = span.doc, [], span.start
    while i < span.end:
        tok = doc[i]
        if tok.ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= span.end:
            out.append(Span(doc, i, j, label=tok.ent_type_))
        i = j
    return out


def is_publisher(tok: Token) -> bool:
    """A recipient that is a named organisation other than a forum: telling it means an interview."""
    span = core_span(tok)
    person = tok.ent_type_ == "PERSON" and not after_article(span)
    if tok.pos_ != "PROPN" or person or tok.ent_type_ in {"GPE", "NORP", "LOC", "DATE"}:
        return False
    return not any(t.lower_ in INSTITUTION_WORDS for t in span)


def appositive_name(tok: Token) -> tuple[str, str] | None:
    """The person or body an appositive of ``tok`` names ("a spokesman, Ivan Petrov"), with its kind."""
    for child in tok.rights:
        if child.dep_ == "appos":
            core = core_span(child)
            entity, kind = entity_name(core)
            if entity and kind in ("person", "org"):
                return entity, kind
            # "Her group, Parents for Safe Medicines,", "The company, Helvane,": a body's name, however the
            # tagger took it
            name = [t for t in child.subtree if not t.is_punct]
            if tok.lemma_.lower() in ORG_NOUNS and child.is_title and (len(name) > 1 or child.pos_ == "PROPN") \
                    and all(t.is_title or t.lower_ in NAME_LINKS for t in name):
                return entity or child.doc[name[0].i:name[-1].i + 1].text, "org"
    return None


# work that has no author of its own unless one is named: "Independent testing has confirmed ...",
# "Air monitoring has found ..." (a study, an analysis, a report is a work with authors, and a source)
PROCESS_NOUNS = {"testing", "monitoring", "sampling", "screening"}
# work whose findings are its author's: "a search by Lodestar", "an analysis by the Observer"
WORK_NOUNS = PROCESS_NOUNS | {"search", "review", "analysis", "investigation", "inquiry", "probe", "audit",
                              "survey", "assessment", "examination", "check", "test", "tests"}


def work_by(tok: Token) -> Token | None:
    """The named author of a piece of work ("a reverse image search by Lodestar", "tests commissioned by
    Helvane"), or None."""
    if tok.lower_ not in WORK_NOUNS:
        return None
    by = next((c for c in tok.rights if c.dep_ in {"prep", "agent"} and c.lower_ == "by"), None)
    if by is None:  # the work's participle: "commissioned by", "carried out by"
        by = next((a for c in tok.rights if c.dep_ == "acl" and c.tag_ == "VBN"
                   for a in c.children if a.dep_ == "agent"), None)
    author = pobj_of(by)
    return author if author is not None and (author.pos_ == "PROPN" or author.ent_type_ in {"ORG", "PERSON"}) \
        else None


# a part of a group named by a pronoun: "most of them", "some of those"
PARTITIVES = {"most", "many", "some", "all", "several", "few", "half", "none", "both", "each", "one", "two", "three"}
NOT_A_GROUP_ENTS = {"DATE", "TIME", "QUANTITY", "MONEY", "PERCENT", "CARDINAL"}


def partitive_whole(tok: Token) -> Token | None:
    """The group a partitive source takes part of ("The paper, which interviewed 23 passengers, said most
    of them described ..." -> "passengers"): the nearest plural noun before it in the sentence."""
    if tok.lower_ not in PARTITIVES:
        return None
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    them = pobj_of(of)
    if them is None or them.lower_ not in {"them", "those"}:
        return None
    return next((t for t in reversed(tok.doc[tok.sent.start:tok.i]) if t.tag_ == "NNS" and t.pos_ == "NOUN"
                 and t.ent_type_ not in NOT_A_GROUP_ENTS), None)


def unowned_process(tok: Token, core: Span) -> bool:
    """Whether a source is a process noun that names no one ("independent testing"), with no owner or
    author in it ("the state's testing", "testing by the EPA")."""
    if tok.lower_ not in PROCESS_NOUNS:
        return False
    named = any(t.pos_ == "PROPN" or t.dep_ == "poss" for t in core) or \
        any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in tok.children)
    return not named


def strip_article(span: Span) -> str:
    """The phrase's text without a leading "the", "a" or "an"."""
    toks = [t for t in span if not (t.i == span.start and t.lower_ in {"the", "a", "an"})]
    if not toks:
        return span.text
    return span.doc[toks[0].i:toks[-1].i + 1].text
