"""Story clusters: articles from different sources about the same event.

Two articles are linked when they come from different sources, share a place or
organisation tag, their dates (when both are known) lie within a few days of each other,
and their words are similar: the cosine of their TF-IDF vectors reaches a threshold, a
higher one when a date is unknown, since then nothing else says they are about the same
day. A cluster grows from its first article (its lead): dated articles, in order of their
first day, each join the cluster of the most similar placed article they are linked to,
when that cluster's lead is at most the same few days older; otherwise they start a cluster.
Then each undated article joins the cluster of the most similar article it is linked to. So
a cluster spans a few days at most: a run of similar reports day after day does not chain
into one cluster of thousands (which connected groups of links did on large sites).

The TF-IDF is a few lines of our own (no scikit-learn): the corpus is a site's articles,
the vectors are sparse dicts, and every step is ordered, so the same articles always give
the same clusters with the same slugs.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import mul
from sys import intern

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


# Letters to themselves in lower case, every other byte to a space (see ``token_counts``).
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_ASCII = bytes(range(128))


def token_counts(text: str) -> Counter[str]:
    """``Counter(tokens(text))``, with the same items in the same order, several times faster.

    When no character outside ASCII is a letter or digit (curly quotes and dashes are
    neither), a word is a run of ASCII letters, and ``casefold`` is ``lower``: so the
    UTF-8 bytes are lowered and split at every other byte, and counted in C. Otherwise the
    regular expression does it. The order matters: it is the vectors' order, in which
    cosines are summed.
    """
    raw = text.encode("utf-8")
    if not raw.isascii() and any(c.isalnum() for c in set(raw.translate(None, _ASCII).decode("utf-8"))):
        return Counter(tokens(text))
    counts: Counter[str] = Counter()
    for word, count in Counter(raw.translate(_ASCII_WORDS).split()).items():
        if len(word) >= 3:
            term = word.decode("ascii")
            if term not in STOPWORDS:
                counts[term] = count
    return counts


@dataclass(frozen=True)
class Tokens:
    """A text's ``token_counts`` and a digest of them, to be kept between builds."""

    counts: Counter[str]
    digest: str  # of the terms and counts in their order, which is the order cosines are summed in

    @classmethod
    def of(cls, text: str) -> Tokens:
        counts = token_counts(text)
        return cls(counts, hashlib.sha256(json.dumps(list(counts.items())).encode()).hexdigest())


def tfidf_vectors(texts: list[str]) -> list[dict[str, float]]:
    """One L2-normalised sparse vector per text (smoothed IDF, as scikit-learn's default)."""
    return vectors_of_counts([token_counts(text) for text in texts])


def vectors_of_counts(counts: list[Counter[str]]) -> list[dict[str, float]]:
    """``tfidf_vectors`` of texts with these ``token_counts``."""
    vectors = _Vectors(counts.__getitem__, len(counts))
    return [vectors.make(position) for position in range(len(counts))]


class _Vectors:
    """The TF-IDF vectors of ``size`` texts, each made from its counts (``counts_of(position)``)
    when asked for, and kept only while ``get`` callers need it: a site's vectors are larger than
    its texts, so they are never all held at once."""

    def __init__(self, counts_of: Callable[[int], Counter[str]], size: int):
        df: Counter[str] = Counter()
        for position in range(size):
            df.update(counts_of(position).keys())
        self.idf = {term: math.log((1 + size) / (1 + d)) + 1 for term, d in df.items()}
        self.counts_of = counts_of
        self.size = size
        self._kept: dict[int, dict[str, float]] = {}

    def make(self, position: int) -> dict[str, float]:
        idf = self.idf
        # one string object per term, so that looking terms up in other vectors compares pointers
        vector = {intern(term): tf * idf[term] for term, tf in self.counts_of(position).items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {term: v / norm for term, v in vector.items()}

    def get(self, position: int) -> dict[str, float]:
        found = self._kept.get(position)
        if found is None:
            found = self._kept[position] = self.make(position)
        return found

    def drop(self, position: int) -> None:
        self._kept.pop(position, None)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(term, 0.0) for term, v in a.items())


