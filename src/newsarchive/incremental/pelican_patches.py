"""Every place the speed layer reaches into Pelican's internals, behind a check of Pelican's version.

Pelican's public API (signals, generators, readers, writers, content classes) is what the
features use; what follows changes how Pelican does its own work, and depends on how Pelican
4.12 is written. So it is used only with the Pelican versions it was written and tested
against (``TESTED``): with any other, :func:`enabled` is False, the speed layer connects none
of it (one warning says so) and the build is slower, with the same pages.

The patches, by the Pelican names they touch:

- ``pelican.generators.process_translations``: Pelican's own function, made linear (below).
- ``ArticlesGenerator.generate_tags/categories/authors``: each list written alone (below).
- ``pelican.urlwrappers.slugify``: behind a memo (below).
- ``Article``/``Page`` instances become subclasses with packed fields (``compact_fields.py``),
  URLs kept once final (``known_urls.py``), page data made on first read (``page_data.py``),
  and ``Content._get_content``/``_update_content``/``_expand_settings`` called or overridden.
- ``Writer._open_w``, ``_written_files``, ``_overridden_files``: the linking writer
  (``linking_writer.py``) opens the files it writes, with Pelican's checks against writing one twice.
- ``Readers.read_file``, with its arguments: the article store (``article_store.py``).
- ``ArticlesGenerator.generate_articles`` and its four lists: the article pages written part by
  part of the search index (``search_index.py``).

Pelican's costs that grow faster than a site, made linear:

- Pelican's ``process_translations`` ends with ``[x for x in content_list if x not in index]``:
  a list scan per article, so 100,000 articles cost five billion comparisons. The version
  here is Pelican's own (``pelican/utils.py``, AGPL-3.0, as newsarchive) with that step
  answered by identity from a set; it is installed in ``pelican.generators``, which calls it.
- Pelican's tag, category and author pages each pick their articles from all the site's
  articles in order of date (``[article for article in self.dates if article in articles]``):
  authors times articles, and authors grow with the site (476 at 10,000 articles, 1,197 at
  30,000). Here each of those lists is handed to Pelican's own method alone, with its articles
  already in that order (one sort of the list, not a scan of the site).
- Jinja2 checks, on every ``get_template``, whether each template file changed on disk
  (``auto_reload``): one ``stat`` per template per page, 5% of a 30,000-article build. A build
  reads its templates once; Pelican makes new environments for each build, so a site served
  with ``--autoreload`` still sees edited templates. A site's own ``JINJA_ENVIRONMENT`` can
  turn ``auto_reload`` back on.
"""

from __future__ import annotations

import functools
import logging
import os
from functools import lru_cache, partial
from importlib import metadata
from itertools import groupby
from operator import attrgetter

import pelican.generators
import pelican.urlwrappers
from pelican.contents import Article, Content, Page
from pelican.utils import get_original_items, slugify
from pelican.writers import FileOverwriteFailedError, Writer

from ..model import settings as registry
from ..model.files import relative_within
from . import search_index, search_parts
from .article_store import stored_or_read
from .compact_fields import PackedField
from .declarations import packed_attributes, version
from .first_read import static_links
from .known_urls import KnownURLs
from .lazy_page_data import PageData
from .linking_writer import LinkingWrites, Reused
from .session import running

TESTED = ((4, 12),)  # the Pelican versions (major, minor) these patches were written and tested against
logger = logging.getLogger("pelican.newsarchive.speed")  # under "pelican": a build reports it as a problem


def pelican_version() -> str:
    try:
        return metadata.version("pelican")
    except metadata.PackageNotFoundError:
        return "unknown"


def enabled(found: str | None = None) -> bool:
    """Whether the patches fit this Pelican (``found``: its version, by default the installed one)."""
    found = found or pelican_version()
    try:
        major_minor = tuple(int(part) for part in found.split(".")[:2])
    except ValueError:
        return False
    return major_minor in TESTED


