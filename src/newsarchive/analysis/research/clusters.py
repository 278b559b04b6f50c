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
the vectors are the rows of one sparse matrix (numpy), and every step is ordered, so the same
articles always give the same clusters with the same slugs. The pairs compared grow with the
square of the articles per day (a site with ten times the articles over the same years has a
hundred times the pairs), and an undated article is compared with every article: so the
candidate pairs come from sparse matrix products (SciPy, in C), many at once, and only those
whose product may reach the threshold and that share a tag get their cosine (numpy, always
summed in the same order).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

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
    """``tfidf_vectors`` of texts with these ``token_counts``: the rows of :class:`_Matrix` as dicts."""
    matrix = _Matrix.of(counts.__getitem__, len(counts))
    names = matrix.names
    return [
        {names[term]: weight for term, weight in zip(*map(list, matrix.row(position)), strict=True)}
        for position in range(len(counts))
    ]


def _idf(size: int, df: int) -> float:
    return math.log((1 + size) / (1 + df)) + 1


@dataclass
class _Matrix:
    """Every text's TF-IDF vector as one row of a sparse matrix (compressed rows, numpy):
    term numbers and weights, in the order of the text's counts. Twelve bytes per term of a
    text, instead of a dict entry's hundred or so, so a site's vectors can all be held."""

    indptr: object  # numpy int64, one more than the rows: row ``p`` is ``indptr[p]:indptr[p + 1]``
    terms: object  # numpy int32
    weights: object  # numpy float64, each row of norm 1 (or all zeros)
    names: list[str]  # each term number's word

    @classmethod
    def of(cls, counts_of: Callable[[int], Counter[str]], size: int) -> _Matrix:
        """Reads each text's counts twice: once for the document frequencies, once for its row."""
        import numpy

        number: dict[str, int] = {}
        df: list[int] = []
        lengths = numpy.zeros(size + 1, dtype=numpy.int64)
        for position in range(size):
            counts = counts_of(position)
            lengths[position + 1] = len(counts)
            for term in counts:
                found = number.get(term)
                if found is None:
                    number[term] = found = len(df)
                    df.append(0)
                df[found] += 1
        indptr = numpy.cumsum(lengths)
        idf = numpy.array([_idf(size, d) for d in df], dtype=numpy.float64)
        terms = numpy.empty(int(indptr[-1]), dtype=numpy.int32)
        weights = numpy.empty(int(indptr[-1]), dtype=numpy.float64)
        for position in range(size):
            counts = counts_of(position)
            low, high = int(indptr[position]), int(indptr[position + 1])
            row = numpy.fromiter(map(number.__getitem__, counts), dtype=numpy.int32, count=high - low)
            vector = numpy.fromiter(counts.values(), dtype=numpy.float64, count=high - low) * idf[row]
            norm = math.sqrt(float(vector @ vector)) or 1.0
            terms[low:high], weights[low:high] = row, vector / norm
        return cls(indptr, terms, weights, list(number))

    @property
    def size(self) -> int:
        return len(self.indptr) - 1

    def row(self, position: int):
        low, high = self.indptr[position], self.indptr[position + 1]
        return self.terms[low:high], self.weights[low:high]

    def entries(self, positions):
        """The indices into ``terms``/``weights`` of these rows' entries, row after row, and the
        number (0, 1, ...) of the row each belongs to."""
        import numpy

        starts = self.indptr[positions]
        lengths = self.indptr[positions + 1] - starts
        owner = numpy.repeat(numpy.arange(len(positions)), lengths)
        return numpy.arange(int(lengths.sum())) - (numpy.cumsum(lengths) - lengths)[owner] + starts[owner], owner


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(term, 0.0) for term, v in a.items())


BATCH_ENTRIES = 1 << 18  # row entries looked up at once by ``_Cosines.of``: a few MB of arrays


