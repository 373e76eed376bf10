"""The command line end to end: analyze, export, demo, exit codes, bad inputs."""

from __future__ import annotations

import csv
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

runner = CliRunner()

ARTICLE_A = """Harbour strike spreads to second port
The Coastal Chronicle
March 4, 2024

About 3,000 dock workers walked off the job on Monday, the Dockers' Union said in a statement.

Advertisement

The port authority denied that the strike had halted shipping. \u201cCargo is moving as normal,\u201d \
its director, Paula Marsh, told reporters.
"""

ARTICLE_B = """Port strike: union says numbers growing
Bay Times
March 5, 2024

As many as 5,000 dock workers have now joined the strike, union leader Omar Reyes told the Bay Times.

Reyes said the walkout could last for weeks.
"""


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def analyze(*args):
    return runner.invoke(app, ["analyze", *map(str, args)], catch_exceptions=False)


def test_analyze_then_export_json_and_csv(corpus, tmp_path):
    db = tmp_path / "l.db"
    res = analyze(corpus, "--db", db)
    assert res.exit_code == 0, res.output
    assert "Paula Marsh" in res.stdout
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "json", "--include-text"])
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["schema"] == "claimledger/ledger@1"
    assert len(data["documents"]) == 2
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for claim in data["claims"]:
        text = texts[claim["document_id"]]
        content = claim["spans"]["content"]
        pairs = [content] if isinstance(content[0], int) else content
        for a, b in pairs:  # offsets point into the original text
            assert text[a:b] in claim["content"]
    figures = [(f["value"], f["kind"]) for c in data["claims"] for f in c["figures"]]
    assert (3000, "approx") in figures and (5000, "upper") in figures
    denial = [c for c in data["claims"] if c["stance"] == "denies"]
    assert denial and "port authority" in denial[0]["source"]["text"]
    strike = [c for c in data["claims"] if c["figures"] and c["figures"][0]["unit"] == "dock workers"]
    assert len({c["proposition_id"] for c in strike}) == 1  # the same question groups across outlets
    relayed = [c for c in data["claims"] if c["source"] and c["source"]["entity"] == "Omar Reyes"]
    assert relayed and any(v["text"] == "the Bay Times" for c in relayed for v in c["via"])

    out = tmp_path / "l.csv"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == len(data["claims"])


def test_reanalyze_adds_nothing(corpus, tmp_path):
    db = tmp_path / "l.db"
    analyze(corpus, "--db", db, "--quiet")
    first = json.loads(runner.invoke(app, ["export", "--db", str(db)]).stdout)
    res = analyze(corpus, "--db", db)
    assert res.exit_code == 0
    assert "2 already in the ledger" in res.output
    again = json.loads(runner.invoke(app, ["export", "--db", str(db)]).stdout)
    assert again == first


class _Page(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_bad_inputs_are_reported_and_the_rest_goes_on(corpus, tmp_path):
    db = tmp_path / "l.db"
    analyze(corpus / "a.txt", "--db", db, "--quiet")
    before = json.loads(runner.invoke(app, ["export", "--db", str(db)]).stdout)

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    (bad / "latin1.txt").write_bytes("The caf\xe9 owner in Orl\xe9ans said 40 houses had been "
                                     "destroyed, a loss of \xa32 million.\n".encode("latin-1"))
    (bad / "big.txt").write_text("The minister said the road was open. " * 40_000)  # ~1.5 MB
    (bad / "empty.html").write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    (bad / "long.txt").write_text("The harbour master said six ferries were late. " * 300)  # ~14,000 characters
    server = HTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/story"
    try:
        res = analyze(bad / "empty.txt", bad / "binary.txt", bad / "latin1.txt", bad / "big.txt",
                      bad / "empty.html", bad / "long.txt", tmp_path / "missing.txt", url,
                      corpus / "sub" / "b.txt", "--db", db, "--max-mb", "1", "--max-chars", "10000")
    finally:
        server.shutdown()
    assert res.exit_code == 1
    out = res.output
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"), ("big.txt", "limit"),
                         ("empty.html", "no article text"), ("long.txt", "too long for one article"),
                         ("missing.txt", "no such file"), (url, "404")]:
        line = next((ln for ln in out.splitlines() if name in ln and reason in ln.lower()), None)
        assert line is not None, f"no line naming {name} with {reason!r} in:\n{out}"
    assert "latin1.txt" in out and "decoded as" in out  # read, with a warning
    after = json.loads(runner.invoke(app, ["export", "--db", str(db)]).stdout)
    old_ids = {c["id"] for c in before["claims"]}
    assert old_ids <= {c["id"] for c in after["claims"]}  # nothing lost
    assert {d["path"] for d in after["documents"]} >= {str(corpus / "a.txt"), str(corpus / "sub" / "b.txt")}


