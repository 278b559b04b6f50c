"""Per-article data computed just before the page is written, when every plugin has had its say,
and let go once it is written (only the article's own page shows it; ``citation`` stays, for
``citations.json``)."""

from __future__ import annotations

from .cite import citation
from .jsonld import news_article
from .tag_groups import article_tag_groups


def page_url(generator, article) -> str:
    return f"{generator.settings.get('SITEURL', '')}/{article.url}"


def attach_page_data(generator, content) -> None:
    url = page_url(generator, content)
    content.jsonld = news_article(content, url)
    content.citation = citation(content, url)
    content.tag_groups = article_tag_groups(content)


# What ``attach_page_data`` and ``search.attach_search_data`` add, shown by the article's page alone
PAGE_ONLY_DATA = ("jsonld", "tag_groups", "search")


def release_page_data(path, context=None) -> None:
    """``content_written``: an article page is written; its page data is not needed again (about
    4 KB an article, 40 MB at 10,000, held to the end of the build otherwise)."""
    article = (context or {}).get("article")
    if article is not None and getattr(article, "save_as", None) and path.endswith(article.save_as):
        for name in PAGE_ONLY_DATA:
            vars(article).pop(name, None)
