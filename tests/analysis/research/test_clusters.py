"""Story clusters: same event across sources together, same place on other days apart, always the same result."""

from __future__ import annotations

import random
from datetime import date

import pytest

from newsarchive.analysis.research.clusters import StoryInput, cluster_stories


def story(key, source, day, text, tags=("port-elvin",), precision="day"):
    return StoryInput(key, source, day, precision if day else "unknown", frozenset(tags), text)


FIRE = "fire fish market sheds quay firefighters traders stock harbour master blaze"
STORIES = [
    story("gazette-fire", "Harbour Gazette", date(2024, 8, 14), f"Fire destroys sheds. {FIRE} destroyed"),
    story("wire-fire", "Northern Wire", date(2024, 8, 14), f"Blaze at market. {FIRE} hours tackling"),
    story("radio-fire", "Coastal Radio", date(2024, 8, 15), f"Traders count losses. {FIRE} losses counting"),
    story("courier-market", "Valley Courier", date(2024, 7, 1), "Market square reopens after resurfacing paving stalls",
          ("millbrook",)),
    story("wire-bridge", "Northern Wire", date(2024, 7, 22), "Footbridge to close for repairs railings walkers",
          ("millbrook",)),
]


def test_three_sources_on_one_event_cluster_together():
    (cluster,) = cluster_stories(STORIES)
    assert sorted(cluster.keys) == ["gazette-fire", "radio-fire", "wire-fire"]
    assert cluster.shared_tags == ["port-elvin"]


def test_same_words_weeks_apart_do_not_cluster():
    later = story("later-fire", "Valley Courier", date(2024, 9, 30), f"Fire again. {FIRE}")
    (cluster,) = cluster_stories([*STORIES, later])
    assert "later-fire" not in cluster.keys


def test_without_a_shared_place_or_organisation_no_cluster():
    elsewhere = [story(s.key, s.source, s.date, s.text, tags=(s.key,)) for s in STORIES]
    assert cluster_stories(elsewhere) == []


def test_one_source_alone_makes_no_cluster():
    same = [story(f"k{i}", "Harbour Gazette", date(2024, 8, 14), FIRE) for i in range(3)]
    assert cluster_stories(same) == []


def test_undated_articles_need_closer_text():
    undated = story("undated-fire", "Valley Courier", None, f"Fire. {FIRE}")
    unrelated = story("undated-study", "Valley Courier", None, "university study fire safety research quay")
    (cluster,) = cluster_stories([*STORIES, undated, unrelated])
    assert "undated-fire" in cluster.keys and "undated-study" not in cluster.keys


def test_clusters_and_slugs_are_deterministic():
    expected = [(c.slug, sorted(c.keys)) for c in cluster_stories(STORIES)]
    assert expected == [("gazette-fire", ["gazette-fire", "radio-fire", "wire-fire"])]  # earliest, then by key
    for seed in range(5):
        shuffled = STORIES[:]
        random.Random(seed).shuffle(shuffled)
        assert [(c.slug, sorted(c.keys)) for c in cluster_stories(shuffled)] == expected


# Exactness at scale: the fast paths must give what the plain definitions give.

TOKEN_CASES = [
    "Fire at the harbour: fire crews and FIRE engines",
    "ab1cd xyz9 snake_case foo\u2013bar \u201cquoted\u201d don't",
    "\u0130stanbul caf\u00e9 d\u00e9j\u00e0 stra\u00dfe \u212aelvin \u00c9COLE \u00e9cole",  # letters outside ASCII
    "\ufb01re \ufb02ame na\u00efve",  # ligatures that casefold to several letters
    "",
    "the and of",  # stop words only
]


def test_token_counts_are_the_tokens_counted_in_order():
    from collections import Counter

    from newsarchive.analysis.research.clusters import token_counts, tokens

    for text in TOKEN_CASES:
        assert list(token_counts(text).items()) == list(Counter(tokens(text)).items()), text


def test_token_digest_changes_with_tokens_only():
    from newsarchive.analysis.research.clusters import Tokens

    assert Tokens.of("The fire at the quay").digest == Tokens.of("This fire at a quay!").digest
    assert Tokens.of("fire quay").digest != Tokens.of("quay fire").digest  # order is summing order
    assert Tokens.of("fire quay").digest != Tokens.of("fire quay quay").digest


