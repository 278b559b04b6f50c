"""Tags on a built site: tags.json, the data given to templates, and `newsarchive tags explain`."""

import json
import re
from types import SimpleNamespace

import pytest
from pelican.urlwrappers import Tag
from typer.testing import CliRunner

from newsarchive.analysis.tagging.tagger import Match, TagEvidence
from newsarchive.cli import app
from newsarchive.ingest.importer import import_digests
from newsarchive.model.article_file import read_article_file
from newsarchive.site.tags import attach_tag_data

from ...conftest import REPO


def test_tags_json_lists_every_tag_by_slug(sample_site):
    tags = json.loads(sample_site.page("tags.json"))
    assert [t["slug"] for t in tags] == sorted(t["slug"] for t in tags)
    by_name = {t["name"]: t for t in tags}
    assert by_name["Tarvik"] == {"name": "Tarvik", "type": "place", "slug": "tarvik", "aliases": ["Tarvick"],
                                 "count": 3}
    for name in ("Port Elvin", "Westmarch", "River Arden", "Millbrook", "Ashby Cross", "Gull Row"):
        assert by_name[name]["type"] == "place" and by_name[name]["count"] >= 1, name
    assert by_name["Portugal"]["type"] == "place"  # from the gazetteer
    assert {t["type"] for t in tags} <= {"place", "organization", "person", "topic"}
    assert "Tarvick" not in by_name  # an alias is never a tag of its own


def test_tags_json_is_written_the_same_way_every_time(sample_site):
    text = sample_site.page("tags.json")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_tag_pages_exist_for_automatic_tags(sample_site):
    assert (sample_site.output / "tags" / "port-elvin.html").exists()


def evidence(name, kind, *lines):
    return TagEvidence(name, kind, "curated", matches=[Match(line, name, name) for line in lines])


def test_tags_get_type_aliases_count_and_related():
    settings = {"SLUGIFY_SOURCE": "title", "TAG_REGEX_SUBSTITUTIONS": [], "SLUG_REGEX_SUBSTITUTIONS": []}
    one = SimpleNamespace(
        tags=[Tag("Syria", settings), Tag("Aleppo", settings), Tag("elections", settings)],
        tag_evidence=[evidence("Aleppo", "place", 3), evidence("Syria", "place", 1), evidence("elections", "topic", 4)],
    )
    one.tag_evidence[1].matches.append(Match(5, "SAR", "SAR"))
    two = SimpleNamespace(tags=[Tag("Syria", settings)], tag_evidence=[evidence("Syria", "place", 2)])
    keys = {Tag("Syria", settings): [one, two], Tag("Aleppo", settings): [one], Tag("elections", settings): [one]}
    generator = SimpleNamespace(tags=keys, articles=[one, two], translations=[], hidden_articles=[])
    attach_tag_data(generator)
    syria = next(t for t in keys if t.name == "Syria")
    assert (syria.type, syria.aliases, syria.count) == ("place", ["SAR"], 2)
    assert [(t.name, n) for t, n in syria.related] == [("Aleppo", 1), ("elections", 1)]
    assert two.tags[0] is syria  # one Tag object per tag, shared by its articles
    assert [(kind, [t.name for t in tags]) for kind, tags in one.tags_by_type.items()] == [
        ("place", ["Aleppo", "Syria"]),
        ("topic", ["elections"]),
    ]


def _person(name, origin="rule", given=False):
    found = TagEvidence(name, "person", origin, matches=[Match(3, name, name)])
    if given:
        found.given_as.append(name)
    return found


PAGE_RULES = [
    # (evidence of the person in each article that names them, settings, whether the tag gets a page)
    ([_person("Ana Iyer")], {}, False),  # found by rule once: no page of its own
    ([_person("Ana Iyer"), _person("Ana Iyer")], {}, True),  # twice: a page
    ([_person("Bashar al-Assad", "curated")], {}, True),  # in tags.yaml: a page from the first article
    ([_person("Ana Iyer", given=True)], {}, True),  # given by hand in Tags:
    ([_person("Ana Iyer")], {"NEWSARCHIVE_RULE_PERSON_MIN_ARTICLES": 1}, True),  # the site asks for one
]


