"""`make site` in a copy of the repository: one HTML page per sample article, showing what matters."""

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.model.article_file import read_article_file

from ..conftest import REPO

COPIED = ("Makefile", "pyproject.toml", "pelicanconf.py", "publishconf.py", "digests", "taxonomy")


@pytest.fixture(scope="module")
def made_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("make-site")
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, copy_function=shutil.copy2)
        else:
            shutil.copy2(source, root / name)  # keeps mtimes, so make does not reinstall
    venv = Path(sys.prefix)
    result = subprocess.run(
        ["make", "site", f"VENV={venv}", "INSTALLED="], cwd=root, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def sample_articles(root: Path):
    return [read_article_file(p) for p in sorted((root / "content" / "articles").rglob("*.md"))]


def visible(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.split("<main", 1)[1])).split())


def test_make_site_writes_one_page_per_sample_article(made_site):
    articles = sample_articles(made_site)
    assert len(articles) >= 15
    pages = sorted(p.stem for p in (made_site / "output" / "articles").glob("*.html"))
    assert pages == sorted(a.slug for a in articles)


def test_each_page_shows_title_source_and_authors(made_site):
    for article in sample_articles(made_site):
        text = visible((made_site / "output" / "articles" / f"{article.slug}.html").read_text(encoding="utf-8"))
        h = article.header
        assert " ".join(h["title"].split()) in text
        if "source" in h:
            assert h["source"] in text
        for author in filter(None, (a.strip() for a in h.get("authors", "").split(";"))):
            assert author in text


def test_committed_sample_content_is_what_import_writes(made_site):
    """content/ in the repository is the sample import, so `make site` changes nothing there."""
    made = {p.relative_to(made_site / "content"): p.read_text() for p in (made_site / "content").rglob("*.md")}
    committed = {p.relative_to(REPO / "content"): p.read_text() for p in (REPO / "content").rglob("*.md")}
    assert made == committed


def test_undated_articles_are_published(made_site):
    undated = [a for a in sample_articles(made_site) if a.header.get("date-precision") == "unknown"]
    assert undated
    for article in undated:
        page = (made_site / "output" / "articles" / f"{article.slug}.html").read_text(encoding="utf-8")
        assert "date unknown" in page
