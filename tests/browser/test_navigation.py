"""A reader's walk through the site in Chromium: home, an article, its source, a tag, home again."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from .conftest import full_page_screenshot, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _h1(driver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text


def test_home_article_source_tag_and_back(browser, served_site, artifacts):
    base, site = served_site
    browser.get(base + "/")
    assert _h1(browser) == "Latest articles"
    assert "newsarchive sample" in browser.title
    screenshot(browser, artifacts, "home")
    screenshot(browser, artifacts, "home", "dark")

    first = browser.find_element(By.CSS_SELECTOR, ".teaser__title a")
    title = first.text
    first.click()
    assert _h1(browser) == title
    assert "/articles/" in browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, ".facts time, .facts .date-unknown").text
    assert browser.find_element(By.ID, "cite-heading").text.lower() == "cite this"
    assert browser.find_elements(By.CSS_SELECTOR, "button.copy-button"), "copy.js adds buttons"
    screenshot(browser, artifacts, "article")
    screenshot(browser, artifacts, "article", "dark")
    full_page_screenshot(browser, artifacts, "article")

    source_link = browser.find_element(By.CSS_SELECTOR, ".facts a[href*='/sources/']")
    source_name = source_link.text
    source_link.click()
    assert _h1(browser) == source_name
    assert title in [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".teaser__title a")]
    screenshot(browser, artifacts, "source")

    browser.get(base + "/tags.html")
    assert _h1(browser) == "Tags"
    screenshot(browser, artifacts, "tags")
    tag_links = browser.find_elements(By.CSS_SELECTOR, ".tag-index a")
    if tag_links:
        tag_name = tag_links[0].text
        tag_links[0].click()
        assert _h1(browser) == tag_name
        assert browser.find_elements(By.CSS_SELECTOR, ".teaser__title a")
        screenshot(browser, artifacts, "tag")

    browser.find_element(By.CSS_SELECTOR, ".site-name a").click()
    assert _h1(browser) == "Latest articles"
    if not tag_links:
        pytest.skip("the sample site has no tags yet, so no tag page was visited")


def test_skip_link_is_first_and_reaches_main(browser, served_site):
    base, _ = served_site
    browser.get(base + "/")
    from selenium.webdriver.common.keys import Keys

    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.text == "Skip to content"
    assert active.value_of_css_property("outline-style") != "none"
