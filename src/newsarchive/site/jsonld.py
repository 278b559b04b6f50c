"""Structured data for article pages: a schema.org ``NewsArticle`` as a plain dict.

The theme serialises it with ``|tojson``, which also escapes ``<`` so content cannot end the script.
"""

from __future__ import annotations

from .source_pages import is_web_url


def news_article(article, page_url: str) -> dict:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": str(article.title),
        "url": page_url,
        "mainEntityOfPage": page_url,
    }
    published = article.published
    if published.known:
        data["datePublished"] = published.iso
    authors = getattr(article, "authors", None) or ()
    if authors:
        data["author"] = [{"@type": "Person", "name": str(author)} for author in authors]
    source = getattr(article, "source", None)
    if source:
        publisher = {"@type": "Organization", "name": str(source)}
        if getattr(source, "homepage", None):
            publisher["url"] = source.homepage
        data["publisher"] = publisher
    original = getattr(article, "original_url", None)
    if is_web_url(original):
        data["isBasedOn"] = original
    tags = getattr(article, "tags", None) or ()
    if tags:
        data["keywords"] = [str(tag) for tag in tags]
    return data