def test_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["analyze"]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "none.db")]).exit_code == 2
    assert runner.invoke(app, ["export", "--format", "xml"]).exit_code == 2


def test_demo_runs(tmp_path):
    res = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db")], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "Peskov" in res.stdout


def test_python_api(corpus, tmp_path):
    import claimledger

    ledger = claimledger.analyze([corpus], db=tmp_path / "api.db")
    assert len(ledger.documents) == 2
    assert ledger.propositions and all(ledger.claims_of(p) for p in ledger.propositions)
    assert ledger.to_json()["schema"] == "claimledger/ledger@1"
    assert claimledger.open_ledger(tmp_path / "api.db").claims == ledger.claims


def test_killed_run_leaves_a_usable_ledger_and_a_rerun_completes_it(tmp_path):
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(16):
        body = (ARTICLE_A + "\n") * 6 + f"\nThe union said {100 + i} more workers joined on day {i}.\n"
        (folder / f"{i:02d}.txt").write_text(body, encoding="utf-8")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "claimledger.cli", "analyze", str(folder), "--db", str(db), "--quiet",
           "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while proc.poll() is None and time.time() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db) as con:
                    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 2:
                proc.send_signal(signal.SIGKILL)
                break
        time.sleep(0.02)
    assert proc.wait() == -signal.SIGKILL, "the run finished before it could be killed"
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        # every stored document has its claims: no half-written article
        orphans = con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                              "(SELECT 1 FROM claims c WHERE c.document_id = d.id)").fetchone()[0]
    assert docs >= 2 and orphans == 0
    res = analyze(folder, "--db", db, "--quiet")
    assert res.exit_code == 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 16


def test_attributions_command_shows_spans(corpus):
    res = runner.invoke(app, ["attributions", str(corpus / "sub" / "b.txt"), "--json"])
    assert res.exit_code == 0, res.output
    rels = json.loads(res.stdout)
    text = (corpus / "sub" / "b.txt").read_text(encoding="utf-8")
    reyes = next(r for r in rels if r["cue"] == "told")
    s, e = reyes["spans"]["source"]
    assert text[s:e] == "union leader Omar Reyes"
    assert [v["entity"] for v in reyes["via"]] == ["Bay Times"]
    c0, c1 = reyes["spans"]["content"]
    assert text[c0:c1].startswith("As many as 5,000 dock workers")
    res = runner.invoke(app, ["attributions", str(corpus / "sub" / "b.txt")])
    assert res.exit_code == 0 and "Omar Reyes" in res.stdout
    assert runner.invoke(app, ["attributions", str(corpus / "nope.txt")]).exit_code == 1


def test_check_on_the_demo_corpus(tmp_path):
    db = tmp_path / "demo.db"
    assert runner.invoke(app, ["demo", "--db", str(db), "--quiet"]).exit_code == 0
    res = runner.invoke(app, ["check", "North Korea has sent troops to Russia", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    by_source: dict[str, set[str]] = {}
    for row in data["evidence"]:
        by_source.setdefault((row["source"] or {}).get("entity"), set()).add(row["stance_toward_claim"])
    assert by_source["Dmitry Peskov"] == {"denies"}  # "dismissed the report as fake news"
    assert by_source["National Intelligence Service"] == {"supports"}
    summary = data["summary"]
    assert summary["origins"]["supports"] <= summary["claims"]["supports"]  # echoes counted once
    res = runner.invoke(app, ["check", "North Korea has sent troops to Russia", "--db", str(db)])
    assert res.exit_code == 0 and "Origins" in res.stdout


def test_stance_batch_command(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join([
        json.dumps({"id": 1, "claim": "The bridge has collapsed", "text": "Officials deny bridge collapse as fake"}),
        "{broken",
        json.dumps({"id": "b", "claim": "The bridge has collapsed", "text": "Bridge collapses after storm"}),
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["stance", "--input", str(pairs), "-o", str(out), "--fast"])
    assert res.exit_code == 1  # one bad line, named
    assert "line 2" in res.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == [1, "b"]
    assert all(r["stance"] in {"supports", "denies", "reports"} for r in rows)
    assert rows[0]["stance"] == "denies"