def warn_disabled() -> None:
    tested = ", ".join(f"{major}.{minor}.x" for major, minor in TESTED)
    logger.warning("%s", f"Pelican {pelican_version()} is not a version the speed layer's patches were tested "
                         f"against ({tested}): building without them (slower; the same pages)")




def process_translations(content_list, translation_id=None):
    """Pelican's ``process_translations``: the originals (index) and the translations, with each
    item's ``translations`` set; in linear time."""
    if not translation_id:
        return content_list, []
    if isinstance(translation_id, str):
        translation_id = {translation_id}
    try:
        content_list.sort(key=attrgetter(*translation_id))
    except TypeError:
        raise TypeError(
            f"Cannot unpack {translation_id}, 'translation_id' must be falsy, a string or a collection of strings"
        ) from None
    except AttributeError:
        raise AttributeError(
            f"Cannot use {translation_id} as 'translation_id', there appear to be items without these metadata "
            "attributes"
        ) from None
    index = []
    for id_vals, items in groupby(content_list, attrgetter(*translation_id)):
        id_vals = (id_vals,) if len(translation_id) == 1 else id_vals
        with_str = "with" + ", ".join([' {} "{{}}"'] * len(translation_id)).format(*translation_id).format(*id_vals)
        items = list(items)
        index.extend(get_original_items(items, with_str))
        for item in items:
            item.translations = [x for x in items if x != item]
    originals = {id(item) for item in index}
    return index, [x for x in content_list if id(x) not in originals]


def load_templates_once(pelican_object) -> None:
    """``initialized``: templates are not checked on disk for every page (unless the site says so)."""
    environment = dict(pelican_object.settings.get("JINJA_ENVIRONMENT") or {})
    environment.setdefault("auto_reload", False)
    pelican_object.settings["JINJA_ENVIRONMENT"] = environment


# Pelican's methods that write one page (or paginated pages) per list, and the lists they walk.
_LIST_PAGES = {"generate_tags": "tags", "generate_categories": "categories", "generate_authors": "authors"}


def list_pages_one_at_a_time(generator) -> None:
    """``article_generator_finalized``: the tag, category and author pages are written by Pelican's
    methods, each called for one list at a time with that list's articles in order of date."""
    for method, attribute in _LIST_PAGES.items():
        setattr(generator, method, partial(_each_list_alone, generator, getattr(type(generator), method), attribute))


def _each_list_alone(generator, pelican_method, attribute: str, write) -> None:
    lists, dates = getattr(generator, attribute), generator.dates
    position = {id(article): number for number, article in enumerate(dates)}
    pairs = list(lists.items()) if isinstance(lists, dict) else list(lists)
    try:
        for key, articles in pairs:
            setattr(generator, attribute, {key: articles} if isinstance(lists, dict) else [(key, articles)])
            generator.dates = _in_order_of_dates(articles, position)
            pelican_method(generator, write)
    finally:
        setattr(generator, attribute, lists)
        generator.dates = dates


def _in_order_of_dates(articles, position: dict[int, int]) -> list:
    """``[a for a in dates if a in articles]``, from the articles' places in ``dates``."""
    unique = {id(article): article for article in articles if id(article) in position}
    return sorted(unique.values(), key=lambda article: position[id(article)])


# --- Pelican's slugs of tag, author and category names, each computed once per build process.
# Pelican makes a new tag (author, category) object for each article that names it, and each
# object slugifies its name on first use (``URLWrapper.slug``, and again to compare two of
# them): at 10,000 articles about 80,000 calls of ``slugify`` for a few thousand names, 1.6 s
# of each build. ``slugify`` is a function of its arguments alone, so the ``slugify`` that
# ``pelican.urlwrappers`` calls is Pelican's own behind a memo.

KEPT_SLUGS = 1 << 16  # names remembered: more than a site of 100,000 articles has


