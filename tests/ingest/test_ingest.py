"""Ingest: every input gives an article or one clear error; offsets always point into the original text."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from claimledger.ingest import iter_inputs
from claimledger.ingest.plain import guess_outlet, guess_title, read_plain
from claimledger.model import Article, IngestError

PLAIN = """Flood barrier fails in river town, council says
The Valley Courier
Mar 12, 2024

ARTICLE AD BOX
About 400 homes were flooded on Monday after a barrier gave way, the town council said.
Advertisement
Loading...
The regional water board denied that the barrier had been poorly maintained.
Previous Article
"""

PAGE = """<!doctype html><html><head><title>Harbour crane collapses | Portside News</title>
<meta property="og:site_name" content="Portside News">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour crane collapses</h1>
<p>A crane collapsed at the container terminal on Thursday, injuring at least three workers, the port operator said.</p>
<p>The operator said about 40 ships were waiting to be unloaded while the berth stays closed for inspection.</p>
</article><footer>Copyright 2024 Portside News</footer></body></html>"""


def one(path) -> Article | IngestError:
    items = list(iter_inputs([str(path)], timeout=5))
    assert len(items) == 1, items
    return items[0]


def test_plain_text_title_date_outlet_and_furniture(tmp_path):
    f = tmp_path / "flood.txt"
    f.write_text(PLAIN, encoding="utf-8")
    a = one(f)
    assert isinstance(a, Article)
    assert a.title == "Flood barrier fails in river town, council says"
    assert a.published == "2024-03-12"
    assert a.outlet == "The Valley Courier"
    ignored = [a.text[s:e] for s, e in a.ignored]
    for line in ("ARTICLE AD BOX", "Advertisement", "Loading...", "Previous Article"):
        assert line in ignored
    # offsets stay valid: the analysed text has the same length and the claims' words in place
    analysed = a.analysis_text()
    assert len(analysed) == len(a.text)
    start = a.text.index("About 400 homes")
    assert analysed[start:start + 15] == "About 400 homes"
    assert "Advertisement" not in analysed and "Loading" not in analysed


def test_analysis_text_reads_no_break_spaces_as_plain_ones():
    a = Article(id="a", text="About\u00a0400 homes \u2015\u202fsaid Ana")
    assert a.analysis_text() == "About 400 homes \u2015 said Ana"
    assert a.text == "About\u00a0400 homes \u2015\u202fsaid Ana"  # the stored text keeps its characters


def test_title_needs_a_headline_like_first_line():
    assert guess_title("The council met on Monday and decided to close the road for repairs.\nMore text.", []) is None
    assert guess_title("Is the bridge safe?\n\nEngineers disagree.", []) == "Is the bridge safe?"


@pytest.mark.parametrize("text, outlet", [
    ("Storm hits coast\nBy Jo Park | The Shore Times\n\nThe storm hit at noon, officials said.", "The Shore Times"),
    ("LISBON (Atlantic Press) - Ministers met on Monday.", "Atlantic Press"),
    ("Ministers met.\n\n\u00a9 2024 Meridian Daily. All rights reserved.", "Meridian Daily"),
    ("Storm hits coast\nBy Jo Park, Asia correspondent\n\nThe storm hit at noon.", None),
    # a dateline on a line of its own, with its date; a byline with the date after the paper
    ("Ferry sinks\n\nBy Li Na\nHANOI, Monday, 6 May 2024 (Delta Dispatch)\n\nA ferry sank.", "Delta Dispatch"),
    ("Ferry sinks\n\nBy Li Na | The River Post | 6 May 2024\n\nA ferry sank.", "The River Post"),
    # a section label is not the paper
    ("Ferry sinks\n\nANALYSIS\nBy Li Na | The River Post\n\nA ferry sank.", "The River Post"),
    # two authors; a masthead in capitals with its section above a headline opening with a quote
    ("Ferry sinks\n\nBy Li Na and Tom Hale | The River Post\n\nA ferry sank.", "The River Post"),
    ("THE RIVER POST - Interviews\n\n\"We saw it sink\": a pilot on the ferry disaster\n\nA ferry sank.",
     "The River Post"),  # written as running text writes it
])
def test_outlet_named_in_the_text(text, outlet):
    title, _, found, _ = read_plain(text)
    assert found == outlet


def test_a_masthead_in_capitals_is_the_paper_and_the_headline_comes_below_it():
    text = ("THE LAKESIDE COURIER\nOpinion | Transport\nMonday 4 March 2024\n\n"
            "Ten days after the crash, the ferry line still has questions to answer\n\nBy Ana Ruiz\n\n"
            "The ferry that ran aground on the lake last week was carrying more people than its licence allowed, "
            "according to the port authority, which said 212 passengers were on board.\n")
    title, published, outlet, _ = read_plain(text)
    assert title == "Ten days after the crash, the ferry line still has questions to answer"
    assert outlet == "The Lakeside Courier"  # not the section line "Opinion | Transport"
    assert published == "2024-03-04"

    # a paper whose name ends in a role word is still the paper when its name stands in capitals on top
    _, _, outlet, _ = read_plain(text.replace("THE LAKESIDE COURIER", "THE LAKESIDE CORRESPONDENT"))
    assert outlet == "The Lakeside Correspondent"


def test_a_line_wrapped_out_of_the_first_paragraph_is_no_headline():
    text = ("THE LAKESIDE COURIER\nMonday 4 March 2024\n\nFerry line faces questions\n\n"
            "The ferry that ran aground on the lake last week was carrying more people than its licence\n"
            "allowed, according to the port authority, which said 212 passengers were on board.\n")
    title, _, outlet, _ = read_plain(text)
    assert title == "Ferry line faces questions"  # not the longer first line of the body
    assert outlet == "The Lakeside Courier"
    # short lines stacked under a masthead are still headlines, whatever the paragraph below them says
    text = ("HARBOUR HOUR\nA Lakeside Radio podcast about the ferry\nRecorded Monday. Edited for length.\n\n"
            "HOST: Good evening. The ferry that ran aground last week was carrying too many people, we hear.\n")
    title, _, outlet, _ = read_plain(text)
    assert title == "A Lakeside Radio podcast about the ferry"
    assert outlet == "Harbour Hour"


def test_a_masthead_in_capitals_with_its_section_opening_the_page_is_the_paper():
    text = ("KESTREL NEWS | LIVE\nStorm updates: coast road closed as waves break over the wall\n\n"
            "Monday 4 March 2024 | Live reporting by Ana Ruiz\nPosts appear oldest first.\n\n"
            "09:10 - The coast road was closed overnight, police said, after waves broke over the sea wall.\n")
    _, _, outlet, _ = read_plain(text)
    assert outlet == "Kestrel News"  # not skipped as a breadcrumb of sections
    # sections alone in capitals name no paper
    _, _, outlet, _ = read_plain(text.replace("KESTREL NEWS | LIVE", "WORLD | LIVE"))
    assert outlet != "World"


def test_a_one_word_masthead_the_text_names_is_the_paper_and_readers_asking_us_are_not():
    text = ("LAKEWATCH\n\nFerry crash: a hidden toll, a forged manifest and a\nmissing captain\n\n"
            "By Ana Ruiz | Monday 4 March 2024\n\n"
            "Readers asked us to check three claims about the ferry that sank on the lake last week, and\n"
            "Lakewatch traced the first one to an old video from another country.\n")
    title, _, outlet, _ = read_plain(text)
    assert outlet == "Lakewatch"
    assert title == "Ferry crash: a hidden toll, a forged manifest and a"  # not the body's first line
    # a one-word label the text never names is a section, and whoever asked us is no outlet
    _, _, outlet, _ = read_plain(text.replace("Lakewatch traced", "we traced"))
    assert outlet is None


def test_a_headline_in_capitals_stays_the_headline():
    title, _, _, _ = read_plain("FERRY RUNS AGROUND ON LAKE\n\nA ferry ran aground on Monday with 212 people "
                                "on board, the port authority said, and all of them were brought ashore.\n")
    assert title == "FERRY RUNS AGROUND ON LAKE"


def test_a_press_release_is_its_issuers_with_its_dateline_date():
    text = ("FOR IMMEDIATE RELEASE\n\nLakeline Ferries sets up a fund for passengers\n\n"
            "PORT ELLIS, Westland, May 6, 2024 -- Lakeline Ferries today announced a fund of $2 million for the "
            "passengers of the Marlin and their families, to be paid out over the coming year.\n\n"
            "About Lakeline Ferries\n\nLakeline Ferries runs eleven ferries on four lakes and employs about "
            "900 people.\n\nMedia contact: press@lakeline.example\n\n###\n")
    title, published, outlet, _ = read_plain(text)
    assert title == "Lakeline Ferries sets up a fund for passengers"
    assert published == "2024-05-06"
    assert outlet == "Lakeline Ferries"


def test_an_about_line_without_its_paragraph_names_no_issuer():
    assert guess_outlet("Storm hits coast\n\nThe storm hit at noon, officials said.\n\nAbout the author\n\n"
                        "Jo Park writes on weather.") is None


def test_no_outlet_is_invented():
    assert guess_outlet("Rain fell all week. Farmers said the harvest was late.") is None


def test_latin1_file_is_read_with_a_warning(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("The caf\xe9 owner said 40 houses were damaged, a loss of \xa32 million.\n".encode("latin-1"))
    a = one(f)
    assert isinstance(a, Article)
    assert "caf\u00e9" in a.text and "\u00a32 million" in a.text
    assert any("not UTF-8" in w for w in a.warnings)


def test_utf16_with_bom(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("\ufeffThe mayor said 12 bridges were closed.".encode("utf-16-le"))
    a = one(f)
    assert isinstance(a, Article) and a.text.startswith("The mayor said 12")


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x00\x01\x02\x03PK\x03\x04\xff\xfe" * 100, "binary file, not text"),
    ("empty.html", b"<html><body><nav>Home</nav></body></html>", "no article text found in the HTML"),
    ("ads.txt", b"Advertisement\nLoading...\n", "no article text"),
])
def test_bad_files_give_one_clear_error(tmp_path, name, data, reason):
    f = tmp_path / name
    f.write_bytes(data)
    err = one(f)
    assert isinstance(err, IngestError)
    assert err.input == str(f) and reason in err.reason


def test_oversized_file_is_refused_before_reading(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"The minister said the road was open. " * 30_000)  # ~1.1 MB
    items = list(iter_inputs([str(f)], max_bytes=1_000_000))
    assert isinstance(items[0], IngestError)
    assert items[0].reason == "file is 1.1 MB, over the 1 MB limit (--max-mb)"


def test_missing_path(tmp_path):
    err = one(tmp_path / "nope.txt")
    assert isinstance(err, IngestError) and err.reason == "no such file or folder"


def test_folder_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("The mayor said the bridge was closed.")
    (tmp_path / "b" / "c" / "d.txt").write_text("The police said two roads were shut.")
    (tmp_path / "b" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("Secret draft that is not an input.")
    paths = [a.path for a in iter_inputs([str(tmp_path)])]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c" / "d.txt")]


def test_jsonl_one_article_per_line_and_bad_lines(tmp_path):
    f = tmp_path / "batch.jsonl"
    good = {"text": "The mayor said 12 bridges were closed.", "title": "Bridges shut", "outlet": "City Wire",
            "published": "2024-02-01T10:00:00Z", "url": "https://example.org/bridges"}
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n\n")
    items = list(iter_inputs([str(f)]))
    assert len(items) == 3
    a, bad_json, no_text = items
    assert isinstance(a, Article)
    assert (a.title, a.outlet, a.published, a.url, a.path) == (
        "Bridges shut", "City Wire", "2024-02-01", "https://example.org/bridges", f"{f}#1")
    assert isinstance(bad_json, IngestError) and bad_json.input == f"{f}#2" and "not valid JSON" in bad_json.reason
    assert isinstance(no_text, IngestError) and no_text.input == f"{f}#3" and '"text"' in no_text.reason


def test_html_through_trafilatura(tmp_path):
    f = tmp_path / "crane.html"
    f.write_text(PAGE, encoding="utf-8")
    a = one(f)
    assert isinstance(a, Article), a
    assert a.fmt == "html"
    assert a.title.startswith("Harbour crane collapses")
    assert a.outlet == "Portside News"
    assert a.published == "2024-05-02"
    assert "at least three workers" in a.text and "Home" not in a.text


def test_same_text_same_id(tmp_path):
    (tmp_path / "x.txt").write_text("The mayor said 12 bridges were closed.")
    (tmp_path / "y.txt").write_text("The mayor said 12 bridges were closed.")
    a, b = iter_inputs([str(tmp_path)])
    assert a.id == b.id


class _Server(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/story":
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    srv = HTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


def test_url_fetched_and_errors_named(server):
    ok, missing, unreachable = iter_inputs(
        [f"{server}/story", f"{server}/gone", "http://127.0.0.1:9/closed-port"], timeout=3)
    assert isinstance(ok, Article) and ok.fmt == "url" and ok.url.endswith("/story")
    assert "at least three workers" in ok.text
    assert isinstance(missing, IngestError) and missing.reason.startswith("could not fetch: HTTP 404")
    assert isinstance(unreachable, IngestError) and unreachable.reason.startswith("could not fetch")
