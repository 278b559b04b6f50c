"""Feed entries: a date a feed reader can show, and the date's precision in the summary.

An undated article carries the sort key ``NEWSARCHIVE_UNDATED_SORT_DATE`` (year 1), which must
never be shown; its entry is dated by when its text was collected or captured (input metadata,
so builds stay deterministic), and its summary says the date is unknown. A month- or
year-precision date is the 1st of its month or year, and the summary says how precise it is.

Pelican makes each entry from the article (``Writer._add_item_to_the_feed``) and then sends
``feed_generated`` with the feed before writing it: :func:`date_entries` mends the entries there,
on Pelican's public API, so a build with the speed layer's writer and one with Pelican's own
(``PLUGINS = ["newsarchive.site"]``, plain ``pelican``) write the same feeds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from feedgenerator import Rss201rev2Feed, get_tag_uri
from markupsafe import Markup, escape
from pelican.utils import SafeDatetime, set_date_tzinfo

FEED_REF = "?ref=feed"  # what Pelican appends to an entry's link under FEED_APPEND_REF


@dataclass(frozen=True)
class EntryDate:
    """What an article's feed entry shows instead of what Pelican made: a date (None: Pelican's is
    right), a note for the summary ("" for none); ``left_out`` when no date at all can be given."""

    when: SafeDatetime | None = None
    note: str = ""
    left_out: bool = False


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


def newest_date(articles) -> SafeDatetime | None:
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


class _PerList:
    """``make(articles)``, worked out once per list of the site's articles (every feed of a build
    shares that list), not once per feed."""

    def __init__(self, make: Callable) -> None:
        self._make = make
        self._of: object = None
        self._value: object = None

    def of(self, articles):
        if articles is not self._of:
            self._of, self._value = articles, self._make(articles)
        return self._value


_newest = _PerList(newest_date)  # the site's newest date


def entry_date(article, site_articles=()) -> EntryDate:
    """How the article's entry is dated. An undated article with no input date at all takes the
    newest date of the site's articles; when not one is known, it is left out (never year 1)."""
    published = getattr(article, "published", None)
    if published is None or published.known:  # not one of ours, or a date to show
        if published is not None and published.precision in ("month", "year"):
            return EntryDate(note=f"Published {published.text}; the day is not known (the entry's day is a "
                                  "placeholder).")
        return EntryDate()
    collected = _input_date(article)
    if collected is not None:
        return EntryDate(_day(collected), f"Date unknown; the entry is dated {collected.isoformat()}, when the "
                                          "text was collected.")
    newest = _newest.of(site_articles)
    if newest is None:
        return EntryDate(left_out=True)
    return EntryDate(newest, "Date unknown, and no collection date was recorded; the entry takes the archive's "
                             "newest date.")


def noted(note: str, summary) -> str:
    """The summary with the date's note before it: a plain ``str``, as feedgenerator holds it (its XML
    writer escapes with ``str.replace``, which a ``Markup`` would escape a second time)."""
    return str(Markup(f"<p><em>{escape(note)}</em></p>") + Markup(summary or ""))


def _article_path(link: str, siteurl: str) -> str:
    """The article URL (``articles/x.html``) an entry's link was made from (``SITEURL`` joined to it)."""
    link = link.removesuffix(FEED_REF)
    if siteurl and link.startswith(siteurl):
        link = link[len(siteurl):]
    return link.lstrip("/")


_by_url = _PerList(lambda articles: {getattr(a, "url", None): a for a in articles})  # the site's articles by URL


def date_entries(context, feed) -> None:
    """``feed_generated``: each entry of one of the site's articles dated and noted as
    :func:`entry_date` says; an entry that no date can be given is left out."""
    articles = context.get("articles") or ()
    by_url = _by_url.of(articles)
    siteurl = context.get("SITEURL", "")
    kept = []
    for item in feed.items:
        article = by_url.get(_article_path(item.get("link") or "", siteurl))
        shown = entry_date(article, articles) if article is not None else EntryDate()
        if shown.left_out:
            continue
        if shown.when is not None:
            item["pubdate"] = set_date_tzinfo(shown.when, context.get("TIMEZONE"))
            item["unique_id"] = get_tag_uri(item["link"], shown.when)
        if shown.note:
            _add_note(feed, item, shown.note, context)
        kept.append(item)
    feed.items[:] = kept


def _add_note(feed, item: dict, note: str, context) -> None:
    # as Pelican fills them: an Atom entry's summary is its ``description`` (None when it equals the
    # content); an RSS item's ``description`` is the summary only under RSS_FEED_SUMMARY_ONLY
    if isinstance(feed, Rss201rev2Feed):
        if context.get("RSS_FEED_SUMMARY_ONLY"):
            item["description"] = noted(note, item["description"])
        return
    summary = item["description"] if item["description"] is not None else item["content"]
    item["description"] = noted(note, summary)
