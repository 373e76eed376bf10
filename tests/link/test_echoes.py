"""Echoes: wire reprints found by MinHash, and one claim carried by several outlets counted once."""

from claimledger.link.echoes import claim_origins, containment, find_echoes, signature
from claimledger.model import Article, Claim, Figure, Party

WIRE = (
    "The harbour authority said on Monday that three cargo ships had been held outside the port for a week "
    "because inspectors found forged papers on board. A spokeswoman for the authority, Lena Marsh, said the "
    "ships would stay at anchor until their owners produced new certificates. Shipping analysts said the "
    "delay could cost the owners about 40,000 dollars a day in charter fees. The port handles most of the "
    "region's grain exports, and traders warned that prices could rise if the backlog grew. Two of the "
    "ships are registered abroad, the authority added, and one of them had been stopped once before."
)
REPRINT = ("Ships held at port over forged papers\nBy Staff Writer\n\n"
           + WIRE.rsplit(" Two of the ships", 1)[0] + " More to follow.")
OTHER = (
    "The city council voted on Tuesday to close two libraries at the end of the year, citing falling visitor "
    "numbers and the cost of repairing their roofs. Residents who opposed the plan said the buildings were "
    "among the few warm public places left in their neighbourhoods, and a petition against the closures has "
    "gathered several thousand signatures since it opened last month, organisers said on Wednesday evening."
)


def test_reprint_is_an_echo_of_the_earlier_copy_and_unrelated_text_is_not():
    wire = Article(WIRE, path="wire.txt", published="2025-03-03")
    reprint = Article(REPRINT, path="reprint.txt", published="2025-03-04")
    other = Article(OTHER, path="other.txt", published="2025-03-02")
    found = find_echoes([reprint, other, wire], {}, {a.id: a.published for a in (wire, reprint, other)})
    assert found[reprint.id][1] == wire.id
    assert found[wire.id][1] is None
    assert found[other.id][1] is None


def test_echo_found_against_stored_signatures():
    wire = Article(WIRE, path="wire.txt", published="2025-03-03")
    reprint = Article(REPRINT, path="reprint.txt", published="2025-03-04")
    stored = {wire.id: signature(wire.text)}
    found = find_echoes([reprint], stored, {wire.id: wire.published, reprint.id: reprint.published})
    assert found[reprint.id][1] == wire.id


def test_containment_estimates_shared_share():
    assert containment(signature(WIRE), signature(REPRINT)) > 0.75
    assert containment(signature(WIRE), signature(OTHER)) < 0.2


def _claim(doc: str, source: Party | None, stance: str = "asserts", figures=(), via=(), start: int = 0) -> Claim:
    return Claim(document_id=doc, sentence="s", sentence_span=(start, start + 1), content=f"c{start}",
                 source=source, cue="said", stance=stance, figures=list(figures), via=list(via),
                 proposition_id="p1", spans={"content": [(start, start + 1)]})


def test_named_source_relayed_by_two_outlets_is_one_origin():
    docs = {d: Article(d, path=d, id=d, published=p) for d, p in (("a", "2025-01-01"), ("b", "2025-01-02"))}
    agency = Party("the port authority", entity="Port Authority", kind="org")
    fig = Figure(3, kind="exact", unit="ships", text="three")
    first = _claim("a", agency, figures=[fig], start=0)
    relayed = _claim("b", agency, figures=[fig], start=5)
    other_figure = _claim("b", agency, figures=[Figure(5, unit="ships", text="five")], start=9)
    origins = claim_origins([relayed, first, other_figure], docs)
    assert origins[relayed.id] == first.id == origins[first.id]
    assert origins[other_figure.id] == other_figure.id  # a different figure is a different statement


def test_unnamed_sources_in_different_outlets_stay_apart_unless_same_relay():
    docs = {d: Article(d, path=d, id=d) for d in ("a", "b", "c")}
    unnamed = Party("a senior official", kind="unknown")
    paper = Party("The Ledger Times", entity="The Ledger Times", kind="outlet")
    a = _claim("a", unnamed, start=0)
    b = _claim("b", unnamed, start=0)
    via_a = _claim("a", unnamed, via=[paper], start=3)
    via_c = _claim("c", unnamed, via=[paper], start=3)
    origins = claim_origins([a, b, via_a, via_c], docs)
    assert origins[a.id] != origins[b.id]
    assert origins[via_a.id] == origins[via_c.id]


def test_outlet_reporting_shares_an_origin_only_with_its_reprints():
    docs = {"a": Article("a", id="a"), "b": Article("b", id="b", echo_of="a"), "c": Article("c", id="c")}
    claims = [_claim(d, None, start=0) for d in ("a", "b", "c")]
    origins = claim_origins(claims, docs)
    assert origins[claims[1].id] == claims[0].id
    assert origins[claims[2].id] == claims[2].id
