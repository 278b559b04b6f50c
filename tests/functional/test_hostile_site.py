"""Hostile digests built into a whole site (with feeds): no page lets content script it.

Every HTML page and every feed entry is parsed; a script element, an event-handler
attribute or a javascript:/data: URL that did not come from the theme fails the test.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ..conftest import BuiltSite, build_from_digests

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"
HOSTILE = [
    "html-title.txt", "img-onerror.txt", "markdown-javascript-link.txt", "iframe-body.txt", "javascript-url.txt",
    "data-url.txt", "markdown-in-attribution.txt", "entities.txt", "bidi-controls.txt", "control-chars.txt",
]
EXTRA_DIGEST = """<svg onload=alert(1)> Tagged in Aleppo

Source: <script>alert('source')</script>
By Jane "><img src=x onerror=alert(1)>
https://example.org/a?x=<script>
Aleppo and Damascus <a href="javascript:alert(1)">click</a> [y](data:text/html,hi).



Second hostile article </title><script>alert(2)</script>

Source: O'Brien & Sons Gazette
Text about Aleppo with <style>body{display:none}</style> and &lt;b&gt; in it.
"""
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


class Inspector(HTMLParser):
    """Collects what could run: script elements, on* attributes, URLs with unsafe schemes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcdoc") and value:
                if value.strip().lower().startswith(UNSAFE_SCHEMES):
                    self.findings.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "svg", "img", "base", "meta") and tag != "meta":
            self.findings.append(f"<{tag}>")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self.findings.append("<meta http-equiv=refresh>")
        if tag == "script":
            kind, source = attributes.get("type"), attributes.get("src")
            if kind == "application/ld+json":
                self._in_script = True
            elif not (source and (source.startswith("/") or source.startswith("https://archive.example.org/"))):
                self.findings.append(f"<script {attrs}>")

    def handle_data(self, data):
        if self._in_script and "<" in data:
            self.findings.append("markup inside JSON-LD")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def findings(markup: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(markup)
    return inspector.findings


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> BuiltSite:
    root = tmp_path_factory.mktemp("hostile-digests")
    extra = root.parent / "extra-hostile.txt"
    extra.write_text(EXTRA_DIGEST, encoding="utf-8")
    return build_from_digests(root, [BAD / name for name in HOSTILE] + [extra], "publishconf.py")


def test_the_hostile_site_builds(hostile):
    assert not [p for p in hostile.problems if str(p).find(": error:") >= 0]
    assert len(list((hostile.output / "articles").glob("*.html"))) == len(HOSTILE) + 2


def test_no_html_page_runs_content(hostile):
    pages = sorted(hostile.output.rglob("*.html"))
    assert len(pages) > 20  # articles, sources, authors, tags, archives, index
    for page in pages:
        assert findings(page.read_text(encoding="utf-8")) == [], page


def test_no_feed_entry_runs_content(hostile):
    feeds = sorted(hostile.output.rglob("*.xml"))
    assert any("sources" in str(f) for f in feeds) and any("tags" in str(f) for f in feeds)
    for feed in feeds:
        root = ET.parse(feed).getroot()  # well-formed XML, or this raises
        for element in root.iter():
            if element.get("type") == "html" and element.text:
                assert findings(element.text) == [], (feed, element.tag)
            if element.tag.endswith("link"):
                assert not (element.get("href") or "").lower().startswith(UNSAFE_SCHEMES), feed


def test_hostile_text_is_shown_as_text(hostile):
    text = html.unescape((hostile.output / "articles" / "tagged-in-aleppo.html").read_text(encoding="utf-8"))
    assert "<svg onload=alert(1)> Tagged in Aleppo" in text
    assert '<a href="javascript:alert(1)">click</a> [y](data:text/html,hi).' in text
