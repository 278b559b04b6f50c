"""Every setting the plugin reads: declared once, with its default and one line of help.

The settings table of docs/settings.md is tested against this list (tests/test_docs.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = [
    Setting(
        "NEWSARCHIVE_UNDATED_SORT_DATE",
        datetime(1, 1, 1),
        "Sort key given to articles without a date, so Pelican publishes them after dated ones; never shown.",
    ),
    Setting("SOURCE_URL", "sources/{slug}.html", "URL of a source's page (like Pelican's TAG_URL)."),
    Setting("SOURCE_SAVE_AS", "sources/{slug}.html", "Where a source's page is written; empty to write none."),
    Setting("SOURCES_URL", "sources.html", "URL of the index of sources."),
    Setting("SOURCES_SAVE_AS", "sources.html", "Where the index of sources is written; empty to write none."),
    Setting("SOURCE_FEED_ATOM", None, "Atom feed of each source, e.g. 'feeds/sources/{slug}.atom.xml'; None for none."),
    Setting(
        "NEWSARCHIVE_SOURCES_FILE",
        "taxonomy/sources.yaml",
        "The curated sources (homepages); a relative path is taken from the folder that holds PATH.",
    ),
    Setting("ARCHIVE_YEAR_URL", "archives/{year}/", "URL of a year's archive page."),
    Setting("ARCHIVE_YEAR_SAVE_AS", "archives/{year}/index.html", "Where a year's archive page is written."),
    Setting("ARCHIVE_MONTH_URL", "archives/{year}/{month:02d}/", "URL of a month's archive page."),
    Setting("ARCHIVE_MONTH_SAVE_AS", "archives/{year}/{month:02d}/index.html", "Where a month's archive is written."),
    Setting("ARCHIVE_UNDATED_URL", "archives/undated.html", "URL of the page listing undated articles."),
    Setting("ARCHIVE_UNDATED_SAVE_AS", "archives/undated.html", "Where the undated articles' page is written."),
    Setting("NEWSARCHIVE_RELATED_COUNT", 5, "How many related articles (by shared tags) an article page lists."),
    Setting("NEWSARCHIVE_SITEMAP", "sitemap.xml", "Where the sitemap of every HTML page is written; empty for none."),
    Setting("NEWSARCHIVE_ROBOTS", "robots.txt", "Where robots.txt (naming the sitemap) is written; empty for none."),
    Setting(
        "NEWSARCHIVE_TAXONOMY",
        "taxonomy",
        "Folder of tags.yaml (curated tags: names, types, aliases); a relative path is taken from the folder that "
        "holds PATH.",
    ),
    Setting("EXCLUDE_TAGS", [], "Tags (any spelling) never given to an article, automatic or hand-given."),
    Setting(
        "NEWSARCHIVE_RULE_PERSON_MIN_ARTICLES", 2,
        "Articles a person found by rule (not in tags.yaml) must be in to get a tag page and feed.",
    ),
    Setting(
        "NEWSARCHIVE_TAGS_JSON", "tags.json", "Where the list of tags (type, aliases, count) is written; empty: none."
    ),
    Setting("CLUSTER_URL", "clusters/{slug}.html", "URL of a story cluster's page (articles about one event)."),
    Setting("CLUSTER_SAVE_AS", "clusters/{slug}.html", "Where a story cluster's page is written; empty to write none."),
    Setting("CLUSTERS_URL", "clusters.html", "URL of the index of story clusters."),
    Setting("CLUSTERS_SAVE_AS", "clusters.html", "Where the index of story clusters is written; empty to write none."),
    Setting(
        "NEWSARCHIVE_CLUSTER_SIMILARITY",
        0.2,
        "Text similarity (TF-IDF cosine, 0-1) from which two dated articles sharing a place or organisation cluster.",
    ),
    Setting(
        "NEWSARCHIVE_CLUSTER_UNDATED_SIMILARITY",
        0.45,
        "The similarity needed when either article's date is unknown (nothing else says it is the same event).",
    ),
    Setting("NEWSARCHIVE_CLUSTER_DAYS", 3, "Most days between two dated articles of one story cluster."),
    Setting("SYNDICATION_URL", "syndication/{slug}.html", "URL of the word-level diff of two syndicated copies."),
    Setting("SYNDICATION_SAVE_AS", "syndication/{slug}.html", "Where a pair's diff is written; empty: none."),
    Setting(
        "NEWSARCHIVE_SYNDICATION_JSON",
        "syndication.json",
        "Where the syndication groups (one text run by several outlets) are written as data; empty: none.",
    ),
    Setting(
        "NEWSARCHIVE_CITATIONS_JSON",
        "citations.json",
        "Where the CSL-JSON array citing every article is written (Zotero imports it); empty: none.",
    ),
    Setting(
        "NEWSARCHIVE_DATA_PATH",
        "data",
        "Folder of the dataset (articles.csv, articles.json, figures.csv, datapackage.json); empty: none.",
    ),
    Setting("DATA_URL", "data/", "URL of the \"About this data\" page (the dataset's files and fields)."),
    Setting("DATA_SAVE_AS", "data/index.html", "Where the \"About this data\" page is written; empty for none."),
    Setting(
        "NEWSARCHIVE_DATA_LICENSE",
        {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
         "title": "The archive's metadata, Creative Commons Attribution 4.0"},
        "The dataset's own licence in datapackage.json (a Frictionless licence: name, path, title).",
    ),
    Setting(
        "NEWSARCHIVE_DATA_RIGHTS",
        "The news text belongs to its publishers and authors; it is kept for research and reference. Ask them "
        "before republishing it.",
        "The rights statement for the third-party news text, in datapackage.json.",
    ),
    Setting("SEARCH_URL", "search.html", "URL of the search page (it reads ?q= from its address)."),
    Setting("SEARCH_SAVE_AS", "search.html", "Where the search page is written; empty to write none."),
    Setting(
        "NEWSARCHIVE_CACHE",
        True,
        "Keep parsed and tagged articles in CACHE_PATH by content hash, so a rebuild parses only changed files.",
    ),
    Setting("NEWSARCHIVE_WORKERS", 0, "Processes that parse uncached articles in parallel; 0: one per CPU core."),
    Setting(
        "NEWSARCHIVE_SEARCH_INDEX",
        True,
        "Run Pagefind over the article pages, each part of the index once Pelican has written its pages (the index in "
        "pagefind/); False to skip.",
    ),
    Setting(
        "NEWSARCHIVE_SEARCH_SHARD_SIZE",
        2000,
        "Articles per search index part: a larger site gets several (merged by the search page), and an edit "
        "re-indexes only the part holding the article; 0: one index.",
    ),
]


def apply_defaults(pelican) -> None:
    """Fill in every setting the site's configuration leaves out."""
    for setting in SETTINGS:
        pelican.settings.setdefault(setting.name, setting.default)


def get(settings: dict, name: str) -> Any:
    default = next(s.default for s in SETTINGS if s.name == name)
    return settings.get(name, default)


def site_path(settings: dict, name: str) -> Path:
    """The path setting ``name`` gives; a relative one is taken from the folder that holds ``PATH``
    (the site's folder, where ``taxonomy/`` sits beside ``content/``)."""
    path = Path(get(settings, name))
    return path if path.is_absolute() else Path(settings["PATH"]).parent / path


def markdown_table() -> str:
    """The table of plugin settings in docs/settings.md (``python -m newsarchive.model.settings``)."""
    rows = ["| setting | default | what it does |", "| --- | --- | --- |"]
    for s in SETTINGS:
        default = s.default.date().isoformat() if isinstance(s.default, datetime) else repr(s.default)
        rows.append(f"| `{s.name}` | `{default}` | {s.help} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
