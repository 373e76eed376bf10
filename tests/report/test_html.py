"""The HTML report: self-contained, escaped, every claim shown in context."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from claimledger.ledger import analyze, open_ledger
from claimledger.model import Article, Claim
from claimledger.report.html import in_context, render_report, safe_url, write_report

HOSTILE_TEXT = (
    "The harbour office said on Monday that <img src=x onerror=alert(1)> 40 ships were held at anchor. "
    "A spokesman for the shipping firm denied that any ship had been held.\n\n"
    "Dock workers said about 300 containers were waiting on the quay.\n"
)
HOSTILE = {"text": HOSTILE_TEXT, "title": "Port <script>alert('title')</script> closes",
           "outlet": "<b onmouseover=alert(2)>Wire</b>", "url": "javascript:alert(3)", "published": "2025-03-01"}
PLAIN = {"text": "The harbour office said on Tuesday that 52 ships were held at anchor.\n",
         "title": "More ships held", "outlet": "Daily", "url": "https://example.org/ships?a=1&b=2",
         "published": "2025-03-02"}
EMBED = ("script", "link", "img", "iframe", "source", "video", "audio", "object", "embed")


class Page(HTMLParser):
    """Every tag, id, anchor and event-handler attribute of a page, and external embeds."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.anchors: list[str] = []
        self.external: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        self.handlers += [k for k in attrs if k.startswith("on")]
        if tag == "a" and attrs.get("href") is not None:
            self.anchors.append(attrs["href"])
        for key in ("src", "href", "data", "srcset"):
            value = attrs.get(key)
            if tag in EMBED and value is not None and not value.startswith(("#", "data:")):
                self.external.append(value)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def hostile_ledger(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    batch = folder / "port.jsonl"
    batch.write_text("\n".join(json.dumps(d) for d in (HOSTILE, PLAIN)) + "\n")
    return analyze([batch], db=folder / "l.db", workers=1)


def test_article_html_shows_as_text(hostile_ledger):
    assert any("onerror" in c.sentence for c in hostile_ledger.claims)  # the markup reached a claim
    html = render_report(hostile_ledger, title="<i>Ships</i>")
    page = parse(html)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags and "i" not in page.tags
    assert page.handlers == []
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Port &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; closes" in html
    assert "&lt;b onmouseover=alert(2)&gt;Wire&lt;/b&gt;" in html and "&lt;i&gt;Ships&lt;/i&gt;" in html
    assert not any(a.lower().startswith("javascript:") for a in page.anchors)
    assert "https://example.org/ships?a=1&amp;b=2" in page.anchors or \
        "https://example.org/ships?a=1&b=2" in page.anchors  # a web address stays a link
    assert page.external == []


def test_safe_url_keeps_only_web_addresses():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url('https://example.org/"onmouseover=x') is None and safe_url(None) is None


def test_context_is_the_paragraph_with_the_sentence_marked(hostile_ledger):
    doc = next(d for d in hostile_ledger.documents if "Dock workers" in d.text)
    claim = next(c for c in hostile_ledger.claims if "containers" in c.content)
    ctx = in_context(claim, doc)
    assert ctx["sentence"].startswith("Dock workers said") and ctx["before"] == "" and ctx["after"] == ""
    roles = {r["role"]: r["text"] for r in ctx["runs"] if r["role"]}
    assert roles["source"] == "Dock workers" and roles["cue"] == "said"
    assert "300 containers" in roles["content"]
    first = next(c for c in hostile_ledger.claims if "ships were held" in c.content and c.document_id == doc.id)
    ctx = in_context(first, doc)
    assert ctx["after"].startswith(" A spokesman") and "Dock workers" not in ctx["after"]  # cut at the paragraph
    assert in_context(claim, None)["sentence"] == claim.sentence


def test_long_paragraph_is_cut_at_sentences():
    filler = " ".join(f"Sentence number {n} adds nothing new to the story here." for n in range(30))
    text = filler + " The mayor said the quay will be rebuilt. " + filler
    start = text.index("The mayor")
    end = text.index("rebuilt.") + len("rebuilt.")
    doc = Article(text=text, id="d")
    claim = Claim(document_id="d", sentence=text[start:end], sentence_span=(start, end), content="x", source=None,
                  cue="said")
    ctx = in_context(claim, doc)
    assert ctx["before"].startswith("\u2026 Sentence number") and ctx["after"].endswith("here. \u2026")
    assert 200 < len(ctx["before"]) <= 365 and 200 < len(ctx["after"]) <= 365


def test_report_of_the_demo_is_self_contained_and_links_resolve(demo_ledger, tmp_path):
    out = tmp_path / "r.html"
    shown = write_report(demo_ledger, out, title="Demo <report>")
    html = out.read_text(encoding="utf-8")
    ledger = open_ledger(demo_ledger)
    assert shown == sum(1 for p in ledger.propositions if p.claim_ids) > 5
    page = parse(html)
    assert page.external == [] and "script" not in page.tags
    targets = [a[1:] for a in page.anchors if a.startswith("#")]
    assert targets and all(t in page.ids for t in targets)
    assert all(f"claim-{c.id}" in page.ids for c in ledger.claims)
    assert all(f"prop-{p.id}" in page.ids for p in ledger.propositions if p.claim_ids)
    assert "Demo &lt;report&gt;" in html and "No time to read?" in html
    assert html.count("<svg") >= 3 and ">CONFLICT</span>" in html
    # contents in order of independent origins
    toc = [a[len("#prop-"):] for a in page.anchors if a.startswith("#prop-")]
    origins = {p.id: (p.summary or {}).get("origins", 0) for p in ledger.propositions}
    listed = list(dict.fromkeys(toc))
    assert [origins[p] for p in listed] == sorted((origins[p] for p in listed), reverse=True)


def test_report_command(demo_ledger, tmp_path):
    from typer.testing import CliRunner

    from claimledger.cli import app

    out = tmp_path / "report.html"
    res = CliRunner().invoke(app, ["report", "--db", str(demo_ledger), "-o", str(out)])
    assert res.exit_code == 0 and out.stat().st_size > 10_000
    missing = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.db"), "-o", str(out)])
    assert missing.exit_code == 2


def test_an_empty_ledger_renders():
    from pathlib import Path

    from claimledger.ledger import Ledger

    html = render_report(Ledger(Path("empty.db"), [], [], []))
    assert "No time to read?" in html and "0 claims from 0 articles" in html
