"""Coverage timelines: one bar per month from the first to the last, empty months unlinked, and
articles without a month counted beside the chart."""

from __future__ import annotations

from types import SimpleNamespace

from pelican.utils import SafeDatetime

from newsarchive.site.published_dates import published_date
from newsarchive.site.timeline import CHART_HEIGHT, MIN_BAR_HEIGHT, MIN_STEP, MIN_WIDTH, NARROW_GAP, timeline

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
    assert [chart.bars[i].label for i in chart.year_label_indexes] == ["Nov 2023", "Jan 2024"]


def test_year_only_and_undated_articles_are_counted_in_the_description_not_in_a_month():
    chart = timeline("t", [article(2024, 3, "day"), article(2024, 1, "year"), article()], MONTH_URL)
    assert len(chart.bars) == 1
    assert chart.description == ("1 article by month from Mar 2024 to Mar 2024; the most, 1, in Mar 2024; "
                                 "not shown: 1 known only by year, 1 undated.")


def test_no_dated_article_gives_no_bars():
    assert timeline("t", [article()], MONTH_URL).bars == []


def test_a_few_months_fill_a_readable_chart_with_every_month_named():
    """Five articles over six months: not a 90-pixel strip named only "Jan 2024"."""
    found = [article(2024, m, "day") for m in (1, 2, 2, 4, 6)]
    chart = timeline("t", found, MONTH_URL)
    assert len(chart.bars) == 6 and chart.width >= MIN_WIDTH
    assert all(bar.width >= 30 for bar in chart.bars)
    assert chart.every_month and [b.month_name for b in chart.bars] == ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    assert chart.year_label_indexes == [0]
    assert all(bar.x + bar.width <= chart.width for bar in chart.bars)


def test_many_months_name_only_the_years_and_scroll_rather_than_squeeze():
    found = [article(year, month, "day") for year in range(2010, 2024) for month in (1, 7)]
    chart = timeline("t", found, MONTH_URL)
    assert len(chart.bars) == 14 * 12 - 5 and not chart.every_month
    assert [chart.bars[i].label for i in chart.year_label_indexes] == [f"Jan {year}" for year in range(2010, 2024)]
    assert chart.width == round(len(chart.bars) * MIN_STEP) > MIN_WIDTH
    assert all(bar.width == MIN_STEP - NARROW_GAP for bar in chart.bars)


def test_the_first_bar_is_named_only_when_its_year_label_fits_before_the_next_january():
    late = timeline("t", [article(2023, 12, "day")] + [article(y, m, "day") for y in range(2024, 2030)
                                                      for m in (1, 6)], MONTH_URL)
    assert late.bars[late.year_label_indexes[0]].label == "Jan 2024"
    early = timeline("t", [article(2023, 3, "day"), article(2030, 1, "day")], MONTH_URL)
    assert early.year_label_indexes[0] == 0 and early.bars[0].label == "Mar 2023"


def test_a_month_with_one_article_beside_a_busy_one_still_shows_a_bar():
    chart = timeline("t", [article(2024, 1, "day")] + [article(2024, 2, "day")] * 500, MONTH_URL)
    assert chart.bars[0].height == MIN_BAR_HEIGHT and chart.bars[1].height == CHART_HEIGHT


def test_a_timeline_keeps_its_counts_alone_and_lays_out_the_bars_when_drawn():
    """Every tag has a timeline, and each page's fingerprint walks what its tag holds: a tuple of counts."""
    chart = timeline("t", [article(2023, 11, "day"), article(2024, 2, "day")], MONTH_URL)
    assert chart.counts == (1, 0, 0, 1) and chart.first == (2023, 11)
    assert "bars" not in vars(chart)


def test_a_chart_is_drawn_once_per_build_however_many_pages_show_it():
    import jinja2

    from newsarchive.site.timeline import CHART_TEMPLATE, forget, timeline_chart

    drawn = []
    loader = jinja2.DictLoader({CHART_TEMPLATE: "{{ chart.title }}|{{ chart_id }}|{{ SITEURL }}",
                                "page.html": '{{ timeline_chart(chart, "timeline") }}'})

    class Counting(jinja2.Environment):
        def get_template(self, name, *args, **kwargs):
            drawn.append(name)
            return super().get_template(name, *args, **kwargs)

    env = Counting(loader=loader, autoescape=True)
    env.globals["timeline_chart"] = timeline_chart
    chart = timeline("Articles tagged <b>", [article(2024, 3, "day")], MONTH_URL)
    forget()
    pages = [env.get_template("page.html").render(chart=chart, SITEURL=siteurl) for siteurl in ("..", "..", ".")]
    assert pages == ["Articles tagged &lt;b&gt;|timeline|..", "Articles tagged &lt;b&gt;|timeline|..",
                     "Articles tagged &lt;b&gt;|timeline|."]
    assert drawn.count(CHART_TEMPLATE) == 2  # once per SITEURL, not once per page
    forget()
