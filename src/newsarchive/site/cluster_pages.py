"""Story clusters as pages: one per cluster (its articles by source and date, their figures),
an index of them, and "Also reported by" on each article of a cluster.

The clustering itself is :mod:`newsarchive.analysis.research.clusters`; this module feeds it the
site's articles (after their tags have types) and places the results like Pelican places
tags: ``CLUSTER_URL`` / ``CLUSTER_SAVE_AS`` and ``CLUSTERS_URL`` / ``CLUSTERS_SAVE_AS``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from pelican.generators import Generator

from ..analysis.research.clusters import StoryInput, Tokens, cluster_stories
from ..incremental import Kind, declare, keep, memo, remember_at_read, remembered
from ..model import settings
from ..process import progress

CLUSTER_TAG_TYPES = ("place", "organization")


@dataclass
class StoryCluster:
    slug: str
    title: str  # the title of its earliest article
    url: str
    save_as: str
    articles: list = field(default_factory=list)  # by source name, then date
    shared_tags: list = field(default_factory=list)

    @property
    def sources(self) -> list:
        seen = {}
        for article in self.articles:
            source = getattr(article, "source", None)
            if source is not None:
                seen.setdefault(str(source), source)
        return list(seen.values())

    @property
    def figures(self) -> list:
        return [figure for article in self.articles for figure in getattr(article, "figures", None) or ()]


def story_input(article) -> StoryInput:
    """What clustering reads of an article, but its text: ``build_clusters`` reads each text
    (``article_text``) when it needs it, instead of holding them all."""
    published = getattr(article, "published", None)
    known = published is not None and published.known
    tags = frozenset(
        t.slug for t in getattr(article, "tags", None) or () if getattr(t, "type", None) in CLUSTER_TAG_TYPES
    )
    source = getattr(article, "source", None)
    return StoryInput(
        key=article.slug,
        source=str(source) if source else None,
        date=article.date.date() if known else None,
        precision=published.precision if known else "unknown",
        tags=tags,
        text="",
    )


def article_text(article) -> str:
    return cluster_text(article.title, getattr(article, "body_text", ""))


def cluster_text(title: str, body_text: str) -> str:
    """What clustering reads of an article: its title and its body as plain text."""
    return f"{title}\n\n{body_text}"


def _order_key(article):
    published = getattr(article, "published", None)
    known = published is not None and published.known
    return (str(getattr(article, "source", "") or "").casefold(), 0 if known else 1, article.date, article.slug)


def _inputs_digest(inputs: list[StoryInput], token_digests: list[str], options: dict) -> str:
    """What the clusters depend on: each input with its tokens (not its text: a body edit
    that changes no counted word, say "the" to "this", keeps the clusters)."""
    digest = hashlib.sha256(json.dumps(options, sort_keys=True).encode())
    for item, tokens in zip(inputs, token_digests, strict=True):
        fields = [
            item.key,
            item.source,
            item.date.isoformat() if item.date else None,
            item.precision,
            sorted(item.tags),
            tokens,
        ]
        digest.update(json.dumps(fields).encode() + b"\n")
    return digest.hexdigest()


def text_key(text: str) -> str:
    """What a text's tokens and their digest are cached under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# the memo kinds of a text's tokens and of their digest, keyed by its ``text_key``; of the clusters,
# keyed by their inputs' digest
TOKENS, TOKEN_DIGEST, CLUSTERS = "tokens", "token-digest", "clusters"


def tokens_ahead(text: str) -> None:
    """A text's tokens and their digest, made ahead (in the prefill pool) under the keys the build asks for."""
    token_digest(lambda: text, text_key(text))


def text_tokens(text_of: Callable[[], str], key: str) -> Tokens:
    """The tokens of the text ``text_of`` gives (``key`` is its ``text_key``), kept by the speed layer
    when an article with this text was built before (then the text is not read)."""
    return memo(TOKENS, key, lambda: Tokens.of(text_of()))


def token_digest(text_of: Callable[[], str], key: str) -> str:
    """The digest of the text's tokens, kept apart from them: a build whose clusters are kept
    reads 64 characters per article, not its counts."""
    made = []

    def make() -> str:
        made.append(True)
        return text_tokens(text_of, key).digest

    found = memo(TOKEN_DIGEST, key, make)
    if not made:
        keep(TOKENS, key)  # kept for the next build whose clusters change
    return found


