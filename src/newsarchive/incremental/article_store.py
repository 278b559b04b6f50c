"""Articles as Pelican made them, kept between builds: an unchanged file is not read again.

Pelican makes each article anew at every build: it reads the file, parses its metadata
(dates through ``dateutil``), runs the readers' and generators' signals and every
``content_object_init`` receiver. With the parse cache that is still about half a
millisecond an article, five seconds of a one-article edit at 10,000 articles. So the
finished article is kept too, pickled into the parse cache's database under a key made of
the build's environment digest (settings, theme, taxonomy, code and library versions:
``build.stamp.environment_digest``), the file's path and the SHA-256 of its bytes; a later
build whose key is the same unpickles it instead of reading the file.

What an article shares with the rest of the build is not kept with it but named, and found
again in the build that loads it (``persistent_id``): the settings, the generators'
context, and the source objects (one per source, shared by its articles). The warnings its
reading logged are kept with it and logged again when it is loaded, so a build reports the
same problems whether or not it read the file. The parse cache's entries the reading used
(the parsed file, its figures) are kept alive as long as the article is.

Without an environment digest (Pelican run without ``newsarchive build``) nothing is kept.
``Readers.read_file`` is wrapped by ``pelican_patches.py``, which calls :func:`stored_or_read`.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import pickle
from dataclasses import dataclass, field

from pelican.contents import Article

from ..model.files import relative_within
from .declarations import shared_kinds, version
from .first_read import remember
from .prefill import count_read
from .session import running

FORMAT = 1
_KEY_PREFIX = "article:"


@dataclass
class _Stored:
    """What the cache holds for an article: the article, the cache entries its reading used, its warnings."""

    article: Article
    used: list[str] = field(default_factory=list)
    warnings: list[logging.LogRecord] = field(default_factory=list)


class _Recorder(logging.Handler):
    """Keeps the warnings logged while one file is read, as plain records that pickle."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        kept = logging.makeLogRecord(vars(record))
        kept.msg, kept.args, kept.exc_info, kept.exc_text = record.getMessage(), None, None, None
        self.records.append(kept)


class _Pickler(pickle.Pickler):
    def __init__(self, file, shared: dict[int, str]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.shared = shared

    def persistent_id(self, obj):
        name = self.shared.get(id(obj))
        if name is not None:
            return name
        shared = _SHARED_KINDS.get(type(obj))
        if shared is not None:  # an object the features share among articles (a source): named, found again
            return (_shared_name(shared.kind), *shared.name_of(obj))
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, shared: dict[str, object], generator):
        super().__init__(file)
        self.shared, self.generator = shared, generator

    def persistent_load(self, pid):
        if isinstance(pid, tuple):
            return _SHARED_BY_NAME[pid[0]].find(self.generator, *pid[1:])
        return self.shared[pid]


def entry_key(environment: str, source_path: str, file_key: str, settings: dict, full_path: str) -> str:
    parts = [str(FORMAT), environment, source_path, file_key]
    if settings.get("DEFAULT_DATE") == "fs":  # the file's time is an input too
        parts.append(str(os.stat(full_path).st_mtime_ns))
    return _KEY_PREFIX + hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def stored_or_read(readers, read_file, base_path: str, path: str, arguments: dict):
    """Pelican's ``Readers.read_file(base_path, path, **arguments)``, or the article it made of the same
    file in a build of the same environment (``pelican_patches`` puts this in its place)."""
    session = running()
    environment = session.environment if session is not None else None
    context_sender = arguments.get("context_sender")
    if not environment or not _is_article(arguments.get("content_class")) or context_sender is None:
        return read_file(base_path, path, **arguments)
    full_path = os.path.abspath(os.path.join(base_path, path))
    settings = readers.settings
    try:
        key = entry_key(environment, relative_within(full_path, base_path), session.key_of_file(full_path),
                        settings, full_path)
    except OSError:
        return read_file(base_path, path, **arguments)
    shared = {"settings": settings, "context": arguments.get("context")}
    cache = session.parse_cache()
    _know_shared()
    found = _load(cache.get_pickled(key), shared, context_sender)
    if found is not None:
        for used in found.used:
            cache.keep(used)
        for record in found.warnings:
            _log_again(record)
        if arguments.get("preread_signal") is not None:
            arguments["preread_signal"].send(arguments.get("preread_sender"))
        count_read(context_sender, None)
        return found.article
    recorder = _Recorder()
    root = logging.getLogger()
    root.addHandler(recorder)
    cache.record_used()
    try:
        article = read_file(base_path, path, **arguments)
    finally:
        root.removeHandler(recorder)
        used = cache.record_used(stop=True)
    remember(article)
    _store(cache, key, _Stored(article, used, recorder.records), shared)
    return article


_SHARED_KINDS: dict = {}  # the features' shared kinds, as declared when this build began reading
_SHARED_BY_NAME: dict = {}  # the same, by the name a stored article gives them
_shared_version = [-1]  # the declarations' version those two were made for


def _shared_name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def _know_shared() -> None:
    """The shared kinds as declared now; made again only when something was declared since."""
    if _shared_version[0] == version():
        return
    kinds = shared_kinds()
    _SHARED_KINDS.clear()
    _SHARED_KINDS.update(kinds)
    _SHARED_BY_NAME.clear()
    _SHARED_BY_NAME.update({_shared_name(kind): shared for kind, shared in kinds.items()})
    _shared_version[0] = version()


def _is_article(content_class) -> bool:
    return isinstance(content_class, type) and issubclass(content_class, Article)


def _log_again(record: logging.LogRecord) -> None:
    with contextlib.suppress(Exception):  # Pelican's loggers raise to say a repeated message was filtered out
        logging.getLogger(record.name).handle(record)


def _store(cache, key: str, stored: _Stored, shared: dict) -> None:
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, {id(value): name for name, value in shared.items()}).dump(stored)
    except Exception:  # an article holding something that does not pickle is read again next time
        return
    cache.put_pickled(key, buffer.getvalue())


def _load(data: bytes | None, shared: dict, generator) -> _Stored | None:
    if data is None:
        return None
    try:
        found = _Unpickler(io.BytesIO(data), shared, generator).load()
    except Exception:  # a damaged entry is only a slower build
        return None
    return found if isinstance(found, _Stored) else None
