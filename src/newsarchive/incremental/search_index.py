"""The search index: Pagefind run over the article pages Pelican wrote.

Only article pages carry ``data-pagefind-body`` (see ``theme/templates/partials/search_data.html``),
so Pagefind indexes article bodies alone and list pages do not flood the results. Pelican
writes the article pages first, part by part of the index (:mod:`newsarchive.incremental.search_parts`);
Pagefind indexes each part as soon as its pages are written (:class:`BackgroundIndex`, in the
build's parent process), on the second core while Pelican renders the rest, most of whose
pages Pagefind does not read; the parts left when Pelican has finished run on every core.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..model.problems import Problems
from ..process import progress
from ..process.parent_death import pdeathsig_preexec
from . import search_parts

# Where Pagefind writes its bundle, relative to the output folder.
BUNDLE_DIR = "pagefind"

# Output folders whose bytes may differ between two builds of the same content: Pagefind
# names its index and fragment files by content hash but does not promise byte-identical
# output. A determinism test compares the rest of the tree byte for byte and skips these.
NONDETERMINISTIC_DIRS: tuple[str, ...] = (BUNDLE_DIR,)


def pagefind_command(output: Path, glob: str | None = None, bundle: Path | None = None) -> list[str]:
    """The Pagefind CLI from the PyPI wheel (``pagefind[extended]`` ships the binary: no download).

    The bundle goes to ``output/pagefind/``, or to ``bundle`` when given (a part of the index).
    """
    where = ["--output-path", str(bundle)] if bundle else ["--output-subdir", BUNDLE_DIR]
    command = [*_pagefind_program(), "--site", str(output), *where, "--quiet"]
    return command + ["--glob", glob] if glob else command


@functools.cache
def _pagefind_program() -> list[str]:
    """The Pagefind binary itself, so that it is the build's own child (killed with it, see
    :mod:`.parent_death`); ``python -m pagefind`` where the wheel's binary cannot be found."""
    try:
        from pagefind.service import get_executable

        found = get_executable()
    except Exception:  # noqa: BLE001 - any failure: the wrapper finds it or says why
        found = None
    return [str(found)] if found is not None and Path(found).is_file() else [sys.executable, "-m", "pagefind"]


def article_pages_glob(article_save_as: str) -> str | None:
    """The files Pagefind needs to read: only article pages carry ``data-pagefind-body``, so when
    ``ARTICLE_SAVE_AS`` puts them in a fixed folder ("articles/{slug}.html"), that folder's pages;
    None (every page) when the folder itself has a placeholder."""
    folder = article_folder(article_save_as)
    return f"{folder}/**/*.html" if folder else None


def article_folder(article_save_as: str) -> str | None:
    folder = article_save_as.rpartition("/")[0]
    return folder if folder and "{" not in folder else None


@dataclass
class IndexRun:
    """What one build asks of the index, and what changed since the previous output."""

    output: Path  # the folder being built (a staging folder)
    article_save_as: str = ""
    shard_size: int = 0  # articles per part of the index; 0: one index
    previous: Path | None = None  # the output this build replaces; its parts may be reused
    changed_pages: set[str] | None = None  # pages whose bytes differ from the previous output's; None: unknown
    shown_as: Path | None = None  # the folder the user asked for, in messages
    parts: int = 0  # the parts that hold pages
    reindexed: list[int] = field(default_factory=list)  # the parts Pagefind ran for


class PagefindSlots:
    """How many Pagefind processes may run at once: one while Pelican renders on the other core,
    every core once it has finished (``widen``), also for the parts already waiting."""

    def __init__(self, limit: int = 1):
        self._limit, self._used = limit, 0
        self._changed = threading.Condition()

    def widen(self, limit: int) -> None:
        with self._changed:
            self._limit = max(self._limit, limit)
            self._changed.notify_all()

    def __enter__(self) -> PagefindSlots:
        with self._changed:
            self._changed.wait_for(lambda: self._used < self._limit)
            self._used += 1
        return self

    def __exit__(self, *_exc) -> None:
        with self._changed:
            self._used -= 1
            self._changed.notify_all()


