"""Parsed and tagged articles kept between builds, keyed by each file's content hash.

Reading an article (Python-Markdown, then the tagger over title and body, then the figures
in its paragraphs) is most of a build's work, and its result depends only on the file's
bytes and on what this module's ``config_digest`` covers (the taxonomy, the Markdown and
tag settings, the code that parses). So the result is stored under the SHA-256 of the file
in ``CACHE_PATH/newsarchive-<config digest>.sqlite``: a rebuild parses only the files that
changed, and a change of taxonomy or code starts a new cache instead of using a stale one.

A cold build parses the files missing from the cache on every core first (a pool of
forked workers that inherit the loaded tagger), then Pelican reads them as usual and finds
them in the cache. The workers also find each body's figures (cached under the body's hash)
and the words the story clusters count (under the hash of the title and plain body), and the
story clusters of a build's articles are cached under the hash of their inputs. The
stored values are plain strings, lists and dataclasses; the Pelican objects (tags, authors,
dates) are made from them at each build, as without cache.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import pickle
import re
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown

from .. import __version__, progress
from . import settings
from .packed import Packed, pack_object

FORMAT = 3
# Source files whose code decides what a cached entry holds; editing one invalidates the cache.
_CODE = (
    "tagging",
    "research/figures.py",
    "research/clusters.py",
    "plugin/tags.py",
    "plugin/figures.py",
    "plugin/parse_cache.py",
)


@dataclass
class Parsed:
    """One article file as the reader and ``content_object_init`` make it, before Pelican's objects."""

    html: str  # Python-Markdown's output
    meta: dict  # Markdown's raw metadata: name -> list of strings
    evidence: Packed  # TagEvidence of every tag, by type then name, packed (see ``packed.py``)
    tags: list[str] = field(default_factory=list)  # the names of those tags, in that order


def _code_digest() -> str:
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in _CODE:
        path = root / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()


def config_digest(pelican_settings: dict) -> str:
    from .tags import taxonomy_folder

    tags_file = taxonomy_folder(pelican_settings) / "tags.yaml"
    parts = {
        "format": FORMAT,
        "version": __version__,
        "python": sys.version_info[:2],
        "code": _code_digest(),
        "taxonomy": hashlib.sha256(tags_file.read_bytes()).hexdigest() if tags_file.exists() else "",
        "exclude": list(settings.get(pelican_settings, "EXCLUDE_TAGS") or ()),
        "markdown": repr(sorted(pelican_settings.get("MARKDOWN", {}).items())),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).hexdigest()[:16]


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


# A parse cache's file name (``cache_for``): another one than this build's is another configuration's
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


_KEY = "_newsarchive_parse_cache"  # where a build's cache hangs: its settings dict, shared by every generator


def cache_for(pelican_settings: dict) -> ParseCache:
    """The cache of this build, loaded on first use."""
    found = pelican_settings.get(_KEY)
    if found is None:
        path = None
        if settings.get(pelican_settings, "NEWSARCHIVE_CACHE"):
            folder = Path(pelican_settings.get("CACHE_PATH") or "cache")
            path = folder / f"newsarchive-{config_digest(pelican_settings)}.sqlite"
        found = pelican_settings[_KEY] = ParseCache(path)
    return found


