"""The check for changed inputs hashes each content file once, and hands the hashes to the build."""

import hashlib
import os
import shutil

from newsarchive.build import stamp
from newsarchive.build.stamp import inputs_digest
from newsarchive.incremental import BuildSession
from newsarchive.model.code_digest import PACKAGE


def _content(tmp_path):
    folder = tmp_path / "content" / "articles"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("Title: A\n\nOne.\n", encoding="utf-8")
    (folder / "b.md").write_text("Title: B\n\nTwo.\n", encoding="utf-8")
    return {"PATH": str(tmp_path / "content")}


def test_each_content_file_s_hash_is_handed_on_by_absolute_path(tmp_path):
    settings = _content(tmp_path)
    keys = {}
    inputs_digest(settings, tmp_path / "output", "environment", keys)
    a = tmp_path / "content" / "articles" / "a.md"
    assert keys[os.path.abspath(a)] == hashlib.sha256(a.read_bytes()).hexdigest()
    assert len(keys) == 2


def test_the_inputs_digest_changes_with_a_file_s_bytes_or_name_and_the_environment(tmp_path):
    settings = _content(tmp_path)
    first = inputs_digest(settings, tmp_path / "output", "environment")
    assert inputs_digest(settings, tmp_path / "output", "environment") == first
    assert inputs_digest(settings, tmp_path / "output", "another") != first
    (tmp_path / "content" / "articles" / "b.md").write_text("Title: B\n\nTwo!\n", encoding="utf-8")
    edited = inputs_digest(settings, tmp_path / "output", "environment")
    assert edited != first
    (tmp_path / "content" / "articles" / "b.md").rename(tmp_path / "content" / "articles" / "c.md")
    assert inputs_digest(settings, tmp_path / "output", "environment") not in (first, edited)
    assert inputs_digest(settings, tmp_path / "output", None) is None


def test_a_file_the_check_hashed_is_not_hashed_again(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("Title: A\n", encoding="utf-8")
    known = BuildSession(file_keys={str(path): "as-the-check-found-it"})
    assert known.key_of_file(str(path)) == "as-the-check-found-it"
    assert BuildSession().key_of_file(str(path)) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_environment_digest_changes_with_any_of_newsarchive_s_code(tmp_path, monkeypatch):
    """Not only the build package's: an edit of a feature or of the speed layer builds again."""
    code = tmp_path / "newsarchive"
    shutil.copytree(PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__", "theme", "skeleton"))
    monkeypatch.setattr(stamp, "PACKAGE", code)
    (tmp_path / "theme").mkdir()
    settings = {**_content(tmp_path), "PLUGINS": [stamp.PLUGIN], "THEME": str(tmp_path / "theme")}
    before = stamp.environment_digest(settings)
    assert before is not None and stamp.environment_digest(settings) == before
    for module in ("site/jsonld.py", "incremental/fingerprints.py"):
        path = code / module
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        after = stamp.environment_digest(settings)
        assert after != before
        before = after
