"""Tags at build time: automatic tags with their evidence, aliases resolved, data for tag pages.

Tags are added by a Markdown reader (``readers_init``) because Pelican turns the ``Tags:``
header into ``Tag`` objects in the reader and aggregates them right after: the reader is
the one place where the raw file (header and body, with line numbers) and the tag list
meet before aggregation. Once the generator has its tags, each ``Tag`` gets its type,
aliases, article count and related tags, each article its tags by type and evidence, and
``tags.json`` lists them all. A person found by a rule alone in fewer than
``NEWSARCHIVE_RULE_PERSON_MIN_ARTICLES`` articles keeps its place on those articles (its
``has_page`` is false: shown unlinked) but leaves ``generator.tags``, so it has no page or
feed: a results table names dozens of people once. The tags index links it to its article,
and ``tags.json`` lists it with ``"page": false``.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.urlwrappers import Tag

from ..analysis.tagging.article import tag_article
from ..analysis.tagging.normalize import normal_key
from ..analysis.tagging.tagger import TagEvidence, Tagger, tagger_for, type_order
from ..incremental import SOURCE_KEY, Kind, Packed, declare, file_key, memo, pack_object, unpacked, write_output_file
from ..model import settings

logger = logging.getLogger("pelican.newsarchive.tags")  # under "pelican": a build reports it as a problem

RELATED_TAGS = 8
UNKNOWN_TYPE = "topic"  # a hand-given tag that neither the taxonomy nor the gazetteer knows


def taxonomy_folder(pelican_settings: dict) -> Path:
    return settings.site_path(pelican_settings, "NEWSARCHIVE_TAXONOMY")


# What the speed layer may keep of these attributes: the evidence comes from the file, only the
# article's page shows it, and it is bulky; the tags by type are made from the tags.
declare("tag_evidence", Kind.PAGE_ONLY | Kind.FROM_FILE | Kind.PACKED)
declare("tags_by_type", Kind.DERIVED)
PARSED = "parsed"  # the memo kind of a file's ``Parsed``, keyed by the file's SHA-256


@dataclass
class Parsed:
    """One article file as the reader makes it, before Pelican's objects: what the speed layer keeps."""

    html: str  # Python-Markdown's output
    meta: dict  # Markdown's raw metadata: name -> list of strings
    evidence: Packed  # TagEvidence of every tag, by type then name, packed (kept compressed in memory)
    tags: list[str] = field(default_factory=list)  # the names of those tags, in that order


def parse_text(text: str, pelican_settings: dict) -> Parsed:
    """What the Markdown reader and the tagger make of one article file's text."""
    md = Markdown(**pelican_settings["MARKDOWN"])
    html = md.convert(text)
    meta = getattr(md, "Meta", {}) or {}
    exclude = settings.get(pelican_settings, "EXCLUDE_TAGS") or ()
    evidence = tag_article(text, site_tagger(pelican_settings), exclude)
    return Parsed(html, meta, pack_object(evidence), [e.name for e in evidence])


def parsed_file(raw: bytes, pelican_settings: dict) -> tuple[str, Parsed]:
    """The file's SHA-256 and what :func:`parse_text` makes of it, kept by the speed layer."""
    key = file_key(raw)
    return key, memo(PARSED, key, lambda: parse_text(raw.decode("utf-8"), pelican_settings))


TAGGER_FILE = "newsarchive-tagger.pickle"  # in CACHE_PATH, with NEWSARCHIVE_CACHE


def site_tagger(pelican_settings: dict) -> Tagger:
    """The site's tagger, kept in its cache folder between builds when the cache is on."""
    stored = None
    if settings.get(pelican_settings, "NEWSARCHIVE_CACHE"):
        stored = Path(pelican_settings.get("CACHE_PATH") or "cache") / TAGGER_FILE
    return tagger_for(taxonomy_folder(pelican_settings), stored_in=stored)


def check_taxonomy(pelican) -> None:
    """Load the taxonomy once at the start of a build and report its problems as path:line."""
    for problem in site_tagger(pelican.settings).taxonomy.problems:
        logger.error("%s", f"{problem.path}:{problem.line}: {problem.message}")


class TaggingMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, plus automatic tags and hand-given aliases resolved.

    The Markdown and the tags of a file come from :func:`parsed_file` (the speed layer keeps them
    by the file's hash); the metadata are made of Markdown's as Pelican's ``MarkdownReader`` makes
    them, with its public parts (``process_metadata``, ``FORMATTED_FIELDS``,
    ``DUPLICATES_DEFINITIONS_ALLOWED``)."""

    def read(self, source_path):
        key, parsed = parsed_file(Path(source_path).read_bytes(), self.settings)
        content, metadata = parsed.html, self._metadata(parsed.meta, source_path)
        if parsed.tags:
            metadata["tags"] = [Tag(name, self.settings) for name in parsed.tags]
        else:
            metadata.pop("tags", None)
        metadata["tag_evidence"] = parsed.evidence  # packed: kept compressed until read
        metadata[SOURCE_KEY] = key  # what a page's fingerprint uses for all that comes from the file
        return content, metadata

    def _metadata(self, meta: dict, source_path: str) -> dict:
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        md = None
        if any(name.lower() in formatted_fields for name in meta):  # a formatted field (summary) is Markdown too
            md = Markdown(**self.settings["MARKDOWN"])
            md.preprocessors.deregister("meta")
        output = {}
        for name, value in meta.items():
            name = name.lower()
            if name in formatted_fields:
                md.reset()
                output[name] = self.process_metadata(name, md.convert("\n".join(value)))
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    _reader_logger.warning("Duplicate definition of `%s` for %s. Using first one.", name, source_path)
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output


_reader_logger = logging.getLogger("pelican.readers")  # where Pelican's reader says the same


def use_tagging_reader(readers) -> None:
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = TaggingMarkdownReader


def attach_tag_data(generator) -> None:
    """After aggregation: one shared ``Tag`` object per tag, with its data for templates."""
    canonical = {tag.slug: tag for tag in generator.tags}
    seen_by_slug: dict[str, _Seen] = defaultdict(_Seen)
    everything = [*generator.articles, *generator.translations, *getattr(generator, "hidden_articles", ())]
    for article in everything:  # each article's evidence unpacked in turn, never all at once
        article.tags = [canonical.get(tag.slug, tag) for tag in getattr(article, "tags", None) or ()]
        by_name = {e.name: e for e in unpacked(getattr(article, "tag_evidence", None)) or ()}
        for tag in article.tags:
            if tag.name in by_name:
                seen_by_slug[tag.slug].add(by_name[tag.name])
    shared: dict[str, Counter] = defaultdict(Counter)
    for article in generator.articles:
        slugs = sorted({tag.slug for tag in article.tags})
        for slug in slugs:
            shared[slug].update(other for other in slugs if other != slug)
    minimum = settings.get(getattr(generator, "settings", {}), "NEWSARCHIVE_RULE_PERSON_MIN_ARTICLES")
    for slug, tag in canonical.items():
        seen = seen_by_slug.get(slug) or _Seen()
        tag.type = seen.type or UNKNOWN_TYPE
        tag.geonames_id = seen.place_id
        tag.aliases = _aliases(tag.name, seen.spellings, seen.given_as)
        tag.count = len(generator.tags[tag])
        tag.has_page = not (tag.type == "person" and seen.by_rule_only and tag.count < minimum)
    without_page = {tag for tag in canonical.values() if not tag.has_page}
    generator.tags_without_page = {}  # the tags index still lists them, linked to their one article
    for tag in without_page:  # no page and no feed: Pelican writes both from ``generator.tags``
        generator.tags_without_page[tag] = generator.tags.pop(tag)
    if without_page:
        generator.context["tags"] = list(generator.tags.items())
    for slug, tag in canonical.items():
        pairs = [(canonical[other], count) for other, count in shared[slug].items() if canonical[other].has_page]
        tag.related = sorted(pairs, key=lambda pair: (-pair[1], pair[0].name.casefold(), pair[0].name))[:RELATED_TAGS]
    for article in everything:
        for tag in article.tags:  # a tag of a hidden article only: not aggregated by Pelican
            if not hasattr(tag, "type"):
                tag.type, tag.aliases, tag.count, tag.related, tag.geonames_id = UNKNOWN_TYPE, [], 0, [], None
                tag.has_page = True
        article.tags_by_type = tags_by_type(article.tags)
        if vars(article).get("tag_evidence") is None:  # read packed, not unpacked again
            article.tag_evidence = []


@dataclass
class _Seen:
    """What the evidence of one tag's articles says of it, gathered article by article."""

    type: str | None = None  # as the first article's evidence gives it
    spellings: set[str] = field(default_factory=set)  # as found in the texts
    given_as: set[str] = field(default_factory=set)  # as written in ``Tags:`` headers
    place_id: int | None = None  # a place's GeoNames id: its key, so same-named places never share a tag
    by_rule_only: bool = True  # found by a rule in every article, never curated nor given by hand

    def add(self, evidence: TagEvidence) -> None:
        if self.type is None:
            self.type = evidence.type
        self.by_rule_only = self.by_rule_only and evidence.origin == "rule" and not evidence.given
        self.place_id = self.place_id or evidence.place_id
        self.spellings.update(m.spelling for m in evidence.matches)
        self.given_as.update(evidence.given_as)


def _aliases(name: str, spellings_found: set[str], given_as: set[str]) -> list[str]:
    """The spellings other than ``name`` that gave this tag, as the taxonomy writes them when it can."""
    spellings: dict[str, str] = {normal_key(name): name}
    for spelling in sorted(spellings_found):
        spellings.setdefault(normal_key(spelling), spelling)
    for spelling in sorted(given_as):  # hand-given: only if written another way
        spellings.setdefault(normal_key(spelling), spelling)
    return sorted(s for s in spellings.values() if s != name)


def tags_by_type(tags) -> OrderedDict:
    """Type -> tags, types in the order place, organization, person, topic; names sorted."""
    grouped: OrderedDict = OrderedDict()
    for tag in sorted(tags, key=lambda t: (type_order(t.type), t.name.casefold(), t.name)):
        grouped.setdefault(tag.type, []).append(tag)
    return grouped


def tags_data(tags) -> list[dict]:
    """What ``tags.json`` holds: every tag, by slug; a place known to the gazetteer with its GeoNames id;
    ``"page": false`` for a tag without a page of its own (a person found by rule in one article)."""
    return [
        {"name": tag.name, "type": tag.type, "slug": tag.slug, "aliases": list(tag.aliases), "count": tag.count}
        | ({"geonames_id": tag.geonames_id} if getattr(tag, "geonames_id", None) else {})
        | ({"page": False} if getattr(tag, "has_page", True) is False else {})
        for tag in sorted(tags, key=lambda t: t.slug)
    ]


def write_tags_json(generator, writer=None) -> None:
    name = settings.get(generator.settings, "NEWSARCHIVE_TAGS_JSON")
    if not name:
        return
    path = Path(generator.output_path) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    every_tag = [*generator.tags, *getattr(generator, "tags_without_page", ())]
    text = json.dumps(tags_data(every_tag), ensure_ascii=False, indent=2, sort_keys=True)
    write_output_file(path, text + "\n")

