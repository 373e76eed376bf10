"""The HTML report in a real browser (headless Chromium): contents, a proposition, a claim in context."""

from __future__ import annotations

from claimledger.report.html import write_report


def test_report_opens_and_its_links_lead_somewhere(browser, demo_ledger, tmp_path):
    from selenium.webdriver.common.by import By

    out = tmp_path / "report.html"
    write_report(demo_ledger, out)
    browser.get(out.as_uri())
    assert browser.find_element(By.ID, "brief").is_displayed()
    link = browser.find_element(By.CSS_SELECTOR, "#contents a[href^='#prop-']")
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    assert browser.current_url.endswith("#" + target)
    section = browser.find_element(By.ID, target)
    assert section.find_element(By.TAG_NAME, "h2").text == link.text
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", section)
    assert abs(top) < 5  # scrolled to the proposition
    cite = browser.find_element(By.CSS_SELECTOR, "#brief a.cite")
    claim_id = cite.get_attribute("href").split("#", 1)[1]
    cite.click()
    claim = browser.find_element(By.ID, claim_id)
    assert claim.find_element(By.TAG_NAME, "mark").text  # the sentence, marked in its context
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
