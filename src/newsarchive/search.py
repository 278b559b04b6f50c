"""The search index: Pagefind run over the article pages Pelican wrote.

Only article pages carry ``data-pagefind-body`` (see ``theme/templates/partials/search_data.html``),
so Pagefind indexes article bodies alone and list pages do not flood the results. Pelican
writes the article pages first; Pagefind starts as soon as they are all written
(:class:`BackgroundIndex`, in the build's parent process) and runs on the second core while
Pelican renders the lists, which are most of its pages but which Pagefind does not read; the
parts of the index left when Pelican has finished run on every core.
"""

from __future__ import annotations

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

from . import search_shards
from .problems import Problems

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
    command = [sys.executable, "-m", "pagefind", "--site", str(output), *where, "--quiet"]
    return command + ["--glob", glob] if glob else command


def article_pages_glob(article_save_as: str) -> str | None:
    """The files Pagefind needs to read: only article pages carry ``data-pagefind-body``, so when
    ``ARTICLE_SAVE_AS`` puts them in a fixed folder ("articles/{slug}.html"), that folder's pages;
    None (every page) when the folder itself has a placeholder."""
    folder = _article_folder(article_save_as)
    return f"{folder}/**/*.html" if folder else None


def _article_folder(article_save_as: str) -> str | None:
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


class BackgroundIndex:
    """The search index built in a thread of the build's parent process, beside Pelican's child.

    ``start`` is called when the child says every article page is written, with the article
    pages whose bytes changed; ``make_run`` then says what to index (None: the site has no
    search). Pagefind runs one part at a time while Pelican renders the list pages, and on
    every core once ``finish`` says Pelican has ended (its process, and its memory, gone).
    ``finish`` waits for the index, or builds it then when it was not started: a site without
    the article generator's output, or whose article pages are not in a folder of their own
    (Pagefind then reads the whole site, which must be written first).
    """

    def __init__(self, make_run: Callable[[set[str] | None], IndexRun | None]):
        self._make_run = make_run
        self._problems = Problems()
        self._slots = PagefindSlots(1)
        self._thread: threading.Thread | None = None
        self._built = False
        self.run: IndexRun | None = None

    def start(self, changed_pages: set[str] | None) -> None:
        if self._thread is not None:
            return
        run = self._make_run(changed_pages)
        if run is not None and _article_folder(run.article_save_as) is None:
            return  # Pagefind reads every page then, list pages too: it waits for Pelican to finish
        self.run = run
        self._thread = threading.Thread(target=self._build, name="search index", daemon=True)
        self._thread.start()

    def _build(self) -> None:
        if self.run is None:
            self._built = True
            return
        try:
            self._built = build_index(self.run, self._problems, self._slots)
        except Exception as exc:  # a file system error: one problem, not a traceback from a thread
            shown = self.run.shown_as or self.run.output
            self._problems.error(str(shown), 0, f"search index not built: {type(exc).__name__}: {exc}")
            self._built = False

    def finish(self, problems: Problems, run: bool = True, changed_pages: set[str] | None = None) -> bool:
        """Pelican has ended: wait for the index (or build it now, when ``run`` and it was not
        started); its problems go to ``problems``. Whether it was built."""
        self._slots.widen(os.cpu_count() or 1)
        if self._thread is not None:
            self._thread.join()
        elif not run:
            return False
        else:
            self.run = self._make_run(changed_pages)
            self._build()
        problems.extend(self._problems)
        return self._built


def build_index(run: IndexRun, problems: Problems, slots: PagefindSlots | None = None) -> bool:
    """Build every part of the index (see :mod:`newsarchive.search_shards`), reusing the previous
    output's bundle of a part whose pages did not change, as many parts at a time as ``slots``
    allows (one when not given); a failure becomes one problem."""
    folder = _article_folder(run.article_save_as)
    found = search_shards.html_pages(run.output, folder, BUNDLE_DIR)
    count = _part_count(found, folder, run.shard_size)
    pages = search_shards.pages_by_shard(found, count)
    if not pages:  # nothing to index: Pagefind says so
        run.reindexed.append(0)
        return index_site(run.output, problems, shown_as=run.shown_as, glob=article_pages_glob(run.article_save_as))
    before: dict[int, list[str]] = {}
    if run.previous is not None and run.previous.is_dir() and run.changed_pages is not None:
        previous_pages = search_shards.html_pages(run.previous, folder, BUNDLE_DIR)
        if _part_count(previous_pages, folder, run.shard_size) == count:
            before = search_shards.pages_by_shard(previous_pages, count)
    primary, previous_primary = min(pages), min(before, default=None)
    run.parts = len(pages)
    jobs: list[tuple[int, list[str]]] = []
    for number, held in pages.items():
        bundle = search_shards.bundle_folder(BUNDLE_DIR, number, primary)
        old = run.previous / bundle if run.previous is not None else None
        if (
            before.get(number) == held
            and (number == primary) == (number == previous_primary)
            and not run.changed_pages.intersection(held)
            and (old / "pagefind-entry.json").is_file()
        ):
            skip = [*_shard_folders(old), search_shards.MANIFEST] if number == primary else ()
            search_shards.link_tree(old, run.output / bundle, skip=skip)
            continue
        run.reindexed.append(number)
        jobs.append((number, held))
    if not _index_parts(run, jobs, count, primary, problems, slots or PagefindSlots(1)):
        return False
    merged = [f"{search_shards.SHARD_FOLDER.format(number=number)}/" for number in pages if number != primary]
    manifest = run.output / BUNDLE_DIR / search_shards.MANIFEST
    manifest.write_text(json.dumps({"merge": merged}) + "\n", encoding="utf-8")
    return True


def _index_parts(run: IndexRun, jobs: list[tuple[int, list[str]]], count: int, primary: int, problems: Problems,
                 slots: PagefindSlots) -> bool:
    """Pagefind for each ``(part, pages)`` of ``jobs``: the primary part first (its bundle folder
    holds the others'), then the others, as many at a time as ``slots`` allows. After a failure
    no other part is started; the problems come in the order of the parts."""
    failed = threading.Event()

    def index(job: tuple[int, list[str]]) -> tuple[bool, Problems]:
        heard = Problems()
        with slots:
            if failed.is_set():
                return False, heard
            built = _index_part(run, *job, count, primary, heard)
        if not built:
            failed.set()
        return built, heard

    results = [index(job) for job in jobs if job[0] == primary]
    others = [job for job in jobs if job[0] != primary]
    if others and not failed.is_set():
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="pagefind") as pool:
            results += pool.map(index, others)
    for _, heard in results:
        problems.extend(heard)
    return all(built for built, _ in results)


def _part_count(pages: set[str], folder: str | None, shard_size: int) -> int:
    # without an article folder every page is read, and a part holding only list pages would
    # be indexed whole (Pagefind indexes all of a site in which no page marks its body): one part
    return search_shards.shard_count(len(pages), shard_size) if folder else 1


def _shard_folders(bundle: Path) -> list[str]:
    return [p.name for p in bundle.glob(search_shards.SHARD_FOLDER.format(number="*")) if p.is_dir()]


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
        bundle = run.output / search_shards.bundle_folder(BUNDLE_DIR, number, primary)
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
        run = subprocess.run(pagefind_command(output, glob, bundle), capture_output=True, text=True, check=False)
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
