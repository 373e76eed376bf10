"""The local web app: search, filters, pages, escaping, read-only."""

from __future__ import annotations

import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from claimledger.ledger import analyze
from claimledger.web import create_app
from claimledger.web.app import highlighted
from claimledger.web.queries import Filters, LedgerReader, fts_query

HOSTILE = (
    "Ferry <script>alert('t')</script> halted\n"
    "Bay <b>Times</b>\n"
    "May 2, 2025\n\n"
    "The ferry operator said on Friday that <img src=x onerror=alert(1)> 12 crossings were cancelled. "
    "A union spokesman denied that any crew had refused to sail.\n"
)
PLAIN = (
    "Storm closes the northern harbour\nCoast Radio\nMay 1, 2025\n\n"
    "The harbour master said the northern harbour would stay closed until Monday. "
    "Fishermen said about 40 boats were stuck inside the harbour.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    (folder / "ferry.txt").write_text(HOSTILE)
    (folder / "storm.txt").write_text(PLAIN)
    analyze([folder / "ferry.txt", folder / "storm.txt"], db=folder / "l.db", workers=1)
    return folder / "l.db"


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def test_fts_query_quotes_every_word():
    assert fts_query('boats "AND" *') == '"boats" AND "AND"*'
    assert fts_query('" * -') == ""


def test_search_finds_words_and_survives_fts_syntax(client):
    page = client.get("/", params={"q": "boats"})
    assert page.status_code == 200 and "about 40 boats" in page.text and "crossings were cancelled" not in page.text
    for hostile in ['"', "AND", "*", "NEAR(", "boats OR"]:
        assert client.get("/", params={"q": hostile}).status_code == 200


def test_filters_narrow_the_results(client):
    assert "about 40 boats" not in client.get("/", params={"stance": "denies"}).text
    assert "any crew had refused" in client.get("/", params={"stance": "denies"}).text
    assert "about 40 boats" not in client.get("/", params={"outlet": "Bay <b>Times</b>"}).text
    assert "about 40 boats" in client.get("/", params={"outlet": "Coast Radio"}).text
    assert "about 40 boats" not in client.get("/", params={"date_from": "2025-05-02"}).text
    assert "about 40 boats" in client.get("/", params={"date_to": "2025-05-01"}).text
    assert "about 40 boats" in client.get("/", params={"source": "Fishermen"}).text
    assert "about 40 boats" not in client.get("/", params={"source": "nobody at all"}).text


def test_article_and_title_html_show_as_text(client):
    pages = [client.get("/"), client.get("/articles")]
    doc_id = re.search(r'href="/a/([0-9a-f]+)"[^>]*>Ferry', pages[1].text).group(1)
    pages.append(client.get(f"/a/{doc_id}"))
    pages += [client.get(f"/p/{pid}") for pid in re.findall(r'href="/p/([^"]+)"', client.get("/propositions").text)]
    pages.append(client.get("/check", params={"claim": "<script>alert(1)</script> crossings were cancelled"}))
    pages.append(client.get("/", params={"q": "<img src=x onerror=alert(1)>", "source": "<script>alert(2)</script>"}))
    # the parser reads the tag as a claim, so a proposition is labelled with it: it must show as text
    assert len(pages) >= 6 and any("&lt;img src=x onerror=alert(1)&gt;</h1>" in p.text for p in pages[3:-2])
    for page in pages:
        assert "<script>alert" not in page.text and "<img src=x" not in page.text and "<b>Times" not in page.text
        assert "<script" not in page.text.lower()  # the app itself ships no script either
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[2].text
    assert "<mark" in pages[2].text  # claims highlighted in the article


def test_proposition_page_and_404s(client, db):
    listing = client.get("/propositions")
    pid = re.search(r'href="/p/([^"]+)"', listing.text).group(1)
    page = client.get(f"/p/{pid}")
    assert page.status_code == 200 and "claim-" in page.text
    assert client.get("/p/not-there").status_code == 404
    assert client.get("/a/not-there").status_code == 404


def test_check_form_answers(client):
    page = client.get("/check", params={"claim": "the crew refused to sail"})
    assert page.status_code == 200 and "denies" in page.text
    assert client.get("/check").status_code == 200


def test_the_app_cannot_write_the_ledger(db):
    reader = LedgerReader(db)
    with pytest.raises(sqlite3.OperationalError):
        reader.db.execute("DELETE FROM claims")
    rows, more = reader.search(Filters(q="harbour"))
    assert rows and not more


def test_highlighting_escapes_and_marks_each_sentence_once():
    text = "A <b> said x. B said y."
    claims = [{"id": "c1", "sentence_start": 0, "sentence_end": 13},
              {"id": "c2", "sentence_start": 0, "sentence_end": 13},
              {"id": "c3", "sentence_start": 14, "sentence_end": 23}]
    html = str(highlighted(text, claims))
    assert html.count("<mark") == 2 and "&lt;b&gt;" in html and 'href="#claim-c3"' in html


def test_missing_ledger_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "none.db")


