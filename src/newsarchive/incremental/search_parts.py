"""The search index in parts: an edit re-indexes the part holding the article, not the site.

Pagefind has no incremental mode: it indexes the pages it is given, all at once. A site of
more than ``NEWSARCHIVE_SEARCH_SHARD_SIZE`` articles is therefore indexed in parts
("shards"): each article page belongs to one, chosen by a hash of its path, and the number
of parts is the power of two that keeps them under that size, so it changes only when the
site doubles. The first part that holds pages is the bundle in ``pagefind/`` (with
``pagefind.js``); part *k* is in ``pagefind/shard-k/``, and ``pagefind/parts.json`` lists
them. The search page loads the first and merges the others (Pagefind's ``mergeIndex``), so
results and filter counts cover the whole site.

A rebuild re-runs Pagefind only for a part whose pages changed (a page's bytes, or which
pages it holds) and links the previous output's bundle of every other part. Pagefind writes
every file of a part it re-runs; those whose bytes are the previous bundle's (the fragments of
the pages that did not change, named by their content) are then linked from it, as the linking
writer does with pages, so an edit leaves them as they were.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..model.files import link_or_copy

SHARD_FOLDER = "shard-{number}"
MANIFEST = "parts.json"  # in the bundle folder: {"merge": ["shard-3/", ...]}, relative to it


def shard_count(articles: int, shard_size: int) -> int:
    """How many parts ``articles`` article pages are indexed in: 1, or a power of two."""
    if shard_size <= 0 or articles <= shard_size:
        return 1
    count = 1
    while articles > count * shard_size:
        count *= 2
    return count


def shard_of(page: str, count: int) -> int:
    """The part a page (its path in the output, "articles/x.html") belongs to."""
    if count == 1:
        return 0
    return int.from_bytes(hashlib.sha256(page.encode("utf-8")).digest()[:8], "big") % count


def bundle_folder(bundle: str, number: int, primary: int) -> str:
    """Where part ``number`` is, relative to the output: the ``primary`` part in "pagefind", the
    others in "pagefind/shard-k"."""
    return bundle if number == primary else f"{bundle}/{SHARD_FOLDER.format(number=number)}"


def pages_by_shard(pages: Iterable[str], count: int) -> dict[int, list[str]]:
    """The parts that hold pages, each with its pages in order."""
    found: dict[int, list[str]] = {}
    for page in sorted(pages):
        found.setdefault(shard_of(page, count), []).append(page)
    return dict(sorted(found.items()))


def html_pages(root: Path, glob_folder: str | None, bundle: str) -> set[str]:
    """The HTML pages Pagefind reads under ``root`` (in ``glob_folder`` when given), outside the bundle."""
    start = root / glob_folder if glob_folder else root
    found = set()
    for folder, subfolders, files in os.walk(start):
        if Path(folder) == root:
            subfolders[:] = [d for d in subfolders if d != bundle]
        for name in files:
            if name.endswith(".html"):
                found.add(Path(os.path.relpath(os.path.join(folder, name), root)).as_posix())
    return found


def link_tree(source: Path, target: Path, skip: Iterable[str] = ()) -> None:
    """Hard-link every file under ``source`` into ``target`` (copy across file systems), except
    the top-level folders named in ``skip``."""
    skipped = set(skip)
    for folder, subfolders, files in os.walk(source):
        if Path(folder) == source:
            subfolders[:] = [d for d in subfolders if d not in skipped]
        destination = target / os.path.relpath(folder, source)
        destination.mkdir(parents=True, exist_ok=True)
        for name in files:
            link_or_copy(os.path.join(folder, name), destination / name)


def link_unchanged(previous: Path, written: Path, skip: Iterable[str] = ()) -> int:
    """Replace each file under ``written`` (a bundle Pagefind just wrote) whose bytes equal the file
    at the same place under ``previous`` with a link to that file, except in the top-level folders
    named in ``skip``; how many were linked."""
    skipped, linked = set(skip), 0
    for folder, subfolders, files in os.walk(written):
        if Path(folder) == written:
            subfolders[:] = [d for d in subfolders if d not in skipped]
        before = previous / os.path.relpath(folder, written)
        for name in files:
            new, old = Path(folder, name), before / name
            try:
                same = old.stat().st_size == new.stat().st_size and old.read_bytes() == new.read_bytes()
            except OSError:
                continue
            if same:
                link_or_copy(old, new)
                linked += 1
    return linked
