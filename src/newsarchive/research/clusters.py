"""Story clusters: articles from different sources about the same event.

Two articles are linked when they come from different sources, share a place or
organisation tag, their dates (when both are known) lie within a few days of each other,
and their words are similar: the cosine of their TF-IDF vectors reaches a threshold, a
higher one when a date is unknown, since then nothing else says they are about the same
day. Clusters are the connected groups of linked articles.

The TF-IDF is a few lines of our own (no scikit-learn): the corpus is a site's articles,
the vectors are sparse dicts, and every step is ordered, so the same articles always give
the same clusters with the same slugs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours yourself said says say
    according would could also one two three new year years day days monday tuesday wednesday thursday friday
    saturday sunday week last next first told added
    """.split()
)
WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class StoryInput:
    """What clustering needs to know about one article."""

    key: str  # unique and stable: the article's slug
    source: str | None
    date: date | None  # None when unknown
    precision: str  # "day", "month", "year" or "unknown"
    tags: frozenset[str]  # slugs of its place and organisation tags
    text: str  # title and body as plain text


@dataclass
class Cluster:
    slug: str
    lead: str  # key of its earliest article, which gives the slug
    keys: list[str]  # its articles, in input order
    shared_tags: list[str] = field(default_factory=list)  # tag slugs every article has


def tokens(text: str) -> list[str]:
    return [w for w in (m.group().casefold() for m in WORD.finditer(text)) if w not in STOPWORDS]


def tfidf_vectors(texts: list[str]) -> list[dict[str, float]]:
    """One L2-normalised sparse vector per text (smoothed IDF, as scikit-learn's default)."""
    counts = [Counter(tokens(text)) for text in texts]
    df = Counter(term for c in counts for term in c)
    n = len(texts)
    vectors = []
    for c in counts:
        vector = {term: tf * (math.log((1 + n) / (1 + df[term])) + 1) for term, tf in c.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({term: v / norm for term, v in vector.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(term, 0.0) for term, v in a.items())


def _cosine_of(vectors: list[dict[str, float]], i: int, j: int) -> float:
    """``cosine(vectors[i], vectors[j])`` to the last bit, summing only the shared terms.

    The terms the other vector lacks add exact zeros, so leaving them out changes nothing as
    long as the shared ones are added in the same order (the shorter vector's).
    """
    a, b = vectors[i], vectors[j]
    if len(a) > len(b):
        a, b = b, a
    return sum(a[term] * b[term] for term in a if term in b)


def _day_span(item: StoryInput) -> tuple[int, int] | None:
    """The first and last day (ordinals) the article's date can mean; None when unknown."""
    if item.date is None or item.precision not in ("day", "month", "year"):
        return None
    start = item.date.toordinal()
    if item.precision == "day":
        return start, start
    if item.precision == "month":
        following = date(item.date.year + item.date.month // 12, item.date.month % 12 + 1, 1)
        return start, following.toordinal() - 1
    return start, date(item.date.year, 12, 31).toordinal()


def dates_close(a: StoryInput, b: StoryInput, days: int) -> bool | None:
    """True/False when both dates are known; None when either is unknown."""
    span_a, span_b = _day_span(a), _day_span(b)
    if span_a is None or span_b is None:
        return None
    gap = max(span_a[0] - span_b[1], span_b[0] - span_a[1], 0)
    return gap <= days


def cluster_stories(
    items: list[StoryInput], *, similarity: float = 0.2, undated_similarity: float = 0.45, days: int = 3
) -> list[Cluster]:
    """Clusters of two or more articles, ordered by their first article's position in ``items``."""
    vectors = tfidf_vectors([item.text for item in items])
    by_tag: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(items):
        for tag in sorted(item.tags):
            by_tag[tag].append(position)
    spans = [_day_span(item) for item in items]
    candidates = sorted({pair for members in by_tag.values() for pair in _close_pairs(members, spans, days)})

    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in candidates:
        a, b = items[i], items[j]
        if not a.source or not b.source or a.source == b.source:
            continue
        close = dates_close(a, b, days)
        if close is False:
            continue
        threshold = similarity if close else undated_similarity
        if _cosine_of(vectors, i, j) >= threshold:
            parent[max(root(i), root(j))] = min(root(i), root(j))

    groups: dict[int, list[int]] = defaultdict(list)
    for position in range(len(items)):
        groups[root(position)].append(position)
    clusters: list[Cluster] = []
    used: Counter[str] = Counter()
    for members in sorted((m for m in groups.values() if len(m) > 1), key=lambda m: m[0]):
        lead = min(members, key=lambda p: (_sort_day(items[p]), items[p].key))
        slug = items[lead].key
        used[slug] += 1
        if used[slug] > 1:
            slug = f"{slug}-{used[slug]}"
        shared = frozenset.intersection(*(items[p].tags for p in members))
        clusters.append(Cluster(slug, items[lead].key, [items[p].key for p in members], sorted(shared)))
    return clusters


def _close_pairs(members: list[int], spans: list[tuple[int, int] | None], days: int):
    """The pairs ``(i, j)``, ``i < j``, of one tag's articles that dates do not rule out.

    Linear in the pairs found rather than quadratic in the tag's articles: dated articles
    are swept in order of their first day, each paired only with those starting no later
    than ``days`` after its last; an undated article is paired with every other.
    """
    dated = sorted((p for p in members if spans[p] is not None), key=lambda p: spans[p])
    undated = [p for p in members if spans[p] is None]
    for index, first in enumerate(dated):
        last_day = spans[first][1] + days
        for second in dated[index + 1 :]:
            if spans[second][0] > last_day:
                break
            yield (first, second) if first < second else (second, first)
    for index, first in enumerate(undated):
        for second in (*undated[index + 1 :], *dated):
            yield (first, second) if first < second else (second, first)


def _sort_day(item: StoryInput) -> int:
    span = _day_span(item)
    return span[0] if span else date.max.toordinal()
