"""Transcript turns: a speaker's turn is their claims, and what they pass on from others comes through them.

A transcript gives each turn to its label ("DEVIN MARLOWE: The railroad says 38 cars derailed. But a
firefighter told me more than 40 came off the track."). Read as one claim, the turn would swallow the
attributions inside it. So, in a transcript (two speaker-label turns or more):

- an attribution inside a turn is its own claim, relayed by the turn's speaker ("the railroad", through
  Devin Marlowe), unless the speaker is the host who asks the questions and speaks for the programme, as
  a writer does for an article; one in the first person ("I'd add that ...", "We have not been able to
  confirm ...") is the speaker's own;
- the turn keeps the runs of sentences around those attributions, each a claim of the speaker, and
  drops its questions ("How big was this?"): asking is not claiming;
- a turn the article quotes ('"PENCE: Well, look, ..."') is quoted whole, as any quote is: the
  attributions inside are still passed on by the speaker;
- a role label ("HOST:", "ANCHOR:") names whoever introduces themselves in its turns ("I'm Lena
  Whitcombe"), and an all-capitals label is written as the article writes the name ("Sofia Ruelas").

Only the layout is used: labels opening lines, the sentences of each turn, the attributions found inside.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from claimledger.extract.relation import Relation
from claimledger.extract.sources import WRITER, SourceResolver
from claimledger.model import Party
from claimledger.model import Span as CharSpan
from claimledger.parse import doc_text

FIRST_PERSON = {"i", "we", "me", "us"}
MIN_TURNS = 2
MAX_LABEL_WORDS = 7
# labels that name a part in the programme, not a person: the person says who they are
ROLE_LABELS = {"host", "co-host", "cohost", "anchor", "presenter", "moderator", "narrator", "announcer"}
_INTRODUCES = re.compile(r"\b(?:I'm|I\u2019m|I am|my name is|My name is)\s+"
                         r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,2})")
# "It was false.", "That is not true.": a few words passing a verdict on what was just said
_VERDICT_ON_BEFORE = re.compile(r"(?:it|that|this)(?:['\u2019]s|\s+(?:is|was|wasn['\u2019]t|isn['\u2019]t))"
                                r"(?:\s+[\w'\u2019-]+){0,3}[.!]?$", re.IGNORECASE)
_LOOSE_START = re.compile(r"^[\s,;:\u2013\u2014-]*(?:(?:and|but|so|while)\b)?[\s,;:]*")
_LOOSE_END = re.compile(r"[\s,;:\u2013\u2014-]*(?:\b(?:and|but|so|while))?[\s,;:.]*$")


def same_person(name: str | None, full: str | None) -> bool:
    """Whether a short name and a full one are one person ("Zaretskaya" and "Natalia Zaretskaya", "Tang"
    and "Tang Siu-ming", "MARLOWE" and "Devin Marlowe"): equal but for case, or the short one is the first
    or last word(s) of the full one (a family name may come first)."""
    if not name or not full:
        return False
    short, long = sorted((name.lower(), full.lower()), key=len)
    return short == long or long.endswith(" " + short) or long.startswith(short + " ")


def is_turn(text: str, rel: Relation) -> bool:
    """A speaker label's relation: a colon cue after a short label that opens its line."""
    if rel.cue_lemma != ":" or rel.source is None or rel.cue is None or len(rel.content) != 1:
        return False
    return 0 < len(_label(text, rel).split()) <= MAX_LABEL_WORDS


