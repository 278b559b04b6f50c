"""Import digests into ``content/``: read, parse, date, and write one file per article."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from .content import ArticleFile, article_path, existing_articles, render_article
from .digest.dates import article_numeric_orders, assign_dates, is_digest_date_line
from .digest.decode import decode_digest
from .digest.parse import parse_block
from .digest.split import split_articles
from .problems import Problem, Problems, Severity
from .records import Article, Line
from .slugs import base_slug, unique_slug
from .tagging.sources import SourceList


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


def read_digest(
    path: Path,
    site_root: Path,
    sources: SourceList,
    digest_date: date | None = None,
    source_orders: dict[str, str] | None = None,
) -> DigestResult:
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return DigestResult(path, [], [Problem(shown, 0, Severity.ERROR, f"cannot be read: {exc.strerror}")])
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


# A numeric date such as 09-07-2015, found in raw bytes without decoding the digest.
NUMERIC_DATE_BYTES = re.compile(rb"(?<![\d./-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/-])")


def numeric_orders_by_source(paths: Iterable[Path], site_root: Path, sources: SourceList) -> dict[str, str]:
    """The numeric date order (day or month first) each source uses consistently across digests.

    A pre-pass over the digests of one run that hold numeric dates at all (most hold none,
    and are skipped after one regular-expression search of their bytes).
    """
    orders: dict[str, set[str]] = defaultdict(set)
    for path in paths:
        if path.suffix.lower() != ".txt":
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue  # reported when the digest itself is read
        if not NUMERIC_DATE_BYTES.search(data):
            continue
        for article in read_digest(path, site_root, sources).articles:
            if article.attribution.source:
                orders[article.attribution.source] |= article_numeric_orders(article)
    return {source: next(iter(found)) for source, found in sorted(orders.items()) if len(found) == 1}


def _without_digest_date_line(lines: list[Line]) -> list[Line]:
    """A ``Date: YYYY-MM-DD`` first line dates the digest; it is not an article's title."""
    first = next((line for line in lines if not line.is_blank), None)
    if first is not None and is_digest_date_line(first):
        return [line for line in lines if line is not first]
    return lines


class Outcome(StrEnum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT = "kept"  # edited by hand since import: left alone
    MERGED = "merged"  # issue 10: a duplicate; its provenance was added to the article already here


@dataclass
class ImportSummary:
    problems: Problems = field(default_factory=Problems)
    outcomes: dict[Outcome, int] = field(default_factory=lambda: {o: 0 for o in Outcome})
    files: list[Path] = field(default_factory=list)
    changes: list[Path] = field(default_factory=list)  # files written (or, in a dry run, that would be)

    @property
    def articles(self) -> int:
        return sum(self.outcomes.values())

    def describe(self, dry_run: bool = False) -> str:
        verb = "would write" if dry_run else "written"
        o = self.outcomes
        return (
            f"{self.articles} articles: {o[Outcome.WRITTEN]} {verb}, {o[Outcome.UNCHANGED]} unchanged, "
            f"{o[Outcome.KEPT]} kept (edited by hand)"
            + (f", {o[Outcome.MERGED]} merged into articles found elsewhere" if o[Outcome.MERGED] else "")  # issue 10
            + f"; {len(self.problems.errors)} errors, {len(self.problems.warnings)} warnings"
        )


ProgressCallback = Callable[[Path, DigestResult], None]


class ContentWriter:
    """Writes articles into a content folder without clobbering hand edits."""

    def __init__(self, content_dir: Path, dry_run: bool = False):
        self.content_dir = content_dir
        self.dry_run = dry_run
        self.existing: dict[str, ArticleFile] = {f.slug: f for f in existing_articles(content_dir)}
        self.used: set[str] = set()

    def assign_slug(self, article: Article) -> None:
        owners = {slug: f.digest or "" for slug, f in self.existing.items()}
        article.slug = unique_slug(base_slug(article.title), article.digest, owners, self.used)

    def write(self, article: Article, summary: ImportSummary) -> Outcome:
        target = article_path(self.content_dir, article)
        text = render_article(article)
        before = self.existing.get(article.slug)
        summary.files.append(target)
        if before is not None and before.edited_by_hand:
            summary.problems.warn(
                str(before.path), 1,
                f"edited by hand since import; kept as it is (delete it to import {article.digest} "
                f"lines {article.first_line}-{article.last_line} again)",
            )
            return Outcome.KEPT
        if before is not None and before.path == target and before.text == text:
            return Outcome.UNCHANGED
        summary.changes.append(target if before is None or before.path == target else before.path)
        if not self.dry_run:
            write_atomically(target, text)
            if before is not None and before.path != target:
                before.path.unlink()  # the article's date moved it to another year
        return Outcome.WRITTEN


def write_atomically(target: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a crash never leaves half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def import_digests(
    paths: Iterable[Path],
    content_dir: Path,
    site_root: Path,
    sources: SourceList,
    digest_date: date | None = None,
    dry_run: bool = False,
    on_progress: ProgressCallback | None = None,
) -> ImportSummary:
    summary = ImportSummary()
    summary.problems.extend(sources.problems)
    # issue 10: any input kind; duplicates found elsewhere are merged (imported here: the
    # inputs package builds on this module)
    from .inputs.dedupe import DuplicateMerger
    from .inputs.detect import read_input

    paths = list(paths)
    source_orders = numeric_orders_by_source(paths, site_root, sources)
    writer = ContentWriter(content_dir, dry_run)
    merger = DuplicateMerger(writer)
    for path in paths:
        result = read_input(path, site_root, sources, digest_date, source_orders)
        summary.problems.extend(result.problems)
        for article in result.articles:
            summary.outcomes[merger.place(article, summary)] += 1
        if on_progress:
            on_progress(path, result)
    return summary


def check_digests(paths: Iterable[Path], site_root: Path, sources: SourceList) -> tuple[int, Problems]:
    """Parse without writing: the number of articles found and every problem."""
    problems = Problems()
    problems.extend(sources.problems)
    from .inputs.detect import read_input  # issue 10: every input kind

    paths = list(paths)
    source_orders = numeric_orders_by_source(paths, site_root, sources)
    count = 0
    for path in paths:
        result = read_input(path, site_root, sources, source_orders=source_orders)
        problems.extend(result.problems)
        count += len(result.articles)
    return count, problems
