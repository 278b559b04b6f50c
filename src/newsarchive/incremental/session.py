"""One build as the speed layer sees it, and the memo the features ask for values that may be kept.

``newsarchive build`` (the build's parent, in its forked child) makes a :class:`BuildSession`
saying what it knows before Pelican runs: the environment digest, each content file's hash,
the output this build replaces, whom to tell of each part of the article pages written. It
:func:`begin`\\ s it; the speed layer starts it when Pelican is ``initialized`` and finishes
it when Pelican is ``finalized``, and the parent then reads what the run left in it (the
page records, the pages whose bytes changed). Under plain ``pelican`` the speed layer starts a
session of its own, which knows nothing ahead. Without the speed layer (the features alone,
``PLUGINS = ["newsarchive.site"]``) there is no session: :func:`memo` makes every value.

One Pelican run at a time per process (Pelican's signals are global too), so the session is too.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..model import settings as registry
from .page_records import PageRecords
from .parse_cache import ParseCache, cache_path

T = TypeVar("T")


@dataclass
class BuildSession:
    environment: str | None = None  # build.stamp.environment_digest; None: no page is reused, no article stored
    file_keys: dict[str, str] = field(default_factory=dict)  # absolute path -> SHA-256 of each content file
    previous_output: str | None = None  # the output this build replaces; unchanged pages are linked from it
    tell: Callable[[object], None] | None = None  # told of the search index's parts planned and written
    changed_pages: set[str] = field(default_factory=set)  # HTML pages whose bytes differ from the previous output's
    page_records: PageRecords | None = None  # this build's page fingerprints (``linking_writer.py``)
    settings: dict | None = None  # the run's settings, once started
    cache: ParseCache | None = None  # the parse cache, once asked for
    finished: bool = False
    # in a prefill worker: the entries its ``memo`` calls made, pickled, for the main process to store
    worker_entries: list[tuple[str, bytes]] | None = None

    def parse_cache(self) -> ParseCache:
        """This build's parse cache, opened on first use."""
        if self.cache is None:
            path = cache_path(self.settings) if registry.get(self.settings, "NEWSARCHIVE_CACHE") else None
            self.cache = ParseCache(path)
        return self.cache

    def key_of_file(self, path: str) -> str:
        """A content file's :func:`file_key`, as the build's check hashed it, or hashed now (OSError if unreadable)."""
        known = self.file_keys.get(os.path.abspath(path))
        return known if known is not None else file_key(Path(path).read_bytes())


_current: list[BuildSession | None] = [None]


def begin(session: BuildSession) -> None:
    """The session of the next Pelican run in this process (``newsarchive build`` calls it)."""
    _current[0] = session


def current() -> BuildSession | None:
    """The session of the Pelican run under way (or of the last one, once finished)."""
    return _current[0]


def start(settings: dict) -> BuildSession:
    """``initialized``: the session begun for this run, or a new one under plain ``pelican``."""
    session = _current[0]
    if session is None or session.settings is not None:
        session = _current[0] = BuildSession()
    session.settings = settings
    return session


def finish() -> None:
    """``finalized``: this build's parse cache is written; the session stays readable until the next run."""
    session = _current[0]
    if session is None or session.finished:
        return
    session.finished = True
    if session.cache is not None:
        session.cache.save()
        session.cache.close()
        session.cache = None


def running() -> BuildSession | None:
    session = _current[0]
    return session if session is not None and session.settings is not None and not session.finished else None


def file_key(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def memo_key(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def memo(kind: str, key: str, make: Callable[[], T]) -> T:
    """``make()``, kept by the speed layer under ``kind`` and ``key`` (which must say everything the
    value depends on besides the cache's configuration) and found there by a later build. Each
    call gives a fresh copy, which the caller may change. Without a running session: ``make()``."""
    session = running()
    if session is None:
        return make()
    full = memo_key(kind, key)
    if session.worker_entries is not None:
        value = make()
        session.worker_entries.append((full, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
        return value
    cache = session.parse_cache()
    found = cache.get(full)
    if found is None:
        found = make()
        cache.put(full, found)
    return found


def keep(kind: str, key: str) -> None:
    """Keep an entry this build did not need to read (the cache drops what a build did not use)."""
    session = running()
    if session is not None and session.worker_entries is None:
        session.parse_cache().keep(memo_key(kind, key))
