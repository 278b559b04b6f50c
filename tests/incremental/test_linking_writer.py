"""The linking writer: it keeps Pelican's checks against writing a page twice, creates no file
before a page's bytes are known, and links pages whose bytes did not change."""

import os

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import FileOverwriteFailedError

from newsarchive.incremental import BuildSession, session
from newsarchive.incremental.pelican_patches import LinkingWriter


@pytest.fixture
def writer(tmp_path):
    previous, staging = tmp_path / "previous", tmp_path / "staging"
    previous.mkdir()
    staging.mkdir()
    (previous / "same.html").write_text("<p>same</p>", encoding="utf-8")
    settings = dict(DEFAULT_CONFIG)
    session.begin(BuildSession(previous_output=str(previous)))
    session.start(settings)
    yield LinkingWriter(str(staging), settings=settings)
    session.finish()


def test_a_page_is_created_only_when_its_handle_closes(writer):
    path = os.path.join(writer.output_path, "new.html")
    handle = writer._open_w(path, "utf-8")
    assert not os.path.exists(path)
    handle.write("<p>new</p>")
    handle.close()
    with open(path, encoding="utf-8") as f:
        assert f.read() == "<p>new</p>"


def test_a_page_with_the_previous_bytes_is_linked_not_written(writer):
    path = os.path.join(writer.output_path, "same.html")
    with writer._open_w(path, "utf-8") as handle:
        handle.write("<p>same</p>")
    previous = os.path.join(writer.session.previous_output, "same.html")
    assert os.stat(path).st_ino == os.stat(previous).st_ino


def test_writing_a_page_twice_fails_as_in_pelican(writer):
    path = os.path.join(writer.output_path, "twice.html")
    with writer._open_w(path, "utf-8") as handle:
        handle.write("first")
    with pytest.raises(FileOverwriteFailedError):
        writer._open_w(path, "utf-8")


def test_an_override_replaces_the_page_once_and_later_writes_are_skipped(writer):
    path = os.path.join(writer.output_path, "page.html")
    with writer._open_w(path, "utf-8") as handle:
        handle.write("first")
    with writer._open_w(path, "utf-8", override=True) as handle:
        handle.write("second")
    with writer._open_w(path, "utf-8") as handle:  # skipped: written to os.devnull
        handle.write("third")
    with open(path, encoding="utf-8") as f:
        assert f.read() == "second"
    with pytest.raises(FileOverwriteFailedError):
        writer._open_w(path, "utf-8", override=True)
