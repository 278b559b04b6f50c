"""The speed layer's receivers in Pelican's run, as a table by stage (see ``newsarchive.model.pipeline``).

``newsarchive.plugin`` connects this table with the features' (``newsarchive.site``). The
receivers that depend on Pelican's internals (``pelican_patches``) are in it only when
``pelican_patches.enabled()``; otherwise one warning says the build runs without them.
"""

from __future__ import annotations

from ..model.pipeline import Connection, Order, Stage
from . import article_lists, known_urls, lazy_page_data, memory, pelican_patches, prefill, session


def _start(pelican_object) -> None:
    session.start(pelican_object.settings)


def _finish(pelican_object) -> None:
    session.finish()


_ALWAYS = [
    Connection(Stage.READ, "initialized", _start, Order.FIRST, "the session is there for every receiver"),
    Connection(Stage.READ, "initialized", memory.pause),
    Connection(Stage.READ, "article_generator_init", prefill.prefill),
    Connection(Stage.READ, "article_generator_context", prefill.count_read),
    Connection(Stage.CONTEXT, "article_generator_finalized", article_lists.index_article_lists),
    Connection(Stage.CONTEXT, "all_generators_finalized", known_urls.fix_urls),
    Connection(Stage.CONTEXT, "all_generators_finalized", memory.resume, Order.LAST,
               "after every receiver that adds to the context: what they made is frozen"),
    Connection(Stage.WRITE, "content_written", lazy_page_data.release_page_data),
    Connection(Stage.FINALIZE, "finalized", _finish),
    Connection(Stage.FINALIZE, "finalized", memory.release, Order.LAST, "after the parse cache is saved"),
]

_PATCHED = [
    Connection(Stage.READ, "initialized", pelican_patches.load_templates_once),
    Connection(Stage.READ, "readers_init", pelican_patches.store_articles),
    Connection(Stage.READ, "content_object_init", pelican_patches.use_packed_fields, Order.FIRST,
               "the others may pack a field"),
    Connection(Stage.CONTEXT, "article_generator_finalized", pelican_patches.list_pages_one_at_a_time),
    Connection(Stage.CONTEXT, "article_generator_finalized", pelican_patches.write_article_pages_by_part),
    Connection(Stage.WRITE, "get_writer", pelican_patches.get_writer),
]


def connections() -> list[Connection]:
    """The speed layer's table for this Pelican; installs the module-level patches when they fit it."""
    if not pelican_patches.enabled():
        pelican_patches.warn_disabled()
        return list(_ALWAYS)
    pelican_patches.install()
    return _ALWAYS + _PATCHED
