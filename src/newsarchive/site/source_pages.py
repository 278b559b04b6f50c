"""Sources as first-class objects, like Pelican's tags and authors: a page and a feed each."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

from ..analysis.tagging.sources import SourceList, load_sources
from ..incremental import share
from ..model import settings


class Source(URLWrapper):
    """A news source; ``SOURCE_URL`` and ``SOURCE_SAVE_AS`` place its page."""

    def __init__(self, name: str, settings: dict, homepage: str | None = None, aliases: tuple[str, ...] = ()):
        super().__init__(name, settings)
        self.homepage = homepage if is_web_url(homepage) else None
        self.aliases = aliases

    def as_dict(self):  # only what URL patterns may use
        return {"name": self.name, "slug": self.slug}


def is_web_url(url) -> bool:
    return isinstance(url, str) and url.strip().lower().startswith(("http://", "https://"))


def sources_file(pelican_settings: dict) -> Path:
    return settings.site_path(pelican_settings, "NEWSARCHIVE_SOURCES_FILE")


def _source_list(generator) -> SourceList:
    known = getattr(generator, "_newsarchive_sources", None)
    if known is None:
        known = load_sources(sources_file(generator.settings))
        generator._newsarchive_sources = known
    return known


def attach_source(generator, metadata: dict) -> None:
    """Turn the ``Source`` metadata text into a :class:`Source` (one object per source)."""
    name = metadata.get("source")
    if not isinstance(name, str) or not name.strip():
        return
    name = " ".join(name.split())
    entry = _source_list(generator).find(name)
    if entry:
        name = entry.name
    metadata["source"] = shared_source(
        generator, name, entry.homepage if entry else None, tuple(entry.aliases) if entry else ()
    )


def shared_source(generator, name: str, homepage: str | None, aliases: tuple[str, ...]) -> Source:
    """The build's one :class:`Source` of this name (made on first use)."""
    cache = generator.__dict__.setdefault("_newsarchive_source_objects", {})
    if name not in cache:
        cache[name] = Source(name, generator.settings, homepage, aliases)
    return cache[name]


# One source object is shared by its articles: a stored article names it, and is given the build's.
share(Source, name_of=lambda source: (source.name, source.homepage, source.aliases), find=shared_source)


class SourcesGenerator(Generator):
    """Writes a page (and a feed, when ``SOURCE_FEED_ATOM`` is set) per source, and their index."""

    def generate_context(self) -> None:
        grouped: dict[str, tuple[Source, list]] = {}
        for article in self.context.get("articles", []):
            source = getattr(article, "source", None)
            if isinstance(source, Source):
                grouped.setdefault(source.slug, (source, []))[1].append(article)
        self.sources = sorted(grouped.values(), key=lambda item: (item[0].name.casefold(), item[0].slug))
        self.context["sources"] = self.sources
        self.context["SOURCES_URL"] = settings.get(self.settings, "SOURCES_URL")

    def generate_output(self, writer) -> None:
        relative = self.settings["RELATIVE_URLS"]
        feed_pattern = settings.get(self.settings, "SOURCE_FEED_ATOM")
        if settings.get(self.settings, "SOURCE_SAVE_AS"):
            template = self.get_template("source")
            for source, articles in self.sources:
                writer.write_file(
                    source.save_as,
                    template,
                    self.context,
                    relative_urls=relative,
                    source=source,
                    articles=articles,
                    dates=articles,
                    template_name="source",
                    blog=True,
                    page_name=source.page_name,
                    url=source.url,
                    source_feed=feed_pattern.format(slug=source.slug) if feed_pattern else None,
                )
        if feed_pattern:
            for source, articles in self.sources:
                path = feed_pattern.format(slug=source.slug)
                writer.write_feed(articles, self.context, path, path, feed_title=source.name)
        index = settings.get(self.settings, "SOURCES_SAVE_AS")
        if index:
            writer.write_file(
                index,
                self.get_template("sources"),
                self.context,
                relative_urls=relative,
                page_name="sources",
                url=settings.get(self.settings, "SOURCES_URL"),
            )


def get_generators(pelican):
    return SourcesGenerator