@dataclass(frozen=True)
class PartsPlanned:
    """Said by Pelican's process before it writes the article pages, which it writes part by part
    (see :mod:`newsarchive.incremental.search_parts`): each part's pages (paths in the output), in order."""

    count: int  # the parts the pages are spread over (``search_parts.shard_count``)
    pages: dict[int, list[str]]  # those that hold pages


@dataclass(frozen=True)
class PartWritten:
    """Said by Pelican's process once every article page of part ``number`` is written."""

    number: int
    changed: frozenset[str]  # its pages whose bytes differ from the previous output's


class BackgroundIndex:
    """The search index built in threads of the build's parent process, beside Pelican's child.

    The child writes the article pages part by part of the index and says so: ``planned`` (the
    parts and their pages), then ``written`` for each part, and Pagefind indexes a part as soon
    as its pages are written, one part at a time while Pelican renders, on every core once
    ``finish`` says Pelican has ended (its process, and its memory, gone). ``make_run`` says
    what to index (None: the site has no search).

    ``finish`` waits for the parts, then checks that the article folder holds the pages planned
    (another generator may have written a page there): if not, the index is built again from what
    is there. A site whose article pages are not in a folder of their own gets no plan (Pagefind
    reads every page then, which must be written first): ``finish`` builds its index.
    """

    def __init__(self, make_run: Callable[[set[str] | None], IndexRun | None]):
        self._make_run = make_run
        self._slots = PagefindSlots(1)
        self._parts: _Parts | None = None
        self.run: IndexRun | None = None

    def planned(self, plan: PartsPlanned) -> None:
        if self._parts is not None or not plan.pages:
            return
        run = self._make_run(set())
        if run is None or article_folder(run.article_save_as) is None:
            return
        self.run = run
        progress.step(f"search index: {len(plan.pages)} parts, each indexed once its article pages are written")
        self._parts = _Parts(run, plan.count, plan.pages, self._slots)

    def written(self, part: PartWritten) -> None:
        if self._parts is not None:
            self._parts.index(part.number, part.changed)

    def finish(self, problems: Problems, run: bool = True, changed_pages: set[str] | None = None) -> bool:
        """Pelican has ended: wait for the index (or build it now, when ``run`` and it was not
        started); its problems go to ``problems``. Whether it was built."""
        self._slots.widen(os.cpu_count() or 1)
        parts = self._parts
        if parts is not None:
            if parts.left() and run:
                progress.step(f"search index: {parts.left()} of {len(parts.pages)} parts left")
            if not parts.wait(problems) or not run:
                return False
            if parts.complete() and _parts_in(self.run.output, self.run) == (parts.count, parts.pages):
                _write_manifest(self.run, parts.pages)
                return True
            shutil.rmtree(self.run.output / BUNDLE_DIR, ignore_errors=True)  # parts of another plan
        elif not run:
            return False
        self.run = self._make_run(changed_pages)
        if self.run is None:
            return True
        progress.step("search index")
        try:
            return build_index(self.run, problems, self._slots)
        except Exception as exc:
            problems.error(str(self.run.shown_as or self.run.output), 0,
                           f"search index not built: {type(exc).__name__}: {exc}")
            return False


