"""Related articles: those sharing the most tags, ties broken by the site's article order."""

from __future__ import annotations

from collections import Counter, defaultdict

from pelican.generators import ArticlesGenerator

from . import settings


def related_articles(articles: list, limit: int) -> dict[int, list[tuple[object, int]]]:
    """For each article (by position), up to ``limit`` ``(article, shared tag count)`` pairs."""
    by_tag: dict[str, list[int]] = defaultdict(list)
    for position, article in enumerate(articles):
        for slug in {tag.slug for tag in getattr(article, "tags", None) or ()}:
            by_tag[slug].append(position)
    related: dict[int, list[tuple[object, int]]] = {}
    for position, article in enumerate(articles):
        shared: Counter[int] = Counter()
        for slug in {tag.slug for tag in getattr(article, "tags", None) or ()}:
            shared.update(other for other in by_tag[slug] if other != position)
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:limit]
        related[position] = [(articles[other], count) for other, count in best]
    return related


def attach_related(generators) -> None:
    """Runs once every generator has its context, so tags added by any plugin count."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            limit = settings.get(generator.settings, "NEWSARCHIVE_RELATED_COUNT")
            articles = generator.articles
            for position, pairs in related_articles(articles, limit).items():
                articles[position].related_articles = pairs