def _cosine_of(a: dict[str, float], b: dict[str, float]) -> float:
    """``cosine(a, b)`` to the last bit, summing only the shared terms.

    The terms the other vector lacks add exact zeros, so leaving them out changes nothing as
    long as the shared ones are added in the same order (the shorter vector's); the loops
    run in C.
    """
    if len(a) > len(b):
        a, b = b, a
    shared = list(filter(b.__contains__, a))
    return sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


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


def cluster_stories(
    items: list[StoryInput],
    *,
    similarity: float = 0.2,
    undated_similarity: float = 0.45,
    days: int = 3,
    counts: Sequence[Counter[str]] | Callable[[int], Counter[str]] | None = None,
) -> list[Cluster]:
    """Clusters of two or more articles, ordered by their first article's position in ``items``.

    ``counts``, when given, are the items' ``token_counts`` (kept between builds by the caller),
    or a function giving the counts of the item at a position (read a few times, never all kept).
    """
    if counts is None:
        counts_of = lambda position: token_counts(items[position].text)  # noqa: E731
    else:
        counts_of = counts if callable(counts) else counts.__getitem__
    vectors = _Vectors(counts_of, len(items))
    spans = [_day_span(item) for item in items]
    sources = [item.source for item in items]

    candidates = _candidates(items, spans, days)
    links: dict[int, list[tuple[float, int]]] = defaultdict(list)  # position -> (cosine, linked position)
    for first, second, similarity_of_pair in _all_links(vectors, spans, sources, candidates, similarity,
                                                        undated_similarity):
        links[first].append((similarity_of_pair, second))
        links[second].append((similarity_of_pair, first))
    lead_of: dict[int, int] = {}  # position -> the position of its cluster's first article

    def best_placed(position: int, may_join) -> int | None:
        """The most similar placed article ``position`` is linked to (ties: the earlier one)."""
        best = None
        for similarity_of_pair, other in links[position]:
            if other in lead_of and may_join(other) and (best is None or (similarity_of_pair, -other) > best):
                best = (similarity_of_pair, -other)
        return None if best is None else -best[1]

    for position in sorted((p for p in range(len(items)) if spans[p] is not None), key=lambda p: (spans[p][0], p)):
        start = spans[position][0]
        # only dated articles are placed yet; a cluster spans at most ``days`` from its first day
        joined = best_placed(position, lambda other, start=start: start - spans[lead_of[other]][0] <= days)
        lead_of[position] = position if joined is None else lead_of[joined]
    for position in (p for p in range(len(items)) if spans[p] is None):
        joined = best_placed(position, lambda other: True)
        lead_of[position] = position if joined is None else lead_of[joined]

    groups: dict[int, list[int]] = defaultdict(list)
    for position in range(len(items)):
        groups[lead_of[position]].append(position)
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


def _all_links(vectors: _Vectors, spans, sources, candidates, similarity: float, undated_similarity: float):
    """Every linked pair ``(first, second, cosine)``, in one pass over the vectors in order of
    their days: the dated pairs (few: their dates must be close) pair by pair, with only the
    vectors of a few days kept; the undated ones at once at the end (numpy), from columns of the
    terms undated articles use, filled on the way."""
    undated_vectors = {first: vectors.make(first) for first in candidates.undated if sources[first]}
    columns = _Columns(set().union(*(vector.keys() for vector in undated_vectors.values())))
    by_day = sorted((p for p in range(vectors.size) if spans[p] is not None), key=lambda p: (spans[p], p))
    for first in by_day:
        vector = vectors.get(first)
        columns.add(first, vector)
        yield from _dated_links(first, vectors, sources, candidates, similarity)
        vectors.drop(first)  # the later articles in this order are all it is paired with
    if undated_vectors:  # the columns are for them alone
        for position in range(vectors.size):
            if spans[position] is None:
                columns.add(position, undated_vectors.get(position) or vectors.make(position))
    yield from _undated_links(undated_vectors, columns, vectors.size, sources, candidates, undated_similarity)


def _dated_links(first: int, vectors: _Vectors, sources, candidates, threshold: float):
    """The linked pairs of the dated item ``first`` with the later ones, with their cosines."""
    source = sources[first]
    if not source:
        return
    for second in sorted(candidates.dated[first]):
        other = sources[second]
        if other and other != source:
            # summed in the lower position's order when the vectors have as many terms
            low, high = min(first, second), max(first, second)
            value = _cosine_of(vectors.get(low), vectors.get(high))
            if value >= threshold:
                yield first, second, value


