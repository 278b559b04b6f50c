"""Tags grouped by type (place, organization, person, topic) for article pages and the tags index.

Works before and after the tagger lands: a tag without a ``type`` is filed under "other".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican.generators import ArticlesGenerator

TYPE_LABELS = {
    "place": "Places",
    "organization": "Organizations",
    "person": "People",
    "topic": "Topics",
    "other": "Other tags",
}


@dataclass
class TagCount:
    """A tag in the tags index with its article count and aliases (not the taxonomy's ``TagEntry``)."""

    tag: object
    count: int
    aliases: tuple[str, ...] = ()
    article: object = None  # a tag without a page of its own (a person found by rule once): its article


@dataclass
class TagGroup:
    type: str
    label: str
    tags: list = field(default_factory=list)


def tag_type(tag) -> str:
    tag = tag.tag if isinstance(tag, TagCount) else tag
    kind = str(getattr(tag, "type", None) or "other").lower()
    return kind if kind in TYPE_LABELS else "other"


def _type_order(kind: str) -> tuple[int, str]:
    order = list(TYPE_LABELS)
    return (order.index(kind) if kind in order else len(order), kind)


def group_tags(tags) -> list[TagGroup]:
    groups: dict[str, TagGroup] = {}
    for tag in tags:
        kind = tag_type(tag)
        groups.setdefault(kind, TagGroup(kind, TYPE_LABELS.get(kind, kind.title())))
        groups[kind].tags.append(tag)
    for group in groups.values():
        group.tags.sort(key=lambda item: _name(item).casefold())
    return [groups[kind] for kind in sorted(groups, key=_type_order)]


def _name(item) -> str:
    return str(item.tag if isinstance(item, TagCount) else item)


def article_tag_groups(article) -> list[TagGroup]:
    by_type = getattr(article, "tags_by_type", None)
    if by_type:
        groups = [
            TagGroup(kind, TYPE_LABELS.get(kind, str(kind).title()), list(tags)) for kind, tags in by_type.items()
        ]
        return sorted((g for g in groups if g.tags), key=lambda g: _type_order(g.type))
    return group_tags(getattr(article, "tags", None) or ())


def build_tag_index(generators) -> None:
    """``tag_groups`` in the context: every tag with its count and aliases, grouped by type."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        entries = []
        for tag, articles in generator.tags.items():
            count = getattr(tag, "count", None)
            aliases = tuple(getattr(tag, "aliases", None) or ())
            entries.append(TagCount(tag, count if isinstance(count, int) else len(articles), aliases))
        for tag, articles in getattr(generator, "tags_without_page", {}).items():
            entries.append(TagCount(tag, len(articles), tuple(getattr(tag, "aliases", None) or ()), articles[0]))
        groups = group_tags(entries)
        for group in groups:
            group.tags.sort(key=lambda entry: (str(entry.tag).casefold(), entry.tag.slug))
        generator.context["tag_groups"] = groups
