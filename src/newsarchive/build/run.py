"""Build the site with Pelican and serve it; Pelican's complaints become problems."""

from __future__ import annotations

import copy
import dataclasses
import errno
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

from .. import incremental
from ..incremental import BackgroundIndex, BuildSession, IndexRun, PageRecords, PartsPlanned, PartWritten
from ..model import files, packaged
from ..model import settings as registry
from ..model.output_folder import OutputRefused, SiteFolders, check_output, is_marked, mark
from ..model.problems import Problems
from ..model.site_lock import SiteBusy, site_lock
from ..process import forked, progress
from ..process.forked import ChildFailed, call_forked
from . import stamp
from .causes import ProblemHandler, cause_of_failure, shown
from .live import LiveBuild, LiveHandler, QuietServer


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
    refused: bool = False  # the output folder may not be replaced: nothing was touched (exit 2)
    published: bool = False  # the new site replaced the output

    def exit_code(self, strict: bool = False) -> int:
        return 2 if self.refused else self.problems.exit_code(strict)

    def describe(self) -> str:
        if self.refused:
            return f"nothing was built and nothing was touched: {self.output} may not be used as the output"
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
        counts = f"{len(self.problems.errors)} errors, {len(self.problems.warnings)} warnings"
        if not self.published:
            return (f"built {self.articles} articles in {self.seconds:.1f} s but published nothing; {counts}: "
                    f"the previous site in {self.output} was left exactly as it was (--keep-going publishes "
                    "a partial site)")
        partial = " (a partial site: --keep-going)" if self.problems.errors else ""
        return f"built {self.articles} articles into {self.output}{partial} in {self.seconds:.1f} s{pages}; {counts}"


def build_site(settings_file: Path, output: Path | None = None, force: bool = False,
               load_shared: bool = True, *, keep_going: bool = False, output_clean: bool = False,
               wait: bool = True, announce: Callable[[str], None] | None = None,
               publish: bool = False) -> BuildReport:
    """Build with Pelican into a staging folder beside the output, and swap it in only on success.

    The whole build holds the site's lock (:mod:`..site_lock`): a second build or an import of the
    same site waits for it (``announce`` says so), or with ``wait=False`` is an error. Before anything
    is touched the output folder is checked (:mod:`..output_folder`): a build replaces only a folder
    it made. A build that reports any error, or fails halfway (a template error, a plugin bug), leaves
    the previous output exactly as it was and says so, unless ``keep_going``. Everything that needs
    Pelican (reading the settings, the check for changed inputs, the run) happens in a forked child
    (see :mod:`newsarchive.process.forked`), whose memory is all given back when it ends; this process indexes the
    article pages for search as the child writes them, then swaps the output in. It loads neither
    Pelican nor the tagger, so it stays small beside the child (their memory adds up), unless
    ``load_shared``: then it loads them first, so that a process running many builds (the tests)
    loads them once.
    """
    started = time.perf_counter()
    site = settings_file.resolve().parent  # named in full in "another run holds this site"
    try:
        with site_lock(site, "build", wait=wait, announce=announce):
            report = _build_locked(settings_file, output, force, load_shared, keep_going, output_clean, publish)
    except SiteBusy as exc:
        report = BuildReport(Path(output or "output"))
        report.problems.error(str(site), 0, str(exc))
    report.seconds = time.perf_counter() - started
    return report


