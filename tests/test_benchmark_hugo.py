"""The benchmark's Hugo peer builds the same articles: each article file becomes a Hugo page with
its title, date, slug, hand-given tags and authors, and its body as written."""

from __future__ import annotations

import json

from benchmarks.hugo_site import hugo_page, write_site

from .conftest import REPO

ARTICLE = """Title: Ferry timetable changes: "spring" sailings
Date: 2024-03-11
Date-Precision: day
Source: Harbour Gazette
Authors: Ana Ruiz; Tom Berg
Tags: ferries; Port Elvin
Slug: ferry-timetable-changes

On Monday 11 March, the operator confirmed two extra sailings.

The first departure leaves at 06\\:15.
"""


def front_matter(page: str) -> dict:
    assert page.startswith("---\n")
    return json.loads(page[4:page.index("\n---\n", 4)])


def test_an_article_becomes_a_hugo_page_with_its_fields_and_body():
    page = hugo_page(ARTICLE)
    assert front_matter(page) == {"title": 'Ferry timetable changes: "spring" sailings',
                                  "slug": "ferry-timetable-changes", "date": "2024-03-11",
                                  "tags": ["ferries", "Port Elvin"], "authors": ["Ana Ruiz", "Tom Berg"]}
    assert page.endswith("On Monday 11 March, the operator confirmed two extra sailings.\n\n"
                         "The first departure leaves at 06\\:15.\n")


def test_an_undated_article_has_no_date():
    undated = "\n".join(line for line in ARTICLE.splitlines() if not line.startswith("Date")) + "\n"
    assert "date" not in front_matter(hugo_page(undated))


def test_the_sample_content_becomes_a_hugo_site(tmp_path):
    write_site(REPO / "content", tmp_path / "hugo")
    pages = sorted((tmp_path / "hugo" / "content" / "articles").rglob("*.md"))
    assert len(pages) == len(list((REPO / "content" / "articles").rglob("*.md"))) > 0
    assert (tmp_path / "hugo" / "hugo.toml").is_file()
    assert all(front_matter(p.read_text(encoding="utf-8"))["title"] for p in pages)
