"""Metadata fields whose header names Pelican cannot turn into attributes (``Original-URL``)."""

from __future__ import annotations

from pelican.contents import Article

from .source_pages import is_web_url


def attach_fields(content) -> None:
    if not isinstance(content, Article):
        return
    meta = content.metadata
    original = meta.get("original-url")
    content.original_url = str(original).strip() if original else None
    # only http(s) becomes a link: a "javascript:" URL stays inert text
    content.original_link = content.original_url if is_web_url(content.original_url) else None
    role = meta.get("byline-role")
    content.byline_role = str(role).strip() if role else None
