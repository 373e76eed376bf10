"""Plain-text articles: the headline, the publication date and the outlet a reader would see at the top.

Nothing is cut out of the text; furniture lines become ``Article.ignored`` spans. The heuristics are
general conventions of news copy (a short headline-like first line, a dateline "(Agency) -", a banner
"More news from X", a copyright line, "X spoke with ..."), never names of particular outlets.
"""

from __future__ import annotations

import re

from claimledger.ingest.boilerplate import furniture_spans, has_date, is_date_line, is_furniture, iter_lines
from claimledger.timeexpr import find_publication_date

TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 200

_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:of|the|and|&|[A-Z][\w.&'’-]*)){0,4}"
_OUTLET_PATTERNS = [
    # wire datelines: "SEOUL (Reuters) -", "KYIV, Oct 25 (AP) —", a line of its own "BEIJING, 6 May 2023 (AP)"
    # (several places: "ORADEL/LISSEN, Sept 18, 2026 (Beacon) -")
    re.compile(rf"^[A-Z][A-Za-z .'’/-]{{1,40}}(?:,[^()\n]{{1,30}})?\s+\((?P<name>{_NAME})\)\s*(?:[-–—:]|$)"),
    # banners: "Last news in X", "More news from X", "Latest from X"
    re.compile(rf"^(?:last|latest|more|top)(?: news)? (?:in|from|on|at) (?P<name>{_NAME})\s*$", re.I),
    # copyright lines: "© 2024 The Daily Mirror", "Copyright 2024 X. All rights reserved."
    re.compile(rf"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{{4}}\s*)?(?P<name>{_NAME})", re.I),
    # explicit labels: "Source: X", "Outlet: X", "Publisher: X"
    re.compile(rf"^(?:source|outlet|publisher|published by|originally published (?:by|in|on))\s*:?\s*"
               rf"(?P<name>{_NAME})\s*\.?$", re.I),
    # byline with the outlet: "By Jane Doe, The Daily" / "By Jane Doe | The Daily | 28 December 2023"
    re.compile(rf"^by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}"
               rf"(?:\s+(?:and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}})?\s*[,|]\s*(?P<name>{_NAME})\s*"
               rf"(?:[,|]\s*[\w ,.]*\d[\w ,.]*)?$", re.I),
]
# self-references in the body: "The Daily spoke with ...", "The Daily has learned ..."
_SELF_REFERENCE = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?P<name>{_NAME}) (?:spoke (?:with|to)|interviewed|has learned|has obtained"
    r"|contacted|reached out to|asked(?! (?:us|me)\b))\b")  # not "Readers asked us to check them"
_NOT_OUTLET = {"He", "She", "They", "We", "I", "It", "The", "This", "That", "Reporters", "Journalists"}
_DOMAIN = re.compile(r"\b(?P<name>[A-Za-z][\w-]{1,30}\.(?:com|net|org|bg|ru|ua|kr|uk|co\.uk|de|fr|info|news))\b")


def guess_title(text: str, ignored: list[tuple[int, int]]) -> str | None:
    """The first non-furniture line when it reads like a headline (short, no final full stop). A short
    line in capitals above a headline in mixed case is the paper's name ("THE HARCOURT OBSERVER", then a
    section, a date and the headline): the headline is the longest headline-like line before the body."""
    lines = [(start, end, line) for start, end, line in iter_lines(text)
             if not any(a <= start and end <= b for a, b in ignored) and not is_furniture(line)
             and not is_date_line(line) and not _CAPS_MASTHEAD.fullmatch(line)]
    if not lines or not (_headline_like(lines[0][2]) or _caps_name(lines[0][2])):
        return None
    first = lines[0][2]
    if _caps_name(first):
        later = []
        width = max(len(raw.rstrip()) for raw in text.splitlines())
        for start, _, line in lines[1:MASTHEAD_LOOKAHEAD + 1]:
            if _body_started(_paragraph(text, start, line, width)) or (later and line.lower().startswith("by ")):
                break  # the body, or the byline between the headline and the body
            if _headline_like(line) and len(line.split()) >= 4 and not line.isupper() and not _breadcrumb(line) \
                    and not line.lower().startswith("by "):
                later.append(line)
        if later:
            # a line stating when ("Meeting held: Thursday, March 14, ...") is a detail, not the headline
            return max(later, key=lambda line: (not has_date(line), len(line.split())))
    return first if _headline_like(first) else None  # one word in capitals heads no article


