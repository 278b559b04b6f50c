"""The sample site's pages: what each kind of page shows, and that nothing links nowhere."""

from __future__ import annotations

import gzip
import json
import re
from html import unescape

import pytest

from .references import is_external, scan_css, scan_html, target_file

pytestmark = pytest.mark.slow


def _articles_with(site, pattern: str) -> list[str]:
    names = []
    for path in sorted((site.content / "articles").rglob("*.md")):
        if re.search(pattern, path.read_text(encoding="utf-8"), re.MULTILINE):
            names.append(path)
    return names


def _slug(path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("Slug:"):
            return line.split(":", 1)[1].strip()
    return path.stem


def test_every_page_kind_is_written(sample_site):
    out = sample_site.output
    for relative in ("index.html", "404.html", "tags.html", "authors.html", "sources.html", "archives.html",
                     "archives/undated.html", "robots.txt", "theme/css/site.css", "theme/js/copy.js"):
        assert (out / relative).is_file(), relative


def test_the_development_build_writes_no_sitemap_of_relative_urls(sample_site):
    assert not (sample_site.output / "sitemap.xml").exists(), "the sitemap protocol allows absolute URLs only"
    assert "Sitemap:" not in (sample_site.output / "robots.txt").read_text(encoding="utf-8")


def test_no_build_errors(sample_site):
    assert [p for p in sample_site.problems if getattr(p, "severity", None) and p.severity.name == "ERROR"] == []


def test_day_precision_date_in_time_element(sample_site):
    path = _articles_with(sample_site, r"^Date-Precision: day")[0]
    html = sample_site.page(f"articles/{_slug(path)}.html")
    iso = re.search(r"^Date: (\S+)", path.read_text(encoding="utf-8"), re.MULTILINE).group(1)
    assert re.search(rf'<time datetime="{iso}">\d{{1,2}} [A-Z][a-z]+ \d{{4}}</time>', html)


def test_month_precision_shows_month_only(sample_site):
    path = _articles_with(sample_site, r"^Date-Precision: month")[0]
    html = sample_site.page(f"articles/{_slug(path)}.html")
    assert re.search(r'<time datetime="\d{4}-\d{2}">[A-Z][a-z]+ \d{4}</time>', html)
    year, month = re.search(r"^Date: (\d{4})-(\d{2})", path.read_text(encoding="utf-8"), re.MULTILINE).groups()
    month_page = sample_site.page(f"archives/{year}/{month}/index.html")
    assert f"/articles/{_slug(path)}.html" in month_page


def test_undated_article_says_date_unknown_and_is_listed_as_undated(sample_site):
    path = _articles_with(sample_site, r"^Date-Precision: unknown")[0]
    url = f"/articles/{_slug(path)}.html"
    html = sample_site.page(url.lstrip("/"))
    assert "date unknown" in html and "datetime=" not in html.split("<main")[1].split("article__body")[0]
    assert url in sample_site.page("archives/undated.html")
    assert not (sample_site.output / "archives" / "0001").exists()
    for year_page in (sample_site.output / "archives").glob("[0-9]*/index.html"):
        assert url not in year_page.read_text(encoding="utf-8")


def test_undated_articles_come_after_dated_ones_on_home(sample_site):
    html = sample_site.page("index.html")
    items = re.findall(r'<li class="teaser">(.*?)</li>\s*(?=<li class="teaser">|</ol>)', html, re.S)
    known = ["date-unknown" not in item for item in items]
    assert known == sorted(known, reverse=True) and any(known) and not all(known)


def test_source_page_h1_is_the_source_name_and_links_homepage(sample_site):
    html = sample_site.page("sources/harbour-gazette.html")
    assert re.search(r"<h1>Harbour Gazette</h1>", html)
    assert 'href="https://harbour-gazette.example/"' in html
    assert "/articles/" in html
    assert "/sources/harbour-gazette.html" in sample_site.page("sources.html")


def test_article_links_source_authors_and_shows_provenance_and_citation(sample_site):
    path = _articles_with(sample_site, r"^Authors: .+;")[0]
    text = path.read_text(encoding="utf-8")
    html = sample_site.page(f"articles/{_slug(path)}.html")
    source = re.search(r"^Source: (.+)$", text, re.M).group(1).strip()
    assert f">{source}</a>" in html
    assert re.search(r'href="/authors/[a-z-]+\.html"', html)
    sha = re.search(r"^Digest-SHA256: (\w+)", text, re.M).group(1)
    assert sha in html and "Provenance" in html
    assert "@article{" in html and "article-newspaper" in unescape(html)


def test_json_ld_is_a_news_article(sample_site):
    path = _articles_with(sample_site, r"^Date-Precision: day")[0]
    html = sample_site.page(f"articles/{_slug(path)}.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["datePublished"])
    assert data["publisher"]["@type"] == "Organization"
    assert '<link rel="canonical"' in html and 'property="og:title"' in html


def test_undated_json_ld_has_no_date(sample_site):
    path = _articles_with(sample_site, r"^Date-Precision: unknown")[0]
    html = sample_site.page(f"articles/{_slug(path)}.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert "datePublished" not in data


def test_navigation_marks_the_current_page(sample_site):
    assert re.search(r'href="/sources.html" aria-current="page"', sample_site.page("sources.html"))
    assert re.search(r'href="/" aria-current="page"', sample_site.page("index.html"))


def test_article_page_transfers_at_most_25_kb(sample_site):
    css = (sample_site.output / "theme/css/site.css").read_bytes()
    for page in sorted((sample_site.output / "articles").glob("*.html")):
        size = len(gzip.compress(page.read_bytes(), 9)) + len(gzip.compress(css, 9))
        assert size <= 25 * 1024, (page.name, size)


def test_no_broken_internal_links(sample_site):
    out = sample_site.output.resolve()
    broken, ids_by_file = [], {}
    pages = sorted(out.rglob("*.html"))
    scanned = {page: scan_html(page) for page in pages}
    for page, (_, ids) in scanned.items():
        ids_by_file[page.resolve()] = ids
    for page, (references, _) in scanned.items():
        for ref in references:
            if is_external(ref.url) or ref.url.startswith(("mailto:", "data:")):
                continue
            target, fragment = target_file(out, page, ref.url)
            fragment = fragment.split(":~:", 1)[0] if fragment else fragment  # a text fragment directive is no id
            if not target.is_file():
                broken.append(f"{page.relative_to(out)}: {ref.url}")
            elif fragment and target.suffix == ".html" and fragment not in ids_by_file.get(target, set()):
                broken.append(f"{page.relative_to(out)}: {ref.url} (no id {fragment!r})")
    assert broken == []


def test_no_resource_is_loaded_from_elsewhere(sample_site, published_sample_site):
    for site, siteurl in ((sample_site, ""), (published_sample_site, "https://archive.example.org")):
        out = site.output
        references = []
        for page in out.rglob("*.html"):
            references += scan_html(page)[0]
        for css in out.rglob("*.css"):
            references += scan_css(css)
        for script in out.rglob("*.js"):
            text = script.read_text(encoding="utf-8")
            assert not re.search(r"""(?:import\s*\(|fetch\s*\(|src\s*=)\s*['"](?:https?:)?//""", text), script
        outside = [r for r in references if r.resource and is_external(r.url, siteurl)]
        assert outside == []
