"""What a page's bytes depend on, as one hash: pages whose hash did not change are not rendered again.

A page is its template rendered with its context. The template (with the templates it
extends and includes) names the variables it reads; Jinja2's ``meta`` module lists them.
The page's fingerprint hashes the build's environment (settings, theme, newsarchive's code,
library versions: :func:`newsarchive.build.stamp.environment_digest`), the template's name,
the page's path and the value of each of those variables. A value is hashed by walking it:
strings, numbers and dates as themselves, lists and dicts item by item in order, objects
(articles, tags, sources, paginator pages, clusters) by their attributes. The walk is
memoised per object, so a list every page shares is hashed once per build.

How much of an article, tag, author or source counts depends on where the page meets it
(:class:`Mode`). The page's own ``article`` (article pages) and a feed's items count whole:
body, figures, related articles, story. An article met anywhere else is a teaser or a link,
hashed without what only its own page shows (declared ``PAGE_ONLY``); and what a teaser
refers to (its tags, source, the article of one of its figures) counts by what names it. So
editing one article's body re-renders its own page and the feeds that carry it, not every
list it is on, nor every page that links to it; and the walk always ends. A theme whose list
template shows more than teasers (``a.summary``, ``a.content``: any name of a ``PAGE_ONLY`` attribute,
found by reading its templates' attribute names) gets its list pages' articles hashed whole.

A template whose includes cannot be listed (a name computed at render time) or a value
that cannot be hashed faithfully (a repr naming a memory address) gives no fingerprint:
such a page is always rendered.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import types
from dataclasses import dataclass, field

from jinja2 import meta, nodes
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from .declarations import SOURCE_KEY, Kind, attributes, template_functions, version
from .first_read import is_remembered
from .known_urls import KNOWN_URLS

MAX_DEPTH = 8  # a safety net: the modes below already end every walk
# Attributes that are not the object's own data: the settings and the shared context are
# covered by the environment digest and by the page's own variables; what is kept of an article
# once final or once read (URLs, ``first_read``) is made from what is hashed.
_SKIPPED_ATTRIBUTES = frozenset({"settings", "_context", KNOWN_URLS})
# Always part of a page's fingerprint: where it is and how it links to the rest of the site.
_PAGE_VARIABLES = ("output_file", "SITEURL", "localsiteurl")
# The variables holding the article (or Pelican page) a page is about: hashed whole.
PAGE_ARTICLE = "article"
PAGE_VARIABLES_WHOLE = frozenset({PAGE_ARTICLE, "page"})


class _Declared:
    """The attribute sets a fingerprint uses, made from the declarations again when they change.

    - ``page_only``: what only an article's own page (and feeds) show: its body and what is derived
      from it or from other articles. Templates that show an article as a link or teaser must not
      use these.
    - ``page_only_names``: how templates name those; a template of a page that is not an article's
      own and uses one of these shows more than teasers, so its articles count whole.
    - ``from_file``: what is made from the article file's bytes alone (with the environment:
      settings, taxonomy, code): hashed as the file's SHA-256 instead of walked.
    - ``derived``: what is made from an article's other attributes (and the settings).
    """

    def __init__(self) -> None:
        self.version = -1

    def get(self) -> _Declared:
        if self.version != version():
            self.page_only = attributes(Kind.PAGE_ONLY)
            self.page_only_names = self.page_only | {"content", "summary", "get_content", "get_summary"}
            self.from_file = attributes(Kind.FROM_FILE)
            self.derived = attributes(Kind.DERIVED)
            self.skipped_in_teasers = self.page_only | self.derived | {SOURCE_KEY}
            self.skipped_from_file = self.from_file | self.derived | {SOURCE_KEY}
            self.template_functions = template_functions()
            self.version = version()
        return self


_declared = _Declared()


def _skipped(name: str) -> bool:
    return name in _SKIPPED_ATTRIBUTES or is_remembered(name)


_SCALARS = (type(None), bool, int, float, str, datetime.date, datetime.time)
_CODE = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.ModuleType, type)


class Unhashable(Exception):
    """A value whose hash would not say whether the page changed."""


class Mode(enum.IntEnum):
    """How much of an article, tag, author or source a page can show, by where the page meets it."""

    WHOLE = 0  # the page's own article, a feed's item: everything; what it refers to as LINK
    LINK = 1  # a teaser or a link: all but the ``PAGE_ONLY`` attributes; what it refers to as NAME
    NAME = 2  # what names it: an article's path, URL and title; a tag's name, slug and plain fields


@dataclass(frozen=True)
class TemplateUse:
    """What a template, with the templates it extends, includes or imports, reads."""

    variables: frozenset[str]  # from the context
    attributes: frozenset[str]  # of any object: ``x.name``, ``x["name"]``, ``|map(attribute="name")``


def template_use(environment, name: str, seen: frozenset[str] = frozenset()) -> TemplateUse | None:
    """What template ``name`` reads; None when a template it uses is named only at render time."""
    cache = environment.__dict__.setdefault("_newsarchive_template_use", {})
    if name in cache:
        return cache[name]
    source, _, _ = environment.loader.get_source(environment, name)
    tree = environment.parse(source)
    variables = set(meta.find_undeclared_variables(tree))
    attributes = _attribute_names(tree)
    found: TemplateUse | None = None
    referenced = list(meta.find_referenced_templates(tree))
    functions = _declared.get().template_functions
    for call in tree.find_all(nodes.Call):  # ``teaser(article)`` renders the teaser partial (a global)
        if isinstance(call.node, nodes.Name) and call.node.name in functions:
            referenced.append(functions[call.node.name])
    for other in referenced:
        if other is None:
            break
        if other in seen:
            continue
        nested = template_use(environment, other, seen | {name})
        if nested is None:
            break
        variables |= nested.variables
        attributes |= nested.attributes
    else:
        found = TemplateUse(frozenset(variables), frozenset(attributes))
    cache[name] = found
    return found


def _attribute_names(tree) -> set[str]:
    names = {node.attr for node in tree.find_all(nodes.Getattr)}
    for node in tree.find_all(nodes.Getitem):
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            names.add(node.arg.value)
    for node in tree.find_all(nodes.Filter):
        for keyword in node.kwargs:
            if keyword.key == "attribute" and isinstance(keyword.value, nodes.Const):
                names.update(str(keyword.value.value).split("."))
    return names


# What the memo keeps: the objects many pages meet (articles, tags, authors, sources) and long
# lists (the site's articles, a tag's). The rest (a figure, a date, a paginator's page, a short
# list) is met through one of those, or by one page: hashing it again costs less than keeping
# it, and its memo entry, for the whole build (at 10,000 articles, 100 MB more).
_MEMOIZED = (Content, URLWrapper)
_MEMO_MIN_LENGTH = 32


@dataclass
class Hasher:
    """Hashes values the way a page reads them; one per build, so shared values are hashed once."""

    _memo: dict = field(default_factory=dict)  # id(value) * 4 + mode -> digest
    _keep: list = field(default_factory=list)  # the memo's objects, alive for the memo's life (ids stay unique)

    def digest(self, value, mode: Mode = Mode.LINK, depth: int = 0) -> bytes:
        if isinstance(value, str):  # the text itself, framed by its length: no repr of a whole body
            return b"s%d:" % len(value) + value.encode("utf-8", "surrogatepass")
        kind = type(value)
        if kind in _PLAIN_SCALARS:  # the common cases first, by exact type (as below)
            return f"{kind.__name__}:{value!r}".encode()
        if isinstance(value, _SCALARS):
            if isinstance(value, (datetime.date, datetime.time)):
                return f"{type(value).__name__}:{value.isoformat()}:{getattr(value, 'tzinfo', None)!r}".encode()
            return f"{type(value).__name__}:{value!r}".encode()
        if not (isinstance(value, _MEMOIZED)
                or (isinstance(value, (list, tuple, dict, set, frozenset)) and len(value) >= _MEMO_MIN_LENGTH)):
            return self._digest_object(value, mode, depth)
        key = id(value) * 4 + mode
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._digest_object(value, mode, depth)
            self._keep.append(value)
        return found

    def _digest_object(self, value, mode: Mode, depth: int) -> bytes:
        hashed = hashlib.sha256(type(value).__qualname__.encode())
        if isinstance(value, (list, tuple)):
            for item in value:
                hashed.update(self.digest(item, mode, depth + 1))
        elif isinstance(value, (set, frozenset)):
            for item in sorted(self.digest(item, mode, depth + 1) for item in value):
                hashed.update(item)
        elif isinstance(value, dict):
            for item_key, item in value.items():
                hashed.update(self.digest(item_key, mode, depth + 1) + b"=" + self.digest(item, mode, depth + 1))
        elif isinstance(value, Content):
            self._digest_article(hashed, value, mode, depth)
        elif isinstance(value, URLWrapper):
            self._digest_wrapper(hashed, value, mode, depth)
        elif isinstance(value, _CODE):
            # code: the environment digest covers it
            hashed.update(f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}".encode())
        elif depth >= MAX_DEPTH:
            hashed.update(str(getattr(value, "slug", "") or getattr(value, "name", "")).encode())
        elif hasattr(value, "__dict__") or hasattr(value, "__slots__"):
            for name, item in _attributes(value):
                hashed.update(name.encode() + b"=" + self.digest(item, mode, depth + 1))
        else:
            shown = repr(value)
            if " at 0x" in shown:
                raise Unhashable(type(value).__qualname__)
            hashed.update(shown.encode())
        return hashed.digest()

    def _digest_article(self, hashed, article: Content, mode: Mode, depth: int) -> None:
        if mode is Mode.NAME or depth >= MAX_DEPTH:
            named = f"{article.source_path}|{getattr(article, 'url', '')}|{getattr(article, 'title', '')}"
            hashed.update(named.encode())
            return
        inner = Mode(mode + 1)
        source_key = getattr(article, SOURCE_KEY, None)
        declared = _declared.get()
        if mode is Mode.LINK:  # not the file's hash: a teaser does not show the body
            skipped = declared.skipped_in_teasers
        elif source_key:
            hashed.update(b"file=" + source_key.encode())
            skipped = declared.skipped_from_file
        else:
            skipped = declared.derived
        attributes = vars(article)
        digest, depth = self.digest, depth + 1
        hashed.update(b"".join([prefix + digest(attributes[name], inner, depth)
                                for name, prefix in _article_plan(tuple(attributes), skipped)]))

    def _digest_wrapper(self, hashed, wrapper: URLWrapper, mode: Mode, depth: int) -> None:
        # Pelican computes the slug on first use and copies name and slug into the object's
        # ``__dict__`` when it formats a URL: hash the values, not those caches
        hashed.update(f"{wrapper.name}|{wrapper.slug}".encode())
        for name, item in _attributes(wrapper):
            if name in ("name", "slug") or name.startswith(("_slug", "_name")):
                continue
            if mode is Mode.NAME or depth >= MAX_DEPTH:  # plain fields only: a type, a count, aliases
                if isinstance(item, _SCALARS) or (
                    isinstance(item, (list, tuple)) and all(isinstance(i, _SCALARS) for i in item)
                ):
                    hashed.update(name.encode() + b"=" + self.digest(item, mode, depth + 1))
            else:
                hashed.update(name.encode() + b"=" + self.digest(item, Mode(mode + 1), depth + 1))


# An object's attribute names, in its ``__dict__``'s order -> those hashed, sorted. Objects of
# one kind share a few such orders, so each page's articles are not sorted again one by one.
_HASHED_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}
_HASHED_NAMES_KEPT = 4096


# Built-in scalar types (exactly), hashed as ``type:repr``; subclasses go the general way.
_PLAIN_SCALARS = frozenset({type(None), bool, int, float})
# An article's attribute names in its ``__dict__``'s order, and what is skipped -> the names
# hashed, sorted, each with its ``name=`` prefix (articles share a few orders: as ``_HASHED_NAMES``)
_ARTICLE_PLANS: dict[tuple[tuple[str, ...], frozenset[str]], tuple[tuple[str, bytes], ...]] = {}


def _article_plan(names: tuple[str, ...], skipped: frozenset[str]) -> tuple[tuple[str, bytes], ...]:
    key = (names, skipped)
    plan = _ARTICLE_PLANS.get(key)
    if plan is None:
        if len(_ARTICLE_PLANS) >= _HASHED_NAMES_KEPT:
            _ARTICLE_PLANS.clear()
        hashed = sorted(name for name in names if not _skipped(name) and name not in skipped)
        plan = _ARTICLE_PLANS[key] = tuple((name, name.encode() + b"=") for name in hashed)
    return plan


def _attributes(value) -> list[tuple[str, object]]:
    """The object's attributes that count, as (name, value) sorted by name."""
    if not hasattr(value, "__dict__"):
        items = ((name, getattr(value, name, None)) for name in value.__slots__)
        return sorted((name, item) for name, item in items if not _skipped(name))
    attributes = vars(value)
    names = tuple(attributes)
    hashed = _HASHED_NAMES.get(names)
    if hashed is None:
        if len(_HASHED_NAMES) >= _HASHED_NAMES_KEPT:
            _HASHED_NAMES.clear()
        hashed = _HASHED_NAMES[names] = tuple(sorted(name for name in names if not _skipped(name)))
    return [(name, attributes[name]) for name in hashed]


