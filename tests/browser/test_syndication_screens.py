"""A syndicated pair in Chromium: the "Same text as" block and the diff page, axe-checked and screenshotted."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from ..conftest import build_from_digests
from .conftest import axe_violations, screenshot, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]
DATA = Path(__file__).parent.parent / "data" / "syndication"
ARTICLE = "/articles/floods-close-the-main-bridge.html"
DIFF = "/syndication/floods-close-the-main-bridge--river-bursts-its-banks-two-hundred-homes-flooded.html"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = build_from_digests(tmp_path_factory.mktemp("syndication-browser"), sorted(DATA.glob("*.txt")))
    with serving(site.output) as base:
        yield base


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_same_text_block_and_diff_page_pass_axe(browser, served, axe_source, scheme):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme",
                                                                          "value": scheme}]})
    try:
        found = {}
        for page in (ARTICLE, DIFF):
            browser.get(served + page)
            if bad := axe_violations(browser, axe_source):
                found[page] = bad
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert found == {}


def test_the_same_text_link_leads_to_the_diff(browser, served, artifacts):
    browser.get(served + ARTICLE)
    block = browser.find_element(By.CSS_SELECTOR, "section.same-text")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", block)
    assert "Valley Courier: River bursts its banks: two hundred homes flooded" in block.text
    block.screenshot(str(artifacts / "syndication-same-text-block.png"))
    block.find_element(By.LINK_TEXT, "compare word by word").click()
    assert browser.current_url == served + DIFF
    deleted = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".diff del")]
    inserted = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".diff ins")]
    assert "said" in deleted and "told the Courier" in inserted
    screenshot(browser, artifacts, "syndication-diff")
    screenshot(browser, artifacts, "syndication-diff", "dark")