class _Cosines:
    """Cosines of one vector with many: the one is spread over a dense array of all terms,
    and the others' entries are looked up in it, all in numpy."""

    def __init__(self, matrix: _Matrix):
        import numpy

        self.matrix = matrix
        self.dense = numpy.zeros(len(matrix.names))

    def of(self, position: int, others):
        import numpy

        matrix, dense = self.matrix, self.dense
        terms, weights = matrix.row(position)
        dense[terms] = weights
        parts = []
        for start, end in self._batches(others):  # a few arrays of each batch's entries at a time
            entries, owner = matrix.entries(others[start:end])
            products = dense[matrix.terms[entries]] * matrix.weights[entries]
            parts.append(numpy.bincount(owner, weights=products, minlength=end - start))
        dense[terms] = 0.0
        return parts[0] if len(parts) == 1 else numpy.concatenate(parts)

    def _batches(self, others):
        """``(start, end)`` slices of ``others`` with at most ``BATCH_ENTRIES`` entries each (one
        row may have more), so that a common tag's thousands of partners do not need arrays of all
        their entries at once."""
        import numpy

        indptr = self.matrix.indptr
        sizes = numpy.cumsum(indptr[others + 1] - indptr[others])
        if not len(sizes) or sizes[-1] <= BATCH_ENTRIES:
            return [(0, len(others))]
        bounds, start = [], 0
        while start < len(others):
            before = int(sizes[start - 1]) if start else 0
            end = max(int(numpy.searchsorted(sizes, before + BATCH_ENTRIES, side="right")), start + 1)
            bounds.append((start, end))
            start = end
        return bounds

    def reaching(self, position: int, others, threshold: float):
        """``(position, other, cosine)`` for each of ``others`` whose cosine reaches ``threshold``."""
        values = self.of(position, others)
        linked = values >= threshold
        return zip([position] * int(linked.sum()), others[linked].tolist(), values[linked].tolist(), strict=True)


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
    or a function giving the counts of the item at a position (read twice, never all kept: the
    vectors made from them are one numpy matrix, twelve bytes per term of a text).
    """
    if counts is None:
        counts_of = lambda position: token_counts(items[position].text)  # noqa: E731
    else:
        counts_of = counts if callable(counts) else counts.__getitem__
    matrix = _Matrix.of(counts_of, len(items))
    spans = [_day_span(item) for item in items]
    source_of = _source_numbers(items)
    links: dict[int, list[tuple[float, int]]] = defaultdict(list)  # position -> (cosine, linked position)
    for first, second, similarity_of_pair in chain(
        _dated_links(items, matrix, spans, source_of, similarity, days),
        _undated_links(items, matrix, spans, source_of, undated_similarity),
    ):
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


def _source_numbers(items: list[StoryInput]):
    """Each item's source as a number (numpy), -1 for none: "from another source" in one comparison."""
    import numpy

    number: dict[str, int] = {}
    return numpy.array([number.setdefault(item.source, len(number)) if item.source else -1 for item in items],
                       dtype=numpy.int64)


# Room for rounding: a product computed in another order than ``_Cosines`` sums it (both in
# float64, of unit vectors, so they differ by far less) may fall short of the threshold by this.
_ROUNDING = 1e-9
# Products of pairs computed at once by ``_Products`` (at most, but one row may take more): a
# few MB of sparse results.
PRODUCTS_BUDGET = 1 << 20
BLOCK_LEAST = 16  # dated items whose products are computed at once, at least (when there are so many)


