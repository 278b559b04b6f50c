"""Read one digest: decode its bytes, split it into articles, parse and date each one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...analysis.tagging.sources import SourceList
from ...model.problems import Problem, Severity
from ...model.records import Article, Line
from .dates import assign_dates, is_digest_date_line
from .decode import decode_digest
from .parse import parse_block
from .split import split_articles


@dataclass
class DigestResult:
    """What one digest yields: its articles (those that could be parsed) and its problems."""

    path: Path
    articles: list[Article]
    problems: list[Problem]


def digest_name(path: Path, site_root: Path) -> str:
    """The digest as recorded in articles: relative to the site root, else its file name."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(site_root.resolve()).as_posix()
    except ValueError:
        return path.name


def read_input_bytes(path: Path) -> bytes | DigestResult:
    """The file's bytes, or a result holding the one problem that it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        return DigestResult(path, [], [Problem(str(path), 0, Severity.ERROR, f"cannot be read: {exc.strerror}")])


def read_digest(
    path: Path,
    site_root: Path,
    sources: SourceList,
    digest_date: date | None = None,
    source_orders: dict[str, str] | None = None,
) -> DigestResult:
    shown = str(path)
    data = read_input_bytes(path)
    if isinstance(data, DigestResult):
        return data
    decoded = decode_digest(data, shown)
    problems = list(decoded.problems)
    if decoded.refused:
        return DigestResult(path, [], problems)
    blocks = split_articles(_without_digest_date_line(decoded.lines))
    if not blocks:
        problems.append(Problem(shown, 0, Severity.ERROR, "holds no article (the file is empty or blank)"))
        return DigestResult(path, [], problems)
    name = digest_name(path, site_root)
    articles = []
    for block in blocks:
        result = parse_block(block, name, shown, sources)
        problems.extend(result.problems)
        if result.article:
            articles.append(result.article)
    problems.extend(assign_dates(articles, decoded.lines, path, digest_date, source_orders))
    return DigestResult(path, articles, problems)


def _without_digest_date_line(lines: list[Line]) -> list[Line]:
    """A ``Date: YYYY-MM-DD`` first line dates the digest; it is not an article's title."""
    first = next((line for line in lines if not line.is_blank), None)
    if first is not None and is_digest_date_line(first):
        return [line for line in lines if line is not first]
    return lines
