"""Publication dates: what the title or lede says, how precise it is, and why.

Only the title and the lede (first body paragraph) are read: a date deeper in the body is
an event, not the publication date. A day and month without a year get a year only when
the text supports one (a weekday, or the digest's own date); otherwise the date stays
unknown. A wrong date in an archive is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ...model.problems import Problem, Severity
from ...model.records import Article, ArticleDate, BodyKind, DatePrecision, Line

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


def _names(words: Iterable[str]) -> str:
    # Capitalised or upper case only: "may" and "march" in prose are verbs, not months.
    forms = sorted({f for w in words for f in (w.capitalize(), w.upper())}, key=len, reverse=True)
    return "|".join(forms)


MONTH = rf"(?P<month>{_names(MONTHS)})\.?"
WEEKDAY = rf"(?:(?P<weekday>{_names(WEEKDAYS)})\.?,?\s+(?:the\s+)?)"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20|21)\d\d)"
LEADING_EVENT = re.compile(r"\b(?:since|until|till|before|after|from|by|between)\s+$", re.IGNORECASE)

PATTERNS = [
    ("iso", re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")),
    ("numeric", re.compile(
        r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)"
    )),
    ("day_month", re.compile(rf"\b{WEEKDAY}?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b")),
    ("month_day", re.compile(rf"\b{WEEKDAY}?{MONTH}\s*{DAY}\b(?!\s*[:.]\d)(?:,?\s+{YEAR})?\b")),
    ("month_year", re.compile(rf"\b{MONTH},?\s+{YEAR}\b")),
    ("title_year", re.compile(rf"(?:[–—-]\s*|\(){YEAR}\)?\s*$")),
]
ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
DIGEST_DATE_LINE = re.compile(r"^\s*Date:\s*(\d{4})-(\d{2})-(\d{2})\s*$", re.IGNORECASE)
ORDER_WORDS = {"dmy": "day first", "mdy": "month first"}
INFERENCE_WINDOW = 40  # years before the upper bound that a weekday may point to


@dataclass(frozen=True)
class DateMention:
    """A date written in the text, possibly without year."""

    text: str
    line: int
    start: int
    precision: DatePrecision
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None
    order_ambiguous: bool = False
    order_from: str | None = None  # why a numeric date was read day-first or month-first
    named_month: bool = False  # written with a month name ("5 September 2016"), not in digits


@dataclass(frozen=True)
class DigestDates:
    """What the whole digest says about dates: its own date, the years it mentions, its numeric order."""

    collected: date | None
    latest_year: int | None
    numeric_order: str | None  # "dmy", "mdy" or None when unsettled
    conflicting_orders: bool = False
    order_from: str | None = None  # why numeric_order holds, when it comes from outside the digest


def digest_date_from(path: Path, lines: list[Line], given: date | None) -> tuple[date | None, str | None]:
    """The digest's date: given on the command line, a ``Date:`` first line, or in the file name."""
    if given:
        return given, "command line"
    first = next((line for line in lines if not line.is_blank), None)
    if first is not None:
        match = DIGEST_DATE_LINE.match(first.text)
        if match and (found := _safe_date(*map(int, match.groups()))):
            return found, f"line {first.number}"
    match = ISO_IN_NAME.search(path.name)
    if match and (found := _safe_date(*map(int, match.groups()))):
        return found, "file name"
    return None, None


def is_digest_date_line(line: Line) -> bool:
    return bool(DIGEST_DATE_LINE.match(line.text))


def survey_digest(lines: list[Line], collected: date | None) -> DigestDates:
    years = [int(m.group()) for line in lines for m in ANY_YEAR.finditer(line.text)]
    if collected:
        years = [y for y in years if y <= collected.year]
    orders = numeric_orders(line.text for line in lines)
    order = next(iter(orders)) if len(orders) == 1 else None
    return DigestDates(collected, max(years) if years else None, order, conflicting_orders=len(orders) > 1)


def numeric_orders(texts: Iterable[str]) -> set[str]:
    """The orders ("dmy", "mdy") that numeric dates in ``texts`` prove by a part above 12."""
    orders = set()
    for text in texts:
        for match in PATTERNS[1][1].finditer(text):
            a, b = int(match["a"]), int(match["b"])
            if a > 12 >= b:
                orders.add("dmy")
            elif b > 12 >= a:
                orders.add("mdy")
    return orders


def article_numeric_orders(article: Article) -> set[str]:
    """The numeric date orders that an article's title and body prove."""
    return numeric_orders((article.title, *(line for block in article.body for line in block.lines)))


