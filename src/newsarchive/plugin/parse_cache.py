"""Parsed and tagged articles kept between builds, keyed by each file's content hash.

Reading an article (Python-Markdown, then the tagger over title and body, then the figures
in its paragraphs) is most of a build's work, and its result depends only on the file's
bytes and on what this module's ``config_digest`` covers (the taxonomy, the Markdown and
tag settings, the code that parses). So the result is stored under the SHA-256 of the file
in ``CACHE_PATH/newsarchive-<config digest>.pickle``: a rebuild parses only the files that
changed, and a change of taxonomy or code starts a new cache instead of using a stale one.

A cold build parses the files missing from the cache on every core first (a pool of
forked workers that inherit the loaded tagger), then Pelican reads them as usual and finds
them in the cache. The workers also find each body's figures (cached under the body's hash),
and the story clusters of a build's articles are cached under the hash of their inputs. The
stored values are plain strings, lists and dataclasses; the Pelican objects (tags, authors,
dates) are made from them at each build, as without cache.
"""

from __future__ import annotations

import copy
import hashlib
import json
import multiprocessing
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown

from .. import __version__
from . import settings

FORMAT = 1
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
    evidence: list  # TagEvidence of every tag, by type then name
    figures: dict = field(default_factory=dict)  # sha256 of the rendered body -> (anchored, texts, figures)


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
    """The entries of one build: those loaded from disk, and those parsed now; saved at the end."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, Parsed] = {}
        self.used: set[str] = set()
        self._taken: set[str] = set()
        self._added: set[str] = set()  # put by this build
        self._additions: list[Path] = []  # the files of entries added since the last full save
        self.changed = False
        if path is not None and path.is_file():
            try:
                with path.open("rb") as f:
                    self.entries = pickle.load(f)
                self._additions = sorted(path.parent.glob(f"{path.stem}.*.pickle"), key=_addition_number)
                for addition in self._additions:
                    with addition.open("rb") as f:
                        self.entries.update(pickle.load(f))
            except Exception:  # a damaged or foreign cache is only a slower build
                self.entries, self._additions = {}, []

    def get(self, key: str) -> Parsed | None:
        found = self.entries.get(key)
        if found is not None:
            self.used.add(key)
        return found

    def take(self, key: str):
        """An entry for a reader that may change it: the stored object the first time in a build
        (nobody else holds it: the cache is saved from ``entries`` only after the build, and
        nothing changes what it reads), a deep copy when two files have the same bytes."""
        found = self.entries.get(key)
        if found is None:
            return None
        if key in self._taken:
            return copy.deepcopy(found)
        self._taken.add(key)
        self.used.add(key)
        return found

    def put(self, key: str, parsed: Parsed) -> None:
        self.entries[key] = parsed
        self.used.add(key)
        self._added.add(key)
        self.changed = True

    def save(self) -> None:
        """Write what this build added; the whole cache, with only the entries this build used
        (so it does not grow forever), when the additions or the unused entries have grown."""
        if self.path is None:
            return
        unused = len(self.entries) - len(self.used & self.entries.keys())
        if not self.changed and not unused:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        whole = not self.path.is_file() or len(self._additions) >= MAX_ADDITIONS or unused > len(self.entries) // 5
        if not whole:  # an edit of a few articles: a small file beside the big one
            added = {key: self.entries[key] for key in sorted(self._added)}
            number = _addition_number(self._additions[-1]) + 1 if self._additions else 1
            _write_pickle(added, self.path.with_name(f"{self.path.stem}.{number}.pickle"))
            return
        kept = {key: self.entries[key] for key in sorted(self.used) if key in self.entries}
        _write_pickle(kept, self.path)
        # the additions are in it now; caches of other configurations are stale
        for other in self.path.parent.glob("newsarchive-*.pickle"):
            if other != self.path:
                other.unlink(missing_ok=True)


MAX_ADDITIONS = 16  # small files of added entries before the cache is written whole again


def _addition_number(path: Path) -> int:
    return int(path.suffixes[-2].lstrip(".")) if len(path.suffixes) >= 2 and path.suffixes[-2][1:].isdigit() else 0


def _write_pickle(value, path: Path) -> None:
    """Atomic: a temporary file beside ``path``, then a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".newsarchive-", suffix=".tmp")
    with os.fdopen(handle, "wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


_KEY = "_newsarchive_parse_cache"  # where a build's cache hangs: its settings dict, shared by every generator


def cache_for(pelican_settings: dict) -> ParseCache:
    """The cache of this build, loaded on first use."""
    found = pelican_settings.get(_KEY)
    if found is None:
        path = None
        if settings.get(pelican_settings, "NEWSARCHIVE_CACHE"):
            folder = Path(pelican_settings.get("CACHE_PATH") or "cache")
            path = folder / f"newsarchive-{config_digest(pelican_settings)}.pickle"
        found = pelican_settings[_KEY] = ParseCache(path)
    return found


def file_key(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


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
    return Parsed(html, meta, tag_article(text, site_tagger(pelican_settings), exclude))


_worker_settings: dict = {}


def _parse_file(path: str) -> tuple[str, Parsed | None, tuple | None]:
    """A file's key, what the reader makes of it, and its figures (``content_object_init``'s work, done here
    so that it runs on every core too and is never done again in the main process)."""
    from .figures import figures_of_body

    raw = Path(path).read_bytes()
    try:
        parsed = parse_text(raw.decode("utf-8"), _worker_settings)
    except Exception:  # left to the reader, which reports it with the file's name
        return file_key(raw), None, None
    return file_key(raw), parsed, figures_of_body(parsed.html)


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
            key = file_key(Path(path).read_bytes())
        except OSError:
            continue
        if key not in cache.entries:
            missing.append(path)
    if count < 2 or len(missing) < 4 * count or "fork" not in multiprocessing.get_all_start_methods():
        return  # the reader parses them one by one
    from .tags import site_tagger

    site_tagger(pelican_settings)  # loaded before forking, so every worker has it
    global _worker_settings
    _worker_settings = {key: pelican_settings[key] for key in ("MARKDOWN", "PATH", "EXCLUDE_TAGS",
                                                                "NEWSARCHIVE_TAXONOMY") if key in pelican_settings}
    context = multiprocessing.get_context("fork")
    with context.Pool(count) as pool:
        for key, parsed, figures in pool.imap(_parse_file, missing, chunksize=16):
            if parsed is not None:
                cache.put(key, parsed)
                cache.put(figures_key(parsed.html), figures)


def save(pelican) -> None:
    """``finalized``: write this build's cache."""
    cache = pelican.settings.pop(_KEY, None)
    if cache is not None:
        cache.save()
