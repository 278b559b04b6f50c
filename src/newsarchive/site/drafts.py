"""Drafts (``Status: draft``) on a site without category pages.

Pelican gives an article a category only when categories have pages (``CATEGORY_SAVE_AS``); an
archive has none (its folders are years). Pelican 4.12 then writes every draft's page with
``category=draft.category`` (and a draft's URL may name its category's slug), which such a draft
does not have, and the whole build stops with an ``AttributeError``. Each draft without one gets
the category Pelican would have given it, ``DEFAULT_CATEGORY``, so its page is written
(``DRAFT_SAVE_AS``, ``drafts/<slug>.html``) and it stays out of every listing, as Pelican means
drafts to. Articles that are not drafts are left as they are: no category page is made.

Pelican sends no signal before it writes a draft (``article_generator_write_article`` is for
published articles), so a draft also gets here what its page shows that an article gets there
(its page data: JSON-LD, citation, tags by type), when the speed layer does not make it.
"""

from __future__ import annotations

from itertools import chain

from pelican.generators import ArticlesGenerator
from pelican.urlwrappers import Category

from .article_page_data import attach_page_data


def prepare_drafts(generators) -> None:
    """``all_generators_finalized``: drafts are listed apart, in ``drafts`` and ``drafts_translations``."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        category = Category(generator.settings.get("DEFAULT_CATEGORY") or "misc", generator.settings)
        for draft in chain(generator.drafts, generator.drafts_translations):
            if not hasattr(draft, "category"):
                draft.category = category
            attach_page_data(generator, draft)
