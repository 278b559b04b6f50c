"""A build keeps its tagger in the cache folder: the next build's process reads it instead of
building it again, unless the taxonomy (or the tagging code) changed or the file is damaged."""

from __future__ import annotations

import shutil

import pytest

from newsarchive.analysis.tagging import tagger as tagging
from newsarchive.analysis.tagging.article import tag_article

from ...conftest import REPO

TEXT = "Title: Talks in Geneva\n\nJets struck near Dayr al-Zawr; the UNSC met in New York.\n"


@pytest.fixture
def taxonomy(tmp_path):
    folder = tmp_path / "taxonomy"
    shutil.copytree(REPO / "taxonomy", folder)
    return folder


class Built:
    """The taggers built, in this process or in the child that builds one to store it."""

    def __init__(self, record):
        self.record = record

    def __len__(self) -> int:
        return len(self.record.read_text().splitlines()) if self.record.exists() else 0


@pytest.fixture
def built(monkeypatch, tmp_path):
    """Each call builds or reads as a new process would (nothing in memory); the taggers built."""
    made = Built(tmp_path / "built")
    real = tagging.Tagger.__init__

    def counting(self, *args, **kwargs):
        with made.record.open("a") as f:
            f.write("built\n")
        real(self, *args, **kwargs)

    monkeypatch.setattr(tagging.Tagger, "__init__", counting)

    def new_process():
        monkeypatch.setattr(tagging, "_TAGGERS", {})

    return made, new_process


def tags(tagger) -> list[tuple[str, str, list[int]]]:
    return [(e.name, e.type, [m.line for m in e.matches]) for e in tag_article(TEXT, tagger)]


def test_the_next_process_reads_the_stored_tagger_and_finds_the_same_tags(taxonomy, tmp_path, built):
    made, new_process = built
    stored = tmp_path / "cache" / "tagger.pickle"
    new_process()
    first = tagging.tagger_for(taxonomy, stored_in=stored)
    assert len(made) == 1 and stored.is_file()
    new_process()
    second = tagging.tagger_for(taxonomy, stored_in=stored)
    assert len(made) == 1, "read from the file, not built"
    assert second is not first and tags(second) == tags(first)
    assert {"Deir Ezzor", "UN Security Council"} <= {name for name, _, _ in tags(second)}


def test_a_changed_taxonomy_or_a_damaged_file_builds_it_again(taxonomy, tmp_path, built):
    made, new_process = built
    stored = tmp_path / "cache" / "tagger.pickle"
    new_process()
    tagging.tagger_for(taxonomy, stored_in=stored)
    tags_file = taxonomy / "tags.yaml"
    tags_file.write_text(tags_file.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    new_process()
    tagging.tagger_for(taxonomy, stored_in=stored)
    assert len(made) == 2, "another taxonomy: built again"
    stored.write_bytes(stored.read_bytes()[:1000])
    new_process()
    again = tagging.tagger_for(taxonomy, stored_in=stored)
    assert len(made) == 3 and tags(again)
    new_process()
    tagging.tagger_for(taxonomy, stored_in=stored)
    assert len(made) == 3, "the damaged file was replaced"


def test_a_process_that_has_the_tagger_neither_reads_nor_writes_the_file(taxonomy, tmp_path, built):
    made, new_process = built
    new_process()
    tagging.tagger_for(taxonomy)
    stored = tmp_path / "cache" / "tagger.pickle"
    tagging.tagger_for(taxonomy, stored_in=stored)
    assert len(made) == 1 and not stored.exists()


def test_the_same_taxonomy_in_another_folder_shares_the_spellings_not_the_problem_paths(taxonomy, tmp_path, built):
    made, new_process = built
    tags_file = taxonomy / "tags.yaml"
    tags_file.write_text(tags_file.read_text(encoding="utf-8") + "  - name: Bogus\n    type: nonsense\n",
                         encoding="utf-8")
    new_process()
    first = tagging.tagger_for(taxonomy)
    other = tmp_path / "elsewhere"
    shutil.copytree(taxonomy, other)
    second = tagging.tagger_for(other, stored_in=tmp_path / "cache" / "tagger.pickle")
    assert len(made) == 1 and tags(second) == tags(first)
    assert [p.path for p in first.taxonomy.problems] == [str(tags_file)]
    assert [p.path for p in second.taxonomy.problems] == [str(other / "tags.yaml")]