def _remembered_text_key(article) -> tuple[str, str]:
    """Worked out when the article is first read: its title, and the ``text_key`` of its text."""
    return (article.title, text_key(article_text(article)))


def cluster_text_key(article) -> str | None:
    """The ``text_key`` remembered when the article was read, while its title is the one read."""
    known = remembered(article, "cluster_text")
    return known[1] if known is not None and known[0] == article.title else None


remember_at_read("cluster_text", _remembered_text_key)
declare("story", Kind.PAGE_ONLY)
declare("also_reported", Kind.PAGE_ONLY)


def build_clusters(articles: list, pelican_settings: dict) -> list[StoryCluster]:
    """Clusters of the site's articles; each article gets ``story`` and ``also_reported``."""
    inputs = [story_input(a) for a in articles]  # without their texts: read one at a time below
    options = {
        "similarity": settings.get(pelican_settings, "NEWSARCHIVE_CLUSTER_SIMILARITY"),
        "undated_similarity": settings.get(pelican_settings, "NEWSARCHIVE_CLUSTER_UNDATED_SIMILARITY"),
        "days": settings.get(pelican_settings, "NEWSARCHIVE_CLUSTER_DAYS"),
    }
    # Tokenising is most of the work on the texts: each text's tokens are kept under its hash,
    # so an edit tokenises one. The clusters depend only on the inputs (and the clustering
    # code, which the cache's configuration covers): a rebuild of the same articles reuses them.
    # each text hashed once, when its article was first read (``remember_at_read``)
    text_keys = [cluster_text_key(a) or text_key(article_text(a)) for a in articles]

    def text_of(position: int) -> Callable[[], str]:
        return lambda: article_text(articles[position])

    digests = [token_digest(text_of(position), key) for position, key in enumerate(text_keys)]

    def counts_of(position: int):  # read when needed (a few times), never all held at once
        return text_tokens(text_of(position), text_keys[position]).counts

    found = memo(CLUSTERS, _inputs_digest(inputs, digests, options),
                 lambda: cluster_stories(inputs, **options, counts=counts_of))
    by_slug = {a.slug: a for a in articles}
    tags_by_slug = {t.slug: t for a in articles for t in getattr(a, "tags", None) or ()}
    for article in articles:
        article.story, article.also_reported = None, []
    clusters = []
    for found_cluster in found:
        members = sorted((by_slug[key] for key in found_cluster.keys), key=_order_key)
        lead = by_slug[found_cluster.lead]
        cluster = StoryCluster(
            slug=found_cluster.slug,
            title=lead.title,
            url=settings.get(pelican_settings, "CLUSTER_URL").format(slug=found_cluster.slug),
            save_as=settings.get(pelican_settings, "CLUSTER_SAVE_AS").format(slug=found_cluster.slug),
            articles=members,
            shared_tags=sorted((tags_by_slug[s] for s in found_cluster.shared_tags), key=lambda t: t.name.casefold()),
        )
        for article in members:
            article.story = cluster
            article.also_reported = [other for other in members if other is not article]
        clusters.append(cluster)
    return clusters


class ClustersGenerator(Generator):
    """Puts ``story_clusters`` in the context and writes the cluster pages and their index."""

    def generate_context(self) -> None:
        progress.step("finding story clusters")
        self.clusters = build_clusters(self.context.get("articles", []), self.settings)
        self.context["story_clusters"] = self.clusters
        self.context["CLUSTERS_URL"] = settings.get(self.settings, "CLUSTERS_URL")
        self.context["CLUSTERS_SAVE_AS"] = settings.get(self.settings, "CLUSTERS_SAVE_AS")

    def generate_output(self, writer) -> None:
        relative = self.settings["RELATIVE_URLS"]
        template = None  # loaded only when a cluster has a page (CLUSTER_SAVE_AS may be empty)
        for cluster in self.clusters:
            if not cluster.save_as:
                continue
            template = template or self.get_template("cluster")
            writer.write_file(
                cluster.save_as,
                template,
                self.context,
                relative_urls=relative,
                cluster=cluster,
                template_name="cluster",
                page_name="clusters",
                url=cluster.url,
            )
        index = settings.get(self.settings, "CLUSTERS_SAVE_AS")
        if index:
            writer.write_file(
                index,
                self.get_template("clusters"),
                self.context,
                relative_urls=relative,
                template_name="clusters",
                page_name="clusters",
                url=settings.get(self.settings, "CLUSTERS_URL"),
            )


def get_generators(pelican):
    return ClustersGenerator
