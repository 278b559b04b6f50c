"""sitemap.xml of every HTML page Pelican wrote, and a robots.txt pointing at it."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from xml.sax.saxutils import escape

from ..incremental import write_output_file
from ..model import settings
from ..model.files import relative_within

# output folder -> {page path relative to it: lastmod or None}; filled while Pelican writes
_written: dict[str, dict[str, str | None]] = {}
NOT_LISTED = ("404.html",)


def start(pelican) -> None:
    _written[os.path.abspath(pelican.settings["OUTPUT_PATH"])] = {}


def record(path, context=None) -> None:
    if not str(path).endswith(".html") or not context:
        return
    output = context.get("OUTPUT_PATH", "")
    pages = _written.get(_absolute(output))
    if pages is None:
        return
    relative = relative_within(str(path), output)
    article = context.get("article")
    published = getattr(article, "published", None)
    pages[relative] = published.iso if published is not None and published.precision == "day" else None


@functools.lru_cache(maxsize=16)
def _absolute(path: str) -> str:
    return os.path.abspath(path)


def page_url(siteurl: str, relative: str) -> str:
    if relative == "index.html":
        relative = ""
    elif relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return f"{siteurl}/{relative}"


def write(pelican) -> None:
    output = os.path.abspath(pelican.settings["OUTPUT_PATH"])
    pages = _written.pop(output, {})
    siteurl = pelican.settings.get("SITEURL", "")
    absolute = siteurl.startswith(("http://", "https://"))
    # The sitemap protocol allows absolute URLs only: a development build (no SITEURL) writes none.
    sitemap = settings.get(pelican.settings, "NEWSARCHIVE_SITEMAP") if absolute else ""
    if sitemap:
        lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
        for relative in sorted(pages):
            if relative in NOT_LISTED:
                continue
            lastmod = f"<lastmod>{pages[relative]}</lastmod>" if pages[relative] else ""
            lines.append(f"  <url><loc>{escape(page_url(siteurl, relative))}</loc>{lastmod}</url>")
        lines.append("</urlset>")
        write_output_file(Path(output, sitemap), "\n".join(lines) + "\n")
    robots = settings.get(pelican.settings, "NEWSARCHIVE_ROBOTS")
    if robots:
        text = "User-agent: *\nAllow: /\n"
        if sitemap:
            text += f"Sitemap: {siteurl}/{sitemap}\n"
        write_output_file(Path(output, robots), text)
