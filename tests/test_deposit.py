"""newsarchive bag: a BagIt bag of the built site, content and inputs that validates, and fails
validation once one payload byte changes."""

from __future__ import annotations

import shutil

import bagit
import pytest

from newsarchive.deposit import BagError, make_bag

pytestmark = pytest.mark.slow


@pytest.fixture
def bag_of_sample(sample_site, tmp_path):
    stamp = sample_site.root / "cache" / "newsarchive-build.json"
    said: list[str] = []
    made = make_bag(sample_site.output, tmp_path / "bag", sample_site.root, sample_site.content,
                    "newsarchive sample", stamp, said.append)
    return made, said


def test_bag_validates_and_holds_site_content_and_inputs(bag_of_sample):
    made, _ = bag_of_sample
    made.validate()  # raises bagit.BagValidationError when not valid
    payload = {path.split("/")[1] for path in made.payload_files()}
    assert payload == {"site", "content", "inputs"}
    assert "data/site/index.html" in set(made.payload_files())
    assert any(p.startswith("data/inputs/digests/") for p in made.payload_files())
    assert made.info["Source-Organization"] == "newsarchive sample"
    assert made.info["Newsarchive-Version"] and len(made.info["Build-Input-Digest"]) == 64
    assert "sha256" in made.algorithms


def test_bag_fails_validation_after_one_payload_byte_changes(bag_of_sample):
    made, _ = bag_of_sample
    page = made.path + "/data/site/index.html"
    data = bytearray(open(page, "rb").read())
    data[100] = data[100] ^ 1
    open(page, "wb").write(bytes(data))
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(made.path).validate()


def test_inputs_outside_the_site_are_listed_in_bag_info(sample_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(sample_site.content, site / "content")
    made = make_bag(sample_site.output, tmp_path / "bag", site, site / "content", "x", tmp_path / "none.json",
                    lambda message: None)
    lines = made.info["External-Input"]
    assert any(line.startswith("digests/2024-03-18-harbour.txt (outside the site folder") for line in lines)
    assert "Build-Input-Digest" not in made.info  # no record of a build: left out, and said so


def test_a_bag_needs_a_built_site_and_an_empty_folder(sample_site, tmp_path):
    with pytest.raises(BagError, match="no built site"):
        make_bag(tmp_path, tmp_path / "bag", tmp_path, tmp_path, "x", tmp_path / "s", print)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "f").write_text("x")
    with pytest.raises(BagError, match="not empty"):
        make_bag(sample_site.output, tmp_path / "full", tmp_path, tmp_path, "x", tmp_path / "s", print)