class _Columns:
    """For each of some terms, the positions of the vectors that have it and their weights there."""

    def __init__(self, terms: set[str]):
        self.terms = terms
        self.ids: dict[str, array] = {}
        self.weights: dict[str, array] = {}

    def add(self, position: int, vector: dict[str, float]) -> None:
        if not self.terms:
            return
        for term in self.terms.intersection(vector):
            if term not in self.ids:
                self.ids[term], self.weights[term] = array("q"), array("d")
            self.ids[term].append(position)
            self.weights[term].append(vector[term])


def _undated_links(undated_vectors: dict, columns: _Columns, size: int, sources: list, candidates: list,
                   threshold: float):
    """The pairs with an undated item whose cosine reaches ``threshold``, with their cosines.

    Each such item's cosine with every item is one sum over its own terms of its weight times
    the column of that term's weights (numpy), instead of a walk over both vectors per pair.
    """
    if not undated_vectors:
        return
    import numpy

    arrays = {
        term: (numpy.frombuffer(columns.ids[term], dtype=numpy.int64), numpy.frombuffer(columns.weights[term]))
        for term in columns.ids
    }
    for first, vector in undated_vectors.items():
        scores = numpy.zeros(size)
        for term, weight in vector.items():
            positions, column = arrays[term]
            scores[positions] += weight * column
        partners = candidates.undated[first]
        chosen = partners[scores[partners] >= threshold]
        for second, value in zip(chosen.tolist(), scores[chosen].tolist(), strict=True):
            if sources[second] and sources[second] != sources[first]:
                yield first, second, value


@dataclass
class _Candidates:
    """The pairs worth a cosine: sharing a tag, with dates that do not rule them out."""

    dated: list[set[int]]  # for each dated item, the later dated items (in order of days) close enough
    undated: dict[int, object]  # for each undated item, the positions it is paired with (numpy, ascending)


def _candidates(items: list[StoryInput], spans: list[tuple[int, int] | None], days: int) -> _Candidates:
    """For each item, the later items (in the order below) that share a tag and whose dates do not rule them out:
    those whose dates are both known (so close), and those where one is unknown.

    Each tag's dated articles are swept in order of their days and position, each paired only
    with those starting no later than ``days`` after its last day (a slice found by bisection,
    so the work is the pairs found, not the tag's size squared); an undated article is paired
    with every dated article and every later undated one (by position) sharing a tag. The
    order is the same in every tag, so a pair sharing several tags is found once.
    """
    by_tag: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(items):
        for tag in item.tags:
            by_tag[tag].append(position)
    found: list[set[int]] = [set() for _ in items]
    for members in by_tag.values():
        dated = sorted((p for p in members if spans[p] is not None), key=lambda p: spans[p])
        starts = [spans[p][0] for p in dated]
        for index, first in enumerate(dated):
            end = bisect_right(starts, spans[first][1] + days, index + 1)
            found[first].update(dated[index + 1 : end])
    undated = [p for p in range(len(items)) if spans[p] is None and items[p].tags]
    return _Candidates(found, _undated_partners(undated, items, spans, by_tag))


def _undated_partners(undated: list[int], items, spans, by_tag) -> dict[int, object]:
    """Each undated item's partners as one sorted numpy array (a set of every dated article
    sharing a tag would take far more memory)."""
    if not undated:
        return {}
    import numpy

    is_dated = numpy.array([span is not None for span in spans], dtype=bool)
    tags = set().union(*(items[p].tags for p in undated))
    columns = {tag: numpy.array(by_tag[tag], dtype=numpy.int64) for tag in tags}
    found = {}
    for first in undated:
        members = numpy.unique(numpy.concatenate([columns[tag] for tag in sorted(items[first].tags)]))
        partners = members[is_dated[members] | (members > first)]
        if len(partners):
            found[first] = partners
    return found


def _sort_day(item: StoryInput) -> int:
    span = _day_span(item)
    return span[0] if span else date.max.toordinal()
