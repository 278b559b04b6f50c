"""Coverage timelines: one bar per month from the first to the last, empty months unlinked, and
articles without a month counted beside the chart."""

from __future__ import annotations

from types import SimpleNamespace

from pelican.utils import SafeDatetime

from newsarchive.site.published_dates import published_date
from newsarchive.site.timeline import CHART_HEIGHT, timeline

MONTH_URL = "archives/{year}/{month:02d}/"


def article(year=1, month=1, precision="unknown"):
    when = SafeDatetime(year, month, 1)
    return SimpleNamespace(date=when, published=published_date(when, precision))


def test_bars_run_month_by_month_across_a_year_and_link_only_months_with_articles():
    chart = timeline("t", [article(2023, 11, "day"), article(2024, 2, "month"), article(2024, 2, "day")], MONTH_URL)
    assert [(b.label, b.count) for b in chart.bars] == [("Nov 2023", 1), ("Dec 2023", 0), ("Jan 2024", 0),
                                                          ("Feb 2024", 2)]
    assert [b.url for b in chart.bars] == ["archives/2023/11/", None, None, "archives/2024/02/"]
    assert chart.bars[-1].height == CHART_HEIGHT and chart.bars[0].height == CHART_HEIGHT // 2
    assert [b.label for b in chart.year_labels] == ["Nov 2023", "Jan 2024"]


def test_year_only_and_undated_articles_are_counted_in_the_description_not_in_a_month():
    chart = timeline("t", [article(2024, 3, "day"), article(2024, 1, "year"), article()], MONTH_URL)
    assert len(chart.bars) == 1
    assert chart.description == ("1 article by month from Mar 2024 to Mar 2024; the most, 1, in Mar 2024; "
                                 "not shown: 1 known only by year, 1 undated.")


def test_no_dated_article_gives_no_bars():
    assert timeline("t", [article()], MONTH_URL).bars == []