class _Parts:
    """Pagefind over the parts of the article pages (``pages``: part -> its pages), each part in a
    thread once asked for (``index``): the primary part first (its bundle folder holds the
    others'), the others as many at a time as ``slots`` allows. A part whose pages did not change
    links the previous output's bundle instead. After a failure no other part starts."""

    def __init__(self, run: IndexRun, count: int, pages: dict[int, list[str]], slots: PagefindSlots):
        self.run, self.count, self.pages, self._slots = run, count, pages, slots
        self.primary = min(pages)
        run.parts = len(pages)
        self._before: dict[int, list[str]] | None = None  # the previous output's parts, read once
        self._previous_primary: int | None = None
        self._heard: dict[int, Problems] = {}  # each part's problems
        self._built: dict[int, bool] = {}
        self._failed = threading.Event()
        self._primary_done = threading.Event()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="pagefind")

    def index(self, number: int, changed: frozenset[str]) -> None:
        """Index part ``number`` (its pages are written; ``changed``: pages whose bytes changed)."""
        if number in self.pages:
            self._pool.submit(self._index, number, changed)

    def left(self) -> int:
        with self._lock:
            return len(self.pages) - len(self._built)

    def wait(self, problems: Problems) -> bool:
        """Wait for the parts asked for (a primary part never asked for holds none back); their
        problems go to ``problems``, in the order of the parts. Whether none failed."""
        self._primary_done.set()
        self._pool.shutdown(wait=True)
        for number in sorted(self._heard):
            problems.extend(self._heard[number])
        return not self._failed.is_set()

    def complete(self) -> bool:
        """Whether every part was indexed (or its bundle linked)."""
        return set(self._built) == set(self.pages) and all(self._built.values())

    def _index(self, number: int, changed: frozenset[str]) -> None:
        heard = Problems()
        built = False
        try:
            if number != self.primary:
                self._primary_done.wait()  # the primary part's bundle folder holds the others'
            with self._slots:
                if self._failed.is_set():
                    return
                built = self._index_or_reuse(number, changed, heard)
        except Exception as exc:  # a file system error: one problem, not a traceback from a thread
            heard.error(str(self.run.shown_as or self.run.output), 0,
                        f"search index not built: {type(exc).__name__}: {exc}")
        finally:
            with self._lock:
                self._heard[number], self._built[number] = heard, built
                done = len(self._built)
            progress.count("search index: {done} of {total} parts", done, len(self.pages))
            if not built:
                self._failed.set()
            if number == self.primary or not built:
                self._primary_done.set()

    def _index_or_reuse(self, number: int, changed: frozenset[str], problems: Problems) -> bool:
        run, held = self.run, self.pages[number]
        with self._lock:
            if self._before is None:
                self._before = _previous_parts(run, self.count)
                self._previous_primary = min(self._before, default=None)
        if _reuse_part(run, number, held, self._before, self.primary, self._previous_primary, changed):
            return True
        run.reindexed.append(number)
        built = _index_part(run, number, held, self.count, self.primary, problems)
        if built and run.previous is not None:
            bundle = search_parts.bundle_folder(BUNDLE_DIR, number, self.primary)
            skip = [search_parts.SHARD_FOLDER.format(number=n) for n in self.pages] if number == self.primary else ()
            search_parts.link_unchanged(run.previous / bundle, run.output / bundle, skip)
        return built


def _previous_parts(run: IndexRun, count: int) -> dict[int, list[str]]:
    """The previous output's article pages by part, when it had ``count`` parts ({} otherwise)."""
    if run.previous is None or not run.previous.is_dir() or run.changed_pages is None:
        return {}
    previous_count, pages = _parts_in(run.previous, run)
    return pages if previous_count == count else {}


def _parts_in(root: Path, run: IndexRun) -> tuple[int, dict[int, list[str]]]:
    """How many parts the article pages under ``root`` are spread over, and those holding pages."""
    folder = article_folder(run.article_save_as)
    found = search_parts.html_pages(root, folder, BUNDLE_DIR)
    count = _part_count(found, folder, run.shard_size)
    return count, search_parts.pages_by_shard(found, count)


def _reuse_part(run: IndexRun, number: int, held: list[str], before: dict[int, list[str]], primary: int,
                previous_primary: int | None, changed: set[str] | frozenset[str]) -> bool:
    """Link the previous output's bundle of part ``number`` when it holds the same pages, none of
    them changed, and it is the primary part in both or in neither; whether it was."""
    bundle = search_parts.bundle_folder(BUNDLE_DIR, number, primary)
    old = run.previous / bundle if run.previous is not None else None
    if not (
        before.get(number) == held
        and (number == primary) == (number == previous_primary)
        and not changed.intersection(held)
        and (old / "pagefind-entry.json").is_file()
    ):
        return False
    skip = [*_shard_folders(old), search_parts.MANIFEST] if number == primary else ()
    search_parts.link_tree(old, run.output / bundle, skip=skip)
    return True


