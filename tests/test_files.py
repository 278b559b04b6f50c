"""Paths inside the output folder, relative to it, without os.path.relpath's cost."""

import os

from newsarchive.files import relative_within


def test_a_path_below_the_folder_is_cut_at_the_folder():
    assert relative_within("/site/.output.building/2024/01/a.html", "/site/.output.building") == "2024/01/a.html"
    assert relative_within("/site/.output.building/a.html", "/site/.output.building/") == "a.html"


def test_other_paths_are_as_relpath_makes_them():
    for path, folder in (("/site/other/a.html", "/site/output"), ("/site/output/../x/a.html", "/site/output"),
                         ("/site/output/./b/a.html", "/site/output"), ("/site/outputs/a.html", "/site/output")):
        assert relative_within(path, folder) == os.path.relpath(path, folder), path
