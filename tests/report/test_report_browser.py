"""The HTML report in a real browser (headless Chromium): contents, a proposition, a claim in context."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from claimledger.report.html import write_report


@pytest.fixture(scope="module")
def demo_report(demo_ledger, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    write_report(demo_ledger, out)
    return out


def _in_view(browser, element) -> bool:
    return browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;", element)


def test_report_opens_and_its_links_lead_somewhere(browser, demo_report, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(demo_report.as_uri())
    brief = browser.find_element(By.ID, "brief")
    assert brief.is_displayed() and "No time to read?" in brief.text
    assert 5 <= len(brief.find_elements(By.CSS_SELECTOR, "ol > li")) <= 10
    # the page loaded nothing besides itself
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0

    link = browser.find_element(By.CSS_SELECTOR, "#contents a[href^='#prop-']")
    target = link.get_attribute("href").split("#", 1)[1]
    label = link.text
    link.click()
    assert browser.current_url.endswith("#" + target)
    section = browser.find_element(By.ID, target)
    assert section.find_element(By.TAG_NAME, "h2").text == label
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", section)
    assert abs(top) < 5  # scrolled to the proposition
    assert section.find_element(By.CSS_SELECTOR, "svg.figures").is_displayed()
    assert section.find_element(By.CSS_SELECTOR, "svg.sources").is_displayed()
    assert section.find_element(By.CSS_SELECTOR, ".conflict-box").text.startswith("CONFLICT")

    # a figure in the proposition's table leads to its claim, the sentence marked in its paragraph
    answer = section.find_element(By.CSS_SELECTOR, "table.answers a[href^='#claim-']")
    claim_id = answer.get_attribute("href").split("#", 1)[1]
    answer.click()
    claim = browser.find_element(By.ID, claim_id)
    mark = claim.find_element(By.TAG_NAME, "mark")
    assert mark.text and _in_view(browser, mark)
    assert mark.text in claim.find_element(By.TAG_NAME, "blockquote").text
    assert claim.find_element(By.TAG_NAME, "footer").text  # article, outlet, date

    # a citation of the summary leads to the claim it rests on
    browser.get(demo_report.as_uri())
    cite = browser.find_element(By.CSS_SELECTOR, "#brief a.cite")
    cited = cite.get_attribute("href").split("#", 1)[1]
    cite.click()
    assert _in_view(browser, browser.find_element(By.ID, cited).find_element(By.TAG_NAME, "mark"))

    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


def test_narrow_screen_has_no_sideways_scroll(browser, demo_report):
    browser.set_window_size(390, 844)
    try:
        browser.get(demo_report.as_uri())
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1
    finally:
        browser.set_window_size(1280, 900)


class Embeds(HTMLParser):
    """src/href of every script, stylesheet link and image."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "link", "img", "style", "iframe", "object", "embed"}:
            for key, value in attrs:
                if key in {"src", "href", "data", "srcset"}:
                    self.found.append((tag, value or ""))


def test_demo_report_embeds_nothing_external(demo_report):
    html = demo_report.read_text(encoding="utf-8")
    embeds = Embeds()
    embeds.feed(html)
    assert all(v.startswith(("#", "data:")) for _, v in embeds.found), embeds.found
    assert not re.search(r"<(?:script|link|img)\b", html, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", html)  # nor from inside the CSS
