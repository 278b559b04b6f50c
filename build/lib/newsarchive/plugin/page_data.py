"""Per-article data only the article's own page shows, made when that page is rendered, when
every plugin has had its say, and let go once it is written (``citation`` stays, for
``citations.json``).

An article of newsarchive's own kind (:class:`PageData`, which ``packed.PackedArticle`` is)
makes each of them on first read: a page whose fingerprint did not change is not rendered,
so a one-article edit makes them for one article instead of 10,000. Any other article gets
them just before its page is written (``article_generator_write_article``).
"""

from __future__ import annotations

from functools import cached_property

from .cite import Citation, citation
from .jsonld import news_article
from .tag_groups import TagGroup, article_tag_groups


def page_url(article) -> str:
    return f"{article.settings.get('SITEURL', '')}/{article.url}"


def _search_data(article):
    from .search import search_data  # search.py loads the indexing side, which loads Pelican's generators

    return search_data(article)


class PageData:
    """An article's page data, made on first read (Pelican's content classes keep attributes in ``__dict__``)."""

    @cached_property
    def jsonld(self) -> dict:
        return news_article(self, page_url(self))

    @cached_property
    def citation(self) -> Citation:
        return citation(self, page_url(self))

    @cached_property
    def tag_groups(self) -> list[TagGroup]:
        return article_tag_groups(self)

    @cached_property
    def search(self):
        return _search_data(self)


# What ``attach_page_data`` adds and only the article's page shows
PAGE_ONLY_DATA = ("jsonld", "tag_groups", "search")


def attach_page_data(generator, content) -> None:
    """``article_generator_write_article``: an article of another kind than :class:`PageData` gets its data now."""
    if isinstance(content, PageData):
        return
    url = page_url(content)
    content.jsonld = news_article(content, url)
    content.citation = citation(content, url)
    content.tag_groups = article_tag_groups(content)
    content.search = _search_data(content)


def release_page_data(path, context=None) -> None:
    """``content_written``: an article page is written; its page data is not needed again (about
    4 KB an article, 40 MB at 10,000, held to the end of the build otherwise)."""
    article = (context or {}).get("article")
    if article is not None and getattr(article, "save_as", None) and path.endswith(article.save_as):
        for name in PAGE_ONLY_DATA:
            vars(article).pop(name, None)