class _Products:
    """The products of some rows with some others at once, by sparse matrix products (SciPy,
    in C): the candidate pairs. Each pair found this way whose value may reach the threshold gets its
    cosine from :class:`_Cosines`, so that the cosines, and the clusters, do not depend on the
    order in which a product sums its terms."""

    def __init__(self, matrix: _Matrix):
        from scipy.sparse import csr_matrix

        self.rows = csr_matrix((matrix.weights, matrix.terms, matrix.indptr), shape=(matrix.size, len(matrix.names)))
        self._columns = None

    def of(self, rows, others):
        """A sparse (SciPy CSR) matrix: ``[i, j]`` the product of ``rows[i]`` with ``others[j]`` (their
        cosine, but summed in another order)."""
        return (self.rows[rows] @ self.rows[others].T).tocsr()

    def transpose(self) -> None:
        """Make the transposed matrix that ``with_all`` needs (once, before threads share it)."""
        if self._columns is None:
            self._columns = self.rows.T.tocsr()

    def with_all(self, heads):
        """``[i, j]``: the product of vector ``heads[i]`` (``_head``: some terms and their weights,
        the norm of the rest left out) with row ``j``, for every row."""
        import numpy
        from scipy.sparse import csr_matrix

        self.transpose()
        lengths = [len(terms) for terms, _, _ in heads]
        indptr = numpy.concatenate(([0], numpy.cumsum(lengths))).astype(numpy.int64)
        terms = numpy.concatenate([terms for terms, _, _ in heads]) if heads else numpy.zeros(0, numpy.int32)
        weights = numpy.concatenate([weights for _, weights, _ in heads]) if heads else numpy.zeros(0)
        vectors = csr_matrix((weights, terms, indptr), shape=(len(heads), self.rows.shape[1]))
        return (vectors @ self._columns).tocsr()

    @staticmethod
    def reaching(found, i: int, threshold: float, left: float = 0.0):
        """The columns of row ``i`` of ``found`` whose value, plus ``left``, may reach ``threshold``."""
        low, high = found.indptr[i], found.indptr[i + 1]
        return found.indices[low:high][found.data[low:high] + left >= threshold - _ROUNDING]


def _dated_links(items: list[StoryInput], matrix: _Matrix, spans, source_of, threshold: float, days: int):
    """Every linked pair of dated items ``(first, second, cosine)``: sharing a tag, from two
    sources, the second no earlier in the order of days and starting at most ``days`` after the
    first's last day, with a cosine that reaches ``threshold``.

    The items are swept in order of their days, a block at a time: the products of the block's
    items with every item up to the last one's partners are computed at once (:class:`_Products`),
    and only the pairs among them that may reach the threshold and share a tag get a cosine.
    """
    import numpy

    by_day = sorted((p for p in range(len(items)) if spans[p] is not None), key=lambda p: (spans[p], p))
    if not by_day:
        return
    order = numpy.array(by_day, dtype=numpy.int64)
    starts = [spans[p][0] for p in by_day]
    # each item's partners are the ranks after its own and before its end
    ends = [bisect_right(starts, spans[first][1] + days, rank + 1) for rank, first in enumerate(by_day)]
    products, cosines = _Products(matrix), _Cosines(matrix)
    blocks = list(_blocks(ends))

    def block_products(block: tuple[int, int, int]):
        low, high, reach = block
        return products.of(order[low:high], order[low:reach]) if reach > low + 1 else None

    for (low, high, _), found in zip(blocks, _in_order(block_products, blocks), strict=True):
        for rank in range(low, high):
            first = by_day[rank]
            if found is None or ends[rank] == rank + 1 or source_of[first] < 0 or not items[first].tags:
                continue
            ranks = _Products.reaching(found, rank - low, threshold) + low
            partners = order[numpy.sort(ranks[(ranks > rank) & (ranks < ends[rank])])]
            yield from _linked(items, cosines, first, partners, source_of, threshold)


