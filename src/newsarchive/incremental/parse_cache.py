"""Values kept between builds in one SQLite file: parsed articles, their figures, the words the
story clusters count, the clusters, the articles as Pelican made them.

Reading an article (Python-Markdown, then the tagger over title and body, then the figures
in its paragraphs) is most of a build's work, and its result depends only on the file's
bytes and on what :func:`config_digest` covers (what the features' precomputed values depend
on, declared with ``precompute``: the taxonomy, the Markdown and tag settings, the code that
parses). So values are stored under a key that says what they were made from (``memo``: a
kind and, say, the SHA-256 of the file) in ``CACHE_PATH/newsarchive-<config digest>.sqlite``:
a rebuild parses only the files that changed, and a change of taxonomy or code starts a new
cache instead of using a stale one. The prefill pool (``prefill.py``) fills it on every core.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import sqlite3
import sys
from pathlib import Path

from .. import __version__
from ..model.code_digest import code_digest
from .declarations import precomputes

FORMAT = 4
# The speed layer's code that decides what a cached entry holds; the features name theirs (``precompute``).
_CODE = (Path(__file__).parent / "parse_cache.py", Path(__file__).parent / "prefill.py")


def config_digest(pelican_settings: dict) -> str:
    parts = {
        "format": FORMAT,
        "version": __version__,
        "python": sys.version_info[:2],
        "code": code_digest(_CODE),
        "features": [work.config(pelican_settings) for work in precomputes()],
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).hexdigest()[:16]


def cache_path(pelican_settings: dict) -> Path:
    """Where this configuration's cache is kept."""
    folder = Path(pelican_settings.get("CACHE_PATH") or "cache")
    return folder / f"newsarchive-{config_digest(pelican_settings)}.sqlite"


class ParseCache:
    """The entries kept between builds, in one SQLite file read entry by entry.

    Nothing is held in memory: ``get`` reads and unpickles an entry each time it is asked for
    (so a reader may change what it gets), and ``put`` writes it into the build's transaction,
    which ``save`` commits, after deleting the entries this build did not use. Without a path
    (no cache configured) the entries live in a temporary file for the build only.
    """

    def __init__(self, path: Path | None):
        self.path = path
        self.used: set[str] = set()
        self._recording: list[str] | None = None
        self._db = _open(path)

    def get(self, key: str):
        try:
            stored = self._stored(key)
            found = pickle.loads(stored) if stored is not None else None
        except Exception:  # a damaged entry is only a slower build
            return None
        if found is not None:
            self._use(key)
        return found

    def get_pickled(self, key: str) -> bytes | None:
        """An entry as stored, for a caller that unpickles it its own way."""
        try:
            stored = self._stored(key)
        except sqlite3.DatabaseError:
            return None
        if stored is not None:
            self._use(key)
        return stored

    def _stored(self, key: str) -> bytes | None:
        row = self._db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        return row[0] if row is not None else None

    def record_used(self, stop: bool = False) -> list[str]:
        """Start noting the entries read or written (``stop``: stop, and return them)."""
        noted, self._recording = self._recording or [], None if stop else []
        return noted

    def _use(self, key: str) -> None:
        self.used.add(key)
        if self._recording is not None:
            self._recording.append(key)

    def put(self, key: str, value) -> None:
        self.put_pickled(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def put_pickled(self, key: str, value: bytes) -> None:
        """Store an entry pickled elsewhere (a worker process), without unpickling it here."""
        self._db.execute("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", (key, value))
        self._use(key)

    def keep(self, key: str) -> None:
        """Keep an entry this build did not need to read (``save`` drops the entries not used)."""
        self.used.add(key)

    def __contains__(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM entries WHERE key = ?", (key,)).fetchone() is not None

    def save(self) -> None:
        """Commit what this build added and drop what it did not use (articles deleted or edited)."""
        db = self._db
        # the keys alone come from the key's index, without the entries; an edit drops one or two
        unused = [row for row in db.execute("SELECT key FROM entries") if row[0] not in self.used]
        db.executemany("DELETE FROM entries WHERE key = ?", unused)
        db.commit()
        free, pages = db.execute("PRAGMA freelist_count").fetchone()[0], db.execute("PRAGMA page_count").fetchone()[0]
        if free > pages // 2:  # most of the file is space deleted entries left (a site that shrank): give it back
            db.execute("VACUUM")
        if self.path is not None:  # caches of other configurations, and of the pickle format, are stale
            for other in self.path.parent.glob("newsarchive-*"):
                if other != self.path and _STALE.fullmatch(other.name):
                    other.unlink(missing_ok=True)

    def close(self) -> None:
        self._db.close()


# A parse cache's file name (``cache_path``): another one than this build's is another configuration's
_STALE = re.compile(r"newsarchive-[0-9a-f]{16}\.(sqlite|pickle)")


def _open(path: Path | None) -> sqlite3.Connection:
    """The cache's database; a damaged or foreign file is replaced by an empty one."""
    if path is None:
        return _connect("")  # a temporary database SQLite keeps in a file, not in memory
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = _connect(str(path))
        if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
            db.close()
            raise sqlite3.DatabaseError("another format")
        db.execute("SELECT count(*) FROM entries").fetchone()
        return db
    except sqlite3.DatabaseError:
        path.unlink(missing_ok=True)
        return _connect(str(path))


def _connect(name: str) -> sqlite3.Connection:
    db = sqlite3.connect(name, isolation_level="DEFERRED")
    db.execute("PRAGMA synchronous = OFF")  # a cache: a power cut may damage it (a slower build)
    new = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'entries'").fetchone()[0] == 0
    if new:
        db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        db.execute(f"PRAGMA user_version = {FORMAT}")
        db.commit()
    return db
