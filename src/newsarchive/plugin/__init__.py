"""The newsarchive Pelican plugin: list it in ``PLUGINS`` as ``"newsarchive.plugin"``."""

from __future__ import annotations

from pelican import signals

from . import dates, provenance, settings


def register() -> None:
    signals.initialized.connect(settings.apply_defaults)
    signals.article_generator_context.connect(dates.give_undated_a_sort_date)
    signals.content_object_init.connect(dates.attach_published_date)
    signals.content_object_init.connect(provenance.attach_provenance)