def find_mentions(text: str, line: int, survey: DigestDates, in_title: bool = False) -> list[DateMention]:
    """Every date written in ``text``, left to right, without overlaps."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        if kind == "title_year" and not in_title:
            continue
        for match in pattern.finditer(text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            mention = _mention(kind, match, line, survey)
            if mention is None:
                continue
            if mention.precision in (DatePrecision.MONTH, DatePrecision.YEAR) and LEADING_EVENT.search(text[: span[0]]):
                continue  # "since August 2014" is an event, not the publication date
            taken.append(span)
            found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _mention(kind: str, match: re.Match, line: int, survey: DigestDates) -> DateMention | None:
    text, start = match.group(), match.start()
    groups = match.groupdict()
    weekday = WEEKDAYS[groups["weekday"].lower()] if groups.get("weekday") else None
    if kind == "iso":
        year, month, day = int(groups["year"]), int(groups["month"]), int(groups["day"])
        return DateMention(text, line, start, DatePrecision.DAY, year, month, day)
    if kind == "numeric":
        a, b, y = int(groups["a"]), int(groups["b"]), groups["y"]
        year = int(y) if len(y) == 4 else _two_digit_year(int(y), survey)
        if a > 12 or (a <= 12 and b <= 12 and survey.numeric_order == "dmy"):
            day, month = a, b
        elif b > 12 or survey.numeric_order == "mdy":
            month, day = a, b
        else:
            day, month = a, b
            if a != b:
                return DateMention(text, line, start, DatePrecision.DAY, year, month, day, order_ambiguous=True)
        order_from = None if a > 12 or b > 12 or a == b else survey.order_from  # none: it settles itself
        return DateMention(text, line, start, DatePrecision.DAY, year, month, day, order_from=order_from)
    if kind == "title_year":
        return DateMention(text, line, start, DatePrecision.YEAR, int(groups["year"]), None, None)
    month = MONTHS[groups["month"].lower()]
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "month_year":
        return DateMention(text, line, start, DatePrecision.MONTH, year, month, None)
    return DateMention(text, line, start, DatePrecision.DAY, year, month, int(groups["day"]), weekday, named_month=True)


def _two_digit_year(short: int, survey: DigestDates) -> int:
    pivot = (survey.collected.year if survey.collected else survey.latest_year or date.today().year) % 100
    return 2000 + short if short <= pivot else 1900 + short


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_full_date(text: str) -> date | None:
    """A full date written with a month name, read by dateparser; None when it is not a real date.

    Our patterns find the date in the text; dateparser, a maintained parser, reads what
    they found ("Mon. Sept. 5, 2016", "the 5th of September 2016") and rejects dates that
    are not in the calendar ("31 February 2016").
    """
    import dateparser  # imported on first use: most digests never need it

    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def resolve(mention: DateMention, survey: DigestDates, where: str) -> tuple[ArticleDate | None, list[str]]:
    """Turn a mention into a date, or None with the reasons why it cannot be one."""
    quoted = f"'{mention.text}' in {where}"
    if mention.order_ambiguous:
        return None, [
            f"{quoted} could be day-month or month-day and neither the digest nor its source settles which; "
            "date left unknown"
        ]
    if mention.precision is DatePrecision.YEAR:
        return ArticleDate(date(mention.year, 1, 1), DatePrecision.YEAR, quoted), []
    if mention.precision is DatePrecision.MONTH:
        return ArticleDate(date(mention.year, mention.month, 1), DatePrecision.MONTH, quoted), []
    if mention.year is not None:
        value = parse_full_date(mention.text) if mention.named_month else _safe_date(
            mention.year, mention.month, mention.day
        )
        if value is None:
            return None, [f"{quoted} is not a date in the calendar"]
        if mention.order_from:
            quoted = f"{quoted}, read {mention.order_from}"
        warnings = []
        if mention.weekday is not None and value.weekday() != mention.weekday:
            warnings.append(
                f"{quoted}: {value:%-d %B %Y} was a {WEEKDAY_NAMES[value.weekday()]}, "
                f"not a {WEEKDAY_NAMES[mention.weekday]}; kept the date as written"
            )
        return ArticleDate(value, DatePrecision.DAY, quoted), warnings
    return _infer_year(mention, survey, quoted)


def _infer_year(mention: DateMention, survey: DigestDates, quoted: str) -> tuple[ArticleDate | None, list[str]]:
    day_month = f"{mention.day} {MONTH_NAMES[mention.month - 1]}"
    if _safe_date(2000, mention.month, mention.day) is None:  # 2000 is a leap year
        return None, [f"{quoted}: {day_month} is not a date in the calendar"]
    if mention.weekday is not None:
        bound = survey.collected or (date(survey.latest_year, 12, 31) if survey.latest_year else None)
        if bound is None:
            return None, []
        fits = [
            y for y in range(bound.year - INFERENCE_WINDOW, bound.year + 11)
            if (d := _safe_date(y, mention.month, mention.day)) and d.weekday() == mention.weekday
        ]
        allowed = [y for y in fits if date(y, mention.month, mention.day) <= bound]
        if not allowed:
            return None, [f"{quoted}: no year up to {bound.year} has {day_month} on a {WEEKDAY_NAMES[mention.weekday]}"]
        year = max(allowed)
        nearby = [y for y in fits if abs(y - year) <= 6]
        why = (
            f"the digest was collected on {survey.collected.isoformat()}" if survey.collected
            else f"the latest year written in the digest is {survey.latest_year}"
        )
        evidence = (
            f"{quoted}: {day_month} fell on a {WEEKDAY_NAMES[mention.weekday]} in "
            f"{_join_years(nearby)}; {why}, so {year}"
        )
        return ArticleDate(date(year, mention.month, mention.day), DatePrecision.DAY, evidence), []
    if survey.collected:
        year = survey.collected.year
        this_year = _safe_date(year, mention.month, mention.day)
        if this_year is None or this_year > survey.collected:
            year -= 1
        value = _safe_date(year, mention.month, mention.day)
        if value is None:
            return None, []
        evidence = f"{quoted}: the latest {day_month} not after the digest's date {survey.collected.isoformat()}"
        return ArticleDate(value, DatePrecision.DAY, evidence), []
    return None, []


def _join_years(years: list[int]) -> str:
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


PRECISION_RANK = {DatePrecision.DAY: 3, DatePrecision.MONTH: 2, DatePrecision.YEAR: 1}


def date_article(article: Article, survey: DigestDates, path: str) -> tuple[ArticleDate, list[Problem]]:
    """The article's date from its title, else its lede; the most precise mention wins."""
    problems: list[Problem] = []
    places = [(article.title, article.first_line, "the title", True)]
    lede = next((b for b in article.body if b.kind is BodyKind.PARAGRAPH), None)
    if lede is not None:
        places.append((" ".join(lede.lines), lede.first_line, "the lede", False))
    for text, line, where, in_title in places:
        mentions = find_mentions(text, line, survey, in_title)
        mentions.sort(key=lambda m: (-PRECISION_RANK[m.precision], m.start))
        for mention in mentions:
            resolved, messages = resolve(mention, survey, f"{where} (line {line})")
            problems.extend(Problem(path, line, Severity.WARNING, message) for message in messages)
            if resolved is not None:
                return resolved, problems
    return ArticleDate(), problems


