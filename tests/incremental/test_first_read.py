"""What only an article's file decides is worked out once, when it is read, and kept with it."""

from __future__ import annotations

import datetime

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from newsarchive.incremental import first_read, pelican_patches
from newsarchive.incremental.fingerprints import Hasher, Mode
from newsarchive.site.cluster_pages import article_text, cluster_text_key, text_key

SETTINGS = {**DEFAULT_CONFIG, "NEWSARCHIVE_CACHE": False}
BODY = '<p>See <a href="{static}/images/map.png">the map</a> and <a href="{attach}chart.svg">chart</a>.</p>'


def article(body: str = BODY) -> Article:
    found = Article(body, metadata={"title": "Ferry resumes", "date": datetime.datetime(2024, 1, 2)},
                    settings=dict(SETTINGS), source_path="content/articles/a.md",
                    context={"generated_content": {}, "static_content": {}})
    pelican_patches.use_packed_fields(found)
    found.body_text = "See the map and chart."
    return found


def test_static_links_are_remembered_when_the_article_is_read():
    found = article()
    links = Article.get_static_links(found)
    assert links == {"images/map.png", "content/articles/chart.svg"}
    first_read.remember(found)
    found._content = "<p>No links any more.</p>"  # what is remembered is what was read
    assert found.get_static_links() == links


def test_without_remembering_pelican_s_own_static_links_are_found():
    assert article().get_static_links() == Article.get_static_links(article())


def test_the_clusters_text_key_holds_while_the_title_is_the_one_read():
    found = article()
    first_read.remember(found)
    assert cluster_text_key(found) == text_key(article_text(found))
    found.title = "Ferry resumes on Monday"
    assert cluster_text_key(found) is None


def test_remembered_values_are_not_part_of_a_page_s_fingerprint():
    plain, remembered = article(), article()
    first_read.remember(remembered)
    for mode in (Mode.WHOLE, Mode.LINK):
        assert Hasher().digest(plain, mode) == Hasher().digest(remembered, mode)