def _build_locked(settings_file: Path, output: Path | None, force: bool, load_shared: bool,
                  keep_going: bool, output_clean: bool, publish: bool) -> BuildReport:
    if load_shared:
        _load_shared(settings_file, output)
    child = _ChildNotes()
    try:
        outcome = call_forked(_build_in_child, settings_file, output, force, output_clean, publish,
                              on_note=child.heard)
    except ChildFailed as exc:
        outcome = _ChildOutcome(Problems())
        outcome.problems.error(str(settings_file), 0, f"build failed: {exc}")
    places = child.places
    report = BuildReport(places.final if places else Path(output or "output"), outcome.problems,
                         articles=outcome.articles, up_to_date=outcome.up_to_date, refused=outcome.refused)
    if outcome.refused or outcome.up_to_date:  # nothing touched / the output is what this build would make
        return report
    indexed = child.index.finish(report.problems, run=outcome.finished, changed_pages=outcome.changed_pages)
    if child.index.run is not None:
        report.search_parts, report.search_parts_indexed = child.index.run.parts, len(child.index.run.reindexed)
    if not (outcome.finished and indexed):
        if places is not None:
            _remove(places.staging)
        report.problems.error(shown(report.output), 0, "the build did not finish; the previous site was left as it was")
        return report
    if report.problems.errors and not keep_going:
        _remove(places.staging)
        return report
    try:
        mark(places.staging)  # again: Pelican's clean-up of its output may have removed it
        replace_output(places.staging, places.final, report.problems)
    except OSError as exc:
        _remove(places.staging)
        report.problems.error(str(places.final), 0, f"could not publish the new site: {_os_reason(exc)}; "
                                                    "the previous site was left as it was")
        return report
    report.published = True
    incremental.save_page_records(outcome.stamp_settings, places.final, outcome.records)
    if outcome.records is not None and outcome.records.previous:
        report.rendered, report.reused = outcome.records.rendered, outcome.records.reused
    # Not when there were problems (they would not be reported again). The inputs recorded are
    # those hashed before Pelican read anything: an input changed during the build makes the next
    # build's hash differ from them, so that build is not skipped (no need to read them all again).
    clean = not report.problems.items
    stamp.record(outcome.stamp_settings, places.final, outcome.inputs if clean else None, report.articles)
    return report


def _os_reason(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


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
    refused: bool = False  # the output folder may not be replaced (output_folder.check_output)
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


def _build_in_child(settings_file: Path, output: Path | None, force: bool, output_clean: bool,
                    publish: bool) -> _ChildOutcome:
    """The build's child: Pelican's settings, the check for changed inputs, then Pelican's run,
    which tells the parent (``forked.note``) of each part of the article pages it writes."""
    from pelican.settings import DEFAULT_THEME, read_settings

    try:
        settings = read_settings(str(settings_file), override=_output_override(output))
    except (Exception, SystemExit) as exc:  # the settings file is Python: what it raises is the file's
        problems = Problems()
        message = f"settings not read: {type(exc).__name__}: {exc}"
        problems.error(str(settings_file), _line_in(exc, settings_file), message)
        return _ChildOutcome(problems)
    if settings.get("THEME") == DEFAULT_THEME:  # not set by the site: newsarchive's own theme
        settings["THEME"] = str(packaged.THEME)
    warnings = Problems()
    if publish and settings.get("SITEURL", "") in ("", packaged.EXAMPLE_SITEURL):
        warnings.warn(shown(settings_file), _assignment_line(settings_file, "SITEURL"),
                      f"publishing with SITEURL = {settings.get('SITEURL', '')!r}: every absolute URL (feeds, "
                      "citations, sitemap) will point there; set SITEURL (or the SITEURL environment variable) "
                      "to the address the site is served at")
    final = Path(settings["OUTPUT_PATH"])
    staging = final.with_name(f".{final.name}.building")
    try:
        cache = Path(settings["CACHE_PATH"]) if settings.get("CACHE_PATH") else None
        adopt = check_output(final, SiteFolders.of(settings_file.parent, settings), cache, clean=output_clean)
        _recover(final)
        _clear_staging(staging)  # left over from a build that was killed
    except OutputRefused as exc:
        warnings.error(str(exc.path), 0, exc.reason)
        return _ChildOutcome(warnings, refused=True)
    try:
        mark(staging)
    except OSError as exc:  # disk full, read-only: before anything else was written
        warnings.error(shown(staging), 0, f"cannot make the build's staging folder: {_os_reason(exc)}")
        return _ChildOutcome(warnings)
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
        _remove(staging)
        if adopt:
            mark(final)
        return _ChildOutcome(warnings, articles=unchanged, up_to_date=True)
    session = BuildSession(environment=environment, file_keys=file_keys, previous_output=previous, tell=forked.note)
    incremental.begin(session)
    progress.step("running Pelican")
    report = BuildReport(staging, warnings)
    finished = _run_pelican(settings, settings_file, report)
    return _ChildOutcome(
        report.problems, report.articles, finished=finished, records=session.page_records,
        changed_pages=session.changed_pages, inputs=inputs,
        stamp_settings={"CACHE_PATH": settings.get("CACHE_PATH")},
    )




def _assignment_line(settings_file: Path, name: str) -> int:
    """The line of the settings file that assigns ``name`` (0: none)."""
    try:
        lines = settings_file.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 0
    return next((number for number, line in enumerate(lines, 1) if line.startswith(f"{name} =")), 0)


def _line_in(exc: BaseException, path: Path) -> int:
    """The line of ``path`` that ``exc`` was raised at (0: unknown)."""
    if isinstance(exc, SyntaxError) and exc.filename and Path(exc.filename).resolve() == path.resolve():
        return exc.lineno or 0
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).resolve() == path.resolve()]
    return (frames[-1].lineno or 0) if frames else 0


