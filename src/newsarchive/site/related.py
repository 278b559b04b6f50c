"""Related articles: those sharing the most tags, ties broken by the site's article order."""

from __future__ import annotations

from collections import Counter, defaultdict

from pelican.generators import ArticlesGenerator

from ..incremental import Kind, declare
from ..model import settings
from ..process import progress

declare("related_articles", Kind.PAGE_ONLY)  # made from other articles; only the article's page lists them


def related_articles(articles: list, limit: int) -> dict[int, list[tuple[object, int]]]:
    """For each article (by position), up to ``limit`` ``(article, shared tag count)`` pairs.

    Most shared tags first, then the earlier position. An article whose tags are small is
    counted with a ``Counter`` over the articles of its tags; one with a tag on a good part of
    the site (a place on half the articles) would make that quadratic, so its counts are
    instead added as bit sets, one bit per article (see ``_top_by_bits``).
    """
    by_tag: dict[str, list[int]] = defaultdict(list)
    tag_sets = []
    for position, article in enumerate(articles):
        slugs = {tag.slug for tag in getattr(article, "tags", None) or ()}
        tag_sets.append(slugs)
        for slug in slugs:
            by_tag[slug].append(position)
    bits: dict[str, int] = {}
    # An article's counts cost about the total size of its tags with a Counter, and about
    # len(articles) / 64 per tag with bit sets (a few operations on len(articles)-bit ints).
    dense = max(64, len(articles) // 64)
    related: dict[int, list[tuple[object, int]]] = {}
    for position, slugs in enumerate(tag_sets):
        if limit <= 0 or sum(len(by_tag[slug]) for slug in slugs) <= dense * len(slugs):
            shared: Counter[int] = Counter()
            for slug in slugs:
                shared.update(by_tag[slug])
            shared.pop(position, None)
            best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:limit]
        else:
            for slug in slugs:
                if slug not in bits:
                    bits[slug] = _bit_set(by_tag[slug])
            best = _top_by_bits([bits[slug] for slug in slugs], position, limit)
        related[position] = [(articles[other], count) for other, count in best]
    return related


def _bit_set(positions: list[int]) -> int:
    found = 0
    for position in positions:
        found |= 1 << position
    return found


def _top_by_bits(sets: list[int], position: int, limit: int) -> list[tuple[int, int]]:
    """The ``limit`` positions other than ``position`` in most of ``sets``, then the lowest; with their counts.

    Each position's count is kept in binary across ``levels`` (bit ``q`` of ``levels[i]`` is
    bit ``i`` of position ``q``'s count), added to like a ripple-carry adder; then the
    positions of each count, highest first, are read off lowest bit first.
    """
    levels: list[int] = []
    for members in sets:
        carry = members
        for i, level in enumerate(levels):
            levels[i], carry = level ^ carry, level & carry
            if not carry:
                break
        if carry:
            levels.append(carry)
    own = ~(1 << position)
    best: list[tuple[int, int]] = []
    for count in range(len(sets), 0, -1):
        if len(best) >= limit:
            break
        mask = own
        for i, level in enumerate(levels):
            mask &= level if count >> i & 1 else ~level
            if not mask:
                break
        if count >> len(levels):
            mask = 0
        while mask and len(best) < limit:
            lowest = mask & -mask
            best.append((lowest.bit_length() - 1, count))
            mask ^= lowest
    return best


def attach_related(generators) -> None:
    """Runs once every generator has its context, so tags added by any plugin count."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            progress.step("finding related articles")
            limit = settings.get(generator.settings, "NEWSARCHIVE_RELATED_COUNT")
            articles = generator.articles
            for position, pairs in related_articles(articles, limit).items():
                articles[position].related_articles = pairs