MASTHEAD_LOOKAHEAD = 6
WRAPPED_SHARE = 0.8  # of the widest line: a line this long was wrapped, if the next one goes on


def _headline_like(line: str) -> bool:
    words = line.split()
    if len(words) > TITLE_MAX_WORDS or len(line) > TITLE_MAX_CHARS or len(words) < 2:
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    first = line.lstrip("\"'\u201c\u2018")[:1]  # a headline may open with a quote
    return first.isupper() or first.isdigit()


def _paragraph(text: str, start: int, line: str, width: int) -> str:
    """``line`` (at ``start``), or, when it fills the text's ``width`` (its widest line) and the next line
    goes on, the lines from it to the next blank line, joined: a line wrapped out of a body paragraph reads
    as that paragraph, not as a headline of its own. Short lines stacked in a header stay lines."""
    if len(line) < WRAPPED_SHARE * width:
        return line
    end = re.search(r"\n[ \t]*\n|$", text[start:]).start()
    return " ".join(text[start:start + end].split())


def _body_started(line: str) -> bool:
    return len(line.split()) > TITLE_MAX_WORDS or (line.endswith(".") and len(line.split()) > 12)


def _caps_name(line: str) -> bool:
    """A name in capitals: up to six words, no digits, no sentence mark."""
    return line.isupper() and len(line.split()) <= 6 and not re.search(r"[\d:!?]", line)


def _breadcrumb(line: str) -> bool:
    """"Analysis | Industry", "News > Local": sections of one or two words each."""
    parts = re.split(r"\s+[|>\u203a\u00bb/]\s+", line)
    return len(parts) > 1 and all(len(part.split()) <= 2 for part in parts)


# a paper's name in capitals with its section above the headline: "THE TIDEWATER REVIEW - Conversations"
_CAPS_MASTHEAD = re.compile(r"[A-Z][A-Z.&'’]*(?:\s+[A-Z][A-Z.&'’]*)+\s+[-–—|]\s+[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,2}")
_MASTHEAD = re.compile(r"(?:The |the )?[A-Z][\w.&'’-]*(?:\s+(?:of|the|and|&|on|[A-Z][\w.&'’-]*)){0,5}")
_ROLE_WORDS = {"correspondent", "editor", "writer", "reporter", "staff", "contributor", "columnist", "analyst",
               "bureau", "desk", "reporters", "editors", "writers"}


_ACRONYM_AFTER = re.compile(r"\s+\([A-Z][A-Z&.]{1,7}\)$")


def _masthead(lines: list[str], title: str | None) -> str | None:
    """A short title-case line next to the headline, before the body starts: the paper's name."""
    body = "\n".join(lines)
    for n, line in enumerate(lines[:4]):
        if title and line == title:
            continue
        if len(line.split()) > 12:
            return None  # the body has started
        if is_date_line(line) or is_furniture(line) or line.lower().startswith("by "):
            continue
        first = re.split(r"\s+[|•·]\s+|\s+[-–—]\s+", line)[0].strip()
        first = _ACRONYM_AFTER.sub("", first)  # "TESSARIAN PRESS AGENCY (TPA)": the name, its short form after
        if _breadcrumb(line) and not (n == 0 and first.isupper() and len(first.split()) > 1) \
                and not (len(first.split()) > 1 and _named_in_text(first, body)):
            # sections ("Analysis | Industry"), not a paper's name ("VBC NEWS | LIVE" opening the page, or
            # "Ostrin Daily | Live coverage" when the text names Ostrin Daily)
            continue
        if first.isupper() and len(first.split()) == 1 and not _named_in_text(first, body):
            continue  # a section label ("ANALYSIS", "EXCLUSIVE"), not a paper's name
        if _MASTHEAD.fullmatch(first) and len(first.split()) <= 6:
            # a masthead in capitals may end in a role word ("THE NORTHERN CORRESPONDENT"); a byline would not
            # stand above the headline in capitals
            return _clean_name(_as_written(first), role_ok=True) if first.isupper() else _clean_name(first)
    return None


def _named_in_text(word: str, body: str) -> bool:
    """Whether a name ("FACTLINE", "Ostrin Daily") is a name the text uses in its sentences ("traced by
    Factline", "told Ostrin Daily"): a paper naming itself, where a section label ("ANALYSIS") is named
    nowhere."""
    name = word[:1] + word[1:].lower() if word.isupper() else word
    return re.search(rf"[a-z,]\s+{re.escape(name)}\b", body) is not None