def _run_pelican(settings: dict, settings_file: Path, report: BuildReport) -> bool:
    """Run Pelican, turning its logged warnings and errors into problems; False if it raised."""
    from pelican import Pelican, signals

    handler = ProblemHandler(report.problems, Path(settings.get("PATH") or "."))
    pelican_logger = logging.getLogger("pelican")
    pelican_logger.addHandler(handler)
    counter = _ArticleCounter()
    signals.article_generator_finalized.connect(counter)
    try:
        Pelican(settings).run()
    except Exception as exc:  # a template, feed or plugin error: one problem at its cause, not a traceback
        cause = cause_of_failure(exc, settings, settings_file)
        report.problems.error(cause.path, cause.line, cause.message)
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


def replace_output(staging: Path, final: Path, problems: Problems) -> None:
    """Replace ``final`` by ``staging`` so that no reader sees a half-written site and a crash
    never leaves no site: one atomic exchange where the system allows it (Linux ``renameat2``),
    else two renames, the first undone if the second fails. An output that cannot be renamed (a
    mount point) has its contents replaced instead, with a warning. Raises ``OSError`` when even
    that fails; the previous site is then as it was, unless its contents were being replaced."""
    if not final.exists():
        staging.rename(final)
        return
    try:
        if files.exchange(staging, final):
            _remove(staging)  # the previous site, now
            return
        previous = _previous(final)
        _remove(previous)
        final.rename(previous)
    except OSError as exc:
        if exc.errno not in _CANNOT_RENAME:
            raise
        problems.warn(str(final), 0, f"cannot be renamed ({_os_reason(exc)}; a mount point?): its contents "
                                     "were replaced one by one instead, which is not atomic")
        _replace_contents(staging, final)
        return
    try:
        staging.rename(final)
    except OSError:
        previous.rename(final)
        raise
    _remove(previous)


_CANNOT_RENAME = {errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES}


def _previous(final: Path) -> Path:
    return final.with_name(f".{final.name}.previous")


def _recover(final: Path) -> None:
    """A build that crashed between the two renames of :func:`replace_output` left the previous site
    beside the output: put it back before anything else."""
    previous = _previous(final)
    if not final.exists() and previous.is_dir() and is_marked(previous):
        previous.rename(final)


def _clear_staging(staging: Path) -> None:
    """Remove a staging folder a killed build left, but only one that a build made."""
    if staging.is_dir() and not staging.is_symlink() and (is_marked(staging) or not any(staging.iterdir())):
        _remove(staging)
    elif staging.exists() or staging.is_symlink():
        raise OutputRefused(staging, "is in the way of the build's staging folder and was not made by "
                                     "newsarchive: move it away")


def _replace_contents(staging: Path, final: Path) -> None:
    for entry in final.iterdir():
        _remove(entry)
    for entry in staging.iterdir():
        shutil.move(str(entry), str(final / entry.name))
    staging.rmdir()


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


def serve_site(output: Path, port: int, announce: Callable[[str], None], live: LiveBuild | None = None) -> None:
    """Serve ``output`` on 127.0.0.1 until Ctrl-C; with ``live`` (``serve --watch``) the pages follow
    the build: they reload after each one and show a failed build's errors (:mod:`.live`)."""
    if live is None:
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(output))
    else:
        handler = functools.partial(LiveHandler, directory=str(output), live=live)
    with QuietServer(("127.0.0.1", port), handler) as server:
        announce(f"http://127.0.0.1:{port}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
