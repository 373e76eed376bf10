"""The HTML report: self-contained, escaped, every claim shown in context."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from claimledger.ledger import analyze, open_ledger
from claimledger.report.html import in_context, render_report, write_report

HOSTILE = (
    "Title: Port <script>alert('title')</script> closes\n\n"
    "The harbour office said on Monday that <img src=x onerror=alert(1)> 40 ships were held at anchor. "
    "A spokesman for the shipping firm denied that any ship had been held. "
    "Dock workers said about 300 containers were waiting on the quay.\n"
)


class Links(HTMLParser):
    """Every src/href of a script, stylesheet link or image, and every element id."""

    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.ids: set[str] = set()
        self.anchors: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("src", "href"):
            value = attrs.get(key)
            if value is None:
                continue
            if tag == "a" and key == "href":
                self.anchors.append(value)
            if tag in {"script", "link", "img", "iframe", "source", "video", "audio"} and \
                    not (value.startswith("#") or value.startswith("data:")):
                self.external.append(value)


@pytest.fixture(scope="module")
def hostile_ledger(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "port.txt").write_text(HOSTILE)
    return analyze([folder / "port.txt"], db=folder / "l.db", workers=1)


def test_article_html_shows_as_text(hostile_ledger):
    html = render_report(hostile_ledger)
    assert "<script>" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    parser = Links()
    parser.feed(html)
    assert "script" not in parser.tags and "img" not in parser.tags


def test_report_of_the_demo_is_self_contained_and_links_resolve(demo_ledger, tmp_path):
    out = tmp_path / "r.html"
    shown = write_report(demo_ledger, out, title="Demo <report>")
    html = out.read_text(encoding="utf-8")
    assert shown > 5
    parser = Links()
    parser.feed(html)
    assert parser.external == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    targets = [a[1:] for a in parser.anchors if a.startswith("#")]
    assert targets and all(t in parser.ids for t in targets)
    assert "Demo &lt;report&gt;" in html
    assert "No time to read?" in html
    ledger = open_ledger(demo_ledger)
    assert all(f"claim-{c.id}" in parser.ids for c in ledger.claims)
    assert html.count('<svg') >= 3 and "CONFLICT" in html


def test_brief_has_five_to_ten_sentences_each_citing_claims(demo_ledger):
    from claimledger.report.brief import brief

    ledger = open_ledger(demo_ledger)
    sentences = brief(ledger)
    assert 5 <= len(sentences) <= 10
    ids = {c.id for c in ledger.claims}
    assert all(s.claim_ids and set(s.claim_ids) <= ids for s in sentences[1:])


def test_context_is_cut_at_the_paragraph(hostile_ledger):
    doc = hostile_ledger.documents[0]
    claim = next(c for c in hostile_ledger.claims if "containers" in c.content)
    ctx = in_context(claim, doc)
    assert ctx["sentence"].startswith("Dock workers said")
    assert "Title:" not in ctx["before"] and ctx["before"].startswith("The harbour office")
    assert in_context(claim, None)["sentence"] == claim.sentence


def test_report_command(demo_ledger, tmp_path):
    from typer.testing import CliRunner

    from claimledger.cli import app

    out = tmp_path / "report.html"
    res = CliRunner().invoke(app, ["report", "--db", str(demo_ledger), "-o", str(out)])
    assert res.exit_code == 0 and out.stat().st_size > 10_000
    missing = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.db"), "-o", str(out)])
    assert missing.exit_code == 2
