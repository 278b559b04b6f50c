"""The prefill pool: the article files the parse cache lacks are worked on by every core first.

A cold build would read its articles one by one in Pelican's process. Before Pelican reads
them (``article_generator_init``), the files whose results are not cached are handed to a pool
of forked workers, which inherit the loaded tagger (each feature's ``warm``) and do the
features' ``precompute`` work: the same memoised functions the build then calls, so the
values land under the keys the build asks for. The workers pickle what they made; the main
process stores it as it comes without unpickling it, then Pelican reads the files as usual
and finds them in the cache.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from pathlib import Path

from ..model import settings as registry
from ..process import progress
from .declarations import precomputes
from .session import BuildSession, memo_key, running

_MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")


def workers(pelican_settings: dict) -> int:
    wanted = registry.get(pelican_settings, "NEWSARCHIVE_WORKERS")
    return wanted if wanted and wanted > 0 else (os.cpu_count() or 1)


def prefill(generator) -> None:
    """``article_generator_init``: work on the article files the cache lacks, on every core."""
    session = running()
    work = precomputes()
    if session is None or not work:
        return
    pelican_settings = generator.settings
    cache = session.parse_cache()
    count = workers(pelican_settings)
    paths = sorted(
        os.path.join(generator.path, f)
        for f in generator.get_files(pelican_settings["ARTICLE_PATHS"], exclude=pelican_settings["ARTICLE_EXCLUDES"])
        if f.endswith(tuple(f".{e}" for e in pelican_settings["MARKDOWN"].get("file_extensions", ("md",))))
        or f.endswith(_MARKDOWN_EXTENSIONS)
    )
    missing = []
    for path in paths:
        try:
            key = session.key_of_file(path)
        except OSError:
            continue
        if any(memo_key(each.kind, key) not in cache for each in work):
            missing.append(path)
    _reading.update(done=0, total=len(paths))
    unchanged = f" ({len(paths) - len(missing)} unchanged since the last build)" if len(missing) < len(paths) else ""
    if count < 2 or len(missing) < 4 * count or "fork" not in multiprocessing.get_all_start_methods():
        progress.step(f"reading {len(paths)} articles{unchanged}")
        return  # the reader parses them one by one
    progress.step(f"parsing {len(missing)} articles on {count} cores{unchanged}")
    for each in work:
        if each.warm is not None:
            each.warm(pelican_settings)  # loaded before forking, so every worker has it
    context = multiprocessing.get_context("fork")
    with context.Pool(count, initializer=_start_worker) as pool:
        for done, entries in enumerate(pool.imap(_work_on_file, missing, chunksize=16), 1):
            for key, value in entries:  # stored as the workers pickled them: the main process holds none
                cache.put_pickled(key, value)
            progress.count("parsed {done} of {total} articles", done, len(missing))
    progress.step(f"reading {len(paths)} articles")


def _start_worker() -> None:
    """A worker's collector: the build pauses it while reading (``memory.py``), and the fork inherits
    that. Each file makes cyclic garbage (a ``Markdown`` instance refers to itself through its
    processors): without collection a worker would keep every file's, hundreds of MB at 10,000
    articles. What the worker inherited stays out of its collections."""
    gc.freeze()
    gc.enable()


def _work_on_file(path: str) -> list[tuple[str, bytes]]:
    """In a worker: the cache entries the features' work makes of one file, pickled."""
    session: BuildSession = running()
    raw = Path(path).read_bytes()
    session.worker_entries = []
    try:
        for each in precomputes():
            each.work(raw, session.settings)
    except Exception:  # left to the reader, which reports it with the file's name
        return []
    finally:
        entries, session.worker_entries = session.worker_entries, None
    return entries


_reading = {"done": 0, "total": 0}  # the article files read in this build, and how many there are


def count_read(generator, metadata) -> None:
    """``article_generator_context``: one more article read (a progress count)."""
    _reading["done"] += 1
    progress.count("read {done} of {total} articles", _reading["done"], _reading["total"])