def remembered_slugify(value, regex_subs=(), preserve_case: bool = False, use_unicode: bool = False):
    """Pelican's ``slugify``, computed once for the same arguments."""
    try:
        subs = tuple((src, dst) for src, dst in regex_subs)
        return _slugify(value, subs, preserve_case, use_unicode)
    except TypeError:  # an argument that cannot be a key (not a string, a substitution not a pair)
        return slugify(value, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode)


@lru_cache(maxsize=KEPT_SLUGS)
def _slugify(value: str, regex_subs: tuple, preserve_case: bool, use_unicode: bool) -> str:
    return slugify(value, regex_subs=list(regex_subs), preserve_case=preserve_case, use_unicode=use_unicode)


def install() -> None:
    """At ``register``: Pelican's generators use the linear ``process_translations``, and its URL
    wrappers the remembered ``slugify``; the packed content classes know the declared fields."""
    pelican.generators.process_translations = process_translations
    pelican.urlwrappers.slugify = remembered_slugify
    know_declared()


# --- Content classes with packed fields (``compact_fields.py``).

RECENT_BODIES = 64  # bodies with their links resolved, kept for a page that reads one again (feeds)


class PackedFields:
    """What a packed content class adds to Pelican's: the declared packed fields and a bounded ``get_content``."""

    holds_packed_fields = True  # see ``compact_fields.holds_packed``
    _declared = -1

    @classmethod
    def know_declared(cls) -> None:
        if cls._declared == version():
            return
        for name, unpack in packed_attributes().items():
            field = PackedField(wrap=unpack)
            field.__set_name__(cls, name)
            setattr(cls, name, field)
        cls._declared = version()

    def get_content(self, siteurl: str) -> str:
        return _content_with_links(self, siteurl)

    def get_static_links(self) -> set[str]:
        """Pelican's, as remembered when the article was read (``first_read``)."""
        known = static_links(self)
        return set(known) if known is not None else super().get_static_links()


@functools.lru_cache(maxsize=RECENT_BODIES)
def _content_with_links(content, siteurl: str) -> str:
    """Pelican's ``Content.get_content`` without its memo (which keeps every body to the end)."""
    body = content._get_content() if hasattr(content, "_get_content") else content._content
    return content._update_content(body, siteurl)


class PackedArticle(PackedFields, KnownURLs, PageData, Article):
    """Pelican's article with packed fields, URLs kept once final (``known_urls``) and its page's data made
    when the page is rendered (``page_data``)."""


class PackedPage(PackedFields, KnownURLs, Page):
    """Pelican's page likewise."""

    def _expand_settings(self, key: str) -> str:
        # Pelican names a page's URL settings after its class ("PAGE_URL"), which is not "PackedPage"
        return Content._expand_settings(self, key, "draft_page" if self.status == "draft" else "page")


_PACKED_CLASSES = {Article: PackedArticle, Page: PackedPage}


def use_packed_fields(content) -> None:
    """``content_object_init``, first: Pelican's articles and pages become their packed kind (a
    subclass with the same values), whose bulky fields may then be packed."""
    packed = _PACKED_CLASSES.get(type(content))
    if packed is not None:
        know_declared()
        content.__class__ = packed


def know_declared() -> None:
    """The packed content classes' fields and page data as the features declared them; before any
    article is made or loaded from the article store."""
    PackedFields.know_declared()
    PageData.know_declared()


# --- The linking writer's files (``linking_writer.py``).


