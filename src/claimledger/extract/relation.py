"""One attribution relation as the extract stage builds it (before it becomes a model ``Claim``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from claimledger.model import Party
from claimledger.model import Span as CharSpan


@dataclass
class Relation:
    sentence: CharSpan
    cue: CharSpan | None
    cue_lemma: str
    content: list[CharSpan]
    source: Party | None
    source_span: CharSpan | None
    via: list[Party] = field(default_factory=list)
    kind: str = "indirect"
    negated: bool = False
    cue_token: int | None = None  # token index of the cue, for stance and dates
    origin: str = "rule"  # rule | learned (found by the learned taggers alone) | both
    relays_inner: bool = False  # its content is another relation it relays ("X reported that Y said Z")

    def speaker_follows_cue(self, doc: Doc) -> bool:
        """Whether the source starts right after the cue word ('"...," said X'; 'The war, said X, has ...'):
        the rules' reading of such an inverted speaker, and of the content around it, is the sure one."""
        i = self.cue_token
        return i is not None and self.source_span is not None and i + 1 < len(doc) \
            and self.source_span[0] == doc[i + 1].idx


__all__ = ["Relation"]
