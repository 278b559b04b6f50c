"""Feeds never show the undated articles' sort key (year 1): an undated entry is dated by when its
text was collected, and every summary says how precise the date is. Every feed is valid."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pytest

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"
SITEURL = "https://archive.example.org"


def feeds(site):
    found = sorted((site.output / "feeds").rglob("*.xml"))
    assert len(found) > 10  # the site's, each source's, each tag's
    return found


def entry_for(site, slug: str):
    parsed = feedparser.parse((site.output / "feeds/all.atom.xml").read_bytes())
    return next(e for e in parsed.entries if e.link == f"{SITEURL}/articles/{slug}.html")


def test_every_feed_is_well_formed_and_parses_without_bozo(published_sample_site):
    for path in feeds(published_sample_site):
        ET.parse(path)  # well-formed XML, or it raises
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries, path


def test_no_feed_shows_year_one(published_sample_site):
    for path in feeds(published_sample_site):
        parsed = feedparser.parse(path.read_bytes())
        for entry in parsed.entries:
            assert entry.published_parsed.tm_year > 1 and entry.updated_parsed.tm_year > 1, (path, entry.link)
        assert "0001-01-01" not in path.read_text(encoding="utf-8"), path


def test_undated_entry_is_dated_when_its_text_was_collected(published_sample_site):
    entry = entry_for(published_sample_site, "allotment-society-reports-strong-harvest")  # Collected: 2024-06-01
    assert entry.published.startswith("2024-06-01")
    assert "Date unknown" in entry.summary and "2024-06-01" in entry.summary


def test_month_precision_entry_says_so_in_its_summary(published_sample_site):
    entry = entry_for(published_sample_site, "port-elvin-council-approves-harbour-wall-repairs-march-2024")
    assert entry.published.startswith("2024-03-01")
    assert "Published March 2024; the day is not known" in entry.summary


def test_day_precision_entry_summary_is_the_articles_own(published_sample_site):
    entry = entry_for(published_sample_site, "river-arden-bursts-its-banks-in-millbrook")
    assert entry.published.startswith("2024-06-09")
    assert "not known" not in entry.summary and "Date unknown" not in entry.summary
    assert entry.summary.startswith('<p id="para-1">')
