"""The data model every stage shares: plain typed classes, no behaviour beyond small helpers.

Offsets are character offsets ``[start, end)`` into ``Article.text``; for a plain-text input that is
the file exactly as decoded, so they point into the original file.
"""

from __future__ import annotations

import hashlib
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
        """The text handed to the parser: same length as ``text``, boilerplate blanked, and no-break
        or thin spaces made plain ones (the tagger reads a no-break space as a word of its own)."""
        text = self.text.translate(_PLAIN_SPACES)
        if not self.ignored:
            return text
        chars = list(text)
        for start, end in self.ignored:
            for i in range(start, min(end, len(chars))):
                if not chars[i].isspace():
                    chars[i] = " "
        return "".join(chars)


@dataclass
class IngestError:
    """An input that could not be read; reported, never fatal to the rest of the batch."""

    input: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


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
