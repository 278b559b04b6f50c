"""`newsarchive serve --watch` in Chromium: the open page reloads itself after an edit, shows a failed
build's errors in an alert, and loses them after the next good build, without anyone pressing reload."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from ..watching import ADDED, serve_watch
from .conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WAIT = 60  # seconds: a rebuild of a few articles takes a few


def _wait(driver) -> WebDriverWait:
    """A wait that reads through the page reloading under it."""
    return WebDriverWait(driver, WAIT, 0.2, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))


def _reloaded(driver) -> bool:
    return driver.execute_script("return window.__notReloaded === undefined")


def _mark_loaded_page(driver) -> None:
    """A mark that only this load of the page carries: gone once the page reloads itself."""
    driver.execute_script("window.__notReloaded = true")


def test_an_open_page_reloads_itself_after_an_edit_and_shows_a_failed_build(tmp_path, browser, artifacts,
                                                                            axe_source):
    with serve_watch(tmp_path / "site") as site:
        browser.get(site.url)
        assert browser.find_elements(By.CSS_SELECTOR, "script[src='/__newsarchive__/reload.js']")
        _mark_loaded_page(browser)

        site.add_paragraph()
        _wait(browser).until(lambda d: ADDED in d.find_element(By.TAG_NAME, "main").text)
        assert _reloaded(browser), "the page was reloaded by itself, not by the test"
        assert not browser.find_elements(By.CSS_SELECTOR, "[role=alert]")

        _mark_loaded_page(browser)
        site.remove_title()
        alert = _wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[role=alert]"))
        assert _reloaded(browser)
        text = alert[0].text
        assert f"{site.article_shown}:1: error: the header has no 'Title:' line" in text, text
        assert ADDED in browser.find_element(By.TAG_NAME, "main").text, "the last good site stays served"
        assert browser.execute_script("return window.scrollY") == 0, "the page opens at its top, where the errors are"
        screenshot(browser, artifacts, "serve-watch-error-banner")
        screenshot(browser, artifacts, "serve-watch-error-banner", "dark")
        assert axe_violations(browser, axe_source) == []

        _mark_loaded_page(browser)
        site.article.write_text(site.original, encoding="utf-8")
        _wait(browser).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "[role=alert]"))
        assert _reloaded(browser) and ADDED not in browser.find_element(By.TAG_NAME, "main").text
