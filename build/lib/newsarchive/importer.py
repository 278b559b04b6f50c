"""Import inputs into ``content/``: read each one, merge duplicates, write one file per article."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from .digest.dates import article_numeric_orders
from .digest.read import DigestResult, read_digest
from .inputs.dedupe import DuplicateMerger
from .inputs.detect import read_input
from .problems import Problems
from .tagging.sources import SourceList
from .writer import ContentWriter, ImportSummary

ProgressCallback = Callable[[Path, DigestResult], None]


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
    paths = list(paths)
    source_orders = numeric_orders_by_source(paths, site_root, sources)
    count = 0
    for path in paths:
        result = read_input(path, site_root, sources, source_orders=source_orders)
        problems.extend(result.problems)
        count += len(result.articles)
    return count, problems
