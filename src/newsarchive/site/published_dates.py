"""Dates with their precision: undated articles still publish; pages show only what is known."""

from __future__ import annotations

from dataclasses import dataclass

from pelican.contents import Article
from pelican.utils import SafeDatetime

from ..model import settings

PRECISIONS = ("day", "month", "year", "unknown")


def give_undated_a_sort_date(generator, metadata: dict) -> None:
    """Pelican skips an article without a date; give it a sort key instead (never displayed)."""
    if "date" not in metadata:
        sort_date = settings.get(generator.settings, "NEWSARCHIVE_UNDATED_SORT_DATE")
        metadata["date"] = SafeDatetime(sort_date.year, sort_date.month, sort_date.day)
        metadata["date-precision"] = "unknown"


@dataclass(frozen=True)
class PublishedDate:
    """What a page shows of a date: words and a ``<time datetime>`` value, cut to the precision."""

    precision: str
    text: str
    iso: str | None  # None when the date is unknown

    @property
    def known(self) -> bool:
        return self.iso is not None


def published_date(value, precision: str) -> PublishedDate:
    if precision == "month":
        return PublishedDate(precision, f"{value:%B} {value.year}", f"{value.year:04d}-{value.month:02d}")
    if precision == "year":
        return PublishedDate(precision, str(value.year), f"{value.year:04d}")
    if precision == "unknown" or value is None:
        return PublishedDate("unknown", "date unknown", None)
    return PublishedDate("day", f"{value.day} {value:%B} {value.year}", value.date().isoformat())


def attach_published_date(content) -> None:
    if not isinstance(content, Article):
        return
    precision = str(content.metadata.get("date-precision", "day")).strip().lower()
    if precision not in PRECISIONS:
        precision = "day"
    content.published = published_date(getattr(content, "date", None), precision)
