"""Coverage timelines: articles per month as an SVG bar chart drawn at build time (no script, no
request), for the archives page (all articles, then each source), each source page and each tag page.

This module works out the bars; ``partials/timeline.html`` draws them, with a title, a text
alternative and the same numbers as a table. Only articles dated to the month or day have a month;
those known only by year or not at all are counted beside the chart, never put in a month.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import settings

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
        return f"{MONTHS[self.month - 1]} {self.year}"

    @property
    def month_name(self) -> str:
        return MONTHS[self.month - 1]

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 1)


def month_step(months: int) -> float:
    """Each month's slot: the bars fill at least ``MIN_WIDTH``, and none is thinner than ``MIN_STEP``."""
    return max(MIN_STEP, MIN_WIDTH / max(months, 1))


@dataclass(frozen=True)
class Timeline:
    title: str
    bars: list[Bar] = field(default_factory=list)
    year_only: int = 0
    undated: int = 0

    @property
    def step(self) -> float:
        return month_step(len(self.bars))

    @property
    def width(self) -> int:
        return max(MIN_WIDTH, round(len(self.bars) * self.step))

    @property
    def baseline(self) -> int:
        return COUNT_HEIGHT + CHART_HEIGHT

    @property
    def height(self) -> int:
        return self.baseline + LABEL_HEIGHT

    @property
    def peak(self) -> int:
        return max((bar.count for bar in self.bars), default=0)

    @property
    def every_month(self) -> bool:
        """Few months: each is named under its bar, with its count above; many: only the years."""
        return self.step >= MONTH_LABEL_STEP

    @property
    def year_labels(self) -> list[Bar]:
        """Bars under which the axis names the year: each January, and the first bar unless a
        January follows too closely for both names to fit."""
        januaries = [i for i, bar in enumerate(self.bars) if bar.month == 1]
        first_fits = not januaries or januaries[0] == 0 or januaries[0] * self.step >= YEAR_LABEL_WIDTH
        return [bar for i, bar in enumerate(self.bars) if bar.month == 1 or (i == 0 and first_fits)]

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
    months = (last[0] - year) * 12 + last[1] - month + 1
    step = month_step(months)
    width = min(MAX_BAR, step - (GAP if step >= 10 else NARROW_GAP))
    peak = max(counts.values())
    bars = []
    while (year, month) <= last:
        count = counts.get((year, month), 0)
        height = max(MIN_BAR_HEIGHT, round(CHART_HEIGHT * count / peak, 1)) if count else 0
        x = round(len(bars) * step + (step - width) / 2, 1)
        bars.append(Bar(year, month, count, month_url.format(year=year, month=month) if count else None,
                        x, COUNT_HEIGHT + CHART_HEIGHT - height, height, round(width, 1)))
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
