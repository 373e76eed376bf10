"""The data model every stage shares: plain typed classes, no behaviour beyond small helpers.

Offsets are character offsets ``[start, end)`` into ``Article.text``; for a plain-text input that is
the file exactly as decoded, so they point into the original file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Literal

Span = tuple[int, int]
Stance = Literal["asserts", "denies", "hedges"]
FigureKind = Literal["exact", "approx", "upper", "lower", "range"]

STANCES: tuple[str, ...] = ("asserts", "denies", "hedges")
FIGURE_KINDS: tuple[str, ...] = ("exact", "approx", "upper", "lower", "range")


def content_id(text: str) -> str:
    """The id of an article: a hash of its text, so the same text is never stored twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# no-break, figure, thin, narrow no-break, en and em spaces, read as a plain space
_PLAIN_SPACES = str.maketrans({ch: " " for ch in "\u00a0\u2007\u2009\u202f\u2002\u2003"})


@dataclass
class Article:
    """One input document, decoded and cleaned of markup, ready for analysis."""

    text: str
    path: str | None = None  # the input as the user gave it (file path, or URL)
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None  # the byline's writer
    published: str | None = None  # ISO date
    language: str = "en"
    fmt: str = "txt"  # txt | html | jsonl | url
    # Boilerplate lines ("Advertisement", "Loading...") kept out of the analysis; offsets stay valid
    # because the analysed text blanks them with spaces instead of cutting them out.
    ignored: list[Span] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    id: str = ""
    echo_of: str | None = None  # set by the link stage: the earlier document this one reprints

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def analysis_text(self) -> str:
        """The text handed to the parser: same length as ``text``, boilerplate blanked, no-break or thin
        spaces made plain ones (the tagger reads a no-break space as a word of its own), and the marks that
        open a heading or a thread's post ("## ", "3/ ") blanked: they are no words of the
        sentence that follows (the tagger took "3/ Serevia's defence ministry" for one name)."""
        text = _MARKER.sub(lambda m: " " * len(m.group(0)), unwrapped(self.text.translate(_PLAIN_SPACES)))
        if not self.ignored:
            return text
        chars = list(text)
        for start, end in self.ignored:
            for i in range(start, min(end, len(chars))):
                if not chars[i].isspace():
                    chars[i] = " "
        return "".join(chars)


# a mark opening a line: a Markdown heading's hashes, a thread's post number ("3/"); a bullet stays (the
# tagger reads "* Claimed turnout: 1.03 million" better with it)
_MARKER = re.compile(r"(?m)^[ \t]*(?:#{1,6}|\d{1,3}/)(?=[ \t])")
# a line starting like this opens a block of its own: a list item, a speaker's label, a clock stamp
_BLOCK_START = re.compile(r"\s*(?:[-*\u2022]\s|\d+[.)]\s|\d\d?[:.]\d\d\b|[A-Z][\w .'()\-]{0,40}:\s)")
WRAP_WIDTH_MAX = 150  # lines this long or shorter, most of them near one width: text wrapped by hand
WRAP_SLACK = 30  # how much shorter than the widest line a wrapped line may be (the next word did not fit)


def unwrapped(text: str) -> str:
    """``text`` with the line breaks of hand-wrapped paragraphs made spaces (same length): in plain text
    wrapped at a fixed width, a sentence runs on over the break. A break stays when the line is short
    (a headline, a paragraph's last line) or the next line opens a block of its own."""
    lines = text.split("\n")
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(widths) < 5:
        return text
    width = widths[int(0.95 * (len(widths) - 1))]
    full = [len(line.rstrip()) >= width - WRAP_SLACK for line in lines]
    if width > WRAP_WIDTH_MAX or sum(full) < 5:
        return text
    out = []
    for k, line in enumerate(lines[:-1]):
        nxt = lines[k + 1]
        join = full[k] and nxt.strip() and not _BLOCK_START.match(nxt)
        out.append(line + (" " if join else "\n"))
    out.append(lines[-1])
    return "".join(out)


@dataclass
class IngestError:
    """An input that could not be read; reported, never fatal to the rest of the batch."""

    input: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


# a word that belongs to the unit it precedes: "square kilometres" is an area, "kilometres" a length
UNIT_DIMENSIONS = frozenset({"square", "cubic", "nautical"})


@dataclass
class Figure:
    """A quantity as stated, hedge kept: "up to 12,000 troops" is value 12000, kind upper."""

    value: float | None  # None for vague quantities ("thousands of soldiers")
    kind: str = "exact"  # exact | approx | upper | lower | range
    unit: str | None = None  # what is counted or measured: "soldiers", "USD", "percent"
    text: str = ""
    span: Span | None = None
    low: float | None = None  # set for ranges
    high: float | None = None

    def to_json(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        for key in ("value", "low", "high"):
            v = d[key]
            if isinstance(v, float) and v.is_integer():
                d[key] = int(v)
        return d


@dataclass
class Party:
    """Who makes or relays a claim: as written, and its canonical name across the corpus."""

    text: str
    entity: str | None = None
    kind: str | None = None  # person | org | place | group | outlet | unknown
    span: Span | None = None

    def to_json(self) -> dict:
        return {"text": self.text, "entity": self.entity, "kind": self.kind,
                "span": list(self.span) if self.span else None}


@dataclass
class DateRange:
    start: str | None
    end: str | None = None

    def __post_init__(self) -> None:
        if self.end is None:
            self.end = self.start

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass
class Claim:
    """One attributed statement of one article."""

    document_id: str
    sentence: str
    sentence_span: Span
    content: str
    source: Party | None
    cue: str | None
    stance: str = "asserts"
    via: list[Party] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    event_date: DateRange | None = None
    claim_date: str | None = None
    # role -> list of spans (a role may be discontinuous); None when the role is absent
    spans: dict[str, list[Span] | None] = field(default_factory=dict)
    kind: str = "indirect"  # direct | indirect | according_to | mixed | unattributed | nominal
    proposition_id: str | None = None
    id: str = ""
    # set by the link stage: the first claim of the same source saying the same thing (relays and
    # reprints share it, so "how many sources agree" counts origins, not copies)
    origin_id: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            first = (self.spans.get("content") or [self.sentence_span])[0]
            cue = (self.spans.get("cue") or [(0, 0)])[0]
            key = f"{self.document_id}:{first[0]}:{first[1]}:{cue[0]}"
            self.id = "c" + hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass
class Proposition:
    """Claims from any article that answer the same question."""

    id: str
    label: str
    claim_ids: list[str] = field(default_factory=list)
    unit: str | None = None
    # figures side by side, stance counts, origins, conflict and timeline (``link.summary``)
    summary: dict | None = None
