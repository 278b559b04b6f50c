"""Build the site with Pelican and serve it; Pelican's complaints become problems."""

from __future__ import annotations

import copy
import functools
import http.server
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import apart, build_stamp, progress
from .apart import ChildFailed, call_apart
from .plugin import collector, page_records
from .plugin.unchanged import CHANGED_PAGES, ENVIRONMENT, PAGE_RECORDS, PREVIOUS_OUTPUT
from .problems import Problems


@dataclass
class BuildReport:
    output: Path
    problems: Problems = field(default_factory=Problems)
    articles: int = 0
    seconds: float = 0.0
    up_to_date: bool = False  # nothing changed since the last build, so nothing was built
    rendered: int | None = None  # pages and feeds rendered; None when every page was
    reused: int = 0  # pages and feeds whose inputs did not change, linked from the previous output
    search_parts: int = 0  # parts of the search index
    search_parts_indexed: int = 0  # of those, the parts Pagefind ran for (the others were reused)

    def describe(self) -> str:
        if self.up_to_date:
            return (
                f"{self.output} is up to date ({self.articles} articles): no input changed since the last build; "
                "use --force to build anyway"
            )
        pages = ""
        if self.rendered is not None:
            pages = f" (rendered {self.rendered} pages, reused {self.reused} unchanged"
            if self.search_parts > 1 or self.search_parts_indexed < self.search_parts:
                pages += f"; search index: {self.search_parts_indexed} of {self.search_parts} parts rebuilt"
            pages += ")"
        return (
            f"built {self.articles} articles into {self.output} in {self.seconds:.1f} s{pages}; "
            f"{len(self.problems.errors)} errors, {len(self.problems.warnings)} warnings"
        )


class _ProblemHandler(logging.Handler):
    """Turns Pelican's warnings and errors into problems (Pelican names the file in the message)."""

    def __init__(self, problems: Problems):
        super().__init__(level=logging.WARNING)
        self.problems = problems

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        path = getattr(record, "source_path", None) or "pelican"
        if record.levelno >= logging.ERROR:
            self.problems.error(str(path), 0, message)
        else:
            self.problems.warn(str(path), 0, message)


def build_site(settings_file: Path, output: Path | None = None, force: bool = False,
               load_shared: bool = True) -> BuildReport:
    """Build with Pelican into a staging folder beside the output, and swap it in only on success.

    A build that fails halfway (a template error, a plugin bug) leaves the previous output
    exactly as it was and says what failed. ``load_shared``: load what every build uses (the
    tagger and its taxonomy) in this process first, so that a process running many builds (the
    tests) loads it once; a process that builds once (the command line) passes False, so that it
    stays small beside the Pelican process and Pagefind (the Pelican process loads it itself).
    """
    from pelican.settings import read_settings

    override = {"OUTPUT_PATH": str(output)} if output else {}
    settings = read_settings(str(settings_file), override=override)
    final = Path(settings["OUTPUT_PATH"])
    staging = final.with_name(f".{final.name}.building")
    _remove(staging)  # left over from a build that was killed
    settings["OUTPUT_PATH"] = str(staging)
    if final.is_dir():  # unchanged pages are linked from it (plugin/unchanged.py); it is never written to
        settings[PREVIOUS_OUTPUT] = str(final.resolve())
    report = BuildReport(final)
    started = time.perf_counter()
    given = copy.deepcopy(settings)  # Pelican and the plugin change ``settings`` as they run
    progress.step("checking what changed since the last build")
    inputs = build_stamp.inputs_digest(given, final)
    unchanged = None if force else build_stamp.unchanged_articles(settings, final, inputs)
    if unchanged is not None:  # the same inputs as the build that made the output: nothing to do
        report.articles = unchanged
        report.up_to_date = True
        report.seconds = time.perf_counter() - started
        return report
    settings[ENVIRONMENT] = build_stamp.environment_digest(given)
    progress.step("running Pelican")
    finished = _run_pelican_apart(settings, settings_file, report, load_shared)
    if finished:
        _swap_in(staging, final)
        records = settings.get(PAGE_RECORDS)
        page_records.save(settings, final, records)
        if records is not None and records.previous:
            report.rendered, report.reused = records.rendered, records.reused
        # Not when there were problems (they would not be reported again). The inputs recorded are
        # those hashed before Pelican read anything: an input changed during the build makes the next
        # build's hash differ from them, so that build is not skipped (no need to read them all again).
        clean = not report.problems.items
        build_stamp.record(settings, final, inputs if clean else None, report.articles)
    else:
        _remove(staging)
        report.problems.error(str(final), 0, "the build did not finish; the previous site was left as it was")
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _PelicanRun:
    """What a Pelican run in a child process gives back to the build."""

    finished: bool
    problems: Problems
    articles: int
    left_in_settings: dict  # what the plugin left for the steps after Pelican: page records, changed pages


