"""The README stays true to the code: its settings table is the declared settings."""

from newsarchive.model.settings import markdown_table

from .conftest import REPO


def test_readme_lists_every_plugin_setting():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "refresh with: .venv/bin/python -m newsarchive.model.settings"


def test_readme_gives_the_two_setup_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "make test" in readme
