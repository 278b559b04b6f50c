"""Dates from the title or lede, with their precision and evidence; never invented."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.ingest.digest.dates import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    assign_dates,
    digest_date_from,
    find_mentions,
    resolve,
    survey_digest,
)
from newsarchive.ingest.digest.decode import split_lines
from newsarchive.ingest.digest.parse import parse_block
from newsarchive.ingest.digest.split import split_articles
from newsarchive.model.records import ArticleDate, DatePrecision

D, M, Y, U = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.UNKNOWN


def date_of(text: str, digest_text: str = "", collected: date | None = None) -> tuple[ArticleDate | None, list[str]]:
    lines = split_lines(digest_text + "\n" + text)
    survey = survey_digest(lines, collected)
    mentions = find_mentions(text, 1, survey, in_title=True)
    if not mentions:
        return None, []
    return resolve(mentions[0], survey, "the title (line 1)")


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Talks open on 5 September 2016 in Geneva", date(2016, 9, 5), D),
        ("Talks open on September 5, 2016 in Geneva", date(2016, 9, 5), D),
        ("Talks open 2016-09-05", date(2016, 9, 5), D),
        ("Talks open on the 5th of September 2016", date(2016, 9, 5), D),
        ("Second trip to Aleppo – August 2016", date(2016, 8, 1), M),
        ("Report for Aug. 2016", date(2016, 8, 1), M),
        ("Annual review – 2019", date(2019, 1, 1), Y),
        ("Vote counted on 31/12/2015", date(2015, 12, 31), D),
        ("Vote counted on 12/31/2015", date(2015, 12, 31), D),
    ],
)
def test_full_dates_and_partial_dates(text, value, precision):
    found, _ = date_of(text)
    assert (found.value, found.precision) == (value, precision)


def test_month_date_shows_as_month_not_first_of_month():
    found, _ = date_of("Report – August 2016")
    assert found.iso == "2016-08"


@pytest.mark.parametrize(
    ("text", "digest_text", "collected", "value"),
    [
        ("On Monday 5 September, bombs", "In 2011 and 2016 things happened.", None, date(2016, 9, 5)),
        ("On Monday 5 September, bombs", "", date(2016, 9, 18), date(2016, 9, 5)),
        ("On Mon. Sept. 5, bombs", "Back in 2016.", None, date(2016, 9, 5)),
        ("Sept. 5: talks resume", "", date(2016, 9, 18), date(2016, 9, 5)),
        ("Jan.12 the town fell", "", date(2016, 3, 1), date(2016, 1, 12)),
        ("Dec. 30 the town fell", "", date(2016, 3, 1), date(2015, 12, 30)),
    ],
)
def test_year_inference(text, digest_text, collected, value):
    found, _ = date_of(text, digest_text, collected)
    assert found is not None and (found.value, found.precision) == (value, D)


def test_weekday_inference_explains_itself():
    found, _ = date_of("On Monday 5 September, bombs", "Written in 2016, about 2011.")
    assert "fell on a Monday in 2011, 2016 and 2022" in found.evidence
    assert "latest year written in the digest is 2016" in found.evidence


@pytest.mark.parametrize(
    ("text", "digest_text"),
    [
        ("On Monday 5 September, bombs", ""),  # no year anywhere: no evidence
        ("On 5 September, bombs", "It was 2016."),  # no weekday, no digest date
        ("Jan.12 the town fell", "In 2016."),
    ],
)
def test_no_evidence_leaves_the_date_unknown(text, digest_text):
    found, _ = date_of(text, digest_text)
    assert found is None


def test_ambiguous_numeric_order_is_a_warning():
    found, messages = date_of("Vote counted on 09-07-2015")
    assert found is None and "day-month or month-day" in messages[0]


def test_numeric_order_settled_by_the_digest():
    found, _ = date_of("Vote counted on 09-07-2015", "Earlier vote 25-06-2015.")
    assert found.value == date(2015, 7, 9)
    found, _ = date_of("Vote counted on 09-07-2015", "Earlier vote 06-25-2015.")
    assert found.value == date(2015, 9, 7)


def test_two_digit_year():
    found, _ = date_of("Vote counted on 25/06/15", "", date(2016, 1, 1))
    assert found.value == date(2015, 6, 25)


def test_impossible_date_is_reported_not_used():
    found, messages = date_of("Meeting on 31 February 2016")
    assert found is None and "not a date in the calendar" in messages[0]


def test_weekday_contradicting_a_full_date_is_a_warning():
    found, messages = date_of("On Tuesday 5 September 2016, talks")
    assert found.value == date(2016, 9, 5)
    assert "was a Monday, not a Tuesday" in messages[0]


@pytest.mark.parametrize(
    "text",
    ["Aleppo, Syria (6:00 A.M.) – rebels", "Two F-16 and two A-10 jets", "a city of over 1.5 million",
     "Version 3.10.2 released", "may 5 people come", "They march 12 miles"],
)
def test_text_that_looks_like_a_date_is_not_one(text):
    assert date_of(text, "In 2016.", date(2016, 9, 1))[0] is None


def test_event_dates_after_since_are_not_publication_dates():
    assert date_of("Since September 2014, the strikes continued")[0] is None


def parse_digest(text: str, name: str = "digest.txt", given: date | None = None):
    lines = split_lines(text)
    articles = [parse_block(b, name, name, _no_sources()).article for b in split_articles(lines)]
    problems = assign_dates(articles, lines, Path(name), given)
    return articles, problems


def _no_sources():
    from newsarchive.analysis.tagging.sources import SourceList

    return SourceList()


def test_only_title_and_lede_are_read():
    articles, _ = parse_digest("Title\n\nLede without a date.\n\nOn 5 September 2016 it happened.\n")
    assert articles[0].date.precision is U and articles[0].date.value is None


def test_digest_date_from_command_line_file_name_or_first_line():
    lines = split_lines("Date: 2016-09-18\n\n\n\nTitle\n")
    assert digest_date_from(Path("x.txt"), lines, None) == (date(2016, 9, 18), "line 1")
    assert digest_date_from(Path("2016-09-20-digest.txt"), split_lines("T\n"), None)[0] == date(2016, 9, 20)
    assert digest_date_from(Path("2016-09-20.txt"), lines, date(2017, 1, 1))[0] == date(2017, 1, 1)


def test_collected_date_bounds_inference_and_is_recorded():
    articles, _ = parse_digest("T\n\nOn Monday 5 September, bombs.\n", "2016-09-18.txt")
    assert articles[0].date.value == date(2016, 9, 5)
    assert articles[0].collected == date(2016, 9, 18)


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_weekday_day_month_resolves_to_the_year_the_digest_mentions(day):
    text = (
        f"Report on {day.year} events\n\nSomething happened in {day.year}.\n\n\n\n"
        f"Second title\n\nOn {WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}, a thing.\n"
    )
    articles, _ = parse_digest(text)
    assert (articles[1].date.value, articles[1].date.precision) == (day, D)


def test_numeric_order_settled_by_the_source_across_digests(tmp_path, sources):
    from newsarchive.ingest.importer import check_digests, import_digests

    settles = tmp_path / "one.txt"
    settles.write_text("Earlier count\n\nSource: Valley Courier\nThe count of 25-06-2015 was final.\n")
    ambiguous = tmp_path / "two.txt"
    ambiguous.write_text("Vote counted\n\nSource: Valley Courier\nVotes were counted on 09-07-2015 in the hall.\n")
    other = tmp_path / "three.txt"
    other.write_text("Vote counted\n\nSource: Northern Wire\nVotes were counted on 09-07-2015 in the hall.\n")
    summary = import_digests([settles, ambiguous, other], tmp_path / "content", tmp_path, sources)
    texts = [p.read_text() for p in (tmp_path / "content").rglob("*.md")]
    dated = {text.split("Source: ")[1].split("\n")[0]: text for text in texts if "Vote counted" in text}
    assert "Date: 2015-07-09" in dated["Valley Courier"]
    assert "read as Valley Courier writes numeric dates day first" in dated["Valley Courier"]
    assert "Date:" not in dated["Northern Wire"].replace("Date-", "")
    ambiguity = [p for p in summary.problems if "neither the digest nor its source settles" in p.message]
    assert [p.path for p in ambiguity] == [str(other)]
    _, problems = check_digests([settles, ambiguous, other], tmp_path, sources)
    assert [p.path for p in problems if "settles" in p.message] == [str(other)]
