"""A report of another claim joins that claim's proposition."""

from __future__ import annotations

from claimledger.link.propositions import group_claims
from claimledger.link.relays import relay_wrappers
from claimledger.model import Claim, Party

TEXT = ("The Valley Post reported that engineers told the council that the dam had cracked. "
        "The mayor said the dam, which engineers called unsafe, had cracked.")


def _claim(cid: str, source: str, cue: str, content_from: str, content_to: str | None = None,
           doc: str = "d") -> Claim:
    src = TEXT.index(source)
    c = TEXT.index(cue, src)
    start = TEXT.index(content_from, c)
    end = TEXT.index(content_to, start) + len(content_to) if content_to else TEXT.index(".", start)
    return Claim(document_id=doc, sentence=TEXT, sentence_span=(0, len(TEXT)), content=TEXT[start:end],
                 source=Party(source), cue=cue, id=cid,
                 spans={"source": [(src, src + len(source))], "cue": [(c, c + len(cue))], "content": [(start, end)]})


def test_report_that_opens_with_another_attribution_relays_it():
    outer = _claim("outer", "The Valley Post", "reported", "that engineers")
    inner = _claim("inner", "engineers", "told", "that the dam")
    mayor = _claim("mayor", "The mayor", "said", "the dam,", "had cracked")
    called = _claim("called", "engineers called", "called", "unsafe", "unsafe")
    found = relay_wrappers([outer, inner, mayor, called])
    # the mayor's claim holds another attribution, but does not open with it: a claim of its own
    assert {k: v.id for k, v in found.items()} == {"outer": "inner"}
    other_doc = _claim("elsewhere", "engineers", "told", "that the dam", doc="e")
    assert relay_wrappers([outer, other_doc]) == {}


def test_a_relaying_report_takes_the_relayed_claims_proposition():
    outer = _claim("outer", "The Valley Post", "reported", "that engineers")
    inner = _claim("inner", "engineers", "told", "that the dam")
    assignment, props = group_claims([outer, inner], {})
    assert assignment["outer"] == assignment["inner"]
    assert [sorted(p.claim_ids) for p in props] == [["inner", "outer"]]
