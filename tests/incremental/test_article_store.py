"""An unchanged article file is not read again: the article Pelican made of it is kept between builds."""

import logging
from types import SimpleNamespace

import pytest
from blinker import NamedSignal
from pelican.contents import Article
from pelican.log import LimitFilter
from pelican.readers import MarkdownReader, Readers
from pelican.settings import DEFAULT_CONFIG

from newsarchive.incremental import BuildSession, article_store, pelican_patches, session
from newsarchive.site import source_pages

ARTICLE = "Title: Ferry service resumes\nDate: 2024-03-01\nSource: Harbour Gazette\n\nThe ferry sails again.\n"


def _settings(tmp_path, environment="env-1"):
    settings = dict(DEFAULT_CONFIG)
    settings.update(PATH=str(tmp_path / "content"), CACHE_PATH=str(tmp_path / "cache"))
    settings["NEWSARCHIVE_SOURCES_FILE"] = str(tmp_path / "source_pages.yaml")
    return settings


def _build(tmp_path, names=("a.md",), environment="env-1"):
    """One build's reading: the articles of ``names``, through the store; the cache saved after."""
    settings = _settings(tmp_path, environment)
    session.begin(BuildSession(environment=environment))
    session.start(settings)
    readers = Readers(settings)
    pelican_patches.store_articles(readers)
    generator = SimpleNamespace(settings=settings)
    context_signal = NamedSignal("test_article_context")
    context_signal.connect(source_pages.attach_source)
    try:
        return [readers.read_file(settings["PATH"], name, content_class=Article, context={},
                                  context_signal=context_signal, context_sender=generator) for name in names]
    finally:
        session.finish()


@pytest.fixture
def site(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "content" / "b.md").write_text(ARTICLE.replace("Ferry service resumes", "Second ferry"),
                                               encoding="utf-8")
    return tmp_path


@pytest.fixture
def reads(monkeypatch):
    """The paths the Markdown reader is asked to read."""
    asked = []
    original = MarkdownReader.read

    def counted(self, source_path):
        asked.append(source_path.rsplit("/", 1)[-1])
        return original(self, source_path)

    monkeypatch.setattr(MarkdownReader, "read", counted)
    return asked


def test_an_unchanged_file_is_not_read_again(site, reads):
    [first] = _build(site)
    [again] = _build(site)
    assert reads == ["a.md"]
    assert (again.title, again.content, again.date, again.slug) == (first.title, first.content, first.date, first.slug)
    assert type(again) is type(first)


def test_an_edited_file_is_read_again(site, reads):
    _build(site)
    (site / "content" / "a.md").write_text(ARTICLE.replace("again", "once more"), encoding="utf-8")
    [edited] = _build(site)
    assert reads == ["a.md", "a.md"]
    assert "once more" in edited.content


def test_another_environment_reads_every_file_again(site, reads):
    _build(site)
    _build(site, environment="env-2")
    assert reads == ["a.md", "a.md"]


def test_without_an_environment_digest_nothing_is_kept(site, reads):
    _build(site, environment="")
    _build(site, environment="")
    assert reads == ["a.md", "a.md"]


def test_loaded_articles_share_the_build_s_settings_and_source_objects(site, reads):
    _build(site, names=("a.md", "b.md"))
    a, b = _build(site, names=("a.md", "b.md"))
    assert len(reads) == 2
    assert isinstance(a.source, source_pages.Source) and a.source is b.source is a.metadata["source"]
    assert a.settings is b.settings and session.current().environment == "env-1"


def test_the_warnings_of_a_reading_are_logged_again_when_the_article_is_loaded(site, monkeypatch, caplog):
    original = MarkdownReader.read

    def warning(self, source_path):
        logging.getLogger("pelican.readers").warning("odd markup in %s", "a.md")
        return original(self, source_path)

    monkeypatch.setattr(MarkdownReader, "read", warning)
    with caplog.at_level(logging.WARNING):
        _build(site)
        LimitFilter._raised_messages.clear()  # Pelican logs a message once per process; a build is a process
        _build(site)
    assert [r.getMessage() for r in caplog.records if r.name == "pelican.readers"] == ["odd markup in a.md"] * 2


def test_a_damaged_entry_is_read_again(site, reads, monkeypatch):
    _build(site)
    monkeypatch.setattr(article_store, "_Unpickler", None)  # every load fails
    [article] = _build(site)
    assert reads == ["a.md", "a.md"] and article.title == "Ferry service resumes"