def random_corpus(seed, n=120):
    rng = random.Random(seed)
    words = [f"w{chr(97 + i)}{chr(97 + j)}x" for i in range(8) for j in range(8)]
    sources = ["Harbour Gazette", "Northern Wire", "Coastal Radio", None]
    tags = ["port-elvin", "millbrook", "council", "harbour-board"]
    items = []
    for k in range(n):
        precision = rng.choice(["day", "day", "day", "month", "year", "unknown"])
        day = None if precision == "unknown" else date(2024, rng.randrange(1, 4), rng.randrange(1, 29))
        if precision == "month":
            day = day.replace(day=1)
        text = " ".join(rng.choice(words[: rng.randrange(10, 64)]) for _ in range(rng.randrange(5, 40)))
        items.append(story(f"s{k:03d}", rng.choice(sources), day, text, rng.sample(tags, rng.randrange(0, 3)),
                           precision))
    return items


def dates_close(a, b, days):
    """True/False when both dates are known; None when either is unknown."""
    from newsarchive.analysis.research.clusters import _day_span

    span_a, span_b = _day_span(a), _day_span(b)
    if span_a is None or span_b is None:
        return None
    return max(span_a[0] - span_b[1], span_b[0] - span_a[1], 0) <= days


def reference_clusters(items, similarity=0.2, undated_similarity=0.45, days=3):
    """Every pair, by the definitions: links, then dated articles by first day joining the most
    similar placed article's cluster when its lead is at most ``days`` older, then undated ones."""
    from newsarchive.analysis.research.clusters import _day_span, cosine, tfidf_vectors

    vectors = tfidf_vectors([item.text for item in items])
    linked = {}
    for i in range(len(items)):
        for j in range(len(items)):
            a, b = items[i], items[j]
            if i == j or not (a.tags & b.tags) or not a.source or not b.source or a.source == b.source:
                continue
            close = dates_close(a, b, days)
            value = cosine(vectors[min(i, j)], vectors[max(i, j)])
            if close is not False and value >= (similarity if close else undated_similarity):
                linked[i, j] = value
    lead = {}

    def place(i, allowed):
        choices = [(linked[i, j], -j) for j in lead if (i, j) in linked and allowed(j)]
        lead[i] = lead[-max(choices)[1]] if choices else i

    dated = [i for i in range(len(items)) if _day_span(items[i])]
    for i in sorted(dated, key=lambda i: (_day_span(items[i])[0], i)):
        place(i, lambda j, i=i: _day_span(items[i])[0] - _day_span(items[lead[j]])[0] <= days)
    for i in range(len(items)):
        if i not in lead:
            place(i, lambda j: True)
    groups = {}
    for i in range(len(items)):
        groups.setdefault(lead[i], []).append(i)
    return sorted(tuple(group) for group in groups.values() if len(group) > 1)


def test_clusters_are_those_of_every_pair_compared():
    for seed in range(6):
        items = random_corpus(seed)
        found = sorted(tuple(sorted(int(key[1:]) for key in c.keys)) for c in cluster_stories(items))
        assert found == reference_clusters(items), seed
        assert found  # the corpus is made to have some


def test_cached_token_counts_give_the_same_clusters():
    from newsarchive.analysis.research.clusters import token_counts

    items = random_corpus(7)
    assert cluster_stories(items, counts=[token_counts(item.text) for item in items]) == cluster_stories(items)


def test_counts_read_on_demand_are_never_all_held_and_give_the_same_clusters():
    """A site's counts come from the cache one by one; each is read a few times at most."""
    from collections import Counter

    from newsarchive.analysis.research.clusters import token_counts

    items = random_corpus(3)
    reads = Counter()

    def counts_of(position):
        reads[position] += 1
        return token_counts(items[position].text)

    assert cluster_stories(items, counts=counts_of) == cluster_stories(items)
    assert set(reads) == set(range(len(items))) and max(reads.values()) <= 3


