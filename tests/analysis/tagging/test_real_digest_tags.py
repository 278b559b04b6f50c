"""The real digest's oracle: required tags, one tag per group of spellings, evidence in the text."""

import json

import pytest

from newsarchive.analysis.tagging.article import tag_article
from newsarchive.analysis.tagging.normalize import normalize
from newsarchive.model.article_file import read_article_file

pytestmark = pytest.mark.real_digest


@pytest.fixture(scope="module")
def site_tags(real_site, tagger):
    """Each article's tags (by its Digest-Lines) as the build computed them, and tags.json."""
    articles = {}
    for path in sorted((real_site.content / "articles").rglob("*.md")):
        f = read_article_file(path)
        articles[f.header["digest-lines"]] = (f.text, tag_article(f.text, tagger))
    return articles, json.loads(real_site.page("tags.json"))


def test_every_required_tag_resolves_to_a_tag_of_its_article(real_digest, site_tags, tagger):
    articles, published = site_tags
    names = {t["name"] for t in published}
    for expected in real_digest.articles:
        _, evidence = articles[f"{expected['first_line']}-{expected['last_line']}"]
        tags = {e.name for e in evidence}
        for spelling in expected["tags_required"]:
            name = tagger.resolve(spelling)[0]
            assert name in tags and name in names, (expected["title"], spelling)


def test_each_group_of_spellings_is_one_tag_of_the_site(real_digest, site_tags, tagger):
    _, published = site_tags
    by_name = {t["name"]: t for t in published}
    for group in real_digest.oracle["same_tag"]:
        (name,) = {tagger.resolve(spelling)[0] for spelling in group}
        assert name in by_name, group


def test_deir_ezzor_is_found_by_both_spellings(site_tags):
    articles, published = site_tags
    _, evidence = articles["1-46"]
    (deir,) = [e for e in evidence if e.name == "Deir Ezzor"]
    assert {"Deir Ezzor", "Dayr al-Zawr"} <= {m.text for m in deir.matches}
    (entry,) = [t for t in published if t["name"] == "Deir Ezzor"]
    assert "Dayr al-Zawr" in entry["aliases"] and entry["type"] == "place"


def test_no_ungrounded_tag(site_tags):
    """Every automatic tag's evidence is on its line of the article, as written there."""
    articles, _ = site_tags
    for text, evidence in articles.values():
        lines = text.split("\n")
        for tag in evidence:
            assert tag.matches, tag.name  # the real digest's articles have no hand-given tags
            for match in tag.matches:
                line = " ".join(" ".join(lines[match.line - 1 : match.line + 1]).split())  # a match may wrap
                assert match.text in line, (tag.name, match)
                assert normalize(match.text).folded.strip() in normalize(line).folded


def test_latakia_and_lattakia_are_aliases_on_the_tag(site_tags):
    _, published = site_tags
    (entry,) = [t for t in published if t["slug"] == "latakia"]
    assert entry["aliases"] == ["Lattakia"]
