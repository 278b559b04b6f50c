"""Feeds never show the undated articles' sort key (year 1): an undated entry is dated by when its
text was collected, and every summary says how precise the date is. Every feed is valid."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import feedparser
import pytest

from newsarchive.model.packaged import THEME

from ..conftest import make_site

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
    assert entry.summary.startswith("<p><em>Date unknown")  # HTML escaped once, not shown as markup


def test_month_precision_entry_says_so_in_its_summary(published_sample_site):
    entry = entry_for(published_sample_site, "port-elvin-council-approves-harbour-wall-repairs-march-2024")
    assert entry.published.startswith("2024-03-01")
    assert entry.summary.startswith("<p><em>Published March 2024; the day is not known")


def test_day_precision_entry_summary_is_the_articles_own(published_sample_site):
    entry = entry_for(published_sample_site, "river-arden-bursts-its-banks-in-millbrook")
    assert entry.published.startswith("2024-06-09")
    assert "not known" not in entry.summary and "Date unknown" not in entry.summary
    assert entry.summary.startswith('<p id="para-1">')


@pytest.fixture(scope="module")
def features_only_feeds(published_sample_site, tmp_path_factory):
    """The published sample built by plain ``pelican`` with the features alone (no speed layer, so
    Pelican's own writer writes the feeds): its feeds folder."""
    site = make_site(tmp_path_factory.mktemp("features-only"))
    shutil.copytree(published_sample_site.content, site / "content")
    shutil.copytree(published_sample_site.root / "digests", site / "digests")
    conf = (site / "pelicanconf.py").read_text(encoding="utf-8")
    assert 'PLUGINS = ["newsarchive.plugin"]' in conf
    (site / "pelicanconf.py").write_text(conf.replace('["newsarchive.plugin"]', '["newsarchive.site"]'),
                                         encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pelican", "-s", "publishconf.py", "-t", str(THEME)], cwd=site,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return site / "output" / "feeds"


def test_plain_pelican_with_the_features_alone_gives_feeds_without_year_one(features_only_feeds):
    found = sorted(features_only_feeds.rglob("*.xml"))
    assert len(found) > 10
    for path in found:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        for entry in parsed.entries:
            assert entry.published_parsed.tm_year > 1 and entry.updated_parsed.tm_year > 1, (path, entry.link)
        assert "0001-01-01" not in path.read_text(encoding="utf-8"), path


def test_plain_pelican_and_newsarchive_build_write_the_same_feeds(published_sample_site, features_only_feeds):
    built = published_sample_site.output / "feeds"
    names = sorted(str(p.relative_to(built)) for p in built.rglob("*.xml"))
    assert sorted(str(p.relative_to(features_only_feeds)) for p in features_only_feeds.rglob("*.xml")) == names
    _, mismatch, errors = filecmp.cmpfiles(built, features_only_feeds, names, shallow=False)
    assert mismatch == [] and errors == []