def transcript_turns(doc: Doc, relations: list[Relation], resolver: SourceResolver) -> list[Relation]:
    """Relations with a transcript's turns split around the attributions they hold (see the module)."""
    text = doc_text(doc)
    turns = [r for r in relations if is_turn(text, r)]
    if len(turns) < MIN_TURNS:
        return relations
    speakers = _speakers(text, turns, resolver)
    hosts = _hosts(text, turns)
    out = []
    for r in relations:
        if not any(r is t for t in turns):
            out.append(r)
            continue
        speaker = speakers.get(_label(text, r), r.source)
        a, b = _turn_span(text, r)
        inner = [o for o in relations if o is not r and o.cue and a <= o.cue[0] < b
                 and (o.source_span is None or a <= o.source_span[0])]
        for o in inner:
            _relay(o, speaker, r.via, host=_label(text, r) in hosts)
        if _quoted(text, r):  # an article quoting a transcript quotes each turn whole
            out.append(replace(r, source=speaker))
            continue
        runs = _runs(doc, text, (a, b), inner)
        if runs == [r.content[0]]:
            out.append(replace(r, source=speaker))
        else:
            out += [replace(r, sentence=span, content=[span], source=speaker, via=list(r.via)) for span in runs]
    return out


def _turn_span(text: str, rel: Relation) -> CharSpan:
    """The turn: its line after the colon (another reading may have cut the content short)."""
    start = rel.cue[1]
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    first, last = rel.content[0]
    if not text[last:end].strip(" ."):  # the line's full stop, left out of the content
        end = last
    return (min(start, first), max(end, last))


def _quoted(text: str, rel: Relation) -> bool:
    """Whether the turn's line opens with a quotation mark ('"PENCE: Well, look, ...'): the article quotes it."""
    line = text[text.rfind("\n", 0, rel.cue[0]) + 1:rel.cue[0]].lstrip(" \t")
    return line[:1] in "\"\u201c\u2018'"


def _label(text: str, rel: Relation) -> str:
    """What stands before the colon on its line (a reading may have put the source's span elsewhere)."""
    return text[text.rfind("\n", 0, rel.cue[0]) + 1:rel.cue[0]].strip(" \t\"'\u201c\u2018")


def _speakers(text: str, turns: list[Relation], resolver: SourceResolver) -> dict[str, Party]:
    """Each label's speaker: a role label ("HOST") named by the turn introducing its speaker, an all-capitals
    name as the article writes it elsewhere ("VARGA" for the Tomas Varga it named)."""
    out: dict[str, Party] = {}
    for r in turns:
        label = _label(text, r)
        if label not in out and r.source is not None and (name := _name_for(text, r, label, resolver)):
            out[label] = Party(text=r.source.text, entity=" ".join(name.split()), kind="person", span=r.source.span)
    for r in turns:  # a role label that never says who it is names no one else
        label = _label(text, r)
        if label not in out and r.source is not None:
            out[label] = r.source
    return out


def _name_for(text: str, turn: Relation, label: str, resolver: SourceResolver) -> str | None:
    """The name behind a label, when the label is a role or a name in capitals."""
    if label.lower() in ROLE_LABELS:
        return next((m.group("name") for m in _INTRODUCES.finditer(text, *_turn_span(text, turn))), None)
    if not label.isupper() or not (turn.source.entity or label).isupper():
        return None
    name = resolver.full_name_of(label.split()[-1], case_blind=True)
    if name is None and len(label.split()) > 1:  # written elsewhere in the article, not in capitals
        pattern = r"\b" + r"\s+".join(re.escape(w) for w in label.split()) + r"\b"
        name = next((m.group(0) for m in re.finditer(pattern, text, re.IGNORECASE) if not m.group(0).isupper()),
                    None)
    return name


def _hosts(text: str, turns: list[Relation]) -> set[str]:
    """Labels of who runs the programme: a role label ("HOST:", "ANCHOR:"), or one with two turns or more,
    at least half of them asking something. The host speaks for the programme, as a writer for the article:
    what they pass on comes through no one."""
    asked: dict[str, list[bool]] = {}
    for r in turns:
        a, b = _turn_span(text, r)
        asked.setdefault(_label(text, r), []).append("?" in text[a:b])
    return {label for label, marks in asked.items() if label.lower() in ROLE_LABELS
            or (len(marks) >= MIN_TURNS and 2 * sum(marks) >= len(marks))}


