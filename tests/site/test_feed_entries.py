"""Feed entries: dates for undated articles from input metadata, never the sort key."""

from __future__ import annotations

from types import SimpleNamespace

from feedgenerator import Atom1Feed, Rss201rev2Feed
from pelican.utils import SafeDatetime

from newsarchive.site.feed_entries import date_entries, entry_date
from newsarchive.site.provenance_entries import ProvenanceEntry as Provenance
from newsarchive.site.published_dates import published_date

YEAR_ONE = SafeDatetime(1, 1, 1)
SITEURL = "https://archive.example.org"


def article(when=YEAR_ONE, precision="unknown", collected=None, captured=None, slug="a"):
    entries = [Provenance("d.txt", "1-2", "0" * 64, collected=collected, captured=captured)]
    return SimpleNamespace(date=when, published=published_date(when, precision), provenance_entries=entries,
                           url=f"articles/{slug}.html")


def test_an_undated_article_takes_its_collected_date():
    shown = entry_date(article(collected="2024-06-01"))
    assert shown.when == SafeDatetime(2024, 6, 1)
    assert shown.note.startswith("Date unknown; the entry is dated 2024-06-01")


def test_an_undated_capture_takes_the_earliest_date_it_was_found():
    undated = article(captured="2024-02-03")
    undated.provenance_entries.append(Provenance("e.warc", "", "1" * 64, kind="warc", captured="2024-01-05"))
    assert entry_date(undated).when == SafeDatetime(2024, 1, 5)


def test_without_any_input_date_the_entry_takes_the_archives_newest_date():
    dated = article(SafeDatetime(2023, 5, 6), "day")
    bare = article()
    shown = entry_date(bare, [dated, bare])
    assert shown.when == SafeDatetime(2023, 5, 6) and "no collection date" in shown.note


def test_an_archive_without_any_date_leaves_the_entry_out_rather_than_show_year_one():
    assert entry_date(article(), [article()]).left_out


def test_a_day_precision_article_keeps_pelicans_entry():
    shown = entry_date(article(SafeDatetime(2024, 3, 9), "day"))
    assert shown.when is None and shown.note == "" and not shown.left_out


def test_a_year_precision_entry_says_so():
    shown = entry_date(article(SafeDatetime(2016, 1, 1), "year"))
    assert shown.when is None and "Published 2016; the day is not known" in shown.note


def _feed(kind, *articles):
    feed = kind(title="t", link=SITEURL + "/", description="")
    for one in articles:
        feed.add_item(title=one.url, link=f"{SITEURL}/{one.url}", description="<p>text</p>", content="<p>body</p>",
                      unique_id=f"tag:{one.url}", pubdate=one.date)
    return feed


def test_feed_generated_dates_and_notes_the_entries_pelican_made():
    undated, dated = article(collected="2024-06-01", slug="u"), article(SafeDatetime(2024, 3, 9), "day", slug="d")
    feed = _feed(Atom1Feed, undated, dated)
    date_entries({"articles": [undated, dated], "SITEURL": SITEURL}, feed)
    first, second = feed.items
    assert first["pubdate"].date().isoformat() == "2024-06-01" and "2024-06-01" in first["unique_id"]
    assert first["description"].startswith("<p><em>Date unknown") and first["description"].endswith("<p>text</p>")
    assert type(first["description"]) is str  # feedgenerator's writer escapes a Markup twice
    assert second["pubdate"] == SafeDatetime(2024, 3, 9) and second["description"] == "<p>text</p>"


def test_an_atom_entry_whose_summary_pelican_dropped_gets_the_note_before_its_content():
    undated = article(collected="2024-06-01")
    feed = _feed(Atom1Feed, undated)
    feed.items[0]["description"] = None  # Pelican's: the summary was the content
    date_entries({"articles": [undated], "SITEURL": SITEURL}, feed)
    assert feed.items[0]["description"].endswith("<p>body</p>")


def test_an_rss_item_with_full_content_keeps_it_without_a_note():
    undated = article(collected="2024-06-01")
    feed = _feed(Rss201rev2Feed, undated)
    date_entries({"articles": [undated], "SITEURL": SITEURL, "RSS_FEED_SUMMARY_ONLY": False}, feed)
    assert feed.items[0]["description"] == "<p>text</p>" and feed.items[0]["pubdate"].year == 2024


def test_an_entry_no_date_can_be_given_is_left_out_of_the_feed():
    bare = article()
    feed = _feed(Atom1Feed, bare)
    date_entries({"articles": [bare], "SITEURL": SITEURL}, feed)
    assert feed.items == []
