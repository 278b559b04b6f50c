"""Story clusters in a build: tokens kept per text, the same clusters after an edit as from scratch."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from newsarchive.analysis.research import clusters as research
from newsarchive.incremental import parse_cache, session
from newsarchive.site import cluster_pages


@dataclass(frozen=True)
class Tag:
    slug: str
    type: str = "place"

    @property
    def name(self):
        return self.slug


@dataclass
class Published:
    known: bool = True
    precision: str = "day"


@dataclass
class Article:
    slug: str
    source: str
    date: datetime
    body_text: str
    tags: list = field(default_factory=lambda: [Tag("port-elvin")])
    published: Published = field(default_factory=Published)

    @property
    def title(self):
        return self.slug


FIRE = "fire fish market sheds quay firefighters traders stock harbour master blaze"


def articles(edited=None):
    found = [
        Article("gazette-fire", "Harbour Gazette", datetime(2024, 8, 14), f"Fire destroys sheds. {FIRE}"),
        Article("wire-fire", "Northern Wire", datetime(2024, 8, 14), f"Blaze at market. {FIRE} hours"),
        Article("radio-fire", "Coastal Radio", datetime(2024, 8, 15), f"Traders count losses. {FIRE} losses"),
        Article("wire-bridge", "Northern Wire", datetime(2024, 8, 15), "Footbridge to close for repairs railings"),
        Article("radio-ferry", "Coastal Radio", datetime(2024, 8, 16), "Ferry timetable changes winter sailings"),
    ]
    if edited:
        found[edited[0]].body_text = edited[1]
    return found


def build(found, cache):
    """The clusters as a build whose speed layer keeps values in ``cache`` finds them."""
    settings = {"NEWSARCHIVE_CACHE": False}
    session.begin(session.BuildSession(cache=cache))
    session.start(settings)
    try:
        return [(c.slug, [a.slug for a in c.articles]) for c in cluster_pages.build_clusters(found, settings)]
    finally:
        session.current().finished = True  # the test saves the cache itself (``carried_over``)


def carried_over(cache):
    """The cache as the next build loads it."""
    cache.save()
    cache.close()
    return parse_cache.ParseCache(cache.path)


def counting_tokens(monkeypatch):
    texts = []
    of = research.Tokens.of.__func__

    def counted(cls, text):
        texts.append(text)
        return of(cls, text)

    monkeypatch.setattr(research.Tokens, "of", classmethod(counted))
    return texts


def test_an_edit_tokenises_one_article_and_gives_the_clusters_of_a_cold_build(monkeypatch, tmp_path):
    cache = parse_cache.ParseCache(tmp_path / "newsarchive-test.sqlite")
    assert build(articles(), cache) == [("gazette-fire", ["radio-fire", "gazette-fire", "wire-fire"])]
    texts = counting_tokens(monkeypatch)
    edit = (3, f"Footbridge near the fish market. {FIRE} railings")  # joins the fire story
    incremental = build(articles(edit), carried_over(cache))
    assert texts == ["wire-bridge\n\n" + edit[1]]
    assert incremental == build(articles(edit), parse_cache.ParseCache(None))
    assert "wire-bridge" in incremental[0][1]


def test_a_rebuild_of_the_same_articles_reuses_the_clusters(monkeypatch, tmp_path):
    cache = parse_cache.ParseCache(tmp_path / "newsarchive-test.sqlite")
    expected = build(articles(), cache)
    calls = []
    monkeypatch.setattr(cluster_pages, "cluster_stories", lambda *args, **kwargs: calls.append(args))
    assert build(articles(), carried_over(cache)) == expected and calls == []
