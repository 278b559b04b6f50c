"""Paths inside the output folder, relative to it, without os.path.relpath's cost."""

import os

from newsarchive.model.files import relative_within


def test_a_path_below_the_folder_is_cut_at_the_folder():
    assert relative_within("/site/.output.building/2024/01/a.html", "/site/.output.building") == "2024/01/a.html"
    assert relative_within("/site/.output.building/a.html", "/site/.output.building/") == "a.html"


def test_other_paths_are_as_relpath_makes_them():
    for path, folder in (("/site/other/a.html", "/site/output"), ("/site/output/../x/a.html", "/site/output"),
                         ("/site/output/./b/a.html", "/site/output"), ("/site/outputs/a.html", "/site/output")):
        assert relative_within(path, folder) == os.path.relpath(path, folder), path


def test_linking_over_a_file_replaces_it_and_never_writes_through_it(tmp_path):
    from newsarchive.model.files import link_or_copy

    previous, new, target = tmp_path / "previous.html", tmp_path / "new.html", tmp_path / "page.html"
    previous.write_text("previous build", encoding="utf-8")
    new.write_text("this build", encoding="utf-8")
    os.link(previous, target)  # the staging folder's file is another build's
    link_or_copy(new, target)
    assert target.read_text(encoding="utf-8") == "this build" and os.path.samefile(target, new)
    assert previous.read_text(encoding="utf-8") == "previous build"
