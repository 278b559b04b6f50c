"""Import inputs into ``content/``: read each one, find each article's file, merge duplicates, write.

Nothing is written when the taxonomy files have errors. Each input's articles are matched to
the files recorded for that input (``identity``); a file none of them is any more is reported
(``--prune`` removes it unless it was edited by hand or holds another input's provenance).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from ..analysis.tagging.sources import SourceList
from ..model.article_file import ArticleFile, read_provenance
from ..model.problems import Problem, Problems, Severity
from .date_orders import digests_to_reread, orders_in_content, orders_in_digests, settle, waiting_for_an_order
from .dedupe import DuplicateMerger
from .detect import read_input
from .digest.read import DigestResult, digest_name
from .identity import input_key
from .limits import DEFAULT_MAX_INPUT_BYTES
from .writer import ContentWriter, ImportSummary
from .xml_chars import clean_article

ProgressCallback = Callable[[Path, DigestResult], None]


def numeric_orders_by_source(
    paths: Iterable[Path], site_root: Path, sources: SourceList, max_bytes: int = DEFAULT_MAX_INPUT_BYTES
) -> dict[str, str]:
    """The numeric date order (day or month first) each source uses consistently across the digests of one run."""
    return orders_in_digests(paths, site_root, sources, max_bytes).settled()


def import_digests(
    paths: Iterable[Path],
    content_dir: Path,
    site_root: Path,
    sources: SourceList,
    digest_date: date | None = None,
    dry_run: bool = False,
    on_progress: ProgressCallback | None = None,
    prune: bool = False,
    config_problems: Iterable[Problem] = (),
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
) -> ImportSummary:
    """Import ``paths``; ``config_problems`` are those of the taxonomy files besides ``sources``'s."""
    summary = ImportSummary()
    summary.problems.extend(sources.problems)
    summary.problems.extend(config_problems)
    if summary.problems.errors:
        first = summary.problems.errors[0]
        summary.problems.error(first.path, 0, "nothing imported: fix the errors in the taxonomy files first")
        return summary
    paths = list(paths)
    writer = ContentWriter(content_dir, dry_run)
    summary.problems.extend(writer.unreadable)
    source_orders, problems, newly_settled = settle(
        orders_in_content(writer.existing.values()), orders_in_digests(paths, site_root, sources, max_bytes)
    )
    summary.problems.extend(problems)
    # articles left undated for want of their source's order, which this run settles: read again
    waiting = waiting_for_an_order(writer.existing.values(), newly_settled)
    again, problems = digests_to_reread(waiting, site_root)
    summary.problems.extend(problems)
    requested = {path.resolve() for path in paths}
    again = [path for path in again if path.resolve() not in requested]
    merger = DuplicateMerger(writer)
    for path in [*paths, *again]:
        result = read_input(path, site_root, sources, digest_date, source_orders, max_bytes)
        summary.problems.extend(result.problems)
        for article in result.articles:
            summary.problems.extend(clean_article(article, str(path)))
        gone = merger.place_input(result.articles, input_key(path, site_root), summary)
        whole_file_error = any(p.severity is Severity.ERROR and not p.line for p in result.problems)
        if not whole_file_error:  # an input read in part says nothing about the articles it lost
            name = result.articles[0].digest if result.articles else digest_name(path, site_root)
            _report_gone(gone, name, prune, dry_run, summary)
            merger.stale_entries(name, prune, summary)
        if on_progress and path.resolve() in requested:
            on_progress(path, result)
    for file in waiting:
        now = writer.existing.get(file.slug)
        if now is not None and now.header.get("date"):
            summary.notes.append(
                f"{now.path}: re-dated {now.header['date']}: {now.header.get('source')}'s numeric date order is "
                f"now known (\"{now.header.get('date-evidence', '')}\")"
            )
    return summary


def _report_gone(files: list[ArticleFile], digest: str, prune: bool, dry_run: bool, summary: ImportSummary) -> None:
    """Name each article file whose source block is no longer in its input; with ``prune``, remove it."""
    for file in files:
        summary.gone += 1
        where = str(file.path)
        if not prune:
            summary.problems.warn(where, 0, f"no longer in {digest}; --prune removes it")
        elif file.edited_by_hand:
            summary.problems.warn(where, 0, f"no longer in {digest}, but edited by hand: kept (delete it yourself)")
        elif len(read_provenance(file.header)) > 1:
            summary.problems.warn(
                where, 0, f"no longer in {digest}, but also found in other inputs: kept (its provenance names them)"
            )
        else:
            try:
                if not dry_run:
                    file.path.unlink()
            except OSError as exc:
                summary.problems.error(where, 0, f"no longer in {digest}, and cannot be removed: {exc.strerror}")
                continue
            summary.removed += 1
            summary.notes.append(f"{where}: {'would be ' if dry_run else ''}removed (no longer in {digest}; --prune)")


def check_digests(
    paths: Iterable[Path],
    site_root: Path,
    sources: SourceList,
    config_problems: Iterable[Problem] = (),
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
) -> tuple[int, Problems]:
    """Parse without writing: the number of articles found and every problem."""
    problems = Problems()
    problems.extend(sources.problems)
    problems.extend(config_problems)
    paths = list(paths)
    source_orders = numeric_orders_by_source(paths, site_root, sources, max_bytes)
    count = 0
    for path in paths:
        result = read_input(path, site_root, sources, source_orders=source_orders, max_bytes=max_bytes)
        problems.extend(result.problems)
        for article in result.articles:
            problems.extend(clean_article(article, str(path)))
        count += len(result.articles)
    return count, problems