def file_key(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


# Set by ``build/run.py``: absolute path -> SHA-256 of each content file, as the check for changed inputs found them
FILE_KEYS = "_newsarchive_file_keys"


def key_of_file(path: str, pelican_settings: dict) -> str:
    """A content file's ``file_key``, as the build's check hashed it, or hashed now (OSError if unreadable)."""
    known = (pelican_settings.get(FILE_KEYS) or {}).get(os.path.abspath(path))
    return known if known is not None else file_key(Path(path).read_bytes())


def figures_key(body: str) -> str:
    """Where the figures of a rendered article body are cached (see ``figures.attach_figures``)."""
    return "figures:" + file_key(body.encode("utf-8"))


def parse_text(text: str, pelican_settings: dict) -> Parsed:
    """What the Markdown reader and the tagger make of one article file's text."""
    from ..tagging.article import tag_article
    from .tags import site_tagger

    md = Markdown(**pelican_settings["MARKDOWN"])
    html = md.convert(text)
    meta = getattr(md, "Meta", {}) or {}
    exclude = settings.get(pelican_settings, "EXCLUDE_TAGS") or ()
    evidence = tag_article(text, site_tagger(pelican_settings), exclude)
    return Parsed(html, meta, pack_object(evidence), [e.name for e in evidence])


_worker_settings: dict = {}


def _start_worker() -> None:
    """A worker's collector: the build pauses it while reading (``collector``), and the fork inherits
    that. Each file makes cyclic garbage (a ``Markdown`` instance refers to itself through its
    processors): without collection a worker would keep every file's, hundreds of MB at 10,000
    articles. What the worker inherited stays out of its collections."""
    gc.freeze()
    gc.enable()


def _parse_file(path: str) -> list[tuple[str, bytes]]:
    """A file's cache entries, pickled: what the reader makes of it, and its figures (``content_object_init``'s
    work, done here so that it runs on every core too and is never done again in the main process)."""
    from .clusters import cluster_text, token_entries
    from .figures import figures_entry

    raw = Path(path).read_bytes()
    try:
        parsed = parse_text(raw.decode("utf-8"), _worker_settings)
    except Exception:  # left to the reader, which reports it with the file's name
        return []
    figures, plain = figures_entry(parsed.html)
    entries = [(file_key(raw), parsed), (figures_key(parsed.html), figures)]
    # the words the story clusters count, under the hash of the text they will be asked for
    # (title and plain body): when Pelican's title is the file's, the main process finds them
    title = parsed.meta.get("title")
    if isinstance(title, list) and len(title) == 1 and isinstance(title[0], str):
        entries += token_entries(cluster_text(title[0], plain))
    return [(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for key, value in entries]


def workers(pelican_settings: dict) -> int:
    wanted = settings.get(pelican_settings, "NEWSARCHIVE_WORKERS")
    return wanted if wanted and wanted > 0 else (os.cpu_count() or 1)


def prefill(generator) -> None:
    """``article_generator_init``: parse the article files the cache lacks, on every core."""
    pelican_settings = generator.settings
    cache = cache_for(pelican_settings)
    count = workers(pelican_settings)
    paths = sorted(
        os.path.join(generator.path, f)
        for f in generator.get_files(pelican_settings["ARTICLE_PATHS"], exclude=pelican_settings["ARTICLE_EXCLUDES"])
        if f.endswith(tuple(f".{e}" for e in pelican_settings["MARKDOWN"].get("file_extensions", ("md",))))
        or f.endswith((".md", ".markdown", ".mkd", ".mdown"))
    )
    missing = []
    for path in paths:
        try:
            key = key_of_file(path, pelican_settings)
        except OSError:
            continue
        if key not in cache:
            missing.append(path)
    _reading.update(done=0, total=len(paths))
    unchanged = f" ({len(paths) - len(missing)} unchanged since the last build)" if len(missing) < len(paths) else ""
    if count < 2 or len(missing) < 4 * count or "fork" not in multiprocessing.get_all_start_methods():
        progress.step(f"reading {len(paths)} articles{unchanged}")
        return  # the reader parses them one by one
    progress.step(f"parsing {len(missing)} articles on {count} cores{unchanged}")
    from .tags import site_tagger

    site_tagger(pelican_settings)  # loaded before forking, so every worker has it
    global _worker_settings
    _worker_settings = {key: pelican_settings[key] for key in ("MARKDOWN", "PATH", "EXCLUDE_TAGS",
                                                                "NEWSARCHIVE_TAXONOMY") if key in pelican_settings}
    context = multiprocessing.get_context("fork")
    with context.Pool(count, initializer=_start_worker) as pool:
        for done, entries in enumerate(pool.imap(_parse_file, missing, chunksize=16), 1):
            for key, value in entries:  # stored as the workers pickled them: the main process holds none
                cache.put_pickled(key, value)
            progress.count("parsed {done} of {total} articles", done, len(missing))
    progress.step(f"reading {len(paths)} articles")


_reading = {"done": 0, "total": 0}  # the article files read in this build, and how many there are


def count_read(generator, metadata) -> None:
    """``article_generator_context``: one more article read (a progress count)."""
    _reading["done"] += 1
    progress.count("read {done} of {total} articles", _reading["done"], _reading["total"])


def save(pelican) -> None:
    """``finalized``: write this build's cache."""
    cache = pelican.settings.pop(_KEY, None)
    if cache is not None:
        cache.save()
        cache.close()