class LinkingWriter(LinkingWrites, Writer):
    """Pelican's writer that links unchanged pages from the previous output instead of writing them."""

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None):
        previous = self.reusable_feed(elements, context, path, url, feed_type, feed_title)
        if previous is None:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        target = os.path.join(self.output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with self._open_w(target, "utf-8", override_output) as handle:
            handle.write(Reused(previous))
        return None

    def _open_w(self, filename, encoding, override=False):
        if self.records is not None and (filename in self._written_files or filename in self._overridden_files):
            self.records.forget(os.path.relpath(filename, self.output_path))
        if not self.session.previous_output:
            return super()._open_w(filename, encoding, override)
        if self._claim(filename, override) == os.devnull:
            return open(os.devnull, "w", encoding=encoding)
        return self.comparing_file(filename, relative_within(filename, self.output_path), encoding)

    def _claim(self, filename: str, override: bool) -> str:
        """Pelican's checks against writing a file twice (``Writer._open_w``), without creating
        the file: the comparing handle links or writes it when closed. The path to write, or
        ``os.devnull`` when Pelican would skip it."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time '
                                               "(was previously overwritten)")
            logging.getLogger("pelican.writers").info('Skipping "%s", not overwriting', filename)
            return os.devnull
        if filename in self._written_files:
            if not override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" as Pelican has already written '
                                               "to it previously (set `override=True` if intended)")
            logging.getLogger("pelican.writers").info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename


def get_writer(pelican_object):
    """``get_writer``."""
    return LinkingWriter


# --- The article store in Pelican's reading (``article_store.py``).


def store_articles(readers) -> None:
    """``readers_init``: articles are looked up in the store before they are read."""
    session = running()
    if session is None or not session.environment:
        return
    read_file = readers.read_file

    def read_or_load(base_path, path, content_class=Page, fmt=None, context=None, preread_signal=None,
                     preread_sender=None, context_signal=None, context_sender=None):
        arguments = dict(content_class=content_class, fmt=fmt, context=context, preread_signal=preread_signal,
                         preread_sender=preread_sender, context_signal=context_signal,
                         context_sender=context_sender)
        return stored_or_read(readers, read_file, base_path, path, arguments)

    readers.read_file = read_or_load


# --- The article pages written part by part of the search index (``search_index.py``).

ARTICLE_LISTS = ("translations", "articles", "hidden_translations", "hidden_articles")  # what Pelican writes


def write_article_pages_by_part(generator) -> None:
    """``article_generator_finalized``: Pelican's ``generate_articles`` (the first thing it
    writes) writes the article pages part by part of the search index, each part's in
    Pelican's order, and the build is told of each part written (``BuildSession.tell``). Pages
    outside the article folder, in no part, come last. Only the order of writing changes."""
    session = running()
    told = session.tell if session is not None else None
    folder = search_index.article_folder(generator.settings.get("ARTICLE_SAVE_AS") or "")
    if told is None or folder is None or not registry.get(generator.settings, "NEWSARCHIVE_SEARCH_INDEX"):
        return
    write_articles = generator.generate_articles

    def generate_articles(write) -> None:
        lists = {name: getattr(generator, name) for name in ARTICLE_LISTS}
        pages = {a.save_as for name in ARTICLE_LISTS for a in lists[name] if _in_folder(a.save_as, folder)}
        shard_size = registry.get(generator.settings, "NEWSARCHIVE_SEARCH_SHARD_SIZE") or 0
        count = search_parts.shard_count(len(pages), shard_size)
        parts = search_parts.pages_by_shard(pages, count)
        by_part: dict[int | None, dict[str, list]] = {number: {} for number in [*parts, None]}
        for name in ARTICLE_LISTS:
            for article in lists[name]:
                number = search_parts.shard_of(article.save_as, count) if _in_folder(article.save_as, folder) else None
                by_part[number].setdefault(name, []).append(article)
        told(search_index.PartsPlanned(count, parts))
        try:
            for number, held in by_part.items():
                for name in ARTICLE_LISTS:
                    setattr(generator, name, held.get(name, []))
                write_articles(write)
                if number is not None:
                    changed = session.changed_pages.intersection(parts[number])
                    told(search_index.PartWritten(number, frozenset(changed)))
        finally:
            for name, articles in lists.items():
                setattr(generator, name, articles)

    generator.generate_articles = generate_articles


def _in_folder(save_as: str | None, folder: str) -> bool:
    return bool(save_as) and save_as.startswith(f"{folder}/") and save_as.endswith(".html")
