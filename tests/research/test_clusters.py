"""Story clusters: same event across sources together, same place on other days apart, always the same result."""

from __future__ import annotations

import random
from datetime import date

from newsarchive.research.clusters import StoryInput, cluster_stories


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
