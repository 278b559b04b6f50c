"""Text from content is inert: markup in a title, source or author shows as text, never runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..conftest import build_in, make_site

pytestmark = pytest.mark.slow
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'

ARTICLE = f"""Title: Hostile {SCRIPT} title
Date: 2020-02-03
Date-Precision: day
Source: {IMG}
Authors: {SCRIPT}; {IMG}
Byline-Role: {IMG}
Original-URL: javascript:alert(1)
Tags: {SCRIPT}; harmless
Digest: digests/{IMG}.txt
Digest-Lines: 1-3
Digest-SHA256: {"0" * 64}
Slug: hostile

Body text.
"""
FRIEND = ARTICLE.replace("Slug: hostile", "Slug: friend").replace("Title: Hostile", "Title: Friendly")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("hostile"))
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "articles" / "hostile.md").write_text(ARTICLE, encoding="utf-8")
    (root / "content" / "articles" / "friend.md").write_text(FRIEND, encoding="utf-8")
    report = build_in(root)
    assert not report.problems.errors, report.problems.errors
    return root / "output"


def _pages(output: Path):
    return [(p, p.read_text(encoding="utf-8")) for p in sorted(output.rglob("*")) if p.suffix in (".html", ".xml")]


def test_markup_from_content_is_never_emitted(hostile_site):
    for path, text in _pages(hostile_site):
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path
        assert not re.search(r"<img\b", text), path


def test_markup_shows_as_text(hostile_site):
    html = (hostile_site / "articles" / "hostile.html").read_text(encoding="utf-8")
    assert "Hostile &lt;script&gt;alert(1)&lt;/script&gt; title" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:alert(1)" in html  # shown, as text


def test_no_javascript_url_is_a_link(hostile_site):
    for path, text in _pages(hostile_site):
        assert not re.search(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", text, re.I), path
        assert '"isBasedOn"' not in text, path


def test_only_script_elements_are_ours(hostile_site):
    html = (hostile_site / "articles" / "hostile.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == ['<script type="application/ld+json">', '<script src="/theme/js/copy.js" defer>']
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in json_ld
