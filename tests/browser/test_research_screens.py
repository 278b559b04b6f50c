"""Screenshots of a story cluster page and of an article's "Figures reported" table."""

from __future__ import annotations

import pytest

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CLUSTER = "/clusters/flood-water-forces-evacuations-in-millbrook.html"
ARTICLE = "/articles/river-arden-bursts-its-banks-in-millbrook.html"


def test_cluster_page_shows_coverage_and_figures(browser, served_site, artifacts):
    base, _site = served_site
    browser.get(base + CLUSTER)
    assert browser.find_element("css selector", "h1").text == "Flood water forces evacuations in Millbrook"
    screenshot(browser, artifacts, "cluster")
    assert len(browser.find_elements("css selector", "table.figures tbody tr")) >= 6


def test_figure_link_lands_on_its_paragraph(browser, served_site, artifacts):
    base, _site = served_site
    browser.get(base + ARTICLE)
    table = browser.find_element("css selector", "table.figures")
    browser.execute_script("arguments[0].scrollIntoView()", table)
    screenshot(browser, artifacts, "article-figures")
    link = table.find_element("css selector", "td.figures__sentence a")
    anchor = link.get_attribute("href").split("#", 1)[1].split(":~:", 1)[0]
    link.click()
    assert (
        browser.execute_script("return document.querySelector(':target') && document.querySelector(':target').id")
        == anchor
    )