def test_search_pages_keep_the_filters(client, monkeypatch):
    import html

    import claimledger.web.queries as queries

    monkeypatch.setattr(queries, "PAGE", 1)
    first = client.get("/", params={"q": "harbour", "stance": "asserts"})
    link = html.unescape(re.search(r'rel="next" href="\?([^"]+)"', first.text).group(1))
    assert "stance=asserts" in link and "q=harbour" in link and link.endswith("page=2")
    second = client.get("/?" + link)
    ids = [re.findall(r'id="claim-([^"]+)"', p.text) for p in (first, second)]
    assert len(ids[0]) == len(ids[1]) == 1 and ids[0] != ids[1]


def test_unknown_paths_and_bad_values_get_html_pages(client):
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and "Not found" in missing.text and "<nav>" in missing.text
    bad = client.get("/", params={"page": "zero"})
    assert bad.status_code == 400 and "page" in bad.text


def test_stylesheet_is_served_locally(client):
    home = client.get("/")
    assert 'href="/static/style.css"' in home.text and "//cdn" not in home.text
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"] and "@media" in css.text


def test_proposition_filter_and_search_within(client):
    listing = client.get("/propositions").text
    pids = re.findall(r'href="/p/([^"]+)"', listing)
    for pid in pids:
        page = client.get(f"/p/{pid}").text
        claim_ids = set(re.findall(r'id="claim-([^"]+)"', page))
        found = set(re.findall(r'id="claim-([^"]+)"', client.get("/", params={"proposition": pid}).text))
        assert claim_ids and found == claim_ids


def test_check_narrows_big_ledgers_by_words(db, monkeypatch):
    import claimledger.web.app as web_app

    monkeypatch.setattr(web_app, "CHECK_ALL_UP_TO", 1)
    monkeypatch.setattr(web_app, "CHECK_CANDIDATES", 1)
    page = TestClient(create_app(db)).get("/check", params={"claim": "boats stuck in the harbour"})
    assert page.status_code == 200 and "checked the 1 claims sharing most words" in page.text
    assert "about 40 boats" in page.text


def test_demo_proposition_page_shows_figures_conflict_and_timeline(demo_ledger):
    demo = TestClient(create_app(demo_ledger))
    listing = demo.get("/propositions").text
    pids = re.findall(r'href="/p/([^"]+)"', listing)
    assert len(pids) >= 3 and "conflict" in listing
    pages = [demo.get(f"/p/{pid}").text for pid in pids]
    assert any("Figures side by side" in p and "<svg" in p for p in pages)
    assert any("CONFLICT" in p for p in pages) and any("Timeline" in p for p in pages)
    peskov = demo.get("/", params={"q": "fake news", "stance": "denies"}).text
    assert "Peskov" in peskov


def test_check_form_on_demo_counts_origins(demo_ledger):
    page = TestClient(create_app(demo_ledger)).get("/check", params={"claim": "North Korean soldiers are in Russia"})
    assert page.status_code == 200
    counts = re.search(r'id="check-counts"(.*?)</p>', page.text, re.S).group(1)
    supports = int(re.search(r"(\d+) supports", counts).group(1))
    assert supports >= 2 and "denies" in counts