@pytest.mark.parametrize(("found", "site_settings", "has_page"), PAGE_RULES)
def test_a_person_found_by_rule_gets_a_page_once_two_articles_name_them(found, site_settings, has_page):
    settings = {"SLUGIFY_SOURCE": "title", "TAG_REGEX_SUBSTITUTIONS": [], "SLUG_REGEX_SUBSTITUTIONS": []}
    name = found[0].name
    syria_found = TagEvidence("Syria", "place", "curated", matches=[Match(1, "Syria", "Syria")])
    articles = [SimpleNamespace(tags=[Tag(name, settings), Tag("Syria", settings)], tag_evidence=[person, syria_found])
                for person in found]
    keys = {Tag(name, settings): list(articles), Tag("Syria", settings): list(articles)}
    generator = SimpleNamespace(tags=keys, articles=articles, translations=[], hidden_articles=[],
                                settings=site_settings, context={})
    attach_tag_data(generator)
    person = articles[0].tags[0]
    assert person.has_page is has_page
    assert (person in generator.tags) is has_page  # Pelican writes pages and feeds from generator.tags
    assert (person in generator.tags_without_page) is not has_page
    syria = articles[0].tags[1]
    assert [t.name for t, _ in syria.related] == ([name] if has_page else [])  # no link to a missing page
    assert articles[0].tags_by_type["person"] == [person]  # still on the article


def test_the_tag_index_links_a_person_without_a_page_to_their_article(sample_site):
    assert not (sample_site.output / "tags" / "marta-quinlan.html").exists()
    index = sample_site.page("tags.html")
    people = index.split('id="type-person"', 1)[1].split("</section>", 1)[0]
    assert 'href="/articles/arden-valley-library-opens-its-doors.html"' in people
    assert ">Marta Quinlan</a>" in people
    article = sample_site.page("articles/arden-valley-library-opens-its-doors.html")
    assert '<span class="chip-unlinked">Marta Quinlan</span>' in article
    listed = {t["name"]: t for t in json.loads(sample_site.page("tags.json"))}
    assert listed["Marta Quinlan"]["page"] is False  # every tag is listed, this one without a page
    assert "page" not in listed["Tarvik"]


def test_tags_explain_prints_type_name_and_matches(real_digest, sources, tmp_path, monkeypatch):
    content = tmp_path / "content"
    import_digests([real_digest.path], content, content, sources)
    (path,) = (content / "articles" / "undated").glob("war-crime-*.md")
    lines = read_article_file(path).text.split("\n")
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(app, ["tags", "explain", str(path)])
    assert result.exit_code == 0, result.output
    deir = result.output.split("place: Deir Ezzor (tags.yaml, GeoNames ", 1)[1].split("\n", 1)[1]
    deir = re.split(r"\n(?:place:|organization:|person:|topic:|not tagged:)", deir, maxsplit=1)[0]
    shown = re.findall(r"^  line (\d+): '([^']+)'", deir, re.M)
    assert {text for _, text in shown} == {"Deir Ezzor", "Dayr al-Zawr"}
    for number, text in shown:
        assert text in lines[int(number) - 1]
    assert "organization: UN Security Council (tags.yaml)" in result.output
    assert "  line " in result.output and "'UNSC'" in result.output


def test_a_build_reports_taxonomy_problems_and_uses_header_tags(tmp_path, monkeypatch):
    from newsarchive.build.run import build_site

    from ...conftest import make_site

    root = make_site(tmp_path / "site")
    (root / "taxonomy" / "tags.yaml").write_text(
        "tags:\n  - name: Homs\n    type: place\n    aliases: [Hims]\n  - name: Aleppo\n    type: town\n",
        encoding="utf-8",
    )
    article = root / "content" / "articles" / "2024" / "a.md"
    article.parent.mkdir(parents=True)
    article.write_text(
        "Title: Shelling in Hims\nDate: 2024-01-02\nTags: hims; Flooding;\nExclude-Tags: Syria\n\nSyria and Homs.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    report = build_site(root / "pelicanconf.py")
    messages = [str(p) for p in report.problems.errors]
    assert any("tags.yaml:5: error: tag 'Aleppo' has type 'town'" in m for m in messages), messages
    assert not report.published and not (root / "output").exists(), "a build with errors publishes nothing"
    report = build_site(root / "pelicanconf.py", keep_going=True)
    assert report.published and report.problems.errors
    tags = json.loads((root / "output" / "tags.json").read_text(encoding="utf-8"))
    assert [(t["name"], t["type"], t["aliases"]) for t in tags] == [
        ("Flooding", "topic", []),  # a hand-given tag the taxonomy does not know; Syria excluded
        ("Homs", "place", ["Hims"]),
    ]
