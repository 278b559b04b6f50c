"""Slugs are what Pelican's own slugify makes of a title, without the import side importing Pelican."""

from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.utils import slugify as pelican_slugify

from newsarchive.ingest.slugs import MAX_SLUG_LENGTH, SLUG_SUBSTITUTIONS, base_slug, slugify

TITLES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120) | st.sampled_from([
    "Syria: Coordinated Terror Attacks", "Déjà vu in Aleppo — “again”", "<b>Bold</b> &amp; brave",
    "ISTANBUL (Reuters) – Ölüm", "Ｆｕｌｌｗｉｄｔｈ ｔｉｔｌｅ", "Дамаск: обстрел", "   ", "--- ***",
])


@settings(max_examples=400, deadline=None)
@given(TITLES)
def test_slugify_is_pelicans(title):
    assert slugify(title, regex_subs=SLUG_SUBSTITUTIONS) == pelican_slugify(title, regex_subs=SLUG_SUBSTITUTIONS)


def test_a_slug_is_ascii_cut_at_a_word_and_never_empty():
    assert base_slug("Déjà vu in Aleppo — “again”") == "deja-vu-in-aleppo-again"
    assert base_slug("*** !!!") == "article"
    long = base_slug("word " * 40)
    assert len(long) <= MAX_SLUG_LENGTH and not long.endswith("-") and long.endswith("word")
