"""Search: what each article page tells Pagefind (filters, metadata, sort key) and the search page.

The index itself is built by the build's parent process (``newsarchive.search``); this module
puts the data in the pages, where ``partials/search_data.html`` renders it, and has the article
pages written part by part of the index, so that each part is indexed once written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican.generators import Generator

from .. import search, search_shards
from . import settings
from .tag_groups import article_tag_groups
from .unchanged import CHANGED_PAGES

UNDATED_YEAR = "Undated"
# In the settings, while a build runs: told the parts of the search index the article pages fall
# in (``newsarchive.search.PartsPlanned``), then each part once its pages are written
# (``PartWritten``), so that the index (which reads only those) is built beside the rendering.
ARTICLE_PARTS = "_NEWSARCHIVE_ARTICLE_PARTS"
ARTICLE_LISTS = ("translations", "articles", "hidden_translations", "hidden_articles")  # what Pelican writes


@dataclass(frozen=True)
class SearchData:
    """Pagefind's view of one article: ``filters`` and ``meta`` are (key, value) pairs in page order."""

    sort_date: str  # ISO date; undated articles get the undated sort date, so sorted results keep them
    filters: list[tuple[str, str]] = field(default_factory=list)
    meta: list[tuple[str, str]] = field(default_factory=list)


def filter_key_for_tag_type(kind: str) -> str:
    return f"tag_{kind}"


def search_data(article) -> SearchData:
    published = getattr(article, "published", None)
    known = published is not None and published.known
    date = getattr(article, "date", None)
    sort_date = date.date().isoformat() if date is not None else "0001-01-01"
    filters: list[tuple[str, str]] = []
    source = getattr(article, "source", None)
    if source:
        filters.append(("source", str(source)))
    for author in getattr(article, "authors", None) or ():
        filters.append(("author", str(author)))
    filters.append(("year", str(date.year) if known and date is not None else UNDATED_YEAR))
    for group in article_tag_groups(article):
        filters += [(filter_key_for_tag_type(group.type), str(tag)) for tag in group.tags]
    meta = [("date", published.text if published is not None else "date unknown")]
    if known:
        meta.append(("datetime", published.iso))
    if source:
        meta.append(("source", str(source)))
    return SearchData(sort_date, filters, meta)


class SearchPageGenerator(Generator):
    """Writes the search page (``SEARCH_SAVE_AS``), a small page whose script queries the index."""

    def generate_context(self) -> None:
        self.context["SEARCH_URL"] = settings.get(self.settings, "SEARCH_URL")
        self.context["SEARCH_SAVE_AS"] = settings.get(self.settings, "SEARCH_SAVE_AS")

    def generate_output(self, writer) -> None:
        save_as = settings.get(self.settings, "SEARCH_SAVE_AS")
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template("search"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name="search",
            url=settings.get(self.settings, "SEARCH_URL"),
        )


def get_generators(pelican):
    return SearchPageGenerator


def write_article_pages_by_part(generator) -> None:
    """``article_generator_finalized``: Pelican's ``generate_articles`` (the first thing it
    writes) writes the article pages part by part of the search index, each part's in
    Pelican's order, and the build is told of each part written (``ARTICLE_PARTS``). Pages
    outside the article folder, in no part, come last. Only the order of writing changes."""
    told = generator.settings.get(ARTICLE_PARTS)
    folder = search.article_folder(generator.settings.get("ARTICLE_SAVE_AS") or "")
    if told is None or folder is None or not settings.get(generator.settings, "NEWSARCHIVE_SEARCH_INDEX"):
        return
    write_articles = generator.generate_articles

    def generate_articles(write) -> None:
        lists = {name: getattr(generator, name) for name in ARTICLE_LISTS}
        pages = {a.save_as for name in ARTICLE_LISTS for a in lists[name] if _in_folder(a.save_as, folder)}
        shard_size = settings.get(generator.settings, "NEWSARCHIVE_SEARCH_SHARD_SIZE") or 0
        count = search_shards.shard_count(len(pages), shard_size)
        parts = search_shards.pages_by_shard(pages, count)
        by_part: dict[int | None, dict[str, list]] = {number: {} for number in [*parts, None]}
        for name in ARTICLE_LISTS:
            for article in lists[name]:
                number = search_shards.shard_of(article.save_as, count) if _in_folder(article.save_as, folder) else None
                by_part[number].setdefault(name, []).append(article)
        told(search.PartsPlanned(count, parts))
        try:
            for number, held in by_part.items():
                for name in ARTICLE_LISTS:
                    setattr(generator, name, held.get(name, []))
                write_articles(write)
                if number is not None:
                    changed = generator.settings.get(CHANGED_PAGES, set()).intersection(parts[number])
                    told(search.PartWritten(number, frozenset(changed)))
        finally:
            for name, articles in lists.items():
                setattr(generator, name, articles)

    generator.generate_articles = generate_articles


def _in_folder(save_as: str | None, folder: str) -> bool:
    return bool(save_as) and save_as.startswith(f"{folder}/") and save_as.endswith(".html")