def page_fingerprint(
    hasher: Hasher, environment_digest: str, template, localcontext: dict
) -> str | None:
    """The hash of everything this page's bytes depend on; None when it cannot be vouched for."""
    use = template_use(template.environment, template.name)
    if use is None:
        return None
    own = PAGE_VARIABLES_WHOLE.intersection(localcontext)
    # a list page whose templates read what only an article's page shows: its articles count whole
    teasers_only = own or not use.attributes & _declared.get().page_only_names
    hashed = hashlib.sha256(f"{environment_digest}\0{template.name}\0".encode())
    try:
        for name in sorted(use.variables.union(_PAGE_VARIABLES)):
            if name in localcontext:
                mode = Mode.WHOLE if name in own or not teasers_only else Mode.LINK
                hashed.update(name.encode() + b"=" + hasher.digest(localcontext[name], mode))
    except Unhashable:
        return None
    return hashed.hexdigest()


def feed_fingerprint(hasher: Hasher, environment_digest: str, elements, context: dict, **arguments) -> str | None:
    """The hash of what Pelican's ``write_feed`` reads: the items, the site's name and address, the arguments."""
    hashed = hashlib.sha256(f"{environment_digest}\0feed\0".encode())
    try:
        hashed.update(hasher.digest(list(elements), Mode.WHOLE))
        for name in ("SITEURL", "SITENAME", "SITESUBTITLE", "FEED_DOMAIN"):
            hashed.update(name.encode() + b"=" + hasher.digest(context.get(name)))
        for name, value in sorted(arguments.items()):
            hashed.update(name.encode() + b"=" + hasher.digest(value))
    except Unhashable:
        return None
    return hashed.hexdigest()
