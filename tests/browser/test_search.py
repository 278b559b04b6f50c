"""The search page in Chromium over Pagefind's index, served over http (Pagefind needs it, not file://)."""

from __future__ import annotations

import html as html_module
import re
import urllib.parse
import urllib.request
from collections import Counter

import pytest

from .conftest import screenshot, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WAIT = 15  # seconds; the index is small, but Chromium may be slow to start the wasm


@pytest.fixture(scope="module")
def served_real_site(real_site):
    """``(base_url, site)`` for the site built from the real digest."""
    with serving(real_site.output) as base:
        yield base, real_site


def _settled(driver) -> str | bool:
    """The status line once a search has finished (results shown or none found)."""
    status = driver.find_element("id", "search-status").text
    if not status or status.startswith("Searching") or status.startswith("Type a word"):
        return False
    if "No results" in status or "unavailable" in status:
        return status
    return status if driver.find_elements("css selector", "#search-results li") else False


def open_search(driver, base: str, **params) -> str:
    """Load the search page with ``params`` in the address; the finished status line."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{base}/search.html?{urllib.parse.urlencode(params)}")
    return WebDriverWait(driver, WAIT).until(_settled)


def choose(driver, select_id: str, label_start: str) -> str:
    """Pick the option whose label starts with ``label_start`` and wait for the new results."""
    from selenium.webdriver.support.ui import Select, WebDriverWait

    select = Select(driver.find_element("id", select_id))
    option = next(o for o in select.options if o.text.startswith(label_start))
    driver.execute_script("document.getElementById('search-status').textContent = ''")
    select.select_by_visible_text(option.text)
    return WebDriverWait(driver, WAIT).until(_settled)


def results(driver) -> list[dict]:
    found = []
    for item in driver.find_elements("css selector", "#search-results li"):
        link = item.find_element("css selector", "h2 a")
        sources = item.find_elements("css selector", ".search-result__source")
        found.append({
            "title": link.text,
            "path": urllib.parse.urlparse(link.get_attribute("href")).path,
            "source": sources[0].text if sources else None,
            "excerpt": item.find_element("css selector", ".search-result__excerpt"),
        })
    return found


def _bodies(site) -> list[tuple[str, str | None, set[str]]]:
    """(page path, source, words of the body) for each article page of a built site."""
    pages = []
    for page in sorted((site.output / "articles").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        body = re.search(r'<div class="article__body prose">(.*?)</div>', html, re.S)
        source = re.search(r'<span data-pagefind-filter="source">([^<]*)</span>', html)
        text = html_module.unescape(re.sub(r"<[^>]+>", " ", body.group(1) if body else ""))
        words = {w.lower() for w in re.findall(r"[A-Za-z]{6,}", text)}
        pages.append((f"/articles/{page.name}", html_module.unescape(source.group(1)) if source else None, words))
    return pages


def word_of_one_article(site) -> tuple[str, str]:
    """A word found in exactly one article body, and that article's path (chosen, not hard-coded:
    the sample digests grow)."""
    bodies = _bodies(site)
    counts = Counter(w for _, _, words in bodies for w in words)
    for path, _, words in bodies:
        unique = sorted(w for w in words if counts[w] == 1)
        if unique:
            return max(unique, key=len), path
    pytest.fail("no word occurs in only one article body")


def word_of_several_sources(site) -> tuple[str, str]:
    """A word in article bodies of several sources, and one of those sources (not all its articles' source)."""
    bodies = _bodies(site)
    sources_of: dict[str, set[str]] = {}
    for _, source, words in bodies:
        for word in words:
            if source:
                sources_of.setdefault(word, set()).add(source)
    word = max(sorted(sources_of), key=lambda w: len(sources_of[w]))
    assert len(sources_of[word]) > 1
    return word, sorted(sources_of[word])[0]


def test_word_from_one_article_body_returns_that_article_first(browser, served_site):
    base, site = served_site
    word, path = word_of_one_article(site)
    status = open_search(browser, base, q=word)
    found = results(browser)
    assert found[0]["path"] == path, status
    marks = found[0]["excerpt"].find_elements("tag name", "mark")
    assert marks and all(word in m.text.lower() for m in marks)


def test_query_in_the_address_runs_on_load(browser, served_site):
    base, site = served_site
    word, path = word_of_one_article(site)
    status = open_search(browser, base, q=word)
    assert browser.find_element("id", "search-q").get_attribute("value") == word
    assert f"for “{word}”" in status
    assert results(browser)[0]["path"] == path


def test_source_filter_keeps_only_that_source(browser, served_site):
    base, site = served_site
    word, source = word_of_several_sources(site)
    open_search(browser, base, q=word)
    everything = results(browser)
    assert len({r["source"] for r in everything}) > 1
    choose(browser, "search-source", source)
    narrowed = results(browser)
    assert narrowed and len(narrowed) < len(everything)
    assert {r["source"] for r in narrowed} == {source}
    assert "source=" + urllib.parse.quote_plus(source) in browser.current_url  # the filtered search can be linked


def test_no_match_says_so(browser, served_site):
    base, _ = served_site
    status = open_search(browser, base, q="zyxwvutsrqp")
    assert status.startswith("No results for “zyxwvutsrqp”")
    assert results(browser) == []


def test_undated_articles_stay_in_results_sorted_by_date(browser, served_site):
    """pagefind#259: a page without the sort key drops out of sorted results."""
    base, site = served_site
    undated = site.page("archives/undated.html").count('class="teaser"')
    assert undated > 0
    status = open_search(browser, base, year="Undated", sort="date:desc")
    assert status.startswith(f"{undated} article"), status


def test_header_box_leads_to_the_search_page(browser, served_site):
    from selenium.webdriver.support.ui import WebDriverWait

    base, site = served_site
    word, path = word_of_one_article(site)
    browser.get(base + "/")
    browser.find_element("id", "site-search-q").send_keys(word + "\n")
    WebDriverWait(browser, WAIT).until(lambda d: f"/search.html?q={word}" in d.current_url)
    WebDriverWait(browser, WAIT).until(_settled)
    assert results(browser)[0]["path"] == path


def test_filters_and_results_are_keyboard_operable(browser, served_site):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    base, site = served_site
    browser.get(base + "/search.html")
    WebDriverWait(browser, WAIT).until(lambda d: d.find_element("id", "search-filters").is_displayed())
    field = browser.find_element("id", "search-q")
    field.send_keys(word_of_several_sources(site)[0], Keys.ENTER)
    WebDriverWait(browser, WAIT).until(_settled)
    browser.switch_to.active_element.send_keys(Keys.TAB)  # to the Search button, then the filters
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "search-source"


def test_real_digest_aleppo(browser, served_real_site):
    base, _ = served_real_site
    open_search(browser, base, q="Aleppo")
    titles = [r["title"] for r in results(browser)]
    assert "Eva Bartlett: Second trip to Aleppo – August 2016" in titles
    assert "Battle for Aleppo intensifies as jihadists enter Artillery Base" in titles
    choose(browser, "search-source", "Al Masdar News")
    narrowed = results(browser)
    assert [r["title"] for r in narrowed] == ["Battle for Aleppo intensifies as jihadists enter Artillery Base"]
    assert narrowed[0]["source"] == "Al Masdar News"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_page_with_results_has_no_serious_axe_violation(browser, served_real_site, axe_source, artifacts,
                                                               scheme):
    base, _ = served_real_site
    open_search(browser, base, q="Aleppo")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme",
                                                                          "value": scheme}]})
    try:
        browser.execute_script(axe_source)
        browser.set_script_timeout(30)
        violations = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));"
        )
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert isinstance(violations, list), violations
    bad = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in violations
           if v["impact"] in ("serious", "critical")]
    assert bad == []
    screenshot(browser, artifacts, "search-aleppo", scheme)
