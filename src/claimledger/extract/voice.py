"""Whose voice a piece is written in: an outlet's, or a person's. An opinion column, an op-ed or a blog
thread speaks for its writer ("I disagree", "My own figure is closer to 3 billion", "I count 146 vehicles"),
so its own statements and the writer's "I" are the byline's author, not the publisher; a news report's
own statements stay the outlet's.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimledger.extract.quotes import find_quotes, inside
from claimledger.model import Article, Party

# a header's section label marking a personal piece ("Opinion | Friday 24 July 2026", "COMMENT", "Guest
# column"): the whole label, not a word of a headline ("Minister declines to comment")
PERSONAL_SECTION = re.compile(r"(?:guest )?(?:opinion|comment|commentary|column|op-ed|viewpoint|blog)s?", re.I)
SECTION_SEPARATOR = re.compile(r"\s+[|\u2022\u00b7/>]\s+|\s+[-\u2013\u2014]\s+")
# a byline's role that makes a piece personal ("By Helga Strand, columnist")
PERSONAL_ROLES = re.compile(r"\b(?:columnist|blogger|contributor|guest writer|contributing writer)\b", re.I)
FIRST_PERSON_SINGULAR = {"i", "me", "my", "mine", "myself"}  # the writer as one person, not "we"
# "I" outside quotes this many times: the writer speaks as a person even where no header says so
MIN_FIRST_PERSON = 3
HEADER_LINES = 8  # lines from the top where a section label or byline stands
HEADER_LINE_MAX_WORDS = 20  # a longer line is the body
# a line opened by a speaker's label ("IRENA VALKOVA (Spokesperson):", "Q:"): the speaker's "I"
LABELLED_LINE = re.compile(r"\s*[A-Z][\w .'\u2019()-]{0,60}:\s")


def writer_person(article: Article, doc: Doc) -> Party | None:
    """The byline's author when the piece is written in their own voice (see the module), else None."""
    if not article.author:
        return None
    if _personal_header(article.text) or _first_person_count(article.text, doc) >= MIN_FIRST_PERSON:
        return Party(text=article.author, entity=article.author, kind="person")
    return None


def _personal_header(text: str) -> bool:
    """Whether the header (the lines above the body) marks a personal piece."""
    for line in [line.strip() for line in text.splitlines() if line.strip()][:HEADER_LINES]:
        if len(line.split()) > HEADER_LINE_MAX_WORDS:
            break
        if PERSONAL_ROLES.search(line) or any(PERSONAL_SECTION.fullmatch(part.strip())
                                              for part in SECTION_SEPARATOR.split(line)):
            return True
    return False


def _first_person_count(text: str, doc: Doc) -> int:
    """How often the writer says "I"/"my"/"me": outside quotes and outside labelled speakers' lines."""
    quotes = find_quotes(text)
    count = 0
    for tok in doc:
        if tok.lower_ not in FIRST_PERSON_SINGULAR or tok.pos_ != "PRON" or inside(quotes, tok.idx, tok.idx + len(tok)):
            continue
        line_start = text.rfind("\n", 0, tok.idx) + 1
        if not LABELLED_LINE.match(text, line_start):
            count += 1
    return count


def as_writer(source: Party | None, writer: Party, quotes: list[tuple[int, int]]) -> Party | None:
    """The writer, when ``source`` is their own "I" (a first-person pronoun outside any of ``quotes``);
    else ``source`` as it was."""
    if source is None or source.text.strip().lower() not in FIRST_PERSON_SINGULAR or source.span is None \
            or inside(quotes, source.span[0], source.span[1]):
        return source
    return Party(text=source.text, entity=writer.entity, kind="person", span=source.span)