def guess_outlet(text: str, max_lines: int = 40, title: str | None = None) -> str | None:
    """The outlet the text names for itself, or None when the text does not say."""
    lines = [line for _, _, line in iter_lines(text)]
    head, tail = lines[:max_lines], lines[-10:]
    if title and (name := _masthead(head, title)):
        return name
    for line in head + tail:
        for pattern in _OUTLET_PATTERNS:
            m = pattern.search(line)
            if m:
                name = _clean_name(m.group("name"))
                if name:
                    return name
    if name := _issuer(lines[-15:]):
        return name
    for line in head:
        m = _SELF_REFERENCE.search(line)
        if m and (name := _clean_name(m.group("name"))) and name.split()[0] not in _NOT_OUTLET:
            return name
    for line in head[:15]:
        # a site naming itself by its domain ("EXAMPLE.BG publishes opinions ...")
        m = _DOMAIN.search(line)
        if m and line.startswith(m.group("name")):
            return m.group("name")
    return None


_SMALL_WORDS = {"of", "the", "and", "on", "for", "in", "at", "de", "la", "le"}


def _as_written(name: str) -> str:
    """A name in capitals as it is written in running text: "THE HARCOURT OBSERVER" -> "The Harcourt
    Observer"; short words without a vowel stay capitals ("NPR", "BBC NEWS" -> "BBC News")."""
    words = []
    for n, word in enumerate(name.split()):
        low = word.lower()
        if n and low in _SMALL_WORDS:
            words.append(low)
        elif len(word) <= 3 and low not in _SMALL_WORDS and not re.search(r"[aeiou]", low):
            words.append(word)
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


_ABOUT = re.compile(rf"About (?P<name>{_NAME})")


def _issuer(tail: list[str]) -> str | None:
    """A press release's issuer, from the boilerplate paragraph that closes it: "About Vantrell Northern",
    then a paragraph that opens with that name ("Vantrell Northern Railroad operates ...")."""
    for line, after in zip(tail, tail[1:], strict=False):
        m = _ABOUT.fullmatch(line.strip())
        if m and after.startswith(m.group("name").split()[0]) and len(after.split()) > 8:
            return _clean_name(m.group("name"))
    return None


def _clean_name(name: str, role_ok: bool = False) -> str | None:
    name = re.sub(r"\s+(?:and|of|the|&)$", "", name.strip(" .,:;|-–—")).strip()
    if not name or name.lower() in {"all rights reserved", "the", "staff"} or len(name) > 60:
        return None
    if name.split()[-1].lower() in _ROLE_WORDS and not (role_ok and len(name.split()) > 1):
        return None
    return re.sub(r"\.\s*all rights reserved.*$", "", name, flags=re.I)


_HEADING = re.compile(r"(?m)^[ \t]*#{1,6}(?=[ \t])")
# a byline naming its writer: "By Livia Marchant", "By Helga Strand, columnist", "By Jo Park | The Shore Times"
_AUTHOR_LINE = re.compile(r"(?:By|BY|Written by|Words by)\s+(?P<names>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
                          r"(?:\s+(?:and|AND|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?)\s*(?:[,|]|$)")
AUTHOR_LINES = 15  # a byline stands near the top


def guess_author(text: str) -> str | None:
    """The writer the byline names ("By Livia Marchant" -> "Livia Marchant"), or None."""
    for _, _, line in list(iter_lines(text))[:AUTHOR_LINES]:
        m = _AUTHOR_LINE.match(line)
        if m:
            names = m.group("names")
            if names.split()[-1].lower() in _ROLE_WORDS:
                return None  # "By Courier Staff": no one person
            return names.title().replace(" And ", " and ") if names.isupper() else names
    return None


def read_plain(text: str) -> tuple[str | None, str | None, str | None, list[tuple[int, int]]]:
    """(title, published ISO date, outlet, furniture spans) of a plain-text article. A Markdown heading
    reads as its words ("# THE SIVAR WEEKLY" is a masthead)."""
    text = _HEADING.sub(lambda m: " " * len(m.group(0)), text)  # same length: spans stay valid
    ignored = furniture_spans(text)
    title = guess_title(text, ignored)
    if title:
        ignored = furniture_spans(text, title=title)
    return title, find_publication_date(text), guess_outlet(text, title=title), ignored
