"""Archives by year and month, plus "Undated", honest about each article's date precision.

Pelican's own period archives group by the sort date, which would file an undated article
under year 1 and a year-precision one under January; these use ``article.published`` instead.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from pelican.generators import Generator

from ..model import settings


@dataclass
class Period:
    kind: str  # "year", "month" or "undated"
    title: str
    url: str
    save_as: str
    year: int | None = None
    month: int | None = None
    articles: list = field(default_factory=list)
    months: list[Period] = field(default_factory=list)  # a year's months, newest first
    month_unknown: list = field(default_factory=list)  # a year's year-precision articles


def build_archive(articles: list, pelican_settings: dict) -> tuple[list[Period], Period]:
    """Years (newest first) with their months, and the undated articles, each in site order."""

    def place(kind: str, **values) -> tuple[str, str]:
        url = settings.get(pelican_settings, f"ARCHIVE_{kind.upper()}_URL").format(**values)
        save_as = settings.get(pelican_settings, f"ARCHIVE_{kind.upper()}_SAVE_AS").format(**values)
        return url, save_as

    years: dict[int, Period] = {}
    months: dict[tuple[int, int], Period] = {}
    undated = Period("undated", "Undated", *place("undated"))
    for article in articles:
        published = getattr(article, "published", None)
        if published is None or not published.known:
            undated.articles.append(article)
            continue
        year = article.date.year
        if year not in years:
            years[year] = Period("year", str(year), *place("year", year=year), year=year)
        years[year].articles.append(article)
        if published.precision == "year":
            years[year].month_unknown.append(article)
            continue
        key = (year, article.date.month)
        if key not in months:
            title = f"{calendar.month_name[key[1]]} {year}"
            months[key] = Period("month", title, *place("month", year=year, month=key[1]), year=year, month=key[1])
            years[year].months.append(months[key])
        months[key].articles.append(article)
    for period in years.values():
        period.months.sort(key=lambda m: m.month, reverse=True)
    return sorted(years.values(), key=lambda p: p.year, reverse=True), undated


class ArchivesGenerator(Generator):
    """Puts ``archive_years`` and ``archive_undated`` in the context and writes their pages."""

    def generate_context(self) -> None:
        self.years, self.undated = build_archive(self.context.get("articles", []), self.settings)
        self.context["archive_years"] = self.years
        self.context["archive_undated"] = self.undated

    def generate_output(self, writer) -> None:
        template = None  # loaded only when a period has a page (its ARCHIVE_*_SAVE_AS may be empty)
        periods = [self.undated] if self.undated.articles else []
        for year in self.years:
            periods.append(year)
            periods.extend(year.months)
        for period in periods:
            if not period.save_as:
                continue
            template = template or self.get_template("period_archives")
            writer.write_file(
                period.save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                archive=period,
                # a year page groups by month; month and undated pages are long lists, paginated
                articles=period.articles,
                dates=period.articles,
                template_name="period_archives" if period.kind != "year" else "period_archives_year",
                blog=True,
                page_name="archives",
                url=period.url,
            )


def get_generators(pelican):
    return ArchivesGenerator