def test_a_run_of_similar_reports_day_after_day_does_not_chain_into_one_cluster():
    items = [
        StoryInput(f"d{n:02d}", f"Outlet {n % 2}", date(2024, 3, 1 + n), "day", frozenset({"aleppo"}),
                   "Shelling hit the Aleppo market near the citadel gate; rescuers searched the rubble")
        for n in range(20)
    ]
    found = cluster_stories(items, days=3)
    assert len(found) > 1
    for cluster in found:
        days_of = [items[int(key[1:])].date for key in cluster.keys]
        assert (max(days_of) - min(days_of)).days <= 3


def test_the_products_never_miss_a_pair_whose_cosine_reaches_the_threshold():
    """Candidate pairs come from sparse products, summed in another order than the cosines, and
    for undated articles from their heaviest terms only, plus a bound on the rest: every pair
    whose cosine reaches the threshold must be a candidate, at every threshold."""
    import numpy

    from newsarchive.analysis.research.clusters import _Cosines, _head, _Matrix, _Products, token_counts

    for seed in range(3):
        items = random_corpus(seed)
        matrix = _Matrix.of(lambda p, items=items: token_counts(items[p].text), len(items))
        products = _Products(matrix)
        every = numpy.arange(len(items))
        rows = list(range(0, len(items), 7))
        whole = products.of(numpy.array(rows), every)
        for i, position in enumerate(rows):
            exact = _Cosines(matrix).of(position, every)
            for threshold in (0.1, 0.3, 0.45, 0.7, float(numpy.sort(exact)[-2])):
                reaching = set(numpy.flatnonzero(exact >= threshold).tolist())
                assert reaching <= set(_Products.reaching(whole, i, threshold).tolist()), (seed, position)
                head = _head(matrix, position, threshold)
                bounds = _Products.reaching(products.with_all([head]), 0, threshold, left=head[2])
                assert reaching <= set(bounds.tolist()), (seed, position, threshold)


def test_matrix_rows_are_the_tfidf_vectors_and_cosines_match():
    from newsarchive.analysis.research.clusters import _Cosines, _Matrix, cosine, tfidf_vectors, token_counts

    items = random_corpus(4)
    vectors = tfidf_vectors([item.text for item in items])
    matrix = _Matrix.of(lambda p: token_counts(items[p].text), len(items))
    import numpy

    found = _Cosines(matrix).of(0, numpy.arange(len(items)))
    assert [round(v, 12) for v in found] == [round(cosine(vectors[0], v), 12) for v in vectors]


def test_cosines_looked_up_in_batches_are_exactly_those_looked_up_at_once(monkeypatch):
    """A common tag's partners are looked up a batch of entries at a time, to bound the arrays."""
    import numpy

    from newsarchive.analysis.research import clusters as module
    from newsarchive.analysis.research.clusters import _Cosines, _Matrix, token_counts

    items = random_corpus(5)
    matrix = _Matrix.of(lambda p: token_counts(items[p].text), len(items))
    others = numpy.arange(len(items))[::-1].copy()
    at_once = _Cosines(matrix).of(3, others)
    monkeypatch.setattr(module, "BATCH_ENTRIES", 40)
    cosines = _Cosines(matrix)
    assert len(cosines._batches(others)) > 3
    assert cosines.of(3, others).tolist() == at_once.tolist()  # the same sums in the same order


@pytest.mark.parametrize(("budget", "least"), [(1, 1), (50, 2), (10**9, 1), (10**9, 10**6)])
def test_links_found_a_block_or_a_batch_at_a_time_are_those_found_at_once(monkeypatch, budget, least):
    """The products are computed for a block of dated items (or a batch of undated ones) at a time,
    to bound their size; the links, and their order, do not depend on the blocks."""
    from newsarchive.analysis.research import clusters as module

    for seed in (1, 6):
        items = random_corpus(seed)
        expected = cluster_stories(items)
        monkeypatch.setattr(module, "PRODUCTS_BUDGET", budget)
        monkeypatch.setattr(module, "BLOCK_LEAST", least)
        assert cluster_stories(items) == expected, seed
        monkeypatch.undo()
