"""Related articles: most shared tags first, then the site's order; the same at any size."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass

from newsarchive.site.related import related_articles


@dataclass(frozen=True)
class Tag:
    slug: str


@dataclass
class Article:
    tags: list


def reference(articles, limit):
    """Count every co-tagged article, sort them all."""
    by_tag = defaultdict(list)
    for position, article in enumerate(articles):
        for slug in {tag.slug for tag in article.tags}:
            by_tag[slug].append(position)
    related = {}
    for position, article in enumerate(articles):
        shared = Counter()
        for slug in {tag.slug for tag in article.tags}:
            shared.update(other for other in by_tag[slug] if other != position)
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:limit]
        related[position] = [(articles[other], count) for other, count in best]
    return related


def corpus(seed, n, tags, per_article):
    rng = random.Random(seed)
    return [Article([Tag(f"t{rng.randrange(tags)}") for _ in range(rng.randrange(per_article + 1))])
            for _ in range(n)]


def test_most_shared_tags_first_then_site_order():
    a, b, c, d = (Article([Tag(s) for s in slugs]) for slugs in (["x", "y"], ["y"], ["x", "y", "z"], ["z"]))
    related = related_articles([a, b, c, d], 5)
    assert related[0] == [(c, 2), (b, 1)]
    assert related[2] == [(a, 2), (b, 1), (d, 1)]
    assert related[3] == [(c, 1)]


def test_same_as_counting_everything_with_small_and_large_tags():
    # few tags on many articles (each on about a third of them) and many small ones
    for seed, n, tags, per_article in ((1, 400, 6, 4), (2, 400, 300, 5), (3, 700, 40, 12), (4, 50, 3, 3)):
        articles = corpus(seed, n, tags, per_article)
        for limit in (0, 1, 5, 30):
            assert related_articles(articles, limit) == reference(articles, limit), (seed, limit)


def test_an_article_without_tags_has_none_related():
    articles = [Article([]), Article([Tag("x")]), Article([Tag("x")])]
    assert related_articles(articles, 5)[0] == []