def _write_manifest(run: IndexRun, pages: dict[int, list[str]]) -> None:
    primary = min(pages)
    merged = [f"{search_parts.SHARD_FOLDER.format(number=number)}/" for number in pages if number != primary]
    manifest = run.output / BUNDLE_DIR / search_parts.MANIFEST
    manifest.write_text(json.dumps({"merge": merged}) + "\n", encoding="utf-8")


def build_index(run: IndexRun, problems: Problems, slots: PagefindSlots | None = None) -> bool:
    """Build every part of the index (see :mod:`newsarchive.incremental.search_parts`) from the article pages
    in the output, reusing the previous output's bundle of a part whose pages did not change, as
    many parts at a time as ``slots`` allows (one when not given); a failure becomes one problem."""
    count, pages = _parts_in(run.output, run)
    if not pages:  # no article page (a new archive before its first import): index every page, so search works
        run.reindexed.append(0)
        return index_site(run.output, problems, shown_as=run.shown_as)
    parts = _Parts(run, count, pages, slots or PagefindSlots(1))
    changed = frozenset(run.changed_pages or ())
    for number in sorted(pages, key=lambda number: number != parts.primary):  # the primary part first
        parts.index(number, changed)
    if not parts.wait(problems):
        return False
    _write_manifest(run, pages)
    return True


def _part_count(pages: set[str], folder: str | None, shard_size: int) -> int:
    # without an article folder every page is read, and a part holding only list pages would
    # be indexed whole (Pagefind indexes all of a site in which no page marks its body): one part
    return search_parts.shard_count(len(pages), shard_size) if folder else 1


def _shard_folders(bundle: Path) -> list[str]:
    return [p.name for p in bundle.glob(search_parts.SHARD_FOLDER.format(number="*")) if p.is_dir()]


def _index_part(run: IndexRun, number: int, pages: list[str], count: int, primary: int, problems: Problems) -> bool:
    glob = article_pages_glob(run.article_save_as)
    if count == 1:
        return index_site(run.output, problems, shown_as=run.shown_as, glob=glob)
    # Pagefind indexes a folder: one holding links to this part's pages, at their paths
    site = run.output.with_name(f".{run.output.name}.shard-{number}")
    _remove_tree(site)
    try:
        for page in pages:
            (site / page).parent.mkdir(parents=True, exist_ok=True)
            os.link(run.output / page, site / page)
        bundle = run.output / search_parts.bundle_folder(BUNDLE_DIR, number, primary)
        return index_site(site, problems, shown_as=run.shown_as, glob=glob, bundle=bundle)
    finally:
        _remove_tree(site)


def _remove_tree(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)


def index_site(
    output: Path, problems: Problems, shown_as: Path | None = None, glob: str | None = None, bundle: Path | None = None
) -> bool:
    """Build the search index in ``output/pagefind/`` (or ``bundle``); a failure becomes one problem on ``shown_as``.

    ``shown_as`` is the folder the user asked for, when ``output`` is a staging folder; ``glob``
    limits the pages Pagefind reads (see :func:`article_pages_glob`).
    """
    where = str(shown_as or output)
    try:
        run = subprocess.run(pagefind_command(output, glob, bundle), capture_output=True, text=True, check=False,
                             preexec_fn=pdeathsig_preexec())  # noqa: PLW1509 - prctl only, looked up before
    except OSError as exc:
        problems.error(where, 0, f"search index not built: could not run Pagefind ({exc})")
        return False
    messages = " ".join(f"{run.stderr} {run.stdout}".split())
    if run.returncode != 0:
        reason = messages or f"Pagefind exited with status {run.returncode}"
        if "No module named pagefind" in reason or "executable" in reason.lower():
            reason += " (install it with: pip install 'pagefind[extended]')"
        problems.error(where, 0, f"search index not built: {reason}")
        return False
    written = bundle or output / BUNDLE_DIR
    if not (written / "pagefind.js").is_file():
        problems.error(where, 0, f"search index not built: Pagefind wrote no {BUNDLE_DIR}/pagefind.js")
        return False
    return True
