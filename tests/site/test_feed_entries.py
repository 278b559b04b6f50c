"""Feed entries: dates for undated articles from input metadata, never the sort key."""

from __future__ import annotations

from types import SimpleNamespace

from pelican.utils import SafeDatetime

from newsarchive.site.feed_entries import feed_entries
from newsarchive.site.provenance_entries import ProvenanceEntry as Provenance
from newsarchive.site.published_dates import published_date

YEAR_ONE = SafeDatetime(1, 1, 1)


def article(when=YEAR_ONE, precision="unknown", collected=None, captured=None):
    entries = [Provenance("d.txt", "1-2", "0" * 64, collected=collected, captured=captured)]
    return SimpleNamespace(
        date=when, published=published_date(when, precision), provenance_entries=entries, summary="<p>text</p>"
    )


def test_an_undated_article_takes_its_collected_date():
    (entry,) = feed_entries([article(collected="2024-06-01")])
    assert entry.date == SafeDatetime(2024, 6, 1)
    assert entry.summary.startswith("<p><em>Date unknown")
    assert entry.summary.endswith("<p>text</p>")


def test_an_undated_capture_takes_the_earliest_date_it_was_found():
    undated = article(captured="2024-02-03")
    undated.provenance_entries.append(Provenance("e.warc", "", "1" * 64, kind="warc", captured="2024-01-05"))
    (entry,) = feed_entries([undated])
    assert entry.date == SafeDatetime(2024, 1, 5)


def test_without_any_input_date_the_entry_takes_the_archives_newest_date():
    dated = article(SafeDatetime(2023, 5, 6), "day")
    bare = article()
    entries = feed_entries([bare], [dated, bare])
    assert entries[0].date == SafeDatetime(2023, 5, 6) and "no collection date" in entries[0].summary


def test_an_archive_without_any_date_leaves_the_entry_out_rather_than_show_year_one():
    assert feed_entries([article()], [article()]) == []


def test_a_day_precision_article_is_its_own_entry():
    dated = article(SafeDatetime(2024, 3, 9), "day")
    assert feed_entries([dated]) == [dated]


def test_a_year_precision_entry_says_so():
    (entry,) = feed_entries([article(SafeDatetime(2016, 1, 1), "year")])
    assert entry.date == SafeDatetime(2016, 1, 1)
    assert "Published 2016; the day is not known" in entry.summary
