"""An article's bulky fields are held compressed in memory and read back exactly as they were."""

from __future__ import annotations

import datetime
import gc
import pickle
import sys

from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG

from newsarchive.analysis.tagging.tagger import Match, TagEvidence
from newsarchive.incremental import compact_fields, memory, pelican_patches, prefill

# no parse cache on disk: the plugin's receivers, connected by other tests' builds, also see these
SETTINGS = {**DEFAULT_CONFIG, "NEWSARCHIVE_CACHE": False}
BODY = "<p>The council met on <em>Tuesday</em> &amp; voted.</p>\n" * 400


def article(content: str = BODY, **metadata) -> Article:
    metadata = {"title": "A title", "date": datetime.datetime(2024, 1, 2), **metadata}
    return Article(content, metadata=metadata, settings=dict(SETTINGS), source_path="content/a.md",
                   context={"generated_content": {}, "static_content": {}})


def test_an_article_reads_its_packed_body_as_text():
    found = article()
    pelican_patches.use_packed_fields(found)
    assert isinstance(found, pelican_patches.PackedArticle) and isinstance(found, Article)
    found._content = compact_fields.pack_text(BODY)
    assert isinstance(vars(found)["_content"], compact_fields.Packed)
    assert found._content == BODY
    assert found.content == BODY
    assert found.get_content("") == BODY


def test_packed_is_several_times_smaller_than_the_text():
    body = compact_fields.pack_text(BODY)
    assert sys.getsizeof(body.data) * 4 < sys.getsizeof(BODY)


def test_a_plain_value_assigned_is_kept_as_it_is():
    found = article()
    pelican_patches.use_packed_fields(found)
    found.body_text = "plain words"
    assert vars(found)["body_text"] == "plain words" and found.body_text == "plain words"
    del found.body_text
    assert not hasattr(found, "body_text")


def test_tag_evidence_comes_back_as_the_same_objects():
    evidence = [TagEvidence("Aleppo", "place", "gazetteer", [], [Match(3, "Alepo", "Alepo")])]
    found = article(tag_evidence=compact_fields.pack_object(evidence))
    pelican_patches.use_packed_fields(found)
    assert found.tag_evidence == evidence
    assert found.tag_evidence is not found.tag_evidence  # unpacked at each read: nothing kept


def test_pages_are_packed_too_and_other_objects_are_left_alone():
    page = Page("<p>x</p>", metadata={"title": "About"}, settings=dict(SETTINGS), source_path="content/p.md",
                context={"generated_content": {}, "static_content": {}})
    pelican_patches.use_packed_fields(page)
    assert type(page) is pelican_patches.PackedPage

    class Own(Article):
        pass

    own = Own(BODY, metadata={"title": "T", "date": datetime.datetime(2024, 1, 2)}, settings=dict(SETTINGS),
              source_path="content/o.md", context={"generated_content": {}, "static_content": {}})
    pelican_patches.use_packed_fields(own)
    assert type(own) is Own


def test_a_packed_article_can_be_pickled():
    found = article()
    pelican_patches.use_packed_fields(found)
    found._content = compact_fields.pack_text(BODY)
    found.settings = {}  # Pelican's settings hold functions; the cache pickles the rest
    found._context = {}
    again = pickle.loads(pickle.dumps(found))
    assert type(again) is pelican_patches.PackedArticle and again._content == BODY


def test_only_the_last_bodies_shown_are_kept_with_their_links_resolved():
    articles = [article() for _ in range(pelican_patches.RECENT_BODIES + 10)]
    for found in articles:
        pelican_patches.use_packed_fields(found)
        found._content = compact_fields.pack_text(BODY)
        found.content  # noqa: B018 - read, as a template does
    assert pelican_patches._content_with_links.cache_info().currsize <= pelican_patches.RECENT_BODIES


def test_parse_workers_collect_their_garbage_although_the_build_paused_collection():
    memory.pause(None)
    try:
        prefill._start_worker()
        assert gc.isenabled()
    finally:
        memory.release(None)


def test_figures_are_packed_as_data_and_read_as_reported_in_their_article():
    from newsarchive.analysis.research.figures import extract_figures
    from newsarchive.site.reported_figures import ReportedFigure

    figures = extract_figures(["No figure here.", "Still none.", "Then 3 people were injured."])
    assert figures
    found = article()
    pelican_patches.use_packed_fields(found)
    found.figures = compact_fields.pack_object(figures)
    shown = found.figures
    assert [f.figure for f in shown] == figures
    assert all(isinstance(f, ReportedFigure) and f.article is found and f.anchor == "para-3" for f in shown)
