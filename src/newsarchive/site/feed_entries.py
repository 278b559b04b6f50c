"""Articles as feed entries: a date a feed reader can show, and the date's precision in the summary.

An undated article carries the sort key ``NEWSARCHIVE_UNDATED_SORT_DATE`` (year 1), which must
never be shown; its entry is dated by when its text was collected or captured (input metadata,
so builds stay deterministic), and its summary says the date is unknown. A month- or
year-precision date is the 1st of its month or year, and the summary says how precise it is.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape
from pelican.utils import SafeDatetime

from ..incremental import feed_entries as make_feed_entries_with


class FeedEntry:
    """An article as Pelican's feed writer reads it: its own attributes, but ``date`` and ``summary``."""

    def __init__(self, article, when: SafeDatetime, note: str):
        self._article, self.date, self._note = article, when, note

    def __getattr__(self, name):
        return getattr(self._article, name)

    @property
    def summary(self):
        summary = getattr(self._article, "summary", None) or ""  # HTML that Pelican made from the article
        return Markup(f"<p><em>{escape(self._note)}</em></p>") + Markup(summary) if self._note else summary


def _input_date(article) -> date | None:
    """The earliest date on which the article's text was collected or captured, if any is known."""
    found = [
        date.fromisoformat(when)
        for entry in getattr(article, "provenance_entries", None) or ()
        for when in (entry.collected, entry.captured)
        if when
    ]
    return min(found) if found else None


def _day(value: date) -> SafeDatetime:
    return SafeDatetime(value.year, value.month, value.day)


def _newest_date(articles) -> SafeDatetime | None:
    """The newest date the site knows: an article's own date, or when a text was collected."""
    found = [
        _day(when)
        for article in articles
        for when in (_shown_date(article), _input_date(article))
        if when is not None
    ]
    return max(found) if found else None


def _shown_date(article) -> date | None:
    published = getattr(article, "published", None)
    return article.date.date() if published is not None and published.known else None


def feed_entries(articles, site_articles=()) -> list:
    """The articles as entries, in their order. An undated article with no input date at all takes
    the newest date of the site's articles; when not one is known, it is left out (never year 1)."""
    entries: list = []
    newest: list = []  # worked out once, when first needed
    for article in articles:
        published = getattr(article, "published", None)
        if published is None or published.known:  # not one of ours, or a date to show
            note = ""
            if published is not None and published.precision in ("month", "year"):
                note = f"Published {published.text}; the day is not known (the entry's day is a placeholder)."
            entries.append(FeedEntry(article, article.date, note) if note else article)
            continue
        collected = _input_date(article)
        if collected is not None:
            note = f"Date unknown; the entry is dated {collected.isoformat()}, when the text was collected."
            entries.append(FeedEntry(article, _day(collected), note))
            continue
        if not newest:
            newest.append(_newest_date(site_articles or articles))
        if newest[0] is not None:
            note = "Date unknown, and no collection date was recorded; the entry takes the archive's newest date."
            entries.append(FeedEntry(article, newest[0], note))
    return entries


make_feed_entries_with(feed_entries)  # the linking writer writes a feed's entries through it