def assign_dates(
    articles: list[Article],
    lines: list[Line],
    path: Path,
    given: date | None = None,
    source_orders: dict[str, str] | None = None,
) -> list[Problem]:
    """Date every article of one digest in place; return the problems met.

    ``source_orders`` gives the numeric date order each source uses across digests; it
    settles an article's numeric dates when its own digest does not.
    """
    collected, found_in = digest_date_from(path, lines, given)
    survey = survey_digest(lines, collected)
    problems: list[Problem] = []
    first = next((line for line in lines if not line.is_blank), None)
    if first is not None and is_digest_date_line(first) and found_in != f"line {first.number}" and not given:
        problems.append(
            Problem(str(path), first.number, Severity.WARNING,
                    f"{first.text.strip()!r} is not a date in the calendar; the digest's own date is unknown")
        )
    if survey.conflicting_orders:
        problems.append(
            Problem(str(path), 0, Severity.WARNING,
                    "numeric dates are written both day-first and month-first; ambiguous ones are left undated")
        )
    for article in articles:
        article.collected = collected
        article.date, found = date_article(article, _with_source_order(survey, article, source_orders or {}), str(path))
        problems.extend(found)
    return problems


def _with_source_order(survey: DigestDates, article: Article, source_orders: dict[str, str]) -> DigestDates:
    source = article.attribution.source
    if survey.numeric_order or survey.conflicting_orders or source not in source_orders:
        return survey
    why = f"as {source} writes numeric dates {ORDER_WORDS[source_orders[source]]} in its other articles"
    return replace(survey, numeric_order=source_orders[source], order_from=why)
