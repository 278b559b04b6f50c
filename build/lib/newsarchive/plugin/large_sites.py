"""Pelican's costs that grow faster than a site, made linear.

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

from functools import partial
from itertools import groupby
from operator import attrgetter

import pelican.generators
from pelican.utils import get_original_items


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


def install() -> None:
    """At ``register``: Pelican's generators use the linear ``process_translations``."""
    pelican.generators.process_translations = process_translations


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
