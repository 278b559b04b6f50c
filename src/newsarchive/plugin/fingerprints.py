"""What a page's bytes depend on, as one hash: pages whose hash did not change are not rendered again.

A page is its template rendered with its context. The template (with the templates it
extends and includes) names the variables it reads; Jinja2's ``meta`` module lists them.
The page's fingerprint hashes the build's environment (settings, theme, newsarchive's code,
library versions: :func:`newsarchive.build_stamp.environment_digest`), the template's name,
the page's path and the value of each of those variables. A value is hashed by walking it:
strings, numbers and dates as themselves, lists and dicts item by item in order, objects
(articles, tags, sources, paginator pages, clusters) by their attributes, down to
``MAX_DEPTH`` levels, below which an object stands for itself by its class and name. The
walk is memoised per object, so a list every page shares is hashed once per build.

An article is hashed whole (its body, figures, related articles, story) only where it is the
page's own ``article`` (article pages) or a feed's item. Anywhere else it is shown as a link
or a teaser, and is hashed without what only its own page shows (``PAGE_ONLY_ATTRIBUTES``),
with the articles it refers to hashed by what names them. So editing one article's body
re-renders its page, the pages whose figures it changes and the feeds that carry it, not
every list it is on, nor every article that links to it.

A template whose includes cannot be listed (a name computed at render time) or a value
that cannot be hashed faithfully (a repr naming a memory address) gives no fingerprint:
such a page is always rendered.
"""

from __future__ import annotations

import datetime
import hashlib
import inspect
import os
from dataclasses import dataclass, field

from jinja2 import meta
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

MAX_DEPTH = 4
# Attributes that are not the object's own data: the settings and the shared context are
# covered by the environment digest and by the page's own variables.
_SKIPPED_ATTRIBUTES = frozenset({"settings", "_context"})
# Always part of a page's fingerprint: where it is and how it links to the rest of the site.
_PAGE_VARIABLES = ("output_file", "SITEURL", "localsiteurl")
# The variable holding the article a page is about: hashed whole.
PAGE_ARTICLE = "article"
# What only an article's own page (and feeds) show: its body and what is derived from it or
# from other articles. Templates that show an article as a link or teaser must not use these.
PAGE_ONLY_ATTRIBUTES = frozenset({
    "_content", "_summary", "body_text", "related_articles", "story", "also_reported", "jsonld", "citation",
    "search", "provenance_entries", "provenance", "tag_evidence", "tag_groups", "translations",
})


class Unhashable(Exception):
    """A value whose hash would not say whether the page changed."""


def referenced_variables(environment, name: str, seen: frozenset[str] = frozenset()) -> frozenset[str] | None:
    """The variables template ``name`` and the templates it extends, includes or imports read;
    None when one of them is named only at render time."""
    cache = environment.__dict__.setdefault("_newsarchive_variables", {})
    if name in cache:
        return cache[name]
    source, _, _ = environment.loader.get_source(environment, name)
    tree = environment.parse(source)
    found: set[str] | None = set(meta.find_undeclared_variables(tree))
    for other in meta.find_referenced_templates(tree):
        if other is None:
            found = None
            break
        if other in seen:
            continue
        nested = referenced_variables(environment, other, seen | {name})
        if nested is None:
            found = None
            break
        found |= nested
    result = frozenset(found) if found is not None else None
    cache[name] = result
    return result


