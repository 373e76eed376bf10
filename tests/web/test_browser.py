"""The web app in a real browser (headless Chromium): search, follow a proposition, open an article."""

from __future__ import annotations

import socket
import threading
import time

import pytest


@pytest.fixture(scope="module")
def server(demo_ledger):
    import uvicorn

    from claimledger.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(demo_ledger), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("the web app did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_search_proposition_article_in_a_browser(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    assert "Search claims" in browser.page_source
    box = browser.find_element(By.NAME, "q")
    box.clear()
    box.send_keys("fake")
    browser.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    deadline = time.monotonic() + 10
    while "q=fake" not in browser.current_url and time.monotonic() < deadline:
        time.sleep(0.05)
    results = browser.find_elements(By.CSS_SELECTOR, "#results .claim")
    assert results and all("fake" in r.text.lower() for r in results)

    browser.get(server + "/propositions")
    link = browser.find_element(By.CSS_SELECTOR, "a.prop-link")
    label = link.text
    link.click()
    assert browser.find_element(By.ID, "prop-title").text == label
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart, .claim")

    browser.find_element(By.CSS_SELECTOR, ".claim .meta a[href^='/a/']").click()
    assert browser.find_elements(By.CSS_SELECTOR, ".article-text mark")
    shot = tmp_path / "app.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
