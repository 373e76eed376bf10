"""The link stage end to end: reprints marked, echoes sharing an origin, summaries stored and exported."""

import pytest

from claimledger.ledger import analyze

WIRE = (
    "Harbour officials hold three ships over forged papers\n\n"
    "The harbour authority said on Monday that three cargo ships had been held outside the port for a week "
    "because inspectors found forged papers on board. Lena Marsh, a spokeswoman for the authority, said the "
    "ships would stay at anchor until their owners produced new certificates. Shipping analysts said the "
    "delay could cost the owners about 40,000 dollars a day in charter fees. The port handles most of the "
    "region's grain exports, and traders warned that prices could rise if the backlog grew.\n"
)
REPRINT = "Three ships held at anchor over papers\n\n" + WIRE.split("\n\n", 1)[1] + "Reporting by our staff.\n"
DENIAL = (
    "Owners reject port claims\n\n"
    "The shipping company that owns the vessels denied on Tuesday that any of its papers were forged. "
    "A company lawyer said the certificates were genuine and that the ships had been held without reason.\n"
)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "wire.txt").write_text("Published: 2025-03-03\n" + WIRE)
    (folder / "reprint.txt").write_text("Published: 2025-03-04\n" + REPRINT)
    (folder / "denial.txt").write_text("Published: 2025-03-05\n" + DENIAL)
    return analyze([folder], db=folder / "ledger.db", workers=1)


def test_reprint_is_marked_as_echo_of_the_wire_story(ledger):
    by_path = {d.path.rsplit("/", 1)[-1]: d for d in ledger.documents}
    assert by_path["reprint.txt"].echo_of == by_path["wire.txt"].id
    assert by_path["wire.txt"].echo_of is None and by_path["denial.txt"].echo_of is None


def test_claims_of_a_reprint_share_their_origin_with_the_wire_story(ledger):
    docs = {d.id: d.path.rsplit("/", 1)[-1] for d in ledger.documents}
    wire = [c for c in ledger.claims if docs[c.document_id] == "wire.txt"]
    reprint = [c for c in ledger.claims if docs[c.document_id] == "reprint.txt"]
    assert wire and len(wire) == len(reprint)
    wire_ids = {c.id for c in wire}
    assert all(c.origin_id in wire_ids for c in reprint)
    assert all(c.origin_id == c.id for c in wire)


def test_every_proposition_has_a_summary_in_the_export(ledger):
    data = ledger.to_json()
    assert data["propositions"]
    for p in data["propositions"]:
        s = p["summary"]
        assert s["claims"] == len(p["claim_ids"])
        assert s["origins"] <= s["claims"]
        assert set(s["conflict"]) == {"flag", "reasons"}
    assert any(p["summary"]["origins"] < p["summary"]["claims"] for p in data["propositions"])
    assert all("origin_id" in c for c in data["claims"])
    assert any(d["echo_of"] for d in data["documents"])


def test_a_second_run_embeds_only_the_new_claims(tmp_path, monkeypatch):
    import claimledger.link as link_stage
    from claimledger.embed import load_embedder
    from claimledger.link.propositions import vector_kind
    from claimledger.store import LedgerStore

    real = load_embedder()
    embedded: list[str] = []

    class Counting:
        kind, dim = real.kind, real.dim

        def encode(self, texts):
            embedded.extend(texts)
            return real.encode(texts)

    monkeypatch.setattr(link_stage, "load_embedder", lambda: Counting())
    (tmp_path / "wire.txt").write_text("Published: 2025-03-03\n" + WIRE)
    old_ids = {c.id for c in analyze([tmp_path / "wire.txt"], db=tmp_path / "l.db", workers=1).claims}
    first = len(embedded)
    with LedgerStore(tmp_path / "l.db") as store:
        stored = store.claim_vectors(vector_kind(real))
        assert len(stored) == store.counts()["claims"] and first >= len(stored)
        assert store.claim_vectors(real.kind) == {}  # vectors of another recipe would not be reused
    (tmp_path / "denial.txt").write_text("Published: 2025-03-05\n" + DENIAL)
    ledger = analyze([tmp_path / "denial.txt"], db=tmp_path / "l.db", workers=1)
    new_claims = [c for c in ledger.claims if c.id not in old_ids]
    assert 0 < len(embedded) - first <= 2 * len(new_claims) + 2  # content and sentence; + unit words
    assert all(c.proposition_id for c in ledger.claims)


def test_a_report_of_another_claim_shares_its_origin(tmp_path):
    (tmp_path / "relay.txt").write_text(
        "Published: 2025-03-06\nValdoria calls deployment lawful\n\n"
        "Valdoria's deputy foreign minister said on Friday that any such deployment would be in line with "
        "international law, according to the state news agency Valnews. The harbour reopened on Sunday.\n")
    result = analyze([tmp_path], db=tmp_path / "ledger.db", workers=1)
    relayed = [c for c in result.claims if "in line with international law" in c.content]
    assert len(relayed) == 2  # the minister's claim, and Valnews' report of it
    assert len({c.origin_id for c in relayed}) == 1
