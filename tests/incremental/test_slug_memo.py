"""Tag, author and category slugs are Pelican's, each name slugified once per process."""

from __future__ import annotations

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Tag
from pelican.utils import slugify

from newsarchive.incremental import pelican_patches

NAMES = ["Deir ez-Zor", "Al-Qaeda", "UN Security Council", "Reykjavík", "<b>Bold</b> name", "ceasefire"]


@pytest.fixture
def installed(monkeypatch):
    import pelican.urlwrappers

    monkeypatch.setattr(pelican.urlwrappers, "slugify", pelican_patches.remembered_slugify)
    pelican_patches._slugify.cache_clear()
    yield
    pelican_patches._slugify.cache_clear()


@pytest.mark.parametrize("changed", [{}, {"SLUGIFY_PRESERVE_CASE": True}, {"SLUGIFY_USE_UNICODE": True},
                                     {"TAG_REGEX_SUBSTITUTIONS": [[r"[^\w\s-]", ""], [r"\s+", "_"]]}])
def test_slugs_are_pelicans(installed, changed):
    settings = {**DEFAULT_CONFIG, **changed}
    subs = settings.get("TAG_REGEX_SUBSTITUTIONS", settings["SLUG_REGEX_SUBSTITUTIONS"])
    for name in NAMES:
        expected = slugify(name, regex_subs=subs, preserve_case=settings["SLUGIFY_PRESERVE_CASE"],
                           use_unicode=settings["SLUGIFY_USE_UNICODE"])
        assert Tag(name, settings).slug == expected


def test_each_name_is_slugified_once_however_many_objects_name_it(installed, monkeypatch):
    calls = []
    real = pelican_patches.slugify
    monkeypatch.setattr(pelican_patches, "slugify", lambda value, **kw: calls.append(value) or real(value, **kw))
    settings = dict(DEFAULT_CONFIG)
    tags = [Tag(name, settings) for _ in range(50) for name in NAMES]
    authors = [Author("Jane Doe", settings) for _ in range(50)]
    assert len({t.slug for t in tags}) == len(NAMES) and {a.slug for a in authors} == {"jane-doe"}
    assert len(set(tags)) == len(NAMES)  # hashing and comparing use the slugs too
    assert sorted(calls) == sorted([*NAMES, "Jane Doe"])