@dataclass
class Hasher:
    """Hashes values the way a page reads them; one per build, so shared values are hashed once."""

    _memo: dict = field(default_factory=dict)
    _keep: list = field(default_factory=list)  # the memo's objects, alive for the memo's life (ids stay unique)

    def digest(self, value, depth: int = 0, whole: bool = False) -> bytes:
        """``whole``: an article met at this level is the page's own (see ``PAGE_ONLY_ATTRIBUTES``)."""
        if value is None or isinstance(value, (bool, int, float, str)):
            return f"{type(value).__name__}:{value!r}".encode()
        if isinstance(value, (datetime.date, datetime.time)):
            return f"{type(value).__name__}:{value.isoformat()}:{getattr(value, 'tzinfo', None)!r}".encode()
        key = (id(value), depth, whole)
        found = self._memo.get(key)
        if found is None:
            found = self._digest_object(value, depth, whole)
            self._memo[key] = found
            self._keep.append(value)
        return found

    def _digest_object(self, value, depth: int, whole: bool) -> bytes:
        hashed = hashlib.sha256(type(value).__qualname__.encode())
        if isinstance(value, (list, tuple)):
            for item in value:
                hashed.update(self.digest(item, depth, whole))
        elif isinstance(value, (set, frozenset)):
            for item in sorted(self.digest(item, depth, whole) for item in value):
                hashed.update(item)
        elif isinstance(value, dict):
            for item_key, item in value.items():
                hashed.update(self.digest(item_key, depth, whole) + b"=" + self.digest(item, depth, whole))
        elif depth >= MAX_DEPTH:
            hashed.update(self._identity(value))
        elif isinstance(value, Content):
            self._digest_article(hashed, value, depth, whole)
        elif inspect.isroutine(value) or inspect.isclass(value) or inspect.ismodule(value):
            # code: the environment digest covers it
            hashed.update(f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}".encode())
        elif isinstance(value, URLWrapper):
            # Pelican computes the slug on first use and copies name and slug into the object's
            # ``__dict__`` when it formats a URL: hash the values, not those caches
            hashed.update(f"{value.name}|{value.slug}".encode())
            for name, item in _attributes(value):
                if name not in ("name", "slug") and not name.startswith(("_slug", "_name")):
                    hashed.update(name.encode() + b"=" + self.digest(item, depth + 1))
        elif hasattr(value, "__dict__") or hasattr(value, "__slots__"):
            for name, item in _attributes(value):
                hashed.update(name.encode() + b"=" + self.digest(item, depth + 1))
        else:
            shown = repr(value)
            if " at 0x" in shown:
                raise Unhashable(type(value).__qualname__)
            hashed.update(shown.encode())
        return hashed.digest()

    def _digest_article(self, hashed, article: Content, depth: int, whole: bool) -> None:
        """Whole: every attribute, the articles it refers to as links. As a link: what a teaser can show."""
        for name, item in _attributes(article):
            if not whole and name in PAGE_ONLY_ATTRIBUTES:
                continue
            if isinstance(item, Content):  # ``.article`` of a figure, ``.in_default_lang`` ...
                hashed.update(name.encode() + b"=" + self._identity(item))
            else:
                hashed.update(name.encode() + b"=" + self.digest(item, depth + 1, False))

    @staticmethod
    def _identity(value) -> bytes:
        """What an object deeper than ``MAX_DEPTH`` contributes: what names it."""
        if isinstance(value, Content):
            return f"{value.source_path}|{getattr(value, 'url', '')}|{getattr(value, 'title', '')}".encode()
        if isinstance(value, URLWrapper):
            return f"{value.name}|{value.slug}".encode()
        return str(getattr(value, "slug", "") or getattr(value, "name", "")).encode()


def _attributes(value):
    if hasattr(value, "__dict__"):
        items = vars(value).items()
    else:
        items = ((name, getattr(value, name, None)) for name in value.__slots__)
    return sorted((name, item) for name, item in items if name not in _SKIPPED_ATTRIBUTES)


def page_fingerprint(
    hasher: Hasher, environment_digest: str, template, localcontext: dict
) -> str | None:
    """The hash of everything this page's bytes depend on; None when it cannot be vouched for."""
    variables = referenced_variables(template.environment, template.name)
    if variables is None:
        return None
    hashed = hashlib.sha256(f"{environment_digest}\0{template.name}\0".encode())
    try:
        for name in sorted(variables.union(_PAGE_VARIABLES)):
            if name in localcontext:
                hashed.update(name.encode() + b"=" + hasher.digest(localcontext[name], whole=name == PAGE_ARTICLE))
    except Unhashable:
        return None
    return hashed.hexdigest()


def feed_fingerprint(hasher: Hasher, environment_digest: str, elements, context: dict, **arguments) -> str | None:
    """The hash of what Pelican's ``write_feed`` reads: the items, the site's name and address, the arguments."""
    hashed = hashlib.sha256(f"{environment_digest}\0feed\0".encode())
    try:
        hashed.update(hasher.digest(list(elements), whole=True))
        for name in ("SITEURL", "SITENAME", "SITESUBTITLE", "FEED_DOMAIN"):
            hashed.update(name.encode() + b"=" + hasher.digest(context.get(name)))
        for name, value in sorted(arguments.items()):
            hashed.update(name.encode() + b"=" + hasher.digest(value))
    except Unhashable:
        return None
    return hashed.hexdigest()


def file_state(path: str) -> list[int] | None:
    """What must still hold for a previous page to be reused: its size and modification time."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]
