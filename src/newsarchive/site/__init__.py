"""The site's features: what the pages show. Pelican's public API only (signals, generators,
content objects, URL wrappers, readers); values that may be kept between builds are asked of
the speed layer's package (``newsarchive.incremental``: ``memo``, ``declare`` ...), never of its
modules.

``CONNECTIONS`` is the features' table of receivers by stage of Pelican's run. Listed alone in
``PLUGINS`` (``"newsarchive.site"``) the features build the same pages as with the speed layer
(``"newsarchive.plugin"``, which connects both tables), only slower.
"""

from __future__ import annotations

from pelican import signals

from ..model import settings
from ..model.pipeline import Connection, Order, Stage, connect
from . import (
    archives,
    article_page_data,
    cite,
    cluster_pages,
    data_page,
    dataset,
    drafts,
    feed_entries,
    header_fields,
    ordering,
    output_guard,
    provenance_entries,
    published_dates,
    read_ahead,  # noqa: F401 - declares the prefill pool's work
    related,
    reported_figures,
    search_data,
    sitemap,
    source_pages,
    syndication,
    tag_groups,
    tags,
    teasers,
    templates,
    timeline,
)

CONNECTIONS = [
    # read: settings, readers, each article read and made
    Connection(Stage.READ, "initialized", output_guard.check_output_folder, Order.FIRST,
               "first of all: nothing may touch an output folder that a build did not make"),
    Connection(Stage.READ, "initialized", settings.apply_defaults, Order.FIRST,
               "every other receiver reads the settings with their defaults"),
    Connection(Stage.READ, "initialized", sitemap.start),
    Connection(Stage.READ, "initialized", tags.check_taxonomy),
    Connection(Stage.READ, "initialized", teasers.forget),
    Connection(Stage.READ, "initialized", timeline.forget),
    Connection(Stage.READ, "readers_init", tags.use_tagging_reader),
    Connection(Stage.READ, "article_generator_context", published_dates.give_undated_a_sort_date),
    Connection(Stage.READ, "article_generator_context", source_pages.attach_source),
    Connection(Stage.READ, "content_object_init", published_dates.attach_published_date),
    Connection(Stage.READ, "content_object_init", provenance_entries.attach_provenance),
    Connection(Stage.READ, "content_object_init", header_fields.attach_fields),
    Connection(Stage.READ, "content_object_init", reported_figures.attach_figures),
    Connection(Stage.READ, "article_generator_pretaxonomy", ordering.order_articles),
    # context: what is made of all the articles
    Connection(Stage.CONTEXT, "article_generator_finalized", tags.attach_tag_data),
    Connection(Stage.CONTEXT, "all_generators_finalized", related.attach_related),
    Connection(Stage.CONTEXT, "all_generators_finalized", tag_groups.build_tag_index),
    Connection(Stage.CONTEXT, "all_generators_finalized", timeline.attach_timelines),
    Connection(Stage.CONTEXT, "all_generators_finalized", drafts.prepare_drafts),
    # generate: new page kinds (their generators run in this order, after Pelican's)
    Connection(Stage.GENERATE, "get_generators", source_pages.get_generators),
    Connection(Stage.GENERATE, "get_generators", archives.get_generators),
    Connection(Stage.GENERATE, "get_generators", cluster_pages.get_generators),
    Connection(Stage.GENERATE, "get_generators", search_data.get_generators),
    Connection(Stage.GENERATE, "get_generators", syndication.get_generators),
    Connection(Stage.GENERATE, "get_generators", data_page.get_generators),
    Connection(Stage.GENERATE, "generator_init", templates.fall_back_on_packaged_templates, Order.FIRST,
               "before any generator loads a template: the theme's templates, then the packaged ones"),
    Connection(Stage.GENERATE, "generator_init", teasers.install),
    Connection(Stage.GENERATE, "generator_init", timeline.install),
    # write
    Connection(Stage.WRITE, "article_generator_write_article", article_page_data.attach_page_data),
    Connection(Stage.WRITE, "content_written", sitemap.record),
    Connection(Stage.WRITE, "feed_generated", feed_entries.date_entries),
    Connection(Stage.WRITE, "article_writer_finalized", tags.write_tags_json),
    Connection(Stage.WRITE, "article_writer_finalized", cite.write_citations_json),
    Connection(Stage.WRITE, "article_writer_finalized", dataset.write_dataset),
    # finalize
    Connection(Stage.FINALIZE, "finalized", sitemap.write),
    Connection(Stage.FINALIZE, "finalized", teasers.forget),
    Connection(Stage.FINALIZE, "finalized", timeline.forget),
    Connection(Stage.FINALIZE, "finalized", templates.copy_static_files_of_our_pages),
    Connection(Stage.FINALIZE, "finalized", search_data.index_under_plain_pelican),
]


def register() -> None:
    """The features alone (``PLUGINS = ["newsarchive.site"]``)."""
    connect(CONNECTIONS, signals)


def preload(pelican_settings: dict) -> None:
    """Load what every build of this site needs (the tagger), in a process that forks its builds."""
    tags.site_tagger(pelican_settings)