def _pelican_run(settings: dict, settings_file: Path) -> _PelicanRun:
    """Pelican's run; as it writes the article pages, part by part of the search index, it tells
    the parent (``apart.note``), which indexes each part written."""
    from .plugin.search import ARTICLE_PARTS

    report = BuildReport(Path(settings["OUTPUT_PATH"]))
    settings[ARTICLE_PARTS] = apart.note
    try:
        finished = _run_pelican(settings, settings_file, report)
    finally:
        del settings[ARTICLE_PARTS]
    left = {key: settings[key] for key in (PAGE_RECORDS, CHANGED_PAGES) if key in settings}
    return _PelicanRun(finished, report.problems, report.articles, left)


def _run_pelican_apart(settings: dict, settings_file: Path, report: BuildReport, load_shared: bool) -> bool:
    """``_run_pelican`` in a child process (see :mod:`.apart`), and the search index in this one:
    Pagefind indexes each part of the article pages as soon as the child says it is written.

    With ``load_shared``, what every build loads the same way (Pelican's modules, the tagger
    and its taxonomy) is loaded here first, so that a process running many builds loads it once.
    """
    from .search import BackgroundIndex, PartsPlanned, PartWritten

    if load_shared:
        import pelican.generators  # noqa: F401

        from . import plugin  # noqa: F401
        from .plugin.tags import site_tagger

        try:
            site_tagger(settings)
        except Exception:  # noqa: S110 - the build in the child loads it again and reports what is wrong
            pass
    index = BackgroundIndex(functools.partial(_index_run, Path(settings["OUTPUT_PATH"]), settings, report.output))

    def heard(message) -> None:
        if isinstance(message, PartsPlanned):
            index.planned(message)
        elif isinstance(message, PartWritten):
            index.written(message)

    try:
        run = call_apart(_pelican_run, settings, settings_file, on_note=heard)
    except ChildFailed as exc:
        index.finish(Problems(), run=False)  # a started index is waited for (the staging folder goes)
        report.problems.error(str(settings_file), 0, f"build failed: {exc}")
        return False
    report.problems.extend(run.problems)
    report.articles = run.articles
    settings.update(run.left_in_settings)
    indexed = index.finish(report.problems, run=run.finished, changed_pages=settings.get(CHANGED_PAGES, set()))
    if index.run is not None:
        report.search_parts, report.search_parts_indexed = index.run.parts, len(index.run.reindexed)
    return run.finished and indexed


def _run_pelican(settings: dict, settings_file: Path, report: BuildReport) -> bool:
    """Run Pelican, turning its logged warnings and errors into problems; False if it raised."""
    from pelican import Pelican, signals

    handler = _ProblemHandler(report.problems)
    pelican_logger = logging.getLogger("pelican")
    pelican_logger.addHandler(handler)
    counter = _ArticleCounter()
    signals.article_generator_finalized.connect(counter)
    try:
        Pelican(settings).run()
    except Exception as exc:  # a template or plugin bug: report it as one problem, not a traceback
        report.problems.error(str(settings_file), 0, f"build failed: {type(exc).__name__}: {exc}")
        return False
    finally:
        signals.article_generator_finalized.disconnect(counter)
        pelican_logger.removeHandler(handler)
        collector.release(None)  # the collector back on, also when the build stopped halfway
    report.articles = counter.count
    return True


def _index_run(staging: Path, settings: dict, shown_as: Path, changed_pages: set[str] | None):
    """What the search index of this build is asked (an :class:`newsarchive.search.IndexRun`), with
    the article pages whose bytes changed (``changed_pages``: as yet none, when the index is built
    part by part as Pelican writes, each part telling its own); None when the site has no search."""
    from .plugin import settings as plugin_settings
    from .search import IndexRun

    if not plugin_settings.get(settings, "NEWSARCHIVE_SEARCH_INDEX"):
        return None
    previous = shown_as if settings.get(PREVIOUS_OUTPUT) else None
    return IndexRun(
        output=staging,
        article_save_as=settings.get("ARTICLE_SAVE_AS") or "",
        shard_size=plugin_settings.get(settings, "NEWSARCHIVE_SEARCH_SHARD_SIZE") or 0,
        previous=previous,
        changed_pages=set(changed_pages or ()) if previous is not None else None,
        shown_as=shown_as,
    )


def _swap_in(staging: Path, final: Path) -> None:
    """Replace ``final`` by ``staging`` with two renames, so no reader sees a half-written site."""
    previous = final.with_name(f".{final.name}.previous")
    _remove(previous)
    if final.exists():
        final.rename(previous)
    staging.rename(final)
    _remove(previous)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


class _ArticleCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, generator) -> None:
        self.count = len(generator.articles) + len(getattr(generator, "translations", []))


def serve_site(output: Path, port: int, announce: Callable[[str], None]) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        announce(f"http://127.0.0.1:{port}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
