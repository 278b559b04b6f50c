"""The README is the tour: the two set-up commands, and links into docs/ for the reference."""

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_setup_commands():
    assert "make site" in README and "make test" in README


def test_readme_links_the_reference_in_docs():
    for page in ("docs/commands.md", "docs/settings.md", "docs/article-format.md", "docs/start-an-archive.md",
                 "docs/deploy.md"):
        assert f"]({page})" in README, page
    assert "| `NEWSARCHIVE_" not in README, "the settings table lives in docs/settings.md, not twice"
