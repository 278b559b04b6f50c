"""Syndicated copies on the site: "Same text as" on each article, a diff page per pair, syndication.json.

The import records, in an article that repeats another outlet's text, ``Same-Text-As`` with
the other's slug (see ``ingest.dedupe``). This generator joins those links into groups
(:mod:`newsarchive.analysis.research.syndication`), gives each article of a group ``same_text`` (the
other copies, how identical, the diff page) and writes one page per pair with the two texts
compared word by word (``SYNDICATION_URL`` / ``SYNDICATION_SAVE_AS``, apart from the article
pages so that they keep their size), and the groups as data (``NEWSARCHIVE_SYNDICATION_JSON``).

It shares its name with ``analysis/research/syndication.py`` on purpose: one concept at two
layers, the analysis finding the groups without Pelican, this feature showing them on pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from pelican.generators import Generator

from ..analysis.research.syndication import WordDiff, syndication_groups, word_diff
from ..incremental import Kind, declare, write_output_file
from ..model import settings
from ..model.article_file import same_text_slugs
from ..process import progress

FIELD = "same-text-as"


@dataclass
class SyndicationPair:
    """Two articles of one group and how their texts differ."""

    slug: str  # "<a>--<b>", the slugs in order
    a: object
    b: object
    diff: WordDiff
    url: str
    save_as: str


@dataclass
class SameText:
    """What an article page says of one other copy of its text."""

    other: object
    percent: int
    pair: SyndicationPair


declare("same_text", Kind.PAGE_ONLY)  # made from other articles; only the article's page shows it


def linked_slugs(article) -> list[str]:
    return same_text_slugs(article.metadata.get(FIELD) or "")


def body_text(article) -> str:
    return getattr(article, "body_text", "") or ""


def build_pairs(articles: list, pelican_settings: dict) -> tuple[list[list], list[SyndicationPair]]:
    """The groups (lists of articles) and their pairs; each article of a group gets ``same_text``."""
    by_slug = {a.slug: a for a in articles}
    for article in articles:
        article.__dict__.pop("same_text", None)  # an article object may outlive a build (serve --watch)
    links = [(article.slug, other) for article in articles for other in linked_slugs(article)]
    groups = [[by_slug[slug] for slug in group] for group in syndication_groups(links, set(by_slug))]
    url_format = settings.get(pelican_settings, "SYNDICATION_URL")
    save_format = settings.get(pelican_settings, "SYNDICATION_SAVE_AS")
    pairs = []
    for group in groups:
        for a, b in combinations(group, 2):
            slug = f"{a.slug}--{b.slug}"
            diff = word_diff(body_text(a), body_text(b))
            pair = SyndicationPair(slug, a, b, diff, url_format.format(slug=slug), save_format.format(slug=slug))
            pairs.append(pair)
            for one, other in ((a, b), (b, a)):
                one.__dict__.setdefault("same_text", []).append(SameText(other, diff.percent, pair))
    for group in groups:
        for article in group:
            article.same_text.sort(key=lambda s: (-s.percent, str(getattr(s.other, "source", "")), s.other.slug))
    return groups, pairs


def groups_data(groups: list[list], pairs: list[SyndicationPair]) -> dict:
    """syndication.json: every group with its articles and each pair's share of identical words."""

    def article_data(article) -> dict:
        published = getattr(article, "published", None)
        source = getattr(article, "source", None)
        return {
            "slug": article.slug,
            "title": article.title,
            "source": str(source) if source else None,
            "date": published.iso if published is not None and published.known else None,
            "url": article.url,
        }

    by_group = {id(a): number for number, group in enumerate(groups) for a in group}
    return {
        "groups": [
            {
                "articles": [article_data(a) for a in group],
                "pairs": [
                    {"a": p.a.slug, "b": p.b.slug, "identical_percent": round(p.diff.identical, 1), "diff": p.url}
                    for p in pairs if by_group[id(p.a)] == number
                ],
            }
            for number, group in enumerate(groups)
        ]
    }


class SyndicationGenerator(Generator):
    """Links syndicated copies both ways and writes each pair's diff page and syndication.json."""

    def generate_context(self) -> None:
        progress.step("linking syndicated copies")
        self.groups, self.pairs = build_pairs(self.context.get("articles", []), self.settings)
        self.context["syndication_pairs"] = self.pairs

    def generate_output(self, writer) -> None:
        template = None  # loaded only when a pair has a page
        for pair in self.pairs:
            if not pair.save_as:
                continue
            template = template or self.get_template("syndication")
            writer.write_file(
                pair.save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                pair=pair,
                template_name="syndication",
                page_name="syndication",
                url=pair.url,
            )
        name = settings.get(self.settings, "NEWSARCHIVE_SYNDICATION_JSON")
        if name:
            path = Path(self.output_path) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(groups_data(self.groups, self.pairs), ensure_ascii=False, indent=2, sort_keys=True)
            write_output_file(path, text + "\n")


def get_generators(pelican):
    return SyndicationGenerator
