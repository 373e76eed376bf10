"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp():
    from claimledger.parse import load_model

    return load_model()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"../shared is not beside this clone ({SHARED} missing): evaluation data not available")
    return SHARED


DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


@pytest.fixture(scope="session")
def demo_ledger(tmp_path_factory) -> Path:
    """A ledger of the bundled demo corpus, analyzed once per test session (read it, never write it)."""
    from claimledger.pipeline import run

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = run([str(DEMO)], db, workers=1)
    assert not result.errors, result.errors
    return db


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through its ChromeDriver; skipped with the reason when either is absent."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("headless browser tests need Debian's chromium and chromium-driver (bash .ci/run installs them)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[dev]')")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
