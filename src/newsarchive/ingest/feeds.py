"""RSS and Atom feeds (feedparser): each entry one article, its HTML content as clean paragraphs."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser

from ..analysis.tagging.sources import SourceList
from ..model.problems import Problem, Severity
from ..model.records import Article, InputKind
from .digest.read import DigestResult, digest_name, read_input_bytes
from .html import PageText, build_article, fragment_blocks, one_line, sha256_hex

HTML_TYPES = ("text/html", "application/xhtml+xml")
# feedparser's name for a date field -> the field as the feed spells it, for Date-Evidence
DATE_FIELDS = {"rss": ("published", "pubDate"), "atom": ("published", "published"), "rdf": ("published", "dc:date")}


def read_feed(path: Path, site_root: Path, sources: SourceList) -> DigestResult:
    shown = str(path)
    data = read_input_bytes(path)
    if isinstance(data, DigestResult):
        return data
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.version:
        reason = parsed.get("bozo_exception")
        line = reason.getLineNumber() or 0 if hasattr(reason, "getLineNumber") else 0
        detail = reason.getMessage() if hasattr(reason, "getMessage") else str(reason or "")
        detail = f" (XML {detail})" if detail else ""
        message = f"is not an RSS or Atom feed{detail}; not imported"
        return DigestResult(path, [], [Problem(shown, line, Severity.ERROR, message)])
    problems: list[Problem] = []
    if parsed.bozo:
        problems.append(Problem(shown, 0, Severity.WARNING, f"the feed is not well-formed: {parsed.bozo_exception}"))
    family = "atom" if parsed.version.startswith("atom") else "rdf" if parsed.version.startswith("rss1") else "rss"
    sitename = one_line(parsed.feed.get("title"))
    name = digest_name(path, site_root)
    articles: list[Article] = []
    for number, entry in enumerate(parsed.entries, start=1):
        article = _entry_article(entry, number, family, sitename, name, sources)
        if article is None:
            message = f"entry {number} ({_entry_id(entry, number)}) has no text; not imported"
            problems.append(Problem(shown, 0, Severity.ERROR, message))
            continue
        articles.append(article)
    if not parsed.entries:
        problems.append(Problem(shown, 0, Severity.ERROR, "the feed holds no entries"))
    return DigestResult(path, articles, problems)


def _entry_id(entry, number: int) -> str:
    return one_line(entry.get("id") or entry.get("link")) or f"#{number}"


def _entry_article(entry, number: int, family: str, sitename, file: str, sources: SourceList) -> Article | None:
    content = (entry.get("content") or [None])[0] or entry.get("summary_detail")
    if not content or not content.get("value", "").strip():
        return None
    raw = content["value"]
    body = fragment_blocks(raw, is_html=content.get("type", "text/html") in HTML_TYPES)
    title = one_line(entry.get("title"))
    if not body and not title:
        return None
    published, evidence = _entry_date(entry, family)
    authors = [one_line(a.get("name")) for a in entry.get("authors", []) if a.get("name")]
    if not authors and entry.get("author"):
        authors = [one_line(entry["author"])]
    page = PageText(
        title=title,
        authors=[a for a in authors if a],
        date=published,
        sitename=sitename,
        url=entry.get("link"),
        body=body,
    )
    return build_article(
        page,
        kind=InputKind.FEED,
        file=file,
        record=f"entry {_entry_id(entry, number)}",
        sha256=sha256_hex(raw),  # the entry's content as given in the feed
        sources=sources,
        fallback_title=f"Entry {number}",
        date_evidence=evidence,
    )


def _entry_date(entry, family: str) -> tuple[date | None, str]:
    """The entry's publication date (else its last update) as written, and the field it came from."""
    published_name = DATE_FIELDS[family][1]
    for key, name in (("published", published_name), ("updated", "updated")):
        written, parsed = entry.get(key), entry.get(key + "_parsed")
        if written or parsed:
            when = _written_date(written) or (
                datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).date() if parsed else None
            )
            if when:
                return when, f"feed entry <{name}>"
    return None, ""


def _written_date(value: str | None) -> date | None:
    """The day in the entry's own time zone (feedparser's parsed dates are in UTC)."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None
