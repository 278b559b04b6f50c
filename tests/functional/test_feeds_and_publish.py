"""publishconf.py: absolute URLs, Atom feeds for the site, each source and each tag, sitemap and robots."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.slow
SITEURL = "https://archive.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_site_feed_lists_articles_with_absolute_links(published_sample_site):
    feed = ET.parse(published_sample_site.output / "feeds/all.atom.xml").getroot()
    links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert links and all(link.startswith(SITEURL + "/articles/") for link in links)


def test_each_source_has_a_feed_linked_from_its_page(published_sample_site):
    out = published_sample_site.output
    pages = sorted((out / "sources").glob("*.html"))
    assert pages
    for page in pages:
        feed = out / "feeds/sources" / (page.stem + ".atom.xml")
        assert feed.is_file(), feed
        assert f"{SITEURL}/feeds/sources/{page.stem}.atom.xml" in page.read_text(encoding="utf-8")


def test_each_tag_has_a_feed(published_sample_site):
    out = published_sample_site.output
    for page in (out / "tags").glob("*.html"):
        assert (out / "feeds/tags" / (page.stem + ".atom.xml")).is_file()


def test_sitemap_lists_every_page_absolutely(published_sample_site):
    out = published_sample_site.output
    root = ET.parse(out / "sitemap.xml").getroot()
    locs = {e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert f"{SITEURL}/" in locs
    for page in (out / "articles").glob("*.html"):
        assert f"{SITEURL}/articles/{page.name}" in locs
    assert f"{SITEURL}/404.html" not in locs
    assert all(loc.startswith(SITEURL + "/") for loc in locs)


def test_robots_names_the_sitemap(published_sample_site):
    text = (published_sample_site.output / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text and f"Sitemap: {SITEURL}/sitemap.xml" in text


def test_canonical_and_stylesheet_are_absolute(published_sample_site):
    html = published_sample_site.page("index.html")
    assert f'<link rel="canonical" href="{SITEURL}/">' in html
    assert f'href="{SITEURL}/theme/css/site.css"' in html
