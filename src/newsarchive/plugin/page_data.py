"""Per-article data computed just before the page is written, when every plugin has had its say."""

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
