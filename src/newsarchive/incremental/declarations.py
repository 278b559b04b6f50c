"""What the site's features tell the speed layer about themselves, so that it never names them.

A feature declares, when its module is imported:

- which article attributes it adds and what they are made from (:func:`declare`): a page's
  fingerprint hashes an attribute made from the file's bytes as the file's hash, skips one
  derived from other attributes, and leaves out of teasers what only the article's own page
  shows; a ``PACKED`` attribute is kept compressed in memory (``compact_fields.py``);
- which template function renders which partial (:func:`renders_template`), so that a page's
  fingerprint follows the call like an ``{% include %}``;
- the data only an article's own page shows (:func:`page_data`), made when that page is rendered;
- what is worth working out once, when a file is first read, and kept with its article
  (:func:`remember_at_read`);
- the objects its articles share with the build, which a stored article names instead of
  holding (:func:`share`);
- the work to do ahead, on every core, for the files the parse cache lacks (:func:`precompute`),
  and what that work's results depend on besides the file (its ``config``).

This module holds plain registries and imports nothing else of ours, nor Pelican.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass


class Kind(enum.Flag):
    """What an article attribute is, for the speed layer."""

    PAGE_ONLY = enum.auto()  # only the article's own page (and its feeds) show it: not part of a teaser
    FROM_FILE = enum.auto()  # made from the article file's bytes alone (with the settings)
    DERIVED = enum.auto()  # made from the article's other attributes (and the settings)
    PACKED = enum.auto()  # bulky: kept compressed in memory, unpacked when read


_ATTRIBUTES: dict[str, Kind] = {}
_UNPACK: dict[str, Callable] = {}  # PACKED attribute -> what its unpacked value is given to, with the article
_version = [0]  # bumped by every declaration, so that what is derived from them is made again


def declare(attribute: str, kind: Kind, unpack: Callable | None = None) -> None:
    """Article ``attribute`` is of ``kind``; a ``PACKED`` one is read as ``unpack(article, value)`` if given."""
    _ATTRIBUTES[attribute] = _ATTRIBUTES.get(attribute, Kind(0)) | kind
    if unpack is not None:
        _UNPACK[attribute] = unpack
    _version[0] += 1


def attributes(kind: Kind) -> frozenset[str]:
    """The attributes declared with ``kind`` (any of its flags)."""
    return frozenset(name for name, declared in _ATTRIBUTES.items() if declared & kind)


def packed_attributes() -> dict[str, Callable | None]:
    return {name: _UNPACK.get(name) for name in sorted(attributes(Kind.PACKED))}


def version() -> int:
    return _version[0]


# Pelican's own attributes, declared as the features declare theirs: the body and summary come from
# the file and only the article's page shows them; ``metadata``'s every field is also an attribute,
# so hashing it again would add nothing.
declare("_content", Kind.PAGE_ONLY | Kind.FROM_FILE | Kind.PACKED)
declare("_summary", Kind.PAGE_ONLY | Kind.FROM_FILE)
declare("translations", Kind.PAGE_ONLY)
declare("metadata", Kind.DERIVED)
# Where a reader leaves the SHA-256 of an article's file (the features' reader sets it): a page's
# fingerprint hashes it for all the ``FROM_FILE`` attributes.
SOURCE_KEY = "_newsarchive_source_key"


_TEMPLATE_FUNCTIONS: dict[str, str] = {}


def renders_template(function: str, template: str) -> None:
    """The template global ``function`` renders ``template`` (as an include would)."""
    _TEMPLATE_FUNCTIONS[function] = template
    _version[0] += 1


def template_functions() -> dict[str, str]:
    return dict(_TEMPLATE_FUNCTIONS)


@dataclass(frozen=True)
class PageData:
    name: str
    make: Callable  # article -> value
    kept: bool  # still wanted once the page is written (``citations.json`` reads ``citation``)


_PAGE_DATA: dict[str, PageData] = {}


def page_data(name: str, make: Callable, kept: bool = False) -> None:
    """Article attribute ``name`` is ``make(article)``, shown only by the article's own page."""
    _PAGE_DATA[name] = PageData(name, make, kept)
    declare(name, Kind.PAGE_ONLY | Kind.DERIVED)


def page_data_makers() -> list[PageData]:
    return list(_PAGE_DATA.values())


_AT_READ: dict[str, Callable] = {}


def remember_at_read(name: str, work_out: Callable) -> None:
    """``work_out(article)`` is done once, when the article's file is first read, and kept with it."""
    _AT_READ[name] = work_out


def at_read() -> dict[str, Callable]:
    return dict(_AT_READ)


@dataclass(frozen=True)
class Shared:
    kind: type
    name_of: Callable  # object -> a tuple of plain values naming it
    find: Callable  # (generator, *name) -> the build's object of that name


_SHARED: dict[type, Shared] = {}


def share(kind: type, name_of: Callable, find: Callable) -> None:
    """Objects of exactly ``kind`` are shared by many articles: a stored article names them
    (``name_of(obj)``) and the build that loads it finds its own (``find(generator, *name)``)."""
    _SHARED[kind] = Shared(kind, name_of, find)
    _version[0] += 1


def shared_kinds() -> dict[type, Shared]:
    return dict(_SHARED)


@dataclass(frozen=True)
class Precompute:
    kind: str  # the memo kind its result is kept under by the file's SHA-256: the file is done when it is there
    work: Callable  # (raw bytes of an article file, settings) -> None; its ``memo`` calls fill the cache
    config: Callable  # settings -> JSON-able values the results depend on besides the file
    warm: Callable | None  # settings -> None: load what the work needs before the workers fork


_PRECOMPUTE: list[Precompute] = []


def precompute(kind: str, work: Callable, config: Callable, warm: Callable | None = None) -> None:
    """Per article file, ``work(raw, settings)`` does ahead, in the prefill pool's workers, what the
    build will ask ``memo`` for; since it calls the same memoised functions, prefill and lookup
    use the same keys by construction."""
    _PRECOMPUTE.append(Precompute(kind, work, config, warm))


def precomputes() -> list[Precompute]:
    return list(_PRECOMPUTE)
