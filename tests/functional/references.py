"""Every URL a built page refers to, with what it is for (a link, a stylesheet, an image...)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# a resource is fetched by the browser when the page loads; a link only when someone follows it
RESOURCE_RELS = {
    "stylesheet", "icon", "shortcut", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon",
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)|@import\s+['\"]([^'\"]+)['\"]")


@dataclass(frozen=True)
class Reference:
    page: Path
    tag: str
    attribute: str
    url: str
    resource: bool  # loaded with the page (script, stylesheet, image...) rather than followed


class _Collector(HTMLParser):
    def __init__(self, page: Path):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.references: list[Reference] = []
        self.ids: set[str] = set()
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag == "style":
            self._in_style = True
        for attribute in ("href", "src", "srcset", "poster", "data", "action"):
            url = values.get(attribute)
            if url is None:
                continue
            resource = attribute != "href" or (
                tag == "link" and bool(RESOURCE_RELS & set((values.get("rel") or "").lower().split()))
            )
            if tag == "a" or tag == "form":
                resource = False
            for part in url.split(",") if attribute == "srcset" else [url]:
                self.references.append(Reference(self.page, tag, attribute, part.strip().split(" ")[0], resource))
        style = values.get("style")
        if style:
            self._css(style)

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self._css(data)

    def _css(self, text: str) -> None:
        for match in CSS_URL.finditer(text):
            self.references.append(Reference(self.page, "style", "url", match.group(1) or match.group(2), True))


def scan_html(page: Path) -> tuple[list[Reference], set[str]]:
    collector = _Collector(page)
    collector.feed(page.read_text(encoding="utf-8"))
    return collector.references, collector.ids


def scan_css(path: Path) -> list[Reference]:
    text = path.read_text(encoding="utf-8")
    return [Reference(path, "css", "url", m.group(1) or m.group(2), True) for m in CSS_URL.finditer(text)]


def is_external(url: str, siteurl: str = "") -> bool:
    """Points outside the site: another scheme and host (or protocol-relative), not under ``siteurl``."""
    if siteurl and url.startswith(siteurl):
        return False
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) and parts.scheme not in ("data",)


def target_file(output: Path, page: Path, url: str, siteurl: str = "") -> tuple[Path, str]:
    """The output file an internal URL names, and its fragment."""
    if siteurl and url.startswith(siteurl):
        url = url[len(siteurl) :] or "/"
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        target = page
    elif path.startswith("/"):
        target = output / path.lstrip("/")
    else:
        target = page.parent / path
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target.resolve(), parts.fragment