def _blocks(ends: list[int]):
    """``(low, high, reach)``: blocks of ranks ``low..high-1`` whose partners are before ``reach``
    (``ends``: each rank's). Each item needs only its partners' products but all the block's are
    computed: a block grows while at most about half are wasted, so an item whose date is a month,
    whose partners reach far, gets a small block."""
    low = 0
    while low < len(ends):
        high, reach, needed = low + 1, ends[low], ends[low] - low
        while high < len(ends):
            grown, more = max(reach, ends[high]), needed + ends[high] - high
            computed = (high + 1 - low) * (grown - low)
            if computed > PRODUCTS_BUDGET or computed > 2 * more + BLOCK_LEAST * (grown - low):
                break
            high, reach, needed = high + 1, grown, more
        yield low, high, reach
        low = high


def _in_order(compute: Callable, jobs: Sequence):
    """``compute(job)`` for each of ``jobs``, given back in their order, computed a few ahead on
    every core: SciPy's products let go of the interpreter lock, and the cosines, which hold it,
    are computed meanwhile."""
    import os
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    workers = os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="clusters") as pool:
        pending: deque = deque()
        for job in jobs:
            pending.append(pool.submit(compute, job))
            if len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _undated_links(items: list[StoryInput], matrix: _Matrix, spans, source_of, threshold: float):
    """Every linked pair with an undated item ``(undated, other, cosine)``: sharing a tag, from
    two sources, with a cosine that reaches ``threshold``; the other item is dated or a later
    undated one.

    An undated item may be paired with any article: its products with all of them are computed
    at once, for a batch of undated items at a time (:class:`_Products`), and only the pairs
    that may reach the threshold and share a tag get a cosine.
    """
    import numpy

    undated = [p for p in range(len(items)) if spans[p] is None and items[p].tags and source_of[p] >= 0]
    if not undated:
        return
    is_dated = numpy.array([span is not None for span in spans], dtype=bool)
    products, cosines = _Products(matrix), _Cosines(matrix)
    products.transpose()
    size = max(1, PRODUCTS_BUDGET // max(matrix.size, 1))
    batches = [[(p, _head(matrix, p, threshold)) for p in undated[low:low + size]]
               for low in range(0, len(undated), size)]

    def bounds(batch):
        return products.with_all([head for _, head in batch])

    for batch, found in zip(batches, _in_order(bounds, batches), strict=True):
        for i, (first, head) in enumerate(batch):
            partners = numpy.sort(_Products.reaching(found, i, threshold, left=head[2])).astype(numpy.int64)
            yield from _linked(items, cosines, first, partners[(partners > first) | is_dated[partners]], source_of,
                               threshold)


def _linked(items: list[StoryInput], cosines: _Cosines, first: int, partners, source_of, threshold: float):
    """``(first, other, cosine)`` for each of ``partners`` (in their order) from another source,
    sharing a tag with ``first``, whose cosine reaches ``threshold``."""
    import numpy

    partners = partners[(source_of[partners] >= 0) & (source_of[partners] != source_of[first])]
    tags = items[first].tags
    sharing = numpy.array([not tags.isdisjoint(items[p].tags) for p in partners.tolist()], dtype=bool)
    if sharing.any():
        yield from cosines.reaching(first, partners[sharing], threshold)


def _head(matrix: _Matrix, position: int, threshold: float):
    """The heaviest terms of vector ``position`` and their weights, taken until the norm of the
    others is below half the threshold, and that norm. A cosine is at most its sum over those
    terms plus that norm (Cauchy-Schwarz), so the rest, two thirds of the work of a product with
    every article, is never read."""
    import numpy

    terms, weights = matrix.row(position)
    order = numpy.argsort(-weights, kind="stable")
    terms, weights = terms[order], weights[order]
    rest = numpy.sqrt(numpy.cumsum((weights * weights)[::-1])[::-1])  # rest[i]: the norm of terms i, i+1, ...
    head = int(numpy.argmax(rest < threshold / 2)) if len(rest) and rest[-1] < threshold / 2 else len(terms)
    return terms[:head], weights[:head], float(rest[head]) if head < len(terms) else 0.0


def _sort_day(item: StoryInput) -> int:
    span = _day_span(item)
    return span[0] if span else date.max.toordinal()
