"""Build the site with Pelican and serve it; Pelican's complaints become problems."""

from __future__ import annotations

import copy
import dataclasses
import functools
import http.server
import importlib
import logging
import shutil
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import forked, incremental, progress
from .. import settings as registry
from ..forked import ChildFailed, call_forked
from ..incremental import BackgroundIndex, BuildSession, IndexRun, PageRecords, PartsPlanned, PartWritten
from ..problems import Problems
from . import stamp


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
    exactly as it was and says what failed. Everything that needs Pelican (reading the settings,
    the check for changed inputs, the run) happens in a forked child (see :mod:`newsarchive.forked`), whose
    memory is all given back when it ends; this process indexes the article pages for search
    as the child writes them, then swaps the output in. It loads neither Pelican nor the tagger,
    so it stays small beside the child (their memory adds up), unless ``load_shared``: then it
    loads them first, so that a process running many builds (the tests) loads them once.
    """
    started = time.perf_counter()
    if load_shared:
        _load_shared(settings_file, output)
    child = _ChildNotes()
    try:
        outcome = call_forked(_build_in_child, settings_file, output, force, on_note=child.heard)
    except ChildFailed as exc:
        outcome = _ChildOutcome(Problems())
        outcome.problems.error(str(settings_file), 0, f"build failed: {exc}")
    places = child.places
    report = BuildReport(places.final if places else Path(output or "output"), outcome.problems,
                         articles=outcome.articles, up_to_date=outcome.up_to_date)
    if outcome.up_to_date:  # the same inputs as the build that made the output: nothing was done
        report.seconds = time.perf_counter() - started
        return report
    indexed = child.index.finish(report.problems, run=outcome.finished, changed_pages=outcome.changed_pages)
    if child.index.run is not None:
        report.search_parts, report.search_parts_indexed = child.index.run.parts, len(child.index.run.reindexed)
    if outcome.finished and indexed:
        _swap_in(places.staging, places.final)
        incremental.save_page_records(outcome.stamp_settings, places.final, outcome.records)
        if outcome.records is not None and outcome.records.previous:
            report.rendered, report.reused = outcome.records.rendered, outcome.records.reused
        # Not when there were problems (they would not be reported again). The inputs recorded are
        # those hashed before Pelican read anything: an input changed during the build makes the next
        # build's hash differ from them, so that build is not skipped (no need to read them all again).
        clean = not report.problems.items
        stamp.record(outcome.stamp_settings, places.final, outcome.inputs if clean else None, report.articles)
    else:
        if places is not None:
            _remove(places.staging)
        report.problems.error(str(report.output), 0, "the build did not finish; the previous site was left as it was")
    report.seconds = time.perf_counter() - started
    return report


def _load_shared(settings_file: Path, output: Path | None) -> None:
    """Pelican's modules, the plugins the settings name and what they preload (the tagger with its
    taxonomy), loaded in this process, so that the child of each build inherits them instead of
    loading them again. The plugins are imported by the names the settings give, as Pelican does."""
    from pelican.settings import read_settings

    try:
        settings = read_settings(str(settings_file), override=_output_override(output))
        for name in settings.get("PLUGINS") or ():
            preload = getattr(importlib.import_module(name), "preload", None)
            if preload is not None:
                preload(settings)
    except (Exception, SystemExit):  # noqa: S110 - the build's child reads them again and says what is wrong
        pass


def _output_override(output: Path | None) -> dict:
    return {"OUTPUT_PATH": str(output)} if output else {}


@dataclass
class _Places:
    """The child's first word to the parent: where it builds, and what the search index of the
    article pages it writes is asked (None: the site has no search)."""

    final: Path  # the output the user asked for
    staging: Path  # the folder Pelican writes into, swapped in at the end
    index: IndexRun | None


@dataclass
class _ChildOutcome:
    """What the build's child gives back: that nothing changed, or how Pelican's run went."""

    problems: Problems
    articles: int = 0
    up_to_date: bool = False
    finished: bool = False  # Pelican ran to the end
    records: PageRecords | None = None  # the fingerprints of the pages written (the speed layer's linking writer)
    changed_pages: set[str] = field(default_factory=set)  # pages whose bytes differ from the previous output's
    inputs: str | None = None  # the hash of the inputs, as they were before Pelican read them
    stamp_settings: dict = field(default_factory=dict)  # what page_records.save and stamp.record read


class _ChildNotes:
    """The parent's side of the child's run: where it builds, and the search index of the
    article pages, each part indexed as soon as the child says it is written."""

    def __init__(self) -> None:
        self.places: _Places | None = None
        self.index = BackgroundIndex(self._index_run)

    def heard(self, message) -> None:
        if isinstance(message, _Places):
            self.places = message
        elif isinstance(message, PartsPlanned):
            self.index.planned(message)
        elif isinstance(message, PartWritten):
            self.index.written(message)

    def _index_run(self, changed_pages: set[str] | None) -> IndexRun | None:
        """This build's index run, with the article pages whose bytes changed (``changed_pages``:
        as yet none, when the index is built part by part as Pelican writes, each part telling its own)."""
        asked = self.places.index if self.places is not None else None
        if asked is None:
            return None
        changed = set(changed_pages or ()) if asked.previous is not None else None
        return dataclasses.replace(asked, changed_pages=changed, reindexed=[])


def _build_in_child(settings_file: Path, output: Path | None, force: bool) -> _ChildOutcome:
    """The build's child: Pelican's settings, the check for changed inputs, then Pelican's run,
    which tells the parent (``forked.note``) of each part of the article pages it writes."""
    from pelican.settings import read_settings

    try:
        settings = read_settings(str(settings_file), override=_output_override(output))
    except (Exception, SystemExit) as exc:  # the settings file is Python: what it raises is the file's
        problems = Problems()
        message = f"settings not read: {type(exc).__name__}: {exc}"
        problems.error(str(settings_file), _line_in(exc, settings_file), message)
        return _ChildOutcome(problems)
    final = Path(settings["OUTPUT_PATH"])
    staging = final.with_name(f".{final.name}.building")
    _remove(staging)  # left over from a build that was killed
    settings["OUTPUT_PATH"] = str(staging)
    # unchanged pages are linked from the previous output (the speed layer's linking writer); it is never written to
    previous = str(final.resolve()) if final.is_dir() else None
    forked.note(_Places(final, staging, _index_asked(staging, settings, final, previous)))
    given = copy.deepcopy(settings)  # Pelican and the plugin change ``settings`` as they run
    progress.step("checking what changed since the last build")
    environment = stamp.environment_digest(given)
    file_keys: dict[str, str] = {}
    inputs = stamp.inputs_digest(given, final, environment, file_keys)
    unchanged = None if force else stamp.unchanged_articles(settings, final, inputs)
    if unchanged is not None:
        return _ChildOutcome(Problems(), articles=unchanged, up_to_date=True)
    session = BuildSession(environment=environment, file_keys=file_keys, previous_output=previous, tell=forked.note)
    incremental.begin(session)
    progress.step("running Pelican")
    report = BuildReport(staging)
    finished = _run_pelican(settings, settings_file, report)
    return _ChildOutcome(
        report.problems, report.articles, finished=finished, records=session.page_records,
        changed_pages=session.changed_pages, inputs=inputs,
        stamp_settings={"CACHE_PATH": settings.get("CACHE_PATH")},
    )


def _line_in(exc: BaseException, path: Path) -> int:
    """The line of ``path`` that ``exc`` was raised at (0: unknown)."""
    if isinstance(exc, SyntaxError) and exc.filename and Path(exc.filename).resolve() == path.resolve():
        return exc.lineno or 0
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).resolve() == path.resolve()]
    return (frames[-1].lineno or 0) if frames else 0


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
        incremental.collector_back_on(None)  # also when the build stopped halfway
    report.articles = counter.count
    return True


def _index_asked(staging: Path, settings: dict, shown_as: Path, previous: str | None) -> IndexRun | None:
    """What the search index of this build is asked; None when the site has no search."""
    if not registry.get(settings, "NEWSARCHIVE_SEARCH_INDEX"):
        return None
    return IndexRun(
        output=staging,
        article_save_as=settings.get("ARTICLE_SAVE_AS") or "",
        shard_size=registry.get(settings, "NEWSARCHIVE_SEARCH_SHARD_SIZE") or 0,
        previous=shown_as if previous else None,
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
