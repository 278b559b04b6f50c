"""The newsarchive Pelican plugin: list it in ``PLUGINS`` as ``"newsarchive.plugin"``.

Its modules and Pelican are imported by ``register``, not here: the build's parent process uses a
few plain helpers of this package (the settings' defaults, the page records) without loading
Pelican, and stays small beside the Pelican process it forks (their memory adds up)."""

from __future__ import annotations


def register() -> None:
    from pelican import signals

    from . import (
        archives,
        article_store,
        cite,
        clusters,
        collector,
        content_urls,
        data_page,
        dataset,
        dates,
        fields,
        figures,
        large_sites,
        membership,
        ordering,
        output_guard,
        packed,
        page_data,
        parse_cache,
        provenance,
        related,
        search,
        settings,
        sitemap,
        slug_memo,
        sources,
        tag_groups,
        tags,
        teasers,
        timeline,
        unchanged,
    )

    # first of all: nothing may touch an output folder that a build did not make
    signals.initialized.connect(output_guard.check_output_folder)
    large_sites.install()
    slug_memo.install()
    signals.initialized.connect(collector.pause)
    signals.initialized.connect(large_sites.load_templates_once)
    signals.initialized.connect(settings.apply_defaults)
    signals.article_generator_context.connect(dates.give_undated_a_sort_date)
    signals.article_generator_context.connect(sources.attach_source)
    signals.article_generator_context.connect(parse_cache.count_read)
    signals.content_object_init.connect(packed.use_packed_fields)  # first: the others may pack a field
    signals.content_object_init.connect(dates.attach_published_date)
    signals.content_object_init.connect(provenance.attach_provenance)
    signals.content_object_init.connect(fields.attach_fields)
    signals.content_object_init.connect(figures.attach_figures)
    signals.article_generator_pretaxonomy.connect(ordering.order_articles)
    signals.get_generators.connect(sources.get_generators)
    signals.get_generators.connect(archives.get_generators)
    signals.get_generators.connect(clusters.get_generators)
    signals.get_generators.connect(data_page.get_generators)
    signals.all_generators_finalized.connect(content_urls.fix_urls)
    signals.all_generators_finalized.connect(related.attach_related)
    signals.all_generators_finalized.connect(tag_groups.build_tag_index)
    signals.all_generators_finalized.connect(timeline.attach_timelines)
    signals.article_generator_write_article.connect(page_data.attach_page_data)
    signals.get_generators.connect(search.get_generators)
    signals.initialized.connect(sitemap.start)
    signals.content_written.connect(sitemap.record)
    signals.content_written.connect(page_data.release_page_data)
    signals.finalized.connect(sitemap.write)
    signals.initialized.connect(tags.check_taxonomy)
    signals.readers_init.connect(tags.use_tagging_reader)
    signals.readers_init.connect(article_store.install)
    signals.article_generator_init.connect(parse_cache.prefill)
    signals.finalized.connect(parse_cache.save)
    signals.get_writer.connect(unchanged.get_writer)
    signals.generator_init.connect(teasers.install)
    signals.initialized.connect(teasers.forget)
    signals.finalized.connect(teasers.forget)
    signals.article_generator_finalized.connect(tags.attach_tag_data)
    signals.article_generator_finalized.connect(membership.index_article_lists)
    signals.article_generator_finalized.connect(large_sites.list_pages_one_at_a_time)
    signals.article_generator_finalized.connect(search.write_article_pages_by_part)
    signals.article_writer_finalized.connect(tags.write_tags_json)
    signals.article_writer_finalized.connect(cite.write_citations_json)
    signals.article_writer_finalized.connect(dataset.write_dataset)
    # last of their signals: after every receiver that adds to the context, and after the cache is saved
    signals.all_generators_finalized.connect(collector.resume)
    signals.finalized.connect(collector.release)
