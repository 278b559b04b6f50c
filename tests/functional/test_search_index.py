"""The build runs Pagefind over article bodies only; each article page carries filters and a sort key."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys

import pytest
from typer.testing import CliRunner

from newsarchive.cli import app
from newsarchive.incremental import search_index

from ..conftest import REPO, make_site

pytestmark = pytest.mark.slow


def test_build_writes_the_index_of_every_article_page(sample_site):
    entry = json.loads(sample_site.page("pagefind/pagefind-entry.json"))
    articles = list((sample_site.output / "articles").glob("*.html"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(articles)


def test_only_article_pages_carry_the_search_body(sample_site):
    for page in sample_site.output.rglob("*.html"):
        if page.is_relative_to(sample_site.output / "pagefind"):
            continue
        html = page.read_text(encoding="utf-8")
        is_article = page.parent == sample_site.output / "articles"
        assert html.count("data-pagefind-body") == (1 if is_article else 0), page


def test_navigation_related_and_provenance_are_not_indexed(sample_site):
    html = sample_site.page("articles/" + sorted(p.name for p in (sample_site.output / "articles").glob("*.html"))[0])
    assert '<nav class="site-nav" aria-label="Site" data-pagefind-ignore>' in html
    assert '<footer class="article__footer" data-pagefind-ignore>' in html  # tags, related, provenance, citation
    assert html.index("data-pagefind-body") < html.index("article__body") < html.index("article__footer")


def test_undated_article_gets_a_sort_key_and_the_undated_year(sample_site):
    undated = re.findall(r'href="/(articles/[^"]+)"', sample_site.page("archives/undated.html"))
    assert undated
    html = sample_site.page(undated[0])
    assert '<span data-pagefind-sort="date">0001-01-01</span>' in html
    assert '<span data-pagefind-filter="year">Undated</span>' in html
    assert '<span data-pagefind-meta="date">date unknown</span>' in html


def test_dated_article_gives_source_year_and_typed_tags(real_site):
    html = real_site.page("articles/" + next(
        p.name for p in (real_site.output / "articles").glob("*.html") if "al-masdar" in p.read_text(encoding="utf-8")
        .lower() and "artillery" in p.name))
    assert '<span data-pagefind-filter="source">Al Masdar News</span>' in html
    assert '<span data-pagefind-meta="source">Al Masdar News</span>' in html
    assert '<span data-pagefind-filter="tag_place">Aleppo</span>' in html
    assert re.search(r'<span data-pagefind-sort="date">\d{4}-\d\d-\d\d</span>', html)


def test_every_page_has_a_plain_search_form_in_its_header(sample_site):
    for name in ("index.html", "tags.html", "404.html", "search.html"):
        html = sample_site.page(name)
        assert '<form class="site-search" role="search" aria-label="Site search" action="/search.html" method="get"' \
            in html, name
        assert '<input id="site-search-q" type="search" name="q"' in html


def test_search_page_explains_itself_without_javascript(sample_site):
    html = sample_site.page("search.html")
    noscript = html[html.index("<noscript>"): html.index("</noscript>")]
    assert "Search needs JavaScript" in noscript
    for link in ('href="/tags.html"', 'href="/sources.html"', 'href="/archives.html"'):
        assert link in noscript
    assert '<label class="search__label" for="search-q">' in html
    assert 'role="status" aria-live="polite"' in html


def test_failing_pagefind_is_a_build_problem_not_a_traceback(tmp_path, monkeypatch):
    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    failing = [sys.executable, "-c", "import sys; sys.exit('Error: pagefind could not read the site')"]
    monkeypatch.setattr(search_index, "pagefind_command", lambda output, glob=None, bundle=None: failing)
    old = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(app, ["build"])
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "output: error: search index not built: Error: pagefind could not read the site" in result.output
    assert ".building" not in result.output


@pytest.mark.parametrize("article_folder", [True, False], ids=["articles in a folder", "articles at the root"])
def test_pagefind_indexes_each_part_once_its_article_pages_are_written_while_the_rest_is_rendered(
    tmp_path, monkeypatch, article_folder
):
    """When the article pages have no folder of their own, Pagefind reads every page: it waits for all."""
    from newsarchive.build.run import build_site

    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    with (root / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nNEWSARCHIVE_SEARCH_SHARD_SIZE = 4\n")
        if not article_folder:
            conf.write('ARTICLE_URL = ARTICLE_SAVE_AS = "{slug}.html"\n')
    seen = tmp_path / "seen.jsonl"
    real = search_index._index_part

    def recording(run, number, pages, count, primary, problems):
        with seen.open("a", encoding="utf-8") as out:
            out.write(json.dumps({
                "part": number, "primary": number == primary, "pages": pages,
                "all there": all((run.output / page).is_file() for page in pages),
                "sources": (run.output / "sources").exists(),
            }) + "\n")
        return real(run, number, pages, count, primary, problems)

    monkeypatch.setattr(search_index, "_index_part", recording)
    report = build_site(root / "pelicanconf.py")
    assert not report.problems.items, report.problems.items
    parts = [json.loads(line) for line in seen.read_text().splitlines()]
    if article_folder:
        assert len(parts) == report.search_parts >= 4, "21 articles, at most 4 a part"
        assert parts[0]["primary"], "the primary part first: its bundle folder holds the others'"
        assert all(part["all there"] for part in parts)
        assert not parts[0]["sources"], "the first part is indexed before the source pages are written"
        assert sorted(page for part in parts for page in part["pages"]) == sorted(
            p.relative_to(root / "output").as_posix() for p in (root / "output" / "articles").glob("*.html"))
    else:
        assert len(parts) == 1 and parts[0]["sources"], "Pagefind reads the whole site then: all of it written first"
    assert (root / "output" / "pagefind" / "pagefind.js").is_file()


@pytest.mark.parametrize(
    ("save_as", "glob"),
    [("articles/{slug}.html", "articles/**/*.html"), ("news/{date:%Y}/{slug}.html", None), ("{slug}.html", None),
     ("a/b/{slug}/index.html", None), ("a/b/{slug}.html", "a/b/**/*.html")],
)
def test_pagefind_reads_only_the_article_folder_when_there_is_one(save_as, glob):
    assert search_index.article_pages_glob(save_as) == glob


def test_pagefind_runs_one_part_at_a_time_beside_pelican_then_on_every_core():
    import threading
    import time

    slots = search_index.PagefindSlots(1)
    running, most = [], []
    lock = threading.Lock()

    def part():
        with slots:
            with lock:
                running.append(1)
                most.append(len(running))
            time.sleep(0.05)
            with lock:
                running.pop()

    def in_parallel(count):
        threads = [threading.Thread(target=part) for _ in range(count)]
        for thread in threads:
            thread.start()
        return threads

    for thread in in_parallel(3):
        thread.join()
    assert max(most) == 1
    most.clear()
    waiting = in_parallel(4)
    slots.widen(2)  # Pelican has finished: the parts still waiting use both cores
    for thread in waiting:
        thread.join()
    assert max(most) == 2


def test_a_page_another_generator_writes_among_the_articles_is_indexed_with_them(tmp_path):
    """The parts are planned from the article pages alone; a page that lands in their folder
    otherwise changes the parts, and the index is built again from what the folder holds."""
    from newsarchive.build.run import build_site
    from newsarchive.incremental.search_parts import pages_by_shard, shard_count

    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    with (root / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nNEWSARCHIVE_SEARCH_SHARD_SIZE = 4\n")
    (root / "content" / "pages").mkdir()
    (root / "content" / "pages" / "about.md").write_text(
        "Title: About this archive\nSave_as: articles/zz-about.html\nURL: articles/zz-about.html\n\nWho keeps it.\n",
        encoding="utf-8",
    )
    report = build_site(root / "pelicanconf.py")
    assert not report.problems.items, report.problems.items
    pages = {p.relative_to(root / "output").as_posix() for p in (root / "output" / "articles").glob("*.html")}
    assert "articles/zz-about.html" in pages
    parts = pages_by_shard(pages, shard_count(len(pages), 4))
    assert report.search_parts == len(parts)
    manifest = json.loads((root / "output" / "pagefind" / "parts.json").read_text(encoding="utf-8"))
    assert manifest["merge"] == [f"shard-{number}/" for number in parts if number != min(parts)]
    for number in parts:
        folder = root / "output" / "pagefind" / ("" if number == min(parts) else f"shard-{number}")
        assert (folder / "pagefind-entry.json").is_file()
