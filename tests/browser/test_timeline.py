"""Coverage timelines in Chromium: drawn, linked to month archives, readable in light and dark."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SOURCE = "/sources/valley-courier.html"

# the relative luminance contrast of two computed CSS colours (WCAG 2), worked out in the page
CONTRAST = """
const lum = c => { const v = c.match(/[0-9.]+/g).slice(0, 3).map(Number).map(x => x / 255)
  .map(x => x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
const bar = getComputedStyle(document.querySelector('.timeline__bar')).fill;
const paper = getComputedStyle(document.body).backgroundColor;
const [a, b] = [lum(bar), lum(paper)].sort((x, y) => y - x);
return (a + 0.05) / (b + 0.05);
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_source_page_timeline_bars_link_to_month_archives_with_contrast(browser, served_site, artifacts, scheme):
    base, _ = served_site
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme",
                                                                          "value": scheme}]})
    try:
        browser.get(base + SOURCE)
        svg = browser.find_element(By.CSS_SELECTOR, "svg.timeline__chart")
        assert svg.find_element(By.TAG_NAME, "title").get_attribute("textContent") == (
            "Articles from Valley Courier per month"
        )
        links = svg.find_elements(By.TAG_NAME, "a")
        assert links and all("/archives/2024/" in a.get_dom_attribute("href") for a in links)
        assert browser.execute_script(CONTRAST) >= 3  # WCAG 1.4.11: graphics 3:1 against the page
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    screenshot(browser, artifacts, "source-timeline", scheme)
    links[0].click()
    assert "/archives/2024/" in browser.current_url


def test_a_few_months_are_each_named_and_drawn_at_full_size_on_a_phone(browser, served_site):
    """Five articles over six months: a chart as wide as a phone's column, every month named,
    not a 90-pixel strip labelled "Jan 2024"."""
    base, _ = served_site
    browser.set_window_size(375, 800)
    try:
        browser.get(base + SOURCE)
        svg = browser.find_element(By.CSS_SELECTOR, "svg.timeline__chart")
        drawn = browser.execute_script("return arguments[0].getBoundingClientRect().width", svg)
        assert drawn == float(svg.get_attribute("width")) >= 320
        labels = [t.get_attribute("textContent") for t in svg.find_elements(By.CSS_SELECTOR, "text.timeline__label")]
        assert labels[:6] == ["Jan", "Feb", "Mar", "Apr", "May", "Jun"] and "2024" in labels
    finally:
        browser.set_window_size(1280, 900)
