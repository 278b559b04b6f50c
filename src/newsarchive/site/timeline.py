"""Coverage timelines: articles per month as an SVG bar chart drawn at build time (no script, no
request), for the archives page (all articles, then each source), each source page and each tag page.

This module works out the bars; ``partials/timeline.html`` draws them, with a title, a text
alternative and the same numbers as a table. Only articles dated to the month or day have a month;
those known only by year or not at all are counted beside the chart, never put in a month.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import settings

BAR_WIDTH, BAR_GAP, CHART_HEIGHT, LABEL_HEIGHT = 12, 3, 48, 16
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Bar:
    year: int
    month: int
    count: int
    url: str | None  # the month's archive page; None when the month has no articles
    x: int
    y: int
    height: int

    @property
    def label(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"


@dataclass(frozen=True)
class Timeline:
    title: str
    bars: list[Bar] = field(default_factory=list)
    year_only: int = 0
    undated: int = 0

    @property
    def width(self) -> int:
        return max(len(self.bars), 1) * (BAR_WIDTH + BAR_GAP)

    @property
    def height(self) -> int:
        return CHART_HEIGHT + LABEL_HEIGHT

    @property
    def peak(self) -> int:
        return max((bar.count for bar in self.bars), default=0)

    @property
    def year_labels(self) -> list[Bar]:
        """Bars that start a year (or the chart): where the axis names the year."""
        return [bar for i, bar in enumerate(self.bars) if i == 0 or bar.month == 1]

    @property
    def description(self) -> str:
        dated = sum(bar.count for bar in self.bars)
        text = f"{dated} article{'s' if dated != 1 else ''} by month"
        if self.bars:
            busiest = max(self.bars, key=lambda bar: bar.count)
            text += (f" from {self.bars[0].label} to {self.bars[-1].label}; the most, {busiest.count}, in "
                     f"{busiest.label}")
        extra = []
        if self.year_only:
            extra.append(f"{self.year_only} known only by year")
        if self.undated:
            extra.append(f"{self.undated} undated")
        return text + (f"; not shown: {', '.join(extra)}" if extra else "") + "."


def timeline(title: str, articles, month_url: str) -> Timeline:
    counts: dict[tuple[int, int], int] = {}
    year_only = undated = 0
    for article in articles:
        published = getattr(article, "published", None)
        if published is None or not published.known:
            undated += 1
        elif published.precision == "year":
            year_only += 1
        else:
            key = (article.date.year, article.date.month)
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return Timeline(title, [], year_only, undated)
    (year, month), last = min(counts), max(counts)
    peak = max(counts.values())
    bars = []
    while (year, month) <= last:
        count = counts.get((year, month), 0)
        height = round(CHART_HEIGHT * count / peak) if count else 0
        bars.append(Bar(year, month, count, month_url.format(year=year, month=month) if count else None,
                        len(bars) * (BAR_WIDTH + BAR_GAP), CHART_HEIGHT - height, height))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return Timeline(title, bars, year_only, undated)


def attach_timelines(generators) -> None:
    """``all_generators_finalized``: ``timeline`` on each source and tag, and the archives' timelines."""
    for generator in generators:
        month_url = settings.get(generator.settings, "ARCHIVE_MONTH_URL")
        for tag, articles in (getattr(generator, "tags", None) or {}).items():
            tag.timeline = timeline(f"Articles tagged {tag} per month", articles, month_url)
        sources = getattr(generator, "sources", None)
        if sources is not None and "sources" in generator.context:
            by_source = []
            for source, articles in sources:
                source.timeline = timeline(f"Articles from {source} per month", articles, month_url)
                by_source.append(source.timeline)
            generator.context["source_timelines"] = by_source
        if "articles" in generator.context and "archive_timeline" not in generator.context:
            generator.context["archive_timeline"] = timeline(
                "Articles per month", generator.context["articles"], month_url
            )
