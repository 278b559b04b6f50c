"""tags.yaml is checked on load: every problem named as path:line in words a user can act on."""

import pytest

from newsarchive.analysis.tagging.sources import load_sources
from newsarchive.analysis.tagging.taxonomy import load_taxonomy

from ...conftest import REPO

BAD_FILES = [
    # (tags.yaml text, the one problem expected, after "tags.yaml:")
    (
        "tags:\n  - name: Aleppo\n    type: city\n",
        "2: error: tag 'Aleppo' has type 'city'; expected one of: place, organization, person, topic",
    ),
    (
        "tags:\n  - name: Homs\n    type: place\n  - name: Hims\n    type: place\n    aliases: [Homs]\n",
        "4: error: alias 'Homs' of tag 'Hims' is already claimed by 'Homs' (line 2)",
    ),
    (
        "tags:\n  - name: Homs\n    type: place\n    aliases: [Hims]\n  - name: Hims\n    type: place\n",
        "5: error: tag 'Hims' is already an alias of tag 'Homs' (line 2)",
    ),
    (
        "tags:\n  - name: Latakia\n    type: place\n    aliases: [Lattakia]\n"
        "  - name: Lattakia City\n    type: place\n    aliases: [lattakia]\n",
        "5: error: alias 'lattakia' of tag 'Lattakia City' is already claimed by 'Latakia' (line 2)",
    ),
    (
        "tags:\n  - name: Daesh\n    type: organization\n  - name: Daesh\n    type: organization\n",
        "4: error: tag 'Daesh' is already defined at line 2",
    ),
    (
        "tags:\n  - name: SAA\n    type: organization\n  - name: Syrian Arab Army\n    type: organization\n"
        "  - name: saa\n    type: topic\n",
        "6: error: tag 'saa' is already defined at line 2",
    ),
    ("tags:\n  - type: place\n", "2: error: a tag needs a 'name'"),
    ("- name: Homs\n", "1: error: expected a top-level 'tags:' list"),
    ("tags: [\n", "2: error: not valid YAML"),
]


@pytest.mark.parametrize(("text", "problem"), BAD_FILES)
def test_taxonomy_problems_name_the_line(tmp_path, text, problem):
    path = tmp_path / "tags.yaml"
    path.write_text(text, encoding="utf-8")
    problems = [str(p) for p in load_taxonomy(path).problems]
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:{problem}")


def test_a_bad_entry_is_left_out_and_the_rest_is_kept(tmp_path):
    path = tmp_path / "tags.yaml"
    path.write_text("tags:\n  - name: X\n    type: city\n  - name: Homs\n    type: place\n", encoding="utf-8")
    assert [e.name for e in load_taxonomy(path).entries] == ["Homs"]


def test_a_missing_file_is_an_empty_taxonomy(tmp_path):
    taxonomy = load_taxonomy(tmp_path / "tags.yaml")
    assert taxonomy.entries == [] and taxonomy.problems == []


def test_the_repository_taxonomies_are_valid():
    taxonomy = load_taxonomy(REPO / "taxonomy" / "tags.yaml")
    assert taxonomy.problems == []
    assert {e.type for e in taxonomy.entries} == {"place", "organization", "person", "topic"}
    assert load_sources(REPO / "taxonomy" / "sources.yaml").problems == []


def test_sources_share_the_line_numbered_loader(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - name: A\n  - homepage: x\n  - name: A\n", encoding="utf-8")
    assert [str(p) for p in load_sources(path).problems] == [
        f"{path}:3: error: a source needs a 'name'",
        f"{path}:4: error: source 'A' is already defined at line 2",
    ]
