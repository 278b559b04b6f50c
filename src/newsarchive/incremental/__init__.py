"""The speed layer: how little a build redoes. Its package is the seam the rest of newsarchive uses.

The features (``newsarchive.site``) ask it for values that may be kept between builds
(:func:`memo`, :func:`keep`) and declare what it needs to know of them (:func:`declare`,
:func:`precompute`, :func:`page_data`, :func:`renders_template`, :func:`remember_at_read`,
:func:`share`); they never learn how anything is stored. The build's parent process
(``newsarchive.build``) gives each run a :class:`BuildSession`, saves the page records after
the swap and runs Pagefind (:class:`BackgroundIndex`; under plain ``pelican`` the features run
:func:`build_index` at the end). This module and what it imports load neither Pelican nor the features, so the
build's parent stays small; the receivers that join Pelican's run are in ``speed_layer.py``,
connected by ``newsarchive.plugin``.

Inner modules: ``session`` (the build's session and the memo), ``declarations`` (what the features
declare), ``parse_cache`` (the SQLite store), ``prefill`` (the pool that fills it on every
core), ``article_store`` (articles as Pelican made them), ``compact_fields`` (bulky fields kept
compressed), ``known_urls``, ``first_read``, ``lazy_page_data``, ``fingerprints``, ``linking_writer``
and ``page_records`` (pages whose inputs did not change are linked, not rendered), ``comparing_file``
(files whose bytes did not change are linked, not written: :func:`write_output_file` for the features' own),
``search_index`` and ``search_parts`` (Pagefind, part by part), ``article_lists``, ``memory``,
and ``pelican_patches``, the only module that touches Pelican's internals.
"""

from .compact_fields import Packed, holds_packed, pack_object, pack_text, unpacked
from .comparing_file import write_output_file
from .declarations import (
    SOURCE_KEY,
    Kind,
    declare,
    page_data,
    precompute,
    remember_at_read,
    renders_template,
    share,
)
from .first_read import remembered
from .lazy_page_data import makes_page_data
from .memory import release as collector_back_on
from .page_records import PageRecords, file_state
from .page_records import save as save_page_records
from .search_index import (
    BUNDLE_DIR,
    NONDETERMINISTIC_DIRS,
    BackgroundIndex,
    IndexRun,
    PartsPlanned,
    PartWritten,
    article_pages_glob,
    build_index,
    pagefind_command,
)
from .session import BuildSession, begin, current, file_key, keep, memo

__all__ = [
    "BUNDLE_DIR", "BackgroundIndex", "BuildSession", "IndexRun", "Kind", "NONDETERMINISTIC_DIRS", "Packed",
    "PageRecords", "PartWritten", "PartsPlanned", "SOURCE_KEY", "article_pages_glob", "begin", "build_index",
    "collector_back_on", "current", "declare", "file_key", "file_state", "holds_packed", "keep",
    "makes_page_data",
    "memo", "pack_object", "pack_text", "page_data", "pagefind_command", "precompute", "remember_at_read",
    "remembered", "renders_template", "save_page_records", "share", "unpacked", "write_output_file",
]