def _relay(rel: Relation, speaker: Party | None, turn_via: list[Party], host: bool = False) -> None:
    """An attribution inside a turn: the speaker's own in the first person, else relayed by the speaker
    (by none when the speaker is the host)."""
    if speaker is None:
        return
    name = speaker.entity or speaker.text
    if rel.source is None or (rel.source.text or "").lower() in FIRST_PERSON:
        span = rel.source.span if rel.source is not None else speaker.span
        rel.source = Party(text=rel.source.text if rel.source is not None else speaker.text,
                           entity=speaker.entity, kind=speaker.kind, span=span)
        rel.source_span = span if rel.source_span is not None else None
        rel.via = list(turn_via)
    elif rel.source.kind == WRITER:  # "Our data shows ..." in the answer: the speaker's side's, not the programme's
        rel.source = Party(text=rel.source.text, entity=f"{name}'s {rel.source.entity}" if rel.source.entity else name,
                           kind=speaker.kind if not rel.source.entity else "unknown", span=rel.source.span)
        rel.via = list(turn_via)
    elif not same_person(rel.source.entity or rel.source.text, name):
        label = speaker.text
        # "told us" in a turn is told the speaker's side, not the publisher
        others = [v for v in rel.via if not same_person(v.entity or v.text, name)
                  and not same_person(v.entity or v.text, label) and (v.text or "").lower() not in FIRST_PERSON]
        rel.via = list(turn_via) + ([] if host else [speaker]) + others


def _runs(doc: Doc, text: str, turn: CharSpan, inner: list[Relation]) -> list[CharSpan]:
    """The turn's sentences that are the speaker's alone, each a claim: not those holding another
    attribution (only what they say besides it, three words or more), nor questions. A short verdict on
    the sentence before ("It was false.") stays with it: alone it says nothing."""
    a, b = turn
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return [turn]
    runs: list[list[int]] = []
    last_own = False
    for sent in span.sents:
        start, end = max(a, sent.start_char), min(b, sent.end_char)
        piece = text[start:end].strip()
        held = [o for o in inner if start <= o.cue[0] < end]
        # the taggers' finds alone are too unsure to cut the speaker's words, but cut with the rules' finds
        sure = any(o.origin != "learned" for o in held)
        own = bool(piece) and not sure and not piece.rstrip("\"'\u201d\u2019").endswith("?")
        if sure:
            runs += [[x, y] for x, y in outside(text, (start, end), held)]
        elif own and last_own and _VERDICT_ON_BEFORE.match(piece):
            runs[-1][1] = end
        elif own:
            runs.append([start, end])
        last_own = own
    return [(start, start + len(text[start:end].rstrip())) for start, end in sorted(runs)]


def outside(text: str, sentence: CharSpan, held: list[Relation]) -> list[CharSpan]:
    """The pieces of a sentence outside its attributions (source or relayer to content end), of three words
    or more, without the joining words at their edges."""
    spans = sorted((min([o.cue[0], *(x for x, _ in o.content)] + ([o.source_span[0]] if o.source_span else [])
                        # the one who relays it in the sentence: "The Times, citing two people, reported"
                        + [v.span[0] for v in o.via if v.span and v.span[0] >= sentence[0]]),
                    max([o.cue[1], *(y for _, y in o.content)])) for o in held)
    pieces, at = [], sentence[0]
    for x, y in spans + [(sentence[1], sentence[1])]:
        if x > at:
            piece = text[at:x]
            lead = _LOOSE_START.match(piece).end()
            tail = max(lead, _LOOSE_END.search(piece).start())
            if len(piece[lead:tail].split()) >= 3:
                pieces.append((at + lead, at + tail))
        at = max(at, y)
    return pieces


__all__ = ["FIRST_PERSON", "ROLE_LABELS", "is_turn", "outside", "same_person", "transcript_turns"]
