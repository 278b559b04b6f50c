"""Coverage timelines: articles per month as an SVG bar chart drawn at build time (no script, no
request), for the archives page (all articles, then each source), each source page and each tag page.

This module counts the months and lays out the bars; ``partials/timeline.html`` draws them, with a
title, a text alternative and the same numbers as a table. A :class:`Timeline` keeps only its
counts (every tag has one, and each page's fingerprint walks what its tag holds): the bars are
laid out when the chart is drawn. Only articles dated to the month or day have a month;
those known only by year or not at all are counted beside the chart, never put in a month.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import pass_context
from markupsafe import Markup

from ..incremental import renders_template
from ..model import settings
from .drawn_once import DrawnOnce

# The chart's geometry, in CSS pixels. The SVG is drawn at its own size and never squeezed: a
# chart wider than its column scrolls sideways, so its labels stay legible on a phone.
MIN_WIDTH = 320  # a few months spread over a phone's width, not a narrow strip
MIN_STEP, MAX_BAR = 4, 40  # a month's slot at the least (ten years fit a desktop column); a bar at the most
GAP, NARROW_GAP = 2, 1  # between bars; between the bars of slots under 10 pixels
CHART_HEIGHT = 64  # the tallest bar
MIN_BAR_HEIGHT = 2  # a month with one article beside one with hundreds still shows a bar
COUNT_HEIGHT = 16  # above the bars: the counts, when every month is labelled
LABEL_HEIGHT = 32  # below them: the months (when every month is labelled), then the years
MONTH_LABEL_STEP = 26  # a slot at least this wide fits its month's name ("Sep") and its count
YEAR_LABEL_WIDTH = 36  # a year's name ("2024", bold)
CHART_TEMPLATE = "partials/timeline.html"
CHART_FUNCTION = "timeline_chart"  # its name in templates
renders_template(CHART_FUNCTION, CHART_TEMPLATE)  # a page's fingerprint follows it as an include
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Bar:
    year: int
    month: int
    count: int
    url: str | None  # the month's archive page; None when the month has no articles
    x: float  # the bar's left edge
    y: float  # its top
    height: float
    width: float

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def month_name(self) -> str:
        return MONTHS[self.month - 1]

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 1)


def month_label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def _month_number(year: int, month: int) -> int:
    return year * 12 + month - 1


def _year_month(number: int) -> tuple[int, int]:
    return number // 12, number % 12 + 1


def month_step(months: int) -> float:
    """Each month's slot: the bars fill at least ``MIN_WIDTH``, and none is thinner than ``MIN_STEP``."""
    return max(MIN_STEP, MIN_WIDTH / max(months, 1))


@dataclass(frozen=True)
class Timeline:
    title: str
    counts: tuple[int, ...] = ()  # articles per month, from ``first`` on, month by month
    first: tuple[int, int] = (0, 1)  # (year, month) of ``counts[0]``
    month_url: str = ""  # ARCHIVE_MONTH_URL
    year_only: int = 0
    undated: int = 0

    def month(self, index: int) -> tuple[int, int]:
        """(year, month) of ``counts[index]``."""
        return _year_month(_month_number(*self.first) + index)

    @property
    def bars(self) -> list[Bar]:
        """One bar per month, laid out: read it once per drawing (``{% set bars = chart.bars %}``)."""
        step, peak = self.step, self.peak
        width = min(MAX_BAR, step - (GAP if step >= 10 else NARROW_GAP))
        margin, shown_width, baseline = (step - width) / 2, round(width, 1), COUNT_HEIGHT + CHART_HEIGHT
        (year, month), bars = self.first, []
        for index, count in enumerate(self.counts):
            if count:
                height = max(MIN_BAR_HEIGHT, round(CHART_HEIGHT * count / peak, 1))
                url = self.month_url.format(year=year, month=month)
            else:
                height, url = 0, None
            bars.append(Bar(year, month, count, url, round(index * step + margin, 1), baseline - height, height,
                            shown_width))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return bars

    @property
    def step(self) -> float:
        return month_step(len(self.counts))

    @property
    def width(self) -> int:
        return max(MIN_WIDTH, round(len(self.counts) * self.step))

    @property
    def baseline(self) -> int:
        return COUNT_HEIGHT + CHART_HEIGHT

    @property
    def height(self) -> int:
        return self.baseline + LABEL_HEIGHT

    @property
    def peak(self) -> int:
        return max(self.counts, default=0)

    @property
    def every_month(self) -> bool:
        """Few months: each is named under its bar, with its count above; many: only the years."""
        return self.step >= MONTH_LABEL_STEP

    @property
    def year_label_indexes(self) -> list[int]:
        """The bars under which the axis names the year: each January, and the first bar unless a
        January follows too closely for both names to fit."""
        januaries = [i for i in range(len(self.counts)) if self.month(i)[1] == 1]
        first_fits = not januaries or januaries[0] == 0 or januaries[0] * self.step >= YEAR_LABEL_WIDTH
        return ([0] if self.counts and first_fits and januaries[:1] != [0] else []) + januaries

    @property
    def description(self) -> str:
        dated = sum(self.counts)
        text = f"{dated} article{'s' if dated != 1 else ''} by month"
        if self.counts:
            busiest = max(range(len(self.counts)), key=lambda i: (self.counts[i], -i))
            text += (f" from {month_label(*self.first)} to {month_label(*self.month(len(self.counts) - 1))}; "
                     f"the most, {self.counts[busiest]}, in {month_label(*self.month(busiest))}")
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
        return Timeline(title, (), month_url=month_url, year_only=year_only, undated=undated)
    (year, month), (last_year, last_month) = min(counts), max(counts)
    first = _month_number(year, month)
    by_month = tuple(counts.get(_year_month(first + i), 0) for i in range(_month_number(last_year, last_month)
                                                                            - first + 1))
    return Timeline(title, by_month, (year, month), month_url, year_only, undated)


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


_CHARTS = DrawnOnce(CHART_TEMPLATE)  # by chart, its id in the page and SITEURL


@pass_context
def timeline_chart(context, chart: Timeline, chart_id: str) -> Markup:
    """The chart drawn once per build however many pages show it (each page of a paginated tag
    or source shows its chart; the archives page shows every source's again)."""
    siteurl = context.get("SITEURL") or ""
    return _CHARTS.draw(context.environment, chart, (chart_id, siteurl), chart=chart, chart_id=chart_id,
                        SITEURL=siteurl)


def install(generator) -> None:
    """``generator_init``: the templates of every generator can call ``timeline_chart``."""
    generator.env.globals[CHART_FUNCTION] = timeline_chart


def forget(*_args, **_kwargs) -> None:
    """``initialized`` and ``finalized``: each build draws its own charts (and lets them go)."""
    _CHARTS.forget()
