"""Search: what each article page tells Pagefind (filters, metadata, sort key) and the search page.

The index itself is built by Pagefind, with the speed layer's runner (``newsarchive.incremental``):
by ``newsarchive build``'s parent process, part by part as the pages are written, or under plain
``pelican`` at the end of the run (:func:`index_under_plain_pelican`). This module puts the data
in the pages, where ``partials/search_data.html`` renders it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import Generator

from ..incremental import IndexRun, build_index, current
from ..model import settings
from ..model.problems import Problems
from .tag_groups import article_tag_groups

UNDATED_YEAR = "Undated"


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


logger = logging.getLogger("pelican.newsarchive.search")  # under "pelican": a build reports it as a problem


def index_under_plain_pelican(pelican_object) -> None:
    """``finalized``: under plain ``pelican`` the search index is built over the written output, so
    that the search page works there too; under ``newsarchive build`` (its session says whom to tell
    of the pages written) the build's parent process builds it, part by part."""
    pelican_settings = pelican_object.settings
    session = current()
    if not settings.get(pelican_settings, "NEWSARCHIVE_SEARCH_INDEX") or (session is not None and session.tell):
        return
    problems = Problems()
    run = IndexRun(output=Path(pelican_object.output_path),
                   article_save_as=pelican_settings.get("ARTICLE_SAVE_AS") or "",
                   shard_size=settings.get(pelican_settings, "NEWSARCHIVE_SEARCH_SHARD_SIZE") or 0)
    if not build_index(run, problems):
        for problem in problems.items:
            logger.error("%s", f"{problem.path}: {problem.message}")
