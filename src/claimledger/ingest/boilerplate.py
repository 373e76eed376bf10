"""Site furniture: lines of a news page that are not the article ("Advertisement", "Share this article").

The text is never changed: furniture is reported as spans (``Article.ignored``) that the analysis
blanks out. Patterns are general phrases common across news sites, matched against whole lines
(stripped, case-insensitive), so a sentence that merely contains "read more" is kept. Nothing here is
keyed to a particular site or article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimledger.model import Span

# Whole-line furniture for short lines (<= SHORT_WORDS words), after trimming bullets and end marks.
_SHORT_FURNITURE = [
    # advertising
    r"advertisements?|advert|ads?|sponsored(?: content| links?| stories)?|paid (?:content|post)|promoted(?: content)?",
    r"(?:article )?ad box|(?:story|article) continues below(?: this)?(?: advertisement| ad)?",
    r"continue reading(?: below| the main story)?|scroll (?:down )?to continue(?: with content| reading)?",
    r"advertisement\W+scroll to continue(?: with content)?",
    # page chrome and navigation
    r"loading|please wait|skip to (?:the )?(?:main )?(?:content|navigation|article|main)|jump to\b.*",
    r"back to top|menu|search|home|close|open|toggle navigation|main menu",
    r"(?:previous|prev|next)(?: article| story| post| page| slide)?|more (?:stories|articles|news|videos)",
    r"trending(?: now)?|most (?:read|popular|viewed|shared)|recommended(?: for you)?|editor'?s picks?",
    r"(?:you may|you might) (?:also )?(?:like|enjoy)\b.*|more from\b.*|more on this (?:story|topic)",
    r"related(?: (?:articles?|stories|topics|news|content|coverage|posts|reading))?",
    # summaries, audio, reading time
    r"no time to read|get (?:a|the) summary|summary|key points|listen(?: to (?:this|the) (?:article|story))?\b.*",
    r"(?:\d+ )?min(?:ute)?s? read|reading time\b.*",
    # sharing and comments
    r"print(?: this)?(?: article| page| story)?|tweet|e-?mail(?: this)?(?: article| story)?|copy link|link copied",
    r"share(?: this| the)?(?: article| story| page| post| on| via)?(?: \w+){0,3}",
    r"(?:read|see|show|view) (?:more|less|all)|read (?:the )?full (?:article|story)|read (?:the )?original\b.*",
    r"comments?(?: \(\d+\))?|\d+ comments?|leave a (?:comment|reply)|(?:view|show|hide|load) (?:all )?comments",
    r"follow us\b.*|follow \S+(?: \S+)? on \w+\b.*|download (?:our|the) app\b.*|get the app\b.*",
    # accounts and newsletters
    r"subscribe\b.*|sign (?:up|in)\b.*|log ?in|log ?out|register|create (?:a )?(?:free )?account\b.*",
    r"click here\b.*|tap here\b.*|(?:join|get) our newsletter\b.*|newsletter(?: sign[- ]?up)?",
    # link and label lines: "Read more: ...", "Related: ...", "Tags: ..."
    r"(?:read more|read also|also read|see also|related|more|watch|listen|video|read|topics|tags|keywords"
    r"|filed under|categories|category|section)\s*:.*",
    # captions and credits
    r"(?:photo|image|picture|video|graphic|illustration|credit|photo credit|image credit|caption|image caption"
    r"|media caption|video caption|image source|source image)\s*[:,].*",
    r"photo(?:graph)?s? by\b.*|file photo\b.*|pictured\s*:.*",
    # cookie and legal chrome
    r"(?:accept|reject|allow|decline)(?: all)?(?: cookies)?"
    r"|(?:manage|cookie) (?:cookie )?(?:preferences|settings|policy"
    r"|consent)|privacy policy|terms (?:of|and) (?:use|service|conditions)|.*\ball rights reserved\b.*",
    r"(?:©|\(c\)|copyright\b).*",
    # credits for the reporting itself
    r"(?:additional )?(?:reporting|writing|editing|compiled|edited|produced|translated) by\b.*",
    r"this (?:article|story|report|piece) (?:was|has been|is) (?:originally |first )?"
    r"(?:published|updated|amended|corrected|produced|translated)\b.*",
    # banners naming the site or section
    r"(?:last|latest|top|more) news (?:in|from|on|at) \S+(?: \S+){0,3}",
    # notices
    r"to (?:suggest|report|request) a correction\b.*|corrections? (?:policy|and clarifications)\b.*",
    # press-release slugs and end marks
    r"for immediate release|(?:news|press|media) release|embargoed(?: until| till)?\b.*|#{3}|-30-",
]
SHORT_WORDS = 25
_SHORT_RE = re.compile("(?:" + "|".join(_SHORT_FURNITURE) + ")", re.I)

# Notices found inside a longer line (<= NOTICE_WORDS words): cookie banners, opinion disclaimers.
_NOTICES = [
    r"\b(?:we|this (?:web)?site) uses? cookies\b",
    r"\bcookies?\b.*\b(?:consent|accept|agree|privacy policy)\b",
    r"\b(?:views|opinions) expressed\b",
    r"\bdo(?:es)? not necessarily (?:reflect|represent)\b",
    r"\bpublish(?:es)? (?:opinions|views)\b",
    r"\bto (?:suggest|report|request) a correction\b",
    r"\benable javascript\b|\byour browser (?:does not|doesn't) support\b",
]
NOTICE_WORDS = 60
_NOTICE_RE = re.compile("|".join(_NOTICES), re.I)

_NAME = r"[A-Z][\w.'’-]*"
_NAMES = rf"{_NAME}(?:\s+(?:{_NAME}|de|van|von|al|bin|da|del|la|le))*"
# A line that is only a byline: "By Jane Doe", "By Jane Doe and John Roe", "BY JANE DOE, Staff Writer"
_BYLINE_RE = re.compile(rf"(?:by|written by|words by)\s+{_NAMES}(?:\s*(?:,|and|&)\s*{_NAMES})*", re.I)
_BYLINE_CASE_RE = re.compile(rf"(?:By|BY|Written by|Words by)\s+{_NAMES}(?:\s*(?:,|and|&)\s*{_NAMES})*")
BYLINE_MAX_WORDS = 10

# A caption: a line ending in a credit ("... on Monday. Photo: Agency", "(Agency Photo/Jane Doe)").
_CAPTION_RE = re.compile(
    r"(?:^|[\s.(\[|/–—-])(?:photo(?:graph)?|image|picture|foto|pic|credit|illustration)s?(?:\s+credit)?"
    r"\s*(?::|by\b|/|\|)\s*(?P<credit>[^.:()\[\]]{1,60}?)[\s)\]]*$", re.I)
CREDIT_MAX_WORDS = 6

# A line that is only a date stamp: "Oct 25, 2024 21:01 325", "Published: 2024-10-25", "Updated 25.10.2024"
_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_WEEKDAY = r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
_DATE_CORE_RE = re.compile(rf"\b(?:{_MONTH})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b"
                           r"|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b", re.I)
_DATE_FILLER_RE = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY})\b\.?|\b(?:published|posted|updated|last|first|modified|date|on|at|by|and"
    r"|am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]?t|bst|cet|cest|eet|eest|msk|kst|jst|ist|views?|reads?)\b"
    r"|\d+(?:st|nd|rd|th)?|[\s\W_]", re.I)

_LEAD_TRIM = " \t•·*>|-–—▶►»#"
_END_TRIM = " \t.:!?…»›>|-–—▶►"


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, content) of each non-empty line; the span covers the content without surrounding spaces."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        content = body.strip()
        if content:
            start = pos + (len(body) - len(body.lstrip()))
            yield start, start + len(content), content
        pos += len(raw)


def _normalise(line: str) -> str:
    core = line.strip(_LEAD_TRIM).rstrip(_END_TRIM) or line
    return " ".join(core.split())


def is_date_line(line: str) -> bool:
    """True for a line that holds a date stamp and nothing else but times, labels and counts."""
    if len(line) > 80 or not _DATE_CORE_RE.search(line):
        return False
    return not _DATE_FILLER_RE.sub("", line)


def has_date(line: str) -> bool:
    """True for a line that names a calendar date anywhere in it ("Meeting held: Thursday, March 14")."""
    return bool(_DATE_CORE_RE.search(line))


def is_byline(line: str) -> bool:
    core = _normalise(line)
    return len(core.split()) <= BYLINE_MAX_WORDS and bool(_BYLINE_CASE_RE.fullmatch(core))


def caption_credit(line: str) -> str | None:
    """The credit of a caption-like line ("... Photo: Agency" -> "Agency"), else None."""
    m = _CAPTION_RE.search(line)
    if not m:
        return None
    credit = m.group("credit").strip(" \"'“”‘’")
    if not credit or len(credit.split()) > CREDIT_MAX_WORDS:
        return None
    return credit


def is_furniture(line: str) -> bool:
    """True when a whole (stripped) line is site furniture rather than article text."""
    core = _normalise(line)
    words = len(core.split())
    if words <= SHORT_WORDS and _SHORT_RE.fullmatch(core):
        return True
    if words <= NOTICE_WORDS and _NOTICE_RE.search(core):
        return True
    return is_byline(line) or is_date_line(core) or caption_credit(line) is not None


def furniture_spans(text: str, title: str | None = None) -> list[Span]:
    """Spans of the furniture lines of ``text``; a later repeat of ``title`` (an image alt text) counts too."""
    spans: list[Span] = []
    title_key = _normalise(title).casefold() if title else None
    title_seen = False
    pending_credit: str | None = None
    for start, end, line in iter_lines(text):
        credit = pending_credit
        pending_credit = None
        key = _normalise(line).casefold()
        if title_key and _strip_gallery_index(key) == title_key:
            if title_seen:
                spans.append((start, end))
            title_seen = True
            continue
        if credit is not None and key == credit.casefold():
            spans.append((start, end))  # the credit repeated on its own line below the caption
            continue
        if is_furniture(line):
            spans.append((start, end))
            pending_credit = caption_credit(line)
    return spans


def _strip_gallery_index(key: str) -> str:
    # "Headline - 1", "Headline (2)": the headline repeated as the alt text of a gallery picture
    return re.sub(r"\s*(?:[-–—|]\s*\d{1,2}|\(\d{1,2}\))$", "", key)
