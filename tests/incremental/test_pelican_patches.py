"""Pelican's steps that grow faster than a site are replaced by linear ones with the same results."""

import random
from types import SimpleNamespace

import pelican.generators
from pelican.utils import process_translations as pelican_process_translations

from newsarchive.incremental import pelican_patches


def corpus(seed):
    rng = random.Random(seed)
    items = []
    for number in range(60):
        lang = rng.choice(["en", "en", "en", "fr", "de"])
        metadata = {"translation": rng.choice(["false", "false", "true"])}
        items.append(SimpleNamespace(slug=f"s{rng.randrange(25)}", lang=lang, in_default_lang=lang == "en",
                                     metadata=metadata, source_path=f"content/{number}.md", translations=[]))
    return items


def outcome(items, index, translations):
    number = {id(item): n for n, item in enumerate(items)}
    return ([number[id(i)] for i in index], [number[id(t)] for t in translations],
            [[number[id(t)] for t in item.translations] for item in items])


def test_translations_are_pelicans_exactly():
    for seed in range(5):
        ours, theirs = corpus(seed), corpus(seed)
        expected = outcome(list(theirs), *pelican_process_translations(theirs, "slug"))
        assert outcome(list(ours), *pelican_patches.process_translations(ours, "slug")) == expected


def test_no_translation_id_returns_everything_as_originals():
    items = corpus(1)
    assert pelican_patches.process_translations(items, None) == (items, [])


def test_pelicans_generators_use_the_linear_version_once_the_plugin_is_registered():
    from newsarchive import plugin

    plugin.register()
    assert pelican.generators.process_translations is pelican_patches.process_translations


def test_templates_are_not_checked_on_disk_for_every_page_unless_the_site_asks():
    site = SimpleNamespace(settings={"JINJA_ENVIRONMENT": {"trim_blocks": True}})
    pelican_patches.load_templates_once(site)
    assert site.settings["JINJA_ENVIRONMENT"] == {"trim_blocks": True, "auto_reload": False}
    asked = SimpleNamespace(settings={"JINJA_ENVIRONMENT": {"auto_reload": True}})
    pelican_patches.load_templates_once(asked)
    assert asked.settings["JINJA_ENVIRONMENT"]["auto_reload"] is True


def test_list_pages_get_the_same_articles_in_the_same_order_as_from_pelicans_scan():
    from pelican.generators import ArticlesGenerator

    from newsarchive.incremental.article_lists import ArticleList

    class Generator:
        generate_tags = ArticlesGenerator.generate_tags
        generate_categories = ArticlesGenerator.generate_categories
        generate_authors = ArticlesGenerator.generate_authors
        context: dict = {}

        def get_template(self, name):
            return name

    rng = random.Random(3)
    articles = [SimpleNamespace(n=n) for n in range(40)]
    class Person:  # hashed by identity, as Pelican's URLWrapper is by name
        def __init__(self, n):
            self.name = self.slug = f"p{n}"
            self.save_as, self.url, self.page_name = f"authors/p{n}.html", "", ""

    people = [Person(n) for n in range(6)]

    def made():
        generator = Generator()
        generator.articles = articles
        generator.dates = sorted(articles, key=lambda a: rng.random())
        generator.authors = [(p, ArticleList(rng.sample(articles, rng.randrange(1, 15)))) for p in people]
        generator.tags = {p: rng.sample(articles, 5) + [articles[0], articles[0]] for p in people[:3]}
        generator.categories = [(people[0], list(articles))]
        return generator

    def pages(generator):
        written = []
        for method in ("generate_tags", "generate_categories", "generate_authors"):
            getattr(generator, method)(lambda *args, **kw: written.append((args[0], [a.n for a in kw["dates"]])))
        return written

    plain = made()
    expected = pages(plain)
    ours = Generator()
    ours.__dict__.update(plain.__dict__)
    pelican_patches.list_pages_one_at_a_time(ours)
    assert pages(ours) == expected
    assert ours.authors is plain.authors and ours.dates is plain.dates  # put back after each method
