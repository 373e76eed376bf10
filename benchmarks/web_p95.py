#!/usr/bin/env python3
"""Web app latency on a generated ledger of 100k claims: p50/p95 of proposition pages and searches.

    .venv/bin/python benchmarks/web_p95.py [--claims 100000] [--requests 200]

Generates a ledger (the real schema, via LedgerStore, rows bulk-inserted: documents, propositions of
20-200 claims with summaries, claims with figures, the full-text index filled by its triggers), serves
it with uvicorn on a free loopback port in this process, and times HTTP requests with httpx:
proposition pages (random, plus the biggest), searches of one or two words (a quarter with a filter).
Target (issue #7): p95 < 150 ms for both. The other pages (landing page, filters without words,
lists, an article) are timed too and printed without a target.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

WORDS = ("troops soldiers border ships harbour ministry spokesman convoy missiles drones artillery shells "
         "factory workers ceasefire talks sanctions embassy envoy officials analysts satellite images brigade "
         "battalion region front village bridge railway fuel grain exports prices strike protest election "
         "court ruling parliament budget deficit loan bank currency inflation hospital patients vaccine").split()
VERBS = "said reported denied confirmed estimated claimed warned suggested".split()
STANCES = ("asserts", "denies", "hedges")


def sentence(rng: random.Random) -> tuple[str, str]:
    words = rng.sample(WORDS, 9)
    content = f"about {rng.randint(2, 90) * 100:,} {words[0]} were moved near the {words[1]} of {words[2]} " \
              f"after {words[3]} and {words[4]} {words[5]}"
    return content, f"Officials {rng.choice(VERBS)} that {content}, according to {words[6]} {words[7]}."


def generate(db: Path, n_claims: int, seed: int = 7) -> list[str]:
    """A ledger of ``n_claims`` claims; returns the proposition ids, biggest first."""
    from claimledger.store import LedgerStore

    rng = random.Random(seed)
    store = LedgerStore(db)
    con = store.db
    n_docs = max(1, n_claims // 50)
    outlets = [f"Outlet {i}" for i in range(60)]
    sources = [f"Source {i} {rng.choice(WORDS).title()}" for i in range(800)]
    docs = []
    for i in range(n_docs):
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        docs.append((f"d{i:08d}", f"gen/{i}.txt", None, rng.choice(outlets), f"Generated article {i}", day, "en",
                     "txt", "x" * 400, "[]", "2025-01-01T00:00:00"))
    con.executemany("INSERT INTO documents(id, path, url, outlet, title, published, language, format, text, "
                    "ignored, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", docs)
    sizes = []
    left = n_claims
    while left > 0:
        size = min(left, rng.randint(20, 200))
        sizes.append(size)
        left -= size
    sizes.sort(reverse=True)
    pids = [f"p{i:08d}" for i in range(len(sizes))]
    claims, figures, props = [], [], []
    k = 0
    for pid, size in zip(pids, sizes, strict=True):
        items = []
        for _ in range(size):
            content, sent = sentence(rng)
            doc = docs[rng.randrange(n_docs)]
            cid = f"c{k:09d}"
            stance = rng.choice(STANCES)
            source = rng.choice(sources)
            claims.append((cid, doc[0], sent, 0, len(sent), content, source, source, "org", json.dumps([]),
                           "said", stance, "indirect", doc[5] if rng.random() < 0.4 else None, "{}", pid, cid))
            value = float(content.split()[1].replace(",", ""))
            figures.append((cid, value, None, None, "approx", content.split()[2], content.split()[1] + "", 0, 5))
            if len(items) < 60:
                items.append({"claim_id": cid, "origin_id": cid, "text": f"about {value:,.0f}", "kind": "approx",
                              "value": value, "low": None, "high": None, "unit": content.split()[2],
                              "source": source, "via": [], "outlet": doc[3], "date": doc[5], "stance": stance})
            k += 1
        summary = {"claims": size, "origins": size, "documents": size, "outlets": outlets[:5],
                   "stances": {s: size // 3 for s in STANCES}, "stances_by_origin": {s: size // 3 for s in STANCES},
                   "figures": {"unit": items[0]["unit"], "count": len(items), "min": 200, "max": 9000,
                               "median": 4500, "items": items},
                   "conflict": {"flag": True, "reasons": ["figures disagree beyond their hedges"]},
                   "timeline": [{"date": i["date"], "claim_ids": [i["claim_id"]], "stances": {i["stance"]: 1},
                                 "figures": [i["text"]]} for i in sorted(items, key=lambda i: i["date"])[:40]]}
        props.append((pid, f"How many {items[0]['unit']}? (generated question {pid})", items[0]["unit"],
                      json.dumps(summary)))
    with con:
        con.executemany("INSERT INTO propositions(id, label, unit, summary) VALUES (?,?,?,?)", props)
        con.executemany("INSERT INTO claims(id, document_id, sentence, sentence_start, sentence_end, content, "
                        "source_text, source_entity, source_kind, via, cue, stance, kind, claim_date, spans, "
                        "proposition_id, origin_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claims)
        con.executemany("INSERT INTO figures(claim_id, value, low, high, kind, unit, text, start, end) "
                        "VALUES (?,?,?,?,?,?,?,?,?)", figures)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return pids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def time_other_pages(client, rng: random.Random, pids: list[str], n: int) -> dict[str, list[float]]:
    """The pages around search: the landing page, filters without words, the lists, an article."""
    pages = {
        "home, no words": lambda: ("/", {}),
        "source filter, no words": lambda: ("/", {"source": f"Source {rng.randrange(800)} x"}),
        "date range + stance": lambda: ("/", {"date_from": "2025-03-01", "date_to": "2025-03-31",
                                              "stance": rng.choice(STANCES)}),
        "proposition filter + words": lambda: ("/", {"proposition": rng.choice(pids), "q": rng.choice(WORDS)}),
        "propositions list": lambda: ("/propositions", {"page": rng.randint(1, 10)}),
        "articles list": lambda: ("/articles", {"page": rng.randint(1, 10)}),
        "article": lambda: (f"/a/d{rng.randrange(100):08d}", {}),
    }
    timings: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(n):
        for name, make in pages.items():
            url, params = make()
            t = time.perf_counter()
            r = client.get(url, params=params)
            timings[name].append(time.perf_counter() - t)
            assert r.status_code == 200, (url, r.status_code)
    return timings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    args = ap.parse_args()

    import httpx
    import uvicorn

    from claimledger.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        t0 = time.perf_counter()
        pids = generate(db, args.claims)
        print(f"generated {args.claims} claims, {len(pids)} propositions in {time.perf_counter() - t0:.1f} s")
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        rng = random.Random(11)
        base = f"http://127.0.0.1:{port}"
        timings: dict[str, list[float]] = {"proposition page": [], "search": []}
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(10):  # warm up: connections, templates, SQLite page cache
                client.get(f"/p/{rng.choice(pids)}")
                client.get("/", params={"q": rng.choice(WORDS)})
            for n in range(args.requests):
                pid = pids[0] if n % 10 == 0 else rng.choice(pids)  # the biggest one every tenth time
                t = time.perf_counter()
                r = client.get(f"/p/{pid}")
                timings["proposition page"].append(time.perf_counter() - t)
                assert r.status_code == 200, r.status_code
                params = {"q": " ".join(rng.sample(WORDS, rng.choice((1, 1, 2))))}
                if n % 4 == 0:
                    params[rng.choice(("stance", "outlet"))] = rng.choice(STANCES) if n % 8 == 0 else "Outlet 3"
                t = time.perf_counter()
                r = client.get("/", params=params)
                timings["search"].append(time.perf_counter() - t)
                assert r.status_code == 200, r.status_code
            others = time_other_pages(client, rng, pids, max(20, args.requests // 5))
        server.should_exit = True
        thread.join(timeout=10)
    ok = True
    for name, values in timings.items():
        p50, p95 = percentile(values, 0.5) * 1000, percentile(values, 0.95) * 1000
        passed = p95 < 150
        ok &= passed
        print(f"{name:17s} n={len(values)}  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
              f"{'PASS' if passed else 'FAIL'} (p95 < 150 ms)")
    print(f"mean search {statistics.mean(timings['search']) * 1000:.1f} ms")
    print("other pages (informative, no target):")
    for name, values in others.items():
        print(f"  {name:28s} n={len(values)}  p50 {percentile(values, 0.5) * 1000:6.1f} ms  "
              f"p95 {percentile(values, 0.95) * 1000:6.1f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
